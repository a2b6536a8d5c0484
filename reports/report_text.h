#pragma once
// How a progress report writes dates, scores and changes, so every rendering (PDF now, the
// desktop preview later) and every sentence the report model composes read the same.
#include "common/dates.h"
#include "outcomes/outcome_measures.h"
#include "plan/treatment_plan.h"
#include "session/session.h"

#include <string>

namespace knotwork::report {

// "5 January 2026".
std::string long_date(Date d);
// "5 Jan 2026".
std::string short_date(Date d);
// "Jan".
std::string month_abbreviation(Date d);
// "5 Jan" when `d` falls in `year`, else "5 Jan 2026".
std::string compact_date(Date d, int year);

// 3 → "3", 3.25 → "3.3", 42.0 → "42": at most `decimals` decimals, no trailing zero.
std::string number(double v, int decimals = 1);
// A change with its sign, using the typographic minus: "+2", "−3.5", "0".
std::string signed_number(double v, int decimals = 1);

// A score as a reader expects it: pain "7/10", ODI "42%", Roland-Morris "12/24", PSFS "3.7/10".
std::string score(OutcomeMeasure m, double v);
std::string score(GoalMeasure m, double v);

// "3 of 8".
std::string series_text(const SeriesPosition& p);
// "weekly", "twice weekly", "every 10 days".
std::string frequency_text(const SeriesSpec& s);

} // namespace knotwork::report
