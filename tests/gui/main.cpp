#define BOOST_TEST_MODULE knotwork gui
#include <boost/test/unit_test.hpp>

#include "window_driver.h"

#include <wx/app.h>
#include <wx/config.h>
#include <wx/fileconf.h>
#include <wx/init.h>
#include <wx/log.h>
#include <wx/stdpaths.h>
#include <wx/toplevel.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

namespace {

using knotwork::gui::test::TempDir;

// wxWidgets for the whole run, as the program starts it (application name, XDG file layout, the
// preferences file), in a temporary home: no real preferences, recent files or recovery copies
// are read or written. Needs an X display; CTest runs the suite under xvfb-run.
class WxSession {
  public:
    WxSession() {
        const std::filesystem::path home = m_home.path();
        for (const char* dir : {"config", "data", "cache"})
            std::filesystem::create_directories(home / dir);
        ::setenv("HOME", home.c_str(), 1);
        ::setenv("XDG_CONFIG_HOME", (home / "config").c_str(), 1);
        ::setenv("XDG_DATA_HOME", (home / "data").c_str(), 1);
        ::setenv("XDG_CACHE_HOME", (home / "cache").c_str(), 1);
        ::setenv("NO_AT_BRIDGE", "1", 1);           // no accessibility bus under Xvfb
        ::setenv("GSETTINGS_BACKEND", "memory", 1); // no dconf writes in the temporary home

        const char* display = std::getenv("DISPLAY");
        if (!display || !*display)
            throw std::runtime_error("no X display: run the GUI tests under xvfb-run (as CTest does)");

        wxApp::SetInstance(new wxApp);
        static char program[] = "knotwork_gui_tests";
        static char* argv[] = {program, nullptr};
        int argc = 1;
        if (!wxEntryStart(argc, argv))
            throw std::runtime_error(std::string("wxWidgets could not start on the display ") + display);
        m_started = true;
        wxTheApp->SetAppName("knotwork");
        wxTheApp->SetAppDisplayName("Knotwork");
        // wx's own messages go to stderr, never into a message box that would wait for a click.
        delete wxLog::SetActiveTarget(new wxLogStderr);

        wxStandardPaths::Get().SetFileLayout(wxStandardPaths::FileLayout_XDG);
        const wxString config_dir = wxStandardPaths::Get().GetUserConfigDir() + "/knotwork";
        std::filesystem::create_directories(knotwork::gui::test::utf8_of(config_dir));
        wxConfigBase::Set(new wxFileConfig("knotwork", wxEmptyString, config_dir + "/knotwork.conf",
                                           wxEmptyString, wxCONFIG_USE_LOCAL_FILE));
        if (!wxTheApp->CallOnInit()) throw std::runtime_error("wxApp::OnInit() failed");
    }

    ~WxSession() {
        if (!m_started) return;
        // Whatever a failed test left behind goes first, as the program's windows do on quit.
        for (wxWindow* w : wxTopLevelWindows)
            w->Destroy();
        for (int i = 0; i < 10 && !wxTopLevelWindows.empty(); ++i)
            wxTheApp->ProcessIdle();
        wxTheApp->OnExit(); // deletes the preferences object
        wxEntryCleanup();
    }

    WxSession(const WxSession&) = delete;
    WxSession& operator=(const WxSession&) = delete;

  private:
    TempDir m_home;
    bool m_started = false;
};

} // namespace

BOOST_TEST_GLOBAL_FIXTURE(WxSession);
