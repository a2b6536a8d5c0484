#include "server/connect_presenter.h"

#include "common/text.h"
#include "core/translate.h"
#include "database.h"
#include "postgresql_native.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace knotwork::gui {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

std::string fill(std::string pattern, const std::string& value) {
    if (const auto at = pattern.find("%s"); at != std::string::npos) pattern.replace(at, 2, value);
    return pattern;
}

// "postgresql://" or "postgres://": the length of the scheme, or 0 for anything else.
std::size_t uri_scheme_length(std::string_view location) {
    if (starts_with(location, "postgresql://")) return 13;
    if (starts_with(location, "postgres://")) return 11;
    return 0;
}

// One setting of libpq's key=value form, as libpq reads it: `raw` is its text as typed.
struct Setting {
    std::string keyword;
    std::string raw;
};

// Splits the key=value form the way libpq does: a value is either single-quoted (a backslash
// escapes the next character) or runs to the next blank (a backslash escapes there too).
// Unreadable text is kept as one setting with no keyword, so nothing typed is lost.
std::vector<Setting> settings_of(std::string_view text) {
    std::vector<Setting> out;
    std::size_t i = 0;
    const auto blank = [&](std::size_t at) { return at < text.size() && std::isspace(static_cast<unsigned char>(text[at])); };
    while (i < text.size()) {
        while (blank(i)) ++i;
        if (i >= text.size()) break;
        const std::size_t begin = i;
        while (i < text.size() && text[i] != '=' && !blank(i)) ++i;
        std::string keyword(text.substr(begin, i - begin));
        while (blank(i)) ++i;
        if (i >= text.size() || text[i] != '=') {
            out.push_back({"", std::string(text.substr(begin))});
            break;
        }
        ++i;
        while (blank(i)) ++i;
        if (i < text.size() && text[i] == '\'') {
            ++i;
            while (i < text.size() && text[i] != '\'') i += text[i] == '\\' ? 2 : 1;
            i = std::min(i + 1, text.size());
        } else {
            while (i < text.size() && !blank(i)) i += text[i] == '\\' ? 2 : 1;
            i = std::min(i, text.size());
        }
        out.push_back({keyword, std::string(text.substr(begin, i - begin))});
    }
    return out;
}

// The parts of a postgresql:// URL.
struct UriParts {
    std::string scheme;    // "postgresql://"
    std::string user;      // as typed (percent-encoded)
    std::optional<std::string> password;
    std::string hosts;     // "host:port", several separated by commas
    std::optional<std::string> path; // the database, as typed, without the '/'
    std::vector<std::string> parameters; // "key=value", as typed
};

UriParts uri_parts(std::string_view location) {
    UriParts u;
    const std::size_t scheme = uri_scheme_length(location);
    u.scheme = std::string(location.substr(0, scheme));
    std::string_view rest = location.substr(scheme);
    // libpq: the user part ends at an '@' that comes before any '/'.
    const std::size_t at = rest.find_first_of("@/?");
    if (at != std::string_view::npos && rest[at] == '@') {
        const std::string_view userinfo = rest.substr(0, at);
        const std::size_t colon = userinfo.find(':');
        u.user = std::string(userinfo.substr(0, colon));
        if (colon != std::string_view::npos) u.password = std::string(userinfo.substr(colon + 1));
        rest = rest.substr(at + 1);
    }
    const std::size_t host_end = rest.find_first_of("/?");
    u.hosts = std::string(rest.substr(0, host_end));
    rest = host_end == std::string_view::npos ? std::string_view() : rest.substr(host_end);
    if (starts_with(rest, "/")) {
        const std::size_t end = rest.find('?');
        u.path = std::string(rest.substr(1, end == std::string_view::npos ? std::string_view::npos : end - 1));
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
    }
    if (starts_with(rest, "?")) {
        rest = rest.substr(1);
        while (!rest.empty()) {
            const std::size_t amp = rest.find('&');
            if (amp != 0) u.parameters.emplace_back(rest.substr(0, amp));
            if (amp == std::string_view::npos) break;
            rest = rest.substr(amp + 1);
        }
    }
    return u;
}

std::string parameter_name(const std::string& parameter) {
    return percent_decode(parameter.substr(0, parameter.find('=')));
}

std::string uri_text(const UriParts& u) {
    std::string out = u.scheme;
    if (!u.user.empty() || u.password) {
        out += u.user;
        if (u.password) out += ":" + *u.password;
        out += "@";
    }
    out += u.hosts;
    if (u.path) out += "/" + *u.path;
    for (std::size_t i = 0; i < u.parameters.size(); ++i) out += (i == 0 ? "?" : "&") + u.parameters[i];
    return out;
}

