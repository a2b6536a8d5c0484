// A front-desk account on a real clinic server, through the presenters the windows use: the
// client list, the client's record, intake, the schedule (booking, moving, cancelling, no-shows,
// deleting a booking) and the holidays work, and nothing the program offers such an account meets
// a refusal from the server. Runs against the server KNOTWORK_TEST_PG_URL names
// (as the persistence suite does), in a schema of its own dropped afterwards; skipped without one.
#include "clients/client_list_presenter.h"
#include "clients/intake_presenter.h"
#include "core/chart.h"
#include "database.h"
#include "postgresql_native.h"
#include "preferences/preferences_presenter.h"
#include "repositories/practice_repository.h"
#include "repositories/client_repository.h"
#include "repositories/session_repository.h"
#include "schedule/schedule_presenter.h"
#include "server/access_presenter.h"
#include "server/connect_presenter.h"

#include "domain_printers.h"

#include <boost/test/unit_test.hpp>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <cstdlib>
#include <random>
#include <string>

using namespace knotwork;

namespace {

std::string server_url() {
    const char* url = std::getenv("KNOTWORK_TEST_PG_URL");
    return url ? url : "";
}

boost::test_tools::assertion_result has_server(boost::unit_test::test_unit_id) {
    boost::test_tools::assertion_result ok(!server_url().empty());
    if (!ok) ok.message() << "KNOTWORK_TEST_PG_URL names no clinic server";
    return ok;
}

// A practice in a schema of its own, set up by the server's owner, and a front-desk login for
// it; both dropped afterwards.
class ServerPractice {
public:
    // SOCI's own session takes libpq's key=value form most reliably.
    ServerPractice() : m_admin(soci::postgresql, db::postgresql::connect_string(server_url(), "")) {
        std::random_device random;
        m_schema = "knotwork_p" + std::to_string(random() % 1000000000u);
        m_desk = "desk_" + m_schema;
        m_admin << "SET client_min_messages = warning";
        m_admin << "CREATE SCHEMA " + m_schema;
        owner = db::Database::open(location_for(""), {.actor = "test"}); // sets the practice up
        m_admin << "CREATE ROLE " + m_desk + " LOGIN IN ROLE knotwork_front_desk";
    }
    ~ServerPractice() {
        owner.reset();
        try {
            m_admin << "DROP SCHEMA " + m_schema + " CASCADE";
            m_admin << "DROP OWNED BY " + m_desk;
            m_admin << "DROP ROLE " + m_desk;
        } catch (...) {
        }
    }
    ServerPractice(const ServerPractice&) = delete;
    ServerPractice& operator=(const ServerPractice&) = delete;

    // The practice for `user` (the server's owner when empty), as the Connect dialog would make it.
    std::string location_for(const std::string& user) const {
        std::string url = server_url();
        if (!user.empty()) {
            const auto scheme = url.find("://") + 3;
            const auto at = url.find('@', scheme);
            url = url.substr(0, scheme) + gui::percent_encode(user) + "@" +
                  (at == std::string::npos ? url.substr(scheme) : url.substr(at + 1));
        }
        return url + (url.find('?') == std::string::npos ? "?" : "&") + "options=-c%20search_path%3D" + m_schema;
    }
    const std::string& desk_login() const noexcept { return m_desk; }

    std::unique_ptr<db::Database> owner;

private:
    soci::session m_admin;
    std::string m_schema;
    std::string m_desk;
};

} // namespace

BOOST_AUTO_TEST_SUITE(front_desk_on_a_clinic_server, *boost::unit_test::precondition(&has_server))

