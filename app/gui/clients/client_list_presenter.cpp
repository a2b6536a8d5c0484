#include "clients/client_list_presenter.h"

#include "common/text.h"
#include "core/display_format.h"
#include "core/translate.h"

namespace knotwork::gui {

bool ClientListPresenter::set_filter(const std::string& text) {
    const std::string trimmed = knotwork::text::trim(text);
    if (trimmed == m_filter && !m_rows.empty()) return false;
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
    q.limit = 1'000'000;
    m_rows = db::ClientRepository(m_db).search(q);
}

std::optional<std::size_t> ClientListPresenter::index_of(ClientId id) const {
    for (std::size_t i = 0; i < m_rows.size(); ++i)
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
    if (m_rows.empty() && !m_filter.empty()) return KW_TR("No client matches") + " \"" + m_filter + "\"";
    return std::to_string(m_rows.size()) + " " + (m_rows.size() == 1 ? KW_TR("client") : KW_TR("clients"));
}

} // namespace knotwork::gui
