#pragma once
// The desktop program's own preferences, typed, over wxConfig: the last practice file, recent
// files, window geometry and the automatic backups' settings. Never clinical data: that lives in
// the practice file.
#include "core/backups.h"

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

    // Automatic backups after a practice is closed: on, "backups" beside the practice, keep 10,
    // until the user changes them in Preferences.
    static app::BackupSettings backup_settings();
    static void set_backup_settings(const app::BackupSettings& settings);

    // Where practice files live by default: $XDG_DATA_HOME/knotwork, created when missing.
    static wxString data_folder();
};

} // namespace knotwork::gui
