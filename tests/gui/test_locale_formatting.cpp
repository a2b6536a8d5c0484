// The desktop program's locale formatting (common/locale_format.h) with real locales: dates, times
// and decimals as LC_ALL names them, numbers as data still written with '.', UTF-8 text still
// converted, and the main window showing the locale's dates. A locale this system lacks is
// skipped with a message (scripts/install-deps.sh generates de_DE, en_GB and en_US). Every test
// puts the C locale and ISO formatting back for the tests that follow.
#include "window_driver.h"

#include "common/locale_format.h"
#include "core/display_format.h"
#include "database.h"
#include "main_frame.h"
#include "repositories/client_repository.h"

#include <boost/test/unit_test.hpp>

#include <wx/app.h>
#include <wx/dataview.h>
#include <wx/html/htmlwin.h>
#include <wx/stattext.h>
#include <wx/uilocale.h>
#include <wx/weakref.h>

#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <locale.h>
#include <optional>
#include <string>

using namespace knotwork;
using namespace knotwork::gui::test;

namespace {

bool locale_installed(const char* name) {
    const locale_t l = ::newlocale(LC_ALL_MASK, name, static_cast<locale_t>(nullptr));
    if (!l) return false;
    ::freelocale(l);
    return true;
}

Duration hhmm(int hours, int minutes) {
    return boost::posix_time::hours(hours) + boost::posix_time::minutes(minutes);
}

// LC_ALL for one test, read by install_locale_formatting() as the program reads it at start;
// afterwards the C locale, ISO formatting and the LC_ALL the tests started with.
class UserLocale {
  public:
    UserLocale() {
        if (const char* v = std::getenv("LC_ALL")) m_saved = v;
    }
    ~UserLocale() {
        ::setenv("LC_ALL", "C", 1);
        wxUILocale::UseDefault();
        std::setlocale(LC_ALL, "C");
        if (m_saved)
            ::setenv("LC_ALL", m_saved->c_str(), 1);
        else
            ::unsetenv("LC_ALL");
        app::set_display_format({});
    }
    UserLocale(const UserLocale&) = delete;
    UserLocale& operator=(const UserLocale&) = delete;

    void use(const char* name) {
        ::setenv("LC_ALL", name, 1);
        gui::install_locale_formatting();
    }

  private:
    std::optional<std::string> m_saved;
};

struct Expected {
    const char* locale;
    const char* date;           // 27 November 2026
    const char* birth_date;     // 14 March 1979
    const char* long_date;      // 1 May 2026
    const char* morning;        // 09:05
    const char* afternoon;      // 14:05
    const char* after_midnight; // 00:30
    const char* decimal;        // 3.5
    const char* negative;       // -12.3
};

} // namespace

BOOST_AUTO_TEST_SUITE(locale_formatting)

BOOST_FIXTURE_TEST_CASE(dates_times_and_decimals_follow_the_locale_the_environment_names, UserLocale) {
    const Expected table[] = {
        {"de_DE.UTF-8", "27.11.2026", "14.03.1979", "Freitag 1 Mai 2026", "09:05", "14:05", "00:30", "3,5",
         "-12,3"},
        {"en_GB.UTF-8", "27/11/2026", "14/03/1979", "Friday 1 May 2026", "09:05", "14:05", "00:30", "3.5",
         "-12.3"},
        {"en_US.UTF-8", "11/27/2026", "03/14/1979", "Friday 1 May 2026", "9:05 AM", "2:05 PM", "12:30 AM",
         "3.5", "-12.3"},
        // No locale set: ISO, as without the hook.
        {"C", "2026-11-27", "1979-03-14", "Friday 1 May 2026", "09:05", "14:05", "00:30", "3.5", "-12.3"},
        {"C.UTF-8", "2026-11-27", "1979-03-14", "Friday 1 May 2026", "09:05", "14:05", "00:30", "3.5",
         "-12.3"},
    };
    int tested = 0;
    for (const Expected& e : table) {
        BOOST_TEST_CONTEXT("LC_ALL=" << e.locale) {
            if (!locale_installed(e.locale)) {
                BOOST_TEST_MESSAGE("locale " << e.locale << " is not installed: not tested");
                continue;
            }
            ++tested;
            use(e.locale);
            BOOST_TEST(app::format_date(Date(2026, 11, 27)) == e.date);
            BOOST_TEST(app::format_date(Date(1979, 3, 14)) == e.birth_date);
            BOOST_TEST(app::format_long_date(Date(2026, 5, 1)) == e.long_date);
            BOOST_TEST(app::format_time(hhmm(9, 5)) == e.morning);
            BOOST_TEST(app::format_time(hhmm(14, 5)) == e.afternoon);
            BOOST_TEST(app::format_time(hhmm(0, 30)) == e.after_midnight);
            BOOST_TEST(app::format_date_time(DateTime(Date(2026, 11, 27), hhmm(14, 5))) ==
                       std::string(e.date) + " " + e.afternoon);
            BOOST_TEST(app::format_number(3.5, 1) == e.decimal);
            BOOST_TEST(app::format_number(-12.34, 1) == e.negative);
            BOOST_TEST(app::format_number(1234.0, 0) == "1234", "no thousands separator");

            // Numbers as data keep '.' whatever the locale writes on screen.
            char buf[16];
            std::snprintf(buf, sizeof buf, "%.1f", 1.5);
            BOOST_TEST(std::string(buf) == "1.5");
            BOOST_TEST(std::strtod("2.5", nullptr) == 2.5);
            BOOST_TEST(utf8_of(wxString::Format("%.2f", 0.25)) == "0.25");
            // The program is not translated: GTK's labels stay English with it.
            BOOST_TEST(std::string(std::setlocale(LC_MESSAGES, nullptr)) == "C");
            // UTF-8 text converts as before (and a narrow literal now does too in a UTF-8 locale).
            const wxString name = wxString::FromUTF8("Zoë Ó Briain");
            BOOST_TEST(utf8_of(name) == "Zoë Ó Briain");
            if (std::string(e.locale) != "C") BOOST_TEST(utf8_of(wxString("Zoë")) == "Zoë");
        }
    }
    BOOST_TEST(tested >= 1);
}

