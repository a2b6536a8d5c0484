#include "history/history_presenter.h"

#include "core/display_format.h"
#include "core/translate.h"
#include "database.h"
#include "outcomes/outcome_measures.h"
#include "repositories/assessment_repository.h"
#include "repositories/client_repository.h"
#include "repositories/plan_repository.h"
#include "repositories/session_repository.h"

#include <boost/date_time/c_local_time_adjustor.hpp>

namespace knotwork::gui {

namespace {

constexpr std::size_t longest_value_in_list = 60;
const char* const arrow = " \u2192 ";

DateTime system_local(DateTime utc) {
    return boost::date_time::c_local_adjustor<DateTime>::utc_to_local(utc);
}

// One line for the list: runs of spaces, tabs and line breaks become one space, and a long value
// is cut at a character boundary with an ellipsis (the details pane shows it whole).
std::string one_line(const std::string& value) {
    std::string out;
    bool space = false;
    for (char c : value) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    if (out.size() <= longest_value_in_list) return out;
    std::size_t cut = longest_value_in_list;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80)
        --cut; // not inside a UTF-8 character
    return out.substr(0, cut) + "\u2026";
}

std::string shown_value(const std::string& value) {
    return value.empty() ? KW_TR("(none)") : value;
}

std::string date_in(const std::map<std::int64_t, Date>& days, const std::optional<std::int64_t>& id) {
    if (!id) return {};
    const auto it = days.find(*id);
    return it == days.end() ? std::string() : app::format_date(it->second);
}

} // namespace

HistoryPresenter::HistoryPresenter(db::Database& db, ClientId client, ToLocal to_local)
    : m_db(db), m_client(db::ClientRepository(db).get(client)),
      m_to_local(to_local ? std::move(to_local) : ToLocal(system_local)) {
    refresh();
}

void HistoryPresenter::refresh() {
    const ClientId id = m_client.id();
    m_client = db::ClientRepository(m_db).get(id);
    m_session_days.clear();
    m_assessment_days.clear();
    m_plan_days.clear();
    for (const auto& s : db::SessionRepository(m_db).for_client(id, 100000))
        m_session_days[s.id()] = s.starts_at().date();
    for (const auto& a : db::AssessmentRepository(m_db).for_client(id))
        m_assessment_days[a.id()] = a.details().assessed_on;
    for (const auto& p : db::PlanRepository(m_db).for_client(id))
        m_plan_days[p.id()] = p.details().created_on;
    db::AuditQuery q;
    q.client_id = id;
    q.newest_first = true;
    m_entries = db::AuditLog(m_db).find(q);
    // A booking deleted since has no row left; its deletion recorded when it was.
    for (const auto& e : m_entries) {
        if (e.entity != "session" || !e.entity_id || m_session_days.contains(*e.entity_id)) continue;
        for (const auto& c : e.changes)
            if (c.field == "starts_at" && c.old_value.size() >= 10) {
                try {
                    m_session_days[*e.entity_id] = parse_date("starts_at", c.old_value.substr(0, 10));
                } catch (const ValidationError&) {
                }
            }
    }
    rebuild_rows();
}

bool HistoryPresenter::set_hide_views(bool hide) {
    if (hide == m_hide_views) return false;
    m_hide_views = hide;
    rebuild_rows();
    return true;
}

void HistoryPresenter::rebuild_rows() {
    m_shown.clear();
    m_rows.clear();
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        const db::AuditEntry& e = m_entries[i];
        if (m_hide_views && e.action == "view") continue;
        HistoryRow row;
        row.when = app::format_date_time(m_to_local(e.at));
        row.who = e.actor;
        row.action = action_label(e.action);
        row.record = record_label(e);
        if (e.changes.empty()) {
            row.changes = one_line(e.detail);
        } else {
            // A signature or an amendment only adds: its values read without an empty "before".
            const bool adds = e.action == "sign" || e.action == "amend";
            for (const auto& c : e.changes) {
                if (!row.changes.empty()) row.changes += "; ";
                row.changes += field_label(c.field) + ": ";
                if (!(adds && c.old_value.empty())) row.changes += shown_value(one_line(c.old_value)) + arrow;
                row.changes += shown_value(one_line(c.new_value));
            }
        }
        m_shown.push_back(i);
        m_rows.push_back(std::move(row));
    }
}

std::string HistoryPresenter::record_label(const db::AuditEntry& e) const {
    const auto with_date = [](std::string what, const std::string& day) {
        return day.empty() ? what : what + " " + day;
    };
    if (e.entity == "client") return KW_TR("Client");
    if (e.entity == "assessment")
        return with_date(KW_TR("Assessment"), date_in(m_assessment_days, e.entity_id));
    if (e.entity == "plan") return with_date(KW_TR("Treatment plan"), date_in(m_plan_days, e.entity_id));
    if (e.entity == "session") return with_date(KW_TR("Session"), date_in(m_session_days, e.entity_id));
    if (e.entity == "practice") return KW_TR("Practice settings");
    if (e.entity == "audit_log") return KW_TR("Audit trail");
    return e.entity;
}

std::string HistoryPresenter::cell(std::size_t row, Column column) const {
    const HistoryRow& r = m_rows.at(row);
    switch (column) {
    case Column::when:
        return r.when;
    case Column::who:
        return r.who;
    case Column::action:
        return r.action;
    case Column::record:
        return r.record;
    case Column::changes:
        return r.changes;
    }
    return {};
}

std::string HistoryPresenter::title() const {
    return KW_TR("History of") + std::string(" ") + m_client.display_name();
}

