// knotwork-cli's open data formats end to end: export-calendar, export-clients,
// export-appointments, export-record and import-record on a demo practice. Each export writes a new
// file and an audit entry; export-clients then import-clients, and export-record then
// import-record, carry the records into an empty practice; mistakes exit non-zero with a message.
#include "cli_runner.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;
using namespace knotwork::test::cli;

namespace {

struct Practices {
    TempDir dir{"knotwork-export-test-"};
    std::string demo = quote(dir.file("demo.knotwork"));
    std::string empty = quote(dir.file("empty.knotwork"));
    Practices() {
        BOOST_REQUIRE(run("demo " + demo + " --clients 6 --seed 3 --today 2026-03-02 --quiet").exit_code == 0);
        BOOST_REQUIRE(run("init " + empty).exit_code == 0);
    }
    std::string out(const std::string& name) const { return dir.file(name); }
};

std::string read(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Exports of the schedule in the audit trail (the audit command's own export is of the audit_log).
int export_audits(const std::string& practice) {
    const auto r = run("audit " + practice + " --format csv");
    int n = 0;
    for (std::size_t at = r.out.find(",export,session,"); at != std::string::npos;
         at = r.out.find(",export,session,", at + 1))
        ++n;
    return n;
}

} // namespace

BOOST_AUTO_TEST_SUITE(knotwork_cli_export)

BOOST_AUTO_TEST_CASE(help_lists_every_command) {
    const auto r = run("--help");
    for (const char* c : {"export-calendar FILE --out X.ics", "export-clients FILE --out X.csv",
                          "export-appointments FILE --out X.csv", "export-record FILE --client ID --out X.json",
                          "import-record FILE X.json"})
        BOOST_TEST_CONTEXT(c) { BOOST_TEST(contains(r.out, c)); }
    for (const char* c : {"export-calendar", "export-clients", "export-appointments", "export-record", "import-record"})
        BOOST_TEST_CONTEXT(c) { BOOST_TEST(run(std::string(c) + " --help").exit_code == 0); }
    BOOST_TEST(contains(run("export-calendar --help").out, "--summary"));
    BOOST_TEST(contains(run("export-appointments --help").out, "note_signed"));
}

BOOST_AUTO_TEST_CASE(calendar_export_writes_an_audited_ics_file) {
    Practices p;
    const std::string ics = p.out("schedule.ics");
    const int audits = export_audits(p.demo);
    const auto r = run("export-calendar " + p.demo + " --out " + quote(ics) +
                       " --from 2026-02-01 --to 2026-03-31 --summary initials --json");
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.out);
    const std::string text = read(ics);
    BOOST_TEST(text.starts_with("BEGIN:VCALENDAR\r\nPRODID:"));
    BOOST_TEST(text.ends_with("END:VCALENDAR\r\n"));
    BOOST_TEST(contains(text, "UID:session-"));
    BOOST_TEST(std::stoi(json_field(r.out, "appointments")) > 0);
    BOOST_TEST(export_audits(p.demo) == audits + 1);
    // Never over an existing file; the refusal is not audited.
    const auto again = run("export-calendar " + p.demo + " --out " + quote(ics));
    BOOST_TEST(again.exit_code == 1);
    BOOST_TEST(contains(again.out, "already exists"));
    BOOST_TEST(export_audits(p.demo) == audits + 1);
}

BOOST_AUTO_TEST_CASE(mistakes_exit_non_zero_with_a_message) {
    Practices p;
    const auto no_out = run("export-clients " + p.demo);
    BOOST_TEST(no_out.exit_code == 2);
    BOOST_TEST(contains(no_out.out, "--out"));
    const auto bad_date = run("export-appointments " + p.demo + " --out " + quote(p.out("a.csv")) + " --from 2026-13-01");
    BOOST_TEST(bad_date.exit_code == 2);
    BOOST_TEST(contains(bad_date.out, "YYYY-MM-DD"));
    const auto reversed = run("export-calendar " + p.demo + " --out " + quote(p.out("c.ics")) +
                              " --from 2026-03-02 --to 2026-03-01");
    BOOST_TEST(reversed.exit_code == 2);
    const auto summary = run("export-calendar " + p.demo + " --out " + quote(p.out("c.ics")) + " --summary full");
    BOOST_TEST(summary.exit_code == 2);
    const auto no_client = run("export-record " + p.demo + " --client 999 --out " + quote(p.out("r.json")));
    BOOST_TEST(no_client.exit_code == 1);
    BOOST_TEST(!fs::exists(p.out("r.json")));
    const auto missing = run("import-record " + p.empty + " " + quote(p.out("nothing.json")));
    BOOST_TEST(missing.exit_code == 1);
    BOOST_TEST(contains(missing.out, "Cannot read"));
}

BOOST_AUTO_TEST_CASE(clients_round_trip_through_import_clients) {
    Practices p;
    const std::string csv = p.out("clients.csv");
    BOOST_TEST_REQUIRE(run("export-clients " + p.demo + " --out " + quote(csv)).exit_code == 0);
    const auto imported = run("import-clients " + p.empty + " " + quote(csv));
    BOOST_TEST_REQUIRE(imported.exit_code == 0, imported.out);
    BOOST_TEST(contains(imported.out, "Imported 6 clients"));
    const std::string again = p.out("again.csv");
    BOOST_TEST_REQUIRE(run("export-clients " + p.empty + " --out " + quote(again)).exit_code == 0);
    BOOST_TEST(read(again) == read(csv));
}

BOOST_AUTO_TEST_CASE(appointments_export_as_csv) {
    Practices p;
    const std::string csv = p.out("appointments.csv");
    const auto r = run("export-appointments " + p.demo + " --out " + quote(csv) + " --from 2026-03-02 --to 2026-03-02");
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.out);
    const std::string text = read(csv);
    BOOST_TEST(text.starts_with("session_id,date,start,end,minutes,client_id,client_name,therapist,status,"
                                "plan_id,series_number,series_of,note_signed\r\n"));
    BOOST_TEST(contains(text, ",2026-03-02,"));
    BOOST_TEST(!contains(text, ",2026-03-03,"));
}

