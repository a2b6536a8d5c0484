#include "database.h"

#include "common/dates.h"
#include "common/error.h"
#include "migrations.h"
#include "postgresql_native.h"
#include "sqlite_handle.h"
#include "sqlite_native.h"
#include "sqlite_storage.h"

#include <soci/postgresql/soci-postgresql.h>
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

// libpq's key=value form: "host=server dbname=clinic user=mara". A file name holding '=' is still a
// file unless its first word is one of libpq's own keywords.
bool looks_like_conninfo(const std::string& url) {
    static constexpr std::string_view keywords[] = {"host=",    "hostaddr=", "port=",    "dbname=",
                                                    "user=",    "service=",  "sslmode=", "connect_timeout="};
    for (auto k : keywords)
        if (starts_with(url, k)) return true;
    return false;
}

} // namespace

void Database::fail(const soci::soci_error& e, const std::string& what, const std::string& otherwise) {
    if (m_url.backend == Backend::postgresql) {
        postgresql::raise_if_known(postgresql::sqlstate_of(e), e.get_error_message(), what, m_display_name);
        throw Error(otherwise + ": " + e.get_error_message());
    }
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
    } else if (looks_like_conninfo(url)) {
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
    const DatabaseUrl parsed = DatabaseUrl::parse(url);
    return parsed.backend == Backend::postgresql ? open_postgresql(parsed, options) : open_sqlite(parsed, options);
}

std::unique_ptr<Database> Database::open_postgresql(const DatabaseUrl& parsed, const OpenOptions& options) {
    const std::string server = postgresql::display_name(parsed.target);
    const std::string connect = postgresql::connect_string(parsed.target, options.password);
    std::unique_ptr<Database> db(new Database(parsed, "unknown"));
    db->m_display_name = server;
    try {
        db->m_sql->open(soci::postgresql, connect);
    } catch (const soci::soci_error& e) {
        std::string why = e.get_error_message();
        while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
        throw Error("Cannot connect to the clinic server " + server + ": " + why);
    }
    try {
        if (options.read_only) *db->m_sql << "SET default_transaction_read_only = on";
        db->m_read_only = options.read_only;
        if (!options.read_only) db->migrate_postgresql();
        const int version = db->schema_version();
        if (version > latest_schema_version())
            throw Error("The clinic server " + server + " was set up by a newer Knotwork (schema " +
                        std::to_string(version) + "). Update Knotwork to connect to it.");
        if (version < latest_schema_version())
            throw Error("The clinic server " + server + " holds no Knotwork practice, or an older one that a read-only "
                        "connection cannot upgrade.");
        // The server records who signs in, whatever name the program was given: the audit trail
        // shows the account that made each change.
        std::string user;
        *db->m_sql << "SELECT session_user", soci::into(user);
        db->m_actor = user;
        // The role boundary lives in the server's grants; ask the server rather than keep a copy.
        int clinical = 0;
        *db->m_sql << "SELECT CASE WHEN has_column_privilege(quote_ident(current_schema()) || '.sessions', 'subjective', 'SELECT') "
                      "THEN 1 ELSE 0 END",
            soci::into(clinical);
        db->m_can_read_clinical = clinical == 1;
    } catch (const soci::soci_error& e) {
        db->fail(e, "opening the practice", "Cannot use the clinic server " + server);
    }
    return db;
}

std::unique_ptr<Database> Database::open_sqlite(const DatabaseUrl& parsed, const OpenOptions& options) {
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
    db->m_display_name = parsed.target;
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
        db->migrate_sqlite();
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
    if (m_url.backend == Backend::postgresql)
        *m_sql << "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() "
                  "AND table_name = 'schema_migrations'",
            soci::into(has_table);
    else
        *m_sql << "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
            soci::into(has_table);
    if (has_table == 0) return 0;
    int version = 0;
    soci::indicator ind = soci::i_ok;
    *m_sql << "SELECT max(version) FROM schema_migrations", soci::into(version, ind);
    return ind == soci::i_null ? 0 : version;
}

void Database::migrate_postgresql() {
    const auto scripts = postgresql_migrations();
    int table_count = 0;
    *m_sql << "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()",
        soci::into(table_count);
    int current = schema_version();
    if (current == 0 && table_count > 0)
        throw Error("The database on " + m_display_name + " holds tables that are not a Knotwork practice. "
                    "Connect to an empty database, or one set up by Knotwork.");
    if (current >= latest_schema_version()) return;

    // Every pending migration in one transaction, and one workstation at a time: the first to
    // connect sets the practice up, the others wait for it and find it done.
    try {
        postgresql::exec_script(*m_sql, "BEGIN; SELECT pg_advisory_xact_lock(hashtext('knotwork-migrate:' || "
                                        "current_schema()))");
        current = schema_version();
        if (current == 0) {
            postgresql::exec_script(*m_sql, "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, "
                                            "name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        }
        for (const auto& m : scripts) {
            if (m.version <= current) continue;
            postgresql::exec_script(*m_sql, std::string(m.sql));
            postgresql::exec_script(*m_sql, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (" +
                                                std::to_string(m.version) + ", '" + std::string(m.name) + "', '" +
                                                to_iso(now_utc()) + "')");
        }
        postgresql::exec_script(*m_sql, "COMMIT");
    } catch (const Error& e) {
        try {
            postgresql::exec_script(*m_sql, "ROLLBACK");
        } catch (const Error&) {
        }
        throw Error("Cannot set up or upgrade the practice on the clinic server " + m_display_name + ": " + e.what() +
                    ". The account that does this needs to own the database (and may create the roles "
                    "knotwork_therapist and knotwork_front_desk): ask the practice's administrator.");
    }
}

void Database::migrate_sqlite() {
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
    if (m_url.backend == Backend::postgresql) return problems;
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
    if (m_db.m_read_only) {
        if (m_db.backend() == Backend::postgresql)
            throw Error("This connection to the clinic server " + m_db.m_display_name + " is read-only.");
        throw *storage_error_for(SQLITE_READONLY, "saving", m_db.m_url.target, {});
    }
    if (m_db.backend() == Backend::postgresql) {
        try {
            *m_db.m_sql << "BEGIN";
            *m_db.m_sql << "SELECT pg_advisory_xact_lock(hashtext('knotwork-write:' || current_schema()))";
        } catch (const soci::soci_error& e) {
            try {
                *m_db.m_sql << "ROLLBACK";
            } catch (...) {
            }
            m_db.fail(e, "starting to save", "The clinic server cannot take changes now");
        }
        ++m_db.m_transaction_depth;
        return;
    }
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
