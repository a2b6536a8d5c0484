// Pins persistence/database: what opening a practice creates, what it refuses and in which
// words, the locations it accepts, the SQLite settings it promises, and the transaction rules
// every repository relies on.
#include "practice_fixture.h"

#include "audit_log.h"
#include "repositories/assessment_repository.h"
#include "repositories/client_repository.h"
#include "repositories/plan_repository.h"
#include "repositories/practice_repository.h"
#include "repositories/session_repository.h"

#include <fstream>
#include <functional>
#include <iterator>

namespace knotwork::test {

namespace {

constexpr long knotwork_application_id = 0x4B4E4F54; // "KNOT"

long application_id(db::Database& db) {
    long id = 0;
    db.sql() << "PRAGMA application_id", soci::into(id);
    return id;
}

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const std::filesystem::path& p, const std::string& content) {
    std::ofstream out(p, std::ios::binary);
    out << content;
}

// The message of the knotwork::Error that opening `url` throws, or "" when it opens.
std::string open_refusal(const std::string& url, db::OpenOptions options = test_options()) {
    try {
        db::Database::open(url, options);
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

// Makes a genuine SQLite file that is not a practice, through an attached database, so the test
// needs nothing but the connection it already has.
void make_foreign_sqlite_file(db::Database& db, const std::filesystem::path& p) {
    const std::string path = p.string();
    db.sql() << "ATTACH DATABASE :path AS foreign_file", soci::use(path);
    db.sql() << "CREATE TABLE foreign_file.contacts (name TEXT, phone TEXT)";
    db.sql() << "INSERT INTO foreign_file.contacts VALUES ('Ann', '555')";
    db.sql() << "DETACH DATABASE foreign_file";
}

int tables_in(db::Database& db, const std::filesystem::path& p) {
    const std::string path = p.string();
    int n = 0;
    db.sql() << "ATTACH DATABASE :path AS probe", soci::use(path);
    db.sql() << "SELECT count(*) FROM probe.sqlite_master WHERE type = 'table'", soci::into(n);
    db.sql() << "DETACH DATABASE probe";
    return n;
}

} // namespace

BOOST_AUTO_TEST_SUITE(Database)

BOOST_FIXTURE_TEST_CASE(a_new_practice_is_at_the_latest_schema_marked_as_knotwork_and_owner_only, PracticeFixture, *sqlite_only()) {
    BOOST_TEST(db::Database::latest_schema_version() >= 1);
    BOOST_TEST(db().schema_version() == db::Database::latest_schema_version());
    BOOST_TEST(application_id(db()) == knotwork_application_id);
    BOOST_TEST(std::filesystem::exists(file));
    BOOST_TEST(permissions_of(file) == 0600u);
    BOOST_TEST(db().actor() == "test");
    BOOST_TEST((db().backend() == db::Backend::sqlite));
    int migrations = 0;
    db().sql() << "SELECT count(*) FROM schema_migrations", soci::into(migrations);
    BOOST_TEST(migrations == db::Database::latest_schema_version());
}

BOOST_FIXTURE_TEST_CASE(reopening_keeps_what_was_saved, PracticeFixture) {
    const Client stored = store_client(db(), full_client());
    reopen();
    db::ClientRepository clients(db());
    BOOST_TEST(clients.count() == 1);
    BOOST_TEST((clients.get(stored.id()).details() == full_client()));
    BOOST_TEST(db().schema_version() == db::Database::latest_schema_version());
    if (!on_postgresql()) BOOST_TEST(permissions_of(file) == 0600u);
}

BOOST_AUTO_TEST_CASE(a_missing_file_without_create_is_a_clear_error_and_creates_nothing, *sqlite_only()) {
    TempDir dir;
    const auto missing = dir.file("nowhere.knotwork");
    const std::string message = open_refusal(missing.string(), db::OpenOptions{.actor = "test"});
    BOOST_TEST(message == "There is no practice file at " + missing.string() + ".");
    BOOST_TEST(!std::filesystem::exists(missing));
}

BOOST_AUTO_TEST_CASE(a_missing_folder_is_named_in_the_error, *sqlite_only()) {
    TempDir dir;
    const auto folder = dir.file("no such folder");
    const std::string message = open_refusal((folder / "practice.knotwork").string());
    BOOST_TEST(message == "The folder " + folder.string() + " does not exist.");
    BOOST_TEST(!std::filesystem::exists(folder));
}

BOOST_AUTO_TEST_CASE(a_folder_is_not_a_practice_file, *sqlite_only()) {
    TempDir dir;
    const std::string message = open_refusal(dir.path().string());
    BOOST_TEST(contains(message, "is a folder, not a practice file"));
}

BOOST_AUTO_TEST_CASE(a_file_that_is_not_sqlite_is_refused_and_left_alone, *sqlite_only()) {
    struct Case {
        const char* what;
        std::string content;
    };
    const Case cases[] = {
        {"a CSV export", "family_name,given_name\nOkafor,Ngozi\n"},
        {"a short text", "SQLite"},
        {"binary noise", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)},
        {"a truncated SQLite header", "SQLite format 3"},
    };
    TempDir dir;
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.what) {
            const auto path = dir.file("not a practice.knotwork");
            write_file(path, c.content);
            const std::string message = open_refusal(path.string());
            BOOST_TEST(message == path.string() + " is not a Knotwork practice file.");
            BOOST_TEST(read_file(path) == c.content);
            BOOST_TEST(!std::filesystem::exists(path.string() + "-wal"));
        }
    }
}

