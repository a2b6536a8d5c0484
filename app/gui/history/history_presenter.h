#pragma once
// A client's history as the History window shows it: every audit entry about the client and their
// records, newest first, each with when (the local wall clock), who, what was done, to which record
// ("Session 2026-03-04") and what changed ("Phone: 555-0101 → 555-0199"). The selected entry's
// changes can be read in full, long notes included. Chart views can be hidden to see only what was
// done to the records. No wxWidgets here.
#include "audit_log.h"
#include "client/client.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace knotwork::db {
class Database;
}

namespace knotwork::gui {

struct HistoryRow {
    std::string when; // local date and time, as the user's locale writes them
    std::string who;
    std::string action; // "Changed", "Signed", "Viewed"
    std::string record; // "Client", "Session 2026-03-04", "Treatment plan 2026-02-21"
    std::string changes; // one line: "Phone: 555-0101 → 555-0199; Email: (none) → a@b.org", or what was done
};

class HistoryPresenter {
  public:
    enum class Column { when, who, action, record, changes };
    static constexpr int column_count = 5;

    // Converts the log's UTC times to the wall clock shown; the default uses the computer's zone.
    using ToLocal = std::function<DateTime(DateTime utc)>;

    // Throws NotFoundError for an unknown client.
    HistoryPresenter(db::Database& db, ClientId client, ToLocal to_local = {});

    // Reads the entries again (newest first).
    void refresh();
    // Returns true when the rows changed.
    bool set_hide_views(bool hide);
    bool hide_views() const noexcept { return m_hide_views; }

    std::size_t size() const noexcept { return m_rows.size(); }
    const HistoryRow& at(std::size_t row) const { return m_rows.at(row); }
    const db::AuditEntry& entry(std::size_t row) const { return m_entries.at(m_shown.at(row)); }
    std::string cell(std::size_t row, Column column) const;

    // "History of Zizi Okafor".
    std::string title() const;
    // "42 entries", "1 entry", "42 entries (17 chart views hidden)".
    std::string status_text() const;
    // Every change of one entry in full, one field after another, for reading below the list.
    std::string details(std::size_t row) const;

    // "Phone", "Date of birth", "ODI: Lifting"; an unknown key reads as words ("Some field").
    static std::string field_label(const std::string& field);
    // "Created", "Changed", "Signed"; an unknown code is shown as stored.
    static std::string action_label(const std::string& action);

  private:
    void rebuild_rows();
    std::string record_label(const db::AuditEntry& e) const;

    db::Database& m_db;
    Client m_client;
    ToLocal m_to_local;
    bool m_hide_views = false;
    std::vector<db::AuditEntry> m_entries; // newest first
    std::vector<std::size_t> m_shown;      // indexes into m_entries
    std::vector<HistoryRow> m_rows;
    std::map<std::int64_t, Date> m_session_days, m_assessment_days, m_plan_days;
};

} // namespace knotwork::gui
