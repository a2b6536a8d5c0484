// The assessment presenter: live outcome scores as sections and items change, the change against
// the baseline with its verdict, the red-flag verdict, refusals that name the field and write
// nothing, saving and reloading through a real (in-memory) practice, and undo and redo of the
// form and the body map.
#include "assessment/assessment_presenter.h"

#include "database.h"
#include "repositories/assessment_repository.h"
#include "repositories/client_repository.h"
#include "repositories/practice_repository.h"

#include "domain_printers.h"
#include "fake_edit_clock.h"

#include <boost/test/unit_test.hpp>

#include <functional>
#include <iterator>
#include <optional>
#include <vector>

using namespace knotwork;
using gui::AssessmentPage;
using gui::AssessmentPresenter;
using gui::BodyView;
using gui::RegionKey;
using gui::test::FakeEditClock;
using gui::test::keystroke;
using gui::test::long_pause;

namespace knotwork::gui {
std::ostream& operator<<(std::ostream& os, AssessmentPage page) {
    return os << "assessment page #" << static_cast<int>(page);
}
} // namespace knotwork::gui

namespace {

const Date today(2026, 6, 1);

struct Practice {
    std::unique_ptr<db::Database> db =
        db::Database::open(":memory:", {.create_if_missing = true, .actor = "test"});
    ClientId client = add_client("Okafor", "Adaeze");

    ClientId add_client(const std::string& family, const std::string& given) {
        ClientDetails d;
        d.family_name = family;
        d.given_name = given;
        Client c(d, today);
        db::Transaction tx(*db);
        const ClientId id = db::ClientRepository(*db).add(c);
        tx.commit();
        return id;
    }

    std::size_t assessments() { return db::AssessmentRepository(*db).for_client(client).size(); }

    // A baseline in January: pain 8, ODI 60% (all ten sections at 3), RMDQ 14, PSFS 2, 3, 2.
    AssessmentId add_baseline() {
        AssessmentPresenter p(*db, client, std::nullopt, Date(2026, 1, 10));
        auto& f = p.form();
        f.chief_complaint = "Low back pain after moving house";
        f.pain_now = 8, f.pain_best = 5, f.pain_worst = 9;
        f.odi.fill(3);
        f.rmdq_taken = true;
        for (std::size_t i = 0; i < 14; ++i)
            f.rmdq.set(i);
        f.psfs = {{"Lifting my daughter", 2}, {"Sitting at work", 3}, {"Gardening", 2}};
        return p.save();
    }
};

void fill_valid(AssessmentPresenter& p) {
    auto& f = p.form();
    f.chief_complaint = "Right-sided low back pain into the buttock";
    f.pain_now = 5, f.pain_best = 3, f.pain_worst = 7;
    f.pain_entered = true;
}

// The right buttock on the back view (gluteus maximus), in the chart's 0..1 box.
const gui::MapPoint right_buttock{62 / 100.0, 104 / 210.0};
const RegionKey buttock{BodyRegion::gluteus_maximus, Side::right};

std::optional<std::size_t> shape_of(RegionKey key) {
    const auto& shapes = gui::body_map_shapes();
    for (std::size_t i = 0; i < shapes.size(); ++i)
        if (shapes[i].key == key) return i;
    return std::nullopt;
}

} // namespace

BOOST_AUTO_TEST_SUITE(assessment_presenter)