BOOST_FIXTURE_TEST_CASE(a_sqlite_file_of_another_program_is_refused_and_left_alone, PracticeFixture, *sqlite_only()) {
    const auto foreign = dir.file("contacts.sqlite");
    make_foreign_sqlite_file(db(), foreign);
    const auto size_before = std::filesystem::file_size(foreign);

    const std::string message = open_refusal(foreign.string());
    BOOST_TEST(message == foreign.string() + " is not a Knotwork practice file.");
    BOOST_TEST(tables_in(db(), foreign) == 1); // no Knotwork tables were added
    BOOST_TEST(std::filesystem::file_size(foreign) == size_before);
}

BOOST_FIXTURE_TEST_CASE(a_practice_written_by_a_newer_knotwork_is_refused, PracticeFixture, *sqlite_only()) {
    store_client(db(), full_client());
    db().sql() << "INSERT INTO schema_migrations (version, name, applied_at) "
                  "VALUES (999, '0999_future', '2031-01-01T00:00:00')";
    database.reset();

    for (const bool read_only : {false, true}) {
        BOOST_TEST_CONTEXT("read_only = " << read_only) {
            const std::string message =
                open_refusal(file.string(), db::OpenOptions{.read_only = read_only, .actor = "test"});
            BOOST_TEST(contains(message, "newer Knotwork"));
            BOOST_TEST(contains(message, "999"));
            BOOST_TEST(contains(message, file.string()));
        }
    }
}

BOOST_AUTO_TEST_CASE(an_empty_file_is_migrated_into_a_practice, *sqlite_only()) {
    TempDir dir;
    const auto path = dir.file("empty.knotwork");
    write_file(path, "");
    std::filesystem::permissions(path, std::filesystem::perms(0644));
    auto db = db::Database::open(path.string(), db::OpenOptions{.actor = "test"});
    BOOST_TEST(permissions_of(path) == 0600u); // it holds clinical records now
    BOOST_TEST(db->schema_version() == db::Database::latest_schema_version());
    BOOST_TEST(application_id(*db) == knotwork_application_id);
    BOOST_TEST(db::ClientRepository(*db).count() == 0);
    BOOST_TEST(row_count(*db, "audit_log") == 0);
    BOOST_TEST(db->check_integrity().empty());
}

BOOST_AUTO_TEST_CASE(an_in_memory_practice_is_migrated_too, *sqlite_only()) {
    auto db = db::Database::open(":memory:", test_options());
    BOOST_TEST(db->schema_version() == db::Database::latest_schema_version());
    const Client c = store_client(*db, full_client());
    BOOST_TEST(db::ClientRepository(*db).get(c.id()).details().family_name == "Okafor");
}

