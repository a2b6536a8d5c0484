// Raw SQLite C API only: this file must not include SOCI's sqlite3 backend header.
#include "sql_replay.h"

#include <sqlite3.h>

#include <cstring>
#include <mutex>
#include <stdexcept>

namespace knotwork::bench {

namespace {

std::mutex g_mutex;
bool g_recording = false;
std::vector<std::string> g_statements;
sqlite3* g_replay = nullptr;

int on_trace(unsigned type, void*, void* p, void* x) {
    if (type != SQLITE_TRACE_STMT) return 0;
    std::lock_guard lock(g_mutex);
    if (!g_recording) return 0;
    // A statement run by a trigger arrives as "-- <trigger text>"; its statement replays it.
    const char* unexpanded = static_cast<const char*>(x);
    if (unexpanded && std::strncmp(unexpanded, "--", 2) == 0) return 0;
    if (char* sql = sqlite3_expanded_sql(static_cast<sqlite3_stmt*>(p))) {
        g_statements.emplace_back(sql);
        sqlite3_free(sql);
    }
    return 0;
}

int attach_trace(sqlite3* db, const char**, const sqlite3_api_routines*) {
    sqlite3_trace_v2(db, SQLITE_TRACE_STMT, on_trace, nullptr);
    return SQLITE_OK;
}

// Every connection opened in the process gets the (idle) tracer, so a recording can start
// before the connection it watches is opened.
const bool g_installed = [] {
    sqlite3_auto_extension(reinterpret_cast<void (*)(void)>(attach_trace));
    return true;
}();

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
    throw std::runtime_error(what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

sqlite3* open_like_the_practice(const std::string& file, bool configure = true) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        const std::string message = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close(db);
        throw std::runtime_error("cannot open " + file + ": " + message);
    }
    if (!configure) return db; // the recorded statements configure it, as Knotwork did
    const char* setup = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; "
                        "PRAGMA synchronous = NORMAL;";
    if (sqlite3_exec(db, setup, nullptr, nullptr, nullptr) != SQLITE_OK) fail(db, "cannot configure " + file);
    return db;
}

void run(sqlite3* db, const std::vector<std::string>& statements, ReplayResult& result) {
    std::string text;
    for (const auto& sql : statements) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &st, nullptr) != SQLITE_OK)
            fail(db, "cannot prepare " + sql);
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            ++result.rows;
            const int columns = sqlite3_column_count(st);
            for (int c = 0; c < columns; ++c) {
                switch (sqlite3_column_type(st, c)) {
                case SQLITE_INTEGER: result.bytes += sqlite3_column_int64(st, c) & 1; break;
                case SQLITE_FLOAT: result.bytes += sqlite3_column_double(st, c) > 0 ? 1 : 0; break;
                case SQLITE_TEXT: {
                    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, c));
                    text.assign(p, static_cast<std::size_t>(sqlite3_column_bytes(st, c)));
                    result.bytes += static_cast<long long>(text.size());
                    break;
                }
                case SQLITE_BLOB: result.bytes += sqlite3_column_bytes(st, c); break;
                default: break;
                }
            }
        }
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE) fail(db, "cannot run " + sql);
    }
}

} // namespace

Recording::Recording() {
    (void)g_installed;
    std::lock_guard lock(g_mutex);
    g_statements.clear();
    g_recording = true;
}

Recording::~Recording() {
    std::lock_guard lock(g_mutex);
    g_recording = false;
}

std::vector<std::string> Recording::statements() const {
    std::lock_guard lock(g_mutex);
    return g_statements;
}

ReplayResult replay(const std::string& file, const std::vector<std::string>& statements, bool include_open) {
    ReplayResult result;
    if (include_open) {
        sqlite3* db = open_like_the_practice(file, false);
        try {
            run(db, statements, result);
        } catch (...) {
            sqlite3_close(db);
            throw;
        }
        sqlite3_close(db);
        return result;
    }
    if (!g_replay) g_replay = open_like_the_practice(file);
    run(g_replay, statements, result);
    return result;
}

std::string query_text(const std::string& file, const std::string& sql) {
    sqlite3* db = open_like_the_practice(file);
    sqlite3_stmt* st = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
        const std::string message = sqlite3_errmsg(db);
        sqlite3_close(db);
        throw std::runtime_error("cannot prepare " + sql + ": " + message);
    }
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
        out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

void close_replay_connection() {
    if (g_replay) sqlite3_close(g_replay);
    g_replay = nullptr;
}

} // namespace knotwork::bench
