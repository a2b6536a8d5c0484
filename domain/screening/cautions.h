#pragma once
// Cautions: what a client's health history, medications and latest assessment forbid or limit
// during massage, each with the cause, the restriction and the reason in the words a therapist
// would write. The published rules (PRODUCT.md, "Clinical rules") always apply:
//   anticoagulants, osteoporosis, recent injury or surgery → no deep pressure;
//   diabetic neuropathy or heat sensitivity → no heat (no hot stones);
//   varicose veins, open wounds → avoid the area.
// Further rules a careful therapist expects: pregnancy (no deep pressure, no heat, positioning),
// corticosteroids (fragile tissue: moderate pressure), history of DVT (no deep work on the legs),
// fibromyalgia (start light), cancer history (no deep pressure), herniated disc (no deep pressure
// over the spine), high blood pressure (no heat), skin conditions and the client's sensitive
// areas (avoid the area), and, from the assessment, tingling or burning on the pain map (no deep
// pressure over the irritated nerve). Cautions come out in a fixed order, so they can be shown
// and compared as they are.
#include "assessment/assessment.h"
#include "client/client.h"
#include "common/body_region.h"
#include "common/bounded.h"
#include "common/enum_names.h"
#include "technique/technique.h"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace knotwork {

enum class Restriction {
    no_deep_pressure, // pressure kept to moderate (max_pressure = moderate_pressure_max)
    max_pressure,     // pressure kept to max_pressure
    no_heat,          // no hot stones, heat packs or other heat
    avoid_area,       // do not work on `area`
    positioning,      // position the client with care (the reason says how)
};
KNOTWORK_ENUM_NAMES(Restriction, "restriction");

// A caution that comes from what was found or written down rather than a checklist item.
enum class CautionFinding { nerve_symptoms, sensitive_areas };
KNOTWORK_ENUM_NAMES(CautionFinding, "caution finding");

using CautionSource = std::variant<HealthCondition, MedicationClass, CautionFinding>;

struct Caution {
    CautionSource source;
    std::string cause; // "Takes anticoagulants (Warfarin 5 mg)", "Osteoporosis"
    Restriction restriction = Restriction::avoid_area;
    std::optional<Pressure> max_pressure; // set for no_deep_pressure and max_pressure
    // Where the restriction applies; empty means the whole body. "the legs", "varicose veins".
    std::string area;
    // The body-map regions the area covers, when it maps onto them (may be empty).
    std::vector<BodyRegion> regions;
    std::string reason; // "deep pressure risks bruising": no capital, no full stop

    // A pressure limit that applies only to `area`, not to the whole body.
    bool is_local() const { return !area.empty(); }
    bool limits_pressure() const { return max_pressure.has_value(); }
    bool operator==(const Caution&) const = default;
};

// The client's cautions from the health history and medications.
std::vector<Caution> cautions_for(const Client& client);
// As above, followed by the cautions the latest assessment adds.
std::vector<Caution> cautions_for(const Client& client, const Assessment& latest);

// The highest pressure allowed anywhere on the body: the lowest whole-body limit among the
// cautions, 10 when none limits pressure. Local limits (one area) do not lower it.
Pressure max_safe_pressure(const std::vector<Caution>& cautions);
Pressure max_safe_pressure(const Client& client);
Pressure max_safe_pressure(const Client& client, const Assessment& latest);

// False when any caution rules out heat.
bool heat_allowed(const std::vector<Caution>& cautions);

// "No deep pressure (6 at most)", "No deep pressure on the legs (6 at most)", "No heat",
// "Avoid varicose veins", "Position with care".
std::string restriction_text(const Caution& caution);
// One line for the client's file: "Takes anticoagulants: deep pressure risks bruising. No deep
// pressure (6 at most)."
std::string describe(const Caution& caution);

} // namespace knotwork
