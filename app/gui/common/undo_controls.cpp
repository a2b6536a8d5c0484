#include "common/undo_controls.h"

#include "common/wx_text.h"

#include <wx/button.h>
#include <wx/event.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

namespace knotwork::gui {

HistoryKey history_key(const wxKeyEvent& key) {
    int code = key.GetKeyCode();
    if (code >= 'a' && code <= 'z') code = code - 'a' + 'A';
    const int mods = key.GetModifiers();
    if (code == 'Z' && mods == wxMOD_CONTROL) return HistoryKey::undo;
    if ((code == 'Z' && mods == (wxMOD_CONTROL | wxMOD_SHIFT)) || (code == 'Y' && mods == wxMOD_CONTROL))
        return HistoryKey::redo;
    return HistoryKey::none;
}

void restore_text(wxTextCtrl& text, const wxString& value) {
    const wxString old = text.GetValue();
    if (old == value) return;
    // The part that changed lies between the longest common beginning and end.
    const std::size_t shorter = std::min(old.length(), value.length());
    std::size_t head = 0;
    while (head < shorter && old[head] == value[head])
        ++head;
    std::size_t tail = 0;
    while (tail < shorter - head && old[old.length() - 1 - tail] == value[value.length() - 1 - tail])
        ++tail;
    text.ChangeValue(value);
    const long caret = static_cast<long>(value.length() - tail);
    text.SetInsertionPoint(caret);
    text.ShowPosition(caret);
}

wxString undone_text(std::string_view label) {
    return wxString::Format(_("Undone: %s"), wx(label));
}

wxString redone_text(std::string_view label) {
    return wxString::Format(_("Redone: %s"), wx(label));
}

UndoButtons::UndoButtons(wxWindow* parent)
    : m_undo(new wxButton(parent, wxID_ANY, _("Undo"))), m_redo(new wxButton(parent, wxID_ANY, _("Redo"))),
      m_hint(new wxStaticText(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                              wxST_ELLIPSIZE_END)) {
    m_undo->SetName("undo");
    m_redo->SetName("redo");
    m_hint->SetName("undo-hint");
    m_hint->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    update(false, {}, false, {});
}

void UndoButtons::add_to(wxSizer* row, int gap) {
    row->Add(m_undo, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    row->Add(m_redo, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 2 * gap);
    row->Add(m_hint, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
}

void UndoButtons::say(const wxString& text) {
    const wxString label = wxControl::EscapeMnemonics(text);
    if (m_hint->GetLabel() != label) m_hint->SetLabel(label);
}

void UndoButtons::update(bool can_undo, std::string_view undo_label, bool can_redo,
                         std::string_view redo_label) {
    auto set = [](wxButton* button, bool enabled, const wxString& tip) {
        if (button->IsEnabled() != enabled) button->Enable(enabled);
        if (button->GetToolTipText() != tip) button->SetToolTip(tip);
    };
    set(m_undo, can_undo,
        undo_label.empty() ? _("Nothing to undo (Ctrl+Z)")
                           : wxString::Format(_("Undo: %s (Ctrl+Z)"), wx(undo_label)));
    set(m_redo, can_redo,
        redo_label.empty() ? _("Nothing to redo (Ctrl+Shift+Z or Ctrl+Y)")
                           : wxString::Format(_("Redo: %s (Ctrl+Shift+Z or Ctrl+Y)"), wx(redo_label)));
}

} // namespace knotwork::gui
