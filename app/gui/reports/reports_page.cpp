#include "reports/reports_page.h"

#include "audit_log.h"
#include "common/error_message.h"
#include "common/wx_text.h"
#include "core/display_format.h"
#include "database.h"
#include "reports/report_printout.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/filedlg.h>
#include <wx/print.h>
#include <wx/printdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <iterator>
#include <stdexcept>

namespace knotwork::gui {

namespace {

wxDateTime to_wx(const Date& d) {
    return wxDateTime(static_cast<wxDateTime::wxDateTime_t>(d.day()), static_cast<wxDateTime::Month>(d.month() - 1),
                      static_cast<int>(d.year()));
}
Date from_wx(const wxDateTime& d) {
    return Date(static_cast<unsigned short>(d.GetYear()), static_cast<unsigned short>(d.GetMonth() + 1),
                static_cast<unsigned short>(d.GetDay()));
}

wxString status_text(PlanStatus status) {
    switch (status) {
    case PlanStatus::draft: return _("draft");
    case PlanStatus::active: return _("active");
    case PlanStatus::completed: return _("completed");
    case PlanStatus::discontinued: return _("discontinued");
    }
    return {};
}

// The recommendation choice: "Automatic" first, then each recommendation in enum order.
const report::Recommendation recommendations[] = {report::Recommendation::continue_treatment,
                                                  report::Recommendation::modify_plan,
                                                  report::Recommendation::discharge, report::Recommendation::refer};

wxString default_pick_file(wxWindow* parent, const wxString& suggested) {
    wxFileDialog dialog(parent, _("Save Progress Report as PDF"), wxString(), suggested, _("PDF files (*.pdf)|*.pdf"),
                        wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    return dialog.ShowModal() == wxID_OK ? dialog.GetPath() : wxString();
}

} // namespace

ReportsPage::ReportsPage(wxWindow* parent, std::function<db::Database&()> practice, wxPrintDialogData& print_data)
    : wxPanel(parent, wxID_ANY), m_practice(std::move(practice)), m_print_data(print_data),
      m_pick_file(default_pick_file) {
    SetName("reports-page");
    m_heading = new wxStaticText(this, wxID_ANY, _("Select a client to make a progress report."));
    m_heading->SetName("report-heading");

    m_period = new wxChoice(this, wxID_ANY);
    m_period->SetName("report-period");
    m_from = new wxDatePickerCtrl(this, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize,
                                  wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    m_from->SetName("report-from");
    m_to = new wxDatePickerCtrl(this, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize,
                                wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    m_to->SetName("report-to");
    m_paper = new wxChoice(this, wxID_ANY);
    m_paper->SetName("report-paper");
    m_paper->Append(_("A4"));
    m_paper->Append(_("Letter"));
    m_paper->SetSelection(0);
    m_recommendation = new wxChoice(this, wxID_ANY);
    m_recommendation->SetName("report-recommendation");
    m_recommendation->Append(_("Automatic (from the outcomes)"));
    m_recommendation->Append(_("Continue treatment"));
    m_recommendation->Append(_("Modify the plan"));
    m_recommendation->Append(_("Discharge"));
    m_recommendation->Append(_("Refer"));
    m_recommendation->SetSelection(0);
    m_comment = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(-1, 90)),
                               wxTE_MULTILINE | wxTE_WORDWRAP);
    m_comment->SetName("report-comment");
    m_comment->SetHint(_("Your comment for the report (optional)"));

    m_page_setup = new wxButton(this, wxID_ANY, _("Page Set&up..."));
    m_page_setup->SetName("report-page-setup");
    m_preview = new wxButton(this, wxID_ANY, _("Print Pre&view..."));
    m_preview->SetName("report-preview");
    m_print = new wxButton(this, wxID_ANY, _("&Print..."));
    m_print->SetName("report-print");
    m_save = new wxButton(this, wxID_ANY, _("Save as P&DF..."));
    m_save->SetName("report-save-pdf");
    m_status = new wxStaticText(this, wxID_ANY, wxString());
    m_status->SetName("report-status");

    const int gap = FromDIP(6);
    auto* form = new wxFlexGridSizer(2, gap, FromDIP(10));
    form->AddGrowableCol(1, 1);
    form->AddGrowableRow(4, 1);
    auto label = [this, form](const wxString& text) {
        form->Add(new wxStaticText(this, wxID_ANY, text), 0, wxALIGN_CENTER_VERTICAL);
    };
    label(_("Covers:"));
    form->Add(m_period, 0, wxEXPAND);
    label(_("From:"));
    auto* range = new wxBoxSizer(wxHORIZONTAL);
    range->Add(m_from, 0, wxALIGN_CENTER_VERTICAL);
    range->Add(new wxStaticText(this, wxID_ANY, _("to")), 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, gap);
    range->Add(m_to, 0, wxALIGN_CENTER_VERTICAL);
    form->Add(range);
    label(_("Paper:"));
    form->Add(m_paper);
    label(_("Recommendation:"));
    form->Add(m_recommendation);
    auto* comment_label = new wxStaticText(this, wxID_ANY, _("Comment:"));
    form->Add(comment_label, 0, wxALIGN_TOP | wxTOP, FromDIP(4));
    form->Add(m_comment, 1, wxEXPAND);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(m_page_setup, 0, wxRIGHT, gap);
    buttons->Add(m_preview, 0, wxRIGHT, gap);
    buttons->Add(m_print, 0, wxRIGHT, gap);
    buttons->Add(m_save, 0);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_heading, 0, wxALL, FromDIP(10));
    sizer->Add(form, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(10));
    sizer->Add(buttons, 0, wxALL, FromDIP(10));
    sizer->Add(m_status, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10));
    SetSizer(sizer);

