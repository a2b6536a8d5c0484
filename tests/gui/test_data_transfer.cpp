// File > Export and File > Import driven as a person does, with the file dialogs answered by the
// test: the calendar's options dialog, an export written again over the file it replaces, and a
// client CSV file with a bad row, reviewed and imported without it.
#include "window_driver.h"

#include "core/demo_practice.h"
#include "database.h"
#include "main_frame.h"
#include "repositories/client_repository.h"
#include "transfer/data_transfer.h"

#include <boost/test/unit_test.hpp>
#include <wx/app.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/menu.h>
#include <wx/statusbr.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/weakref.h>

#include <fstream>
#include <sstream>

using namespace knotwork;
using namespace knotwork::gui::test;
using knotwork::gui::FileRequest;
using knotwork::gui::MainFrame;

namespace {

std::string read_all(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::size_t client_count(db::Database& db) {
    return db::ClientRepository(db).search({.text = "", .include_archived = true, .limit = 10000}).size();
}

// The item `label` of the File menu's submenu `submenu` ("Export", "Import"): both hold
// "Clients (CSV)...", so the submenu says which.
void choose_in_file_menu(wxFrame& frame, const wxString& submenu, const wxString& label) {
    wxMenu* file = frame.GetMenuBar()->GetMenu(0);
    wxMenuItem* sub = file->FindItem(file->FindItem(submenu));
    BOOST_TEST_REQUIRE((sub && sub->GetSubMenu()));
    wxMenuItem* item = sub->GetSubMenu()->FindItem(sub->GetSubMenu()->FindItem(label));
    BOOST_TEST_REQUIRE(item);
    BOOST_TEST_REQUIRE(item->IsEnabled());
    sub->GetSubMenu()->SendEvent(item->GetId());
}

} // namespace

BOOST_AUTO_TEST_SUITE(data_transfer)

BOOST_AUTO_TEST_CASE(calendar_exported_replaced_and_clients_imported_without_the_bad_row) {
    const TempDir dir;
    const std::string path = (dir.path() / "practice.knotwork").string();
    auto db = db::Database::open(path, {.create_if_missing = true, .actor = "test"});
    app::DemoOptions options;
    options.clients = 6;
    options.today = today_local();
    app::generate_demo_practice(*db, options);
    const std::size_t before = client_count(*db);

    auto* frame = new MainFrame(std::move(db), wxString::FromUTF8(path));
    wxWeakRef<wxWindow> ref(frame);
    frame->Show();
    BOOST_REQUIRE(wait_until([&] { return frame->IsShownOnScreen() && frame->is_ready(); }));

    const std::filesystem::path calendar = dir.path() / "schedule.ics";
    const std::filesystem::path csv = dir.path() / "clients.csv";
    std::vector<wxString> suggested;
    frame->data_transfer().set_file_picker([&](wxWindow*, const FileRequest& request) {
        suggested.push_back(request.suggested);
        return wxString::FromUTF8(request.save ? calendar.string() : csv.string());
    });

    // No client is selected: the record cannot be exported, the calendar can.
    BOOST_TEST(!menu_enabled(*frame, "File", "Client Record (JSON)..."));
    Modals modals;
    for (int round = 0; round < 2; ++round) {
        BOOST_TEST_CONTEXT("export " << round + 1) {
            modals.drive("calendar-export", [&] { choose_in_file_menu(*frame, "Export", "Calendar (iCalendar)..."); },
                         [](wxDialog& dialog) {
                             choose(find<wxChoice>(dialog, "export-summary"), 1); // initials
                             click(find_button(dialog, wxID_OK));
                         });
            BOOST_TEST(modals.take_messages().empty());
            BOOST_TEST_REQUIRE(std::filesystem::exists(calendar));
            const std::string ics = read_all(calendar);
            BOOST_TEST(ics.starts_with("BEGIN:VCALENDAR\r\n"));
            BOOST_TEST(ics.find("BEGIN:VEVENT") != std::string::npos, "the next three months hold appointments");
            const std::string status = utf8_of(frame->GetStatusBar()->GetStatusText(0));
            BOOST_TEST(status.starts_with("Exported "), status);
            BOOST_TEST(status.ends_with(" appointments to " + calendar.string() + "."), status);
        }
    }
    BOOST_TEST(suggested.at(0) == "knotwork-schedule.ics");
    // The file replaced is not left beside the new one.
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& f : std::filesystem::directory_iterator(dir.path()))
        if (f.path().string().find(".replaced") != std::string::npos) ++files;
    BOOST_TEST(files == 0u);

    // A CSV file with a bad row: nothing is imported until the person says so.
    {
        std::ofstream out(csv, std::ios::binary);
        out << "family_name,given_name,date_of_birth\r\n"
               "Okafor,Ngozi,1980-02-03\r\n"
               "Lindqvist,Mara,1975-02-30\r\n"
               "Brennan,Siobhan,1990-07-01\r\n";
    }
    wxString heading;
    modals.drive("import-problems", [&] { choose_in_file_menu(*frame, "Import", "Clients (CSV)..."); },
                 [&](wxDialog& dialog) {
                     heading = find<wxStaticText>(dialog, "import-heading").GetLabelText();
                     const wxString problems = find<wxTextCtrl>(dialog, "import-problem-list").GetValue();
                     BOOST_TEST(utf8_of(problems).find("line 3, date_of_birth") != std::string::npos,
                                utf8_of(problems));
                     click(find_button(dialog, wxID_OK)); // Import the Good Rows
                 });
    BOOST_TEST(modals.take_messages().empty());
    BOOST_TEST(utf8_of(heading) == "1 of 3 rows has problems; nothing was imported.");
    BOOST_TEST(client_count(frame->practice()) == before + 2);
    const std::string status = utf8_of(frame->GetStatusBar()->GetStatusText(0));
    BOOST_TEST(status == "Imported 2 clients from clients.csv; 1 row with problems was left out.");

    frame->Destroy();
    BOOST_CHECK(wait_until([&] {
        wxTheApp->ProcessIdle();
        return !ref;
    }));
}

BOOST_AUTO_TEST_SUITE_END()
