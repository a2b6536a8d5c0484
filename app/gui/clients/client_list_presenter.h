#pragma once
// The client list beside the chart: filters as the therapist types (every word must occur in a
// name, the phone number or the date of birth written YYYY-MM-DD), optionally shows archived
// clients, and serves the rows a virtual list control reads. A keystroke costs one count and the
// first page of rows; further pages are read when the list asks for them (scrolling), so the list
// stays quick at any practice size. The date of birth column shows the date as the user's locale
// writes it (app::format_date). No wxWidgets here.
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

    // Rows read from the practice per page.
    static constexpr std::size_t page_size = 200;

    std::size_t size() const { return m_size; }
    // Reads the row's page first when it has not been read yet. Throws std::out_of_range past
    // size().
    const db::ClientSummary& at(std::size_t row);
    // The client's row, reading the remaining pages when the client is not among those read.
    std::optional<std::size_t> index_of(ClientId id);
    // Rows read so far (for tests and diagnostics).
    std::size_t rows_read() const { return m_rows.size(); }
    const std::string& filter() const { return m_filter; }

    static std::string cell(const db::ClientSummary& row, Column column);
    // "12 clients", "1 client", "No client matches "xyz"".
    std::string status_text() const;

private:
    void read_until(std::size_t rows);

    db::Database& m_db;
    std::string m_filter;
    bool m_show_archived = false;
    std::size_t m_size = 0;
    std::vector<db::ClientSummary> m_rows; // the first rows of the list, read page by page
};

} // namespace knotwork::gui
