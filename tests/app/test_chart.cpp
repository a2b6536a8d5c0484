// The chart use case: baseline-to-latest outcome changes.
#include "core/chart.h"

#include <boost/test/unit_test.hpp>

using namespace knotwork;

namespace {

Assessment assessment(int pain, std::optional<int> odi_each, std::optional<int> rmdq) {
    AssessmentDetails d;
    d.assessed_on = Date(2026, 3, 1);
    d.chief_complaint = "Low back pain";
    d.pain_now = PainScore(pain);
    d.pain_best = PainScore(0);
    d.pain_worst = PainScore(10);
    if (odi_each) {
        std::array<std::optional<int>, odi_section_count> s;
        s.fill(*odi_each);
        d.odi = OdiResponses(s);
    }
    if (rmdq) {
        RmdqResponses r;
        for (int i = 1; i <= *rmdq; ++i) r.set_item(i, true);
        d.rmdq = r;
    }
    return Assessment(1, d, Date(2026, 6, 1));
}

} // namespace

BOOST_AUTO_TEST_SUITE(chart_outcome_changes)

BOOST_AUTO_TEST_CASE(compares_every_measure_taken_both_times) {
    const auto changes = app::outcome_changes(assessment(7, 3, 14), assessment(3, 1, 6));
    BOOST_TEST_REQUIRE(changes.size() == 3u);
    BOOST_TEST((changes[0].measure == OutcomeMeasure::pain));
    BOOST_TEST(changes[0].change == -4);
    BOOST_TEST((changes[0].verdict == ChangeVerdict::improved));
    BOOST_TEST((changes[1].measure == OutcomeMeasure::odi));
    BOOST_TEST(changes[1].baseline == 60.0);
    BOOST_TEST(changes[1].latest == 20.0);
    BOOST_TEST((changes[2].measure == OutcomeMeasure::rmdq));
    BOOST_TEST((changes[2].verdict == ChangeVerdict::improved));
}

BOOST_AUTO_TEST_CASE(skips_a_measure_missing_from_either_assessment) {
    const auto changes = app::outcome_changes(assessment(5, 2, std::nullopt), assessment(5, std::nullopt, 4));
    BOOST_TEST_REQUIRE(changes.size() == 1u);
    BOOST_TEST((changes[0].measure == OutcomeMeasure::pain));
    BOOST_TEST((changes[0].verdict == ChangeVerdict::within_error));
}

BOOST_AUTO_TEST_SUITE_END()
