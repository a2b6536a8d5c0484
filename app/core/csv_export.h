#pragma once
// Clients and appointments written as CSV (RFC 4180: a header row, fields quoted only when they
// must be, UTF-8 without a byte-order mark, CRLF line ends), for a spreadsheet, another program or
// another Knotwork practice. The clients' columns are exactly the columns the client import reads
// (client_import.h), in the same order and with the same codes, so exporting the clients and
// importing the file into an empty practice gives the same clients (archived clients are
// exported too, and come back unarchived: the import has no column for it).
#include "common/dates.h"
#include "core/calendar_export.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace knotwork::db {
class Database;
}

namespace knotwork::app {

// One client's fields, in client_columns() order, as the import reads them back.
std::vector<std::string> client_csv_fields(const ClientDetails& d);

// Every client (archived ones too), in list order. Returns how many were written.
std::size_t write_clients_csv(db::Database& db, std::ostream& out);

// The appointments' columns, in order, with what each holds.
struct AppointmentColumn {
    std::string name;
    std::string description;
};
const std::vector<AppointmentColumn>& appointment_columns();

// The appointments between two days (both included; none: from the first or to the last),
// oldest first. Returns how many were written.
std::size_t write_appointments_csv(db::Database& db, std::ostream& out, const std::optional<Date>& from,
                                   const std::optional<Date>& to);

// The same to new files, audited (export_file.h).
std::size_t export_clients_csv_file(db::Database& db, const std::filesystem::path& file);
std::size_t export_appointments_csv_file(db::Database& db, const std::filesystem::path& file,
                                         const std::optional<Date>& from, const std::optional<Date>& to);

} // namespace knotwork::app
