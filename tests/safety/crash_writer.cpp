// The writer the safety harness starts, kills and starts again. It opens a practice file (creating
// it if need be) and makes the numbered transactions of practice_writes.h, continuing after the
// last one stored. After each commit() returns it writes "committed <tag> <k> client=<id>
// plan=<id> session=<id>" to standard output with one write(2), so the harness knows exactly
// what was promised when the kill came.
//
//   knotwork_crash_writer FILE TAG [COUNT] [--wait-for-go]
//
// COUNT 0 (the default) writes until killed. --wait-for-go opens the file, writes "ready" and
// waits for a line on standard input before writing, so two writers can start together. The
// WAL is checkpointed every 40 pages, so kills land inside checkpoints too.
// Exits 0 after COUNT transactions, 1 (message on standard error) on any error.
#include "practice_writes.h"

#include "database.h"

#include <soci/soci.h>

#include <cstring>
#include <exception>
#include <iostream>
#include <string>
#include <unistd.h>

namespace {

void say(const std::string& line) {
    const std::string text = line + "\n";
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(STDOUT_FILENO, text.data() + done, text.size() - done);
        if (n <= 0) return;
        done += static_cast<std::size_t>(n);
    }
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: knotwork_crash_writer FILE TAG [COUNT] [--wait-for-go]\n";
        return 2;
    }
    const std::string file = argv[1];
    const std::string tag = argv[2];
    int count = 0;
    bool wait_for_go = false;
    for (int i = 3; i < argc; ++i) {
        if (std::strcmp(argv[i], "--wait-for-go") == 0)
            wait_for_go = true;
        else
            count = std::stoi(argv[i]);
    }
    try {
        auto db = knotwork::db::Database::open(
            file, knotwork::db::OpenOptions{.create_if_missing = true, .actor = "safety writer " + tag});
        // Checkpoint every 40 pages instead of SQLite's 1000, so that kills also land inside the
        // checkpoints that copy the WAL into the practice file, not only inside transactions.
        db->sql() << "PRAGMA wal_autocheckpoint = 40";
        if (wait_for_go) {
            say("ready");
            std::string go;
            std::getline(std::cin, go);
        }
        const int first = knotwork::test::last_transaction(*db, tag) + 1;
        for (int k = first; count == 0 || k < first + count; ++k) {
            const auto written = knotwork::test::write_transaction(*db, tag, k);
            say("committed " + tag + " " + std::to_string(written.number) +
                " client=" + std::to_string(written.client) + " plan=" + std::to_string(written.plan) +
                " session=" + std::to_string(written.session));
        }
    } catch (const std::exception& e) {
        std::cerr << "knotwork_crash_writer " << tag << ": " << e.what() << "\n";
        return 1;
    }
    return 0;
}
