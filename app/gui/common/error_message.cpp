#include "common/error_message.h"

#include "common/error.h"
#include "common/wx_text.h"
#include "server/connect_presenter.h"

#include <wx/msgdlg.h>

namespace knotwork::gui {

wxString error_text(const wxString& what_failed, const std::exception& e) {
    wxString why = wx(readable_error(e.what()));
    if (const auto* v = dynamic_cast<const ValidationError*>(&e)) {
        why = wxString::Format(_("%s: %s"), wx(v->field()), wx(v->problem()));
        if (!why.empty()) why[0] = wxToupper(why[0]);
    }
    return what_failed + "\n\n" + why;
}

void show_error(wxWindow* parent, const wxString& what_failed, const std::exception& e) {
    const bool is_input = dynamic_cast<const ValidationError*>(&e) != nullptr;
    wxMessageDialog dialog(parent, error_text(what_failed, e), _("Knotwork"),
                           wxOK | (is_input ? wxICON_WARNING : wxICON_ERROR));
    dialog.ShowModal();
}

} // namespace knotwork::gui
