#include "commands.h"

#include "arguments.h"
#include "json_writer.h"
#include "practice_access.h"

#include "common/error.h"
#include "core/chart.h"
#include "core/demo_practice.h"
#include "core/progress_reports.h"
#include "database.h"
#include "practice_statistics.h"
#include "repositories/client_repository.h"
#include "repositories/session_repository.h"
#include "screening/cautions.h"
#include "technique/advisor.h"

#include <cstdlib>
#include <limits>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace knotwork::cli {

namespace {

std::string fixed(double v, int decimals) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(decimals) << v;
    return s.str();
}

std::string signed_change(double v, int decimals) {
    return (v > 0 ? "+" : "") + fixed(v, decimals);
}

std::string opt_date(const std::optional<Date>& d) { return d ? to_iso(*d) : ""; }

// ---- init ---------------------------------------------------------------------------------

int run_init(const std::vector<std::string>& args, std::ostream& out) {
    Arguments a(args, {"json"}, {"as"});
    const std::string file = a.positional(0, "practice FILE");
    if (std::filesystem::exists(file)) throw Error("A file already exists at " + file + "; init makes a new practice.");
    auto db = open_practice(a, true);
    if (a.flag("json")) {
        JsonWriter(out).begin_object().field("file", file).field("schema_version", db->schema_version()).end_object();
        out << "\n";
    } else {
        out << "Created an empty practice at " << file << " (schema version " << db->schema_version() << ").\n";
    }
    return 0;
}

// ---- demo ---------------------------------------------------------------------------------

int run_demo(const std::vector<std::string>& args, std::ostream& out) {
    Arguments a(args, {"json", "quiet"}, {"as", "clients", "seed", "today", "years"});
    app::DemoOptions options;
    options.clients = static_cast<int>(a.integer("clients", 1, 100000).value_or(40));
    options.history_years = static_cast<int>(a.integer("years", 1, 30).value_or(options.history_years));
    options.seed = static_cast<std::uint64_t>(a.integer("seed", 0, 1LL << 62).value_or(1));
    options.today = a.option("today") ? parse_date("--today", *a.option("today")) : today_local();
    const bool quiet = a.flag("quiet") || a.flag("json");
    if (!quiet && options.clients >= 1000)
        options.progress = [](int done, int total) {
            std::cerr << "\r  " << done << " of " << total << " clients" << std::flush;
            if (done == total) std::cerr << "\n";
        };
    auto db = open_practice(a, true);
    const app::DemoSummary s = app::generate_demo_practice(*db, options);
    if (a.flag("json")) {
        JsonWriter(out)
            .begin_object()
            .field("clients", s.clients)
            .field("assessments", s.assessments)
            .field("plans", s.plans)
            .field("sessions", s.sessions)
            .field("signed_notes", s.signed_notes)
            .field("seconds", s.seconds)
            .field("rows_per_second", s.seconds > 0 ? static_cast<double>(s.clients + s.assessments + s.plans + s.sessions) / s.seconds : 0.0)
            .end_object();
        out << "\n";
    } else {
        out << "Demo practice written to " << a.positional(0, "FILE") << " in " << fixed(s.seconds, 1) << " s:\n"
            << "  " << s.clients << " clients, " << s.assessments << " assessments, " << s.plans << " plans, "
            << s.sessions << " sessions (" << s.signed_notes << " signed notes), "
            << fixed(s.seconds > 0 ? static_cast<double>(s.clients + s.assessments + s.plans + s.sessions) / s.seconds : 0.0, 0)
            << " records per second\n";
    }
    return 0;
}

// ---- clients ------------------------------------------------------------------------------

int run_clients(const std::vector<std::string>& args, std::ostream& out) {
    Arguments a(args, {"json", "archived"}, {"as", "search", "limit"});
    auto db = open_practice(a);
    db::ClientQuery q;
    q.text = a.option("search").value_or("");
    q.include_archived = a.flag("archived");
    q.limit = static_cast<int>(a.integer("limit", 1, 1000000).value_or(1000));
    const auto rows = db::ClientRepository(*db).search(q);
    if (a.flag("json")) {
        JsonWriter w(out);
        w.begin_array();
        for (const auto& c : rows)
            w.begin_object()
                .field("id", c.id)
                .field("family_name", c.family_name)
                .field("given_name", c.given_name)
                .field("preferred_name", c.preferred_name)
                .field("phone", c.phone)
                .field("date_of_birth", c.date_of_birth ? to_iso(*c.date_of_birth) : std::string())
                .field("archived", c.archived)
                .end_object();
        w.end_array();
        out << "\n";
        return 0;
    }
    for (const auto& c : rows) {
        out << std::setw(7) << c.id << "  " << c.family_name << ", " << c.given_name;
        if (!c.preferred_name.empty()) out << " (" << c.preferred_name << ")";
        if (c.date_of_birth) out << "  born " << to_iso(*c.date_of_birth);
        if (!c.phone.empty()) out << "  " << c.phone;
        if (c.archived) out << "  [archived]";
        out << "\n";
    }
    out << rows.size() << (rows.size() == 1 ? " client" : " clients") << "\n";
    return 0;
}

