// Pins reports/progress_report: what a progress report says, from the records alone. Every figure
// is checked against the hand-computed fixture in report_fixture.h.
#include "progress_report.h"
#include "report_text.h"

#include "report_fixture.h"
#include "report_history.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>

namespace knotwork::test {

namespace {

const report::GoalProgress& goal(const report::ProgressReport& r, GoalMeasure m) {
    const auto it = std::find_if(r.goals.begin(), r.goals.end(), [m](const auto& g) { return g.measure == m; });
    BOOST_TEST_REQUIRE((it != r.goals.end()));
    return *it;
}

const report::OutcomeRow& outcome(const report::ProgressReport& r, OutcomeMeasure m,
                                  report::OutcomeSource s = report::OutcomeSource::assessment) {
    const auto it = std::find_if(r.outcomes.begin(), r.outcomes.end(),
                                 [&](const auto& o) { return o.measure == m && o.source == s; });
    BOOST_TEST_REQUIRE((it != r.outcomes.end()));
    return *it;
}

const report::TechniqueUse& technique(const report::ProgressReport& r, const std::string& code) {
    const auto it = std::find_if(r.techniques.begin(), r.techniques.end(), [&](const auto& t) { return t.code == code; });
    BOOST_TEST_REQUIRE((it != r.techniques.end()), "no technique row for " << code);
    return *it;
}

} // namespace

BOOST_AUTO_TEST_SUITE(progress_report_model)

BOOST_AUTO_TEST_CASE(header_and_client_come_from_the_practice_and_the_record) {
    const auto r = ReportFixture().build();
    BOOST_TEST(r.header.practice_name == "Cedar & Stone Massage Therapy");
    BOOST_TEST(r.header.therapist == "Maya Okonkwo, RMT");
    BOOST_TEST(r.header.licence_number == "CMTO registration M4821");
    BOOST_TEST(r.header.report_date == fixture_today);
    BOOST_TEST(r.header.period_from == Date(2026, 1, 5)); // the plan's creation: the baseline day
    BOOST_TEST(r.header.period_to == fixture_today);      // the plan is still active
    BOOST_TEST(r.header.plan.value_or(0) == 3);
    BOOST_TEST(r.header.period_description ==
               "Treatment plan of 5 January 2026: 6 sessions of 60 minutes, weekly");
    BOOST_TEST(r.client.name == "Ngozi Okafor");
    BOOST_TEST(r.client.preferred_name == "Zizi");
    BOOST_TEST(r.client.age.value_or(-1) == 41);
    BOOST_TEST(r.client.referring_physician == "Dr Anjali Patel");
}

BOOST_AUTO_TEST_CASE(baseline_is_the_assessment_the_plan_was_based_on) {
    const auto r = ReportFixture().build();
    BOOST_TEST_REQUIRE(r.baseline.has_value());
    BOOST_TEST(r.baseline->assessed_on == Date(2026, 1, 5));
    BOOST_TEST(r.baseline->pain_now == 7);
    BOOST_TEST(r.baseline->odi.value_or(-1) == 40.0);
    BOOST_TEST(r.baseline->rmdq.value_or(-1) == 12);
    BOOST_TEST(r.baseline->psfs.value_or(-1) == 3.0);
    BOOST_TEST((r.baseline->duration == DurationClass::chronic));
    BOOST_TEST_REQUIRE(r.baseline->pain_map.size() == 2u);
    BOOST_TEST((r.baseline->pain_map.front().region == BodyRegion::lumbar_spine)); // most intense first
    BOOST_TEST(r.latest_assessment_on.value_or(Date()) == Date(2026, 1, 27));
}

BOOST_AUTO_TEST_CASE(goal_statuses_follow_targets_and_published_thresholds) {
    const auto r = ReportFixture().build();
    BOOST_TEST_REQUIRE(r.goals.size() == 4u);
    struct Case {
        GoalMeasure measure;
        double baseline;
        double latest;
        report::GoalStatus status;
    };
    const Case cases[] = {
        // 7 → 4: target 3 not reached, but 3 points is a meaningful improvement
        {GoalMeasure::pain, 7, 4, report::GoalStatus::progressing},
        // 40% → 20%: target reached
        {GoalMeasure::odi, 40, 20, report::GoalStatus::met},
        // 12 → 9: 3 points and 25% are within measurement error (5 points or 30%)
        {GoalMeasure::rmdq, 12, 9, report::GoalStatus::not_met},
        // "Gardening for an hour" rated 2 → 4: a rise of 2, below the 3 of one PSFS activity
        {GoalMeasure::activity, 2, 4, report::GoalStatus::not_met},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.measure) {
            const auto& g = goal(r, c.measure);
            BOOST_TEST(g.baseline.value_or(-1) == c.baseline);
            BOOST_TEST(g.latest.value_or(-1) == c.latest);
            BOOST_TEST(g.status == c.status);
            BOOST_TEST(g.latest_on.value_or(Date()) == Date(2026, 1, 27));
        }
    }
    BOOST_TEST(goal(r, GoalMeasure::activity).target.value_or(-1) == 10.0);
}