BOOST_AUTO_TEST_CASE(locations_are_parsed_by_scheme) {
    struct Case {
        std::string url;
        db::Backend backend;
        std::string target;
    };
    const Case cases[] = {
        {"practice.knotwork", db::Backend::sqlite, "practice.knotwork"},
        {"/home/mara/My Practice.knotwork", db::Backend::sqlite, "/home/mara/My Practice.knotwork"},
        {"sqlite:///srv/clinic.knotwork", db::Backend::sqlite, "/srv/clinic.knotwork"},
        {"sqlite://relative.knotwork", db::Backend::sqlite, "relative.knotwork"},
        {"sqlite:clinic.knotwork", db::Backend::sqlite, "clinic.knotwork"},
        {":memory:", db::Backend::sqlite, ":memory:"},
        {"postgresql://mara@clinic:5432/knotwork", db::Backend::postgresql, "postgresql://mara@clinic:5432/knotwork"},
        {"postgres://clinic/knotwork", db::Backend::postgresql, "postgres://clinic/knotwork"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.url) {
            const auto u = db::DatabaseUrl::parse(c.url);
            BOOST_TEST((u.backend == c.backend));
            BOOST_TEST(u.target == c.target);
        }
    }
    for (const std::string bad : {"", "sqlite://", "sqlite:"}) {
        BOOST_TEST_CONTEXT("\"" << bad << "\"") {
            KNOTWORK_CHECK_REFUSED(db::DatabaseUrl::parse(bad), "practice location");
        }
    }
}

BOOST_AUTO_TEST_CASE(sqlite_urls_plain_paths_and_paths_in_any_script_open_the_same_file, *sqlite_only()) {
    TempDir dir;
    struct Case {
        const char* what;
        std::string name;
        std::string (*url)(const std::string& path);
    };
    const Case cases[] = {
        {"plain path", "plain.knotwork", [](const std::string& p) { return p; }},
        {"sqlite:// url", "url.knotwork", [](const std::string& p) { return "sqlite://" + p; }},
        {"sqlite: url", "short-url.knotwork", [](const std::string& p) { return "sqlite:" + p; }},
        {"spaces", "My Practice 2026.knotwork", [](const std::string& p) { return p; }},
        {"spaces in a url", "Praxis am  Markt.knotwork", [](const std::string& p) { return "sqlite://" + p; }},
        {"non-ASCII", "Praxis Müller – 東京 عيادة 🙂.knotwork", [](const std::string& p) { return p; }},
        {"non-ASCII url", "Clínica São João.knotwork", [](const std::string& p) { return "sqlite://" + p; }},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.what) {
            const std::string path = dir.file(c.name).string();
            ClientId id = 0;
            {
                auto db = db::Database::open(c.url(path), test_options());
                BOOST_TEST(db->url().target == path);
                id = store_client(*db, minimal_client(c.name, "Test")).id();
            }
            BOOST_TEST(std::filesystem::exists(std::filesystem::path(path)));
            BOOST_TEST(permissions_of(path) == 0600u);
            auto again = db::Database::open(path, db::OpenOptions{.actor = "test"});
            BOOST_TEST(db::ClientRepository(*again).get(id).details().family_name == c.name);
        }
    }
    // Nothing was created under a mangled name beside them.
    BOOST_TEST(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator()) ==
               static_cast<std::ptrdiff_t>(std::size(cases)));
}

BOOST_AUTO_TEST_CASE(clinic_server_locations_in_either_libpq_form_are_postgresql) {
    for (const std::string url : {"postgresql://mara@clinic:5433/knotwork", "postgres://clinic/knotwork",
                                  "host=clinic dbname=knotwork user=mara", "dbname=knotwork"}) {
        const auto parsed = db::DatabaseUrl::parse(url);
        BOOST_TEST((parsed.backend == db::Backend::postgresql), url);
        BOOST_TEST(parsed.target == url);
    }
    // A file whose name merely holds '=' is still a file.
    BOOST_TEST((db::DatabaseUrl::parse("notes=2026.knotwork").backend == db::Backend::sqlite));
}

