#pragma once
// The desktop program's own preferences, typed, over wxConfig: the last practice file, recent
// files and window geometry. Never clinical data: that lives in the practice file.
#include <wx/gdicmn.h>
#include <wx/string.h>

#include <optional>
#include <vector>

namespace knotwork::gui {

class AppConfig {
public:
    static std::optional<wxString> last_practice();
    static void set_last_practice(const wxString& path);

    static std::vector<wxString> recent_practices(); // most recent first, at most 8
    static void add_recent_practice(const wxString& path);

    static std::optional<wxRect> main_window_rect();
    static void set_main_window_rect(const wxRect& r, bool maximized);
    static bool main_window_maximized();

    static int client_list_width(int fallback);
    static void set_client_list_width(int w);

    // Where practice files live by default: $XDG_DATA_HOME/knotwork, created when missing.
    static wxString data_folder();
};

} // namespace knotwork::gui
