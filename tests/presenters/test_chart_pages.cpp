// The chart pages write every date, time and decimal through the display-format hook: ISO dates,
// 24-hour times and '.' decimals with none installed; a locale's text once the desktop program
// installs one (here a fake no locale has, so each value is seen to come from the hook).
#include "chart/chart_page_presenter.h"

#include "core/display_format.h"

#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <regex>
#include <string>

using namespace knotwork;

namespace {

const Date today(2026, 12, 1);

DateTime at(Date day, int hour, int minute) {
    return DateTime(day, boost::posix_time::hours(hour) + boost::posix_time::minutes(minute));
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Dates "14|3|1979", long dates "long 9|3|2026", times "9h30", decimals with a comma.
std::string fake_date(Date d) {
    return std::to_string(static_cast<int>(d.day())) + "|" + std::to_string(static_cast<int>(d.month())) +
           "|" + std::to_string(static_cast<int>(d.year()));
}
std::string fake_long_date(Date d) {
    return "long " + fake_date(d);
}
std::string fake_time(Duration t) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%dh%02d", static_cast<int>(t.hours()), static_cast<int>(t.minutes()));
    return buf;
}
std::string fake_number(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s = buf;
    for (char& c : s)
        if (c == '.') c = ',';
    return s;
}

// Installs the fake for one test and puts back what was there.
struct FakeLocale {
    app::DisplayFormat saved =
        app::set_display_format({&fake_date, &fake_long_date, &fake_time, &fake_number});
    ~FakeLocale() { app::set_display_format(saved); }
};
// No hook, whatever an earlier test left.
struct NoLocale {
    app::DisplayFormat saved = app::set_display_format({});
    ~NoLocale() { app::set_display_format(saved); }
};

Assessment assessment(Date on, int pain_now, int odi_each, int psfs_first) {
    AssessmentDetails d;
    d.assessed_on = on;
    d.therapist = "Kim Lee";
    d.chief_complaint = "Low back pain after long days at the desk";
    d.duration_weeks = 16;
    d.pain_now = PainScore(pain_now);
    d.pain_best = PainScore(1);
    d.pain_worst = PainScore(8);
    std::array<std::optional<int>, odi_section_count> odi;
    odi.fill(odi_each);
    d.odi = OdiResponses(odi);
    d.psfs = PsfsResponses({{"Lifting my daughter", psfs_first},
                            {"Sitting through a film", 4},
                            {"Gardening", 4},
                            {"Driving", 3}});
    Assessment a(1, d, today);
    return a;
}

// A client with a date for everything the pages show: born, consent, red flags screened,
// archived; two assessments (scores with decimals: PSFS 3.5, then 5.0); a plan; a signed and
// amended session.
app::ClientChart sample_chart() {
    ClientDetails d;
    d.family_name = "Okafor";
    d.given_name = "Ngozi";
    d.date_of_birth = Date(1979, 3, 14);
    d.consent_date = Date(2026, 3, 1);
    d.intake_red_flags.positive = {RedFlag::night_pain};
    d.intake_red_flags.referred_to = "Dr Mensah";
    d.red_flags_screened_on = Date(2026, 3, 2);
    Client client(d, today);
    client.set_id(1);
    client.archive(Date(2026, 11, 30));

    const Assessment baseline = assessment(Date(2026, 3, 2), 6, 2, 3);
    const Assessment latest = assessment(Date(2026, 4, 6), 3, 1, 9);

    PlanDetails p;
    p.created_on = Date(2026, 3, 2);
    p.goals = {{"Sit through a working day", GoalMeasure::odi, 40.0, 20.0}};
    p.techniques = {{"myofascial_release", "Restricted lumbar fascia"}};
    p.series.session_count = 6;
    p.series.start_date = Date(2026, 3, 9);
    p.series.start_time = boost::posix_time::hours(9) + boost::posix_time::minutes(30);
    p.series.therapist = "Kim Lee";
    TreatmentPlan plan(1, p);

    Session session(1, at(Date(2026, 3, 9), 9, 30), at(Date(2026, 3, 9), 10, 30), "Kim Lee");
    session.mark_completed();
    SoapNote note;
    note.subjective = "Stiff in the mornings";
    note.pain_before = PainScore(6);
    note.pain_after = PainScore(3);
    session.write_note(note);
    session.sign("Kim Lee", at(Date(2026, 3, 9), 10, 45));
    session.amend("Kim Lee", at(Date(2026, 3, 10), 14, 5), "Late entry", "Client phoned: less pain today");

    return {client, {baseline, latest}, {plan}, {session}, app::outcome_changes(baseline, latest)};
}

// Text that only an un-hooked date, time or decimal would leave on a page: 2026-03-09, 09:30,
// 3.5.
const std::regex iso_date(R"(\d{4}-\d{2}-\d{2})");
const std::regex clock_time(R"(\d:\d{2})");
const std::regex point_decimal(R"(\d\.\d)");

} // namespace