// The host as a URL carries it: an IPv6 address in brackets, a socket folder percent-encoded.
std::string uri_host(const std::string& host) {
    if (host.find(':') != std::string::npos) return "[" + host + "]";
    if (starts_with(host, "/")) return percent_encode(host);
    return host;
}

std::string first_line(std::string text) {
    // libpq's own text follows Knotwork's sentence on the next line; keep libpq's first line.
    const auto lines_start = text.find('\n');
    if (lines_start == std::string::npos) return text;
    std::string rest = text.substr(lines_start + 1);
    const auto end = rest.find('\n');
    if (end != std::string::npos) rest = rest.substr(0, end);
    return text::trim(rest).empty() ? text.substr(0, lines_start) : text::trim(rest);
}

// The quoted name that follows `word` in `text`: "practice" in `database "practice" does not exist`.
std::string quoted_after(const std::string& text, const std::string& word) {
    const auto at = text.find(word + " \"");
    if (at == std::string::npos) return {};
    const auto open = at + word.size() + 1;
    const auto close = text.find('"', open + 1);
    if (close == std::string::npos) return {};
    return text.substr(open + 1, close - open - 1);
}

std::string field_name(ServerField field) {
    switch (field) {
    case ServerField::host: return KW_TR("server");
    case ServerField::port: return KW_TR("port");
    case ServerField::database: return KW_TR("database");
    case ServerField::user: return KW_TR("user name");
    case ServerField::password: return KW_TR("password");
    case ServerField::url: return KW_TR("connection URL");
    }
    return {};
}

} // namespace

std::string percent_encode(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) && u < 0x80) out += c;
        else if (c == '-' || c == '.' || c == '_' || c == '~') out += c;
        else {
            out += '%';
            out += hex[u >> 4];
            out += hex[u & 0x0f];
        }
    }
    return out;
}

