#include "reports/report_printout.h"

#include <wx/dc.h>
#include <wx/graphics.h>

#include <cairo.h>

#include <algorithm>

namespace knotwork::gui {

namespace {
// On GTK 3 every window, memory and preview DC is a graphics-context DC over Cairo; the printer's
// DC keeps its own Cairo context.
cairo_t* cairo_of(wxDC& dc) {
    if (wxGraphicsContext* gc = dc.GetGraphicsContext())
        if (void* native = gc->GetNativeContext()) return static_cast<cairo_t*>(native);
    if (wxDCImpl* impl = dc.GetImpl()) return static_cast<cairo_t*>(impl->GetCairoContext());
    return nullptr;
}
} // namespace

bool draw_report_page(wxDC& dc, const report::TypesetReport& doc, int index) {
    cairo_t* cr = cairo_of(dc);
    if (!cr) return false;
    const report::PageDimensions paper = doc.page_size();
    const wxSize pixels = dc.GetSize();
    if (pixels.x <= 0 || pixels.y <= 0 || paper.width <= 0 || paper.height <= 0) return false;
    const double scale = std::min(pixels.x / paper.width, pixels.y / paper.height);
    cairo_save(cr);
    cairo_translate(cr, (pixels.x - paper.width * scale) / 2, (pixels.y - paper.height * scale) / 2);
    cairo_scale(cr, scale, scale);
    doc.draw_page(cr, index);
    cairo_restore(cr);
    return true;
}

ReportPrintout::ReportPrintout(std::shared_ptr<const report::TypesetReport> doc, const wxString& title)
    : wxPrintout(title), m_doc(std::move(doc)) {}

bool ReportPrintout::OnPrintPage(int page) {
    wxDC* dc = GetDC();
    if (!dc || !HasPage(page)) return false;
    // Device pixels throughout: the page is scaled to fit in draw_report_page().
    dc->SetUserScale(1, 1);
    dc->SetDeviceOrigin(0, 0);
    return draw_report_page(*dc, *m_doc, page - 1);
}

bool ReportPrintout::HasPage(int page) {
    return page >= 1 && page <= m_doc->page_count();
}

void ReportPrintout::GetPageInfo(int* min_page, int* max_page, int* from, int* to) {
    *min_page = 1;
    *max_page = m_doc->page_count();
    *from = 1;
    *to = m_doc->page_count();
}

} // namespace knotwork::gui
