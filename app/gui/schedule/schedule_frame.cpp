#include "schedule/schedule_frame.h"

#include "common/error_message.h"
#include "common/wx_text.h"
#include "schedule/appointment_dialogs.h"
#include "schedule/schedule_grid.h"

#include <wx/button.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/statusbr.h>
#include <wx/stattext.h>
#include <wx/tglbtn.h>

#include <algorithm>

namespace knotwork::gui {

namespace {

enum MenuId {
    id_new_appointment = wxID_HIGHEST + 1,
    id_previous,
    id_next,
    id_today,
    id_day_view,
    id_week_view,
    id_reload,
    id_open_note,
    id_show_client,
    id_move,
    id_cancel,
    id_no_show,
    id_delete,
};

constexpr int first_working_minute = 8 * 60;
constexpr int clock_interval_ms = 30 * 1000;

// The quarter hour to offer for a new appointment on `day`: the next one from now today, 09:00
// on any other day.
int suggested_minute(Date day) {
    const DateTime now = now_local();
    if (day != now.date()) return 9 * 60;
    const int minute = static_cast<int>(now.time_of_day().total_seconds() / 60);
    const int next = (minute / SchedulePresenter::slot_minutes + 1) * SchedulePresenter::slot_minutes;
    return std::clamp(next, SchedulePresenter::grid_first_minute, SchedulePresenter::grid_last_minute - 60);
}

} // namespace

ScheduleFrame::ScheduleFrame(wxWindow* parent, db::Database& db, std::function<void(SessionId)> open_note,
                             std::function<void(ClientId)> show_client)
    : m_open_note(std::move(open_note)), m_show_client(std::move(show_client)),
      m_presenter(std::make_unique<SchedulePresenter>(db, today_local())), m_clock(this) {
    // The window is created only once the presenter has read the practice, so a failure leaves
    // nothing half-built on screen.
    Create(parent, wxID_ANY, _("Schedule"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_FRAME_STYLE, "schedule");
    build_menus();
    build_body();
    CreateStatusBar(2);
    // Room for a name in a script whose fallback font stands taller than the UI font.
    GetStatusBar()->SetMinHeight(GetCharHeight() * 2);
    SetSize(FromDIP(wxSize(1180, 780)));
    SetMinSize(FromDIP(wxSize(640, 420)));

    Bind(wxEVT_CHAR_HOOK, &ScheduleFrame::on_char_hook, this);
    Bind(wxEVT_TIMER, &ScheduleFrame::on_clock, this);
    Bind(wxEVT_ACTIVATE, [this](wxActivateEvent& e) {
        // Notes are signed and appointments changed in other windows: show what the file holds.
        if (e.GetActive() && m_grid) {
            try {
                m_presenter->reload();
                refresh_view();
            } catch (const std::exception& ex) {
                wxString message = error_text(_("The schedule could not be reloaded."), ex);
                message.Replace("\n\n", " ");
                SetStatusText(message, 0);
            }
        }
        e.Skip();
    });
    m_clock.Start(clock_interval_ms);
    m_grid->set_now(now_local());
    refresh_view();
    CallAfter([this] { scroll_to_working_hours(); });
    m_grid->SetFocus();
}

ScheduleFrame::~ScheduleFrame() { m_clock.Stop(); }

template <typename Step>
void ScheduleFrame::navigate(Step&& step) {
    try {
        step();
    } catch (const std::exception& e) {
        show_error(this, _("The schedule could not be loaded."), e);
    }
    refresh_view();
    scroll_to_working_hours();
}

void ScheduleFrame::build_menus() {
    auto* schedule = new wxMenu;
    schedule->Append(id_new_appointment, _("&New Appointment...\tCtrl+N"));
    schedule->AppendSeparator();
    schedule->Append(id_previous, _("&Previous\tCtrl+Left"));
    schedule->Append(id_next, _("Ne&xt\tCtrl+Right"));
    schedule->Append(id_today, _("&Today"), _("Go to today (T)"));
    schedule->AppendSeparator();
    schedule->AppendRadioItem(id_day_view, _("&Day View\tCtrl+1"));
    schedule->AppendRadioItem(id_week_view, _("&Week View\tCtrl+2"));
    schedule->AppendSeparator();
    schedule->Append(id_reload, _("&Reload\tF5"));
    schedule->AppendSeparator();
    schedule->Append(wxID_CLOSE, _("&Close\tCtrl+W"));

    auto* appointment = new wxMenu;
    appointment->Append(id_open_note, _("&Open Note"), _("Open the session's note (Enter)"));
    appointment->Append(id_show_client, _("Show &Client"));
    appointment->AppendSeparator();
    appointment->Append(id_move, _("&Move..."));
    appointment->Append(id_cancel, _("&Cancel..."), _("Cancel the appointment (Delete)"));
    appointment->Append(id_no_show, _("Mark &No-show"));
    appointment->AppendSeparator();
    appointment->Append(id_delete, _("&Delete Booking"));

    auto* bar = new wxMenuBar;
    bar->Append(schedule, _("&Schedule"));
    bar->Append(appointment, _("&Appointment"));
    SetMenuBar(bar);

    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        const AppointmentBlock* b = m_presenter->selected_block();
        const Date day = b ? b->appointment.starts_at.date()
                           : (m_presenter->column_of(m_presenter->today()) ? m_presenter->today()
                                                                           : m_presenter->first_day());
        new_appointment(day, suggested_minute(day));
    }, id_new_appointment);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { navigate([this] { m_presenter->previous(); }); }, id_previous);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { navigate([this] { m_presenter->next(); }); }, id_next);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { navigate([this] { m_presenter->go_today(); }); }, id_today);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { navigate([this] { m_presenter->set_view(ScheduleView::day); }); },
         id_day_view);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { navigate([this] { m_presenter->set_view(ScheduleView::week); }); },
         id_week_view);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { reload(); }, id_reload);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_CLOSE);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { open_selected_note(); }, id_open_note);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { show_selected_client(); }, id_show_client);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { move_selected(); }, id_move);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { cancel_selected(); }, id_cancel);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { mark_selected_no_show(); }, id_no_show);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { delete_selected(); }, id_delete);
}

