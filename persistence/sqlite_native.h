#pragma once
// The few things Knotwork needs from the raw SQLite C API that SOCI does not offer: running a
// multi-statement script (migrations) and the online backup API. Kept apart from SOCI's sqlite3
// backend header, which wraps <sqlite3.h> in a namespace of its own.
#include <string>

struct sqlite3;

namespace knotwork::db::sqlite_native {

// Runs every statement of `script`. Throws knotwork::Error with SQLite's message on failure.
void exec_script(sqlite3* handle, const std::string& script);

// Copies the whole database behind `handle` to a new file at `destination` with the online
// backup API (consistent while others use the source). Throws knotwork::Error on failure.
void backup_to_file(sqlite3* handle, const std::string& destination);

} // namespace knotwork::db::sqlite_native
