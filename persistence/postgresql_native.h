#pragma once
// The clinic server's side of a connection: libpq directly, for what SOCI does not offer (running
// a whole migration script, parsing a connection string) and for turning the server's errors into
// messages a person can act on. Kept apart from the SQLite files, as they are kept apart from SOCI.
#include "common/error.h"

#include <optional>
#include <string>

namespace soci {
class session;
class soci_error;
}

namespace knotwork::db {

// The account on the clinic server lacks a right the action needs (SQLSTATE 42501): a front-desk
// account asking for a note, for example. Enforced by the server, reported by the program.
class PermissionError : public Error {
public:
    using Error::Error;
};

namespace postgresql {

// A libpq connection string for `location` (a postgresql:// URL or libpq's key=value form), with
// `password` added when not empty and the server asked to keep NOTICE lines to itself. Throws
// ValidationError("clinic server", …) when libpq cannot parse it.
std::string connect_string(const std::string& location, const std::string& password);

// "user@host:port/dbname" for titles and messages: never the password.
std::string display_name(const std::string& location);

// Runs a script of several statements (a migration) on the connection behind `sql`. Throws
// Error with the server's message.
void exec_script(soci::session& sql, const std::string& script);

// The SQLSTATE of a failed statement on the PostgreSQL backend, or "" for any other error.
std::string sqlstate_of(const soci::soci_error& e);

// Throws what a person should read for a statement that failed with `sqlstate` while doing
// `what` ("saving") on the server `server`: a PermissionError for a right the account lacks, a
// ConflictError when another workstation got there at the same moment, an Error about the
// connection or the server's storage. Returns when the code says nothing a person can act on.
void raise_if_known(const std::string& sqlstate, const std::string& server_message, const std::string& what,
                    const std::string& server);

} // namespace postgresql
} // namespace knotwork::db
