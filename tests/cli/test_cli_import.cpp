// knotwork-cli import-clients end to end: the real binary on temporary practice and CSV files.
// A good file imports every row; a file with a bad row imports nothing and names each problem by
// line and column; --skip-bad imports the good rows; no input makes the program crash.
#include "cli_runner.h"

#include <boost/test/unit_test.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <sys/wait.h>

namespace fs = std::filesystem;
using namespace knotwork::test::cli;

namespace {

struct Workspace {
    fs::path path;
    std::string practice;
    Workspace() {
        std::random_device rd;
        path = fs::temp_directory_path() / ("knotwork-import-test-" + std::to_string(rd()));
        fs::create_directories(path);
        practice = quote((path / "practice.knotwork").string());
        const auto r = run("init " + practice);
        BOOST_REQUIRE(r.exit_code == 0);
    }
    ~Workspace() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string csv(const std::string& name, const std::string& content) const {
        const fs::path file = path / name;
        std::ofstream(file, std::ios::binary) << content;
        return quote(file.string());
    }
    std::string clients_json() const { return run("clients " + practice + " --json").out; }
};

const std::string header = "family_name,given_name,date_of_birth,phone,address\r\n";

} // namespace

BOOST_AUTO_TEST_SUITE(knotwork_cli_import)

BOOST_AUTO_TEST_CASE(help_names_the_command_and_every_column) {
    BOOST_TEST(contains(run("--help").out, "import-clients FILE X.csv"));
    const auto r = run("import-clients --help");
    BOOST_TEST(r.exit_code == 0);
    for (const char* column : {"family_name", "given_name", "date_of_birth", "medications", "pressure_preference",
                               "red_flags_screened_on", "--skip-bad"})
        BOOST_TEST_CONTEXT(column) { BOOST_TEST(contains(r.out, column)); }
}

BOOST_AUTO_TEST_CASE(a_good_file_imports_every_row) {
    Workspace w;
    const std::string file = w.csv("clients.csv", "\xEF\xBB\xBF" + header +
                                                      "Okafor,Ngozi,1984-07-12,07700 900123,\"12 Mill Lane,\r\nLeeds\"\r\n"
                                                      "\"O'Brien \"\"Doc\"\"\",Se\xC3\xA1n,,,\r\n"
                                                      "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D,\xF0\x9F\x98\x80,,,\r\n");
    const auto r = run("import-clients " + w.practice + " " + file);
    BOOST_TEST(r.exit_code == 0, r.out);
    BOOST_TEST(contains(r.out, "Imported 3 clients"));
    const std::string json = w.clients_json();
    BOOST_TEST(contains(json, "\"family_name\":\"O'Brien \\\"Doc\\\"\""), json);
    BOOST_TEST(contains(json, "\"given_name\":\"Se\xC3\xA1n\""));
    BOOST_TEST(contains(json, "\"given_name\":\"\xF0\x9F\x98\x80\""));
    BOOST_TEST(contains(json, "\"date_of_birth\":\"1984-07-12\""));
}

BOOST_AUTO_TEST_CASE(a_file_with_bad_rows_imports_nothing_and_names_each_problem) {
    Workspace w;
    const std::string file = w.csv("clients.csv", header +
                                                      "Okafor,Ngozi,1984-07-12,,\r\n"          // 2
                                                      "Reyes,Sam,1984-13-01,,\r\n"             // 3
                                                      "Lee,,,,\r\n"                            // 4
                                                      "Kim,Ana,,\"0770\n0900\",\r\n");         // 5-6
    const auto r = run("import-clients " + w.practice + " " + file);
    BOOST_TEST(r.exit_code == 1, r.out);
    BOOST_TEST(contains(r.out, "line 3, date_of_birth: is not a real calendar date (\"1984-13-01\")"), r.out);
    BOOST_TEST(contains(r.out, "line 4, given_name: must not be empty"));
    BOOST_TEST(contains(r.out, "line 5, phone: must be one line"));
    BOOST_TEST(contains(r.out, "Nothing imported: 3 of 4 rows are bad"));
    BOOST_TEST(contains(w.clients_json(), "[]"));
    BOOST_TEST(contains(run("check " + w.practice + " --json").out, "\"clients\":0"));

    const auto skip = run("import-clients " + w.practice + " " + file + " --skip-bad --json");
    BOOST_TEST(skip.exit_code == 0, skip.out);
    BOOST_TEST(contains(skip.out, "\"rows\":4,\"imported\":1,\"bad_rows\":3"), skip.out);
    BOOST_TEST(contains(skip.out, "{\"line\":3,\"column\":\"date_of_birth\","));
    const std::string json = w.clients_json();
    BOOST_TEST(contains(json, "\"family_name\":\"Okafor\""));
    BOOST_TEST(!contains(json, "Reyes"));
}

