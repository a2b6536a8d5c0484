#pragma once
// How a practice file meets the storage under it: a full disk, read-only media, a failing disk or
// a file that cannot be opened become a StorageError whose message says what happened and what
// to do, with SQLite's own code kept at the end for whoever helps. Raw SQLite API, kept apart
// from SOCI's sqlite3 backend header (which wraps <sqlite3.h> in a namespace of its own).
#include "common/error.h"

#include <optional>
#include <string>

struct sqlite3;

namespace knotwork::db {

class StorageError : public Error {
  public:
    enum class Kind { disk_full, read_only, io_error, cannot_open };
    StorageError(Kind kind, int sqlite_code, const std::string& message)
        : Error(message), m_kind(kind), m_sqlite_code(sqlite_code) {}
    Kind kind() const noexcept { return m_kind; }
    // SQLite's extended result code (SQLITE_FULL, SQLITE_IOERR_WRITE, …).
    int sqlite_code() const noexcept { return m_sqlite_code; }

  private:
    Kind m_kind;
    int m_sqlite_code;
};

// The StorageError for SQLite result `code` (primary or extended) met while doing `what`
// ("saving", "opening") with the practice file `file`; nullopt when the code is not about the
// storage. `sqlite_message` is SQLite's own text, kept in the message with the code.
std::optional<StorageError> storage_error_for(int code, const std::string& what, const std::string& file,
                                              const std::string& sqlite_message);

// Why a practice file on read-only media cannot be opened for work — or, when `unfinished_wal`,
// cannot be opened at all, since the committed changes waiting in its WAL could not be brought in.
StorageError read_only_media_error(const std::string& file, bool unfinished_wal);

// The extended result code of the last failed call on `handle` (SQLITE_OK when none).
int last_error_code(sqlite3* handle);

// True when SQLite opened the main database behind `handle` for reading only.
bool opened_read_only(sqlite3* handle);

// True when `folder` is on a file system mounted read-only (a locked card, a CD, a read-only share).
bool on_read_only_media(const std::string& folder);

// "file:" URI for `path` with the query `parameters` ("immutable=1"), percent-encoded so any
// path survives.
std::string sqlite_file_uri(const std::string& path, const std::string& parameters);

} // namespace knotwork::db
