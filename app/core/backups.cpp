#include "core/backups.h"

#include "audit_log.h"
#include "backup.h"
#include "common/error.h"
#include "core/display_format.h"
#include "core/translate.h"
#include "database.h"

#include <boost/date_time/c_local_time_adjustor.hpp>

#include <algorithm>
#include <cctype>

namespace knotwork::app {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view extension = ".knotwork";

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

// The stamp and counter of a rotating backup's name, or nullopt when the name is not one of
// `stem`'s rotating backups.
std::optional<std::pair<std::string, int>> parse_rotating_name(const std::string& name,
                                                               const std::string& stem) {
    const std::string prefix = stem + "-";
    if (name.size() <= prefix.size() + extension.size() || name.compare(0, prefix.size(), prefix) != 0 ||
        name.compare(name.size() - extension.size(), extension.size(), extension) != 0)
        return std::nullopt;
    const std::string_view rest(name.data() + prefix.size(), name.size() - prefix.size() - extension.size());
    // YYYYMMDD-HHMMSS, then perhaps -N.
    if (rest.size() < 15 || !all_digits(rest.substr(0, 8)) || rest[8] != '-' ||
        !all_digits(rest.substr(9, 6)))
        return std::nullopt;
    int counter = 1;
    if (rest.size() > 15) {
        const auto suffix = rest.substr(15);
        if (suffix.size() < 2 || suffix.size() > 5 || suffix[0] != '-' || !all_digits(suffix.substr(1)))
            return std::nullopt;
        counter = std::stoi(std::string(suffix.substr(1)));
        if (counter < 2) return std::nullopt;
    }
    return std::make_pair(std::string(rest.substr(0, 15)), counter);
}

std::string count_text(std::int64_t n) {
    return std::to_string(n);
}

DateTime to_local(DateTime utc) {
    return boost::date_time::c_local_adjustor<DateTime>::utc_to_local(utc);
}

} // namespace

void BackupSettings::validate() const {
    if (keep < min_keep || keep > max_keep)
        throw ValidationError(KW_TR("backups to keep"), KW_TR("must be between ") + std::to_string(min_keep) +
                                                            KW_TR(" and ") + std::to_string(max_keep) + " (" +
                                                            std::to_string(keep) + ")");
    if (!folder.empty() && !fs::path(folder).is_absolute())
        throw ValidationError(KW_TR("backup folder"), KW_TR("must be a full path, starting with /"));
}

fs::path default_backup_folder(const fs::path& practice) {
    return fs::absolute(practice).parent_path() / "backups";
}

fs::path backup_folder(const fs::path& practice, const BackupSettings& settings) {
    return settings.folder.empty() ? default_backup_folder(practice) : fs::path(settings.folder);
}

std::string rotating_backup_name(const std::string& practice_stem, DateTime local_stamp, int counter) {
    std::string name = practice_stem + "-" + db::file_stamp(local_stamp);
    if (counter > 1) name += "-" + std::to_string(counter);
    return name + std::string(extension);
}

std::vector<fs::path> rotating_backups(const fs::path& folder, const std::string& practice_stem) {
    struct Found {
        std::string stamp;
        int counter;
        fs::path path;
    };
    std::vector<Found> found;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        if (!entry.is_regular_file(ec) || entry.is_symlink(ec)) continue;
        if (auto parsed = parse_rotating_name(entry.path().filename().string(), practice_stem))
            found.push_back({parsed->first, parsed->second, entry.path()});
    }
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
        return a.stamp != b.stamp ? a.stamp > b.stamp : a.counter > b.counter;
    });
    std::vector<fs::path> out;
    for (auto& f : found)
        out.push_back(std::move(f.path));
    return out;
}

bool changed_since_last_backup(db::Database& db, const fs::path& folder, const std::string& practice_stem) {
    const auto backups = rotating_backups(folder, practice_stem);
    if (backups.empty()) return true;
    try {
        db::OpenOptions options;
        options.read_only = true;
        options.actor = db.actor();
        auto newest = db::Database::open(backups.front().string(), options);
        return db::AuditLog(*newest).count() != db::AuditLog(db).count();
    } catch (const std::exception&) {
        return true;
    }
}

