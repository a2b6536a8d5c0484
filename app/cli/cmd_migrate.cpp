// knotwork-cli migrate: moves a practice file onto an empty clinic server, every record with its
// id, in one transaction that is checked table by table before it is committed. Progress goes to
// standard error, the summary to standard output. No password is ever printed: it comes from the
// environment (--password-from-env, PGPASSWORD) or libpq's password file.
#include "commands.h"

#include "arguments.h"
#include "json_writer.h"

#include "common/error.h"
#include "database.h"
#include "practice_transfer.h"

#include <cstdio>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <set>
#include <sstream>
#include <unistd.h>

namespace knotwork::cli {

namespace {

// 1234567 -> "1,234,567"
std::string grouped(std::int64_t n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

std::string seconds_text(double s) {
    std::ostringstream o;
    o << std::fixed << std::setprecision(s < 10 ? 2 : 1) << s << " s";
    return o.str();
}

std::string rate_text(std::int64_t rows, double seconds) {
    if (seconds <= 0) return "";
    return grouped(static_cast<std::int64_t>(static_cast<double>(rows) / seconds)) + " rows/s";
}

// Progress on standard error: one line per table and stage; on a terminal, a running count for
// the large tables as well, rewritten in place.
class ProgressPrinter {
public:
    ProgressPrinter() : m_terminal(::isatty(STDERR_FILENO) == 1) {}

    void operator()(const db::TransferProgress& p) {
        const std::string key = std::to_string(static_cast<int>(p.stage)) + p.table;
        if (m_finished.contains(key)) return;
        const bool finished = p.done == p.total && (p.total > 0 || m_started.contains(key));
        m_started.insert(key);
        if (!finished) {
            if (m_terminal && p.done > 0)
                std::cerr << "\r  " << verb(p.stage) << " " << p.table << ": " << grouped(p.done) << " of "
                          << grouped(p.total) << "\x1b[K" << std::flush;
            return;
        }
        m_finished.insert(key);
        if (m_terminal) std::cerr << "\r\x1b[K";
        std::cerr << "  " << verb(p.stage) << " " << p.table << ": "
                  << grouped(p.stage == db::TransferProgress::Stage::verifying ? p.total / 2 : p.total)
                  << (p.stage == db::TransferProgress::Stage::signing ? " notes" : " rows");
        if (p.stage != db::TransferProgress::Stage::verifying && p.total > 0)
            std::cerr << " in " << seconds_text(p.seconds) << " (" << rate_text(p.total, p.seconds) << ")";
        std::cerr << "\n";
    }

private:
    static const char* verb(db::TransferProgress::Stage s) {
        switch (s) {
        case db::TransferProgress::Stage::copying: return "copied";
        case db::TransferProgress::Stage::signing: return "signed";
        case db::TransferProgress::Stage::verifying: return "checked";
        }
        return "";
    }
    bool m_terminal;
    std::set<std::string> m_started;
    std::set<std::string> m_finished;
};

std::string password_from(const Arguments& a) {
    const auto variable = a.option("password-from-env");
    if (!variable) return {};
    if (variable->empty()) throw UsageError("--password-from-env needs the name of an environment variable");
    const char* value = std::getenv(variable->c_str());
    if (!value || !*value)
        throw Error("The environment variable " + *variable +
                    " is not set; it should hold the password of the account on the clinic server.");
    return value;
}

} // namespace

std::string migrate_help() {
    return "  --from FILE   the practice file to move; only read, never changed. It must be at this\n"
           "                Knotwork's schema version: open an older file once with this Knotwork first\n"
           "  --to SERVER   the clinic server: postgresql://USER@HOST:PORT/DBNAME, or libpq's\n"
           "                \"host=... port=... dbname=... user=...\"; the practice is set up there if new\n"
           "  --password-from-env VAR\n"
           "                the account's password is in the environment variable VAR. Without it libpq's\n"
           "                own ways apply (PGPASSWORD, ~/.pgpass); a password is never printed\n"
           "  --json        print the summary as JSON\n"
           "\n"
           "The server's practice must hold no records; the account must own it (the account that set\n"
           "the server up), so that the copied audit trail keeps who made each entry. Every record keeps\n"
           "its id, and the server's id counters are moved past the highest. Everything arrives in one\n"
           "transaction or nothing does: before it is committed, each table is read back from the server\n"
           "and from the file, and its row count and checksum must agree. The move is recorded in the\n"
           "server's audit trail. Progress goes to standard error, the summary to standard output.\n"
           "Exit status 1, with the server unchanged, when the move is refused or fails.\n";
}

int run_migrate(const std::vector<std::string>& args, std::ostream& out) {
    Arguments a(args, {"json"}, {"from", "to", "password-from-env"});
    if (!a.positional().empty())
        throw UsageError("unexpected argument \"" + a.positional().front() + "\": give --from FILE and --to SERVER");
    const auto from = a.option("from");
    const auto to = a.option("to");
    if (!from) throw UsageError("--from FILE (the practice file to move) is required");
    if (!to) throw UsageError("--to SERVER (the clinic server to move it onto) is required");
    db::DatabaseUrl source_url, target_url;
    try {
        source_url = db::DatabaseUrl::parse(*from);
        target_url = db::DatabaseUrl::parse(*to);
    } catch (const ValidationError& e) {
        throw UsageError(e.what());
    }
    if (source_url.backend != db::Backend::sqlite)
        throw UsageError("--from names a practice file, not a clinic server");
    if (target_url.backend != db::Backend::postgresql)
        throw UsageError("--to names a clinic server (postgresql://USER@HOST:PORT/DBNAME), not a file");
    const std::string password = password_from(a);

    auto source = db::open_practice_to_move(source_url.target);
    auto target = db::Database::open(*to, db::OpenOptions{.password = password, .actor = "knotwork-cli"});
    std::cerr << "Moving " << source->display_name() << " onto the clinic server " << target->display_name()
              << "...\n";
    ProgressPrinter printer;
    const db::TransferReport r =
        db::transfer_practice(*source, *target, [&](const db::TransferProgress& p) { printer(p); });

    if (a.flag("json")) {
        JsonWriter w(out);
        w.begin_object()
            .field("from", r.source)
            .field("to", r.target)
            .field("schema_version", r.schema_version);
        w.key("tables").begin_array();
        for (const auto& t : r.tables)
            w.begin_object().field("table", t.table).field("rows", t.rows).field("checksum", t.checksum).end_object();
        w.end_array();
        w.field("rows", r.rows())
            .field("copy_seconds", r.copy_seconds)
            .field("verify_seconds", r.verify_seconds)
            .field("rows_per_second", r.rows_per_second())
            .field("audit_entry", r.audit_entry)
            .end_object();
        out << "\n";
        return 0;
    }
    out << "Moved " << r.source << " onto the clinic server " << r.target << " (schema version "
        << r.schema_version << ").\n";
    std::size_t width = 5;
    for (const auto& t : r.tables) width = std::max(width, t.table.size());
    out << "  " << std::left << std::setw(static_cast<int>(width)) << "table" << std::right << std::setw(12) << "rows"
        << "  checksum (FNV-1a 64)\n";
    for (const auto& t : r.tables)
        out << "  " << std::left << std::setw(static_cast<int>(width)) << t.table << std::right << std::setw(12)
            << grouped(t.rows) << "  " << t.checksum << "\n";
    out << "  " << r.tables.size() << " tables, " << grouped(r.rows()) << " rows: copied in "
        << seconds_text(r.copy_seconds) << " (" << rate_text(r.rows(), r.copy_seconds) << "), checked in "
        << seconds_text(r.verify_seconds) << ".\n"
        << "Every table read back from the server as the file holds it. The move is entry " << r.audit_entry
        << " of the server's audit trail.\n";
    return 0;
}

} // namespace knotwork::cli
