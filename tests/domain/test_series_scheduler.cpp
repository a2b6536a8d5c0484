#include "schedule/series_scheduler.h"

#include "domain_printers.h"

#include <boost/test/unit_test.hpp>

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace knotwork::test {
using boost::date_time::Friday;
using boost::date_time::Monday;
using boost::date_time::Saturday;
using boost::date_time::Sunday;
using boost::date_time::Thursday;
using boost::date_time::Tuesday;
using boost::date_time::Wednesday;

namespace {

Date day(const char* iso) {
    return parse_date("test date", iso);
}

DateTime at(const char* iso_day, int hour, int minute = 0) {
    return DateTime(day(iso_day), boost::posix_time::hours(hour) + boost::posix_time::minutes(minute));
}

SeriesSpec series(const char* start, int count, Frequency frequency, int interval_days = 7) {
    SeriesSpec s;
    s.start_date = day(start);
    s.session_count = count;
    s.frequency = frequency;
    s.interval_days = interval_days;
    s.session_minutes = 60;
    s.start_time = boost::posix_time::hours(9);
    s.therapist = "Kim";
    return s;
}

std::vector<std::string> dates(const std::vector<ScheduledAppointment>& appts) {
    std::vector<std::string> out;
    for (const auto& a : appts)
        out.push_back(to_iso(a.date()));
    return out;
}

std::vector<std::string> reasons(const std::vector<ScheduledAppointment>& appts) {
    std::vector<std::string> out;
    for (const auto& a : appts)
        out.push_back(a.move_reason);
    return out;
}

PracticeCalendar closed_on(std::set<Weekday> days) {
    PracticeCalendar c;
    c.closed_weekdays = std::move(days);
    return c;
}

bool strictly_increasing(const std::vector<ScheduledAppointment>& appts) {
    for (std::size_t i = 1; i < appts.size(); ++i)
        if (appts[i].date() <= appts[i - 1].date()) return false;
    return true;
}

} // namespace

BOOST_AUTO_TEST_SUITE(SeriesScheduler)
using knotwork::SeriesScheduler;

BOOST_AUTO_TEST_CASE(weekly_across_a_month_end) {
    const auto appts = SeriesScheduler({}).schedule(series("2026-01-26", 4, Frequency::weekly), {});
    BOOST_TEST(dates(appts) ==
                   (std::vector<std::string>{"2026-01-26", "2026-02-02", "2026-02-09", "2026-02-16"}),
               boost::test_tools::per_element());
    for (std::size_t i = 0; i < appts.size(); ++i) {
        BOOST_TEST_CONTEXT("session " << i + 1) {
            BOOST_TEST(appts[i].number == static_cast<int>(i) + 1);
            BOOST_TEST(appts[i].of == 4);
            BOOST_TEST(to_hhmm(appts[i].start.time_of_day()) == "09:00");
            BOOST_TEST(to_hhmm(appts[i].end.time_of_day()) == "10:00");
            BOOST_TEST(!appts[i].moved_from.has_value());
            BOOST_TEST(appts[i].move_reason.empty());
            BOOST_TEST(!appts[i].has_clash());
        }
    }
}

BOOST_AUTO_TEST_CASE(rhythms_across_month_year_and_leap_day) {
    struct Row {
        const char* what;
        SeriesSpec spec;
        std::vector<std::string> expected;
    };
    const std::vector<Row> rows{
        {"weekly through 29 February",
         series("2028-02-15", 4, Frequency::weekly),
         {"2028-02-15", "2028-02-22", "2028-02-29", "2028-03-07"}},
        {"every 2 days through 29 February",
         series("2028-02-27", 3, Frequency::every_n_days, 2),
         {"2028-02-27", "2028-02-29", "2028-03-02"}},
        {"weekly through February 2026 (no leap day)",
         series("2026-02-22", 2, Frequency::weekly),
         {"2026-02-22", "2026-03-01"}},
        {"every 10 days over the new year",
         series("2026-12-20", 3, Frequency::every_n_days, 10),
         {"2026-12-20", "2026-12-30", "2027-01-09"}},
        {"every 5 days",
         series("2026-03-02", 4, Frequency::every_n_days, 5),
         {"2026-03-02", "2026-03-07", "2026-03-12", "2026-03-17"}},
        {"twice weekly from a Monday",
         series("2026-03-02", 6, Frequency::twice_weekly),
         {"2026-03-02", "2026-03-05", "2026-03-09", "2026-03-12", "2026-03-16", "2026-03-19"}},
        {"twice weekly across a month end",
         series("2026-03-26", 4, Frequency::twice_weekly),
         {"2026-03-26", "2026-03-29", "2026-04-02", "2026-04-05"}},
        {"a single session", series("2026-03-02", 1, Frequency::weekly), {"2026-03-02"}},
    };
    const SeriesScheduler scheduler({});
    for (const auto& r : rows) {
        BOOST_TEST_CONTEXT(r.what) {
            const auto appts = scheduler.schedule(r.spec, {});
            BOOST_TEST(dates(appts) == r.expected, boost::test_tools::per_element());
        }
    }
}

BOOST_AUTO_TEST_CASE(twice_weekly_keeps_a_monday_thursday_rhythm) {
    const auto appts = SeriesScheduler({}).schedule(series("2026-03-02", 8, Frequency::twice_weekly), {});
    for (std::size_t i = 0; i < appts.size(); ++i)
        BOOST_TEST_CONTEXT("session " << i + 1) {
            BOOST_TEST(appts[i].date().day_of_week().as_enum() == (i % 2 == 0 ? Monday : Thursday));
        }
}

BOOST_AUTO_TEST_CASE(offsets_per_frequency) {
    struct Row {
        Frequency frequency;
        int interval;
        std::vector<int> offsets;
    };
    for (const auto& r :
         {Row{Frequency::weekly, 3, {0, 7, 14, 21}}, Row{Frequency::twice_weekly, 0, {0, 3, 7, 10, 14}},
          Row{Frequency::every_n_days, 4, {0, 4, 8, 12}}, Row{Frequency::every_n_days, 1, {0, 1, 2}}}) {
        BOOST_TEST_CONTEXT(to_code(r.frequency) << " interval " << r.interval) {
            SeriesSpec s = series("2026-03-02", 6, r.frequency, r.interval);
            for (std::size_t i = 0; i < r.offsets.size(); ++i)
                BOOST_TEST(series_offset_days(s, static_cast<int>(i)) == r.offsets[i]);
        }
    }
}

BOOST_AUTO_TEST_CASE(closed_weekdays_move_to_the_next_open_day_without_drift) {
    const SeriesScheduler scheduler(closed_on({Saturday, Sunday}));
    const auto appts = scheduler.schedule(series("2026-03-05", 5, Frequency::every_n_days, 3), {});
    BOOST_TEST(dates(appts) == (std::vector<std::string>{"2026-03-05", "2026-03-09", "2026-03-11",
                                                         "2026-03-16", "2026-03-17"}),
               boost::test_tools::per_element());
    BOOST_TEST(reasons(appts) ==
                   (std::vector<std::string>{"", "moved from Sun 2026-03-08: closed on Sundays", "",
                                             "moved from Sat 2026-03-14: closed on Saturdays", ""}),
               boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(appts[1].moved_from.has_value());
    BOOST_TEST(to_iso(*appts[1].moved_from) == "2026-03-08");
    BOOST_TEST(!appts[2].moved_from.has_value());
}

BOOST_AUTO_TEST_CASE(a_closed_start_date_moves_too) {
    const SeriesScheduler scheduler(closed_on({Sunday}));
    const auto appts = scheduler.schedule(series("2026-03-01", 2, Frequency::weekly), {});
    BOOST_TEST(dates(appts) == (std::vector<std::string>{"2026-03-02", "2026-03-09"}),
               boost::test_tools::per_element());
    BOOST_TEST(appts[0].move_reason == "moved from Sun 2026-03-01: closed on Sundays");
    BOOST_TEST(appts[1].move_reason == "moved from Sun 2026-03-08: closed on Sundays");
}

BOOST_AUTO_TEST_CASE(holidays_move_a_session_and_name_the_holiday) {
    PracticeCalendar cal;
    cal.holidays = {{day("2026-12-25"), "Christmas Day"}, {day("2027-01-01"), "New Year's Day"}};
    const auto appts = SeriesScheduler(cal).schedule(series("2026-12-18", 4, Frequency::weekly), {});
    BOOST_TEST(dates(appts) ==
                   (std::vector<std::string>{"2026-12-18", "2026-12-26", "2027-01-02", "2027-01-08"}),
               boost::test_tools::per_element());
    BOOST_TEST(reasons(appts) ==
                   (std::vector<std::string>{"", "moved from Fri 2026-12-25: holiday (Christmas Day)",
                                             "moved from Fri 2027-01-01: holiday (New Year's Day)", ""}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_holiday_before_a_closed_weekend_moves_to_monday) {
    PracticeCalendar cal = closed_on({Saturday, Sunday});
    cal.holidays = {{day("2026-04-03"), ""}};
    const auto appts = SeriesScheduler(cal).schedule(series("2026-03-27", 3, Frequency::weekly), {});
    BOOST_TEST(dates(appts) == (std::vector<std::string>{"2026-03-27", "2026-04-06", "2026-04-10"}),
               boost::test_tools::per_element());
    BOOST_TEST(appts[1].move_reason == "moved from Fri 2026-04-03: holiday");
}

BOOST_AUTO_TEST_CASE(a_holiday_on_a_leap_day) {
    PracticeCalendar cal;
    cal.holidays = {{day("2028-02-29"), ""}};
    const auto appts = SeriesScheduler(cal).schedule(series("2028-02-22", 3, Frequency::weekly), {});
    BOOST_TEST(dates(appts) == (std::vector<std::string>{"2028-02-22", "2028-03-01", "2028-03-07"}),
               boost::test_tools::per_element());
    BOOST_TEST(appts[1].move_reason == "moved from Tue 2028-02-29: holiday");
}

BOOST_AUTO_TEST_CASE(sessions_never_share_a_day_or_change_order) {
    // Daily from a Saturday with Sundays closed: Sunday's session takes Monday, so Monday's moves on.
    const SeriesScheduler scheduler(closed_on({Sunday}));
    const auto appts = scheduler.schedule(series("2026-03-07", 4, Frequency::every_n_days, 1), {});
    BOOST_TEST(dates(appts) ==
                   (std::vector<std::string>{"2026-03-07", "2026-03-09", "2026-03-10", "2026-03-11"}),
               boost::test_tools::per_element());
    BOOST_TEST(appts[2].move_reason == "moved from Mon 2026-03-09: session 2 had to move to Mon 2026-03-09");
    BOOST_TEST(appts[3].move_reason == "moved from Tue 2026-03-10: session 3 had to move to Tue 2026-03-10");
    BOOST_TEST(strictly_increasing(appts));
}

BOOST_AUTO_TEST_CASE(twice_weekly_with_a_long_weekend_keeps_order) {
    // Thursday is a holiday and Friday to Sunday are closed: session 2 lands on Monday, session 3
    // (due that Monday) moves to Tuesday, and session 4 is back on its Thursday.
    PracticeCalendar cal = closed_on({Friday, Saturday, Sunday});
    cal.holidays = {{day("2026-03-05"), "Staff training"}};
    const auto appts = SeriesScheduler(cal).schedule(series("2026-03-02", 4, Frequency::twice_weekly), {});
    BOOST_TEST(dates(appts) ==
                   (std::vector<std::string>{"2026-03-02", "2026-03-09", "2026-03-10", "2026-03-12"}),
               boost::test_tools::per_element());
    BOOST_TEST(appts[1].move_reason == "moved from Thu 2026-03-05: holiday (Staff training)");
    BOOST_TEST(strictly_increasing(appts));
}

BOOST_AUTO_TEST_CASE(clashes_are_flagged_per_appointment) {
    const std::vector<BusySlot> busy{
        {at("2026-03-02", 9, 30), at("2026-03-02", 10, 30), "Kim", "Ana Silva"},
        {at("2026-03-09", 9), at("2026-03-09", 10), "Lee", "Ben Ode"},
        {at("2026-03-09", 10), at("2026-03-09", 11), "Kim", "Cy Park"},
        {at("2026-03-16", 8), at("2026-03-16", 12), "", "Room closed for repairs"},
    };
    const auto appts = SeriesScheduler({}).schedule(series("2026-03-02", 3, Frequency::weekly), busy);
    BOOST_TEST_REQUIRE(appts.size() == 3u);
    BOOST_TEST_REQUIRE(appts[0].clashes.size() == 1u);
    BOOST_TEST(appts[0].clashes[0].label == "Ana Silva");
    BOOST_TEST(!appts[1].has_clash()); // another therapist, and a slot that only touches
    BOOST_TEST_REQUIRE(appts[2].clashes.size() == 1u);
    BOOST_TEST(appts[2].clashes[0].label == "Room closed for repairs");

    SeriesSpec anyone = series("2026-03-02", 3, Frequency::weekly);
    anyone.therapist = "";
    const auto unassigned = SeriesScheduler({}).schedule(anyone, busy);
    BOOST_TEST(unassigned[1].clashes.size() == 1u);
    BOOST_TEST(unassigned[1].clashes.at(0).label == "Ben Ode");
}

BOOST_AUTO_TEST_CASE(find_clashes_for_one_slot) {
    const BusySlot booked{at("2026-03-02", 10), at("2026-03-02", 11), "Kim", "Ana Silva"};
    struct Row {
        const char* what;
        DateTime start;
        DateTime end;
        const char* therapist;
        bool clash;
    };
    const std::vector<Row> rows{
        {"same slot", at("2026-03-02", 10), at("2026-03-02", 11), "Kim", true},
        {"overlaps the start", at("2026-03-02", 9, 30), at("2026-03-02", 10, 15), "Kim", true},
        {"inside it", at("2026-03-02", 10, 15), at("2026-03-02", 10, 45), "Kim", true},
        {"around it", at("2026-03-02", 9), at("2026-03-02", 12), "Kim", true},
        {"ends as it starts", at("2026-03-02", 9), at("2026-03-02", 10), "Kim", false},
        {"starts as it ends", at("2026-03-02", 11), at("2026-03-02", 12), "Kim", false},
        {"another day", at("2026-03-03", 10), at("2026-03-03", 11), "Kim", false},
        {"another therapist", at("2026-03-02", 10), at("2026-03-02", 11), "Lee", false},
        {"same therapist, other spelling", at("2026-03-02", 10), at("2026-03-02", 11), " kim ", true},
        {"no therapist named", at("2026-03-02", 10), at("2026-03-02", 11), "", true},
    };
    for (const auto& r : rows) {
        BOOST_TEST_CONTEXT(r.what) {
            BOOST_TEST(find_clashes(r.start, r.end, r.therapist, {booked}).size() == (r.clash ? 1u : 0u));
        }
    }
}

BOOST_AUTO_TEST_CASE(check_slot_reports_closed_days_hours_and_clashes) {
    PracticeCalendar cal = closed_on({Sunday});
    cal.hours = OpeningHours{boost::posix_time::hours(9), boost::posix_time::hours(17)};
    const SeriesScheduler scheduler(cal);
    const std::vector<BusySlot> busy{{at("2026-03-02", 10), at("2026-03-02", 11), "Kim", "Ana Silva"}};

    const auto sunday = scheduler.check_slot(at("2026-03-08", 10), at("2026-03-08", 11), "Kim", busy);
    BOOST_TEST(sunday.closed.value_or("") == "closed on Sundays");
    BOOST_TEST(!sunday.is_free());

    const auto late = scheduler.check_slot(at("2026-03-02", 16, 30), at("2026-03-02", 17, 30), "Kim", busy);
    BOOST_TEST(late.outside_hours);
    BOOST_TEST(!late.closed.has_value());

    const auto clash = scheduler.check_slot(at("2026-03-02", 10, 30), at("2026-03-02", 11, 30), "Kim", busy);
    BOOST_TEST(clash.clashes.size() == 1u);
    BOOST_TEST(!clash.outside_hours);

    const auto free = scheduler.check_slot(at("2026-03-02", 16), at("2026-03-02", 17), "Kim", busy);
    BOOST_TEST(free.is_free());

    KNOTWORK_CHECK_REFUSED(scheduler.check_slot(at("2026-03-02", 11), at("2026-03-02", 11), "Kim", busy),
                           "end");
}

BOOST_AUTO_TEST_CASE(opening_hours_bound_the_series_time) {
    PracticeCalendar cal;
    cal.hours = OpeningHours{boost::posix_time::hours(9), boost::posix_time::hours(17)};
    const SeriesScheduler scheduler(cal);
    SeriesSpec last = series("2026-03-02", 2, Frequency::weekly);
    last.start_time = boost::posix_time::hours(16);
    BOOST_TEST(scheduler.schedule(last, {}).size() == 2u);

    for (const int minutes : {8 * 60 + 30, 16 * 60 + 30}) {
        BOOST_TEST_CONTEXT("start at minute " << minutes) {
            SeriesSpec s = series("2026-03-02", 2, Frequency::weekly);
            s.start_time = boost::posix_time::minutes(minutes);
            KNOTWORK_CHECK_REFUSED(scheduler.schedule(s, {}), "series start time");
        }
    }
}

BOOST_AUTO_TEST_CASE(bad_input_names_the_field) {
    struct Row {
        const char* what;
        std::function<void(SeriesSpec&)> spoil;
        const char* field;
    };
    const std::vector<Row> rows{
        {"no sessions", [](SeriesSpec& s) { s.session_count = 0; }, "number of sessions"},
        {"too many sessions", [](SeriesSpec& s) { s.session_count = 53; }, "number of sessions"},
        {"ten-minute session", [](SeriesSpec& s) { s.session_minutes = 10; }, "session length"},
        {"every 0 days",
         [](SeriesSpec& s) {
             s.frequency = Frequency::every_n_days;
             s.interval_days = 0;
         },
         "interval"},
        {"every 61 days",
         [](SeriesSpec& s) {
             s.frequency = Frequency::every_n_days;
             s.interval_days = 61;
         },
         "interval"},
        {"no start date", [](SeriesSpec& s) { s.start_date = Date(boost::gregorian::not_a_date_time); },
         "series start"},
        {"start time past midnight", [](SeriesSpec& s) { s.start_time = boost::posix_time::hours(24); },
         "series start time"},
    };
    const SeriesScheduler scheduler({});
    for (const auto& r : rows) {
        BOOST_TEST_CONTEXT(r.what) {
            SeriesSpec s = series("2026-03-02", 4, Frequency::weekly);
            r.spoil(s);
            KNOTWORK_CHECK_REFUSED(scheduler.schedule(s, {}), r.field);
        }
    }
    // The interval is ignored unless the frequency is every N days.
    SeriesSpec weekly = series("2026-03-02", 2, Frequency::weekly, 0);
    BOOST_TEST(dates(scheduler.schedule(weekly, {})).at(1) == "2026-03-09");
}

BOOST_AUTO_TEST_CASE(a_calendar_must_leave_a_day_open) {
    KNOTWORK_CHECK_REFUSED(
        SeriesScheduler(closed_on({Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday})),
        "closed days");
    BOOST_CHECK_NO_THROW(
        SeriesScheduler(closed_on({Monday, Tuesday, Wednesday, Thursday, Friday, Saturday})));

    PracticeCalendar backwards;
    backwards.hours = OpeningHours{boost::posix_time::hours(17), boost::posix_time::hours(9)};
    KNOTWORK_CHECK_REFUSED(SeriesScheduler{backwards}, "closing time");
}

BOOST_AUTO_TEST_CASE(holidays_that_close_every_open_day_are_refused) {
    // Open only on Mondays, and every Monday for over a year is a holiday.
    PracticeCalendar cal = closed_on({Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday});
    for (Date d = day("2026-03-02"); d < day("2027-06-01"); d += boost::gregorian::days(7))
        cal.holidays[d] = "";
    const SeriesScheduler scheduler(cal);
    KNOTWORK_CHECK_REFUSED(scheduler.schedule(series("2026-03-02", 2, Frequency::weekly), {}), "holidays");
}

BOOST_AUTO_TEST_CASE(calendar_answers_for_a_day) {
    PracticeCalendar cal = closed_on({Sunday});
    cal.holidays = {{day("2026-12-25"), "Christmas Day"}};
    BOOST_TEST(cal.is_open(day("2026-12-24")));
    BOOST_TEST(cal.closed_reason(day("2026-12-25")).value_or("") == "holiday (Christmas Day)");
    BOOST_TEST(cal.closed_reason(day("2026-12-27")).value_or("") == "closed on Sundays");
    BOOST_TEST(cal.within_hours(at("2026-12-24", 6), at("2026-12-24", 23)));
}

BOOST_AUTO_TEST_CASE(busy_slot_reads_well) {
    BOOST_TEST(describe(BusySlot{at("2026-03-02", 9, 30), at("2026-03-02", 10, 30), "Kim", "Ana Silva"}) ==
               "Ana Silva, Mon 2026-03-02 09:30–10:30 with Kim");
    BOOST_TEST(describe(BusySlot{at("2026-03-02", 12), at("2026-03-02", 13), "", ""}) ==
               "Busy, Mon 2026-03-02 12:00–13:00");
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
