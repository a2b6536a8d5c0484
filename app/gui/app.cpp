#include "app.h"

#include "common/error.h"
#include "common/locale_format.h"
#include "common/wx_text.h"
#include "core/demo_practice.h"
#include "core/translate.h"
#include "first_start_dialog.h"
#include "main_frame.h"
#include "preferences/app_config.h"
#include "server/connect_dialog.h"
#include "server/connect_presenter.h"

#include <wx/cmdline.h>
#include <wx/fileconf.h>
#include <wx/stdpaths.h>
#include <wx/filename.h>
#include <wx/msgdlg.h>
#include <wx/progdlg.h>
#include <wx/utils.h>

wxIMPLEMENT_APP(knotwork::gui::KnotworkApp);

namespace knotwork::gui {

namespace {

std::string translate_with_wx(std::string_view english) { return utf8(wxGetTranslation(wx(english))); }

std::unique_ptr<db::Database> open_practice(const wxString& path, bool create) {
    db::OpenOptions options;
    options.create_if_missing = create;
    options.actor = utf8(wxGetUserId());
    return db::Database::open(utf8(path), options);
}

// Creates the demo practice, with a progress dialog, unless it exists already.
std::unique_ptr<db::Database> open_demo(const wxString& path) {
    if (wxFileExists(path)) return open_practice(path, false);
    auto db = open_practice(path, true);
    wxProgressDialog progress(_("Demo practice"), _("Writing the demo practice..."), 100, nullptr,
                              wxPD_APP_MODAL | wxPD_AUTO_HIDE);
    app::DemoOptions options;
    options.today = today_local();
    options.progress = [&progress](int done, int total) {
        progress.Update(total > 0 ? done * 100 / total : 0);
    };
    app::generate_demo_practice(*db, options);
    return db;
}

} // namespace

void KnotworkApp::OnInitCmdLine(wxCmdLineParser& parser) {
    wxApp::OnInitCmdLine(parser);
    parser.AddParam(_("practice file, or clinic server (postgresql://user@server:port/database)"),
                    wxCMD_LINE_VAL_STRING, wxCMD_LINE_PARAM_OPTIONAL);
    parser.AddSwitch("", "quit-when-ready", _("exit once the main window shows its data (for timing; writes no automatic backup)"));
    parser.AddSwitch("", "demo", _("open the demo practice, creating it if needed"));
    parser.AddOption("", "client", _("open this client's chart"), wxCMD_LINE_VAL_NUMBER);
}

bool KnotworkApp::OnCmdLineParsed(wxCmdLineParser& parser) {
    if (parser.GetParamCount() > 0) {
        const wxString place = parser.GetParam(0);
        m_file = is_server_location(utf8(place)) ? place : wxFileName(place).GetAbsolutePath();
    }
    m_quit_when_ready = parser.Found("quit-when-ready");
    parser.Found("client", &m_client);
    if (parser.Found("demo")) m_file = wxFileName(AppConfig::data_folder(), "demo.knotwork").GetFullPath();
    return wxApp::OnCmdLineParsed(parser);
}

bool KnotworkApp::OnInit() {
    SetAppName("knotwork");
    SetAppDisplayName("Knotwork");
    if (!wxApp::OnInit()) return false;
    app::set_translator(&translate_with_wx);
    install_locale_formatting();

    // Preferences in $XDG_CONFIG_HOME/knotwork/knotwork.conf; the folder is created first so the
    // very first start does not complain about a missing file.
    wxStandardPaths::Get().SetFileLayout(wxStandardPaths::FileLayout_XDG);
    const wxString config_dir = wxStandardPaths::Get().GetUserConfigDir() + "/knotwork";
    if (!wxFileName::DirExists(config_dir)) wxFileName::Mkdir(config_dir, 0700, wxPATH_MKDIR_FULL);
    wxConfigBase::Set(new wxFileConfig("knotwork", wxEmptyString, config_dir + "/knotwork.conf", wxEmptyString,
                                       wxCONFIG_USE_LOCAL_FILE));

    std::unique_ptr<db::Database> db;
    wxString path = m_file;
    try {
        if (path.empty()) {
            if (auto last = AppConfig::last_practice();
                last && (is_server_location(utf8(*last)) || wxFileExists(*last)))
                path = *last;
        }
        if (!path.empty() && is_server_location(utf8(path))) {
            // A clinic server: its password was never stored, so it may be asked for. Cancelling
            // leads to the choices of a first start.
            std::string remembered;
            db = ConnectDialog::reconnect(nullptr, utf8(path), remembered);
            path = db ? wx(remembered) : wxString();
        } else if (!path.empty()) {
            const bool is_demo = path == wxFileName(AppConfig::data_folder(), "demo.knotwork").GetFullPath();
            db = is_demo ? open_demo(path) : open_practice(path, false);
        }
        if (!db) {
            FirstStartDialog first(nullptr);
            if (first.ShowModal() != wxID_OK) return false;
            path = first.path();
            switch (first.choice()) {
            case FirstStartDialog::Choice::create: db = open_practice(path, true); break;
            case FirstStartDialog::Choice::open: db = open_practice(path, false); break;
            case FirstStartDialog::Choice::server: {
                ConnectDialog dialog(nullptr);
                if (dialog.ShowModal() != wxID_OK) return false;
                db = dialog.take_practice();
                path = wx(dialog.remembered_location());
                break;
            }
            case FirstStartDialog::Choice::demo: db = open_demo(path); break;
            case FirstStartDialog::Choice::none: return false;
            }
        }
    } catch (const std::exception& e) {
        wxMessageBox(wxString::Format(_("Knotwork could not open the practice %s.\n\n%s"),
                                      wx(practice_label(utf8(path))), wx(e.what())),
                     _("Knotwork"), wxOK | wxICON_ERROR);
        return false;
    }
    AppConfig::set_last_practice(path); // a clinic server's location holds no password

    auto* frame = new MainFrame(std::move(db), path);
    frame->Show();
    SetTopWindow(frame);
    if (m_client > 0) frame->show_client(m_client);
    if (m_quit_when_ready) {
        frame->skip_automatic_backup();
        CallAfter([frame] {
            // The first idle after the main window shows its data.
            if (frame->is_ready()) frame->Close(true);
        });
    }
    return true;
}

bool KnotworkApp::OnExceptionInMainLoop() {
    // Nothing escapes silently: say what happened and keep the program (and the saved data) alive.
    try {
        throw;
    } catch (const std::exception& e) {
        wxMessageBox(wxString::Format(_("Something went wrong: %s\n\nNothing already saved has been lost."),
                                      wx(e.what())),
                     _("Knotwork"), wxOK | wxICON_ERROR);
    } catch (...) {
        wxMessageBox(_("Something went wrong.\n\nNothing already saved has been lost."), _("Knotwork"),
                     wxOK | wxICON_ERROR);
    }
    return true;
}

void KnotworkApp::OnUnhandledException() {
    wxMessageBox(_("Knotwork met an error it cannot recover from and will close. Nothing already saved has been lost."),
                 _("Knotwork"), wxOK | wxICON_ERROR);
}

} // namespace knotwork::gui
