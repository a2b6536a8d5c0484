#include "core/plan_series.h"

#include "common/error.h"
#include "database.h"
#include "repositories/plan_repository.h"
#include "repositories/session_repository.h"
#include "session/session.h"

namespace knotwork::app {

OpeningHours default_opening_hours() {
    return OpeningHours{boost::posix_time::hours(8), boost::posix_time::hours(20)};
}

PracticeCalendar calendar_of(const PracticeProfile& profile) {
    PracticeCalendar c = profile.calendar();
    c.hours = default_opening_hours();
    return c;
}

std::vector<BusySlot> busy_slots(db::Database& db, Date from, Date to) {
    std::vector<BusySlot> out;
    if (from.is_special() || to.is_special() || to < from) return out;
    for (const auto& a : db::SessionRepository(db).between(DateTime(from), DateTime(to + boost::gregorian::days(1)))) {
        if (a.status != AppointmentStatus::scheduled && a.status != AppointmentStatus::completed) continue;
        out.push_back(BusySlot{a.starts_at, a.ends_at, a.therapist, a.client_name});
    }
    return out;
}

namespace {

void check_numbering(const TreatmentPlan& plan, const std::vector<ScheduledAppointment>& appointments) {
    const int count = plan.details().series.session_count;
    if (static_cast<int>(appointments.size()) != count)
        throw ValidationError("appointments", "the plan has " + std::to_string(count) + " sessions but " +
                                                  std::to_string(appointments.size()) + " were scheduled");
    for (std::size_t i = 0; i < appointments.size(); ++i) {
        const auto& a = appointments[i];
        if (a.number != static_cast<int>(i) + 1 || a.of != count)
            throw ValidationError("appointments", "appointment " + std::to_string(i + 1) + " is numbered " +
                                                      std::to_string(a.number) + " of " + std::to_string(a.of));
    }
}

} // namespace

PlanId create_plan_with_series(db::Database& db, TreatmentPlan& plan,
                               const std::vector<ScheduledAppointment>& appointments) {
    check_numbering(plan, appointments);
    const TreatmentPlan before = plan;
    try {
        db::Transaction tx(db);
        if (plan.status() == PlanStatus::draft) plan.activate();
        else if (plan.status() != PlanStatus::active)
            throw LockedRecordError("A " + std::string(label(plan.status())) + " plan cannot be scheduled.");
        const PlanId id = db::PlanRepository(db).add(plan);
        const auto& series = plan.details().series;
        db::SessionRepository sessions(db);
        for (const auto& a : appointments) {
            Session s(plan.client_id(), a.start, a.end, series.therapist);
            s.set_series(SeriesPosition{id, a.number, a.of});
            sessions.add(s);
        }
        tx.commit();
        return id;
    } catch (...) {
        plan = before;
        throw;
    }
}

} // namespace knotwork::app
