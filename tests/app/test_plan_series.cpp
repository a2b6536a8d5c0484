// Pins app/core/plan_series: the practice calendar the scheduler uses, the busy time read from the
// schedule, and a plan stored with its dated appointments as one unit: all of it, or nothing.
#include "core/plan_series.h"

#include "common/error.h"
#include "database.h"
#include "repositories/client_repository.h"
#include "repositories/plan_repository.h"
#include "repositories/session_repository.h"

#include "domain_printers.h"

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include <memory>

using namespace knotwork;

namespace {

const Date today(2026, 11, 27); // a Friday

DateTime at(Date day, int hour, int minute = 0) {
    return DateTime(day, boost::posix_time::hours(hour) + boost::posix_time::minutes(minute));
}

struct Practice {
    std::unique_ptr<db::Database> db = db::Database::open(":memory:", {.create_if_missing = true, .actor = "test"});

    ClientId add_client(const std::string& family, const std::string& given) {
        ClientDetails d;
        d.family_name = family;
        d.given_name = given;
        Client c(d, today);
        db::Transaction tx(*db);
        const ClientId id = db::ClientRepository(*db).add(c);
        tx.commit();
        return id;
    }

    SessionId book(ClientId client, DateTime start, const std::string& therapist,
                   AppointmentStatus status = AppointmentStatus::scheduled) {
        Session s(client, start, start + boost::posix_time::minutes(60), therapist);
        if (status == AppointmentStatus::completed) s.mark_completed();
        if (status == AppointmentStatus::cancelled) s.cancel("Client ill");
        if (status == AppointmentStatus::no_show) s.mark_no_show();
        db::Transaction tx(*db);
        const SessionId id = db::SessionRepository(*db).add(s);
        tx.commit();
        return id;
    }

    std::int64_t count(const std::string& table) {
        long long n = 0;
        db->sql() << "SELECT count(*) FROM " + table, soci::into(n);
        return n;
    }
};

TreatmentPlan draft_plan(ClientId client, int sessions) {
    PlanDetails d;
    d.created_on = today;
    d.goals = {{"Pain down to 3/10", GoalMeasure::pain, 6.0, 3.0}};
    d.techniques = {{"myofascial_release", "Posture-related pain from desk work"}};
    d.regions = {{BodyRegion::lumbar_spine, Side::midline}};
    d.series.session_count = sessions;
    d.series.frequency = Frequency::weekly;
    d.series.session_minutes = 45;
    d.series.start_date = Date(2026, 11, 30);
    d.series.start_time = boost::posix_time::hours(10);
    d.series.therapist = "Kim Lee";
    d.reassess_after_sessions = (sessions + 1) / 2;
    return TreatmentPlan(client, d);
}

std::vector<ScheduledAppointment> schedule(const TreatmentPlan& plan) {
    PracticeProfile profile;
    return SeriesScheduler(app::calendar_of(profile)).schedule(plan.details().series, {});
}

} // namespace

BOOST_AUTO_TEST_SUITE(plan_series)

BOOST_AUTO_TEST_CASE(calendar_of_a_profile_keeps_its_closed_days_and_opens_eight_to_eight) {
    PracticeProfile profile;
    profile.closed_weekdays = {boost::date_time::Sunday, boost::date_time::Wednesday};
    profile.holidays[Date(2026, 12, 25)] = "Christmas Day";
    const PracticeCalendar cal = app::calendar_of(profile);
    BOOST_TEST((cal.closed_weekdays == profile.closed_weekdays));
    BOOST_TEST((cal.holidays == profile.holidays));
    BOOST_TEST_REQUIRE(cal.hours.has_value());
    BOOST_TEST(to_hhmm(cal.hours->opens) == "08:00");
    BOOST_TEST(to_hhmm(cal.hours->closes) == "20:00");
    BOOST_TEST(cal.closed_reason(Date(2026, 12, 25)).value_or("") == "holiday (Christmas Day)");
    BOOST_TEST(cal.closed_reason(Date(2026, 12, 2)).value_or("") == "closed on Wednesdays");
    // The profile and its calendar answer alike, day by day.
    for (Date d = Date(2026, 12, 20); d <= Date(2026, 12, 31); d += boost::gregorian::days(1))
        BOOST_TEST_CONTEXT(to_iso(d)) { BOOST_TEST(profile.is_closed(d) == !cal.is_open(d)); }
}

BOOST_AUTO_TEST_CASE(busy_slots_are_scheduled_and_completed_appointments_named_by_client) {
    Practice p;
    const ClientId ana = p.add_client("Silva", "Ana");
    const ClientId tom = p.add_client("Berg", "Tom");
    const Date day(2026, 12, 1);
    p.book(ana, at(day, 9), "Kim Lee");
    p.book(tom, at(day, 11), "Ravi", AppointmentStatus::completed);
    p.book(tom, at(day, 13), "Kim Lee", AppointmentStatus::cancelled);
    p.book(ana, at(day, 15), "Kim Lee", AppointmentStatus::no_show);
    p.book(ana, at(day + boost::gregorian::days(1), 19), "Kim Lee"); // the last day is included
    p.book(ana, at(day + boost::gregorian::days(2), 9), "Kim Lee");  // outside the range

    const auto busy = app::busy_slots(*p.db, day, day + boost::gregorian::days(1));
    BOOST_TEST_REQUIRE(busy.size() == 3u);
    BOOST_TEST(busy[0].label == "Ana Silva");
    BOOST_TEST(busy[0].therapist == "Kim Lee");
    BOOST_TEST(to_iso(busy[0].start) == "2026-12-01T09:00:00");
    BOOST_TEST(to_iso(busy[0].end) == "2026-12-01T10:00:00");
    BOOST_TEST(busy[1].label == "Tom Berg");
    BOOST_TEST(busy[1].therapist == "Ravi");
    BOOST_TEST(to_iso(busy[2].start) == "2026-12-02T19:00:00");
    BOOST_TEST(app::busy_slots(*p.db, day + boost::gregorian::days(1), day).empty());
}

