// What each account is offered: everything on a practice file; no backups on a clinic server; and
// for a front-desk account no clinical record, report, note search, client history, practice
// preferences or change to a booking, with the notice saying so. When the automatic refresh runs.
// The schedule for a front-desk account: booking works, every other action is refused before
// the database is asked.
#include "server/access_presenter.h"

#include "common/error.h"
#include "database.h"
#include "postgresql_native.h"
#include "repositories/client_repository.h"
#include "repositories/session_repository.h"
#include "schedule/schedule_presenter.h"

#include "domain_printers.h"

#include <boost/test/unit_test.hpp>

#include <vector>

using namespace knotwork;
using gui::Feature;
using gui::PracticeAccess;
using gui::RefreshMoment;

namespace knotwork::gui {

std::ostream& operator<<(std::ostream& os, Feature f) { return os << "feature #" << static_cast<int>(f); }

} // namespace knotwork::gui

namespace {

const std::vector<Feature> every_feature{Feature::clinical_records,     Feature::note_search,
                                         Feature::client_history,       Feature::progress_reports,
                                         Feature::backups,              Feature::practice_preferences};

const PracticeAccess therapist(true, true, "dr_mara", "dr_mara@clinic:5432/practice");
const PracticeAccess front_desk(true, false, "desk_sam", "desk_sam@clinic:5432/practice");

} // namespace

BOOST_AUTO_TEST_SUITE(practice_access)

BOOST_AUTO_TEST_CASE(a_practice_file_allows_everything) {
    const auto db = db::Database::open(":memory:", {.create_if_missing = true, .actor = "test"});
    const PracticeAccess file = PracticeAccess::of(*db);
    BOOST_TEST(!file.on_server());
    BOOST_TEST(!file.front_desk());
    for (Feature f : every_feature) {
        BOOST_TEST_CONTEXT(f) {
            BOOST_TEST(file.allows(f));
            BOOST_TEST(file.why_not(f).empty());
        }
    }
    BOOST_TEST(file.notice().empty());
    BOOST_TEST(file.where("/home/mara/practice.knotwork") == "/home/mara/practice.knotwork");
    BOOST_TEST(file.title("practice") == "practice — Knotwork");
    BOOST_TEST(!file.refreshes_automatically());
    // Whatever the file's flag says, a file never hides clinical records.
    BOOST_TEST(PracticeAccess(false, false, "", "").allows(Feature::clinical_records));
}

BOOST_AUTO_TEST_CASE(a_clinic_server_makes_its_own_backups) {
    BOOST_TEST(!therapist.allows(Feature::backups));
    BOOST_TEST(therapist.why_not(Feature::backups) ==
               "A clinic server's backups are made on the server by its administrator.");
    for (Feature f : every_feature) {
        if (f == Feature::backups) continue;
        BOOST_TEST_CONTEXT(f) { BOOST_TEST(therapist.allows(f)); }
    }
    BOOST_TEST(therapist.notice().empty());
    BOOST_TEST(therapist.where("ignored") == "dr_mara@clinic:5432/practice");
    BOOST_TEST(therapist.title("ignored") == "dr_mara@clinic:5432/practice — Knotwork");
    BOOST_TEST(therapist.refreshes_automatically());
}

