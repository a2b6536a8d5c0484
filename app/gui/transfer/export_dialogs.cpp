#include "transfer/export_dialogs.h"

#include "common/text.h"
#include "common/wx_text.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace knotwork::gui {

namespace {

wxDateTime to_wx(const Date& d) {
    return wxDateTime(static_cast<wxDateTime::wxDateTime_t>(d.day()), static_cast<wxDateTime::Month>(d.month() - 1),
                      static_cast<int>(d.year()), 12, 0, 0);
}

Date from_wx(const wxDateTime& t) {
    try {
        return Date(static_cast<unsigned short>(t.GetYear()), static_cast<unsigned short>(t.GetMonth() + 1),
                    static_cast<unsigned short>(t.GetDay()));
    } catch (const std::exception&) {
        return Date(boost::gregorian::not_a_date_time);
    }
}

} // namespace

ExportOptionsDialog::ExportOptionsDialog(wxWindow* parent, bool calendar, Date today,
                                         const std::vector<std::string>& therapists)
    : wxDialog(parent, wxID_ANY, calendar ? _("Export Calendar") : _("Export Appointments"), wxDefaultPosition,
               wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_calendar(calendar), m_therapists(therapists) {
    SetName(calendar ? "calendar-export" : "appointments-export");
    const DayRange range = default_export_range(today);
    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(10, 8)));
    grid->AddGrowableCol(1);
    auto label = [&](const wxString& text) {
        grid->Add(new wxStaticText(this, wxID_ANY, text), 0, wxALIGN_CENTER_VERTICAL);
    };
    m_from = new wxDatePickerCtrl(this, wxID_ANY, to_wx(range.from), wxDefaultPosition, wxDefaultSize,
                                  wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    m_from->SetName("export-from");
    m_to = new wxDatePickerCtrl(this, wxID_ANY, to_wx(range.to), wxDefaultPosition, wxDefaultSize,
                                wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    m_to->SetName("export-to");
    // Wide enough for the locale's longest date next to the drop-down button.
    const int picker_width = GetTextExtent(to_wx(Date(2026, 12, 28)).FormatDate()).x + FromDIP(64);
    m_from->SetMinSize(wxSize(picker_width, -1));
    m_to->SetMinSize(wxSize(picker_width, -1));
    label(_("&From:"));
    grid->Add(m_from, 0);
    label(_("&To (included):"));
    grid->Add(m_to, 0);
    if (calendar) {
        label(_("T&herapist:"));
        if (!therapists.empty()) {
            m_therapist_choice = new wxChoice(this, wxID_ANY);
            m_therapist_choice->SetName("export-therapist");
            m_therapist_choice->Append(_("All therapists"));
            for (const auto& name : therapists) m_therapist_choice->Append(wx(name));
            m_therapist_choice->SetSelection(0);
            grid->Add(m_therapist_choice, 1, wxEXPAND);
        } else {
            m_therapist_text = new wxTextCtrl(this, wxID_ANY);
            m_therapist_text->SetName("export-therapist");
            m_therapist_text->SetHint(_("All therapists"));
            m_therapist_text->SetToolTip(_("The therapist's name as the schedule shows it; empty for everyone"));
            grid->Add(m_therapist_text, 1, wxEXPAND);
        }
        label(_("&Names in summary:"));
        m_summary = new wxChoice(this, wxID_ANY);
        m_summary->SetName("export-summary");
        for (const auto& choice : summary_choices()) m_summary->Append(wx(choice.label));
        m_summary->SetSelection(0);
        grid->Add(m_summary, 1, wxEXPAND);
    }

    auto* top = new wxBoxSizer(wxVERTICAL);
    const wxString intro =
        calendar ? _("The appointments as an iCalendar file for a phone or a calendar program.\n"
                     "Nothing clinical is written; the summary names the client as chosen below.")
                 : _("The appointments between these days as a CSV file for a spreadsheet.");
    top->Add(new wxStaticText(this, wxID_ANY, intro), 0, wxALL, FromDIP(12));
    top->Add(grid, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(12));
    m_problem = new wxStaticText(this, wxID_ANY, wxString());
    m_problem->SetName("export-problem");
    m_problem->SetForegroundColour(wxColour(0xb0, 0x00, 0x20));
    top->Add(m_problem, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(12));
    auto* buttons = new wxStdDialogButtonSizer;
    auto* ok = new wxButton(this, wxID_OK, _("&Export..."));
    ok->SetDefault();
    buttons->AddButton(ok);
    buttons->AddButton(new wxButton(this, wxID_CANCEL));
    buttons->Realize();
    top->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(12));
    SetSizerAndFit(top);
    SetMinSize(GetSize());
    CentreOnParent();
    ok->Bind(wxEVT_BUTTON, &ExportOptionsDialog::on_ok, this);
    auto clear_problem = [this](wxDateEvent& e) {
        m_problem->SetLabel(wxString());
        e.Skip();
    };
    m_from->Bind(wxEVT_DATE_CHANGED, clear_problem);
    m_to->Bind(wxEVT_DATE_CHANGED, clear_problem);
}

