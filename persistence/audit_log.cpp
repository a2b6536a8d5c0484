#include "audit_log.h"

#include "database.h"
#include "soci_mapping.h"

#include <cstdio>
#include <cstdlib>
#include <unordered_map>

namespace knotwork::db {

std::string_view to_code(AuditAction a) {
    switch (a) {
    case AuditAction::create:
        return "create";
    case AuditAction::update:
        return "update";
    case AuditAction::sign:
        return "sign";
    case AuditAction::amend:
        return "amend";
    case AuditAction::archive:
        return "archive";
    case AuditAction::restore:
        return "restore";
    case AuditAction::cancel:
        return "cancel";
    case AuditAction::remove:
        return "delete";
    case AuditAction::view:
        return "view";
    case AuditAction::export_record:
        return "export";
    case AuditAction::print:
        return "print";
    }
    return "unknown";
}

std::string audit_text(int n) {
    return std::to_string(n);
}
std::string audit_text(std::int64_t n) {
    return std::to_string(n);
}

std::string audit_text(double n) {
    // Shortest text that reads back as the same number: 46.25, 3, 0.1.
    char buf[32];
    for (int precision = 6; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, n);
        if (std::strtod(buf, nullptr) == n) break;
    }
    return buf;
}

std::string audit_text(const Date& d) {
    return d.is_special() ? std::string() : to_iso(d);
}

std::string audit_text(const DateTime& t) {
    if (t.is_special()) return {};
    std::string s = to_iso(t); // 2026-03-04T09:30:00
    s[10] = ' ';
    return s.substr(0, 16);
}

std::string audit_text(const Duration& time) {
    return to_hhmm(time);
}

void ChangeList::compare_text(std::string_view field, std::string before, std::string after) {
    if (before == after) return;
    m_items.push_back(FieldChange{std::string(field), std::move(before), std::move(after)});
}

std::string ChangeList::summary() const {
    if (m_items.empty()) return "no change";
    std::string out = "changed: ";
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        if (i > 0) out += ", ";
        for (char c : m_items[i].field)
            out += c == '_' ? ' ' : c;
    }
    return out;
}

std::int64_t AuditLog::record(AuditAction action, std::string_view entity,
                              std::optional<std::int64_t> entity_id, std::optional<std::int64_t> client_id,
                              const std::string& detail, const std::vector<FieldChange>& changes) {
    m_db.require_transaction("writing the audit trail");
    const std::string at = to_iso(now_utc());
    const std::string action_code(to_code(action));
    const std::string entity_name(entity);
    std::int64_t eid = entity_id.value_or(0), cid = client_id.value_or(0);
    soci::indicator eind = entity_id ? soci::i_ok : soci::i_null;
    soci::indicator cind = client_id ? soci::i_ok : soci::i_null;
    auto& sql = m_db.sql();
    long long id = 0;
    sql << "INSERT INTO audit_log (at, actor, action, entity, entity_id, client_id, detail) "
           "VALUES (:at, :actor, :action, :entity, :eid, :cid, :detail) RETURNING id",
        soci::use(at), soci::use(m_db.actor()), soci::use(action_code), soci::use(entity_name),
        soci::use(eid, eind), soci::use(cid, cind), soci::use(detail), soci::into(id);
    if (!changes.empty()) {
        int position = 0;
        std::string field, old_value, new_value;
        soci::statement st =
            (sql.prepare << "INSERT INTO audit_changes (audit_id, position, field, old_value, "
                            "new_value) VALUES (:id, :position, :field, :old, :new)",
             soci::use(id), soci::use(position), soci::use(field), soci::use(old_value),
             soci::use(new_value));
        for (const auto& c : changes) {
            field = c.field;
            old_value = c.old_value;
            new_value = c.new_value;
            st.execute(true);
            ++position;
        }
    }
    return id;
}

std::vector<AuditEntry> AuditLog::select(const std::string& where, const AuditQuery& q,
                                         const std::string& entity, std::int64_t entity_id) {
    // The filters are fixed fragments; every value is bound.
    const std::string from_text = q.from ? to_iso(*q.from) : std::string();
    const std::string to_text = q.to ? to_iso(*q.to + boost::gregorian::days(1)) : std::string();
    const std::int64_t client = q.client_id.value_or(0);
    const auto bind_filters = [&](soci::statement& st) {
        if (!entity.empty()) {
            st.exchange(soci::use(entity));
            st.exchange(soci::use(entity_id));
        }
        if (q.client_id) st.exchange(soci::use(client));
        if (q.from) st.exchange(soci::use(from_text));
        if (q.to) st.exchange(soci::use(to_text));
    };
    auto& sql = m_db.sql();

    std::vector<AuditEntry> out;
    std::unordered_map<std::int64_t, std::size_t> index;
    {
        AuditEntry e;
        std::optional<std::int64_t> eid, cid;
        soci::statement st(sql);
        st.alloc();
        st.prepare("SELECT id, at, actor, action, entity, entity_id, client_id, detail FROM audit_log " +
                   where + (q.newest_first ? " ORDER BY id DESC" : " ORDER BY id"));
        st.exchange(soci::into(e.id));
        st.exchange(soci::into(e.at));
        st.exchange(soci::into(e.actor));
        st.exchange(soci::into(e.action));
        st.exchange(soci::into(e.entity));
        st.exchange(soci::into(eid));
        st.exchange(soci::into(cid));
        st.exchange(soci::into(e.detail));
        bind_filters(st);
        st.define_and_bind();
        st.execute();
        while (st.fetch()) {
            e.entity_id = eid;
            e.client_id = cid;
            index.emplace(e.id, out.size());
            out.push_back(e);
        }
    }
    if (out.empty()) return out;
    {
        std::int64_t audit_id = 0;
        FieldChange c;
        soci::statement st(sql);
        st.alloc();
        st.prepare("SELECT audit_id, field, old_value, new_value FROM audit_changes WHERE audit_id IN "
                   "(SELECT id FROM audit_log " +
                   where + ") ORDER BY audit_id, position");
        st.exchange(soci::into(audit_id));
        st.exchange(soci::into(c.field));
        st.exchange(soci::into(c.old_value));
        st.exchange(soci::into(c.new_value));
        bind_filters(st);
        st.define_and_bind();
        st.execute();
        while (st.fetch())
            if (auto it = index.find(audit_id); it != index.end()) out[it->second].changes.push_back(c);
    }
    return out;
}

namespace {
std::string where_clause(const AuditQuery& q, bool by_record) {
    std::string where;
    const auto add = [&](const char* condition) {
        where += where.empty() ? "WHERE " : " AND ";
        where += condition;
    };
    if (by_record) add("entity = :entity AND entity_id = :entity_id");
    if (q.client_id) add("client_id = :client");
    if (q.from) add("at >= :from");
    if (q.to) add("at < :to");
    return where;
}
} // namespace

std::vector<AuditEntry> AuditLog::for_record(std::string_view entity, std::int64_t id) {
    const AuditQuery q;
    return select(where_clause(q, true), q, std::string(entity), id);
}

std::vector<AuditEntry> AuditLog::for_client(std::int64_t client_id) {
    AuditQuery q;
    q.client_id = client_id;
    return find(q);
}

std::vector<AuditEntry> AuditLog::find(const AuditQuery& query) {
    return select(where_clause(query, false), query);
}

std::int64_t AuditLog::count() {
    std::int64_t n = 0;
    m_db.sql() << "SELECT count(*) FROM audit_log", soci::into(n);
    return n;
}

} // namespace knotwork::db
