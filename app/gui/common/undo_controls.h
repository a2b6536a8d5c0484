#pragma once
// What the windows share for undo and redo. Each dialog catches Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y
// in its wxEVT_CHAR_HOOK handler, so they work in every control, multi-line text and grids
// included, and asks its presenter; the presenter keeps the history (common/edit_history.h). After
// an undo the dialog refills its controls from the presenter without recording anything, putting
// text back with restore_text() so the caret lands where the text changed.
#include <wx/string.h>

#include <string_view>

class wxButton;
class wxKeyEvent;
class wxSizer;
class wxStaticText;
class wxTextCtrl;
class wxWindow;

namespace knotwork::gui {

enum class HistoryKey { none, undo, redo };

// Ctrl+Z: undo. Ctrl+Shift+Z and Ctrl+Y: redo. Anything else: none.
HistoryKey history_key(const wxKeyEvent& key);

// Puts `value` into `text` without a wxEVT_TEXT, when it differs, with the caret at the end of the
// part that changed and that part scrolled into view.
void restore_text(wxTextCtrl& text, const wxString& value);

// "Undo: Chief complaint" after an undo; "Redo: Chief complaint" after a redo.
wxString undone_text(std::string_view label);
wxString redone_text(std::string_view label);

// An Undo and a Redo button for a dialog's button row (named "undo" and "redo"), whose tooltips
// say what they would undo or redo and the keys that do the same, and a quiet line beside them
// ("undo-hint") that says what the last undo or redo did.
class UndoButtons {
  public:
    explicit UndoButtons(wxWindow* parent);
    // Adds the buttons and the line to a horizontal sizer.
    void add_to(wxSizer* row, int gap);
    // Enables each button when there is something to undo (redo); `undo_label` and `redo_label`
    // name the step ("" when none).
    void update(bool can_undo, std::string_view undo_label, bool can_redo, std::string_view redo_label);
    // Shows `text` beside the buttons ("Undone: Family name"); empty clears it.
    void say(const wxString& text);
    wxButton* undo() const noexcept { return m_undo; }
    wxButton* redo() const noexcept { return m_redo; }

  private:
    wxButton* m_undo;
    wxButton* m_redo;
    wxStaticText* m_hint;
};

} // namespace knotwork::gui
