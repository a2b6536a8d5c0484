#pragma once
// The schedule window: a day or a Monday-to-Sunday week of appointments on a time grid, with
// Previous / Today / Next, a Day | Week toggle and the range's title above it. Appointments are
// booked (double-click an empty slot, or New Appointment), moved, cancelled, marked as no-shows
// and deleted from their context menu or the Appointment menu; a double click or Enter opens the
// note. Keys: arrows walk the appointments, Enter opens, Delete cancels after asking,
// Ctrl+Left/Right step the range, T returns to today, F5 reloads. A front-desk account on a
// clinic server books appointments only, and opening one shows the client instead of the note.
//
// A non-modal frame over a practice it does not own (the database must outlive it). The logic
// lives in SchedulePresenter (schedule_presenter.h); opening a note and showing a client are the
// main window's business, reached through the callbacks.
#include "schedule/schedule_presenter.h"

#include <wx/frame.h>
#include <wx/timer.h>

#include <functional>
#include <memory>
#include <optional>

class wxStaticText;
class wxToggleButton;

namespace knotwork::db {
class Database;
}

namespace knotwork::gui {

class ScheduleDayHeader;
class ScheduleGrid;

class ScheduleFrame : public wxFrame {
public:
    // Shows the week holding today. Throws knotwork::Error when the practice cannot be read.
    ScheduleFrame(wxWindow* parent, db::Database& db, std::function<void(SessionId)> open_note,
                  std::function<void(ClientId)> show_client);
    ~ScheduleFrame() override;

    // Shows the range (of the current view) holding `day`, and selects `session` when it is there.
    void show(Date day, std::optional<SessionId> session = std::nullopt);
    // Reads the schedule again, e.g. after a note was signed in another window.
    void reload();
    // The same for the automatic refresh: keeps the selection and the scroll position, and says
    // a failure in the status bar rather than in a message box. False when it failed.
    bool reload_quietly();

    SchedulePresenter& presenter() noexcept { return *m_presenter; }

private:
    void build_menus();
    void build_body();
    void refresh_view();
    void update_selection_text();
    void update_actions();
    // Runs a navigation or reload; reports a failure in a message box.
    template <typename Step>
    void navigate(Step&& step);

    void new_appointment(Date day, int minute);
    void open_selected_note();
    void show_selected_client();
    void move_selected();
    void cancel_selected();
    void mark_selected_no_show();
    void delete_selected();
    void context_menu(std::optional<SessionId> block, Date day, int minute, wxPoint at);
    void on_char_hook(wxKeyEvent& e);
    void on_clock(wxTimerEvent& e);
    void scroll_to_working_hours();

    std::function<void(SessionId)> m_open_note;
    std::function<void(ClientId)> m_show_client;
    std::unique_ptr<SchedulePresenter> m_presenter;
    wxTimer m_clock;

    wxStaticText* m_title = nullptr;
    wxToggleButton* m_day_button = nullptr;
    wxToggleButton* m_week_button = nullptr;
    ScheduleDayHeader* m_header = nullptr;
    ScheduleGrid* m_grid = nullptr;
};

} // namespace knotwork::gui