BOOST_AUTO_TEST_CASE(a_record_moves_to_another_practice_and_back_unchanged) {
    Practices p;
    for (int client = 1; client <= 6; ++client) {
        BOOST_TEST_CONTEXT("client " << client) {
            const std::string first = p.out("record-" + std::to_string(client) + ".json");
            BOOST_TEST_REQUIRE(run("export-record " + p.demo + " --client " + std::to_string(client) + " --out " +
                                   quote(first)).exit_code == 0);
            const auto imported = run("import-record " + p.empty + " " + quote(first) + " --json");
            BOOST_TEST_REQUIRE(imported.exit_code == 0, imported.out);
            const std::string id = json_field(imported.out, "client");
            const std::string second = p.out("again-" + std::to_string(client) + ".json");
            BOOST_TEST_REQUIRE(run("export-record " + p.empty + " --client " + id + " --out " + quote(second)).exit_code == 0);
            // The same document but for ids and the export time: compare line by line without them.
            const auto strip = [](const std::string& text) {
                std::istringstream in(text);
                std::string line, out;
                while (std::getline(in, line))
                    if (!contains(line, "\"id\":") && !contains(line, "\"exported_at\":") &&
                        !contains(line, "\"plan\":") && !contains(line, "\"based_on_assessment\":"))
                        out += line + "\n";
                return out;
            };
            BOOST_TEST(strip(read(second)) == strip(read(first)));
        }
    }
}

BOOST_AUTO_TEST_CASE(a_bad_record_imports_nothing_and_names_the_place) {
    Practices p;
    const std::string good = p.out("good.json");
    BOOST_TEST_REQUIRE(run("export-record " + p.demo + " --client 1 --out " + quote(good)).exit_code == 0);
    std::string text = read(good);
    const auto at = text.find("\"pain_now\": ");
    BOOST_TEST_REQUIRE(at != std::string::npos);
    text.replace(at, text.find(',', at) - at, "\"pain_now\": 11");
    const std::string bad = p.out("bad.json");
    std::ofstream(bad, std::ios::binary) << text;
    const auto r = run("import-record " + p.empty + " " + quote(bad));
    BOOST_TEST(r.exit_code == 1);
    BOOST_TEST(contains(r.out, "assessments[0].pain_now: must be between 0 and 10 (got 11)"), r.out);
    BOOST_TEST(contains(run("clients " + p.empty + " --json").out, "[]"));
}

BOOST_AUTO_TEST_SUITE_END()
