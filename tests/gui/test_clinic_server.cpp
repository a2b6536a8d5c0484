// Clinic servers in the desktop program, through the real windows: the Connect dialog refuses what
// cannot work, in the dialog and keeping what was typed; View > Refresh shows what another
// workstation (here, a second connection to the file) added, keeping the selection; and, when
// KNOTWORK_TEST_PG_URL names a server, a front-desk account connects from the File menu and is
// offered the client list, client details, the schedule and the holidays, and nothing clinical,
// with no backup.
#include "window_driver.h"

#include "core/display_format.h"
#include "database.h"
#include "main_frame.h"
#include "postgresql_native.h"
#include "preferences/app_config.h"
#include "repositories/client_repository.h"
#include "repositories/session_repository.h"
#include "schedule/schedule_frame.h"
#include "server/connect_dialog.h"

#include "domain_printers.h"

#include <boost/test/unit_test.hpp>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <wx/app.h>
#include <wx/button.h>
#include <wx/dataview.h>
#include <wx/html/htmlwin.h>
#include <wx/radiobut.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>
#include <wx/weakref.h>

#include <cstdlib>
#include <random>
#include <string>

using namespace knotwork;
using namespace knotwork::gui::test;
using knotwork::gui::MainFrame;

namespace {

wxString w8(const std::string& s) { return wxString::FromUTF8(s.data(), s.size()); }
// A label's text as one line: wrapping breaks a long one where the dialog's width says.
std::string label_of(const wxStaticText& t) {
    wxString text = t.GetLabelText();
    text.Replace("\n", " ");
    return utf8_of(text);
}
std::string value_of(const wxTextCtrl& t) { return utf8_of(t.GetValue()); }
bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

ClientId add_client(db::Database& db, const std::string& family, const std::string& given) {
    ClientDetails d;
    d.family_name = family;
    d.given_name = given;
    Client c(d, today_local());
    db::Transaction tx(db);
    const ClientId id = db::ClientRepository(db).add(c);
    tx.commit();
    return id;
}

SessionId book(db::Database& db, ClientId client, int hour) {
    const DateTime start(today_local(), boost::posix_time::hours(hour));
    Session s(client, start, start + boost::posix_time::hours(1), "Maya Okonkwo");
    db::Transaction tx(db);
    const SessionId id = db::SessionRepository(db).add(s);
    tx.commit();
    return id;
}

// The main window on a practice; Destroy()ed when the test ends, and checked gone.
class Window {
public:
    Window(std::unique_ptr<db::Database> db, const std::string& path)
        : m_frame(new MainFrame(std::move(db), w8(path))), m_ref(m_frame) {
        m_frame->Show();
        BOOST_REQUIRE(wait_until([this] { return m_frame->IsShownOnScreen() && m_frame->is_ready(); }));
    }
    ~Window() {
        if (!m_ref) return;
        m_frame->Destroy();
        BOOST_CHECK(wait_until([this] {
            wxTheApp->ProcessIdle();
            return !m_ref;
        }));
    }
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;
    MainFrame& operator*() const { return *m_frame; }
    MainFrame* operator->() const { return m_frame; }

private:
    MainFrame* m_frame;
    wxWeakRef<wxWindow> m_ref;
};

ClientId selected_client(MainFrame& frame, const std::vector<ClientId>& in_list_order) {
    auto& list = find<wxDataViewCtrl>(frame, "client-list");
    auto* model = dynamic_cast<wxDataViewVirtualListModel*>(list.GetModel());
    const wxDataViewItem item = list.GetSelection();
    if (!model || !item.IsOk()) return 0;
    const unsigned row = model->GetRow(item);
    return row < in_list_order.size() ? in_list_order[row] : 0;
}

std::string server_url() {
    const char* url = std::getenv("KNOTWORK_TEST_PG_URL");
    return url ? url : "";
}

boost::test_tools::assertion_result has_server(boost::unit_test::test_unit_id) {
    boost::test_tools::assertion_result ok(!server_url().empty());
    if (!ok) ok.message() << "KNOTWORK_TEST_PG_URL names no clinic server";
    return ok;
}

} // namespace

BOOST_AUTO_TEST_SUITE(clinic_server)