BOOST_AUTO_TEST_CASE(pain_goal_uses_the_newest_signed_session_when_it_is_newer_than_the_reassessment) {
    ReportFixture f;
    // Move the re-assessment back a week: session 4 (27 Jan, pain 5 before) is now the newest reading.
    Assessment earlier(7, fixture_assessment(Date(2026, 1, 20), 4, 1, 9, 6, 7, 4), fixture_today);
    earlier.set_id(2);
    f.history.assessments.front() = earlier;
    const report::GoalProgress g = goal(f.build(), GoalMeasure::pain); // a copy: the report is a temporary
    BOOST_TEST(g.latest.value_or(-1) == 5.0);
    BOOST_TEST(g.latest_on.value_or(Date()) == Date(2026, 1, 27));
    BOOST_TEST(g.status == report::GoalStatus::progressing); // 7 → 5: 2 points
}

BOOST_AUTO_TEST_CASE(goals_without_a_later_measurement_are_not_measured) {
    ReportFixture f;
    f.history.assessments.erase(f.history.assessments.begin()); // no re-assessment
    const auto r = f.build();
    BOOST_TEST(goal(r, GoalMeasure::odi).status == report::GoalStatus::not_measured);
    BOOST_TEST(goal(r, GoalMeasure::rmdq).status == report::GoalStatus::not_measured);
    BOOST_TEST(goal(r, GoalMeasure::activity).status == report::GoalStatus::not_measured);
    // Pain still has the signed sessions: 5 before the last one.
    BOOST_TEST(goal(r, GoalMeasure::pain).latest.value_or(-1) == 5.0);
}

BOOST_AUTO_TEST_CASE(outcome_verdicts_compare_baseline_with_latest) {
    const auto r = ReportFixture().build();
    struct Case {
        OutcomeMeasure measure;
        report::OutcomeSource source;
        double baseline;
        double latest;
        ChangeVerdict verdict;
    };
    using S = report::OutcomeSource;
    const Case cases[] = {
        {OutcomeMeasure::pain, S::assessment, 7, 4, ChangeVerdict::improved},
        {OutcomeMeasure::odi, S::assessment, 40, 20, ChangeVerdict::improved},
        {OutcomeMeasure::rmdq, S::assessment, 12, 9, ChangeVerdict::within_error},
        {OutcomeMeasure::psfs, S::assessment, 3, 17.0 / 3.0, ChangeVerdict::improved},
        // First signed session 7 before, last signed 5 before: the unsigned 4 is not used.
        {OutcomeMeasure::pain, S::session_ratings, 7, 5, ChangeVerdict::improved},
    };
    BOOST_TEST(r.outcomes.size() == std::size(cases));
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.measure << " from " << c.source) {
            const auto& o = outcome(r, c.measure, c.source);
            BOOST_TEST(o.baseline == c.baseline);
            BOOST_TEST(std::fabs(o.latest.value_or(-100) - c.latest) < 1e-9);
            BOOST_TEST_REQUIRE(o.change.has_value());
            BOOST_TEST(o.change->verdict == c.verdict);
        }
    }
    BOOST_TEST(outcome(r, OutcomeMeasure::odi).change->change == -20.0);
    BOOST_TEST(outcome(r, OutcomeMeasure::odi).change->percent.value_or(0) == -50.0);
}

BOOST_AUTO_TEST_CASE(attendance_counts_every_appointment_and_signed_notes_only_once_signed) {
    const auto a = ReportFixture().build().attendance;
    BOOST_TEST(a.planned == 6);
    BOOST_TEST(a.completed == 4); // the unsigned one was attended all the same
    BOOST_TEST(a.cancelled == 1);
    BOOST_TEST(a.no_shows == 1);
    BOOST_TEST(a.upcoming == 0);
    BOOST_TEST(a.signed_notes == 3);
}