    m_period->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { on_period_changed(); });
    m_page_setup->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { page_setup(); });
    m_preview->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { preview(); });
    m_print->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { print(); });
    m_save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save_pdf(); });
    show_client(nullptr);
}

void ReportsPage::show_client(const app::ClientChart* chart) {
    const bool same = chart && m_client && m_client->id() == chart->client.id();
    const int previous = m_period->GetSelection();
    m_period->Clear();
    m_plans.clear();
    m_status->SetLabel(wxString());
    if (!chart) {
        m_client.reset();
        m_heading->SetLabel(_("Select a client to make a progress report."));
        update_controls();
        return;
    }
    m_client = chart->client;
    m_heading->SetLabel(wxString::Format(_("Progress report for %s"), wx(chart->client.display_name())));
    for (const auto& plan : chart->plans) {
        m_plans.push_back(plan.id());
        m_period->Append(wxString::Format(_("Treatment plan of %s (%s)"), wx(app::format_date(plan.details().created_on)),
                                          status_text(plan.status())));
    }
    m_period->Append(_("Sessions between two dates"));
    int selection = static_cast<int>(m_plans.size()); // the date range
    if (same && previous != wxNOT_FOUND && previous < static_cast<int>(m_period->GetCount())) {
        selection = previous;
    } else {
        const report::ClientHistory history{chart->client, {}, chart->plans, {}};
        if (const auto plan = app::default_report_plan(history)) {
            for (std::size_t i = 0; i < m_plans.size(); ++i)
                if (m_plans[i] == *plan) selection = static_cast<int>(i);
        }
        const Date today = today_local();
        m_to->SetValue(to_wx(today));
        m_from->SetValue(to_wx(today - boost::gregorian::months(3)));
        m_comment->Clear();
        m_recommendation->SetSelection(0);
    }
    m_period->SetSelection(selection);
    update_controls();
}

void ReportsPage::show_unavailable(const wxString& reason) {
    show_client(nullptr);
    m_heading->SetLabel(reason);
    Layout();
}

void ReportsPage::on_period_changed() {
    update_controls();
}

void ReportsPage::update_controls() {
    const bool has_client = m_client.has_value();
    const bool range = has_client && m_period->GetSelection() == static_cast<int>(m_plans.size());
    for (wxWindow* w : std::initializer_list<wxWindow*>{m_period, m_paper, m_recommendation, m_comment,
                                                        m_page_setup, m_preview, m_print, m_save})
        w->Enable(has_client);
    m_from->Enable(range);
    m_to->Enable(range);
    Layout();
}

app::ReportJob ReportsPage::job() const {
    if (!m_client) throw std::logic_error("no client for the report");
    app::ReportJob job;
    job.client = m_client->id();
    job.report_date = today_local();
    const int period = m_period->GetSelection();
    if (period >= 0 && period < static_cast<int>(m_plans.size())) {
        job.plan = m_plans[static_cast<std::size_t>(period)];
    } else {
        job.from = from_wx(m_from->GetValue());
        job.to = from_wx(m_to->GetValue());
        if (*job.to < *job.from) throw ValidationError("period", "the first day comes after the last");
    }
    job.paper = m_paper->GetSelection() == 1 ? report::PaperSize::letter : report::PaperSize::a4;
    const int rec = m_recommendation->GetSelection();
    if (rec >= 1 && rec <= static_cast<int>(std::size(recommendations)))
        job.recommendation = recommendations[rec - 1];
    job.comment = utf8(m_comment->GetValue());
    return job;
}

