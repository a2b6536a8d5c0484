// knotwork-cli audit: the audit trail exported as CSV (RFC 4180) or JSON, the whole practice or one
// client, optionally between two days. The export is itself recorded in the audit trail, in the
// same transaction that read the entries, so there is an "export" row exactly when the entries
// were written out.
#include "commands.h"

#include "arguments.h"
#include "json_writer.h"
#include "practice_access.h"

#include "audit_log.h"
#include "common/error.h"
#include "database.h"

#include <filesystem>
#include <fstream>
#include <limits>
#include <sys/stat.h>

namespace knotwork::cli {

namespace {

// RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled.
std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string utc_text(const DateTime& t) {
    return to_iso(t) + "Z";
}

std::string optional_id(const std::optional<std::int64_t>& id) {
    return id ? std::to_string(*id) : std::string();
}

// One line per changed field, the entry's columns repeated; an entry without changes is one line
// with the last three columns empty. Lines end in CRLF, as RFC 4180 says.
void write_csv(const std::vector<db::AuditEntry>& entries, std::ostream& out) {
    out << "id,at,actor,action,entity,entity_id,client_id,detail,field,old_value,new_value\r\n";
    for (const auto& e : entries) {
        const std::string head = std::to_string(e.id) + "," + utc_text(e.at) + "," + csv_field(e.actor) +
                                 "," + csv_field(e.action) + "," + csv_field(e.entity) + "," +
                                 optional_id(e.entity_id) + "," + optional_id(e.client_id) + "," +
                                 csv_field(e.detail) + ",";
        if (e.changes.empty()) out << head << ",,\r\n";
        for (const auto& c : e.changes)
            out << head << csv_field(c.field) << "," << csv_field(c.old_value) << ","
                << csv_field(c.new_value) << "\r\n";
    }
}

void write_json(const std::vector<db::AuditEntry>& entries, std::ostream& out) {
    JsonWriter w(out);
    w.begin_array();
    for (const auto& e : entries) {
        w.begin_object()
            .field("id", e.id)
            .field("at", utc_text(e.at))
            .field("actor", e.actor)
            .field("action", e.action)
            .field("entity", e.entity)
            .field("entity_id", e.entity_id)
            .field("client_id", e.client_id)
            .field("detail", e.detail);
        w.key("changes").begin_array();
        for (const auto& c : e.changes)
            w.begin_object()
                .field("field", c.field)
                .field("old", c.old_value)
                .field("new", c.new_value)
                .end_object();
        w.end_array();
        w.end_object();
    }
    w.end_array();
    out << "\n";
}

} // namespace

int run_audit(const std::vector<std::string>& args, std::ostream& out) {
    Arguments a(args, {}, {"as", "client", "from", "to", "format", "out"});
    const std::string file = a.positional(0, "practice FILE");
    db::AuditQuery query;
    query.client_id = a.integer("client", 1, std::numeric_limits<long long>::max());
    try {
        if (auto from = a.option("from")) query.from = parse_date("--from", *from);
        if (auto to = a.option("to")) query.to = parse_date("--to", *to);
    } catch (const ValidationError& e) {
        throw UsageError(std::string(e.what()) + " (write dates as YYYY-MM-DD)");
    }
    if (query.from && query.to && *query.to < *query.from) throw UsageError("--to must not be before --from");
    const std::string format = a.option("format").value_or("csv");
    if (format != "csv" && format != "json")
        throw UsageError("--format must be csv or json (got \"" + format + "\")");
    const auto target = a.option("out");
    if (target && std::filesystem::exists(*target))
        throw Error("A file already exists at " + *target + "; the audit export never overwrites one.");

    auto db = open_practice(a);
    db::Transaction tx(*db);
    const auto entries = db::AuditLog(*db).find(query);

    std::string detail = "audit trail exported: " + std::to_string(entries.size()) + " entries, " + format;
    if (query.client_id) detail += ", client " + std::to_string(*query.client_id);
    if (query.from) detail += ", from " + to_iso(*query.from);
    if (query.to) detail += ", to " + to_iso(*query.to);
    if (target) {
        std::ofstream f(*target, std::ios::binary);
        if (!f) throw Error("Cannot write " + *target + ".");
        ::chmod(target->c_str(), 0600); // it holds clinical details: owner only, like the practice
        if (format == "csv")
            write_csv(entries, f);
        else
            write_json(entries, f);
        f.close();
        if (!f) {
            std::error_code ec;
            std::filesystem::remove(*target, ec);
            throw Error("Writing " + *target + " failed; nothing was exported.");
        }
        detail += ", written to " + std::filesystem::path(*target).filename().string();
    } else {
        if (format == "csv")
            write_csv(entries, out);
        else
            write_json(entries, out);
        out.flush();
    }
    try {
        db::AuditLog(*db).record(db::AuditAction::export_record, "audit_log", std::nullopt, query.client_id,
                                 detail);
        tx.commit();
    } catch (const std::exception&) {
        if (target) { // an export that is not in the audit trail does not stay
            std::error_code ec;
            std::filesystem::remove(*target, ec);
        }
        throw;
    }
    if (target)
        out << "Exported " << entries.size() << (entries.size() == 1 ? " entry" : " entries") << " to "
            << *target << ".\n";
    return 0;
}

} // namespace knotwork::cli