void ScheduleFrame::build_body() {
    auto* panel = new wxPanel(this);
    const int gap = FromDIP(6);

    const wxString back_arrow = wx("\xE2\x80\xB9");    // U+2039
    const wxString forward_arrow = wx("\xE2\x80\xBA"); // U+203A
    auto* previous = new wxButton(panel, id_previous, back_arrow + " " + _("&Previous"));
    auto* today = new wxButton(panel, id_today, _("&Today"));
    auto* next = new wxButton(panel, id_next, _("&Next") + " " + forward_arrow);
    previous->SetToolTip(_("Previous day or week (Ctrl+Left)"));
    next->SetToolTip(_("Next day or week (Ctrl+Right)"));
    today->SetToolTip(_("Go to today (T)"));

    m_title = new wxStaticText(panel, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_NO_AUTORESIZE);
    m_title->SetFont(m_title->GetFont().Bold().Scaled(1.35f));

    m_day_button = new wxToggleButton(panel, id_day_view, _("Day"));
    m_week_button = new wxToggleButton(panel, id_week_view, _("Week"));
    m_day_button->SetToolTip(_("One day (Ctrl+1)"));
    m_week_button->SetToolTip(_("Monday to Sunday (Ctrl+2)"));
    auto* book = new wxButton(panel, id_new_appointment, _("New &Appointment..."));

    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(previous, 0, wxALIGN_CENTER_VERTICAL);
    bar->Add(today, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, gap);
    bar->Add(next, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, gap);
    bar->Add(m_title, 1, wxALIGN_CENTER_VERTICAL | wxLEFT, 3 * gap);
    bar->Add(m_day_button, 0, wxALIGN_CENTER_VERTICAL);
    bar->Add(m_week_button, 0, wxALIGN_CENTER_VERTICAL);
    bar->Add(book, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, 3 * gap);

    m_grid = new ScheduleGrid(panel, *m_presenter);
    m_header = new ScheduleDayHeader(panel, *m_presenter, *m_grid);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(bar, 0, wxEXPAND | wxALL, FromDIP(8));
    sizer->Add(m_header, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    sizer->Add(m_grid, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    sizer->Add(make_legend(panel), 0, wxALL, FromDIP(8));
    panel->SetSizer(sizer);

    // Buttons share the menu's ids; a toggle button sends its own event type.
    panel->Bind(wxEVT_BUTTON, [this](wxCommandEvent& e) {
        wxCommandEvent menu(wxEVT_MENU, e.GetId());
        ProcessWindowEvent(menu);
        if (m_grid) m_grid->SetFocus();
    });
    panel->Bind(wxEVT_TOGGLEBUTTON, [this](wxCommandEvent& e) {
        wxCommandEvent menu(wxEVT_MENU, e.GetId());
        ProcessWindowEvent(menu);
        refresh_view(); // a toggle pressed twice must stay down
        if (m_grid) m_grid->SetFocus();
    });

    m_grid->on_selection_changed = [this] {
        update_selection_text();
        update_actions();
    };
    m_grid->on_open = [this](SessionId id) {
        m_presenter->select(id);
        open_selected_note();
    };
    m_grid->on_new_appointment = [this](Date day, int minute) { new_appointment(day, minute); };
    m_grid->on_context_menu = [this](std::optional<SessionId> block, Date day, int minute, wxPoint at) {
        context_menu(block, day, minute, at);
    };
    m_grid->on_cancel_selected = [this] { cancel_selected(); };
    m_grid->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        if (m_header) m_header->Refresh();
        e.Skip();
    });
    m_header->on_day_clicked = [this](Date day) { navigate([this, day] { m_presenter->show_day(day); }); };
}

