#pragma once
// The audit trail: who did what to which record, and when. Rows are written in the same
// transaction as the change they describe; the database refuses to change or delete them.
#include "common/dates.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace knotwork::db {

class Database;

enum class AuditAction { create, update, sign, amend, archive, restore, cancel, remove, view, export_record, print };

struct AuditEntry {
    std::int64_t id = 0;
    DateTime at;
    std::string actor;
    std::string action;
    std::string entity;  // "client", "assessment", "plan", "session"
    std::optional<std::int64_t> entity_id;
    std::optional<std::int64_t> client_id;
    std::string detail;
};

std::string_view to_code(AuditAction a);

class AuditLog {
public:
    explicit AuditLog(Database& db) : m_db(db) {}

    // Requires an open transaction.
    void record(AuditAction action, std::string_view entity, std::optional<std::int64_t> entity_id,
                std::optional<std::int64_t> client_id, const std::string& detail = {});

    std::vector<AuditEntry> for_record(std::string_view entity, std::int64_t id);
    std::vector<AuditEntry> for_client(std::int64_t client_id);
    std::int64_t count();

private:
    Database& m_db;
};

} // namespace knotwork::db
