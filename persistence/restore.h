#pragma once
// Restoring a practice from a backup, checked before anything is replaced. The backup is read
// without being changed: it must be a Knotwork practice (PRAGMA application_id), pass SQLite's
// integrity and foreign-key checks, and not come from a newer Knotwork. The replacement keeps the
// replaced practice aside, never leaves the practice file missing or half-written (a checked copy
// is written beside it, flushed to the disk, then renamed over it), is refused while another
// program has the practice open, and is recorded in the restored practice's audit trail.
#include "common/dates.h"
#include "practice_statistics.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace knotwork::db {

// What a backup file holds, read without changing it.
struct BackupInspection {
    std::filesystem::path file;
    bool pending_wal = false;          // a -wal beside it holds changes the file itself lacks
    bool is_knotwork = false;          // carries Knotwork's application id
    int schema_version = 0;            // 0 when it holds no practice yet
    int program_schema_version = 0;    // the newest schema this program knows
    std::vector<std::string> problems; // what the integrity and foreign-key checks found; empty when sound
    std::optional<PracticeStatistics> statistics; // nullopt when the file is not a readable practice
    std::optional<DateTime> last_change;          // the newest entry of its audit trail (UTC)
    DateTime written_at;                          // when the file was last written (UTC)

    bool sound() const noexcept { return problems.empty(); }
    // Why a restore from this file is refused (a sentence a person can act on), or nullopt.
    std::optional<std::string> refusal() const;
};

// Reads `file` read-only and checks it. Throws knotwork::Error when it is missing, a folder or
// not a database at all; everything else is reported in the inspection.
BackupInspection inspect_backup(const std::filesystem::path& file);

// "YYYYMMDD-HHMMSS": the wall-clock time in the names of kept-aside and rotating backup files.
std::string file_stamp(DateTime local);

// Where a restore keeps the practice it replaces: "<name>.before-restore-YYYYMMDD-HHMMSS.knotwork"
// beside it, `local_stamp` being the wall-clock time of the restore; "-2", "-3"… are added to the
// time when that name is taken.
std::filesystem::path kept_aside_path(const std::filesystem::path& practice, DateTime local_stamp);

struct RestoreOptions {
    std::string actor;    // who restores, for the audit trail
    DateTime local_stamp; // the wall-clock time of the restore, for the kept-aside name
};

struct RestoreResult {
    BackupInspection backup;                         // what was checked
    std::optional<std::filesystem::path> kept_aside; // the replaced practice; nullopt when there was none
};

// Replaces the practice file `practice` (which may be missing: restoring onto a new computer)
// with the checked backup. Throws knotwork::Error, with the practice untouched, when the backup
// is refused, when the practice is open in Knotwork or another program, or when the disk refuses.
// The restored file is owner-only (0600), upgraded to this program's schema, and its audit trail
// gains a "restore" entry for the entity "practice".
RestoreResult restore_practice(const std::filesystem::path& practice, const std::filesystem::path& backup,
                               const RestoreOptions& options);

} // namespace knotwork::db
