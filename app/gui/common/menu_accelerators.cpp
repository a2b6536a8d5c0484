#include "common/menu_accelerators.h"

#include <wx/accel.h>
#include <wx/menu.h>
#include <wx/window.h>

#include <memory>

namespace knotwork::gui {

namespace {

int accelerator_flags(const wxKeyEvent& key) {
    int flags = 0;
    if (key.RawControlDown()) flags |= wxACCEL_RAW_CTRL;
    if (key.ControlDown()) flags |= wxACCEL_CTRL;
    if (key.AltDown()) flags |= wxACCEL_ALT;
    if (key.ShiftDown()) flags |= wxACCEL_SHIFT;
    return flags;
}

bool matches(const wxAcceleratorEntry& accel, const wxKeyEvent& key) {
    int code = key.GetKeyCode();
    if (code >= 'a' && code <= 'z') code = code - 'a' + 'A';
    int want = accel.GetKeyCode();
    if (want >= 'a' && want <= 'z') want = want - 'a' + 'A';
    const int flags = accelerator_flags(key) & ~wxACCEL_RAW_CTRL;
    return code == want && (accel.GetFlags() & ~wxACCEL_RAW_CTRL) == flags;
}

bool dispatch_in(wxWindow* frame, wxMenu* menu, const wxKeyEvent& key) {
    for (wxMenuItem* item : menu->GetMenuItems()) {
        if (item->IsSubMenu()) {
            if (dispatch_in(frame, item->GetSubMenu(), key)) return true;
            continue;
        }
        std::unique_ptr<wxAcceleratorEntry> accel(item->GetAccel());
        if (!accel || !matches(*accel, key)) continue;
        if (!item->IsEnabled()) return true; // the shortcut is ours, but not available now
        wxCommandEvent command(wxEVT_MENU, item->GetId());
        command.SetEventObject(frame);
        frame->GetEventHandler()->ProcessEvent(command);
        return true;
    }
    return false;
}

} // namespace

bool dispatch_menu_accelerator(wxWindow* frame, wxMenuBar* menus, const wxKeyEvent& key) {
    // Only chords: plain keys and Shift+key belong to the focused control.
    if (!menus || !(key.ControlDown() || key.AltDown())) return false;
    for (std::size_t i = 0; i < menus->GetMenuCount(); ++i)
        if (dispatch_in(frame, menus->GetMenu(i), key)) return true;
    return false;
}

} // namespace knotwork::gui
