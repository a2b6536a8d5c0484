// knotwork-cli backup and restore: a one-off or rotating backup of a practice (consistent while it
// is open elsewhere), and a restore that checks the backup before it replaces anything.
#include "commands.h"

#include "arguments.h"
#include "json_writer.h"
#include "practice_access.h"

#include "backup.h"
#include "common/error.h"
#include "core/backups.h"

#include <algorithm>

namespace knotwork::cli {

int run_backup(const std::vector<std::string>& args, std::ostream& out) {
    Arguments a(args, {"json"}, {"as", "out", "rotate", "keep"});
    const std::string file = a.positional(0, "practice FILE");
    const auto target = a.option("out");
    const auto rotate = a.option("rotate");
    if (target && rotate) throw UsageError("give either --out or --rotate, not both");
    if (!target && !rotate) throw UsageError("--out BACKUP_FILE or --rotate DIR is required");
    if (a.option("keep") && !rotate) throw UsageError("--keep goes with --rotate");
    const auto keep = a.integer("keep", app::BackupSettings::min_keep, app::BackupSettings::max_keep);
    auto db = open_practice(a);

    if (target) {
        db::backup_practice(*db, *target);
        if (a.flag("json")) {
            JsonWriter(out).begin_object().field("written", *target).end_object();
            out << "\n";
        } else {
            out << "Backed up " << file << " to " << *target << ".\n";
        }
        return 0;
    }
    const auto result = app::write_rotating_backup(
        *db, file, *rotate, static_cast<int>(keep.value_or(app::BackupSettings::default_keep)), now_local());
    if (a.flag("json")) {
        JsonWriter w(out);
        w.begin_object().field("written", result.written.string());
        w.key("removed").begin_array();
        for (const auto& r : result.removed)
            w.value(r.string());
        w.end_array().end_object();
        out << "\n";
    } else {
        out << "Backed up " << file << " to " << result.written.string() << ".\n";
        for (const auto& r : result.removed)
            out << "Removed the older backup " << r.string() << ".\n";
    }
    return 0;
}

int run_restore(const std::vector<std::string>& args, std::ostream& out) {
    Arguments a(args, {"json"}, {"as", "from"});
    const std::string file = a.positional(0, "practice FILE");
    const auto from = a.option("from");
    if (!from) throw UsageError("--from BACKUP_FILE is required");
    const DateTime stamp = now_local();
    const app::RestorePlan plan = app::plan_restore(file, *from, stamp);
    const auto rows = app::describe_backup(plan.inspection);
    const bool json = a.flag("json");
    if (!json) {
        out << "Checked the backup:\n";
        std::size_t width = 0;
        for (const auto& [label, value] : rows)
            width = std::max(width, label.size());
        for (const auto& [label, value] : rows)
            out << "  " << label << ":" << std::string(width - label.size() + 2, ' ') << value << "\n";
        for (const auto& p : plan.inspection.problems)
            out << "  problem: " << p << "\n";
    }
    if (plan.refusal) throw Error(*plan.refusal + " Nothing was changed.");

    const db::RestoreResult result =
        app::restore_from_backup(plan, a.option("as").value_or(default_actor()), stamp);
    if (json) {
        const db::BackupInspection& b = plan.inspection;
        JsonWriter w(out);
        w.begin_object().field("restored", file).field("from", *from);
        w.key("checked").begin_object();
        w.field("knotwork_practice", b.is_knotwork)
            .field("schema_version", b.schema_version)
            .field("program_schema_version", b.program_schema_version)
            .field("sound", b.sound())
            .field("written_at", b.written_at.is_special() ? std::optional<std::string>()
                                                           : std::optional<std::string>(to_iso(b.written_at)))
            .field("last_change",
                   b.last_change ? std::optional<std::string>(to_iso(*b.last_change)) : std::nullopt);
        if (const auto& s = b.statistics)
            w.field("clients", s->clients)
                .field("assessments", s->assessments)
                .field("plans", s->plans)
                .field("sessions", s->sessions)
                .field("signed_notes", s->signed_notes)
                .field("amendments", s->amendments)
                .field("audit_entries", s->audit_entries);
        w.end_object();
        w.field("kept_aside",
                result.kept_aside ? std::optional<std::string>(result.kept_aside->string()) : std::nullopt);
        w.end_object();
        out << "\n";
    } else {
        out << "Restored " << file << " from " << *from << ".\n";
        if (result.kept_aside)
            out << "The replaced practice is kept as " << result.kept_aside->string() << ".\n";
        else
            out << "There was no practice at " << file << " before; nothing was replaced.\n";
        out << "The restore is recorded in the practice's audit trail.\n";
    }
    return 0;
}

} // namespace knotwork::cli
