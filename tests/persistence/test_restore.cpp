// Pins persistence/restore: a restore checks the backup before it replaces anything (a Knotwork
// practice, sound, not from a newer Knotwork), refuses while the practice is open elsewhere,
// keeps the replaced practice aside whole (its unsaved WAL pages included), never lets the old
// WAL reach the restored file, leaves owner-only files, and records itself in the audit trail.
#include "practice_fixture.h"

#include "audit_log.h"
#include "backup.h"
#include "common/error.h"
#include "restore.h"

#include <fstream>
#include <iterator>
#include <set>

namespace knotwork::test {

namespace {

namespace fs = std::filesystem;

const DateTime restore_time = at(2026, 11, 27, 10, 58);

std::string file_bytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Every row of every table (audit trail aside), each value quoted as SQLite quotes it: two
// practices that dump the same hold the same records, byte for byte.
std::string dump(db::Database& db, bool with_audit = false) {
    std::vector<std::string> tables;
    {
        soci::rowset<std::string> rows =
            (db.sql().prepare
             << "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name");
        for (const auto& r : rows)
            tables.push_back(r);
    }
    std::string out;
    for (const auto& table : tables) {
        if (!with_audit && table.rfind("audit", 0) == 0) continue;
        std::vector<std::string> columns;
        soci::rowset<soci::row> info = (db.sql().prepare << "PRAGMA table_info(" + table + ")");
        for (const auto& c : info)
            columns.push_back(c.get<std::string>(1));
        std::string select = "SELECT ";
        for (std::size_t i = 0; i < columns.size(); ++i)
            select += (i ? " || '|' || " : "") + std::string("quote(\"") + columns[i] + "\")";
        out += "== " + table + "\n";
        soci::rowset<std::string> rows =
            (db.sql().prepare << select + " AS line FROM \"" + table + "\" ORDER BY line");
        for (const auto& r : rows)
            out += r + "\n";
    }
    return out;
}

std::set<std::string> names_in(const fs::path& folder) {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(folder))
        names.insert(e.path().filename().string());
    return names;
}

std::unique_ptr<db::Database> open_read_only(const fs::path& p) {
    return db::Database::open(p.string(), db::OpenOptions{.read_only = true, .actor = "test"});
}

// A practice with records in the clinical tables and a backup of it taken before further work.
struct RestoreFixture : PracticeFixture {
    RestoreFixture() {
        const Client c = store_client(db(), full_client());
        store_client(db(), minimal_client("Li", "Wei"));
        Session s = store_signed_session(db(), c.id(), at(2026, 2, 24, 14, 30));
        s.amend("Mara Lindqvist", at(2026, 2, 25, 9), "Follow-up call", "No soreness the next day.");
        in_transaction(db(), [&] { db::SessionRepository(db()).save(s); });
        store_booking(db(), c.id(), at(2026, 3, 6, 14, 30));
        db::backup_practice(db(), backup.string());
        backed_up = dump(db());
        audit_in_backup = row_count(db(), "audit_log");
        // Work done after the backup, which the restore takes back.
        later_client = store_client(db(), minimal_client("After", "Backup")).id();
    }

    db::RestoreResult restore(const fs::path& from) {
        return db::restore_practice(file, from, db::RestoreOptions{"restorer", restore_time});
    }

    // A copy of the backup, changed by `change` through a connection of its own.
    template <typename Change> fs::path altered_backup(const std::string& name, Change&& change) {
        const fs::path copy = dir.file(name);
        fs::copy_file(backup, copy);
        {
            auto other = db::Database::open(copy.string(), db::OpenOptions{.actor = "test"});
            change(*other);
        }
        return copy;
    }

    fs::path backup = dir.file("backup.knotwork");
    std::string backed_up;
    std::int64_t audit_in_backup = 0;
    ClientId later_client = 0;
};

} // namespace

BOOST_AUTO_TEST_SUITE(Restore, *sqlite_only())

