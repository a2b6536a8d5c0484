// Pins the published scoring rules of domain/outcomes: ODI score and bands, Roland-Morris,
// PSFS, and the meaningful-change verdicts for pain, ODI, RMDQ and PSFS.
#include "outcomes/outcome_measures.h"

#include "common/error.h"

#include "domain_printers.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <array>
#include <bitset>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace knotwork::test {

namespace {

namespace tt = boost::test_tools;
using Sections = std::array<std::optional<int>, odi_section_count>;

// Ten sections all answered with the same score.
Sections all(int score) {
    Sections s;
    s.fill(score);
    return s;
}

PsfsResponses psfs(std::vector<int> ratings) {
    const std::array<const char*, 5> names{"Lifting my daughter", "Gardening", "Sitting at work",
                                           "Running", "Driving"};
    std::vector<PsfsActivity> a;
    for (std::size_t i = 0; i < ratings.size(); ++i) a.push_back({names[i], ratings[i]});
    return PsfsResponses(std::move(a));
}

} // namespace

BOOST_AUTO_TEST_SUITE(OdiResponses)
using knotwork::OdiResponses;

BOOST_AUTO_TEST_CASE(score_is_total_over_five_times_answered_sections) {
    struct Row {
        const char* what;
        Sections sections;
        int answered;
        double score;
    };
    Sections nine_answered = all(2);
    nine_answered[7] = std::nullopt; // sex life left blank: 18 / 45
    Sections one_answered{};
    one_answered[0] = 3;               // 3 / 5
    Sections mixed{0, 1, 2, 3, 4, 5, 0, 1, 2, 3}; // 21 / 50
    Sections eight_answered{5, 5, std::nullopt, 0, 0, 0, 0, 0, std::nullopt, 5}; // 15 / 40
    const std::vector<Row> rows{
        {"all zero", all(0), 10, 0.0},
        {"all five", all(5), 10, 100.0},
        {"all two", all(2), 10, 40.0},
        {"mixed", mixed, 10, 42.0},
        {"nine answered, unanswered leaves the denominator", nine_answered, 9, 40.0},
        {"eight answered", eight_answered, 8, 37.5},
        {"one answered", one_answered, 1, 60.0},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT(row.what) {
            const OdiResponses odi(row.sections);
            BOOST_TEST(odi.answered() == row.answered);
            BOOST_TEST_REQUIRE(odi.score().has_value());
            BOOST_TEST(*odi.score() == row.score, tt::tolerance(1e-9));
            BOOST_TEST((odi.sections() == row.sections));
        }
    }
}

BOOST_AUTO_TEST_CASE(nine_answered_differs_from_treating_the_blank_as_zero) {
    Sections s = all(3);
    s[2] = std::nullopt;
    BOOST_TEST(*OdiResponses(s).score() == 60.0, tt::tolerance(1e-9)); // 27/45, not 27/50 = 54
}

BOOST_AUTO_TEST_CASE(no_score_when_nothing_is_answered) {
    const OdiResponses empty;
    BOOST_TEST(empty.answered() == 0);
    BOOST_TEST(!empty.score().has_value());
    BOOST_TEST(!OdiResponses(Sections{}).score().has_value());

    OdiResponses cleared;
    cleared.set(OdiSection::walking, 4);
    BOOST_TEST(*cleared.score() == 80.0, tt::tolerance(1e-9));
    cleared.set(OdiSection::walking, std::nullopt);
    BOOST_TEST(!cleared.score().has_value());
}

