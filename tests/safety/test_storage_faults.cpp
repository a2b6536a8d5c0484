// A full disk, a failing disk, read-only media and a WAL left over from a crash. Every failed write
// must say plainly what happened (a StorageError naming the cause, with SQLite's code), store
// nothing of the failed use case, leave a file that passes the integrity checks, keep everything
// committed before it whole, and let the practice carry on once the cause is gone.
//
// The disk faults are injected by FaultyDisk (a SQLite VFS over the real one), so they run
// everywhere; the same checks also run on a real, size-limited tmpfs and a read-only remount of
// one where the test may mount file systems (as root, outside restrictive containers), and say so
// in the log where it may not.
#include "database.h"
#include "fault_vfs.h"
#include "practice_fixture.h"
#include "practice_writes.h"
#include "repositories/client_repository.h"
#include "sqlite_storage.h"

#include <boost/test/unit_test.hpp>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sqlite3.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace knotwork;
using knotwork::test::TempDir;

namespace {

db::OpenOptions writable() {
    return db::OpenOptions{.create_if_missing = true, .actor = "safety"};
}
db::OpenOptions for_reading() {
    return db::OpenOptions{.read_only = true, .actor = "safety"};
}

std::string bytes_of(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::uintmax_t size_of(const std::filesystem::path& p) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(p, ec);
    return ec ? 0 : size;
}

std::string first(const std::vector<std::string>& problems) {
    return problems.empty() ? "" : problems.front();
}

// The file is sound and holds exactly transactions 1..n of `tag`, each whole.
void expect_sound(db::Database& db, const std::string& tag, int n) {
    const auto problems = test::file_problems(db);
    BOOST_TEST(problems.empty(), "the file is damaged: " << first(problems));
    const auto state = test::check_writer(db, tag);
    BOOST_TEST(state.problems.empty(), first(state.problems));
    BOOST_TEST(state.transactions == n);
    BOOST_TEST(state.checked_whole == n);
}

// Runs `write`, which must fail with a StorageError of `kind` whose message contains `words`.
template <typename Write>
void expect_storage_error(Write write, db::StorageError::Kind kind, const std::string& words) {
    try {
        write();
        BOOST_FAIL("the write was expected to fail");
    } catch (const db::StorageError& e) {
        BOOST_TEST_MESSAGE("refused as expected: " << e.what());
        BOOST_TEST((e.kind() == kind), "kind " << static_cast<int>(e.kind()) << ": " << e.what());
        BOOST_TEST(test::contains(e.what(), words), e.what());
        BOOST_TEST(test::contains(e.what(), "(SQLite error " + std::to_string(e.sqlite_code())), e.what());
    }
}

// A tmpfs of `size` mounted on `folder` for as long as the object lives; mounted() is false where
// the system does not let the test mount one.
class SmallFileSystem {
  public:
    SmallFileSystem(const std::filesystem::path& folder, const std::string& size) : m_folder(folder) {
        std::filesystem::create_directories(folder);
        const std::string options = "size=" + size + ",mode=0700";
        if (::mount("knotwork-test", folder.c_str(), "tmpfs", 0, options.c_str()) == 0)
            m_mounted = true;
        else
            m_why = std::strerror(errno);
    }
    ~SmallFileSystem() {
        if (m_mounted) ::umount2(m_folder.c_str(), MNT_DETACH);
    }
    bool mounted() const noexcept { return m_mounted; }
    const std::string& why_not() const noexcept { return m_why; }
    bool remount(bool read_only) {
        const unsigned long flags = MS_REMOUNT | (read_only ? MS_RDONLY : 0);
        return ::mount(nullptr, m_folder.c_str(), nullptr, flags, nullptr) == 0;
    }