void ScheduleFrame::show(Date day, std::optional<SessionId> session) {
    navigate([&] { m_presenter->go_to(day); });
    if (session && m_presenter->select(session)) {
        m_grid->ensure_selection_visible();
        refresh_view();
    }
}

void ScheduleFrame::reload() {
    try {
        m_presenter->reload();
    } catch (const std::exception& e) {
        show_error(this, _("The schedule could not be reloaded."), e);
    }
    refresh_view();
}

bool ScheduleFrame::reload_quietly() {
    try {
        m_presenter->reload();
    } catch (const std::exception& e) {
        wxString message = error_text(_("The schedule could not be reloaded."), e);
        message.Replace("\n\n", " ");
        SetStatusText(message, 0);
        return false;
    }
    refresh_view();
    return true;
}

void ScheduleFrame::refresh_view() {
    const bool week = m_presenter->view() == ScheduleView::week;
    m_title->SetLabel(wx(m_presenter->title()));
    SetTitle(wxString::Format("%s %s %s", _("Schedule"), wx("\xe2\x80\x94"), m_title->GetLabel()));
    m_day_button->SetValue(!week);
    m_week_button->SetValue(week);
    GetMenuBar()->Check(week ? id_week_view : id_day_view, true);
    m_header->refresh_schedule();
    m_grid->refresh_schedule();
    const wxString count = wx(m_presenter->status_text());
    // The last field also holds the size grip, as wide as the bar is tall.
    const int count_width = std::max(FromDIP(200), GetStatusBar()->GetTextExtent(count).x + FromDIP(24) +
                                                       GetStatusBar()->GetSize().y);
    if (GetStatusBar()->GetStatusWidth(1) != count_width) {
        const int widths[] = {-1, count_width};
        GetStatusBar()->SetStatusWidths(2, widths);
    }
    SetStatusText(count, 1);
    update_selection_text();
    update_actions();
}