BOOST_AUTO_TEST_SUITE(chart_pages)

BOOST_FIXTURE_TEST_CASE(without_a_locale_pages_show_iso_dates_and_point_decimals, NoLocale) {
    const app::ClientChart chart = sample_chart();

    const std::string profile = gui::profile_page_html(chart, today);
    BOOST_TEST(contains(profile, "Archived on 2026-11-30"), profile);
    BOOST_TEST(contains(profile, "Screened on 2026-03-02"), profile);
    BOOST_TEST(contains(profile, "1979-03-14 (age 47)"), profile);
    BOOST_TEST(contains(profile, "<td>2026-03-01</td>"), profile); // consent on file

    const std::string assessments = gui::assessments_page_html(chart);
    BOOST_TEST(contains(assessments, "<h4>2026-04-06</h4>"), assessments);
    BOOST_TEST(contains(assessments, "<h4>2026-03-02 — baseline</h4>"), assessments);
    BOOST_TEST(contains(assessments, "PSFS</font></td><td>3.5 ("), assessments);
    BOOST_TEST(
        contains(assessments, "<td align=right>3.5</td><td align=right>5.0</td><td align=right>+1.5</td>"),
        assessments);

    const std::string plans = gui::plans_page_html(chart);
    BOOST_TEST(contains(plans, "Plan of 2026-03-02"), plans);
    BOOST_TEST(contains(plans, "from 2026-03-09 09:30"), plans);
    BOOST_TEST(contains(plans, "(Oswestry Disability Index: 40 → 20)"), plans);

    const std::string sessions = gui::sessions_page_html(chart);
    BOOST_TEST(contains(sessions, "<b>Monday 9 March 2026 09:30</b>"), sessions);
    BOOST_TEST(contains(sessions, "Amendment 2026-03-10 14:05 by Kim Lee"), sessions);
}

BOOST_FIXTURE_TEST_CASE(every_date_time_and_decimal_comes_from_the_installed_format, FakeLocale) {
    const app::ClientChart chart = sample_chart();

    const std::string profile = gui::profile_page_html(chart, today);
    BOOST_TEST(contains(profile, "Archived on 30|11|2026"), profile);
    BOOST_TEST(contains(profile, "Screened on 2|3|2026"), profile);
    BOOST_TEST(contains(profile, "14|3|1979 (age 47)"), profile);
    BOOST_TEST(contains(profile, "<td>1|3|2026</td>"), profile);

    const std::string assessments = gui::assessments_page_html(chart);
    BOOST_TEST(contains(assessments, "<h4>6|4|2026</h4>"), assessments);
    BOOST_TEST(contains(assessments, "<h4>2|3|2026 — baseline</h4>"), assessments);
    BOOST_TEST(contains(assessments, "PSFS</font></td><td>3,5 ("), assessments);
    BOOST_TEST(
        contains(assessments, "<td align=right>3,5</td><td align=right>5,0</td><td align=right>+1,5</td>"),
        assessments);

    const std::string plans = gui::plans_page_html(chart);
    BOOST_TEST(contains(plans, "Plan of 2|3|2026"), plans);
    BOOST_TEST(contains(plans, "from 9|3|2026 9h30"), plans);

    const std::string sessions = gui::sessions_page_html(chart);
    BOOST_TEST(contains(sessions, "<b>long 9|3|2026 9h30</b>"), sessions);
    BOOST_TEST(contains(sessions, "Amendment 10|3|2026 14h05 by Kim Lee"), sessions);

    for (const auto& [name, page] : {std::pair{"profile", profile}, std::pair{"assessments", assessments},
                                     std::pair{"plans", plans}, std::pair{"sessions", sessions}}) {
        BOOST_TEST_CONTEXT(name << " page") {
            BOOST_TEST(!std::regex_search(page, iso_date), page);
            BOOST_TEST(!std::regex_search(page, clock_time), page);
            BOOST_TEST(!std::regex_search(page, point_decimal), page);
        }
    }
}

BOOST_FIXTURE_TEST_CASE(formatted_text_is_escaped_like_any_other, NoLocale) {
    app::set_display_format({[](Date) { return std::string("<a&b>"); }});
    const std::string profile = gui::profile_page_html(sample_chart(), today);
    BOOST_TEST(contains(profile, "&lt;a&amp;b&gt; (age 47)"), profile);
    BOOST_TEST(!contains(profile, "<a&b>"), profile);
}

BOOST_AUTO_TEST_SUITE_END()
