#include "session/session_note_presenter.h"

#include "audit_log.h"
#include "common/error.h"
#include "common/text.h"
#include "core/translate.h"
#include "database.h"
#include "repositories/assessment_repository.h"
#include "repositories/client_repository.h"
#include "repositories/plan_repository.h"
#include "repositories/session_repository.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <stdexcept>
#include <utility>

namespace knotwork::gui {

namespace {

// ---- Quick phrases: nine per field, Alt+1 … Alt+9 ------------------------------------------
// Marked for translation where they are used (tr()); kept as plain data here.
using PhraseBank = std::array<std::string_view, SessionNotePresenter::phrase_count>;

constexpr PhraseBank subjective_phrases{
    "Reports pain eased since last session.",
    "Reports no change in pain since last session.",
    "Reports pain worse since last session.",
    "Pain worse after prolonged sitting.",
    "Morning stiffness in the lower back, easing with movement.",
    "Sleeping better.",
    "Did the home stretches most days.",
    "Pain radiates into the buttock.",
    "Stressful week; tension in neck and shoulders.",
};
constexpr PhraseBank objective_phrases{
    "Hypertonicity in right QL.",
    "Hypertonicity in left QL.",
    "Active trigger point in right piriformis reproducing buttock pain.",
    "Tenderness over lumbar erector spinae, bilateral.",
    "Adhesions along the thoracolumbar fascia.",
    "Lumbar flexion limited; fingertips to mid-shin.",
    "Tissue softened noticeably during treatment.",
    "Guarding in the lower back; slow to change position.",
    "Forward head posture and rounded shoulders.",
};
constexpr PhraseBank assessment_phrases{
    "Tolerated treatment well.",
    "Pain reduced after treatment.",
    "Tissue responded well to myofascial release.",
    "Trigger points released; referred pain reduced.",
    "Range of motion improved after treatment.",
    "Mild soreness expected for 24 to 48 hours.",
    "Limited response; tissue remains guarded.",
    "Progressing toward the plan's goals.",
    "No adverse reaction during treatment.",
};
constexpr PhraseBank plan_phrases{
    "Continue series; focus on ",
    "Continue series as planned.",
    "Home care: stretches twice daily, each held 30 seconds.",
    "Home care: heat for 15 minutes before stretching.",
    "Drink plenty of water today.",
    "Keep a pain journal until the next session.",
    "Re-assess at the next session.",
    "Increase pressure gradually as tolerated.",
    "Refer to the physician if symptoms persist or worsen.",
};

// The field's name as the editor labels it (translated where it is shown), and its code.
std::string field_name(SoapField f) {
    switch (f) {
    case SoapField::subjective:
        return KW_TR("Subjective");
    case SoapField::objective:
        return KW_TR("Objective");
    case SoapField::assessment:
        return KW_TR("Assessment");
    case SoapField::plan:
        return KW_TR("Plan");
    }
    return {};
}

const PhraseBank& bank(SoapField f) {
    switch (f) {
    case SoapField::subjective:
        return subjective_phrases;
    case SoapField::objective:
        return objective_phrases;
    case SoapField::assessment:
        return assessment_phrases;
    case SoapField::plan:
        return plan_phrases;
    }
    return subjective_phrases;
}

// "{name}" placeholders replaced by values, so translators can move them.
std::string fill(std::string pattern,
                 std::initializer_list<std::pair<std::string_view, std::string>> values) {
    for (const auto& [key, value] : values) {
        const std::string token = "{" + std::string(key) + "}";
        for (auto pos = pattern.find(token); pos != std::string::npos;
             pos = pattern.find(token, pos + value.size()))
            pattern.replace(pos, token.size(), value);
    }
    return pattern;
}

// "Piriformis" → "piriformis"; "TFL / IT band" keeps its capitals.
std::string in_sentence(BodyRegion r) {
    std::string s(label(r));
    if (s.size() > 1 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'a' && s[1] <= 'z')
        s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

bool covers(const Caution& c, BodyRegion r) {
    return std::find(c.regions.begin(), c.regions.end(), r) != c.regions.end();
}

// Byte offset of code point `n` in valid UTF-8 (the end when the text is shorter).
std::size_t byte_offset(std::string_view s, std::size_t n) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
        if (seen == n) return i;
        ++seen;
    }
    return s.size();
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string hex64(std::uint64_t v) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, v >>= 4)
        out[static_cast<std::size_t>(i)] = digits[v & 0xF];
    return out;
}

