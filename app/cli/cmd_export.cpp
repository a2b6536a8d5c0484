// knotwork-cli export-calendar, export-clients, export-appointments, export-record and
// import-record: the practice's open data formats (docs/data-format.md). Every export is written
// to a new, owner-only file and recorded in the audit trail in the same transaction that read it;
// an import is one transaction, checked in full before anything is written.
#include "commands.h"

#include "arguments.h"
#include "json_writer.h"
#include "practice_access.h"

#include "common/error.h"
#include "core/calendar_export.h"
#include "core/csv_export.h"
#include "core/record_transfer.h"

#include <limits>

namespace knotwork::cli {

namespace {

std::optional<Date> date_option(const Arguments& a, const std::string& name) {
    const auto v = a.option(name);
    if (!v) return std::nullopt;
    try {
        return parse_date("--" + name, *v);
    } catch (const ValidationError& e) {
        throw UsageError(std::string(e.what()) + " (write dates as YYYY-MM-DD)");
    }
}

std::pair<std::optional<Date>, std::optional<Date>> date_range(const Arguments& a) {
    auto from = date_option(a, "from");
    auto to = date_option(a, "to");
    if (from && to && *to < *from) throw UsageError("--to must not be before --from");
    return {from, to};
}

std::string required_out(const Arguments& a, const char* command) {
    const auto out = a.option("out");
    if (!out) throw UsageError(std::string(command) + " needs --out FILE (where to write the export)");
    return *out;
}

void only_practice_file(const Arguments& a, const char* command) {
    if (a.positional().size() > 1) throw UsageError(std::string(command) + " takes only a practice FILE");
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

} // namespace

int run_export_calendar(const std::vector<std::string>& args, std::ostream& out) {
    Arguments a(args, {"json"}, {"as", "out", "from", "to", "therapist", "summary", "uid-domain"});
    a.positional(0, "practice FILE");
    only_practice_file(a, "export-calendar");
    const std::string target = required_out(a, "export-calendar");
    app::CalendarOptions options;
    std::tie(options.from, options.to) = date_range(a);
    options.therapist = a.option("therapist");
    const std::string summary = a.option("summary").value_or("name");
    if (summary == "name") options.summary = app::CalendarSummary::client_name;
    else if (summary == "initials") options.summary = app::CalendarSummary::initials;
    else if (summary == "none") options.summary = app::CalendarSummary::none;
    else throw UsageError("--summary must be name, initials or none (got \"" + summary + "\")");
    if (const auto domain = a.option("uid-domain")) {
        if (domain->empty() || domain->find_first_of(" \t\r\n;,:@\\") != std::string::npos)
            throw UsageError("--uid-domain must be a domain name such as clinic.example.org");
        options.uid_domain = *domain;
    }
    auto db = open_practice(a);
    const std::size_t n = app::export_calendar_file(*db, target, options);
    if (a.flag("json")) {
        JsonWriter(out).begin_object().field("file", target).field("appointments", static_cast<std::int64_t>(n)).end_object();
        out << "\n";
    } else {
        out << "Exported " << plural(n, "appointment", "appointments") << " to " << target << ".\n";
    }
    return 0;
}

int run_export_clients(const std::vector<std::string>& args, std::ostream& out) {
    Arguments a(args, {"json"}, {"as", "out"});
    a.positional(0, "practice FILE");
    only_practice_file(a, "export-clients");
    const std::string target = required_out(a, "export-clients");
    auto db = open_practice(a);
    const std::size_t n = app::export_clients_csv_file(*db, target);
    if (a.flag("json")) {
        JsonWriter(out).begin_object().field("file", target).field("clients", static_cast<std::int64_t>(n)).end_object();
        out << "\n";
    } else {
        out << "Exported " << plural(n, "client", "clients") << " to " << target << ".\n";
    }
    return 0;
}

int run_export_appointments(const std::vector<std::string>& args, std::ostream& out) {
    Arguments a(args, {"json"}, {"as", "out", "from", "to"});
    a.positional(0, "practice FILE");
    only_practice_file(a, "export-appointments");
    const std::string target = required_out(a, "export-appointments");
    const auto [from, to] = date_range(a);
    auto db = open_practice(a);
    const std::size_t n = app::export_appointments_csv_file(*db, target, from, to);
    if (a.flag("json")) {
        JsonWriter(out).begin_object().field("file", target).field("appointments", static_cast<std::int64_t>(n)).end_object();
        out << "\n";
    } else {
        out << "Exported " << plural(n, "appointment", "appointments") << " to " << target << ".\n";
    }
    return 0;
}

int run_export_record(const std::vector<std::string>& args, std::ostream& out) {
    Arguments a(args, {"json"}, {"as", "out", "client"});
    a.positional(0, "practice FILE");
    only_practice_file(a, "export-record");
    const auto client = a.integer("client", 1, std::numeric_limits<long long>::max());
    if (!client) throw UsageError("export-record needs --client ID (see 'clients')");
    const std::string target = required_out(a, "export-record");
    auto db = open_practice(a);
    app::export_client_record_file(*db, *client, target);
    if (a.flag("json")) {
        JsonWriter(out).begin_object().field("file", target).field("client", static_cast<std::int64_t>(*client)).end_object();
        out << "\n";
    } else {
        out << "Exported client " << *client << "'s record to " << target << ".\n";
    }
    return 0;
}

int run_import_record(const std::vector<std::string>& args, std::ostream& out) {
    Arguments a(args, {"json"}, {"as"});
    const std::string file = a.positional(1, "record file (X.json) to import");
    if (a.positional().size() > 2) throw UsageError("import-record takes a practice FILE and one record file");
    auto db = open_practice(a);
    const app::RecordImportResult r = app::import_client_record_file(*db, file);
    if (a.flag("json")) {
        JsonWriter(out)
            .begin_object()
            .field("file", file)
            .field("client", static_cast<std::int64_t>(r.client))
            .field("assessments", static_cast<std::int64_t>(r.assessments))
            .field("plans", static_cast<std::int64_t>(r.plans))
            .field("sessions", static_cast<std::int64_t>(r.sessions))
            .field("signed_notes", static_cast<std::int64_t>(r.signed_notes))
            .field("amendments", static_cast<std::int64_t>(r.amendments))
            .end_object();
        out << "\n";
    } else {
        out << "Imported the record as client " << r.client << ": " << plural(r.assessments, "assessment", "assessments")
            << ", " << plural(r.plans, "plan", "plans") << ", " << plural(r.sessions, "session", "sessions") << " ("
            << r.signed_notes << " signed), " << plural(r.amendments, "amendment", "amendments") << ".\n";
    }
    return 0;
}

std::string export_calendar_help() {
    return "  --out PATH        where to write the .ics file (must not exist; written owner-only)\n"
           "  --from D --to D   only appointments on these days, both included (YYYY-MM-DD)\n"
           "  --therapist NAME  only this therapist's appointments (the name as the schedule shows it)\n"
           "  --summary S       what each event is called: name (default; the client's name), initials,\n"
           "                    or none (\"Appointment\"); nothing clinical is ever written\n"
           "  --uid-domain D    the domain of each event's UID (default " +
           std::string(app::default_uid_domain) +
           "); give each practice file\n"
           "                    of one clinic its own\n"
           "  --json            print what was written as JSON\n"
           "iCalendar (RFC 5545), times as the practice's local clock time (floating). Each event's UID is\n"
           "session-ID@DOMAIN, so a newer export updates a calendar's events instead of repeating them;\n"
           "cancelled appointments are marked STATUS:CANCELLED. The export is recorded in the audit trail.\n";
}

std::string export_appointments_help() {
    std::string help = "  --out PATH        where to write the CSV file (must not exist; written owner-only)\n"
                       "  --from D --to D   only appointments on these days, both included (YYYY-MM-DD)\n"
                       "  --json            print what was written as JSON\n"
                       "Columns (RFC 4180, UTF-8, CRLF line ends, a header row):\n";
    for (const auto& c : app::appointment_columns()) help += "  " + c.name + ": " + c.description + "\n";
    return help + "The export is recorded in the audit trail.\n";
}

} // namespace knotwork::cli