BOOST_AUTO_TEST_CASE(the_connect_dialog_says_what_is_wrong_and_keeps_what_was_typed) {
    Modals modals;
    gui::ConnectDialog dialog(nullptr);
    modals.drive(
        "connect-server", [&] { BOOST_TEST(dialog.ShowModal() == wxID_CANCEL); },
        [&](wxDialog& d) {
            auto& message = find<wxStaticText>(d, "connect-message");
            auto& host = find<wxTextCtrl>(d, "server-host");
            auto& port = find<wxTextCtrl>(d, "server-port");
            BOOST_TEST(value_of(port) == "5432");
            BOOST_TEST(find<wxTextCtrl>(d, "server-password").IsEnabled());
            BOOST_TEST(!find<wxTextCtrl>(d, "server-url").IsEnabled());
            BOOST_TEST(utf8_of(find_button(d, wxID_OK).GetLabelText()) == "Connect");

            // Nothing typed: the server is named as missing, and nothing is tried.
            click(find_button(d, wxID_OK));
            BOOST_TEST(d.IsModal());
            BOOST_TEST(label_of(message) == "Type the name or address of the clinic server.");
            BOOST_TEST(wxWindow::FindFocus() == &host);

            type_text(host, "127.0.0.1");
            type_text(port, "65536");
            click(find_button(d, wxID_OK));
            BOOST_TEST(label_of(message) == "The port is a number from 1 to 65535 (usually 5432).");
            BOOST_TEST(wxWindow::FindFocus() == &port);

            // Port 1 answers nothing: refused at once, said in the dialog, everything kept.
            type_text(port, "1");
            type_text(find<wxTextCtrl>(d, "server-database"), "practice");
            type_text(find<wxTextCtrl>(d, "server-user"), "mara");
            type_text(find<wxTextCtrl>(d, "server-password"), "s3cret");
            click(find_button(d, wxID_OK));
            BOOST_TEST(d.IsModal());
            BOOST_TEST(label_of(message) == "Nothing answers at 127.0.0.1, port 1. Check the server and port, and "
                                            "that the clinic server is running.");
            BOOST_TEST(value_of(host) == "127.0.0.1");
            BOOST_TEST(value_of(port) == "1");
            BOOST_TEST(value_of(find<wxTextCtrl>(d, "server-user")) == "mara");
            BOOST_TEST(value_of(find<wxTextCtrl>(d, "server-password")) == "s3cret");

            click(find_button(d, wxID_CANCEL));
        });
    BOOST_TEST(!dialog.take_practice());
    BOOST_TEST(modals.take_messages().empty());
}

BOOST_AUTO_TEST_CASE(a_remembered_server_opens_the_dialog_at_the_password) {
    Modals modals;
    gui::ConnectDialog dialog(nullptr, gui::form_for("postgresql://desk_sam@clinic:6543/practice"));
    modals.drive(
        "connect-server", [&] { dialog.ShowModal(); },
        [&](wxDialog& d) {
            BOOST_TEST(value_of(find<wxTextCtrl>(d, "server-host")) == "clinic");
            BOOST_TEST(value_of(find<wxTextCtrl>(d, "server-port")) == "6543");
            BOOST_TEST(value_of(find<wxTextCtrl>(d, "server-database")) == "practice");
            BOOST_TEST(value_of(find<wxTextCtrl>(d, "server-user")) == "desk_sam");
            BOOST_TEST(value_of(find<wxTextCtrl>(d, "server-password")).empty());
            BOOST_TEST(wxWindow::FindFocus() == &find<wxTextCtrl>(d, "server-password"));
            click(find_button(d, wxID_CANCEL));
        });

    gui::ConnectDialog advanced(nullptr, gui::form_for("host=clinic dbname=practice sslmode=require"));
    modals.drive(
        "connect-server", [&] { advanced.ShowModal(); },
        [&](wxDialog& d) {
            BOOST_TEST(find<wxRadioButton>(d, "server-url-mode").GetValue());
            BOOST_TEST(value_of(find<wxTextCtrl>(d, "server-url")) == "host=clinic dbname=practice sslmode=require");
            BOOST_TEST(!find<wxTextCtrl>(d, "server-host").IsEnabled());
            click(find_button(d, wxID_CANCEL));
        });
}

