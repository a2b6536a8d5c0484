#include "schedule/appointment_dialogs.h"

#include "common/error.h"
#include "common/error_message.h"
#include "common/wx_text.h"
#include "schedule/schedule_grid.h"

#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/dataview.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>

#include <algorithm>

namespace knotwork::gui {

namespace {

constexpr int first_offered_minute = 6 * 60;
constexpr int last_offered_minute = 22 * 60;

const wxColour free_colour(30, 120, 60);
const wxColour problem_colour(176, 72, 0);

wxDateTime to_wx(Date d) {
    return wxDateTime(static_cast<wxDateTime::wxDateTime_t>(d.day().as_number()),
                      static_cast<wxDateTime::Month>(d.month().as_number() - 1), static_cast<int>(d.year()));
}

Date from_wx(const wxDateTime& t) {
    return Date(static_cast<unsigned short>(t.GetYear()), static_cast<unsigned short>(t.GetMonth() + 1),
                static_cast<unsigned short>(t.GetDay()));
}

// Quarter hours from 06:00 to 21:45, and `chosen` in its place when it is none of them.
std::vector<int> fill_times(wxChoice* choice, int chosen) {
    std::vector<int> minutes;
    for (int m = first_offered_minute; m < last_offered_minute; m += SchedulePresenter::slot_minutes)
        minutes.push_back(m);
    if (std::find(minutes.begin(), minutes.end(), chosen) == minutes.end())
        minutes.insert(std::upper_bound(minutes.begin(), minutes.end(), chosen), chosen);
    for (int m : minutes) choice->Append(wx(to_hhmm(boost::posix_time::minutes(m))));
    choice->SetSelection(static_cast<int>(std::find(minutes.begin(), minutes.end(), chosen) - minutes.begin()));
    return minutes;
}

int chosen_minute(const wxChoice* choice, const std::vector<int>& minutes) {
    const int at = choice->GetSelection();
    return at == wxNOT_FOUND ? minutes.front() : minutes[static_cast<std::size_t>(at)];
}

wxDatePickerCtrl* make_date_picker(wxWindow* parent, Date day) {
    return new wxDatePickerCtrl(parent, wxID_ANY, to_wx(day), wxDefaultPosition, wxDefaultSize,
                                wxDP_DROPDOWN | wxDP_SHOWCENTURY);
}

// Shows whether the slot is free: green when it is, the problems one per line when not.
void show_check(wxStaticText* label, const std::vector<std::string>& problems) {
    wxString text;
    if (problems.empty()) {
        text = _("This time is free.");
    } else {
        for (const auto& p : problems) text += (text.empty() ? wxString() : wxString("\n")) + wx(p);
    }
    label->SetForegroundColour(problems.empty() ? free_colour : problem_colour);
    label->SetLabel(text);
    label->Wrap(label->GetParent()->FromDIP(440));
    label->GetParent()->Layout();
}

// "This time has problems: … Book it anyway?" True when the person says go ahead.
bool go_ahead_despite(wxWindow* parent, const std::vector<std::string>& problems, const wxString& question,
                      const wxString& go_ahead) {
    wxString text = _("This time has problems:") + "\n";
    const wxString bullet = wx("\xe2\x80\xa2 ");
    for (const auto& p : problems) text += "\n" + bullet + wx(p);
    wxMessageDialog ask(parent, text + "\n\n" + question, _("Knotwork"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
    ask.SetYesNoLabels(go_ahead, _("&Choose Another Time"));
    return ask.ShowModal() == wxID_YES;
}

wxStaticText* field_label(wxWindow* parent, const wxString& text) {
    return new wxStaticText(parent, wxID_ANY, text);
}

} // namespace

// ---- NewAppointmentDialog

NewAppointmentDialog::NewAppointmentDialog(wxWindow* parent, SchedulePresenter& presenter, Date day, int minute)
    : wxDialog(parent, wxID_ANY, _("New Appointment"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_presenter(presenter) {
    SetName("new-appointment");
    m_search = new wxSearchCtrl(this, wxID_ANY);
    m_search->SetDescriptiveText(_("Name, phone or date of birth"));
    m_client_list = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(460, 200)),
                                           wxDV_SINGLE | wxDV_ROW_LINES);
    m_client_list->AppendTextColumn(_("Client"), wxDATAVIEW_CELL_INERT, FromDIP(220));
    m_client_list->AppendTextColumn(_("Born"), wxDATAVIEW_CELL_INERT, FromDIP(100));
    m_client_list->AppendTextColumn(_("Phone"), wxDATAVIEW_CELL_INERT, FromDIP(120));

    m_date = make_date_picker(this, day);
    m_time = new wxChoice(this, wxID_ANY);
    m_time_minutes = fill_times(m_time, minute);
    m_minutes = new wxSpinCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 15,
                               180, presenter.default_minutes());
    m_minutes->SetIncrement(SchedulePresenter::slot_minutes);
    wxArrayString names;
    for (const auto& t : presenter.therapists()) names.Add(wx(t));
    m_therapist = new wxComboBox(this, wxID_ANY, names.empty() ? wxString() : names[0], wxDefaultPosition,
                                 wxDefaultSize, names, wxCB_DROPDOWN);
    m_check = new wxStaticText(this, wxID_ANY, wxString());

    auto* when = new wxBoxSizer(wxHORIZONTAL);
    when->Add(m_date, 0, wxALIGN_CENTER_VERTICAL);
    when->Add(new wxStaticText(this, wxID_ANY, _("at")), 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, FromDIP(6));
    when->Add(m_time, 0, wxALIGN_CENTER_VERTICAL);
    when->Add(new wxStaticText(this, wxID_ANY, _("for")), 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, FromDIP(6));
    when->Add(m_minutes, 0, wxALIGN_CENTER_VERTICAL);
    when->Add(new wxStaticText(this, wxID_ANY, _("minutes")), 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(6));

    auto* grid = new wxFlexGridSizer(2, FromDIP(8), FromDIP(10));
    grid->AddGrowableCol(1);
    grid->AddGrowableRow(1);
    grid->Add(field_label(this, _("&Client:")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(m_search, 0, wxEXPAND);
    grid->AddSpacer(0);
    grid->Add(m_client_list, 1, wxEXPAND);
    grid->Add(field_label(this, _("&When:")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(when, 0);
    grid->Add(field_label(this, _("&Therapist:")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(m_therapist, 0, wxEXPAND);
    grid->AddSpacer(0);
    grid->Add(m_check, 0, wxEXPAND);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid, 1, wxEXPAND | wxALL, FromDIP(12));
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12));
    SetSizerAndFit(sizer);
    FindWindow(wxID_OK)->SetLabel(_("&Book"));
    SetMinSize(GetSize());

    m_search->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { find_clients(); });
    m_search->Bind(wxEVT_SEARCHCTRL_SEARCH_BTN, [this](wxCommandEvent&) {
        if (m_client_list->GetItemCount() > 0) {
            m_client_list->SelectRow(0);
            m_client_list->SetFocus();
        }
    });
    m_client_list->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) { book(); });
    m_date->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) { update_check(); });
    m_time->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { update_check(); });
    m_minutes->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { update_check(); });
    m_minutes->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { update_check(); });
    m_therapist->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { update_check(); });
    m_therapist->Bind(wxEVT_COMBOBOX, [this](wxCommandEvent&) { update_check(); });
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { book(); }, wxID_OK);

    find_clients();
    update_check();
    m_search->SetFocus();
}

