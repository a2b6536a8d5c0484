#include "chart/chart_page_presenter.h"

#include "core/display_format.h"
#include "core/translate.h"
#include "screening/cautions.h"
#include "technique/technique.h"

#include <sstream>

namespace knotwork::gui {

namespace {

std::string e(std::string_view s) { return html_escape(s); }

// Dates, times and decimals as the user's locale writes them (ISO and '.' without a hook).
std::string number(double v, int decimals) { return e(app::format_number(v, decimals)); }
std::string date(Date d) { return e(app::format_date(d)); }

// Newlines in free text become line breaks.
std::string para(std::string_view s) {
    std::string out = html_escape(s), result;
    for (char c : out) {
        if (c == '\n') result += "<br>";
        else result += c;
    }
    return result;
}

std::string technique_name(const std::string& code) {
    static const TechniqueCatalogue catalogue = standard_catalogue();
    if (const Technique* t = catalogue.find(code)) return t->name;
    return code;
}

void row(std::ostringstream& h, std::string_view label_text, const std::string& value) {
    if (value.empty()) return;
    h << "<tr><td valign=top><font color=#555555>" << e(label_text) << "</font></td><td>" << value << "</td></tr>";
}

std::string verdict_colour(ChangeVerdict v) {
    switch (v) {
    case ChangeVerdict::improved: return "#1b7a2e";
    case ChangeVerdict::worsened: return "#b00020";
    case ChangeVerdict::within_error: return "#555555";
    }
    return "#000000";
}

} // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string profile_page_html(const app::ClientChart& chart, Date today) {
    const Client& c = chart.client;
    const ClientDetails& d = c.details();
    std::ostringstream h;
    h << "<html><body>";
    h << "<h3>" << e(c.display_name()) << "</h3>";
    if (c.is_archived())
        h << "<p><font color=#b00020><b>" << e(KW_TR("Archived on")) << " " << date(*c.archived_on())
          << "</b></font></p>";

    // Safety first: red flags from the intake screen and the latest assessment, then cautions.
    if (!d.intake_red_flags.positive.empty()) {
        const auto verdict = evaluate(d.intake_red_flags);
        h << "<table width=100% bgcolor=#fde7e9 cellpadding=6><tr><td><font color=#b00020><b>"
          << e(KW_TR("RED FLAGS AT INTAKE")) << " — " << e(label(verdict.urgency)) << "</b></font><br>"
          << e(verdict.advice) << "<ul>";
        for (const auto& r : verdict.reasons) h << "<li>" << e(r) << "</li>";
        h << "</ul>";
        if (d.red_flags_screened_on) h << e(KW_TR("Screened on")) << " " << date(*d.red_flags_screened_on) << ". ";
        h << e(KW_TR("Referred to")) << ": "
          << (d.intake_red_flags.referred_to.empty() ? "<b>" + e(KW_TR("not recorded")) + "</b>"
                                                      : e(d.intake_red_flags.referred_to));
        if (!d.intake_red_flags.notes.empty()) h << "<br>" << para(d.intake_red_flags.notes);
        h << "</td></tr></table><br>";
    }
    if (!chart.assessments.empty()) {
        const auto verdict = chart.assessments.back().red_flag_verdict();
        if (verdict.stop_treatment) {
            h << "<table width=100% bgcolor=#fde7e9 cellpadding=6><tr><td><font color=#b00020><b>"
              << e(KW_TR("RED FLAGS — DO NOT TREAT")) << "</b></font><br>" << e(verdict.advice) << "<ul>";
            for (const auto& r : verdict.reasons) h << "<li>" << e(r) << "</li>";
            h << "</ul>";
            const auto& ref = chart.assessments.back().details().red_flags.referred_to;
            if (!ref.empty()) h << e(KW_TR("Referred to")) << ": " << e(ref);
            h << "</td></tr></table><br>";
        }
    }
    const auto cautions = chart.assessments.empty() ? cautions_for(c) : cautions_for(c, chart.assessments.back());
    if (!cautions.empty()) {
        h << "<table width=100% bgcolor=#fff4e0 cellpadding=6><tr><td><b>" << e(KW_TR("Cautions")) << "</b><ul>";
        for (const auto& caution : cautions) h << "<li>" << e(describe(caution)) << "</li>";
        h << "</ul></td></tr></table><br>";
    }

