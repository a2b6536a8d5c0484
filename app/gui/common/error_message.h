#pragma once
// The UI edge for errors: what failed, in the window that caused it, and why in plain words.
// A ValidationError names the field; ConflictError and LockedRecordError say what to do next.
#include <wx/string.h>

#include <exception>

class wxWindow;

namespace knotwork::gui {

// "The client could not be saved.\n\nfamily name: must not be empty"
wxString error_text(const wxString& what_failed, const std::exception& e);
void show_error(wxWindow* parent, const wxString& what_failed, const std::exception& e);

} // namespace knotwork::gui
