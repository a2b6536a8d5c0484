#pragma once
// One client's whole record as a JSON document ("format": "knotwork-record", "version": 1; every
// field is described in docs/data-format.md): the client, every assessment with its outcome
// measures, every treatment plan, every session with its SOAP note, techniques, signature and
// amendments. Exported from one practice, it imports into another as a new client.
//
// The import checks the whole document before writing anything: every field's type, every code,
// every reference between records (a plan's assessment, a session's plan), and every record by the
// domain's own rules. A problem is reported by its place in the document and what is wrong
// ("sessions[2].note.pain_before: must be between 0 and 10 (got 12)"). Everything is written in one
// transaction: all of it or nothing. Ids are given anew by the practice; a signed note stays signed
// with its original signer and time, and its amendments keep their authors and times.
#include "client/client.h"
#include "common/dates.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace knotwork::db {
class Database;
}

namespace knotwork::app {

inline constexpr std::string_view record_format_name = "knotwork-record";
inline constexpr int record_format_version = 1;

// The client's record as JSON text (indented, UTF-8, ending in a line break). `exported_at` (UTC)
// goes into the header. Throws NotFoundError for an unknown client.
std::string export_client_record(db::Database& db, ClientId client, DateTime exported_at = now_utc());

// Writes it to a new file, audited (export_file.h). Refused (Error) for an account that may not
// read clinical records.
void export_client_record_file(db::Database& db, ClientId client, const std::filesystem::path& file);

struct RecordImportResult {
    ClientId client = 0;
    std::size_t assessments = 0;
    std::size_t plans = 0;
    std::size_t sessions = 0;
    std::size_t signed_notes = 0;
    std::size_t amendments = 0;
};

// Imports a document as a new client. Throws ValidationError naming the place in the document for
// anything wrong with it (nothing is written), and passes on any error from the database after
// rolling back. `today` decides which dates lie in the future.
RecordImportResult import_client_record(db::Database& db, std::string_view json, Date today = today_local());

inline constexpr std::uintmax_t max_record_bytes = 256u * 1024u * 1024u;
RecordImportResult import_client_record_file(db::Database& db, const std::filesystem::path& file,
                                             Date today = today_local());

} // namespace knotwork::app
