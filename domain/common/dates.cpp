#include "common/dates.h"

#include "common/error.h"

#include <boost/date_time/posix_time/posix_time.hpp>

namespace knotwork {

namespace {

// Reads exactly `len` (at most 4) ASCII digits at `pos`. Every stored date and time passes here.
bool read_int(std::string_view s, std::size_t pos, std::size_t len, int& out) {
    if (pos + len > s.size()) return false;
    int value = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
        const unsigned digit = static_cast<unsigned char>(s[i]) - static_cast<unsigned>('0');
        if (digit > 9) return false;
        value = value * 10 + static_cast<int>(digit);
    }
    out = value;
    return true;
}

std::string two(int v) {
    std::string s = std::to_string(v);
    return s.size() < 2 ? "0" + s : s;
}

} // namespace

Date parse_date(std::string_view field, std::string_view iso) {
    int y = 0, m = 0, d = 0;
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-' || !read_int(iso, 0, 4, y) ||
        !read_int(iso, 5, 2, m) || !read_int(iso, 8, 2, d))
        throw ValidationError(std::string(field),
                              "must be a date written YYYY-MM-DD (got \"" + std::string(iso) + "\")");
    if (y < 1400 || y > 9999 || m < 1 || m > 12 || d < 1 ||
        d > boost::gregorian::gregorian_calendar::end_of_month_day(
                static_cast<unsigned short>(y), static_cast<unsigned short>(m)))
        throw ValidationError(std::string(field), "is not a real calendar date (\"" +
                                                      std::string(iso) + "\")");
    return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                static_cast<unsigned short>(d));
}

std::string to_iso(const Date& d) {
    if (d.is_special()) return {};
    return std::to_string(static_cast<int>(d.year())) + "-" + two(d.month()) + "-" + two(d.day());
}

DateTime parse_date_time(std::string_view field, std::string_view iso) {
    if (!iso.empty() && iso.back() == 'Z') iso.remove_suffix(1);
    if ((iso.size() != 16 && iso.size() != 19) || (iso[10] != 'T' && iso[10] != ' '))
        throw ValidationError(std::string(field), "must be a date and time written "
                                                  "YYYY-MM-DDTHH:MM (got \"" +
                                                      std::string(iso) + "\")");
    const Date day = parse_date(field, iso.substr(0, 10));
    int hours = 0, minutes = 0, seconds = 0;
    if (iso[13] != ':' || !read_int(iso, 11, 2, hours) || !read_int(iso, 14, 2, minutes) || hours > 23 ||
        minutes > 59) {
        // Not a time of day: parse_time_of_day makes the same checks and says what is wrong.
        const Duration tod = parse_time_of_day(field, iso.substr(11, 5));
        hours = static_cast<int>(tod.hours());
        minutes = static_cast<int>(tod.minutes());
    }
    if (iso.size() == 19) {
        if (iso[16] != ':' || !read_int(iso, 17, 2, seconds) || seconds > 59)
            throw ValidationError(std::string(field), "has invalid seconds (\"" + std::string(iso) + "\")");
    }
    return DateTime(day, Duration(hours, minutes, seconds));
}

std::string to_iso(const DateTime& t) {
    if (t.is_special()) return {};
    const Duration tod = t.time_of_day();
    return to_iso(t.date()) + "T" + two(static_cast<int>(tod.hours())) + ":" +
           two(static_cast<int>(tod.minutes())) + ":" + two(static_cast<int>(tod.seconds()));
}

Duration parse_time_of_day(std::string_view field, std::string_view hhmm) {
    int h = 0, m = 0;
    if (hhmm.size() != 5 || hhmm[2] != ':' || !read_int(hhmm, 0, 2, h) || !read_int(hhmm, 3, 2, m))
        throw ValidationError(std::string(field),
                              "must be a time written HH:MM (got \"" + std::string(hhmm) + "\")");
    if (h > 23 || m > 59)
        throw ValidationError(std::string(field), "is not a time of day (\"" + std::string(hhmm) + "\")");
    return Duration(h, m, 0);
}

std::string to_hhmm(const Duration& time_of_day) {
    return two(static_cast<int>(time_of_day.hours())) + ":" +
           two(static_cast<int>(time_of_day.minutes()));
}

Date today_utc() { return boost::gregorian::day_clock::universal_day(); }

DateTime now_utc() {
    const DateTime t = boost::posix_time::second_clock::universal_time();
    return t;
}

Date today_local() { return boost::gregorian::day_clock::local_day(); }

DateTime now_local() { return boost::posix_time::second_clock::local_time(); }

int age_on(const Date& birth, const Date& on) {
    int age = on.year() - birth.year();
    if (on.month() < birth.month() || (on.month() == birth.month() && on.day() < birth.day()))
        --age;
    return age;
}

} // namespace knotwork
