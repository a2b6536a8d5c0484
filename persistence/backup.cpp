#include "backup.h"

#include "common/error.h"
#include "database.h"
#include "sqlite_handle.h"
#include "sqlite_native.h"

#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace knotwork::db {

namespace {

// Turns the copy into a self-contained rollback-journal file: the online backup API copies the
// source's page 1, so a copy of a WAL practice would otherwise say "WAL" and need -wal/-shm
// companions before anyone could read it.
void make_self_contained(const std::string& file) {
    sqlite3* handle = nullptr;
    const int rc = sqlite3_open_v2(file.c_str(), &handle, SQLITE_OPEN_READWRITE, nullptr);
    std::string problem;
    if (rc != SQLITE_OK) {
        problem = handle ? sqlite3_errmsg(handle) : "out of memory";
    } else {
        try {
            sqlite_native::exec_script(handle, "PRAGMA journal_mode = DELETE");
        } catch (const Error& e) {
            problem = e.what();
        }
    }
    sqlite3_close(handle);
    if (!problem.empty()) throw Error("The backup could not be finished: " + problem);
}

} // namespace

void sync_to_disk(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw Error("Cannot open " + path.string() + " to write it to the disk: " + std::strerror(errno) +
                    ".");
    const int rc = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    // Some file systems cannot sync a folder (EINVAL): its names are then as safe as they get.
    if (rc != 0 && !(error == EINVAL && std::filesystem::is_directory(path)))
        throw Error("Cannot write " + path.string() + " to the disk: " + std::strerror(error) + ".");
}

void backup_practice(Database& db, const std::string& destination) {
    if (db.backend() != Backend::sqlite) throw Error("Backups of a clinic server are made on the server.");
    if (std::filesystem::exists(destination))
        throw Error("A file already exists at " + destination + "; choose another name.");
    const std::string partial = destination + ".partial";
    std::filesystem::remove(partial);
    {
        // Create the file owner-only before SQLite writes any record into it.
        const int fd = ::open(partial.c_str(), O_CREAT | O_WRONLY | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0) throw Error("Cannot create " + destination + ": " + std::strerror(errno) + ".");
        ::close(fd);
    }
    try {
        sqlite_native::backup_to_file(native_sqlite_handle(db.sql()), partial);
        make_self_contained(partial);
        sync_to_disk(partial);
    } catch (...) {
        std::error_code ec;
        std::filesystem::remove(partial, ec);
        std::filesystem::remove(partial + "-journal", ec);
        throw;
    }
    std::filesystem::rename(partial, destination); // the backup appears whole or not at all
    const auto folder = std::filesystem::absolute(destination).parent_path();
    sync_to_disk(folder);
}

} // namespace knotwork::db
