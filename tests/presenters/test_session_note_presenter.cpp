// The session note presenter: loading an appointment with its plan and cautions, the draft and
// its dirty state, saving, signing, amendments, warnings against the cautions, quick phrases,
// conflicts with another window, the recovery copy of unsaved text, and undo and redo.
#include "session/session_note_presenter.h"

#include "database.h"
#include "repositories/client_repository.h"
#include "repositories/plan_repository.h"
#include "repositories/session_repository.h"

#include "domain_printers.h"
#include "fake_edit_clock.h"

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include <memory>
#include <string>

using namespace knotwork;
using gui::SessionNotePresenter;
using gui::SoapField;
using gui::test::FakeEditClock;
using gui::test::keystroke;
using gui::test::long_pause;

namespace {

DateTime at(int day, int hour, int minute = 0) {
    return DateTime(Date(2026, 6, day), boost::posix_time::hours(hour) + boost::posix_time::minutes(minute));
}

// A practice with one client, a six-session plan and its first two appointments (the first
// signed, the second scheduled for 2 June at 09:00).
struct Practice {
    std::unique_ptr<db::Database> db =
        db::Database::open(":memory:", {.create_if_missing = true, .actor = "test"});
    ClientId client = 0;
    PlanId plan = 0;
    SessionId second = 0;
    DateTime clock_now = at(2, 10, 15);

    explicit Practice(const ClientDetails& details = client_details()) {
        db::Transaction tx(*db);
        Client c(details, Date(2026, 5, 1));
        client = db::ClientRepository(*db).add(c);

        PlanDetails pd;
        pd.created_on = Date(2026, 5, 20);
        pd.techniques = {{"myofascial_release", "Restores flexibility in the lumbar fascia"},
                         {"trigger_point", "Releases the QL trigger points that refer to the hip"}};
        pd.regions = {{BodyRegion::quadratus_lumborum, Side::right},
                      {BodyRegion::erector_spinae_lumbar, Side::bilateral}};
        pd.series.session_count = 6;
        pd.series.start_date = Date(2026, 5, 26);
        pd.series.therapist = "Mara Lindqvist";
        pd.reassess_after_sessions = 3;
        pd.home_care = {{HomeCareKind::stretching, "Knee-to-chest stretch twice a day"}};
        TreatmentPlan p(client, pd);
        p.activate();
        plan = db::PlanRepository(*db).add(p);

        db::SessionRepository sessions(*db);
        const Date may26(2026, 5, 26);
        Session first(client, DateTime(may26, boost::posix_time::hours(9)),
                      DateTime(may26, boost::posix_time::hours(10)), "Mara Lindqvist");
        first.set_series(SeriesPosition{plan, 1, 6});
        first.mark_completed();
        SoapNote n;
        n.subjective = "First visit.";
        first.write_note(n);
        first.sign("Mara Lindqvist", DateTime(may26, boost::posix_time::hours(11)));
        sessions.add(first);

        Session s(client, at(2, 9), at(2, 10), "Mara Lindqvist");
        s.set_series(SeriesPosition{plan, 2, 6});
        second = sessions.add(s);
        tx.commit();
    }

    static ClientDetails client_details() {
        ClientDetails d;
        d.family_name = "Okafor";
        d.given_name = "Adaeze";
        return d;
    }

    SessionNotePresenter open() {
        return SessionNotePresenter(*db, second, [this] { return clock_now; });
    }

