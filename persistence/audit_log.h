#pragma once
// The audit trail: who did what to which record, and when, and for a change the old and new value
// of every field it touched. Rows are written in the same transaction as the change they
// describe; the database refuses to change or delete them, or to add changes to an old entry.
#include "common/dates.h"
#include "common/enum_names.h"

#include <concepts>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace knotwork::db {

class Database;

enum class AuditAction {
    create,
    update,
    sign,
    amend,
    archive,
    restore,
    cancel,
    remove,
    view,
    export_record,
    print
};

// One field a change touched. `field` is a stable key ("phone", "date_of_birth", "techniques");
// the values are the text a person reads: ISO dates, enum labels, lists joined by "; ", "" for
// nothing.
struct FieldChange {
    std::string field;
    std::string old_value;
    std::string new_value;
    bool operator==(const FieldChange&) const = default;
};

struct AuditEntry {
    std::int64_t id = 0;
    DateTime at; // UTC
    std::string actor;
    std::string action;
    std::string entity; // "client", "assessment", "plan", "session", "practice", "audit_log"
    std::optional<std::int64_t> entity_id;
    std::optional<std::int64_t> client_id;
    std::string detail;
    std::vector<FieldChange> changes; // in the order the record's fields were compared
};

std::string_view to_code(AuditAction a);

// ---- values as the audit trail writes them -------------------------------------------------

inline std::string audit_text(const std::string& s) {
    return s;
}
inline std::string audit_text(const char* s) {
    return s;
}
inline std::string audit_text(bool b) {
    return b ? "yes" : "no";
}
std::string audit_text(int n);
std::string audit_text(std::int64_t n);
std::string audit_text(double n);
std::string audit_text(const Date& d);        // "2026-03-04"
std::string audit_text(const DateTime& t);    // "2026-03-04 09:30" (the wall clock it was given)
std::string audit_text(const Duration& time); // "14:30"

template <typename E>
requires std::is_enum_v<E> && requires {
    EnumNames<E>::entries();
}
std::string audit_text(E value) {
    return std::string(label(value));
}

template <typename T> std::string audit_text(const std::optional<T>& v) {
    return v ? audit_text(*v) : std::string();
}

// Lists and sets: the items' text joined by "; ".
template <typename Range>
requires requires(const Range& r) {
    r.begin();
    r.end();
    typename Range::value_type;
} &&(!std::is_convertible_v<Range, std::string_view>)std::string audit_text(const Range& items) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += "; ";
        out += audit_text(item);
    }
    return out;
}

// The fields that differ between two versions of a record, in the order they were compared.
class ChangeList {
  public:
    // Adds `field` when the two texts differ.
    void compare_text(std::string_view field, std::string before, std::string after);

    template <typename T> void compare(std::string_view field, const T& before, const T& after) {
        if (!(before == after)) compare_text(field, audit_text(before), audit_text(after));
    }

    bool empty() const noexcept { return m_items.empty(); }
    const std::vector<FieldChange>& items() const noexcept { return m_items; }
    // "changed: phone, email", or "no change".
    std::string summary() const;

  private:
    std::vector<FieldChange> m_items;
};

// Which entries an export or a history window wants. Dates are UTC days, both ends included.
struct AuditQuery {
    std::optional<std::int64_t> client_id = std::nullopt;
    std::optional<Date> from = std::nullopt;
    std::optional<Date> to = std::nullopt;
    bool newest_first = false;
};

class AuditLog {
  public:
    explicit AuditLog(Database& db) : m_db(db) {}

    // Requires an open transaction. Returns the new entry's id.
    std::int64_t record(AuditAction action, std::string_view entity, std::optional<std::int64_t> entity_id,
                        std::optional<std::int64_t> client_id, const std::string& detail = {},
                        const std::vector<FieldChange>& changes = {});

    // Oldest first, each with its changes.
    std::vector<AuditEntry> for_record(std::string_view entity, std::int64_t id);
    std::vector<AuditEntry> for_client(std::int64_t client_id);
    std::vector<AuditEntry> find(const AuditQuery& query);
    std::int64_t count();

  private:
    std::vector<AuditEntry> select(const std::string& where, const AuditQuery& query,
                                   const std::string& entity = {}, std::int64_t entity_id = 0);
    Database& m_db;
};

} // namespace knotwork::db
