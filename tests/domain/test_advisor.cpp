#include "technique/advisor.h"

#include "screening/cautions.h"

#include "domain_printers.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

namespace knotwork::test {

namespace {

const Date today(2026, 3, 10);

Client make_client(const std::function<void(ClientDetails&)>& edit = {}) {
    ClientDetails d;
    d.family_name = "Lindqvist";
    d.given_name = "Maja";
    if (edit) edit(d);
    return Client(d, today);
}

// What the therapist found, with quiet defaults: chronic (16 weeks), pain 4 of 2–6, nothing palpated.
struct Findings {
    int weeks = 16;
    int pain_now = 4;
    int pain_best = 2;
    int pain_worst = 6;
    std::vector<PalpationFinding> palpation;
    std::vector<PainMapEntry> pain_map;
    std::string posture;
    std::string aggravating;
    std::set<RedFlag> red_flags;
};

Assessment assess(const Findings& f) {
    AssessmentDetails d;
    d.assessed_on = today;
    d.chief_complaint = "Low back pain";
    d.duration_weeks = f.weeks;
    d.pain_now = PainScore(f.pain_now);
    d.pain_best = PainScore(f.pain_best);
    d.pain_worst = PainScore(f.pain_worst);
    d.palpation = f.palpation;
    d.pain_map = f.pain_map;
    d.posture = f.posture;
    d.aggravating_factors = f.aggravating;
    d.red_flags.positive = f.red_flags;
    return Assessment(1, d, today);
}

PalpationFinding palpated(BodyRegion muscle, Side side, int tone, int trigger_points = 0,
                          bool adhesions = false) {
    return PalpationFinding{muscle, side, tone, 1, trigger_points, adhesions, ""};
}

const TechniqueAdvice& advice_for(const std::vector<TechniqueAdvice>& all, std::string_view code) {
    const auto it =
        std::find_if(all.begin(), all.end(), [&](const TechniqueAdvice& a) { return a.code == code; });
    if (it == all.end()) throw std::runtime_error("no advice for " + std::string(code));
    return *it;
}

std::size_t rank_of(const std::vector<TechniqueAdvice>& all, std::string_view code) {
    for (std::size_t i = 0; i < all.size(); ++i)
        if (all[i].code == code) return i;
    throw std::runtime_error("no advice for " + std::string(code));
}

bool has_line(const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

std::vector<std::string> codes(const std::vector<TechniqueAdvice>& all) {
    std::vector<std::string> out;
    for (const auto& a : all)
        out.push_back(a.code);
    return out;
}

// Excluded last; otherwise scores never rise down the list.
bool well_ranked(const std::vector<TechniqueAdvice>& all) {
    bool seen_excluded = false;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const bool excluded = all[i].suitability == Suitability::excluded;
        if (seen_excluded && !excluded) return false;
        seen_excluded = seen_excluded || excluded;
        if (i > 0 && !excluded && all[i].score > all[i - 1].score) return false;
        if (excluded == all[i].max_pressure.has_value()) return false;
    }
    return true;
}

Client desk_worker() {
    return make_client([](ClientDetails& d) {
        d.activity = ActivityLevel::desk_work;
        d.occupation = "Software developer";
    });
}

Findings chronic_postural_pain() {
    Findings f;
    f.weeks = 20;
    f.posture = "Forward head, rounded shoulders";
    f.aggravating = "Sitting at the computer all day";
    f.palpation = {palpated(BodyRegion::trapezius_upper, Side::left, 2)};
    return f;
}

Findings chronic_adhesions() {
    Findings f;
    f.weeks = 26;
    f.pain_now = 5;
    f.pain_best = 3;
    f.pain_worst = 7;
    f.palpation = {palpated(BodyRegion::quadratus_lumborum, Side::left, 2, 0, true)};
    return f;
}

Technique neuromuscular_therapy() {
    Technique t;
    t.code = "neuromuscular";
    t.name = "Neuromuscular therapy";
    t.purpose = "Releases trigger points and rebalances muscles pulled out of line by posture.";
    t.depth = TechniqueDepth::moderate;
    t.typical_min = Pressure(4);
    t.typical_max = Pressure(7);
    t.traits = {TechniqueTrait::releases_trigger_points, TechniqueTrait::corrects_posture};
    return t;
}

} // namespace

BOOST_AUTO_TEST_SUITE(TechniqueAdvisor)

BOOST_AUTO_TEST_CASE(desk_worker_with_chronic_postural_pain_gets_myofascial_release) {
    const auto advice = advise(assess(chronic_postural_pain()), desk_worker(), standard_catalogue());
    BOOST_TEST_REQUIRE(advice.size() == 6u);
    BOOST_TEST(well_ranked(advice));
    BOOST_TEST(advice[0].code == "myofascial_release");
    BOOST_TEST(advice[0].name == "Myofascial release");
    BOOST_TEST(advice[0].suitability == Suitability::recommended);
    BOOST_TEST(
        has_line(advice[0].reasons_for,
                 "Posture-related pain (desk work (Software developer); posture: Forward head, rounded "
                 "shoulders; worse with sitting): myofascial release frees the fascia around tight muscles "
                 "to restore flexibility and correct posture-related pain."));
    BOOST_TEST(advice[0].reasons_against.empty());
    BOOST_TEST(advice[0].max_pressure->value() == 6);
    // Tight muscle supports deep work and heat, but less strongly; nothing is excluded.
    BOOST_TEST(advice[1].code == "deep_tissue");
    BOOST_TEST(advice[2].code == "hot_stone");
    BOOST_TEST(has_line(advice_for(advice, "hot_stone").reasons_for,
                        "Chronic muscle tension (left upper trapezius): hot stone massage uses warmth that "
                        "penetrates deep muscles, easing tension and promoting relaxation."));
    for (const auto& a : advice)
        BOOST_TEST(a.suitability != Suitability::excluded, a.code);
}

BOOST_AUTO_TEST_CASE(desk_work_alone_is_enough_to_call_it_postural) {
    Findings f;
    f.weeks = 20;
    const auto advice = advise(assess(f), desk_worker(), standard_catalogue());
    BOOST_TEST(advice.at(0).code == "myofascial_release");
    BOOST_TEST(
        advice.at(0).reasons_for.at(0).starts_with("Posture-related pain (desk work (Software developer)):"));
    // Without desk work, posture notes or sitting, nothing points to myofascial release.
    const auto plain = advise(assess(f), make_client(), standard_catalogue());
    BOOST_TEST(advice_for(plain, "myofascial_release").reasons_for.empty());
    BOOST_TEST(advice_for(plain, "myofascial_release").suitability == Suitability::suitable);
}

BOOST_AUTO_TEST_CASE(athlete_gets_sports_massage) {
    Findings f;
    f.weeks = 8;
    f.palpation = {palpated(BodyRegion::hamstrings, Side::right, 2),
                   palpated(BodyRegion::erector_spinae_lumbar, Side::bilateral, 1)};
    const Client athlete = make_client([](ClientDetails& d) { d.activity = ActivityLevel::athlete; });
    const auto advice = advise(assess(f), athlete, standard_catalogue());
    BOOST_TEST(well_ranked(advice));
    BOOST_TEST(advice.at(0).code == "sports");
    BOOST_TEST(advice.at(0).suitability == Suitability::recommended);
    BOOST_TEST(has_line(advice.at(0).reasons_for,
                        "Athlete: sports massage helps prevent injury, relieves strain and manages back pain "
                        "from overuse or high-impact training."));
    BOOST_TEST(advice.at(0).max_pressure->value() == 8);

    const Client active = make_client([](ClientDetails& d) { d.activity = ActivityLevel::active; });
    const auto for_active = advise(assess(f), active, standard_catalogue());
    BOOST_TEST(advice_for(for_active, "sports").score < advice_for(advice, "sports").score);
    BOOST_TEST(advice_for(for_active, "sports").reasons_for.at(0).starts_with("Physically active client:"));
}

BOOST_AUTO_TEST_CASE(anticoagulants_exclude_deep_tissue_despite_adhesions) {
    const Client on_warfarin = make_client([](ClientDetails& d) {
        d.medications = {Medication{MedicationClass::anticoagulant, ""}};
    });
    const auto advice = advise(assess(chronic_adhesions()), on_warfarin, standard_catalogue());
    BOOST_TEST(well_ranked(advice));
    const auto& deep = advice_for(advice, "deep_tissue");
    BOOST_TEST(deep.suitability == Suitability::excluded);
    BOOST_TEST(
        has_line(deep.reasons_against, "Takes anticoagulants: deep pressure risks bruising — excluded."));
    BOOST_TEST(has_line(deep.reasons_for,
                        "Chronic pain with adhesions found on palpation (left quadratus "
                        "lumborum): deep tissue massage reaches deeper layers and breaks up "
                        "adhesions."));
    BOOST_TEST(!deep.max_pressure.has_value());
    BOOST_TEST(advice.back().code == "deep_tissue");
    // What stays is held to moderate pressure; techniques that usually go deeper are cautioned.
    for (const auto& a : advice)
        if (a.max_pressure) BOOST_TEST(a.max_pressure->value() <= 6, a.code);
    for (const char* code : {"trigger_point", "sports"}) {
        BOOST_TEST_CONTEXT(code) {
            const auto& a = advice_for(advice, code);
            BOOST_TEST(a.suitability == Suitability::use_with_caution);
            BOOST_TEST(a.max_pressure->value() == 6);
            BOOST_TEST(has_line(
                a.reasons_against,
                "Takes anticoagulants: deep pressure risks bruising — keep pressure at 6 or below."));
        }
    }
    BOOST_TEST(advice_for(advice, "myofascial_release").suitability == Suitability::suitable);

    // The same findings without the anticoagulant put deep tissue first.
    const auto unrestricted = advise(assess(chronic_adhesions()), make_client(), standard_catalogue());
    BOOST_TEST(unrestricted.at(0).code == "deep_tissue");
    BOOST_TEST(unrestricted.at(0).suitability == Suitability::recommended);
    BOOST_TEST(unrestricted.at(0).max_pressure->value() == 9);
}

BOOST_AUTO_TEST_CASE(several_cautions_list_every_cause_but_cost_score_once) {
    Findings f = chronic_adhesions();
    f.palpation.push_back(palpated(BodyRegion::hamstrings, Side::left, 1));
    const Client one = make_client([](ClientDetails& d) {
        d.medications = {Medication{MedicationClass::anticoagulant, ""}};
    });
    const Client three = make_client([](ClientDetails& d) {
        d.medications = {Medication{MedicationClass::anticoagulant, ""}};
        d.conditions = {HealthCondition::osteoporosis, HealthCondition::dvt_history};
    });
    const auto a1 = advise(assess(f), one, standard_catalogue());
    const auto a3 = advise(assess(f), three, standard_catalogue());
    const auto& tp1 = advice_for(a1, "trigger_point");
    const auto& tp3 = advice_for(a3, "trigger_point");
    BOOST_TEST(tp1.reasons_against.size() == 1u);
    // Anticoagulants and osteoporosis; the local limit on the legs is no lower than the whole-body one.
    BOOST_TEST(tp3.reasons_against.size() == 2u);
    BOOST_TEST(tp3.score == tp1.score);
    // An excluded technique gives only the reasons it is excluded.
    const auto& deep = advice_for(a3, "deep_tissue");
    BOOST_TEST(deep.reasons_against.size() == 2u);
    for (const auto& r : deep.reasons_against)
        BOOST_TEST(r.ends_with(" — excluded."), r);
}

BOOST_AUTO_TEST_CASE(every_deep_pressure_caution_excludes_deep_tissue) {
    using HC = HealthCondition;
    for (const auto condition : {HC::osteoporosis, HC::recent_injury, HC::recent_surgery, HC::pregnancy,
                                 HC::cancer_history, HC::fibromyalgia}) {
        BOOST_TEST_CONTEXT(to_code(condition)) {
            const Client c = make_client([&](ClientDetails& d) { d.conditions = {condition}; });
            const auto advice = advise(assess(chronic_adhesions()), c, standard_catalogue());
            const auto& deep = advice_for(advice, "deep_tissue");
            BOOST_TEST(deep.suitability == Suitability::excluded);
            BOOST_TEST(deep.reasons_against.at(0).starts_with(std::string(label(condition)) + ": "));
            BOOST_TEST(deep.reasons_against.at(0).ends_with(" — excluded."));
        }
    }
}

BOOST_AUTO_TEST_CASE(diabetic_neuropathy_excludes_hot_stone) {
    Findings f = chronic_postural_pain();
    const Client c =
        make_client([](ClientDetails& d) { d.conditions = {HealthCondition::diabetic_neuropathy}; });
    const auto advice = advise(assess(f), c, standard_catalogue());
    BOOST_TEST(well_ranked(advice));
    const auto& hot = advice_for(advice, "hot_stone");
    BOOST_TEST(hot.suitability == Suitability::excluded);
    BOOST_TEST(has_line(
        hot.reasons_against,
        "Diabetic neuropathy: reduced feeling in the skin means a burn can go unnoticed — excluded."));
    BOOST_TEST(advice.back().code == "hot_stone");
    for (const auto& a : advice)
        if (a.code != "hot_stone") BOOST_TEST(a.suitability != Suitability::excluded, a.code);
}

BOOST_AUTO_TEST_CASE(heat_cautions_exclude_hot_stone) {
    using HC = HealthCondition;
    for (const auto condition : {HC::heat_sensitivity, HC::pregnancy, HC::hypertension}) {
        BOOST_TEST_CONTEXT(to_code(condition)) {
            const Client c = make_client([&](ClientDetails& d) { d.conditions = {condition}; });
            const auto advice = advise(assess(chronic_postural_pain()), c, standard_catalogue());
            BOOST_TEST(advice_for(advice, "hot_stone").suitability == Suitability::excluded);
        }
    }
    // Diabetes without neuropathy does not bar heat.
    const Client diabetic = make_client([](ClientDetails& d) { d.conditions = {HealthCondition::diabetes}; });
    const auto advice = advise(assess(chronic_postural_pain()), diabetic, standard_catalogue());
    BOOST_TEST(advice_for(advice, "hot_stone").suitability == Suitability::suitable);
}

BOOST_AUTO_TEST_CASE(red_flags_exclude_everything) {
    Findings f = chronic_postural_pain();
    f.red_flags = {RedFlag::saddle_numbness};
    const auto advice = advise(assess(f), desk_worker(), standard_catalogue());
    BOOST_TEST_REQUIRE(advice.size() == 6u);
    const std::vector<std::string> catalogue_order{
        "swedish", "deep_tissue", "trigger_point", "myofascial_release", "sports", "hot_stone"};
    BOOST_TEST(codes(advice) == catalogue_order, boost::test_tools::per_element());
    for (const auto& a : advice) {
        BOOST_TEST_CONTEXT(a.code) {
            BOOST_TEST(a.suitability == Suitability::excluded);
            BOOST_TEST(a.reasons_against ==
                           std::vector<std::string>{"Red flags present: do not treat; refer."},
                       boost::test_tools::per_element());
            BOOST_TEST(a.reasons_for.empty());
            BOOST_TEST(!a.max_pressure.has_value());
        }
    }
}

BOOST_AUTO_TEST_CASE(a_non_urgent_red_flag_also_stops_treatment) {
    Findings f;
    f.red_flags = {RedFlag::unexplained_weight_loss};
    const auto advice = advise(assess(f), make_client(), standard_catalogue());
    BOOST_TEST(std::all_of(advice.begin(), advice.end(),
                           [](const TechniqueAdvice& a) { return a.suitability == Suitability::excluded; }));
}

BOOST_AUTO_TEST_CASE(a_seventh_technique_added_as_data_is_ranked) {
    Findings f = chronic_postural_pain();
    f.palpation = {palpated(BodyRegion::trapezius_upper, Side::left, 2, 3)};
    auto catalogue = standard_catalogue();
    catalogue.add(neuromuscular_therapy());
    const auto advice = advise(assess(f), desk_worker(), catalogue);
    BOOST_TEST_REQUIRE(advice.size() == 7u);
    BOOST_TEST(well_ranked(advice));
    const auto& nmt = advice.at(0);
    BOOST_TEST(nmt.code == "neuromuscular");
    BOOST_TEST(nmt.suitability == Suitability::recommended);
    BOOST_TEST(has_line(nmt.reasons_for,
                        "Trigger points found on palpation (left upper trapezius): neuromuscular "
                        "therapy releases the tight knots that radiate pain."));
    BOOST_TEST(nmt.reasons_for.size() == 2u);
    BOOST_TEST(nmt.reasons_for.at(1).ends_with(
        "neuromuscular therapy relaxes tight muscles to help correct posture-related pain."));
    // Trigger point therapy and myofascial release tie on one finding each: catalogue order decides.
    BOOST_TEST(rank_of(advice, "trigger_point") < rank_of(advice, "myofascial_release"));
    BOOST_TEST(advice_for(advice, "trigger_point").score == advice_for(advice, "myofascial_release").score);
}

BOOST_AUTO_TEST_CASE(a_new_heat_technique_is_excluded_by_heat_cautions) {
    Technique compress;
    compress.code = "herbal_compress";
    compress.name = "Herbal compress massage";
    compress.depth = TechniqueDepth::light;
    compress.typical_min = Pressure(2);
    compress.typical_max = Pressure(4);
    compress.traits = {TechniqueTrait::uses_heat};
    auto catalogue = standard_catalogue();
    catalogue.add(compress);
    const Client c =
        make_client([](ClientDetails& d) { d.conditions = {HealthCondition::heat_sensitivity}; });
    const auto advice = advise(assess(chronic_postural_pain()), c, catalogue);
    const auto& a = advice_for(advice, "herbal_compress");
    BOOST_TEST(a.suitability == Suitability::excluded);
    BOOST_TEST(has_line(a.reasons_against, "Heat sensitivity: the client reacts badly to heat — excluded."));
    // Without the caution it is advised on like hot stone.
    const auto free = advise(assess(chronic_postural_pain()), make_client(), catalogue);
    BOOST_TEST(advice_for(free, "herbal_compress").reasons_for.at(0).starts_with("Chronic muscle tension"));
}

BOOST_AUTO_TEST_CASE(acute_severe_pain_favours_swedish_and_warns_off_deep_work) {
    Findings f;
    f.weeks = 2;
    f.pain_now = 8;
    f.pain_best = 5;
    f.pain_worst = 9;
    f.palpation = {palpated(BodyRegion::erector_spinae_lumbar, Side::bilateral, 3)};
    const auto advice = advise(assess(f), make_client(), standard_catalogue());
    BOOST_TEST(well_ranked(advice));
    BOOST_TEST(advice.at(0).code == "swedish");
    BOOST_TEST(advice.at(0).suitability == Suitability::recommended);
    BOOST_TEST(advice.at(0).reasons_for.size() == 2u);
    BOOST_TEST(advice.at(0).reasons_for.at(0).starts_with("Acute pain (2 weeks): Swedish massage"));
    BOOST_TEST(advice.at(0).reasons_for.at(1).starts_with("Severe pain today (8/10): Swedish massage"));
    const auto& deep = advice_for(advice, "deep_tissue");
    BOOST_TEST(deep.suitability == Suitability::use_with_caution);
    BOOST_TEST(deep.score < 0);
    BOOST_TEST(deep.reasons_for.empty()); // tightness in acute pain does not call for deep work
    BOOST_TEST(has_line(deep.reasons_against,
                        "Acute pain (2 weeks): deep pressure can aggravate tissue that is still settling."));
    BOOST_TEST(advice.back().code == "deep_tissue");
}

BOOST_AUTO_TEST_CASE(pain_of_seven_counts_as_severe_six_does_not) {
    struct Row {
        int now;
        bool severe;
    };
    for (const auto r : {Row{6, false}, Row{7, true}, Row{10, true}}) {
        BOOST_TEST_CONTEXT("pain now " << r.now) {
            Findings f;
            f.weeks = 20;
            f.pain_now = r.now;
            f.pain_best = 2;
            f.pain_worst = 10;
            const auto advice = advise(assess(f), make_client(), standard_catalogue());
            const auto& swedish = advice_for(advice, "swedish");
            BOOST_TEST((swedish.suitability == Suitability::recommended) == r.severe);
            BOOST_TEST(!swedish.reasons_for.empty() == r.severe);
            BOOST_TEST(!advice_for(advice, "deep_tissue").reasons_against.empty() == r.severe);
        }
    }
}

BOOST_AUTO_TEST_CASE(light_pressure_preference_favours_gentle_work) {
    const Client c = make_client([](ClientDetails& d) { d.pressure_preference = PressurePreference::light; });
    const auto advice = advise(assess(Findings{}), c, standard_catalogue());
    BOOST_TEST(advice.at(0).code == "swedish");
    BOOST_TEST(
        has_line(advice.at(0).reasons_for, "Prefers light pressure: Swedish massage works within it."));
    BOOST_TEST(has_line(advice_for(advice, "deep_tissue").reasons_against,
                        "Prefers light pressure: deep tissue massage usually needs pressure of 6 or more."));
    BOOST_TEST(advice_for(advice, "myofascial_release").reasons_against.empty()); // starts at 3
}

BOOST_AUTO_TEST_CASE(trigger_points_call_for_trigger_point_therapy) {
    Findings f;
    f.weeks = 10;
    f.palpation = {palpated(BodyRegion::piriformis, Side::right, 1, 2),
                   palpated(BodyRegion::gluteus_medius, Side::right, 1, 1)};
    const auto advice = advise(assess(f), make_client(), standard_catalogue());
    BOOST_TEST(advice.at(0).code == "trigger_point");
    BOOST_TEST(
        advice.at(0).reasons_for.at(0) ==
        "Trigger points found on palpation (right piriformis, right gluteus medius): trigger point therapy "
        "releases the tight knots that radiate pain.");
}

BOOST_AUTO_TEST_CASE(a_low_pressure_limit_excludes_techniques_that_need_more) {
    Findings f;
    f.weeks = 30;
    f.palpation = {palpated(BodyRegion::quadratus_lumborum, Side::left, 1, 3)};
    const Client c = make_client([](ClientDetails& d) { d.conditions = {HealthCondition::fibromyalgia}; });
    const auto advice = advise(assess(f), c, standard_catalogue());
    BOOST_TEST(well_ranked(advice));
    const auto& tp = advice_for(advice, "trigger_point");
    BOOST_TEST(tp.suitability == Suitability::excluded);
    BOOST_TEST(has_line(tp.reasons_against,
                        "Fibromyalgia: heavy pressure can set off a flare, so start light and "
                        "build up only as tolerated — excluded, as trigger point therapy needs "
                        "pressure of 4 or more."));
    BOOST_TEST(advice_for(advice, "sports").suitability == Suitability::excluded);
    const auto& swedish = advice_for(advice, "swedish");
    BOOST_TEST(swedish.suitability == Suitability::use_with_caution);
    BOOST_TEST(swedish.max_pressure->value() == 3);
    BOOST_TEST(has_line(swedish.reasons_against,
                        "Fibromyalgia: heavy pressure can set off a flare, so start light "
                        "and build up only as tolerated — keep pressure at 3 or below."));
}

BOOST_AUTO_TEST_CASE(a_local_limit_cautions_only_when_the_area_is_treated) {
    const Client c = make_client([](ClientDetails& d) { d.conditions = {HealthCondition::dvt_history}; });
    Findings legs;
    legs.palpation = {palpated(BodyRegion::hamstrings, Side::left, 2)};
    const auto on_legs = advise(assess(legs), c, standard_catalogue());
    const auto& deep = advice_for(on_legs, "deep_tissue");
    BOOST_TEST(deep.suitability == Suitability::use_with_caution);
    BOOST_TEST(has_line(deep.reasons_against,
                        "Deep vein thrombosis (history): deep work on the legs could dislodge "
                        "a clot — keep pressure at 6 or below on the legs."));
    BOOST_TEST(deep.max_pressure->value() == 9); // the limit is local, not whole-body

    Findings back;
    back.palpation = {palpated(BodyRegion::erector_spinae_lumbar, Side::left, 2)};
    const auto on_back = advise(assess(back), c, standard_catalogue());
    BOOST_TEST(advice_for(on_back, "deep_tissue").reasons_against.empty());
    BOOST_TEST(advice_for(on_back, "deep_tissue").suitability == Suitability::suitable);
}

BOOST_AUTO_TEST_CASE(stress_calls_for_relaxation) {
    Findings f;
    f.aggravating = "Stress at work";
    const auto advice = advise(assess(f), make_client(), standard_catalogue());
    BOOST_TEST(has_line(
        advice_for(advice, "swedish").reasons_for,
        "Stress adds to the pain: Swedish massage calms the nervous system and promotes relaxation."));
    BOOST_TEST(advice_for(advice, "deep_tissue").reasons_for.empty());
}

BOOST_AUTO_TEST_CASE(ties_keep_catalogue_order) {
    Technique beta = neuromuscular_therapy();
    beta.code = "beta";
    Technique alpha = neuromuscular_therapy();
    alpha.code = "alpha";
    const TechniqueCatalogue catalogue({beta, alpha});
    Findings f;
    f.palpation = {palpated(BodyRegion::rhomboids, Side::right, 1, 1)};
    for (int run = 0; run < 3; ++run) {
        const auto advice = advise(assess(f), make_client(), catalogue);
        BOOST_TEST(codes(advice) == (std::vector<std::string>{"beta", "alpha"}),
                   boost::test_tools::per_element());
        BOOST_TEST(advice.at(0).score == advice.at(1).score);
    }
}

BOOST_AUTO_TEST_CASE(refuses_another_clients_assessment) {
    Client c = make_client();
    c.set_id(2);
    KNOTWORK_CHECK_REFUSED(advise(assess(Findings{}), c, standard_catalogue()), "assessment");
    c.set_id(1);
    BOOST_TEST(advise(assess(Findings{}), c, standard_catalogue()).size() == 6u);
}

BOOST_AUTO_TEST_CASE(an_empty_catalogue_gives_no_advice) {
    BOOST_TEST(advise(assess(Findings{}), make_client(), TechniqueCatalogue{}).empty());
}

BOOST_AUTO_TEST_CASE(suitability_codes_are_stable) {
    BOOST_TEST(to_code(Suitability::use_with_caution) == "use_with_caution");
    BOOST_TEST(label(Suitability::use_with_caution) == "Use with caution");
    for (const auto& e : enum_entries<Suitability>())
        BOOST_TEST((from_code<Suitability>("suitability", e.code) == e.value));
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
