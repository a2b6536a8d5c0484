#include "audit_log.h"

#include "database.h"
#include "soci_mapping.h"

namespace knotwork::db {

std::string_view to_code(AuditAction a) {
    switch (a) {
    case AuditAction::create: return "create";
    case AuditAction::update: return "update";
    case AuditAction::sign: return "sign";
    case AuditAction::amend: return "amend";
    case AuditAction::archive: return "archive";
    case AuditAction::restore: return "restore";
    case AuditAction::cancel: return "cancel";
    case AuditAction::remove: return "delete";
    case AuditAction::view: return "view";
    case AuditAction::export_record: return "export";
    case AuditAction::print: return "print";
    }
    return "unknown";
}

void AuditLog::record(AuditAction action, std::string_view entity, std::optional<std::int64_t> entity_id,
                      std::optional<std::int64_t> client_id, const std::string& detail) {
    m_db.require_transaction("writing the audit trail");
    const std::string at = to_iso(now_utc());
    const std::string action_code(to_code(action));
    const std::string entity_name(entity);
    std::int64_t eid = entity_id.value_or(0), cid = client_id.value_or(0);
    soci::indicator eind = entity_id ? soci::i_ok : soci::i_null;
    soci::indicator cind = client_id ? soci::i_ok : soci::i_null;
    m_db.sql() << "INSERT INTO audit_log (at, actor, action, entity, entity_id, client_id, detail) "
                  "VALUES (:at, :actor, :action, :entity, :eid, :cid, :detail)",
        soci::use(at), soci::use(m_db.actor()), soci::use(action_code), soci::use(entity_name),
        soci::use(eid, eind), soci::use(cid, cind), soci::use(detail);
}

namespace {
const char* const audit_columns = "SELECT id, at, actor, action, entity, entity_id, client_id, detail FROM audit_log ";

std::vector<AuditEntry> fetch_all(soci::statement& st, AuditEntry& e, std::optional<std::int64_t>& eid,
                                  std::optional<std::int64_t>& cid) {
    std::vector<AuditEntry> out;
    st.execute();
    while (st.fetch()) {
        e.entity_id = eid;
        e.client_id = cid;
        out.push_back(e);
    }
    return out;
}
} // namespace

std::vector<AuditEntry> AuditLog::for_record(std::string_view entity, std::int64_t id) {
    AuditEntry e;
    std::optional<std::int64_t> eid, cid;
    const std::string entity_name(entity);
    soci::statement st = (m_db.sql().prepare << std::string(audit_columns) +
                                                    "WHERE entity = :entity AND entity_id = :id ORDER BY id",
                          soci::into(e.id), soci::into(e.at), soci::into(e.actor), soci::into(e.action),
                          soci::into(e.entity), soci::into(eid), soci::into(cid), soci::into(e.detail),
                          soci::use(entity_name), soci::use(id));
    return fetch_all(st, e, eid, cid);
}

std::vector<AuditEntry> AuditLog::for_client(std::int64_t client_id) {
    AuditEntry e;
    std::optional<std::int64_t> eid, cid;
    soci::statement st = (m_db.sql().prepare << std::string(audit_columns) + "WHERE client_id = :id ORDER BY id",
                          soci::into(e.id), soci::into(e.at), soci::into(e.actor), soci::into(e.action),
                          soci::into(e.entity), soci::into(eid), soci::into(cid), soci::into(e.detail),
                          soci::use(client_id));
    return fetch_all(st, e, eid, cid);
}

std::int64_t AuditLog::count() {
    std::int64_t n = 0;
    m_db.sql() << "SELECT count(*) FROM audit_log", soci::into(n);
    return n;
}

} // namespace knotwork::db