// ---- show ---------------------------------------------------------------------------------

void print_chart_text(const app::ClientChart& chart, std::ostream& out) {
    const Client& c = chart.client;
    const ClientDetails& d = c.details();
    out << c.display_name() << "  (client " << c.id() << (c.is_archived() ? ", archived" : "") << ")\n";
    if (d.date_of_birth) out << "  Born:            " << to_iso(*d.date_of_birth) << " (age " << age_on(*d.date_of_birth, today_local()) << ")\n";
    if (!d.phone.empty()) out << "  Phone:           " << d.phone << "\n";
    if (!d.email.empty()) out << "  Email:           " << d.email << "\n";
    if (!d.occupation.empty()) out << "  Occupation:      " << d.occupation << " (" << label(d.activity) << ")\n";
    if (!d.referral_source.empty() || !d.referring_physician.empty())
        out << "  Referred by:     " << d.referral_source
            << (d.referring_physician.empty() ? "" : "; physician " + d.referring_physician) << "\n";
    if (!d.conditions.empty()) {
        out << "  Health history: ";
        for (auto cond : d.conditions) out << " " << label(cond) << ";";
        out << "\n";
    }
    for (const auto& m : d.medications)
        out << "  Medication:      " << label(m.medication_class) << (m.name.empty() ? "" : ": " + m.name) << "\n";
    if (!d.allergies.empty()) out << "  Allergies:       " << d.allergies << "\n";
    out << "  Pressure:        prefers " << label(d.pressure_preference) << "\n";
    if (!d.sensitive_areas.empty()) out << "  Sensitive areas: " << d.sensitive_areas << "\n";
    out << "  Consent on file: " << (d.consent_date ? to_iso(*d.consent_date) : "NO") << "\n";
    const auto cautions = chart.assessments.empty() ? cautions_for(c) : cautions_for(c, chart.assessments.back());
    if (!cautions.empty()) {
        out << "\nCautions\n";
        for (const auto& caution : cautions) out << "  ! " << describe(caution) << "\n";
    }

    out << "\nAssessments (" << chart.assessments.size() << ")\n";
    for (const auto& as : chart.assessments) {
        const auto& ad = as.details();
        out << "  " << to_iso(ad.assessed_on) << "  " << ad.chief_complaint << "\n"
            << "      " << label(as.duration_class()) << "; pain now " << ad.pain_now.value() << ", best "
            << ad.pain_best.value() << ", worst " << ad.pain_worst.value();
        if (auto odi = as.odi_score()) out << "; ODI " << fixed(*odi, 0) << "% (" << label(odi_band(*odi)) << ")";
        if (auto r = as.rmdq_score()) out << "; RMDQ " << *r << "/24";
        if (auto p = as.psfs_score()) out << "; PSFS " << fixed(*p, 1);
        out << "\n";
        const auto verdict = as.red_flag_verdict();
        if (verdict.stop_treatment) {
            out << "      RED FLAGS: " << label(verdict.urgency) << ". " << verdict.advice << "\n";
            if (!ad.red_flags.referred_to.empty()) out << "      Referred to: " << ad.red_flags.referred_to << "\n";
        }
    }
    if (!chart.outcome_changes.empty()) {
        out << "\nBaseline to latest\n";
        for (const auto& ch : chart.outcome_changes)
            out << "  " << std::left << std::setw(36) << label(ch.measure) << std::right << fixed(ch.baseline, 1)
                << " -> " << fixed(ch.latest, 1) << "  (" << signed_change(ch.change, 1) << ")  " << label(ch.verdict)
                << "\n";
    }

    out << "\nTreatment plans (" << chart.plans.size() << ")\n";
    for (const auto& p : chart.plans) {
        const auto& pd = p.details();
        out << "  Plan " << p.id() << " from " << to_iso(pd.created_on) << ": " << label(p.status()) << ", "
            << pd.series.session_count << " x " << pd.series.session_minutes << " min, "
            << label(pd.series.frequency) << "\n";
        for (const auto& g : pd.goals) {
            out << "      Goal: " << g.description;
            if (g.target) out << " (target " << fixed(*g.target, 0) << ")";
            out << "\n";
        }
        for (const auto& t : pd.techniques) out << "      Technique " << t.technique << ": " << t.rationale << "\n";
    }

    out << "\nSessions (" << chart.sessions.size() << ", newest first)\n";
    for (const auto& s : chart.sessions) {
        out << "  " << to_iso(s.starts_at()) << "  " << label(s.status());
        if (s.series()) out << "  session " << s.series()->number << " of " << s.series()->of;
        if (s.is_signed()) out << "  signed by " << s.signature()->signed_by;
        else if (s.status() == AppointmentStatus::completed) out << "  UNSIGNED DRAFT";
        out << "\n";
        const auto& n = s.note();
        if (n.pain_before && n.pain_after)
            out << "      Pain " << n.pain_before->value() << " -> " << n.pain_after->value() << "\n";
        if (!n.subjective.empty()) out << "      S: " << n.subjective << "\n";
        if (!n.objective.empty()) out << "      O: " << n.objective << "\n";
        if (!n.assessment.empty()) out << "      A: " << n.assessment << "\n";
        if (!n.plan.empty()) out << "      P: " << n.plan << "\n";
        for (const auto& t : n.techniques)
            out << "      - " << t.technique << " on " << label(t.region) << " (" << label(t.side) << "), pressure "
                << t.pressure.value() << ", " << t.minutes << " min\n";
        if (!n.adverse_reactions.empty()) out << "      Adverse: " << n.adverse_reactions << "\n";
        for (const auto& am : s.amendments())
            out << "      Amendment " << to_iso(am.written_at) << " by " << am.author << " (" << am.reason
                << "): " << am.text << "\n";
    }
}

