#include "repositories/plan_repository.h"

#include "audit_log.h"
#include "common/error.h"
#include "database.h"
#include "soci_mapping.h"

#include <algorithm>
#include <unordered_map>

namespace knotwork::db {

namespace {

// ---- the audit trail's view of a plan -----------------------------------------------------

std::string goals_text(const std::vector<Goal>& goals) {
    std::string out;
    for (const auto& g : goals) {
        out += (out.empty() ? "" : "; ") + g.description + " (" + std::string(label(g.measure));
        if (g.baseline) out += ", baseline " + audit_text(*g.baseline);
        if (g.target) out += ", target " + audit_text(*g.target);
        out += ")";
    }
    return out;
}

std::string techniques_text(const std::vector<ChosenTechnique>& techniques) {
    std::string out;
    for (const auto& t : techniques) out += (out.empty() ? "" : "; ") + t.technique + ": " + t.rationale;
    return out;
}

// Regions are a set: listed in a fixed order, so only a real change shows.
std::string regions_text(const std::vector<TargetRegion>& regions) {
    std::vector<std::string> items;
    for (const auto& r : regions)
        items.push_back(std::string(label(r.region)) + " (" + std::string(label(r.side)) + ")");
    std::sort(items.begin(), items.end());
    return audit_text(items);
}

std::string home_care_text(const std::vector<HomeCareItem>& items) {
    std::string out;
    for (const auto& h : items) out += (out.empty() ? "" : "; ") + std::string(label(h.kind)) + ": " + h.instructions;
    return out;
}

ChangeList plan_changes(const TreatmentPlan& a, const TreatmentPlan& b) {
    const PlanDetails &x = a.details(), &y = b.details();
    ChangeList c;
    c.compare("status", a.status(), b.status());
    c.compare("status_reason", a.status_reason(), b.status_reason());
    c.compare("created_on", x.created_on, y.created_on);
    c.compare("based_on_assessment", x.based_on_assessment, y.based_on_assessment);
    c.compare_text("goals", goals_text(x.goals), goals_text(y.goals));
    c.compare_text("techniques", techniques_text(x.techniques), techniques_text(y.techniques));
    c.compare_text("regions", regions_text(x.regions), regions_text(y.regions));
    c.compare("session_count", x.series.session_count, y.series.session_count);
    c.compare("frequency", x.series.frequency, y.series.frequency);
    c.compare("interval_days", x.series.interval_days, y.series.interval_days);
    c.compare("session_minutes", x.series.session_minutes, y.series.session_minutes);
    c.compare("start_date", x.series.start_date, y.series.start_date);
    c.compare("start_time", x.series.start_time, y.series.start_time);
    c.compare("therapist", x.series.therapist, y.series.therapist);
    c.compare("reassess_after_sessions", x.reassess_after_sessions, y.reassess_after_sessions);
    c.compare_text("home_care", home_care_text(x.home_care), home_care_text(y.home_care));
    c.compare("notes", x.notes, y.notes);
    return c;
}

} // namespace

PlanId PlanRepository::add(TreatmentPlan& plan) {
    m_db.require_transaction("adding a plan");
    const auto& d = plan.details();
    const auto& s = d.series;
    const std::string now = to_iso(now_utc());
    const std::string start_time = to_hhmm(s.start_time);
    const ClientId client = plan.client_id();
    const PlanStatus status = plan.status();
    long long id = 0;
    m_db.sql() << "INSERT INTO treatment_plans (client_id, created_on, based_on_assessment, status, status_reason, "
                  "session_count, frequency, interval_days, session_minutes, start_date, start_time, therapist, "
                  "reassess_after_sessions, notes, created_at, updated_at, version) VALUES (:client, :created_on, "
                  ":based_on, :status, :reason, :count, :freq, :interval, :minutes, :start_date, :start_time, "
                  ":therapist, :reassess, :notes, :created, :updated, 1) RETURNING id",
        soci::use(client), soci::use(d.created_on), soci::use(d.based_on_assessment), soci::use(status),
        soci::use(plan.status_reason()), soci::use(s.session_count), soci::use(s.frequency),
        soci::use(s.interval_days), soci::use(s.session_minutes), soci::use(s.start_date), soci::use(start_time),
        soci::use(s.therapist), soci::use(d.reassess_after_sessions), soci::use(d.notes), soci::use(now),
        soci::use(now), soci::into(id);
    plan.set_id(id);
    plan.set_version(1);
    write_children(plan);
    AuditLog(m_db).record(AuditAction::create, "plan", id, client,
                          std::to_string(s.session_count) + " sessions, " + std::string(label(status)));
    return id;
}

void PlanRepository::write_children(const TreatmentPlan& plan) {
    auto& sql = m_db.sql();
    const PlanId id = plan.id();
    for (const char* table : {"plan_goals", "plan_techniques", "plan_regions", "plan_home_care"})
        sql << "DELETE FROM " + std::string(table) + " WHERE plan_id = :id", soci::use(id);
    const auto& d = plan.details();
    int position = 0;
    for (const auto& g : d.goals) {
        sql << "INSERT INTO plan_goals (plan_id, position, description, measure, baseline, target) "
               "VALUES (:id, :pos, :description, :measure, :baseline, :target)",
            soci::use(id), soci::use(position), soci::use(g.description), soci::use(g.measure), soci::use(g.baseline),
            soci::use(g.target);
        ++position;
    }
    position = 0;
    for (const auto& t : d.techniques) {
        sql << "INSERT INTO plan_techniques (plan_id, position, technique, rationale) "
               "VALUES (:id, :pos, :technique, :rationale)",
            soci::use(id), soci::use(position), soci::use(t.technique), soci::use(t.rationale);
        ++position;
    }
    for (const auto& r : d.regions)
        sql << "INSERT INTO plan_regions (plan_id, region, side) VALUES (:id, :region, :side)", soci::use(id),
            soci::use(r.region), soci::use(r.side);
    position = 0;
    for (const auto& h : d.home_care) {
        sql << "INSERT INTO plan_home_care (plan_id, position, kind, instructions) "
               "VALUES (:id, :pos, :kind, :instructions)",
            soci::use(id), soci::use(position), soci::use(h.kind), soci::use(h.instructions);
        ++position;
    }
}

void PlanRepository::update(TreatmentPlan& plan) {
    m_db.require_transaction("updating a plan");
    const std::optional<TreatmentPlan> before = find(plan.id());
    const auto& d = plan.details();
    const auto& s = d.series;
    const std::string now = to_iso(now_utc());
    const std::string start_time = to_hhmm(s.start_time);
    const PlanId id = plan.id();
    const int version = plan.version();
    const PlanStatus status = plan.status();
    soci::statement st =
        (m_db.sql().prepare << "UPDATE treatment_plans SET created_on = :created_on, based_on_assessment = :based_on, "
                               "status = :status, status_reason = :reason, session_count = :count, frequency = :freq, "
                               "interval_days = :interval, session_minutes = :minutes, start_date = :start_date, "
                               "start_time = :start_time, therapist = :therapist, reassess_after_sessions = :reassess, "
                               "notes = :notes, updated_at = :updated, version = version + 1 "
                               "WHERE id = :id AND version = :version",
         soci::use(d.created_on), soci::use(d.based_on_assessment), soci::use(status), soci::use(plan.status_reason()),
         soci::use(s.session_count), soci::use(s.frequency), soci::use(s.interval_days), soci::use(s.session_minutes),
         soci::use(s.start_date), soci::use(start_time), soci::use(s.therapist), soci::use(d.reassess_after_sessions),
         soci::use(d.notes), soci::use(now), soci::use(id), soci::use(version));
    st.execute(true);
    if (st.get_affected_rows() != 1)
        throw ConflictError("The treatment plan was changed elsewhere since you opened it. Reload it and apply your "
                            "changes again.");
    plan.set_version(version + 1);
    write_children(plan);
    const ChangeList changes = before ? plan_changes(*before, plan) : ChangeList();
    AuditLog(m_db).record(AuditAction::update, "plan", id, plan.client_id(),
                          "status " + std::string(label(status)) + "; " + changes.summary(), changes.items());
}

namespace {

// The plans that `where` (a condition on treatment_plans binding :key) selects, oldest first, each
// with its goals, techniques, regions and home care: five statements however many plans there are.
std::vector<TreatmentPlan> load_plans(soci::session& sql, const std::string& where, std::int64_t key) {
    struct Row {
        PlanId id = 0;
        ClientId client = 0;
        PlanDetails details;
        PlanStatus status{};
        std::string reason;
        int version = 0;
    };
    std::vector<Row> rows;
    {
        Row r;
        std::string start_time;
        PlanDetails& d = r.details;
        soci::statement st =
            (sql.prepare << "SELECT id, client_id, created_on, based_on_assessment, status, status_reason, "
                            "session_count, frequency, interval_days, session_minutes, start_date, start_time, "
                            "therapist, reassess_after_sessions, notes, version FROM treatment_plans WHERE " +
                                where + " ORDER BY created_on, id",
             soci::into(r.id), soci::into(r.client), soci::into(d.created_on), soci::into(d.based_on_assessment),
             soci::into(r.status), soci::into(r.reason), soci::into(d.series.session_count),
             soci::into(d.series.frequency), soci::into(d.series.interval_days), soci::into(d.series.session_minutes),
             soci::into(d.series.start_date), soci::into(start_time), soci::into(d.series.therapist),
             soci::into(d.reassess_after_sessions), soci::into(d.notes), soci::into(r.version), soci::use(key));
        st.execute();
        while (st.fetch()) {
            d.series.start_time = parse_time_of_day("stored start time", start_time);
            rows.push_back(r);
        }
    }
    if (rows.empty()) return {};

    std::unordered_map<PlanId, PlanDetails*> by_id;
    for (auto& r : rows) by_id[r.id] = &r.details;
    const std::string same_plans = " WHERE plan_id IN (SELECT id FROM treatment_plans WHERE " + where + ")";
    auto details_of = [&by_id](PlanId id) -> PlanDetails* {
        const auto found = by_id.find(id);
        return found == by_id.end() ? nullptr : found->second;
    };
    PlanId plan = 0;
    {
        Goal g;
        soci::statement st = (sql.prepare << "SELECT plan_id, description, measure, baseline, target FROM plan_goals" +
                                                 same_plans + " ORDER BY plan_id, position",
                              soci::into(plan), soci::into(g.description), soci::into(g.measure),
                              soci::into(g.baseline), soci::into(g.target), soci::use(key));
        st.execute();
        while (st.fetch())
            if (PlanDetails* d = details_of(plan)) d->goals.push_back(g);
    }
    {
        ChosenTechnique t;
        soci::statement st = (sql.prepare << "SELECT plan_id, technique, rationale FROM plan_techniques" + same_plans +
                                                 " ORDER BY plan_id, position",
                              soci::into(plan), soci::into(t.technique), soci::into(t.rationale), soci::use(key));
        st.execute();
        while (st.fetch())
            if (PlanDetails* d = details_of(plan)) d->techniques.push_back(t);
    }
    {
        TargetRegion r{};
        soci::statement st = (sql.prepare << "SELECT plan_id, region, side FROM plan_regions" + same_plans,
                              soci::into(plan), soci::into(r.region), soci::into(r.side), soci::use(key));
        st.execute();
        while (st.fetch())
            if (PlanDetails* d = details_of(plan)) d->regions.push_back(r);
    }
    {
        HomeCareItem h;
        soci::statement st = (sql.prepare << "SELECT plan_id, kind, instructions FROM plan_home_care" + same_plans +
                                                 " ORDER BY plan_id, position",
                              soci::into(plan), soci::into(h.kind), soci::into(h.instructions), soci::use(key));
        st.execute();
        while (st.fetch())
            if (PlanDetails* d = details_of(plan)) d->home_care.push_back(h);
    }

    std::vector<TreatmentPlan> out;
    out.reserve(rows.size());
    for (auto& r : rows) {
        TreatmentPlan p = TreatmentPlan::restore(r.client, std::move(r.details));
        p.set_id(r.id);
        p.set_version(r.version);
        p.restore_status(r.status, r.reason);
        out.push_back(std::move(p));
    }
    return out;
}

} // namespace

std::optional<TreatmentPlan> PlanRepository::find(PlanId id) {
    auto plans = load_plans(m_db.sql(), "id = :key", id);
    if (plans.empty()) return std::nullopt;
    return std::move(plans.front());
}

TreatmentPlan PlanRepository::get(PlanId id) {
    auto p = find(id);
    if (!p) throw NotFoundError("There is no treatment plan with id " + std::to_string(id) + ".");
    return std::move(*p);
}

std::vector<TreatmentPlan> PlanRepository::for_client(ClientId client) {
    return load_plans(m_db.sql(), "client_id = :key", client);
}

std::vector<ClientId> PlanRepository::clients_with_active_plans() {
    std::vector<ClientId> out;
    ClientId id = 0;
    soci::statement st = (m_db.sql().prepare << "SELECT DISTINCT p.client_id FROM treatment_plans p JOIN clients c "
                                                "ON c.id = p.client_id WHERE p.status = 'active' AND c.archived_on IS NULL "
                                                "ORDER BY p.client_id",
                          soci::into(id));
    st.execute();
    while (st.fetch()) out.push_back(id);
    return out;
}

} // namespace knotwork::db
