#pragma once
// A progress report for wxWidgets' printing framework: the pages of a TypesetReport, drawn with
// Cairo onto whatever the printout's DC is (the preview's page, a printer's page), scaled from the
// report's points to the page so the whole sheet fits.
#include "pdf_renderer.h"

#include <wx/print.h>

#include <memory>

class wxDC;

namespace knotwork::gui {

// Draws page `index` of `doc` onto `dc`, scaled to fit `dc`'s full size in device pixels and
// centred. Returns false when the DC has no Cairo context to draw on.
bool draw_report_page(wxDC& dc, const report::TypesetReport& doc, int index);

class ReportPrintout : public wxPrintout {
  public:
    ReportPrintout(std::shared_ptr<const report::TypesetReport> doc, const wxString& title);

    bool OnPrintPage(int page) override;
    bool HasPage(int page) override;
    void GetPageInfo(int* min_page, int* max_page, int* from, int* to) override;

    const report::TypesetReport& document() const { return *m_doc; }

  private:
    std::shared_ptr<const report::TypesetReport> m_doc;
};

} // namespace knotwork::gui