BOOST_AUTO_TEST_CASE(odi_scores_live_over_the_answered_sections) {
    Practice practice;
    AssessmentPresenter p(*practice.db, practice.client, std::nullopt, today);
    BOOST_TEST(!p.odi_score().has_value());
    BOOST_TEST(p.odi_answered_text() == "0 of 10 sections answered");
    BOOST_TEST(p.odi_text() == "ODI not scored: no section answered");

    // Nine sections answered, totalling 19: 19 / 45 = 42.2%, severe.
    auto& odi = p.form().odi;
    odi = {2, 2, 3, 2, 2, 2, 2, std::nullopt, 2, 2};
    BOOST_TEST(p.odi_answered() == 9);
    BOOST_TEST_REQUIRE(p.odi_score().has_value());
    BOOST_TEST(*p.odi_score() == 19.0 / 45.0 * 100.0, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(p.odi_answered_text() == "9 of 10 sections answered");
    BOOST_TEST(p.odi_text() == "ODI 42% — Severe disability (9 of 10 answered)");

    // Answering the tenth with 0 leaves the total and grows the denominator: 19 / 50 = 38%.
    odi[static_cast<std::size_t>(OdiSection::sex_life)] = 0;
    BOOST_TEST(p.odi_text() == "ODI 38% — Moderate disability (10 of 10 answered)");
    odi.fill(std::nullopt);
    odi[0] = 1;
    BOOST_TEST(p.odi_text() == "ODI 20% — Minimal disability (1 of 10 answered)");
}

BOOST_AUTO_TEST_CASE(roland_morris_counts_ticked_items_only_when_taken) {
    Practice practice;
    AssessmentPresenter p(*practice.db, practice.client, std::nullopt, today);
    BOOST_TEST(!p.rmdq_score().has_value());
    BOOST_TEST(p.rmdq_text() == "Roland-Morris not taken");
    p.form().rmdq_taken = true;
    BOOST_TEST(p.rmdq_score() == std::optional<int>(0));
    for (int item : {1, 5, 24})
        p.form().rmdq.set(static_cast<std::size_t>(item - 1));
    BOOST_TEST(p.rmdq_score() == std::optional<int>(3));
    BOOST_TEST(p.rmdq_text() == "Roland-Morris 3 of 24");
}

BOOST_AUTO_TEST_CASE(psfs_mean_needs_three_to_five_named_activities) {
    Practice practice;
    AssessmentPresenter p(*practice.db, practice.client, std::nullopt, today);
    BOOST_TEST(p.psfs_text() == "PSFS not taken");
    p.form().psfs = {{"Walking the dog", 4}, {"", 9}, {"Sitting through a film", 5}};
    BOOST_TEST(!p.psfs_score().has_value());
    BOOST_TEST(p.psfs_text() == "PSFS needs 3 to 5 activities (2 named)");
    p.form().psfs.push_back({"Putting on socks", 4});
    BOOST_TEST_REQUIRE(p.psfs_score().has_value());
    BOOST_TEST(*p.psfs_score() == 13.0 / 3.0,
               boost::test_tools::tolerance(1e-9)); // the unnamed row is ignored
    BOOST_TEST(p.psfs_text() == "PSFS mean 4.3 (3 activities)");
    p.form().psfs.push_back({"walking the dog", 6});
    BOOST_TEST(!p.psfs_score().has_value());
    BOOST_TEST(p.psfs_text() == "PSFS activity 5: \"walking the dog\" is listed twice");
}

BOOST_AUTO_TEST_CASE(changes_against_the_baseline_carry_their_verdicts) {
    Practice practice;
    practice.add_baseline();
    AssessmentPresenter p(*practice.db, practice.client, std::nullopt, today);
    BOOST_TEST_REQUIRE(p.baseline().has_value());
    // The blank form's zeros are no pain score: no change is claimed from them.
    BOOST_TEST(!p.pain_change().has_value());
    fill_valid(p); // pain now 5: down 3 from 8
    auto& f = p.form();
    f.odi.fill(2);
    f.odi[0] = 1;
    f.odi[1] = 1; // 18 of 50 = 36%: from 60, down 24
    f.rmdq_taken = true;
    for (std::size_t i = 0; i < 12; ++i)
        f.rmdq.set(i); // 12 from 14: within error
    f.psfs = {{"Lifting my daughter", 5}, {"Sitting at work", 6}, {"Gardening", 5}}; // mean 2.3 → 5.3

    struct Case {
        OutcomeMeasure measure;
        std::optional<OutcomeChange> change;
        ChangeVerdict verdict;
        std::string text;
    };
    const Case cases[] = {
        {OutcomeMeasure::pain, p.pain_change(), ChangeVerdict::improved,
         "Since baseline (2026-01-10): 8 → 5, -3 (-38%) — Meaningful improvement"},
        {OutcomeMeasure::odi, p.odi_change(), ChangeVerdict::improved,
         "Since baseline (2026-01-10): 60 → 36, -24 (-40%) — Meaningful improvement"},
        {OutcomeMeasure::rmdq, p.rmdq_change(), ChangeVerdict::within_error,
         "Since baseline (2026-01-10): 14 → 12, -2 (-14%) — Within measurement error"},
        {OutcomeMeasure::psfs, p.psfs_change(), ChangeVerdict::improved,
         "Since baseline (2026-01-10): 2.3 → 5.3, +3 — Meaningful improvement"},
    };
    for (const Case& c : cases)
        BOOST_TEST_CONTEXT(c.measure) {
            BOOST_TEST_REQUIRE(c.change.has_value());
            BOOST_TEST(c.change->verdict == c.verdict);
            BOOST_TEST(p.change_text(c.measure) == c.text);
        }

    // Worse: pain up 2, ODI up to 80%.
    f.pain_now = 10, f.pain_worst = 10;
    f.odi.fill(4);
    BOOST_TEST(p.pain_change()->verdict == ChangeVerdict::worsened);
    BOOST_TEST(p.odi_change()->verdict == ChangeVerdict::worsened);
    // A measure not taken this time has no change.
    f.rmdq_taken = false;
    BOOST_TEST(!p.rmdq_change().has_value());
    BOOST_TEST(p.change_text(OutcomeMeasure::rmdq).empty());
}

BOOST_AUTO_TEST_CASE(the_first_assessment_has_no_baseline_to_compare_with) {
    Practice practice;
    AssessmentPresenter first(*practice.db, practice.client, std::nullopt, today);
    fill_valid(first);
    BOOST_TEST(!first.baseline().has_value());
    BOOST_TEST(!first.pain_change().has_value());
    BOOST_TEST(first.change_text(OutcomeMeasure::pain).empty());
    const AssessmentId id = first.save();
    // Reopening the baseline itself: still nothing to compare with.
    AssessmentPresenter again(*practice.db, practice.client, id, today);
    BOOST_TEST(!again.baseline().has_value());
    // A second assessment compares with it.
    AssessmentPresenter second(*practice.db, practice.client, std::nullopt, today);
    BOOST_TEST_REQUIRE(second.baseline().has_value());
    BOOST_TEST(second.baseline()->id() == id);
}

BOOST_AUTO_TEST_CASE(red_flags_give_a_stop_and_refer_verdict) {
    Practice practice;
    AssessmentPresenter p(*practice.db, practice.client, std::nullopt, today);
    BOOST_TEST(!p.red_flag_verdict().stop_treatment);
    BOOST_TEST(p.red_flag_text().empty());
    p.form().red_flags.positive = {RedFlag::night_pain};
    BOOST_TEST(p.red_flag_verdict().urgency == ReferralUrgency::refer_before_treatment);
    BOOST_TEST(p.red_flag_text().starts_with("Refer before treatment\nDo not treat. Refer the client"));
    p.form().red_flags.positive.insert(RedFlag::saddle_numbness);
    BOOST_TEST(p.red_flag_verdict().urgency == ReferralUrgency::urgent_same_day);
    const std::string text = p.red_flag_text();
    BOOST_TEST(text.starts_with("Urgent: same-day emergency care\nDo not treat. Possible cauda equina"));
    // One line per reason, the cauda equina sign first.
    BOOST_TEST(text.find("• Saddle numbness") < text.find("• Unremitting night pain"));
}

BOOST_AUTO_TEST_CASE(refusals_name_the_field_and_write_nothing) {
    Practice practice;
    struct Case {
        const char* what;
        std::function<void(AssessmentPresenter&)> spoil;
        std::string field;
        AssessmentPage page;
    };
    const Case cases[] = {
        {"empty complaint", [](AssessmentPresenter& p) { p.form().chief_complaint = "   "; },
         "chief complaint", AssessmentPage::complaint},
        {"pain now above worst", [](AssessmentPresenter& p) { p.form().pain_now = 8; }, "pain now",
         AssessmentPage::complaint},
        {"best above worst", [](AssessmentPresenter& p) { p.form().pain_best = 9; }, "pain best",
         AssessmentPage::complaint},
        {"future date", [](AssessmentPresenter& p) { p.form().assessed_on = Date(2026, 6, 2); },
         "assessment date", AssessmentPage::complaint},
        {"onset after the assessment",
         [](AssessmentPresenter& p) { p.form().onset_date = Date(2026, 6, 1) + boost::gregorian::days(1); },
         "onset date", AssessmentPage::complaint},
        {"ODI section out of range",
         [](AssessmentPresenter& p) { p.form().odi[static_cast<std::size_t>(OdiSection::lifting)] = 6; },
         "ODI section \"Lifting\"", AssessmentPage::outcomes},
        {"too few PSFS activities",
         [](AssessmentPresenter& p) {
             p.form().psfs = {{"Walking", 4}};
         },
         "PSFS activities", AssessmentPage::outcomes},
        {"a PSFS rating out of range",
         [](AssessmentPresenter& p) {
             p.form().psfs = {{"Walking", 4}, {"", 0}, {"Sitting", 11}, {"Lifting", 2}};
         },
         "PSFS activity 3 rating", AssessmentPage::outcomes},
        {"palpation grade out of range",
         [](AssessmentPresenter& p) {
             p.form().palpation = {{BodyRegion::piriformis, Side::right, 4, 1, 0, false, ""}};
         },
         "palpation of Piriformis hypertonicity", AssessmentPage::palpation},
    };
    for (const Case& c : cases)
        BOOST_TEST_CONTEXT(c.what) {
            AssessmentPresenter p(*practice.db, practice.client, std::nullopt, today);
            fill_valid(p);
            c.spoil(p);
            KNOTWORK_CHECK_REFUSED(p.save(), c.field);
            BOOST_TEST((AssessmentPresenter::page_of(c.field) == c.page));
            BOOST_TEST(practice.assessments() == 0u);
            BOOST_TEST(!practice.db->in_transaction());
        }
    BOOST_TEST((AssessmentPresenter::page_of("pain map") == AssessmentPage::body_map));
    BOOST_TEST((AssessmentPresenter::page_of("referred to") == AssessmentPage::red_flags));
}

BOOST_AUTO_TEST_CASE(save_round_trips_and_a_second_save_updates) {
    Practice practice;
    {
        PracticeProfile profile;
        profile.practice_name = "Knotwork Test Clinic";
        profile.therapist_name = "Sam Rivera, RMT";
        db::Transaction tx(*practice.db);
        db::PracticeRepository(*practice.db).save(profile);
        tx.commit();
    }
    AssessmentPresenter p(*practice.db, practice.client, std::nullopt, today);
    BOOST_TEST(p.form().therapist == "Sam Rivera, RMT");
    BOOST_TEST(p.form().assessed_on == today);
    BOOST_TEST(p.title() == "New assessment — Okafor, Adaeze");
    fill_valid(p);
    auto& f = p.form();
    f.duration_weeks = 14;
    f.onset_date = Date(2026, 2, 20);
    f.aggravating_factors = "Sitting over 30 minutes; bending to lift";
    f.easing_factors = "Walking, heat";
    f.posture = "Anterior pelvic tilt; right shoulder high";
    f.range_of_motion = "Flexion limited to mid-shin";
    f.palpation = {{BodyRegion::piriformis, Side::right, 3, 2, 2, false, "Reproduces buttock pain"},
                   {BodyRegion::quadratus_lumborum, Side::right, 2, 2, 0, true, ""}};
    f.odi = {2, 1, 3, 2, 3, 2, 2, std::nullopt, 1, 2};
    f.rmdq_taken = true;
    f.rmdq.set(0);
    f.rmdq.set(23);
    f.psfs = {{"Lifting my daughter", 3}, {"Sitting at work", 4}, {"Gardening", 2}};
    f.red_flags.positive = {RedFlag::night_pain};
    f.red_flags.referred_to = "Dr Mensah (GP)";
    f.notes = "Zoë prefers morning appointments — 朝";
    p.body_map().set_intensity({BodyRegion::piriformis, Side::right}, 6);
    p.body_map().set_quality({BodyRegion::piriformis, Side::right}, PainQuality::radiating);
    p.body_map().set_intensity({BodyRegion::lumbar_spine, Side::midline}, 5);
    BOOST_TEST(f.duration_weeks == *p.weeks_since_onset()); // 14 weeks from 20 February to 1 June
    BOOST_TEST(p.duration_text() == "Chronic (over 12 weeks)");

    const AssessmentDetails expected = p.details();
    const AssessmentId id = p.save();
    BOOST_TEST(id > 0);
    BOOST_TEST(p.saved_id() == std::optional<AssessmentId>(id));
    BOOST_TEST(practice.assessments() == 1u);
    const Assessment stored = db::AssessmentRepository(*practice.db).get(id);
    BOOST_TEST((stored.details() == expected));
    BOOST_TEST(stored.details().pain_map.size() == 2u);
    BOOST_TEST(stored.rmdq_score() == std::optional<int>(2));

    // Reopened, the form holds what was saved.
    AssessmentPresenter reopened(*practice.db, practice.client, id, today);
    BOOST_TEST(reopened.title() == "Assessment of 2026-06-01 — Okafor, Adaeze");
    BOOST_TEST((reopened.body_map().pain_map() == expected.pain_map));
    BOOST_TEST((reopened.form().palpation == expected.palpation));
    BOOST_TEST((reopened.form().odi == f.odi));
    BOOST_TEST(reopened.form().rmdq_taken);
    BOOST_TEST(reopened.form().rmdq.count() == 2u);
    BOOST_TEST((reopened.form().psfs == expected.psfs->activities()));
    BOOST_TEST((reopened.form().red_flags == f.red_flags));
    BOOST_TEST(reopened.form().notes == f.notes);
    BOOST_TEST((reopened.details() == expected));

    // Saving again updates the same assessment.
    reopened.form().pain_now = 4;
    reopened.form().pain_best = 2;
    BOOST_TEST(reopened.save() == id);
    reopened.form().easing_factors = "Walking, heat, side-lying";
    BOOST_TEST(reopened.save() == id);
    BOOST_TEST(practice.assessments() == 1u);
    const Assessment updated = db::AssessmentRepository(*practice.db).get(id);
    BOOST_TEST(updated.details().pain_now.value() == 4);
    BOOST_TEST(updated.details().easing_factors == "Walking, heat, side-lying");
    BOOST_TEST(updated.version() == 3);

    // The copy opened before those saves is stale: refused rather than overwriting them.
    p.form().posture = "Upright";
    BOOST_CHECK_THROW(p.save(), ConflictError);
    BOOST_TEST(db::AssessmentRepository(*practice.db).get(id).details().posture == expected.posture);
}

BOOST_AUTO_TEST_CASE(another_clients_assessment_is_not_opened) {
    Practice practice;
    const AssessmentId id = practice.add_baseline();
    const ClientId other = practice.add_client("Nguyen", "Minh");
    BOOST_CHECK_THROW(AssessmentPresenter(*practice.db, other, id, today), Error);
    BOOST_CHECK_THROW(AssessmentPresenter(*practice.db, practice.client, id + 100, today), NotFoundError);
    BOOST_CHECK_THROW(AssessmentPresenter(*practice.db, other + 100, std::nullopt, today), NotFoundError);
}

BOOST_AUTO_TEST_CASE(a_mis_click_on_the_body_map_is_undone_a_click_at_a_time) {
    Practice practice;
    AssessmentPresenter p(*practice.db, practice.client, std::nullopt, today);
    FakeEditClock time;
    p.set_edit_clock(time.clock());
    BOOST_TEST(!p.can_undo());
    const RegionKey left_ql{BodyRegion::quadratus_lumborum, Side::left};
    // Three quick clicks on the right buttock (3, 6, 9): three steps, however fast they come.
    for (int i = 0; i < 3; ++i) {
        BOOST_TEST_REQUIRE(p.body_map().click(BodyView::back, right_buttock));
        p.record_edit();
        time.advance(keystroke);
    }
    p.body_map().set_intensity(left_ql, 7); // from the list's spin box, or a digit on the chart
    p.record_edit();
    p.body_map().set_quality(buttock, PainQuality::burning);
    p.record_edit();
    p.body_map().set_focus(0);

    struct Expected {
        const char* label; // of the step undone
        RegionKey changed;
        int buttock, left_ql;
    };
    const Expected steps[] = {
        {"Body map: Right gluteus maximus set to burning", buttock, 9, 7},
        {"Body map: Left quadratus lumborum set to 7/10", left_ql, 9, 0},
        {"Body map: Right gluteus maximus set to 9/10", buttock, 6, 0},
        {"Body map: Right gluteus maximus set to 6/10", buttock, 3, 0},
        {"Body map: Right gluteus maximus set to 3/10", buttock, 0, 0},
    };
    for (const Expected& e : steps) {
        BOOST_TEST_CONTEXT("undoing " << e.label) {
            BOOST_TEST(p.undo_label() == e.label);
            BOOST_TEST(p.undo() == std::optional<AssessmentPage>(AssessmentPage::body_map));
            BOOST_TEST(p.body_map().intensity(buttock) == e.buttock);
            BOOST_TEST(p.body_map().intensity(left_ql) == e.left_ql);
            BOOST_TEST(p.body_map().focused() == shape_of(e.changed), "the chart shows where the change was");
        }
    }
    BOOST_TEST(p.body_map().pain_map().empty());
    BOOST_TEST(!p.can_undo());
    BOOST_TEST(!p.undo().has_value());
    BOOST_TEST(!p.is_modified());

    BOOST_TEST(p.redo() == std::optional<AssessmentPage>(AssessmentPage::body_map));
    BOOST_TEST(p.body_map().intensity(buttock) == 3);
    BOOST_TEST(p.undo_label() == "Body map: Right gluteus maximus set to 3/10");
}

BOOST_AUTO_TEST_CASE(undo_walks_back_across_the_pages_and_says_which) {
    Practice practice;
    AssessmentPresenter p(*practice.db, practice.client, std::nullopt, today);
    FakeEditClock time;
    p.set_edit_clock(time.clock());
    auto& f = p.form();
    for (const char* typed : {"L", "Lo", "Low back", "Low back pain"}) { // typing: one step
        f.chief_complaint = typed;
        p.record_edit();
        time.advance(keystroke);
    }
    time.advance(long_pause);
    f.odi[0] = 3;
    p.record_edit();
    p.body_map().click(BodyView::back, right_buttock);
    p.record_edit();
    f.red_flags.positive = {RedFlag::night_pain};
    p.record_edit();
    f.palpation.push_back({BodyRegion::piriformis, Side::right, 2, 2, 1, false, ""});
    p.record_edit();
    const gui::AssessmentForm edited = f;

    struct Expected {
        const char* label;
        AssessmentPage page;
    };
    const Expected steps[] = {
        {"Palpation findings", AssessmentPage::palpation},
        {"Red flags", AssessmentPage::red_flags},
        {"Body map: Right gluteus maximus set to 3/10", AssessmentPage::body_map},
        {"Oswestry Disability Index", AssessmentPage::outcomes},
        {"Chief complaint", AssessmentPage::complaint},
    };
    for (const Expected& e : steps) {
        BOOST_TEST_CONTEXT("undoing " << e.label) {
            BOOST_TEST(p.undo_label() == e.label);
            BOOST_TEST(p.undo() == std::optional<AssessmentPage>(e.page));
        }
    }
    BOOST_TEST(p.form().chief_complaint == "");
    BOOST_TEST(!p.form().odi[0].has_value());
    BOOST_TEST(p.form().red_flags.positive.empty());
    BOOST_TEST(!p.can_undo());

    for (const Expected& e : std::vector<Expected>(std::rbegin(steps), std::rend(steps)))
        BOOST_TEST(p.redo() == std::optional<AssessmentPage>(e.page));
    BOOST_TEST((p.form() == edited));
    BOOST_TEST(p.body_map().intensity(buttock) == 3);
    BOOST_TEST(!p.can_redo());
}

BOOST_AUTO_TEST_CASE(a_change_not_yet_recorded_is_undone_first_and_a_new_edit_clears_redo) {
    Practice practice;
    AssessmentPresenter p(*practice.db, practice.client, std::nullopt, today);
    p.form().aggravating_factors = "Sitting";
    p.record_edit();
    p.form().posture = "Upright"; // the window has not said so yet
    BOOST_TEST(p.can_undo());
    BOOST_TEST(p.undo_label() == "Posture");
    BOOST_TEST(p.undo() == std::optional<AssessmentPage>(AssessmentPage::complaint));
    BOOST_TEST(p.form().posture == "");
    BOOST_TEST(p.form().aggravating_factors == "Sitting");
    BOOST_TEST(p.can_redo());

    p.form().easing_factors = "Walking";
    BOOST_TEST(!p.can_redo(), "a change since the undo: nothing to redo");
    p.record_edit();
    BOOST_TEST(!p.can_redo());
    BOOST_TEST(!p.redo().has_value());
    BOOST_TEST(p.form().posture == "", "the undone posture does not come back");
    BOOST_TEST(p.undo_label() == "Easing factors");
}

BOOST_AUTO_TEST_CASE(an_onset_date_that_also_sets_the_duration_is_one_step) {
    Practice practice;
    AssessmentPresenter p(*practice.db, practice.client, std::nullopt, today);
    FakeEditClock time;
    p.set_edit_clock(time.clock());
    p.form().duration_weeks = 2;
    p.record_edit();
    time.advance(keystroke);
    p.form().onset_date = Date(2026, 2, 20);
    p.form().duration_weeks = *p.weeks_since_onset();
    p.record_edit();
    BOOST_TEST(p.undo_label() == "Onset date", "named after the first field it changed");
    BOOST_TEST(p.undo().has_value());
    BOOST_TEST(!p.form().onset_date.has_value());
    BOOST_TEST(p.form().duration_weeks == 2, "the typed duration is a step of its own");
    BOOST_TEST(p.undo_label() == "Duration");
}

// Decided: a save keeps the history. Undo after a save changes the form only; is_modified() is
// true again (the window asks before closing) and the stored assessment changes only on the next
// save.
BOOST_AUTO_TEST_CASE(undo_after_a_save_leaves_the_stored_assessment_alone) {
    Practice practice;
    AssessmentPresenter p(*practice.db, practice.client, std::nullopt, today);
    fill_valid(p);
    p.record_edit();
    p.body_map().click(BodyView::back, right_buttock);
    p.record_edit();
    BOOST_TEST(p.is_modified());
    const AssessmentId id = p.save();
    BOOST_TEST(!p.is_modified());

    BOOST_TEST(p.undo() == std::optional<AssessmentPage>(AssessmentPage::body_map));
    BOOST_TEST(p.is_modified());
    BOOST_TEST(p.body_map().pain_map().empty());
    const auto stored = db::AssessmentRepository(*practice.db).get(id).details();
    BOOST_TEST_REQUIRE(stored.pain_map.size() == 1u);
    BOOST_TEST(stored.pain_map[0].region == BodyRegion::gluteus_maximus);
    BOOST_TEST(p.redo().has_value());
    BOOST_TEST(!p.is_modified(), "redo comes back to exactly what is stored");
}

BOOST_AUTO_TEST_SUITE_END()