RotatingBackup write_rotating_backup(db::Database& db, const fs::path& practice, const fs::path& folder,
                                     int keep, DateTime local_stamp) {
    BackupSettings settings;
    settings.keep = keep;
    settings.validate();
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
        fs::create_directories(folder, ec);
        if (ec) throw Error("Cannot create the backup folder " + folder.string() + ": " + ec.message() + ".");
        fs::permissions(folder, fs::perms::owner_all, ec); // clinical records: owner only
    }
    const std::string stem = practice.stem().string();
    RotatingBackup result;
    // A later backup within the same second counts above every earlier one, even one removed.
    int first_counter = 1;
    const std::string stamp = db::file_stamp(local_stamp);
    for (const auto& existing : rotating_backups(folder, stem)) {
        const auto parsed = parse_rotating_name(existing.filename().string(), stem);
        if (parsed && parsed->first == stamp) first_counter = std::max(first_counter, parsed->second + 1);
    }
    for (int counter = first_counter;; ++counter) {
        result.written = folder / rotating_backup_name(stem, local_stamp, counter);
        if (!fs::exists(result.written, ec) && !fs::exists(result.written.string() + ".partial", ec)) break;
    }
    db::backup_practice(db, result.written.string());

    const auto backups = rotating_backups(folder, stem);
    for (std::size_t i = static_cast<std::size_t>(keep); i < backups.size(); ++i) {
        if (backups[i] == result.written) continue;
        if (fs::remove(backups[i], ec)) result.removed.push_back(backups[i]);
    }
    return result;
}

RestorePlan plan_restore(const fs::path& practice, const fs::path& backup, DateTime local_stamp) {
    RestorePlan plan;
    plan.practice = practice;
    plan.backup = backup;
    plan.inspection = db::inspect_backup(backup);
    plan.refusal = plan.inspection.refusal();
    std::error_code ec;
    if (fs::exists(practice, ec)) {
        plan.kept_as = db::kept_aside_path(practice, local_stamp);
        if (!plan.refusal && fs::equivalent(practice, backup, ec))
            plan.refusal = backup.string() + KW_TR(" is the practice itself. Choose a backup file.");
    }
    return plan;
}

std::vector<std::pair<std::string, std::string>> describe_backup(const db::BackupInspection& b) {
    std::vector<std::pair<std::string, std::string>> rows;
    rows.emplace_back(KW_TR("File"), b.file.string());
    if (!b.written_at.is_special())
        rows.emplace_back(KW_TR("Written"), format_date_time(to_local(b.written_at)));
    if (b.last_change)
        rows.emplace_back(KW_TR("Last change recorded"), format_date_time(to_local(*b.last_change)));
    rows.emplace_back(KW_TR("Knotwork practice"), b.is_knotwork ? KW_TR("yes") : KW_TR("no"));
    if (!b.is_knotwork) return rows;
    rows.emplace_back(KW_TR("Schema version"), std::to_string(b.schema_version) + " (" +
                                                   KW_TR("this program: ") +
                                                   std::to_string(b.program_schema_version) + ")");
    rows.emplace_back(KW_TR("Integrity"),
                      b.problems.empty() ? KW_TR("sound (integrity and foreign-key checks passed)")
                                         : KW_TR("PROBLEMS FOUND: ") + std::to_string(b.problems.size()));
    if (const auto& s = b.statistics) {
        rows.emplace_back(KW_TR("Clients"), count_text(s->clients) + " (" + count_text(s->archived_clients) +
                                                " " + KW_TR("archived") + ")");
        rows.emplace_back(KW_TR("Assessments"), count_text(s->assessments));
        rows.emplace_back(KW_TR("Treatment plans"), count_text(s->plans));
        rows.emplace_back(KW_TR("Sessions"), count_text(s->sessions) + " (" + count_text(s->signed_notes) +
                                                 " " + KW_TR("signed notes") + ")");
        rows.emplace_back(KW_TR("Amendments"), count_text(s->amendments));
        rows.emplace_back(KW_TR("Audit entries"), count_text(s->audit_entries));
    }
    return rows;
}

std::string restore_question(const RestorePlan& plan) {
    std::string text = KW_TR("Replace the practice ") + plan.practice.string() + KW_TR(" with the backup ") +
                       plan.backup.string() + "?\n\n";
    if (plan.kept_as)
        text += KW_TR("The practice as it is now will be kept as ") + plan.kept_as->string() +
                KW_TR(", so nothing is lost.");
    else
        text += KW_TR("There is no practice file there yet: the backup becomes the practice.");
    if (plan.inspection.statistics && plan.inspection.schema_version < plan.inspection.program_schema_version)
        text += "\n\n" + KW_TR("The backup comes from an older Knotwork; it will be upgraded when restored.");
    return text;
}

db::RestoreResult restore_from_backup(const RestorePlan& plan, const std::string& actor,
                                      DateTime local_stamp) {
    if (plan.refusal) throw Error(*plan.refusal);
    return db::restore_practice(plan.practice, plan.backup, db::RestoreOptions{actor, local_stamp});
}

} // namespace knotwork::app
