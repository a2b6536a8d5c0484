// Pins app/core/csv and app/core/client_import: the RFC 4180 reader and writer, and importing
// clients from CSV, where every row is checked by the domain's rules, every bad row is reported by
// line and column, a file with a bad row imports nothing unless asked, and the import is one
// audited transaction.
#include "core/client_import.h"
#include "core/csv.h"

#include "common/error.h"
#include "common/text.h"
#include "database.h"
#include "repositories/client_repository.h"

#include "domain_printers.h"
#include "hostile_strings.h"

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <unistd.h>

using namespace knotwork;
using app::CsvRecord;
using app::ImportProblem;

namespace {

const Date today(2026, 3, 1);

using Fields = std::vector<std::string>;

std::vector<Fields> fields_of(const std::vector<CsvRecord>& records) {
    std::vector<Fields> out;
    for (const auto& r : records) out.push_back(r.fields);
    return out;
}

std::vector<std::size_t> lines_of(const std::vector<CsvRecord>& records) {
    std::vector<std::size_t> out;
    for (const auto& r : records) out.push_back(r.line);
    return out;
}

std::string csv_of(const std::vector<Fields>& records) {
    std::ostringstream out;
    for (const auto& r : records) app::write_csv_record(out, r);
    return out.str();
}

struct Practice {
    std::unique_ptr<db::Database> db = db::Database::open(":memory:", {.create_if_missing = true, .actor = "importer"});

    std::int64_t count(const std::string& sql) {
        long long n = 0;
        db->sql() << sql, soci::into(n);
        return n;
    }
    std::int64_t clients() { return count("SELECT count(*) FROM clients"); }
};

const std::string header = "family_name,given_name,date_of_birth,phone\n";

} // namespace

BOOST_TEST_DONT_PRINT_LOG_VALUE(std::vector<Fields>)
BOOST_TEST_DONT_PRINT_LOG_VALUE(std::vector<ImportProblem>)

BOOST_AUTO_TEST_SUITE(CsvReader)

BOOST_AUTO_TEST_CASE(reads_what_rfc_4180_allows) {
    struct Row {
        const char* what;
        std::string text;
        std::vector<Fields> expected;
        std::vector<std::size_t> lines;
    };
    const std::vector<Row> rows{
        {"LF", "a,b\nc,d\n", {{"a", "b"}, {"c", "d"}}, {1, 2}},
        {"CRLF", "a,b\r\nc,d\r\n", {{"a", "b"}, {"c", "d"}}, {1, 2}},
        {"no final line end", "a,b\nc,d", {{"a", "b"}, {"c", "d"}}, {1, 2}},
        {"byte-order mark", "\xEF\xBB\xBF" "a,b\n", {{"a", "b"}}, {1}},
        {"empty fields", ",,\n,x,\n", {{"", "", ""}, {"", "x", ""}}, {1, 2}},
        {"trailing comma at the end", "a,", {{"a", ""}}, {1}},
        {"quoted comma", "\"Okafor, Ngozi\",x\n", {{"Okafor, Ngozi", "x"}}, {1}},
        {"doubled quotes", "\"say \"\"hi\"\"\",\"\"\"\"\n", {{"say \"hi\"", "\""}}, {1}},
        {"quoted LF", "\"one\ntwo\",x\nnext\n", {{"one\ntwo", "x"}, {"next"}}, {1, 3}},
        {"quoted CRLF kept as written", "\"one\r\ntwo\"\r\nnext\r\n", {{"one\r\ntwo"}, {"next"}}, {1, 3}},
        {"empty quoted field", "\"\",\"\"\n", {{"", ""}}, {1}},
        {"blank lines skipped", "a\n\n\r\nb\n\n", {{"a"}, {"b"}}, {1, 4}},
        {"CR ending the text", "a,b\r", {{"a", "b"}}, {1}},
        {"lone CR inside a field kept", "a\rb,c\n", {{"a\rb", "c"}}, {1}},
        {"quote inside an unquoted field kept", "O\"Brien,x\n", {{"O\"Brien", "x"}}, {1}},
        {"spaces kept", " a , b \n", {{" a ", " b "}}, {1}},
        {"UTF-8 and emoji", "Zo\xC3\xAB,\xF0\x9F\x98\x80\n", {{"Zo\xC3\xAB", "\xF0\x9F\x98\x80"}}, {1}},
        {"empty text", "", {}, {}},
        {"only a mark", "\xEF\xBB\xBF", {}, {}},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT(row.what) {
            const auto records = app::read_csv(row.text);
            BOOST_TEST(fields_of(records) == row.expected);
            BOOST_TEST(lines_of(records) == row.lines, boost::test_tools::per_element());
        }
    }
}

