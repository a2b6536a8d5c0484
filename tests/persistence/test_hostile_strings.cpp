// Hostile text through the repositories: every string the domain accepts is saved, the practice
// file closed and opened again, and the text read back compared byte for byte, in every text
// column of clients, assessments, plans, SOAP notes and amendments. Searches with hostile text
// find what they should and never run it as SQL. (What the domain refuses never reaches the
// database: tests/domain/test_hostile_strings.cpp proves those refusals.)
#include "practice_fixture.h"

#include "common/text.h"
#include "repositories/assessment_repository.h"
#include "repositories/plan_repository.h"

#include "hostile_strings.h"

#include <functional>
#include <string>
#include <vector>

namespace knotwork::test {

namespace {

// The text a field keeps of `h`, or nothing when its rules refuse `h`.
std::optional<std::string> fitting(const HostileString& h, bool one_line, std::size_t limit) {
    if (!expected_refusal(h, one_line, limit).empty()) return std::nullopt;
    return h.bytes;
}

// A field of a stored record: how to read it back, and the bytes it must hold.
struct Expectation {
    std::string what;
    std::string bytes;
    std::function<std::string()> read;
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(HostileStringsStored, PracticeFixture)

BOOST_AUTO_TEST_CASE(every_accepted_string_comes_back_byte_for_byte_after_a_reopen) {
    struct Stored {
        const HostileString* text;
        ClientId client;
        AssessmentId assessment;
        PlanId plan;
        SessionId session;
        ClientDetails client_details;
    };
    std::vector<Stored> stored;
    for (const auto& h : hostile_strings()) {
        if (!fitting(h, false, text::long_limit)) continue;
        ClientDetails d = minimal_client("Hostile", "Text");
        d.medications = {{MedicationClass::anticoagulant, "Warfarin 5 mg"}};
        if (auto s = fitting(h, true, 200)) {
            d.family_name = *s;
            d.given_name = *s;
            d.preferred_name = *s;
            d.emergency_contact_name = *s;
            d.referral_source = *s;
            d.referring_physician = *s;
            d.occupation = *s;
            d.intake_red_flags.referred_to = *s;
            d.medications = {{MedicationClass::anticoagulant, *s}};
        }
        if (auto s = fitting(h, true, 40)) {
            d.phone = *s;
            d.emergency_contact_phone = *s;
        }
        if (auto s = fitting(h, false, 1000)) d.address = *s;
        if (auto s = fitting(h, false, 2000)) {
            d.allergies = *s;
            d.sensitive_areas = *s;
        }
        d.health_notes = h.bytes;
        d.intake_red_flags.notes = h.bytes;
        const Client client = store_client(db(), d);
        BOOST_REQUIRE(client.details() == d); // the domain kept every byte on the way in

        AssessmentDetails ad = full_assessment(Date(2026, 2, 27));
        if (auto s = fitting(h, false, 2000)) ad.chief_complaint = *s;
        ad.aggravating_factors = ad.easing_factors = ad.posture = ad.range_of_motion = ad.notes = h.bytes;
        ad.red_flags.notes = h.bytes;
        Assessment assessment(client.id(), ad, test_today);
        in_transaction(db(), [&] { db::AssessmentRepository(db()).add(assessment); });

        PlanDetails pd = full_plan(assessment.id());
        pd.notes = h.bytes;
        if (auto s = fitting(h, false, 5000)) pd.home_care.front().instructions = *s;
        if (auto s = fitting(h, false, 1000)) pd.goals.back().description = *s;
        if (auto s = fitting(h, false, 2000)) pd.techniques.front().rationale = *s;
        TreatmentPlan plan(client.id(), pd);
        in_transaction(db(), [&] { db::PlanRepository(db()).add(plan); });

        Session session = store_booking(db(), client.id(), at(2026, 2, 27, 9));
        session.mark_completed();
        SoapNote note = sample_note();
        note.subjective = note.objective = note.assessment = note.plan = note.adverse_reactions = h.bytes;
        session.write_note(note);
        session.sign("Mara Lindqvist", at(2026, 2, 27, 11));
        session.amend("Mara Lindqvist", at(2026, 2, 27, 12), "Correction", h.bytes);
        in_transaction(db(), [&] { db::SessionRepository(db()).save(session); });

        stored.push_back({&h, client.id(), assessment.id(), plan.id(), session.id(), d});
    }

    reopen();

    std::size_t compared = 0;
    db::ClientRepository clients(db());
    db::AssessmentRepository assessments(db());
    db::PlanRepository plans(db());
    db::SessionRepository sessions(db());
    for (const auto& s : stored) {
        const Client client = clients.get(s.client);
        const AssessmentDetails a = assessments.get(s.assessment).details();
        const PlanDetails p = plans.get(s.plan).details();
        const Session session = sessions.get(s.session);
        const std::string& h = s.text->bytes;
        const std::string trimmed = text::trim(h);
        const ClientDetails& want = s.client_details;
        const std::vector<std::pair<std::string, std::pair<std::string, std::string>>> fields{
            {"family name", {client.details().family_name, want.family_name}},
            {"given name", {client.details().given_name, want.given_name}},
            {"preferred name", {client.details().preferred_name, want.preferred_name}},
            {"phone", {client.details().phone, want.phone}},
            {"address", {client.details().address, want.address}},
            {"emergency contact name", {client.details().emergency_contact_name, want.emergency_contact_name}},
            {"emergency contact phone", {client.details().emergency_contact_phone, want.emergency_contact_phone}},
            {"referral source", {client.details().referral_source, want.referral_source}},
            {"referring physician", {client.details().referring_physician, want.referring_physician}},
            {"occupation", {client.details().occupation, want.occupation}},
            {"medication", {client.details().medications.at(0).name, want.medications.at(0).name}},
            {"allergies", {client.details().allergies, want.allergies}},
            {"sensitive areas", {client.details().sensitive_areas, want.sensitive_areas}},
            {"health notes", {client.details().health_notes, h}},
            {"client red-flag notes", {client.details().intake_red_flags.notes, h}},
            {"referred to", {client.details().intake_red_flags.referred_to, want.intake_red_flags.referred_to}},
            {"aggravating factors", {a.aggravating_factors, h}},
            {"easing factors", {a.easing_factors, h}},
            {"posture", {a.posture, h}},
            {"range of motion", {a.range_of_motion, h}},
            {"assessment notes", {a.notes, h}},
            {"assessment red-flag notes", {a.red_flags.notes, h}},
            {"plan notes", {p.notes, h}},
            {"subjective", {session.note().subjective, h}},
            {"objective", {session.note().objective, h}},
            {"assessment", {session.note().assessment, h}},
            {"plan", {session.note().plan, h}},
            {"adverse reactions", {session.note().adverse_reactions, h}},
            {"amendment text", {session.amendments().at(0).text, trimmed}},
        };
        for (const auto& [what, values] : fields) {
            BOOST_TEST_CONTEXT(s.text->name << " in " << what) {
                BOOST_TEST(values.first.size() == values.second.size());
                BOOST_TEST((values.first == values.second), "stored text differs");
                ++compared;
            }
        }
        BOOST_TEST(session.is_signed());
    }
    BOOST_TEST(stored.size() >= 25u);
    BOOST_TEST(db().check_integrity().empty());
    BOOST_TEST_MESSAGE("persistence: " << stored.size() << " hostile strings stored in " << compared
                                       << " fields, every one read back byte for byte after a reopen");
}

BOOST_AUTO_TEST_CASE(searching_with_hostile_text_runs_it_as_text_only) {
    const Client obrien = store_client(db(), minimal_client("O'Brien", "Seán"));
    const Client tables = store_client(db(), minimal_client("'); DROP TABLE clients;--", "Bobby"));
    Session s = store_signed_session(db(), obrien.id(), at(2026, 2, 20, 9));
    std::size_t searches = 0;
    for (const auto& h : hostile_strings()) {
        BOOST_TEST_CONTEXT(h.name) {
            db::ClientQuery q;
            q.text = h.bytes;
            q.include_archived = true;
            BOOST_CHECK_NO_THROW(db::ClientRepository(db()).search(q));
            BOOST_CHECK_NO_THROW(db::SessionRepository(db()).search_notes(h.bytes));
            searches += 2;
        }
    }
    db::ClientQuery q;
    q.text = "o'brien";
    auto found = db::ClientRepository(db()).search(q);
    BOOST_REQUIRE(found.size() == 1u);
    BOOST_TEST(found[0].id == obrien.id());
    q.text = "DROP TABLE";
    found = db::ClientRepository(db()).search(q);
    BOOST_REQUIRE(found.size() == 1u);
    BOOST_TEST(found[0].family_name == "'); DROP TABLE clients;--");
    // Quotes, stars and brackets are no query syntax: the word in them still finds the note.
    BOOST_TEST(db::SessionRepository(db()).search_notes("\"sciatica\"*)").size() == 1u);
    const std::string word_of_50000(50'000, 'a');
    q.text = word_of_50000;
    BOOST_TEST(db::ClientRepository(db()).search(q).empty());
    BOOST_TEST(row_count(db(), "clients") == 2);
    BOOST_TEST(row_count(db(), "sessions") == 1);
    BOOST_TEST(db().check_integrity().empty());
    BOOST_TEST_MESSAGE("persistence: " << searches << " searches with hostile text");
    (void)tables;
    (void)s;
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
