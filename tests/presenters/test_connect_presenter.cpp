// Connecting to a clinic server: the location the dialog's fields make (names percent-encoded, so
// libpq reads them back exactly), what is checked before anything is tried, that a password is
// never part of what is remembered, the remembered location turned back into fields, and each
// failure said in plain words with the field to correct.
#include "server/connect_presenter.h"

#include "common/error.h"
#include "database.h"
#include "postgresql_native.h"

#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>
#include <vector>

using namespace knotwork;
using gui::ConnectFailure;
using gui::ConnectPresenter;
using gui::ServerField;
using gui::ServerForm;

namespace knotwork::gui {

std::ostream& operator<<(std::ostream& os, ServerField f) {
    static const char* const names[] = {"host", "port", "database", "user", "password", "url"};
    return os << names[static_cast<int>(f)];
}

} // namespace knotwork::gui

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

ServerForm fields(std::string host, std::string port, std::string database, std::string user) {
    ServerForm f;
    f.host = std::move(host);
    f.port = std::move(port);
    f.database = std::move(database);
    f.user = std::move(user);
    return f;
}

ServerForm url_form(std::string url) {
    ServerForm f;
    f.use_url = true;
    f.url = std::move(url);
    return f;
}

// An opener that records what it was given and fails with `error` (or succeeds when empty).
struct RecordingOpener {
    std::vector<std::pair<std::string, std::string>> calls;
    std::string error;

    ConnectPresenter::Opener opener() {
        return [this](const std::string& location, const std::string& password) -> std::unique_ptr<db::Database> {
            calls.emplace_back(location, password);
            if (!error.empty()) throw Error(error);
            return db::Database::open(":memory:", {.create_if_missing = true, .actor = "test"});
        };
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(connect_presenter)

BOOST_AUTO_TEST_CASE(the_fields_make_a_url_whose_names_libpq_reads_back_exactly) {
    struct Case {
        ServerForm form;
        std::string location;
        std::string display; // as libpq parses the location back
    };
    const std::vector<Case> cases{
        {fields("clinic-server.local", "5432", "practice", "mara"), "postgresql://mara@clinic-server.local:5432/practice",
         "mara@clinic-server.local:5432/practice"},
        {fields(" 192.168.1.20 ", " 6543 ", " practice ", " desk_sam "),
         "postgresql://desk_sam@192.168.1.20:6543/practice", "desk_sam@192.168.1.20:6543/practice"},
        {fields("server", "5432", "Cedar & Stone/main?x=1#2", "o'neil@front desk:1"),
         "postgresql://o%27neil%40front%20desk%3A1@server:5432/Cedar%20%26%20Stone%2Fmain%3Fx%3D1%232",
         "o'neil@front desk:1@server:5432/Cedar & Stone/main?x=1#2"},
        {fields("server", "5432", "praxis_münchen", "zoë"), "postgresql://zo%C3%AB@server:5432/praxis_m%C3%BCnchen",
         "zoë@server:5432/praxis_münchen"},
        {fields("::1", "5432", "practice", "mara"), "postgresql://mara@[::1]:5432/practice",
         "mara@::1:5432/practice"},
        {fields("[fe80::1]", "5432", "practice", "mara"), "postgresql://mara@[fe80::1]:5432/practice",
         "mara@fe80::1:5432/practice"},
        {fields("/var/run/postgresql", "5432", "practice", "mara"),
         "postgresql://mara@%2Fvar%2Frun%2Fpostgresql:5432/practice", "mara@/var/run/postgresql:5432/practice"},
        {fields("server", "05432", "practice", "mara"), "postgresql://mara@server:5432/practice",
         "mara@server:5432/practice"},
    };
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT("host \"" << c.form.host << "\", user \"" << c.form.user << "\"") {
            ConnectPresenter presenter({}, c.form);
            BOOST_TEST(!presenter.check().has_value());
            BOOST_TEST(presenter.location() == c.location);
            BOOST_TEST(db::postgresql::display_name(presenter.location()) == c.display);
            BOOST_TEST(presenter.server_name() == c.display);
            BOOST_TEST(gui::is_server_location(presenter.location()));
        }
    }
}

BOOST_AUTO_TEST_CASE(what_is_typed_is_checked_before_anything_is_tried) {
    struct Case {
        ServerForm form;
        ServerField field;
    };
    const std::vector<Case> cases{
        {fields("", "5432", "practice", "mara"), ServerField::host},
        {fields("   ", "5432", "practice", "mara"), ServerField::host},
        {fields("clinic server", "5432", "practice", "mara"), ServerField::host},
        {fields("mara@server", "5432", "practice", "mara"), ServerField::host},
        {fields("server", "", "practice", "mara"), ServerField::port},
        {fields("server", "54x2", "practice", "mara"), ServerField::port},
        {fields("server", "0", "practice", "mara"), ServerField::port},
        {fields("server", "65536", "practice", "mara"), ServerField::port},
        {fields("server", "-1", "practice", "mara"), ServerField::port},
        {fields("server", "5432", "", "mara"), ServerField::database},
        {fields("server", "5432", "practice", " "), ServerField::user},
        {url_form(""), ServerField::url},
        {url_form("clinic.knotwork"), ServerField::url},
        {url_form("http://server/practice"), ServerField::url},
    };
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT("host \"" << c.form.host << "\", port \"" << c.form.port << "\", url \"" << c.form.url
                                     << "\"") {
            RecordingOpener opener;
            ConnectPresenter presenter(opener.opener(), c.form);
            const auto problem = presenter.check();
            BOOST_TEST_REQUIRE(problem.has_value());
            BOOST_TEST(problem->field == c.field);
            BOOST_TEST(!problem->message.empty());
            BOOST_CHECK_THROW(presenter.location(), ValidationError);
            BOOST_TEST(!presenter.connect());
            BOOST_TEST_REQUIRE(presenter.failure().has_value());
            BOOST_TEST(presenter.failure()->field == c.field);
            BOOST_TEST(opener.calls.empty()); // nothing was tried
        }
    }
    BOOST_TEST(ConnectPresenter({}, fields("", "5432", "p", "m")).check()->message ==
               "Type the name or address of the clinic server.");
}

