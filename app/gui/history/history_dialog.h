#pragma once
// The History window: everything the audit trail holds about one client and their records, newest
// first, with the old and new values of each change; the selected entry's changes in full below
// the list. Read-only: the audit trail cannot be changed, here or anywhere.
#include "history/history_presenter.h"

#include <wx/dialog.h>

#include <memory>

class wxCheckBox;
class wxDataViewCtrl;
class wxStaticText;
class wxTextCtrl;

namespace knotwork::gui {

class HistoryListModel;

class HistoryDialog : public wxDialog {
  public:
    // Throws knotwork::Error when the client or the history cannot be read.
    HistoryDialog(wxWindow* parent, db::Database& db, ClientId client);
    ~HistoryDialog() override;

    const HistoryPresenter& presenter() const { return *m_presenter; }

  private:
    void rows_changed();
    void show_details();

    std::unique_ptr<HistoryPresenter> m_presenter;
    HistoryListModel* m_model = nullptr;
    wxDataViewCtrl* m_list = nullptr;
    wxCheckBox* m_hide_views = nullptr;
    wxTextCtrl* m_details = nullptr;
    wxStaticText* m_status = nullptr;
};

} // namespace knotwork::gui
