// The schedule presenter: Monday-to-Sunday weeks and single days across month and year ends,
// side-by-side lanes for overlapping appointments, closed days in the range, booking that warns
// about clashes, closed days and opening hours instead of double-booking, moving, cancelling and
// no-shows that persist, and signed sessions that can be neither moved nor deleted.
#include "schedule/schedule_presenter.h"

#include "common/error.h"
#include "database.h"
#include "repositories/client_repository.h"
#include "repositories/practice_repository.h"
#include "repositories/session_repository.h"

#include "domain_printers.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>

using namespace knotwork;
using gui::Proceed;
using gui::SchedulePresenter;
using gui::ScheduleView;
using gui::SelectionStep;

namespace knotwork::gui {

std::ostream& operator<<(std::ostream& os, ScheduleView v) { return os << (v == ScheduleView::day ? "day" : "week"); }
std::ostream& operator<<(std::ostream& os, BlockStyle s) { return os << style_label(s); }

} // namespace knotwork::gui

namespace {

const Date friday(2026, 11, 27);

DateTime at(Date day, int hour, int minute = 0) {
    return DateTime(day, boost::posix_time::hours(hour) + boost::posix_time::minutes(minute));
}

bool mentions(const std::vector<std::string>& problems, const std::string& words) {
    return std::any_of(problems.begin(), problems.end(),
                       [&](const std::string& p) { return p.find(words) != std::string::npos; });
}

struct Practice {
    std::unique_ptr<db::Database> db = db::Database::open(":memory:", {.create_if_missing = true, .actor = "test"});

    Practice() {
        PracticeProfile p;
        p.practice_name = "Knotwork Test Clinic";
        p.therapist_name = "Maya Okonkwo, RMT";
        p.closed_weekdays = {boost::date_time::Sunday};
        p.holidays[Date(2026, 12, 25)] = "Christmas Day";
        db::Transaction tx(*db);
        db::PracticeRepository(*db).save(p);
        tx.commit();
    }

    ClientId client(const std::string& family, const std::string& given) {
        ClientDetails d;
        d.family_name = family;
        d.given_name = given;
        d.date_of_birth = Date(1980, 4, 2);
        Client c(d, Date(2026, 6, 1));
        db::Transaction tx(*db);
        const ClientId id = db::ClientRepository(*db).add(c);
        tx.commit();
        return id;
    }

    SessionId booking(ClientId client, DateTime start, int minutes, const std::string& therapist = "Maya Okonkwo") {
        Session s(client, start, start + boost::posix_time::minutes(minutes), therapist);
        db::Transaction tx(*db);
        const SessionId id = db::SessionRepository(*db).add(s);
        tx.commit();
        return id;
    }

    SessionId signed_session(ClientId client, DateTime start) {
        Session s(client, start, start + boost::posix_time::hours(1), "Maya Okonkwo");
        s.mark_completed();
        SoapNote note;
        note.subjective = "Low back tight after a long drive.";
        s.write_note(note);
        s.sign("Maya Okonkwo", start + boost::posix_time::hours(2));
        db::Transaction tx(*db);
        const SessionId id = db::SessionRepository(*db).add(s);
        tx.commit();
        return id;
    }

    Session stored(SessionId id) { return db::SessionRepository(*db).get(id); }
    std::int64_t sessions() { return db::SessionRepository(*db).count(); }
};

} // namespace

BOOST_AUTO_TEST_SUITE(schedule_presenter)