BOOST_AUTO_TEST_CASE(an_unreadable_file_is_refused_with_its_line) {
    Workspace w;
    const struct {
        std::string content;
        std::string message;
    } cases[] = {
        {header + "Okafor,Ngozi,,,\r\nRen\xE9,Sam,,,\r\n", "line 3: is not valid UTF-8 text"},
        {header + "Okafor,\"Ngozi,,,\r\n", "line 2: field 2 opens a quote that is never closed"},
        {"surname,given_name\r\nOkafor,Ngozi\r\n", "line 1, column 1: \"surname\" is not a client field"},
        {"", "file: is empty"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.message) {
            const auto r = run("import-clients " + w.practice + " " + w.csv("bad.csv", c.content) + " --skip-bad");
            BOOST_TEST(r.exit_code == 1, r.out);
            BOOST_TEST(contains(r.out, c.message), r.out);
        }
    }
    const auto missing = run("import-clients " + w.practice + " " + quote((w.path / "none.csv").string()));
    BOOST_TEST(missing.exit_code == 1);
    BOOST_TEST(contains(missing.out, "none.csv"));
    BOOST_TEST(run("import-clients " + w.practice).exit_code == 2);
    BOOST_TEST(contains(w.clients_json(), "[]"));
}

BOOST_AUTO_TEST_CASE(no_input_makes_it_crash) {
    // Damaged files built from a good one: cut short, bytes flipped, quotes and commas sprinkled,
    // random bytes. Each run must end with status 0 or 1 and a message, never with a signal.
    Workspace w;
    const std::string good = header + "Okafor,Ngozi,1984-07-12,07700 900123,\"12 Mill Lane,\r\nLeeds\"\r\n"
                                      "\"O'Brien \"\"Doc\"\"\",Se\xC3\xA1n,,,\r\n";
    std::mt19937 random(20261127);
    int runs = 0;
    for (int i = 0; i < 40; ++i) {
        std::string damaged = good;
        switch (i % 4) {
        case 0: damaged.resize(random() % damaged.size()); break;
        case 1:
            for (int k = 0; k < 4; ++k) damaged[random() % damaged.size()] = static_cast<char>(random() % 256);
            break;
        case 2:
            for (int k = 0; k < 6; ++k) damaged.insert(damaged.begin() + random() % damaged.size(), "\",\n"[random() % 3]);
            break;
        default:
            damaged.clear();
            for (int k = 0; k < 300; ++k) damaged += static_cast<char>(random() % 256);
        }
        BOOST_TEST_CONTEXT("damaged file " << i) {
            const auto r = run("import-clients " + w.practice + " " + w.csv("damaged.csv", damaged) + " --skip-bad");
            BOOST_TEST(!r.signalled, r.out);
            BOOST_TEST((r.exit_code == 0 || r.exit_code == 1), r.out);
            BOOST_TEST(!contains(r.out, "unexpected error"), r.out);
            ++runs;
        }
    }
    BOOST_TEST(contains(run("check " + w.practice + " --json").out, "\"sound\":true"));
    BOOST_TEST_MESSAGE("import-clients: " << runs << " damaged files, no crash");
}

BOOST_AUTO_TEST_SUITE_END()
