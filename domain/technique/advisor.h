#pragma once
// The technique advisor: given the latest assessment, the client and the catalogue, it ranks every
// technique and says why, in sentences a therapist would write into a plan. It reasons over each
// technique's depth, typical pressure and traits, never over its code, so a technique added to the
// catalogue as data is advised on like the others.
//
// What it promises:
//  - A positive red-flag screen excludes every technique: "Red flags present: do not treat; refer."
//  - Cautions (screening/cautions.h) exclude or restrict: deep techniques are excluded when deep
//    pressure is unsafe, heat techniques under a heat caution, and any technique whose lightest
//    typical pressure is above the safe limit; a technique that can be done within the limit but
//    usually goes above it is "use with caution", each cause in its reasons. A limit on one area
//    (the legs after a DVT) counts only when that area is on the pain map or was palpated.
//    Area-only and positioning cautions do not change the advice: show them from cautions_for().
//  - Findings raise a technique's score: chronic adhesions or tightness → deep work that breaks
//    adhesions; trigger points → techniques that release them; posture-related pain (posture
//    findings, desk work, worse with sitting) → techniques that correct posture; athletes and
//    active clients → techniques for athletes; acute or severe pain or a light-pressure
//    preference → gentle techniques; chronic tension or stress → heat and relaxation.
//  - The ranking is deterministic: excluded techniques last, then by score, ties in catalogue order.
#include "assessment/assessment.h"
#include "client/client.h"
#include "common/bounded.h"
#include "common/enum_names.h"
#include "technique/technique.h"

#include <optional>
#include <string>
#include <vector>

namespace knotwork {

enum class Suitability { recommended, suitable, use_with_caution, excluded };
KNOTWORK_ENUM_NAMES(Suitability, "suitability");

struct TechniqueAdvice {
    std::string code;
    std::string name;
    Suitability suitability = Suitability::suitable;
    int score = 0; // higher ranks first; comparable only within one call
    std::vector<std::string> reasons_for;
    std::vector<std::string> reasons_against;
    // The most pressure the technique may use for this client; none when it is excluded.
    std::optional<Pressure> max_pressure;
};

// The score at or above which an unrestricted technique is recommended.
inline constexpr int recommended_score = 30;

// Every technique of the catalogue, best first. Throws ValidationError when the assessment
// belongs to another client (both ids known).
std::vector<TechniqueAdvice> advise(const Assessment& assessment, const Client& client,
                                    const TechniqueCatalogue& catalogue);

} // namespace knotwork
