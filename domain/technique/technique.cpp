#include "technique/technique.h"

#include "common/error.h"
#include "common/text.h"

#include <algorithm>
#include <array>

namespace knotwork {

namespace {
constexpr std::array<EnumEntry<TechniqueDepth>, 3> depth_names{{
    {TechniqueDepth::light, "light", "Light"},
    {TechniqueDepth::moderate, "moderate", "Moderate"},
    {TechniqueDepth::deep, "deep", "Deep"},
}};

using T = TechniqueTrait;
constexpr std::array<EnumEntry<T>, 8> trait_names{{
    {T::gentle, "gentle", "Gentle: suits beginners and acute pain"},
    {T::promotes_relaxation, "promotes_relaxation", "Promotes relaxation"},
    {T::uses_heat, "uses_heat", "Uses heat"},
    {T::works_fascia, "works_fascia", "Works the fascia"},
    {T::corrects_posture, "corrects_posture", "Corrects posture-related pain"},
    {T::releases_trigger_points, "releases_trigger_points", "Releases trigger points"},
    {T::breaks_adhesions, "breaks_adhesions", "Breaks up adhesions"},
    {T::suits_athletes, "suits_athletes", "Suits athletes and active people"},
}};

bool is_code_character(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}
} // namespace

std::span<const EnumEntry<TechniqueDepth>> EnumNames<TechniqueDepth>::entries() {
    return depth_names;
}
std::span<const EnumEntry<T>> EnumNames<T>::entries() {
    return trait_names;
}

std::string Technique::in_sentence() const {
    if (!phrase.empty()) return phrase;
    std::string s = name;
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

TechniqueCatalogue::TechniqueCatalogue(std::vector<Technique> techniques) {
    m_techniques.reserve(techniques.size());
    for (auto& t : techniques)
        add(std::move(t));
}

const Technique* TechniqueCatalogue::find(std::string_view code) const {
    const auto it = std::find_if(m_techniques.begin(), m_techniques.end(),
                                 [code](const Technique& t) { return t.code == code; });
    return it == m_techniques.end() ? nullptr : &*it;
}

const Technique& TechniqueCatalogue::get(std::string_view code) const {
    if (const Technique* t = find(code)) return *t;
    throw NotFoundError("No technique \"" + std::string(code) + "\" in the catalogue.");
}

void TechniqueCatalogue::add(Technique technique) {
    validate(technique);
    if (find(technique.code))
        throw ValidationError("technique code", "\"" + technique.code + "\" is already in the catalogue");
    m_techniques.push_back(std::move(technique));
}

void TechniqueCatalogue::validate(Technique& t) {
    t.code = text::require_present("technique code", t.code, 60);
    if (!std::all_of(t.code.begin(), t.code.end(), is_code_character))
        throw ValidationError("technique code",
                              "\"" + t.code + "\" may use only lower-case letters, digits and '_'");
    t.name = text::require_present("technique name (" + t.code + ")", t.name, text::short_limit);
    t.phrase = text::trim(t.phrase);
    text::require_clean("technique phrase (" + t.code + ")", t.phrase, text::short_limit);
    text::require_clean("technique purpose (" + t.code + ")", t.purpose, 2000);
    for (const auto& c : t.contraindications)
        text::require_clean("contraindications (" + t.code + ")", c, 2000);

    const std::string pressure_field = "typical pressure (" + t.name + ")";
    const int lo = t.typical_min.value();
    const int hi = t.typical_max.value();
    if (lo > hi)
        throw ValidationError(pressure_field, "lowest (" + std::to_string(lo) + ") is above highest (" +
                                                  std::to_string(hi) + ")");
    if (t.depth == TechniqueDepth::light && lo > light_pressure_max)
        throw ValidationError(pressure_field, "a light technique must start at light pressure (" +
                                                  std::to_string(light_pressure_max) + " or less)");
    if (t.depth == TechniqueDepth::deep && hi <= moderate_pressure_max)
        throw ValidationError(pressure_field, "a deep technique must reach deep pressure (" +
                                                  std::to_string(moderate_pressure_max + 1) + " or more)");
}

TechniqueCatalogue standard_catalogue() {
    using D = TechniqueDepth;
    std::vector<Technique> t;
    t.push_back(Technique{
        .code = "swedish",
        .name = "Swedish massage",
        .phrase = "Swedish massage",
        .purpose = "Great for beginners or mild back pain. Long, gentle strokes and light kneading "
                   "promote relaxation, improve circulation and ease general tension.",
        .depth = D::light,
        .typical_min = Pressure{2},
        .typical_max = Pressure{5},
        .traits = {T::gentle, T::promotes_relaxation},
        .contraindications = {"Do not work over open wounds, skin infections or fresh bruising.",
                              "Avoid varicose veins."},
    });
    t.push_back(Technique{
        .code = "deep_tissue",
        .name = "Deep tissue massage",
        .phrase = {},
        .purpose = "Best for chronic tightness or deep muscle knots. Firm pressure reaches deeper "
                   "muscle layers, breaks up adhesions and loosens rigid areas.",
        .depth = D::deep,
        .typical_min = Pressure{6},
        .typical_max = Pressure{9},
        .traits = {T::breaks_adhesions},
        .contraindications = {"No deep pressure with anticoagulants, osteoporosis, recent injury or "
                              "surgery, pregnancy or corticosteroid use.",
                              "Not on acutely inflamed tissue.",
                              "Keep off varicose veins and the legs after a deep vein thrombosis."},
    });
    t.push_back(Technique{
        .code = "trigger_point",
        .name = "Trigger point therapy",
        .phrase = {},
        .purpose = "Targets trigger points, tight knots in the muscle that radiate pain, and "
                   "releases them for quick and lasting relief.",
        .depth = D::moderate,
        .typical_min = Pressure{4},
        .typical_max = Pressure{8},
        .traits = {T::releases_trigger_points},
        .contraindications = {"Moderate pressure only with anticoagulants or fragile tissue.",
                              "Not over recent injury, inflammation or varicose veins."},
    });
    t.push_back(Technique{
        .code = "myofascial_release",
        .name = "Myofascial release",
        .phrase = {},
        .purpose = "Works the fascia, the connective tissue around the muscles, to restore "
                   "flexibility, reduce tension and correct posture-related pain.",
        .depth = D::moderate,
        .typical_min = Pressure{3},
        .typical_max = Pressure{6},
        .traits = {T::works_fascia, T::corrects_posture},
        .contraindications = {"Not over open wounds, healing fractures or acute inflammation."},
    });
    t.push_back(Technique{
        .code = "sports",
        .name = "Sports massage",
        .phrase = {},
        .purpose = "Ideal for athletes and people with frequent physical activity: helps prevent "
                   "injuries, relieve strain and manage back pain from overuse or high-impact "
                   "training.",
        .depth = D::moderate,
        .typical_min = Pressure{4},
        .typical_max = Pressure{8},
        .traits = {T::suits_athletes},
        .contraindications = {"Not on a fresh strain or tear in the first 48 to 72 hours.",
                              "Moderate pressure only with anticoagulants or osteoporosis."},
    });
    t.push_back(Technique{
        .code = "hot_stone",
        .name = "Hot stone massage",
        .phrase = {},
        .purpose = "Manual massage combined with heated stones: the warmth penetrates deep muscles, "
                   "easing tension and discomfort while promoting relaxation.",
        .depth = D::light,
        .typical_min = Pressure{2},
        .typical_max = Pressure{5},
        .traits = {T::uses_heat, T::promotes_relaxation},
        .contraindications = {"No heat with diabetic neuropathy, heat sensitivity, pregnancy or high "
                              "blood pressure.",
                              "Not over varicose veins, open wounds or inflamed skin."},
    });
    return TechniqueCatalogue(std::move(t));
}

} // namespace knotwork
