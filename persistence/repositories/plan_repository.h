#pragma once
// Stores treatment plans with their goals, chosen techniques, target regions and home care.
#include "plan/treatment_plan.h"

#include <optional>
#include <vector>

namespace knotwork::db {

class Database;

class PlanRepository {
public:
    explicit PlanRepository(Database& db) : m_db(db) {}

    PlanId add(TreatmentPlan& plan);
    // Saves details and status together; throws ConflictError on a stale copy.
    void update(TreatmentPlan& plan);
    TreatmentPlan get(PlanId id);
    std::optional<TreatmentPlan> find(PlanId id);
    std::vector<TreatmentPlan> for_client(ClientId client); // oldest first
    std::vector<ClientId> clients_with_active_plans();

private:
    void write_children(const TreatmentPlan& plan);
    Database& m_db;
};

} // namespace knotwork::db