BOOST_AUTO_TEST_CASE(weeks_run_monday_to_sunday_across_month_and_year_ends) {
    Practice p;
    SchedulePresenter s(*p.db, friday);
    BOOST_TEST(s.view() == ScheduleView::week);
    BOOST_TEST(s.first_day() == Date(2026, 11, 23));
    BOOST_TEST(s.last_day() == Date(2026, 11, 29));
    BOOST_TEST(s.days().size() == 7u);
    BOOST_TEST(s.title() == "Week of Mon 23 Nov 2026");

    struct Step {
        std::string what;
        void (SchedulePresenter::*action)();
        Date first, last;
        std::string title;
    };
    const Step steps[] = {
        {"next across the month end", &SchedulePresenter::next, Date(2026, 11, 30), Date(2026, 12, 6),
         "Week of Mon 30 Nov 2026"},
        {"next", &SchedulePresenter::next, Date(2026, 12, 7), Date(2026, 12, 13), "Week of Mon 7 Dec 2026"},
        {"next", &SchedulePresenter::next, Date(2026, 12, 14), Date(2026, 12, 20), "Week of Mon 14 Dec 2026"},
        {"next", &SchedulePresenter::next, Date(2026, 12, 21), Date(2026, 12, 27), "Week of Mon 21 Dec 2026"},
        {"next across the year end", &SchedulePresenter::next, Date(2026, 12, 28), Date(2027, 1, 3),
         "Week of Mon 28 Dec 2026"},
        {"next into the new year", &SchedulePresenter::next, Date(2027, 1, 4), Date(2027, 1, 10),
         "Week of Mon 4 Jan 2027"},
        {"previous back across the year end", &SchedulePresenter::previous, Date(2026, 12, 28), Date(2027, 1, 3),
         "Week of Mon 28 Dec 2026"},
        {"today", &SchedulePresenter::go_today, Date(2026, 11, 23), Date(2026, 11, 29), "Week of Mon 23 Nov 2026"},
    };
    for (const Step& step : steps) {
        BOOST_TEST_CONTEXT(step.what << " to " << step.title) {
            (s.*step.action)();
            BOOST_TEST(s.first_day() == step.first);
            BOOST_TEST(s.last_day() == step.last);
            BOOST_TEST(s.title() == step.title);
            BOOST_TEST(s.days().front().date.day_of_week() == boost::date_time::Monday);
            BOOST_TEST(s.days().back().date == step.last);
        }
    }
    BOOST_TEST(s.days()[4].is_today);
    BOOST_TEST(std::count_if(s.days().begin(), s.days().end(), [](const auto& d) { return d.is_today; }) == 1);
}

BOOST_AUTO_TEST_CASE(day_view_steps_one_day_and_keeps_its_anchor) {
    Practice p;
    SchedulePresenter s(*p.db, Date(2026, 12, 31));
    s.set_view(ScheduleView::day);
    BOOST_TEST(s.days().size() == 1u);
    BOOST_TEST(s.first_day() == Date(2026, 12, 31));
    BOOST_TEST(s.title() == "Thursday 31 December 2026");
    s.next();
    BOOST_TEST(s.first_day() == Date(2027, 1, 1));
    BOOST_TEST(s.day_heading(0) == "Friday 1 January");
    s.previous();
    s.previous();
    BOOST_TEST(s.first_day() == Date(2026, 12, 30));
    s.set_view(ScheduleView::week);
    BOOST_TEST(s.first_day() == Date(2026, 12, 28));
    BOOST_TEST(s.day_heading(6) == "Sun 3 Jan");
    s.show_day(Date(2027, 2, 28));
    BOOST_TEST(s.view() == ScheduleView::day);
    BOOST_TEST(s.title() == "Sunday 28 February 2027");
}

