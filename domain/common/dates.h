#pragma once
// Dates and times as the whole program speaks them: boost::gregorian::date for calendar days,
// boost::posix_time::ptime (UTC) for moments. Stored and exchanged as ISO 8601 text.
#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include <string>
#include <string_view>

namespace knotwork {

using Date = boost::gregorian::date;
using DateTime = boost::posix_time::ptime;
using Duration = boost::posix_time::time_duration;

// "2026-03-01". Throws ValidationError naming `field` for anything else (including 2026-02-30).
Date parse_date(std::string_view field, std::string_view iso);
std::string to_iso(const Date& d);

// "2026-03-01T09:30:00" (UTC, no zone suffix; a trailing "Z" is accepted when parsing).
DateTime parse_date_time(std::string_view field, std::string_view iso);
std::string to_iso(const DateTime& t);

// "09:30" → time of day. Throws ValidationError for hours past 23 or minutes past 59.
Duration parse_time_of_day(std::string_view field, std::string_view hhmm);
std::string to_hhmm(const Duration& time_of_day);

// The current UTC date and time: for records of when something was written (audit trail,
// created/updated stamps). Tests pass explicit values instead of calling these.
Date today_utc();
DateTime now_utc();

// The practice's wall clock: appointments, signatures and amendments are local date and time
// without a zone, as the therapist reads them on the schedule. "Today" in the app is this day.
Date today_local();
DateTime now_local();

// Whole years between birth and `on` (the client's age that day).
int age_on(const Date& birth, const Date& on);

} // namespace knotwork