BOOST_FIXTURE_TEST_CASE(a_locale_the_system_lacks_leaves_iso_formatting, UserLocale) {
    if (locale_installed("de_DE.UTF-8")) {
        use("de_DE.UTF-8");
        BOOST_TEST(app::format_date(Date(2026, 11, 27)) == "27.11.2026");
    }
    BOOST_TEST_REQUIRE(!locale_installed("xx_XX.UTF-8"));
    use("xx_XX.UTF-8");
    BOOST_TEST(app::format_date(Date(2026, 11, 27)) == "2026-11-27");
    BOOST_TEST(app::format_time(hhmm(14, 5)) == "14:05");
    BOOST_TEST(app::format_number(3.5, 1) == "3.5");
}

BOOST_FIXTURE_TEST_CASE(the_main_window_shows_dates_in_the_locale, UserLocale,
                        *boost::unit_test::precondition([](boost::unit_test::test_unit_id) {
                            return locale_installed("de_DE.UTF-8");
                        })) {
    TempDir dir;
    const std::string path = (dir.path() / "practice.knotwork").string();
    auto db = db::Database::open(path, {.create_if_missing = true, .actor = "test"});
    ClientId id = 0;
    {
        ClientDetails d;
        d.family_name = "Ó Briain";
        d.given_name = "Zoë";
        d.date_of_birth = Date(1979, 3, 14);
        d.consent_date = Date(2026, 3, 1);
        db::Transaction tx(*db);
        Client client(d, Date(2026, 6, 1));
        id = db::ClientRepository(*db).add(client);
        tx.commit();
    }
    use("de_DE.UTF-8");

    auto* frame = new gui::MainFrame(std::move(db), wxString::FromUTF8(path.data(), path.size()));
    const wxWeakRef<wxWindow> ref(frame);
    frame->Show();
    BOOST_TEST_REQUIRE(wait_until([&] { return frame->IsShownOnScreen() && frame->is_ready(); }));
    auto& clients = find<wxDataViewCtrl>(*frame, "client-list");
    wxVariant born;
    auto* model = clients.GetModel();
    BOOST_TEST_REQUIRE(model != nullptr);
    auto* list_model = dynamic_cast<wxDataViewVirtualListModel*>(model);
    BOOST_TEST_REQUIRE(list_model != nullptr);
    list_model->GetValue(born, list_model->GetItem(0), 1);
    BOOST_TEST(utf8_of(born.GetString()) == "14.03.1979");

    frame->show_client(id);
    const std::string profile = utf8_of(find<wxHtmlWindow>(*frame, "profile-page").ToText());
    BOOST_TEST(profile.find("14.03.1979") != std::string::npos, profile);
    BOOST_TEST(profile.find("01.03.2026") != std::string::npos, profile);
    BOOST_TEST(profile.find("Zoë Ó Briain") != std::string::npos, profile);
    BOOST_TEST(utf8_of(find<wxStaticText>(*frame, "today-date").GetLabelText()) ==
               app::format_long_date(today_local()));

    frame->Destroy();
    BOOST_TEST(wait_until([&] {
        wxTheApp->ProcessIdle();
        return !ref;
    }));
}

BOOST_AUTO_TEST_SUITE_END()