std::uint64_t fnv1a(std::string_view s) {
    std::uint64_t h = 14695981039346656037ull;
    for (char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    return h;
}

// ---- The recovery snapshot ---------------------------------------------------------------------
// Line-oriented, with every free text length-prefixed, so any text (newlines included) survives:
//   knotwork-note-draft 1
//   session 42
//   text subjective 27
//   <27 bytes>
//   pain_before 6            (or "pain_before -")
//   status completed
//   technique lumbar_spine right 5 10 11
//   <11 bytes of code>
//   end
constexpr std::string_view snapshot_magic = "knotwork-note-draft 1";

constexpr std::array<std::pair<std::string_view, SoapField>, 4> soap_keys{{
    {"subjective", SoapField::subjective},
    {"objective", SoapField::objective},
    {"assessment", SoapField::assessment},
    {"plan", SoapField::plan},
}};

void put_text(std::string& out, std::string_view key, const std::string& value) {
    out += "text ";
    out += key;
    out += ' ';
    out += std::to_string(value.size());
    out += '\n';
    out += value;
    out += '\n';
}

void put_pain(std::string& out, std::string_view key, const std::optional<int>& v) {
    out += key;
    out += ' ';
    out += v ? std::to_string(*v) : std::string("-");
    out += '\n';
}

class SnapshotReader {
  public:
    explicit SnapshotReader(std::string_view s) : m_s(s) {}

    std::optional<std::string_view> line() {
        if (m_pos >= m_s.size()) return std::nullopt;
        const auto end = m_s.find('\n', m_pos);
        if (end == std::string_view::npos) return std::nullopt;
        const std::string_view l = m_s.substr(m_pos, end - m_pos);
        m_pos = end + 1;
        return l;
    }
    // `n` bytes followed by a newline.
    std::optional<std::string> bytes(std::size_t n) {
        if (m_pos + n >= m_s.size() || m_s[m_pos + n] != '\n') return std::nullopt;
        std::string out(m_s.substr(m_pos, n));
        m_pos += n + 1;
        return out;
    }

  private:
    std::string_view m_s;
    std::size_t m_pos = 0;
};

std::vector<std::string_view> words(std::string_view l) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < l.size()) {
        const auto end = l.find(' ', i);
        const auto stop = end == std::string_view::npos ? l.size() : end;
        if (stop > i) out.push_back(l.substr(i, stop - i));
        i = stop + 1;
    }
    return out;
}

// Non-negative decimal integers only; throws std::invalid_argument otherwise.
long long number(std::string_view w) {
    if (w.empty() || w.size() > 18) throw std::invalid_argument("number");
    long long v = 0;
    for (char c : w) {
        if (c < '0' || c > '9') throw std::invalid_argument("number");
        v = v * 10 + (c - '0');
    }
    return v;
}

struct Snapshot {
    SessionId session = 0;
    NoteDraft draft;
};

