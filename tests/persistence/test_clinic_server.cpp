// A clinic server shared by several workstations: each person signs in with an account of their
// own, the server enforces what a front-desk account may see, records the real user in the audit
// trail, and lets two workstations work at once without losing either's changes.
#include "practice_fixture.h"

#include "postgresql_native.h"
#include "repositories/assessment_repository.h"
#include "repositories/client_repository.h"
#include "repositories/practice_repository.h"
#include "repositories/session_repository.h"
#include "audit_log.h"

#include <chrono>
#include <future>
#include <thread>

namespace knotwork::test {
namespace {

// A login on the test server, member of one of Knotwork's group roles; dropped afterwards with
// everything granted to it.
class TestLogin {
public:
    TestLogin(TempSchema& schema, const std::string& who, const std::string& group)
        : m_schema(schema), m_name(who + "_" + schema.name()) {
        m_schema.admin() << "CREATE ROLE " + m_name + " LOGIN IN ROLE " + group;
    }
    ~TestLogin() {
        try {
            m_schema.admin() << "DROP OWNED BY " + m_name;
            m_schema.admin() << "DROP ROLE " + m_name;
        } catch (...) {
        }
    }
    TestLogin(const TestLogin&) = delete;
    TestLogin& operator=(const TestLogin&) = delete;