BOOST_AUTO_TEST_CASE(the_password_goes_to_the_connection_and_is_never_remembered) {
    RecordingOpener opener;
    ServerForm form = fields("server", "5432", "practice", "mara");
    form.password = "s3cret pass";
    ConnectPresenter presenter(opener.opener(), form);
    BOOST_TEST(!contains(presenter.location(), "s3cret"));
    BOOST_TEST(!contains(presenter.remembered_location(), "s3cret"));

    BOOST_TEST(presenter.connect() != nullptr);
    BOOST_TEST(!presenter.failure().has_value());
    BOOST_TEST_REQUIRE(opener.calls.size() == 1u);
    BOOST_TEST(opener.calls[0].second == "s3cret pass");
    BOOST_TEST(!contains(opener.calls[0].first, "s3cret"));
    // The attempt gives up rather than hanging on a server that does not answer.
    BOOST_TEST(opener.calls[0].first == "postgresql://mara@server:5432/practice?connect_timeout=10");
    BOOST_TEST(presenter.form().password.empty()); // forgotten once connected
    BOOST_TEST(presenter.remembered_location() == "postgresql://mara@server:5432/practice");

    // A password typed into an advanced URL connects, apart from the location, and is not
    // remembered either.
    RecordingOpener advanced;
    ConnectPresenter by_url(advanced.opener(), url_form("postgresql://mara:hunter2@server/practice?sslmode=require"));
    BOOST_TEST(by_url.connect() != nullptr);
    BOOST_TEST(advanced.calls.at(0).first == "postgresql://mara@server/practice?sslmode=require&connect_timeout=10");
    BOOST_TEST(advanced.calls.at(0).second == "hunter2");
    BOOST_TEST(by_url.remembered_location() == "postgresql://mara@server/practice?sslmode=require");

    RecordingOpener settings;
    ConnectPresenter by_settings(settings.opener(), url_form("host=server password='it\\'s secret' dbname=practice"));
    BOOST_TEST(by_settings.connect() != nullptr);
    BOOST_TEST(settings.calls.at(0).first == "host=server dbname=practice connect_timeout=10");
    BOOST_TEST(settings.calls.at(0).second == "it's secret");
}

