#pragma once
// Importing clients from a CSV file (from a spreadsheet or another practice program). A header
// row names the columns after the fields of ClientDetails; every row is checked by the domain's own
// rules (Client), and every bad row is reported by its line and column with the problem. By
// default a file with any bad row imports nothing; asked to, the good rows are imported and the
// bad ones listed. The import is one transaction, and every client it adds is audited.
#include "client/client.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace knotwork::db {
class Database;
}

namespace knotwork::app {

// A column the file may have: its header name (a field of ClientDetails) and what it holds.
struct ClientColumn {
    std::string name;        // "date_of_birth"
    std::string description; // "YYYY-MM-DD", or the codes an enumeration takes
    std::string field;       // the field the domain's ValidationError names: "date of birth"
};
// Every column, in the order an export writes them. family_name and given_name are required.
const std::vector<ClientColumn>& client_columns();

// The header names an import understands: each column's name, in any case, with spaces or
// hyphens for underscores ("Date of birth" is date_of_birth).
std::string normalise_column_name(std::string_view header);

// What is wrong with one row: "line 14, date_of_birth: must be a date written YYYY-MM-DD".
// `column` is empty when the problem is the row as a whole (too few fields).
struct ImportProblem {
    std::size_t line = 0;
    std::string column;
    std::string problem;
    std::string message() const;
    bool operator==(const ImportProblem&) const = default;
};

// A row that passed every check, as the Client it will be.
struct ClientRow {
    std::size_t line = 0;
    ClientDetails details;
};

struct ParsedClients {
    std::size_t rows = 0; // data rows read (header and empty lines not counted)
    std::vector<ClientRow> good;
    std::vector<ImportProblem> problems; // in line order; a row may have several
};

// Reads and checks every row of `csv` without touching a database. Throws CsvError for a file
// that is not readable CSV (invalid UTF-8, a quote left open), and ValidationError naming the
// header for a header that cannot be used (no rows at all, an unknown or repeated column, or no
// family_name or given_name column). `today` decides which dates lie in the future.
ParsedClients parse_client_csv(std::string_view csv, Date today);

struct ImportOptions {
    bool skip_bad = false; // import the good rows even when some are bad
    Date today = today_local();
};

struct ImportResult {
    std::size_t rows = 0;
    std::vector<ClientId> imported;      // in file order; empty when nothing was imported
    std::vector<ImportProblem> problems; // every bad row, imported or not
    std::size_t bad_rows() const; // rows with at least one problem
};

// Parses `csv` and, unless a row is bad and skip_bad is off, adds the good rows as clients in one
// transaction (all of them or none). Throws as parse_client_csv does, and passes on any error from
// the database after rolling back.
ImportResult import_clients(db::Database& db, std::string_view csv, const ImportOptions& options);

// The same for a file. Throws Error when it cannot be read or is larger than max_import_bytes.
inline constexpr std::uintmax_t max_import_bytes = 64u * 1024u * 1024u;
ImportResult import_clients_file(db::Database& db, const std::filesystem::path& file, const ImportOptions& options);

} // namespace knotwork::app
