#include "core/display_format.h"

#include <algorithm>
#include <array>
#include <charconv>

namespace knotwork::app {

namespace {

DisplayFormat g_format;

constexpr std::array<const char*, 7> weekdays{"Sunday",   "Monday", "Tuesday", "Wednesday",
                                              "Thursday", "Friday", "Saturday"};
constexpr std::array<const char*, 12> months{"January",   "February", "March",    "April",
                                             "May",       "June",     "July",     "August",
                                             "September", "October",  "November", "December"};

} // namespace

DisplayFormat set_display_format(const DisplayFormat& format) {
    const DisplayFormat previous = g_format;
    g_format = format;
    return previous;
}

std::string format_date(Date day) {
    if (day.is_special()) return {};
    return g_format.date ? g_format.date(day) : to_iso(day);
}

std::string format_long_date(Date day) {
    if (day.is_special()) return {};
    if (g_format.long_date) return g_format.long_date(day);
    return std::string(weekdays.at(day.day_of_week().as_number())) + " " +
           std::to_string(static_cast<int>(day.day())) + " " +
           months.at(static_cast<std::size_t>(day.month().as_number() - 1)) + " " +
           std::to_string(static_cast<int>(day.year()));
}

std::string format_time(Duration time_of_day) {
    if (time_of_day.is_special()) return {};
    return g_format.time ? g_format.time(time_of_day) : to_hhmm(time_of_day);
}

std::string format_date_time(DateTime moment) {
    if (moment.is_special()) return {};
    return format_date(moment.date()) + " " + format_time(moment.time_of_day());
}

std::string format_number(double value, int decimals) {
    decimals = std::clamp(decimals, 0, 20);
    if (g_format.number) return g_format.number(value, decimals);
    // to_chars, unlike printf, ignores the C library's LC_NUMERIC: always '.'.
    std::array<char, 400> buf{};
    const auto [end, ec] =
        std::to_chars(buf.data(), buf.data() + buf.size(), value, std::chars_format::fixed, decimals);
    if (ec != std::errc{}) return {};
    return std::string(buf.data(), end);
}

} // namespace knotwork::app