CalendarChoices ExportOptionsDialog::choices() const {
    CalendarChoices c;
    c.range = {from_wx(m_from->GetValue()), from_wx(m_to->GetValue())};
    if (m_therapist_choice) {
        const int i = m_therapist_choice->GetSelection();
        if (i > 0 && static_cast<std::size_t>(i) <= m_therapists.size()) c.therapist = m_therapists[i - 1];
    } else if (m_therapist_text) {
        c.therapist = text::trim(utf8(m_therapist_text->GetValue()));
    }
    if (m_summary && m_summary->GetSelection() != wxNOT_FOUND) c.summary = static_cast<std::size_t>(m_summary->GetSelection());
    return c;
}

void ExportOptionsDialog::on_ok(wxCommandEvent& e) {
    const CalendarChoices c = choices();
    std::string problem;
    if (c.range.from.is_not_a_date() || c.range.to.is_not_a_date()) problem = "Choose both days.";
    else problem = range_problem(c.range);
    if (!problem.empty()) {
        m_problem->SetLabel(wx(problem));
        Layout();
        Fit();
        m_to->SetFocus();
        return;
    }
    e.Skip();
}

ImportProblemsDialog::ImportProblemsDialog(wxWindow* parent, const ImportReview& review)
    : wxDialog(parent, wxID_ANY, _("Import Clients"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    SetName("import-problems");
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* heading = new wxStaticText(this, wxID_ANY, wx(review.heading));
    heading->SetName("import-heading");
    heading->SetFont(heading->GetFont().Bold());
    top->Add(heading, 0, wxALL, FromDIP(12));
    wxString lines;
    for (const auto& p : review.problems) lines += wx(p) + "\n";
    auto* list = new wxTextCtrl(this, wxID_ANY, lines, wxDefaultPosition, FromDIP(wxSize(560, 260)),
                                wxTE_MULTILINE | wxTE_READONLY | wxTE_DONTWRAP | wxHSCROLL);
    list->SetName("import-problem-list");
    top->Add(list, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(12));
    const wxString next =
        review.good_rows == 1
            ? _("Import the one good row and leave the others out, or cancel, correct the file and import it again.")
        : review.good_rows > 1
            ? wxString::Format(_("Import the %zu good rows and leave the others out, or cancel, correct the file and "
                                 "import it again."),
                               review.good_rows)
            : _("No row can be imported: correct the file and import it again.");
    auto* hint = new wxStaticText(this, wxID_ANY, next);
    top->Add(hint, 0, wxALL, FromDIP(12));
    auto* buttons = new wxStdDialogButtonSizer;
    if (review.good_rows > 0) {
        auto* ok = new wxButton(this, wxID_OK, _("&Import the Good Rows"));
        buttons->AddButton(ok);
        buttons->AddButton(new wxButton(this, wxID_CANCEL));
        ok->SetDefault();
    } else {
        buttons->AddButton(new wxButton(this, wxID_CANCEL, _("&Close")));
    }
    buttons->Realize();
    top->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12));
    SetSizerAndFit(top);
    SetMinSize(FromDIP(wxSize(420, 260)));
    CentreOnParent();
}

} // namespace knotwork::gui
