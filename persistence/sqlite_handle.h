#pragma once
// The raw SQLite handle behind a SOCI session on the sqlite3 backend.
struct sqlite3;
namespace soci {
class session;
}
namespace knotwork::db {
sqlite3* native_sqlite_handle(soci::session& sql);
}