BOOST_AUTO_TEST_CASE(upcoming_appointments_are_counted_but_not_reported_on) {
    ReportFixture f;
    auto request = f.plan_request();
    request.report_date = Date(2026, 1, 28); // the no-show and the draft still lie ahead
    const auto r = f.build(request);
    BOOST_TEST(r.attendance.upcoming == 2);
    BOOST_TEST(r.sessions.size() == 4u);
    BOOST_TEST(r.left_out.empty());
}

BOOST_AUTO_TEST_CASE(technique_rows_give_sessions_regions_pressure_rationale_and_pain_change) {
    const auto r = ReportFixture().build();
    BOOST_TEST_REQUIRE(r.techniques.size() == 3u);
    BOOST_TEST(r.techniques[0].code == "myofascial_release"); // most sessions first, then first used
    BOOST_TEST(r.techniques[1].code == "trigger_point");
    BOOST_TEST(r.techniques[2].code == "swedish");

    const auto& mfr = technique(r, "myofascial_release");
    BOOST_TEST(mfr.name == "Myofascial release");
    BOOST_TEST(mfr.sessions == 2);
    BOOST_TEST(mfr.minutes == 45);
    BOOST_TEST(mfr.typical_pressure == 6); // median of 5 and 6, rounded up
    BOOST_TEST(mfr.lowest_pressure == 5);
    BOOST_TEST(mfr.highest_pressure == 6);
    BOOST_TEST(mfr.rationale == "Restricted fascia over the left QL.");
    BOOST_TEST(mfr.average_pain_change.value_or(0) == -1.5); // (−2 + −1) / 2
    BOOST_TEST(mfr.rated_sessions == 2);
    BOOST_TEST_REQUIRE(mfr.regions.size() == 1u);
    BOOST_TEST(mfr.regions[0] == "Quadratus lumborum (left)");

    const auto& tp = technique(r, "trigger_point");
    BOOST_TEST(tp.typical_pressure == 8); // median of 7 and 8, rounded up
    BOOST_TEST(tp.average_pain_change.value_or(0) == -2.0);

    const auto& sw = technique(r, "swedish");
    BOOST_TEST(sw.rationale.empty()); // used, but the plan does not name it
    BOOST_TEST(sw.regions.at(0) == "Erector spinae (lumbar) (both sides)");
}

BOOST_AUTO_TEST_CASE(unsigned_sessions_are_left_out_and_listed) {
    const auto r = ReportFixture().build();
    BOOST_TEST_REQUIRE(r.left_out.size() == 1u);
    BOOST_TEST(r.left_out[0].starts_at == at(2026, 2, 10));
    BOOST_TEST(r.left_out[0].series.value_or(SeriesPosition{}).number == 6);
    // Nothing of the draft counts: its hot stone work, its pain ratings.
    BOOST_TEST(std::none_of(r.techniques.begin(), r.techniques.end(), [](const auto& t) { return t.code == "hot_stone"; }));
    BOOST_TEST(r.pain_trend.points.size() == 3u);
    BOOST_TEST_REQUIRE(r.sessions.size() == 6u);
    BOOST_TEST(!r.sessions.back().is_signed);
    BOOST_TEST(r.sessions.back().techniques.empty());
    BOOST_TEST(!r.sessions.back().pain_before.has_value());
}

BOOST_AUTO_TEST_CASE(pain_trend_marks_the_meaningful_change_from_baseline) {
    const auto t = ReportFixture().build().pain_trend;
    BOOST_TEST(t.baseline.value_or(-1) == 7);
    BOOST_TEST(t.meaningful_below.value_or(-1) == 5.0); // 7 − min(2, 30% of 7)
    BOOST_TEST_REQUIRE(t.points.size() == 3u);
    BOOST_TEST(t.points[0].date == Date(2026, 1, 6)); // oldest first
    BOOST_TEST(t.points[0].before == 7);
    BOOST_TEST(t.points[0].after == 5);
    BOOST_TEST(t.points[2].after == 3);
}

BOOST_AUTO_TEST_CASE(a_low_baseline_uses_the_thirty_percent_threshold) {
    ReportFixture f;
    Assessment low(7, fixture_assessment(Date(2026, 1, 5), 3, 2, 12, 3, 4, 2), fixture_today);
    low.set_id(1);
    f.history.assessments.back() = low;
    BOOST_TEST(std::fabs(f.build().pain_trend.meaningful_below.value_or(-1) - 2.1) < 1e-9);
}

