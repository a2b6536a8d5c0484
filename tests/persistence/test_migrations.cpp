// Pins the upgrade path: a practice file written by a Knotwork that knew only schema version 1 opens
// with today's program, which applies the newer migrations in place. Nothing stored is lost, the
// new tables work at once, and the old guarantees (an append-only audit trail) still hold. The v1
// file is built the way the first release built it: migration 1's own text, run with the SQLite C
// API, then rows inserted by raw SQL.
#include "practice_fixture.h"

#include "audit_log.h"
#include "migrations.h"
#include "repositories/client_repository.h"
#include "sqlite_native.h"

#include <sqlite3.h>

namespace knotwork::test {

namespace {

// A practice file at schema version 1 holding one client and the audit row of its intake.
void write_version_1_practice(const std::filesystem::path& file) {
    const db::Migration* first = nullptr;
    for (const auto& m : db::sqlite_migrations())
        if (m.version == 1) first = &m;
    BOOST_TEST_REQUIRE(first != nullptr);

    sqlite3* handle = nullptr;
    BOOST_TEST_REQUIRE(sqlite3_open_v2(file.c_str(), &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                       nullptr) == SQLITE_OK);
    try {
        db::sqlite_native::exec_script(handle, "PRAGMA application_id = 1263423316;" // "KNOT"
                                               "BEGIN;"
                                               "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, "
                                               "name TEXT NOT NULL, applied_at TEXT NOT NULL);");
        db::sqlite_native::exec_script(handle, std::string(first->sql));
        db::sqlite_native::exec_script(
            handle, "INSERT INTO schema_migrations VALUES (1, '0001_initial', '2026-01-05T08:00:00');"
                    "INSERT INTO clients (id, family_name, given_name, search_key, phone, activity, "
                    "pressure_preference, "
                    "created_at, updated_at, version) VALUES (7, 'Okafor', 'Ngozi', 'okafor ngozi 5550101', "
                    "'555-0101', "
                    "'moderate', 'medium', '2026-01-05T08:01:00', '2026-01-05T08:01:00', 1);"
                    "INSERT INTO audit_log (at, actor, action, entity, entity_id, client_id, detail) VALUES "
                    "('2026-01-05T08:01:00', 'mara', 'create', 'client', 7, 7, 'Ngozi Okafor');"
                    "COMMIT;");
    } catch (...) {
        sqlite3_close(handle);
        throw;
    }
    sqlite3_close(handle);
}

} // namespace

BOOST_AUTO_TEST_SUITE(Migrations, *sqlite_only())

BOOST_AUTO_TEST_CASE(a_version_1_practice_upgrades_keeping_its_records_and_gains_field_changes) {
    TempDir dir;
    const auto file = dir.file("old.knotwork");
    write_version_1_practice(file);

    auto database = db::Database::open(file.string(), test_options());
    db::Database& db = *database;
    BOOST_TEST(db.schema_version() == db::Database::latest_schema_version());
    BOOST_TEST(db::Database::latest_schema_version() >= 2);
    BOOST_TEST(row_count(db, "schema_migrations") == db::Database::latest_schema_version());
    BOOST_TEST(db.check_integrity().empty());

    // The records written by version 1 are all there, unchanged.
    Client c = db::ClientRepository(db).get(7);
    BOOST_TEST(c.display_name() == "Ngozi Okafor");
    BOOST_TEST(c.details().phone == "555-0101");
    const auto before = db::AuditLog(db).for_client(7);
    BOOST_TEST_REQUIRE(before.size() == 1u);
    BOOST_TEST(before[0].actor == "mara");
    BOOST_TEST(before[0].detail == "Ngozi Okafor");
    BOOST_TEST(before[0].at == at(2026, 1, 5, 8, 1));
    BOOST_TEST(before[0].changes.empty());

    // The new table exists and a change made now records its values in it.
    BOOST_TEST(row_count(db, "audit_changes") == 0);
    ClientDetails d = c.details();
    d.phone = "555-0199";
    c.revise(d, test_today);
    in_transaction(db, [&] { db::ClientRepository(db).update(c); });
    const auto after = db::AuditLog(db).for_client(7);
    BOOST_TEST_REQUIRE(after.size() == 2u);
    BOOST_TEST_REQUIRE(after[1].changes.size() == 1u);
    BOOST_TEST(after[1].changes[0].field == "phone");
    BOOST_TEST(after[1].changes[0].old_value == "555-0101");
    BOOST_TEST(after[1].changes[0].new_value == "555-0199");

    // The upgraded file keeps refusing edits to its history, old rows and new.
    BOOST_TEST(
        contains(refusal_of(db, "UPDATE audit_log SET actor = 'x' WHERE id = 1"), "cannot be changed"));
    BOOST_TEST(contains(refusal_of(db, "DELETE FROM audit_changes"), "cannot be changed"));
    BOOST_TEST(
        contains(refusal_of(db, "UPDATE audit_changes SET old_value = '555-0000'"), "cannot be changed"));

    // And the next start finds nothing left to do.
    database.reset();
    database = db::Database::open(file.string(), test_options());
    BOOST_TEST(database->schema_version() == db::Database::latest_schema_version());
    BOOST_TEST(db::AuditLog(*database).for_client(7).size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_version_1_practice_cannot_be_opened_read_only_until_upgraded) {
    TempDir dir;
    const auto file = dir.file("old.knotwork");
    write_version_1_practice(file);
    db::OpenOptions read_only = test_options();
    read_only.create_if_missing = false;
    read_only.read_only = true;
    BOOST_CHECK_THROW(db::Database::open(file.string(), read_only), Error);
    // Refusing changed nothing: a normal open still upgrades it.
    auto db = db::Database::open(file.string(), test_options());
    BOOST_TEST(db->schema_version() == db::Database::latest_schema_version());
    BOOST_TEST(db::ClientRepository(*db).get(7).details().phone == "555-0101");
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
