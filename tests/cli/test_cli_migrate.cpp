// knotwork-cli migrate end to end: the real binary moves a demo practice onto the test server
// (KNOTWORK_TEST_PG_URL, a schema of its own made and dropped with psql), prints progress on
// standard error and the checked tables on standard output, refuses a second move with the
// server unchanged, never prints a password, and leaves the practice file as it was. Without a
// server (or without psql) the cases report themselves skipped, saying why.
#include "cli_runner.h"

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

namespace fs = std::filesystem;
using namespace knotwork::test::cli;

namespace {

std::string server_url() {
    const char* url = std::getenv("KNOTWORK_TEST_PG_URL");
    return url ? url : "";
}

// Runs psql against the test server; true when the statement succeeded.
bool psql(const std::string& statement) {
    const std::string command =
        "psql -X -q -v ON_ERROR_STOP=1 -d " + quote(server_url()) + " -c " + quote(statement) + " >/dev/null 2>&1";
    return std::system(command.c_str()) == 0;
}

// Rows in `table` of `schema`, counted by psql ("" when it cannot).
std::string count_on_server(const std::string& schema, const std::string& table) {
    const std::string command = "psql -X -q -At -d " + quote(server_url()) + " -c " +
                                quote("SELECT count(*) FROM " + schema + "." + table) + " 2>/dev/null";
    std::string out;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        char buf[64];
        while (std::fgets(buf, sizeof buf, pipe)) out += buf;
        ::pclose(pipe);
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
}

struct NeedsServer {
    boost::test_tools::assertion_result operator()(boost::unit_test::test_unit_id) const {
        boost::test_tools::assertion_result ok(!server_url().empty());
        if (!ok) {
            ok.message() << "a clinic-server case: KNOTWORK_TEST_PG_URL names no server "
                            "(scripts/pg-test-cluster.sh starts one)";
            return ok;
        }
        ok = boost::test_tools::assertion_result(std::system("psql --version >/dev/null 2>&1") == 0);
        if (!ok) ok.message() << "a clinic-server case: psql (postgresql-client) is not installed";
        return ok;
    }
};

// A schema of its own on the test server, and the URL that opens it; dropped afterwards.
struct ServerSchema {
    std::string name;
    ServerSchema() {
        std::random_device random;
        name = "knotwork_cli" + std::to_string(random()) + std::to_string(random() % 1000);
        BOOST_REQUIRE_MESSAGE(psql("CREATE SCHEMA " + name), "cannot create a schema on the test server");
    }
    ~ServerSchema() { psql("DROP SCHEMA IF EXISTS " + name + " CASCADE"); }
    ServerSchema(const ServerSchema&) = delete;
    ServerSchema& operator=(const ServerSchema&) = delete;

    std::string url() const {
        const std::string url = server_url();
        if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0)
            return url + (url.find('?') == std::string::npos ? "?" : "&") + "options=-c%20search_path%3D" + name;
        return url + " options='-c search_path=" + name + "'";
    }
};

std::string bytes_of(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const std::string password = "Sesame-0pen-4-migrate";

} // namespace

BOOST_AUTO_TEST_SUITE(knotwork_cli_migrate)

BOOST_AUTO_TEST_CASE(a_demo_practice_moves_onto_the_server_checked_and_only_once,
                     *boost::unit_test::precondition(NeedsServer{})) {
    TempDir dir;
    ServerSchema schema;
    const std::string practice = dir.file("clinic.knotwork");
    BOOST_REQUIRE(run("demo " + quote(practice) + " --clients 6 --seed 4 --quiet").exit_code == 0);
    const std::string before = bytes_of(practice);
    const auto written = fs::last_write_time(practice);

    ::setenv("KNOTWORK_TEST_MIGRATE_PASSWORD", password.c_str(), 1);
    const Result moved = run("migrate --from " + quote(practice) + " --to " + quote(schema.url()) +
                             " --password-from-env KNOTWORK_TEST_MIGRATE_PASSWORD");
    BOOST_TEST_CONTEXT(moved.out) {
        BOOST_TEST(moved.exit_code == 0);
        BOOST_TEST(contains(moved.out, "copied clients: 6 rows"));   // progress, on standard error
        BOOST_TEST(contains(moved.out, "signed sessions: "));
        BOOST_TEST(contains(moved.out, "checked audit_changes: "));
        BOOST_TEST(contains(moved.out, "Moved " + practice + " onto the clinic server "));
        BOOST_TEST(contains(moved.out, "Every table read back from the server as the file holds it."));
        BOOST_TEST(!contains(moved.out, password));
    }
    BOOST_TEST(count_on_server(schema.name, "clients") == "6");
    BOOST_TEST((bytes_of(practice) == before));
    BOOST_TEST((fs::last_write_time(practice) == written));

    // Standard output alone is the summary; --json gives it to scripts. A second move is refused.
    const std::string sessions = count_on_server(schema.name, "sessions");
    const std::string audit = count_on_server(schema.name, "audit_log");
    const Result again = run("migrate --from " + quote(practice) + " --to " + quote(schema.url()) + " --json");
    BOOST_TEST_CONTEXT(again.out) {
        BOOST_TEST(again.exit_code == 1);
        BOOST_TEST(contains(again.out, "already holds a practice (6 clients, " + sessions + " sessions, " + audit +
                                           " audit entries)"));
        BOOST_TEST(contains(again.out, "Nothing was changed."));
    }
    BOOST_TEST(count_on_server(schema.name, "audit_log") == audit);
    BOOST_TEST((bytes_of(practice) == before));
}