BOOST_AUTO_TEST_CASE(refresh_shows_what_another_workstation_added_and_keeps_the_selection) {
    TempDir dir;
    const std::string path = (dir.path() / "practice.knotwork").string();
    auto db = db::Database::open(path, {.create_if_missing = true, .actor = "test"});
    const ClientId ada = add_client(*db, "Okafor", "Adaeze");
    const ClientId ben = add_client(*db, "Brown", "Ben");
    const SessionId first = book(*db, ada, 9);

    Window main(std::move(db), path);
    BOOST_TEST(menu_enabled(*main, "File", "Connect to Clinic Server..."));
    BOOST_TEST(menu_enabled(*main, "File", "Back Up Practice..."));
    BOOST_TEST(!main->access().on_server());
    auto& list = find<wxDataViewCtrl>(*main, "client-list");
    auto& today = find<wxDataViewListCtrl>(*main, "today-list");
    main->show_client(ada);
    today.SelectRow(0);
    BOOST_TEST(selected_client(*main, {ben, ada}) == ada);

    // Another workstation takes in a client who sorts first and books her today.
    auto other = db::Database::open(path, {.actor = "front desk"});
    const ClientId abe = add_client(*other, "Abara", "Chidi");
    book(*other, abe, 8);
    BOOST_TEST(list.GetModel()->IsVirtualListModel());
    BOOST_TEST(today.GetItemCount() == 1);

    Modals modals;
    choose_menu(*main, "View", "Refresh");
    BOOST_TEST(modals.take_messages().empty());
    BOOST_TEST(dynamic_cast<wxDataViewVirtualListModel*>(list.GetModel())->GetCount() == 3u);
    BOOST_TEST(selected_client(*main, {abe, ben, ada}) == ada);
    BOOST_TEST(utf8_of(find<wxStaticText>(*main, "chart-title").GetLabel()) == "Adaeze Okafor");
    BOOST_TEST(today.GetItemCount() == 2);
    // The appointment selected before is still the one selected, now second.
    BOOST_TEST(today.GetSelectedRow() == 1);
    BOOST_TEST(contains(utf8_of(main->GetStatusBar()->GetStatusText(0)), "Refreshed at"));
    (void)first;
}