    h << "<table cellpadding=3>";
    if (d.date_of_birth)
        row(h, KW_TR("Born"), date(*d.date_of_birth) + " (" + KW_TR("age") + " " +
                                   std::to_string(age_on(*d.date_of_birth, today)) + ")");
    row(h, KW_TR("Phone"), e(d.phone));
    row(h, KW_TR("Email"), e(d.email));
    row(h, KW_TR("Address"), para(d.address));
    if (!d.emergency_contact_name.empty() || !d.emergency_contact_phone.empty())
        row(h, KW_TR("Emergency contact"), e(d.emergency_contact_name + " " + d.emergency_contact_phone));
    row(h, KW_TR("Referral"), e(d.referral_source));
    row(h, KW_TR("Physician"), e(d.referring_physician));
    row(h, KW_TR("Occupation"), e(d.occupation.empty() ? std::string(label(d.activity))
                                                       : d.occupation + " (" + std::string(label(d.activity)) + ")"));
    std::string conditions;
    for (auto cond : d.conditions) conditions += (conditions.empty() ? "" : ", ") + e(label(cond));
    row(h, KW_TR("Health history"), conditions);
    row(h, KW_TR("Health notes"), para(d.health_notes));
    std::string meds;
    for (const auto& m : d.medications)
        meds += (meds.empty() ? "" : "<br>") + e(label(m.medication_class)) + (m.name.empty() ? "" : ": " + e(m.name));
    row(h, KW_TR("Medications"), meds);
    row(h, KW_TR("Allergies"), e(d.allergies));
    row(h, KW_TR("Pressure preference"), e(label(d.pressure_preference)));
    row(h, KW_TR("Sensitive areas"), e(d.sensitive_areas));
    row(h, KW_TR("Consent on file"),
        d.consent_date ? date(*d.consent_date) : "<font color=#b00020><b>" + e(KW_TR("No")) + "</b></font>");
    h << "</table></body></html>";
    return h.str();
}

