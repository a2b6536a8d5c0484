#include "technique/advisor.h"

#include "common/error.h"
#include "common/text.h"
#include "screening/cautions.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <set>

namespace knotwork {

namespace {
constexpr std::array<EnumEntry<Suitability>, 4> suitability_names{{
    {Suitability::recommended, "recommended", "Recommended"},
    {Suitability::suitable, "suitable", "Suitable"},
    {Suitability::use_with_caution, "use_with_caution", "Use with caution"},
    {Suitability::excluded, "excluded", "Excluded"},
}};

// Weights: a finding that calls for a technique is worth a recommendation on its own; lesser
// findings add to it; findings against a technique take away.
constexpr int primary = 30;
constexpr int secondary = 20;
constexpr int minor = 10;
constexpr int caution_penalty = 10;
constexpr int strongly_against = 25;
constexpr int mildly_against = 15;
constexpr int severe_pain_from = 7;

constexpr std::string_view red_flag_reason = "Red flags present: do not treat; refer.";

constexpr std::string_view desk_words[]{
    "desk",      "office", "computer", "software",  "developer", "programmer",   "accountant", "admin",
    "secretary", "clerk",  "typist",   "call cent", "driver",    "receptionist", "analyst",    "banker"};
constexpr std::string_view posture_words[]{"forward head",
                                           "rounded",
                                           "slump",
                                           "hunch",
                                           "kyphos",
                                           "lordos",
                                           "pelvic tilt",
                                           "sway",
                                           "flat back",
                                           "scoliosis",
                                           "elevated shoulder",
                                           "protract",
                                           "asymmetr",
                                           "uneven",
                                           "poor",
                                           "head forward"};
constexpr std::string_view sitting_words[]{"sitting", "desk", "computer", "driving", "screen", "seated"};
constexpr std::string_view stress_words[]{"stress", "anxi", "worri", "worry"};

template <std::size_t N> bool mentions(std::string_view text, const std::string_view (&words)[N]) {
    const std::string lower = text::ascii_lower(text);
    return std::any_of(std::begin(words), std::end(words),
                       [&](std::string_view w) { return lower.find(w) != std::string::npos; });
}

// "Quadratus lumborum" → "quadratus lumborum"; "TFL / IT band" keeps its capitals.
std::string region_in_sentence(BodyRegion r) {
    std::string s(label(r));
    if (s.size() > 1 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'a' && s[1] <= 'z')
        s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

std::string site(BodyRegion r, Side side) {
    switch (side) {
    case Side::left:
        return "left " + region_in_sentence(r);
    case Side::right:
        return "right " + region_in_sentence(r);
    case Side::bilateral:
        return region_in_sentence(r) + " (both sides)";
    case Side::midline:
        break;
    }
    return region_in_sentence(r);
}

void add_unique(std::vector<std::string>& list, std::string s) {
    if (std::find(list.begin(), list.end(), s) == list.end()) list.push_back(std::move(s));
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
}

// At most `limit` bytes of the first line, cut on a UTF-8 boundary, "…" when shortened.
std::string excerpt(std::string_view s, std::size_t limit) {
    std::string t = text::trim(s.substr(0, s.find('\n')));
    if (t.size() <= limit) return t;
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80)
        --cut;
    return text::trim(std::string_view(t).substr(0, cut)) + "…";
}

std::string weeks_text(int weeks) {
    if (weeks == 0) return "under a week";
    return std::to_string(weeks) + (weeks == 1 ? " week" : " weeks");
}

// What the assessment and the client's record say, reduced to what the rules below ask.
struct Findings {
    DurationClass duration = DurationClass::acute;
    int weeks = 0;
    std::vector<std::string> adhesion_sites;
    std::vector<std::string> trigger_point_sites;
    std::vector<std::string> tight_sites;   // hypertonicity grade 2 or 3
    std::vector<std::string> tension_sites; // any hypertonicity, or stiffness on the pain map
    std::vector<std::string> posture_evidence;
    ActivityLevel activity = ActivityLevel::moderate;
    int pain_now = 0;
    PressurePreference preference = PressurePreference::medium;
    bool stress = false;
    std::set<BodyRegion> regions; // everything on the pain map or palpated
};

Findings gather(const Assessment& assessment, const Client& client) {
    const auto& a = assessment.details();
    const auto& c = client.details();
    Findings f;
    f.duration = assessment.duration_class();
    f.weeks = a.duration_weeks;
    for (const auto& p : a.palpation) {
        f.regions.insert(p.muscle);
        const std::string where = site(p.muscle, p.side);
        if (p.adhesions) add_unique(f.adhesion_sites, where);
        if (p.trigger_points > 0) add_unique(f.trigger_point_sites, where);
        if (p.hypertonicity >= 2)
            add_unique(f.tight_sites, where + " grade " + std::to_string(p.hypertonicity));
        if (p.hypertonicity >= 1) add_unique(f.tension_sites, where);
    }
    for (const auto& p : a.pain_map) {
        f.regions.insert(p.region);
        if (p.quality == PainQuality::stiffness)
            add_unique(f.tension_sites, "stiffness in the " + region_in_sentence(p.region));
    }

    const bool desk_job = !c.occupation.empty() && mentions(c.occupation, desk_words);
    if (c.activity == ActivityLevel::desk_work || desk_job)
        f.posture_evidence.push_back(c.occupation.empty() ? std::string("desk work")
                                                          : "desk work (" + excerpt(c.occupation, 60) + ")");
    if (mentions(a.posture, posture_words))
        f.posture_evidence.push_back("posture: " + excerpt(a.posture, 80));
    if (mentions(a.aggravating_factors, sitting_words)) f.posture_evidence.emplace_back("worse with sitting");

    f.activity = c.activity;
    f.pain_now = a.pain_now.value();
    f.preference = c.pressure_preference;
    f.stress = mentions(a.aggravating_factors, stress_words) || mentions(a.chief_complaint, stress_words) ||
               mentions(a.notes, stress_words);
    return f;
}

// One technique's advice while it is being worked out.
struct Draft {
    TechniqueAdvice advice;
    bool excluded = false;
    bool restricted = false;