BOOST_AUTO_TEST_CASE(without_password_takes_out_every_form_of_password) {
    struct Case {
        std::string location;
        std::string expected;
    };
    const std::vector<Case> cases{
        {"postgresql://mara:pw@server:5432/practice", "postgresql://mara@server:5432/practice"},
        {"postgres://mara:p%40ss@server/practice", "postgres://mara@server/practice"},
        {"postgresql://:pw@server/practice", "postgresql://server/practice"},
        {"postgresql://mara@server/practice?password=pw&sslmode=require",
         "postgresql://mara@server/practice?sslmode=require"},
        {"postgresql://mara@server/practice?sslmode=require&password=pw", "postgresql://mara@server/practice?sslmode=require"},
        {"postgresql://mara@server/practice?pass%77ord=pw", "postgresql://mara@server/practice"},
        {"postgresql://server/practice", "postgresql://server/practice"},
        {"host=server password=secret dbname=practice user=mara", "host=server dbname=practice user=mara"},
        {"host=server password = 'it\\'s here' user=mara", "host=server user=mara"},
        {"host=server dbname='my practice' password=a\\ b", "host=server dbname='my practice'"},
        {"host=server dbname=practice", "host=server dbname=practice"},
        {"/home/mara/practice.knotwork", "/home/mara/practice.knotwork"},
    };
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT(c.location) {
            BOOST_TEST(gui::without_password(c.location) == c.expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(the_password_written_into_a_location_is_found) {
    BOOST_TEST(gui::password_in("postgresql://mara:p%40ss@server/practice") == "p@ss");
    BOOST_TEST(gui::password_in("postgresql://mara@server/practice?password=a%20b") == "a b");
    BOOST_TEST(gui::password_in("postgresql://mara@server/practice") == "");
    BOOST_TEST(gui::password_in("host=server password=plain dbname=p") == "plain");
    BOOST_TEST(gui::password_in("host=server password = 'two words' dbname=p") == "two words");
    BOOST_TEST(gui::password_in("host=server password=a\\ b dbname=p") == "a b");
    BOOST_TEST(gui::password_in("/home/mara/practice.knotwork") == "");
}

BOOST_AUTO_TEST_CASE(a_connect_timeout_is_added_once) {
    BOOST_TEST(gui::with_connect_timeout("postgresql://m@s/p") == "postgresql://m@s/p?connect_timeout=10");
    BOOST_TEST(gui::with_connect_timeout("postgresql://m@s/p?sslmode=require", 3) ==
               "postgresql://m@s/p?sslmode=require&connect_timeout=3");
    BOOST_TEST(gui::with_connect_timeout("postgresql://m@s/p?connect_timeout=30") ==
               "postgresql://m@s/p?connect_timeout=30");
    BOOST_TEST(gui::with_connect_timeout("host=s dbname=p") == "host=s dbname=p connect_timeout=10");
    BOOST_TEST(gui::with_connect_timeout("host=s connect_timeout=2 dbname=p") == "host=s connect_timeout=2 dbname=p");
}

BOOST_AUTO_TEST_CASE(a_remembered_server_fills_the_fields_again) {
    const ServerForm plain = gui::form_for("postgresql://o%27neil%40front%20desk@clinic:6543/Cedar%20%26%20Stone");
    BOOST_TEST(!plain.use_url);
    BOOST_TEST(plain.host == "clinic");
    BOOST_TEST(plain.port == "6543");
    BOOST_TEST(plain.user == "o'neil@front desk");
    BOOST_TEST(plain.database == "Cedar & Stone");
    BOOST_TEST(plain.password.empty());

    const ServerForm v6 = gui::form_for("postgresql://mara@[::1]:5432/practice");
    BOOST_TEST(v6.host == "::1");
    BOOST_TEST(ConnectPresenter({}, v6).location() == "postgresql://mara@[::1]:5432/practice");

    const ServerForm default_port = gui::form_for("postgresql://mara@clinic/practice");
    BOOST_TEST(default_port.port == "5432");

    // What the fields cannot hold stays a URL, without its password.
    for (const std::string advanced : {"postgresql://mara@clinic/practice?sslmode=require",
                                       "postgresql://mara@a:5432,b:5432/practice", "host=clinic dbname=practice",
                                       "postgresql://clinic/practice"}) {
        BOOST_TEST_CONTEXT(advanced) {
            const ServerForm f = gui::form_for(advanced);
            BOOST_TEST(f.use_url);
            BOOST_TEST(f.url == advanced);
        }
    }
    BOOST_TEST(gui::form_for("host=clinic password=pw dbname=p").url == "host=clinic dbname=p");

    // Every plain location makes itself again.
    for (const std::string location : {"postgresql://mara@clinic:5432/practice",
                                       "postgresql://zo%C3%AB@server:5432/praxis_m%C3%BCnchen"}) {
        BOOST_TEST(ConnectPresenter({}, gui::form_for(location)).location() == location);
    }
}

BOOST_AUTO_TEST_CASE(the_recent_menu_names_a_server_without_its_password) {
    BOOST_TEST(gui::practice_label("/home/mara/practice.knotwork") == "/home/mara/practice.knotwork");
    BOOST_TEST(gui::practice_label("postgresql://desk_sam:pw@clinic:5432/practice") ==
               "desk_sam@clinic:5432/practice (clinic server)");
    BOOST_TEST(!gui::is_server_location("/home/mara/practice.knotwork"));
    BOOST_TEST(!gui::is_server_location(""));
    BOOST_TEST(gui::is_server_location("host=clinic dbname=practice"));
}

BOOST_AUTO_TEST_CASE(each_failure_names_the_problem_and_its_field) {
    const ServerForm form = fields("clinic", "5432", "practice", "desk_sam");
    struct Case {
        std::string error; // as db::Database::open says it
        ServerField field;
        std::string says;
    };
    const std::string prefix = "Cannot connect to the clinic server desk_sam@clinic:5432/practice: Cannot establish "
                               "connection to the database.\n";
    const std::vector<Case> cases{
        {prefix + "connection to server at \"10.0.0.5\", port 5432 failed: fe_sendauth: no password supplied",
         ServerField::password, "asks for the password of \"desk_sam\""},
        {prefix + "connection to server at \"10.0.0.5\", port 5432 failed: FATAL:  password authentication failed "
                  "for user \"desk_sam\"",
         ServerField::password, "did not accept the password for \"desk_sam\""},
        {prefix + "connection to server at \"10.0.0.5\", port 5432 failed: FATAL:  role \"desk_sam\" does not exist",
         ServerField::user, "no account named \"desk_sam\""},
        {prefix + "connection to server at \"10.0.0.5\", port 5432 failed: FATAL:  database \"practice\" does not exist",
         ServerField::database, "no database named \"practice\""},
        {prefix + "connection to server at \"10.0.0.5\", port 5432 failed: Connection refused\n\tIs the server running?",
         ServerField::host, "Nothing answers at clinic, port 5432"},
        {prefix + "could not translate host name \"clinic\" to address: Name or service not known", ServerField::host,
         "No server is known by the name \"clinic\""},
        {prefix + "connection to server at \"10.0.0.5\", port 5432 failed: timeout expired", ServerField::host,
         "did not answer"},
        {prefix + "connection to server at \"10.0.0.5\", port 5432 failed: FATAL:  no pg_hba.conf entry for host",
         ServerField::user, "does not let this account connect from this computer"},
        {"The clinic server desk_sam@clinic:5432/practice holds no Knotwork practice, or an older one.",
         ServerField::database, "holds no Knotwork practice"},
    };
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT(c.error) {
            const ConnectFailure f = gui::explain_connect_failure(Error(c.error), form);
            BOOST_TEST(f.field == c.field);
            BOOST_TEST(contains(f.message, c.says), f.message);
        }
    }
    const ConnectFailure denied =
        gui::explain_connect_failure(db::PermissionError("Your account is not allowed to do this."), form);
    BOOST_TEST(denied.field == ServerField::user);
    BOOST_TEST(denied.message == "Your account is not allowed to do this.");

    // With a URL, the URL is the field to correct, the password still the password.
    const ServerForm by_url = url_form("postgresql://desk_sam@clinic/practice");
    BOOST_TEST(gui::explain_connect_failure(Error(prefix + "FATAL:  role \"x\" does not exist"), by_url).field ==
               ServerField::url);
    BOOST_TEST(gui::explain_connect_failure(Error(prefix + "fe_sendauth: no password supplied"), by_url).field ==
               ServerField::password);
    BOOST_TEST(gui::explain_connect_failure(ValidationError("clinic server", "cannot be read: missing \"=\""), by_url)
                   .field == ServerField::url);
}

BOOST_AUTO_TEST_CASE(a_server_that_is_not_there_fails_at_once_with_a_plain_message) {
    // Nothing listens on port 1: the real connection attempt is refused straight away.
    ConnectPresenter presenter(
        [](const std::string& location, const std::string& password) {
            return db::Database::open(location, {.password = password, .actor = "test"});
        },
        fields("127.0.0.1", "1", "practice", "mara"));
    BOOST_TEST(!presenter.connect());
    BOOST_TEST_REQUIRE(presenter.failure().has_value());
    BOOST_TEST(presenter.failure()->field == ServerField::host);
    BOOST_TEST(presenter.failure()->message ==
               "Nothing answers at 127.0.0.1, port 1. Check the server and port, and that the clinic server is "
               "running.");
}

BOOST_AUTO_TEST_CASE(database_errors_read_plainly_without_statements_or_values) {
    const std::string lost = gui::readable_error(
        "Cannot prepare statement. Fatal error. Connection failed. server closed the connection unexpectedly\n"
        "\tThis probably means the server terminated abnormally\n while preparing \"SELECT count(*) FROM clients\".");
    BOOST_TEST(lost == "The connection to the clinic server was lost, so this did not happen; nothing was half-saved. "
                       "Reconnect with File > Connect to Clinic Server and try again.");
    const std::string denied = gui::readable_error(
        "Cannot execute query. Fatal error. ERROR:  permission denied for table assessments\n while executing "
        "\"SELECT id FROM assessments WHERE client_id = :c\" with :c=2.");
    BOOST_TEST(contains(denied, "not allowed to do this"));
    BOOST_TEST(!contains(denied, "SELECT"));
    // Whatever else the library says loses the statement and the values bound to it.
    BOOST_TEST(gui::readable_error("Cannot execute query. Fatal error. ERROR:  value too long\n while executing "
                                   "\"UPDATE sessions SET subjective = :s\" with :s=\"Sciatica easing\".") ==
               "value too long");
    BOOST_TEST(gui::readable_error("There is no practice file at /tmp/x.knotwork.") ==
               "There is no practice file at /tmp/x.knotwork.");
}

BOOST_AUTO_TEST_SUITE_END()