BOOST_AUTO_TEST_CASE(the_front_desk_works_with_clients_and_bookings_without_a_refusal) {
    ServerPractice practice;
    ClientId client = 0;
    SessionId signed_session = 0;
    {
        db::Database& owner = *practice.owner;
        ClientDetails d;
        d.family_name = "Okafor";
        d.given_name = "Adaeze";
        d.phone = "555-0101";
        Client c(d, Date(2026, 6, 1));
        db::Transaction tx(owner);
        client = db::ClientRepository(owner).add(c);
        const DateTime start(Date(2026, 11, 26), boost::posix_time::hours(10));
        Session s(client, start, start + boost::posix_time::hours(1), "Maya Okonkwo");
        s.mark_completed();
        SoapNote note;
        note.subjective = "Sciatica easing.";
        s.write_note(note);
        s.sign("Maya Okonkwo", start + boost::posix_time::hours(2));
        signed_session = db::SessionRepository(owner).add(s);
        tx.commit();
    }

    // Connected as the Connect dialog does, with the login's name in the URL.
    gui::ConnectPresenter connect(
        [](const std::string& location, const std::string& password) {
            return db::Database::open(location, {.password = password, .actor = "typed at the keyboard"});
        },
        gui::form_for(practice.location_for(practice.desk_login())));
    auto desk = connect.connect();
    BOOST_TEST_REQUIRE(desk != nullptr, (connect.failure() ? connect.failure()->message : std::string()));
    const gui::PracticeAccess access = gui::PracticeAccess::of(*desk);
    BOOST_TEST(access.front_desk());
    BOOST_TEST(access.notice() ==
               "Signed in as " + practice.desk_login() + " (front desk): clinical records are not shown");

    gui::ClientListPresenter list(*desk);
    list.refresh();
    BOOST_TEST(list.size() == 1u);
    BOOST_TEST(list.at(0).family_name == "Okafor");

    const app::ClientChart record = app::load_client_record(*desk, client);
    BOOST_TEST(record.client.details().phone == "555-0101");
    BOOST_TEST(record.sessions.empty());
    // What the program does not offer the front desk, the server refuses too.
    BOOST_CHECK_THROW(app::load_chart(*desk, client), std::exception);

    gui::IntakePresenter intake(*desk, client, Date(2026, 11, 27));
    intake.form().phone = "555-0199";
    BOOST_TEST(intake.save() == client);
    BOOST_TEST(db::ClientRepository(*practice.owner).get(client).details().phone == "555-0199");

    gui::IntakePresenter new_client(*desk, std::nullopt, Date(2026, 11, 27));
    new_client.form().family_name = "Reyes";
    new_client.form().given_name = "Ana";
    const ClientId taken_in = new_client.save();
    BOOST_TEST(db::ClientRepository(*practice.owner).get(taken_in).display_name() == "Ana Reyes");

    // Archiving and restoring, as the Client menu does them.
    Client archived = db::ClientRepository(*desk).get(taken_in);
    {
        db::Transaction tx(*desk);
        db::ClientRepository(*desk).archive(archived, Date(2026, 11, 27));
        tx.commit();
    }
    BOOST_TEST(db::ClientRepository(*practice.owner).get(taken_in).is_archived());
    {
        db::Transaction tx(*desk);
        db::ClientRepository(*desk).restore(archived);
        tx.commit();
    }
    BOOST_TEST(!db::ClientRepository(*practice.owner).get(taken_in).is_archived());

    gui::SchedulePresenter schedule(*desk, Date(2026, 11, 27));
    BOOST_TEST(!schedule.opens_notes());
    const gui::AppointmentBlock* shown = schedule.find_block(signed_session);
    BOOST_TEST_REQUIRE(shown);
    BOOST_TEST(shown->appointment.is_signed);
    const auto booked =
        schedule.book(client, DateTime(Date(2026, 11, 27), boost::posix_time::hours(9)), 60, "Maya Okonkwo");
    BOOST_TEST(booked.done);
    const gui::AppointmentBlock* mine = schedule.find_block(booked.session);
    BOOST_TEST_REQUIRE(mine);
    const gui::AppointmentActions offered = schedule.available_actions(mine->appointment);
    BOOST_TEST(offered.move);
    BOOST_TEST(offered.cancel);
    BOOST_TEST(offered.no_show);
    BOOST_TEST(offered.remove);
    // Moving, cancelling, marking a no-show and deleting name only the scheduling columns, which
    // the server lets this account read and write.
    const DateTime later(Date(2026, 11, 27), boost::posix_time::hours(14));
    const auto moved = schedule.move(booked.session, later);
    BOOST_TEST(moved.done, (moved.problems.empty() ? std::string() : moved.problems.front()));
    BOOST_TEST(db::SessionRepository(*practice.owner).get(booked.session).starts_at() == later);
    schedule.cancel(booked.session, "ill");
    const Session cancelled = db::SessionRepository(*practice.owner).get(booked.session);
    BOOST_TEST(cancelled.status() == AppointmentStatus::cancelled);
    BOOST_TEST(cancelled.status_reason() == "ill");

    const auto second =
        schedule.book(client, DateTime(Date(2026, 11, 27), boost::posix_time::hours(11)), 60, "Maya Okonkwo");
    BOOST_TEST_REQUIRE(second.done);
    schedule.mark_no_show(second.session);
    BOOST_TEST(db::SessionRepository(*practice.owner).get(second.session).status() == AppointmentStatus::no_show);

    const auto mistake =
        schedule.book(client, DateTime(Date(2026, 11, 27), boost::posix_time::hours(16)), 60, "Maya Okonkwo");
    BOOST_TEST_REQUIRE(mistake.done);
    schedule.remove_booking(mistake.session);
    BOOST_TEST(!db::SessionRepository(*practice.owner).find(mistake.session).has_value());
    BOOST_TEST(schedule.find_block(mistake.session) == nullptr);

    // The signed session is still refused, by the presenter before the server.
    BOOST_CHECK_THROW(schedule.move(signed_session, later, gui::Proceed::anyway), LockedRecordError);
    BOOST_CHECK_THROW(schedule.remove_booking(signed_session), LockedRecordError);

    // Preferences: the holidays are the desk's to change; the settings stay as the therapist set them.
    gui::PreferencesPresenter prefs(*desk, access);
    BOOST_TEST(prefs.holidays_only());
    const std::string therapist_name = prefs.profile().therapist_name;
    prefs.profile().therapist_name = "Someone Else";
    prefs.set_holiday(Date(2026, 12, 25), "Christmas Day");
    prefs.save();
    const PracticeProfile stored = db::PracticeRepository(*practice.owner).load();
    BOOST_TEST(stored.holidays.at(Date(2026, 12, 25)) == "Christmas Day");
    BOOST_TEST(stored.therapist_name == therapist_name);
}

BOOST_AUTO_TEST_SUITE_END()
