// Pins app/core/backups: rotating backups keep exactly the newest N of one practice and touch no
// other file, never collide within a second, copy only committed work; the settings refuse what
// cannot work; a restore is described before it is done, and a refused one cannot be done.
#include "core/backups.h"

#include "common/error.h"
#include "database.h"
#include "repositories/client_repository.h"

#include "domain_printers.h"

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <sys/stat.h>

namespace knotwork::test {

namespace {

namespace fs = std::filesystem;

class TempDir {
  public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "knotwork-app-backups-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr)
            throw std::runtime_error("cannot create a temporary folder");
        m_path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    const fs::path& path() const { return m_path; }

  private:
    fs::path m_path;
};

DateTime local(int day, int hour, int minute, int second = 0) {
    return DateTime(Date(2026, 11, day), boost::posix_time::hours(hour) + boost::posix_time::minutes(minute) +
                                             boost::posix_time::seconds(second));
}

unsigned permissions_of(const fs::path& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 ? static_cast<unsigned>(st.st_mode) & 0777u : 0u;
}

std::set<std::string> names_in(const fs::path& folder) {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(folder))
        names.insert(e.path().filename().string());
    return names;
}

std::int64_t clients_in(const fs::path& file) {
    auto db = db::Database::open(file.string(), db::OpenOptions{.read_only = true, .actor = "test"});
    return db::ClientRepository(*db).count();
}

struct Practice {
    TempDir dir;
    fs::path file = dir.path() / "clinic.knotwork";
    fs::path folder = dir.path() / "backups";
    std::unique_ptr<db::Database> db =
        db::Database::open(file.string(), db::OpenOptions{.create_if_missing = true, .actor = "test"});

