#pragma once
// Backups and restores as both programs offer them. Automatic rotating backups: after the desktop
// program closes a practice it writes "<practice>-YYYYMMDD-HHMMSS.knotwork" into a backup folder
// (by default "backups" beside the practice) and keeps only the newest N of that practice,
// deleting nothing whose name does not follow that pattern. And the restore: look at a backup
// (what it holds, whether it may be restored, where the replaced practice will be kept), then
// restore it (persistence/restore.h does the checked replacement).
#include "common/dates.h"
#include "restore.h"

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace knotwork::db {
class Database;
}

namespace knotwork::app {

// The automatic backups' settings; the desktop program keeps them among its preferences.
struct BackupSettings {
    static constexpr int min_keep = 1;
    static constexpr int max_keep = 999;
    static constexpr int default_keep = 10;

    bool enabled = true;
    std::string folder; // a full path; empty for the "backups" folder beside the practice
    int keep = default_keep;

    // Throws ValidationError naming "backups to keep" or "backup folder".
    void validate() const;
};

// "backups" beside the practice file.
std::filesystem::path default_backup_folder(const std::filesystem::path& practice);
// The folder `settings` name for `practice`.
std::filesystem::path backup_folder(const std::filesystem::path& practice, const BackupSettings& settings);

// "<practice_stem>-YYYYMMDD-HHMMSS.knotwork" for `local_stamp`; `counter` 2, 3… adds "-2", "-3"
// for a second backup within one second.
std::string rotating_backup_name(const std::string& practice_stem, DateTime local_stamp, int counter = 1);

// The rotating backups of the practice named `practice_stem` in `folder`, newest first: only
// regular files whose names follow rotating_backup_name() exactly.
std::vector<std::filesystem::path> rotating_backups(const std::filesystem::path& folder,
                                                    const std::string& practice_stem);

struct RotatingBackup {
    std::filesystem::path written;
    std::vector<std::filesystem::path> removed; // older backups of the practice beyond `keep`
};

// Backs up the open practice (consistent while others use it: online backup API) into `folder`,
// created owner-only when missing, then removes that practice's oldest rotating backups so that
// `keep` remain. Throws knotwork::Error; a failed backup removes nothing.
RotatingBackup write_rotating_backup(db::Database& db, const std::filesystem::path& practice,
                                     const std::filesystem::path& folder, int keep, DateTime local_stamp);

// False when the newest rotating backup of the practice in `folder` holds as many audit entries
// as the open practice: every change Knotwork makes is audited and audit entries are never
// removed, so nothing has changed since it was written. True when there is no such backup or it
// cannot be read (an older schema, a damaged file): then a new one is due.
bool changed_since_last_backup(db::Database& db, const std::filesystem::path& folder, const std::string& practice_stem);

// A restore looked at before it is done.
struct RestorePlan {
    std::filesystem::path practice;
    std::filesystem::path backup;
    db::BackupInspection inspection;
    std::optional<std::filesystem::path>
        kept_as;                        // where the replaced practice will be kept; none when missing
    std::optional<std::string> refusal; // why it will not be done
};

// Reads the backup (without changing it). Throws knotwork::Error when it is not a database.
RestorePlan plan_restore(const std::filesystem::path& practice, const std::filesystem::path& backup,
                         DateTime local_stamp);

// What a backup holds, as label and value rows a person reads: file date, last change, schema
// version, integrity, counts.
std::vector<std::pair<std::string, std::string>> describe_backup(const db::BackupInspection& inspection);

// The confirmation question: which file will be replaced by what, and where the old one is kept.
std::string restore_question(const RestorePlan& plan);

// Does the restore `plan` describes, keeping the replaced practice under the name it announced
// (unless that name was taken meanwhile). Throws knotwork::Error with the practice untouched.
db::RestoreResult restore_from_backup(const RestorePlan& plan, const std::string& actor,
                                      DateTime local_stamp);

} // namespace knotwork::app