void ScheduleFrame::update_selection_text() {
    const AppointmentBlock* b = m_presenter->selected_block();
    wxString hint = _("Double-click an empty time to book an appointment.");
    if (const std::string notice = m_presenter->access().notice(); !notice.empty())
        hint = wx(notice) + ". " + _("Double-click an empty time to book.");
    SetStatusText(b ? isolate_name(SchedulePresenter::describe(b->appointment), b->appointment.client_name) : hint, 0);
}

void ScheduleFrame::update_actions() {
    const AppointmentBlock* b = m_presenter->selected_block();
    const AppointmentActions act = b ? m_presenter->available_actions(b->appointment) : AppointmentActions{};
    wxMenuBar* bar = GetMenuBar();
    bar->Enable(id_open_note, b && m_open_note && m_presenter->opens_notes());
    bar->Enable(id_show_client, b && m_show_client);
    bar->Enable(id_move, act.move);
    bar->Enable(id_cancel, act.cancel);
    bar->Enable(id_no_show, act.no_show);
    bar->Enable(id_delete, act.remove);
}

void ScheduleFrame::scroll_to_working_hours() {
    int minute = std::max(first_working_minute, m_presenter->opens_minute()) - 30;
    if (const AppointmentBlock* b = m_presenter->selected_block()) {
        minute = std::min(minute, b->start_minute - 30);
    } else if (!m_presenter->blocks().empty()) {
        int earliest = m_presenter->blocks().front().start_minute;
        for (const auto& block : m_presenter->blocks()) earliest = std::min(earliest, block.start_minute);
        minute = std::min(minute, earliest - 30);
    }
    m_grid->scroll_to_minute(minute);
}

// ---- actions

void ScheduleFrame::new_appointment(Date day, int minute) {
    NewAppointmentDialog dialog(this, *m_presenter, day, minute);
    if (dialog.ShowModal() == wxID_OK) {
        m_presenter->select(dialog.booked());
        m_grid->ensure_selection_visible();
    }
    refresh_view();
}

void ScheduleFrame::open_selected_note() {
    const AppointmentBlock* b = m_presenter->selected_block();
    if (b && !m_presenter->opens_notes()) {
        // An account that may not read notes opens the client's details instead.
        show_selected_client();
        return;
    }
    if (!b || !m_open_note) return;
    const SessionId id = b->appointment.id;
    try {
        m_open_note(id);
    } catch (const std::exception& e) {
        show_error(this, _("The note could not be opened."), e);
    }
    reload();
}

void ScheduleFrame::show_selected_client() {
    const AppointmentBlock* b = m_presenter->selected_block();
    if (!b || !m_show_client) return;
    try {
        m_show_client(b->appointment.client);
    } catch (const std::exception& e) {
        show_error(this, _("The client could not be shown."), e);
    }
}

void ScheduleFrame::move_selected() {
    const AppointmentBlock* b = m_presenter->selected_block();
    if (!b) return;
    const SessionId id = b->appointment.id;
    MoveAppointmentDialog dialog(this, *m_presenter, *b);
    if (dialog.ShowModal() == wxID_OK) {
        // Follow the appointment when it moved out of the days on screen.
        if (!m_presenter->find_block(id)) navigate([&] { m_presenter->go_to(dialog.moved_to().date()); });
        m_presenter->select(id);
        m_grid->ensure_selection_visible();
    }
    refresh_view();
}

void ScheduleFrame::cancel_selected() {
    const AppointmentBlock* b = m_presenter->selected_block();
    if (!b) return;
    if (!actions_for(b->appointment).cancel) {
        wxBell();
        SetStatusText(b->appointment.is_signed ? _("A signed session cannot be cancelled.")
                                               : _("Only a scheduled appointment can be cancelled."),
                      0);
        return;
    }
    const SessionId id = b->appointment.id;
    CancelAppointmentDialog dialog(this, b->appointment);
    if (dialog.ShowModal() != wxID_OK) return;
    try {
        m_presenter->cancel(id, dialog.reason());
    } catch (const std::exception& e) {
        show_error(this, _("The appointment could not be cancelled."), e);
    }
    refresh_view();
}

