#pragma once
// The logic of the schedule window, in plain C++ and tested without a display: which days are on
// screen (one day, or a Monday-to-Sunday week), their appointments laid out for drawing, the
// practice's closed days and holidays among them, and the booking actions.
//
// What it promises:
//  - Navigation: a week runs Monday to Sunday and holds the anchor day; next() and previous() step
//    a whole day or week (across month and year ends); go_today() returns to the range holding
//    today. Every change of range reloads it.
//  - Layout: each appointment sits in its day's column from its start minute to its end minute
//    (an appointment running past midnight is cut at the end of its day). Appointments that
//    overlap share the column side by side: each takes the first free lane, and every member of
//    a group of overlapping appointments knows how many lanes the group needs. Touching ends do
//    not overlap. Cancelled and no-show bookings are laid out too (they are drawn struck through)
//    but free their time for booking.
//  - Actions run in one transaction each, through the repositories and the domain's rules. The
//    session is read afresh inside it, so a stale screen never overwrites a change made in another
//    window. book() and move() check the slot first (a clash for that therapist, a closed day or
//    holiday, times outside opening hours) and, while there are problems, change nothing unless
//    told to go ahead anyway: the window asks, the presenter never double-books on its own.
//    A signed session can be neither moved nor deleted; a booking whose note has been started is
//    cancelled, not deleted. After every action, successful or not, the range is reloaded.
//  - Access: an account that may not read clinical records (the front desk on a clinic server)
//    books, moves, cancels, marks no-shows and deletes bookings as a therapist does, and opens no
//    note. These actions read and write only the scheduling columns (SessionRepository's
//    appointment(), reschedule(), set_status() and remove_booking()), for every account: one path,
//    and nothing the server refuses the front desk. A booking whose note has been started is
//    refused deletion by the repository, or for the front desk by the server, which reads the
//    note the desk may not.
#include "practice/practice_profile.h"
#include "repositories/client_repository.h"
#include "repositories/session_repository.h"
#include "schedule/practice_calendar.h"
#include "server/access_presenter.h"

#include <optional>
#include <string>
#include <vector>

namespace knotwork::db {
class Database;
}

namespace knotwork::gui {

enum class ScheduleView { day, week };

// How an appointment block is drawn: its colour, and whether it is struck through.
enum class BlockStyle { scheduled, signed_note, unsigned_note, cancelled, no_show };
BlockStyle block_style(const db::AppointmentSummary& a);
// "Scheduled", "Note signed", "Note to sign", "Cancelled", "No-show": the legend's words.
std::string style_label(BlockStyle style);

// Which actions an appointment offers. A signed session offers none; cancelling and marking a
// no-show apply to a booking still scheduled; a cancelled or missed booking is not moved.
struct AppointmentActions {
    bool move = false;
    bool cancel = false;
    bool no_show = false;
    bool remove = false;
};
AppointmentActions actions_for(const db::AppointmentSummary& a);

// One column of the grid.
struct ScheduleDay {
    Date date;
    bool is_today = false;
    std::optional<std::string> closed; // why the practice is closed ("closed on Sundays")
};

// One appointment, placed for drawing.
struct AppointmentBlock {
    db::AppointmentSummary appointment;
    int day = 0;          // column in days()
    int start_minute = 0; // minutes after midnight
    int end_minute = 0;   // at most 24 × 60
    int lane = 0;         // 0-based, left to right
    int lanes = 1;        // lanes its overlapping group needs
    BlockStyle style = BlockStyle::scheduled;
};

// What book() or move() did. When the slot had problems and the caller did not say to go ahead
// anyway, nothing changed and `problems` says why, one sentence each.
struct SlotOutcome {
    bool done = false;
    SessionId session = 0; // the booked or moved session, when done
    std::vector<std::string> problems;
};

enum class Proceed { only_if_free, anyway };
enum class SelectionStep { up, down, left, right };

class SchedulePresenter {
public:
    static constexpr int grid_first_minute = 7 * 60;
    static constexpr int grid_last_minute = 20 * 60;
    static constexpr int slot_minutes = 15;

    // Loads the practice's profile and the range holding `today`. Throws knotwork::Error when the
    // practice cannot be read.
    SchedulePresenter(db::Database& db, Date today, ScheduleView view = ScheduleView::week);
    // As above, for the account `access` describes (PracticeAccess::of(db) above).
    SchedulePresenter(db::Database& db, Date today, ScheduleView view, PracticeAccess access);

    const PracticeAccess& access() const noexcept { return m_access; }
    // actions_for(a): every account may change bookings.
    AppointmentActions available_actions(const db::AppointmentSummary& a) const;
    // Whether opening an appointment opens its note.
    bool opens_notes() const { return m_access.allows(Feature::clinical_records); }