std::string assessments_page_html(const app::ClientChart& chart) {
    std::ostringstream h;
    h << "<html><body>";
    if (chart.assessments.empty()) {
        h << "<p>" << e(KW_TR("No assessment yet.")) << "</p></body></html>";
        return h.str();
    }
    if (!chart.outcome_changes.empty()) {
        h << "<h4>" << e(KW_TR("Baseline to latest")) << "</h4><table border=1 cellpadding=4 cellspacing=0>";
        h << "<tr><th>" << e(KW_TR("Measure")) << "</th><th>" << e(KW_TR("Baseline")) << "</th><th>"
          << e(KW_TR("Latest")) << "</th><th>" << e(KW_TR("Change")) << "</th><th>" << e(KW_TR("Verdict"))
          << "</th></tr>";
        for (const auto& ch : chart.outcome_changes)
            h << "<tr><td>" << e(label(ch.measure)) << "</td><td align=right>" << number(ch.baseline, 1)
              << "</td><td align=right>" << number(ch.latest, 1) << "</td><td align=right>"
              << (ch.change > 0 ? "+" : "") << number(ch.change, 1) << "</td><td><font color="
              << verdict_colour(ch.verdict) << ">" << e(label(ch.verdict)) << "</font></td></tr>";
        h << "</table>";
    }
    for (auto it = chart.assessments.rbegin(); it != chart.assessments.rend(); ++it) {
        const auto& a = *it;
        const auto& d = a.details();
        h << "<h4>" << date(d.assessed_on) << (it + 1 == chart.assessments.rend() ? " — " + e(KW_TR("baseline")) : "")
          << "</h4><table cellpadding=2>";
        row(h, KW_TR("Complaint"), e(d.chief_complaint));
        row(h, KW_TR("Duration"), e(label(a.duration_class())) + " — " + std::to_string(d.duration_weeks) + " " +
                                      e(KW_TR("weeks")));
        row(h, KW_TR("Pain (0-10)"), e(KW_TR("now")) + " " + std::to_string(d.pain_now.value()) + ", " +
                                         e(KW_TR("best")) + " " + std::to_string(d.pain_best.value()) + ", " +
                                         e(KW_TR("worst")) + " " + std::to_string(d.pain_worst.value()));
        std::string map;
        for (const auto& p : d.pain_map)
            map += (map.empty() ? "" : "; ") + e(label(p.region)) + " (" + e(label(p.side)) + ") " +
                   std::to_string(p.intensity.value()) + "/10 " + e(label(p.quality));
        row(h, KW_TR("Pain map"), map);
        if (auto odi = a.odi_score())
            row(h, KW_TR("Oswestry"), number(*odi, 0) + "% — " + e(label(odi_band(*odi))) + " (" +
                                          std::to_string(d.odi->answered()) + "/10 " + e(KW_TR("sections")) + ")");
        if (auto r = a.rmdq_score()) row(h, KW_TR("Roland-Morris"), std::to_string(*r) + "/24");
        if (d.psfs) {
            std::string psfs = number(d.psfs->score(), 1) + " (";
            bool first = true;
            for (const auto& act : d.psfs->activities()) {
                psfs += (first ? "" : "; ") + e(act.activity) + " " + std::to_string(act.rating);
                first = false;
            }
            row(h, KW_TR("PSFS"), psfs + ")");
        }
        std::string palpation;
        for (const auto& p : d.palpation) {
            palpation += (palpation.empty() ? "" : "<br>") + e(label(p.muscle)) + " (" + e(label(p.side)) + "): " +
                         e(KW_TR("tone")) + " " + std::to_string(p.hypertonicity) + "/3, " + e(KW_TR("tender")) + " " +
                         std::to_string(p.tenderness) + "/3";
            if (p.trigger_points > 0) palpation += ", " + std::to_string(p.trigger_points) + " " + e(KW_TR("trigger points"));
            if (p.adhesions) palpation += ", " + e(KW_TR("adhesions"));
        }
        row(h, KW_TR("Palpation"), palpation);
        row(h, KW_TR("Posture"), para(d.posture));
        row(h, KW_TR("Range of motion"), para(d.range_of_motion));
        row(h, KW_TR("Aggravating"), para(d.aggravating_factors));
        row(h, KW_TR("Easing"), para(d.easing_factors));
        const auto verdict = a.red_flag_verdict();
        row(h, KW_TR("Red flags"), verdict.stop_treatment
                                       ? "<font color=#b00020><b>" + e(label(verdict.urgency)) + "</b></font>"
                                       : e(KW_TR("none reported")));
        h << "</table>";
    }
    h << "</body></html>";
    return h.str();
}

std::string plans_page_html(const app::ClientChart& chart) {
    std::ostringstream h;
    h << "<html><body>";
    if (chart.plans.empty()) h << "<p>" << e(KW_TR("No treatment plan yet.")) << "</p>";
    for (auto it = chart.plans.rbegin(); it != chart.plans.rend(); ++it) {
        const auto& p = *it;
        const auto& d = p.details();
        h << "<h4>" << e(KW_TR("Plan of")) << " " << date(d.created_on) << " — " << e(label(p.status())) << "</h4>";
        h << "<table cellpadding=2>";
        row(h, KW_TR("Series"), std::to_string(d.series.session_count) + " × " +
                                    std::to_string(d.series.session_minutes) + " min, " +
                                    e(label(d.series.frequency)) +
                                    (d.series.frequency == Frequency::every_n_days
                                         ? " (" + std::to_string(d.series.interval_days) + ")"
                                         : std::string()) +
                                    ", " + e(KW_TR("from")) + " " + date(d.series.start_date) + " " +
                                    e(app::format_time(d.series.start_time)) +
                                    (d.series.therapist.empty() ? "" : ", " + e(d.series.therapist)));
        if (d.reassess_after_sessions)
            row(h, KW_TR("Re-assess"), e(KW_TR("after session")) + " " + std::to_string(*d.reassess_after_sessions));
        std::string goals;
        for (const auto& g : d.goals) {
            goals += (goals.empty() ? "" : "<br>") + e(g.description);
            if (g.target) {
                goals += " (" + e(label(g.measure)) + ": ";
                if (g.baseline) goals += number(*g.baseline, 0) + " → ";
                goals += number(*g.target, 0) + ")";
            }
        }
        row(h, KW_TR("Goals"), goals);
        std::string techniques;
        for (const auto& t : d.techniques)
            techniques += (techniques.empty() ? "" : "<br>") + std::string("<b>") + e(technique_name(t.technique)) +
                          "</b>: " + e(t.rationale);
        row(h, KW_TR("Techniques"), techniques);
        std::string regions;
        for (const auto& r : d.regions)
            regions += (regions.empty() ? "" : ", ") + e(label(r.region)) + " (" + e(label(r.side)) + ")";
        row(h, KW_TR("Regions"), regions);
        std::string care;
        for (const auto& c : d.home_care)
            care += (care.empty() ? "" : "<br>") + std::string("<b>") + e(label(c.kind)) + "</b>: " + e(c.instructions);
        row(h, KW_TR("Home care"), care);
        if (p.status() == PlanStatus::discontinued) row(h, KW_TR("Discontinued"), e(p.status_reason()));
        h << "</table>";
    }
    h << "</body></html>";
    return h.str();
}