BOOST_AUTO_TEST_CASE(home_care_and_adverse_reactions_come_through) {
    ReportFixture f;
    auto request = f.plan_request();
    request.home_care_adherence = "Stretches most days.";
    const auto r = f.build(request);
    BOOST_TEST_REQUIRE(r.home_care.size() == 1u);
    BOOST_TEST((r.home_care[0].kind == HomeCareKind::stretching));
    BOOST_TEST(r.home_care_adherence == "Stretches most days.");
    BOOST_TEST_REQUIRE(r.adverse_reactions.size() == 1u);
    BOOST_TEST(r.adverse_reactions[0].date == Date(2026, 1, 13));
    BOOST_TEST(r.adverse_reactions[0].text == "Mild soreness for a day.");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(recommendation)

BOOST_AUTO_TEST_CASE(improving_but_not_there_yet_continues) {
    const auto rec = ReportFixture().build().recommendation;
    BOOST_TEST(rec.recommendation == report::Recommendation::continue_treatment);
    BOOST_TEST(!rec.chosen_by_therapist);
    BOOST_TEST_REQUIRE(!rec.reasons.empty());
    BOOST_TEST(rec.reasons[0].find("Meaningful improvement in pain (7/10 to 4/10)") != std::string::npos, rec.reasons[0]);
}

BOOST_AUTO_TEST_CASE(every_measurable_goal_met_discharges) {
    ReportFixture f;
    f.reassess(3, 1, 2, 8, 8, 10); // pain 3, ODI 20%, RMDQ 2, gardening 10
    const auto r = f.build();
    for (const auto& g : r.goals) BOOST_TEST_CONTEXT(g.description) { BOOST_TEST(g.status == report::GoalStatus::met); }
    BOOST_TEST(r.recommendation.recommendation == report::Recommendation::discharge);
}

BOOST_AUTO_TEST_CASE(worse_and_nothing_better_refers) {
    ReportFixture f;
    f.reassess(9, 3, 18, 2, 3, 1); // pain 9, ODI 60%, RMDQ 18
    for (auto& s : f.history.sessions)
        if (s.is_signed()) s = signed_session(s.id(), s.starts_at(), s.series()->number, fixture_note(7, 7, s.note().techniques));
    const auto r = f.build();
    BOOST_TEST(outcome(r, OutcomeMeasure::pain).change->verdict == ChangeVerdict::worsened);
    BOOST_TEST(r.recommendation.recommendation == report::Recommendation::refer);
    BOOST_TEST(r.recommendation.reasons.at(0).find("worsened beyond measurement error") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_red_flag_at_the_latest_assessment_refers) {
    ReportFixture f;
    AssessmentDetails d = fixture_assessment(Date(2026, 1, 27), 4, 1, 9, 6, 7, 4);
    d.red_flags.positive = {RedFlag::saddle_numbness};
    d.red_flags.referred_to = "Emergency department";
    Assessment flagged(7, d, fixture_today);
    flagged.set_id(2);
    f.history.assessments.front() = flagged;
    const auto r = f.build();
    BOOST_TEST_REQUIRE(r.red_flags.size() == 1u);
    BOOST_TEST(r.red_flag_referral == "Emergency department");
    BOOST_TEST(r.recommendation.recommendation == report::Recommendation::refer);
}

BOOST_AUTO_TEST_CASE(no_change_after_several_sessions_modifies_the_plan) {
    ReportFixture f;
    f.reassess(7, 2, 12, 3, 4, 2); // the same as the baseline
    f.history.sessions.clear();
    for (int i = 0; i < 5; ++i)
        f.history.sessions.push_back(signed_session(201 + i, at(2026, 1, 6) + boost::gregorian::days(7 * i), i + 1,
                                                    fixture_note(7, 6, {})));
    const auto r = f.build();
    BOOST_TEST(r.attendance.signed_notes == 5);
    for (const auto& g : r.goals) BOOST_TEST_CONTEXT(g.description) { BOOST_TEST(g.status == report::GoalStatus::not_met); }
    BOOST_TEST(r.recommendation.recommendation == report::Recommendation::modify_plan);
    BOOST_TEST(r.recommendation.reasons.at(0).find("after 5 signed sessions") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_therapists_choice_wins_and_keeps_its_comment) {
    ReportFixture f;
    auto request = f.plan_request();
    request.recommendation = report::Recommendation::discharge;
    request.comment = "Client moving abroad.";
    const auto rec = f.build(request).recommendation;
    BOOST_TEST(rec.recommendation == report::Recommendation::discharge);
    BOOST_TEST(rec.chosen_by_therapist);
    BOOST_TEST(rec.reasons.empty()); // the derived reasons argued for continuing
    BOOST_TEST(rec.comment == "Client moving abroad.");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(report_period)

BOOST_AUTO_TEST_CASE(a_date_range_covers_the_sessions_between_its_days) {
    ReportFixture f;
    report::ReportRequest request;
    request.period = report::ReportPeriod::between(Date(2026, 1, 10), Date(2026, 1, 31));
    request.report_date = fixture_today;
    const auto r = f.build(request);
    BOOST_TEST(!r.header.plan.has_value());
    BOOST_TEST(r.header.period_description == "Sessions from 10 January 2026 to 31 January 2026");
    BOOST_TEST(r.sessions.size() == 3u); // 13, 20 and 27 January
    BOOST_TEST(r.attendance.planned == 3);
    BOOST_TEST(r.attendance.signed_notes == 2);
    BOOST_TEST(r.goals.size() == 4u); // the plan the sessions belong to
    BOOST_TEST_REQUIRE(r.baseline.has_value());
    BOOST_TEST(r.baseline->assessed_on == Date(2026, 1, 5)); // the last one before the range
    BOOST_TEST(technique(r, "myofascial_release").sessions == 1);
}

BOOST_AUTO_TEST_CASE(bad_periods_are_refused_in_words) {
    ReportFixture f;
    report::ReportRequest request;
    request.report_date = fixture_today;
    request.period = report::ReportPeriod::of_plan(99);
    BOOST_CHECK_THROW(f.build(request), NotFoundError);
    request.period = report::ReportPeriod::between(Date(2026, 2, 1), Date(2026, 1, 1));
    KNOTWORK_CHECK_REFUSED(f.build(request), "report period");
    request.period = report::ReportPeriod::of_plan(3);
    request.report_date = Date();
    KNOTWORK_CHECK_REFUSED(f.build(request), "report date");
}

BOOST_AUTO_TEST_CASE(a_completed_plan_ends_at_its_last_session) {
    ReportFixture f;
    f.history.plans[0].complete();
    const auto r = f.build();
    BOOST_TEST(r.header.period_to == Date(2026, 2, 10));
    BOOST_TEST(r.header.period_description.find("(completed)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_long_history_over_several_plans_groups_its_sessions) {
    SyntheticHistoryOptions o;
    o.sessions = 120;
    const auto history = synthetic_history(o);
    report::ReportRequest request;
    request.period = report::ReportPeriod::between(o.first_session, o.first_session + boost::gregorian::days(7 * 120));
    request.report_date = request.period.to;
    const auto r = report::build_progress_report(history, synthetic_practice(), request);
    BOOST_TEST(r.sessions.size() == 120u);
    BOOST_TEST(r.plans.size() == 6u);
    BOOST_TEST(r.left_out.size() == 2u); // the last two attended sessions are not signed yet
    BOOST_TEST(r.goals.size() == 3u);    // the same goals in every plan, listed once
    BOOST_TEST(r.attendance.signed_notes + r.attendance.cancelled + r.attendance.no_shows +
                   static_cast<int>(r.left_out.size()) ==
               120);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(report_text)

BOOST_AUTO_TEST_CASE(numbers_dates_and_scores_read_as_a_person_writes_them) {
    BOOST_TEST(report::long_date(Date(2026, 3, 4)) == "4 March 2026");
    BOOST_TEST(report::short_date(Date(2026, 12, 25)) == "25 Dec 2026");
    BOOST_TEST(report::number(42.0) == "42");
    BOOST_TEST(report::number(3.25) == "3.3");
    BOOST_TEST(report::number(-0.04) == "0");
    BOOST_TEST(report::signed_number(-1.5) == "\u22121.5");
    BOOST_TEST(report::signed_number(2) == "+2");
    BOOST_TEST(report::signed_number(0.01) == "0");
    BOOST_TEST(report::score(OutcomeMeasure::odi, 46.25) == "46.3%");
    BOOST_TEST(report::score(OutcomeMeasure::rmdq, 9) == "9/24");
    BOOST_TEST(report::technique_name(standard_catalogue(), "deep_tissue") == "Deep tissue massage");
    BOOST_TEST(report::technique_name(standard_catalogue(), "cupping_therapy") == "Cupping therapy");
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
