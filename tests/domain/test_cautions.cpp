#include "screening/cautions.h"

#include "domain_printers.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace knotwork::test {

namespace {

const Date today(2026, 3, 10);

ClientDetails base_details() {
    ClientDetails d;
    d.family_name = "Okafor";
    d.given_name = "Ada";
    return d;
}

Client client_with(std::set<HealthCondition> conditions, std::vector<Medication> meds = {}) {
    ClientDetails d = base_details();
    d.conditions = std::move(conditions);
    d.medications = std::move(meds);
    return Client(d, today);
}

Assessment assessment_with(std::vector<PainMapEntry> pain_map) {
    AssessmentDetails d;
    d.assessed_on = today;
    d.chief_complaint = "Low back pain";
    d.duration_weeks = 10;
    d.pain_now = PainScore(4);
    d.pain_best = PainScore(2);
    d.pain_worst = PainScore(6);
    d.pain_map = std::move(pain_map);
    return Assessment(1, d, today);
}

std::optional<Caution> find_caution(const std::vector<Caution>& cautions, CautionSource source,
                                    Restriction r) {
    const auto it = std::find_if(cautions.begin(), cautions.end(),
                                 [&](const Caution& c) { return c.source == source && c.restriction == r; });
    if (it == cautions.end()) return std::nullopt;
    return *it;
}

// One published or added caution rule: what the client has, what must follow.
struct RuleCase {
    const char* name;
    CautionSource source;
    Restriction restriction;
    std::optional<int> max_pressure; // the caution's limit
    std::string area;                // empty: whole body
    int safe_pressure;               // max_safe_pressure for a client with only this
    bool heat;                       // heat_allowed for a client with only this
};

Client client_for(const CautionSource& source) {
    if (const auto* m = std::get_if<MedicationClass>(&source)) return client_with({}, {Medication{*m, ""}});
    return client_with({std::get<HealthCondition>(source)});
}

} // namespace

BOOST_AUTO_TEST_SUITE(Caution)
using knotwork::Caution;

BOOST_AUTO_TEST_CASE(healthy_client_has_no_cautions_and_full_pressure) {
    const Client c = client_with({});
    BOOST_TEST(cautions_for(c).empty());
    BOOST_TEST(max_safe_pressure(c).value() == 10);
    BOOST_TEST(heat_allowed(cautions_for(c)));
}

BOOST_AUTO_TEST_CASE(every_rule_gives_its_restriction_and_a_reason) {
    using HC = HealthCondition;
    using MC = MedicationClass;
    using R = Restriction;
    const std::vector<RuleCase> cases{
        // PRODUCT.md clinical rules
        {"anticoagulants", MC::anticoagulant, R::no_deep_pressure, 6, "", 6, true},
        {"osteoporosis", HC::osteoporosis, R::no_deep_pressure, 6, "", 6, true},
        {"recent injury", HC::recent_injury, R::no_deep_pressure, 6, "", 6, true},
        {"recent surgery", HC::recent_surgery, R::no_deep_pressure, 6, "", 6, true},
        {"recent surgery site", HC::recent_surgery, R::avoid_area, std::nullopt, "the surgical site", 6,
         true},
        {"diabetic neuropathy", HC::diabetic_neuropathy, R::no_heat, std::nullopt, "", 10, false},
        {"heat sensitivity", HC::heat_sensitivity, R::no_heat, std::nullopt, "", 10, false},
        {"varicose veins", HC::varicose_veins, R::avoid_area, std::nullopt, "varicose veins", 10, true},
        {"open wounds", HC::open_wounds, R::avoid_area, std::nullopt, "open wounds and skin breaks", 10,
         true},
        // further rules
        {"pregnancy pressure", HC::pregnancy, R::no_deep_pressure, 6, "", 6, false},
        {"pregnancy heat", HC::pregnancy, R::no_heat, std::nullopt, "", 6, false},
        {"pregnancy positioning", HC::pregnancy, R::positioning, std::nullopt, "", 6, false},
        {"corticosteroids", MC::corticosteroid, R::max_pressure, 5, "", 5, true},
        {"DVT history", HC::dvt_history, R::no_deep_pressure, 6, "the legs", 10, true},
        {"fibromyalgia", HC::fibromyalgia, R::max_pressure, 3, "", 3, true},
        {"cancer history", HC::cancer_history, R::no_deep_pressure, 6, "", 6, true},
        {"herniated disc", HC::herniated_disc, R::no_deep_pressure, 6, "the spine over the disc", 10, true},
        {"high blood pressure", HC::hypertension, R::no_heat, std::nullopt, "", 10, false},
        {"skin condition", HC::skin_condition, R::avoid_area, std::nullopt, "the affected skin", 10, true},
    };
    for (const auto& rc : cases) {
        BOOST_TEST_CONTEXT(rc.name) {
            const Client client = client_for(rc.source);
            const auto all = cautions_for(client);
            const auto c = find_caution(all, rc.source, rc.restriction);
            BOOST_TEST(c.has_value(), "no caution for this rule");
            if (!c) continue;
            BOOST_TEST(!c->cause.empty());
            BOOST_TEST(!c->reason.empty());
            BOOST_TEST(c->reason.back() != '.');
            BOOST_TEST(c->max_pressure.has_value() == rc.max_pressure.has_value());
            if (rc.max_pressure && c->max_pressure) BOOST_TEST(c->max_pressure->value() == *rc.max_pressure);
            BOOST_TEST(c->area == rc.area);
            BOOST_TEST(describe(*c).starts_with(c->cause + ": " + c->reason + ". "));
            BOOST_TEST(max_safe_pressure(client).value() == rc.safe_pressure);
            BOOST_TEST(heat_allowed(all) == rc.heat);
        }
    }
}

