#pragma once
// Progress reports as both programs ask for them: read one client's records, build the report for
// a plan or a date range, write it as PDF and record the export in the audit trail — in one
// transaction, so there is an audit row exactly when a file was written. And the batch: one report
// for every client with an active plan.
#include "pdf_renderer.h"
#include "progress_report.h"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace knotwork::db {
class Database;
}

namespace knotwork::app {

struct ReportJob {
    ClientId client = 0;
    std::optional<PlanId> plan;   // a plan's series ...
    std::optional<Date> from;     // ... or a date range (both ends needed)
    std::optional<Date> to;
    Date report_date;             // also the last day of a plan still running
    report::PaperSize paper = report::PaperSize::a4;
    std::optional<report::Recommendation> recommendation; // the therapist's own; derived when empty
    std::string comment;
    std::string home_care_adherence;
};

// Every record of the client a report may use. Throws NotFoundError for an unknown client. Call
// within a transaction for one consistent snapshot.
report::ClientHistory load_client_history(db::Database& db, ClientId client);

// The plan a report covers when none is named: the newest active plan, else the newest plan.
std::optional<PlanId> default_report_plan(const report::ClientHistory& history);

// What the job covers: its plan, its dates, or by default default_report_plan(), or (a client
// with no plan) everything from the first record to the report date. Throws ValidationError for a
// plan together with dates, or only one end of a range.
report::ReportPeriod resolve_period(const report::ClientHistory& history, const ReportJob& job);

// Builds the report without writing anything (for a preview, which records its own audit row).
report::ProgressReport prepare_progress_report(db::Database& db, const ReportJob& job);

struct ExportedReport {
    ClientId client = 0;
    std::string client_name;
    std::optional<PlanId> plan;
    std::filesystem::path file;
    int pages = 0;
    int signed_notes = 0;
    std::size_t left_out = 0; // unsigned notes the report left out
};

// Writes the report to `file` (through a temporary file beside it, renamed into place) and
// records an "export_record" audit row for the client in the same transaction. Throws
// knotwork::Error when the file cannot be written; nothing is audited then.
ExportedReport export_progress_report(db::Database& db, const ReportJob& job, const std::filesystem::path& file);

struct BatchReportOptions {
    Date report_date;
    report::PaperSize paper = report::PaperSize::a4;
    // Called after each report with the reports written so far and the total. Returning false
    // stops the batch there: the reports already written stay, and are the ones returned.
    std::function<bool(std::size_t done, std::size_t total, const ExportedReport& last)> progress;
};

// One report per client with an active plan, on their newest active plan, into `folder` (created
// when missing), each written and audited in its own transaction. Files are named
// "client-<id>-<name>-plan-<plan>.pdf" with the name in plain ASCII letters, so they sort and
// travel well.
std::vector<ExportedReport> export_active_reports(db::Database& db, const std::filesystem::path& folder,
                                                  const BatchReportOptions& options);

// "client-0007-okafor-ngozi-plan-12.pdf".
std::string report_file_name(const Client& client, std::optional<PlanId> plan);

} // namespace knotwork::app