void print_chart_json(const app::ClientChart& chart, std::ostream& out) {
    JsonWriter w(out);
    const auto& d = chart.client.details();
    w.begin_object();
    w.key("client").begin_object();
    w.field("id", chart.client.id())
        .field("family_name", d.family_name)
        .field("given_name", d.given_name)
        .field("preferred_name", d.preferred_name)
        .field("date_of_birth", opt_date(d.date_of_birth))
        .field("phone", d.phone)
        .field("email", d.email)
        .field("occupation", d.occupation)
        .field("activity", to_code(d.activity))
        .field("referral_source", d.referral_source)
        .field("referring_physician", d.referring_physician)
        .field("allergies", d.allergies)
        .field("pressure_preference", to_code(d.pressure_preference))
        .field("sensitive_areas", d.sensitive_areas)
        .field("consent_date", opt_date(d.consent_date))
        .field("archived", chart.client.is_archived());
    w.key("conditions").begin_array();
    for (auto c : d.conditions) w.value(to_code(c));
    w.end_array();
    w.key("medications").begin_array();
    for (const auto& m : d.medications)
        w.begin_object().field("class", to_code(m.medication_class)).field("name", m.name).end_object();
    w.end_array();
    w.end_object();

    w.key("assessments").begin_array();
    for (const auto& a : chart.assessments) {
        const auto& ad = a.details();
        w.begin_object()
            .field("id", a.id())
            .field("assessed_on", to_iso(ad.assessed_on))
            .field("chief_complaint", ad.chief_complaint)
            .field("duration_class", to_code(a.duration_class()))
            .field("pain_now", ad.pain_now.value())
            .field("pain_best", ad.pain_best.value())
            .field("pain_worst", ad.pain_worst.value())
            .field("odi", a.odi_score())
            .field("rmdq", a.rmdq_score())
            .field("psfs", a.psfs_score())
            .field("red_flag_urgency", to_code(a.red_flag_verdict().urgency));
        w.key("pain_map").begin_array();
        for (const auto& p : ad.pain_map)
            w.begin_object()
                .field("region", to_code(p.region))
                .field("side", to_code(p.side))
                .field("intensity", p.intensity.value())
                .end_object();
        w.end_array();
        w.end_object();
    }
    w.end_array();

    w.key("outcome_changes").begin_array();
    for (const auto& c : chart.outcome_changes)
        w.begin_object()
            .field("measure", to_code(c.measure))
            .field("baseline", c.baseline)
            .field("latest", c.latest)
            .field("change", c.change)
            .field("verdict", to_code(c.verdict))
            .end_object();
    w.end_array();

    w.key("plans").begin_array();
    for (const auto& p : chart.plans) {
        const auto& pd = p.details();
        w.begin_object()
            .field("id", p.id())
            .field("status", to_code(p.status()))
            .field("created_on", to_iso(pd.created_on))
            .field("session_count", pd.series.session_count)
            .field("frequency", to_code(pd.series.frequency));
        w.key("techniques").begin_array();
        for (const auto& t : pd.techniques)
            w.begin_object().field("technique", t.technique).field("rationale", t.rationale).end_object();
        w.end_array();
        w.end_object();
    }
    w.end_array();

    w.key("sessions").begin_array();
    for (const auto& s : chart.sessions) {
        const auto& n = s.note();
        w.begin_object()
            .field("id", s.id())
            .field("starts_at", to_iso(s.starts_at()))
            .field("ends_at", to_iso(s.ends_at()))
            .field("status", to_code(s.status()))
            .field("signed", s.is_signed())
            .field("subjective", n.subjective)
            .field("objective", n.objective)
            .field("assessment", n.assessment)
            .field("plan", n.plan)
            .field("pain_before", n.pain_before ? std::optional<int>(n.pain_before->value()) : std::nullopt)
            .field("pain_after", n.pain_after ? std::optional<int>(n.pain_after->value()) : std::nullopt)
            .field("adverse_reactions", n.adverse_reactions);
        w.key("techniques").begin_array();
        for (const auto& t : n.techniques)
            w.begin_object()
                .field("technique", t.technique)
                .field("region", to_code(t.region))
                .field("side", to_code(t.side))
                .field("pressure", t.pressure.value())
                .field("minutes", t.minutes)
                .end_object();
        w.end_array();
        w.key("amendments").begin_array();
        for (const auto& am : s.amendments())
            w.begin_object()
                .field("author", am.author)
                .field("written_at", to_iso(am.written_at))
                .field("reason", am.reason)
                .field("text", am.text)
                .end_object();
        w.end_array();
        w.end_object();
    }
    w.end_array();
    w.end_object();
    out << "\n";
}