BOOST_AUTO_TEST_CASE(an_unreachable_clinic_server_is_a_clear_error_naming_it_without_the_password) {
    const std::string message = open_refusal("postgresql://mara:s3cret@127.0.0.1:1/knotwork?connect_timeout=2");
    BOOST_TEST(contains(message, "Cannot connect to the clinic server mara@127.0.0.1:1/knotwork"), message);
    BOOST_TEST(!contains(message, "s3cret"), message);
}

BOOST_FIXTURE_TEST_CASE(foreign_keys_are_enforced, PracticeFixture, *sqlite_only()) {
    int on = 0;
    db().sql() << "PRAGMA foreign_keys", soci::into(on);
    BOOST_TEST(on == 1);
    const std::string refusal =
        refusal_of(db(), "INSERT INTO client_conditions (client_id, condition) VALUES (4242, 'sciatica')");
    BOOST_TEST(contains(refusal, "FOREIGN KEY constraint failed"));
    BOOST_TEST(row_count(db(), "client_conditions") == 0);
}

BOOST_FIXTURE_TEST_CASE(the_journal_is_write_ahead, PracticeFixture, *sqlite_only()) {
    std::string mode;
    db().sql() << "PRAGMA journal_mode", soci::into(mode);
    BOOST_TEST(mode == "wal");
    reopen();
    db().sql() << "PRAGMA journal_mode", soci::into(mode);
    BOOST_TEST(mode == "wal");
}

BOOST_FIXTURE_TEST_CASE(a_transaction_rolls_back_unless_committed, PracticeFixture) {
    {
        db::Transaction tx(db());
        BOOST_TEST(db().in_transaction());
        Client c(full_client(), test_today);
        db::ClientRepository(db()).add(c);
        BOOST_TEST(db::ClientRepository(db()).count() == 1); // visible inside the transaction
    }
    BOOST_TEST(!db().in_transaction());
    BOOST_TEST(db::ClientRepository(db()).count() == 0);
    BOOST_TEST(row_count(db(), "client_conditions") == 0);
    BOOST_TEST(row_count(db(), "audit_log") == 0);

    // The connection is usable again, and a committed transaction stays after a reopen.
    store_client(db(), full_client());
    reopen();
    BOOST_TEST(db::ClientRepository(db()).count() == 1);
}

BOOST_FIXTURE_TEST_CASE(an_exception_inside_a_use_case_rolls_it_back, PracticeFixture) {
    BOOST_CHECK_THROW(in_transaction(db(),
                                     [&] {
                                         Client c(full_client(), test_today);
                                         db::ClientRepository(db()).add(c);
                                         throw ValidationError("phone", "simulated failure after the insert");
                                     }),
                      ValidationError);
    BOOST_TEST(!db().in_transaction());
    BOOST_TEST(db::ClientRepository(db()).count() == 0);
}

BOOST_FIXTURE_TEST_CASE(a_transaction_commits_once, PracticeFixture) {
    db::Transaction tx(db());
    tx.commit();
    BOOST_TEST(!db().in_transaction());
    BOOST_CHECK_THROW(tx.commit(), Error);
}

