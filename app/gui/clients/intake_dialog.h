#pragma once
// The intake dialog: every client field, the health-history checklist, medications, allergies,
// pressure preference, sensitive areas, consent, and the red-flag questions. A positive red flag
// shows a clear stop-and-refer warning and is recorded with the client. Also edits an existing
// client. Ctrl+Z (or Undo) takes back the last change and shows its page; Ctrl+Shift+Z and Ctrl+Y
// redo it. The logic lives in IntakePresenter (intake_presenter.h).
#include "client/client.h"

#include <wx/dialog.h>

#include <optional>

namespace knotwork::db {
class Database;
}

namespace knotwork::gui {

class IntakeDialog : public wxDialog {
public:
    // `client` empty: a new client; otherwise edits that client.
    IntakeDialog(wxWindow* parent, db::Database& db, std::optional<ClientId> client);
    ~IntakeDialog() override;
    // The id of the client saved when ShowModal() returned wxID_OK.
    ClientId saved_client() const { return m_saved; }

private:
    struct Widgets;
    db::Database& m_db;
    std::optional<ClientId> m_client;
    ClientId m_saved = 0;
    Widgets* m_w = nullptr;
};

} // namespace knotwork::gui
