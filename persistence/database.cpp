#include "database.h"

#include "common/dates.h"
#include "common/error.h"
#include "migrations.h"
#include "sqlite_handle.h"
#include "sqlite_native.h"
#include "sqlite_storage.h"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>
#include <sys/stat.h>

namespace knotwork::db {

namespace {

// PRAGMA application_id marks a SQLite file as a Knotwork practice ("KNOT").
constexpr long knotwork_application_id = 0x4B4E4F54;

bool starts_with(const std::string& s, std::string_view prefix) {
    return s.compare(0, prefix.size(), prefix) == 0;
}

bool looks_like_sqlite(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    char header[16] = {};
    in.read(header, sizeof header);
    return in.gcount() == 16 && std::string_view(header, 15) == "SQLite format 3";
}

// SOCI's connection string is space-separated key=value; quote the path so spaces survive.
// `immutable` opens a file on read-only media, where SQLite could not create its WAL index.
std::string sqlite_connect_string(const std::string& path, bool read_only, bool immutable) {
    const std::string name = immutable ? sqlite_file_uri(path, "immutable=1") : path;
    std::string quoted = "\"";
    for (char c : name) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return "dbname=" + quoted + " timeout=10" + (read_only ? " readonly=true" : "");
}

// SQLite's code behind a SOCI error: the connection's last extended code when it has one, else
// the code the backend put in the exception.
int sqlite_code_of(soci::session* sql, const soci::soci_error& e) {
    int code = 0;
    if (sql && sql->get_backend()) code = last_error_code(native_sqlite_handle(*sql));
    if (const auto* s = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) {
        if (code == 0 || (code & 0xff) != (s->result() & 0xff)) code = s->result();
    }
    return code;
}

} // namespace

void Database::fail(const soci::soci_error& e, const std::string& what, const std::string& otherwise) {
    // SQLite's own short text, not SOCI's, which quotes the statement and the values bound to it.
    if (auto storage = storage_error_for(sqlite_code_of(m_sql.get(), e), what, m_url.target, {})) throw *storage;
    throw Error(otherwise + ": " + e.get_error_message());
}

DatabaseUrl DatabaseUrl::parse(const std::string& url) {
    if (url.empty()) throw ValidationError("practice location", "is empty");
    DatabaseUrl u;
    if (starts_with(url, "postgresql://") || starts_with(url, "postgres://")) {
        u.backend = Backend::postgresql;
        u.target = url;
    } else if (starts_with(url, "sqlite://")) {
        u.target = url.substr(9);
    } else if (starts_with(url, "sqlite:")) {
        u.target = url.substr(7);
    } else {
        u.target = url;
    }
    if (u.target.empty()) throw ValidationError("practice location", "names no file");
    return u;
}

Database::Database(DatabaseUrl url, std::string actor)
    : m_url(std::move(url)), m_sql(std::make_unique<soci::session>()), m_actor(std::move(actor)) {}

Database::~Database() = default;

std::unique_ptr<Database> Database::open(const std::string& url, const OpenOptions& options) {
    DatabaseUrl parsed = DatabaseUrl::parse(url);
    if (parsed.backend == Backend::postgresql)
        throw Error("Clinic servers (PostgreSQL) are not supported by this version of Knotwork yet; "
                    "open a practice file instead.");

    const bool in_memory = parsed.target == ":memory:";
    const std::filesystem::path path(parsed.target);
    bool is_new = in_memory;
    if (!in_memory) {
        std::error_code ec;
        const bool exists = std::filesystem::exists(path, ec);
        if (!exists) {
            if (!options.create_if_missing)
                throw Error("There is no practice file at " + parsed.target + ".");
            if (options.read_only) throw Error("Cannot create a practice file in read-only mode.");
            const auto parent = path.parent_path();
            if (!parent.empty() && !std::filesystem::is_directory(parent, ec))
                throw Error("The folder " + parent.string() + " does not exist.");
            is_new = true;
        } else if (std::filesystem::is_directory(path, ec)) {
            throw Error(parsed.target + " is a folder, not a practice file.");
        } else if (std::filesystem::file_size(path, ec) > 0 && !looks_like_sqlite(path)) {
            throw Error(parsed.target + " is not a Knotwork practice file.");
        } else if (std::filesystem::file_size(path, ec) == 0 && !options.read_only) {
            is_new = true; // an empty file becomes a new practice, owner-only like any other
        }
    }

    // SQLite keeps a WAL index beside the file, which read-only media cannot take: a file there
    // opens read-only as it stands (immutable), or not at all when a WAL left over from a crash
    // holds changes that only a writable folder can bring in.
    bool immutable = false;
    if (!in_memory && on_read_only_media(path.parent_path().string())) {
        std::error_code ec;
        const bool unfinished = std::filesystem::file_size(parsed.target + "-wal", ec) > 0 && !ec;
        if (unfinished || !options.read_only) throw read_only_media_error(parsed.target, unfinished);
        immutable = true;
    }

    std::unique_ptr<Database> db(new Database(parsed, options.actor.empty() ? "unknown" : options.actor));
    try {
        db->m_sql->open(soci::sqlite3, sqlite_connect_string(parsed.target, options.read_only, immutable));
    } catch (const soci::soci_error& e) {
        if (auto storage = storage_error_for(sqlite_code_of(nullptr, e), "opening it", parsed.target, {}))
            throw *storage;
        throw Error("Cannot open " + parsed.target + ": " + e.get_error_message());
    }
    if (is_new && !in_memory) ::chmod(parsed.target.c_str(), 0600); // clinical records: owner only
    db->configure_sqlite(options.read_only);
    db->m_read_only = options.read_only || (!in_memory && opened_read_only(native_sqlite_handle(*db->m_sql)));
    if (options.read_only) {
        const int version = db->schema_version();
        if (version > latest_schema_version())
            throw Error(parsed.target + " was written by a newer Knotwork (schema " + std::to_string(version) +
                        "). Update Knotwork to open it.");
        if (version < latest_schema_version())
            throw Error(parsed.target + " needs upgrading, which a read-only open cannot do.");
    } else {
        db->migrate();
    }
    return db;
}

void Database::configure_sqlite(bool read_only) {
    try {
        *m_sql << "PRAGMA foreign_keys = ON";
        *m_sql << "PRAGMA busy_timeout = 10000";
        if (!read_only && m_url.target != ":memory:") {
            // Switching a new file to WAL needs it to itself for a moment, and SQLite reports a
            // second program opening it at that moment as busy without waiting: wait here, as the
            // busy timeout would.
            const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
            for (;;) {
                try {
                    std::string mode;
                    *m_sql << "PRAGMA journal_mode = WAL", soci::into(mode);
                    break;
                } catch (const soci::soci_error& e) {
                    const int code = sqlite_code_of(m_sql.get(), e) & 0xff;
                    if ((code != SQLITE_BUSY && code != SQLITE_LOCKED) ||
                        std::chrono::steady_clock::now() > give_up)
                        throw;
                    std::this_thread::sleep_for(std::chrono::milliseconds(20));
                }
            }
        }
        *m_sql << "PRAGMA synchronous = NORMAL";
        // A transaction's pages stay in memory until COMMIT, however many there are: the file is
        // written only there, so a full or failing disk shows up in Transaction::commit(), which
        // says so plainly, never half-way through a repository's statement.
        *m_sql << "PRAGMA cache_spill = OFF";
    } catch (const soci::soci_error& e) {
        fail(e, "opening it", "Cannot use " + m_url.target + " as a practice file");
    }
}

int Database::latest_schema_version() {
    int latest = 0;
    for (const auto& m : sqlite_migrations()) latest = std::max(latest, m.version);
    return latest;
}

int Database::schema_version() {
    int has_table = 0;
    *m_sql << "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
        soci::into(has_table);
    if (has_table == 0) return 0;
    int version = 0;
    soci::indicator ind = soci::i_ok;
    *m_sql << "SELECT max(version) FROM schema_migrations", soci::into(version, ind);
    return ind == soci::i_null ? 0 : version;
}

void Database::migrate() {
    long app_id = 0;
    int table_count = 0;
    *m_sql << "PRAGMA application_id", soci::into(app_id);
    *m_sql << "SELECT count(*) FROM sqlite_master WHERE type = 'table'", soci::into(table_count);
    int current = schema_version();
    if (app_id != knotwork_application_id && table_count > 0)
        throw Error(m_url.target + " is not a Knotwork practice file.");
    if (current > latest_schema_version())
        throw Error(m_url.target + " was written by a newer Knotwork (schema " + std::to_string(current) +
                    "; this program knows up to " + std::to_string(latest_schema_version()) +
                    "). Update Knotwork to open it.");
    if (current == latest_schema_version()) return;

    // Every pending migration in one transaction: a failure leaves the file as it was.
    sqlite3* handle = native_sqlite_handle(*m_sql);
    try {
        sqlite_native::exec_script(handle, "BEGIN IMMEDIATE");
        // Another program may have set up or upgraded the file while this one waited for the lock.
        current = schema_version();
        if (current > latest_schema_version())
            throw Error(m_url.target + " was upgraded by a newer Knotwork meanwhile.");
        if (current == latest_schema_version()) {
            sqlite_native::exec_script(handle, "COMMIT");
            return;
        }
        if (current == 0) {
            sqlite_native::exec_script(handle, "PRAGMA application_id = " + std::to_string(knotwork_application_id) +
                                                   ";\nCREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, "
                                                   "name TEXT NOT NULL, applied_at TEXT NOT NULL);");
        }
        for (const auto& m : sqlite_migrations()) {
            if (m.version <= current) continue;
            sqlite_native::exec_script(handle, std::string(m.sql));
            sqlite_native::exec_script(handle, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (" +
                                                   std::to_string(m.version) + ", '" + std::string(m.name) + "', '" +
                                                   to_iso(now_utc()) + "')");
        }
        sqlite_native::exec_script(handle, "COMMIT");
    } catch (const std::exception& e) {
        const int code = last_error_code(handle);
        try {
            sqlite_native::exec_script(handle, "ROLLBACK");
        } catch (const Error&) {
        }
        if (auto storage = storage_error_for(code, "upgrading it", m_url.target, {})) throw *storage;
        throw Error("Cannot upgrade " + m_url.target + ": " + e.what());
    }
}

void Database::require_transaction(const char* what) const {
    if (m_transaction_depth == 0)
        throw Error(std::string("internal error: ") + what + " must run inside a transaction");
}

std::vector<std::string> Database::check_integrity() {
    std::vector<std::string> problems;
    soci::rowset<std::string> rows = (m_sql->prepare << "PRAGMA integrity_check");
    for (const auto& r : rows)
        if (r != "ok") problems.push_back(r);
    soci::rowset<soci::row> fk = (m_sql->prepare << "PRAGMA foreign_key_check");
    for (const auto& r : fk) problems.push_back("foreign key violation in table " + r.get<std::string>(0));
    return problems;
}

Transaction::Transaction(Database& db) : m_db(db) {
    if (m_db.m_transaction_depth > 0)
        throw Error("internal error: a transaction is already open (transactions do not nest)");
    // SQLite would let a read-only connection begin, and refuse only the first write, deep in a
    // repository: say it here, plainly, before anything is attempted.
    if (m_db.m_read_only) throw *storage_error_for(SQLITE_READONLY, "saving", m_db.m_url.target, {});
    try {
        // IMMEDIATE takes the write lock now, so a busy file waits here rather than failing later.
        *m_db.m_sql << "BEGIN IMMEDIATE";
    } catch (const soci::soci_error& e) {
        m_db.fail(e, "starting to save", "The practice file is busy or cannot be written");
    }
    ++m_db.m_transaction_depth;
}

Transaction::~Transaction() {
    if (m_done) return;
    try {
        *m_db.m_sql << "ROLLBACK";
    } catch (...) {
    }
    --m_db.m_transaction_depth;
}

void Transaction::commit() {
    if (m_done) throw Error("internal error: transaction already finished");
    try {
        *m_db.m_sql << "COMMIT";
    } catch (const soci::soci_error& e) {
        m_db.fail(e, "saving", "Saving failed");
    }
    m_done = true;
    --m_db.m_transaction_depth;
}

} // namespace knotwork::db
