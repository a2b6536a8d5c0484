// Pins domain/plan: what a TreatmentPlan refuses (naming the field), the boundaries it accepts,
// its status transitions and the home-care templates.
#include "plan/treatment_plan.h"

#include "common/error.h"

#include "domain_printers.h"

#include <boost/test/unit_test.hpp>

#include <functional>
#include <string>
#include <vector>

namespace knotwork::test {

namespace {

namespace bpt = boost::posix_time;
constexpr ClientId client = 7;

PlanDetails valid_details() {
    PlanDetails d;
    d.created_on = Date(2026, 2, 27);
    d.based_on_assessment = 3;
    d.goals = {{"Pain at most 3 most days", GoalMeasure::pain, 6.0, 3.0},
               {"ODI under 20%", GoalMeasure::odi, 38.0, 20.0},
               {"Garden for an hour", GoalMeasure::activity, std::nullopt, std::nullopt}};
    d.techniques = {{"myofascial_release", "Restricted thoracolumbar fascia on palpation"},
                    {"trigger_point_therapy", "Active trigger points in left quadratus lumborum"}};
    d.regions = {{BodyRegion::quadratus_lumborum, Side::left}, {BodyRegion::erector_spinae_lumbar, Side::bilateral}};
    d.series.session_count = 6;
    d.series.frequency = Frequency::weekly;
    d.series.session_minutes = 60;
    d.series.start_date = Date(2026, 3, 3);
    d.series.start_time = bpt::hours(10);
    d.series.therapist = "Sam Reyes";
    d.reassess_after_sessions = 3;
    d.home_care = {{HomeCareKind::stretching, std::string(home_care_template(HomeCareKind::stretching))}};
    return d;
}

struct Refusal {
    const char* what;
    std::function<void(PlanDetails&)> change;
    const char* field;
};

} // namespace

BOOST_AUTO_TEST_SUITE(TreatmentPlan)
using knotwork::TreatmentPlan;

BOOST_AUTO_TEST_CASE(a_new_plan_is_a_draft_holding_its_details) {
    const TreatmentPlan p(client, valid_details());
    BOOST_TEST(p.status() == PlanStatus::draft);
    BOOST_TEST(p.client_id() == client);
    BOOST_TEST((p.details() == valid_details()));
    BOOST_TEST(p.status_reason() == "");
}

BOOST_AUTO_TEST_CASE(refuses_invalid_details_naming_the_field) {
    const std::vector<Refusal> rows{
        {"0 sessions", [](PlanDetails& d) { d.series.session_count = 0; }, "number of sessions"},
        {"53 sessions", [](PlanDetails& d) { d.series.session_count = 53; }, "number of sessions"},
        {"negative sessions", [](PlanDetails& d) { d.series.session_count = -6; }, "number of sessions"},
        {"10-minute sessions", [](PlanDetails& d) { d.series.session_minutes = 10; }, "session length"},
        {"14-minute sessions", [](PlanDetails& d) { d.series.session_minutes = 14; }, "session length"},
        {"181-minute sessions", [](PlanDetails& d) { d.series.session_minutes = 181; }, "session length"},
        {"every 0 days",
         [](PlanDetails& d) {
             d.series.frequency = Frequency::every_n_days;
             d.series.interval_days = 0;
         },
         "interval"},
        {"every 61 days",
         [](PlanDetails& d) {
             d.series.frequency = Frequency::every_n_days;
             d.series.interval_days = 61;
         },
         "interval"},
        {"no start date", [](PlanDetails& d) { d.series.start_date = Date(); }, "series start"},
        {"start time 24:00", [](PlanDetails& d) { d.series.start_time = bpt::hours(24); }, "series start time"},
        {"negative start time", [](PlanDetails& d) { d.series.start_time = bpt::minutes(-30); },
         "series start time"},
        {"no plan date", [](PlanDetails& d) { d.created_on = Date(); }, "plan date"},
        {"therapist with invalid UTF-8", [](PlanDetails& d) { d.series.therapist = "\xC3"; }, "therapist"},
        {"re-assessment after session 7 of 6", [](PlanDetails& d) { d.reassess_after_sessions = 7; },
         "re-assessment point"},
        {"re-assessment after session 0", [](PlanDetails& d) { d.reassess_after_sessions = 0; },
         "re-assessment point"},
        {"pain goal target 11", [](PlanDetails& d) { d.goals[0].target = 11.0; }, "goal 1 target"},
        {"pain goal target -1", [](PlanDetails& d) { d.goals[0].target = -1.0; }, "goal 1 target"},
        {"pain goal baseline 12", [](PlanDetails& d) { d.goals[0].baseline = 12.0; }, "goal 1 baseline"},
        {"ODI goal target 101", [](PlanDetails& d) { d.goals[1].target = 101.0; }, "goal 2 target"},
        {"RMDQ goal target 25",
         [](PlanDetails& d) { d.goals.push_back({"RMDQ under 5", GoalMeasure::rmdq, std::nullopt, 25.0}); },
         "goal 4 target"},
        {"PSFS goal target 10.5",
         [](PlanDetails& d) { d.goals.push_back({"PSFS 8", GoalMeasure::psfs, std::nullopt, 10.5}); },
         "goal 4 target"},
        {"numeric goal without target", [](PlanDetails& d) { d.goals[1].target.reset(); }, "goal 2"},
        {"goal without description", [](PlanDetails& d) { d.goals[2].description = "  "; }, "goal 3"},
        {"technique chosen twice",
         [](PlanDetails& d) { d.techniques.push_back({"myofascial_release", "Again"}); }, "technique 3"},
        {"technique chosen twice, once with spaces",
         [](PlanDetails& d) { d.techniques[1] = {" myofascial_release ", "Fascia again"}; }, "technique 2"},
        {"technique without rationale", [](PlanDetails& d) { d.techniques[0].rationale = ""; },
         "technique 1 rationale"},
        {"technique with blank rationale", [](PlanDetails& d) { d.techniques[1].rationale = " \n"; },
         "technique 2 rationale"},
        {"technique without a name", [](PlanDetails& d) { d.techniques[0].technique = ""; }, "technique 1"},
        {"region listed twice",
         [](PlanDetails& d) { d.regions.push_back({BodyRegion::quadratus_lumborum, Side::left}); },
         "target regions"},
        {"home care with NUL",
         [](PlanDetails& d) { d.home_care.push_back({HomeCareKind::other, std::string("a\0", 2)}); },
         "home care"},
        {"notes past the long limit", [](PlanDetails& d) { d.notes = std::string(200'001, 'x'); }, "plan notes"},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT(row.what) {
            PlanDetails d = valid_details();
            row.change(d);
            KNOTWORK_CHECK_REFUSED(knotwork::TreatmentPlan(client, d), row.field);
        }
    }
}

BOOST_AUTO_TEST_CASE(accepts_the_boundaries) {
    const std::vector<std::pair<const char*, std::function<void(PlanDetails&)>>> rows{
        {"1 session", [](PlanDetails& d) {
             d.series.session_count = 1;
             d.reassess_after_sessions = 1;
         }},
        {"52 sessions", [](PlanDetails& d) { d.series.session_count = 52; }},
        {"15-minute sessions", [](PlanDetails& d) { d.series.session_minutes = 15; }},
        {"180-minute sessions", [](PlanDetails& d) { d.series.session_minutes = 180; }},
        {"every day", [](PlanDetails& d) {
             d.series.frequency = Frequency::every_n_days;
             d.series.interval_days = 1;
         }},
        {"every 60 days", [](PlanDetails& d) {
             d.series.frequency = Frequency::every_n_days;
             d.series.interval_days = 60;
         }},
        {"twice weekly", [](PlanDetails& d) { d.series.frequency = Frequency::twice_weekly; }},
        {"re-assess after the last session", [](PlanDetails& d) { d.reassess_after_sessions = 6; }},
        {"no re-assessment point", [](PlanDetails& d) { d.reassess_after_sessions.reset(); }},
        {"pain target 0", [](PlanDetails& d) { d.goals[0].target = 0.0; }},
        {"pain target 10", [](PlanDetails& d) { d.goals[0].target = 10.0; }},
        {"ODI target 100", [](PlanDetails& d) { d.goals[1].target = 100.0; }},
        {"RMDQ target 24", [](PlanDetails& d) {
             d.goals.push_back({"RMDQ", GoalMeasure::rmdq, 24.0, 24.0});
         }},
        {"start 23:59", [](PlanDetails& d) { d.series.start_time = bpt::hours(23) + bpt::minutes(59); }},
        {"no goals, techniques or regions", [](PlanDetails& d) {
             d.goals.clear();
             d.techniques.clear();
             d.regions.clear();
         }},
        {"same region on the other side", [](PlanDetails& d) {
             d.regions.push_back({BodyRegion::quadratus_lumborum, Side::right});
         }},
    };
    for (const auto& [what, change] : rows) {
        BOOST_TEST_CONTEXT(what) {
            PlanDetails d = valid_details();
            change(d);
            BOOST_CHECK_NO_THROW(knotwork::TreatmentPlan(client, d));
        }
    }
}

BOOST_AUTO_TEST_CASE(text_is_trimmed_and_weekly_means_seven_days) {
    PlanDetails d = valid_details();
    d.series.interval_days = 3; // ignored for a weekly series
    d.goals[0].description = "  Pain at most 3 ";
    d.techniques[0] = {" myofascial_release\t", "  Fascial restriction "};
    const TreatmentPlan p(client, d);
    BOOST_TEST(p.details().series.interval_days == 7);
    BOOST_TEST(p.details().goals[0].description == "Pain at most 3");
    BOOST_TEST(p.details().techniques[0].technique == "myofascial_release");
    BOOST_TEST(p.details().techniques[0].rationale == "Fascial restriction");
    BOOST_TEST(p.uses_technique("myofascial_release"));
    BOOST_TEST(p.uses_technique("trigger_point_therapy"));
    BOOST_TEST(!p.uses_technique("hot_stone"));
}

BOOST_AUTO_TEST_CASE(every_n_days_keeps_its_interval) {
    PlanDetails d = valid_details();
    d.series.frequency = Frequency::every_n_days;
    d.series.interval_days = 10;
    BOOST_TEST(TreatmentPlan(client, d).details().series.interval_days == 10);
}

BOOST_AUTO_TEST_CASE(goal_target_message_names_the_scale) {
    PlanDetails d = valid_details();
    d.goals[0].target = 11.0;
    try {
        TreatmentPlan p(client, d);
        BOOST_ERROR("a pain target of 11 was accepted");
    } catch (const ValidationError& e) {
        BOOST_TEST(e.problem() == "must lie on the Pain score scale (0 to 10)");
    }
}

BOOST_AUTO_TEST_CASE(status_moves_draft_active_completed) {
    TreatmentPlan p(client, valid_details());
    p.activate();
    BOOST_TEST(p.status() == PlanStatus::active);
    p.complete();
    BOOST_TEST(p.status() == PlanStatus::completed);
}

BOOST_AUTO_TEST_CASE(refused_transitions_throw_locked_record_error) {
    struct Row {
        const char* what;
        std::function<void(TreatmentPlan&)> setup;
        std::function<void(TreatmentPlan&)> action;
        PlanStatus status_after;
    };
    const auto none = [](TreatmentPlan&) {};
    const auto activate = [](TreatmentPlan& p) { p.activate(); };
    const auto complete = [](TreatmentPlan& p) {
        p.activate();
        p.complete();
    };
    const auto discontinue = [](TreatmentPlan& p) { p.discontinue("Moved away"); };
    const std::vector<Row> rows{
        {"activate twice", activate, [](TreatmentPlan& p) { p.activate(); }, PlanStatus::active},
        {"complete a draft", none, [](TreatmentPlan& p) { p.complete(); }, PlanStatus::draft},
        {"complete twice", complete, [](TreatmentPlan& p) { p.complete(); }, PlanStatus::completed},
        {"activate a completed plan", complete, [](TreatmentPlan& p) { p.activate(); }, PlanStatus::completed},
        {"revise a completed plan", complete, [](TreatmentPlan& p) { p.revise(valid_details()); },
         PlanStatus::completed},
        {"revise a discontinued plan", discontinue, [](TreatmentPlan& p) { p.revise(valid_details()); },
         PlanStatus::discontinued},
        {"discontinue a completed plan", complete, [](TreatmentPlan& p) { p.discontinue("Changed mind"); },
         PlanStatus::completed},
        {"discontinue twice", discontinue, [](TreatmentPlan& p) { p.discontinue("Again"); },
         PlanStatus::discontinued},
        {"complete a discontinued plan", discontinue, [](TreatmentPlan& p) { p.complete(); },
         PlanStatus::discontinued},
        {"reactivate a discontinued plan", discontinue, [](TreatmentPlan& p) { p.activate(); },
         PlanStatus::discontinued},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT(row.what) {
            TreatmentPlan p(client, valid_details());
            row.setup(p);
            BOOST_CHECK_THROW(row.action(p), LockedRecordError);
            BOOST_TEST(p.status() == row.status_after);
        }
    }
}

BOOST_AUTO_TEST_CASE(revising_a_locked_plan_leaves_it_unchanged) {
    TreatmentPlan p(client, valid_details());
    p.activate();
    p.complete();
    PlanDetails changed = valid_details();
    changed.series.session_count = 10;
    BOOST_CHECK_THROW(p.revise(changed), LockedRecordError);
    BOOST_TEST(p.details().series.session_count == 6);
}

BOOST_AUTO_TEST_CASE(draft_and_active_plans_can_be_revised) {
    TreatmentPlan p(client, valid_details());
    PlanDetails changed = valid_details();
    changed.series.session_count = 8;
    p.revise(changed);
    BOOST_TEST(p.details().series.session_count == 8);
    p.activate();
    changed.series.session_count = 10;
    p.revise(changed);
    BOOST_TEST(p.details().series.session_count == 10);
    changed.series.session_count = 0;
    KNOTWORK_CHECK_REFUSED(p.revise(changed), "number of sessions");
    BOOST_TEST(p.details().series.session_count == 10);
}

BOOST_AUTO_TEST_CASE(discontinuing_needs_a_reason_and_records_it) {
    TreatmentPlan p(client, valid_details());
    p.activate();
    KNOTWORK_CHECK_REFUSED(p.discontinue("   "), "reason");
    BOOST_TEST(p.status() == PlanStatus::active);
    p.discontinue("  Referred to physiotherapy ");
    BOOST_TEST(p.status() == PlanStatus::discontinued);
    BOOST_TEST(p.status_reason() == "Referred to physiotherapy");

    TreatmentPlan draft(client, valid_details());
    draft.discontinue("Client declined");
    BOOST_TEST(draft.status() == PlanStatus::discontinued);
}

BOOST_AUTO_TEST_CASE(restore_status_sets_a_stored_status_without_transitions) {
    TreatmentPlan p(client, valid_details());
    p.restore_status(PlanStatus::completed, "");
    BOOST_TEST(p.status() == PlanStatus::completed);
    BOOST_CHECK_THROW(p.revise(valid_details()), LockedRecordError);
}

BOOST_AUTO_TEST_CASE(home_care_templates_exist_for_every_kind_but_other) {
    for (const auto& e : enum_entries<HomeCareKind>()) {
        BOOST_TEST_CONTEXT(e.code) {
            BOOST_TEST(home_care_template(e.value).empty() == (e.value == HomeCareKind::other));
        }
    }
}

BOOST_AUTO_TEST_CASE(codes_are_stable) {
    BOOST_TEST(to_code(PlanStatus::discontinued) == "discontinued");
    BOOST_TEST(to_code(Frequency::every_n_days) == "every_n_days");
    BOOST_TEST(to_code(GoalMeasure::activity) == "activity");
    BOOST_TEST(from_code<HomeCareKind>("home care", "self_massage") == HomeCareKind::self_massage);
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