    void reason_for(int weight, std::string s) {
        advice.score += weight;
        advice.reasons_for.push_back(std::move(s));
    }
    void reason_against(int weight, std::string s) {
        advice.score -= weight;
        advice.reasons_against.push_back(std::move(s));
    }
    void exclude(std::string s) {
        excluded = true;
        advice.reasons_against.push_back(std::move(s));
    }
    void restrict(std::vector<std::string> reasons) {
        restricted = true;
        advice.score -= caution_penalty;
        for (auto& r : reasons)
            advice.reasons_against.push_back(std::move(r));
    }
};

void weigh_findings(const Technique& t, const Findings& f, Draft& d) {
    const std::string who = t.in_sentence();
    const bool deep = t.depth == TechniqueDepth::deep;
    const std::string course = f.duration == DurationClass::chronic ? "Chronic" : "Subacute";

    if (f.duration != DurationClass::acute && !f.adhesion_sites.empty() &&
        t.has(TechniqueTrait::breaks_adhesions))
        d.reason_for(primary, course + " pain with adhesions found on palpation (" +
                                  join(f.adhesion_sites, ", ") + "): " + who +
                                  (deep ? " reaches deeper layers and breaks up adhesions."
                                        : " breaks up adhesions."));
    if (f.duration != DurationClass::acute && !f.tight_sites.empty() && deep)
        d.reason_for(secondary, course + " pain with marked muscle tightness (" + join(f.tight_sites, ", ") +
                                    "): " + who + " applies firm pressure to loosen rigid muscle.");
    if (!f.trigger_point_sites.empty() && t.has(TechniqueTrait::releases_trigger_points))
        d.reason_for(primary, "Trigger points found on palpation (" + join(f.trigger_point_sites, ", ") +
                                  "): " + who + " releases the tight knots that radiate pain.");
    if (!f.posture_evidence.empty() && t.has(TechniqueTrait::corrects_posture))
        d.reason_for(primary, "Posture-related pain (" + join(f.posture_evidence, "; ") + "): " + who +
                                  (t.has(TechniqueTrait::works_fascia)
                                       ? " frees the fascia around tight muscles to restore flexibility and "
                                         "correct posture-related pain."
                                       : " relaxes tight muscles to help correct posture-related pain."));
    if (t.has(TechniqueTrait::suits_athletes)) {
        const std::string helps = " helps prevent injury, relieves strain and manages back pain from overuse "
                                  "or high-impact training.";
        if (f.activity == ActivityLevel::athlete)
            d.reason_for(primary, "Athlete: " + who + helps);
        else if (f.activity == ActivityLevel::active)
            d.reason_for(secondary, "Physically active client: " + who + helps);
    }

    if (f.duration == DurationClass::acute) {
        const std::string acute = "Acute pain (" + weeks_text(f.weeks) + ")";
        if (t.has(TechniqueTrait::gentle))
            d.reason_for(primary,
                         acute + ": " + who +
                             " uses gentle strokes that ease tension without aggravating tissue that "
                             "is still settling.");
        if (deep)
            d.reason_against(strongly_against,
                             acute + ": deep pressure can aggravate tissue that is still settling.");
    }
    if (f.pain_now >= severe_pain_from) {
        const std::string severe = "Severe pain today (" + std::to_string(f.pain_now) + "/10)";
        if (t.has(TechniqueTrait::gentle))
            d.reason_for(primary,
                         severe + ": " + who + " is gentle enough to relieve it without a flare-up.");
        if (deep)
            d.reason_against(secondary, severe + ": firm pressure is likely to be guarded against and can "
                                                 "flare the pain.");
    }
    if (f.preference == PressurePreference::light) {
        if (t.has(TechniqueTrait::gentle))
            d.reason_for(secondary, "Prefers light pressure: " + who + " works within it.");
        if (t.typical_min.value() > light_pressure_max)
            d.reason_against(mildly_against, "Prefers light pressure: " + who +
                                                 " usually needs pressure of " +
                                                 std::to_string(t.typical_min.value()) + " or more.");
    } else if ((f.preference == PressurePreference::firm || f.preference == PressurePreference::deep) &&
               deep) {
        d.reason_for(minor, "Prefers " + text::ascii_lower(label(f.preference)) + " pressure: " + who +
                                " works at the depth the client likes.");
    }

    if (f.duration == DurationClass::chronic && !f.tension_sites.empty() && t.has(TechniqueTrait::uses_heat))
        d.reason_for(secondary,
                     "Chronic muscle tension (" + join(f.tension_sites, ", ") + "): " + who +
                         " uses warmth that penetrates deep muscles, easing tension" +
                         (t.has(TechniqueTrait::promotes_relaxation) ? " and promoting relaxation." : "."));
    if (f.stress && t.has(TechniqueTrait::promotes_relaxation))
        d.reason_for(minor, "Stress adds to the pain: " + who +
                                " calms the nervous system and promotes relaxation.");
}

bool touches(const Caution& c, const Findings& f) {
    if (c.regions.empty()) return true;
    return std::any_of(c.regions.begin(), c.regions.end(),
                       [&](BodyRegion r) { return f.regions.contains(r); });
}

// Exclusions outrank restrictions: an excluded technique lists only why it is excluded. A
// restricted one lists every caution that holds it back, but loses score once.
void weigh_cautions(const Technique& t, const std::vector<Caution>& cautions, const Findings& f, int safe,
                    Draft& d) {
    const std::string who = t.in_sentence();
    const int lo = t.typical_min.value();
    const int hi = t.typical_max.value();
    std::vector<std::string> exclusions;
    std::vector<std::string> restrictions;
    for (const auto& c : cautions) {
        const std::string because = c.cause + ": " + c.reason;
        if (c.restriction == Restriction::no_heat && t.has(TechniqueTrait::uses_heat)) {
            exclusions.push_back(because + " — excluded.");
            continue;
        }
        if (!c.max_pressure) continue;
        const int limit = c.max_pressure->value();
        const std::string keep = " — keep pressure at " + std::to_string(limit) + " or below";
        if (c.is_local()) {
            // A local limit matters only where it is lower than the whole-body one and the area is treated.
            if (hi > limit && limit < safe && touches(c, f))
                restrictions.push_back(because + keep + " on " + c.area + ".");
        } else if (t.depth == TechniqueDepth::deep && limit <= moderate_pressure_max) {
            exclusions.push_back(because + " — excluded.");
        } else if (lo > limit) {
            exclusions.push_back(because + " — excluded, as " + who + " needs pressure of " +
                                 std::to_string(lo) + " or more.");
        } else if (hi > limit) {
            restrictions.push_back(because + keep + ".");
        }
    }
    if (!exclusions.empty()) {
        for (auto& e : exclusions)
            d.exclude(std::move(e));
    } else if (!restrictions.empty()) {
        d.restrict(std::move(restrictions));
    }
}
} // namespace

std::span<const EnumEntry<Suitability>> EnumNames<Suitability>::entries() {
    return suitability_names;
}

std::vector<TechniqueAdvice> advise(const Assessment& assessment, const Client& client,
                                    const TechniqueCatalogue& catalogue) {
    if (client.id() != 0 && assessment.client_id() != client.id())
        throw ValidationError("assessment", "belongs to another client");
    std::vector<TechniqueAdvice> out;
    out.reserve(catalogue.size());

    if (assessment.red_flag_verdict().stop_treatment) {
        for (const auto& t : catalogue.all()) {
            TechniqueAdvice a;
            a.code = t.code;
            a.name = t.name;
            a.suitability = Suitability::excluded;
            a.reasons_against.emplace_back(red_flag_reason);
            out.push_back(std::move(a));
        }
        return out;
    }

    const Findings findings = gather(assessment, client);
    const std::vector<Caution> cautions = cautions_for(client, assessment);
    const int safe = max_safe_pressure(cautions).value();

    for (const auto& t : catalogue.all()) {
        Draft d;
        d.advice.code = t.code;
        d.advice.name = t.name;
        weigh_findings(t, findings, d);
        weigh_cautions(t, cautions, findings, safe, d);
        auto& a = d.advice;
        if (d.excluded) {
            a.suitability = Suitability::excluded;
        } else {
            a.max_pressure = Pressure(std::min(t.typical_max.value(), safe), "maximum pressure");
            if (d.restricted || a.score < 0)
                a.suitability = Suitability::use_with_caution;
            else if (a.score >= recommended_score)
                a.suitability = Suitability::recommended;
            else
                a.suitability = Suitability::suitable;
        }
        out.push_back(std::move(a));
    }

    std::stable_sort(out.begin(), out.end(), [](const TechniqueAdvice& x, const TechniqueAdvice& y) {
        const bool xe = x.suitability == Suitability::excluded;
        const bool ye = y.suitability == Suitability::excluded;
        if (xe != ye) return ye;
        return x.score > y.score;
    });
    return out;
}

} // namespace knotwork