BOOST_AUTO_TEST_CASE(a_front_desk_account_is_offered_no_clinical_record) {
    BOOST_TEST(front_desk.front_desk());
    for (Feature f : every_feature) {
        BOOST_TEST_CONTEXT(f) {
            BOOST_TEST(!front_desk.allows(f));
            BOOST_TEST(!front_desk.why_not(f).empty());
        }
    }
    BOOST_TEST(front_desk.notice() == "Signed in as desk_sam (front desk): clinical records are not shown");
    BOOST_TEST(front_desk.where("ignored") == "desk_sam@clinic:5432/practice (front desk)");
    BOOST_TEST(front_desk.why_not(Feature::practice_preferences).find("the holidays can be changed here") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_automatic_refresh_waits_for_a_quiet_window_on_a_server) {
    struct Case {
        const char* what;
        PracticeAccess access;
        RefreshMoment moment;
        bool refresh;
    };
    const auto moment = [](bool dialog, bool mouse, bool refreshing, int seconds) {
        RefreshMoment m;
        m.dialog_open = dialog;
        m.mouse_held = mouse;
        m.refreshing = refreshing;
        m.since_input = std::chrono::seconds(seconds);
        return m;
    };
    const std::vector<Case> cases{
        {"idle on a server", therapist, moment(false, false, false, 600), true},
        {"idle, front desk", front_desk, moment(false, false, false, 6), true},
        {"a practice file", PracticeAccess(), moment(false, false, false, 600), false},
        {"a dialog is open", therapist, moment(true, false, false, 600), false},
        {"a drag is under way", therapist, moment(false, true, false, 600), false},
        {"still refreshing", therapist, moment(false, false, true, 600), false},
        {"typing a moment ago", therapist, moment(false, false, false, 2), false},
    };
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT(c.what) { BOOST_TEST(gui::refresh_now(c.access, c.moment) == c.refresh); }
    }
}

BOOST_AUTO_TEST_CASE(the_front_desk_changes_bookings_as_a_therapist_does) {
    const auto db = db::Database::open(":memory:", {.create_if_missing = true, .actor = "test"});
    ClientDetails d;
    d.family_name = "Okafor";
    d.given_name = "Adaeze";
    Client client(d, Date(2026, 6, 1));
    const DateTime ten(Date(2026, 11, 26), boost::posix_time::hours(10));
    const auto book = [&](DateTime start) {
        db::Transaction tx(*db);
        Session s(client.id(), start, start + boost::posix_time::hours(1), "Maya Okonkwo");
        const SessionId id = db::SessionRepository(*db).add(s);
        tx.commit();
        return id;
    };
    {
        db::Transaction tx(*db);
        db::ClientRepository(*db).add(client);
        tx.commit();
    }
    const SessionId moving = book(ten);
    const SessionId cancelling = book(ten + boost::posix_time::hours(2));
    const SessionId missed = book(ten + boost::posix_time::hours(4));
    const SessionId mistake = book(ten + boost::posix_time::hours(6));

    gui::SchedulePresenter desk(*db, Date(2026, 11, 27), gui::ScheduleView::week, front_desk);
    BOOST_TEST(!desk.opens_notes());
    const gui::AppointmentBlock* block = desk.find_block(moving);
    BOOST_TEST_REQUIRE(block);
    const gui::AppointmentActions offered = desk.available_actions(block->appointment);
    BOOST_TEST(offered.move);
    BOOST_TEST(offered.cancel);
    BOOST_TEST(offered.no_show);
    BOOST_TEST(offered.remove);

    const DateTime later(Date(2026, 11, 27), boost::posix_time::hours(9));
    BOOST_TEST(desk.move(moving, later, gui::Proceed::anyway).done);
    desk.cancel(cancelling, "ill");
    desk.mark_no_show(missed);
    desk.remove_booking(mistake);
    db::SessionRepository sessions(*db);
    BOOST_TEST(sessions.get(moving).starts_at() == later);
    BOOST_TEST(sessions.get(cancelling).status() == AppointmentStatus::cancelled);
    BOOST_TEST(sessions.get(cancelling).status_reason() == "ill");
    BOOST_TEST(sessions.get(missed).status() == AppointmentStatus::no_show);
    BOOST_TEST(!sessions.find(mistake).has_value());
    BOOST_TEST(desk.find_block(mistake) == nullptr);

    const auto outcome = desk.book(client.id(), DateTime(Date(2026, 11, 27), boost::posix_time::hours(11)), 60,
                                   "Maya Okonkwo");
    BOOST_TEST(outcome.done);
    BOOST_TEST(desk.find_block(outcome.session) != nullptr);
    BOOST_TEST(desk.selected() == std::optional<SessionId>(outcome.session));

    // The same practice for a therapist's account offers the same changes, and the notes.
    gui::SchedulePresenter mara(*db, Date(2026, 11, 27), gui::ScheduleView::week, therapist);
    BOOST_TEST(mara.opens_notes());
    BOOST_TEST(mara.available_actions(mara.find_block(outcome.session)->appointment).cancel);
}

BOOST_AUTO_TEST_SUITE_END()
