#pragma once
// A connection to one practice: an embedded SQLite file (the default) or, later, a clinic
// server. Opening applies any pending migrations in one transaction, and refuses a file that is
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

    // Accepts "path/to/file.knotwork", "sqlite://path", "sqlite:path", ":memory:" and
    // "postgresql://user@host:port/db". Throws ValidationError("practice location", …).
    static DatabaseUrl parse(const std::string& url);
};

struct OpenOptions {
    bool create_if_missing = false; // otherwise a missing file is an error, not a new practice
    bool read_only = false;
    std::string actor;              // who is at the keyboard, for the audit trail
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

    // "ok" or the problems SQLite's integrity and foreign-key checks report.
    std::vector<std::string> check_integrity();

    // Rethrows a failed statement as what a person should read: a StorageError (sqlite_storage.h)
    // when the disk is full, the file read-only, the disk failing or the file cannot be opened,
    // naming `what` was being done ("saving"); otherwise Error(otherwise + ": " + SQLite's text).
    [[noreturn]] void fail(const soci::soci_error& e, const std::string& what, const std::string& otherwise);

private:
    friend class Transaction;
    Database(DatabaseUrl url, std::string actor);
    void configure_sqlite(bool read_only);
    void migrate();

    DatabaseUrl m_url;
    std::unique_ptr<soci::session> m_sql;
    std::string m_actor;
    bool m_read_only = false;
    int m_transaction_depth = 0;
};

// One use case's unit of work. Rolls back unless commit() is called. Nested use is an error:
// SQLite transactions do not nest, so the outermost caller owns the transaction.
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