void NewAppointmentDialog::find_clients() {
    m_client_list->DeleteAllItems();
    try {
        m_clients = m_presenter.find_clients(utf8(m_search->GetValue()));
    } catch (const std::exception& e) {
        m_clients.clear();
        m_check->SetForegroundColour(problem_colour);
        m_check->SetLabel(error_text(_("The clients could not be searched."), e));
        return;
    }
    for (const auto& c : m_clients) {
        wxVector<wxVariant> row;
        row.push_back(wx(SchedulePresenter::client_label(c)));
        row.push_back(c.date_of_birth ? wx(to_iso(*c.date_of_birth)) : wxString());
        row.push_back(wx(c.phone));
        m_client_list->AppendItem(row);
    }
    if (m_clients.size() == 1) m_client_list->SelectRow(0);
}

std::optional<ClientId> NewAppointmentDialog::chosen_client() const {
    const int row = m_client_list->GetSelectedRow();
    if (row == wxNOT_FOUND || static_cast<std::size_t>(row) >= m_clients.size()) return std::nullopt;
    return m_clients[static_cast<std::size_t>(row)].id;
}

DateTime NewAppointmentDialog::start() const {
    return DateTime(from_wx(m_date->GetValue()), boost::posix_time::minutes(chosen_minute(m_time, m_time_minutes)));
}

void NewAppointmentDialog::update_check() {
    try {
        show_check(m_check, m_presenter.check_slot(start(), m_minutes->GetValue(), utf8(m_therapist->GetValue())));
    } catch (const std::exception& e) {
        m_check->SetForegroundColour(problem_colour);
        m_check->SetLabel(error_text(_("This time cannot be checked."), e));
        Layout();
    }
}

void NewAppointmentDialog::book() {
    const wxString failed = _("The appointment could not be booked.");
    const auto client = chosen_client();
    if (!client) {
        show_error(this, failed, ValidationError(utf8(_("client")), utf8(_("choose one from the list"))));
        m_search->SetFocus();
        return;
    }
    try {
        const std::string therapist = utf8(m_therapist->GetValue());
        SlotOutcome outcome = m_presenter.book(*client, start(), m_minutes->GetValue(), therapist);
        if (!outcome.done && go_ahead_despite(this, outcome.problems, _("Book it anyway?"), _("&Book Anyway")))
            outcome = m_presenter.book(*client, start(), m_minutes->GetValue(), therapist, Proceed::anyway);
        if (!outcome.done) {
            update_check();
            return;
        }
        m_booked = outcome.session;
        EndModal(wxID_OK);
    } catch (const std::exception& e) {
        show_error(this, failed, e);
    }
}

