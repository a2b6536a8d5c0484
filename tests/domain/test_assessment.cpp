// Pins domain/assessment: duration classes, what an Assessment refuses (naming the field), the
// outcome scores and summaries it offers.
#include "assessment/assessment.h"

#include "common/error.h"

#include "domain_printers.h"

#include <boost/test/unit_test.hpp>

#include <functional>
#include <string>
#include <vector>

namespace knotwork::test {

namespace {

namespace tt = boost::test_tools;

const Date today(2026, 3, 1);
constexpr ClientId client = 42;

AssessmentDetails valid_details() {
    AssessmentDetails d;
    d.assessed_on = Date(2026, 2, 27);
    d.therapist = "Sam Reyes";
    d.chief_complaint = "Low back pain after moving house";
    d.onset_date = Date(2026, 1, 10);
    d.duration_weeks = 7;
    d.pain_now = PainScore(5, "pain now");
    d.pain_best = PainScore(2, "pain best");
    d.pain_worst = PainScore(8, "pain worst");
    d.pain_map = {{BodyRegion::erector_spinae_lumbar, Side::left, PainScore(6), PainQuality::aching},
                  {BodyRegion::erector_spinae_lumbar, Side::right, PainScore(3), PainQuality::aching},
                  {BodyRegion::piriformis, Side::left, PainScore(4), PainQuality::radiating}};
    d.palpation = {{BodyRegion::quadratus_lumborum, Side::left, 3, 2, 2, false, "Ropey"},
                   {BodyRegion::piriformis, Side::left, 2, 3, 0, true, ""}};
    return d;
}

struct Refusal {
    const char* what;
    std::function<void(AssessmentDetails&)> change;
    std::string field;
};

} // namespace

BOOST_AUTO_TEST_SUITE(DurationClass)
using knotwork::DurationClass;

BOOST_AUTO_TEST_CASE(acute_under_six_weeks_subacute_to_twelve_chronic_after) {
    struct Row {
        int weeks;
        DurationClass expected;
    };
    const std::vector<Row> rows{
        {0, DurationClass::acute},     {1, DurationClass::acute},     {5, DurationClass::acute},
        {6, DurationClass::subacute},  {12, DurationClass::subacute}, {13, DurationClass::chronic},
        {52, DurationClass::chronic},  {5200, DurationClass::chronic},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT(row.weeks << " weeks") {
            BOOST_TEST(classify_duration(row.weeks) == row.expected);
            AssessmentDetails d = valid_details();
            d.duration_weeks = row.weeks;
            BOOST_TEST(Assessment(client, d, today).duration_class() == row.expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(negative_duration_is_refused) {
    KNOTWORK_CHECK_REFUSED(classify_duration(-1), "duration");
}

BOOST_AUTO_TEST_CASE(codes_are_stable) {
    BOOST_TEST(to_code(DurationClass::subacute) == "subacute");
    BOOST_TEST(from_code<DurationClass>("duration class", "chronic") == DurationClass::chronic);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(Assessment)
using knotwork::Assessment;

BOOST_AUTO_TEST_CASE(accepts_a_valid_assessment_and_keeps_it) {
    const Assessment a(client, valid_details(), today);
    BOOST_TEST(a.client_id() == client);
    BOOST_TEST((a.details() == valid_details()));
    BOOST_TEST(a.duration_class() == knotwork::DurationClass::subacute);
    BOOST_TEST(a.id() == 0);
}

BOOST_AUTO_TEST_CASE(complaint_is_trimmed) {
    AssessmentDetails d = valid_details();
    d.chief_complaint = "  Stiff mornings \n";
    BOOST_TEST(Assessment(client, d, today).details().chief_complaint == "Stiff mornings");
}

BOOST_AUTO_TEST_CASE(refuses_invalid_details_naming_the_field) {
    const std::vector<Refusal> rows{
        {"best above worst",
         [](AssessmentDetails& d) {
             d.pain_best = PainScore(7);
             d.pain_worst = PainScore(6);
             d.pain_now = PainScore(6);
         },
         "pain best"},
        {"now below best", [](AssessmentDetails& d) { d.pain_now = PainScore(1); }, "pain now"},
        {"now above worst", [](AssessmentDetails& d) { d.pain_now = PainScore(9); }, "pain now"},
        {"assessed tomorrow", [](AssessmentDetails& d) { d.assessed_on = Date(2026, 3, 2); }, "assessment date"},
        {"assessed next year", [](AssessmentDetails& d) { d.assessed_on = Date(2027, 2, 27); },
         "assessment date"},
        {"no assessment date", [](AssessmentDetails& d) { d.assessed_on = Date(); }, "assessment date"},
        {"onset after the assessment", [](AssessmentDetails& d) { d.onset_date = Date(2026, 2, 28); },
         "onset date"},
        {"empty complaint", [](AssessmentDetails& d) { d.chief_complaint = " "; }, "chief complaint"},
        {"complaint with NUL", [](AssessmentDetails& d) { d.chief_complaint = std::string("a\0b", 3); },
         "chief complaint"},
        {"negative duration", [](AssessmentDetails& d) { d.duration_weeks = -1; }, "duration"},
        {"duration past a hundred years", [](AssessmentDetails& d) { d.duration_weeks = 5201; }, "duration"},
        {"same region and side twice on the pain map",
         [](AssessmentDetails& d) {
             d.pain_map.push_back({BodyRegion::piriformis, Side::left, PainScore(2), PainQuality::sharp});
         },
         "pain map"},
        {"palpation hypertonicity graded 4", [](AssessmentDetails& d) { d.palpation[0].hypertonicity = 4; },
         "palpation of Quadratus lumborum hypertonicity"},
        {"palpation tenderness graded 4", [](AssessmentDetails& d) { d.palpation[1].tenderness = 4; },
         "palpation of Piriformis tenderness"},
        {"palpation tenderness graded -1", [](AssessmentDetails& d) { d.palpation[1].tenderness = -1; },
         "palpation of Piriformis tenderness"},
        {"palpation of a spinal region",
         [](AssessmentDetails& d) { d.palpation.push_back({BodyRegion::lumbar_spine, Side::midline, 1, 1, 0, false, ""}); },
         "palpation of Lumbar spine"},
        {"palpation of the sacroiliac joint",
         [](AssessmentDetails& d) { d.palpation.push_back({BodyRegion::sacroiliac_joint, Side::left, 1, 1, 0, false, ""}); },
         "palpation of Sacroiliac joint"},
        {"21 trigger points", [](AssessmentDetails& d) { d.palpation[0].trigger_points = 21; },
         "palpation of Quadratus lumborum trigger points"},
        {"negative trigger points", [](AssessmentDetails& d) { d.palpation[0].trigger_points = -1; },
         "palpation of Quadratus lumborum trigger points"},
        {"palpation note with invalid UTF-8", [](AssessmentDetails& d) { d.palpation[0].note = "\xED\xA0\x80"; },
         "palpation of Quadratus lumborum note"},
        {"therapist with invalid UTF-8", [](AssessmentDetails& d) { d.therapist = "\xFF"; }, "therapist"},
        {"posture with escape", [](AssessmentDetails& d) { d.posture = "\x1B"; }, "posture"},
        {"red-flag notes with NUL", [](AssessmentDetails& d) { d.red_flags.notes = std::string(1, '\0'); },
         "red-flag notes"},
        {"notes past the long limit", [](AssessmentDetails& d) { d.notes = std::string(200'001, 'x'); }, "notes"},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT(row.what) {
            AssessmentDetails d = valid_details();
            row.change(d);
            KNOTWORK_CHECK_REFUSED(Assessment(client, d, today), row.field);
        }
    }
}

BOOST_AUTO_TEST_CASE(accepts_the_boundaries) {
    const std::vector<std::pair<const char*, std::function<void(AssessmentDetails&)>>> rows{
        {"now equals best equals worst",
         [](AssessmentDetails& d) { d.pain_now = d.pain_best = d.pain_worst = PainScore(4); }},
        {"now equals best", [](AssessmentDetails& d) { d.pain_now = d.pain_best; }},
        {"now equals worst", [](AssessmentDetails& d) { d.pain_now = d.pain_worst; }},
        {"all zero", [](AssessmentDetails& d) { d.pain_now = d.pain_best = d.pain_worst = PainScore(0); }},
        {"0 to 10", [](AssessmentDetails& d) {
             d.pain_best = PainScore(0);
             d.pain_worst = PainScore(10);
         }},
        {"assessed today", [](AssessmentDetails& d) { d.assessed_on = today; }},
        {"onset on the assessment day", [](AssessmentDetails& d) { d.onset_date = d.assessed_on; }},
        {"no onset date", [](AssessmentDetails& d) { d.onset_date.reset(); }},
        {"same region, other side", [](AssessmentDetails& d) {
             d.pain_map.push_back({BodyRegion::piriformis, Side::right, PainScore(2), PainQuality::sharp});
         }},
        {"spinal region on the pain map", [](AssessmentDetails& d) {
             d.pain_map.push_back({BodyRegion::lumbar_spine, Side::midline, PainScore(5), PainQuality::aching});
         }},
        {"grades 0 and 3", [](AssessmentDetails& d) {
             d.palpation[0].hypertonicity = 0;
             d.palpation[0].tenderness = 3;
         }},
        {"20 trigger points", [](AssessmentDetails& d) { d.palpation[0].trigger_points = 20; }},
        {"empty pain map and palpation", [](AssessmentDetails& d) {
             d.pain_map.clear();
             d.palpation.clear();
         }},
        {"a 50,000-character note", [](AssessmentDetails& d) { d.notes = std::string(50'000, 'n'); }},
    };
    for (const auto& [what, change] : rows) {
        BOOST_TEST_CONTEXT(what) {
            AssessmentDetails d = valid_details();
            change(d);
            BOOST_CHECK_NO_THROW(Assessment(client, d, today));
        }
    }
}

BOOST_AUTO_TEST_CASE(pain_map_duplicate_message_names_region_and_side) {
    AssessmentDetails d = valid_details();
    d.pain_map.push_back({BodyRegion::erector_spinae_lumbar, Side::right, PainScore(1), PainQuality::sharp});
    try {
        Assessment a(client, d, today);
        BOOST_ERROR("a duplicate pain-map entry was accepted");
    } catch (const ValidationError& e) {
        BOOST_TEST(e.problem() == "Erector spinae (lumbar) (Right) is marked twice");
    }
}

BOOST_AUTO_TEST_CASE(revise_checks_and_keeps_the_old_details_on_refusal) {
    Assessment a(client, valid_details(), today);
    AssessmentDetails bad = valid_details();
    bad.assessed_on = Date(2026, 3, 10);
    KNOTWORK_CHECK_REFUSED(a.revise(bad, today), "assessment date");
    BOOST_TEST(a.details().assessed_on == Date(2026, 2, 27));
    BOOST_CHECK_NO_THROW(a.revise(bad, Date(2026, 3, 10)));
    BOOST_TEST(a.details().assessed_on == Date(2026, 3, 10));
}

BOOST_AUTO_TEST_CASE(outcome_scores_come_from_the_recorded_measures) {
    AssessmentDetails d = valid_details();
    const Assessment without(client, d, today);
    BOOST_TEST(!without.odi_score().has_value());
    BOOST_TEST(!without.rmdq_score().has_value());
    BOOST_TEST(!without.psfs_score().has_value());

    OdiResponses odi;
    odi.set(OdiSection::pain_intensity, 3);
    odi.set(OdiSection::walking, 2);
    d.odi = odi;
    RmdqResponses rmdq;
    rmdq.set_item(3, true);
    rmdq.set_item(7, true);
    d.rmdq = rmdq;
    d.psfs = PsfsResponses({{"Gardening", 2}, {"Sitting", 4}, {"Lifting", 6}});
    const Assessment with(client, d, today);
    BOOST_TEST_REQUIRE(with.odi_score().has_value());
    BOOST_TEST(*with.odi_score() == 50.0, tt::tolerance(1e-9));
    BOOST_TEST(with.rmdq_score() == 2);
    BOOST_TEST_REQUIRE(with.psfs_score().has_value());
    BOOST_TEST(*with.psfs_score() == 4.0, tt::tolerance(1e-9));

    d.odi = OdiResponses(); // present but unanswered
    BOOST_TEST(!Assessment(client, d, today).odi_score().has_value());
}

BOOST_AUTO_TEST_CASE(palpation_summaries_for_the_advisor) {
    const Assessment a(client, valid_details(), today);
    BOOST_TEST(a.has_trigger_points());
    BOOST_TEST(a.has_adhesions());
    BOOST_TEST(a.max_hypertonicity() == 3);

    AssessmentDetails d = valid_details();
    d.palpation = {{BodyRegion::gluteus_medius, Side::right, 1, 1, 0, false, ""}};
    const Assessment quiet(client, d, today);
    BOOST_TEST(!quiet.has_trigger_points());
    BOOST_TEST(!quiet.has_adhesions());
    BOOST_TEST(quiet.max_hypertonicity() == 1);

    d.palpation.clear();
    BOOST_TEST(Assessment(client, d, today).max_hypertonicity() == 0);
}

BOOST_AUTO_TEST_CASE(red_flag_verdict_follows_the_screen) {
    AssessmentDetails d = valid_details();
    BOOST_TEST(Assessment(client, d, today).red_flag_verdict().urgency == ReferralUrgency::none);
    d.red_flags.positive = {RedFlag::saddle_numbness};
    const auto v = Assessment(client, d, today).red_flag_verdict();
    BOOST_TEST(v.urgency == ReferralUrgency::urgent_same_day);
    BOOST_TEST(v.stop_treatment);
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