BOOST_AUTO_TEST_CASE(closed_days_and_holidays_in_the_range_say_why) {
    Practice p;
    SchedulePresenter s(*p.db, Date(2026, 12, 23));
    BOOST_TEST_REQUIRE(s.days().size() == 7u);
    for (const auto& day : s.days()) {
        BOOST_TEST_CONTEXT(to_iso(day.date)) {
            if (day.date == Date(2026, 12, 25)) {
                BOOST_TEST_REQUIRE(day.closed.has_value());
                BOOST_TEST(*day.closed == "holiday (Christmas Day)");
            } else if (day.date == Date(2026, 12, 27)) {
                BOOST_TEST_REQUIRE(day.closed.has_value());
                BOOST_TEST(*day.closed == "closed on Sundays");
            } else {
                BOOST_TEST(!day.closed.has_value());
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(overlapping_appointments_share_their_day_in_lanes) {
    Practice p;
    const ClientId ada = p.client("Okafor", "Adaeze");
    const ClientId lucia = p.client("García", "Lucía");
    const Date monday(2026, 11, 30);
    // A 09:00–10:00, B 09:30–10:30, C 10:00–11:00 (fits beside B, where A ended), D 11:00–12:00 alone,
    // E on Tuesday at the same time as A, so days never share lanes.
    const SessionId a = p.booking(ada, at(monday, 9), 60, "Maya Okonkwo");
    const SessionId b = p.booking(lucia, at(monday, 9, 30), 60, "Kim Lee");
    const SessionId c = p.booking(ada, at(monday, 10), 60, "Kim Lee");
    const SessionId d = p.booking(lucia, at(monday, 11), 60, "Maya Okonkwo");
    const SessionId e = p.booking(ada, at(monday + boost::gregorian::days(1), 9), 45, "Maya Okonkwo");

    SchedulePresenter s(*p.db, monday);
    BOOST_TEST_REQUIRE(s.blocks().size() == 5u);
    struct Expected {
        SessionId id;
        int day, start, end, lane, lanes;
    };
    for (const Expected& x : {Expected{a, 0, 540, 600, 0, 2}, Expected{b, 0, 570, 630, 1, 2},
                              Expected{c, 0, 600, 660, 0, 2}, Expected{d, 0, 660, 720, 0, 1},
                              Expected{e, 1, 540, 585, 0, 1}}) {
        BOOST_TEST_CONTEXT("session " << x.id) {
            const auto* block = s.find_block(x.id);
            BOOST_TEST_REQUIRE(block != nullptr);
            BOOST_TEST(block->day == x.day);
            BOOST_TEST(block->start_minute == x.start);
            BOOST_TEST(block->end_minute == x.end);
            BOOST_TEST(block->lane == x.lane);
            BOOST_TEST(block->lanes == x.lanes);
        }
    }
    BOOST_TEST(SchedulePresenter::block_text(s.find_block(a)->appointment) == "09:00 Adaeze Okafor");
    BOOST_TEST(s.first_minute() == 7 * 60);
    BOOST_TEST(s.last_minute() == 20 * 60);
    BOOST_TEST(s.status_text() == "5 appointments");
}

BOOST_AUTO_TEST_CASE(three_at_once_need_three_lanes_and_the_grid_widens_for_early_starts) {
    Practice p;
    const ClientId ada = p.client("Okafor", "Adaeze");
    const Date tuesday(2026, 12, 1);
    const SessionId early = p.booking(ada, at(tuesday, 6, 30), 30, "A");
    const SessionId x = p.booking(ada, at(tuesday, 14), 90, "A");
    const SessionId y = p.booking(ada, at(tuesday, 14, 15), 30, "B");
    const SessionId z = p.booking(ada, at(tuesday, 14, 30), 30, "C");
    const SessionId late = p.booking(ada, at(tuesday, 20, 15), 30, "D");
    SchedulePresenter s(*p.db, tuesday, ScheduleView::day);
    BOOST_TEST(s.find_block(early)->lanes == 1);
    BOOST_TEST(s.find_block(x)->lane == 0);
    BOOST_TEST(s.find_block(y)->lane == 1);
    BOOST_TEST(s.find_block(z)->lane == 2);
    for (SessionId id : {x, y, z}) BOOST_TEST(s.find_block(id)->lanes == 3);
    BOOST_TEST(s.first_minute() == 6 * 60);
    BOOST_TEST(s.last_minute() == 21 * 60);
    BOOST_TEST(s.find_block(late)->start_minute == 20 * 60 + 15);
}

BOOST_AUTO_TEST_CASE(book_warns_about_a_clash_and_books_only_when_told_to) {
    Practice p;
    const ClientId ada = p.client("Okafor", "Adaeze");
    const ClientId lucia = p.client("García", "Lucía");
    const Date monday(2026, 11, 30);
    p.booking(ada, at(monday, 9), 60, "Maya Okonkwo");
    SchedulePresenter s(*p.db, friday);
    s.next();
    const auto before = p.sessions();

    const auto refused = s.book(lucia, at(monday, 9, 30), 60, "Maya Okonkwo");
    BOOST_TEST(!refused.done);
    BOOST_TEST_REQUIRE(refused.problems.size() == 1u);
    BOOST_TEST(mentions(refused.problems, "Clashes with Adaeze Okafor"));
    BOOST_TEST(p.sessions() == before);
    BOOST_TEST(s.blocks().size() == 1u);

    // Another therapist is free at that time; touching ends do not clash.
    const auto other = s.book(lucia, at(monday, 9, 30), 60, "Kim Lee");
    BOOST_TEST(other.done);
    BOOST_TEST(other.problems.empty());
    const auto after = s.book(lucia, at(monday, 10), 60, "Maya Okonkwo");
    BOOST_TEST(after.done);
    BOOST_TEST(after.problems.empty());

    const auto anyway = s.book(lucia, at(monday, 9, 15), 30, "Maya Okonkwo", Proceed::anyway);
    BOOST_TEST(anyway.done);
    BOOST_TEST(!anyway.problems.empty());
    BOOST_TEST(p.sessions() == before + 3);
    BOOST_TEST(s.blocks().size() == 4u);
    BOOST_TEST(s.selected() == std::optional<SessionId>(anyway.session));
    const Session stored = p.stored(anyway.session);
    BOOST_TEST(stored.client_id() == lucia);
    BOOST_TEST(stored.starts_at() == at(monday, 9, 15));
    BOOST_TEST(stored.minutes() == 30);
    BOOST_TEST(stored.status() == AppointmentStatus::scheduled);
}

BOOST_AUTO_TEST_CASE(book_warns_about_closed_days_holidays_and_opening_hours) {
    Practice p;
    const ClientId ada = p.client("Okafor", "Adaeze");
    SchedulePresenter s(*p.db, friday);
    const auto before = p.sessions();
    struct Case {
        DateTime start;
        std::string problem;
    };
    for (const Case& c : {Case{at(Date(2026, 11, 29), 10), "closed on Sundays"},
                          Case{at(Date(2026, 12, 25), 10), "holiday (Christmas Day)"},
                          Case{at(Date(2026, 11, 30), 7), "Outside opening hours (08:00–20:00)"},
                          Case{at(Date(2026, 11, 30), 19, 30), "Outside opening hours"}}) {
        BOOST_TEST_CONTEXT(to_iso(c.start)) {
            const auto outcome = s.book(ada, c.start, 60, "Maya Okonkwo");
            BOOST_TEST(!outcome.done);
            BOOST_TEST(mentions(outcome.problems, c.problem));
        }
    }
    BOOST_TEST(p.sessions() == before);
    const auto anyway = s.book(ada, at(Date(2026, 11, 29), 10), 60, "Maya Okonkwo", Proceed::anyway);
    BOOST_TEST(anyway.done);
    BOOST_TEST(p.sessions() == before + 1);
    BOOST_TEST(s.find_block(anyway.session) != nullptr);
    BOOST_CHECK_THROW(s.book(ada, at(Date(2026, 11, 30), 10), 10, "Maya Okonkwo"), ValidationError);
    BOOST_CHECK_THROW(s.book(99999, at(Date(2026, 11, 30), 10), 60, "Maya Okonkwo"), NotFoundError);
    BOOST_TEST(p.sessions() == before + 1);
}

BOOST_AUTO_TEST_CASE(cancelled_and_missed_bookings_free_their_time) {
    Practice p;
    const ClientId ada = p.client("Okafor", "Adaeze");
    const Date monday(2026, 11, 30);
    const SessionId first = p.booking(ada, at(monday, 9), 60);
    const SessionId second = p.booking(ada, at(monday, 11), 60);
    SchedulePresenter s(*p.db, monday);
    s.cancel(first, "Client unwell");
    s.mark_no_show(second);
    BOOST_TEST(s.book(ada, at(monday, 9), 60, "Maya Okonkwo").problems.empty());
    BOOST_TEST(s.book(ada, at(monday, 11), 60, "Maya Okonkwo").problems.empty());
    BOOST_TEST(s.status_text() == "4 appointments (2 cancelled or missed)");
}

BOOST_AUTO_TEST_CASE(move_cancel_and_no_show_persist) {
    Practice p;
    const ClientId ada = p.client("Okafor", "Adaeze");
    const ClientId lucia = p.client("García", "Lucía");
    const Date monday(2026, 11, 30);
    const SessionId moving = p.booking(ada, at(monday, 9), 45);
    const SessionId blocking = p.booking(lucia, at(monday + boost::gregorian::days(1), 14), 60);
    const SessionId cancelling = p.booking(lucia, at(monday, 15), 60);
    const SessionId missed = p.booking(ada, at(monday + boost::gregorian::days(2), 10), 60);
    SchedulePresenter s(*p.db, monday);

    // Onto another booking: refused without asking, times unchanged.
    const auto clash = s.move(moving, at(monday + boost::gregorian::days(1), 14, 30));
    BOOST_TEST(!clash.done);
    BOOST_TEST(mentions(clash.problems, "Clashes with Lucía García"));
    BOOST_TEST(p.stored(moving).starts_at() == at(monday, 9));

    // Its own old time never counts as a clash.
    const auto later = s.move(moving, at(monday, 9, 30));
    BOOST_TEST(later.done);
    BOOST_TEST(later.problems.empty());
    const auto moved = s.move(moving, at(monday + boost::gregorian::days(3), 16));
    BOOST_TEST(moved.done);
    const Session stored = p.stored(moving);
    BOOST_TEST(stored.starts_at() == at(monday + boost::gregorian::days(3), 16));
    BOOST_TEST(stored.ends_at() == at(monday + boost::gregorian::days(3), 16, 45));
    BOOST_TEST(s.find_block(moving)->day == 3);
    BOOST_TEST(s.selected() == std::optional<SessionId>(moving));

    s.cancel(cancelling, "Client unwell");
    BOOST_TEST(p.stored(cancelling).status() == AppointmentStatus::cancelled);
    BOOST_TEST(p.stored(cancelling).status_reason() == "Client unwell");
    BOOST_TEST(s.find_block(cancelling)->style == gui::BlockStyle::cancelled);

    BOOST_TEST(gui::actions_for(s.find_block(missed)->appointment).no_show);
    s.mark_no_show(missed);
    BOOST_TEST(p.stored(missed).status() == AppointmentStatus::no_show);
    BOOST_TEST(!gui::actions_for(s.find_block(missed)->appointment).no_show);
    BOOST_TEST(!gui::actions_for(s.find_block(missed)->appointment).move);
    BOOST_TEST(gui::actions_for(s.find_block(missed)->appointment).remove);
    BOOST_TEST(s.find_block(missed)->style == gui::BlockStyle::no_show);
    BOOST_CHECK_THROW(s.move(missed, at(monday, 12)), ValidationError);
    BOOST_TEST(p.stored(missed).starts_at() == at(monday + boost::gregorian::days(2), 10));

    s.remove_booking(blocking);
    BOOST_TEST(!db::SessionRepository(*p.db).find(blocking).has_value());
    BOOST_TEST(s.find_block(blocking) == nullptr);
}

BOOST_AUTO_TEST_CASE(a_signed_session_can_be_neither_moved_nor_deleted) {
    Practice p;
    const ClientId ada = p.client("Okafor", "Adaeze");
    const Date tuesday(2026, 11, 24);
    const SessionId id = p.signed_session(ada, at(tuesday, 10));
    SchedulePresenter s(*p.db, friday);
    const auto* block = s.find_block(id);
    BOOST_TEST_REQUIRE(block != nullptr);
    BOOST_TEST(block->style == gui::BlockStyle::signed_note);

    const auto offered = gui::actions_for(block->appointment);
    BOOST_TEST(!(offered.move || offered.cancel || offered.no_show || offered.remove));

    BOOST_CHECK_EXCEPTION(s.move(id, at(tuesday, 15)), LockedRecordError, [](const LockedRecordError& e) {
        return std::string(e.what()).find("signed") != std::string::npos;
    });
    BOOST_CHECK_THROW(s.move(id, at(tuesday, 15), Proceed::anyway), LockedRecordError);
    BOOST_CHECK_THROW(s.remove_booking(id), LockedRecordError);
    BOOST_CHECK_THROW(s.cancel(id, "Entered by mistake"), LockedRecordError);
    const Session stored = p.stored(id);
    BOOST_TEST(stored.starts_at() == at(tuesday, 10));
    BOOST_TEST(stored.status() == AppointmentStatus::completed);
    BOOST_TEST(s.find_block(id) != nullptr);
}

BOOST_AUTO_TEST_CASE(a_booking_with_a_started_note_is_cancelled_not_deleted) {
    Practice p;
    const ClientId ada = p.client("Okafor", "Adaeze");
    const SessionId id = p.booking(ada, at(friday, 9), 60);
    {
        db::Transaction tx(*p.db);
        db::SessionRepository repo(*p.db);
        Session s = repo.get(id);
        SoapNote note;
        note.subjective = "Pain 6/10 on arrival.";
        s.write_note(note);
        repo.save(s);
        tx.commit();
    }
    SchedulePresenter s(*p.db, friday);
    BOOST_CHECK_THROW(s.remove_booking(id), ValidationError);
    BOOST_TEST(db::SessionRepository(*p.db).find(id).has_value());
}

BOOST_AUTO_TEST_CASE(a_change_made_elsewhere_is_reloaded_not_overwritten) {
    Practice p;
    const ClientId ada = p.client("Okafor", "Adaeze");
    const SessionId id = p.booking(ada, at(friday, 9), 60);
    SchedulePresenter s(*p.db, friday);
    BOOST_TEST(s.find_block(id)->style == gui::BlockStyle::scheduled);
    // Another window deletes the booking while this one still shows it.
    {
        db::Transaction tx(*p.db);
        db::SessionRepository repo(*p.db);
        repo.remove(repo.get(id));
        tx.commit();
    }
    BOOST_TEST(s.find_block(id) != nullptr);
    BOOST_CHECK_THROW(s.mark_no_show(id), NotFoundError);
    BOOST_TEST(s.find_block(id) == nullptr);
    BOOST_TEST(p.sessions() == 0);
}

BOOST_AUTO_TEST_CASE(arrow_keys_walk_the_appointments) {
    Practice p;
    const ClientId ada = p.client("Okafor", "Adaeze");
    const Date monday(2026, 11, 23);
    const SessionId mon9 = p.booking(ada, at(monday, 9), 60);
    const SessionId mon14 = p.booking(ada, at(monday, 14), 60);
    const SessionId wed13 = p.booking(ada, at(monday + boost::gregorian::days(2), 13), 60);
    const SessionId fri10 = p.booking(ada, at(friday, 10), 60);
    SchedulePresenter s(*p.db, friday);
    BOOST_TEST(!s.selected().has_value());
    BOOST_TEST(s.step_selection(SelectionStep::down));
    BOOST_TEST(s.selected() == std::optional<SessionId>(fri10)); // today's first
    struct Step {
        SelectionStep step;
        bool moves;
        SessionId lands_on;
    };
    for (const Step& st : {Step{SelectionStep::right, false, fri10}, Step{SelectionStep::left, true, wed13},
                           Step{SelectionStep::left, true, mon14}, Step{SelectionStep::up, true, mon9},
                           Step{SelectionStep::up, false, mon9}, Step{SelectionStep::down, true, mon14},
                           Step{SelectionStep::right, true, wed13}}) {
        BOOST_TEST_CONTEXT("step " << static_cast<int>(st.step)) {
            BOOST_TEST(s.step_selection(st.step) == st.moves);
            BOOST_TEST(s.selected() == std::optional<SessionId>(st.lands_on));
        }
    }
    s.next();
    BOOST_TEST(!s.selected().has_value());
}

BOOST_AUTO_TEST_CASE(therapists_put_the_practice_therapist_first) {
    Practice p;
    const ClientId ada = p.client("Okafor", "Adaeze");
    p.booking(ada, at(friday, 9), 60, "Kim Lee");
    p.booking(ada, at(friday, 11), 60, "Maya Okonkwo");
    p.booking(ada, at(friday, 13), 60, "Anil Shah");
    SchedulePresenter s(*p.db, friday);
    const std::vector<std::string> expected{"Maya Okonkwo", "Anil Shah", "Kim Lee"};
    BOOST_TEST(s.therapists() == expected, boost::test_tools::per_element());
    s.next(); // bookings a week away still count
    BOOST_TEST(s.therapists() == expected, boost::test_tools::per_element());
    s.go_to(Date(2027, 6, 1));
    BOOST_TEST(s.therapists() == std::vector<std::string>{"Maya Okonkwo, RMT"}, boost::test_tools::per_element());
    BOOST_TEST(s.find_clients("oka").size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
