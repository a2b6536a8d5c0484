#pragma once
// The client list's virtual model: rows come from ClientListPresenter, so 20,000 clients cost
// only the rows on screen.
#include "clients/client_list_presenter.h"

#include <wx/dataview.h>

#include <functional>
#include <string>

namespace knotwork::gui {

class ClientListModel : public wxDataViewVirtualListModel {
public:
    explicit ClientListModel(ClientListPresenter& presenter);

    // Tells the control the rows changed.
    void rows_changed();

    unsigned int GetColumnCount() const override { return 3; }
    wxString GetColumnType(unsigned int) const override { return "string"; }
    void GetValueByRow(wxVariant& value, unsigned int row, unsigned int col) const override;
    bool SetValueByRow(const wxVariant&, unsigned int, unsigned int) override { return false; }

    // Called (while the control draws) when a row could not be read, with the reason.
    std::function<void(const std::string&)> on_read_failed;

private:
    ClientListPresenter& m_presenter;
};

} // namespace knotwork::gui
