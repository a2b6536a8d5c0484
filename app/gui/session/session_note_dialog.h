#pragma once
// The SOAP note editor for one appointment: S/O/A/P fields, keyboard-first (tab order,
// accelerators, quick phrases by shortcut), a grid of technique × region × pressure × minutes,
// pain before/after, adverse reactions; shows "session 3 of 6" and the plan's focus. Sign locks
// the note after confirmation; afterwards only "Add amendment" is offered. Unsaved text is never
// lost silently. Ctrl+Z undoes the last change in any field, Ctrl+Shift+Z and Ctrl+Y redo it. The
// logic lives in SessionNotePresenter (session_note_presenter.h).
#include "session/session.h"

#include <wx/dialog.h>

namespace knotwork::db {
class Database;
}

namespace knotwork::gui {

class SessionNoteDialog : public wxDialog {
public:
    SessionNoteDialog(wxWindow* parent, db::Database& db, SessionId session);
    ~SessionNoteDialog() override;

private:
    struct Widgets;
    db::Database& m_db;
    SessionId m_session;
    Widgets* m_w = nullptr;
};

} // namespace knotwork::gui