    void add_client(const std::string& family) {
        ClientDetails d;
        d.family_name = family;
        d.given_name = "Test";
        Client c(d, Date(2026, 3, 1));
        db::Transaction tx(*db);
        db::ClientRepository(*db).add(c);
        tx.commit();
    }
    app::RotatingBackup back_up(DateTime when, int keep) {
        return app::write_rotating_backup(*db, file, folder, keep, when);
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(RotatingBackups)

BOOST_AUTO_TEST_CASE(names_carry_the_practice_and_the_time) {
    BOOST_TEST(app::rotating_backup_name("clinic", local(27, 9, 5, 7)) == "clinic-20261127-090507.knotwork");
    BOOST_TEST(app::rotating_backup_name("clinic", local(27, 9, 5, 7), 2) ==
               "clinic-20261127-090507-2.knotwork");
}

BOOST_AUTO_TEST_CASE(only_the_newest_n_are_kept_and_the_oldest_go) {
    Practice p;
    std::vector<fs::path> written;
    for (int i = 0; i < 5; ++i) {
        p.add_client("Client" + std::to_string(i));
        const auto r = p.back_up(local(20 + i, 18, 0), 3);
        written.push_back(r.written);
        BOOST_TEST_CONTEXT("backup " << i) {
            BOOST_TEST(fs::exists(r.written));
            BOOST_TEST(r.removed.size() == (i < 3 ? 0u : 1u));
            if (i >= 3) BOOST_TEST(r.removed.front() == written[static_cast<std::size_t>(i - 3)]);
        }
    }
    const auto kept = app::rotating_backups(p.folder, "clinic");
    BOOST_TEST_REQUIRE(kept.size() == 3u);
    BOOST_TEST(kept[0] == written[4]); // newest first
    BOOST_TEST(kept[1] == written[3]);
    BOOST_TEST(kept[2] == written[2]);
    BOOST_TEST(!fs::exists(written[0]));
    BOOST_TEST(!fs::exists(written[1]));
    // Each holds the practice as it was when it was written.
    BOOST_TEST(clients_in(written[2]) == 3);
    BOOST_TEST(clients_in(written[4]) == 5);
    BOOST_TEST(permissions_of(written[4]) == 0600u);
    BOOST_TEST(permissions_of(p.folder) == 0700u);
}

BOOST_AUTO_TEST_CASE(a_new_backup_is_due_only_after_a_change) {
    Practice p;
    BOOST_TEST(app::changed_since_last_backup(*p.db, p.folder, "clinic")); // none yet
    p.add_client("Okafor");
    p.back_up(local(20, 18, 0), 3);
    BOOST_TEST(!app::changed_since_last_backup(*p.db, p.folder, "clinic"));
    p.add_client("Nguyen");
    BOOST_TEST(app::changed_since_last_backup(*p.db, p.folder, "clinic"));
    p.back_up(local(21, 18, 0), 3);
    BOOST_TEST(!app::changed_since_last_backup(*p.db, p.folder, "clinic"));
    // A newest backup that cannot be read as a practice: a fresh one is due.
    std::ofstream(p.folder / app::rotating_backup_name("clinic", local(22, 18, 0))) << "not a practice";
    BOOST_TEST(app::changed_since_last_backup(*p.db, p.folder, "clinic"));
}

BOOST_AUTO_TEST_CASE(files_that_are_not_this_practices_backups_are_never_touched) {
    Practice p;
    fs::create_directories(p.folder);
    const std::vector<std::string> foreign{
        "notes.txt",
        "clinic.knotwork",                         // a practice kept in the backup folder
        "other-20200101-120000.knotwork",          // another practice's backup
        "clinic-extra-20200101-120000.knotwork",   // the practice "clinic-extra"
        "clinic-20200101-120000.knotwork.partial", // a backup being written
        "clinic-20200101-1200.knotwork",           // not the pattern
        "clinic-20200101-120000-x.knotwork",
        "clinic-20200101-120000-1.knotwork", // counters start at 2
        "Clinic-20200101-120000.knotwork",
        "clinic-20200101-120000.knotwork.bak",
    };
    for (const auto& name : foreign)
        std::ofstream(p.folder / name) << "keep me";
    fs::create_directory(p.folder / "clinic-20190101-120000.knotwork"); // a folder, not a file

    for (int i = 0; i < 3; ++i)
        p.back_up(local(27, 10, i), 1);
    const auto names = names_in(p.folder);
    for (const auto& name : foreign)
        BOOST_TEST_CONTEXT(name) {
            BOOST_TEST(names.contains(name));
        }
    BOOST_TEST(names.contains("clinic-20190101-120000.knotwork"));
    BOOST_TEST(names.contains("clinic-20261127-100200.knotwork"));
    BOOST_TEST(names.size() == foreign.size() + 2);
    BOOST_TEST(app::rotating_backups(p.folder, "clinic").size() == 1u);
}

BOOST_AUTO_TEST_CASE(backups_within_one_second_get_names_of_their_own) {
    Practice p;
    const DateTime same = local(27, 11, 30, 15);
    std::set<fs::path> written;
    for (int i = 0; i < 3; ++i)
        written.insert(p.back_up(same, 10).written);
    BOOST_TEST(written.size() == 3u);
    BOOST_TEST(written.contains(p.folder / "clinic-20261127-113015.knotwork"));
    BOOST_TEST(written.contains(p.folder / "clinic-20261127-113015-2.knotwork"));
    BOOST_TEST(written.contains(p.folder / "clinic-20261127-113015-3.knotwork"));
    // The later of two in one second counts as newer.
    const auto r = p.back_up(same, 2);
    BOOST_TEST(r.written == p.folder / "clinic-20261127-113015-4.knotwork");
    const auto kept = app::rotating_backups(p.folder, "clinic");
    BOOST_TEST_REQUIRE(kept.size() == 2u);
    BOOST_TEST(kept[0] == p.folder / "clinic-20261127-113015-4.knotwork");
    BOOST_TEST(kept[1] == p.folder / "clinic-20261127-113015-3.knotwork");
    // A name freed by the rotation is not taken again within that second: it would count as oldest.
    BOOST_TEST(p.back_up(same, 2).written == p.folder / "clinic-20261127-113015-5.knotwork");
    BOOST_TEST(app::rotating_backups(p.folder, "clinic").front() ==
               p.folder / "clinic-20261127-113015-5.knotwork");
}

BOOST_AUTO_TEST_CASE(a_backup_taken_during_another_connections_write_holds_only_committed_work) {
    Practice p;
    p.add_client("Committed");
    auto other = db::Database::open(p.file.string(), db::OpenOptions{.actor = "other"});
    db::Transaction pending(*other);
    ClientDetails d;
    d.family_name = "Pending";
    d.given_name = "Write";
    Client c(d, Date(2026, 3, 1));
    db::ClientRepository(*other).add(c);
    const auto r = p.back_up(local(27, 12, 0), 10);
    BOOST_TEST(clients_in(r.written) == 1);
    BOOST_TEST(db::ClientRepository(*other).count() == 2); // the write itself went on
}

BOOST_AUTO_TEST_CASE(settings_refuse_what_cannot_work) {
    app::BackupSettings s;
    BOOST_TEST(s.enabled);
    BOOST_TEST(s.keep == 10);
    BOOST_CHECK_NO_THROW(s.validate());
    for (int keep : {0, -1, 1000}) {
        BOOST_TEST_CONTEXT(keep) {
            s.keep = keep;
            BOOST_CHECK_EXCEPTION(s.validate(), ValidationError,
                                  [](const ValidationError& e) { return e.field() == "backups to keep"; });
        }
    }
    s.keep = 1;
    s.folder = "relative/backups";
    BOOST_CHECK_EXCEPTION(s.validate(), ValidationError,
                          [](const ValidationError& e) { return e.field() == "backup folder"; });
    BOOST_CHECK_THROW(app::write_rotating_backup(*Practice().db, "x.knotwork", "/tmp", 0, local(27, 1, 0)),
                      ValidationError);

    TempDir dir;
    BOOST_TEST(app::backup_folder(dir.path() / "clinic.knotwork", app::BackupSettings{}) ==
               dir.path() / "backups");
    s.folder = "/srv/knotwork-backups";
    BOOST_TEST(app::backup_folder(dir.path() / "clinic.knotwork", s) == fs::path("/srv/knotwork-backups"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(RestorePlans)

BOOST_AUTO_TEST_CASE(a_plan_says_what_the_backup_holds_and_where_the_practice_is_kept) {
    Practice p;
    p.add_client("Okafor");
    p.add_client("Lindqvist");
    const auto backup = p.back_up(local(26, 18, 0), 10).written;
    p.add_client("Later");
    p.db.reset();

    const DateTime stamp = local(27, 10, 58);
    const auto plan = app::plan_restore(p.file, backup, stamp);
    BOOST_TEST(!plan.refusal.has_value());
    BOOST_REQUIRE(plan.kept_as.has_value());
    BOOST_TEST(*plan.kept_as == p.dir.path() / "clinic.before-restore-20261127-105800.knotwork");

    std::map<std::string, std::string> rows;
    for (const auto& [label, value] : app::describe_backup(plan.inspection))
        rows[label] = value;
    BOOST_TEST(rows["Clients"] == "2 (0 archived)");
    BOOST_TEST(rows["Knotwork practice"] == "yes");
    BOOST_TEST(rows["Integrity"] == "sound (integrity and foreign-key checks passed)");
    const int latest = db::Database::latest_schema_version();
    BOOST_TEST(rows["Schema version"] ==
               std::to_string(latest) + " (this program: " + std::to_string(latest) + ")");
    BOOST_TEST(rows.contains("Last change recorded"));
    BOOST_TEST(rows.contains("Written"));

    const std::string question = app::restore_question(plan);
    BOOST_TEST(question.find(p.file.string()) != std::string::npos);
    BOOST_TEST(question.find(backup.string()) != std::string::npos);
    BOOST_TEST(question.find(plan.kept_as->string()) != std::string::npos);

    const auto result = app::restore_from_backup(plan, "restorer", stamp);
    BOOST_TEST(result.kept_aside == plan.kept_as);
    BOOST_TEST(clients_in(p.file) == 2);
    BOOST_TEST(clients_in(*plan.kept_as) == 3);
}

BOOST_AUTO_TEST_CASE(a_refused_plan_cannot_be_carried_out) {
    Practice p;
    const auto backup = p.back_up(local(26, 18, 0), 10).written;
    {
        auto copy = db::Database::open(backup.string(), db::OpenOptions{.actor = "test"});
        copy->sql() << "PRAGMA application_id = 7";
    }
    p.db.reset();
    const auto plan = app::plan_restore(p.file, backup, local(27, 10, 58));
    BOOST_REQUIRE(plan.refusal.has_value());
    BOOST_TEST(plan.refusal->find("is not a Knotwork practice or backup") != std::string::npos);
    BOOST_CHECK_THROW(app::restore_from_backup(plan, "restorer", local(27, 10, 58)), Error);
    BOOST_TEST((!plan.kept_as || !fs::exists(*plan.kept_as)));
    BOOST_TEST(clients_in(p.file) == 0);
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
