#pragma once
// Full-text search over every SOAP note and amendment: results as the therapist types, each
// with the client, the date and the words that matched; Enter opens the client's notes.
#include "repositories/session_repository.h"

#include <wx/dialog.h>

#include <optional>
#include <vector>

class wxDataViewListCtrl;
class wxSearchCtrl;
class wxStaticText;
class wxTimer;

namespace knotwork::db {
class Database;
}

namespace knotwork::gui {

class NoteSearchDialog : public wxDialog {
public:
    NoteSearchDialog(wxWindow* parent, db::Database& db);
    std::optional<ClientId> chosen_client() const { return m_chosen; }

private:
    void run_search();
    void choose();

    db::Database& m_db;
    std::vector<db::NoteHit> m_hits;
    std::optional<ClientId> m_chosen;
    wxSearchCtrl* m_query = nullptr;
    wxDataViewListCtrl* m_results = nullptr;
    wxStaticText* m_status = nullptr;
};

} // namespace knotwork::gui