BOOST_AUTO_TEST_CASE(a_front_desk_account_is_offered_clients_and_bookings_only, *boost::unit_test::precondition(&has_server)) {
    // A practice of its own on the server, set up by the owner, and a front-desk login for it.
    soci::session admin(soci::postgresql, db::postgresql::connect_string(server_url(), ""));
    std::random_device random;
    const std::string schema = "knotwork_g" + std::to_string(random() % 1000000000u);
    const std::string desk_login = "desk_" + schema;
    admin << "SET client_min_messages = warning";
    admin << "CREATE SCHEMA " + schema;
    struct Cleanup {
        soci::session& admin;
        std::string schema, login;
        ~Cleanup() {
            try {
                admin << "DROP SCHEMA " + schema + " CASCADE";
                admin << "DROP OWNED BY " + login;
                admin << "DROP ROLE " + login;
            } catch (...) {
            }
        }
    } cleanup{admin, schema, desk_login};
    const auto location_for = [&](const std::string& user) {
        std::string url = server_url();
        const auto scheme = url.find("://") + 3;
        const auto at = url.find('@', scheme);
        if (!user.empty())
            url = url.substr(0, scheme) + user + "@" + (at == std::string::npos ? url.substr(scheme) : url.substr(at + 1));
        return url + (url.find('?') == std::string::npos ? "?" : "&") + "options=-c%20search_path%3D" + schema;
    };
    ClientId client = 0;
    SessionId booking = 0;
    {
        auto owner = db::Database::open(location_for(""), {.actor = "test"});
        client = add_client(*owner, "Okafor", "Adaeze");
        booking = book(*owner, client, 10);
    }
    admin << "CREATE ROLE " + desk_login + " LOGIN IN ROLE knotwork_front_desk";

    // The program runs on a practice file; File > Connect to Clinic Server switches to the server.
    TempDir dir;
    const std::string path = (dir.path() / "practice.knotwork").string();
    Window main(db::Database::open(path, {.create_if_missing = true, .actor = "test"}), path);
    Modals modals;
    const std::string desk_location = location_for(desk_login) + "&password=never-kept";
    modals.drive(
        "connect-server", [&] { main->connect_to_server(gui::form_for(desk_location)); },
        [&](wxDialog& d) {
            // The remembered form never carries a password: the URL shows none.
            BOOST_TEST(!contains(value_of(find<wxTextCtrl>(d, "server-url")), "never-kept"));
            click(find_button(d, wxID_OK));
        });
    BOOST_TEST(modals.take_messages().empty());
    BOOST_TEST_REQUIRE(main->access().on_server());
    BOOST_TEST(main->access().front_desk());
    BOOST_TEST(contains(utf8_of(main->GetTitle()), desk_login + "@"));
    auto& notice = find<wxStaticText>(*main, "access-notice");
    BOOST_TEST(notice.IsShown());
    BOOST_TEST(label_of(notice) == "Signed in as " + desk_login + " (front desk): clinical records are not shown");
    const auto last = gui::AppConfig::last_practice();
    BOOST_TEST_REQUIRE(last.has_value());
    BOOST_TEST(!contains(utf8_of(*last), "password"));
    BOOST_TEST(utf8_of(*last) == location_for(desk_login));

    // The client list and details work; nothing clinical, no report, no backup is offered.
    main->show_client(client);
    BOOST_TEST(label_of(find<wxStaticText>(*main, "chart-title")) == "Adaeze Okafor");
    BOOST_TEST(contains(utf8_of(find<wxHtmlWindow>(*main, "profile-page").ToText()), "Adaeze Okafor"));
    BOOST_TEST(contains(utf8_of(find<wxHtmlWindow>(*main, "assessments-page").ToText()),
                        "clinical records are not shown"));
    BOOST_TEST(menu_enabled(*main, "Client", "Edit Client..."));
    BOOST_TEST(menu_enabled(*main, "Client", "New Client..."));
    for (const auto& [menu, item] : std::vector<std::pair<wxString, wxString>>{
             {"Client", "New Assessment..."},
             {"Client", "New Treatment Plan..."},
             {"Client", "Open Session Note"},
             {"Client", "Client History..."},
             {"Go", "Search Notes..."},
             {"Reports", "Print..."},
             {"Reports", "Save as PDF..."},
             {"Reports", "Reports for All Active Clients..."},
             {"File", "Back Up Practice..."},
             {"File", "Restore from Backup..."}}) {
        BOOST_TEST_CONTEXT(utf8_of(menu) << " > " << utf8_of(item)) { BOOST_TEST(!menu_enabled(*main, menu, item)); }
    }
    BOOST_TEST(menu_enabled(*main, "File", "Connect to Clinic Server..."));

    // Today's appointment shows the client, never the note; a refresh meets no refusal.
    auto& today = find<wxDataViewListCtrl>(*main, "today-list");
    BOOST_TEST_REQUIRE(today.GetItemCount() == 1);
    BOOST_TEST(label_of(find<wxStaticText>(*main, "today-hint")) == "Select an appointment to show the client's details.");
    main->show_client(client);
    choose_menu(*main, "View", "Refresh");
    BOOST_TEST(modals.take_messages().empty());

    // Preferences: the holidays only, and the backups are the server's.
    modals.drive(
        "preferences", [&] { choose_menu(*main, "Edit", "Preferences..."); },
        [&](wxDialog& d) {
            BOOST_TEST(contains(label_of(find<wxStaticText>(d, "server-backups")),
                                "A clinic server's backups are made on the server by its administrator"));
            BOOST_TEST(label_of(find<wxStaticText>(d, "preferences-holidays-only")) ==
                       "The practice's preferences are changed from a therapist's account; the holidays can be "
                       "changed here.");
            click(find_button(d, wxID_OK));
        });
    BOOST_TEST(modals.take_messages().empty());

    // The schedule books and changes bookings; it opens no note.
    choose_menu(*main, "Go", "Schedule");
    auto* schedule = dynamic_cast<gui::ScheduleFrame*>(wxWindow::FindWindowByName("schedule"));
    BOOST_TEST_REQUIRE(schedule);
    schedule->show(today_local(), booking);
    BOOST_TEST(schedule->presenter().selected() == std::optional<SessionId>(booking));
    BOOST_TEST(menu_enabled(*schedule, "Schedule", "New Appointment..."));
    BOOST_TEST(menu_enabled(*schedule, "Appointment", "Show Client"));
    BOOST_TEST(!menu_enabled(*schedule, "Appointment", "Open Note"));
    for (const wxString item : {"Move...", "Cancel...", "Mark No-show", "Delete Booking"})
        BOOST_TEST_CONTEXT(utf8_of(item)) { BOOST_TEST(menu_enabled(*schedule, "Appointment", item)); }
    BOOST_TEST(schedule->reload_quietly());
    schedule->Close(true);
    wait_until([] {
        wxTheApp->ProcessIdle();
        return wxWindow::FindWindowByName("schedule") == nullptr;
    });
}

BOOST_AUTO_TEST_SUITE_END()