int run_show(const std::vector<std::string>& args, std::ostream& out) {
    Arguments a(args, {"json"}, {"as", "client", "sessions"});
    const auto id = a.integer("client", 1, std::numeric_limits<long long>::max());
    if (!id) throw UsageError("--client ID is required");
    auto db = open_practice(a);
    const auto chart = app::load_chart(*db, *id, static_cast<int>(a.integer("sessions", 0, 100000).value_or(1000)));
    if (a.flag("json")) print_chart_json(chart, out);
    else print_chart_text(chart, out);
    return 0;
}

// ---- advise -------------------------------------------------------------------------------

int run_advise(const std::vector<std::string>& args, std::ostream& out) {
    Arguments a(args, {"json"}, {"as", "client"});
    const auto id = a.integer("client", 1, std::numeric_limits<long long>::max());
    if (!id) throw UsageError("--client ID is required");
    auto db = open_practice(a);
    const auto chart = app::load_chart(*db, *id, 0);
    if (chart.assessments.empty())
        throw Error(chart.client.display_name() + " has no assessment yet: assess before asking for advice.");
    const auto advice = advise(chart.assessments.back(), chart.client, standard_catalogue());
    if (a.flag("json")) {
        JsonWriter w(out);
        w.begin_array();
        for (const auto& t : advice) {
            w.begin_object()
                .field("technique", t.code)
                .field("name", t.name)
                .field("suitability", to_code(t.suitability))
                .field("max_pressure", t.max_pressure ? std::optional<int>(t.max_pressure->value()) : std::nullopt);
            w.key("reasons_for").begin_array();
            for (const auto& r : t.reasons_for) w.value(r);
            w.end_array();
            w.key("reasons_against").begin_array();
            for (const auto& r : t.reasons_against) w.value(r);
            w.end_array();
            w.end_object();
        }
        w.end_array();
        out << "\n";
        return 0;
    }
    out << "Techniques for " << chart.client.display_name() << ", from the assessment of "
        << to_iso(chart.assessments.back().details().assessed_on) << ":\n";
    for (const auto& t : advice) {
        out << "\n  " << t.name << ": " << label(t.suitability);
        if (t.max_pressure) out << " (pressure " << t.max_pressure->value() << " at most)";
        out << "\n";
        for (const auto& r : t.reasons_for) out << "    + " << r << "\n";
        for (const auto& r : t.reasons_against) out << "    - " << r << "\n";
    }
    return 0;
}

