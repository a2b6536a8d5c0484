#include "restore.h"

#include "audit_log.h"
#include "backup.h"
#include "common/error.h"
#include "database.h"

#include <sqlite3.h>

#include <boost/date_time/posix_time/conversion.hpp>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace knotwork::db {

namespace fs = std::filesystem;

namespace {

// PRAGMA application_id of a Knotwork practice ("KNOT"), as Database::open writes it.
constexpr std::int64_t knotwork_application_id = 0x4B4E4F54;

// One raw SQLite connection, closed when it goes away. Used where a SOCI session (and
// Database::open, which migrates) must not touch the file: reading a backup as it is, and
// locking the practice being replaced.
class RawConnection {
  public:
    RawConnection(const std::string& file, int flags) {
        m_rc = sqlite3_open_v2(file.c_str(), &m_handle, flags, nullptr);
    }
    ~RawConnection() { sqlite3_close(m_handle); }
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    bool opened() const noexcept { return m_rc == SQLITE_OK; }
    std::string message() const { return m_handle ? sqlite3_errmsg(m_handle) : "out of memory"; }
    int code() const noexcept { return m_handle ? sqlite3_errcode(m_handle) : m_rc; }

    // Runs `sql`, collecting the first column of every row as text. Returns SQLite's result code.
    int run(const std::string& sql, std::vector<std::string>* rows = nullptr) {
        sqlite3_stmt* st = nullptr;
        int rc = sqlite3_prepare_v2(m_handle, sql.c_str(), -1, &st, nullptr);
        if (rc != SQLITE_OK) return rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            if (rows) {
                const auto* text = sqlite3_column_text(st, 0);
                rows->push_back(text ? reinterpret_cast<const char*>(text) : "");
            }
        }
        sqlite3_finalize(st);
        return rc == SQLITE_DONE ? SQLITE_OK : rc;
    }

    // The single integer `sql` returns (0 for NULL); throws knotwork::Error naming `what`.
    std::int64_t integer(const std::string& sql, const std::string& what) {
        std::vector<std::string> rows;
        if (run(sql, &rows) != SQLITE_OK) throw Error("cannot read " + what + ": " + message());
        return rows.empty() || rows.front().empty() ? 0 : std::stoll(rows.front());
    }

    sqlite3* handle() const noexcept { return m_handle; }

  private:
    sqlite3* m_handle = nullptr;
    int m_rc = SQLITE_OK;
};

bool starts_with_sqlite_header(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    char header[16] = {};
    in.read(header, sizeof header);
    return in.gcount() == 16 && std::string_view(header, 15) == "SQLite format 3";
}

// "file:" URI that reads `file` as it is on the disk (immutable: no locks, no -wal or -shm made
// beside it), every byte outside the unreserved set percent-encoded.
std::string immutable_uri(const fs::path& file) {
    static const char hex[] = "0123456789ABCDEF";
    std::string uri = "file:";
    for (unsigned char c : fs::absolute(file).string()) {
        if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
            uri += static_cast<char>(c);
        } else {
            uri += '%';
            uri += hex[c >> 4];
            uri += hex[c & 15];
        }
    }
    return uri + "?immutable=1";
}

DateTime modification_time(const fs::path& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) return DateTime(boost::posix_time::not_a_date_time);
    return boost::posix_time::from_time_t(st.st_mtime);
}

PracticeStatistics count_records(RawConnection& c) {
    PracticeStatistics s;
    s.clients = c.integer("SELECT count(*) FROM clients", "the clients");
    s.archived_clients = c.integer("SELECT count(archived_on) FROM clients", "the clients");
    s.assessments = c.integer("SELECT count(*) FROM assessments", "the assessments");
    s.plans = c.integer("SELECT count(*) FROM treatment_plans", "the treatment plans");
    s.active_plans =
        c.integer("SELECT count(*) FROM treatment_plans WHERE status = 'active'", "the treatment plans");
    s.sessions = c.integer("SELECT count(*) FROM sessions", "the sessions");
    s.signed_notes = c.integer("SELECT count(signed_at) FROM sessions", "the sessions");
    s.unsigned_completed = c.integer(
        "SELECT count(*) FROM sessions WHERE status = 'completed' AND signed_at IS NULL", "the sessions");
    s.amendments = c.integer("SELECT count(*) FROM note_amendments", "the amendments");
    s.audit_entries = c.integer("SELECT count(*) FROM audit_log", "the audit trail");
    return s;
}