BOOST_FIXTURE_TEST_CASE(a_restore_brings_back_exactly_what_the_backup_holds, RestoreFixture) {
    const std::string before_restore = dump(db());
    BOOST_TEST(before_restore != backed_up);
    database.reset();

    const auto result = restore(backup);
    BOOST_TEST(result.backup.sound());
    BOOST_TEST(result.backup.statistics->clients == 2);
    BOOST_TEST(result.backup.statistics->signed_notes == 1);
    BOOST_TEST(result.backup.statistics->amendments == 1);
    BOOST_REQUIRE(result.kept_aside.has_value());
    BOOST_TEST(result.kept_aside->filename().string() == "practice.before-restore-20261127-105800.knotwork");

    reopen();
    BOOST_TEST(dump(db()) == backed_up);
    BOOST_TEST(db().check_integrity().empty());
    BOOST_TEST(!db::ClientRepository(db()).find(later_client).has_value());
    // A signed note is still locked in the restored practice.
    BOOST_TEST(contains(refusal_of(db(), "UPDATE sessions SET subjective = 'x' WHERE signed_at IS NOT NULL"),
                        "signed note is locked"));

    // The restore is the one entry its audit trail gained, naming the backup and the kept file.
    BOOST_TEST(row_count(db(), "audit_log") == audit_in_backup + 1);
    const auto entries = db::AuditLog(db()).find(db::AuditQuery{.newest_first = true});
    BOOST_REQUIRE(!entries.empty());
    BOOST_TEST(entries.front().action == "restore");
    BOOST_TEST(entries.front().entity == "practice");
    BOOST_TEST(entries.front().actor == "restorer");
    BOOST_TEST(contains(entries.front().detail, backup.string()));
    BOOST_TEST(contains(entries.front().detail, result.kept_aside->string()));

    // The replaced practice is kept whole, with the work done after the backup.
    auto kept = open_read_only(*result.kept_aside);
    BOOST_TEST(dump(*kept) == before_restore);
    BOOST_TEST(kept->check_integrity().empty());

    BOOST_TEST(permissions_of(file) == 0600u);
    BOOST_TEST(permissions_of(*result.kept_aside) == 0600u);
    BOOST_TEST(file_bytes(backup).size() > 0u);
    // Nothing else is left in the folder: no copy half-way, no journal.
    for (const auto& name : names_in(dir.path()))
        BOOST_TEST_CONTEXT(name) {
            BOOST_TEST((name == "practice.knotwork" || name == "practice.knotwork-wal" ||
                        name == "practice.knotwork-shm" || name == "backup.knotwork" ||
                        name == result.kept_aside->filename().string()));
        }
}

BOOST_FIXTURE_TEST_CASE(a_backup_is_one_self_contained_file_any_reader_can_open, RestoreFixture) {
    // Not in WAL mode: no -wal or -shm is needed (or made) to read it.
    const std::string header = file_bytes(backup).substr(0, 20);
    BOOST_TEST(static_cast<int>(header[18]) == 1);
    BOOST_TEST(static_cast<int>(header[19]) == 1);
    const auto inspection = db::inspect_backup(backup);
    BOOST_TEST(!fs::exists(backup.string() + "-wal"));
    BOOST_TEST(!fs::exists(backup.string() + "-shm"));
    BOOST_TEST(inspection.is_knotwork);
    BOOST_TEST(inspection.schema_version == db::Database::latest_schema_version());
    BOOST_TEST(inspection.program_schema_version == db::Database::latest_schema_version());
    BOOST_TEST(inspection.last_change.has_value());
    BOOST_TEST(!inspection.refusal().has_value());
}