// ---- MoveAppointmentDialog

MoveAppointmentDialog::MoveAppointmentDialog(wxWindow* parent, SchedulePresenter& presenter,
                                             const AppointmentBlock& block)
    : wxDialog(parent, wxID_ANY, _("Move Appointment"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_presenter(presenter), m_appointment(block.appointment) {
    SetName("move-appointment");
    auto* what = new wxStaticText(this, wxID_ANY, wxString());
    what->SetFont(what->GetFont().Bold());
    what->SetLabel(isolate_name(SchedulePresenter::describe(m_appointment), m_appointment.client_name));
    what->SetMinSize(what->GetTextExtent(what->GetLabel())); // GTK measures a bold label as a plain one
    m_date = make_date_picker(this, m_appointment.starts_at.date());
    m_time = new wxChoice(this, wxID_ANY);
    m_time_minutes = fill_times(m_time, block.start_minute);
    m_check = new wxStaticText(this, wxID_ANY, wxString());

    auto* when = new wxBoxSizer(wxHORIZONTAL);
    when->Add(field_label(this, _("Move &to:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
    when->Add(m_date, 0, wxALIGN_CENTER_VERTICAL);
    when->Add(new wxStaticText(this, wxID_ANY, _("at")), 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, FromDIP(6));
    when->Add(m_time, 0, wxALIGN_CENTER_VERTICAL);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(what, 0, wxEXPAND | wxALL, FromDIP(12));
    sizer->Add(when, 0, wxLEFT | wxRIGHT, FromDIP(12));
    sizer->Add(m_check, 1, wxEXPAND | wxALL, FromDIP(12));
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12));
    SetSizer(sizer);
    FindWindow(wxID_OK)->SetLabel(_("&Move"));

    m_date->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) { update_check(); });
    m_time->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { update_check(); });
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { move(); }, wxID_OK);
    update_check();
    Fit();
    SetMinSize(GetSize());
    m_date->SetFocus();
}

DateTime MoveAppointmentDialog::start() const {
    return DateTime(from_wx(m_date->GetValue()), boost::posix_time::minutes(chosen_minute(m_time, m_time_minutes)));
}

void MoveAppointmentDialog::update_check() {
    try {
        const auto length = m_appointment.ends_at - m_appointment.starts_at;
        show_check(m_check, m_presenter.check_slot(start(), static_cast<int>(length.total_seconds() / 60),
                                                   m_appointment.therapist, m_appointment.id));
    } catch (const std::exception& e) {
        m_check->SetForegroundColour(problem_colour);
        m_check->SetLabel(error_text(_("This time cannot be checked."), e));
        Layout();
    }
}

void MoveAppointmentDialog::move() {
    try {
        SlotOutcome outcome = m_presenter.move(m_appointment.id, start());
        if (!outcome.done && go_ahead_despite(this, outcome.problems, _("Move it anyway?"), _("&Move Anyway")))
            outcome = m_presenter.move(m_appointment.id, start(), Proceed::anyway);
        if (!outcome.done) {
            update_check();
            return;
        }
        m_moved_to = start();
        EndModal(wxID_OK);
    } catch (const std::exception& e) {
        show_error(this, _("The appointment could not be moved."), e);
    }
}

// ---- CancelAppointmentDialog

CancelAppointmentDialog::CancelAppointmentDialog(wxWindow* parent, const db::AppointmentSummary& appointment)
    : wxDialog(parent, wxID_ANY, _("Cancel Appointment"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    SetName("cancel-appointment");
    auto* question = new wxStaticText(this, wxID_ANY, _("Cancel this appointment?"));
    question->SetFont(question->GetFont().Bold());
    auto* what = new wxStaticText(this, wxID_ANY, isolate_name(SchedulePresenter::describe(appointment),
                                                                appointment.client_name));
    wxArrayString reasons;
    for (const wxString& r : {_("Client unwell"), _("Client's request"), _("Therapist unavailable"),
                              _("Practice closed"), _("Weather")})
        reasons.Add(r);
    m_reason = new wxComboBox(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, reasons, wxCB_DROPDOWN);

    auto* reason_row = new wxBoxSizer(wxHORIZONTAL);
    reason_row->Add(field_label(this, _("&Reason:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
    reason_row->Add(m_reason, 1, wxALIGN_CENTER_VERTICAL);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(question, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(12));
    sizer->Add(what, 0, wxALL, FromDIP(12));
    sizer->Add(reason_row, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12));
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12));
    SetSizerAndFit(sizer);
    SetMinSize(GetSize());
    FindWindow(wxID_OK)->SetLabel(_("&Cancel Appointment"));
    FindWindow(wxID_CANCEL)->SetLabel(_("&Keep Appointment"));
    Fit();
    m_reason->SetFocus();
}

std::string CancelAppointmentDialog::reason() const { return utf8(m_reason->GetValue()); }

} // namespace knotwork::gui
