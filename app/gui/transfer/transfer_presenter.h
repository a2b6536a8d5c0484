#pragma once
// File > Export and File > Import in plain C++, tested without a display: which items an account
// is offered, the file names the save dialogs suggest, the options the export dialog's choices
// stand for (the same options knotwork-cli's export commands build), and the sentences that say
// what was written or read.
#include "client/client.h"
#include "common/dates.h"
#include "core/calendar_export.h"
#include "core/client_import.h"
#include "core/record_transfer.h"
#include "server/access_presenter.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace knotwork::db {
class Database;
}

namespace knotwork::gui {

enum class TransferItem {
    export_calendar,     // iCalendar: the schedule, nothing clinical
    export_clients,      // CSV: client details
    export_appointments, // CSV: the schedule
    export_record,       // JSON: one client's whole record, clinical notes included
    import_clients,      // CSV
    import_record,       // JSON, as a new client
};

// Whether the item is offered: the client record (export and import) holds clinical records and
// needs an account that reads them; exporting it also needs a selected client.
bool transfer_enabled(TransferItem item, const PracticeAccess& access, bool client_selected);

// The name a save dialog suggests: "knotwork-schedule.ics", "knotwork-clients-2026-03-01.csv",
// "knotwork-appointments-2026-03-01.csv", "record-okafor-ngozi.json" (the client's name, its
// letters and digits joined by hyphens; "record-client-12.json" when it has none).
std::string default_file_name(TransferItem item, Date today, const std::string& client_name = {},
                              ClientId client = 0);

// The days an export covers unless the person changes them: the calendar and the appointments
// from today through the last day of the third month ahead (today + 3 months − 1 day).
struct DayRange {
    Date from;
    Date to;
};
DayRange default_export_range(Date today);
// "The last day must not be before the first." or empty.
std::string range_problem(const DayRange& range);

// What the calendar dialog offers for "Names in the summary", in order.
struct SummaryChoice {
    app::CalendarSummary summary;
    std::string label;
};
const std::vector<SummaryChoice>& summary_choices();

// The calendar dialog's choices. `therapist` empty: every therapist.
struct CalendarChoices {
    DayRange range;
    std::string therapist;
    std::size_t summary = 0; // index into summary_choices()
};
// The options export_calendar_file() takes, as knotwork-cli builds them from the same choices.
// Throws ValidationError for a range that ends before it starts.
app::CalendarOptions calendar_options(const CalendarChoices& choices, DateTime stamp = now_utc());

// The therapists a calendar can be limited to: everyone with an appointment within a year either
// side of `today`, named exactly as the appointments name them (the export matches names
// exactly), alphabetically. Empty when nobody is named.
std::vector<std::string> calendar_therapists(db::Database& db, Date today);

// "Exported 214 appointments to /home/mara/knotwork-schedule.ics." ("1 appointment").
std::string exported_message(std::size_t count, const std::string& one, const std::string& many,
                             const std::string& file);
std::string exported_record_message(const std::string& client_name, const std::string& file);

// A client CSV import that left rows out or imported nothing.
struct ImportReview {
    std::size_t rows = 0;
    std::size_t bad_rows = 0;
    std::size_t good_rows = 0;
    std::string heading;              // "3 of 40 rows cannot be imported. Nothing was imported yet."
    std::vector<std::string> problems; // "line 14, date_of_birth: must be a date written YYYY-MM-DD"
};
ImportReview review_import(const app::ImportResult& checked);
// After an import: "Imported 37 clients from clients.csv; 3 rows with problems were left out."
std::string imported_clients_message(const app::ImportResult& result, const std::string& file);
// "Imported the record of Ngozi Okafor: 2 assessments, 1 plan, 8 sessions (6 signed), 1 amendment."
std::string imported_record_message(const app::RecordImportResult& result, const std::string& client_name);

} // namespace knotwork::gui