  private:
    std::filesystem::path m_folder;
    bool m_mounted = false;
    std::string m_why;
};

// Writes transactions 1..n of `tag` in a child process that then ends without closing the file,
// as a program killed after its last commit does: the WAL stays behind, not yet checkpointed.
void write_and_die(const std::filesystem::path& file, const std::string& tag, int n, int signal) {
    const pid_t child = ::fork();
    BOOST_REQUIRE(child >= 0);
    if (child == 0) {
        int code = 0;
        try {
            auto db = db::Database::open(file.string(), writable()).release(); // never closed
            for (int k = 1; k <= n; ++k)
                test::write_transaction(*db, tag, k);
        } catch (...) {
            code = 3;
        }
        if (signal != 0 && code == 0) ::raise(signal);
        ::_exit(code);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    if (signal != 0)
        BOOST_REQUIRE(WIFSIGNALED(status));
    else
        BOOST_REQUIRE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

} // namespace

BOOST_AUTO_TEST_SUITE(full_disk)

BOOST_AUTO_TEST_CASE(a_full_disk_at_commit_stores_nothing_says_so_and_keeps_the_file_sound) {
    TempDir dir;
    const auto file = dir.file("practice.knotwork");
    test::FaultyDisk disk;
    {
        auto db = db::Database::open(file.string(), writable());
        for (int k = 1; k <= 3; ++k)
            test::write_transaction(*db, "disk", k);

        disk.fail_after(0, test::WriteFault::disk_full, test::FaultTarget::wal_only);
        expect_storage_error([&] { test::write_transaction(*db, "disk", 4); },
                             db::StorageError::Kind::disk_full, "The disk is full");
        BOOST_TEST(disk.faults() > 0);
        BOOST_TEST(!db->in_transaction());
        // Still full: the next attempt fails the same way, and still stores nothing.
        expect_storage_error([&] { test::write_transaction(*db, "disk", 4); },
                             db::StorageError::Kind::disk_full, "Free some space");
        disk.heal();
        expect_sound(*db, "disk", 3);

        // Space freed: the same use case goes through.
        test::write_transaction(*db, "disk", 4);
        expect_sound(*db, "disk", 4);
    }
    auto db = db::Database::open(file.string(), writable());
    expect_sound(*db, "disk", 4);
}

// A use case far bigger than SQLite's page cache (an import of many clients): its pages are still
// written only at COMMIT, so a full disk is reported there, plainly, and nothing of it is stored.
BOOST_AUTO_TEST_CASE(a_use_case_larger_than_the_page_cache_still_fails_plainly_and_whole) {
    TempDir dir;
    const auto file = dir.file("practice.knotwork");
    test::FaultyDisk disk;
    auto db = db::Database::open(file.string(), writable());
    test::write_transaction(*db, "big", 1);
    db->sql() << "PRAGMA cache_size = 20"; // 20 pages: the import below needs hundreds
    disk.fail_after(0, test::WriteFault::disk_full, test::FaultTarget::wal_only);
    expect_storage_error(
        [&] {
            db::Transaction tx(*db);
            db::ClientRepository clients(*db);
            for (int i = 0; i < 400; ++i) {
                Client c(test::full_client(), test::test_today);
                clients.add(c);
            }
            tx.commit();
        },
        db::StorageError::Kind::disk_full, "The disk is full");
    disk.heal();
    expect_sound(*db, "big", 1);
    BOOST_TEST(db::ClientRepository(*db).count(true) == 1);
}

// The fault comes after 0, 1, 100, … bytes of the commit: at the WAL header, inside the first
// frame, between frames, inside the last one. Each time the transaction is absent afterwards and
// the ones before it whole; once the budget covers the commit, it is stored whole.
BOOST_AUTO_TEST_CASE(an_io_error_anywhere_in_a_commit_leaves_no_part_of_it) {
    TempDir dir;
    const auto file = dir.file("practice.knotwork");
    test::FaultyDisk disk;
    int failed = 0;
    {
        auto db = db::Database::open(file.string(), writable());
        test::write_transaction(*db, "eio", 1);
        bool stored = false;
        for (std::int64_t budget = 0; !stored; budget = budget < 128 ? budget * 4 + 1 : budget + 3001) {
            BOOST_TEST_CONTEXT("I/O error after " << budget << " bytes") {
                disk.fail_after(budget, test::WriteFault::io_error);
                try {
                    test::write_transaction(*db, "eio", 2);
                    stored = true;
                } catch (const db::StorageError& e) {
                    ++failed;
                    BOOST_TEST((e.kind() == db::StorageError::Kind::io_error), e.what());
                    BOOST_TEST(test::contains(e.what(), "reported an error"), e.what());
                    BOOST_TEST(test::contains(e.what(), "(SQLite error 778"), e.what()); // SQLITE_IOERR_WRITE
                }
                disk.heal();
                expect_sound(*db, "eio", stored ? 2 : 1);
            }
            BOOST_REQUIRE(budget < 1'000'000);
        }
    }
    BOOST_TEST(failed >= 5);
    auto db = db::Database::open(file.string(), writable());
    expect_sound(*db, "eio", 2);
    std::cout << "full disk: an I/O error injected at " << failed
              << " points of one commit; each time nothing of it was stored and the file stayed sound"
              << std::endl;
}

// SQLite checkpoints the WAL into the file after a commit. When that checkpoint cannot write (the
// disk filled up), the commit before it is durable in the WAL all the same and must be reported
// as saved, or the therapist would be told "not saved" about a note that was. (SQLite's automatic
// checkpoint ignores its own failure; this test keeps it that way.)
BOOST_AUTO_TEST_CASE(a_checkpoint_that_cannot_write_does_not_fail_the_commit_before_it) {
    TempDir dir;
    const auto file = dir.file("practice.knotwork");
    const auto wal = std::filesystem::path(file.string() + "-wal");
    test::FaultyDisk disk;
    int k = 0;
    {
        auto db = db::Database::open(file.string(), writable());
        test::write_transaction(*db, "ckpt", ++k);
        disk.fail_after(0, test::WriteFault::disk_full, test::FaultTarget::main_file_only);
        // Past 1000 pages of WAL, where every commit tries a checkpoint.
        while (size_of(wal) < 1100u * 4096u)
            BOOST_REQUIRE_NO_THROW(test::write_transaction(*db, "ckpt", ++k));
        BOOST_REQUIRE_NO_THROW(test::write_transaction(*db, "ckpt", ++k));
        BOOST_TEST(disk.faults() > 0); // the checkpoints did try, and failed
        disk.heal();
        expect_sound(*db, "ckpt", k);
    }
    auto db = db::Database::open(file.string(), writable());
    expect_sound(*db, "ckpt", k);
}

BOOST_AUTO_TEST_CASE(a_practice_on_a_full_file_system_fails_clearly_and_recovers_when_space_is_freed) {
    TempDir dir;
    SmallFileSystem small(dir.file("small"), "2m");
    if (!small.mounted()) {
        BOOST_TEST_MESSAGE("no size-limited tmpfs here (mount: "
                           << small.why_not() << "); the injected full disk above covers this");
        return;
    }
    const auto file = dir.file("small") / "practice.knotwork";
    const auto ballast = dir.file("small") / "ballast";
    std::ofstream(ballast, std::ios::binary) << std::string(256 * 1024, 'x');

    int stored = 0;
    std::optional<std::string> message;
    {
        auto db = db::Database::open(file.string(), writable());
        for (int k = 1; !message && k < 10'000; ++k) {
            try {
                test::write_transaction(*db, "tmpfs", k);
                stored = k;
            } catch (const db::StorageError& e) {
                message = e.what();
                BOOST_TEST((e.kind() == db::StorageError::Kind::disk_full), e.what());
            }
        }
        BOOST_REQUIRE(message);
        BOOST_TEST(test::contains(*message, "The disk is full"), *message);
        BOOST_TEST(test::contains(*message, "(SQLite error 13"), *message);
        expect_sound(*db, "tmpfs", stored);

        std::filesystem::remove(ballast); // the therapist frees some space
        test::write_transaction(*db, "tmpfs", stored + 1);
        expect_sound(*db, "tmpfs", stored + 1);
    }
    auto db = db::Database::open(file.string(), writable());
    expect_sound(*db, "tmpfs", stored + 1);
    std::cout << "full disk: a 2 MB tmpfs took " << stored
              << " transactions before the disk was full; the failed one "
              << "stored nothing, and the next one went through once 256 kB were freed" << std::endl;
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(read_only)

BOOST_AUTO_TEST_CASE(a_practice_opened_read_only_refuses_a_save_clearly_and_is_left_as_it_was) {
    TempDir dir;
    const auto file = dir.file("practice.knotwork");
    {
        auto db = db::Database::open(file.string(), writable());
        for (int k = 1; k <= 2; ++k)
            test::write_transaction(*db, "ro", k);
    }
    const std::string before = bytes_of(file);
    {
        auto db = db::Database::open(file.string(), for_reading());
        expect_sound(*db, "ro", 2);
        expect_storage_error([&] { test::write_transaction(*db, "ro", 3); },
                             db::StorageError::Kind::read_only, "is read-only");
        BOOST_TEST(test::check_writer(*db, "ro").transactions == 2);
    }
    BOOST_TEST((bytes_of(file) == before), "the read-only practice file was changed");
}

BOOST_AUTO_TEST_CASE(a_practice_on_read_only_media_opens_only_to_read_and_is_left_as_it_was) {
    TempDir dir;
    SmallFileSystem media(dir.file("media"), "4m");
    if (!media.mounted()) {
        BOOST_TEST_MESSAGE("cannot mount a tmpfs here (" << media.why_not()
                                                         << "); read-only media not tried");
        return;
    }
    const auto file = dir.file("media") / "practice.knotwork";
    {
        auto db = db::Database::open(file.string(), writable());
        for (int k = 1; k <= 2; ++k)
            test::write_transaction(*db, "media", k);
    }
    BOOST_REQUIRE(media.remount(true));
    const std::string before = bytes_of(file);

    expect_storage_error([&] { db::Database::open(file.string(), writable()); },
                         db::StorageError::Kind::read_only, "read-only media");
    {
        auto db = db::Database::open(file.string(), for_reading());
        const auto state = test::check_writer(*db, "media");
        BOOST_TEST(state.problems.empty(), first(state.problems));
        BOOST_TEST(state.transactions == 2);
        BOOST_TEST(db->check_integrity().empty());
        expect_storage_error([&] { test::write_transaction(*db, "media", 3); },
                             db::StorageError::Kind::read_only, "is read-only");
    }
    BOOST_TEST((bytes_of(file) == before));
    BOOST_TEST(media.remount(false));
}

// A practice left with a WAL (the program was killed) and then found on read-only media: opening
// it read-only as it stands would silently miss the committed changes the WAL holds, so it is
// refused with a message that says why and what to do.
BOOST_AUTO_TEST_CASE(a_crash_journal_on_read_only_media_is_never_silently_ignored) {
    TempDir dir;
    SmallFileSystem media(dir.file("media"), "4m");
    if (!media.mounted()) {
        BOOST_TEST_MESSAGE("cannot mount a tmpfs here (" << media.why_not()
                                                         << "); read-only media not tried");
        return;
    }
    const auto file = dir.file("media") / "practice.knotwork";
    write_and_die(file, "journal", 2, SIGKILL);
    BOOST_REQUIRE(size_of(file.string() + "-wal") > 0);
    BOOST_REQUIRE(media.remount(true));
    expect_storage_error([&] { db::Database::open(file.string(), for_reading()); },
                         db::StorageError::Kind::read_only, "-wal");
    BOOST_REQUIRE(media.remount(false));
    auto db = db::Database::open(file.string(), writable());
    expect_sound(*db, "journal", 2);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(storage_messages)

BOOST_AUTO_TEST_CASE(each_storage_failure_gets_a_message_a_person_can_act_on_with_the_code_kept) {
    using Kind = db::StorageError::Kind;
    const struct {
        int code;
        std::optional<Kind> kind;
        const char* words;
    } cases[] = {
        {SQLITE_FULL, Kind::disk_full, "The disk is full"},
        {SQLITE_IOERR, Kind::io_error, "reported an error"},
        {SQLITE_IOERR_WRITE, Kind::io_error, "reported an error"},
        {SQLITE_IOERR_FSYNC, Kind::io_error, "still connected"},
        {SQLITE_READONLY, Kind::read_only, "is read-only"},
        {SQLITE_READONLY_DBMOVED, Kind::read_only, "copy it to a folder of your own"},
        {SQLITE_CANTOPEN, Kind::cannot_open, "could not open"},
        {SQLITE_CONSTRAINT, std::nullopt, ""},
        {SQLITE_BUSY, std::nullopt, ""},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT("SQLite code " << c.code) {
            const auto error = db::storage_error_for(c.code, "saving", "/practice/p.knotwork", {});
            BOOST_TEST(error.has_value() == c.kind.has_value());
            if (!error || !c.kind) continue;
            BOOST_TEST((error->kind() == *c.kind));
            BOOST_TEST(error->sqlite_code() == c.code);
            BOOST_TEST(test::contains(error->what(), c.words), error->what());
            BOOST_TEST(test::contains(error->what(), "/practice/p.knotwork"), error->what());
            BOOST_TEST(test::contains(error->what(), "(SQLite error " + std::to_string(c.code) + ": "),
                       error->what());
        }
    }
}

// The URI a practice on read-only media is opened by names the same file, whatever its name holds.
BOOST_AUTO_TEST_CASE(the_file_uri_survives_any_file_name) {
    TempDir dir;
    for (const std::string name :
         {"plain.knotwork", "with space.knotwork", "what?.knotwork", "#1 100%.knotwork",
          "Praxis M\xc3\xbcller \xe6\x97\xa5.knotwork", "a&b=c;d.knotwork"}) {
        BOOST_TEST_CONTEXT(name) {
            const auto file = dir.file(name);
            { db::Database::open(file.string(), writable()); }
            sqlite3* handle = nullptr;
            const std::string uri = db::sqlite_file_uri(file.string(), "immutable=1");
            const int rc =
                sqlite3_open_v2(uri.c_str(), &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
            BOOST_TEST(rc == SQLITE_OK);
            BOOST_TEST(std::string(sqlite3_db_filename(handle, "main")) == file.string());
            sqlite3_close(handle);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(crash_journal)

BOOST_AUTO_TEST_CASE(a_wal_left_by_a_killed_program_is_brought_in_when_the_practice_opens) {
    TempDir dir;
    const auto file = dir.file("practice.knotwork");
    const auto wal = std::filesystem::path(file.string() + "-wal");
    write_and_die(file, "killed", 3, SIGKILL);
    BOOST_REQUIRE(size_of(wal) > 0); // the commits are in the WAL only
    {
        auto db = db::Database::open(file.string(), writable());
        expect_sound(*db, "killed", 3);
        test::write_transaction(*db, "killed", 4);
    }
    BOOST_TEST(size_of(wal) == 0u); // closed properly: checkpointed into the file
    auto db = db::Database::open(file.string(), for_reading());
    expect_sound(*db, "killed", 4);
}

BOOST_AUTO_TEST_SUITE_END()
