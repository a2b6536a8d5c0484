// knotwork-cli end to end: the real binary, run as a user would, on temporary practice files.
#include "cli_runner.h"

#include <boost/test/unit_test.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <sys/wait.h>

namespace fs = std::filesystem;
using namespace knotwork::test::cli;

namespace {

// What a PDF viewer would show as text, every run of white space one space.
std::string pdf_text(const std::string& pdf) {
    FILE* pipe = ::popen((quote(KNOTWORK_PDFTOTEXT) + " -enc UTF-8 " + quote(pdf) + " - 2>&1").c_str(), "r");
    BOOST_REQUIRE(pipe != nullptr);
    std::string text;
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0)
        for (std::size_t i = 0; i < n; ++i) {
            const char c = buf[i];
            const bool space = c == ' ' || c == '\n' || c == '\f';
            if (!space) text += c;
            else if (!text.empty() && text.back() != ' ') text += ' ';
        }
    ::pclose(pipe);
    return text;
}

} // namespace

BOOST_AUTO_TEST_SUITE(knotwork_cli)

BOOST_AUTO_TEST_CASE(help_lists_every_command) {
    const auto r = run("--help");
    BOOST_TEST(r.exit_code == 0);
    for (const char* command : {"init", "demo", "clients", "show", "advise", "schedule", "search", "check", "report", "backup"})
        BOOST_TEST_CONTEXT(command) { BOOST_TEST(contains(r.out, command)); }
    const auto one = run("demo --help");
    BOOST_TEST(one.exit_code == 0);
    BOOST_TEST(contains(one.out, "--seed"));
}

BOOST_AUTO_TEST_CASE(usage_errors_exit_with_two_and_say_what_is_wrong) {
    TempDir dir;
    struct Case {
        std::string args;
        std::string message;
    };
    const Case cases[] = {
        {"frobnicate x", "unknown command"},
        {"init", "missing practice FILE"},
        {"demo " + quote(dir.file("a.knotwork")) + " --clients abc", "--clients must be a whole number"},
        {"demo " + quote(dir.file("a.knotwork")) + " --clients 0", "--clients must be between"},
        {"show " + quote(dir.file("a.knotwork")), "--client ID is required"},
        {"clients " + quote(dir.file("a.knotwork")) + " --colour", "unknown option --colour"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.args) {
            const auto r = run(c.args);
            BOOST_TEST(r.exit_code == 2);
            BOOST_TEST(contains(r.out, c.message), r.out);
        }
    }
    BOOST_TEST(!fs::exists(dir.file("a.knotwork")));
}

