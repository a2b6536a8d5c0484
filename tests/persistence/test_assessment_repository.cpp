// Pins persistence/repositories/assessment_repository: an assessment comes back as it was
// entered (pain map, palpation, ODI with unanswered sections, RMDQ items, PSFS, red flags), and a
// client's assessments come back oldest first, the first being the baseline.
#include "practice_fixture.h"

#include "common/error.h"
#include "repositories/assessment_repository.h"

#include <algorithm>
#include <tuple>

namespace knotwork::test {

namespace {

// The pain map is keyed by region and side; the store does not keep the order of entry, so
// compare it in one canonical order.
AssessmentDetails canonical(AssessmentDetails d) {
    std::sort(d.pain_map.begin(), d.pain_map.end(), [](const PainMapEntry& a, const PainMapEntry& b) {
        return std::tie(a.region, a.side) < std::tie(b.region, b.side);
    });
    return d;
}

struct AssessmentFixture : PracticeFixture {
    Client client = store_client(db(), full_client());

    Assessment store(const AssessmentDetails& d) {
        Assessment a(client.id(), d, test_today);
        in_transaction(db(), [&] { db::AssessmentRepository(db()).add(a); });
        return a;
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(AssessmentRepository)

BOOST_FIXTURE_TEST_CASE(a_full_assessment_survives_the_round_trip, AssessmentFixture) {
    const AssessmentDetails want = full_assessment(Date(2026, 2, 20));
    const Assessment stored = store(want);
    BOOST_TEST(stored.id() > 0);
    BOOST_TEST(stored.version() == 1);

    reopen();
    const Assessment loaded = db::AssessmentRepository(db()).get(stored.id());
    const AssessmentDetails& d = loaded.details();
    BOOST_TEST(loaded.client_id() == client.id());
    BOOST_TEST(loaded.version() == 1);
    BOOST_TEST(d.assessed_on == want.assessed_on);
    BOOST_TEST(d.therapist == want.therapist);
    BOOST_TEST(d.chief_complaint == want.chief_complaint);
    BOOST_TEST(d.onset_date == want.onset_date);
    BOOST_TEST(d.duration_weeks == want.duration_weeks);
    BOOST_TEST(d.pain_now == want.pain_now);
    BOOST_TEST(d.pain_best == want.pain_best);
    BOOST_TEST(d.pain_worst == want.pain_worst);
    BOOST_TEST(d.aggravating_factors == want.aggravating_factors);
    BOOST_TEST(d.easing_factors == want.easing_factors);
    BOOST_TEST(d.posture == want.posture);
    BOOST_TEST(d.range_of_motion == want.range_of_motion);
    BOOST_TEST(d.notes == want.notes);
    BOOST_TEST((canonical(d).pain_map == canonical(want).pain_map));
    BOOST_TEST((d.palpation == want.palpation)); // in the order they were entered
    BOOST_TEST((canonical(d) == canonical(want)));
    BOOST_TEST((loaded.duration_class() == DurationClass::chronic));
}

BOOST_FIXTURE_TEST_CASE(the_pain_map_keeps_region_side_intensity_and_quality, AssessmentFixture) {
    const Assessment loaded = db::AssessmentRepository(db()).get(store(full_assessment(Date(2026, 2, 20))).id());
    const auto& map = loaded.details().pain_map;
    BOOST_TEST_REQUIRE(map.size() == 3u);
    const auto piriformis = std::find_if(map.begin(), map.end(), [](const PainMapEntry& e) {
        return e.region == BodyRegion::piriformis && e.side == Side::left;
    });
    BOOST_TEST_REQUIRE((piriformis != map.end()));
    BOOST_TEST(piriformis->intensity == PainScore(7));
    BOOST_TEST(piriformis->quality == PainQuality::burning);
    // The same region on two sides is two entries.
    AssessmentDetails d = full_assessment(Date(2026, 2, 21));
    d.pain_map.push_back({BodyRegion::piriformis, Side::right, PainScore(2), PainQuality::tingling});
    const Assessment both = db::AssessmentRepository(db()).get(store(d).id());
    BOOST_TEST(both.details().pain_map.size() == 4u);
    BOOST_TEST((canonical(both.details()).pain_map == canonical(d).pain_map));
}

BOOST_FIXTURE_TEST_CASE(palpation_findings_keep_every_grade_and_note, AssessmentFixture) {
    const auto loaded = db::AssessmentRepository(db()).get(store(full_assessment(Date(2026, 2, 20))).id());
    const auto& p = loaded.details().palpation;
    BOOST_TEST_REQUIRE(p.size() == 3u);
    BOOST_TEST(p[0].muscle == BodyRegion::quadratus_lumborum);
    BOOST_TEST(p[0].side == Side::left);
    BOOST_TEST(p[0].hypertonicity == 3);
    BOOST_TEST(p[0].tenderness == 2);
    BOOST_TEST(p[0].trigger_points == 2);
    BOOST_TEST(!p[0].adhesions);
    BOOST_TEST(p[0].note == "Ropy, refers to the iliac crest");
    BOOST_TEST(p[1].adhesions);
    BOOST_TEST(p[2].side == Side::bilateral);
    BOOST_TEST(loaded.has_trigger_points());
    BOOST_TEST(loaded.has_adhesions());
    BOOST_TEST(loaded.max_hypertonicity() == 3);
}

BOOST_FIXTURE_TEST_CASE(outcome_measures_survive_with_unanswered_odi_sections, AssessmentFixture) {
    const AssessmentDetails want = full_assessment(Date(2026, 2, 20));
    const auto loaded = db::AssessmentRepository(db()).get(store(want).id());
    const auto& d = loaded.details();

    BOOST_TEST_REQUIRE(d.odi.has_value());
    for (const auto& section : enum_entries<OdiSection>()) {
        BOOST_TEST_CONTEXT(section.code) {
            BOOST_TEST(d.odi->get(section.value) == want.odi->get(section.value));
        }
    }
    BOOST_TEST(d.odi->get(OdiSection::sex_life) == std::nullopt);
    BOOST_TEST(d.odi->get(OdiSection::travelling) == std::nullopt);
    BOOST_TEST(d.odi->answered() == 8);
    BOOST_TEST(loaded.odi_score() == want.odi->score()); // 18 of 40: the unanswered leave the denominator
    BOOST_TEST(*loaded.odi_score() == 45.0, boost::test_tools::tolerance(1e-9));

    BOOST_TEST_REQUIRE(d.rmdq.has_value());
    for (int item = 1; item <= rmdq_item_count; ++item) {
        BOOST_TEST_CONTEXT("RMDQ item " << item) { BOOST_TEST(d.rmdq->item(item) == want.rmdq->item(item)); }
    }
    BOOST_TEST(loaded.rmdq_score() == std::optional<int>(6));

    BOOST_TEST_REQUIRE(d.psfs.has_value());
    BOOST_TEST((d.psfs->activities() == want.psfs->activities())); // names, ratings and their order
    BOOST_TEST(*loaded.psfs_score() == 3.0, boost::test_tools::tolerance(1e-9));
}

BOOST_FIXTURE_TEST_CASE(absent_measures_stay_absent_and_an_all_no_rmdq_stays_present, AssessmentFixture) {
    AssessmentDetails none = full_assessment(Date(2026, 2, 20));
    none.odi.reset();
    none.rmdq.reset();
    none.psfs.reset();
    none.pain_map.clear();
    none.palpation.clear();
    none.red_flags = {};
    none.onset_date.reset();
    const auto loaded_none = db::AssessmentRepository(db()).get(store(none).id());
    BOOST_TEST(!loaded_none.details().odi.has_value());
    BOOST_TEST(!loaded_none.details().rmdq.has_value());
    BOOST_TEST(!loaded_none.details().psfs.has_value());
    BOOST_TEST(loaded_none.details().onset_date == std::nullopt);
    BOOST_TEST((loaded_none.details() == none));

    AssessmentDetails zero = none;
    zero.rmdq = RmdqResponses{};           // asked, and every answer was "no"
    OdiResponses all_answered;
    for (const auto& s : enum_entries<OdiSection>()) all_answered.set(s.value, 5);
    zero.odi = all_answered;
    const auto loaded_zero = db::AssessmentRepository(db()).get(store(zero).id());
    BOOST_TEST(loaded_zero.rmdq_score() == std::optional<int>(0));
    BOOST_TEST(loaded_zero.odi_score() == std::optional<double>(100.0));
    BOOST_TEST((loaded_zero.details() == zero));
}

BOOST_FIXTURE_TEST_CASE(the_red_flag_screen_survives, AssessmentFixture) {
    AssessmentDetails d = full_assessment(Date(2026, 2, 20));
    for (const auto& flag : enum_entries<RedFlag>()) d.red_flags.positive.insert(flag.value);
    d.red_flags.referred_to = "A&E, same day";
    const auto loaded = db::AssessmentRepository(db()).get(store(d).id());
    BOOST_TEST((loaded.details().red_flags.positive == d.red_flags.positive));
    BOOST_TEST(loaded.details().red_flags.notes == d.red_flags.notes);
    BOOST_TEST(loaded.details().red_flags.referred_to == "A&E, same day");
    BOOST_TEST((loaded.red_flag_verdict().urgency == ReferralUrgency::urgent_same_day));
    BOOST_TEST(loaded.red_flag_verdict().stop_treatment);
}

BOOST_FIXTURE_TEST_CASE(hostile_text_survives_in_free_text_fields, AssessmentFixture) {
    const std::string hostile = "'; DROP TABLE assessments; -- \"quoted\" 😀 محمد 王秀英 100% _x_";
    AssessmentDetails d = full_assessment(Date(2026, 2, 20));
    d.chief_complaint = hostile;
    d.notes = hostile;
    d.palpation[0].note = hostile;
    d.psfs = PsfsResponses({{hostile, 1}, {"Sitting", 2}, {"Walking", 3}});
    const auto loaded = db::AssessmentRepository(db()).get(store(d).id());
    BOOST_TEST(loaded.details().chief_complaint == hostile);
    BOOST_TEST(loaded.details().notes == hostile);
    BOOST_TEST(loaded.details().palpation[0].note == hostile);
    BOOST_TEST(loaded.details().psfs->activities()[0].activity == hostile);
    BOOST_TEST(row_count(db(), "assessments") == 1);
}

BOOST_FIXTURE_TEST_CASE(a_clients_assessments_come_oldest_first, AssessmentFixture) {
    const Client other = store_client(db(), minimal_client("Li", "Wei"));
    const Date entered[] = {Date(2026, 2, 20), Date(2025, 11, 1), Date(2026, 1, 15), Date(2025, 11, 1)};
    std::vector<AssessmentId> ids;
    for (const Date& on : entered) ids.push_back(store(full_assessment(on)).id());
    Assessment elsewhere(other.id(), full_assessment(Date(2025, 1, 1)), test_today);
    in_transaction(db(), [&] { db::AssessmentRepository(db()).add(elsewhere); });

    const auto list = db::AssessmentRepository(db()).for_client(client.id());
    BOOST_TEST_REQUIRE(list.size() == 4u);
    std::vector<Date> dates;
    std::vector<AssessmentId> order;
    for (const auto& a : list) {
        dates.push_back(a.details().assessed_on);
        order.push_back(a.id());
        BOOST_TEST(a.client_id() == client.id());
    }
    BOOST_TEST(dates == (std::vector<Date>{Date(2025, 11, 1), Date(2025, 11, 1), Date(2026, 1, 15), Date(2026, 2, 20)}));
    BOOST_TEST(order == (std::vector<AssessmentId>{ids[1], ids[3], ids[2], ids[0]})); // same day: in entry order
    BOOST_TEST(db::AssessmentRepository(db()).for_client(other.id()).size() == 1u);
    BOOST_TEST(db::AssessmentRepository(db()).for_client(4242).empty());
}

BOOST_FIXTURE_TEST_CASE(each_of_a_clients_assessments_comes_back_as_it_was_stored, AssessmentFixture) {
    // A client's assessments are read one after another by the same statements: nothing of one
    // may carry over into the next, measures and children included.
    AssessmentDetails bare = full_assessment(Date(2026, 1, 15));
    bare.odi.reset();
    bare.rmdq.reset();
    bare.psfs.reset();
    bare.pain_map.clear();
    bare.palpation.clear();
    bare.red_flags = {};
    bare.onset_date.reset();
    bare.notes.clear();
    AssessmentDetails later = full_assessment(Date(2026, 2, 20));
    later.chief_complaint = "Stiff neck after a long drive";
    later.psfs = PsfsResponses({{"Driving", 3}, {"Reading", 6}, {"Sleeping", 5}});
    std::vector<AssessmentDetails> stored;
    for (const auto& d : {full_assessment(Date(2025, 11, 1)), bare, later}) stored.push_back(store(d).details());

    reopen();
    const auto list = db::AssessmentRepository(db()).for_client(client.id());
    BOOST_TEST_REQUIRE(list.size() == stored.size());
    for (std::size_t i = 0; i < list.size(); ++i)
        BOOST_TEST((canonical(list[i].details()) == canonical(stored[i])));
    BOOST_TEST(!list[1].details().psfs.has_value());
    BOOST_TEST(list[1].details().pain_map.empty());
    BOOST_TEST(list[2].details().psfs.has_value());
}

BOOST_FIXTURE_TEST_CASE(an_update_replaces_the_children_and_a_stale_copy_conflicts, AssessmentFixture) {
    const Assessment stored = store(full_assessment(Date(2026, 2, 20)));
    Assessment first = db::AssessmentRepository(db()).get(stored.id());
    Assessment second = db::AssessmentRepository(db()).get(stored.id());

    AssessmentDetails d = first.details();
    d.pain_map.resize(1);
    d.palpation.clear();
    d.red_flags.positive.clear();
    d.psfs = PsfsResponses({{"Running", 4}, {"Cycling", 5}, {"Swimming", 6}, {"Rowing", 7}});
    first.revise(d, test_today);
    in_transaction(db(), [&] { db::AssessmentRepository(db()).update(first); });
    BOOST_TEST(first.version() == 2);
    const auto loaded = db::AssessmentRepository(db()).get(stored.id());
    BOOST_TEST(loaded.version() == 2);
    BOOST_TEST((canonical(loaded.details()) == canonical(d)));
    BOOST_TEST(row_count(db(), "assessment_palpation") == 0);
    BOOST_TEST(row_count(db(), "assessment_psfs") == 4);

    AssessmentDetails stale = second.details();
    stale.notes = "written from a stale copy";
    second.revise(stale, test_today);
    BOOST_CHECK_THROW(in_transaction(db(), [&] { db::AssessmentRepository(db()).update(second); }), ConflictError);
    BOOST_TEST(db::AssessmentRepository(db()).get(stored.id()).details().notes == d.notes);
    BOOST_TEST(row_count(db(), "assessment_palpation") == 0);
}

BOOST_FIXTURE_TEST_CASE(an_unknown_id_is_not_found, AssessmentFixture) {
    BOOST_TEST(!db::AssessmentRepository(db()).find(4242).has_value());
    BOOST_CHECK_THROW(db::AssessmentRepository(db()).get(4242), NotFoundError);
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
