// Two writers on one practice file: two processes writing at once wait for each other instead of
// failing with "database is locked", and both keep everything they wrote; two connections that
// loaded the same record cannot overwrite each other's change (the version column): the second
// save gets ConflictError and the first one's change stays.
#include "database.h"
#include "practice_fixture.h"
#include "practice_writes.h"
#include "repositories/client_repository.h"
#include "repositories/plan_repository.h"
#include "repositories/session_repository.h"
#include "writer_process.h"

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>

extern char** environ;

using namespace knotwork;
using knotwork::test::TempDir;

namespace {

db::OpenOptions options(const std::string& actor) {
    return db::OpenOptions{.create_if_missing = true, .actor = actor};
}

std::string first(const std::vector<std::string>& problems) {
    return problems.empty() ? "" : problems.front();
}

} // namespace

BOOST_AUTO_TEST_SUITE(two_writers)

// Both processes create the (missing) practice file at the same moment, then write 40
// transactions each as fast as they can.
BOOST_AUTO_TEST_CASE(two_processes_writing_at_once_wait_for_each_other_and_keep_every_write) {
    constexpr int per_writer = 40;
    TempDir dir;
    const auto file = dir.file("practice.knotwork");
    test::WriterProcess a({file.string(), "A", std::to_string(per_writer), "--wait-for-go"});
    test::WriterProcess b({file.string(), "B", std::to_string(per_writer), "--wait-for-go"});
    BOOST_REQUIRE(a.read_line() == "ready");
    BOOST_REQUIRE(b.read_line() == "ready");
    a.send_line("go");
    b.send_line("go");

    BOOST_TEST(a.exited_cleanly(), "writer A failed (its message is above)");
    BOOST_TEST(b.exited_cleanly(), "writer B failed (its message is above)");
    BOOST_TEST(a.committed().size() == static_cast<std::size_t>(per_writer));
    BOOST_TEST(b.committed().size() == static_cast<std::size_t>(per_writer));

    auto db = db::Database::open(file.string(), options("safety check"));
    BOOST_TEST(test::file_problems(*db).empty());
    for (const char* tag : {"A", "B"}) {
        BOOST_TEST_CONTEXT("writer " << tag) {
            const auto state = test::check_writer(*db, tag);
            BOOST_TEST(state.problems.empty(), first(state.problems));
            BOOST_TEST(state.transactions == per_writer);
            BOOST_TEST(state.checked_whole == per_writer);
        }
    }
    // How often the writers took turns, in the order their sessions were stored.
    int turns = 0;
    std::string previous, subjective;
    soci::statement st = (db->sql().prepare << "SELECT substr(subjective, 15, 1) FROM sessions ORDER BY id",
                          soci::into(subjective));
    st.execute();
    while (st.fetch()) {
        if (!previous.empty() && subjective != previous) ++turns;
        previous = subjective;
    }
    std::cout << "two writers: 2 processes wrote " << 2 * per_writer << " transactions to one file at once, "
              << "taking turns " << turns << " times; none failed as busy, all " << 2 * per_writer
              << " stored whole" << std::endl;
}