// ---- schedule -----------------------------------------------------------------------------

int run_schedule(const std::vector<std::string>& args, std::ostream& out) {
    Arguments a(args, {"json"}, {"as", "date", "days"});
    const Date first = a.option("date") ? parse_date("--date", *a.option("date")) : today_local();
    const auto days = a.integer("days", 1, 366).value_or(1);
    auto db = open_practice(a);
    const DateTime from(first), to(first + boost::gregorian::days(static_cast<long>(days)));
    const auto rows = db::SessionRepository(*db).between(from, to);
    if (a.flag("json")) {
        JsonWriter w(out);
        w.begin_array();
        for (const auto& r : rows)
            w.begin_object()
                .field("session", r.id)
                .field("client", r.client)
                .field("client_name", r.client_name)
                .field("starts_at", to_iso(r.starts_at))
                .field("ends_at", to_iso(r.ends_at))
                .field("therapist", r.therapist)
                .field("status", to_code(r.status))
                .field("signed", r.is_signed)
                .end_object();
        w.end_array();
        out << "\n";
        return 0;
    }
    Date current;
    for (const auto& r : rows) {
        if (r.starts_at.date() != current) {
            current = r.starts_at.date();
            out << to_iso(current) << " (" << current.day_of_week().as_long_string() << ")\n";
        }
        out << "  " << to_hhmm(r.starts_at.time_of_day()) << "-" << to_hhmm(r.ends_at.time_of_day()) << "  "
            << r.client_name << "  " << label(r.status);
        if (r.series) out << "  (session " << r.series->number << " of " << r.series->of << ")";
        if (r.is_signed) out << "  signed";
        out << "\n";
    }
    out << rows.size() << (rows.size() == 1 ? " appointment" : " appointments") << "\n";
    return 0;
}

// ---- search -------------------------------------------------------------------------------

int run_search(const std::vector<std::string>& args, std::ostream& out) {
    Arguments a(args, {"json"}, {"as", "limit"});
    const std::string text = a.positional(1, "search TEXT");
    auto db = open_practice(a);
    const auto hits = db::SessionRepository(*db).search_notes(text, static_cast<int>(a.integer("limit", 1, 10000).value_or(50)));
    if (a.flag("json")) {
        JsonWriter w(out);
        w.begin_array();
        for (const auto& h : hits)
            w.begin_object()
                .field("session", h.session)
                .field("client", h.client)
                .field("client_name", h.client_name)
                .field("starts_at", to_iso(h.starts_at))
                .field("snippet", h.snippet)
                .field("in_amendment", h.in_amendment)
                .end_object();
        w.end_array();
        out << "\n";
        return 0;
    }
    for (const auto& h : hits)
        out << to_iso(h.starts_at).substr(0, 10) << "  " << h.client_name << " (client " << h.client << ", session "
            << h.session << (h.in_amendment ? ", amendment" : "") << ")\n    " << h.snippet << "\n";
    out << hits.size() << (hits.size() == 1 ? " note" : " notes") << " found\n";
    return 0;
}

// ---- check --------------------------------------------------------------------------------

int run_check(const std::vector<std::string>& args, std::ostream& out) {
    Arguments a(args, {"json"}, {"as"});
    auto db = open_practice(a, false, true);
    const auto problems = db->check_integrity();
    const int version = db->schema_version();
    const auto s = db::practice_statistics(*db);
    if (a.flag("json")) {
        JsonWriter w(out);
        w.begin_object()
            .field("sound", problems.empty())
            .field("schema_version", version)
            .field("clients", s.clients)
            .field("archived_clients", s.archived_clients)
            .field("assessments", s.assessments)
            .field("plans", s.plans)
            .field("active_plans", s.active_plans)
            .field("sessions", s.sessions)
            .field("signed_notes", s.signed_notes)
            .field("unsigned_completed", s.unsigned_completed)
            .field("amendments", s.amendments)
            .field("audit_entries", s.audit_entries);
        w.key("problems").begin_array();
        for (const auto& p : problems) w.value(p);
        w.end_array().end_object();
        out << "\n";
    } else {
        out << "Practice file:   " << a.positional(0, "FILE") << "\n"
            << "Integrity:       " << (problems.empty() ? "sound" : "PROBLEMS FOUND") << "\n"
            << "Schema version:  " << version << " (this program: " << db::Database::latest_schema_version() << ")\n"
            << "Clients:         " << s.clients << " (" << s.archived_clients << " archived)\n"
            << "Assessments:     " << s.assessments << "\n"
            << "Plans:           " << s.plans << " (" << s.active_plans << " active)\n"
            << "Sessions:        " << s.sessions << " (" << s.signed_notes << " signed notes, " << s.unsigned_completed
            << " unsigned drafts)\n"
            << "Amendments:      " << s.amendments << "\n"
            << "Audit entries:   " << s.audit_entries << "\n";
        for (const auto& p : problems) out << "  problem: " << p << "\n";
    }
    return problems.empty() ? 0 : 1;
}