BOOST_AUTO_TEST_CASE(anticoagulant_caution_names_the_medicine) {
    const Client c = client_with({}, {Medication{MedicationClass::anticoagulant, "Warfarin 5 mg"},
                                      Medication{MedicationClass::pain_killer, "Paracetamol"}});
    const auto all = cautions_for(c);
    BOOST_TEST_REQUIRE(all.size() == 1u);
    BOOST_TEST(all[0].cause == "Takes anticoagulants (Warfarin 5 mg)");
    BOOST_TEST(
        describe(all[0]) ==
        "Takes anticoagulants (Warfarin 5 mg): deep pressure risks bruising. No deep pressure (6 at most).");
}

BOOST_AUTO_TEST_CASE(anticoagulant_without_a_name_reads_plainly) {
    const Client c = client_with({}, {Medication{MedicationClass::anticoagulant, ""}});
    BOOST_TEST(cautions_for(c).at(0).cause == "Takes anticoagulants");
}

BOOST_AUTO_TEST_CASE(diabetes_without_neuropathy_allows_heat) {
    const Client plain = client_with({HealthCondition::diabetes});
    BOOST_TEST(heat_allowed(cautions_for(plain)));
    const Client neuropathy = client_with({HealthCondition::diabetic_neuropathy});
    BOOST_TEST(!heat_allowed(cautions_for(neuropathy)));
    BOOST_TEST(describe(cautions_for(neuropathy).at(0)) ==
               "Diabetic neuropathy: reduced feeling in the skin means a burn can go unnoticed. "
               "No heat (no hot stones or heat packs).");
}

BOOST_AUTO_TEST_CASE(pain_killers_and_muscle_relaxants_add_no_caution) {
    const Client c = client_with({}, {Medication{MedicationClass::pain_killer, "Ibuprofen"},
                                      Medication{MedicationClass::muscle_relaxant, "Methocarbamol"}});
    BOOST_TEST(cautions_for(c).empty());
}

BOOST_AUTO_TEST_CASE(lowest_whole_body_limit_wins) {
    const Client c = client_with({HealthCondition::fibromyalgia, HealthCondition::osteoporosis},
                                 {Medication{MedicationClass::corticosteroid, "Prednisolone"}});
    BOOST_TEST(max_safe_pressure(c).value() == 3);
    const Client d = client_with({HealthCondition::osteoporosis},
                                 {Medication{MedicationClass::corticosteroid, "Prednisolone"}});
    BOOST_TEST(max_safe_pressure(d).value() == 5);
}

