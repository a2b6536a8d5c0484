#include "practice/practice_profile.h"

#include "common/error.h"
#include "common/text.h"

namespace knotwork {

void PracticeProfile::validate() const {
    text::require_clean("practice name", practice_name, text::short_limit);
    text::require_clean("practice address", address, 1000);
    text::require_clean("practice phone", phone, 40);
    text::require_clean("therapist name", therapist_name, text::short_limit);
    text::require_clean("licence number", licence_number, 100);
    if (default_session_minutes < 15 || default_session_minutes > 180)
        throw ValidationError("default session length", "must be between 15 and 180 minutes");
    if (closed_weekdays.size() >= 7) throw ValidationError("closed days", "the practice cannot be closed every day");
    validate_holidays(holidays);
}

void validate_holidays(const std::map<Date, std::string>& holidays) {
    for (const auto& [day, name] : holidays) {
        if (day.is_special()) throw ValidationError("holidays", "contain an invalid date");
        text::require_clean("holiday name", name, text::short_limit);
    }
}

bool PracticeProfile::is_closed(const Date& d) const {
    return closed_reason(closed_weekdays, holidays, d).has_value();
}

PracticeCalendar PracticeProfile::calendar() const {
    PracticeCalendar c;
    c.closed_weekdays = closed_weekdays;
    c.holidays = holidays;
    return c;
}

} // namespace knotwork