BOOST_AUTO_TEST_CASE(refuses_what_it_cannot_read_naming_the_line) {
    struct Row {
        const char* what;
        std::string text;
        std::size_t line;
        std::string problem;
    };
    const std::vector<Row> rows{
        {"Latin-1 on line 3", "a\nb\nRen\xE9\n", 3, "not valid UTF-8"},
        {"broken UTF-8 inside a quoted field", "a\n\"x\ny\xC3\",b\n", 3, "not valid UTF-8"},
        {"overlong sequence on line 1", "\xC0\xAF,x\n", 1, "not valid UTF-8"},
        {"UTF-16 text", std::string("\xFF\xFE" "a\0,\0", 6), 1, "not valid UTF-8"},
        {"quote never closed", "a\nb,\"open\nstill\n", 2, "field 2 opens a quote that is never closed"},
        {"text after a closing quote", "a\n\"x\"y,z\n", 2, "field 1 has text after its closing quote"},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT(row.what) {
            try {
                app::read_csv(row.text);
                BOOST_ERROR("read what it must refuse");
            } catch (const app::CsvError& e) {
                BOOST_TEST(e.line() == row.line);
                BOOST_TEST(e.problem().find(row.problem) != std::string::npos, e.what());
                BOOST_TEST(std::string(e.what()).starts_with("line " + std::to_string(row.line) + ": "));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(what_the_writer_writes_reads_back_the_same) {
    std::vector<Fields> records{
        {"plain", "with, comma", "with \"quotes\"", "line\nbreak", "crlf\r\nend", ""},
        {" leading space", "trailing space ", "\xEF\xBB\xBF" "mark", "\r", "\"", ","},
        {""},
    };
    for (const auto& h : test::hostile_strings())
        if (text::is_valid_utf8(h.bytes)) records.push_back({h.name, h.bytes, "after"});
    const std::string csv = csv_of(records);
    BOOST_TEST(fields_of(app::read_csv(csv)) == records);
    BOOST_TEST(app::csv_field("plain") == "plain");
    BOOST_TEST(app::csv_field("a,b") == "\"a,b\"");
    BOOST_TEST(app::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ClientImport)

BOOST_AUTO_TEST_CASE(every_column_reaches_its_field) {
    std::string csv;
    for (const auto& c : app::client_columns()) csv += (csv.empty() ? "" : ",") + c.name;
    csv += "\r\n";
    csv += "Okafor,Ngozi,Zizi,1984-07-12,+44 20 7946-0958,ngozi@example.org,\"12 Mill Lane\nLeeds\",Chidi Okafor,"
           "07700 900123,Dr Patel,\"Dr Anjali Patel, Leeds\",Developer,desk_work,sciatica; Hypertension ,"
           "\"Disc, 2023\",anticoagulant: Warfarin 5 mg; other,Nut oils,FIRM,Left notch,2026-02-20,night_pain,"
           "\"Night pain, eases\",Dr Patel (GP),2026-02-20\r\n";
    const auto parsed = app::parse_client_csv(csv, today);
    BOOST_TEST(parsed.problems.empty());
    BOOST_REQUIRE(parsed.good.size() == 1u);
    BOOST_TEST(parsed.good[0].line == 2u);
    ClientDetails d;
    d.family_name = "Okafor";
    d.given_name = "Ngozi";
    d.preferred_name = "Zizi";
    d.date_of_birth = Date(1984, 7, 12);
    d.phone = "+44 20 7946-0958";
    d.email = "ngozi@example.org";
    d.address = "12 Mill Lane\nLeeds";
    d.emergency_contact_name = "Chidi Okafor";
    d.emergency_contact_phone = "07700 900123";
    d.referral_source = "Dr Patel";
    d.referring_physician = "Dr Anjali Patel, Leeds";
    d.occupation = "Developer";
    d.activity = ActivityLevel::desk_work;
    d.conditions = {HealthCondition::sciatica, HealthCondition::hypertension};
    d.health_notes = "Disc, 2023";
    d.medications = {{MedicationClass::anticoagulant, "Warfarin 5 mg"}, {MedicationClass::other, ""}};
    d.allergies = "Nut oils";
    d.pressure_preference = PressurePreference::firm;
    d.sensitive_areas = "Left notch";
    d.consent_date = Date(2026, 2, 20);
    d.intake_red_flags.positive = {RedFlag::night_pain};
    d.intake_red_flags.notes = "Night pain, eases";
    d.intake_red_flags.referred_to = "Dr Patel (GP)";
    d.red_flags_screened_on = Date(2026, 2, 20);
    BOOST_TEST((parsed.good[0].details == d));
}

BOOST_AUTO_TEST_CASE(header_names_match_in_any_case_and_spacing) {
    const auto parsed = app::parse_client_csv("\xEF\xBB\xBF Family Name ,GIVEN-NAME,Date of birth\nOkafor,Ngozi,1984-07-12\n", today);
    BOOST_REQUIRE(parsed.good.size() == 1u);
    BOOST_TEST(parsed.good[0].details.family_name == "Okafor");
    BOOST_TEST(parsed.good[0].details.date_of_birth == Date(1984, 7, 12));
    BOOST_TEST(app::normalise_column_name(" Red-flags screened on ") == "red_flags_screened_on");
}

BOOST_AUTO_TEST_CASE(refuses_a_header_it_cannot_use) {
    const std::vector<std::tuple<const char*, std::string, std::string>> rows{
        {"empty file", "", "file: is empty"},
        {"only blank lines", "\n\r\n", "file: is empty"},
        {"unknown column", "family_name,given_name,shoe_size\n", "line 1, column 3: \"shoe_size\" is not a client field"},
        {"column named twice", "family_name,given_name,Family Name\n", "line 1, column 3: \"Family Name\" names family_name a second time"},
        {"column without a name", "family_name,,given_name\n", "line 1, column 2: has no name"},
        {"no given_name", "family_name,phone\nOkafor,1\n", "line 1: the header has no given_name column"},
        {"SQL as a column", "family_name,given_name,\"phone); DROP TABLE clients;--\"\n", "is not a client field"},
    };
    for (const auto& [what, csv, message] : rows) {
        BOOST_TEST_CONTEXT(what) {
            try {
                app::parse_client_csv(csv, today);
                BOOST_ERROR("accepted the header");
            } catch (const ValidationError& e) {
                BOOST_TEST(std::string(e.what()).find(message) != std::string::npos, e.what());
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(reports_every_bad_row_by_line_and_column) {
    const std::string csv = header +                              // line 1
                            "Okafor,Ngozi,1984-07-12,1\n"         // 2: good
                            "\"Multi\nline\",Sam,,\n"             // 3-4: family name on two lines
                            "Reyes,Sam,1984-13-01,2\n"            // 5: no such month
                            "Reyes,Ana,12/07/1984,3\n"            // 6: wrong format
                            "Reyes,,2030-01-01,4\n"               // 7: no given name, born in the future
                            "Short,row\n"                         // 8: too few fields
                            "Lee,Kim,,\"07700\t900123\"\n"        // 9: tab in a phone number
                            "Good,Row,,\n";                       // 10: good
    const auto parsed = app::parse_client_csv(csv, today);
    BOOST_TEST(parsed.rows == 8u);
    std::vector<std::string> messages;
    for (const auto& p : parsed.problems) messages.push_back(p.message());
    const std::vector<std::string> expected{
        "line 3, family_name: must be one line (a line break at character 6)",
        "line 5, date_of_birth: is not a real calendar date (\"1984-13-01\")",
        "line 6, date_of_birth: must be a date written YYYY-MM-DD (got \"12/07/1984\")",
        "line 7, given_name: must not be empty",
        "line 8: has 2 fields where the header has 4 (is a comma or a quote missing?)",
        "line 9, phone: must be one line (a tab at character 6)",
    };
    BOOST_TEST(messages == expected, boost::test_tools::per_element());
    BOOST_REQUIRE(parsed.good.size() == 2u);
    BOOST_TEST(parsed.good[0].line == 2u);
    BOOST_TEST(parsed.good[1].line == 10u);
}

BOOST_AUTO_TEST_CASE(a_row_reports_each_unreadable_column_and_the_domain_problem) {
    const auto parsed = app::parse_client_csv(
        "family_name,given_name,activity,conditions,consent_date\n"
        "Okafor,,lazy,sciatica;gout,2026-02-30\n",
        today);
    std::vector<std::string> messages;
    for (const auto& p : parsed.problems) messages.push_back(p.message());
    const std::vector<std::string> expected{
        "line 2, activity: \"lazy\" is not a known activity level (use one of: sedentary, desk_work, moderate, "
        "active, athlete)",
        "line 2, conditions: \"gout\" is not a known health condition (use one of: sciatica, fibromyalgia, "
        "herniated_disc, osteoporosis, pregnancy, recent_surgery, recent_injury, dvt_history, diabetes, "
        "diabetic_neuropathy, heat_sensitivity, cancer_history, varicose_veins, open_wounds, skin_condition, "
        "hypertension)",
        "line 2, consent_date: is not a real calendar date (\"2026-02-30\")",
        "line 2, given_name: must not be empty",
    };
    BOOST_TEST(messages == expected, boost::test_tools::per_element());
    BOOST_TEST(parsed.good.empty());
}

BOOST_AUTO_TEST_CASE(a_file_with_a_bad_row_imports_nothing) {
    Practice p;
    const auto r = app::import_clients(*p.db, header + "Okafor,Ngozi,,\nReyes,Sam,1984-13-01,\nLee,Kim,,\n",
                                       {.skip_bad = false, .today = today});
    BOOST_TEST(r.rows == 3u);
    BOOST_TEST(r.imported.empty());
    BOOST_TEST(r.bad_rows() == 1u);
    BOOST_REQUIRE(r.problems.size() == 1u);
    BOOST_TEST(r.problems[0].line == 3u);
    BOOST_TEST(r.problems[0].column == "date_of_birth");
    BOOST_TEST(p.clients() == 0);
    BOOST_TEST(p.count("SELECT count(*) FROM audit_log WHERE entity = 'client'") == 0);
}

BOOST_AUTO_TEST_CASE(skip_bad_imports_the_good_rows_audited) {
    Practice p;
    const auto r = app::import_clients(*p.db, header + "Okafor,Ngozi,,\nReyes,Sam,1984-13-01,\nLee,Kim,1990-01-02,07700\n",
                                       {.skip_bad = true, .today = today});
    BOOST_TEST(r.imported.size() == 2u);
    BOOST_TEST(r.bad_rows() == 1u);
    BOOST_TEST(p.clients() == 2);
    const Client lee = db::ClientRepository(*p.db).get(r.imported[1]);
    BOOST_TEST(lee.details().family_name == "Lee");
    BOOST_TEST(lee.details().phone == "07700");
    BOOST_TEST(lee.details().date_of_birth == Date(1990, 1, 2));
    BOOST_TEST(p.count("SELECT count(*) FROM audit_log WHERE entity = 'client' AND action = 'create' AND actor = 'importer'") == 2);
}

BOOST_AUTO_TEST_CASE(an_import_the_database_refuses_part_way_leaves_nothing) {
    Practice p;
    p.db->sql() << "CREATE TEMP TRIGGER refuse_one BEFORE INSERT ON main.clients WHEN NEW.family_name = 'Refused' "
                   "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END";
    BOOST_CHECK_THROW(app::import_clients(*p.db, header + "Okafor,Ngozi,,\nLee,Kim,,\nRefused,Row,,\n",
                                          {.skip_bad = false, .today = today}),
                      std::exception);
    BOOST_TEST(p.clients() == 0);
    BOOST_TEST(p.count("SELECT count(*) FROM audit_log WHERE entity = 'client'") == 0);
    // The practice is usable afterwards: no transaction was left open.
    const auto r = app::import_clients(*p.db, header + "Okafor,Ngozi,,\n", {.skip_bad = false, .today = today});
    BOOST_TEST(r.imported.size() == 1u);
}

BOOST_AUTO_TEST_CASE(hostile_text_is_imported_byte_for_byte_or_reported) {
    // Health notes keep every line and every byte; broken text is reported by line.
    std::vector<Fields> records{{"family_name", "given_name", "health_notes"}};
    std::vector<const test::HostileString*> in_file;
    for (const auto& h : test::hostile_strings()) {
        if (!text::is_valid_utf8(h.bytes)) continue; // the reader refuses the whole file for these
        records.push_back({"Hostile", "Row", h.bytes});
        in_file.push_back(&h);
    }
    const std::string csv = csv_of(records);
    Practice p;
    const auto r = app::import_clients(*p.db, csv, {.skip_bad = true, .today = today});
    const auto lines = app::read_csv(csv);
    std::size_t kept = 0, reported = 0;
    for (std::size_t i = 0; i < in_file.size(); ++i) {
        const auto& h = *in_file[i];
        const std::size_t line = lines[i + 1].line;
        BOOST_TEST_CONTEXT(h.name << " on line " << line) {
            const std::string refusal = test::expected_refusal(h, false, text::long_limit);
            const auto problem = std::find_if(r.problems.begin(), r.problems.end(),
                                              [&](const ImportProblem& pr) { return pr.line == line; });
            if (refusal.empty()) {
                BOOST_TEST((problem == r.problems.end()));
                ++kept;
            } else {
                BOOST_REQUIRE((problem != r.problems.end()));
                BOOST_TEST(problem->column == "health_notes");
                BOOST_TEST(problem->problem.find(refusal) != std::string::npos);
                ++reported;
            }
        }
    }
    BOOST_REQUIRE(r.imported.size() == kept);
    db::ClientRepository clients(*p.db);
    std::size_t k = 0;
    for (const auto* h : in_file) {
        if (!test::expected_refusal(*h, false, text::long_limit).empty()) continue;
        BOOST_TEST_CONTEXT(h->name) {
            const std::string stored = clients.get(r.imported[k++]).details().health_notes;
            BOOST_TEST(stored.size() == h->bytes.size());
            BOOST_TEST((stored == h->bytes));
        }
    }
    BOOST_TEST(reported > 5u);
    BOOST_TEST_MESSAGE("CSV import: " << in_file.size() << " hostile strings tried, " << kept << " kept, " << reported
                                      << " reported");

    // Broken UTF-8 anywhere refuses the whole file, naming the line.
    try {
        app::import_clients(*p.db, header + "Okafor,Ngozi,,\nRen\xE9,Sam,,\n", {.skip_bad = true, .today = today});
        BOOST_ERROR("imported a file with broken UTF-8");
    } catch (const app::CsvError& e) {
        BOOST_TEST(e.line() == 3u);
    }
}

BOOST_AUTO_TEST_CASE(a_missing_or_oversized_file_is_an_error) {
    Practice p;
    BOOST_CHECK_THROW(app::import_clients_file(*p.db, "/nonexistent/clients.csv", {}), Error);
    const auto dir = std::filesystem::temp_directory_path() / ("knotwork-import-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto file = dir / "clients.csv";
    { std::ofstream(file) << header << "Okafor,Ngozi,1984-07-12,07700\n"; }
    const auto r = app::import_clients_file(*p.db, file, {.skip_bad = false, .today = today});
    BOOST_TEST(r.imported.size() == 1u);
    std::filesystem::resize_file(file, app::max_import_bytes + 1);
    BOOST_CHECK_THROW(app::import_clients_file(*p.db, file, {}), Error);
    std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_SUITE_END()