BOOST_AUTO_TEST_CASE(local_limits_do_not_lower_the_whole_body_limit) {
    const Client c = client_with({HealthCondition::dvt_history, HealthCondition::herniated_disc});
    const auto all = cautions_for(c);
    BOOST_TEST(all.size() == 2u);
    BOOST_TEST(std::all_of(all.begin(), all.end(), [](const Caution& x) { return x.is_local(); }));
    BOOST_TEST(max_safe_pressure(all).value() == 10);
    BOOST_TEST(restriction_text(all.at(0)) == "No deep pressure on the legs (6 at most)");
    BOOST_TEST(
        (all.at(0).regions == std::vector<BodyRegion>{BodyRegion::hamstrings, BodyRegion::tfl_it_band}));
}

BOOST_AUTO_TEST_CASE(order_is_medications_then_conditions) {
    const Client c = client_with({HealthCondition::varicose_veins, HealthCondition::osteoporosis},
                                 {Medication{MedicationClass::anticoagulant, ""}});
    const auto all = cautions_for(c);
    BOOST_TEST_REQUIRE(all.size() == 3u);
    BOOST_TEST((all[0].source == CautionSource{MedicationClass::anticoagulant}));
    BOOST_TEST((all[1].source == CautionSource{HealthCondition::osteoporosis}));
    BOOST_TEST((all[2].source == CautionSource{HealthCondition::varicose_veins}));
    BOOST_TEST(restriction_text(all[2]) == "Avoid varicose veins");
}

BOOST_AUTO_TEST_CASE(sensitive_areas_become_an_area_to_avoid) {
    ClientDetails d = base_details();
    d.sensitive_areas = "  Feet and neck ";
    const auto all = cautions_for(Client(d, today));
    const auto c = find_caution(all, CautionFinding::sensitive_areas, Restriction::avoid_area);
    BOOST_TEST_REQUIRE(c.has_value());
    BOOST_TEST(c->area == "Feet and neck");
}

BOOST_AUTO_TEST_CASE(tingling_on_the_pain_map_limits_pressure_over_the_nerve) {
    const Client c = client_with({});
    const Assessment a = assessment_with({
        PainMapEntry{BodyRegion::lumbar_spine, Side::midline, PainScore(5), PainQuality::aching},
        PainMapEntry{BodyRegion::piriformis, Side::left, PainScore(4), PainQuality::tingling},
        PainMapEntry{BodyRegion::hamstrings, Side::left, PainScore(3), PainQuality::burning},
    });
    BOOST_TEST(cautions_for(c).empty());
    const auto all = cautions_for(c, a);
    const auto nerve = find_caution(all, CautionFinding::nerve_symptoms, Restriction::no_deep_pressure);
    BOOST_TEST_REQUIRE(nerve.has_value());
    BOOST_TEST((nerve->regions == std::vector<BodyRegion>{BodyRegion::piriformis, BodyRegion::hamstrings}));
    BOOST_TEST(nerve->area == "piriformis, hamstrings");
    BOOST_TEST(nerve->is_local());
    BOOST_TEST(max_safe_pressure(c, a).value() == 10);
}

BOOST_AUTO_TEST_CASE(aching_pain_adds_no_nerve_caution) {
    const Client c = client_with({HealthCondition::osteoporosis});
    const Assessment a = assessment_with({
        PainMapEntry{BodyRegion::lumbar_spine, Side::midline, PainScore(5), PainQuality::aching},
    });
    BOOST_TEST((cautions_for(c, a) == cautions_for(c)));
    BOOST_TEST(max_safe_pressure(c, a).value() == 6);
}

BOOST_AUTO_TEST_CASE(restriction_codes_are_stable) {
    BOOST_TEST(to_code(Restriction::no_deep_pressure) == "no_deep_pressure");
    BOOST_TEST(to_code(Restriction::no_heat) == "no_heat");
    for (const auto& e : enum_entries<Restriction>())
        BOOST_TEST((from_code<Restriction>("restriction", e.code) == e.value));
    BOOST_CHECK_THROW(from_code<Restriction>("restriction", "no_massage"), ValidationError);
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