// ---- report -------------------------------------------------------------------------------

void write_report_json(JsonWriter& w, const app::ExportedReport& r) {
    w.begin_object()
        .field("file", r.file.string())
        .field("client", r.client)
        .field("client_name", r.client_name)
        .field("plan", r.plan ? std::optional<std::int64_t>(*r.plan) : std::nullopt)
        .field("pages", r.pages)
        .field("signed_notes", r.signed_notes)
        .field("left_out", static_cast<std::int64_t>(r.left_out))
        .end_object();
}

std::string report_line(const app::ExportedReport& r) {
    std::string s = r.file.string() + ": " + r.client_name + " (client " + std::to_string(r.client);
    if (r.plan) s += ", plan " + std::to_string(*r.plan);
    s += "), " + std::to_string(r.pages) + (r.pages == 1 ? " page, " : " pages, ") + std::to_string(r.signed_notes) +
         (r.signed_notes == 1 ? " signed note" : " signed notes");
    if (r.left_out > 0)
        s += "; " + std::to_string(r.left_out) + (r.left_out == 1 ? " unsigned note" : " unsigned notes") + " left out";
    return s;
}

int run_report(const std::vector<std::string>& args, std::ostream& out) {
    Arguments a(args, {"json", "all-active"},
                {"as", "client", "plan", "from", "to", "out", "out-dir", "paper", "date", "recommend", "comment", "adherence"});
    const std::string file = a.positional(0, "practice FILE");
    report::PaperSize paper = report::PaperSize::a4;
    if (auto p = a.option("paper")) {
        try {
            paper = report::parse_paper_size(*p);
        } catch (const ValidationError&) {
            throw UsageError("--paper must be a4 or letter (got \"" + *p + "\")");
        }
    }
    const Date report_date = a.option("date") ? parse_date("--date", *a.option("date")) : today_local();

    if (a.flag("all-active")) {
        for (const char* single : {"client", "plan", "from", "to", "out", "recommend", "comment", "adherence"})
            if (a.option(single)) throw UsageError(std::string("--") + single + " does not go with --all-active");
        const auto dir = a.option("out-dir");
        if (!dir) throw UsageError("--all-active needs --out-dir DIR");
        auto db = open_practice(a);
        app::BatchReportOptions options;
        options.report_date = report_date;
        options.paper = paper;
        if (!a.flag("json"))
            options.progress = [&out](std::size_t, std::size_t, const app::ExportedReport& r) {
                out << "  " << report_line(r) << "\n";
                return true;
            };
        const auto written = app::export_active_reports(*db, *dir, options);
        if (a.flag("json")) {
            JsonWriter w(out);
            w.begin_array();
            for (const auto& r : written) write_report_json(w, r);
            w.end_array();
            out << "\n";
        } else {
            out << "Wrote " << written.size() << (written.size() == 1 ? " progress report" : " progress reports")
                << " (every client with an active plan) to " << *dir << ".\n";
        }
        return 0;
    }

    if (a.option("out-dir")) throw UsageError("--out-dir goes with --all-active; for one client use --out FILE.pdf");
    const auto client = a.integer("client", 1, std::numeric_limits<long long>::max());
    if (!client) throw UsageError("--client ID is required (or --all-active)");
    const auto target = a.option("out");
    if (!target) throw UsageError("--out FILE.pdf is required");
    app::ReportJob job;
    job.client = *client;
    if (auto plan = a.integer("plan", 1, std::numeric_limits<long long>::max())) job.plan = *plan;
    if (job.plan && (a.option("from") || a.option("to")))
        throw UsageError("give either --plan ID or --from D --to D, not both");
    if (a.option("from").has_value() != a.option("to").has_value())
        throw UsageError("--from and --to go together");
    if (auto from = a.option("from")) job.from = parse_date("--from", *from);
    if (auto to = a.option("to")) job.to = parse_date("--to", *to);
    if (job.from && job.to && *job.to < *job.from) throw UsageError("--to must not be before --from");
    job.report_date = report_date;
    job.paper = paper;
    if (auto r = a.option("recommend")) {
        try {
            job.recommendation = from_code<report::Recommendation>("--recommend", *r);
        } catch (const ValidationError&) {
            throw UsageError("--recommend must be continue, modify, discharge or refer (got \"" + *r + "\")");
        }
    }
    job.comment = a.option("comment").value_or("");
    job.home_care_adherence = a.option("adherence").value_or("");
    auto db = open_practice(a);
    const auto written = app::export_progress_report(*db, job, *target);
    if (a.flag("json")) {
        JsonWriter w(out);
        write_report_json(w, written);
        out << "\n";
    } else {
        out << "Wrote " << report_line(written) << ".\n";
    }
    return 0;
}