std::string HistoryPresenter::status_text() const {
    const std::size_t n = m_rows.size();
    std::string text = std::to_string(n) + " " + (n == 1 ? KW_TR("entry") : KW_TR("entries"));
    if (m_hide_views) {
        const std::size_t hidden = m_entries.size() - n;
        text += " (" + std::to_string(hidden) + " " +
                (hidden == 1 ? KW_TR("chart view hidden") : KW_TR("chart views hidden")) + ")";
    }
    return text;
}

std::string HistoryPresenter::details(std::size_t row) const {
    const db::AuditEntry& e = entry(row);
    const HistoryRow& r = m_rows.at(row);
    std::string out = r.when + "  " + r.who + "  " + r.action + "  " + r.record + "\n";
    if (!e.detail.empty()) out += e.detail + "\n";
    for (const auto& c : e.changes) {
        out += "\n" + field_label(c.field) + "\n";
        out += "  " + KW_TR("before:") + " " + shown_value(c.old_value) + "\n";
        out += "  " + KW_TR("after:") + " " + shown_value(c.new_value) + "\n";
    }
    return out;
}

std::string HistoryPresenter::field_label(const std::string& field) {
    static const std::map<std::string, const char*> labels{
        {"family_name", "Family name"},
        {"given_name", "Given name"},
        {"preferred_name", "Preferred name"},
        {"date_of_birth", "Date of birth"},
        {"phone", "Phone"},
        {"email", "Email"},
        {"address", "Address"},
        {"emergency_contact_name", "Emergency contact"},
        {"emergency_contact_phone", "Emergency contact phone"},
        {"referral_source", "Referral source"},
        {"referring_physician", "Referring physician"},
        {"occupation", "Occupation"},
        {"activity", "Activity level"},
        {"conditions", "Health conditions"},
        {"health_notes", "Health notes"},
        {"medications", "Medications"},
        {"allergies", "Allergies"},
        {"pressure_preference", "Pressure preference"},
        {"sensitive_areas", "Sensitive areas"},
        {"consent_date", "Consent date"},
        {"red_flags", "Red flags"},
        {"red_flag_notes", "Red-flag notes"},
        {"referred_to", "Referred to"},
        {"red_flags_screened_on", "Red flags screened on"},
        {"archived_on", "Archived on"},
        {"assessed_on", "Assessed on"},
        {"therapist", "Therapist"},
        {"chief_complaint", "Chief complaint"},
        {"onset_date", "Onset"},
        {"duration_weeks", "Duration (weeks)"},
        {"pain_now", "Pain now"},
        {"pain_best", "Pain at best"},
        {"pain_worst", "Pain at worst"},
        {"pain_map", "Pain map"},
        {"aggravating_factors", "Aggravating factors"},
        {"easing_factors", "Easing factors"},
        {"posture", "Posture"},
        {"range_of_motion", "Range of motion"},
        {"palpation", "Palpation"},
        {"rmdq", "Roland-Morris"},
        {"psfs", "PSFS"},
        {"notes", "Notes"},
        {"status", "Status"},
        {"status_reason", "Reason"},
        {"created_on", "Created on"},
        {"based_on_assessment", "Based on assessment"},
        {"goals", "Goals"},
        {"techniques", "Techniques"},
        {"regions", "Regions"},
        {"session_count", "Sessions"},
        {"frequency", "Frequency"},
        {"interval_days", "Interval (days)"},
        {"session_minutes", "Session length (minutes)"},
        {"start_date", "Start date"},
        {"start_time", "Start time"},
        {"reassess_after_sessions", "Re-assess after"},
        {"home_care", "Home care"},
        {"starts_at", "Starts"},
        {"ends_at", "Ends"},
        {"series", "Series"},
        {"subjective", "Subjective"},
        {"objective", "Objective"},
        {"assessment", "Assessment"},
        {"plan", "Plan"},
        {"pain_before", "Pain before"},
        {"pain_after", "Pain after"},
        {"adverse_reactions", "Adverse reactions"},
        {"signed_by", "Signed by"},
        {"signed_at", "Signed at"},
        {"amendment", "Amendment"},
        {"practice_name", "Practice name"},
        {"therapist_name", "Therapist"},
        {"licence_number", "Licence number"},
        {"default_session_minutes", "Default session length"},
        {"closed_weekdays", "Closed on"},
        {"holidays", "Holidays"},
    };
    if (const auto it = labels.find(field); it != labels.end()) return app::tr(it->second);
    if (field.rfind("odi_", 0) == 0) {
        try {
            return KW_TR("ODI") + ": " + app::tr(label(from_code<OdiSection>("field", field.substr(4))));
        } catch (const ValidationError&) {
        }
    }
    std::string words;
    for (char c : field)
        words += c == '_' ? ' ' : c;
    if (!words.empty() && words[0] >= 'a' && words[0] <= 'z')
        words[0] = static_cast<char>(words[0] - 'a' + 'A');
    return words;
}

std::string HistoryPresenter::action_label(const std::string& action) {
    static const std::map<std::string, const char*> labels{
        {"create", "Created"},   {"update", "Changed"},   {"sign", "Signed"},      {"amend", "Amended"},
        {"archive", "Archived"}, {"restore", "Restored"}, {"cancel", "Cancelled"}, {"delete", "Deleted"},
        {"view", "Viewed"},      {"export", "Exported"},  {"print", "Printed"},
    };
    if (const auto it = labels.find(action); it != labels.end()) return app::tr(it->second);
    return action;
}

} // namespace knotwork::gui
