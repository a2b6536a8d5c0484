#include "sqlite_storage.h"

#include <sqlite3.h>

#include <sys/statvfs.h>

namespace knotwork::db {

namespace {

std::string code_text(int code, const std::string& sqlite_message) {
    std::string text = "(SQLite error " + std::to_string(code);
    const char* name = sqlite3_errstr(code);
    const std::string detail = sqlite_message.empty() ? std::string(name ? name : "") : sqlite_message;
    if (!detail.empty()) text += ": " + detail;
    return text + ")";
}

} // namespace

std::optional<StorageError> storage_error_for(int code, const std::string& what, const std::string& file,
                                              const std::string& sqlite_message) {
    const std::string tail = " " + code_text(code, sqlite_message);
    switch (code & 0xff) {
    case SQLITE_FULL:
        return StorageError(
            StorageError::Kind::disk_full, code,
            "The disk is full: " + file + " could not be written while " + what +
                ", and nothing of that change was stored. Free some space on that disk (or move "
                "the practice file to one with room), then try again." +
                tail);
    case SQLITE_READONLY:
        return StorageError(
            StorageError::Kind::read_only, code,
            "The practice file " + file + " is read-only, so " + what +
                " did not go through and nothing was changed. It is open read-only, on read-only "
                "media (a locked memory card, a CD, a read-only network share) or in a folder you "
                "may not write to: copy it to a folder of your own to work on it." +
                tail);
    case SQLITE_IOERR:
        return StorageError(
            StorageError::Kind::io_error, code,
            "The disk holding " + file + " reported an error while " + what +
                ", and nothing of that change was stored. Check that the disk (or the network "
                "drive) is still connected and has room, then try again; if it keeps happening, "
                "make a backup to another disk." +
                tail);
    case SQLITE_CANTOPEN:
        return StorageError(
            StorageError::Kind::cannot_open, code,
            "Knotwork could not open " + file + " while " + what +
                ". It keeps a journal file beside the practice file, so the folder must exist and "
                "be writable: check that the disk is connected and that you may write to that "
                "folder, or copy the file to a folder of your own." +
                tail);
    default:
        return std::nullopt;
    }
}

StorageError read_only_media_error(const std::string& file, bool unfinished_wal) {
    const std::string media =
        "The practice file " + file +
        " is on read-only media (a locked memory card, a CD, a read-only network share)";
    const std::string tail = " " + code_text(SQLITE_READONLY, {});
    if (unfinished_wal)
        return StorageError(
            StorageError::Kind::read_only, SQLITE_READONLY,
            media + " and was not closed properly: changes wait in its journal file " + file +
                "-wal, which only a writable folder can bring in. Copy both files to a folder of "
                "your own and open the practice there." +
                tail);
    return StorageError(
        StorageError::Kind::read_only, SQLITE_READONLY,
        media +
            ", where Knotwork cannot save anything. Copy it to a folder of your own to work on "
            "it, or open it read-only to look at it." +
            tail);
}

int last_error_code(sqlite3* handle) {
    return handle ? sqlite3_extended_errcode(handle) : SQLITE_OK;
}

bool opened_read_only(sqlite3* handle) {
    return sqlite3_db_readonly(handle, "main") == 1;
}

bool on_read_only_media(const std::string& folder) {
    struct statvfs info {};
    if (::statvfs(folder.empty() ? "." : folder.c_str(), &info) != 0) return false;
    return (info.f_flag & ST_RDONLY) != 0;
}

std::string sqlite_file_uri(const std::string& path, const std::string& parameters) {
    static const char hex[] = "0123456789ABCDEF";
    std::string uri = "file:";
    for (char c : path) {
        const auto u = static_cast<unsigned char>(c);
        const bool plain = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                           c == '/' || c == '.' || c == '-' || c == '_' || c == '~';
        if (plain) {
            uri += c;
        } else {
            uri += '%';
            uri += hex[u >> 4];
            uri += hex[u & 0xf];
        }
    }
    if (!parameters.empty()) uri += "?" + parameters;
    return uri;
}

} // namespace knotwork::db