BOOST_AUTO_TEST_CASE(init_creates_an_empty_sound_practice_and_refuses_to_overwrite) {
    TempDir dir;
    const std::string file = quote(dir.file("new practice.knotwork"));
    const auto r = run("init " + file);
    BOOST_TEST(r.exit_code == 0, r.out);
    BOOST_TEST(fs::exists(dir.file("new practice.knotwork")));
    const auto perms = fs::status(dir.file("new practice.knotwork")).permissions();
    BOOST_TEST(((perms & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none));
    const auto again = run("init " + file);
    BOOST_TEST(again.exit_code == 1);
    BOOST_TEST(contains(again.out, "already exists"));
    const auto check = run("check " + file + " --json");
    BOOST_TEST(check.exit_code == 0, check.out);
    BOOST_TEST(contains(check.out, "\"sound\":true"));
    BOOST_TEST(contains(check.out, "\"clients\":0"));
}

BOOST_AUTO_TEST_CASE(missing_and_foreign_files_give_clear_errors) {
    TempDir dir;
    const auto missing = run("check " + quote(dir.file("nope.knotwork")));
    BOOST_TEST(missing.exit_code == 1);
    BOOST_TEST(contains(missing.out, "no practice file"));
    {
        FILE* f = std::fopen(dir.file("notes.txt").c_str(), "w");
        std::fputs("just some text, not a database\n", f);
        std::fclose(f);
    }
    const auto foreign = run("clients " + quote(dir.file("notes.txt")));
    BOOST_TEST(foreign.exit_code == 1);
    BOOST_TEST(contains(foreign.out, "not a Knotwork practice file"), foreign.out);
}

BOOST_AUTO_TEST_CASE(demo_practice_is_sound_deterministic_and_searchable) {
    TempDir dir;
    const std::string a = quote(dir.file("a.knotwork")), b = quote(dir.file("b.knotwork"));
    const auto demo = run("demo " + a + " --clients 12 --seed 7 --today 2026-06-01 --json");
    BOOST_TEST(demo.exit_code == 0, demo.out);
    BOOST_TEST(contains(demo.out, "\"clients\":12"), demo.out);
    BOOST_TEST(run("demo " + b + " --clients 12 --seed 7 --today 2026-06-01").exit_code == 0);

    const auto check = run("check " + a + " --json");
    BOOST_TEST(check.exit_code == 0, check.out);
    BOOST_TEST(contains(check.out, "\"sound\":true"));
    BOOST_TEST(!contains(check.out, "\"signed_notes\":0,"));

    // Same seed, same practice: the client list and a whole chart are identical.
    const auto list_a = run("clients " + a + " --archived --json"), list_b = run("clients " + b + " --archived --json");
    BOOST_TEST(list_a.exit_code == 0);
    BOOST_TEST(list_a.out == list_b.out);
    BOOST_TEST(run("show " + a + " --client 3 --json").out == run("show " + b + " --client 3 --json").out);

    const auto again = run("demo " + a + " --clients 3");
    BOOST_TEST(again.exit_code == 1);

    const auto chart = run("show " + a + " --client 1");
    BOOST_TEST(chart.exit_code == 0, chart.out);
    BOOST_TEST(contains(chart.out, "Assessments"));
    BOOST_TEST(contains(chart.out, "Sessions"));

    const auto hits = run("search " + a + " pain --json");
    BOOST_TEST(hits.exit_code == 0, hits.out);
    BOOST_TEST(contains(hits.out, "\"snippet\""));
    const auto hostile = run("search " + a + " " + quote("\"AND OR NOT ( * ") );
    BOOST_TEST(hostile.exit_code == 0, hostile.out);

    const auto advice = run("advise " + a + " --client 2");
    BOOST_TEST(advice.exit_code == 0, advice.out);
    BOOST_TEST(contains(advice.out, "Swedish"));
    const auto today = run("schedule " + a + " --date 2026-06-01 --days 7 --json");
    BOOST_TEST(today.exit_code == 0, today.out);
    BOOST_TEST(contains(today.out, "\"starts_at\":\"2026-06-0"), today.out);

    const auto unknown = run("show " + a + " --client 99999");
    BOOST_TEST(unknown.exit_code == 1);
    BOOST_TEST(contains(unknown.out, "no client with id 99999"));
}

BOOST_AUTO_TEST_CASE(client_search_finds_by_name_fragment) {
    TempDir dir;
    const std::string file = quote(dir.file("p.knotwork"));
    BOOST_REQUIRE(run("demo " + file + " --clients 20 --seed 3 --today 2026-06-01").exit_code == 0);
    const auto all = run("clients " + file + " --json --limit 1");
    BOOST_REQUIRE(all.exit_code == 0);
    // Take the first client's family name and search for a fragment of it.
    const auto key = std::string("\"family_name\":\"");
    const auto start = all.out.find(key);
    BOOST_REQUIRE(start != std::string::npos);
    const auto name = all.out.substr(start + key.size(), all.out.find('"', start + key.size()) - start - key.size());
    BOOST_REQUIRE(name.size() >= 3);
    const auto found = run("clients " + file + " --search " + quote(name.substr(1, 2)));
    BOOST_TEST(found.exit_code == 0);
    BOOST_TEST(contains(found.out, name), found.out);
    const auto none = run("clients " + file + " --search zzzqqq");
    BOOST_TEST(contains(none.out, "0 clients"));
}

BOOST_AUTO_TEST_CASE(report_writes_progress_reports_as_pdf_and_audits_each) {
    TempDir dir;
    const std::string file = quote(dir.file("p.knotwork"));
    BOOST_REQUIRE(run("demo " + file + " --clients 12 --seed 7 --today 2026-06-01 --quiet").exit_code == 0);
    auto audit_entries = [&] { return std::stoll(json_field(run("check " + file + " --json").out, "audit_entries")); };
    const long long before = audit_entries();

    // One client, on their newest plan, on US Letter.
    const auto one = run("report " + file + " --client 3 --date 2026-06-01 --paper letter --out " +
                         quote(dir.file("client 3.pdf")) + " --json");
    BOOST_TEST(one.exit_code == 0, one.out);
    BOOST_TEST_REQUIRE(fs::exists(dir.file("client 3.pdf")));
    const std::string name = json_field(one.out, "client_name");
    BOOST_TEST_REQUIRE(!name.empty(), one.out);
    const std::string pages = json_field(one.out, "pages");
    const std::string text = pdf_text(dir.file("client 3.pdf"));
    BOOST_TEST(contains(text, name), text);
    BOOST_TEST(contains(text, "Page 1 of " + pages));
    BOOST_TEST(contains(text, "Reports are built from signed notes only."));
    BOOST_TEST(audit_entries() == before + 1);

    // A date range, in words.
    const auto range = run("report " + file + " --client 3 --from 2025-01-01 --to 2026-06-01 --date 2026-06-01 --out " +
                           quote(dir.file("range.pdf")));
    BOOST_TEST(range.exit_code == 0, range.out);
    BOOST_TEST(contains(range.out, "Wrote "));
    BOOST_TEST(contains(pdf_text(dir.file("range.pdf")), "Sessions from 1 January 2025 to 1 June 2026"));
    BOOST_TEST(audit_entries() == before + 2);

    // Every client with an active plan, into a folder the command makes.
    const auto batch = run("report " + file + " --all-active --out-dir " + quote(dir.file("batch")) +
                           " --date 2026-06-01 --json");
    BOOST_TEST(batch.exit_code == 0, batch.out);
    std::size_t listed = 0;
    for (auto at = batch.out.find("\"file\":"); at != std::string::npos; at = batch.out.find("\"file\":", at + 1))
        ++listed;
    std::size_t pdfs = 0;
    for (const auto& entry : fs::directory_iterator(dir.file("batch"))) pdfs += entry.path().extension() == ".pdf";
    BOOST_TEST(listed > 0u);
    BOOST_TEST(pdfs == listed);
    BOOST_TEST(audit_entries() == before + 2 + static_cast<long long>(listed));

    const auto unknown = run("report " + file + " --client 99999 --out " + quote(dir.file("x.pdf")));
    BOOST_TEST(unknown.exit_code == 1);
    BOOST_TEST(!fs::exists(dir.file("x.pdf")));

    struct Case {
        std::string args;
        std::string message;
    };
    const Case usage[] = {
        {"--client 3", "--out FILE.pdf is required"},
        {"--out x.pdf", "--client ID is required"},
        {"--client 3 --plan 1 --from 2026-01-01 --to 2026-02-01 --out x.pdf", "not both"},
        {"--client 3 --from 2026-01-01 --out x.pdf", "--from and --to go together"},
        {"--client 3 --out x.pdf --paper a5", "--paper must be a4 or letter"},
        {"--client 3 --out x.pdf --recommend maybe", "--recommend must be"},
        {"--all-active", "--all-active needs --out-dir DIR"},
        {"--all-active --out-dir d --client 3", "--client does not go with --all-active"},
    };
    for (const auto& c : usage)
        BOOST_TEST_CONTEXT(c.args) {
            const auto r = run("report " + file + " " + c.args);
            BOOST_TEST(r.exit_code == 2);
            BOOST_TEST(contains(r.out, c.message), r.out);
        }
    BOOST_TEST(audit_entries() == before + 2 + static_cast<long long>(listed));
}

BOOST_AUTO_TEST_CASE(backup_copies_the_practice_and_never_overwrites) {
    TempDir dir;
    const std::string file = quote(dir.file("p.knotwork")), copy = quote(dir.file("copy.knotwork"));
    BOOST_REQUIRE(run("demo " + file + " --clients 5 --seed 2 --today 2026-06-01").exit_code == 0);
    const auto r = run("backup " + file + " --out " + copy);
    BOOST_TEST(r.exit_code == 0, r.out);
    const auto original = run("check " + file + " --json"), copied = run("check " + copy + " --json");
    BOOST_TEST(copied.exit_code == 0, copied.out);
    // The audit count differs by nothing: check opens read-only and writes no audit row.
    BOOST_TEST(original.out == copied.out);
    const auto again = run("backup " + file + " --out " + copy);
    BOOST_TEST(again.exit_code == 1);
    BOOST_TEST(contains(again.out, "already exists"));
}

BOOST_AUTO_TEST_SUITE_END()