BOOST_AUTO_TEST_CASE(the_summary_is_on_standard_output_and_as_json, *boost::unit_test::precondition(NeedsServer{})) {
    TempDir dir;
    ServerSchema schema;
    const std::string practice = dir.file("clinic.knotwork");
    BOOST_REQUIRE(run("demo " + quote(practice) + " --clients 3 --seed 9 --quiet").exit_code == 0);
    const Result r = run("migrate --from " + quote(practice) + " --to " + quote(schema.url()) + " --json", Stderr::dropped);
    BOOST_TEST_CONTEXT(r.out) {
        BOOST_TEST(r.exit_code == 0);
        BOOST_TEST(r.out.front() == '{');
        BOOST_TEST(json_field(r.out, "from") == practice);
        BOOST_TEST(contains(r.out, "{\"table\":\"clients\",\"rows\":3,\"checksum\":\""));
        BOOST_TEST(!contains(r.out, "copied")); // progress stays on standard error
        BOOST_TEST(std::stoll(json_field(r.out, "audit_entry")) > 0);
        BOOST_TEST(std::stoll(json_field(r.out, "rows")) > 3);
    }
    BOOST_TEST(count_on_server(schema.name, "clients") == "3");
}

BOOST_AUTO_TEST_CASE(a_password_is_never_printed_even_when_the_connection_fails) {
    TempDir dir;
    const std::string practice = dir.file("clinic.knotwork");
    BOOST_REQUIRE(run("init " + quote(practice)).exit_code == 0);
    ::setenv("KNOTWORK_TEST_MIGRATE_PASSWORD", password.c_str(), 1);
    // Nothing listens on port 1.
    const Result r = run("migrate --from " + quote(practice) +
                         " --to postgresql://mara@127.0.0.1:1/clinic --password-from-env KNOTWORK_TEST_MIGRATE_PASSWORD");
    BOOST_TEST_CONTEXT(r.out) {
        BOOST_TEST(r.exit_code == 1);
        BOOST_TEST(contains(r.out, "Cannot connect to the clinic server mara@127.0.0.1:1/clinic"));
        BOOST_TEST(!contains(r.out, password));
    }
    ::unsetenv("KNOTWORK_TEST_MIGRATE_UNSET");
    const Result unset = run("migrate --from " + quote(practice) +
                             " --to postgresql://mara@127.0.0.1:1/clinic --password-from-env KNOTWORK_TEST_MIGRATE_UNSET");
    BOOST_TEST(unset.exit_code == 1);
    BOOST_TEST(contains(unset.out, "The environment variable KNOTWORK_TEST_MIGRATE_UNSET is not set"));
}

BOOST_AUTO_TEST_CASE(migrate_options_are_checked) {
    TempDir dir;
    const std::string practice = dir.file("clinic.knotwork");
    BOOST_REQUIRE(run("init " + quote(practice)).exit_code == 0);
    const std::pair<std::string, std::string> cases[] = {
        {"migrate --to postgresql://x@h/db", "--from FILE (the practice file to move) is required"},
        {"migrate --from " + quote(practice), "--to SERVER (the clinic server to move it onto) is required"},
        {"migrate --from " + quote(practice) + " --to " + quote(dir.file("other.knotwork")),
         "--to names a clinic server"},
        {"migrate --from postgresql://x@h/db --to postgresql://x@h/db", "--from names a practice file"},
        {"migrate " + quote(practice) + " --to postgresql://x@h/db", "unexpected argument"},
        {"migrate --from " + quote(practice) + " --to postgresql://x@h/db --password secret", "unknown option --password"},
    };
    for (const auto& [args, message] : cases) {
        const Result r = run(args);
        BOOST_TEST_CONTEXT(args << "\n" << r.out) {
            BOOST_TEST(r.exit_code == 2);
            BOOST_TEST(contains(r.out, message));
        }
    }
    const Result help = run("migrate --help");
    BOOST_TEST(help.exit_code == 0);
    BOOST_TEST(contains(help.out, "Usage: knotwork-cli migrate --from FILE --to SERVER"));
    BOOST_TEST(contains(help.out, "--password-from-env VAR"));
    BOOST_TEST(contains(run("--help").out, "migrate --from FILE --to SERVER"));

    // The practice file is opened first: a missing one is refused before any server is contacted.
    const Result missing = run("migrate --from " + quote(dir.file("missing.knotwork")) + " --to postgresql://x@h/db");
    BOOST_TEST(missing.exit_code == 1);
    BOOST_TEST(contains(missing.out, "There is no practice file"));
}

BOOST_AUTO_TEST_SUITE_END()