std::optional<Snapshot> parse_snapshot(std::string_view s) {
    try {
        SnapshotReader in(s);
        if (in.line() != snapshot_magic) return std::nullopt;
        Snapshot snap;
        bool has_session = false;
        while (auto l = in.line()) {
            const auto w = words(*l);
            if (w.empty()) return std::nullopt;
            if (w[0] == "end" && w.size() == 1) {
                if (!has_session) return std::nullopt;
                return snap;
            }
            if (w[0] == "session" && w.size() == 2) {
                snap.session = number(w[1]);
                has_session = true;
            } else if (w[0] == "text" && w.size() == 3) {
                auto value = in.bytes(static_cast<std::size_t>(number(w[2])));
                if (!value) return std::nullopt;
                std::string* target = nullptr;
                for (const auto& [key, field] : soap_keys)
                    if (w[1] == key) target = &snap.draft.text(field);
                if (w[1] == "adverse") target = &snap.draft.adverse_reactions;
                if (w[1] == "reason") target = &snap.draft.status_reason;
                if (!target) return std::nullopt;
                *target = std::move(*value);
            } else if ((w[0] == "pain_before" || w[0] == "pain_after") && w.size() == 2) {
                std::optional<int> v;
                if (w[1] != "-") {
                    v = static_cast<int>(number(w[1]));
                    if (*v > 10) return std::nullopt;
                }
                (w[0] == "pain_before" ? snap.draft.pain_before : snap.draft.pain_after) = v;
            } else if (w[0] == "status" && w.size() == 2) {
                snap.draft.status = from_code<AppointmentStatus>("status", w[1]);
            } else if (w[0] == "technique" && w.size() == 6) {
                AppliedTechnique t{};
                t.region = from_code<BodyRegion>("region", w[1]);
                t.side = from_code<Side>("side", w[2]);
                t.pressure = Pressure(static_cast<int>(number(w[3])));
                t.minutes = static_cast<int>(number(w[4]));
                auto code = in.bytes(static_cast<std::size_t>(number(w[5])));
                if (!code) return std::nullopt;
                t.technique = std::move(*code);
                snap.draft.techniques.push_back(std::move(t));
            } else {
                return std::nullopt;
            }
        }
        return std::nullopt; // no "end": a truncated file
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

} // namespace

// ---- NoteDraft -----------------------------------------------------------------------------------

std::string& NoteDraft::text(SoapField f) {
    switch (f) {
    case SoapField::subjective:
        return subjective;
    case SoapField::objective:
        return objective;
    case SoapField::assessment:
        return assessment;
    case SoapField::plan:
        return plan;
    }
    return subjective;
}

const std::string& NoteDraft::text(SoapField f) const {
    return const_cast<NoteDraft&>(*this).text(f);
}

// ---- Loading -------------------------------------------------------------------------------------

SessionNotePresenter::SessionNotePresenter(db::Database& db, SessionId session, Clock clock)
    : m_db(db), m_id(session), m_clock(std::move(clock)), m_catalogue(standard_catalogue()),
      m_session(db::SessionRepository(db).get(session)),
      m_client(db::ClientRepository(db).get(m_session.client_id())) {
    load();
    // Reading a note is reading the clinical record: audited like a chart view. A practice opened
    // read-only cannot record it (and records nothing else either).
    if (!db.is_read_only()) {
        db::Transaction tx(db);
        db::AuditLog(db).record(db::AuditAction::view, "session", m_id, m_client.id(), "note opened");
        tx.commit();
    }
}

void SessionNotePresenter::load() {
    m_plan.reset();
    if (m_session.series()) m_plan = db::PlanRepository(m_db).find(m_session.series()->plan);
    const auto assessments = db::AssessmentRepository(m_db).for_client(m_client.id());
    m_cautions = assessments.empty() ? cautions_for(m_client) : cautions_for(m_client, assessments.back());
    m_max_safe = knotwork::max_safe_pressure(m_cautions);
    m_saved = draft_of(m_session);
    m_draft = m_saved;
    m_read_only = m_session.is_signed();
    m_conflict = false;
    m_history.reset(m_draft);
}

NoteDraft SessionNotePresenter::draft_of(const Session& s) {
    const SoapNote& n = s.note();
    NoteDraft d;
    d.subjective = n.subjective;
    d.objective = n.objective;
    d.assessment = n.assessment;
    d.plan = n.plan;
    if (n.pain_before) d.pain_before = n.pain_before->value();
    if (n.pain_after) d.pain_after = n.pain_after->value();
    d.techniques = n.techniques;
    d.adverse_reactions = n.adverse_reactions;
    d.status = s.status();
    d.status_reason = s.status_reason();
    return d;
}

// ---- Header --------------------------------------------------------------------------------------

std::string SessionNotePresenter::client_name() const {
    return m_client.display_name();
}

std::string SessionNotePresenter::series_text() const {
    const auto& s = m_session.series();
    if (!s) return {};
    return fill(KW_TR("Session {n} of {of}"),
                {{"n", std::to_string(s->number)}, {"of", std::to_string(s->of)}});
}

std::string SessionNotePresenter::time_text() const {
    return to_hhmm(m_session.starts_at().time_of_day()) + "–" + to_hhmm(m_session.ends_at().time_of_day());
}

std::string SessionNotePresenter::signature_text() const {
    const auto& sig = m_session.signature();
    if (!sig) return {};
    return fill(KW_TR("Signed by {by} on {date} at {time}"),
                {{"by", sig->signed_by},
                 {"date", to_iso(sig->signed_at.date())},
                 {"time", to_hhmm(sig->signed_at.time_of_day())}});
}

std::string SessionNotePresenter::focus_text() const {
    if (!m_plan) return {};
    const PlanDetails& d = m_plan->details();
    std::string out;
    auto line = [&out](const std::string& l) {
        if (!out.empty()) out += '\n';
        out += l;
    };
    if (!d.techniques.empty()) {
        line(KW_TR("Techniques:"));
        for (const auto& t : d.techniques)
            line("• " + technique_name(t.technique) + " — " + t.rationale);
    }
    if (!d.regions.empty()) {
        std::string regions;
        for (const auto& r : d.regions) {
            if (!regions.empty()) regions += ", ";
            regions += std::string(label(r.region)) + " (" + text::ascii_lower(label(r.side)) + ")";
        }
        line(KW_TR("Regions: ") + regions);
    }
    if (!d.home_care.empty()) {
        line(KW_TR("Home care:"));
        for (const auto& h : d.home_care)
            line("• " + std::string(label(h.kind)) + " — " + h.instructions);
    }
    if (d.reassess_after_sessions) {
        const int at = *d.reassess_after_sessions;
        const int number = m_session.series() ? m_session.series()->number : 0;
        if (number == at)
            line(KW_TR("Re-assessment is due at this session: repeat the outcome measures."));
        else
            line(fill(KW_TR("Re-assess after session {n}."), {{"n", std::to_string(at)}}));
    }
    if (!text::trim(d.notes).empty()) line(KW_TR("Notes: ") + d.notes);
    return out;
}

std::vector<std::string> SessionNotePresenter::caution_lines() const {
    std::vector<std::string> out;
    out.reserve(m_cautions.size());
    for (const auto& c : m_cautions)
        out.push_back(restriction_text(c) + " — " + c.cause);
    return out;
}

// ---- Draft ---------------------------------------------------------------------------------------

void SessionNotePresenter::record(EditStep step) {
    if (!m_read_only) m_history.push(m_draft, std::move(step));
}

void SessionNotePresenter::set_text(SoapField field, std::string text) {
    if (m_read_only) return;
    m_draft.text(field) = std::move(text);
    record(
        {"text " + std::string(soap_keys[static_cast<std::size_t>(field)].first), field_name(field), true});
}

void SessionNotePresenter::set_pain_before(std::optional<int> score) {
    if (m_read_only) return;
    m_draft.pain_before = score;
    record({"pain before", KW_TR("Pain before"), true});
}

void SessionNotePresenter::set_pain_after(std::optional<int> score) {
    if (m_read_only) return;
    m_draft.pain_after = score;
    record({"pain after", KW_TR("Pain after"), true});
}

void SessionNotePresenter::set_adverse_reactions(std::string text) {
    if (m_read_only) return;
    m_draft.adverse_reactions = std::move(text);
    record({"text adverse", KW_TR("Adverse reactions"), true});
}

void SessionNotePresenter::set_status(AppointmentStatus status, std::string reason) {
    if (m_read_only) return;
    const bool new_status = status != m_draft.status;
    m_draft.status = status;
    m_draft.status_reason = status == AppointmentStatus::cancelled ? std::move(reason) : std::string();
    if (new_status)
        record({"status", KW_TR("Appointment status"), false});
    else
        record({"status reason", KW_TR("Reason for cancelling"), true});
}

std::string SessionNotePresenter::technique_name(const std::string& code) const {
    if (const Technique* t = m_catalogue.find(code)) return t->name;
    return code;
}

std::vector<AppliedTechniqueChoice> SessionNotePresenter::technique_choices() const {
    std::vector<AppliedTechniqueChoice> out;
    auto known = [&out](const std::string& code) {
        return std::any_of(out.begin(), out.end(),
                           [&code](const AppliedTechniqueChoice& c) { return c.code == code; });
    };
    if (m_plan)
        for (const auto& t : m_plan->details().techniques)
            if (!known(t.technique)) out.push_back({t.technique, technique_name(t.technique), true});
    for (const auto& t : m_catalogue.all())
        if (!known(t.code)) out.push_back({t.code, t.name, false});
    for (const auto& row : m_draft.techniques)
        if (!known(row.technique)) out.push_back({row.technique, row.technique, false});
    return out;
}

std::size_t SessionNotePresenter::add_technique_row() {
    if (m_read_only)
        throw LockedRecordError(KW_TR("The note is signed; its techniques can no longer change."));
    AppliedTechnique row{};
    const PlanDetails* plan = m_plan ? &m_plan->details() : nullptr;
    row.technique = plan && !plan->techniques.empty() ? plan->techniques.front().technique
                                                      : m_catalogue.all().front().code;
    row.region = BodyRegion::lumbar_spine;
    row.side = Side::bilateral;
    if (plan && !plan->regions.empty()) {
        // The first target region not yet recorded, so one row per region comes naturally.
        auto next = std::find_if(plan->regions.begin(), plan->regions.end(), [this](const TargetRegion& r) {
            return std::none_of(
                m_draft.techniques.begin(), m_draft.techniques.end(),
                [&r](const AppliedTechnique& t) { return t.region == r.region && t.side == r.side; });
        });
        const TargetRegion& r = next != plan->regions.end() ? *next : plan->regions.front();
        row.region = r.region;
        row.side = r.side;
    }
    int pressure = 5;
    if (const Technique* t = m_catalogue.find(row.technique))
        pressure = (t->typical_min.value() + t->typical_max.value()) / 2;
    row.pressure = Pressure(std::clamp(pressure, Pressure::min, m_max_safe.value()));
    row.minutes = 10;
    m_draft.techniques.push_back(std::move(row));
    const std::size_t added = m_draft.techniques.size() - 1;
    record({"", fill(KW_TR("Technique row {n} added"), {{"n", std::to_string(added + 1)}}), false});
    return added;
}

void SessionNotePresenter::set_technique_row(std::size_t row, AppliedTechnique technique) {
    if (m_read_only) return;
    m_draft.techniques.at(row) = std::move(technique);
    record({"", fill(KW_TR("Technique row {n}"), {{"n", std::to_string(row + 1)}}), false});
}

void SessionNotePresenter::remove_technique_row(std::size_t row) {
    if (m_read_only) return;
    if (row >= m_draft.techniques.size()) throw std::out_of_range("technique row");
    m_draft.techniques.erase(m_draft.techniques.begin() + static_cast<std::ptrdiff_t>(row));
    record({"", fill(KW_TR("Technique row {n} removed"), {{"n", std::to_string(row + 1)}}), false});
}

std::vector<NoteWarning> SessionNotePresenter::warnings() const {
    std::vector<NoteWarning> out;
    const int safe = m_max_safe.value();
    std::string safe_causes;
    for (const auto& c : m_cautions)
        if (c.max_pressure && !c.is_local() && c.max_pressure->value() == safe)
            safe_causes += (safe_causes.empty() ? "" : "; ") + c.cause;

    for (std::size_t i = 0; i < m_draft.techniques.size(); ++i) {
        const AppliedTechnique& row = m_draft.techniques[i];
        const std::string n = std::to_string(i + 1);
        const int pressure = row.pressure.value();
        const Technique* t = m_catalogue.find(row.technique);
        const std::string what = t ? t->in_sentence() : row.technique;
        auto warn = [&out, i](std::string text) { out.push_back(NoteWarning{i, std::move(text)}); };

        for (const auto& c : m_cautions) {
            if (!t) break;
            if (c.restriction == Restriction::no_heat && t->has(TechniqueTrait::uses_heat)) {
                warn(fill(KW_TR("Row {row}: {technique} uses heat, which this client must avoid — {cause}."),
                          {{"row", n}, {"technique", what}, {"cause", c.cause}}));
                break;
            }
        }
        if (t && t->depth == TechniqueDepth::deep) {
            for (const auto& c : m_cautions)
                if (c.max_pressure && !c.is_local() && c.max_pressure->value() <= moderate_pressure_max) {
                    warn(fill(KW_TR("Row {row}: {technique} is deep work, which this client must not have — "
                                    "{cause}."),
                              {{"row", n}, {"technique", what}, {"cause", c.cause}}));
                    break;
                }
        } else if (t && t->typical_min.value() > safe) {
            warn(
                fill(KW_TR("Row {row}: {technique} needs pressure of {min} or more, above this client's safe "
                           "maximum of {max}."),
                     {{"row", n},
                      {"technique", what},
                      {"min", std::to_string(t->typical_min.value())},
                      {"max", std::to_string(safe)}}));
        }
        if (pressure > safe)
            warn(fill(
                KW_TR(
                    "Row {row}: pressure {pressure} is above this client's safe maximum of {max} — {cause}."),
                {{"row", n},
                 {"pressure", std::to_string(pressure)},
                 {"max", std::to_string(safe)},
                 {"cause", safe_causes}}));
        for (const auto& c : m_cautions) {
            if (!c.is_local() || !covers(c, row.region)) continue;
            if (c.restriction == Restriction::avoid_area)
                warn(fill(KW_TR("Row {row}: the cautions say to avoid {area} — {cause}."),
                          {{"row", n}, {"area", c.area}, {"cause", c.cause}}));
            else if (c.max_pressure && c.max_pressure->value() < safe && pressure > c.max_pressure->value())
                warn(fill(
                    KW_TR("Row {row}: pressure {pressure} on the {region} is above the limit of {max} for "
                          "{area} — {cause}."),
                    {{"row", n},
                     {"pressure", std::to_string(pressure)},
                     {"region", in_sentence(row.region)},
                     {"max", std::to_string(c.max_pressure->value())},
                     {"area", c.area},
                     {"cause", c.cause}}));
        }
    }
    return out;
}

// ---- Quick phrases -------------------------------------------------------------------------------

std::vector<std::string> SessionNotePresenter::quick_phrases(SoapField field) {
    std::vector<std::string> out;
    for (auto p : bank(field))
        out.push_back(app::tr(p));
    return out;
}

std::optional<PhraseInsertion> SessionNotePresenter::insert_quick_phrase(SoapField field, int number,
                                                                         std::size_t caret) {
    if (m_read_only || number < 1 || number > phrase_count) return std::nullopt;
    const std::string phrase = app::tr(bank(field)[static_cast<std::size_t>(number - 1)]);
    std::string& text = m_draft.text(field);
    const std::size_t at = byte_offset(text, caret);
    const bool space_before = at > 0 && !is_space(text[at - 1]);
    const bool space_after =
        at < text.size() && !is_space(text[at]) && !phrase.empty() && !is_space(phrase.back());
    std::string inserted = (space_before ? " " : "") + phrase;
    const std::size_t caret_after =
        text::code_points(std::string_view(text).substr(0, at)) + text::code_points(inserted);
    if (space_after) inserted += ' ';
    text.insert(at, inserted);
    PhraseInsertion result{text, caret_after};
    record({"", fill(KW_TR("Quick phrase in {field}"), {{"field", field_name(field)}}), false});
    return result;
}

// ---- Undo and redo -------------------------------------------------------------------------------

std::string SessionNotePresenter::undo_label() const {
    const EditStep* step = can_undo() ? m_history.undo_step() : nullptr;
    return step ? step->label : std::string();
}

std::string SessionNotePresenter::redo_label() const {
    const EditStep* step = can_redo() ? m_history.redo_step() : nullptr;
    return step ? step->label : std::string();
}

bool SessionNotePresenter::undo() {
    if (m_read_only) return false;
    const NoteDraft* before = m_history.undo();
    if (!before) return false;
    m_draft = *before;
    return true;
}

bool SessionNotePresenter::redo() {
    if (m_read_only) return false;
    const NoteDraft* after = m_history.redo();
    if (!after) return false;
    m_draft = *after;
    return true;
}

// ---- Saving --------------------------------------------------------------------------------------

Session SessionNotePresenter::with_draft() const {
    Session s = m_session;
    SoapNote note;
    note.subjective = m_draft.subjective;
    note.objective = m_draft.objective;
    note.assessment = m_draft.assessment;
    note.plan = m_draft.plan;
    if (m_draft.pain_before) note.pain_before = PainScore(*m_draft.pain_before, "pain before");
    if (m_draft.pain_after) note.pain_after = PainScore(*m_draft.pain_after, "pain after");
    note.techniques = m_draft.techniques;
    note.adverse_reactions = m_draft.adverse_reactions;
    const bool blank = note.is_blank();
    s.write_note(std::move(note));

    AppointmentStatus status = m_draft.status;
    if (status == AppointmentStatus::scheduled && !blank) status = AppointmentStatus::completed;
    if (status != s.status() ||
        (status == AppointmentStatus::cancelled && m_draft.status_reason != s.status_reason())) {
        switch (status) {
        case AppointmentStatus::scheduled:
            s.restore_status(AppointmentStatus::scheduled, {});
            break;
        case AppointmentStatus::completed:
            s.mark_completed();
            break;
        case AppointmentStatus::cancelled:
            s.cancel(m_draft.status_reason);
            break;
        case AppointmentStatus::no_show:
            s.mark_no_show();
            break;
        }
    }
    return s;
}

void SessionNotePresenter::commit(Session& updated) {
    try {
        db::Transaction tx(m_db);
        db::SessionRepository(m_db).save(updated);
        tx.commit();
    } catch (const ConflictError&) {
        m_conflict = true;
        throw;
    } catch (const LockedRecordError&) {
        // Signed elsewhere since this copy was loaded: the draft stays for the therapist to copy.
        if (!m_session.is_signed()) m_conflict = true;
        throw;
    }
    m_session = std::move(updated);
    m_saved = draft_of(m_session);
    m_draft = m_saved;
    m_read_only = m_session.is_signed();
    m_conflict = false;
    // The stored draft (a scheduled appointment now completed) is where the form stands; the
    // steps before it stay undoable until the note is signed.
    if (m_read_only)
        m_history.reset(m_draft);
    else
        m_history.set_current(m_draft);
}

void SessionNotePresenter::save_draft() {
    if (m_read_only)
        throw LockedRecordError(KW_TR("The note is signed and locked for good; add an amendment instead."));
    if (!is_dirty() && !m_conflict) return;
    Session updated = with_draft();
    commit(updated);
}

std::optional<std::string> SessionNotePresenter::sign_problem() const {
    if (m_read_only) return KW_TR("The note is already signed.");
    const bool blank = text::trim(m_draft.subjective).empty() && text::trim(m_draft.objective).empty() &&
                       text::trim(m_draft.assessment).empty() && text::trim(m_draft.plan).empty() &&
                       m_draft.techniques.empty() && text::trim(m_draft.adverse_reactions).empty();
    if (blank) return KW_TR("The note is blank: write it before signing.");
    if (m_draft.status != AppointmentStatus::scheduled && m_draft.status != AppointmentStatus::completed)
        return fill(
            KW_TR("Only the note of a completed appointment can be signed; this one is marked {status}."),
            {{"status", app::tr(label(m_draft.status))}});
    if (m_clock() < m_session.starts_at())
        return fill(KW_TR("The session has not started yet (it starts at {time}); sign the note after treatment."),
                    {{"time", to_iso(m_session.starts_at().date()) + " " + to_hhmm(m_session.starts_at().time_of_day())}});
    return std::nullopt;
}

void SessionNotePresenter::sign(const std::string& by) {
    if (m_read_only) throw LockedRecordError(KW_TR("The note is already signed."));
    Session updated = with_draft();
    updated.sign(by, m_clock());
    commit(updated);
}

void SessionNotePresenter::add_amendment(const std::string& author, const std::string& reason,
                                         const std::string& text) {
    Session updated = m_session;
    updated.amend(author, m_clock(), reason, text);
    commit(updated);
}

bool SessionNotePresenter::adopt_stored_version() {
    Session stored = db::SessionRepository(m_db).get(m_id);
    m_conflict = false;
    m_session = std::move(stored);
    m_saved = draft_of(m_session);
    if (m_session.is_signed()) {
        m_draft = m_saved;
        m_read_only = true;
        m_history.reset(m_draft);
        return false;
    }
    return true;
}

// ---- Recovery copy -------------------------------------------------------------------------------

std::string SessionNotePresenter::draft_snapshot() const {
    std::string out(snapshot_magic);
    out += "\nsession " + std::to_string(m_id) + '\n';
    for (const auto& [key, field] : soap_keys)
        put_text(out, key, m_draft.text(field));
    put_text(out, "adverse", m_draft.adverse_reactions);
    put_pain(out, "pain_before", m_draft.pain_before);
    put_pain(out, "pain_after", m_draft.pain_after);
    out += "status " + std::string(to_code(m_draft.status)) + '\n';
    put_text(out, "reason", m_draft.status_reason);
    for (const auto& t : m_draft.techniques) {
        out += "technique " + std::string(to_code(t.region)) + ' ' + std::string(to_code(t.side)) + ' ' +
               std::to_string(t.pressure.value()) + ' ' + std::to_string(t.minutes) + ' ' +
               std::to_string(t.technique.size()) + '\n' + t.technique + '\n';
    }
    out += "end\n";
    return out;
}

bool SessionNotePresenter::snapshot_differs(const std::string& snapshot) const {
    const auto snap = parse_snapshot(snapshot);
    return snap && snap->session == m_id && snap->draft != m_draft;
}

bool SessionNotePresenter::restore_snapshot(const std::string& snapshot) {
    if (m_read_only) return false;
    auto snap = parse_snapshot(snapshot);
    if (!snap || snap->session != m_id) return false;
    m_draft = std::move(snap->draft);
    record({"", KW_TR("Restored unsaved text"), false});
    return true;
}

std::string SessionNotePresenter::recovery_file_name() const {
    return "note-" + hex64(fnv1a(m_db.url().target)) + "-" + std::to_string(m_id) + ".draft";
}

} // namespace knotwork::gui
