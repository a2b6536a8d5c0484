#include "clients/client_list_model.h"

#include "common/wx_text.h"

namespace knotwork::gui {

ClientListModel::ClientListModel(ClientListPresenter& presenter)
    : wxDataViewVirtualListModel(static_cast<unsigned int>(presenter.size())), m_presenter(presenter) {}

void ClientListModel::rows_changed() { Reset(static_cast<unsigned int>(m_presenter.size())); }

void ClientListModel::GetValueByRow(wxVariant& value, unsigned int row, unsigned int col) const {
    if (row >= m_presenter.size()) {
        value = wxString();
        return;
    }
    // The control asks from inside the toolkit's drawing, where an exception cannot pass: a row
    // that cannot be read (a clinic server's connection lost while scrolling) shows empty and
    // the window hears why.
    try {
        value = wx(ClientListPresenter::cell(m_presenter.at(row), static_cast<ClientListPresenter::Column>(col)));
    } catch (const std::exception& e) {
        value = wxString();
        if (on_read_failed) on_read_failed(e.what());
    }
}

} // namespace knotwork::gui
