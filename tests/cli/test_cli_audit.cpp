// knotwork-cli audit end to end: the real binary exports the audit trail of a demo practice as
// RFC 4180 CSV or JSON, filtered by client and day, to standard output or a new owner-only file,
// and records each export in the trail itself.
#include "cli_runner.h"

#include <boost/test/unit_test.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <vector>

namespace fs = std::filesystem;
using knotwork::test::cli::contains;
using knotwork::test::cli::quote;
using knotwork::test::cli::Result;
using knotwork::test::cli::Stderr;
using knotwork::test::cli::TempDir;

namespace {

// The export alone on standard output; messages only when asked for.
Result run(const std::string& args, bool with_stderr = false) {
    return knotwork::test::cli::run(args, with_stderr ? Stderr::merged : Stderr::dropped);
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size()))
        ++n;
    return n;
}

using Record = std::vector<std::string>;

// A strict RFC 4180 reader: records end in CRLF, a quoted field may hold commas, CRLF and doubled
// quotes, and anything else (a bare LF, a quote inside an unquoted field) fails the test.
std::vector<Record> parse_csv(const std::string& text) {
    std::vector<Record> records;
    Record record;
    std::string field;
    std::size_t i = 0;
    bool quoted = false, field_started = false;
    while (i < text.size()) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                i += 2;
            } else if (c == '"') {
                quoted = false;
                ++i;
                BOOST_REQUIRE_MESSAGE(i == text.size() || text[i] == ',' || text[i] == '\r',
                                      "text after a closing quote at byte " << i);
            } else {
                field += c;
                ++i;
            }
            continue;
        }
        if (c == '"') {
            BOOST_REQUIRE_MESSAGE(!field_started, "a quote inside an unquoted field at byte " << i);
            quoted = field_started = true;
            ++i;
        } else if (c == ',') {
            record.push_back(field);
            field.clear();
            field_started = false;
            ++i;
        } else if (c == '\r') {
            BOOST_REQUIRE_MESSAGE(i + 1 < text.size() && text[i + 1] == '\n', "CR without LF at byte " << i);
            record.push_back(field);
            records.push_back(record);
            record.clear();
            field.clear();
            field_started = false;
            i += 2;
        } else {
            BOOST_REQUIRE_MESSAGE(c != '\n', "a line ending without CR at byte " << i);
            field += c;
            field_started = true;
            ++i;
        }
    }
    BOOST_REQUIRE_MESSAGE(!quoted, "an unterminated quoted field");
    BOOST_REQUIRE_MESSAGE(record.empty() && field.empty(), "the last record does not end in CRLF");
    return records;
}

const Record header{"id",        "at",     "actor", "action",    "entity",   "entity_id",
                    "client_id", "detail", "field", "old_value", "new_value"};

enum Col { id, at, actor, action, entity, entity_id, client_id, detail, field, old_value, new_value };

// Someone whose name needs every kind of CSV quoting, and some that JSON escapes.
const std::string awkward_actor = "Mara \"M\" Lindqvist, RMT\r\nsecond line";

