#pragma once
// Planning a series (workflow 3): the practice's calendar, the time already booked, and saving a
// treatment plan together with its dated appointments as one unit of work. Plain C++ over the
// repositories; the desktop plan dialog and the command line share it.
#include "plan/treatment_plan.h"
#include "practice/practice_profile.h"
#include "schedule/series_scheduler.h"

#include <vector>

namespace knotwork::db {
class Database;
}

namespace knotwork::app {

// The hours a series may be booked in while the practice profile records none.
OpeningHours default_opening_hours();

// The practice's closed weekdays and holidays, with default_opening_hours() (08:00–20:00).
PracticeCalendar calendar_of(const PracticeProfile& profile);

// Scheduled and completed appointments that start on the days `from` to `to` (both included), as
// busy time for their therapist, labelled with the client's name. Cancelled and no-show bookings
// free their time.
std::vector<BusySlot> busy_slots(db::Database& db, Date from, Date to);

// Stores `plan` as an active plan and one scheduled session per appointment ("n of N", the series'
// therapist, the appointment's times), all in one transaction: when anything fails nothing is
// stored, the exception propagates and `plan` keeps its id, version and status from before. On
// success sets the plan's id and version and returns the id.
// Throws ValidationError when the appointments do not number 1..N for the plan's N sessions, and
// LockedRecordError for a plan that is completed or discontinued.
PlanId create_plan_with_series(db::Database& db, TreatmentPlan& plan,
                               const std::vector<ScheduledAppointment>& appointments);

} // namespace knotwork::app
