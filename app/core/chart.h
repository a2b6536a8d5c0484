#pragma once
// A client's whole chart, loaded in one read: the record, every assessment (oldest first), every
// plan, and the sessions (newest first), with the outcome changes from the baseline assessment to
// the latest. Used by `knotwork-cli show` and the desktop chart view.
#include "assessment/assessment.h"
#include "client/client.h"
#include "outcomes/outcome_measures.h"
#include "plan/treatment_plan.h"
#include "session/session.h"

#include <vector>

namespace knotwork::db {
class Database;
}

namespace knotwork::app {

struct ClientChart {
    Client client;
    std::vector<Assessment> assessments; // oldest first: [0] is the baseline
    std::vector<TreatmentPlan> plans;
    std::vector<Session> sessions;       // newest first
    std::vector<OutcomeChange> outcome_changes; // baseline → latest, for each measure taken both times
};

// Throws NotFoundError for an unknown client. Records a "view" in the audit trail.
ClientChart load_chart(db::Database& db, ClientId client, int session_limit = 1000);

// The client's own record only (profile, history and intake screen), without assessments, plans
// or sessions: the chart of an account that may not read clinical records (a front-desk account
// on a clinic server). Throws NotFoundError for an unknown client. Records a "view".
ClientChart load_client_record(db::Database& db, ClientId client);

// Baseline against latest for every measure present in both assessments.
std::vector<OutcomeChange> outcome_changes(const Assessment& baseline, const Assessment& latest);

} // namespace knotwork::app
