#pragma once
// A connection to one practice: an embedded SQLite file (the default) or a clinic server
// (PostgreSQL) shared by several workstations. Opening applies any pending migrations in one transaction, and refuses a file that is
// not a Knotwork practice or was written by a newer Knotwork. Writes that span rows go through a
// Transaction opened by the use case (the caller of the repositories); repositories refuse to
// write outside one.
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace soci {
class session;
class soci_error;
}

namespace knotwork::db {

enum class Backend { sqlite, postgresql };

struct DatabaseUrl {
    Backend backend = Backend::sqlite;
    std::string target; // file path (or ":memory:") for SQLite; connection string for PostgreSQL

    // Accepts "path/to/file.knotwork", "sqlite://path", "sqlite:path", ":memory:",
    // "postgresql://user@host:port/db" and libpq's key=value form ("host=… dbname=…").
    // Throws ValidationError("practice location", …).
    static DatabaseUrl parse(const std::string& url);
};

struct OpenOptions {
    bool create_if_missing = false; // otherwise a missing file is an error, not a new practice
    bool read_only = false;
    std::string password = {};      // clinic server only; never stored by the program
    std::string actor;              // who is at the keyboard, for the audit trail (a clinic
                                    // server records its own login name instead)
};

class Database {
public:
    // Throws knotwork::Error with a message a person can act on.
    static std::unique_ptr<Database> open(const std::string& url, const OpenOptions& options);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    soci::session& sql() { return *m_sql; }
    Backend backend() const noexcept { return m_url.backend; }
    const DatabaseUrl& url() const noexcept { return m_url; }
    // The practice file's path, or "user@host:port/dbname" for a clinic server: never a password.
    const std::string& display_name() const noexcept { return m_display_name; }

    // False for a front-desk account on a clinic server: the server refuses it notes, assessments
    // and plans' clinical parts, and the program does not offer them. Always true for a file.
    bool can_read_clinical() const noexcept { return m_can_read_clinical; }

    // Opened with OpenOptions::read_only, or SQLite could only open the file for reading: every
    // Transaction is refused with a StorageError saying so, before anything is attempted.
    bool is_read_only() const noexcept { return m_read_only; }

    const std::string& actor() const noexcept { return m_actor; }
    void set_actor(std::string actor) { m_actor = std::move(actor); }

    int schema_version();
    static int latest_schema_version();

    bool in_transaction() const noexcept { return m_transaction_depth > 0; }
    // Throws knotwork::Error unless a Transaction is open: called by every repository write.
    void require_transaction(const char* what) const;

    // The problems SQLite's integrity and foreign-key checks report; none on a clinic server,
    // which checks every constraint on every statement.
    std::vector<std::string> check_integrity();

    // Rethrows a failed statement as what a person should read: a StorageError (sqlite_storage.h)
    // when the disk is full, the file read-only, the disk failing or the file cannot be opened,
    // naming `what` was being done ("saving"); on a clinic server a PermissionError, a
    // ConflictError or an Error about the connection (postgresql_native.h); otherwise
    // Error(otherwise + ": " + the database's own text).
    [[noreturn]] void fail(const soci::soci_error& e, const std::string& what, const std::string& otherwise);

private:
    friend class Transaction;
    Database(DatabaseUrl url, std::string actor);
    static std::unique_ptr<Database> open_sqlite(const DatabaseUrl& url, const OpenOptions& options);
    static std::unique_ptr<Database> open_postgresql(const DatabaseUrl& url, const OpenOptions& options);
    void configure_sqlite(bool read_only);
    void migrate_sqlite();
    void migrate_postgresql();

    DatabaseUrl m_url;
    std::unique_ptr<soci::session> m_sql;
    std::string m_actor;
    std::string m_display_name;
    bool m_read_only = false;
    bool m_can_read_clinical = true;
    int m_transaction_depth = 0;
};

// One use case's unit of work. Rolls back unless commit() is called. Nested use is an error:
// SQLite transactions do not nest, so the outermost caller owns the transaction. Writers take
// turns on both backends: SQLite's BEGIN IMMEDIATE takes the file's write lock, and on a clinic
// server the transaction first takes the practice's advisory lock, so a use case that reads,
// checks (a clash, a version) and writes sees every workstation's committed work and no other
// writer can slip in between its check and its write.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& m_db;
    bool m_done = false;
};

} // namespace knotwork::db
