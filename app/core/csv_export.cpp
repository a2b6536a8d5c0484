#include "core/csv_export.h"

#include "common/error.h"
#include "core/client_import.h"
#include "core/csv.h"
#include "core/export_file.h"
#include "database.h"
#include "repositories/client_repository.h"
#include "repositories/session_repository.h"

namespace knotwork::app {

namespace {

std::string date_text(const std::optional<Date>& d) { return d ? to_iso(*d) : std::string(); }

template <typename Items, typename Code>
std::string joined(const Items& items, Code code) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += "; ";
        out += code(item);
    }
    return out;
}

std::string hhmm(const DateTime& t) { return to_hhmm(t.time_of_day()); }

} // namespace

std::vector<std::string> client_csv_fields(const ClientDetails& d) {
    const auto code = [](auto e) { return std::string(to_code(e)); };
    std::vector<std::string> out{
        d.family_name,
        d.given_name,
        d.preferred_name,
        date_text(d.date_of_birth),
        d.phone,
        d.email,
        d.address,
        d.emergency_contact_name,
        d.emergency_contact_phone,
        d.referral_source,
        d.referring_physician,
        d.occupation,
        code(d.activity),
        joined(d.conditions, code),
        d.health_notes,
        joined(d.medications,
               [](const Medication& m) {
                   return std::string(to_code(m.medication_class)) + (m.name.empty() ? "" : ": " + m.name);
               }),
        d.allergies,
        code(d.pressure_preference),
        d.sensitive_areas,
        date_text(d.consent_date),
        joined(d.intake_red_flags.positive, code),
        d.intake_red_flags.notes,
        d.intake_red_flags.referred_to,
        date_text(d.red_flags_screened_on),
    };
    if (out.size() != client_columns().size()) throw Error("the client export's columns differ from the import's");
    return out;
}

std::size_t write_clients_csv(db::Database& db, std::ostream& out) {
    std::vector<std::string> header;
    for (const auto& c : client_columns()) header.push_back(c.name);
    write_csv_record(out, header);
    db::ClientRepository clients(db);
    db::ClientQuery query;
    query.include_archived = true;
    query.limit = 1000;
    std::size_t written = 0;
    for (;;) {
        const auto page = clients.search(query);
        for (const auto& summary : page) {
            write_csv_record(out, client_csv_fields(clients.get(summary.id).details()));
            ++written;
        }
        if (static_cast<int>(page.size()) < query.limit) return written;
        query.offset += query.limit;
    }
}

const std::vector<AppointmentColumn>& appointment_columns() {
    static const std::vector<AppointmentColumn> columns{
        {"session_id", "the appointment's id in this practice"},
        {"date", "YYYY-MM-DD, the practice's local date"},
        {"start", "HH:MM, the practice's local time"},
        {"end", "HH:MM, the practice's local time"},
        {"minutes", "length in minutes"},
        {"client_id", "the client's id in this practice"},
        {"client_name", "as the schedule shows it (preferred or given name, then family name)"},
        {"therapist", "text"},
        {"status", "scheduled, completed, cancelled or no_show"},
        {"plan_id", "the treatment plan it belongs to; empty when none"},
        {"series_number", "its place in the plan's series (3 of \"3 of 6\"); empty when none"},
        {"series_of", "the series' length (6 of \"3 of 6\"); empty when none"},
        {"note_signed", "yes or no"},
    };
    return columns;
}

std::size_t write_appointments_csv(db::Database& db, std::ostream& out, const std::optional<Date>& from,
                                   const std::optional<Date>& to) {
    std::vector<std::string> header;
    for (const auto& c : appointment_columns()) header.push_back(c.name);
    write_csv_record(out, header);
    const auto [first, end] = schedule_range(from, to);
    std::size_t written = 0;
    for (const auto& a : db::SessionRepository(db).between(first, end)) {
        const auto series = a.series;
        write_csv_record(out, {std::to_string(a.id), to_iso(a.starts_at.date()), hhmm(a.starts_at), hhmm(a.ends_at),
                               std::to_string((a.ends_at - a.starts_at).total_seconds() / 60), std::to_string(a.client),
                               a.client_name, a.therapist, std::string(to_code(a.status)),
                               series ? std::to_string(series->plan) : "", series ? std::to_string(series->number) : "",
                               series ? std::to_string(series->of) : "", a.is_signed ? "yes" : "no"});
        ++written;
    }
    return written;
}

std::size_t export_clients_csv_file(db::Database& db, const std::filesystem::path& file) {
    return export_to_new_file(db, file, [&](std::ostream& out, ExportAudit& audit) {
               const std::size_t n = write_clients_csv(db, out);
               audit.entity = "client";
               audit.what = "clients exported as CSV: " + std::to_string(n) + " clients";
               return n;
           }).records;
}

std::size_t export_appointments_csv_file(db::Database& db, const std::filesystem::path& file,
                                         const std::optional<Date>& from, const std::optional<Date>& to) {
    if (from && to && *to < *from) throw ValidationError("to", "must not be before from");
    return export_to_new_file(db, file, [&](std::ostream& out, ExportAudit& audit) {
               const std::size_t n = write_appointments_csv(db, out, from, to);
               audit.entity = "session";
               audit.what = "appointments exported as CSV: " + std::to_string(n) + " appointments";
               if (from) audit.what += ", from " + to_iso(*from);
               if (to) audit.what += ", to " + to_iso(*to);
               return n;
           }).records;
}

} // namespace knotwork::app
