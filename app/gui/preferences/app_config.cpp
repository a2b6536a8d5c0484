#include "preferences/app_config.h"

#include "common/wx_text.h"

#include <wx/config.h>
#include <wx/filename.h>
#include <wx/stdpaths.h>
#include <wx/utils.h>

namespace knotwork::gui {

namespace {
constexpr int max_recent = 8;
wxConfigBase& config() { return *wxConfigBase::Get(); }
} // namespace

std::optional<wxString> AppConfig::last_practice() {
    wxString path;
    if (!config().Read("/practice/last", &path) || path.empty()) return std::nullopt;
    return path;
}

void AppConfig::set_last_practice(const wxString& path) {
    config().Write("/practice/last", path);
    add_recent_practice(path);
    config().Flush();
}

std::vector<wxString> AppConfig::recent_practices() {
    std::vector<wxString> out;
    for (int i = 0; i < max_recent; ++i) {
        wxString path;
        if (config().Read(wxString::Format("/practice/recent%d", i), &path) && !path.empty()) out.push_back(path);
    }
    return out;
}

void AppConfig::add_recent_practice(const wxString& path) {
    std::vector<wxString> list{path};
    for (const auto& p : recent_practices())
        if (p != path && static_cast<int>(list.size()) < max_recent) list.push_back(p);
    for (int i = 0; i < max_recent; ++i)
        config().Write(wxString::Format("/practice/recent%d", i), i < static_cast<int>(list.size()) ? list[static_cast<std::size_t>(i)] : wxString());
}

std::optional<wxRect> AppConfig::main_window_rect() {
    long x, y, w, h;
    if (!config().Read("/window/x", &x) || !config().Read("/window/y", &y) || !config().Read("/window/w", &w) ||
        !config().Read("/window/h", &h) || w < 200 || h < 150)
        return std::nullopt;
    return wxRect(static_cast<int>(x), static_cast<int>(y), static_cast<int>(w), static_cast<int>(h));
}

void AppConfig::set_main_window_rect(const wxRect& r, bool maximized) {
    config().Write("/window/x", r.x);
    config().Write("/window/y", r.y);
    config().Write("/window/w", r.width);
    config().Write("/window/h", r.height);
    config().Write("/window/maximized", maximized);
}

bool AppConfig::main_window_maximized() { return config().ReadBool("/window/maximized", false); }

int AppConfig::client_list_width(int fallback) { return static_cast<int>(config().ReadLong("/window/client_list_width", fallback)); }

void AppConfig::set_client_list_width(int w) { config().Write("/window/client_list_width", w); }

app::BackupSettings AppConfig::backup_settings() {
    app::BackupSettings s;
    s.enabled = config().ReadBool("/backup/enabled", s.enabled);
    s.folder = utf8(config().Read("/backup/folder", wxString()));
    s.keep = static_cast<int>(config().ReadLong("/backup/keep", s.keep));
    if (s.keep < app::BackupSettings::min_keep || s.keep > app::BackupSettings::max_keep)
        s.keep = app::BackupSettings::default_keep;
    return s;
}

void AppConfig::set_backup_settings(const app::BackupSettings& settings) {
    config().Write("/backup/enabled", settings.enabled);
    config().Write("/backup/folder", wx(settings.folder));
    config().Write("/backup/keep", settings.keep);
    config().Flush();
}

wxString AppConfig::data_folder() {
    // The XDG data folder: $XDG_DATA_HOME/knotwork, else ~/.local/share/knotwork.
    wxString base;
    if (!wxGetEnv("XDG_DATA_HOME", &base) || base.empty()) base = wxGetHomeDir() + "/.local/share";
    const wxString dir = base + "/knotwork";
    if (!wxFileName::DirExists(dir)) wxFileName::Mkdir(dir, 0700, wxPATH_MKDIR_FULL);
    return dir;
}

} // namespace knotwork::gui
