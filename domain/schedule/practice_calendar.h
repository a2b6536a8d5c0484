#pragma once
// When a practice is open: the weekdays it is closed, its holidays and, optionally, its opening
// hours. The one place that decides whether a day is closed and says why; PracticeProfile and the
// series scheduler both ask it.
#include "common/dates.h"

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>

namespace knotwork {

using Weekday = boost::date_time::weekdays;

struct OpeningHours {
    Duration opens = boost::posix_time::hours(9);
    Duration closes = boost::posix_time::hours(17);
    bool operator==(const OpeningHours&) const = default;
};

// Why a practice with these closed weekdays and holidays is closed on `day` ("holiday (Christmas
// Day)", "closed on Sundays"), or nothing when it is open. A holiday's reason wins over the weekday.
std::optional<std::string> closed_reason(const std::set<Weekday>& closed_weekdays,
                                         const std::map<Date, std::string>& holidays, Date day);

struct PracticeCalendar {
    std::set<Weekday> closed_weekdays;
    std::map<Date, std::string> holidays; // date → name, which may be empty
    std::optional<OpeningHours> hours;    // none: no limit on the time of day

    // Why the practice is closed that day, or nothing when it is open.
    std::optional<std::string> closed_reason(Date day) const {
        return knotwork::closed_reason(closed_weekdays, holidays, day);
    }
    bool is_open(Date day) const { return !closed_reason(day).has_value(); }
    // True when [start, end) lies within opening hours on one day (always, without hours).
    bool within_hours(DateTime start, DateTime end) const;
    bool operator==(const PracticeCalendar&) const = default;
};

} // namespace knotwork