    // Raw columns, read behind the repositories' backs.
    std::optional<std::string> signed_at() {
        std::string v;
        soci::indicator ind = soci::i_null;
        db->sql() << "SELECT signed_at FROM sessions WHERE id = :id", soci::into(v, ind), soci::use(second);
        if (ind != soci::i_ok) return std::nullopt;
        return v;
    }
};

ClientDetails on_anticoagulants() {
    ClientDetails d = Practice::client_details();
    d.medications = {{MedicationClass::anticoagulant, "Warfarin 5 mg"}};
    return d;
}

AppliedTechnique row(const std::string& code, BodyRegion region, int pressure, int minutes = 10) {
    AppliedTechnique t{};
    t.technique = code;
    t.region = region;
    t.side = Side::right;
    t.pressure = Pressure(pressure);
    t.minutes = minutes;
    return t;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

BOOST_AUTO_TEST_SUITE(session_note_presenter)

BOOST_AUTO_TEST_CASE(load_shows_the_series_position_and_the_plans_focus) {
    Practice p;
    auto note = p.open();
    BOOST_TEST(note.client_name() == "Adaeze Okafor");
    BOOST_TEST(note.series_text() == "Session 2 of 6");
    BOOST_TEST(note.time_text() == "09:00–10:00");
    BOOST_TEST(note.session().therapist() == "Mara Lindqvist");
    const std::string focus = note.focus_text();
    BOOST_TEST(contains(focus, "Myofascial release — Restores flexibility in the lumbar fascia"), focus);
    BOOST_TEST(contains(focus, "Trigger point therapy — Releases the QL trigger points"), focus);
    BOOST_TEST(contains(focus, "Quadratus lumborum (right)"), focus);
    BOOST_TEST(contains(focus, "Knee-to-chest stretch twice a day"), focus);
    BOOST_TEST(contains(focus, "Re-assess after session 3."), focus);
    BOOST_TEST(!note.is_read_only());
    BOOST_TEST(!note.is_dirty());
    BOOST_TEST(note.cautions().empty());
    BOOST_TEST(note.max_safe_pressure().value() == 10);
    BOOST_TEST(note.signature_text().empty());
    // The plan's techniques are offered first.
    const auto choices = note.technique_choices();
    BOOST_TEST_REQUIRE(choices.size() == 6u);
    BOOST_TEST(choices[0].code == "myofascial_release");
    BOOST_TEST(choices[0].in_plan);
    BOOST_TEST(choices[1].code == "trigger_point");
    BOOST_TEST(!choices[2].in_plan);
}

BOOST_AUTO_TEST_CASE(a_session_outside_any_plan_has_no_series_or_focus) {
    Practice p;
    SessionId lone = 0;
    {
        db::Transaction tx(*p.db);
        Session s(p.client, at(3, 14), at(3, 15), "Mara Lindqvist");
        lone = db::SessionRepository(*p.db).add(s);
        tx.commit();
    }
    SessionNotePresenter note(*p.db, lone);
    BOOST_TEST(note.series_text().empty());
    BOOST_TEST(note.focus_text().empty());
    BOOST_CHECK_THROW(SessionNotePresenter(*p.db, lone + 100), NotFoundError);
}

BOOST_AUTO_TEST_CASE(saving_a_draft_round_trips_and_completes_the_appointment) {
    Practice p;
    {
        auto note = p.open();
        note.set_text(SoapField::subjective, "Reports pain eased; sleeps through — mostly. Ça va.");
        note.set_text(SoapField::objective, "Hypertonicity in right QL.\nTP in piriformis.");
        note.set_text(SoapField::assessment, "Tolerated treatment well.");
        note.set_text(SoapField::plan, "Continue series.");
        note.set_pain_before(6);
        note.set_pain_after(3);
        note.set_adverse_reactions("Mild redness.");
        const auto r = note.add_technique_row();
        BOOST_TEST(r == 0u);
        note.set_technique_row(r, row("trigger_point", BodyRegion::quadratus_lumborum, 6, 15));
        BOOST_TEST(note.is_dirty());
        note.save_draft();
        BOOST_TEST(!note.is_dirty());
        BOOST_TEST(note.draft().status == AppointmentStatus::completed);
    }
    auto again = p.open();
    const auto& d = again.draft();
    BOOST_TEST(d.subjective == "Reports pain eased; sleeps through — mostly. Ça va.");
    BOOST_TEST(d.objective == "Hypertonicity in right QL.\nTP in piriformis.");
    BOOST_TEST(d.assessment == "Tolerated treatment well.");
    BOOST_TEST(d.plan == "Continue series.");
    BOOST_TEST(d.pain_before == std::optional<int>(6));
    BOOST_TEST(d.pain_after == std::optional<int>(3));
    BOOST_TEST(d.adverse_reactions == "Mild redness.");
    BOOST_TEST_REQUIRE(d.techniques.size() == 1u);
    BOOST_TEST((d.techniques[0] == row("trigger_point", BodyRegion::quadratus_lumborum, 6, 15)));
    BOOST_TEST(d.status == AppointmentStatus::completed);
    BOOST_TEST(!again.is_dirty());
}

BOOST_AUTO_TEST_CASE(pain_can_be_left_unrecorded_and_out_of_range_pain_is_refused) {
    Practice p;
    auto note = p.open();
    note.set_text(SoapField::subjective, "Sore.");
    note.set_pain_before(11);
    KNOTWORK_CHECK_REFUSED(note.save_draft(), "pain before");
    BOOST_TEST(note.is_dirty());
    BOOST_TEST(note.draft().subjective == "Sore.");
    note.set_pain_before(std::nullopt);
    note.save_draft();
    BOOST_TEST(!p.open().draft().pain_before.has_value());
}

BOOST_AUTO_TEST_CASE(a_no_show_or_cancellation_is_saved_with_its_reason) {
    Practice p;
    {
        auto note = p.open();
        note.set_status(AppointmentStatus::cancelled, "Client unwell");
        note.save_draft();
    }
    auto again = p.open();
    BOOST_TEST(again.draft().status == AppointmentStatus::cancelled);
    BOOST_TEST(again.draft().status_reason == "Client unwell");
    BOOST_TEST(again.sign_problem().has_value());
    again.set_status(AppointmentStatus::no_show);
    BOOST_TEST(again.draft().status_reason.empty());
    again.save_draft();
    BOOST_TEST(p.open().session().status() == AppointmentStatus::no_show);
}

BOOST_AUTO_TEST_CASE(signing_locks_the_note_for_good) {
    Practice p;
    auto note = p.open();
    BOOST_TEST(note.sign_problem() ==
               std::optional<std::string>("The note is blank: write it before signing."));
    note.set_text(SoapField::assessment, "Tolerated treatment well.");
    BOOST_TEST(!note.sign_problem().has_value());
    note.sign("Mara Lindqvist");
    BOOST_TEST(note.is_read_only());
    BOOST_TEST(!note.is_dirty());
    BOOST_TEST(note.signature_text() == "Signed by Mara Lindqvist on 2026-06-02 at 10:15");
    BOOST_TEST(p.signed_at() == std::optional<std::string>("2026-06-02T10:15:00"));

    // The presenter refuses edits and saves...
    note.set_text(SoapField::assessment, "Changed my mind.");
    BOOST_TEST(note.draft().assessment == "Tolerated treatment well.");
    BOOST_CHECK_THROW(note.save_draft(), LockedRecordError);
    BOOST_CHECK_THROW(note.sign("Mara Lindqvist"), LockedRecordError);
    BOOST_TEST(!note.insert_quick_phrase(SoapField::plan, 1, 0).has_value());

    // ...and so does a presenter opened afterwards, which starts read-only.
    auto later = p.open();
    BOOST_TEST(later.is_read_only());
    BOOST_TEST(later.draft().assessment == "Tolerated treatment well.");
    BOOST_TEST(later.session().status() == AppointmentStatus::completed);
}

BOOST_AUTO_TEST_CASE(signing_needs_a_completed_appointment_and_a_signer) {
    Practice p;
    auto note = p.open();
    note.set_text(SoapField::subjective, "Came in late.");
    note.set_status(AppointmentStatus::no_show);
    BOOST_TEST(note.sign_problem().has_value());
    BOOST_CHECK_THROW(note.sign("Mara Lindqvist"), ValidationError);
    note.set_status(AppointmentStatus::completed);
    KNOTWORK_CHECK_REFUSED(note.sign("  "), "signed by");
    BOOST_TEST(!note.is_read_only());
    BOOST_TEST(!p.signed_at().has_value());
    BOOST_TEST(note.draft().subjective == "Came in late.");
}

BOOST_AUTO_TEST_CASE(an_amendment_is_appended_to_a_signed_note) {
    Practice p;
    auto note = p.open();
    BOOST_CHECK_THROW(note.add_amendment("Mara Lindqvist", "Typo", "QL, not TFL."), ValidationError);
    note.set_text(SoapField::objective, "Hypertonicity in right TFL.");
    note.sign("Mara Lindqvist");
    p.clock_now = at(3, 8, 30);
    note.add_amendment("Mara Lindqvist", "Wrong muscle named", "Hypertonicity was in right QL, not TFL.");
    BOOST_TEST_REQUIRE(note.session().amendments().size() == 1u);
    KNOTWORK_CHECK_REFUSED(note.add_amendment("Mara Lindqvist", "", "No reason given."), "amendment reason");

    auto later = p.open();
    BOOST_TEST_REQUIRE(later.session().amendments().size() == 1u);
    const Amendment& a = later.session().amendments().front();
    BOOST_TEST(a.author == "Mara Lindqvist");
    BOOST_TEST(a.reason == "Wrong muscle named");
    BOOST_TEST(a.text == "Hypertonicity was in right QL, not TFL.");
    BOOST_TEST(a.written_at == at(3, 8, 30));
    BOOST_TEST(later.draft().objective == "Hypertonicity in right TFL.");
}

BOOST_AUTO_TEST_CASE(pressure_above_the_safe_maximum_warns_and_names_the_limit) {
    Practice p(on_anticoagulants());
    auto note = p.open();
    BOOST_TEST(note.max_safe_pressure().value() == 6);
    BOOST_TEST_REQUIRE(note.caution_lines().size() == 1u);
    BOOST_TEST(note.caution_lines()[0] ==
               "No deep pressure (6 at most) — Takes anticoagulants (Warfarin 5 mg)");
    // A new row never starts above the limit.
    note.add_technique_row();
    BOOST_TEST(note.draft().techniques[0].pressure.value() <= 6);
    BOOST_TEST(note.warnings().empty());

    note.set_technique_row(0, row("trigger_point", BodyRegion::quadratus_lumborum, 8));
    const auto w = note.warnings();
    BOOST_TEST_REQUIRE(w.size() == 1u);
    BOOST_TEST(w[0].row == std::optional<std::size_t>(0));
    BOOST_TEST(
        w[0].text ==
        "Row 1: pressure 8 is above this client's safe maximum of 6 — Takes anticoagulants (Warfarin 5 mg).");

    // A warning, not an error: the draft still saves.
    note.set_text(SoapField::objective, "Dense tissue.");
    note.save_draft();
    BOOST_TEST(p.open().draft().techniques[0].pressure.value() == 8);
}

BOOST_AUTO_TEST_CASE(techniques_excluded_by_cautions_warn) {
    ClientDetails d = Practice::client_details();
    d.conditions = {HealthCondition::diabetic_neuropathy, HealthCondition::osteoporosis};
    Practice p(d);
    auto note = p.open();
    note.add_technique_row();
    note.add_technique_row();
    note.add_technique_row();
    note.set_technique_row(0, row("hot_stone", BodyRegion::erector_spinae_lumbar, 3));
    note.set_technique_row(1, row("deep_tissue", BodyRegion::gluteus_medius, 6));
    note.set_technique_row(2, row("swedish", BodyRegion::erector_spinae_lumbar, 4));
    const auto w = note.warnings();
    BOOST_TEST_REQUIRE(w.size() == 2u);
    BOOST_TEST(w[0].row == std::optional<std::size_t>(0));
    BOOST_TEST(w[0].text ==
               "Row 1: hot stone massage uses heat, which this client must avoid — Diabetic neuropathy.");
    BOOST_TEST(w[1].row == std::optional<std::size_t>(1));
    BOOST_TEST(w[1].text ==
               "Row 2: deep tissue massage is deep work, which this client must not have — Osteoporosis.");
}

BOOST_AUTO_TEST_CASE(a_local_limit_warns_only_on_its_regions) {
    ClientDetails d = Practice::client_details();
    d.conditions = {HealthCondition::dvt_history};
    Practice p(d);
    auto note = p.open();
    BOOST_TEST(note.max_safe_pressure().value() == 10);
    note.add_technique_row();
    note.add_technique_row();
    note.set_technique_row(0, row("sports", BodyRegion::hamstrings, 8));
    note.set_technique_row(1, row("sports", BodyRegion::gluteus_maximus, 8));
    const auto w = note.warnings();
    BOOST_TEST_REQUIRE(w.size() == 1u);
    BOOST_TEST(w[0].text == "Row 1: pressure 8 on the hamstrings is above the limit of 6 for the legs — Deep "
                            "vein thrombosis (history).");
}

BOOST_AUTO_TEST_CASE(quick_phrases_go_in_at_the_caret_with_spacing) {
    Practice p;
    auto note = p.open();
    for (auto f : {SoapField::subjective, SoapField::objective, SoapField::assessment, SoapField::plan})
        BOOST_TEST(SessionNotePresenter::quick_phrases(f).size() ==
                   std::size_t(SessionNotePresenter::phrase_count));
    BOOST_TEST(SessionNotePresenter::quick_phrases(SoapField::subjective)[0] ==
               "Reports pain eased since last session.");
    BOOST_TEST(SessionNotePresenter::quick_phrases(SoapField::objective)[0] == "Hypertonicity in right QL.");
    BOOST_TEST(SessionNotePresenter::quick_phrases(SoapField::assessment)[0] == "Tolerated treatment well.");
    BOOST_TEST(SessionNotePresenter::quick_phrases(SoapField::plan)[0] == "Continue series; focus on ");

    auto r = note.insert_quick_phrase(SoapField::assessment, 1, 0);
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST(r->text == "Tolerated treatment well.");
    BOOST_TEST(r->caret == 25u);
    BOOST_TEST(note.is_dirty());

    // Mid-text after non-ASCII characters: carets count code points, and spaces are added.
    note.set_text(SoapField::objective, "Über-tight.Done");
    r = note.insert_quick_phrase(SoapField::objective, 1, 11);
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST(r->text == "Über-tight. Hypertonicity in right QL. Done");
    BOOST_TEST(r->caret == 38u);
    BOOST_TEST(note.draft().objective == r->text);

    // A phrase that ends open leaves the caret where the therapist types on.
    r = note.insert_quick_phrase(SoapField::plan, 1, 0);
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST(r->text == "Continue series; focus on ");
    BOOST_TEST(r->caret == 26u);

    BOOST_TEST(!note.insert_quick_phrase(SoapField::plan, 0, 0).has_value());
    BOOST_TEST(!note.insert_quick_phrase(SoapField::plan, 10, 0).has_value());
    // A caret past the end appends.
    r = note.insert_quick_phrase(SoapField::subjective, 6, 999);
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST(r->text == "Sleeping better.");
}

BOOST_AUTO_TEST_CASE(dirty_tracking_follows_the_stored_note) {
    Practice p;
    auto note = p.open();
    BOOST_TEST(!note.is_dirty());
    note.set_text(SoapField::plan, "x");
    BOOST_TEST(note.is_dirty());
    note.set_text(SoapField::plan, "");
    BOOST_TEST(!note.is_dirty()); // typed and deleted again: nothing to save
    note.set_pain_after(2);
    BOOST_TEST(note.is_dirty());
    note.set_pain_after(std::nullopt);
    BOOST_TEST(!note.is_dirty());
    note.add_technique_row();
    BOOST_TEST(note.is_dirty());
    note.remove_technique_row(0);
    BOOST_TEST(!note.is_dirty());
    BOOST_CHECK_THROW(note.remove_technique_row(0), std::out_of_range);
    note.set_status(AppointmentStatus::no_show);
    BOOST_TEST(note.is_dirty());
    note.save_draft();
    BOOST_TEST(!note.is_dirty());
    note.set_adverse_reactions("Felt dizzy getting up.");
    BOOST_TEST(note.is_dirty());
}

BOOST_AUTO_TEST_CASE(a_conflict_keeps_the_text_and_says_so) {
    Practice p;
    auto mine = p.open();
    auto theirs = p.open();
    theirs.set_text(SoapField::subjective, "Their words.");
    theirs.save_draft();

    mine.set_text(SoapField::subjective, "My careful words.");
    mine.set_pain_before(7);
    try {
        mine.save_draft();
        BOOST_FAIL("a stale save must not succeed");
    } catch (const ConflictError& e) {
        BOOST_TEST(contains(e.what(), "changed elsewhere"), e.what());
    }
    BOOST_TEST(mine.has_conflict());
    BOOST_TEST(mine.is_dirty());
    BOOST_TEST(mine.draft().subjective == "My careful words.");
    BOOST_TEST(mine.draft().pain_before == std::optional<int>(7));
    BOOST_TEST(p.open().draft().subjective == "Their words.");

    // Keeping my text over theirs is a deliberate second step.
    BOOST_TEST(mine.adopt_stored_version());
    BOOST_TEST(!mine.has_conflict());
    BOOST_TEST(mine.draft().subjective == "My careful words.");
    mine.save_draft();
    BOOST_TEST(p.open().draft().subjective == "My careful words.");
}

BOOST_AUTO_TEST_CASE(a_note_signed_elsewhere_refuses_the_stale_draft_but_keeps_it) {
    Practice p;
    auto mine = p.open();
    auto theirs = p.open();
    theirs.set_text(SoapField::assessment, "Signed elsewhere.");
    theirs.sign("Mara Lindqvist");

    mine.set_text(SoapField::assessment, "My version.");
    BOOST_CHECK_THROW(mine.save_draft(), LockedRecordError);
    BOOST_TEST(mine.draft().assessment == "My version.");
    BOOST_TEST(mine.has_conflict());
    BOOST_TEST(!mine.adopt_stored_version());
    BOOST_TEST(mine.is_read_only());
    BOOST_TEST(mine.draft().assessment == "Signed elsewhere.");
}

BOOST_AUTO_TEST_CASE(a_recovery_snapshot_restores_exactly) {
    Practice p;
    auto note = p.open();
    note.set_text(SoapField::subjective, "Line one\nline two with 12 bytes\n\nend ünïcode 日本");
    note.set_text(SoapField::plan, "text plan 3\nend\n");
    note.set_pain_before(0);
    note.add_technique_row();
    note.set_technique_row(0, row("myofascial_release", BodyRegion::tfl_it_band, 4, 25));
    note.set_status(AppointmentStatus::cancelled, "Snow\nday");
    const std::string snapshot = note.draft_snapshot();
    const gui::NoteDraft typed = note.draft();

    auto fresh = p.open();
    BOOST_TEST(fresh.snapshot_differs(snapshot));
    BOOST_TEST(!note.snapshot_differs(snapshot));
    BOOST_TEST(fresh.restore_snapshot(snapshot));
    BOOST_TEST((fresh.draft() == typed));
    BOOST_TEST(fresh.is_dirty());

    // Damaged or foreign copies are refused and change nothing.
    BOOST_TEST(!fresh.restore_snapshot(snapshot.substr(0, snapshot.size() / 2)));
    BOOST_TEST(!fresh.restore_snapshot("not a draft"));
    std::string other = snapshot;
    other.replace(other.find("session " + std::to_string(p.second)), 8 + std::to_string(p.second).size(),
                  "session 99999");
    BOOST_TEST(!fresh.snapshot_differs(other));
    BOOST_TEST(!fresh.restore_snapshot(other));
    BOOST_TEST((fresh.draft() == typed));

    BOOST_TEST(note.recovery_file_name() == fresh.recovery_file_name());
    BOOST_TEST(note.recovery_file_name().ends_with("-" + std::to_string(p.second) + ".draft"));
}

BOOST_AUTO_TEST_CASE(undo_takes_back_typing_a_field_at_a_time) {
    Practice p;
    auto note = p.open();
    FakeEditClock time;
    note.set_edit_clock(time.clock());
    BOOST_TEST(!note.can_undo());
    BOOST_TEST(note.undo_label().empty());
    for (const char* typed : {"R", "Re", "Rep", "Reports pain eased."}) {
        note.set_text(SoapField::subjective, typed);
        time.advance(keystroke);
    }
    for (const char* typed : {"H", "Hy", "Hypertonic"}) {
        note.set_text(SoapField::objective, typed);
        time.advance(keystroke);
    }
    time.advance(long_pause);
    note.set_text(SoapField::objective, "Hypertonic QL.");

    BOOST_TEST(note.undo_label() == "Objective");
    BOOST_TEST(note.undo());
    BOOST_TEST(note.draft().objective == "Hypertonic", "the words after a pause are a step of their own");
    BOOST_TEST(note.undo());
    BOOST_TEST(note.draft().objective == "");
    BOOST_TEST(note.draft().subjective == "Reports pain eased.", "each field is its own step");
    BOOST_TEST(note.undo_label() == "Subjective");
    BOOST_TEST(note.undo());
    BOOST_TEST(note.draft().subjective == "");
    BOOST_TEST(!note.can_undo());
    BOOST_TEST(!note.undo());
    BOOST_TEST(!note.is_dirty());

    BOOST_TEST(note.redo_label() == "Subjective");
    for (int i = 0; i < 3; ++i)
        BOOST_TEST(note.redo());
    BOOST_TEST(!note.redo());
    BOOST_TEST(note.draft().subjective == "Reports pain eased.");
    BOOST_TEST(note.draft().objective == "Hypertonic QL.");
}

BOOST_AUTO_TEST_CASE(pain_scores_and_technique_rows_are_steps) {
    Practice p;
    auto note = p.open();
    FakeEditClock time;
    note.set_edit_clock(time.clock());
    for (int score : {4, 5, 6}) { // spinning the score up: one step
        note.set_pain_before(score);
        time.advance(keystroke);
    }
    time.advance(long_pause);
    note.set_pain_after(3);
    const auto r = note.add_technique_row();
    note.set_technique_row(r, row("trigger_point", BodyRegion::quadratus_lumborum, 6, 15));
    note.add_technique_row();
    note.remove_technique_row(0);
    const gui::NoteDraft typed = note.draft();
    const AppliedTechnique edited = row("trigger_point", BodyRegion::quadratus_lumborum, 6, 15);

    struct Expected {
        const char* label; // of the step undone
        std::size_t rows;
        std::optional<int> pain_before, pain_after;
    };
    const Expected steps[] = {
        {"Technique row 1 removed", 2, 6, 3},
        {"Technique row 2 added", 1, 6, 3},
        {"Technique row 1", 1, 6, 3},
        {"Technique row 1 added", 0, 6, 3},
        {"Pain after", 0, 6, {}},
        {"Pain before", 0, {}, {}},
    };
    for (const Expected& e : steps) {
        BOOST_TEST_CONTEXT("undoing " << e.label) {
            BOOST_TEST(note.undo_label() == e.label);
            BOOST_TEST_REQUIRE(note.undo());
            BOOST_TEST(note.draft().techniques.size() == e.rows);
            BOOST_TEST(note.draft().pain_before == e.pain_before);
            BOOST_TEST(note.draft().pain_after == e.pain_after);
        }
    }
    BOOST_TEST(!note.can_undo());
    BOOST_TEST(!note.is_dirty());

    BOOST_TEST(note.redo());
    BOOST_TEST(note.redo());
    BOOST_TEST(note.redo()); // the row added
    BOOST_TEST_REQUIRE(note.draft().techniques.size() == 1u);
    BOOST_TEST(!(note.draft().techniques[0] == edited), "the row as it was added");
    BOOST_TEST(note.redo());
    BOOST_TEST((note.draft().techniques[0] == edited), "the row as it was changed");
    while (note.redo()) {
    }
    BOOST_TEST((note.draft() == typed));
}

BOOST_AUTO_TEST_CASE(a_new_edit_clears_redo) {
    Practice p;
    auto note = p.open();
    note.set_text(SoapField::plan, "Continue series.");
    note.set_pain_after(2);
    BOOST_TEST(note.undo());
    BOOST_TEST(note.can_redo());
    BOOST_TEST(note.redo_label() == "Pain after");
    note.set_adverse_reactions("None.");
    BOOST_TEST(!note.can_redo());
    BOOST_TEST(!note.redo());
    BOOST_TEST(!note.draft().pain_after.has_value(), "the undone score does not come back");
    BOOST_TEST(note.undo());
    BOOST_TEST(note.draft().adverse_reactions == "");
    BOOST_TEST(note.draft().plan == "Continue series.");
}

BOOST_AUTO_TEST_CASE(a_quick_phrase_and_a_restored_copy_are_steps_of_their_own) {
    Practice p;
    auto note = p.open();
    FakeEditClock time;
    note.set_edit_clock(time.clock());
    note.set_text(SoapField::subjective, "Back better.");
    time.advance(keystroke);
    const auto inserted = note.insert_quick_phrase(SoapField::subjective, 6, 12);
    BOOST_TEST_REQUIRE(inserted.has_value());
    time.advance(keystroke);
    note.set_text(SoapField::subjective, inserted->text + " Less");
    BOOST_TEST(note.undo());
    BOOST_TEST(note.draft().subjective == inserted->text, "typing after the phrase is a step of its own");
    BOOST_TEST(note.undo_label() == "Quick phrase in Subjective");
    BOOST_TEST(note.undo());
    BOOST_TEST(note.draft().subjective == "Back better.");

    const std::string snapshot = [&] {
        auto other = p.open();
        other.set_text(SoapField::assessment, "From the recovery file.");
        return other.draft_snapshot();
    }();
    BOOST_TEST(note.restore_snapshot(snapshot));
    BOOST_TEST(note.draft().assessment == "From the recovery file.");
    BOOST_TEST(note.undo_label() == "Restored unsaved text");
    BOOST_TEST(note.undo());
    BOOST_TEST(note.draft().subjective == "Back better.");
    BOOST_TEST(note.draft().assessment == "");
}

// Decided: a save keeps the history. Undo after a save changes the draft only; the note is
// dirty again, so the window asks before closing, and the stored note changes only on the next
// save.
BOOST_AUTO_TEST_CASE(undo_after_a_save_makes_the_note_dirty_and_leaves_the_stored_note_alone) {
    Practice p;
    auto note = p.open();
    note.set_text(SoapField::subjective, "Saved words.");
    note.set_pain_before(5);
    note.save_draft();
    BOOST_TEST(!note.is_dirty());
    BOOST_TEST(note.draft().status == AppointmentStatus::completed);

    BOOST_TEST(note.undo_label() == "Pain before");
    BOOST_TEST(note.undo());
    BOOST_TEST(note.is_dirty());
    BOOST_TEST(!note.draft().pain_before.has_value());
    const gui::NoteDraft stored = p.open().draft();
    BOOST_TEST(stored.pain_before == std::optional<int>(5), "nothing stored changed");
    BOOST_TEST(stored.subjective == "Saved words.");

    BOOST_TEST(note.redo());
    BOOST_TEST(!note.is_dirty(), "redo comes back to exactly what is stored");
    BOOST_TEST(note.undo());
    note.save_draft(); // saving the undone draft is a deliberate second step
    BOOST_TEST(!p.open().draft().pain_before.has_value());
}

BOOST_AUTO_TEST_CASE(a_signed_note_has_nothing_to_undo) {
    Practice p;
    auto note = p.open();
    note.set_text(SoapField::subjective, "Reports pain eased.");
    BOOST_TEST(note.can_undo());
    note.sign("Mara Lindqvist");
    BOOST_TEST(!note.can_undo());
    BOOST_TEST(!note.undo());
    BOOST_TEST(!note.redo());
    BOOST_TEST(note.undo_label().empty());
    BOOST_TEST(note.draft().subjective == "Reports pain eased.");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(session_note_presenter_timing)

BOOST_AUTO_TEST_CASE(a_note_cannot_be_signed_before_its_session_starts) {
    Practice p;
    p.clock_now = DateTime(Date(2026, 6, 2), boost::posix_time::hours(8) + boost::posix_time::minutes(30));
    auto note = p.open();
    note.set_text(SoapField::subjective, "Written ahead of the session.");
    const auto problem = note.sign_problem();
    BOOST_TEST_REQUIRE(problem.has_value());
    BOOST_TEST(problem->find("has not started yet") != std::string::npos);
    BOOST_TEST(problem->find("2026-06-02 09:00") != std::string::npos);
    p.clock_now = DateTime(Date(2026, 6, 2), boost::posix_time::hours(10));
    auto after = p.open();
    after.set_text(SoapField::subjective, "Written after the session.");
    BOOST_TEST(!after.sign_problem().has_value());
}

BOOST_AUTO_TEST_SUITE_END()
