#include "clients/client_list_presenter.h"

#include "common/text.h"
#include "core/display_format.h"
#include "core/translate.h"

#include <algorithm>
#include <iterator>
#include <stdexcept>

namespace knotwork::gui {

bool ClientListPresenter::set_filter(const std::string& text) {
    const std::string trimmed = knotwork::text::trim(text);
    if (trimmed == m_filter && m_size > 0) return false;
    m_filter = trimmed;
    refresh();
    return true;
}

bool ClientListPresenter::set_show_archived(bool show) {
    if (show == m_show_archived) return false;
    m_show_archived = show;
    refresh();
    return true;
}

void ClientListPresenter::refresh() {
    db::ClientQuery q;
    q.text = m_filter;
    q.include_archived = m_show_archived;
    db::ClientRepository clients(m_db);
    m_size = static_cast<std::size_t>(clients.count_matching(q));
    q.limit = static_cast<int>(page_size);
    m_rows = clients.search(q);
    // Someone else may add or archive clients between the two queries: the rows read win.
    if (m_rows.size() < page_size) m_size = m_rows.size();
    else m_size = std::max(m_size, m_rows.size());
}

void ClientListPresenter::read_until(std::size_t rows) {
    if (rows <= m_rows.size()) return;
    db::ClientQuery q;
    q.text = m_filter;
    q.include_archived = m_show_archived;
    q.offset = static_cast<int>(m_rows.size());
    const std::size_t wanted = ((rows - m_rows.size() + page_size - 1) / page_size) * page_size;
    q.limit = static_cast<int>(std::min<std::size_t>(wanted, 1'000'000'000));
    auto more = db::ClientRepository(m_db).search(q);
    m_rows.insert(m_rows.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    if (more.size() < wanted) m_size = m_rows.size(); // fewer than counted: clients left meanwhile
}

const db::ClientSummary& ClientListPresenter::at(std::size_t row) {
    if (row >= m_size) throw std::out_of_range("client list row " + std::to_string(row));
    read_until(row + 1);
    return m_rows.at(row);
}

std::optional<std::size_t> ClientListPresenter::index_of(ClientId id) {
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == id) return i;
    if (m_rows.size() >= m_size) return std::nullopt;
    const std::size_t from = m_rows.size();
    read_until(m_size);
    for (std::size_t i = from; i < m_rows.size(); ++i)
        if (m_rows[i].id == id) return i;
    return std::nullopt;
}

std::string ClientListPresenter::cell(const db::ClientSummary& r, Column column) {
    switch (column) {
    case Column::name: {
        std::string name = r.family_name + ", " + r.given_name;
        if (!r.preferred_name.empty() && r.preferred_name != r.given_name) name += " (" + r.preferred_name + ")";
        if (r.archived) name += " [" + KW_TR("archived") + "]";
        return name;
    }
    case Column::date_of_birth: return r.date_of_birth ? app::format_date(*r.date_of_birth) : std::string();
    case Column::phone: return r.phone;
    }
    return {};
}

std::string ClientListPresenter::status_text() const {
    if (m_size == 0 && !m_filter.empty()) return KW_TR("No client matches") + " \"" + m_filter + "\"";
    return std::to_string(m_size) + " " + (m_size == 1 ? KW_TR("client") : KW_TR("clients"));
}

} // namespace knotwork::gui
