#pragma once
// The one place where UTF-8 std::string meets wxString. wxString built from a narrow literal is
// empty for non-ASCII text in the C locale, so every conversion goes through these.
#include <wx/string.h>

#include <string>
#include <string_view>

namespace knotwork::gui {

inline wxString wx(std::string_view utf8) { return wxString::FromUTF8(utf8.data(), utf8.size()); }
inline std::string utf8(const wxString& s) {
    const wxScopedCharBuffer buf = s.utf8_str();
    return std::string(buf.data(), buf.length());
}

} // namespace knotwork::gui
