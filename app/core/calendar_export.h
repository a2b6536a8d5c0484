#pragma once
// The practice's schedule as an iCalendar file (RFC 5545) for a phone or a calendar program: one
// VEVENT per appointment, the whole practice or one therapist's, in a date range.
//
// Decisions, documented in docs/data-format.md:
//  - Times. Appointments are kept as the practice's local wall-clock time without a zone (see
//    common/dates.h), so DTSTART and DTEND are written as floating local times
//    ("20260301T093000", no "Z", no TZID): a calendar shows them at that clock time wherever it
//    is, which is right for a practice in one place. DTSTAMP is the export's UTC time.
//  - UID. "session-<id>@<uid_domain>": stable across exports, so importing a newer file updates
//    the events instead of duplicating them; SEQUENCE is the appointment's version less one.
//    The default domain is the same for every practice; a clinic that keeps several practice
//    files names a different domain for each.
//  - Privacy. The file leaves the practice. SUMMARY is the client's name as the schedule shows it
//    (what a therapist expects in a personal calendar), or the client's initials, or only
//    "Appointment"; nothing clinical (notes, plan, conditions) is ever written.
#include "common/dates.h"
#include "session/session.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace knotwork::db {
class Database;
}

namespace knotwork::app {

enum class CalendarSummary { client_name, initials, none };

inline constexpr std::string_view default_uid_domain = "knotwork.practice";

struct CalendarOptions {
    std::optional<Date> from;             // first day included; none: from the first appointment
    std::optional<Date> to;               // last day included; none: to the last appointment
    std::optional<std::string> therapist; // only this therapist's appointments (exact name)
    CalendarSummary summary = CalendarSummary::client_name;
    std::string uid_domain = std::string(default_uid_domain);
    DateTime stamp = now_utc();           // DTSTAMP
};

// One appointment as the calendar writes it.
struct CalendarEvent {
    SessionId id = 0;
    int version = 1;
    DateTime starts_at; // local wall clock
    DateTime ends_at;
    std::string client_name;
    std::string therapist;
    AppointmentStatus status = AppointmentStatus::scheduled;
};

// RFC 5545 TEXT: backslash, semicolon and comma escaped, line breaks (CRLF, CR or LF) as "\n".
std::string ical_text(std::string_view value);
// One content line folded so that no line exceeds 75 octets (continuations start with a space),
// never inside a UTF-8 sequence; every line ends with CRLF.
std::string ical_fold(std::string_view line);
// "20260301T093000" (floating local time) and "20260301T093000Z" (UTC).
std::string ical_local_time(const DateTime& t);
std::string ical_utc_time(const DateTime& t);
// "Ngozi Okafor" → "N. O."; the first character of each word, whatever its script.
std::string initials_of(std::string_view name);

// The calendar text for `events`, in the order given.
std::string calendar_text(const std::vector<CalendarEvent>& events, const CalendarOptions& options);

// The appointments the options select, oldest first, from the practice.
std::vector<CalendarEvent> calendar_events(db::Database& db, const CalendarOptions& options);

// Writes the calendar to a new file, audited (export_file.h). Returns the number of events.
std::size_t export_calendar_file(db::Database& db, const std::filesystem::path& file, const CalendarOptions& options);

// The range as the schedule asks for it: [from 00:00, day after `to` 00:00), or everything.
std::pair<DateTime, DateTime> schedule_range(const std::optional<Date>& from, const std::optional<Date>& to);

} // namespace knotwork::app
