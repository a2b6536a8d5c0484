#include "screening/cautions.h"

#include "common/text.h"

#include <algorithm>
#include <array>

namespace knotwork {

namespace {
constexpr std::array<EnumEntry<Restriction>, 5> restriction_names{{
    {Restriction::no_deep_pressure, "no_deep_pressure", "No deep pressure"},
    {Restriction::max_pressure, "max_pressure", "Pressure limit"},
    {Restriction::no_heat, "no_heat", "No heat"},
    {Restriction::avoid_area, "avoid_area", "Avoid the area"},
    {Restriction::positioning, "positioning", "Positioning care"},
}};
constexpr std::array<EnumEntry<CautionFinding>, 2> finding_names{{
    {CautionFinding::nerve_symptoms, "nerve_symptoms", "Nerve symptoms on the pain map"},
    {CautionFinding::sensitive_areas, "sensitive_areas", "Sensitive areas"},
}};

using HC = HealthCondition;
using R = BodyRegion;

// One rule: a health condition and what it restricts. Order here is the order of the output.
struct ConditionRule {
    HC condition;
    Restriction restriction;
    int max_pressure; // 0 when the rule does not limit pressure
    std::string_view area;
    std::span<const BodyRegion> regions;
    std::string_view reason;
};

constexpr int moderate = moderate_pressure_max;
constexpr std::array<BodyRegion, 2> legs{R::hamstrings, R::tfl_it_band};
constexpr std::array<BodyRegion, 4> spine{R::cervical_spine, R::thoracic_spine, R::lumbar_spine, R::sacrum};

// clang-format off
constexpr std::array<ConditionRule, 17> condition_rules{{
    {HC::osteoporosis, Restriction::no_deep_pressure, moderate, "", {},
     "fragile bones can fracture under deep pressure, especially over the spine and ribs"},
    {HC::recent_injury, Restriction::no_deep_pressure, moderate, "", {},
     "the injured tissue is still healing and deep pressure can injure it again"},
    {HC::recent_surgery, Restriction::no_deep_pressure, moderate, "", {},
     "healing tissue and a raised risk of blood clots make deep pressure unsafe"},
    {HC::recent_surgery, Restriction::avoid_area, 0, "the surgical site", {},
     "the incision must heal fully before it is worked on"},
    {HC::pregnancy, Restriction::no_deep_pressure, moderate, "", {},
     "it raises the risk of blood clots, and deep pressure on the abdomen and lower back is unsafe"},
    {HC::pregnancy, Restriction::no_heat, 0, "", {},
     "raising the core temperature can harm the baby"},
    {HC::pregnancy, Restriction::positioning, 0, "", {},
     "after the first trimester lying flat presses on the abdomen and major veins; use side-lying or "
     "semi-reclined positions supported with pillows"},
    {HC::dvt_history, Restriction::no_deep_pressure, moderate, "the legs", legs,
     "deep work on the legs could dislodge a clot"},
    {HC::cancer_history, Restriction::no_deep_pressure, moderate, "", {},
     "bone and tissue may be fragile after cancer treatment; treat only with the physician's clearance"},
    {HC::fibromyalgia, Restriction::max_pressure, light_pressure_max, "", {},
     "heavy pressure can set off a flare, so start light and build up only as tolerated"},
    {HC::herniated_disc, Restriction::no_deep_pressure, moderate, "the spine over the disc", spine,
     "deep pressure directly on the spine can aggravate the disc; work the muscles beside it"},
    {HC::diabetic_neuropathy, Restriction::no_heat, 0, "", {},
     "reduced feeling in the skin means a burn can go unnoticed"},
    {HC::heat_sensitivity, Restriction::no_heat, 0, "", {},
     "the client reacts badly to heat"},
    {HC::hypertension, Restriction::no_heat, 0, "", {},
     "heat widens the blood vessels and strains the circulation"},
    {HC::varicose_veins, Restriction::avoid_area, 0, "varicose veins", {},
     "pressure on swollen veins can damage them or dislodge a clot"},
    {HC::open_wounds, Restriction::avoid_area, 0, "open wounds and skin breaks", {},
     "working over broken skin risks infection"},
    {HC::skin_condition, Restriction::avoid_area, 0, "the affected skin", {},
     "pressure, oils and lotions can irritate it or spread an infection"},
}};
// clang-format on

// "Takes anticoagulants (Warfarin 5 mg, Apixaban)": the class, then the named medicines.
std::string medication_cause(const Client& client, MedicationClass c, std::string_view what) {
    std::string names;
    for (const auto& m : client.details().medications) {
        if (m.medication_class != c || text::trim(m.name).empty()) continue;
        if (!names.empty()) names += ", ";
        names += text::trim(m.name);
    }
    std::string cause = "Takes " + std::string(what);
    if (!names.empty()) cause += " (" + names + ")";
    return cause;
}

// "Piriformis" → "piriformis"; "TFL / IT band" keeps its capitals.
std::string region_in_sentence(BodyRegion r) {
    std::string s(label(r));
    if (s.size() > 1 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'a' && s[1] <= 'z')
        s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

std::optional<Pressure> limit(int max_pressure) {
    if (max_pressure == 0) return std::nullopt;
    return Pressure(max_pressure, "pressure limit");
}
} // namespace

std::span<const EnumEntry<Restriction>> EnumNames<Restriction>::entries() {
    return restriction_names;
}
std::span<const EnumEntry<CautionFinding>> EnumNames<CautionFinding>::entries() {
    return finding_names;
}

std::vector<Caution> cautions_for(const Client& client) {
    std::vector<Caution> out;
    if (client.takes(MedicationClass::anticoagulant))
        out.push_back(Caution{
            .source = MedicationClass::anticoagulant,
            .cause = medication_cause(client, MedicationClass::anticoagulant, "anticoagulants"),
            .restriction = Restriction::no_deep_pressure,
            .max_pressure = limit(moderate),
            .area = {},
            .regions = {},
            .reason = "deep pressure risks bruising",
        });
    if (client.takes(MedicationClass::corticosteroid))
        out.push_back(Caution{
            .source = MedicationClass::corticosteroid,
            .cause = medication_cause(client, MedicationClass::corticosteroid, "corticosteroids"),
            .restriction = Restriction::max_pressure,
            .max_pressure = limit(5),
            .area = {},
            .regions = {},
            .reason = "long-term steroids thin the skin and weaken connective tissue, so it bruises "
                      "and tears easily",
        });
    for (const auto& rule : condition_rules) {
        if (!client.has(rule.condition)) continue;
        out.push_back(Caution{
            .source = rule.condition,
            .cause = std::string(label(rule.condition)),
            .restriction = rule.restriction,
            .max_pressure = limit(rule.max_pressure),
            .area = std::string(rule.area),
            .regions = std::vector<BodyRegion>(rule.regions.begin(), rule.regions.end()),
            .reason = std::string(rule.reason),
        });
    }
    const std::string sensitive = text::trim(client.details().sensitive_areas);
    if (!sensitive.empty())
        out.push_back(Caution{
            .source = CautionFinding::sensitive_areas,
            .cause = "Sensitive areas noted by the client",
            .restriction = Restriction::avoid_area,
            .max_pressure = std::nullopt,
            .area = sensitive,
            .regions = {},
            .reason = "the client asked for care there; check with them before working on these areas",
        });
    return out;
}

std::vector<Caution> cautions_for(const Client& client, const Assessment& latest) {
    std::vector<Caution> out = cautions_for(client);
    std::vector<BodyRegion> nerve_regions;
    for (const auto& p : latest.details().pain_map)
        if ((p.quality == PainQuality::tingling || p.quality == PainQuality::burning) &&
            std::find(nerve_regions.begin(), nerve_regions.end(), p.region) == nerve_regions.end())
            nerve_regions.push_back(p.region);
    if (!nerve_regions.empty()) {
        std::string area;
        for (const auto r : nerve_regions) {
            if (!area.empty()) area += ", ";
            area += region_in_sentence(r);
        }
        out.push_back(Caution{
            .source = CautionFinding::nerve_symptoms,
            .cause = "Tingling or burning on the pain map",
            .restriction = Restriction::no_deep_pressure,
            .max_pressure = limit(moderate),
            .area = area,
            .regions = nerve_regions,
            .reason = "these suggest an irritated nerve, and deep pressure over it can make the "
                      "symptoms worse",
        });
    }
    return out;
}

Pressure max_safe_pressure(const std::vector<Caution>& cautions) {
    int lowest = Pressure::max;
    for (const auto& c : cautions)
        if (c.max_pressure && !c.is_local()) lowest = std::min(lowest, c.max_pressure->value());
    return Pressure(lowest, "maximum safe pressure");
}

Pressure max_safe_pressure(const Client& client) {
    return max_safe_pressure(cautions_for(client));
}

Pressure max_safe_pressure(const Client& client, const Assessment& latest) {
    return max_safe_pressure(cautions_for(client, latest));
}

bool heat_allowed(const std::vector<Caution>& cautions) {
    return std::none_of(cautions.begin(), cautions.end(),
                        [](const Caution& c) { return c.restriction == Restriction::no_heat; });
}

std::string restriction_text(const Caution& c) {
    const std::string on = c.is_local() ? " on " + c.area : "";
    const std::string at_most =
        c.max_pressure ? " (" + std::to_string(c.max_pressure->value()) + " at most)" : "";
    switch (c.restriction) {
    case Restriction::no_deep_pressure:
        return "No deep pressure" + on + at_most;
    case Restriction::max_pressure:
        return "Pressure " + (c.max_pressure ? std::to_string(c.max_pressure->value()) : "?") + " at most" +
               on;
    case Restriction::no_heat:
        return "No heat (no hot stones or heat packs)";
    case Restriction::avoid_area:
        return "Avoid " + (c.area.empty() ? std::string("the affected area") : c.area);
    case Restriction::positioning:
        return "Position with care";
    }
    return std::string(label(c.restriction));
}

std::string describe(const Caution& c) {
    return c.cause + ": " + c.reason + ". " + restriction_text(c) + ".";
}

} // namespace knotwork