// Removes a file on every way out unless kept.
class TemporaryFile {
  public:
    explicit TemporaryFile(fs::path path) : m_path(std::move(path)) {}
    ~TemporaryFile() {
        if (m_path.empty()) return;
        std::error_code ec;
        fs::remove(m_path, ec);
        fs::remove(m_path.string() + "-journal", ec);
    }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    const fs::path& path() const noexcept { return m_path; }
    void keep() { m_path.clear(); }

  private:
    fs::path m_path;
};

// Copies `from` byte for byte into the open, empty file `fd` and flushes it to the disk.
void copy_into(const fs::path& from, int fd, const fs::path& to) {
    const int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
    if (in < 0) throw Error("Cannot read " + from.string() + ": " + std::strerror(errno) + ".");
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(in, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int error = errno;
            ::close(in);
            throw Error("Cannot read " + from.string() + ": " + std::strerror(error) + ".");
        }
        if (n == 0) break;
        for (ssize_t done = 0; done < n;) {
            const ssize_t w = ::write(fd, buffer + done, static_cast<std::size_t>(n - done));
            if (w < 0) {
                if (errno == EINTR) continue;
                const int error = errno;
                ::close(in);
                throw Error("Cannot write " + to.string() + ": " + std::strerror(error) + ".");
            }
            done += w;
        }
    }
    ::close(in);
    if (::fsync(fd) != 0)
        throw Error("Cannot write " + to.string() + " to the disk: " + std::strerror(errno) + ".");
}

// A new owner-only file beside `practice` holding a copy of `backup`.
fs::path stage_copy(const fs::path& backup, const fs::path& folder, const fs::path& practice) {
    std::string pattern = (folder / ("." + practice.filename().string() + ".restoring-XXXXXX")).string();
    const int fd = ::mkstemp(pattern.data()); // 0600
    if (fd < 0)
        throw Error("Cannot write in the folder " + folder.string() + ": " + std::strerror(errno) +
                    ". Nothing was changed.");
    try {
        ::fchmod(fd, 0600);
        copy_into(backup, fd, pattern);
    } catch (...) {
        ::close(fd);
        ::unlink(pattern.c_str());
        throw;
    }
    ::close(fd);
    return pattern;
}

// The copy becomes one self-contained file (rollback journal), as backup_practice writes them.
void make_self_contained(const fs::path& copy, const fs::path& shown_as) {
    RawConnection c(copy.string(), SQLITE_OPEN_READWRITE);
    if (!c.opened() || c.run("PRAGMA journal_mode = DELETE") != SQLITE_OK)
        throw Error(shown_as.string() + " cannot be restored: " + c.message() + ". Nothing was changed.");
}

// Holds the practice being replaced so that nobody else can use it meanwhile, after moving
// everything its WAL holds into the file itself.
class PracticeLock {
  public:
    explicit PracticeLock(const fs::path& practice) : m_connection(practice.string(), SQLITE_OPEN_READWRITE) {
        if (!m_connection.opened())
            throw Error("Cannot open " + practice.string() + ": " + m_connection.message() +
                        ". Nothing was changed.");
        sqlite3_busy_timeout(m_connection.handle(), 2000); // let a save in progress finish
        int rc = m_connection.run("PRAGMA locking_mode = EXCLUSIVE");
        if (rc == SQLITE_OK) rc = m_connection.run("BEGIN EXCLUSIVE");
        if (rc == SQLITE_OK) rc = m_connection.run("COMMIT");
        const int primary = rc & 0xff;
        if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
            throw Error(practice.string() +
                        " is open in Knotwork or another program. Close it there, then restore again. "
                        "Nothing was changed.");
        if (rc != SQLITE_OK) {
            // A practice so damaged that SQLite cannot read it: no program can be using it, and
            // the restore is what it needs. It is kept aside as it is.
            return;
        }
        // Everything committed goes into the file itself, so the file kept aside is whole and no
        // -wal of the old practice is left for the new file to pick up.
        m_connection.run("PRAGMA wal_checkpoint(TRUNCATE)");
        m_connection.run("PRAGMA journal_mode = DELETE");
    }

  private:
    RawConnection m_connection;
};

} // namespace

