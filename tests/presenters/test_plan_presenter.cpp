// The plan presenter (workflow 3): the advisor's techniques with their reasons, defaults from the
// assessment, the dated preview over the practice calendar and the booked schedule, and saving
// the plan with its appointments, refused while red flags stand, and undo and redo.
#include "plan/plan_presenter.h"

#include "common/error.h"
#include "database.h"
#include "repositories/assessment_repository.h"
#include "repositories/client_repository.h"
#include "repositories/plan_repository.h"
#include "repositories/practice_repository.h"
#include "repositories/session_repository.h"

#include "domain_printers.h"
#include "fake_edit_clock.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <set>

using namespace knotwork;
using gui::PlanPage;
using gui::PlanPresenter;
using gui::test::FakeEditClock;
using gui::test::keystroke;
using gui::test::long_pause;

namespace knotwork::gui {
std::ostream& operator<<(std::ostream& os, PlanPage page) {
    return os << "plan page #" << static_cast<int>(page);
}
} // namespace knotwork::gui

namespace {

const Date today(2026, 11, 28); // a Saturday; the practice is closed on Sundays

DateTime at(Date day, int hour, int minute = 0) {
    return DateTime(day, boost::posix_time::hours(hour) + boost::posix_time::minutes(minute));
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

struct Practice {
    std::unique_ptr<db::Database> db = db::Database::open(":memory:", {.create_if_missing = true, .actor = "test"});

    Practice() {
        PracticeProfile profile;
        profile.practice_name = "Knotwork Clinic";
        profile.therapist_name = "Kim Lee";
        profile.default_session_minutes = 45;
        profile.closed_weekdays = {boost::date_time::Sunday};
        profile.holidays[Date(2026, 12, 14)] = "Staff training";
        db::Transaction tx(*db);
        db::PracticeRepository(*db).save(profile);
        tx.commit();
    }

    // A desk worker on anticoagulants with diabetic neuropathy: no deep pressure, no heat.
    ClientId add_client(const std::string& family = "Okafor", const std::string& given = "Ngozi") {
        ClientDetails d;
        d.family_name = family;
        d.given_name = given;
        d.occupation = "Accountant";
        d.activity = ActivityLevel::desk_work;
        d.conditions = {HealthCondition::diabetes, HealthCondition::diabetic_neuropathy};
        d.medications = {{MedicationClass::anticoagulant, "Warfarin 5 mg"}};
        Client c(d, today);
        db::Transaction tx(*db);
        const ClientId id = db::ClientRepository(*db).add(c);
        tx.commit();
        return id;
    }

    AssessmentId assess(ClientId client, std::set<RedFlag> red_flags = {}) {
        AssessmentDetails d;
        d.assessed_on = Date(2026, 11, 20);
        d.therapist = "Kim Lee";
        d.chief_complaint = "Low back pain after long days at the desk";
        d.duration_weeks = 16;
        d.pain_now = PainScore(6);
        d.pain_best = PainScore(2);
        d.pain_worst = PainScore(8);
        d.pain_map = {{BodyRegion::lumbar_spine, Side::midline, PainScore(6), PainQuality::aching},
                      {BodyRegion::piriformis, Side::left, PainScore(5), PainQuality::aching},
                      {BodyRegion::piriformis, Side::right, PainScore(4), PainQuality::aching}};
        d.aggravating_factors = "Sitting at the computer";
        d.posture = "Rounded shoulders, forward head";
        d.palpation = {{BodyRegion::quadratus_lumborum, Side::left, 2, 2, 2, false, ""}};
        std::array<std::optional<int>, odi_section_count> odi;
        odi.fill(2); // 40%
        d.odi = OdiResponses(odi);
        d.psfs = PsfsResponses({{"Lifting my daughter", 3}, {"Sitting through a film", 4}, {"Gardening", 8}});
        d.red_flags.positive = std::move(red_flags);
        Assessment a(client, d, today);
        db::Transaction tx(*db);
        const AssessmentId id = db::AssessmentRepository(*db).add(a);
        tx.commit();
        return id;
    }

    void book(ClientId client, DateTime start, const std::string& therapist,
              AppointmentStatus status = AppointmentStatus::scheduled) {
        Session s(client, start, start + boost::posix_time::minutes(60), therapist);
        if (status == AppointmentStatus::cancelled) s.cancel("Client ill");
        db::Transaction tx(*db);
        db::SessionRepository(*db).add(s);
        tx.commit();
    }
};

std::size_t row_of(const PlanPresenter& p, const std::string& code) {
    const auto& t = p.techniques();
    const auto it = std::find_if(t.begin(), t.end(), [&](const gui::TechniqueChoice& c) { return c.advice.code == code; });
    BOOST_TEST_REQUIRE((it != t.end()), "no technique " << code);
    return static_cast<std::size_t>(it - t.begin());
}

const gui::HomeCareChoice& home_care(const PlanPresenter& p, HomeCareKind kind) {
    for (const auto& h : p.home_care())
        if (h.kind == kind) return h;
    BOOST_FAIL("home care kind not offered");
    throw std::logic_error("unreachable");
}

} // namespace

BOOST_AUTO_TEST_SUITE(plan_presenter)

BOOST_AUTO_TEST_CASE(loads_the_advice_with_its_reasons_and_accepts_the_recommended) {
    Practice p;
    const ClientId client = p.add_client();
    p.assess(client);
    PlanPresenter plan(*p.db, client, today);

    BOOST_TEST(plan.blocker() == "");
    BOOST_TEST(plan.techniques().size() == standard_catalogue().size());
    BOOST_TEST(contains(plan.assessment_summary(), "Assessment of 2026-11-20"));
    BOOST_TEST(contains(plan.assessment_summary(), "ODI 40%"));

    // Posture-related pain from desk work: myofascial release is recommended, with the reason.
    const auto& mfr = plan.techniques()[row_of(plan, "myofascial_release")];
    BOOST_TEST(mfr.advice.suitability == Suitability::recommended);
    BOOST_TEST(mfr.accepted);
    BOOST_TEST_REQUIRE(!mfr.advice.reasons_for.empty());
    BOOST_TEST(contains(mfr.advice.reasons_for.front(), "Posture-related pain"));
    BOOST_TEST(contains(mfr.rationale, "Posture-related pain"));
    BOOST_TEST(mfr.rationale == PlanPresenter::default_rationale(mfr.advice, mfr.purpose));

    // Trigger points on palpation: trigger point therapy, held back by the anticoagulant.
    const auto& tp = plan.techniques()[row_of(plan, "trigger_point")];
    BOOST_TEST(tp.advice.suitability == Suitability::use_with_caution);
    BOOST_TEST(!tp.accepted);
    BOOST_TEST(contains(tp.rationale, "Trigger points found on palpation"));
    BOOST_TEST(contains(tp.rationale, "Caution: "));

    // The cautions strip names both.
    const auto lines = plan.caution_lines();
    BOOST_TEST(std::any_of(lines.begin(), lines.end(), [](const std::string& l) {
        return contains(l, "anticoagulants") && contains(l, ": no deep pressure (6 at most)");
    }));
    BOOST_TEST(lines.size() <= plan.cautions().size());
    BOOST_TEST(plan.caution_details().size() == plan.cautions().size());
    BOOST_TEST(!heat_allowed(plan.cautions()));
}

BOOST_AUTO_TEST_CASE(an_excluded_technique_cannot_be_accepted) {
    Practice p;
    const ClientId client = p.add_client();
    p.assess(client);
    PlanPresenter plan(*p.db, client, today);

    for (const char* code : {"deep_tissue", "hot_stone"}) {
        BOOST_TEST_CONTEXT(code) {
            const std::size_t row = row_of(plan, code);
            const auto& t = plan.techniques()[row];
            BOOST_TEST(t.advice.suitability == Suitability::excluded);
            BOOST_TEST(!t.can_accept());
            BOOST_TEST(!t.advice.reasons_against.empty());
            KNOTWORK_CHECK_REFUSED(plan.set_accepted(row, true), t.advice.name);
            BOOST_TEST(!plan.techniques()[row].accepted);
            plan.set_accepted(row, false); // declining is always allowed
        }
    }
    const auto& deep = plan.techniques()[row_of(plan, "deep_tissue")];
    BOOST_TEST(contains(deep.advice.reasons_against.front(), "anticoagulants"));
    // Excluded techniques rank last.
    BOOST_TEST(plan.techniques().back().advice.suitability == Suitability::excluded);
    // An accepted one can be declined and accepted again.
    const std::size_t swedish = row_of(plan, "swedish");
    plan.set_accepted(swedish, true);
    BOOST_TEST(plan.techniques()[swedish].accepted);
}

BOOST_AUTO_TEST_CASE(defaults_come_from_the_assessment_and_the_practice) {
    Practice p;
    const ClientId client = p.add_client();
    const AssessmentId assessment = p.assess(client);
    PlanPresenter plan(*p.db, client, today);

    const auto& goals = plan.goals();
    BOOST_TEST_REQUIRE(goals.size() == 5u);
    BOOST_TEST(goals[0].measure == GoalMeasure::pain);
    BOOST_TEST(goals[0].baseline == 6.0);
    BOOST_TEST(goals[0].target == 3.0);
    BOOST_TEST(goals[0].description == "Pain down to 3/10 (now 6/10)");
    BOOST_TEST(goals[1].measure == GoalMeasure::odi);
    BOOST_TEST(goals[1].baseline == 40.0);
    BOOST_TEST(goals[1].target == 25.0);
    BOOST_TEST(goals[2].measure == GoalMeasure::activity);
    BOOST_TEST(goals[2].description == "Lifting my daughter");
    BOOST_TEST(goals[2].baseline == 3.0);
    BOOST_TEST(goals[2].target == 6.0);
    BOOST_TEST(goals[4].description == "Gardening");
    BOOST_TEST(goals[4].target == 10.0); // capped at the top of the scale

    // Regions from the pain map; left and right piriformis become both sides.
    BOOST_TEST(plan.regions().size() == 2u);
    BOOST_TEST(plan.region_side(BodyRegion::lumbar_spine) == Side::midline);
    BOOST_TEST(plan.region_side(BodyRegion::piriformis) == Side::bilateral);
    BOOST_TEST(!plan.region_side(BodyRegion::hamstrings).has_value());

    // The series: six weekly sessions of the practice's length with its therapist, from the next
    // open day (Sunday is closed, so Monday).
    const SeriesSpec& s = plan.series();
    BOOST_TEST(s.session_count == 6);
    BOOST_TEST(s.frequency == Frequency::weekly);
    BOOST_TEST(s.session_minutes == 45);
    BOOST_TEST(s.therapist == "Kim Lee");
    BOOST_TEST(s.start_date == Date(2026, 11, 30));
    BOOST_TEST(to_hhmm(s.start_time) == "09:00");

    // Re-assess half-way, following the count until the therapist sets it.
    BOOST_TEST(plan.reassess_after() == 3);
    SeriesSpec longer = s;
    longer.session_count = 9;
    plan.set_series(longer);
    BOOST_TEST(plan.reassess_after() == 5);
    plan.set_reassess_after(2);
    longer.session_count = 4;
    plan.set_series(longer);
    BOOST_TEST(plan.reassess_after() == 2);

    // Home care: heat is barred by diabetic neuropathy; self-massage waits while pressure is limited.
    const auto& heat = home_care(plan, HomeCareKind::heat);
    BOOST_TEST(!heat.chosen);
    BOOST_TEST(contains(heat.blocked, "Not advised"));
    KNOTWORK_CHECK_REFUSED(plan.set_home_care(HomeCareKind::heat, true), "home care (Heat)");
    BOOST_TEST(home_care(plan, HomeCareKind::stretching).chosen);
    BOOST_TEST(home_care(plan, HomeCareKind::stretching).instructions ==
               std::string(home_care_template(HomeCareKind::stretching)));
    BOOST_TEST(home_care(plan, HomeCareKind::pain_journal).chosen);
    BOOST_TEST(!home_care(plan, HomeCareKind::self_massage).chosen);

    const PlanDetails d = plan.details();
    BOOST_TEST(d.based_on_assessment == assessment);
    BOOST_TEST(d.created_on == today);
}

BOOST_AUTO_TEST_CASE(preview_skips_a_holiday_and_flags_a_clash) {
    Practice p;
    const ClientId client = p.add_client();
    const ClientId other = p.add_client("Silva", "Ana");
    p.assess(client);
    // Ana is booked with Kim during session 2; a cancelled booking during session 4 frees its time;
    // Ravi's client during session 5 is no clash for Kim.
    p.book(other, at(Date(2026, 12, 7), 9, 30), "Kim Lee");
    p.book(other, at(Date(2026, 12, 21), 9), "Kim Lee", AppointmentStatus::cancelled);
    p.book(other, at(Date(2026, 12, 28), 9), "Ravi");
    PlanPresenter plan(*p.db, client, today);

    const auto lines = plan.preview();
    BOOST_TEST_REQUIRE(lines.size() == 6u);
    BOOST_TEST(lines[0].text == "1 of 6 — Mon 2026-11-30 09:00");
    BOOST_TEST(!lines[0].moved);
    BOOST_TEST(!lines[0].clash);

    BOOST_TEST(lines[1].clash);
    BOOST_TEST_REQUIRE(lines[1].remarks.size() == 1u);
    BOOST_TEST(contains(lines[1].remarks[0], "Clashes with Ana Silva"));

    // 14 December is a holiday: session 3 moves to the Tuesday.
    BOOST_TEST(lines[2].moved);
    BOOST_TEST(lines[2].text == "3 of 6 — Tue 2026-12-15 09:00");
    BOOST_TEST_REQUIRE(!lines[2].remarks.empty());
    BOOST_TEST(lines[2].remarks[0] == "Moved from Mon 2026-12-14: holiday (Staff training)");
    BOOST_TEST(lines[2].reassess); // re-assess after session 3 of 6

    BOOST_TEST(!lines[3].clash);
    BOOST_TEST(!lines[4].clash);
    BOOST_TEST(lines[5].text == "6 of 6 — Mon 2027-01-04 09:00");

    // A start outside opening hours is refused, naming the field.
    SeriesSpec late = plan.series();
    late.start_time = boost::posix_time::hours(19) + boost::posix_time::minutes(30);
    plan.set_series(late);
    KNOTWORK_CHECK_REFUSED(plan.preview(), "series start time");
}

BOOST_AUTO_TEST_CASE(save_stores_the_plan_and_its_appointments) {
    Practice p;
    const ClientId client = p.add_client();
    const AssessmentId assessment = p.assess(client);
    PlanPresenter plan(*p.db, client, today);
    const std::size_t tp = row_of(plan, "trigger_point");
    plan.set_accepted(tp, true);
    plan.set_rationale(tp, "Trigger points in the left quadratus lumborum; pressure 6 at most.");
    plan.set_region(BodyRegion::quadratus_lumborum, Side::left);
    plan.set_notes("Review posture at work.");
    const auto preview = plan.preview();

    const PlanId id = plan.save();
    BOOST_TEST(id > 0);
    BOOST_TEST(plan.saved_plan() == id);

    const TreatmentPlan stored = db::PlanRepository(*p.db).get(id);
    BOOST_TEST(stored.status() == PlanStatus::active);
    BOOST_TEST(stored.client_id() == client);
    BOOST_TEST(stored.details().based_on_assessment == assessment);
    BOOST_TEST(stored.uses_technique("myofascial_release"));
    BOOST_TEST(stored.uses_technique("trigger_point"));
    BOOST_TEST(!stored.uses_technique("deep_tissue"));
    BOOST_TEST(stored.details().goals.size() == 5u);
    BOOST_TEST(stored.details().regions.size() == 3u);
    BOOST_TEST(stored.details().reassess_after_sessions == 3);
    BOOST_TEST(stored.details().notes == "Review posture at work.");
    const auto& care = stored.details().home_care;
    BOOST_TEST(std::none_of(care.begin(), care.end(), [](const HomeCareItem& h) { return h.kind == HomeCareKind::heat; }));

    const auto sessions = db::SessionRepository(*p.db).for_plan(id);
    BOOST_TEST_REQUIRE(sessions.size() == 6u);
    for (std::size_t i = 0; i < sessions.size(); ++i) {
        BOOST_TEST_CONTEXT("session " << i + 1) {
            BOOST_TEST(sessions[i].series()->number == static_cast<int>(i) + 1);
            BOOST_TEST(sessions[i].series()->of == 6);
            BOOST_TEST(sessions[i].starts_at() == preview[i].appointment.start);
            BOOST_TEST(sessions[i].minutes() == 45);
            BOOST_TEST(sessions[i].therapist() == "Kim Lee");
        }
    }
    // The new appointments are busy time for the next plan.
    PlanPresenter next(*p.db, client, today);
    BOOST_TEST(next.preview()[0].clash);
}

BOOST_AUTO_TEST_CASE(save_names_the_field_that_is_missing) {
    Practice p;
    const ClientId client = p.add_client();
    p.assess(client);
    PlanPresenter plan(*p.db, client, today);
    const std::size_t mfr = row_of(plan, "myofascial_release");

    plan.set_rationale(mfr, "  ");
    KNOTWORK_CHECK_REFUSED(plan.save(), "reason for Myofascial release");
    plan.set_accepted(mfr, false);
    KNOTWORK_CHECK_REFUSED(plan.save(), "techniques");
    plan.set_accepted(mfr, true);
    plan.set_rationale(mfr, "Posture-related pain from desk work.");
    plan.set_home_care_text(HomeCareKind::stretching, "");
    KNOTWORK_CHECK_REFUSED(plan.save(), "home care (Stretching)");
    plan.set_home_care(HomeCareKind::stretching, false);
    plan.add_goal(Goal{"", GoalMeasure::activity, std::nullopt, std::nullopt});
    KNOTWORK_CHECK_REFUSED(plan.save(), "goal 6");
    plan.remove_goal(5);
    SeriesSpec none = plan.series();
    none.session_count = 0;
    plan.set_series(none);
    KNOTWORK_CHECK_REFUSED(plan.save(), "number of sessions");
    BOOST_TEST(db::PlanRepository(*p.db).for_client(client).empty());
}

BOOST_AUTO_TEST_CASE(red_flags_block_saving) {
    Practice p;
    const ClientId client = p.add_client();
    p.assess(client, {RedFlag::unexplained_weight_loss});
    PlanPresenter plan(*p.db, client, today);

    BOOST_TEST(plan.red_flags_stop());
    BOOST_TEST(contains(plan.blocker(), "refer first"));
    for (const auto& t : plan.techniques()) {
        BOOST_TEST(!t.can_accept());
        BOOST_TEST(!t.accepted);
    }
    BOOST_CHECK_EXCEPTION(plan.save(), ValidationError, [](const ValidationError& e) {
        return e.field() == "red-flag screen" && contains(e.problem(), "refer first");
    });
    BOOST_TEST(db::PlanRepository(*p.db).for_client(client).empty());
    BOOST_TEST(db::SessionRepository(*p.db).for_client(client).empty());
}

BOOST_AUTO_TEST_CASE(without_an_assessment_there_is_nothing_to_plan_from) {
    Practice p;
    const ClientId client = p.add_client();
    PlanPresenter plan(*p.db, client, today);
    BOOST_TEST(!plan.assessment().has_value());
    BOOST_TEST(contains(plan.blocker(), "no assessment yet"));
    BOOST_TEST(plan.techniques().empty());
    BOOST_TEST(plan.goals().empty());
    KNOTWORK_CHECK_REFUSED(plan.save(), "assessment");
    BOOST_TEST(db::PlanRepository(*p.db).for_client(client).empty());
    BOOST_CHECK_THROW(PlanPresenter(*p.db, client + 100, today), NotFoundError);
}

BOOST_AUTO_TEST_CASE(region_groups_hold_every_region_once) {
    std::multiset<BodyRegion> seen;
    for (const auto& g : PlanPresenter::region_groups()) {
        BOOST_TEST(!g.name.empty());
        seen.insert(g.regions.begin(), g.regions.end());
    }
    for (const auto& e : enum_entries<BodyRegion>())
        BOOST_TEST_CONTEXT(e.code) { BOOST_TEST(seen.count(e.value) == 1u); }
    BOOST_TEST(seen.size() == enum_entries<BodyRegion>().size());
    BOOST_TEST(PlanPresenter::default_side(BodyRegion::lumbar_spine) == Side::midline);
    BOOST_TEST(PlanPresenter::default_side(BodyRegion::piriformis) == Side::bilateral);
    BOOST_TEST(PlanPresenter::default_side(BodyRegion::sacroiliac_joint) == Side::bilateral);
    BOOST_TEST(!PlanPresenter::has_sides(BodyRegion::coccyx));
}

BOOST_AUTO_TEST_CASE(undo_takes_back_techniques_goals_regions_and_the_series) {
    Practice practice;
    const ClientId client = practice.add_client();
    practice.assess(client);
    PlanPresenter plan(*practice.db, client, today);
    FakeEditClock time;
    plan.set_edit_clock(time.clock());
    BOOST_TEST(!plan.can_undo(), "the defaults are where the therapist starts");
    BOOST_TEST(!plan.is_modified());

    // A technique the advisor did not accept, and one it did.
    std::size_t extra = plan.techniques().size(), accepted = plan.techniques().size();
    for (std::size_t i = 0; i < plan.techniques().size(); ++i) {
        const auto& t = plan.techniques()[i];
        if (t.can_accept() && !t.accepted && extra == plan.techniques().size()) extra = i;
        if (t.accepted && accepted == plan.techniques().size()) accepted = i;
    }
    BOOST_TEST_REQUIRE(extra < plan.techniques().size());
    BOOST_TEST_REQUIRE(accepted < plan.techniques().size());
    const std::string extra_name = plan.techniques()[extra].advice.name;
    const std::string reason = plan.techniques()[extra].rationale;
    const auto goals = plan.goals();
    const auto series = plan.series();

    plan.set_accepted(extra, true);
    for (const char* typed : {"F", "For", "For the hip"}) { // typing the reason: one step
        plan.set_rationale(extra, typed);
        time.advance(keystroke);
    }
    plan.set_accepted(accepted, false);
    plan.add_goal(Goal{"Walk the dog for 30 minutes", GoalMeasure::activity, 3.0, 8.0});
    plan.remove_goal(0);
    plan.set_region(BodyRegion::hamstrings, Side::left);
    time.advance(long_pause);
    SeriesSpec longer = plan.series();
    for (int count : {7, 8, 9, 10}) { // spinning the count: one step
        longer.session_count = count;
        plan.set_series(longer);
        time.advance(keystroke);
    }
    plan.set_reassess_after(8);
    BOOST_TEST(plan.is_modified());

    struct Expected {
        std::string label;
        PlanPage page;
    };
    const std::vector<Expected> steps{
        {"Re-assessment", PlanPage::series},
        {"Number of sessions", PlanPage::series},
        {"Target region Hamstrings", PlanPage::goals},
        {"Goal 1 removed", PlanPage::goals},
        {"Goal " + std::to_string(goals.size() + 1) + " added", PlanPage::goals},
        {"Not using " + plan.techniques()[accepted].advice.name, PlanPage::techniques},
        {"Reason for " + extra_name, PlanPage::techniques},
        {"Using " + extra_name, PlanPage::techniques},
    };
    for (const Expected& e : steps) {
        BOOST_TEST_CONTEXT("undoing " << e.label) {
            BOOST_TEST(plan.undo_label() == e.label);
            BOOST_TEST(plan.undo() == std::optional<PlanPage>(e.page));
        }
    }
    BOOST_TEST(!plan.can_undo());
    BOOST_TEST(!plan.is_modified());
    BOOST_TEST(!plan.techniques()[extra].accepted);
    BOOST_TEST(plan.techniques()[extra].rationale == reason);
    BOOST_TEST(plan.techniques()[accepted].accepted);
    BOOST_TEST((plan.goals() == goals));
    BOOST_TEST(!plan.region_side(BodyRegion::hamstrings).has_value());
    BOOST_TEST((plan.series() == series));
    BOOST_TEST(plan.reassess_after() == std::optional<int>(3), "the point follows the count again");

    BOOST_TEST(plan.redo() == std::optional<PlanPage>(PlanPage::techniques));
    BOOST_TEST(plan.techniques()[extra].accepted);
    plan.set_notes("Review at session 3.");
    BOOST_TEST(!plan.can_redo(), "a new edit clears redo");
}

BOOST_AUTO_TEST_CASE(a_shorter_series_pulls_the_reassessment_in_and_undo_puts_it_back) {
    Practice practice;
    const ClientId client = practice.add_client();
    practice.assess(client);
    PlanPresenter plan(*practice.db, client, today);
    plan.set_reassess_after(5);
    SeriesSpec shorter = plan.series();
    shorter.session_count = 4;
    plan.set_series(shorter);
    BOOST_TEST(plan.reassess_after() == std::optional<int>(4));
    BOOST_TEST(plan.undo() == std::optional<PlanPage>(PlanPage::series));
    BOOST_TEST(plan.series().session_count == 6);
    BOOST_TEST(plan.reassess_after() == std::optional<int>(5));
}

// Decided: a save keeps the history. Undo after a save changes only the plan being edited
// (is_modified() is true again); the stored plan and its appointments stay as saved.
BOOST_AUTO_TEST_CASE(undo_after_a_save_leaves_the_stored_plan_alone) {
    Practice practice;
    const ClientId client = practice.add_client();
    practice.assess(client);
    PlanPresenter plan(*practice.db, client, today);
    plan.set_notes("Review at session 3.");
    const PlanId id = plan.save();
    BOOST_TEST(!plan.is_modified());
    BOOST_TEST(plan.undo() == std::optional<PlanPage>(PlanPage::home_care));
    BOOST_TEST(plan.notes() == "");
    BOOST_TEST(plan.is_modified());
    const auto stored = db::PlanRepository(*practice.db).for_client(client);
    BOOST_TEST_REQUIRE(stored.size() == 1u);
    BOOST_TEST(stored.front().id() == id);
    BOOST_TEST(stored.front().details().notes == "Review at session 3.");
}

BOOST_AUTO_TEST_SUITE_END()
