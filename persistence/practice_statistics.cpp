#include "practice_statistics.h"

#include "database.h"

#include <soci/soci.h>

namespace knotwork::db {

PracticeStatistics practice_statistics(Database& db) {
    PracticeStatistics s;
    long long clients = 0, archived = 0, assessments = 0, plans = 0, active = 0, sessions = 0, signed_notes = 0,
              drafts = 0, amendments = 0, audit = 0;
    auto& sql = db.sql();
    sql << "SELECT count(*), count(archived_on) FROM clients", soci::into(clients), soci::into(archived);
    sql << "SELECT count(*) FROM assessments", soci::into(assessments);
    sql << "SELECT count(*), count(CASE WHEN status = 'active' THEN 1 END) FROM treatment_plans", soci::into(plans),
        soci::into(active);
    sql << "SELECT count(*), count(signed_at), count(CASE WHEN status = 'completed' AND signed_at IS NULL THEN 1 END) "
           "FROM sessions",
        soci::into(sessions), soci::into(signed_notes), soci::into(drafts);
    sql << "SELECT count(*) FROM note_amendments", soci::into(amendments);
    sql << "SELECT count(*) FROM audit_log", soci::into(audit);
    s.clients = clients;
    s.archived_clients = archived;
    s.assessments = assessments;
    s.plans = plans;
    s.active_plans = active;
    s.sessions = sessions;
    s.signed_notes = signed_notes;
    s.unsigned_completed = drafts;
    s.amendments = amendments;
    s.audit_entries = audit;
    return s;
}

} // namespace knotwork::db
