#pragma once
// The chart's "Reports" page: a progress report for the selected client, for one of the client's
// treatment plans or a date range, on A4 or Letter, with the therapist's own recommendation and
// comment. Print Preview and Print go through wxWidgets' printing framework; Save as PDF writes
// the file with Cairo (app::export_progress_report, which records the export in the audit trail).
#include "core/chart.h"
#include "core/progress_reports.h"

#include <wx/panel.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class wxButton;
class wxChoice;
class wxDatePickerCtrl;
class wxPrintDialogData;
class wxStaticText;
class wxTextCtrl;

namespace knotwork::db {
class Database;
}

namespace knotwork::gui {

class ReportsPage : public wxPanel {
  public:
    // `practice` gives the open practice (it changes when another practice is opened);
    // `print_data` is the program's printer and page setup, kept between prints.
    ReportsPage(wxWindow* parent, std::function<db::Database&()> practice, wxPrintDialogData& print_data);

    // The client whose report the page makes; nullptr when none is selected.
    void show_client(const app::ClientChart* chart);
    // No report for the account signed in: the page says `reason` and offers nothing.
    void show_unavailable(const wxString& reason);

    // The three actions of the page's buttons, also reached from the Reports menu. Each does
    // nothing without a selected client (the menu disables them then).
    void preview();
    void print();
    void save_pdf();

    // Page Setup: the printer's paper and orientation dialog. The chosen paper becomes the report's
    // paper (Letter for the North American sizes, A4 otherwise); the report keeps its own margins.
    void page_setup();

    // What the controls ask for. Throws ValidationError when the date range is not a range.
    app::ReportJob job() const;

    // Where "Save as PDF..." asks for the file; by default a wxFileDialog. Returns an empty string
    // when the user cancelled. Tests put their own here.
    using FilePicker = std::function<wxString(wxWindow* parent, const wxString& suggested_name)>;
    void set_file_picker(FilePicker picker) { m_pick_file = std::move(picker); }

  private:
    void on_period_changed();
    void update_controls();
    // The report typeset as the controls ask, or nullptr after telling the user why not.
    std::shared_ptr<const report::TypesetReport> typeset(const wxString& what_failed);
    // Records that the report was shown or printed, as the PDF export records itself.
    void audit(bool printed, int pages);
    void apply_paper();

    std::function<db::Database&()> m_practice;
    wxPrintDialogData& m_print_data;
    FilePicker m_pick_file;
    std::optional<Client> m_client;
    std::vector<PlanId> m_plans; // in the order of the period choice; the date range comes last

    wxStaticText* m_heading;
    wxChoice* m_period;
    wxDatePickerCtrl* m_from;
    wxDatePickerCtrl* m_to;
    wxChoice* m_paper;
    wxChoice* m_recommendation;
    wxTextCtrl* m_comment;
    wxButton* m_page_setup;
    wxButton* m_preview;
    wxButton* m_print;
    wxButton* m_save;
    wxStaticText* m_status;
};

} // namespace knotwork::gui
