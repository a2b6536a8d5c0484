// Pins persistence/audit_log: every change a use case makes leaves a row naming who did what to
// which record, with the old and new value of each field it changed, written in the same
// transaction as the change, and nobody can alter or remove a row afterwards, not even with raw
// SQL.
#include "practice_fixture.h"

#include "audit_log.h"
#include "repositories/assessment_repository.h"
#include "repositories/client_repository.h"
#include "repositories/plan_repository.h"
#include "repositories/practice_repository.h"
#include "repositories/session_repository.h"

#include <algorithm>
#include <ostream>

namespace knotwork::db {
std::ostream& operator<<(std::ostream& out, const FieldChange& c) {
    return out << "{" << c.field << ": \"" << c.old_value << "\" -> \"" << c.new_value << "\"}";
}
} // namespace knotwork::db

namespace knotwork::test {

namespace {

std::vector<std::string> entity_actions(const std::vector<db::AuditEntry>& entries) {
    std::vector<std::string> out;
    for (const auto& e : entries) out.push_back(e.entity + " " + e.action);
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(AuditLog)

BOOST_FIXTURE_TEST_CASE(every_change_of_a_client_record_leaves_a_row, PracticeFixture) {
    // Intake, correction, a signed session with an amendment, archive and restore.
    Client c = store_client(db(), full_client());
    ClientDetails d = c.details();
    d.phone = "0113 496 0000";
    c.revise(d, test_today);
    in_transaction(db(), [&] { db::ClientRepository(db()).update(c); });
    Session s = store_signed_session(db(), c.id(), at(2026, 3, 2, 9));
    s.amend("Mara Lindqvist", at(2026, 3, 2, 12), "Typo", "Left, not right.");
    in_transaction(db(), [&] { db::SessionRepository(db()).save(s); });
    in_transaction(db(), [&] { db::ClientRepository(db()).archive(c, Date(2026, 3, 3)); });
    in_transaction(db(), [&] { db::ClientRepository(db()).restore(c); });

    const auto entries = db::AuditLog(db()).for_client(c.id());
    BOOST_TEST(entity_actions(entries) == (std::vector<std::string>{
                                              "client create",
                                              "client update",
                                              "session create",
                                              "session update", // the note written before signing
                                              "session sign",
                                              "session amend",
                                              "client archive",
                                              "client restore",
                                          }));
    for (const auto& e : entries) {
        BOOST_TEST_CONTEXT(e.entity << " " << e.action) {
            BOOST_TEST(e.actor == db().actor()); // "test", or the login name on a clinic server
            BOOST_TEST(e.client_id == std::optional<std::int64_t>(c.id()));
            BOOST_TEST(e.entity_id == std::optional<std::int64_t>(e.entity == "client" ? c.id() : s.id()));
            BOOST_TEST(!e.at.is_special());
            BOOST_TEST(e.id > 0);
        }
    }

    // The details say what happened in words.
    const auto by_action = [&](const std::string& action) {
        return *std::find_if(entries.begin(), entries.end(), [&](const db::AuditEntry& e) { return e.action == action; });
    };
    BOOST_TEST(by_action("create").detail == "Zizi Okafor");
    BOOST_TEST(by_action("update").detail == "changed: phone");
    BOOST_TEST(by_action("sign").detail == "signed by Mara Lindqvist");
    BOOST_TEST(by_action("amend").detail == "amendment by Mara Lindqvist: Typo");
    BOOST_TEST(by_action("archive").detail == "archived on 2026-03-03");

    // for_record narrows to one record.
    const auto session_rows = db::AuditLog(db()).for_record("session", s.id());
    BOOST_TEST(entity_actions(session_rows) ==
               (std::vector<std::string>{"session create", "session update", "session sign", "session amend"}));
}

BOOST_FIXTURE_TEST_CASE(plans_cancellations_and_removals_are_audited_too, PracticeFixture) {
    const Client c = store_client(db(), full_client());
    TreatmentPlan plan(c.id(), full_plan(std::nullopt));
    in_transaction(db(), [&] { db::PlanRepository(db()).add(plan); });
    plan.activate();
    in_transaction(db(), [&] { db::PlanRepository(db()).update(plan); });
    Session cancelled = store_booking(db(), c.id(), at(2026, 3, 2, 9));
    cancelled.cancel("Client unwell");
    in_transaction(db(), [&] { db::SessionRepository(db()).save(cancelled); });
    const Session mistake = store_booking(db(), c.id(), at(2026, 3, 3, 9));
    in_transaction(db(), [&] { db::SessionRepository(db()).remove(mistake); });

    BOOST_TEST(entity_actions(db::AuditLog(db()).for_record("plan", plan.id())) ==
               (std::vector<std::string>{"plan create", "plan update"}));
    BOOST_TEST(entity_actions(db::AuditLog(db()).for_record("session", cancelled.id())) ==
               (std::vector<std::string>{"session create", "session cancel"}));
    BOOST_TEST(entity_actions(db::AuditLog(db()).for_record("session", mistake.id())) ==
               (std::vector<std::string>{"session create", "session delete"}));
}

BOOST_FIXTURE_TEST_CASE(the_actor_is_whoever_is_at_the_keyboard, PracticeFixture, *sqlite_only()) {
    const Client c = store_client(db(), full_client());
    db().set_actor("Jo Park");
    Client copy = c;
    in_transaction(db(), [&] { db::ClientRepository(db()).archive(copy, test_today); });
    const auto entries = db::AuditLog(db()).for_client(c.id());
    BOOST_TEST_REQUIRE(entries.size() == 2u);
    BOOST_TEST(entries[0].actor == "test");
    BOOST_TEST(entries[1].actor == "Jo Park");
}

BOOST_FIXTURE_TEST_CASE(a_rolled_back_change_leaves_no_row, PracticeFixture) {
    const auto before = db::AuditLog(db()).count();
    {
        db::Transaction tx(db());
        Client c(full_client(), test_today);
        db::ClientRepository(db()).add(c);
        BOOST_TEST(db::AuditLog(db()).count() == before + 1);
    }
    BOOST_TEST(db::AuditLog(db()).count() == before);
}

BOOST_FIXTURE_TEST_CASE(a_record_without_entity_or_client_keeps_them_null, PracticeFixture) {
    in_transaction(db(), [&] {
        db::AuditLog(db()).record(db::AuditAction::export_record, "practice", std::nullopt, std::nullopt,
                                  "clients.csv; \"quoted\" 😀");
    });
    long long null_ids = 0;
    db().sql() << "SELECT count(*) FROM audit_log WHERE entity_id IS NULL AND client_id IS NULL", soci::into(null_ids);
    BOOST_TEST(null_ids == 1);
    std::string action, detail;
    db().sql() << "SELECT action, detail FROM audit_log", soci::into(action), soci::into(detail);
    BOOST_TEST(action == "export");
    BOOST_TEST(detail == "clients.csv; \"quoted\" 😀");
}

BOOST_AUTO_TEST_CASE(action_codes_are_stable) {
    struct Case {
        db::AuditAction action;
        const char* code;
    };
    const Case cases[] = {
        {db::AuditAction::create, "create"},   {db::AuditAction::update, "update"},
        {db::AuditAction::sign, "sign"},       {db::AuditAction::amend, "amend"},
        {db::AuditAction::archive, "archive"}, {db::AuditAction::restore, "restore"},
        {db::AuditAction::cancel, "cancel"},   {db::AuditAction::remove, "delete"},
        {db::AuditAction::view, "view"},       {db::AuditAction::export_record, "export"},
        {db::AuditAction::print, "print"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.code) { BOOST_TEST(db::to_code(c.action) == c.code); }
    }
}

BOOST_FIXTURE_TEST_CASE(the_database_refuses_to_change_or_delete_audit_rows, PracticeFixture) {
    const Client c = store_client(db(), full_client());
    store_signed_session(db(), c.id(), at(2026, 3, 2, 9));
    const auto before = db::AuditLog(db()).for_client(c.id());
    BOOST_TEST_REQUIRE(before.size() == 4u);

    const std::string statements[] = {
        "UPDATE audit_log SET actor = 'mallory'",
        "UPDATE audit_log SET detail = '' WHERE action = 'sign'",
        "UPDATE audit_log SET at = '2000-01-01T00:00:00' WHERE id = 1",
        "DELETE FROM audit_log WHERE action = 'sign'",
        "DELETE FROM audit_log",
        "UPDATE audit_changes SET new_value = 'Nobody' WHERE field = 'signed_by'",
        "UPDATE audit_changes SET audit_id = 1",
        "DELETE FROM audit_changes WHERE field = 'signed_by'",
        "DELETE FROM audit_changes",
        // Invented changes cannot be attached to an entry written earlier.
        "INSERT INTO audit_changes (audit_id, position, field, old_value, new_value) "
        "VALUES (1, 9, 'phone', 'a', 'b')",
    };
    for (const auto& statement : statements) {
        BOOST_TEST_CONTEXT(statement) {
            BOOST_TEST(contains(refusal_of(db(), statement), "the audit trail cannot be changed"));
        }
    }
    const auto after = db::AuditLog(db()).for_client(c.id());
    BOOST_TEST_REQUIRE(after.size() == before.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
        BOOST_TEST_CONTEXT("row " << i) {
            BOOST_TEST(after[i].id == before[i].id);
            BOOST_TEST(after[i].at == before[i].at);
            BOOST_TEST(after[i].actor == before[i].actor);
            BOOST_TEST(after[i].action == before[i].action);
            BOOST_TEST(after[i].detail == before[i].detail);
            BOOST_TEST(after[i].changes == before[i].changes);
        }
    }
    const auto sign = std::find_if(after.begin(), after.end(), [](const auto& e) { return e.action == "sign"; });
    BOOST_TEST_REQUIRE((sign != after.end()));
    BOOST_TEST_REQUIRE(sign->changes.size() == 2u);
    BOOST_TEST(sign->changes[0].new_value == "Mara Lindqvist");
}

// ---- old and new values ------------------------------------------------------------------------

namespace {

// The changes of the newest audit entry for one record.
std::vector<db::FieldChange> last_changes(db::Database& db, const std::string& entity, std::int64_t id) {
    const auto entries = db::AuditLog(db).for_record(entity, id);
    BOOST_TEST_REQUIRE(!entries.empty());
    return entries.back().changes;
}

using Changes = std::vector<db::FieldChange>;

} // namespace

BOOST_FIXTURE_TEST_CASE(a_changed_phone_number_is_recorded_with_its_old_and_new_value, PracticeFixture) {
    Client c = store_client(db(), full_client());
    ClientDetails d = c.details();
    d.phone = "555-0199";
    c.revise(d, test_today);
    in_transaction(db(), [&] { db::ClientRepository(db()).update(c); });

    const auto entries = db::AuditLog(db()).for_record("client", c.id());
    BOOST_TEST_REQUIRE(entries.size() == 2u);
    BOOST_TEST(entries[0].changes.empty()); // the create names the client; the record itself holds the values
    BOOST_TEST(entries[1].action == "update");
    BOOST_TEST(entries[1].changes == (Changes{{"phone", "+44 20 7946-0958", "555-0199"}}));

    // Kept on disk, not only in this connection.
    reopen();
    BOOST_TEST(last_changes(db(), "client", c.id()) == (Changes{{"phone", "+44 20 7946-0958", "555-0199"}}));
}

BOOST_FIXTURE_TEST_CASE(each_changed_client_field_is_recorded_as_a_person_reads_it, PracticeFixture) {
    Client c = store_client(db(), full_client());
    ClientDetails d = c.details();
    d.date_of_birth = std::nullopt;
    d.email = "";
    d.activity = ActivityLevel::active;
    d.conditions.erase(HealthCondition::hypertension);
    d.medications.pop_back();
    d.pressure_preference = PressurePreference::light;
    d.health_notes = "Line one\nLine two, \"quoted\"; 'single' \xF0\x9F\x98\x80";
    c.revise(d, test_today);
    in_transaction(db(), [&] { db::ClientRepository(db()).update(c); });

    BOOST_TEST(last_changes(db(), "client", c.id()) ==
               (Changes{
                   {"date_of_birth", "1984-07-12", ""},
                   {"email", "ngozi@example.org", ""},
                   {"activity", "Desk work", "Active"},
                   {"conditions", "Sciatica; Herniated disc; High blood pressure", "Sciatica; Herniated disc"},
                   {"health_notes", "L5-S1 disc herniation 2023; conservative management.\tNo surgery.",
                    "Line one\nLine two, \"quoted\"; 'single' \xF0\x9F\x98\x80"},
                   {"medications", "Ibuprofen 400 mg (Pain killer); Cyclobenzaprine 5 mg (Muscle relaxant); Other",
                    "Ibuprofen 400 mg (Pain killer); Cyclobenzaprine 5 mg (Muscle relaxant)"},
                   {"pressure_preference", "Firm", "Light"},
               }));
    BOOST_TEST(db::AuditLog(db()).for_record("client", c.id()).back().detail ==
               "changed: date of birth, email, activity, conditions, health notes, medications, pressure preference");
}

BOOST_FIXTURE_TEST_CASE(saving_an_unchanged_client_records_that_nothing_changed, PracticeFixture) {
    Client c = store_client(db(), full_client());
    in_transaction(db(), [&] { db::ClientRepository(db()).update(c); });
    const auto entries = db::AuditLog(db()).for_record("client", c.id());
    BOOST_TEST_REQUIRE(entries.size() == 2u);
    BOOST_TEST(entries[1].detail == "no change");
    BOOST_TEST(entries[1].changes.empty());
    BOOST_TEST(row_count(db(), "audit_changes") == 0);
}

BOOST_FIXTURE_TEST_CASE(archive_and_restore_record_the_archive_date, PracticeFixture) {
    Client c = store_client(db(), full_client());
    in_transaction(db(), [&] { db::ClientRepository(db()).archive(c, Date(2026, 3, 3)); });
    BOOST_TEST(last_changes(db(), "client", c.id()) == (Changes{{"archived_on", "", "2026-03-03"}}));
    // Restored from a fresh copy, as the desktop does after a reload.
    Client loaded = db::ClientRepository(db()).get(c.id());
    in_transaction(db(), [&] { db::ClientRepository(db()).restore(loaded); });
    const auto entries = db::AuditLog(db()).for_record("client", c.id());
    BOOST_TEST(entries.back().action == "restore");
    BOOST_TEST(entries.back().changes == (Changes{{"archived_on", "2026-03-03", ""}}));
}

BOOST_FIXTURE_TEST_CASE(an_assessment_correction_records_scores_and_sections, PracticeFixture) {
    const Client c = store_client(db(), full_client());
    Assessment a(c.id(), full_assessment(Date(2026, 2, 20)), test_today);
    in_transaction(db(), [&] { db::AssessmentRepository(db()).add(a); });
    AssessmentDetails d = a.details();
    d.pain_now = PainScore(5);
    OdiResponses odi = *d.odi;
    odi.set(OdiSection::lifting, 3);
    odi.set(OdiSection::travelling, 2);
    d.odi = odi;
    d.pain_map.pop_back();
    d.rmdq.reset();
    a.revise(d, test_today);
    in_transaction(db(), [&] { db::AssessmentRepository(db()).update(a); });

    BOOST_TEST(last_changes(db(), "assessment", a.id()) ==
               (Changes{
                   {"pain_now", "6", "5"},
                   {"pain_map",
                    "Gluteus medius (Left) 5, Radiating; Lumbar spine (Midline) 6, Aching; Piriformis (Left) 7, Burning",
                    "Gluteus medius (Left) 5, Radiating; Lumbar spine (Midline) 6, Aching"},
                   {"odi_lifting", "4", "3"},
                   {"odi_travelling", "", "2"},
                   {"rmdq", "yes to 1, 2, 7, 12, 18, 24", ""},
               }));
}

BOOST_FIXTURE_TEST_CASE(a_plan_change_records_status_and_series, PracticeFixture) {
    const Client c = store_client(db(), full_client());
    TreatmentPlan plan(c.id(), full_plan(std::nullopt));
    in_transaction(db(), [&] { db::PlanRepository(db()).add(plan); });
    PlanDetails d = plan.details();
    d.series.session_count = 8;
    d.series.start_time = boost::posix_time::hours(9);
    d.home_care.erase(d.home_care.begin() + 1, d.home_care.end());
    plan.revise(d);
    plan.activate();
    in_transaction(db(), [&] { db::PlanRepository(db()).update(plan); });

    BOOST_TEST(last_changes(db(), "plan", plan.id()) ==
               (Changes{
                   {"status", "Draft", "Active"},
                   {"session_count", "6", "8"},
                   {"start_time", "14:30", "09:00"},
                   {"home_care",
                    "Stretching: Knee-to-chest, 3 x 30 s, twice a day; Heat: Heat pack 20 minutes in the evening; "
                    "Pain journal: Morning and evening, 0-10",
                    "Stretching: Knee-to-chest, 3 x 30 s, twice a day"},
               }));
}

BOOST_FIXTURE_TEST_CASE(session_drafts_moves_cancellations_signatures_and_amendments_record_values, PracticeFixture) {
    const Client c = store_client(db(), full_client());
    Session s = store_booking(db(), c.id(), at(2026, 3, 2, 9));
    db::SessionRepository repo(db());

    // Moved by an hour.
    s.reschedule(at(2026, 3, 2, 10), at(2026, 3, 2, 11));
    in_transaction(db(), [&] { repo.save(s); });
    BOOST_TEST(last_changes(db(), "session", s.id()) ==
               (Changes{{"starts_at", "2026-03-02 09:00", "2026-03-02 10:00"},
                        {"ends_at", "2026-03-02 10:00", "2026-03-02 11:00"}}));

    // A draft note: only the fields written.
    s.mark_completed();
    SoapNote n;
    n.subjective = "Back stiff after gardening.";
    n.pain_before = PainScore(6);
    s.write_note(n);
    in_transaction(db(), [&] { repo.save(s); });
    BOOST_TEST(last_changes(db(), "session", s.id()) == (Changes{{"status", "Scheduled", "Completed"},
                                                                 {"subjective", "", "Back stiff after gardening."},
                                                                 {"pain_before", "", "6"}}));

    // The draft corrected, then signed and amended.
    n.subjective = "Back stiff after weeding.";
    n.pain_before = PainScore(5);
    s.write_note(n);
    s.sign("Mara Lindqvist", at(2026, 3, 2, 12));
    in_transaction(db(), [&] { repo.save(s); });
    s.amend("Mara Lindqvist", at(2026, 3, 2, 13), "Wrong side", "Left, not right.");
    in_transaction(db(), [&] { repo.save(s); });

    const auto entries = db::AuditLog(db()).for_record("session", s.id());
    BOOST_TEST_REQUIRE(entries.size() == 6u);
    BOOST_TEST(entries[3].action == "update");
    BOOST_TEST(entries[3].changes == (Changes{{"subjective", "Back stiff after gardening.", "Back stiff after weeding."},
                                             {"pain_before", "6", "5"}}));
    BOOST_TEST(entries[4].action == "sign");
    BOOST_TEST(entries[4].changes ==
               (Changes{{"signed_by", "", "Mara Lindqvist"}, {"signed_at", "", "2026-03-02 12:00"}}));
    BOOST_TEST(entries[5].action == "amend");
    BOOST_TEST(entries[5].changes == (Changes{{"amendment", "", "Left, not right."}}));

    // A cancellation says what the status and reason were.
    Session other = store_booking(db(), c.id(), at(2026, 3, 9, 9));
    other.cancel("Client unwell");
    in_transaction(db(), [&] { repo.save(other); });
    const auto cancel = db::AuditLog(db()).for_record("session", other.id()).back();
    BOOST_TEST(cancel.action == "cancel");
    BOOST_TEST(cancel.changes ==
               (Changes{{"status", "Scheduled", "Cancelled"}, {"status_reason", "", "Client unwell"}}));
}

BOOST_FIXTURE_TEST_CASE(practice_settings_record_what_changed, PracticeFixture) {
    PracticeProfile p;
    p.practice_name = "Mill Lane Massage";
    p.phone = "0113 496 0000";
    in_transaction(db(), [&] { db::PracticeRepository(db()).save(p); });
    p.phone = "0113 496 0001";
    p.holidays[Date(2026, 12, 25)] = "Christmas Day";
    in_transaction(db(), [&] { db::PracticeRepository(db()).save(p); });
    const auto entries = db::AuditLog(db()).find({});
    BOOST_TEST_REQUIRE(entries.size() == 2u);
    BOOST_TEST(entries[1].entity == "practice");
    BOOST_TEST(entries[1].changes ==
               (Changes{{"phone", "0113 496 0000", "0113 496 0001"}, {"holidays", "", "2026-12-25 Christmas Day"}}));
}

BOOST_FIXTURE_TEST_CASE(find_filters_by_client_and_day_and_orders_either_way, PracticeFixture) {
    const Client a = store_client(db(), full_client());
    const Client b = store_client(db(), minimal_client("Li", "Wei"));
    Client a_copy = a;
    in_transaction(db(), [&] { db::ClientRepository(db()).archive(a_copy, test_today); });

    db::AuditQuery q;
    BOOST_TEST(db::AuditLog(db()).find(q).size() == 3u);
    q.client_id = a.id();
    const auto oldest_first = db::AuditLog(db()).find(q);
    BOOST_TEST(entity_actions(oldest_first) == (std::vector<std::string>{"client create", "client archive"}));
    q.newest_first = true;
    const auto newest_first = db::AuditLog(db()).find(q);
    BOOST_TEST(entity_actions(newest_first) == (std::vector<std::string>{"client archive", "client create"}));
    BOOST_TEST(newest_first.front().changes == (Changes{{"archived_on", "", to_iso(test_today)}}));

    // Days are taken from the entries' own times, so the test holds whenever it runs.
    const Date first_day = oldest_first.front().at.date(), last_day = oldest_first.back().at.date();
    q = db::AuditQuery{};
    q.from = first_day;
    q.to = last_day;
    BOOST_TEST(db::AuditLog(db()).find(q).size() == 3u);
    q.from = last_day + boost::gregorian::days(1);
    q.to = std::nullopt;
    BOOST_TEST(db::AuditLog(db()).find(q).empty());
    q.from = std::nullopt;
    q.to = first_day - boost::gregorian::days(1);
    BOOST_TEST(db::AuditLog(db()).find(q).empty());
    q.client_id = b.id();
    q.to = std::nullopt;
    BOOST_TEST(entity_actions(db::AuditLog(db()).find(q)) == (std::vector<std::string>{"client create"}));
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
