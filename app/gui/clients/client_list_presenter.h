#pragma once
// The client list beside the chart: filters as the therapist types (every word must occur in a
// name, the phone number or the date of birth written YYYY-MM-DD), optionally shows archived
// clients, and keeps the rows a virtual list control reads. The date of birth column shows the
// date as the user's locale writes it (app::format_date). No wxWidgets here.
#include "repositories/client_repository.h"

#include <optional>
#include <string>
#include <vector>

namespace knotwork::db {
class Database;
}

namespace knotwork::gui {

class ClientListPresenter {
public:
    enum class Column { name, date_of_birth, phone };

    explicit ClientListPresenter(db::Database& db) : m_db(db) {}

    // Each returns true when the rows changed.
    bool set_filter(const std::string& text);
    bool set_show_archived(bool show);
    void refresh();

    std::size_t size() const { return m_rows.size(); }
    const db::ClientSummary& at(std::size_t row) const { return m_rows.at(row); }
    std::optional<std::size_t> index_of(ClientId id) const;
    const std::string& filter() const { return m_filter; }

    static std::string cell(const db::ClientSummary& row, Column column);
    // "12 clients", "1 client", "No client matches "xyz"".
    std::string status_text() const;

private:
    db::Database& m_db;
    std::string m_filter;
    bool m_show_archived = false;
    std::vector<db::ClientSummary> m_rows;
};

} // namespace knotwork::gui
