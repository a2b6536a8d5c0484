#include "assessment/assessment_presenter.h"

#include "common/error.h"
#include "common/text.h"
#include "core/translate.h"
#include "database.h"
#include "repositories/assessment_repository.h"
#include "repositories/client_repository.h"
#include "repositories/practice_repository.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <optional>
#include <utility>

namespace knotwork::gui {

namespace {

// "42", "4.3": whole numbers without decimals, others with one.
std::string number(double v) {
    char buf[32];
    if (std::fabs(v - std::round(v)) < 0.05)
        std::snprintf(buf, sizeof buf, "%.0f", std::round(v));
    else
        std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string signed_number(double v) {
    return (v > 0 ? "+" : "") + number(v);
}

bool starts_with(const std::string& s, std::string_view prefix) {
    return s.rfind(prefix, 0) == 0;
}

// The rows the therapist named, trimmed; refused with the row's own number.
std::vector<PsfsActivity> named_psfs_rows(const std::vector<PsfsActivity>& rows) {
    std::vector<PsfsActivity> named;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        PsfsActivity a = rows[i];
        a.activity = text::trim(a.activity);
        if (a.activity.empty()) continue;
        const std::string field = "PSFS activity " + std::to_string(i + 1);
        text::require_clean(field, a.activity, text::short_limit);
        if (a.rating < 0 || a.rating > 10)
            throw ValidationError(field + " rating",
                                  "must be between 0 and 10 (got " + std::to_string(a.rating) + ")");
        for (const auto& earlier : named)
            if (text::ascii_lower(earlier.activity) == text::ascii_lower(a.activity))
                throw ValidationError(field, "\"" + a.activity + "\" is listed twice");
        named.push_back(std::move(a));
    }
    return named;
}

// ---- undo and redo: what a step changed -----------------------------------------------------

using Form = AssessmentForm;

// One field of the form as a step names it: the key page_of() understands, the label, and
// whether typing in it coalesces.
struct FormField {
    const char* key;
    const char* label;
    bool typing;
    bool (*differs)(const Form&, const Form&);
};

const std::array<FormField, 20> form_fields{{
    {"assessment date", "Assessment date", false,
     [](const Form& a, const Form& b) { return a.assessed_on != b.assessed_on; }},
    {"therapist", "Therapist", true, [](const Form& a, const Form& b) { return a.therapist != b.therapist; }},
    {"chief complaint", "Chief complaint", true,
     [](const Form& a, const Form& b) { return a.chief_complaint != b.chief_complaint; }},
    {"onset date", "Onset date", false,
     [](const Form& a, const Form& b) { return a.onset_date != b.onset_date; }},
    {"duration", "Duration", true,
     [](const Form& a, const Form& b) { return a.duration_weeks != b.duration_weeks; }},
    {"pain now", "Pain now", true, [](const Form& a, const Form& b) { return a.pain_now != b.pain_now; }},
    {"pain best", "Pain at best", true,
     [](const Form& a, const Form& b) { return a.pain_best != b.pain_best; }},
    {"pain worst", "Pain at worst", true,
     [](const Form& a, const Form& b) { return a.pain_worst != b.pain_worst; }},
    {"aggravating factors", "Aggravating factors", true,
     [](const Form& a, const Form& b) { return a.aggravating_factors != b.aggravating_factors; }},
    {"easing factors", "Easing factors", true,
     [](const Form& a, const Form& b) { return a.easing_factors != b.easing_factors; }},
    {"posture", "Posture", true, [](const Form& a, const Form& b) { return a.posture != b.posture; }},
    {"range of motion", "Range of motion", true,
     [](const Form& a, const Form& b) { return a.range_of_motion != b.range_of_motion; }},
    {"notes", "Other notes", true, [](const Form& a, const Form& b) { return a.notes != b.notes; }},
    {"palpation", "Palpation findings", false,
     [](const Form& a, const Form& b) { return a.palpation != b.palpation; }},
    {"ODI", "Oswestry Disability Index", false, [](const Form& a, const Form& b) { return a.odi != b.odi; }},
    {"Roland-Morris", "Roland-Morris", false,
     [](const Form& a, const Form& b) { return a.rmdq_taken != b.rmdq_taken; }},
    {"Roland-Morris", "Roland-Morris", false, [](const Form& a, const Form& b) { return a.rmdq != b.rmdq; }},
    {"red-flag screen", "Red flags", false,
     [](const Form& a, const Form& b) { return a.red_flags.positive != b.red_flags.positive; }},
    {"referred to", "Referred to", true,
     [](const Form& a, const Form& b) { return a.red_flags.referred_to != b.red_flags.referred_to; }},
    {"red-flag notes", "Red-flag notes", true,
     [](const Form& a, const Form& b) { return a.red_flags.notes != b.red_flags.notes; }},
}};

const PainMapEntry* entry_in(const std::vector<PainMapEntry>& map, const PainMapEntry& like) {
    for (const auto& e : map)
        if (e.region == like.region && e.side == like.side) return &e;
    return nullptr;
}

// The first region whose entry differs between two pain maps, and the change in words
// ("Right piriformis set to 6/10", "Right piriformis cleared", "Right piriformis set to burning").
std::optional<std::pair<RegionKey, std::string>> pain_map_change(const std::vector<PainMapEntry>& before,
                                                                 const std::vector<PainMapEntry>& after) {
    for (const auto& e : after) {
        const RegionKey key{e.region, e.side};
        const PainMapEntry* was = entry_in(before, e);
        if (!was || was->intensity.value() != e.intensity.value())
            return std::pair{key, BodyMapPresenter::region_name(key) + " " + KW_TR("set to") + " " +
                                      std::to_string(e.intensity.value()) + "/10"};
        if (was->quality != e.quality)
            return std::pair{key, BodyMapPresenter::region_name(key) + " " + KW_TR("set to") + " " +
                                      text::ascii_lower(app::tr(label(e.quality)))};
    }
    for (const auto& e : before)
        if (!entry_in(after, e)) {
            const RegionKey key{e.region, e.side};
            return std::pair{key, BodyMapPresenter::region_name(key) + " " + KW_TR("cleared")};
        }
    return std::nullopt;
}

// The step that led from `before` to `after`. Several fields changed at once (an onset date
// that also set the duration) make a step named after the first; it does not coalesce.
EditStep describe_change(const Form& before, const Form& after, const std::vector<PainMapEntry>& map_before,
                         const std::vector<PainMapEntry>& map_after) {
    std::vector<EditStep> changed;
    if (map_before != map_after) {
        const auto change = pain_map_change(map_before, map_after);
        changed.push_back({"pain map", KW_TR("Body map") + (change ? ": " + change->second : ""), false});
    }
    for (const auto& f : form_fields)
        if (f.differs(before, after)) changed.push_back({f.key, app::tr(f.label), f.typing});
    for (std::size_t i = 0; i < std::max(before.psfs.size(), after.psfs.size()); ++i) {
        const PsfsActivity none{};
        const PsfsActivity& a = i < before.psfs.size() ? before.psfs[i] : none;
        const PsfsActivity& b = i < after.psfs.size() ? after.psfs[i] : none;
        if (a != b)
            changed.push_back({"PSFS activity " + std::to_string(i + 1),
                               KW_TR("PSFS activity") + " " + std::to_string(i + 1), true});
    }
    if (changed.empty()) {
        if (before.pain_entered != after.pain_entered) return {"pain now", KW_TR("Pain now"), true};
        if (before.psfs != after.psfs) return {"PSFS activities", KW_TR("PSFS"), false}; // empty rows only
        return {"", KW_TR("Assessment"), false};
    }
    EditStep step = changed.front();
    if (changed.size() > 1) step.coalesce = false;
    return step;
}

} // namespace

AssessmentPresenter::AssessmentPresenter(db::Database& db, ClientId client,
                                         std::optional<AssessmentId> assessment, Date today)
    : m_db(db), m_client(client), m_today(today) {
    m_client_name = db::ClientRepository(db).get(client).sort_name();
    std::vector<Assessment> history = db::AssessmentRepository(db).for_client(client);
    if (assessment) {
        auto it = std::find_if(history.begin(), history.end(),
                               [&](const Assessment& a) { return a.id() == *assessment; });
        if (it == history.end()) {
            if (db::AssessmentRepository(db).find(*assessment))
                throw Error("Assessment " + std::to_string(*assessment) + " belongs to another client.");
            throw NotFoundError("There is no assessment " + std::to_string(*assessment) + ".");
        }
        m_saved = *it;
        load(*it);
    } else {
        m_form.assessed_on = today;
        m_form.therapist = db::PracticeRepository(db).load().therapist_name;
    }
    if (!history.empty() && (!m_saved || history.front().id() != m_saved->id())) m_baseline = history.front();
    m_stored = snapshot();
    m_history.reset(m_stored);
}

void AssessmentPresenter::load(const Assessment& a) {
    const AssessmentDetails& d = a.details();
    m_form.assessed_on = d.assessed_on;
    m_form.therapist = d.therapist;
    m_form.chief_complaint = d.chief_complaint;
    m_form.duration_weeks = d.duration_weeks;
    m_form.onset_date = d.onset_date;
    m_form.pain_now = d.pain_now.value();
    m_form.pain_best = d.pain_best.value();
    m_form.pain_worst = d.pain_worst.value();
    m_form.pain_entered = true;
    m_form.aggravating_factors = d.aggravating_factors;
    m_form.easing_factors = d.easing_factors;
    m_form.posture = d.posture;
    m_form.range_of_motion = d.range_of_motion;
    m_form.palpation = d.palpation;
    m_form.odi = d.odi ? d.odi->sections() : std::array<std::optional<int>, odi_section_count>{};
    m_form.rmdq_taken = d.rmdq.has_value();
    m_form.rmdq = d.rmdq ? d.rmdq->items() : std::bitset<rmdq_item_count>{};
    m_form.psfs = d.psfs ? d.psfs->activities() : std::vector<PsfsActivity>{};
    m_form.red_flags = d.red_flags;
    m_form.notes = d.notes;
    m_body_map.set_pain_map(d.pain_map);
}

std::string AssessmentPresenter::title() const {
    if (!m_saved) return KW_TR("New assessment") + " — " + m_client_name;
    return KW_TR("Assessment of") + " " + to_iso(m_saved->details().assessed_on) + " — " + m_client_name;
}

std::optional<AssessmentId> AssessmentPresenter::saved_id() const {
    if (m_saved) return m_saved->id();
    return std::nullopt;
}

// ---- live scores ---------------------------------------------------------------------------

int AssessmentPresenter::odi_answered() const {
    return static_cast<int>(std::count_if(m_form.odi.begin(), m_form.odi.end(),
                                          [](const std::optional<int>& s) { return s.has_value(); }));
}

std::optional<double> AssessmentPresenter::odi_score() const {
    try {
        return OdiResponses(m_form.odi).score();
    } catch (const ValidationError&) {
        return std::nullopt; // a section outside 0–5; save() names it
    }
}

std::string AssessmentPresenter::odi_answered_text() const {
    return std::to_string(odi_answered()) + " " + KW_TR("of") + " " + std::to_string(odi_section_count) +
           " " + KW_TR("sections answered");
}

std::string AssessmentPresenter::odi_text() const {
    const auto score = odi_score();
    if (!score) return KW_TR("ODI not scored: no section answered");
    return "ODI " + number(std::round(*score)) + "% — " + std::string(label(odi_band(*score))) + " (" +
           std::to_string(odi_answered()) + " " + KW_TR("of") + " " + std::to_string(odi_section_count) +
           " " + KW_TR("answered") + ")";
}

std::optional<int> AssessmentPresenter::rmdq_score() const {
    if (!m_form.rmdq_taken) return std::nullopt;
    return static_cast<int>(m_form.rmdq.count());
}

std::string AssessmentPresenter::rmdq_text() const {
    const auto score = rmdq_score();
    if (!score) return KW_TR("Roland-Morris not taken");
    return "Roland-Morris " + std::to_string(*score) + " " + KW_TR("of") + " " +
           std::to_string(rmdq_item_count);
}

std::optional<double> AssessmentPresenter::psfs_score() const {
    try {
        const auto named = named_psfs_rows(m_form.psfs);
        if (named.empty()) return std::nullopt;
        return PsfsResponses(named).score();
    } catch (const ValidationError&) {
        return std::nullopt;
    }
}

std::string AssessmentPresenter::psfs_text() const {
    try {
        const auto named = named_psfs_rows(m_form.psfs);
        if (named.empty()) return KW_TR("PSFS not taken");
        if (named.size() < 3)
            return KW_TR("PSFS needs 3 to 5 activities") + " (" + std::to_string(named.size()) + " " +
                   KW_TR("named") + ")";
        const PsfsResponses responses(named);
        return KW_TR("PSFS mean") + " " + number(responses.score()) + " (" + std::to_string(named.size()) +
               " " + KW_TR("activities") + ")";
    } catch (const ValidationError& e) {
        return e.what();
    }
}

std::string AssessmentPresenter::duration_text() const {
    if (m_form.duration_weeks < 0) return {};
    return std::string(label(classify_duration(m_form.duration_weeks)));
}

std::optional<int> AssessmentPresenter::weeks_since_onset() const {
    if (!m_form.onset_date || m_form.onset_date->is_special() || m_form.assessed_on.is_special())
        return std::nullopt;
    const long days = (m_form.assessed_on - *m_form.onset_date).days();
    if (days < 0) return std::nullopt;
    return static_cast<int>(days / 7);
}

std::string AssessmentPresenter::pain_problem() const {
    if (m_form.pain_best > m_form.pain_worst) return KW_TR("Pain at best is higher than pain at worst.");
    if (m_form.pain_now < m_form.pain_best || m_form.pain_now > m_form.pain_worst)
        return KW_TR("Pain now must lie between pain at best and pain at worst.");
    return {};
}

// ---- change against the baseline -----------------------------------------------------------

std::optional<OutcomeChange> AssessmentPresenter::pain_change() const {
    if (!m_baseline || !m_form.pain_entered || m_form.pain_now < 0 || m_form.pain_now > 10)
        return std::nullopt;
    return compare_pain(m_baseline->details().pain_now, PainScore(m_form.pain_now));
}

std::optional<OutcomeChange> AssessmentPresenter::odi_change() const {
    if (!m_baseline) return std::nullopt;
    const auto before = m_baseline->odi_score();
    const auto now = odi_score();
    if (!before || !now) return std::nullopt;
    return compare_odi(*before, *now);
}

std::optional<OutcomeChange> AssessmentPresenter::rmdq_change() const {
    if (!m_baseline) return std::nullopt;
    const auto before = m_baseline->rmdq_score();
    const auto now = rmdq_score();
    if (!before || !now) return std::nullopt;
    return compare_rmdq(*before, *now);
}

std::optional<OutcomeChange> AssessmentPresenter::psfs_change() const {
    if (!m_baseline || !m_baseline->details().psfs) return std::nullopt;
    try {
        const auto named = named_psfs_rows(m_form.psfs);
        if (named.size() < 3) return std::nullopt;
        return compare_psfs(*m_baseline->details().psfs, PsfsResponses(named));
    } catch (const ValidationError&) {
        return std::nullopt;
    }
}

std::string AssessmentPresenter::change_text(OutcomeMeasure measure) const {
    std::optional<OutcomeChange> c;
    switch (measure) {
    case OutcomeMeasure::pain:
        c = pain_change();
        break;
    case OutcomeMeasure::odi:
        c = odi_change();
        break;
    case OutcomeMeasure::rmdq:
        c = rmdq_change();
        break;
    case OutcomeMeasure::psfs:
        c = psfs_change();
        break;
    }
    if (!c) return {};
    const double before = measure == OutcomeMeasure::odi ? std::round(c->baseline) : c->baseline;
    const double after = measure == OutcomeMeasure::odi ? std::round(c->latest) : c->latest;
    std::string text = KW_TR("Since baseline") + " (" + to_iso(m_baseline->details().assessed_on) +
                       "): " + number(before) + " → " + number(after) + ", " + signed_number(c->change);
    // The percentage only where the measure's rule uses one (not PSFS, judged in points).
    if (c->percent && meaningful_change(measure).percent > 0)
        text += " (" + signed_number(std::round(*c->percent)) + "%)";
    return text + " — " + std::string(label(c->verdict));
}

// ---- red flags -----------------------------------------------------------------------------

RedFlagVerdict AssessmentPresenter::red_flag_verdict() const {
    return evaluate(m_form.red_flags);
}

std::string AssessmentPresenter::red_flag_text() const {
    const RedFlagVerdict v = red_flag_verdict();
    if (!v.stop_treatment) return {};
    std::string text = std::string(label(v.urgency)) + "\n" + v.advice;
    for (const auto& reason : v.reasons)
        text += "\n• " + reason;
    return text;
}

// ---- saving --------------------------------------------------------------------------------

AssessmentDetails AssessmentPresenter::details() const {
    AssessmentDetails d;
    d.assessed_on = m_form.assessed_on;
    d.therapist = m_form.therapist;
    d.chief_complaint = m_form.chief_complaint;
    d.onset_date = m_form.onset_date;
    d.duration_weeks = m_form.duration_weeks;
    d.pain_now = PainScore(m_form.pain_now, "pain now");
    d.pain_best = PainScore(m_form.pain_best, "pain best");
    d.pain_worst = PainScore(m_form.pain_worst, "pain worst");
    d.pain_map = m_body_map.pain_map();
    d.aggravating_factors = m_form.aggravating_factors;
    d.easing_factors = m_form.easing_factors;
    d.posture = m_form.posture;
    d.range_of_motion = m_form.range_of_motion;
    d.palpation = m_form.palpation;
    if (odi_answered() > 0) d.odi = OdiResponses(m_form.odi);
    if (m_form.rmdq_taken) d.rmdq = RmdqResponses(m_form.rmdq);
    if (auto named = named_psfs_rows(m_form.psfs); !named.empty()) d.psfs = PsfsResponses(std::move(named));
    d.red_flags = m_form.red_flags;
    d.notes = m_form.notes;
    // The record's own rules (dates, pain order, palpation grades, the pain map) and its tidying.
    return Assessment(m_client, std::move(d), m_today).details();
}

AssessmentId AssessmentPresenter::save() {
    const AssessmentDetails d = details(); // refuses before anything is written
    Assessment a = m_saved ? *m_saved : Assessment(m_client, d, m_today);
    if (m_saved) a.revise(d, m_today);
    db::Transaction tx(m_db);
    db::AssessmentRepository repo(m_db);
    if (m_saved)
        repo.update(a);
    else
        repo.add(a);
    tx.commit();
    m_saved = std::move(a);
    m_stored = snapshot();
    m_history.seal();
    return m_saved->id();
}

AssessmentPage AssessmentPresenter::page_of(const std::string& field) {
    if (starts_with(field, "pain map")) return AssessmentPage::body_map;
    if (starts_with(field, "palpation")) return AssessmentPage::palpation;
    if (starts_with(field, "ODI") || starts_with(field, "PSFS") || starts_with(field, "Roland-Morris"))
        return AssessmentPage::outcomes;
    if (starts_with(field, "red-flag") || starts_with(field, "referred to")) return AssessmentPage::red_flags;
    return AssessmentPage::complaint;
}

// ---- undo and redo -------------------------------------------------------------------------

void AssessmentPresenter::record_edit() {
    const Snapshot now = snapshot();
    const Snapshot& last = m_history.current();
    if (now == last) return;
    EditStep step = describe_change(last.form, now.form, last.pain_map, now.pain_map);
    m_history.push(now, std::move(step));
}

bool AssessmentPresenter::can_undo() const {
    return m_history.can_undo() || snapshot() != m_history.current();
}

bool AssessmentPresenter::can_redo() const {
    return m_history.can_redo() && snapshot() == m_history.current();
}

std::string AssessmentPresenter::undo_label() const {
    const Snapshot now = snapshot();
    if (now != m_history.current()) {
        const Snapshot& last = m_history.current();
        return describe_change(last.form, now.form, last.pain_map, now.pain_map).label;
    }
    const EditStep* step = m_history.undo_step();
    return step ? step->label : std::string();
}

std::string AssessmentPresenter::redo_label() const {
    const EditStep* step = can_redo() ? m_history.redo_step() : nullptr;
    return step ? step->label : std::string();
}

void AssessmentPresenter::restore(const Snapshot& to, const Snapshot& from) {
    m_form = to.form;
    m_body_map.set_pain_map(to.pain_map);
    if (const auto change = pain_map_change(from.pain_map, to.pain_map))
        m_body_map.focus_region(change->first);
}

std::optional<AssessmentPage> AssessmentPresenter::undo() {
    record_edit();
    const Snapshot from = snapshot();
    const Snapshot* to = m_history.undo();
    if (!to) return std::nullopt;
    restore(*to, from);
    return page_of(m_history.redo_step()->key);
}

std::optional<AssessmentPage> AssessmentPresenter::redo() {
    if (snapshot() != m_history.current()) return std::nullopt; // a new change: nothing to redo
    const Snapshot from = snapshot();
    const Snapshot* to = m_history.redo();
    if (!to) return std::nullopt;
    restore(*to, from);
    return page_of(m_history.undo_step()->key);
}

bool AssessmentPresenter::is_modified() const {
    return snapshot() != m_stored;
}

} // namespace knotwork::gui
