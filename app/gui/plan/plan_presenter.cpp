#include "plan/plan_presenter.h"

#include "common/error.h"
#include "common/text.h"
#include "core/plan_series.h"
#include "core/translate.h"
#include "repositories/assessment_repository.h"
#include "repositories/client_repository.h"
#include "repositories/practice_repository.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>
#include <tuple>

namespace knotwork::gui {

namespace {

constexpr int default_session_count = 6;
constexpr int pain_goal_drop = 3;
constexpr double odi_goal_drop = 15;
constexpr int psfs_goal_rise = 3; // one activity rising by 3 exceeds measurement error
// How far past the last intended date busy time is read, for sessions that have to move.
constexpr int busy_slack_days = 31;

// "{1} of {2}" with each {n} replaced by the n-th value: word order stays with the translator.
std::string fill(std::string pattern, const std::vector<std::string>& values) {
    for (std::size_t i = 0; i < values.size(); ++i) {
        const std::string key = "{" + std::to_string(i + 1) + "}";
        for (auto at = pattern.find(key); at != std::string::npos; at = pattern.find(key, at + values[i].size()))
            pattern.replace(at, key.size(), values[i]);
    }
    return pattern;
}

// Whole numbers without decimals, others with one: "42", "37.5".
std::string number(double v) {
    char buf[32];
    if (std::abs(v - std::round(v)) < 0.05) std::snprintf(buf, sizeof buf, "%.0f", v);
    else std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string capitalised(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (const auto& p : parts) {
        const std::string t = text::trim(p);
        if (t.empty()) continue;
        if (!out.empty()) out += sep;
        out += t;
    }
    return out;
}

Date next_open_day(const PracticeCalendar& calendar, Date after) {
    Date d = after + boost::gregorian::days(1);
    for (int i = 0; i < 366 && !calendar.is_open(d); ++i) d += boost::gregorian::days(1);
    return d;
}

constexpr HomeCareKind offered_home_care[]{HomeCareKind::stretching, HomeCareKind::hydration, HomeCareKind::heat,
                                          HomeCareKind::self_massage, HomeCareKind::pain_journal};

} // namespace

PlanPresenter::PlanPresenter(db::Database& db, ClientId client, Date today)
    : m_db(db), m_today(today), m_client(db::ClientRepository(db).get(client)) {
    auto assessments = db::AssessmentRepository(db).for_client(client);
    if (!assessments.empty()) m_assessment = std::move(assessments.back());
    m_profile = db::PracticeRepository(db).load();
    m_calendar = app::calendar_of(m_profile);
    m_cautions = m_assessment ? cautions_for(m_client, *m_assessment) : cautions_for(m_client);
    fill_defaults();
    m_stored = draft();
    m_history.reset(m_stored); // the defaults are where the therapist starts: nothing to undo
}

void PlanPresenter::fill_defaults() {
    // Techniques: the advisor's ranking; the recommended ones accepted with its reasons.
    if (m_assessment) {
        const TechniqueCatalogue catalogue = standard_catalogue();
        for (auto& advice : advise(*m_assessment, m_client, catalogue)) {
            TechniqueChoice c;
            const Technique* t = catalogue.find(advice.code);
            c.purpose = t ? t->purpose : std::string();
            c.rationale = default_rationale(advice, c.purpose);
            c.accepted = advice.suitability == Suitability::recommended;
            c.advice = std::move(advice);
            m_techniques.push_back(std::move(c));
        }
    }

    // Goals from the assessment the plan starts from.
    if (m_assessment) {
        const auto& a = m_assessment->details();
        const int now = a.pain_now.value();
        if (now > 0) {
            const int target = std::max(0, now - pain_goal_drop);
            m_goals.push_back(Goal{fill(KW_TR("Pain down to {1}/10 (now {2}/10)"),
                                        {std::to_string(target), std::to_string(now)}),
                                   GoalMeasure::pain, double(now), double(target)});
        }
        if (const auto odi = m_assessment->odi_score()) {
            const double target = std::max(0.0, *odi - odi_goal_drop);
            m_goals.push_back(Goal{fill(KW_TR("Oswestry Disability Index down to {1}% (now {2}%)"),
                                        {number(target), number(*odi)}),
                                   GoalMeasure::odi, *odi, target});
        }
        if (a.psfs)
            for (const auto& act : a.psfs->activities())
                m_goals.push_back(Goal{act.activity, GoalMeasure::activity, double(act.rating),
                                       double(std::min(10, act.rating + psfs_goal_rise))});

        // Regions from the pain map; left and right of one region become both sides.
        for (const auto& p : a.pain_map) {
            const auto side = region_side(p.region);
            if (!side) set_region(p.region, p.side);
            else if (*side != p.side) set_region(p.region, Side::bilateral);
        }
    }

    // The series.
    m_series.session_count = default_session_count;
    m_series.frequency = Frequency::weekly;
    m_series.interval_days = 7;
    m_series.session_minutes = m_profile.default_session_minutes;
    m_series.start_date = next_open_day(m_calendar, m_today);
    m_series.start_time = boost::posix_time::hours(9);
    m_series.therapist = !text::trim(m_profile.therapist_name).empty() ? text::trim(m_profile.therapist_name)
                         : m_assessment ? m_assessment->details().therapist
                                        : std::string();
    m_reassess = (m_series.session_count + 1) / 2;

    // Home care: every kind on offer, from its template; heat barred by a heat caution, and
    // self-massage left to the therapist when pressure is limited.
    const bool pressure_limited = max_safe_pressure(m_cautions).value() <= moderate_pressure_max;
    for (HomeCareKind kind : offered_home_care) {
        HomeCareChoice h;
        h.kind = kind;
        h.instructions = std::string(home_care_template(kind));
        if (kind == HomeCareKind::heat && !heat_allowed(m_cautions)) {
            for (const auto& c : m_cautions)
                if (c.restriction == Restriction::no_heat) {
                    h.blocked = fill(KW_TR("Not advised: {1}."), {c.cause + ": " + c.reason});
                    break;
                }
        }
        h.chosen = h.can_choose() && !(kind == HomeCareKind::self_massage && pressure_limited);
        m_home_care.push_back(std::move(h));
    }
}

std::string PlanPresenter::assessment_summary() const {
    if (!m_assessment) return {};
    const auto& a = m_assessment->details();
    std::string s = fill(KW_TR("Assessment of {1}: {2} (pain {3}/10"),
                         {to_iso(a.assessed_on), text::trim(a.chief_complaint), std::to_string(a.pain_now.value())});
    if (const auto odi = m_assessment->odi_score()) s += fill(KW_TR(", ODI {1}%"), {number(*odi)});
    if (const auto psfs = m_assessment->psfs_score()) s += fill(KW_TR(", PSFS {1}"), {number(*psfs)});
    return s + ")";
}

bool PlanPresenter::red_flags_stop() const {
    return m_assessment && m_assessment->red_flag_verdict().stop_treatment;
}

std::string PlanPresenter::blocker() const {
    if (!m_assessment)
        return fill(KW_TR("{1} has no assessment yet. Assess the back first: the plan's techniques and goals "
                          "come from it."),
                    {m_client.display_name()});
    if (red_flags_stop()) {
        const auto verdict = m_assessment->red_flag_verdict();
        return KW_TR("Red flags on the latest assessment: refer first. No treatment can be planned until the "
                     "client has medical clearance and a new assessment. ") +
               verdict.advice;
    }
    return {};
}

std::vector<std::string> PlanPresenter::caution_lines() const {
    // One line per cause, its restrictions in the order the cautions come.
    std::vector<std::pair<std::string, std::vector<std::string>>> by_cause;
    for (const auto& c : m_cautions) {
        auto it = std::find_if(by_cause.begin(), by_cause.end(), [&](const auto& e) { return e.first == c.cause; });
        if (it == by_cause.end()) it = by_cause.insert(by_cause.end(), {c.cause, {}});
        std::string r = restriction_text(c);
        if (!r.empty() && r[0] >= 'A' && r[0] <= 'Z') r[0] = static_cast<char>(r[0] - 'A' + 'a');
        if (std::find(it->second.begin(), it->second.end(), r) == it->second.end()) it->second.push_back(r);
    }
    std::vector<std::string> out;
    for (const auto& [cause, restrictions] : by_cause) out.push_back(cause + ": " + join(restrictions, "; ") + ".");
    return out;
}

std::vector<std::string> PlanPresenter::caution_details() const {
    std::vector<std::string> out;
    for (const auto& c : m_cautions) out.push_back(describe(c));
    return out;
}

// ---- techniques -------------------------------------------------------------------------

std::string PlanPresenter::default_rationale(const TechniqueAdvice& advice, std::string_view purpose) {
    std::string s = join(advice.reasons_for, " ");
    if (s.empty()) s = text::trim(purpose);
    if (advice.suitability == Suitability::use_with_caution && !advice.reasons_against.empty())
        s += (s.empty() ? "" : " ") + KW_TR("Caution: ") + join(advice.reasons_against, " ");
    return s;
}

void PlanPresenter::set_accepted(std::size_t row, bool accepted) {
    TechniqueChoice& c = m_techniques.at(row);
    if (accepted && !c.can_accept())
        throw ValidationError(c.advice.name, KW_TR("is excluded for this client and cannot be accepted: ") +
                                                 join(c.advice.reasons_against, " "));
    c.accepted = accepted;
    record({"technique " + c.advice.code,
            fill(accepted ? KW_TR("Using {1}") : KW_TR("Not using {1}"), {c.advice.name}), false});
}

void PlanPresenter::set_rationale(std::size_t row, std::string rationale) {
    TechniqueChoice& c = m_techniques.at(row);
    c.rationale = std::move(rationale);
    record({"reason for " + c.advice.code, fill(KW_TR("Reason for {1}"), {c.advice.name}), true});
}

// ---- goals --------------------------------------------------------------------------------

void PlanPresenter::add_goal(Goal goal) {
    m_goals.push_back(std::move(goal));
    record({"goal", fill(KW_TR("Goal {1} added"), {std::to_string(m_goals.size())}), false});
}

void PlanPresenter::set_goal(std::size_t row, Goal goal) {
    m_goals.at(row) = std::move(goal);
    record({"goal " + std::to_string(row + 1), fill(KW_TR("Goal {1}"), {std::to_string(row + 1)}), false});
}

void PlanPresenter::remove_goal(std::size_t row) {
    if (row >= m_goals.size()) return;
    m_goals.erase(m_goals.begin() + static_cast<std::ptrdiff_t>(row));
    record({"goal", fill(KW_TR("Goal {1} removed"), {std::to_string(row + 1)}), false});
}

// ---- regions ------------------------------------------------------------------------------

const std::vector<RegionGroup>& PlanPresenter::region_groups() {
    using R = BodyRegion;
    // The low back and what refers pain into it first; the upper body and the front after.
    static const std::vector<RegionGroup> groups{
        {KW_TR("Spine and pelvis"),
         {R::cervical_spine, R::thoracic_spine, R::lumbar_spine, R::sacrum, R::sacroiliac_joint, R::coccyx}},
        {KW_TR("Low back"), {R::erector_spinae_lumbar, R::multifidus, R::quadratus_lumborum}},
        {KW_TR("Hips and legs"),
         {R::gluteus_maximus, R::gluteus_medius, R::gluteus_minimus, R::piriformis, R::tfl_it_band, R::hamstrings}},
        {KW_TR("Upper and mid back"),
         {R::trapezius_middle, R::trapezius_lower, R::rhomboids, R::latissimus_dorsi, R::erector_spinae_thoracic}},
        {KW_TR("Neck and shoulders"), {R::suboccipitals, R::trapezius_upper, R::levator_scapulae}},
        {KW_TR("Front of the body"), {R::iliopsoas, R::abdominals, R::pectorals}},
    };
    return groups;
}

bool PlanPresenter::has_sides(BodyRegion region) {
    return !is_spinal(region) || region == BodyRegion::sacroiliac_joint;
}

Side PlanPresenter::default_side(BodyRegion region) { return has_sides(region) ? Side::bilateral : Side::midline; }

std::optional<Side> PlanPresenter::region_side(BodyRegion region) const {
    for (const auto& r : m_regions)
        if (r.region == region) return r.side;
    return std::nullopt;
}

void PlanPresenter::set_region(BodyRegion region, std::optional<Side> side) {
    const auto it = std::find_if(m_regions.begin(), m_regions.end(),
                                 [region](const TargetRegion& r) { return r.region == region; });
    if (!side) {
        if (it != m_regions.end()) m_regions.erase(it);
    } else if (it != m_regions.end()) {
        it->side = *side;
    } else {
        m_regions.push_back(TargetRegion{region, *side});
    }
    record({"target regions", fill(KW_TR("Target region {1}"), {std::string(label(region))}), false});
}

// ---- series -------------------------------------------------------------------------------

void PlanPresenter::set_series(SeriesSpec series) {
    // The step is named after what changed; numbers and the therapist's name are typed or spun.
    EditStep step{"series", KW_TR("Series"), false};
    if (series.session_count != m_series.session_count)
        step = {"number of sessions", KW_TR("Number of sessions"), true};
    else if (series.frequency != m_series.frequency)
        step = {"series frequency", KW_TR("How often"), false};
    else if (series.interval_days != m_series.interval_days)
        step = {"interval", KW_TR("Interval"), true};
    else if (series.session_minutes != m_series.session_minutes)
        step = {"session length", KW_TR("Session length"), true};
    else if (series.start_date != m_series.start_date)
        step = {"series start", KW_TR("Start date"), false};
    else if (series.start_time != m_series.start_time)
        step = {"series start time", KW_TR("Start time"), false};
    else if (series.therapist != m_series.therapist)
        step = {"therapist", KW_TR("Therapist"), true};
    m_series = std::move(series);
    if (m_reassess_follows_count) m_reassess = (std::max(1, m_series.session_count) + 1) / 2;
    else if (m_reassess && *m_reassess > m_series.session_count) m_reassess = m_series.session_count;
    record(std::move(step));
}

void PlanPresenter::set_reassess_after(std::optional<int> after_session) {
    m_reassess = after_session;
    m_reassess_follows_count = false;
    record({"re-assessment", KW_TR("Re-assessment"), false});
}

// ---- home care ----------------------------------------------------------------------------

HomeCareChoice& PlanPresenter::home_care_choice(HomeCareKind kind) {
    for (auto& h : m_home_care)
        if (h.kind == kind) return h;
    throw ValidationError("home care", "\"" + std::string(label(kind)) + "\" is not offered");
}

void PlanPresenter::set_home_care(HomeCareKind kind, bool chosen) {
    HomeCareChoice& h = home_care_choice(kind);
    if (chosen && !h.can_choose())
        throw ValidationError(fill(KW_TR("home care ({1})"), {std::string(label(kind))}), h.blocked);
    h.chosen = chosen;
    record({"home care (" + std::string(to_code(kind)) + ")",
            fill(KW_TR("Home care: {1}"), {app::tr(label(kind))}), false});
}

void PlanPresenter::set_home_care_text(HomeCareKind kind, std::string instructions) {
    home_care_choice(kind).instructions = std::move(instructions);
    record({"home care (" + std::string(to_code(kind)) + ") text",
            fill(KW_TR("Home care: {1}"), {app::tr(label(kind))}), true});
}

void PlanPresenter::set_notes(std::string notes) {
    m_notes = std::move(notes);
    record({"plan notes", KW_TR("Plan notes"), true});
}

// ---- preview and save ---------------------------------------------------------------------

std::string PlanPresenter::appointment_text(const ScheduledAppointment& a) {
    const Date d = a.date();
    return fill(KW_TR("{1} of {2} — {3} {4} {5}"),
                {std::to_string(a.number), std::to_string(a.of), std::string(d.day_of_week().as_short_string()),
                 to_iso(d), to_hhmm(a.start.time_of_day())});
}

std::vector<PreviewLine> PlanPresenter::preview() {
    const SeriesScheduler scheduler(m_calendar);
    const Date from = m_series.start_date;
    if (from.is_special()) throw ValidationError(KW_TR("series start"), KW_TR("is not a valid date"));
    const int span = series_offset_days(m_series, std::max(0, m_series.session_count - 1));
    Date to = from + boost::gregorian::days(std::max(0, span) + busy_slack_days);
    auto appointments = scheduler.schedule(m_series, app::busy_slots(m_db, from, to));
    // Sessions pushed far past their dates (a long closure) need the busy time there too.
    if (!appointments.empty() && appointments.back().date() > to)
        appointments = scheduler.schedule(m_series, app::busy_slots(m_db, from, appointments.back().date()));

    std::vector<PreviewLine> out;
    for (auto& a : appointments) {
        PreviewLine line;
        line.text = appointment_text(a);
        if (a.moved_from) {
            line.moved = true;
            line.remarks.push_back(capitalised(a.move_reason));
        }
        for (const auto& c : a.clashes) {
            line.clash = true;
            const std::string who = text::trim(c.label).empty() ? KW_TR("a booking") : text::trim(c.label);
            line.remarks.push_back(fill(KW_TR("Clashes with {1} ({2}–{3})"),
                                        {who, to_hhmm(c.start.time_of_day()), to_hhmm(c.end.time_of_day())}));
        }
        if (m_reassess && *m_reassess == a.number) {
            line.reassess = true;
            line.remarks.push_back(KW_TR("Re-assess after this session"));
        }
        line.appointment = std::move(a);
        out.push_back(std::move(line));
    }
    return out;
}

PlanDetails PlanPresenter::details() const {
    PlanDetails d;
    d.created_on = m_today;
    if (m_assessment) d.based_on_assessment = m_assessment->id();
    d.goals = m_goals;
    for (const auto& t : m_techniques)
        if (t.accepted) d.techniques.push_back(ChosenTechnique{t.advice.code, t.rationale});
    d.regions = m_regions;
    d.series = m_series;
    d.reassess_after_sessions = m_reassess;
    for (const auto& h : m_home_care)
        if (h.chosen) d.home_care.push_back(HomeCareItem{h.kind, h.instructions});
    d.notes = m_notes;
    return d;
}

PlanId PlanPresenter::save() {
    if (!m_assessment) throw ValidationError(KW_TR("assessment"), blocker());
    if (red_flags_stop())
        throw ValidationError(KW_TR("red-flag screen"),
                              KW_TR("refer first: red flags on the latest assessment stop treatment. ") +
                                  m_assessment->red_flag_verdict().advice);
    bool any = false;
    for (const auto& t : m_techniques) {
        if (!t.accepted) continue;
        any = true;
        if (!t.can_accept())
            throw ValidationError(t.advice.name, KW_TR("is excluded for this client and cannot be accepted"));
        if (text::trim(t.rationale).empty())
            throw ValidationError(fill(KW_TR("reason for {1}"), {t.advice.name}),
                                  KW_TR("must not be empty: say why it suits this client"));
    }
    if (!any) throw ValidationError(KW_TR("techniques"), KW_TR("accept at least one technique"));
    for (const auto& h : m_home_care) {
        if (!h.chosen) continue;
        const std::string field = fill(KW_TR("home care ({1})"), {std::string(label(h.kind))});
        if (!h.can_choose()) throw ValidationError(field, h.blocked);
        if (text::trim(h.instructions).empty())
            throw ValidationError(field, KW_TR("needs instructions, or untick it"));
    }
    TreatmentPlan plan(m_client.id(), details());
    std::vector<ScheduledAppointment> appointments;
    for (auto& line : preview()) appointments.push_back(std::move(line.appointment));
    m_saved = app::create_plan_with_series(m_db, plan, appointments);
    m_stored = draft();
    m_history.seal();
    return m_saved;
}

PlanPage PlanPresenter::page_of(const std::string& field) {
    auto starts = [&](std::string_view prefix) { return field.rfind(prefix, 0) == 0; };
    if (starts("goal") || starts("target regions")) return PlanPage::goals;
    if (starts("home care") || starts("plan notes")) return PlanPage::home_care;
    if (starts("number of sessions") || starts("session length") || starts("interval") || starts("series") ||
        starts("therapist") || starts("re-assessment") || starts("holidays") || starts("appointments"))
        return PlanPage::series;
    return PlanPage::techniques;
}

// ---- undo and redo ------------------------------------------------------------------------

PlanPresenter::Draft PlanPresenter::draft() const {
    Draft d;
    for (const auto& t : m_techniques) d.techniques.emplace_back(t.accepted, t.rationale);
    d.goals = m_goals;
    d.regions = m_regions;
    d.series = m_series;
    d.reassess = m_reassess;
    d.reassess_follows_count = m_reassess_follows_count;
    for (const auto& h : m_home_care) d.home_care.emplace_back(h.chosen, h.instructions);
    d.notes = m_notes;
    return d;
}

void PlanPresenter::apply(const Draft& d) {
    for (std::size_t i = 0; i < m_techniques.size() && i < d.techniques.size(); ++i)
        std::tie(m_techniques[i].accepted, m_techniques[i].rationale) = d.techniques[i];
    m_goals = d.goals;
    m_regions = d.regions;
    m_series = d.series;
    m_reassess = d.reassess;
    m_reassess_follows_count = d.reassess_follows_count;
    for (std::size_t i = 0; i < m_home_care.size() && i < d.home_care.size(); ++i)
        std::tie(m_home_care[i].chosen, m_home_care[i].instructions) = d.home_care[i];
    m_notes = d.notes;
}

void PlanPresenter::record(EditStep step) { m_history.push(draft(), std::move(step)); }

std::string PlanPresenter::undo_label() const {
    const EditStep* step = m_history.undo_step();
    return step ? step->label : std::string();
}

std::string PlanPresenter::redo_label() const {
    const EditStep* step = m_history.redo_step();
    return step ? step->label : std::string();
}

std::optional<PlanPage> PlanPresenter::undo() {
    const Draft* before = m_history.undo();
    if (!before) return std::nullopt;
    apply(*before);
    return page_of(m_history.redo_step()->key);
}

std::optional<PlanPage> PlanPresenter::redo() {
    const Draft* after = m_history.redo();
    if (!after) return std::nullopt;
    apply(*after);
    return page_of(m_history.undo_step()->key);
}

bool PlanPresenter::is_modified() const { return draft() != m_stored; }

} // namespace knotwork::gui