BOOST_FIXTURE_TEST_CASE(a_corrupted_backup_is_refused_and_the_practice_is_untouched, RestoreFixture) {
    const fs::path damaged = dir.file("damaged.knotwork");
    fs::copy_file(backup, damaged);
    {
        // Three pages in the middle of the file overwritten, as a failing disk would.
        std::fstream f(damaged, std::ios::in | std::ios::out | std::ios::binary);
        const auto size = static_cast<std::streamoff>(fs::file_size(damaged));
        const std::streamoff page = 4096;
        f.seekp((size / 2) / page * page);
        const std::string garbage(3 * page, '\xA5');
        f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
    }
    const std::string before = dump(db());
    database.reset();
    const std::string bytes_before = file_bytes(file);
    const auto folder_before = names_in(dir.path());

    BOOST_CHECK_EXCEPTION(restore(damaged), Error, [&](const Error& e) {
        BOOST_TEST_MESSAGE(e.what());
        return contains(e.what(), damaged.string() + " is damaged") &&
               contains(e.what(), "Nothing was changed.");
    });
    BOOST_TEST(!db::inspect_backup(damaged).sound());
    BOOST_TEST(file_bytes(file) == bytes_before);
    BOOST_TEST((names_in(dir.path()) == folder_before)); // no aside, no staged copy left
    reopen();
    BOOST_TEST(dump(db()) == before);
}

BOOST_FIXTURE_TEST_CASE(a_database_of_another_program_is_refused, RestoreFixture) {
    const fs::path foreign = dir.file("invoices.db");
    db().sql() << "ATTACH DATABASE '" + foreign.string() + "' AS other";
    db().sql() << "CREATE TABLE other.invoices (id INTEGER PRIMARY KEY, total REAL)";
    db().sql() << "INSERT INTO other.invoices (total) VALUES (120.5)";
    db().sql() << "DETACH DATABASE other";
    const fs::path relabelled = altered_backup(
        "relabelled.knotwork", [](db::Database& d) { d.sql() << "PRAGMA application_id = 1234"; });
    const fs::path text = dir.file("notes.knotwork");
    std::ofstream(text) << "not a practice at all\n";
    database.reset();
    const std::string bytes_before = file_bytes(file);

    for (const auto& other : {foreign, relabelled}) {
        BOOST_TEST_CONTEXT(other) {
            BOOST_TEST(!db::inspect_backup(other).is_knotwork);
            BOOST_CHECK_EXCEPTION(restore(other), Error, [&](const Error& e) {
                return contains(e.what(), other.string() + " is not a Knotwork practice or backup");
            });
        }
    }
    BOOST_CHECK_EXCEPTION(restore(text), Error,
                          [&](const Error& e) { return contains(e.what(), "it is not a database at all"); });
    BOOST_CHECK_EXCEPTION(restore(dir.file("missing.knotwork")), Error,
                          [&](const Error& e) { return contains(e.what(), "There is no backup file at"); });
    BOOST_TEST(file_bytes(file) == bytes_before);
}

BOOST_FIXTURE_TEST_CASE(a_backup_from_a_newer_knotwork_is_refused_naming_both_versions, RestoreFixture) {
    const int newer = db::Database::latest_schema_version() + 1;
    const fs::path future = altered_backup("future.knotwork", [&](db::Database& d) {
        d.sql() << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, 'future', "
                   "'2030-01-01T00:00:00')",
            soci::use(newer);
    });
    database.reset();
    const std::string bytes_before = file_bytes(file);
    const auto inspection = db::inspect_backup(future);
    BOOST_TEST(inspection.schema_version == newer);
    BOOST_CHECK_EXCEPTION(restore(future), Error, [&](const Error& e) {
        const std::string expected = future.string() + " was written by a newer Knotwork (schema version " +
                                     std::to_string(newer) + "; this program knows up to version " +
                                     std::to_string(newer - 1) + "). Update Knotwork, then restore.";
        return contains(e.what(), expected);
    });
    BOOST_TEST(file_bytes(file) == bytes_before);
    BOOST_TEST(!fs::exists(dir.file("practice.before-restore-20261127-105800.knotwork")));
}

