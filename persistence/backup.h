#pragma once
// One-step backup of an open practice, consistent while others are using it (SQLite's online
// backup API). The backup file gets owner-only permissions, like the practice file.
#include <string>

namespace knotwork::db {

class Database;

// Writes a complete copy of the practice to `destination`, which must not exist yet.
void backup_practice(Database& db, const std::string& destination);

} // namespace knotwork::db