    // ---- the range on screen
    ScheduleView view() const noexcept { return m_view; }
    void set_view(ScheduleView view); // keeps the anchor day
    void go_to(Date day);             // the range of the current view that holds `day`
    void show_day(Date day);          // the day view of `day`
    void next();
    void previous();
    void go_today();
    // The clock passed midnight: today's column moves, the range stays.
    void set_today(Date today);

    Date today() const noexcept { return m_today; }
    Date anchor() const noexcept { return m_anchor; }
    Date first_day() const;
    Date last_day() const;
    const std::vector<ScheduleDay>& days() const noexcept { return m_days; }
    std::optional<int> column_of(Date day) const;
    // "Week of Mon 30 Nov 2026", "Monday 30 November 2026"
    std::string title() const;
    // "Mon 30 Nov" in a week, "Monday 30 November" for a single day.
    std::string day_heading(int column) const;
    // "3 appointments", "No appointments"
    std::string status_text() const;

    // ---- what is drawn
    // Reads the profile and the range's appointments again. Keeps the selection while it exists.
    void reload();
    const std::vector<AppointmentBlock>& blocks() const noexcept { return m_blocks; }
    const AppointmentBlock* find_block(SessionId id) const;
    // The hours the grid shows: 07:00 to 20:00, widened to whole hours that hold every appointment.
    int first_minute() const noexcept { return m_first_minute; }
    int last_minute() const noexcept { return m_last_minute; }
    // The practice's opening hours in minutes after midnight (time outside is shaded).
    int opens_minute() const;
    int closes_minute() const;

    // "09:00 Adaeze Okafor · 3/6"
    static std::string block_text(const db::AppointmentSummary& a);
    // "Maya Okonkwo · Scheduled", "Cancelled", "Completed · note to sign"
    static std::string block_detail(const db::AppointmentSummary& a);
    // One line for the status bar: who, when, with whom, status, place in the series.
    static std::string describe(const db::AppointmentSummary& a);

    // ---- selection and keyboard movement
    std::optional<SessionId> selected() const noexcept { return m_selected; }
    // Selects an appointment in the range (or nothing); returns false for an id not shown.
    bool select(std::optional<SessionId> id);
    const AppointmentBlock* selected_block() const;
    // Up/down: the previous/next appointment of the same day; left/right: the nearest one in
    // time on the closest day before/after that has appointments. Without a selection, selects
    // the first appointment of today (or of the range). Returns true when the selection changed.
    bool step_selection(SelectionStep step);

    // ---- booking helpers
    int default_minutes() const noexcept { return m_profile.default_session_minutes; }
    // The practice's therapist first (named as the bookings name them), then, alphabetically,
    // everyone else booked within eight weeks of the range.
    std::vector<std::string> therapists();
    std::vector<db::ClientSummary> find_clients(const std::string& text, int limit = 200);
    // "Okafor, Adaeze (Ada)"
    static std::string client_label(const db::ClientSummary& c);
    // Everything wrong with the slot, one sentence each; empty when it is free. `ignore` leaves
    // one session's own time out (the one being moved). Throws ValidationError for bad times.
    std::vector<std::string> check_slot(DateTime start, int minutes, const std::string& therapist,
                                        std::optional<SessionId> ignore = std::nullopt);

    // ---- actions (each one transaction, then reload)
    // Books a new appointment; selects it when done. Throws ValidationError for a length outside
    // 15–180 minutes or bad text, NotFoundError for an unknown client.
    SlotOutcome book(ClientId client, DateTime start, int minutes, const std::string& therapist,
                     Proceed proceed = Proceed::only_if_free);
    // Moves the appointment to `new_start`, keeping its length. Throws LockedRecordError for a
    // signed session, ValidationError for a cancelled or no-show one.
    SlotOutcome move(SessionId session, DateTime new_start, Proceed proceed = Proceed::only_if_free);
    void cancel(SessionId session, const std::string& reason);
    void mark_no_show(SessionId session);
    // Deletes a booking made by mistake. Throws LockedRecordError for a signed session and
    // ValidationError when its note has been started.
    void remove_booking(SessionId session);

private:
    template <typename Action>
    auto then_reload(Action&& action) -> decltype(action());
    std::vector<std::string> problems_of(DateTime start, DateTime end, const std::string& therapist,
                                         std::optional<SessionId> ignore);
    void rebuild_days();
    void lay_out(const std::vector<db::AppointmentSummary>& appointments);
    void change_status(SessionId session, AppointmentStatus status, const std::string& reason);

    db::Database& m_db;
    PracticeAccess m_access;
    Date m_today;
    ScheduleView m_view;
    Date m_anchor;
    PracticeProfile m_profile;
    PracticeCalendar m_calendar;
    std::vector<ScheduleDay> m_days;
    std::vector<AppointmentBlock> m_blocks;
    std::optional<SessionId> m_selected;
    int m_first_minute = grid_first_minute;
    int m_last_minute = grid_last_minute;
};

} // namespace knotwork::gui