// A demo practice written by the awkward actor: 40 clients, some archived, many signed notes.
struct DemoPractice {
    TempDir dir;
    std::string file = dir.file("demo practice.knotwork");
    DemoPractice() {
        const auto r =
            run("demo " + quote(file) + " --clients 40 --seed 3 --quiet --as " + quote(awkward_actor), true);
        BOOST_TEST_REQUIRE(r.exit_code == 0, r.out);
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(knotwork_cli_audit)

BOOST_AUTO_TEST_CASE(csv_export_follows_rfc_4180_and_keeps_every_value_exactly) {
    DemoPractice p;
    const auto r = run("audit " + quote(p.file));
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.out);
    const auto records = parse_csv(r.out);
    BOOST_TEST_REQUIRE(records.size() > 100u);
    BOOST_TEST(records[0] == header);

    std::set<std::string> ids;
    std::size_t archive_changes = 0, signatures = 0;
    for (std::size_t i = 1; i < records.size(); ++i) {
        const Record& row = records[i];
        BOOST_TEST_CONTEXT("record " << i) {
            BOOST_TEST_REQUIRE(row.size() == header.size());
            BOOST_TEST(row[actor] == awkward_actor); // commas, quotes and CRLF survive byte for byte
            BOOST_TEST(row[at].size() == 20u);
            BOOST_TEST(row[at].back() == 'Z');
            ids.insert(row[id]);
            if (row[action] == "archive") {
                BOOST_TEST(row[field] == "archived_on");
                BOOST_TEST(row[old_value] == "");
                BOOST_TEST(row[new_value].size() == 10u);
                ++archive_changes;
            }
            if (row[action] == "sign" && row[field] == "signed_by") {
                BOOST_TEST(!row[new_value].empty());
                ++signatures;
            }
            if (row[action] == "create" && row[entity] == "plan")
                BOOST_TEST(contains(row[detail], ", ")); // quoted
        }
    }
    BOOST_TEST(archive_changes > 0u);
    BOOST_TEST(signatures > 0u);

    // The same entries as JSON: one object per entry, the actor escaped.
    const auto json = run("audit " + quote(p.file) + " --format json");
    BOOST_TEST_REQUIRE(json.exit_code == 0);
    BOOST_TEST(json.out.front() == '[');
    BOOST_TEST(json.out.substr(json.out.size() - 2) == "]\n");
    // The JSON export ran after the CSV one, so it also holds the CSV export's own entry.
    BOOST_TEST(count_of(json.out, "{\"id\":") == ids.size() + 1);
    BOOST_TEST(contains(json.out, "\"actor\":\"Mara \\\"M\\\" Lindqvist, RMT\\r\\nsecond line\""));
    BOOST_TEST(contains(json.out, "\"changes\":[{\"field\":\"archived_on\",\"old\":\"\",\"new\":\""));
    BOOST_TEST(contains(json.out, "\"entity\":\"audit_log\""));
}

BOOST_AUTO_TEST_CASE(each_export_is_recorded_in_the_audit_trail) {
    DemoPractice p;
    const auto first = parse_csv(run("audit " + quote(p.file) + " --client 5 --as 'first reader'").out);
    const auto second = parse_csv(run("audit " + quote(p.file) + " --client 5 --as auditor").out);
    BOOST_TEST_REQUIRE(second.size() == first.size() + 1);
    const Record& recorded = second.back();
    BOOST_TEST(recorded[action] == "export");
    BOOST_TEST(recorded[entity] == "audit_log");
    BOOST_TEST(recorded[entity_id] == "");
    BOOST_TEST(recorded[client_id] == "5");
    BOOST_TEST(recorded[actor] == "first reader");
    std::set<std::string> entries; // a CSV line per changed field: count the entries by id
    for (std::size_t i = 1; i < first.size(); ++i)
        entries.insert(first[i][id]);
    BOOST_TEST(entries.size() < first.size() - 1); // some entries changed several fields
    BOOST_TEST(recorded[detail] ==
               "audit trail exported: " + std::to_string(entries.size()) + " entries, csv, client 5");
    const auto third = parse_csv(run("audit " + quote(p.file) + " --client 5").out);
    BOOST_TEST(third.back()[actor] == "auditor");
}

BOOST_AUTO_TEST_CASE(client_and_day_filters_narrow_the_export) {
    DemoPractice p;
    const auto all = parse_csv(run("audit " + quote(p.file)).out);
    const auto one = parse_csv(run("audit " + quote(p.file) + " --client 7").out);
    BOOST_TEST_REQUIRE(one.size() > 1u);
    BOOST_TEST(one.size() < all.size());
    for (std::size_t i = 1; i < one.size(); ++i)
        BOOST_TEST_CONTEXT("record " << i) {
            BOOST_TEST(one[i][client_id] == "7");
        }

    // Days are taken from the entries' own times, so this holds whenever it runs: a window around
    // them holds them all, one wholly before or after holds none.
    const std::string first_day = all[1][at].substr(0, 10), last_day = all.back()[at].substr(0, 10);
    const auto window =
        parse_csv(run("audit " + quote(p.file) + " --client 7 --from 2000-01-01 --to 2999-12-31").out);
    BOOST_TEST(window.size() == one.size() + 1); // plus the --client 7 export just before
    const auto past = parse_csv(run("audit " + quote(p.file) + " --to 2000-01-01").out);
    BOOST_TEST((past == std::vector<Record>{header}));
    const auto future = parse_csv(run("audit " + quote(p.file) + " --from 2999-01-01").out);
    BOOST_TEST((future == std::vector<Record>{header}));
    const auto same_days =
        parse_csv(run("audit " + quote(p.file) + " --from " + first_day + " --to " + last_day).out);
    BOOST_TEST(same_days.size() >= all.size());
}

BOOST_AUTO_TEST_CASE(out_writes_a_new_owner_only_file_and_never_overwrites) {
    DemoPractice p;
    const std::string target = p.dir.file("audit.csv");
    const auto r = run("audit " + quote(p.file) + " --out " + quote(target));
    BOOST_TEST_REQUIRE(r.exit_code == 0);
    BOOST_TEST(contains(r.out, "Exported "));
    const std::string written = read_file(target);
    const auto records = parse_csv(written);
    BOOST_TEST(records.size() > 100u);
    BOOST_TEST(records[0] == header);
    const auto perms = fs::status(target).permissions();
    BOOST_TEST(((perms & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none));

    const auto again = run("audit " + quote(p.file) + " --out " + quote(target) + " --format json", true);
    BOOST_TEST(again.exit_code == 1);
    BOOST_TEST(contains(again.out, "already exists"), again.out);
    BOOST_TEST(read_file(target) == written);

    const std::string json_target = p.dir.file("audit.json");
    BOOST_TEST(run("audit " + quote(p.file) + " --format json --out " + quote(json_target)).exit_code == 0);
    BOOST_TEST(read_file(json_target).front() == '[');
    // The refused export left no entry; the two written ones did.
    const auto log = parse_csv(run("audit " + quote(p.file)).out);
    std::size_t exports = 0;
    for (const auto& row : log)
        if (row[action] == "export" && row[entity] == "audit_log") ++exports;
    BOOST_TEST(exports == 2u);
}

BOOST_AUTO_TEST_CASE(mistyped_options_exit_with_two_and_say_what_is_wrong) {
    DemoPractice p;
    struct Case {
        std::string args;
        std::string message;
    };
    const Case cases[] = {
        {"--format xml", "--format must be csv or json"},
        {"--from 2026-13-01", "--from"},
        {"--from 2026-03-02 --to 2026-03-01", "--to must not be before --from"},
        {"--client nobody", "--client must be a whole number"},
        {"--colour", "unknown option --colour"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.args) {
            const auto r = run("audit " + quote(p.file) + " " + c.args, true);
            BOOST_TEST(r.exit_code == 2);
            BOOST_TEST(contains(r.out, c.message), r.out);
        }
    }
    const auto missing = run("audit " + quote(p.dir.file("none.knotwork")), true);
    BOOST_TEST(missing.exit_code == 1);
    BOOST_TEST(contains(missing.out, "no practice file"), missing.out);
}

BOOST_AUTO_TEST_SUITE_END()
