#include "core/chart.h"

#include "audit_log.h"
#include "database.h"
#include "repositories/assessment_repository.h"
#include "repositories/client_repository.h"
#include "repositories/plan_repository.h"
#include "repositories/session_repository.h"

namespace knotwork::app {

std::vector<OutcomeChange> outcome_changes(const Assessment& baseline, const Assessment& latest) {
    std::vector<OutcomeChange> out;
    out.push_back(compare_pain(baseline.details().pain_now, latest.details().pain_now));
    if (baseline.odi_score() && latest.odi_score())
        out.push_back(compare_odi(*baseline.odi_score(), *latest.odi_score()));
    if (baseline.rmdq_score() && latest.rmdq_score())
        out.push_back(compare_rmdq(*baseline.rmdq_score(), *latest.rmdq_score()));
    if (baseline.details().psfs && latest.details().psfs)
        out.push_back(compare_psfs(*baseline.details().psfs, *latest.details().psfs));
    return out;
}

ClientChart load_chart(db::Database& db, ClientId id, int session_limit) {
    db::Transaction tx(db); // one consistent snapshot, and the view is audited
    ClientChart chart{db::ClientRepository(db).get(id), db::AssessmentRepository(db).for_client(id),
                      db::PlanRepository(db).for_client(id), db::SessionRepository(db).for_client(id, session_limit),
                      {}};
    if (chart.assessments.size() >= 2)
        chart.outcome_changes = outcome_changes(chart.assessments.front(), chart.assessments.back());
    db::AuditLog(db).record(db::AuditAction::view, "client", id, id, "chart viewed");
    tx.commit();
    return chart;
}

ClientChart load_client_record(db::Database& db, ClientId id) {
    db::Transaction tx(db);
    ClientChart chart{db::ClientRepository(db).get(id), {}, {}, {}, {}};
    db::AuditLog(db).record(db::AuditAction::view, "client", id, id, "client record viewed");
    tx.commit();
    return chart;
}

} // namespace knotwork::app