BOOST_FIXTURE_TEST_CASE(a_practice_open_elsewhere_is_not_replaced, RestoreFixture) {
    // The fixture's own connection stands for Knotwork with the practice open.
    const std::string before = dump(db());
    BOOST_CHECK_EXCEPTION(restore(backup), Error, [&](const Error& e) {
        return contains(e.what(), file.string() + " is open in Knotwork or another program") &&
               contains(e.what(), "Nothing was changed.");
    });
    BOOST_TEST(dump(db()) == before); // still the same file, still usable
    store_client(db(), minimal_client("Still", "Working"));
    for (const auto& name : names_in(dir.path()))
        BOOST_TEST_CONTEXT(name) {
            BOOST_TEST(!contains(name, "restor"));
        } // no kept file, no staged copy
}

BOOST_FIXTURE_TEST_CASE(unsaved_wal_pages_of_the_replaced_practice_go_aside_never_into_the_restored_one,
                        RestoreFixture) {
    // A practice left by a crash: its last transactions are only in its -wal.
    const fs::path crashed = dir.file("crashed.knotwork");
    store_client(db(), minimal_client("Only", "InTheWal"));
    fs::copy_file(file, crashed);
    fs::copy_file(file.string() + "-wal", crashed.string() + "-wal");
    BOOST_REQUIRE(fs::file_size(crashed.string() + "-wal") > 0u);
    const std::string crashed_content = dump(db());

    const auto result = db::restore_practice(crashed, backup, db::RestoreOptions{"restorer", restore_time});
    BOOST_REQUIRE(result.kept_aside.has_value());
    {
        auto restored = db::Database::open(crashed.string(), db::OpenOptions{.actor = "test"});
        BOOST_TEST(restored->check_integrity().empty());
        BOOST_TEST(dump(*restored) == backed_up);
    }
    auto kept = open_read_only(*result.kept_aside);
    BOOST_TEST(dump(*kept) == crashed_content);
}

BOOST_FIXTURE_TEST_CASE(a_backup_with_a_wal_beside_it_is_refused, RestoreFixture) {
    const fs::path live = dir.file("live-copy.knotwork");
    fs::copy_file(file, live);
    fs::copy_file(file.string() + "-wal", live.string() + "-wal");
    database.reset();
    BOOST_CHECK_EXCEPTION(restore(live), Error, [&](const Error& e) {
        return contains(e.what(), "has changes not yet written into it");
    });
}

BOOST_FIXTURE_TEST_CASE(restoring_onto_a_new_computer_needs_no_practice_there, RestoreFixture) {
    const fs::path fresh = dir.file("new folder");
    fs::create_directory(fresh);
    const fs::path target = fresh / "clinic.knotwork";
    const auto result = db::restore_practice(target, backup, db::RestoreOptions{"restorer", restore_time});
    BOOST_TEST(!result.kept_aside.has_value());
    BOOST_TEST(permissions_of(target) == 0600u);
    auto restored = db::Database::open(target.string(), db::OpenOptions{.actor = "test"});
    BOOST_TEST(dump(*restored) == backed_up);
}

BOOST_FIXTURE_TEST_CASE(a_kept_aside_name_is_never_reused, RestoreFixture) {
    const fs::path first = db::kept_aside_path(file, restore_time);
    BOOST_TEST(first == dir.file("practice.before-restore-20261127-105800.knotwork"));
    std::ofstream(first) << "an earlier restore's file";
    BOOST_TEST(db::kept_aside_path(file, restore_time) ==
               dir.file("practice.before-restore-20261127-105800-2.knotwork"));

    database.reset();
    const auto result = restore(backup);
    BOOST_TEST(*result.kept_aside == dir.file("practice.before-restore-20261127-105800-2.knotwork"));
    BOOST_TEST(file_bytes(first) == "an earlier restore's file");
}

BOOST_FIXTURE_TEST_CASE(the_practice_itself_is_not_a_backup, RestoreFixture) {
    database.reset();
    const std::string bytes_before = file_bytes(file);
    BOOST_CHECK_EXCEPTION(restore(file), Error,
                          [&](const Error& e) { return contains(e.what(), "is the practice itself"); });
    BOOST_TEST(file_bytes(file) == bytes_before);
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
