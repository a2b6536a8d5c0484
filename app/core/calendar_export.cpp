#include "core/calendar_export.h"

#include "common/error.h"
#include "core/export_file.h"
#include "database.h"
#include "repositories/session_repository.h"

#include <algorithm>
#include <cstdio>

namespace knotwork::app {

namespace {

std::string compact(const DateTime& t) {
    const Date d = t.date();
    const Duration tod = t.time_of_day();
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d%02d", static_cast<int>(d.year()), static_cast<int>(d.month()),
                  static_cast<int>(d.day()), static_cast<int>(tod.hours()), static_cast<int>(tod.minutes()),
                  static_cast<int>(tod.seconds()));
    return buf;
}

// Length of the UTF-8 sequence a lead byte starts (1 for anything unexpected, so nothing stalls).
std::size_t sequence_length(unsigned char lead) {
    if (lead >= 0xF0 && lead < 0xF8) return 4;
    if (lead >= 0xE0) return lead < 0xF0 ? 3 : 1;
    if (lead >= 0xC0) return 2;
    return 1;
}

std::string summary_of(const CalendarEvent& e, CalendarSummary style) {
    switch (style) {
    case CalendarSummary::client_name:
        return e.client_name;
    case CalendarSummary::initials:
        return initials_of(e.client_name);
    case CalendarSummary::none:
        break;
    }
    return "Appointment";
}

} // namespace

std::string ical_text(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        switch (c) {
        case '\\': out += "\\\\"; break;
        case ';': out += "\\;"; break;
        case ',': out += "\\,"; break;
        case '\r':
            if (i + 1 < value.size() && value[i + 1] == '\n') ++i;
            out += "\\n";
            break;
        case '\n': out += "\\n"; break;
        default: out += c;
        }
    }
    return out;
}

std::string ical_fold(std::string_view line) {
    std::string out;
    std::size_t room = 75; // octets on the current physical line
    std::size_t used = 0;
    for (std::size_t i = 0; i < line.size();) {
        const std::size_t n = std::min(sequence_length(static_cast<unsigned char>(line[i])), line.size() - i);
        if (used + n > room) {
            out += "\r\n ";
            used = 1; // the leading space counts toward the 75
        }
        out.append(line.substr(i, n));
        used += n;
        i += n;
    }
    out += "\r\n";
    return out;
}

std::string ical_local_time(const DateTime& t) { return compact(t); }
std::string ical_utc_time(const DateTime& t) { return compact(t) + "Z"; }

std::string initials_of(std::string_view name) {
    std::string out;
    bool at_word_start = true;
    for (std::size_t i = 0; i < name.size();) {
        const std::size_t n = std::min(sequence_length(static_cast<unsigned char>(name[i])), name.size() - i);
        const bool space = name[i] == ' ' || name[i] == '\t' || name[i] == '-';
        if (space) {
            at_word_start = true;
        } else if (at_word_start) {
            if (!out.empty()) out += ' ';
            out.append(name.substr(i, n));
            out += '.';
            at_word_start = false;
        }
        i += n;
    }
    return out;
}

std::string calendar_text(const std::vector<CalendarEvent>& events, const CalendarOptions& options) {
    std::string out;
    auto line = [&out](std::string_view l) { out += ical_fold(l); };
    line("BEGIN:VCALENDAR");
    line("PRODID:-//Knotwork//Knotwork practice schedule//EN");
    line("VERSION:2.0");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    const std::string stamp = ical_utc_time(options.stamp);
    for (const auto& e : events) {
        line("BEGIN:VEVENT");
        line("UID:session-" + std::to_string(e.id) + "@" + options.uid_domain);
        line("DTSTAMP:" + stamp);
        line("DTSTART:" + ical_local_time(e.starts_at));
        line("DTEND:" + ical_local_time(e.ends_at));
        line("SEQUENCE:" + std::to_string(std::max(0, e.version - 1)));
        line("SUMMARY:" + ical_text(summary_of(e, options.summary)));
        if (!e.therapist.empty()) line("X-KNOTWORK-THERAPIST:" + ical_text(e.therapist));
        line(e.status == AppointmentStatus::cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
        line("TRANSP:OPAQUE");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    return out;
}

std::pair<DateTime, DateTime> schedule_range(const std::optional<Date>& from, const std::optional<Date>& to) {
    const DateTime first = from ? DateTime(*from) : DateTime(Date(1900, 1, 1));
    const DateTime end = to ? DateTime(*to + boost::gregorian::days(1)) : DateTime(Date(9999, 12, 31));
    return {first, end};
}

std::vector<CalendarEvent> calendar_events(db::Database& db, const CalendarOptions& options) {
    const auto [first, end] = schedule_range(options.from, options.to);
    db::SessionRepository sessions(db);
    std::vector<CalendarEvent> out;
    for (const auto& a : sessions.between(first, end)) {
        if (options.therapist && a.therapist != *options.therapist) continue;
        CalendarEvent e;
        e.id = a.id;
        e.starts_at = a.starts_at;
        e.ends_at = a.ends_at;
        e.client_name = a.client_name;
        e.therapist = a.therapist;
        e.status = a.status;
        // The schedule's summary has no version; the appointment's own row has.
        if (const auto s = sessions.find(a.id)) e.version = s->version();
        out.push_back(std::move(e));
    }
    return out;
}

std::size_t export_calendar_file(db::Database& db, const std::filesystem::path& file, const CalendarOptions& options) {
    if (options.from && options.to && *options.to < *options.from)
        throw ValidationError("to", "must not be before from");
    const ExportResult r = export_to_new_file(db, file, [&](std::ostream& out, ExportAudit& audit) {
        const auto events = calendar_events(db, options);
        out << calendar_text(events, options);
        audit.entity = "session";
        audit.what = "calendar exported: " + std::to_string(events.size()) + " appointments";
        if (options.therapist) audit.what += ", therapist " + *options.therapist;
        if (options.from) audit.what += ", from " + to_iso(*options.from);
        if (options.to) audit.what += ", to " + to_iso(*options.to);
        return events.size();
    });
    return r.records;
}

} // namespace knotwork::app