std::string sessions_page_html(const app::ClientChart& chart) {
    std::ostringstream h;
    h << "<html><body>";
    if (chart.sessions.empty()) h << "<p>" << e(KW_TR("No session yet.")) << "</p>";
    for (const auto& s : chart.sessions) {
        h << "<p><b>" << e(app::format_long_date(s.starts_at().date())) << " "
          << e(app::format_time(s.starts_at().time_of_day())) << "</b> — "
          << e(label(s.status()));
        if (s.series()) h << ", " << e(KW_TR("session")) << " " << s.series()->number << " " << e(KW_TR("of")) << " " << s.series()->of;
        if (s.is_signed())
            h << " — <font color=#1b7a2e>" << e(KW_TR("signed by")) << " " << e(s.signature()->signed_by) << "</font>";
        else if (s.status() == AppointmentStatus::completed)
            h << " — <font color=#b06000><b>" << e(KW_TR("unsigned draft")) << "</b></font>";
        if (!s.status_reason().empty()) h << " (" << e(s.status_reason()) << ")";
        h << "<br>";
        const auto& n = s.note();
        if (n.pain_before || n.pain_after)
            h << e(KW_TR("Pain")) << " " << (n.pain_before ? std::to_string(n.pain_before->value()) : "–") << " → "
              << (n.pain_after ? std::to_string(n.pain_after->value()) : "–") << "<br>";
        if (!n.subjective.empty()) h << "<b>S</b> " << para(n.subjective) << "<br>";
        if (!n.objective.empty()) h << "<b>O</b> " << para(n.objective) << "<br>";
        if (!n.assessment.empty()) h << "<b>A</b> " << para(n.assessment) << "<br>";
        if (!n.plan.empty()) h << "<b>P</b> " << para(n.plan) << "<br>";
        for (const auto& t : n.techniques)
            h << "&nbsp;&nbsp;• " << e(technique_name(t.technique)) << " — " << e(label(t.region)) << " ("
              << e(label(t.side)) << "), " << e(KW_TR("pressure")) << " " << t.pressure.value() << ", " << t.minutes
              << " min<br>";
        if (!n.adverse_reactions.empty())
            h << "<font color=#b00020>" << e(KW_TR("Adverse reaction")) << ": " << para(n.adverse_reactions)
              << "</font><br>";
        for (const auto& a : s.amendments())
            h << "<i>" << e(KW_TR("Amendment")) << " " << e(app::format_date_time(a.written_at)) << " "
              << e(KW_TR("by")) << " "
              << e(a.author) << " (" << e(a.reason) << "): " << para(a.text) << "</i><br>";
        h << "</p><hr>";
    }
    h << "</body></html>";
    return h.str();
}

std::string clinical_records_hidden_html(const std::string& notice, const std::string& why) {
    std::ostringstream h;
    h << "<html><body><p><font color=#555555><b>" << e(notice) << ".</b></font></p>";
    if (!why.empty()) h << "<p><font color=#555555>" << e(why) << "</font></p>";
    h << "</body></html>";
    return h.str();
}

} // namespace knotwork::gui
