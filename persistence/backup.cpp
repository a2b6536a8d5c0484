#include "backup.h"

#include "common/error.h"
#include "database.h"
#include "sqlite_handle.h"
#include "sqlite_native.h"

#include <filesystem>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace knotwork::db {

void backup_practice(Database& db, const std::string& destination) {
    if (db.backend() != Backend::sqlite) throw Error("Backups of a clinic server are made on the server.");
    if (std::filesystem::exists(destination))
        throw Error("A file already exists at " + destination + "; choose another name.");
    const std::string partial = destination + ".partial";
    std::filesystem::remove(partial);
    {
        // Create the file owner-only before SQLite writes any record into it.
        const int fd = ::open(partial.c_str(), O_CREAT | O_WRONLY | O_EXCL, 0600);
        if (fd < 0) throw Error("Cannot create " + destination + ".");
        ::close(fd);
    }
    try {
        sqlite_native::backup_to_file(native_sqlite_handle(db.sql()), partial);
    } catch (...) {
        std::filesystem::remove(partial);
        throw;
    }
    std::filesystem::rename(partial, destination); // the backup appears whole or not at all
}

} // namespace knotwork::db