std::string percent_decode(std::string_view text) {
    const auto value = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && value(text[i + 1]) >= 0 && value(text[i + 2]) >= 0) {
            out += static_cast<char>(value(text[i + 1]) * 16 + value(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

bool is_server_location(const std::string& location) {
    try {
        return db::DatabaseUrl::parse(location).backend == db::Backend::postgresql;
    } catch (const Error&) {
        return false;
    }
}

std::string without_password(const std::string& location) {
    if (uri_scheme_length(location) > 0) {
        UriParts u = uri_parts(location);
        u.password.reset();
        std::erase_if(u.parameters, [](const std::string& p) { return parameter_name(p) == "password"; });
        return uri_text(u);
    }
    if (!is_server_location(location)) return location;
    std::string out;
    for (const Setting& s : settings_of(location)) {
        if (s.keyword == "password") continue;
        out += (out.empty() ? "" : " ") + s.raw;
    }
    return out;
}

std::string password_in(const std::string& location) {
    if (uri_scheme_length(location) > 0) {
        const UriParts u = uri_parts(location);
        std::string password = u.password ? percent_decode(*u.password) : std::string();
        for (const auto& p : u.parameters)
            if (parameter_name(p) == "password")
                password = percent_decode(p.find('=') == std::string::npos ? "" : p.substr(p.find('=') + 1));
        return password;
    }
    if (!is_server_location(location)) return {};
    std::string password;
    for (const Setting& s : settings_of(location)) {
        if (s.keyword != "password") continue;
        std::string_view raw = s.raw;
        raw.remove_prefix(std::min(raw.size(), raw.find('=') + 1));
        while (!raw.empty() && std::isspace(static_cast<unsigned char>(raw.front()))) raw.remove_prefix(1);
        const bool quoted = !raw.empty() && raw.front() == '\'';
        if (quoted) raw.remove_prefix(1);
        password.clear();
        for (std::size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] == '\\' && i + 1 < raw.size()) password += raw[++i];
            else if (quoted && raw[i] == '\'') break;
            else password += raw[i];
        }
    }
    return password;
}

std::string with_connect_timeout(const std::string& location, int seconds) {
    const std::string setting = "connect_timeout=" + std::to_string(seconds);
    if (uri_scheme_length(location) > 0) {
        UriParts u = uri_parts(location);
        for (const auto& p : u.parameters)
            if (parameter_name(p) == "connect_timeout") return location;
        u.parameters.push_back(setting);
        return uri_text(u);
    }
    for (const Setting& s : settings_of(location))
        if (s.keyword == "connect_timeout") return location;
    return location + " " + setting;
}

ServerForm form_for(const std::string& location) {
    ServerForm form;
    if (uri_scheme_length(location) > 0) {
        const UriParts u = uri_parts(location);
        std::string host = u.hosts, port = std::to_string(default_server_port);
        bool plain = u.parameters.empty() && u.path && !u.path->empty() && !u.user.empty() && !host.empty() &&
                     host.find(',') == std::string::npos;
        if (plain) {
            if (starts_with(host, "[")) {
                const auto close = host.find(']');
                plain = close != std::string::npos;
                if (plain) {
                    if (close + 1 < host.size() && host[close + 1] == ':') port = host.substr(close + 2);
                    host = host.substr(1, close - 1);
                }
            } else if (const auto colon = host.rfind(':'); colon != std::string::npos) {
                port = host.substr(colon + 1);
                host = host.substr(0, colon);
            }
            host = percent_decode(host);
        }
        if (plain) {
            form.host = host;
            form.port = port;
            form.database = percent_decode(*u.path);
            form.user = percent_decode(u.user);
            return form;
        }
    }
    form.use_url = true;
    form.url = without_password(location);
    return form;
}

std::string practice_label(const std::string& location) {
    if (!is_server_location(location)) return location;
    return fill(KW_TR("%s (clinic server)"), db::postgresql::display_name(without_password(location)));
}

ConnectFailure explain_connect_failure(const std::exception& e, const ServerForm& form) {
    const std::string text = e.what();
    const bool url = form.use_url;
    const auto at = [url](ServerField field) { return url ? ServerField::url : field; };
    std::string server = url ? db::postgresql::display_name(without_password(form.url)) : form.host;
    if (!url && !form.port.empty()) server += ", " + fill(KW_TR("port %s"), form.port);

    if (const auto* v = dynamic_cast<const ValidationError*>(&e); v && v->field() == "clinic server")
        return {ServerField::url, fill(KW_TR("The connection URL cannot be read: %s."), v->problem())};
    if (dynamic_cast<const db::PermissionError*>(&e)) return {at(ServerField::user), text};
    if (contains(text, "no password supplied"))
        return {ServerField::password,
                url || form.user.empty()
                    ? KW_TR("The clinic server asks for a password: type it under Password.")
                    : fill(KW_TR("The clinic server asks for the password of \"%s\": type it under Password."),
                           form.user)};
    if (contains(text, "password authentication failed"))
        return {ServerField::password,
                fill(KW_TR("The clinic server did not accept the password for \"%s\" (or has no such "
                           "account). Check the user name and password, and try again."),
                     url ? quoted_after(text, "for user") : form.user)};
    if (contains(text, "role \"") && contains(text, "does not exist"))
        return {at(ServerField::user),
                fill(KW_TR("The clinic server has no account named \"%s\". Check the user name."),
                     quoted_after(text, "role"))};
    if (contains(text, "database \"") && contains(text, "does not exist"))
        return {at(ServerField::database),
                fill(KW_TR("The clinic server has no database named \"%s\". Check the database name."),
                     quoted_after(text, "database"))};
    if (contains(text, "could not translate host name"))
        return {at(ServerField::host),
                fill(KW_TR("No server is known by the name \"%s\". Check the server's name."),
                     quoted_after(text, "host name"))};
    if (contains(text, "Connection refused"))
        return {at(ServerField::host),
                fill(KW_TR("Nothing answers at %s. Check the server and port, and that the clinic server is "
                           "running."),
                     server)};
    if (contains(text, "timeout expired") || contains(text, "timed out") || contains(text, "No route to host") ||
        contains(text, "Network is unreachable"))
        return {at(ServerField::host),
                fill(KW_TR("The clinic server at %s did not answer. Check the server's name and port, and "
                           "the network."),
                     server)};
    if (contains(text, "no pg_hba.conf entry"))
        return {at(ServerField::user), KW_TR("The clinic server does not let this account connect from this "
                                             "computer. Ask the practice's administrator to allow it.")};
    if (contains(text, "Cannot connect to the clinic server"))
        return {at(ServerField::host), KW_TR("Knotwork cannot connect to the clinic server.") + " " +
                                           first_line(text)};
    if (contains(text, "Knotwork practice") || contains(text, "newer Knotwork") || contains(text, "set up or upgrade"))
        return {at(ServerField::database), text};
    return {at(ServerField::host), text};
}

std::string readable_error(std::string_view text) {
    static constexpr std::string_view lost[] = {"server closed the connection unexpectedly",
                                                "Connection failed",
                                                "no connection to the server",
                                                "connection to server was lost",
                                                "terminating connection due to administrator command",
                                                "could not receive data from server",
                                                "could not send data to server",
                                                "SSL connection has been closed unexpectedly"};
    for (auto phrase : lost)
        if (contains(text, phrase))
            return KW_TR("The connection to the clinic server was lost, so this did not happen; nothing was "
                         "half-saved. Reconnect with File > Connect to Clinic Server and try again.");
    if (contains(text, "permission denied for"))
        return KW_TR("Your account on the clinic server is not allowed to do this. Clinical records are open to "
                     "therapists' accounts only; ask the practice's administrator if your account should have "
                     "this right.");
    std::string out(text);
    // The library's wording around the database's own: "Cannot execute query. Fatal error. …
    // while executing "SELECT …" with :x=…".
    for (std::string_view marker : {" while preparing \"", " while executing \""})
        if (const auto at = out.find(marker); at != std::string::npos) out.erase(at);
    for (std::string_view prefix : {"Cannot prepare statement. ", "Cannot execute query. ", "Fatal error. ", "ERROR:  "})
        while (out.rfind(prefix, 0) == 0) out.erase(0, prefix.size());
    return text::trim(out);
}

// ---- ConnectPresenter ------------------------------------------------------------------------

ConnectPresenter::ConnectPresenter(Opener open, ServerForm form) : m_open(std::move(open)), m_form(std::move(form)) {}

std::optional<ConnectFailure> ConnectPresenter::check() const {
    const auto problem = [](ServerField field, std::string message) {
        return std::optional<ConnectFailure>(ConnectFailure{field, std::move(message)});
    };
    if (m_form.use_url) {
        const std::string url = text::trim(m_form.url);
        if (url.empty())
            return problem(ServerField::url, KW_TR("Type the connection URL, or choose Server details."));
        if (!is_server_location(url))
            return problem(ServerField::url, KW_TR("A connection URL starts with postgresql:// "
                                                   "(postgresql://user@server:5432/database) or is a list of "
                                                   "settings such as host=server dbname=practice user=name."));
        return std::nullopt;
    }
    const std::string host = text::trim(m_form.host);
    if (host.empty()) return problem(ServerField::host, KW_TR("Type the name or address of the clinic server."));
    const bool socket_folder = starts_with(host, "/");
    if (!socket_folder && host.find_first_of(" \t@/?#,%") != std::string::npos)
        return problem(ServerField::host, KW_TR("The server is a name such as clinic-server.local or an address "
                                                "such as 192.168.1.20, without spaces."));
    const std::string port = text::trim(m_form.port);
    const bool digits = !port.empty() && port.size() <= 5 &&
                        std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits || std::stoi(port) < 1 || std::stoi(port) > 65535)
        return problem(ServerField::port, KW_TR("The port is a number from 1 to 65535 (usually 5432)."));
    if (text::trim(m_form.database).empty())
        return problem(ServerField::database, KW_TR("Type the name of the practice's database on the server."));
    if (text::trim(m_form.user).empty())
        return problem(ServerField::user, KW_TR("Type your user name on the clinic server."));
    return std::nullopt;
}