BOOST_AUTO_TEST_CASE(set_and_get_address_sections_by_name) {
    OdiResponses odi;
    odi.set(OdiSection::travelling, 5);
    odi.set(OdiSection::pain_intensity, 0);
    BOOST_TEST(odi.get(OdiSection::travelling) == 5);
    BOOST_TEST(odi.get(OdiSection::pain_intensity) == 0);
    BOOST_TEST(odi.get(OdiSection::sleeping) == std::nullopt);
    BOOST_TEST(odi.sections()[9] == 5);
    BOOST_TEST(odi.answered() == 2);
    BOOST_TEST(*odi.score() == 50.0, tt::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(refuses_a_section_outside_zero_to_five_naming_the_section) {
    struct Row {
        OdiSection section;
        int score;
        const char* field;
    };
    const std::vector<Row> rows{
        {OdiSection::pain_intensity, 6, "ODI section \"Pain intensity\""},
        {OdiSection::pain_intensity, -1, "ODI section \"Pain intensity\""},
        {OdiSection::lifting, 6, "ODI section \"Lifting\""},
        {OdiSection::sex_life, -1, "ODI section \"Sex life\""},
        {OdiSection::travelling, 6, "ODI section \"Travelling\""},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT(row.section << " = " << row.score) {
            OdiResponses odi(all(1));
            KNOTWORK_CHECK_REFUSED(odi.set(row.section, row.score), row.field);
            BOOST_TEST(odi.get(row.section) == 1); // the refused value did not land

            Sections s = all(1);
            s[static_cast<std::size_t>(row.section)] = row.score;
            KNOTWORK_CHECK_REFUSED(OdiResponses{s}, row.field);
        }
    }
    try {
        OdiResponses().set(OdiSection::walking, 6);
        BOOST_ERROR("section score 6 accepted");
    } catch (const ValidationError& e) {
        BOOST_TEST(e.problem() == "must be between 0 and 5 (got 6)");
    }
}

BOOST_AUTO_TEST_CASE(sections_have_stable_codes_in_questionnaire_order) {
    const std::array<const char*, odi_section_count> codes{"pain_intensity", "personal_care", "lifting",
                                                           "walking",        "sitting",       "standing",
                                                           "sleeping",       "sex_life",      "social_life",
                                                           "travelling"};
    BOOST_TEST(enum_entries<OdiSection>().size() == codes.size());
    for (std::size_t i = 0; i < codes.size(); ++i) {
        BOOST_TEST_CONTEXT("section " << i) {
            BOOST_TEST(to_code(static_cast<OdiSection>(i)) == codes[i]);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(OdiBand)
using knotwork::OdiBand;

BOOST_AUTO_TEST_CASE(bands_change_after_20_40_60_and_80) {
    struct Row {
        double percent;
        OdiBand band;
    };
    const std::vector<Row> rows{
        {0, OdiBand::minimal},    {20, OdiBand::minimal},   {21, OdiBand::moderate},
        {40, OdiBand::moderate},  {41, OdiBand::severe},    {60, OdiBand::severe},
        {61, OdiBand::crippled},  {80, OdiBand::crippled},  {81, OdiBand::bed_bound},
        {100, OdiBand::bed_bound},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT("ODI " << row.percent) {
            BOOST_TEST(odi_band(row.percent) == row.band);
        }
    }
}

BOOST_AUTO_TEST_CASE(fractional_scores_take_the_band_of_their_rounded_value) {
    struct Row {
        double percent;
        OdiBand band;
    };
    const std::vector<Row> rows{
        {20.4, OdiBand::minimal},  {20.5, OdiBand::moderate}, {40.49, OdiBand::moderate},
        {40.5, OdiBand::severe},   {60.2, OdiBand::severe},   {60.6, OdiBand::crippled},
        {80.4, OdiBand::crippled}, {80.5, OdiBand::bed_bound}, {99.9, OdiBand::bed_bound},
        {0.3, OdiBand::minimal},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT("ODI " << row.percent) {
            BOOST_TEST(odi_band(row.percent) == row.band);
        }
    }
}

BOOST_AUTO_TEST_CASE(scores_from_partly_answered_forms_fall_in_the_expected_band) {
    struct Row {
        int total;
        int answered;
        OdiBand band;
    };
    const std::vector<Row> rows{
        {9, 9, OdiBand::minimal},   // 20.0%
        {10, 9, OdiBand::moderate}, // 22.2%
        {18, 9, OdiBand::moderate}, // 40.0%
        {19, 9, OdiBand::severe},   // 42.2%
        {7, 7, OdiBand::minimal},   // 20.0% (computed in floating point)
        {28, 7, OdiBand::crippled}, // 80.0%
        {29, 7, OdiBand::bed_bound}, // 82.9%
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT(row.total << " points over " << row.answered << " sections") {
            knotwork::OdiResponses odi;
            int left = row.total;
            for (int i = 0; i < row.answered; ++i) {
                const int take = std::min(5, left);
                odi.set(static_cast<OdiSection>(i), take);
                left -= take;
            }
            BOOST_TEST_REQUIRE(left == 0);
            BOOST_TEST(odi.answered() == row.answered);
            BOOST_TEST(odi_band(*odi.score()) == row.band);
        }
    }
}

BOOST_AUTO_TEST_CASE(refuses_a_percentage_off_the_scale) {
    for (double v : {-0.1, -20.0, 100.1, 150.0, std::numeric_limits<double>::quiet_NaN()}) {
        BOOST_TEST_CONTEXT("ODI " << v) {
            KNOTWORK_CHECK_REFUSED(odi_band(v), "ODI score");
        }
    }
}

BOOST_AUTO_TEST_CASE(band_codes_are_stable) {
    BOOST_TEST(to_code(OdiBand::bed_bound) == "bed_bound");
    BOOST_TEST(from_code<OdiBand>("band", "crippled") == OdiBand::crippled);
    BOOST_TEST(enum_entries<OdiBand>().size() == 5u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(RmdqResponses)
using knotwork::RmdqResponses;

BOOST_AUTO_TEST_CASE(score_counts_yes_answers_numbered_one_to_24) {
    RmdqResponses r;
    BOOST_TEST(r.score() == 0);
    r.set_item(1, true);
    r.set_item(24, true);
    r.set_item(12, true);
    BOOST_TEST(r.score() == 3);
    BOOST_TEST(r.item(1));
    BOOST_TEST(r.item(24));
    BOOST_TEST(!r.item(2));
    BOOST_TEST(r.items().test(0));
    BOOST_TEST(r.items().test(23));
    r.set_item(12, false);
    BOOST_TEST(r.score() == 2);
    BOOST_TEST(RmdqResponses(std::bitset<rmdq_item_count>().set()).score() == 24);
}

BOOST_AUTO_TEST_CASE(refuses_item_numbers_off_the_form) {
    for (int item : {0, 25, -1}) {
        BOOST_TEST_CONTEXT("item " << item) {
            RmdqResponses r;
            KNOTWORK_CHECK_REFUSED(r.set_item(item, true), "Roland-Morris item");
            KNOTWORK_CHECK_REFUSED(r.item(item), "Roland-Morris item");
            BOOST_TEST(r.score() == 0);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(PsfsResponses)
using knotwork::PsfsResponses;

BOOST_AUTO_TEST_CASE(score_is_the_mean_rating) {
    struct Row {
        std::vector<int> ratings;
        double mean;
    };
    const std::vector<Row> rows{
        {{3, 4, 5}, 4.0},
        {{0, 0, 0}, 0.0},
        {{10, 10, 10, 10, 10}, 10.0},
        {{0, 10, 5, 5}, 5.0},
        {{1, 2, 2}, 5.0 / 3.0},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT("ratings " << row.ratings.size() << ", expected mean " << row.mean) {
            BOOST_TEST(psfs(row.ratings).score() == row.mean, tt::tolerance(1e-9));
        }
    }
}

BOOST_AUTO_TEST_CASE(needs_three_to_five_activities) {
    for (std::size_t n : {0u, 1u, 2u, 6u}) {
        BOOST_TEST_CONTEXT(n << " activities") {
            std::vector<PsfsActivity> a(n, PsfsActivity{"Walking the dog", 5});
            KNOTWORK_CHECK_REFUSED(PsfsResponses{a}, "PSFS activities");
        }
    }
    for (std::size_t n : {3u, 4u, 5u}) {
        BOOST_TEST_CONTEXT(n << " activities") {
            std::vector<int> ratings(n, 4);
            BOOST_TEST(psfs(ratings).activities().size() == n);
        }
    }
}

BOOST_AUTO_TEST_CASE(ratings_lie_between_zero_and_ten) {
    for (int rating : {-1, 11, 100}) {
        BOOST_TEST_CONTEXT("rating " << rating) {
            KNOTWORK_CHECK_REFUSED(psfs({5, rating, 5}), "PSFS activity 2 rating");
        }
    }
    BOOST_TEST(psfs({0, 10, 0}).activities()[1].rating == 10);
}

BOOST_AUTO_TEST_CASE(activities_must_be_named_and_are_trimmed) {
    KNOTWORK_CHECK_REFUSED(PsfsResponses({{"Walking", 3}, {"Sitting", 4}, {"   ", 5}}), "PSFS activity 3");
    KNOTWORK_CHECK_REFUSED(PsfsResponses({{std::string("Walk\0ing", 8), 3}, {"Sitting", 4}, {"Lifting", 5}}),
                           "PSFS activity 1");
    const PsfsResponses r({{"  Walking  ", 3}, {"Sitting", 4}, {"Lifting", 5}});
    BOOST_TEST(r.activities()[0].activity == "Walking");
}

BOOST_AUTO_TEST_CASE(refuses_the_same_activity_twice) {
    KNOTWORK_CHECK_REFUSED(PsfsResponses({{"Walking", 3}, {"Sitting", 4}, {"walking ", 5}}), "PSFS activity 3");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(OutcomeChange)

struct LowerBetterRow {
    double baseline;
    double latest;
    ChangeVerdict verdict;
    const char* why;
};

BOOST_AUTO_TEST_CASE(pain_change_counts_at_two_points_or_thirty_percent) {
    const std::vector<LowerBetterRow> rows{
        {5, 3, ChangeVerdict::improved, "2 points"},
        {10, 8, ChangeVerdict::improved, "2 points (20%)"},
        {3, 2, ChangeVerdict::improved, "1 point but 33%"},
        {2, 1, ChangeVerdict::improved, "1 point but 50%"},
        {1, 0, ChangeVerdict::improved, "1 point but 100%"},
        {5, 4, ChangeVerdict::within_error, "1 point, 20%"},
        {10, 9, ChangeVerdict::within_error, "1 point, 10%"},
        {6, 5, ChangeVerdict::within_error, "1 point, 17%"},
        {7, 7, ChangeVerdict::within_error, "no change"},
        {0, 0, ChangeVerdict::within_error, "no change from zero"},
        {0, 1, ChangeVerdict::within_error, "1 point from zero, no percentage"},
        {0, 2, ChangeVerdict::worsened, "2 points from zero"},
        {4, 6, ChangeVerdict::worsened, "2 points worse"},
        {3, 4, ChangeVerdict::worsened, "1 point but 33% worse"},
        {8, 9, ChangeVerdict::within_error, "1 point, 12.5% worse"},
        {7, 10, ChangeVerdict::worsened, "3 points worse"},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT("pain " << row.baseline << " -> " << row.latest << " (" << row.why << ")") {
            const auto c = compare_pain(PainScore(static_cast<int>(row.baseline)),
                                        PainScore(static_cast<int>(row.latest)));
            BOOST_TEST(c.verdict == row.verdict);
            BOOST_TEST(c.measure == OutcomeMeasure::pain);
            BOOST_TEST(c.baseline == row.baseline);
            BOOST_TEST(c.latest == row.latest);
            BOOST_TEST(c.change == row.latest - row.baseline);
            BOOST_TEST(c.percent.has_value() == (row.baseline != 0));
        }
    }
}

BOOST_AUTO_TEST_CASE(percent_is_change_over_baseline) {
    const auto c = compare_pain(PainScore(3), PainScore(2));
    BOOST_TEST_REQUIRE(c.percent.has_value());
    BOOST_TEST(*c.percent == -100.0 / 3.0, tt::tolerance(1e-9));
    BOOST_TEST(*compare_pain(PainScore(4), PainScore(6)).percent == 50.0, tt::tolerance(1e-9));
    BOOST_TEST(!compare_pain(PainScore(0), PainScore(5)).percent.has_value());
}

BOOST_AUTO_TEST_CASE(odi_change_counts_at_ten_points_or_thirty_percent) {
    const std::vector<LowerBetterRow> rows{
        {50, 40, ChangeVerdict::improved, "exactly 10 points (20%)"},
        {50, 41, ChangeVerdict::within_error, "9 points (18%)"},
        {60, 51, ChangeVerdict::within_error, "9 points (15%)"},
        {20, 14, ChangeVerdict::improved, "6 points but exactly 30%"},
        {20, 15, ChangeVerdict::within_error, "5 points, 25%"},
        {10, 7, ChangeVerdict::improved, "3 points but exactly 30%"},
        {30, 21, ChangeVerdict::improved, "9 points but exactly 30%"},
        {23, 16.1, ChangeVerdict::improved, "exactly 30%, computed as 29.999999999999993%"},
        {28, 19.6, ChangeVerdict::improved, "exactly 30%, computed as 29.999999999999993%"},
        {46.7, 37.8, ChangeVerdict::within_error, "8.9 points, 19%"},
        {40, 50, ChangeVerdict::worsened, "10 points worse"},
        {40, 49, ChangeVerdict::within_error, "9 points worse (22.5%)"},
        {20, 26, ChangeVerdict::worsened, "6 points but 30% worse"},
        {0, 8, ChangeVerdict::within_error, "8 points from zero"},
        {0, 10, ChangeVerdict::worsened, "10 points from zero"},
        {100, 100, ChangeVerdict::within_error, "no change"},
        {100, 0, ChangeVerdict::improved, "all the way"},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT("ODI " << row.baseline << " -> " << row.latest << " (" << row.why << ")") {
            const auto c = compare_odi(row.baseline, row.latest);
            BOOST_TEST(c.verdict == row.verdict);
            BOOST_TEST(c.measure == OutcomeMeasure::odi);
            BOOST_TEST(c.change == row.latest - row.baseline, tt::tolerance(1e-9));
        }
    }
}

BOOST_AUTO_TEST_CASE(odi_comparison_refuses_scores_off_the_scale) {
    for (auto [b, l] : {std::pair{-1.0, 20.0}, std::pair{20.0, 101.0}, std::pair{120.0, 20.0},
                        std::pair{std::numeric_limits<double>::quiet_NaN(), 20.0}}) {
        BOOST_TEST_CONTEXT(b << " -> " << l) {
            KNOTWORK_CHECK_REFUSED(compare_odi(b, l), "ODI score");
        }
    }
}

BOOST_AUTO_TEST_CASE(rmdq_change_counts_at_five_points_or_thirty_percent) {
    const std::vector<LowerBetterRow> rows{
        {20, 15, ChangeVerdict::improved, "5 points (25%)"},
        {20, 16, ChangeVerdict::within_error, "4 points (20%)"},
        {10, 7, ChangeVerdict::improved, "3 points but 30%"},
        {10, 8, ChangeVerdict::within_error, "2 points, 20%"},
        {24, 20, ChangeVerdict::within_error, "4 points, 17%"},
        {10, 15, ChangeVerdict::worsened, "5 points worse"},
        {12, 15, ChangeVerdict::within_error, "3 points worse, 25%"},
        {0, 4, ChangeVerdict::within_error, "4 points from zero"},
        {0, 5, ChangeVerdict::worsened, "5 points from zero"},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT("RMDQ " << row.baseline << " -> " << row.latest << " (" << row.why << ")") {
            const auto c = compare_rmdq(static_cast<int>(row.baseline), static_cast<int>(row.latest));
            BOOST_TEST(c.verdict == row.verdict);
            BOOST_TEST(c.measure == OutcomeMeasure::rmdq);
            BOOST_TEST(c.change == row.latest - row.baseline);
        }
    }
}

BOOST_AUTO_TEST_CASE(rmdq_comparison_refuses_scores_off_the_scale) {
    KNOTWORK_CHECK_REFUSED(compare_rmdq(25, 10), "Roland-Morris score");
    KNOTWORK_CHECK_REFUSED(compare_rmdq(10, -1), "Roland-Morris score");
    BOOST_CHECK_NO_THROW(compare_rmdq(24, 0));
}

BOOST_AUTO_TEST_CASE(psfs_change_counts_at_two_in_the_mean_or_three_in_one_activity) {
    struct Row {
        std::vector<int> baseline;
        std::vector<int> latest;
        ChangeVerdict verdict;
        const char* why;
    };
    const std::vector<Row> rows{
        {{4, 4, 4}, {6, 6, 6}, ChangeVerdict::improved, "mean +2"},
        {{3, 3, 4}, {5, 5, 6}, ChangeVerdict::improved, "mean +2 from a fractional mean"},
        {{4, 4, 5}, {6, 6, 6}, ChangeVerdict::within_error, "mean +1.67, no activity +3"},
        {{5, 5, 5}, {8, 5, 5}, ChangeVerdict::improved, "one activity +3, mean +1"},
        {{5, 5, 5}, {7, 5, 5}, ChangeVerdict::within_error, "one activity +2"},
        {{5, 5, 5, 5, 5}, {8, 5, 5, 5, 5}, ChangeVerdict::improved, "one of five activities +3"},
        {{5, 5, 5}, {8, 2, 5}, ChangeVerdict::within_error, "one +3 and one -3"},
        {{5, 5, 5}, {8, 4, 4}, ChangeVerdict::improved, "one +3, the others -1"},
        {{5, 5, 5, 5, 5}, {8, 3, 3, 3, 3}, ChangeVerdict::within_error, "one +3 but the mean falls by 1"},
        {{5, 5, 5}, {2, 5, 5}, ChangeVerdict::worsened, "one activity -3"},
        {{6, 6, 6}, {4, 4, 4}, ChangeVerdict::worsened, "mean -2"},
        {{6, 6, 6}, {5, 5, 5}, ChangeVerdict::within_error, "mean -1"},
        {{2, 2, 2}, {9, 0, 0}, ChangeVerdict::improved, "one +7, two -2, mean +1"},
        {{5, 5, 5}, {5, 5, 5}, ChangeVerdict::within_error, "no change"},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT("PSFS (" << row.why << ")") {
            const auto c = compare_psfs(psfs(row.baseline), psfs(row.latest));
            BOOST_TEST(c.verdict == row.verdict);
            BOOST_TEST(c.measure == OutcomeMeasure::psfs);
            BOOST_TEST(c.change == c.latest - c.baseline);
        }
    }
}

BOOST_AUTO_TEST_CASE(psfs_matches_activities_by_name_ignoring_case_and_spaces) {
    const knotwork::PsfsResponses baseline({{"Walking the dog", 2}, {"Sitting", 5}, {"Lifting", 5}});
    const knotwork::PsfsResponses same_names({{"Lifting", 5}, {" walking THE dog ", 5}, {"Sitting", 5}});
    BOOST_TEST(compare_psfs(baseline, same_names).verdict == ChangeVerdict::improved);
    // A renamed activity is not the same activity: only the mean (+1) counts.
    const knotwork::PsfsResponses renamed({{"Running", 5}, {"Sitting", 5}, {"Lifting", 5}});
    BOOST_TEST(compare_psfs(baseline, renamed).verdict == ChangeVerdict::within_error);
}

BOOST_AUTO_TEST_CASE(thresholds_are_the_published_ones) {
    struct Row {
        OutcomeMeasure measure;
        double points;
        double percent;
    };
    const std::vector<Row> rows{
        {OutcomeMeasure::pain, 2, 30},
        {OutcomeMeasure::odi, 10, 30},
        {OutcomeMeasure::rmdq, 5, 30},
        {OutcomeMeasure::psfs, 2, 0},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT(row.measure) {
            const ChangeThreshold t = meaningful_change(row.measure);
            BOOST_TEST(t.points == row.points);
            BOOST_TEST(t.percent == row.percent);
        }
    }
}

BOOST_AUTO_TEST_CASE(verdict_codes_are_stable) {
    BOOST_TEST(to_code(ChangeVerdict::improved) == "improved");
    BOOST_TEST(to_code(ChangeVerdict::within_error) == "within_error");
    BOOST_TEST(to_code(ChangeVerdict::worsened) == "worsened");
    BOOST_TEST(from_code<OutcomeMeasure>("measure", "rmdq") == OutcomeMeasure::rmdq);
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
