#include "transfer/transfer_presenter.h"

#include "common/error.h"
#include "common/text.h"
#include "repositories/session_repository.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace knotwork::gui {

namespace {

std::string counted(std::size_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// "Okafor, Ngozi" → "okafor-ngozi": letters and digits (ASCII lower-cased, other scripts as
// written), everything else a single hyphen.
std::string file_name_part(const std::string& name) {
    std::string out;
    for (const char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80) out += c;
        else if (std::isalnum(u)) out += static_cast<char>(std::tolower(u));
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

} // namespace

bool transfer_enabled(TransferItem item, const PracticeAccess& access, bool client_selected) {
    switch (item) {
    case TransferItem::export_record: return client_selected && access.allows(Feature::clinical_records);
    case TransferItem::import_record: return access.allows(Feature::clinical_records);
    case TransferItem::export_calendar:
    case TransferItem::export_clients:
    case TransferItem::export_appointments:
    case TransferItem::import_clients: return true;
    }
    return false;
}

std::string default_file_name(TransferItem item, Date today, const std::string& client_name, ClientId client) {
    switch (item) {
    case TransferItem::export_calendar: return "knotwork-schedule.ics";
    case TransferItem::export_clients: return "knotwork-clients-" + to_iso(today) + ".csv";
    case TransferItem::export_appointments: return "knotwork-appointments-" + to_iso(today) + ".csv";
    case TransferItem::export_record: {
        const std::string part = file_name_part(client_name);
        return "record-" + (part.empty() ? "client-" + std::to_string(client) : part) + ".json";
    }
    case TransferItem::import_clients:
    case TransferItem::import_record: return {};
    }
    return {};
}

DayRange default_export_range(Date today) {
    return {today, today + boost::gregorian::months(3) - boost::gregorian::days(1)};
}

std::string range_problem(const DayRange& range) {
    return range.to < range.from ? "The last day must not be before the first." : std::string();
}

const std::vector<SummaryChoice>& summary_choices() {
    static const std::vector<SummaryChoice> choices{
        {app::CalendarSummary::client_name, "Client's full name"},
        {app::CalendarSummary::initials, "Client's initials"},
        {app::CalendarSummary::none, "No name (\"Appointment\")"},
    };
    return choices;
}

app::CalendarOptions calendar_options(const CalendarChoices& choices, DateTime stamp) {
    if (const std::string problem = range_problem(choices.range); !problem.empty())
        throw ValidationError("to", "must not be before from");
    app::CalendarOptions options;
    options.from = choices.range.from;
    options.to = choices.range.to;
    if (!choices.therapist.empty()) options.therapist = choices.therapist;
    const auto& summaries = summary_choices();
    options.summary = summaries.at(std::min(choices.summary, summaries.size() - 1)).summary;
    options.stamp = stamp;
    return options;
}

std::vector<std::string> calendar_therapists(db::Database& db, Date today) {
    const auto year = boost::gregorian::years(1);
    const auto appointments =
        db::SessionRepository(db).between(DateTime(today - year), DateTime(today + year + boost::gregorian::days(1)));
    std::vector<std::string> names;
    for (const auto& a : appointments)
        if (!text::trim(a.therapist).empty()) names.push_back(a.therapist);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

std::string exported_message(std::size_t count, const std::string& one, const std::string& many,
                             const std::string& file) {
    return "Exported " + counted(count, one, many) + " to " + file + ".";
}

std::string exported_record_message(const std::string& client_name, const std::string& file) {
    return "Exported the record of " + client_name + " to " + file + ".";
}

ImportReview review_import(const app::ImportResult& checked) {
    ImportReview review;
    review.rows = checked.rows;
    review.bad_rows = checked.bad_rows();
    review.good_rows = review.rows - std::min(review.rows, review.bad_rows);
    review.heading = std::to_string(review.bad_rows) + " of " + counted(review.rows, "row", "rows") +
                     (review.bad_rows == 1 ? " has problems" : " have problems") + "; nothing was imported.";
    for (const auto& p : checked.problems) review.problems.push_back(p.message());
    return review;
}

std::string imported_clients_message(const app::ImportResult& result, const std::string& file) {
    const std::string name = std::filesystem::path(file).filename().string();
    if (result.imported.empty())
        return result.rows == 0 ? name + " holds no clients; nothing was imported."
                                : "No client was imported from " + name + ".";
    std::string message = "Imported " + counted(result.imported.size(), "client", "clients") + " from " + name;
    if (const std::size_t bad = result.bad_rows(); bad > 0)
        message += "; " + counted(bad, "row", "rows") + " with problems " + (bad == 1 ? "was" : "were") + " left out";
    return message + ".";
}

std::string imported_record_message(const app::RecordImportResult& r, const std::string& client_name) {
    return "Imported the record of " + client_name + ": " + counted(r.assessments, "assessment", "assessments") + ", " +
           counted(r.plans, "plan", "plans") + ", " + counted(r.sessions, "session", "sessions") + " (" +
           std::to_string(r.signed_notes) + " signed), " + counted(r.amendments, "amendment", "amendments") + ".";
}

} // namespace knotwork::gui
