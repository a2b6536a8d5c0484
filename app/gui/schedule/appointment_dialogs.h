#pragma once
// The schedule's small dialogs. Each gathers input, shows whether the chosen time is free as it
// changes, and acts through the SchedulePresenter; when the slot has problems (a clash, a closed
// day, outside opening hours) it lists them and asks before going ahead.
//  - NewAppointmentDialog: find a client as you type, then date, time, length and therapist.
//  - MoveAppointmentDialog: a new date and time for one appointment, its length kept.
//  - CancelAppointmentDialog: confirms a cancellation and asks for the reason.
#include "schedule/schedule_presenter.h"

#include <wx/dialog.h>

#include <vector>

class wxChoice;
class wxComboBox;
class wxDataViewListCtrl;
class wxDatePickerCtrl;
class wxSearchCtrl;
class wxSpinCtrl;
class wxStaticText;

namespace knotwork::gui {

class NewAppointmentDialog : public wxDialog {
public:
    NewAppointmentDialog(wxWindow* parent, SchedulePresenter& presenter, Date day, int minute);
    // The session booked when ShowModal() returned wxID_OK.
    SessionId booked() const noexcept { return m_booked; }

private:
    void find_clients();
    void update_check();
    void book();
    std::optional<ClientId> chosen_client() const;
    DateTime start() const;

    SchedulePresenter& m_presenter;
    std::vector<db::ClientSummary> m_clients;
    SessionId m_booked = 0;
    wxSearchCtrl* m_search = nullptr;
    wxDataViewListCtrl* m_client_list = nullptr;
    wxDatePickerCtrl* m_date = nullptr;
    wxChoice* m_time = nullptr;
    wxSpinCtrl* m_minutes = nullptr;
    wxComboBox* m_therapist = nullptr;
    wxStaticText* m_check = nullptr;
    std::vector<int> m_time_minutes;
};

class MoveAppointmentDialog : public wxDialog {
public:
    MoveAppointmentDialog(wxWindow* parent, SchedulePresenter& presenter, const AppointmentBlock& block);
    // Where the appointment went when ShowModal() returned wxID_OK.
    DateTime moved_to() const { return m_moved_to; }

private:
    void update_check();
    void move();
    DateTime start() const;

    SchedulePresenter& m_presenter;
    db::AppointmentSummary m_appointment;
    DateTime m_moved_to;
    wxDatePickerCtrl* m_date = nullptr;
    wxChoice* m_time = nullptr;
    wxStaticText* m_check = nullptr;
    std::vector<int> m_time_minutes;
};

class CancelAppointmentDialog : public wxDialog {
public:
    CancelAppointmentDialog(wxWindow* parent, const db::AppointmentSummary& appointment);
    std::string reason() const;

private:
    wxComboBox* m_reason = nullptr;
};

} // namespace knotwork::gui