void ReportsPage::page_setup() {
    apply_paper();
    wxPageSetupDialogData setup(m_print_data.GetPrintData());
    setup.EnableMargins(false); // the report sets its own margins for each paper size
    wxPageSetupDialog dialog(this, &setup);
    if (dialog.ShowModal() != wxID_OK) return;
    m_print_data.SetPrintData(dialog.GetPageSetupDialogData().GetPrintData());
    switch (m_print_data.GetPrintData().GetPaperId()) {
    case wxPAPER_LETTER:
    case wxPAPER_LEGAL:
    case wxPAPER_LETTERSMALL:
    case wxPAPER_EXECUTIVE:
    case wxPAPER_TABLOID:
    case wxPAPER_LEDGER:
        m_paper->SetSelection(1);
        break;
    default:
        m_paper->SetSelection(0);
        break;
    }
    if (m_print_data.GetPrintData().GetOrientation() == wxLANDSCAPE)
        m_status->SetLabel(_("Progress reports are laid out upright; they print in portrait."));
    else
        m_status->SetLabel(wxString::Format(_("Paper: %s."), m_paper->GetStringSelection()));
}

void ReportsPage::apply_paper() {
    m_print_data.GetPrintData().SetPaperId(m_paper->GetSelection() == 1 ? wxPAPER_LETTER : wxPAPER_A4);
    m_print_data.GetPrintData().SetOrientation(wxPORTRAIT);
}

std::shared_ptr<const report::TypesetReport> ReportsPage::typeset(const wxString& what_failed) {
    try {
        wxBusyCursor busy;
        const app::ReportJob j = job();
        const report::ProgressReport r = app::prepare_progress_report(m_practice(), j);
        return std::make_shared<const report::TypesetReport>(r, j.paper);
    } catch (const std::exception& e) {
        show_error(this, what_failed, e);
        return nullptr;
    }
}

void ReportsPage::audit(bool printed, int pages) {
    try {
        db::Database& db = m_practice();
        db::Transaction tx(db);
        db::AuditLog(db).record(printed ? db::AuditAction::print : db::AuditAction::view, "client", m_client->id(),
                                m_client->id(),
                                (printed ? "progress report printed, " : "progress report previewed, ") +
                                    std::to_string(pages) + " pages");
        tx.commit();
    } catch (const std::exception& e) {
        show_error(this, _("The report could not be recorded in the audit trail."), e);
    }
}

void ReportsPage::preview() {
    if (!m_client) return;
    auto doc = typeset(_("The report could not be previewed."));
    if (!doc) return;
    apply_paper();
    const wxString title = wxString::Format(_("Progress Report: %s"), wx(m_client->display_name()));
    auto* preview = new wxPrintPreview(new ReportPrintout(doc, title), new ReportPrintout(doc, title), &m_print_data);
    if (!preview->IsOk()) {
        delete preview;
        show_error(this, _("The report could not be previewed."),
                   std::runtime_error(utf8(_("No printer is set up for the preview."))));
        return;
    }
    audit(false, doc->page_count());
    auto* frame = new wxPreviewFrame(preview, wxGetTopLevelParent(this), title, wxDefaultPosition,
                                     FromDIP(wxSize(900, 760)));
    frame->SetName("report-preview-frame");
    frame->Initialize();
    frame->Show();
}

void ReportsPage::print() {
    if (!m_client) return;
    auto doc = typeset(_("The report could not be printed."));
    if (!doc) return;
    apply_paper();
    wxPrinter printer(&m_print_data);
    ReportPrintout printout(doc, wxString::Format(_("Progress Report: %s"), wx(m_client->display_name())));
    if (!printer.Print(this, &printout, true)) {
        if (wxPrinter::GetLastError() == wxPRINTER_ERROR)
            show_error(this, _("The report could not be printed."),
                       std::runtime_error(utf8(_("The printer reported an error."))));
        return;
    }
    m_print_data = printer.GetPrintDialogData();
    audit(true, doc->page_count());
    m_status->SetLabel(wxString::Format(_("Sent %d pages to the printer."), doc->page_count()));
}

void ReportsPage::save_pdf() {
    if (!m_client) return;
    try {
        const app::ReportJob j = job();
        const wxString path = m_pick_file(this, wx(app::report_file_name(*m_client, j.plan)));
        if (path.empty()) return;
        wxBusyCursor busy;
        const app::ExportedReport done =
            app::export_progress_report(m_practice(), j, std::filesystem::path(utf8(path)));
        m_status->SetLabel(wxString::Format(_("Saved %d pages to %s."), done.pages, path));
    } catch (const std::exception& e) {
        show_error(this, _("The report could not be saved as PDF."), e);
    }
}

} // namespace knotwork::gui