// The desktop app and knotwork-cli on one file: while a writer saves as fast as it can, the CLI
// writes progress reports (each records an export in the audit trail, in a transaction of its
// own). Every CLI run succeeds, every report is recorded, and the writer keeps every transaction.
BOOST_AUTO_TEST_CASE(the_cli_writes_while_another_program_writes_and_neither_fails) {
    constexpr int writer_transactions = 150;
    constexpr int reports = 5;
    TempDir dir;
    const auto file = dir.file("practice.knotwork");
    ClientId reported_client = 0;
    {
        auto db = db::Database::open(file.string(), options("setup"));
        reported_client = test::write_transaction(*db, "report", 1).client;
    }
    test::WriterProcess writer({file.string(), "W", std::to_string(writer_transactions)});
    BOOST_REQUIRE(writer.read_line().rfind("committed", 0) == 0); // the writer is writing
    int cli_failures = 0;
    for (int i = 0; i < reports; ++i) {
        const std::string out = dir.file("report-" + std::to_string(i) + ".pdf").string();
        const std::string client = std::to_string(reported_client);
        const char* argv[] = {KNOTWORK_CLI, "report",    file.c_str(), "--client",   client.c_str(),
                              "--out",      out.c_str(), "--as",       "safety cli", nullptr};
        posix_spawn_file_actions_t quiet; // its "Wrote …" line is not this test's output
        ::posix_spawn_file_actions_init(&quiet);
        ::posix_spawn_file_actions_addopen(&quiet, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
        pid_t pid = 0;
        const int spawned =
            ::posix_spawn(&pid, KNOTWORK_CLI, &quiet, nullptr, const_cast<char**>(argv), environ);
        ::posix_spawn_file_actions_destroy(&quiet);
        BOOST_REQUIRE(spawned == 0);
        int status = 0;
        ::waitpid(pid, &status, 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) ++cli_failures;
        BOOST_TEST(std::filesystem::exists(out));
    }
    BOOST_TEST(cli_failures == 0, cli_failures << " knotwork-cli runs failed (their messages are above)");
    BOOST_TEST(writer.exited_cleanly(), "the writer failed (its message is above)");

    auto db = db::Database::open(file.string(), options("safety check"));
    BOOST_TEST(test::file_problems(*db).empty());
    const auto state = test::check_writer(*db, "W");
    BOOST_TEST(state.problems.empty(), first(state.problems));
    BOOST_TEST(state.transactions == writer_transactions);
    long long exports = 0;
    db->sql() << "SELECT count(*) FROM audit_log WHERE actor = 'safety cli' AND action = 'export'",
        soci::into(exports);
    BOOST_TEST(exports == reports);
    std::cout << "app and CLI: " << reports
              << " knotwork-cli report runs (each a write) while another program wrote "
              << writer_transactions << " transactions; " << reports - cli_failures << " succeeded, "
              << state.transactions << " transactions stored whole" << std::endl;
}

// One connection holds the write lock; the other's Transaction waits for it (busy timeout) and
// goes ahead once the first commits, rather than failing.
BOOST_AUTO_TEST_CASE(a_second_connection_waits_for_the_write_lock_instead_of_failing) {
    TempDir dir;
    const auto file = dir.file("practice.knotwork");
    auto first_db = db::Database::open(file.string(), options("first"));
    auto second_db = db::Database::open(file.string(), options("second"));

    std::atomic<bool> first_committed = false;
    std::atomic<bool> second_started = false;
    std::string second_error;
    bool second_saw_first_committed = false;
    test::write_transaction(*second_db, "wait", 1);
    auto lock = std::make_unique<db::Transaction>(*first_db);
    std::thread second([&] {
        try {
            second_started = true;
            db::Transaction tx(*second_db); // blocks while the first connection holds the lock
            second_saw_first_committed = first_committed;
            tx.commit();
            test::write_transaction(*second_db, "wait", 2);
        } catch (const std::exception& e) {
            second_error = e.what();
        }
    });
    while (!second_started)
        std::this_thread::yield();
    std::this_thread::sleep_for(std::chrono::milliseconds(300)); // let the second one wait on the lock
    lock->commit();
    first_committed = true;
    lock.reset();
    second.join();

    BOOST_TEST(second_error.empty(), second_error);
    BOOST_TEST(second_saw_first_committed,
               "the second connection got the write lock while the first held it");
    const auto state = test::check_writer(*first_db, "wait");
    BOOST_TEST(state.problems.empty(), first(state.problems));
    BOOST_TEST(state.transactions == 2);
}

BOOST_AUTO_TEST_CASE(a_client_changed_on_another_connection_is_not_overwritten) {
    TempDir dir;
    const auto file = dir.file("practice.knotwork");
    auto mine_db = db::Database::open(file.string(), options("mine"));
    auto theirs_db = db::Database::open(file.string(), options("theirs"));
    const ClientId id = test::write_transaction(*mine_db, "lost", 1).client;

    Client mine = db::ClientRepository(*mine_db).get(id);
    Client theirs = db::ClientRepository(*theirs_db).get(id);
    ClientDetails their_details = theirs.details();
    their_details.allergies = "Lanolin (told at reception)";
    theirs.revise(their_details, test::test_today);
    test::in_transaction(*theirs_db, [&] { db::ClientRepository(*theirs_db).update(theirs); });

    ClientDetails my_details = mine.details();
    my_details.allergies = "Nut oils";
    mine.revise(my_details, test::test_today);
    BOOST_CHECK_THROW(test::in_transaction(*mine_db, [&] { db::ClientRepository(*mine_db).update(mine); }),
                      ConflictError);
    BOOST_TEST(!mine_db->in_transaction());
    BOOST_TEST(db::ClientRepository(*mine_db).get(id).details().allergies == "Lanolin (told at reception)");
    BOOST_TEST(mine.details().allergies == "Nut oils"); // the refused copy still holds what was typed
}

BOOST_AUTO_TEST_CASE(a_session_draft_changed_on_another_connection_is_not_overwritten) {
    TempDir dir;
    const auto file = dir.file("practice.knotwork");
    auto mine_db = db::Database::open(file.string(), options("mine"));
    auto theirs_db = db::Database::open(file.string(), options("theirs"));
    const Client client = test::store_client(*mine_db, test::minimal_client("Moreau", "Camille"));
    const Session booked = test::store_booking(*mine_db, client.id(), test::at(2026, 2, 10, 9));

    Session mine = db::SessionRepository(*mine_db).get(booked.id());
    Session theirs = db::SessionRepository(*theirs_db).get(booked.id());
    SoapNote their_note;
    their_note.subjective = "Their note, saved first.";
    theirs.write_note(their_note);
    test::in_transaction(*theirs_db, [&] { db::SessionRepository(*theirs_db).save(theirs); });

    SoapNote my_note;
    my_note.subjective = "My note, saved second.";
    mine.write_note(my_note);
    BOOST_CHECK_THROW(test::in_transaction(*mine_db, [&] { db::SessionRepository(*mine_db).save(mine); }),
                      ConflictError);
    BOOST_TEST(db::SessionRepository(*mine_db).get(booked.id()).note().subjective ==
               "Their note, saved first.");
    BOOST_TEST(mine.note().subjective == "My note, saved second.");
}

BOOST_AUTO_TEST_CASE(a_plan_changed_on_another_connection_is_not_overwritten) {
    TempDir dir;
    const auto file = dir.file("practice.knotwork");
    auto mine_db = db::Database::open(file.string(), options("mine"));
    auto theirs_db = db::Database::open(file.string(), options("theirs"));
    const auto written = test::write_transaction(*mine_db, "plan", 1);

    TreatmentPlan mine = db::PlanRepository(*mine_db).get(written.plan);
    TreatmentPlan theirs = db::PlanRepository(*theirs_db).get(written.plan);
    PlanDetails their_details = theirs.details();
    their_details.notes = "Their change";
    theirs.revise(their_details);
    test::in_transaction(*theirs_db, [&] { db::PlanRepository(*theirs_db).update(theirs); });

    PlanDetails my_details = mine.details();
    my_details.notes = "My change";
    mine.revise(my_details);
    BOOST_CHECK_THROW(test::in_transaction(*mine_db, [&] { db::PlanRepository(*mine_db).update(mine); }),
                      ConflictError);
    BOOST_TEST(db::PlanRepository(*mine_db).get(written.plan).details().notes == "Their change");
}

BOOST_AUTO_TEST_SUITE_END()