void ScheduleFrame::mark_selected_no_show() {
    const AppointmentBlock* b = m_presenter->selected_block();
    if (!b) return;
    const SessionId id = b->appointment.id;
    wxMessageDialog ask(this,
                        wxString::Format(_("Mark this appointment as a no-show?\n\n%s"),
                                         wx(SchedulePresenter::describe(b->appointment))),
                        _("Knotwork"), wxYES_NO | wxICON_QUESTION);
    ask.SetYesNoLabels(_("Mark &No-show"), _("&Keep as It Is"));
    if (ask.ShowModal() != wxID_YES) return;
    try {
        m_presenter->mark_no_show(id);
    } catch (const std::exception& e) {
        show_error(this, _("The appointment could not be marked as a no-show."), e);
    }
    refresh_view();
}

void ScheduleFrame::delete_selected() {
    const AppointmentBlock* b = m_presenter->selected_block();
    if (!b) return;
    const SessionId id = b->appointment.id;
    wxMessageDialog ask(this,
                        wxString::Format(_("Delete this booking?\n\n%s\n\nDelete only a booking made by mistake; "
                                           "otherwise cancel it, so the client's record shows it."),
                                         wx(SchedulePresenter::describe(b->appointment))),
                        _("Knotwork"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
    ask.SetYesNoLabels(_("&Delete Booking"), _("&Keep Booking"));
    if (ask.ShowModal() != wxID_YES) return;
    try {
        m_presenter->remove_booking(id);
    } catch (const std::exception& e) {
        show_error(this, _("The booking could not be deleted."), e);
    }
    refresh_view();
}

void ScheduleFrame::context_menu(std::optional<SessionId> block, Date day, int minute, wxPoint at) {
    wxMenu menu;
    if (!block) {
        menu.Append(id_new_appointment, _("&New Appointment Here..."));
        menu.Bind(wxEVT_MENU, [this, day, minute](wxCommandEvent&) { new_appointment(day, minute); },
                  id_new_appointment);
        m_grid->PopupMenu(&menu, at);
        return;
    }
    const AppointmentBlock* b = m_presenter->find_block(*block);
    if (!b) return;
    const AppointmentActions act = m_presenter->available_actions(b->appointment);
    menu.Append(id_open_note, _("&Open Note"))->Enable(m_open_note && m_presenter->opens_notes());
    menu.Append(id_show_client, _("Show &Client"))->Enable(static_cast<bool>(m_show_client));
    menu.AppendSeparator();
    menu.Append(id_move, _("&Move..."))->Enable(act.move);
    menu.Append(id_cancel, _("&Cancel..."))->Enable(act.cancel);
    menu.Append(id_no_show, _("Mark &No-show"))->Enable(act.no_show);
    menu.AppendSeparator();
    menu.Append(id_delete, _("&Delete Booking"))->Enable(act.remove);
    m_grid->PopupMenu(&menu, at);
}

void ScheduleFrame::on_char_hook(wxKeyEvent& e) {
    // GTK does not let a menu accelerator take Ctrl with an arrow key, so the frame does.
    const int key = e.GetKeyCode();
    if ((key == 'T' || key == 't') && !e.HasAnyModifiers()) {
        navigate([this] { m_presenter->go_today(); });
        return;
    }
    if ((key == WXK_LEFT || key == WXK_RIGHT) && e.GetModifiers() == wxMOD_CONTROL) {
        navigate([this, key] {
            if (key == WXK_LEFT) m_presenter->previous();
            else m_presenter->next();
        });
        return;
    }
    e.Skip();
}

void ScheduleFrame::on_clock(wxTimerEvent&) {
    const DateTime now = now_local();
    if (now.date() != m_presenter->today()) {
        m_presenter->set_today(now.date());
        refresh_view();
    }
    m_grid->set_now(now);
}

} // namespace knotwork::gui