const std::vector<Command>& command_table() {
    static const std::vector<Command> table{
        {"init", "init FILE", "Create a new, empty practice file.", "  --json        print the result as JSON\n",
         run_init},
        {"demo", "demo FILE [--clients N] [--seed S] [--today YYYY-MM-DD] [--years N]",
         "Create a practice filled with realistic, deterministic demo data.",
         "  --clients N   how many clients (default 40; 20000 for a large clinic)\n"
         "  --seed S      the same seed always gives the same practice (default 1)\n"
         "  --today D     the practice's today (default: the real date)\n"
         "  --years N     how far back the oldest records go (default 3, at most 30)\n"
         "  --json        print the counts as JSON\n",
         run_demo},
        {"clients", "clients FILE [--search TEXT] [--archived] [--limit N]",
         "List clients, or find them by name, phone or date of birth.",
         "  --search TEXT every word must occur in a name, the phone number or the date of birth\n"
         "  --archived    include archived clients\n"
         "  --limit N     at most N clients (default 1000)\n"
         "  --json        print as JSON\n",
         run_clients},
        {"show", "show FILE --client ID [--sessions N]", "Print a client's whole chart.",
         "  --client ID   the client's id (see 'clients')\n"
         "  --sessions N  at most N sessions, newest first (default 1000)\n"
         "  --json        print as JSON\n",
         run_show},
        {"advise", "advise FILE --client ID",
         "Rank the techniques for a client's latest assessment, with reasons and cautions.",
         "  --client ID   the client's id\n  --json        print as JSON\n", run_advise},
        {"schedule", "schedule FILE [--date YYYY-MM-DD] [--days N]", "List the appointments of a day or days.",
         "  --date D      the first day (default today)\n  --days N      how many days (default 1)\n"
         "  --json        print as JSON\n",
         run_schedule},
        {"search", "search FILE TEXT [--limit N]", "Full-text search over every SOAP note and amendment.",
         "  --limit N     at most N notes (default 50)\n  --json        print as JSON\n", run_search},
        {"check", "check FILE", "Check the file's integrity and schema version, and count its records.",
         "  --json        print as JSON\nExit status 1 when problems are found.\n", run_check},
        {"report",
         "report FILE (--client ID [--plan ID | --from D --to D] --out X.pdf | --all-active --out-dir DIR) "
         "[--paper a4|letter]",
         "Write a client's progress report as PDF, or one for every client with an active plan.",
         "  --client ID     the client's id (see 'clients')\n"
         "  --plan ID       report on this treatment plan (default: the newest active plan)\n"
         "  --from D --to D report on the sessions between two dates instead (YYYY-MM-DD)\n"
         "  --out FILE      where to write the PDF\n"
         "  --all-active    a report for every client with an active plan, on that plan\n"
         "  --out-dir DIR   where --all-active writes its PDFs (created if missing)\n"
         "  --paper P       a4 (default) or letter\n"
         "  --date D        the report date (default today)\n"
         "  --recommend R   continue, modify, discharge or refer (default: derived from goals and outcomes)\n"
         "  --comment TEXT  the therapist's comment under the recommendation\n"
         "  --adherence TEXT how well the client kept to the home-care programme\n"
         "  --json          print what was written as JSON\n"
         "Reports are built from signed notes only; each written report is recorded in the audit trail.\n",
         run_report},
        {"import-clients", "import-clients FILE X.csv [--skip-bad] [--json]",
         "Import clients from a CSV file; every row is checked, and a file with bad rows imports nothing.",
         import_clients_help(), run_import_clients},
        {"export-calendar",
         "export-calendar FILE --out X.ics [--from D --to D] [--therapist NAME] [--summary name|initials|none]",
         "Export the schedule as an iCalendar file for a phone or calendar program.", export_calendar_help(),
         run_export_calendar},
        {"export-clients", "export-clients FILE --out X.csv",
         "Export every client as CSV, in the columns import-clients reads.",
         "  --out PATH    where to write the CSV file (must not exist; written owner-only)\n"
         "  --json        print what was written as JSON\n"
         "The columns are exactly those of import-clients (see import-clients --help), so the file imports\n"
         "into another practice as it is. Archived clients are included (and import as active ones).\n"
         "RFC 4180, UTF-8, CRLF line ends. The export is recorded in the audit trail.\n",
         run_export_clients},
        {"export-appointments", "export-appointments FILE --out X.csv [--from D --to D]",
         "Export the appointments as CSV.", export_appointments_help(), run_export_appointments},
        {"export-record", "export-record FILE --client ID --out X.json",
         "Export one client's whole record (assessments, plans, sessions, notes, signatures) as JSON.",
         "  --client ID   the client's id (see 'clients')\n"
         "  --out PATH    where to write the JSON file (must not exist; written owner-only)\n"
         "  --json        print what was written as JSON\n"
         "The format (\"knotwork-record\", version 1) is described in docs/data-format.md; import-record\n"
         "reads it into another practice. The export is recorded in the audit trail.\n",
         run_export_record},
        {"import-record", "import-record FILE X.json",
         "Import a client's whole record (from export-record) as a new client.",
         "  --json        print what was imported as JSON\n"
         "The whole file is checked first: a problem is named by its place in the file\n"
         "(sessions[2].note.pain_before: ...) and nothing is imported (exit status 1). Records get new\n"
         "ids; signed notes stay signed with their original signer and time. One transaction, audited.\n",
         run_import_record},
        {"audit", "audit FILE [--client ID] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format csv|json] [--out X]",
         "Export the audit trail: who did what to which record, when, with old and new values.",
         "  --client ID   only this client's entries (see 'clients')\n"
         "  --from D      only entries written on or after this day (UTC, YYYY-MM-DD)\n"
         "  --to D        only entries written on or before this day (UTC, YYYY-MM-DD)\n"
         "  --format F    csv (default; RFC 4180, a header row, one line per changed field) or json\n"
         "  --out PATH    write to this file, owner-only (must not exist); default: standard output\n"
         "Each export is itself recorded in the audit trail.\n",
         run_audit},
        {"backup", "backup FILE (--out BACKUP_FILE | --rotate DIR [--keep N])",
         "Copy the practice to a new file, consistently, even while it is open elsewhere.",
         "  --out PATH    where to write the backup (must not exist)\n"
         "  --rotate DIR  write NAME-YYYYMMDD-HHMMSS.knotwork (NAME: the practice's) into DIR, created\n"
         "                owner-only if missing; keep only the newest N such backups of this practice\n"
         "  --keep N      how many rotating backups to keep (default 10); other files are never touched\n"
         "  --json        print what was written and removed as JSON\n"
         "Backups are owner-only (0600), like the practice file.\n",
         run_backup},
        {"restore", "restore FILE --from BACKUP_FILE",
         "Replace the practice with a backup, after checking the backup; the replaced file is kept.",
         "  --from PATH   the backup to restore\n"
         "  --json        print what was checked and where the replaced practice is kept as JSON\n"
         "The backup must be a Knotwork practice that passes the integrity and foreign-key checks and was\n"
         "not written by a newer Knotwork. The practice must not be open in Knotwork or another program.\n"
         "The replaced practice is kept beside it as NAME.before-restore-YYYYMMDD-HHMMSS.knotwork.\n"
         "Exit status 1, with nothing changed, when the restore is refused.\n",
         run_restore},
        {"migrate", "migrate --from FILE --to SERVER [--password-from-env VAR] [--json]",
         "Move a practice file onto an empty clinic server (PostgreSQL): every record, checked, or nothing.",
         migrate_help(), run_migrate},
    };
    return table;
}

} // namespace

std::span<const Command> commands() { return command_table(); }

const Command* find_command(const std::string& name) {
    for (const auto& c : command_table())
        if (c.name == name) return &c;
    return nullptr;
}

} // namespace knotwork::cli
