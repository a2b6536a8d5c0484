#pragma once
// The red-flag screen: findings that mean massage must not go ahead and the client must be
// referred. Possible cauda equina (saddle numbness, new bladder or bowel trouble, progressive or
// bilateral leg weakness) is urgent: same-day emergency care. The others call for a referral to
// a physician before any treatment.
#include "common/enum_names.h"

#include <set>
#include <string>
#include <vector>

namespace knotwork {

enum class RedFlag {
    saddle_numbness,
    bladder_bowel_change,
    progressive_leg_weakness,
    bilateral_leg_weakness,
    fever,
    unexplained_weight_loss,
    cancer_history,
    major_trauma,
    night_pain,
    suspected_dvt,
};
KNOTWORK_ENUM_NAMES(RedFlag, "red flag");

enum class ReferralUrgency { none, refer_before_treatment, urgent_same_day };
KNOTWORK_ENUM_NAMES(ReferralUrgency, "referral urgency");

// What the therapist asked and recorded. `referred_to` and `notes` record the action taken.
struct RedFlagScreen {
    std::set<RedFlag> positive;
    std::string notes;
    std::string referred_to;
    bool operator==(const RedFlagScreen&) const = default;
};

struct RedFlagVerdict {
    ReferralUrgency urgency = ReferralUrgency::none;
    bool stop_treatment = false;
    std::vector<std::string> reasons; // one sentence per positive flag, most urgent first
    std::string advice;               // what to do now, in plain words
};

// The question a therapist asks for each flag ("Any numbness in the saddle area?").
std::string_view screening_question(RedFlag flag);
bool is_cauda_equina_sign(RedFlag flag);
RedFlagVerdict evaluate(const RedFlagScreen& screen);

} // namespace knotwork
