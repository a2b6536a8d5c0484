#pragma once
// Dates, times and decimals as a person reads them on screen. Like tr(), this is a hook: the
// desktop program points it at the user's locale (gui/common/locale_format.h); everywhere else
// (the CLI, tests, anything that never sets it) the text is ISO 8601 dates, 24-hour HH:MM times and
// '.' decimals, the same whatever the C library's locale. Only for display: what is stored,
// exported or parsed stays ISO text (common/dates.h).
#include "common/dates.h"

#include <string>

namespace knotwork::app {

// The parts a front end may replace; a null member keeps the default for that part. Plain
// function pointers, as for set_translator(): the hook holds no state of its own.
struct DisplayFormat {
    std::string (*date)(Date day) = nullptr;                     // short, for lists: "2026-11-27"
    std::string (*long_date)(Date day) = nullptr;                // "Friday 27 November 2026"
    std::string (*time)(Duration time_of_day) = nullptr;         // "14:05"
    std::string (*number)(double value, int decimals) = nullptr; // "1234.5"
};

// Installs `format` for the whole program and returns the one it replaces, so a caller (a test)
// can put it back. Call from the main thread before windows show text.
DisplayFormat set_display_format(const DisplayFormat& format);

// An empty string for a special (not-a-date) value, as to_iso() gives.
std::string format_date(Date day);
std::string format_long_date(Date day);
std::string format_time(Duration time_of_day);
// The short date, a space, the time: "2026-11-27 14:05".
std::string format_date_time(DateTime moment);
// Fixed-point with `decimals` digits after the separator (clamped to 0..20), rounded as printf
// rounds; no thousands separator.
std::string format_number(double value, int decimals);

} // namespace knotwork::app
