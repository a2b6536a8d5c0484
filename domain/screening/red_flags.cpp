#include "screening/red_flags.h"

#include <algorithm>
#include <array>

namespace knotwork {

namespace {
using F = RedFlag;
constexpr std::array<EnumEntry<F>, 10> flag_names{{
    {F::saddle_numbness, "saddle_numbness", "Saddle numbness"},
    {F::bladder_bowel_change, "bladder_bowel_change", "New bladder or bowel disturbance"},
    {F::progressive_leg_weakness, "progressive_leg_weakness", "Progressive leg weakness"},
    {F::bilateral_leg_weakness, "bilateral_leg_weakness", "Weakness or numbness in both legs"},
    {F::fever, "fever", "Fever"},
    {F::unexplained_weight_loss, "unexplained_weight_loss", "Unexplained weight loss"},
    {F::cancer_history, "cancer_history", "History of cancer"},
    {F::major_trauma, "major_trauma", "Recent major trauma"},
    {F::night_pain, "night_pain", "Unremitting night pain"},
    {F::suspected_dvt, "suspected_dvt", "Suspected deep vein thrombosis"},
}};
constexpr std::array<EnumEntry<ReferralUrgency>, 3> urgency_names{{
    {ReferralUrgency::none, "none", "No red flags"},
    {ReferralUrgency::refer_before_treatment, "refer", "Refer before treatment"},
    {ReferralUrgency::urgent_same_day, "urgent", "Urgent: same-day emergency care"},
}};

struct FlagText {
    F flag;
    std::string_view question;
    std::string_view reason;
};
constexpr std::array<FlagText, 10> flag_texts{{
    {F::saddle_numbness, "Any numbness or altered feeling around the groin, buttocks or inner thighs (saddle area)?",
     "Saddle numbness is a sign of possible cauda equina syndrome."},
    {F::bladder_bowel_change, "Any new difficulty passing urine, loss of bladder or bowel control?",
     "New bladder or bowel disturbance is a sign of possible cauda equina syndrome."},
    {F::progressive_leg_weakness, "Is weakness in a leg getting worse?",
     "Progressive leg weakness suggests worsening nerve compression (possible cauda equina)."},
    {F::bilateral_leg_weakness, "Weakness, numbness or pins and needles in both legs?",
     "Symptoms in both legs suggest possible cauda equina syndrome."},
    {F::fever, "Fever, chills or feeling generally unwell with the back pain?",
     "Fever with back pain may mean infection."},
    {F::unexplained_weight_loss, "Weight loss without trying?",
     "Unexplained weight loss with back pain may mean serious disease."},
    {F::cancer_history, "Ever been treated for cancer?",
     "A history of cancer raises the possibility of spinal metastasis."},
    {F::major_trauma, "A fall, accident or heavy blow recently?",
     "Major trauma may have caused a fracture."},
    {F::night_pain, "Pain at night that does not ease with rest or changing position?",
     "Unremitting night pain may mean tumour or infection."},
    {F::suspected_dvt, "Calf pain, swelling, warmth or redness in one leg?",
     "Signs of deep vein thrombosis: massage could dislodge a clot."},
}};
} // namespace

std::span<const EnumEntry<F>> EnumNames<F>::entries() { return flag_names; }
std::span<const EnumEntry<ReferralUrgency>> EnumNames<ReferralUrgency>::entries() { return urgency_names; }

std::string_view screening_question(RedFlag flag) {
    for (const auto& t : flag_texts)
        if (t.flag == flag) return t.question;
    return {};
}

bool is_cauda_equina_sign(RedFlag flag) {
    return flag == F::saddle_numbness || flag == F::bladder_bowel_change ||
           flag == F::progressive_leg_weakness || flag == F::bilateral_leg_weakness;
}

RedFlagVerdict evaluate(const RedFlagScreen& screen) {
    RedFlagVerdict v;
    if (screen.positive.empty()) {
        v.advice = "No red flags reported. Treatment may proceed within the client's cautions.";
        return v;
    }
    v.stop_treatment = true;
    for (int pass = 0; pass < 2; ++pass)
        for (const auto& t : flag_texts)
            if (screen.positive.contains(t.flag) && is_cauda_equina_sign(t.flag) == (pass == 0))
                v.reasons.emplace_back(t.reason);
    const bool urgent = std::any_of(screen.positive.begin(), screen.positive.end(), is_cauda_equina_sign);
    if (urgent) {
        v.urgency = ReferralUrgency::urgent_same_day;
        v.advice = "Do not treat. Possible cauda equina syndrome: the client needs emergency "
                   "medical assessment today (emergency department).";
    } else {
        v.urgency = ReferralUrgency::refer_before_treatment;
        v.advice = "Do not treat. Refer the client to their physician and treat only after "
                   "medical clearance.";
    }
    return v;
}

} // namespace knotwork
