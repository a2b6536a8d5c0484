#include "schedule/series_scheduler.h"

#include "common/error.h"
#include "common/text.h"

namespace knotwork {

namespace {
constexpr int days_in_week = 7;
// How far past an intended date the scheduler looks for an open day before giving up.
constexpr int search_limit_days = 366;

// "Fri 2026-12-25"
std::string day_text(Date d) {
    return std::string(d.day_of_week().as_short_string()) + " " + to_iso(d);
}

std::string same_person(std::string_view name) {
    return text::ascii_lower(text::trim(name));
}

bool overlaps(DateTime a_start, DateTime a_end, DateTime b_start, DateTime b_end) {
    return a_start < b_end && b_start < a_end;
}

void validate_series(const SeriesSpec& s) {
    if (s.session_count < 1 || s.session_count > 52)
        throw ValidationError("number of sessions",
                              "must be between 1 and 52 (got " + std::to_string(s.session_count) + ")");
    if (s.session_minutes < 15 || s.session_minutes > 180)
        throw ValidationError("session length", "must be between 15 and 180 minutes (got " +
                                                    std::to_string(s.session_minutes) + ")");
    if (s.frequency == Frequency::every_n_days && (s.interval_days < 1 || s.interval_days > 60))
        throw ValidationError("interval",
                              "must be between 1 and 60 days (got " + std::to_string(s.interval_days) + ")");
    if (s.start_date.is_special()) throw ValidationError("series start", "is not a valid date");
    if (s.start_time.is_special() || s.start_time.is_negative() ||
        s.start_time >= boost::posix_time::hours(24))
        throw ValidationError("series start time", "is not a time of day");
    text::require_clean("therapist", s.therapist, text::short_limit);
}
} // namespace

std::string describe(const BusySlot& slot) {
    std::string s = text::trim(slot.label).empty() ? std::string("Busy") : text::trim(slot.label);
    s += ", " + day_text(slot.start.date()) + " " + to_hhmm(slot.start.time_of_day()) + "–" +
         to_hhmm(slot.end.time_of_day());
    if (!text::trim(slot.therapist).empty()) s += " with " + text::trim(slot.therapist);
    return s;
}

std::vector<BusySlot> find_clashes(DateTime start, DateTime end, std::string_view therapist,
                                   const std::vector<BusySlot>& busy) {
    const std::string who = same_person(therapist);
    std::vector<BusySlot> out;
    for (const auto& b : busy) {
        if (!overlaps(start, end, b.start, b.end)) continue;
        const std::string other = same_person(b.therapist);
        if (who.empty() || other.empty() || who == other) out.push_back(b);
    }
    return out;
}

int series_offset_days(const SeriesSpec& series, int index) {
    switch (series.frequency) {
    case Frequency::weekly:
        return days_in_week * index;
    case Frequency::twice_weekly:
        return days_in_week * (index / 2) + 3 * (index % 2);
    case Frequency::every_n_days:
        return series.interval_days * index;
    }
    return days_in_week * index;
}

SeriesScheduler::SeriesScheduler(PracticeCalendar calendar) : m_calendar(std::move(calendar)) {
    if (m_calendar.closed_weekdays.size() >= static_cast<std::size_t>(days_in_week))
        throw ValidationError("closed days", "the practice cannot be closed every day of the week");
    for (const auto& [day, name] : m_calendar.holidays) {
        if (day.is_special()) throw ValidationError("holidays", "contain a date that is not valid");
        text::require_clean("holiday name", name, text::short_limit);
    }
    if (const auto& h = m_calendar.hours) {
        const auto day = boost::posix_time::hours(24);
        if (h->opens.is_special() || h->opens.is_negative() || h->opens >= day)
            throw ValidationError("opening time", "is not a time of day");
        if (h->closes.is_special() || h->closes.is_negative() || h->closes >= day)
            throw ValidationError("closing time", "is not a time of day");
        if (h->closes <= h->opens)
            throw ValidationError("closing time",
                                  "must be after the opening time (" + to_hhmm(h->opens) + ")");
    }
}

std::vector<ScheduledAppointment> SeriesScheduler::schedule(const SeriesSpec& series,
                                                            const std::vector<BusySlot>& busy) const {
    validate_series(series);
    const Duration length = boost::posix_time::minutes(series.session_minutes);
    if (const auto& h = m_calendar.hours;
        h && (series.start_time < h->opens || series.start_time + length > h->closes))
        throw ValidationError("series start time", to_hhmm(series.start_time) + "–" +
                                                       to_hhmm(series.start_time + length) +
                                                       " is outside opening hours (" + to_hhmm(h->opens) +
                                                       "–" + to_hhmm(h->closes) + ")");

    std::vector<ScheduledAppointment> out;
    out.reserve(static_cast<std::size_t>(series.session_count));
    for (int i = 0; i < series.session_count; ++i) {
        const Date intended = series.start_date + boost::gregorian::days(series_offset_days(series, i));
        Date day = intended;
        std::string why;
        if (!out.empty() && day <= out.back().date()) {
            day = out.back().date() + boost::gregorian::days(1);
            why = "session " + std::to_string(i) + " had to move to " + day_text(out.back().date());
        } else if (auto closed = m_calendar.closed_reason(day)) {
            why = std::move(*closed);
        }
        for (int tries = 0; !m_calendar.is_open(day); ++tries) {
            if (tries >= search_limit_days)
                throw ValidationError("holidays",
                                      "leave no open day within a year after " + to_iso(intended));
            day += boost::gregorian::days(1);
        }

        ScheduledAppointment a;
        a.number = i + 1;
        a.of = series.session_count;
        a.start = DateTime(day, series.start_time);
        a.end = a.start + length;
        a.clashes = find_clashes(a.start, a.end, series.therapist, busy);
        if (day != intended) {
            a.moved_from = intended;
            a.move_reason = "moved from " + day_text(intended) + ": " + why;
        }
        out.push_back(std::move(a));
    }
    return out;
}

SlotCheck SeriesScheduler::check_slot(DateTime start, DateTime end, std::string_view therapist,
                                      const std::vector<BusySlot>& busy) const {
    if (start.is_special()) throw ValidationError("start", "is not a valid date and time");
    if (end.is_special() || end <= start)
        throw ValidationError("end", "must be after the start (" + to_iso(start) + ")");
    SlotCheck check;
    check.clashes = find_clashes(start, end, therapist, busy);
    check.closed = m_calendar.closed_reason(start.date());
    check.outside_hours = !m_calendar.within_hours(start, end);
    return check;
}

} // namespace knotwork
