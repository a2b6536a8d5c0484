#pragma once
// Native list and tree controls on GTK keep some shortcuts for themselves (Ctrl+F opens the
// tree view's own search box, Ctrl+N moves its cursor), so a menu accelerator pressed while a
// list has focus never reaches the menu. A frame calls this from its wxEVT_CHAR_HOOK handler
// first: it runs the menu command whose accelerator matches the key and returns true.
class wxKeyEvent;
class wxMenuBar;
class wxWindow;

namespace knotwork::gui {

bool dispatch_menu_accelerator(wxWindow* frame, wxMenuBar* menus, const wxKeyEvent& key);

} // namespace knotwork::gui
