#include "report_text.h"

#include <array>
#include <cmath>
#include <cstdio>

namespace knotwork::report {

namespace {

constexpr std::array<const char*, 12> month_long{"January", "February", "March",     "April",   "May",      "June",
                                                 "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<const char*, 12> month_short{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

constexpr const char* minus_sign = "\u2212";

} // namespace

std::string long_date(Date d) {
    if (d.is_special()) return "—";
    return std::to_string(d.day().as_number()) + " " + month_long[static_cast<std::size_t>(d.month() - 1)] + " " +
           std::to_string(d.year());
}

std::string short_date(Date d) {
    if (d.is_special()) return "—";
    return std::to_string(d.day().as_number()) + " " + month_short[static_cast<std::size_t>(d.month() - 1)] + " " +
           std::to_string(d.year());
}

std::string month_abbreviation(Date d) {
    if (d.is_special()) return "—";
    return month_short[static_cast<std::size_t>(d.month() - 1)];
}

std::string compact_date(Date d, int year) {
    if (d.is_special()) return "—";
    if (d.year() != year) return short_date(d);
    return std::to_string(d.day().as_number()) + " " + month_short[static_cast<std::size_t>(d.month() - 1)];
}

std::string number(double v, int decimals) {
    const double scale = std::pow(10.0, decimals);
    double rounded = std::round(v * scale) / scale;
    if (rounded == 0) rounded = 0; // no "-0"
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, rounded);
    std::string s(buf);
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    return s;
}

std::string signed_number(double v, int decimals) {
    const std::string magnitude = number(std::fabs(v), decimals);
    if (magnitude == "0") return "0";
    return (v < 0 ? minus_sign : "+") + magnitude;
}

std::string score(OutcomeMeasure m, double v) {
    switch (m) {
    case OutcomeMeasure::pain:
        return number(v) + "/10";
    case OutcomeMeasure::odi:
        return number(v) + "%";
    case OutcomeMeasure::rmdq:
        return number(v) + "/24";
    case OutcomeMeasure::psfs:
        return number(v) + "/10";
    }
    return number(v);
}

std::string score(GoalMeasure m, double v) {
    switch (m) {
    case GoalMeasure::pain:
        return score(OutcomeMeasure::pain, v);
    case GoalMeasure::odi:
        return score(OutcomeMeasure::odi, v);
    case GoalMeasure::rmdq:
        return score(OutcomeMeasure::rmdq, v);
    case GoalMeasure::psfs:
    case GoalMeasure::activity:
        return score(OutcomeMeasure::psfs, v);
    }
    return number(v);
}

std::string series_text(const SeriesPosition& p) { return std::to_string(p.number) + " of " + std::to_string(p.of); }

std::string frequency_text(const SeriesSpec& s) {
    switch (s.frequency) {
    case Frequency::weekly:
        return "weekly";
    case Frequency::twice_weekly:
        return "twice weekly";
    case Frequency::every_n_days:
        return s.interval_days == 1 ? "daily" : "every " + std::to_string(s.interval_days) + " days";
    }
    return {};
}

} // namespace knotwork::report
