#include "sqlite_handle.h"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace knotwork::db {

sqlite3* native_sqlite_handle(soci::session& sql) {
    auto* backend = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
    // soci-sqlite3.h declares SQLite's types inside namespace sqlite_api; the object is the same.
    return reinterpret_cast<::sqlite3*>(backend->conn_);
}

} // namespace knotwork::db
