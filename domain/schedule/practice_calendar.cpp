#include "schedule/practice_calendar.h"

namespace knotwork {

std::optional<std::string> closed_reason(const std::set<Weekday>& closed_weekdays,
                                         const std::map<Date, std::string>& holidays, Date day) {
    if (const auto it = holidays.find(day); it != holidays.end())
        return it->second.empty() ? std::string("holiday") : "holiday (" + it->second + ")";
    if (closed_weekdays.contains(day.day_of_week().as_enum()))
        return "closed on " + std::string(day.day_of_week().as_long_string()) + "s";
    return std::nullopt;
}

bool PracticeCalendar::within_hours(DateTime start, DateTime end) const {
    if (!hours) return true;
    return start.date() == end.date() && start.time_of_day() >= hours->opens &&
           end.time_of_day() <= hours->closes;
}

} // namespace knotwork
