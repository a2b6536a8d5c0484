// knotwork-cli backup and restore end to end: the real binary on temporary practice files.
#include "cli_runner.h"

#include <boost/test/unit_test.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>

namespace fs = std::filesystem;
using namespace knotwork::test::cli;

namespace {

std::string bytes_of(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

unsigned permissions_of(const fs::path& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 ? static_cast<unsigned>(st.st_mode) & 0777u : 0u;
}

// How many clients `check --json` counts in `file`.
std::string clients_in(const std::string& file) {
    return json_field(run("check " + quote(file) + " --json").out, "clients");
}

} // namespace

BOOST_AUTO_TEST_SUITE(knotwork_cli_backup)

BOOST_AUTO_TEST_CASE(rotating_backups_keep_the_newest_n_of_the_practice) {
    TempDir dir;
    const std::string practice = dir.file("clinic.knotwork");
    BOOST_REQUIRE(run("demo " + quote(practice) + " --clients 3 --seed 2 --quiet").exit_code == 0);
    const fs::path folder = dir.path / "rotating";
    std::ofstream(dir.path / "unrelated.txt") << "x";
    std::vector<std::string> written;
    for (int i = 0; i < 4; ++i) {
        const auto r =
            run("backup " + quote(practice) + " --rotate " + quote(folder.string()) + " --keep 2 --json");
        BOOST_TEST_CONTEXT(r.out) {
            BOOST_TEST(r.exit_code == 0);
            written.push_back(json_field(r.out, "written"));
            BOOST_TEST(contains(written.back(), "clinic-"));
        }
    }
    std::vector<fs::path> left;
    for (const auto& e : fs::directory_iterator(folder))
        left.push_back(e.path());
    BOOST_TEST(left.size() == 2u);
    BOOST_TEST(fs::exists(written[3]));
    BOOST_TEST(fs::exists(written[2]));
    BOOST_TEST(!fs::exists(written[0]));
    BOOST_TEST(permissions_of(written[3]) == 0600u);
    BOOST_TEST(fs::exists(dir.path / "unrelated.txt"));
    BOOST_TEST(clients_in(written[3]) == "3");

    const auto plain = run("backup " + quote(practice) + " --rotate " + quote(folder.string()) + " --keep 1");
    BOOST_TEST(plain.exit_code == 0);
    BOOST_TEST(contains(plain.out, "Backed up " + practice + " to " + folder.string() + "/clinic-"));
    BOOST_TEST(contains(plain.out, "Removed the older backup " + written[3]));
    BOOST_TEST(contains(plain.out, "Removed the older backup " + written[2]));
}

BOOST_AUTO_TEST_CASE(backup_options_are_checked) {
    TempDir dir;
    const std::string practice = dir.file("clinic.knotwork");
    BOOST_REQUIRE(run("init " + quote(practice)).exit_code == 0);
    const std::pair<std::string, std::string> cases[] = {
        {"backup " + quote(practice), "--out BACKUP_FILE or --rotate DIR is required"},
        {"backup " + quote(practice) + " --out a --rotate b", "either --out or --rotate"},
        {"backup " + quote(practice) + " --rotate " + quote(dir.file("r")) + " --keep 0",
         "--keep must be between"},
        {"backup " + quote(practice) + " --out " + quote(dir.file("x")) + " --keep 3",
         "--keep goes with --rotate"},
        {"restore " + quote(practice), "--from BACKUP_FILE is required"},
    };
    for (const auto& [args, message] : cases) {
        BOOST_TEST_CONTEXT(args) {
            const auto r = run(args);
            BOOST_TEST(r.exit_code == 2);
            BOOST_TEST(contains(r.out, message), r.out);
        }
    }
}

BOOST_AUTO_TEST_CASE(restore_checks_the_backup_replaces_the_practice_and_keeps_the_old_one) {
    TempDir dir;
    const std::string practice = dir.file("clinic.knotwork");
    const std::string backup = dir.file("friday.knotwork");
    BOOST_REQUIRE(run("demo " + quote(practice) + " --clients 5 --seed 3 --quiet").exit_code == 0);
    BOOST_REQUIRE(run("backup " + quote(practice) + " --out " + quote(backup)).exit_code == 0);
    // The practice moves on after the backup: a bigger practice in its place.
    fs::remove(practice);
    BOOST_REQUIRE(run("demo " + quote(practice) + " --clients 8 --seed 4 --quiet").exit_code == 0);
    BOOST_REQUIRE(clients_in(practice) == "8");

    const auto r = run("restore " + quote(practice) + " --from " + quote(backup) + " --as mara");
    BOOST_TEST(r.exit_code == 0, r.out);
    BOOST_TEST(contains(r.out, "Checked the backup:"));
    BOOST_TEST(contains(r.out, "Integrity:"));
    BOOST_TEST(contains(r.out, "sound (integrity and foreign-key checks passed)"));
    BOOST_TEST(contains(r.out, "Schema version:"));
    BOOST_TEST(contains(r.out, "Last change recorded:"));
    BOOST_TEST(contains(r.out, "Clients:"));
    BOOST_TEST(contains(r.out, "5 (0 archived)"));
    BOOST_TEST(contains(r.out, "Restored " + practice + " from " + backup + "."));
    const std::string kept_line = "The replaced practice is kept as ";
    BOOST_REQUIRE(contains(r.out, kept_line));
    const auto from = r.out.find(kept_line) + kept_line.size();
    const std::string kept = r.out.substr(from, r.out.find(".\n", from + 20) - from);
    BOOST_TEST(contains(kept, dir.file("clinic.before-restore-")));

    BOOST_TEST(clients_in(practice) == "5");
    BOOST_TEST(clients_in(kept) == "8");
    BOOST_TEST(permissions_of(practice) == 0600u);
    BOOST_TEST(permissions_of(kept) == 0600u);
    // Once more, for scripts: what was checked, as JSON.
    const std::string second = dir.file("second.knotwork");
    BOOST_REQUIRE(run("backup " + quote(practice) + " --out " + quote(second)).exit_code == 0);
    const auto j = run("restore " + quote(practice) + " --from " + quote(second) + " --json");
    BOOST_TEST(j.exit_code == 0, j.out);
    BOOST_TEST(json_field(j.out, "knotwork_practice") == "true");
    BOOST_TEST(json_field(j.out, "sound") == "true");
    BOOST_TEST(json_field(j.out, "clients") == "5");
    BOOST_TEST(json_field(j.out, "schema_version") == json_field(j.out, "program_schema_version"));
    BOOST_TEST(contains(json_field(j.out, "kept_aside"), dir.file("clinic.before-restore-")));
    BOOST_TEST(json_field(j.out, "kept_aside") != kept);

    const auto check = run("check " + quote(practice));
    BOOST_TEST(check.exit_code == 0);
    BOOST_TEST(contains(check.out, "Integrity:       sound"));
}

BOOST_AUTO_TEST_CASE(a_refused_restore_exits_with_one_and_changes_nothing) {
    TempDir dir;
    const std::string practice = dir.file("clinic.knotwork");
    const std::string backup = dir.file("backup.knotwork");
    BOOST_REQUIRE(run("demo " + quote(practice) + " --clients 4 --seed 5 --quiet").exit_code == 0);
    BOOST_REQUIRE(run("backup " + quote(practice) + " --out " + quote(backup)).exit_code == 0);

    const std::string damaged = dir.file("damaged.knotwork");
    fs::copy_file(backup, damaged);
    {
        std::fstream f(damaged, std::ios::in | std::ios::out | std::ios::binary);
        const auto size = static_cast<std::streamoff>(fs::file_size(damaged));
        f.seekp((size / 2) / 4096 * 4096);
        const std::string garbage(3 * 4096, '\x5A');
        f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
    }
    const std::string text = dir.file("text.knotwork");
    std::ofstream(text) << "a shopping list\n";
    const std::string before = bytes_of(practice);

    const std::pair<std::string, std::string> cases[] = {
        {damaged, "is damaged"},
        {text, "it is not a database at all"},
        {dir.file("missing.knotwork"), "There is no backup file at"},
        {practice, "is the practice itself"},
    };
    for (const auto& [from, message] : cases) {
        BOOST_TEST_CONTEXT(from) {
            const auto r = run("restore " + quote(practice) + " --from " + quote(from));
            BOOST_TEST(r.exit_code == 1);
            BOOST_TEST(contains(r.out, message), r.out);
            BOOST_TEST(!contains(r.out, "Restored "));
        }
    }
    const auto r = run("restore " + quote(practice) + " --from " + quote(damaged));
    BOOST_TEST(contains(r.out, "Checked the backup:"));
    BOOST_TEST(contains(r.out, "PROBLEMS FOUND"));
    BOOST_TEST(contains(r.out, "Nothing was changed."));
    BOOST_TEST(bytes_of(practice) == before);
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path))
        ++files;
    BOOST_TEST(files == 4u); // practice, backup, damaged copy, text: nothing kept aside, no staged copy
}

BOOST_AUTO_TEST_SUITE_END()