std::string ConnectPresenter::location() const {
    if (const auto problem = check()) {
        throw ValidationError(field_name(problem->field), problem->message);
    }
    if (m_form.use_url) return text::trim(m_form.url);
    std::string host = text::trim(m_form.host);
    if (starts_with(host, "[") && host.size() > 2 && host.back() == ']') host = host.substr(1, host.size() - 2);
    return "postgresql://" + percent_encode(text::trim(m_form.user)) + "@" + uri_host(host) + ":" +
           std::to_string(std::stoi(text::trim(m_form.port))) + "/" + percent_encode(text::trim(m_form.database));
}

std::string ConnectPresenter::remembered_location() const { return without_password(location()); }

std::string ConnectPresenter::server_name() const {
    if (check()) return {};
    return db::postgresql::display_name(remembered_location());
}

std::unique_ptr<db::Database> ConnectPresenter::connect() {
    if ((m_failure = check())) return nullptr;
    try {
        // A password written into the URL goes to the connection apart from the location, as one
        // typed under Password does (which wins when both are given).
        const std::string where = location();
        std::string password = m_form.password.empty() ? password_in(where) : m_form.password;
        auto db = m_open(with_connect_timeout(without_password(where)), password);
        password.assign(password.size(), '\0');
        if (!db) throw Error(KW_TR("The clinic server could not be opened."));
        m_form.password.assign(m_form.password.size(), '\0');
        m_form.password.clear();
        m_failure.reset();
        return db;
    } catch (const std::exception& e) {
        m_failure = explain_connect_failure(e, m_form);
        return nullptr;
    }
}

} // namespace knotwork::gui