BOOST_AUTO_TEST_CASE(stores_an_active_plan_and_one_session_per_appointment) {
    Practice p;
    const ClientId client = p.add_client("Okafor", "Ngozi");
    TreatmentPlan plan = draft_plan(client, 4);
    const auto appointments = schedule(plan);

    const PlanId id = app::create_plan_with_series(*p.db, plan, appointments);
    BOOST_TEST(id > 0);
    BOOST_TEST(plan.id() == id);
    BOOST_TEST(plan.status() == PlanStatus::active);

    const TreatmentPlan stored = db::PlanRepository(*p.db).get(id);
    BOOST_TEST(stored.status() == PlanStatus::active);
    BOOST_TEST((stored.details() == plan.details()));

    const auto sessions = db::SessionRepository(*p.db).for_plan(id);
    BOOST_TEST_REQUIRE(sessions.size() == 4u);
    for (std::size_t i = 0; i < sessions.size(); ++i) {
        BOOST_TEST_CONTEXT("session " << i + 1) {
            const Session& s = sessions[i];
            BOOST_TEST_REQUIRE(s.series().has_value());
            BOOST_TEST(s.series()->plan == id);
            BOOST_TEST(s.series()->number == static_cast<int>(i) + 1);
            BOOST_TEST(s.series()->of == 4);
            BOOST_TEST(s.client_id() == client);
            BOOST_TEST(s.therapist() == "Kim Lee");
            BOOST_TEST(s.starts_at() == appointments[i].start);
            BOOST_TEST(s.ends_at() == appointments[i].end);
            BOOST_TEST(s.minutes() == 45);
            BOOST_TEST(s.status() == AppointmentStatus::scheduled);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_database_failure_mid_way_leaves_nothing) {
    Practice p;
    const ClientId client = p.add_client("Okafor", "Ngozi");
    // The database refuses the third session, as a full disk would.
    p.db->sql() << "CREATE TEMP TRIGGER refuse_third BEFORE INSERT ON sessions WHEN NEW.series_number = 3 "
                   "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END";
    TreatmentPlan plan = draft_plan(client, 5);
    const auto appointments = schedule(plan);
    BOOST_CHECK_THROW(app::create_plan_with_series(*p.db, plan, appointments), Error);
    BOOST_TEST(p.count("treatment_plans") == 0);
    BOOST_TEST(p.count("sessions") == 0);
    BOOST_TEST(p.count("plan_techniques") == 0);
    BOOST_TEST(!p.db->in_transaction());
    // The caller's plan is as it was, so the therapist can try again.
    BOOST_TEST(plan.id() == 0);
    BOOST_TEST(plan.status() == PlanStatus::draft);

    p.db->sql() << "DROP TRIGGER refuse_third";
    const PlanId id = app::create_plan_with_series(*p.db, plan, appointments);
    BOOST_TEST(db::SessionRepository(*p.db).for_plan(id).size() == 5u);
}

BOOST_AUTO_TEST_CASE(a_refused_appointment_mid_way_leaves_nothing) {
    Practice p;
    const ClientId client = p.add_client("Okafor", "Ngozi");
    TreatmentPlan plan = draft_plan(client, 4);
    auto appointments = schedule(plan);
    appointments[2].end = appointments[2].start; // a session cannot end when it starts
    BOOST_CHECK_THROW(app::create_plan_with_series(*p.db, plan, appointments), ValidationError);
    BOOST_TEST(p.count("treatment_plans") == 0);
    BOOST_TEST(p.count("sessions") == 0);
}

BOOST_AUTO_TEST_CASE(appointments_must_number_one_to_n) {
    Practice p;
    const ClientId client = p.add_client("Okafor", "Ngozi");
    TreatmentPlan plan = draft_plan(client, 3);
    auto appointments = schedule(plan);

    auto too_few = appointments;
    too_few.pop_back();
    KNOTWORK_CHECK_REFUSED(app::create_plan_with_series(*p.db, plan, too_few), "appointments");
    auto misnumbered = appointments;
    std::swap(misnumbered[0], misnumbered[1]);
    KNOTWORK_CHECK_REFUSED(app::create_plan_with_series(*p.db, plan, misnumbered), "appointments");
    BOOST_TEST(p.count("treatment_plans") == 0);

    TreatmentPlan finished = draft_plan(client, 3);
    finished.discontinue("Moved away");
    BOOST_CHECK_THROW(app::create_plan_with_series(*p.db, finished, appointments), LockedRecordError);
    BOOST_TEST(p.count("treatment_plans") == 0);
}

BOOST_AUTO_TEST_SUITE_END()
