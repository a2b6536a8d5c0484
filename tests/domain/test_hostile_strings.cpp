// Hostile text against every free-text field of the records: quotes, SQL fragments, NUL and
// control characters, broken UTF-8, emoji, right-to-left and combining text, 50,000 characters.
// Each field either keeps the text byte for byte or refuses it with a ValidationError that names
// the field and the problem; nothing is cut short or changed on the way in. One-line fields
// (names, phone, referral) refuse tabs and line breaks; notes keep them. Names and a few other
// one-line identity fields are trimmed of surrounding white space, and only that.
#include "assessment/assessment.h"
#include "client/client.h"
#include "common/error.h"
#include "common/text.h"
#include "plan/treatment_plan.h"
#include "session/session.h"

#include "domain_printers.h"
#include "hostile_strings.h"

#include <boost/test/unit_test.hpp>

#include <functional>
#include <tuple>
#include <string>
#include <vector>

namespace knotwork::test {

namespace {

const Date today(2026, 3, 1);

// One free-text field: the name its refusals give, its rules, and how to put text into a record
// and read back what the record kept.
struct TextField {
    std::string field;
    bool one_line = false;
    std::size_t limit = 0;
    bool trimmed = false;
    std::function<std::string(const std::string&)> store;
};

std::size_t strings_tried = 0;

// Tries every hostile string on `f`, and checks the outcome the rules promise.
void try_hostile_strings(const TextField& f) {
    for (const auto& h : hostile_strings()) {
        BOOST_TEST_CONTEXT(f.field << " <- " << h.name) {
            ++strings_tried;
            const std::string refusal = expected_refusal(h, f.one_line, f.limit);
            if (!refusal.empty()) {
                try {
                    f.store(h.bytes);
                    BOOST_ERROR("accepted text it must refuse (" << h.bytes.size() << " bytes)");
                } catch (const ValidationError& e) {
                    BOOST_TEST(e.field() == f.field);
                    BOOST_TEST(e.problem().find(refusal) != std::string::npos, "problem: " << e.problem());
                }
                continue;
            }
            std::string kept;
            BOOST_CHECK_NO_THROW(kept = f.store(h.bytes));
            const std::string expected = f.trimmed ? text::trim(h.bytes) : h.bytes;
            BOOST_TEST(kept.size() == expected.size());
            BOOST_TEST((kept == expected), "the text came back altered");
        }
    }
}

ClientDetails base_client() {
    ClientDetails d;
    d.family_name = "Okafor";
    d.given_name = "Ngozi";
    return d;
}

// A field of ClientDetails, stored through the Client's constructor.
TextField client_field(std::string field, bool one_line, std::size_t limit, bool trimmed,
                       std::function<std::string&(ClientDetails&)> member) {
    return {field, one_line, limit, trimmed, [member](const std::string& s) {
                ClientDetails d = base_client();
                member(d) = s;
                Client c(d, today);
                ClientDetails kept = c.details();
                return member(kept);
            }};
}

AssessmentDetails base_assessment() {
    AssessmentDetails d;
    d.assessed_on = Date(2026, 2, 27);
    d.chief_complaint = "Low back pain";
    d.pain_now = PainScore(4);
    d.pain_best = PainScore(2);
    d.pain_worst = PainScore(7);
    return d;
}

TextField assessment_field(std::string field, std::size_t limit, bool trimmed,
                           std::function<std::string&(AssessmentDetails&)> member) {
    return {field, false, limit, trimmed, [member](const std::string& s) {
                AssessmentDetails d = base_assessment();
                member(d) = s;
                Assessment a(1, d, today);
                AssessmentDetails kept = a.details();
                return member(kept);
            }};
}

PlanDetails base_plan() {
    PlanDetails d;
    d.created_on = Date(2026, 2, 27);
    d.series.start_date = Date(2026, 3, 2);
    d.series.therapist = "Mara Lindqvist";
    d.goals = {{"Garden for an hour", GoalMeasure::activity, std::nullopt, std::nullopt}};
    d.techniques = {{"swedish", "Relaxation"}};
    d.home_care = {{HomeCareKind::stretching, "Knee to chest"}};
    return d;
}

TextField plan_field(std::string field, std::size_t limit, bool trimmed, std::function<std::string&(PlanDetails&)> member) {
    return {field, false, limit, trimmed, [member](const std::string& s) {
                PlanDetails d = base_plan();
                member(d) = s;
                TreatmentPlan p(1, d);
                PlanDetails kept = p.details();
                return member(kept);
            }};
}

DateTime at(int hour) { return DateTime(Date(2026, 2, 27), boost::posix_time::hours(hour)); }

TextField note_field(std::string field, std::function<std::string&(SoapNote&)> member) {
    return {field, false, text::long_limit, false, [member](const std::string& s) {
                knotwork::Session session(1, at(9), at(10), "Sam Reyes");
                SoapNote n;
                member(n) = s;
                session.write_note(n);
                SoapNote kept = session.note();
                return member(kept);
            }};
}

} // namespace

BOOST_AUTO_TEST_SUITE(HostileStrings)

BOOST_AUTO_TEST_CASE(the_catalogue_holds_what_the_issue_names) {
    // The refusals below would prove little if the catalogue lost its worst strings.
    std::size_t refused = 0, long_ones = 0;
    for (const auto& h : hostile_strings()) {
        refused += h.kind == HostileKind::refused ? 1 : 0;
        long_ones += character_count(h.bytes) >= 50'000 ? 1 : 0;
        BOOST_TEST_CONTEXT(h.name) {
            // Broken UTF-8 is exactly the strings refused for it.
            BOOST_TEST(text::is_valid_utf8(h.bytes) == (h.problem != "UTF-8"));
        }
    }
    BOOST_TEST(hostile_strings().size() >= 40u);
    BOOST_TEST(refused >= 15u);
    BOOST_TEST(long_ones >= 4u);
}

BOOST_AUTO_TEST_CASE(client_fields_keep_or_refuse_every_string) {
    const std::size_t before = strings_tried;
    using D = ClientDetails;
    const std::vector<TextField> fields{
        client_field("family name", true, 200, true, [](D& d) -> std::string& { return d.family_name; }),
        client_field("given name", true, 200, true, [](D& d) -> std::string& { return d.given_name; }),
        client_field("preferred name", true, 200, true, [](D& d) -> std::string& { return d.preferred_name; }),
        client_field("phone", true, 40, false, [](D& d) -> std::string& { return d.phone; }),
        client_field("address", false, 1000, false, [](D& d) -> std::string& { return d.address; }),
        client_field("emergency contact name", true, 200, false,
                     [](D& d) -> std::string& { return d.emergency_contact_name; }),
        client_field("emergency contact phone", true, 40, false,
                     [](D& d) -> std::string& { return d.emergency_contact_phone; }),
        client_field("referral source", true, 200, false, [](D& d) -> std::string& { return d.referral_source; }),
        client_field("referring physician", true, 200, false,
                     [](D& d) -> std::string& { return d.referring_physician; }),
        client_field("occupation", true, 200, false, [](D& d) -> std::string& { return d.occupation; }),
        client_field("health notes", false, text::long_limit, false, [](D& d) -> std::string& { return d.health_notes; }),
        client_field("allergies", false, 2000, false, [](D& d) -> std::string& { return d.allergies; }),
        client_field("sensitive areas", false, 2000, false, [](D& d) -> std::string& { return d.sensitive_areas; }),
        client_field("red-flag notes", false, text::long_limit, false,
                     [](D& d) -> std::string& { return d.intake_red_flags.notes; }),
        client_field("referred to", true, 200, false, [](D& d) -> std::string& { return d.intake_red_flags.referred_to; }),
        client_field("medication", true, 200, false, [](D& d) -> std::string& {
            if (d.medications.empty()) d.medications.push_back({MedicationClass::anticoagulant, ""});
            return d.medications.front().name;
        }),
    };
    for (const auto& f : fields) try_hostile_strings(f);
    BOOST_TEST_MESSAGE("client fields: " << strings_tried - before << " hostile strings tried");
}

BOOST_AUTO_TEST_CASE(note_assessment_and_plan_text_keeps_or_refuses_every_string) {
    const std::size_t before = strings_tried;
    using A = AssessmentDetails;
    using P = PlanDetails;
    const std::vector<TextField> fields{
        note_field("subjective", [](SoapNote& n) -> std::string& { return n.subjective; }),
        note_field("objective", [](SoapNote& n) -> std::string& { return n.objective; }),
        note_field("assessment", [](SoapNote& n) -> std::string& { return n.assessment; }),
        note_field("plan", [](SoapNote& n) -> std::string& { return n.plan; }),
        note_field("adverse reactions", [](SoapNote& n) -> std::string& { return n.adverse_reactions; }),
        assessment_field("chief complaint", 2000, true, [](A& d) -> std::string& { return d.chief_complaint; }),
        assessment_field("aggravating factors", text::long_limit, false,
                         [](A& d) -> std::string& { return d.aggravating_factors; }),
        assessment_field("posture", text::long_limit, false, [](A& d) -> std::string& { return d.posture; }),
        assessment_field("notes", text::long_limit, false, [](A& d) -> std::string& { return d.notes; }),
        plan_field("plan notes", text::long_limit, false, [](P& d) -> std::string& { return d.notes; }),
        plan_field("home care", 5000, false, [](P& d) -> std::string& { return d.home_care.front().instructions; }),
        plan_field("goal 1", 1000, true, [](P& d) -> std::string& { return d.goals.front().description; }),
    };
    for (const auto& f : fields) try_hostile_strings(f);

    // An amendment keeps its text too (trimmed of surrounding white space, as its rule says).
    try_hostile_strings({"amendment text", false, text::long_limit, true, [](const std::string& s) {
                             knotwork::Session session(1, at(9), at(10), "Sam Reyes");
                             session.mark_completed();
                             SoapNote n;
                             n.subjective = "Written";
                             session.write_note(n);
                             session.sign("Sam Reyes", at(11));
                             return session.amend("Sam Reyes", at(12), "Correction", s).text;
                         }});
    BOOST_TEST_MESSAGE("note, assessment and plan fields: " << strings_tried - before << " hostile strings tried");
}

BOOST_AUTO_TEST_CASE(refusals_say_where_the_bad_character_is) {
    const std::vector<std::tuple<std::string, std::string, std::string>> rows{
        {"Ngozi\x07", "phone", "contains a control character (U+0007 at character 6)"},
        {"ab\xC2\x85", "phone", "contains a control character (U+0085 at character 3)"},
        {"a\xF0\x9F\x98\x80" "b\xFF", "phone", "is not valid UTF-8 text (a broken byte sequence at character 4)"},
        {std::string("x\0y", 3), "phone", "contains a NUL character at character 2"},
        {"07700\n900123", "phone", "must be one line (a line break at character 6)"},
        {"07700\t900123", "phone", "must be one line (a tab at character 6)"},
        {std::string(41, '1'), "phone", "is too long (41 characters; at most 40)"},
    };
    for (const auto& [value, field, problem] : rows) {
        BOOST_TEST_CONTEXT(problem) {
            ClientDetails d = base_client();
            d.phone = value;
            try {
                Client c(d, today);
                BOOST_ERROR("accepted");
            } catch (const ValidationError& e) {
                BOOST_TEST(e.field() == field);
                BOOST_TEST(e.problem() == problem);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(names_lose_only_surrounding_white_space) {
    ClientDetails d = base_client();
    d.family_name = "  O'Brien \"Ní\"  ";
    d.given_name = " \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D ";
    d.occupation = " kept as typed ";
    const Client c(d, today);
    BOOST_TEST(c.details().family_name == "O'Brien \"Ní\"");
    BOOST_TEST(c.details().given_name == "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D");
    BOOST_TEST(c.details().occupation == " kept as typed ");
}

BOOST_AUTO_TEST_CASE(email_refuses_what_other_one_line_fields_refuse) {
    for (const auto& h : hostile_strings()) {
        if (h.kind == HostileKind::one_line) continue;
        BOOST_TEST_CONTEXT(h.name) {
            ClientDetails d = base_client();
            d.email = "a" + h.bytes + "@example.org";
            KNOTWORK_CHECK_REFUSED(Client(d, today), "email");
            ++strings_tried;
        }
    }
    ClientDetails d = base_client();
    d.email = "o'brien+\xF0\x9F\x98\x80@example.org";
    BOOST_TEST(Client(d, today).details().email == d.email);
    BOOST_TEST_MESSAGE("domain total: " << strings_tried << " hostile strings tried");
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