std::string file_stamp(DateTime local) {
    if (local.is_special()) throw Error("internal error: a file name needs a date and time");
    char text[64];
    const auto d = local.date();
    const auto t = local.time_of_day();
    std::snprintf(text, sizeof text, "%04d%02d%02d-%02d%02d%02d", static_cast<int>(d.year()),
                  static_cast<int>(d.month()), static_cast<int>(d.day()), static_cast<int>(t.hours()),
                  static_cast<int>(t.minutes()), static_cast<int>(t.seconds()));
    return text;
}

std::optional<std::string> BackupInspection::refusal() const {
    const std::string name = file.string();
    if (pending_wal)
        return name +
               " has changes not yet written into it (a -wal file beside it): it is open in a program, or "
               "was copied while open. Close that program, or open the file in Knotwork once, then restore "
               "again.";
    if (!is_knotwork)
        return name + " is not a Knotwork practice or backup (it is a database of another program). "
                      "Choose a Knotwork backup.";
    if (schema_version > program_schema_version)
        return name + " was written by a newer Knotwork (schema version " + std::to_string(schema_version) +
               "; this program knows up to version " + std::to_string(program_schema_version) +
               "). Update Knotwork, then restore.";
    if (schema_version <= 0) return name + " holds no practice. Choose another backup.";
    if (!problems.empty()) {
        std::string message = name + " is damaged: " + problems.front();
        if (problems.size() > 1)
            message += " (and " + std::to_string(problems.size() - 1) + " more problems)";
        return message + ". Choose another backup.";
    }
    if (!statistics) return name + " cannot be read as a practice. Choose another backup.";
    return std::nullopt;
}

