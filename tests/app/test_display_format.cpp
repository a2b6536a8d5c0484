// The display-format hook: ISO dates, 24-hour times and '.' decimals when nothing is installed
// (the CLI, every test), and each installed part replacing only itself.
#include "core/display_format.h"

#include <boost/test/unit_test.hpp>

#include <clocale>
#include <string>

using namespace knotwork;

namespace {

DateTime at(Date day, int hour, int minute) {
    return DateTime(day, boost::posix_time::hours(hour) + boost::posix_time::minutes(minute));
}

// Puts back whatever format was installed before the test.
struct RestoreFormat {
    app::DisplayFormat saved = app::set_display_format({});
    ~RestoreFormat() { app::set_display_format(saved); }
};

} // namespace

BOOST_AUTO_TEST_SUITE(display_format)

BOOST_FIXTURE_TEST_CASE(without_a_hook_dates_are_iso_and_decimals_use_a_point, RestoreFormat) {
    BOOST_TEST(app::format_date(Date(2026, 3, 1)) == "2026-03-01");
    BOOST_TEST(app::format_date(Date(boost::gregorian::not_a_date_time)) == "");
    BOOST_TEST(app::format_long_date(Date(2026, 11, 27)) == "Friday 27 November 2026");
    BOOST_TEST(app::format_long_date(Date(2026, 3, 1)) == "Sunday 1 March 2026");
    BOOST_TEST(app::format_time(boost::posix_time::hours(9) + boost::posix_time::minutes(5)) == "09:05");
    BOOST_TEST(app::format_time(boost::posix_time::hours(23) + boost::posix_time::minutes(59)) == "23:59");
    BOOST_TEST(app::format_date_time(at(Date(2026, 3, 1), 14, 30)) == "2026-03-01 14:30");
    BOOST_TEST(app::format_date_time(DateTime(boost::posix_time::not_a_date_time)) == "");
    struct Case {
        double value;
        int decimals;
        std::string text;
    };
    for (const Case& c :
         {Case{3.5, 1, "3.5"}, Case{40.0, 0, "40"}, Case{-12.34, 1, "-12.3"}, Case{0.06, 1, "0.1"},
          Case{2.0 / 3.0, 2, "0.67"}, Case{1234.5, 1, "1234.5"}, Case{7.25, -3, "7"}}) {
        BOOST_TEST_CONTEXT(c.value << " to " << c.decimals << " decimals") {
            BOOST_TEST(app::format_number(c.value, c.decimals) == c.text);
        }
    }
}

BOOST_FIXTURE_TEST_CASE(the_default_point_does_not_follow_the_c_library_locale, RestoreFormat) {
    // Only where a comma-decimal locale is installed; the C locale is put back either way.
    const char* comma_locale = nullptr;
    for (const char* name : {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8", "nl_NL.UTF-8"})
        if (!comma_locale && std::setlocale(LC_NUMERIC, name)) comma_locale = name;
    BOOST_TEST_MESSAGE("comma-decimal locale: " << (comma_locale ? comma_locale : "none installed"));
    const std::string text = app::format_number(3.5, 1);
    std::setlocale(LC_NUMERIC, "C");
    BOOST_TEST(text == "3.5");
}

BOOST_FIXTURE_TEST_CASE(an_installed_part_replaces_only_itself, RestoreFormat) {
    app::DisplayFormat format;
    format.date = [](Date d) { return "day " + std::to_string(static_cast<int>(d.day())); };
    format.number = [](double, int decimals) { return "n" + std::to_string(decimals); };
    const app::DisplayFormat before = app::set_display_format(format);
    BOOST_TEST(!before.date, "the fixture left no hook installed");

    BOOST_TEST(app::format_date(Date(2026, 3, 1)) == "day 1");
    BOOST_TEST(app::format_date_time(at(Date(2026, 3, 1), 9, 30)) == "day 1 09:30");
    BOOST_TEST(app::format_time(boost::posix_time::hours(9)) == "09:00");
    BOOST_TEST(app::format_long_date(Date(2026, 3, 1)) == "Sunday 1 March 2026");
    BOOST_TEST(app::format_number(1.0, 1) == "n1");
    BOOST_TEST(app::format_number(1.0, 99) == "n20", "decimals are clamped before the hook sees them");
    // A special value never reaches the hook.
    BOOST_TEST(app::format_date(Date(boost::gregorian::not_a_date_time)) == "");

    const app::DisplayFormat replaced = app::set_display_format({});
    BOOST_TEST(replaced.date == format.date);
    BOOST_TEST(app::format_date(Date(2026, 3, 1)) == "2026-03-01");
}

BOOST_AUTO_TEST_SUITE_END()
