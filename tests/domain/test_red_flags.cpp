// Pins domain/screening/red_flags: possible cauda equina is urgent, every other red flag means
// referral before treatment, no flag means treatment may proceed; reasons most urgent first.
#include "screening/red_flags.h"

#include "domain_printers.h"

#include <boost/test/unit_test.hpp>

#include <set>
#include <string>
#include <vector>

namespace knotwork::test {

namespace {

const std::set<RedFlag> cauda_equina_signs{RedFlag::saddle_numbness, RedFlag::bladder_bowel_change,
                                           RedFlag::progressive_leg_weakness, RedFlag::bilateral_leg_weakness};

RedFlagVerdict screen(std::set<RedFlag> positive) { return evaluate(RedFlagScreen{std::move(positive), "", ""}); }

} // namespace

BOOST_AUTO_TEST_SUITE(RedFlagVerdict)

BOOST_AUTO_TEST_CASE(no_red_flags_means_treatment_may_proceed) {
    const auto v = screen({});
    BOOST_TEST(v.urgency == ReferralUrgency::none);
    BOOST_TEST(!v.stop_treatment);
    BOOST_TEST(v.reasons.empty());
    BOOST_TEST(v.advice.find("may proceed") != std::string::npos, v.advice);
}

BOOST_AUTO_TEST_CASE(each_flag_alone_stops_treatment_at_its_urgency) {
    BOOST_TEST(enum_entries<RedFlag>().size() == 10u);
    for (const auto& e : enum_entries<RedFlag>()) {
        BOOST_TEST_CONTEXT(e.code) {
            const bool cauda = cauda_equina_signs.contains(e.value);
            const auto v = screen({e.value});
            BOOST_TEST(v.stop_treatment);
            BOOST_TEST(v.urgency ==
                       (cauda ? ReferralUrgency::urgent_same_day : ReferralUrgency::refer_before_treatment));
            BOOST_TEST(v.reasons.size() == 1u);
            BOOST_TEST(v.advice.starts_with("Do not treat."), v.advice);
            BOOST_TEST((v.advice.find("emergency") != std::string::npos) == cauda, v.advice);
        }
    }
}

BOOST_AUTO_TEST_CASE(only_the_four_cauda_equina_signs_are_urgent) {
    for (const auto& e : enum_entries<RedFlag>()) {
        BOOST_TEST_CONTEXT(e.code) {
            BOOST_TEST(is_cauda_equina_sign(e.value) == cauda_equina_signs.contains(e.value));
        }
    }
}

BOOST_AUTO_TEST_CASE(any_cauda_equina_sign_makes_a_mixed_screen_urgent) {
    for (RedFlag sign : cauda_equina_signs) {
        BOOST_TEST_CONTEXT(sign) {
            const auto v = screen({RedFlag::fever, RedFlag::night_pain, sign, RedFlag::suspected_dvt});
            BOOST_TEST(v.urgency == ReferralUrgency::urgent_same_day);
            BOOST_TEST(v.reasons.size() == 4u);
        }
    }
}

BOOST_AUTO_TEST_CASE(several_non_urgent_flags_call_for_referral) {
    const auto v = screen({RedFlag::fever, RedFlag::unexplained_weight_loss, RedFlag::cancer_history,
                           RedFlag::major_trauma, RedFlag::night_pain, RedFlag::suspected_dvt});
    BOOST_TEST(v.urgency == ReferralUrgency::refer_before_treatment);
    BOOST_TEST(v.stop_treatment);
    BOOST_TEST(v.reasons.size() == 6u);
}

BOOST_AUTO_TEST_CASE(reasons_list_the_most_urgent_first) {
    // Cauda equina reasons first, then the others, each group in the screening form's order.
    const auto v = screen({RedFlag::suspected_dvt, RedFlag::fever, RedFlag::bilateral_leg_weakness,
                           RedFlag::cancer_history, RedFlag::saddle_numbness});
    BOOST_TEST_REQUIRE(v.reasons.size() == 5u);
    const std::vector<std::string> expected{
        "Saddle numbness is a sign of possible cauda equina syndrome.",
        "Symptoms in both legs suggest possible cauda equina syndrome.",
        "Fever with back pain may mean infection.",
        "A history of cancer raises the possibility of spinal metastasis.",
        "Signs of deep vein thrombosis: massage could dislodge a clot.",
    };
    BOOST_TEST(v.reasons == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(every_reason_is_distinct) {
    std::set<std::string> reasons;
    for (const auto& e : enum_entries<RedFlag>()) {
        BOOST_TEST_CONTEXT(e.code) {
            const auto v = screen({e.value});
            BOOST_TEST_REQUIRE(v.reasons.size() == 1u);
            BOOST_TEST(!v.reasons[0].empty());
            BOOST_TEST(reasons.insert(v.reasons[0]).second);
        }
    }
}

BOOST_AUTO_TEST_CASE(every_flag_has_its_own_screening_question) {
    std::set<std::string_view> questions;
    for (const auto& e : enum_entries<RedFlag>()) {
        BOOST_TEST_CONTEXT(e.code) {
            const auto q = screening_question(e.value);
            BOOST_TEST(q.ends_with("?"), q);
            BOOST_TEST(questions.insert(q).second);
        }
    }
}

BOOST_AUTO_TEST_CASE(notes_and_referral_do_not_change_the_verdict) {
    const auto v = evaluate(RedFlagScreen{{}, "Asked all questions", "Dr Okafor"});
    BOOST_TEST(v.urgency == ReferralUrgency::none);
    BOOST_TEST(!v.stop_treatment);
}

BOOST_AUTO_TEST_CASE(codes_are_stable) {
    BOOST_TEST(to_code(ReferralUrgency::none) == "none");
    BOOST_TEST(to_code(ReferralUrgency::refer_before_treatment) == "refer");
    BOOST_TEST(to_code(ReferralUrgency::urgent_same_day) == "urgent");
    BOOST_TEST(to_code(RedFlag::bladder_bowel_change) == "bladder_bowel_change");
    BOOST_TEST(from_code<RedFlag>("red flag", "suspected_dvt") == RedFlag::suspected_dvt);
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
