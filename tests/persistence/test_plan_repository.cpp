// Pins persistence/repositories/plan_repository: a plan comes back with its goals, techniques and
// their reasons, target regions, series, re-assessment point, home care, status and reason; a
// stale copy cannot overwrite a newer one; the clients with an active plan are the ones a batch
// report covers.
#include "practice_fixture.h"

#include "common/error.h"
#include "repositories/assessment_repository.h"
#include "repositories/client_repository.h"
#include "repositories/plan_repository.h"

#include <algorithm>
#include <tuple>

namespace knotwork::test {

namespace {

// Target regions are keyed by region and side; the store does not keep their order of entry.
PlanDetails canonical(PlanDetails d) {
    std::sort(d.regions.begin(), d.regions.end(), [](const TargetRegion& a, const TargetRegion& b) {
        return std::tie(a.region, a.side) < std::tie(b.region, b.side);
    });
    return d;
}

struct PlanFixture : PracticeFixture {
    Client client = store_client(db(), full_client());

    TreatmentPlan store(TreatmentPlan plan) {
        in_transaction(db(), [&] { db::PlanRepository(db()).add(plan); });
        return plan;
    }
    TreatmentPlan store_for(ClientId c, PlanStatus status) {
        TreatmentPlan plan(c, full_plan(std::nullopt));
        if (status != PlanStatus::draft) plan.activate();
        if (status == PlanStatus::completed) plan.complete();
        if (status == PlanStatus::discontinued) plan.discontinue("Moved away");
        return store(std::move(plan));
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(PlanRepository)

BOOST_FIXTURE_TEST_CASE(a_full_plan_survives_the_round_trip, PlanFixture) {
    Assessment baseline(client.id(), full_assessment(Date(2026, 2, 20)), test_today);
    in_transaction(db(), [&] { db::AssessmentRepository(db()).add(baseline); });
    const PlanDetails want = full_plan(baseline.id());
    const TreatmentPlan stored = store(TreatmentPlan(client.id(), want));
    BOOST_TEST(stored.id() > 0);
    BOOST_TEST(stored.version() == 1);

    reopen();
    const TreatmentPlan loaded = db::PlanRepository(db()).get(stored.id());
    const PlanDetails& d = loaded.details();
    BOOST_TEST(loaded.client_id() == client.id());
    BOOST_TEST(loaded.version() == 1);
    BOOST_TEST(loaded.status() == PlanStatus::draft);
    BOOST_TEST(loaded.status_reason().empty());
    BOOST_TEST(d.created_on == want.created_on);
    BOOST_TEST(d.based_on_assessment == std::optional<AssessmentId>(baseline.id()));
    BOOST_TEST((d.goals == want.goals));
    BOOST_TEST((d.techniques == want.techniques)); // technique codes and reasons, in the order chosen
    BOOST_TEST((canonical(d).regions == canonical(want).regions));
    BOOST_TEST(d.series.session_count == 6);
    BOOST_TEST(d.series.frequency == Frequency::every_n_days);
    BOOST_TEST(d.series.interval_days == 10);
    BOOST_TEST(d.series.session_minutes == 75);
    BOOST_TEST(d.series.start_date == Date(2026, 2, 24));
    BOOST_TEST(d.series.start_time == boost::posix_time::hours(14) + boost::posix_time::minutes(30));
    BOOST_TEST(d.series.therapist == "Mara Lindqvist");
    BOOST_TEST(d.reassess_after_sessions == std::optional<int>(3));
    BOOST_TEST((d.home_care == want.home_care)); // kinds, instructions and order
    BOOST_TEST(d.notes == want.notes);
    BOOST_TEST((canonical(d) == canonical(want)));
    BOOST_TEST(loaded.uses_technique("trigger_point_therapy"));
}

BOOST_FIXTURE_TEST_CASE(goals_keep_absent_baselines_and_fractional_targets, PlanFixture) {
    PlanDetails d = full_plan(std::nullopt);
    d.goals = {
        {"ODI below a fifth", GoalMeasure::odi, std::nullopt, 19.5},
        {"RMDQ down to 4", GoalMeasure::rmdq, 11.0, 4.0},
        {"PSFS mean of 7.25", GoalMeasure::psfs, 3.5, 7.25},
        {"Walk the dog again", GoalMeasure::activity, std::nullopt, std::nullopt},
    };
    d.reassess_after_sessions.reset();
    const auto loaded = db::PlanRepository(db()).get(store(TreatmentPlan(client.id(), d)).id());
    BOOST_TEST((loaded.details().goals == d.goals));
    BOOST_TEST(loaded.details().goals[0].baseline == std::nullopt);
    BOOST_TEST(loaded.details().goals[2].target == std::optional<double>(7.25));
    BOOST_TEST(loaded.details().based_on_assessment == std::nullopt);
    BOOST_TEST(loaded.details().reassess_after_sessions == std::nullopt);
}

BOOST_FIXTURE_TEST_CASE(every_frequency_and_home_care_kind_survives, PlanFixture) {
    for (const auto& f : enum_entries<Frequency>()) {
        BOOST_TEST_CONTEXT(f.code) {
            PlanDetails d = full_plan(std::nullopt);
            d.series.frequency = f.value;
            d.home_care.clear();
            for (const auto& k : enum_entries<HomeCareKind>())
                d.home_care.push_back({k.value, std::string(home_care_template(k.value)) + " (" + std::string(k.code) + ")"});
            const TreatmentPlan plan(client.id(), d);
            const auto loaded = db::PlanRepository(db()).get(store(plan).id());
            BOOST_TEST(loaded.details().series.frequency == f.value);
            BOOST_TEST(loaded.details().series.interval_days == plan.details().series.interval_days);
            BOOST_TEST((loaded.details().home_care == d.home_care));
        }
    }
}

BOOST_FIXTURE_TEST_CASE(status_and_reason_survive, PlanFixture) {
    struct Case {
        PlanStatus status;
        std::string reason;
    };
    const Case cases[] = {
        {PlanStatus::draft, ""},
        {PlanStatus::active, ""},
        {PlanStatus::completed, ""},
        {PlanStatus::discontinued, "Moved away"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(to_code(c.status)) {
            const auto loaded = db::PlanRepository(db()).get(store_for(client.id(), c.status).id());
            BOOST_TEST(loaded.status() == c.status);
            BOOST_TEST(loaded.status_reason() == c.reason);
        }
    }
}

BOOST_FIXTURE_TEST_CASE(an_update_saves_details_and_status_together, PlanFixture) {
    TreatmentPlan plan = store(TreatmentPlan(client.id(), full_plan(std::nullopt)));
    PlanDetails d = plan.details();
    d.techniques.push_back({"hot_stone", "Client finds heat eases the guarding"});
    d.regions.pop_back();
    d.home_care.erase(d.home_care.begin());
    d.goals.clear();
    plan.revise(d);
    plan.activate();
    in_transaction(db(), [&] { db::PlanRepository(db()).update(plan); });
    BOOST_TEST(plan.version() == 2);

    plan.discontinue("Referred to a physiotherapist, \"urgent\" 😟");
    in_transaction(db(), [&] { db::PlanRepository(db()).update(plan); });
    BOOST_TEST(plan.version() == 3);

    const auto loaded = db::PlanRepository(db()).get(plan.id());
    BOOST_TEST(loaded.version() == 3);
    BOOST_TEST(loaded.status() == PlanStatus::discontinued);
    BOOST_TEST(loaded.status_reason() == "Referred to a physiotherapist, \"urgent\" 😟");
    BOOST_TEST((canonical(loaded.details()) == canonical(d)));
    BOOST_TEST(row_count(db(), "plan_goals") == 0);
    BOOST_TEST(row_count(db(), "plan_techniques") == 3);
    BOOST_TEST(row_count(db(), "plan_regions") == 2);
}

BOOST_FIXTURE_TEST_CASE(a_stale_copy_is_a_conflict_and_writes_nothing, PlanFixture) {
    const TreatmentPlan stored = store(TreatmentPlan(client.id(), full_plan(std::nullopt)));
    TreatmentPlan first = db::PlanRepository(db()).get(stored.id());
    TreatmentPlan second = db::PlanRepository(db()).get(stored.id());

    first.activate();
    in_transaction(db(), [&] { db::PlanRepository(db()).update(first); });

    PlanDetails stale = second.details();
    stale.techniques.clear();
    stale.series.session_count = 12;
    second.revise(stale);
    second.discontinue("from the other window");
    BOOST_CHECK_EXCEPTION(in_transaction(db(), [&] { db::PlanRepository(db()).update(second); }), ConflictError,
                          [](const ConflictError& e) { return contains(e.what(), "changed elsewhere"); });
    BOOST_TEST(second.version() == 1);

    const auto loaded = db::PlanRepository(db()).get(stored.id());
    BOOST_TEST(loaded.version() == 2);
    BOOST_TEST(loaded.status() == PlanStatus::active);
    BOOST_TEST(loaded.status_reason().empty());
    BOOST_TEST(loaded.details().series.session_count == 6);
    BOOST_TEST(loaded.details().techniques.size() == 2u);
}

BOOST_FIXTURE_TEST_CASE(clients_with_active_plans_are_the_unarchived_ones_with_an_active_plan, PlanFixture) {
    const Client draft_only = store_client(db(), minimal_client("Draft", "Only"));
    Client archived = store_client(db(), minimal_client("Archived", "Active"));
    const Client two_active = store_client(db(), minimal_client("Two", "Active"));
    const Client finished = store_client(db(), minimal_client("Finished", "Plans"));
    const Client none = store_client(db(), minimal_client("No", "Plan"));

    store_for(client.id(), PlanStatus::active);
    store_for(client.id(), PlanStatus::completed);
    store_for(draft_only.id(), PlanStatus::draft);
    store_for(archived.id(), PlanStatus::active);
    store_for(two_active.id(), PlanStatus::active);
    store_for(two_active.id(), PlanStatus::active);
    store_for(finished.id(), PlanStatus::completed);
    store_for(finished.id(), PlanStatus::discontinued);
    in_transaction(db(), [&] { db::ClientRepository(db()).archive(archived, test_today); });

    BOOST_TEST(db::PlanRepository(db()).clients_with_active_plans() ==
               (std::vector<ClientId>{client.id(), two_active.id()}));
    BOOST_TEST(none.id() > 0);

    // Completing the plan takes the client off the list.
    auto plans = db::PlanRepository(db()).for_client(client.id());
    BOOST_TEST_REQUIRE(plans.size() == 2u);
    plans.front().complete();
    in_transaction(db(), [&] { db::PlanRepository(db()).update(plans.front()); });
    BOOST_TEST(db::PlanRepository(db()).clients_with_active_plans() == std::vector<ClientId>{two_active.id()});
}

BOOST_FIXTURE_TEST_CASE(a_clients_plans_come_oldest_first, PlanFixture) {
    std::vector<PlanId> ids;
    for (const Date& created : {Date(2026, 2, 1), Date(2025, 6, 1), Date(2025, 12, 24)}) {
        PlanDetails d = full_plan(std::nullopt);
        d.created_on = created;
        ids.push_back(store(TreatmentPlan(client.id(), d)).id());
    }
    std::vector<PlanId> order;
    for (const auto& p : db::PlanRepository(db()).for_client(client.id())) order.push_back(p.id());
    BOOST_TEST(order == (std::vector<PlanId>{ids[1], ids[2], ids[0]}));
}

BOOST_FIXTURE_TEST_CASE(a_plan_needs_an_existing_client_and_assessment, PlanFixture) {
    TreatmentPlan orphan(4242, full_plan(std::nullopt));
    BOOST_CHECK_THROW(store(orphan), std::exception);
    TreatmentPlan dangling(client.id(), full_plan(AssessmentId{4242}));
    BOOST_CHECK_THROW(store(dangling), std::exception);
    BOOST_TEST(row_count(db(), "treatment_plans") == 0);
    BOOST_TEST(!db::PlanRepository(db()).find(1).has_value());
    BOOST_CHECK_THROW(db::PlanRepository(db()).get(4242), NotFoundError);
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
