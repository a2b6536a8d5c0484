#include "core/progress_reports.h"

#include "audit_log.h"
#include "common/error.h"
#include "database.h"
#include "practice/practice_profile.h"
#include "repositories/assessment_repository.h"
#include "repositories/client_repository.h"
#include "repositories/plan_repository.h"
#include "repositories/practice_repository.h"
#include "repositories/session_repository.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <string_view>
#include <system_error>

namespace knotwork::app {

namespace fs = std::filesystem;

namespace {

// Latin letters with diacritics (U+00C0 to U+017F) folded to their base letter; '*' for the two
// signs in that range (multiplication and division).
constexpr std::string_view latin_folding = "AAAAAAACEEEEIIIIDNOOOOO*OUUUUYTsaaaaaaaceeeeiiiidnooooo*ouuuuyty"
                                           "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlL"
                                           "lLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

// Lower-case ASCII letters and digits, words joined by '-': "Ó Briain Zoë" → "o-briain-zoe".
std::string slug(const std::string& text) {
    std::string out;
    auto separate = [&] {
        if (!out.empty() && out.back() != '-') out += '-';
    };
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        char c = 0;
        std::size_t length = 1;
        if (lead < 0x80) {
            c = static_cast<char>(lead);
        } else {
            length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
            if (length == 2 && i + 1 < text.size()) {
                const unsigned cp = ((lead & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
                if (cp >= 0xC0 && cp < 0xC0 + latin_folding.size()) c = latin_folding[cp - 0xC0];
            }
        }
        i += length;
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
        else separate();
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

report::ReportRequest request_for(const report::ClientHistory& history, const ReportJob& job) {
    report::ReportRequest r;
    r.period = resolve_period(history, job);
    r.report_date = job.report_date;
    r.recommendation = job.recommendation;
    r.comment = job.comment;
    r.home_care_adherence = job.home_care_adherence;
    return r;
}

std::string audit_detail(const report::ProgressReport& r, report::PaperSize paper, int pages) {
    std::string d = "progress report PDF: ";
    if (r.header.plan) d += "plan " + std::to_string(*r.header.plan) + ", ";
    d += to_iso(r.header.period_from) + " to " + to_iso(r.header.period_to) + "; " +
         std::to_string(r.attendance.signed_notes) + " signed notes";
    if (!r.left_out.empty()) d += ", " + std::to_string(r.left_out.size()) + " unsigned left out";
    d += "; " + std::string(paper == report::PaperSize::a4 ? "A4" : "US Letter") + ", " + std::to_string(pages) +
         (pages == 1 ? " page" : " pages");
    return d;
}

void remove_quietly(const fs::path& p) {
    std::error_code ec;
    fs::remove(p, ec);
}

} // namespace

report::ClientHistory load_client_history(db::Database& db, ClientId client) {
    return report::ClientHistory{db::ClientRepository(db).get(client), db::AssessmentRepository(db).for_client(client),
                                 db::PlanRepository(db).for_client(client),
                                 db::SessionRepository(db).for_client(client, std::numeric_limits<int>::max())};
}

std::optional<PlanId> default_report_plan(const report::ClientHistory& history) {
    const TreatmentPlan* best = nullptr;
    for (const auto& p : history.plans) {
        const bool active = p.status() == PlanStatus::active;
        const bool best_active = best && best->status() == PlanStatus::active;
        if (!best || (active && !best_active) ||
            (active == best_active && std::pair(p.details().created_on, p.id()) >
                                          std::pair(best->details().created_on, best->id())))
            best = &p;
    }
    if (!best) return std::nullopt;
    return best->id();
}

report::ReportPeriod resolve_period(const report::ClientHistory& history, const ReportJob& job) {
    if (job.plan && (job.from || job.to))
        throw ValidationError("report period", "give either a plan or a date range, not both");
    if (job.from.has_value() != job.to.has_value())
        throw ValidationError("report period", "a date range needs both a first and a last day");
    if (job.plan) return report::ReportPeriod::of_plan(*job.plan);
    if (job.from) return report::ReportPeriod::between(*job.from, *job.to);
    if (auto plan = default_report_plan(history)) return report::ReportPeriod::of_plan(*plan);
    Date first = job.report_date;
    for (const auto& a : history.assessments) first = std::min(first, a.details().assessed_on);
    for (const auto& s : history.sessions) first = std::min(first, s.starts_at().date());
    return report::ReportPeriod::between(first, job.report_date);
}

report::ProgressReport prepare_progress_report(db::Database& db, const ReportJob& job) {
    db::Transaction tx(db); // one consistent snapshot
    const report::ClientHistory history = load_client_history(db, job.client);
    const PracticeProfile practice = db::PracticeRepository(db).load();
    auto r = report::build_progress_report(history, practice, request_for(history, job));
    tx.commit();
    return r;
}

ExportedReport export_progress_report(db::Database& db, const ReportJob& job, const fs::path& file) {
    const fs::path folder = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    if (!fs::is_directory(folder)) throw Error("Cannot write the report: there is no folder " + folder.string() + ".");
    const fs::path part = fs::path(file.string() + ".part");

    db::Transaction tx(db);
    const report::ClientHistory history = load_client_history(db, job.client);
    const PracticeProfile practice = db::PracticeRepository(db).load();
    const report::ProgressReport r = report::build_progress_report(history, practice, request_for(history, job));

    ExportedReport out;
    out.client = job.client;
    out.client_name = r.client.name;
    out.plan = r.header.plan;
    out.file = file;
    out.signed_notes = r.attendance.signed_notes;
    out.left_out = r.left_out.size();
    bool renamed = false;
    try {
        out.pages = report::write_pdf(r, part, job.paper);
        db::AuditLog(db).record(db::AuditAction::export_record, "client", job.client, job.client,
                                audit_detail(r, job.paper, out.pages));
        std::error_code ec;
        fs::rename(part, file, ec);
        if (ec) throw Error("Cannot write the report to " + file.string() + ": " + ec.message() + ".");
        renamed = true;
        tx.commit();
    } catch (...) {
        remove_quietly(part);
        if (renamed) remove_quietly(file);
        throw;
    }
    return out;
}

std::string report_file_name(const Client& client, std::optional<PlanId> plan) {
    char id[32];
    std::snprintf(id, sizeof id, "%04lld", static_cast<long long>(client.id()));
    std::string name = "client-" + std::string(id);
    const std::string who = slug(client.details().family_name + " " + client.details().given_name);
    if (!who.empty()) name += "-" + who;
    if (plan) name += "-plan-" + std::to_string(*plan);
    return name + ".pdf";
}

std::vector<ExportedReport> export_active_reports(db::Database& db, const fs::path& folder,
                                                  const BatchReportOptions& options) {
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec || !fs::is_directory(folder))
        throw Error("Cannot make the folder " + folder.string() + (ec ? ": " + ec.message() : std::string()) + ".");

    struct Pending {
        ClientId client;
        PlanId plan;
        std::string file;
    };
    std::vector<Pending> pending;
    {
        db::Transaction tx(db);
        for (ClientId id : db::PlanRepository(db).clients_with_active_plans()) {
            const Client client = db::ClientRepository(db).get(id);
            std::optional<PlanId> newest;
            Date newest_on;
            for (const auto& p : db::PlanRepository(db).for_client(id))
                if (p.status() == PlanStatus::active && (!newest || p.details().created_on >= newest_on)) {
                    newest = p.id();
                    newest_on = p.details().created_on;
                }
            if (newest) pending.push_back({id, *newest, report_file_name(client, newest)});
        }
        tx.commit();
    }

    std::vector<ExportedReport> done;
    for (const auto& p : pending) {
        ReportJob job;
        job.client = p.client;
        job.plan = p.plan;
        job.report_date = options.report_date;
        job.paper = options.paper;
        done.push_back(export_progress_report(db, job, folder / p.file));
        if (options.progress && !options.progress(done.size(), pending.size(), done.back())) break;
    }
    return done;
}

} // namespace knotwork::app