BOOST_FIXTURE_TEST_CASE(repositories_refuse_to_write_outside_a_transaction, PracticeFixture) {
    const Client stored = store_client(db(), full_client());
    const auto audit_rows = row_count(db(), "audit_log");
    Client client(full_client(), test_today);
    Client stored_copy = stored;
    Assessment assessment(stored.id(), full_assessment(Date(2026, 2, 20)), test_today);
    TreatmentPlan plan(stored.id(), full_plan(std::nullopt));
    Session session(stored.id(), at(2026, 3, 2, 9), at(2026, 3, 2, 10), "Mara Lindqvist");

    struct Case {
        const char* what;
        std::function<void()> write;
    };
    const Case cases[] = {
        {"adding a client", [&] { db::ClientRepository(db()).add(client); }},
        {"updating a client", [&] { db::ClientRepository(db()).update(stored_copy); }},
        {"archiving a client", [&] { db::ClientRepository(db()).archive(stored_copy, test_today); }},
        {"restoring a client", [&] { db::ClientRepository(db()).restore(stored_copy); }},
        {"adding an assessment", [&] { db::AssessmentRepository(db()).add(assessment); }},
        {"adding a plan", [&] { db::PlanRepository(db()).add(plan); }},
        {"adding a session", [&] { db::SessionRepository(db()).add(session); }},
        {"saving practice settings", [&] { db::PracticeRepository(db()).save(PracticeProfile{}); }},
        {"writing the audit trail",
         [&] { db::AuditLog(db()).record(db::AuditAction::view, "client", stored.id(), stored.id()); }},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.what) {
            BOOST_CHECK_EXCEPTION(c.write(), Error, [&](const Error& e) {
                return std::string(e.what()) == std::string("internal error: ") + c.what +
                                                    " must run inside a transaction";
            });
        }
    }
    BOOST_TEST(db::ClientRepository(db()).count() == 1);
    BOOST_TEST(row_count(db(), "assessments") == 0);
    BOOST_TEST(row_count(db(), "treatment_plans") == 0);
    BOOST_TEST(row_count(db(), "sessions") == 0);
    BOOST_TEST(row_count(db(), "practice_settings") == 0);
    BOOST_TEST(row_count(db(), "audit_log") == audit_rows);
    BOOST_TEST(db::ClientRepository(db()).get(stored.id()).version() == 1);
    BOOST_TEST(!db::ClientRepository(db()).get(stored.id()).is_archived());
}

BOOST_FIXTURE_TEST_CASE(transactions_do_not_nest, PracticeFixture) {
    db::Transaction outer(db());
    BOOST_CHECK_EXCEPTION(db::Transaction inner(db()), Error,
                          [](const Error& e) { return contains(e.what(), "transactions do not nest"); });
    // The refused inner transaction left the outer one open and usable.
    BOOST_TEST(db().in_transaction());
    Client c(full_client(), test_today);
    db::ClientRepository(db()).add(c);
    outer.commit();
    BOOST_TEST(!db().in_transaction());
    BOOST_TEST(db::ClientRepository(db()).count() == 1);
}

BOOST_FIXTURE_TEST_CASE(a_sound_practice_passes_the_integrity_check, PracticeFixture, *sqlite_only()) {
    BOOST_TEST(db().check_integrity().empty());
    const Client c = store_client(db(), full_client());
    store_signed_session(db(), c.id(), at(2026, 2, 24, 14, 30));
    const auto problems = db().check_integrity();
    BOOST_TEST(problems.empty());
    for (const auto& p : problems) BOOST_TEST_MESSAGE(p);
}

BOOST_FIXTURE_TEST_CASE(the_integrity_check_reports_a_broken_foreign_key, PracticeFixture, *sqlite_only()) {
    db().sql() << "PRAGMA foreign_keys = OFF";
    db().sql() << "INSERT INTO client_conditions (client_id, condition) VALUES (4242, 'sciatica')";
    db().sql() << "PRAGMA foreign_keys = ON";
    const auto problems = db().check_integrity();
    BOOST_TEST_REQUIRE(problems.size() == 1u);
    BOOST_TEST(problems.front() == "foreign key violation in table client_conditions");
}

BOOST_AUTO_TEST_CASE(a_read_only_open_reads_but_cannot_write, *sqlite_only()) {
    TempDir dir;
    const std::string path = dir.file("practice.knotwork").string();
    ClientId id = 0;
    {
        auto db = db::Database::open(path, test_options());
        id = store_client(*db, full_client()).id();
    }
    auto db = db::Database::open(path, db::OpenOptions{.read_only = true, .actor = "test"});
    BOOST_TEST(db::ClientRepository(*db).get(id).details().family_name == "Okafor");
    BOOST_CHECK_THROW(store_client(*db, minimal_client("Li", "Wei")), std::exception);
    BOOST_TEST(!db->in_transaction());
    BOOST_TEST(db::ClientRepository(*db).count() == 1);
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
