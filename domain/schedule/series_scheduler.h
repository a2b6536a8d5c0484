#pragma once
// The series scheduler: turns a plan's series (how many sessions, how often, from which date, at
// what time, with whom) into dated appointments on the practice's calendar, and finds clashes
// with appointments already booked.
//
// What it promises:
//  - The rhythm: weekly is every 7 days; twice weekly alternates 3 and 4 days (a Monday start
//    gives Monday and Thursday); every N days is every N days. Each session's intended date is
//    counted from the start date, so a moved session never shifts the ones after it.
//  - A session whose date falls on a closed weekday or a holiday moves to the next open day and
//    says so ("moved from Fri 2026-12-25: holiday (Christmas Day)"). Sessions stay in order and
//    never share a day: a session whose day was taken by the one before moves on as well.
//  - Clashes: an appointment clashes with a busy slot that overlaps it (touching ends do not)
//    and belongs to the same therapist, or to anyone when either therapist is not named.
//  - Bad input throws ValidationError naming the field: a calendar closed every day, opening
//    hours that close before they open, a series outside the plan's limits or outside opening
//    hours, no open day within a year.
#include "common/dates.h"
#include "plan/treatment_plan.h"
#include "schedule/practice_calendar.h"

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace knotwork {

// Time already taken: another appointment, a break, a meeting.
struct BusySlot {
    DateTime start;
    DateTime end;
    std::string therapist; // empty: blocks every therapist (a room booking, a closure)
    std::string label;     // the client's name, "Staff meeting"
    bool operator==(const BusySlot&) const = default;
};

// "Ana Silva, 09:30–10:30 with Kim" for a clash list.
std::string describe(const BusySlot& slot);

struct ScheduledAppointment {
    int number = 1; // n of N
    int of = 1;
    DateTime start;
    DateTime end;
    std::vector<BusySlot> clashes;
    std::optional<Date> moved_from; // the intended date, when the session had to move
    std::string move_reason;        // "moved from Fri 2026-12-25: holiday (Christmas Day)"

    Date date() const { return start.date(); }
    bool has_clash() const { return !clashes.empty(); }
    bool operator==(const ScheduledAppointment&) const = default;
};

// Busy slots that overlap [start, end) for this therapist, in the order given. Used for a whole
// series and when one appointment is moved by hand.
std::vector<BusySlot> find_clashes(DateTime start, DateTime end, std::string_view therapist,
                                   const std::vector<BusySlot>& busy);

// Everything wrong with one proposed slot: clashes, a closed day, times outside opening hours.
struct SlotCheck {
    std::vector<BusySlot> clashes;
    std::optional<std::string> closed; // why the day is closed
    bool outside_hours = false;
    bool is_free() const { return clashes.empty() && !closed && !outside_hours; }
};

class SeriesScheduler {
  public:
    // Throws ValidationError when the calendar leaves no day of the week open, or its opening
    // hours are not a span within one day.
    explicit SeriesScheduler(PracticeCalendar calendar);

    const PracticeCalendar& calendar() const noexcept { return m_calendar; }

    // The series' appointments in order. Throws ValidationError for a series outside the plan's
    // limits (1–52 sessions, 15–180 minutes, every 1–60 days), a session outside opening hours,
    // or no open day within a year of an intended date.
    std::vector<ScheduledAppointment> schedule(const SeriesSpec& series,
                                               const std::vector<BusySlot>& busy) const;

    SlotCheck check_slot(DateTime start, DateTime end, std::string_view therapist,
                         const std::vector<BusySlot>& busy) const;

  private:
    PracticeCalendar m_calendar;
};

// Days from the series start to session `index` (0-based) when nothing has to move.
int series_offset_days(const SeriesSpec& series, int index);

} // namespace knotwork
