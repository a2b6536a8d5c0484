#pragma once
// One-step backup of an open practice, consistent while others are using it (SQLite's online
// backup API). The backup file gets owner-only permissions, like the practice file, and is one
// self-contained file (rollback journal, not WAL), so it can be read, checked and restored on its
// own.
#include <filesystem>
#include <string>

namespace knotwork::db {

class Database;

// Writes a complete copy of the practice to `destination`, which must not exist yet. Only
// committed work is copied; the copy appears whole or not at all, and is on the disk (fsync)
// when this returns.
void backup_practice(Database& db, const std::string& destination);

// Flushes a file, or a folder's list of names, to the disk (fsync). Throws knotwork::Error
// naming the path when the disk refuses.
void sync_to_disk(const std::filesystem::path& path);

} // namespace knotwork::db
