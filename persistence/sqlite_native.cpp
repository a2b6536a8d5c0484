#include "sqlite_native.h"

#include "common/error.h"

#include <sqlite3.h>

namespace knotwork::db::sqlite_native {

void exec_script(sqlite3* handle, const std::string& script) {
    char* message = nullptr;
    if (sqlite3_exec(handle, script.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string text = message ? message : sqlite3_errmsg(handle);
        sqlite3_free(message);
        throw Error("database script failed: " + text);
    }
}

void backup_to_file(sqlite3* handle, const std::string& destination) {
    sqlite3* target = nullptr;
    if (sqlite3_open_v2(destination.c_str(), &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
        SQLITE_OK) {
        std::string text = target ? sqlite3_errmsg(target) : "out of memory";
        sqlite3_close(target);
        throw Error("cannot create backup file " + destination + ": " + text);
    }
    sqlite3_backup* backup = sqlite3_backup_init(target, "main", handle, "main");
    if (!backup) {
        std::string text = sqlite3_errmsg(target);
        sqlite3_close(target);
        throw Error("cannot start backup: " + text);
    }
    int rc;
    do {
        rc = sqlite3_backup_step(backup, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    const int final_rc = sqlite3_errcode(target);
    const std::string text = sqlite3_errmsg(target);
    sqlite3_close(target);
    if (rc != SQLITE_DONE || final_rc != SQLITE_OK) throw Error("backup failed: " + text);
}

} // namespace knotwork::db::sqlite_native
