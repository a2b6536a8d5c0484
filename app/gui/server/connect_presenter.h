#pragma once
// Connecting to a clinic server, in plain C++ and tested without a display: the fields of the
// Connect to Clinic Server dialog (server, port, database, user name, password, or one advanced
// connection URL), the location they make, what the program remembers of it, and each failure
// said in plain words with the field it concerns.
//
// What it promises:
//  - The location built from the fields is "postgresql://user@host:port/database" with the user
//    and database names percent-encoded, so any name a server allows reaches it unchanged.
//  - The password typed into the Password field never becomes part of a location; a password
//    typed into an advanced URL is taken out of it and given to the connection on its own, so
//    neither the practice's location nor remembered_location() ever holds one (in either form,
//    postgresql:// or libpq's key=value).
//  - A connection attempt gives up after connect_timeout_seconds unless the URL says otherwise.
#include "common/error.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace knotwork::db {
class Database;
}

namespace knotwork::gui {

// What the dialog's fields hold.
struct ServerForm {
    std::string host;
    std::string port = "5432";
    std::string database;
    std::string user;
    std::string password;
    bool use_url = false; // connect with `url` instead of the four fields above
    std::string url;      // "postgresql://…" or libpq's "host=… dbname=…"
};

// The field a problem concerns, where the dialog puts the cursor.
enum class ServerField { host, port, database, user, password, url };

// A connection that did not happen, in plain words.
struct ConnectFailure {
    ServerField field = ServerField::host;
    std::string message;
};

inline constexpr int default_server_port = 5432;
inline constexpr int connect_timeout_seconds = 10;

// RFC 3986: letters, digits and "-._~" stay, every other byte becomes %XX.
std::string percent_encode(std::string_view text);
// The reverse; a '%' not followed by two hex digits stays as it is.
std::string percent_decode(std::string_view text);

// True for a postgresql:// URL or libpq's key=value form; false for a practice file.
bool is_server_location(const std::string& location);
// `location` with any password taken out: the userinfo's ":password" and a "password" parameter
// of a URL, or the "password=…" setting of the key=value form.
std::string without_password(const std::string& location);
// The password written into `location` (a URL's userinfo or "password" parameter, or the
// key=value form's setting), or "" when it holds none.
std::string password_in(const std::string& location);
// `location` with connect_timeout=`seconds` added unless it sets one already.
std::string with_connect_timeout(const std::string& location, int seconds = connect_timeout_seconds);
// The fields of a remembered location: the four fields for a plain
// postgresql://user@host:port/database, otherwise the advanced URL. Never a password.
ServerForm form_for(const std::string& location);
// How the recent-practices menu names a location: the file's path, or
// "user@host:port/database (clinic server)".
std::string practice_label(const std::string& location);

// What went wrong when connecting with `form` failed with `e`, for the dialog.
ConnectFailure explain_connect_failure(const std::exception& e, const ServerForm& form);

// A database error's text as a person should read it, for any action: a lost connection to the
// clinic server or a right the account lacks said plainly, and never the statement or the values
// the database library appends (they can hold clinical text). Other text is returned as it is.
std::string readable_error(std::string_view text);

class ConnectPresenter {
public:
    // Opens the practice at `location` with `password` (empty: none typed). Throws
    // knotwork::Error when it cannot.
    using Opener = std::function<std::unique_ptr<db::Database>(const std::string& location,
                                                               const std::string& password)>;

    explicit ConnectPresenter(Opener open, ServerForm form = {});

    ServerForm& form() noexcept { return m_form; }
    const ServerForm& form() const noexcept { return m_form; }

    // The first problem with what was typed, before anything is tried; nullopt when it can be.
    std::optional<ConnectFailure> check() const;
    // Where to connect: the URL made from the fields, or the advanced URL as typed. Throws
    // ValidationError naming the field when check() finds a problem.
    std::string location() const;
    // What the program keeps to offer the connection again: location() without a password.
    std::string remembered_location() const;
    // "user@host:port/database", for the dialog's "Connecting to …" line.
    std::string server_name() const;

    // Checks, then connects. On success returns the practice and forgets the password typed; on
    // failure returns nullptr and failure() says why. Never throws.
    std::unique_ptr<db::Database> connect();
    const std::optional<ConnectFailure>& failure() const noexcept { return m_failure; }

private:
    Opener m_open;
    ServerForm m_form;
    std::optional<ConnectFailure> m_failure;
};

} // namespace knotwork::gui
