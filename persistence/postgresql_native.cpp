#include "postgresql_native.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <libpq-fe.h>

#include <memory>
#include <vector>

namespace knotwork::db::postgresql {

namespace {

struct ConninfoFree {
    void operator()(PQconninfoOption* o) const { PQconninfoFree(o); }
};
using Conninfo = std::unique_ptr<PQconninfoOption, ConninfoFree>;

Conninfo parse(const std::string& location) {
    char* error = nullptr;
    Conninfo options(PQconninfoParse(location.c_str(), &error));
    if (!options) {
        std::string why = error ? error : "it is not a connection string";
        if (error) PQfreemem(error);
        while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
        throw ValidationError("clinic server", "cannot be read: " + why);
    }
    return options;
}

std::string quoted(const std::string& value) {
    std::string out = "'";
    for (char c : value) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

} // namespace

std::string connect_string(const std::string& location, const std::string& password) {
    const Conninfo options = parse(location);
    std::string out;
    bool has_options = false;
    for (const PQconninfoOption* o = options.get(); o->keyword; ++o) {
        if (!o->val) continue;
        std::string keyword = o->keyword;
        std::string value = o->val;
        if (keyword == "password" && !password.empty()) continue;
        if (keyword == "options") {
            value += " -c client_min_messages=warning";
            has_options = true;
        }
        out += (out.empty() ? "" : " ") + keyword + "=" + quoted(value);
    }
    if (!password.empty()) out += (out.empty() ? "" : " ") + std::string("password=") + quoted(password);
    if (!has_options) out += (out.empty() ? "" : " ") + std::string("options='-c client_min_messages=warning'");
    return out;
}

std::string display_name(const std::string& location) {
    Conninfo options;
    try {
        options = parse(location);
    } catch (const Error&) {
        return "the clinic server";
    }
    std::string user, host, port, dbname;
    for (const PQconninfoOption* o = options.get(); o->keyword; ++o) {
        if (!o->val) continue;
        const std::string keyword = o->keyword;
        if (keyword == "user") user = o->val;
        else if (keyword == "host" || (keyword == "hostaddr" && host.empty())) host = o->val;
        else if (keyword == "port") port = o->val;
        else if (keyword == "dbname") dbname = o->val;
    }
    std::string out = user.empty() ? "" : user + "@";
    out += host.empty() ? "localhost" : host;
    if (!port.empty()) out += ":" + port;
    if (!dbname.empty()) out += "/" + dbname;
    return out;
}

void exec_script(soci::session& sql, const std::string& script) {
    auto* backend = static_cast<soci::postgresql_session_backend*>(sql.get_backend());
    PGresult* result = PQexec(backend->conn_, script.c_str());
    const ExecStatusType status = PQresultStatus(result);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
        PQclear(result);
        return;
    }
    const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    const std::string code = state ? state : "";
    std::string message = PQresultErrorMessage(result);
    PQclear(result);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    throw Error(message + (code.empty() ? "" : " (SQLSTATE " + code + ")"));
}

std::string sqlstate_of(const soci::soci_error& e) {
    if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e)) return pg->sqlstate();
    return {};
}

void raise_if_known(const std::string& sqlstate, const std::string& server_message, const std::string& what,
                    const std::string& server) {
    const std::string code = sqlstate.size() == 5 ? sqlstate : "";
    if (code.empty()) return;
    const std::string klass = code.substr(0, 2);
    if (code == "42501")
        throw PermissionError("Your account on the clinic server " + server + " is not allowed to do this (" + what +
                              "). Clinical records are open to therapists' accounts only; ask the practice's "
                              "administrator if your account should have this right.");
    if (code == "40001" || code == "40P01")
        throw ConflictError("Another workstation changed the same records at the same moment, so " + what +
                            " did not happen. Nothing was lost: try again.");
    if (klass == "08" || code == "57P01" || code == "57P02" || code == "57P03")
        throw Error("The connection to the clinic server " + server + " was lost while " + what +
                    ". Nothing was half-saved: reconnect (File > Connect to Clinic Server) and try again. "
                    "The server said: " + server_message);
    if (code == "53100")
        throw Error("The clinic server " + server + " has run out of disk space, so " + what +
                    " did not happen and nothing was half-saved. Tell the practice's administrator.");
    if (klass == "53")
        throw Error("The clinic server " + server + " is short of resources (" + server_message + "), so " + what +
                    " did not happen. Try again in a moment.");
    if (code == "25006")
        throw Error("This connection to the clinic server " + server + " is read-only, so " + what +
                    " did not happen.");
}

} // namespace knotwork::db::postgresql