BackupInspection inspect_backup(const fs::path& file) {
    std::error_code ec;
    if (!fs::exists(file, ec)) throw Error("There is no backup file at " + file.string() + ".");
    if (fs::is_directory(file, ec)) throw Error(file.string() + " is a folder, not a backup file.");
    if (!starts_with_sqlite_header(file))
        throw Error(file.string() + " is not a Knotwork practice or backup: it is not a database at all.");

    BackupInspection inspection;
    inspection.file = file;
    inspection.program_schema_version = Database::latest_schema_version();
    inspection.written_at = modification_time(file);

    // Changes still waiting in a -wal beside the file would be missed by reading the file alone.
    const fs::path wal = file.string() + "-wal";
    inspection.pending_wal = fs::exists(wal, ec) && fs::file_size(wal, ec) > 0;

    RawConnection c(immutable_uri(file), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
    if (!c.opened()) throw Error("Cannot read " + file.string() + ": " + c.message() + ".");
    std::vector<std::string> rows;
    if (c.run("PRAGMA application_id", &rows) != SQLITE_OK) {
        inspection.problems.push_back(c.message());
        return inspection;
    }
    inspection.is_knotwork = !rows.empty() && std::stoll(rows.front()) == knotwork_application_id;
    if (!inspection.is_knotwork) return inspection;

    try {
        if (c.integer(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
                "the schema version") > 0)
            inspection.schema_version = static_cast<int>(
                c.integer("SELECT max(version) FROM schema_migrations", "the schema version"));
    } catch (const Error& e) {
        inspection.problems.push_back(e.what());
        return inspection;
    }

    rows.clear();
    if (c.run("PRAGMA integrity_check", &rows) != SQLITE_OK) inspection.problems.push_back(c.message());
    for (const auto& r : rows)
        if (r != "ok") inspection.problems.push_back(r);
    rows.clear();
    if (c.run("PRAGMA foreign_key_check", &rows) != SQLITE_OK) inspection.problems.push_back(c.message());
    for (const auto& table : rows)
        inspection.problems.push_back("foreign key violation in table " + table);

    if (inspection.schema_version > 0 && inspection.schema_version <= inspection.program_schema_version) {
        try {
            inspection.statistics = count_records(c);
            rows.clear();
            if (c.run("SELECT max(at) FROM audit_log", &rows) == SQLITE_OK && !rows.empty() &&
                !rows.front().empty())
                inspection.last_change = parse_date_time("last change", rows.front());
        } catch (const Error& e) {
            inspection.statistics.reset();
            inspection.problems.push_back(e.what());
        }
    }
    return inspection;
}

fs::path kept_aside_path(const fs::path& practice, DateTime local_stamp) {
    const std::string base = practice.stem().string() + ".before-restore-" + file_stamp(local_stamp);
    fs::path candidate = practice.parent_path() / (base + ".knotwork");
    for (int n = 2; fs::exists(candidate) || fs::exists(candidate.string() + "-wal"); ++n)
        candidate = practice.parent_path() / (base + "-" + std::to_string(n) + ".knotwork");
    return candidate;
}

RestoreResult restore_practice(const fs::path& practice, const fs::path& backup,
                               const RestoreOptions& options) {
    std::error_code ec;
    if (practice.empty()) throw Error("Name the practice file to restore.");
    const fs::path folder = fs::absolute(practice).parent_path();
    if (!fs::is_directory(folder, ec)) throw Error("The folder " + folder.string() + " does not exist.");
    if (fs::is_directory(practice, ec)) throw Error(practice.string() + " is a folder, not a practice file.");
    const bool replacing = fs::exists(practice, ec);
    if (replacing && fs::exists(backup, ec) && fs::equivalent(practice, backup, ec))
        throw Error(backup.string() + " is the practice itself. Choose a backup file.");

    // What is checked is exactly what will be put in place: a copy beside the practice.
    RestoreResult result;
    result.backup = inspect_backup(backup);
    if (auto refusal = result.backup.refusal()) throw Error(*refusal + " Nothing was changed.");
    TemporaryFile staged(stage_copy(backup, folder, practice));
    make_self_contained(staged.path(), backup);
    {
        BackupInspection copy = inspect_backup(staged.path());
        copy.file = backup;
        if (auto refusal = copy.refusal()) throw Error(*refusal + " Nothing was changed.");
    }
    sync_to_disk(staged.path());

    std::optional<PracticeLock> lock;
    if (replacing && fs::file_size(practice, ec) > 0) lock.emplace(practice);

    if (replacing) {
        // The replaced practice keeps its name in the folder under a second name, so at every
        // moment the practice's own name holds a whole file: first the old one, then the new.
        const fs::path aside = kept_aside_path(practice, options.local_stamp);
        if (::link(practice.c_str(), aside.c_str()) != 0) {
            const int fd = ::open(aside.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
            if (fd < 0)
                throw Error("Cannot keep the replaced practice as " + aside.string() + ": " +
                            std::strerror(errno) + ". Nothing was changed.");
            try {
                copy_into(practice, fd, aside);
            } catch (...) {
                ::close(fd);
                ::unlink(aside.c_str());
                throw;
            }
            ::close(fd);
        }
        ::chmod(aside.c_str(), 0600);
        // Only when SQLite could not read the old practice can its WAL still hold work: it goes
        // aside with it, never to the restored file.
        const std::string wal = practice.string() + "-wal";
        if (fs::exists(wal, ec) && fs::file_size(wal, ec) > 0) {
            fs::rename(wal, aside.string() + "-wal", ec);
            if (ec) throw Error("Cannot keep " + wal + " aside: " + ec.message() + ". Nothing was replaced.");
        }
        fs::remove(wal, ec);
        fs::remove(practice.string() + "-shm", ec);
        result.kept_aside = aside;
    }

    if (::rename(staged.path().c_str(), practice.c_str()) != 0)
        throw Error("Cannot put the restored practice in place: " + std::string(std::strerror(errno)) +
                    ". The practice was not changed.");
    staged.keep();
    ::chmod(practice.c_str(), 0600);
    sync_to_disk(folder);
    lock.reset();

    // The restored practice says, in its own audit trail, that it was restored and from what.
    try {
        auto db = Database::open(practice.string(), OpenOptions{.actor = options.actor});
        Transaction tx(*db);
        std::string detail = "restored from " + backup.string() + " (schema version " +
                             std::to_string(result.backup.schema_version) + ")";
        if (result.backup.last_change)
            detail += ", last change " + to_iso(*result.backup.last_change) + " UTC";
        if (result.kept_aside) detail += "; the replaced practice is kept as " + result.kept_aside->string();
        AuditLog(*db).record(AuditAction::restore, "practice", std::nullopt, std::nullopt, detail);
        tx.commit();
    } catch (const Error& e) {
        throw Error("The practice was restored from " + backup.string() +
                    ", but the restore could not be recorded in its audit trail: " + e.what());
    }
    return result;
}

} // namespace knotwork::db
