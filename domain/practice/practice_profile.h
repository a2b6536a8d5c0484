#pragma once
// Who the practice is, as reports print it, and when it is open. Set once in Preferences.
#include "common/dates.h"
#include "schedule/practice_calendar.h"

#include <map>
#include <set>
#include <string>

namespace knotwork {

struct PracticeProfile {
    std::string practice_name;
    std::string address;
    std::string phone;
    std::string therapist_name;
    std::string licence_number;
    int default_session_minutes = 60;
    std::set<boost::date_time::weekdays> closed_weekdays{boost::date_time::Sunday};
    std::map<Date, std::string> holidays; // date → label ("Christmas Day")
    bool operator==(const PracticeProfile&) const = default;

    // Throws ValidationError for bad text, a session length outside 15–180 minutes, or every
    // weekday closed.
    void validate() const;
    // Closed weekdays and holidays decide, as PracticeCalendar does (one rule for both).
    bool is_closed(const Date& d) const;
    // The practice's calendar for the series scheduler: closed weekdays and holidays. The profile
    // keeps no opening hours, so the calendar has none; the caller adds them.
    PracticeCalendar calendar() const;
};

// Throws ValidationError for an invalid date or a bad name: the holidays' part of validate().
void validate_holidays(const std::map<Date, std::string>& holidays);

} // namespace knotwork
