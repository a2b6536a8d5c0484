#pragma once
// Writing an export of practice records to a new file, the way every export of Knotwork is written:
// never over an existing file, owner-only (it holds clinical or personal details, like the practice
// itself), read in one transaction that also records the export in the audit trail, and removed
// again if writing it or recording it fails, so there is an "export" entry exactly when a file
// was written.
#include "common/dates.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>

namespace knotwork::db {
class Database;
}

namespace knotwork::app {

// What one export wrote: how many records, and the audit trail's description of it.
struct ExportResult {
    std::size_t records = 0;
    std::string detail;
};

// What the audit trail records about an export.
struct ExportAudit {
    std::string entity;                 // "session", "client"
    std::optional<std::int64_t> client; // the client it is about, when it is about one
    std::string what;                   // "calendar exported: 12 appointments"; the file's name is added
};

// Opens a transaction, calls `write` with the new file's stream (it returns the records written and
// fills in the audit description), records the export, commits. Throws Error when a file already
// exists at `path` or cannot be written; passes on what `write` throws, leaving no file behind.
ExportResult export_to_new_file(db::Database& db, const std::filesystem::path& path,
                                const std::function<std::size_t(std::ostream&, ExportAudit&)>& write);

// The whole file, refused above max_bytes: for imports.
std::string read_import_file(const std::filesystem::path& file, std::uintmax_t max_bytes);

} // namespace knotwork::app
