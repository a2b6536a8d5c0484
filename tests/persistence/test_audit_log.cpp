// Pins persistence/audit_log: every change a use case makes leaves a row naming who did what to
// which record, written in the same transaction as the change, and nobody can alter or remove a
// row afterwards, not even with raw SQL.
#include "practice_fixture.h"

#include "audit_log.h"
#include "repositories/client_repository.h"
#include "repositories/plan_repository.h"
#include "repositories/session_repository.h"

#include <algorithm>

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
            BOOST_TEST(e.actor == "test");
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

BOOST_FIXTURE_TEST_CASE(the_actor_is_whoever_is_at_the_keyboard, PracticeFixture) {
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
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