    const std::string& name() const noexcept { return m_name; }
    std::unique_ptr<db::Database> open() const {
        return db::Database::open(m_schema.location_for(m_name), db::OpenOptions{.actor = "typed at the keyboard"});
    }

private:
    TempSchema& m_schema;
    std::string m_name;
};

// The SQLSTATE the server answers `statement` with, or "" when it runs.
std::string sqlstate_of(db::Database& db, const std::string& statement) {
    try {
        db.sql() << statement;
    } catch (const soci::soci_error& e) {
        return db::postgresql::sqlstate_of(e);
    }
    return {};
}

// A practice with one client, an assessment and a signed session, set up by the server's owner.
struct ClinicFixture : PracticeFixture {
    Client client = store_client(db(), full_client());
    Session signed_session = store_signed_session(db(), client.id(), at(2026, 2, 24, 14, 30));
    AssessmentId assessment = [this] {
        Assessment a(client.id(), full_assessment(Date(2026, 2, 20)), test_today);
        in_transaction(db(), [&] { db::AssessmentRepository(db()).add(a); });
        return a.id();
    }();
};

} // namespace

BOOST_AUTO_TEST_SUITE(ClinicServer, *postgresql_only())

BOOST_FIXTURE_TEST_CASE(a_front_desk_account_is_refused_notes_and_assessments_by_the_server, ClinicFixture) {
    TestLogin desk(*schema, "desk_sam", "knotwork_front_desk");
    auto front = desk.open();
    BOOST_TEST(!front->can_read_clinical());

    // Straight SQL, as any other program on the desk's computer could send it: the server says no.
    BOOST_TEST(sqlstate_of(*front, "SELECT subjective FROM sessions") == "42501");
    BOOST_TEST(sqlstate_of(*front, "SELECT * FROM sessions") == "42501");
    BOOST_TEST(sqlstate_of(*front, "SELECT chief_complaint FROM assessments") == "42501");
    BOOST_TEST(sqlstate_of(*front, "SELECT text FROM note_amendments") == "42501");
    BOOST_TEST(sqlstate_of(*front, "SELECT technique FROM session_techniques") == "42501");
    BOOST_TEST(sqlstate_of(*front, "SELECT old_value FROM audit_changes") == "42501");
    BOOST_TEST(sqlstate_of(*front, "UPDATE sessions SET subjective = 'x' WHERE id = " +
                                       std::to_string(signed_session.id())) == "42501");

    // Through the repositories too.
    BOOST_CHECK_THROW(db::SessionRepository(*front).get(signed_session.id()), std::exception);
    BOOST_CHECK_THROW(db::AssessmentRepository(*front).for_client(client.id()), std::exception);
    BOOST_CHECK_THROW(db::SessionRepository(*front).search_notes("sciatica"), std::exception);
}

BOOST_FIXTURE_TEST_CASE(a_front_desk_account_manages_clients_and_the_schedule, ClinicFixture) {
    TestLogin desk(*schema, "desk_sam", "knotwork_front_desk");
    auto front = desk.open();

    Client added(minimal_client("Reyes", "Ana"), test_today);
    in_transaction(*front, [&] { db::ClientRepository(*front).add(added); });
    Client changed = db::ClientRepository(*front).get(added.id());
    ClientDetails d = changed.details();
    d.phone = "555 0101";
    changed.revise(d, test_today);
    in_transaction(*front, [&] { db::ClientRepository(*front).update(changed); });
    BOOST_TEST(db::ClientRepository(*front).get(added.id()).details().phone == "555 0101");

    const Session booked = store_booking(*front, added.id(), at(2026, 3, 2, 9));
    const auto day = db::SessionRepository(*front).between(at(2026, 3, 2, 0), at(2026, 3, 3, 0));
    BOOST_TEST_REQUIRE(day.size() == 1u);
    BOOST_TEST(day[0].id == booked.id());
    BOOST_TEST(day[0].client_name == "Ana Reyes");

    // The schedule also shows the owner's signed session, without its note.
    const auto earlier = db::SessionRepository(*front).between(at(2026, 2, 24, 0), at(2026, 2, 25, 0));
    BOOST_TEST_REQUIRE(earlier.size() == 1u);
    BOOST_TEST(earlier[0].is_signed);

    // A therapist reads and writes the clinical record.
    TestLogin mara(*schema, "dr_mara", "knotwork_therapist");
    auto therapist = mara.open();
    BOOST_TEST(therapist->can_read_clinical());
    Session visit = db::SessionRepository(*therapist).get(booked.id());
    visit.mark_completed();
    visit.write_note(sample_note());
    in_transaction(*therapist, [&] { db::SessionRepository(*therapist).save(visit); });
    BOOST_TEST(db::SessionRepository(*therapist).get(booked.id()).note().subjective == sample_note().subjective);
    BOOST_TEST(db::AssessmentRepository(*therapist).for_client(client.id()).size() == 1u);
    BOOST_TEST(db::SessionRepository(*therapist).search_notes("sciatica").size() == 2u);
}

BOOST_FIXTURE_TEST_CASE(the_audit_trail_records_the_account_that_signed_in, ClinicFixture) {
    TestLogin desk(*schema, "desk_sam", "knotwork_front_desk");
    TestLogin mara(*schema, "dr_mara", "knotwork_therapist");
    auto front = desk.open();
    auto therapist = mara.open();
    BOOST_TEST(front->actor() == desk.name());
    BOOST_TEST(therapist->actor() == mara.name());

    Client a(minimal_client("Reyes", "Ana"), test_today);
    in_transaction(*front, [&] { db::ClientRepository(*front).add(a); });
    Client b(minimal_client("Okoye", "Ben"), test_today);
    in_transaction(*therapist, [&] { db::ClientRepository(*therapist).add(b); });

    // Whatever name a program claims, the server writes the login.
    front->set_actor("Dr Somebody Else");
    Client c(minimal_client("Lind", "Cai"), test_today);
    in_transaction(*front, [&] { db::ClientRepository(*front).add(c); });

    db::AuditLog log(db());
    BOOST_TEST(log.for_client(a.id()).at(0).actor == desk.name());
    BOOST_TEST(log.for_client(b.id()).at(0).actor == mara.name());
    BOOST_TEST(log.for_client(c.id()).at(0).actor == desk.name());
}

BOOST_FIXTURE_TEST_CASE(a_signed_note_and_the_audit_trail_are_locked_on_the_server_too, ClinicFixture) {
    const std::string id = std::to_string(signed_session.id());
    BOOST_TEST(contains(refusal_of(db(), "UPDATE sessions SET subjective = 'changed' WHERE id = " + id),
                        "signed note is locked"));
    BOOST_TEST(contains(refusal_of(db(), "DELETE FROM sessions WHERE id = " + id), "signed note is locked"));
    BOOST_TEST(contains(refusal_of(db(), "DELETE FROM session_techniques WHERE session_id = " + id),
                        "signed note is locked"));
    BOOST_TEST(contains(refusal_of(db(), "UPDATE audit_log SET actor = 'nobody'"), "the audit trail cannot be changed"));
    BOOST_TEST(contains(refusal_of(db(), "DELETE FROM audit_log"), "the audit trail cannot be changed"));
    BOOST_TEST(!refusal_of(db(), "TRUNCATE audit_log CASCADE").empty());
    BOOST_TEST(contains(refusal_of(db(), "DELETE FROM clients"), "clients are archived, never deleted"));
    BOOST_TEST(db::SessionRepository(db()).get(signed_session.id()).note().subjective == sample_note().subjective);
}

BOOST_FIXTURE_TEST_CASE(two_workstations_editing_one_client_lose_nothing, ClinicFixture) {
    auto other = db::Database::open(location, test_options());
    Client mine = db::ClientRepository(db()).get(client.id());
    Client theirs = db::ClientRepository(*other).get(client.id());

    ClientDetails d = theirs.details();
    d.phone = "555 0199";
    theirs.revise(d, test_today);
    in_transaction(*other, [&] { db::ClientRepository(*other).update(theirs); });

    ClientDetails m = mine.details();
    m.allergies = "Lanolin";
    mine.revise(m, test_today);
    BOOST_CHECK_THROW(in_transaction(db(), [&] { db::ClientRepository(db()).update(mine); }), ConflictError);

    // The other workstation's change stands; nothing of the stale copy was written.
    const Client stored = db::ClientRepository(db()).get(client.id());
    BOOST_TEST(stored.details().phone == "555 0199");
    BOOST_TEST(stored.details().allergies == full_client().allergies);
}

BOOST_FIXTURE_TEST_CASE(an_appointment_made_at_another_workstation_shows_after_a_refresh, ClinicFixture) {
    auto other = db::Database::open(location, test_options());
    db::SessionRepository schedule(db());
    const auto before = schedule.between(at(2026, 3, 5, 0), at(2026, 3, 6, 0));
    BOOST_TEST(before.empty());
    const Session booked = store_booking(*other, client.id(), at(2026, 3, 5, 11));
    const auto after = schedule.between(at(2026, 3, 5, 0), at(2026, 3, 6, 0));
    BOOST_TEST_REQUIRE(after.size() == 1u);
    BOOST_TEST(after[0].id == booked.id());
}

BOOST_FIXTURE_TEST_CASE(writers_on_two_workstations_take_turns, ClinicFixture) {
    auto other = db::Database::open(location, test_options());
    std::future<void> second;
    {
        db::Transaction first(db());
        // The other workstation starts its own change while this one is open: it waits.
        second = std::async(std::launch::async, [&] {
            store_client(*other, minimal_client("Waits", "Wen"));
        });
        // Until the server shows it waiting on the practice's lock (at most ten seconds).
        long long waiting = 0;
        for (int i = 0; i < 500 && waiting == 0; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            schema->admin() << "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
                soci::into(waiting);
        }
        BOOST_TEST(waiting == 1);
        BOOST_TEST((second.wait_for(std::chrono::seconds(0)) == std::future_status::timeout));
        first.commit();
    }
    second.get();
    BOOST_TEST(row_count(db(), "clients") == 2);
}

BOOST_FIXTURE_TEST_CASE(a_front_desk_account_moves_cancels_and_deletes_its_bookings, ClinicFixture) {
    TestLogin desk(*schema, "desk_sam", "knotwork_front_desk");
    auto front = desk.open();
    db::SessionRepository sessions(*front);

    // Moved, then cancelled.
    const Session moved = store_booking(*front, client.id(), at(2026, 3, 2, 9));
    BOOST_TEST(in_transaction(*front, [&] {
                   return sessions.reschedule(moved.id(), 1, at(2026, 3, 3, 10), at(2026, 3, 3, 11), "Jo Park");
               }) == 2);
    BOOST_TEST(in_transaction(*front, [&] {
                   return sessions.set_status(moved.id(), 2, AppointmentStatus::cancelled, "Client unwell");
               }) == 3);
    const db::AppointmentSummary after = sessions.appointment(moved.id());
    BOOST_TEST(after.starts_at == at(2026, 3, 3, 10));
    BOOST_TEST(after.therapist == "Jo Park");
    BOOST_TEST(after.status == AppointmentStatus::cancelled);
    BOOST_TEST(after.status_reason == "Client unwell");
    BOOST_TEST(after.version == 3);

    // A no-show.
    const Session missed = store_booking(*front, client.id(), at(2026, 3, 4, 9));
    in_transaction(*front, [&] { sessions.set_status(missed.id(), 1, AppointmentStatus::no_show); });
    BOOST_TEST(sessions.appointment(missed.id()).status == AppointmentStatus::no_show);

    // A booking made by mistake, deleted.
    const Session mistake = store_booking(*front, client.id(), at(2026, 3, 5, 9));
    in_transaction(*front, [&] { sessions.remove_booking(mistake.id(), 1); });
    BOOST_CHECK_THROW(sessions.appointment(mistake.id()), NotFoundError);

    // The audit trail names the login and keeps the old and new values (read by the owner).
    db::AuditLog log(db());
    const auto moves = log.for_record("session", moved.id());
    BOOST_TEST_REQUIRE(moves.size() == 3u);
    BOOST_TEST(moves[1].actor == desk.name());
    BOOST_TEST(moves[1].action == "update");
    BOOST_TEST_REQUIRE(!moves[1].changes.empty());
    BOOST_TEST(moves[1].changes[0].old_value == "2026-03-02 09:00");
    BOOST_TEST(moves[1].changes[0].new_value == "2026-03-03 10:00");
    BOOST_TEST(moves[2].action == "cancel");
    BOOST_TEST(log.for_record("session", mistake.id()).back().action == "delete");

    // The signed session stays the therapist's: refused by the repository and by the server.
    const int signed_version = sessions.appointment(signed_session.id()).version;
    BOOST_CHECK_THROW(in_transaction(*front, [&] {
                          sessions.reschedule(signed_session.id(), signed_version, at(2026, 3, 6, 9),
                                              at(2026, 3, 6, 10), "Jo Park");
                      }),
                      LockedRecordError);
    BOOST_CHECK_THROW(in_transaction(*front, [&] { sessions.remove_booking(signed_session.id(), signed_version); }),
                      LockedRecordError);
    BOOST_TEST(contains(refusal_of(*front, "UPDATE sessions SET starts_at = starts_at WHERE id = " +
                                               std::to_string(signed_session.id())),
                        "signed note is locked"));
    // Still never the note.
    BOOST_TEST(sqlstate_of(*front, "SELECT subjective FROM sessions WHERE id = " + std::to_string(moved.id())) ==
               "42501");
    BOOST_TEST(sqlstate_of(*front, "UPDATE sessions SET objective = 'x' WHERE id = " + std::to_string(moved.id())) ==
               "42501");
}

BOOST_FIXTURE_TEST_CASE(a_front_desk_account_cannot_delete_a_booking_whose_note_was_started, ClinicFixture) {
    TestLogin desk(*schema, "desk_sam", "knotwork_front_desk");
    auto front = desk.open();
    // The therapist started two notes: one with text, one with techniques only.
    Session with_text = store_booking(db(), client.id(), at(2026, 3, 2, 9));
    SoapNote text;
    text.subjective = "Started before the client left";
    with_text.write_note(text);
    in_transaction(db(), [&] { db::SessionRepository(db()).save(with_text); });
    Session with_techniques = store_booking(db(), client.id(), at(2026, 3, 2, 11));
    SoapNote techniques;
    techniques.techniques = sample_note().techniques;
    with_techniques.write_note(techniques);
    in_transaction(db(), [&] { db::SessionRepository(db()).save(with_techniques); });

    db::SessionRepository sessions(*front);
    for (const Session* s : {&with_text, &with_techniques}) {
        BOOST_TEST_CONTEXT("session " << s->id()) {
            BOOST_CHECK_THROW(in_transaction(*front, [&] { sessions.remove_booking(s->id(), 2); }), ValidationError);
            BOOST_TEST(db::SessionRepository(db()).find(s->id()).has_value());
        }
    }
    // Cancelling them is the front desk's way instead; the note is untouched.
    in_transaction(*front, [&] { sessions.set_status(with_text.id(), 2, AppointmentStatus::cancelled, "moved away"); });
    const Session cancelled = db::SessionRepository(db()).get(with_text.id());
    BOOST_TEST(cancelled.status() == AppointmentStatus::cancelled);
    BOOST_TEST(cancelled.note().subjective == text.subjective);
}

BOOST_FIXTURE_TEST_CASE(a_front_desk_account_saves_the_holidays_but_not_the_settings, ClinicFixture) {
    TestLogin desk(*schema, "desk_sam", "knotwork_front_desk");
    auto front = desk.open();
    PracticeProfile profile = db::PracticeRepository(*front).load();
    profile.holidays = {{Date(2026, 12, 25), "Christmas Day"}};
    in_transaction(*front, [&] { db::PracticeRepository(*front).save_holidays(profile.holidays); });
    BOOST_TEST((db::PracticeRepository(db()).load().holidays == profile.holidays));
    const auto entries = db::AuditLog(db()).find({});
    BOOST_TEST_REQUIRE(!entries.empty());
    BOOST_TEST(entries.back().entity == "practice");
    BOOST_TEST(entries.back().actor == desk.name());

    // The settings carry the therapist's name and licence: the server refuses them to the desk.
    profile.licence_number = "FORGED-1";
    BOOST_CHECK_THROW(in_transaction(*front, [&] { db::PracticeRepository(*front).save(profile); }),
                      std::exception);
    BOOST_TEST(db::PracticeRepository(db()).load().licence_number != "FORGED-1");
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
