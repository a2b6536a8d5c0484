#include "plan/treatment_plan.h"

#include "common/error.h"
#include "common/text.h"

#include <algorithm>
#include <array>

namespace knotwork {

namespace {
constexpr std::array<EnumEntry<PlanStatus>, 4> status_names{{
    {PlanStatus::draft, "draft", "Draft"},
    {PlanStatus::active, "active", "Active"},
    {PlanStatus::completed, "completed", "Completed"},
    {PlanStatus::discontinued, "discontinued", "Discontinued"},
}};
constexpr std::array<EnumEntry<GoalMeasure>, 5> measure_names{{
    {GoalMeasure::pain, "pain", "Pain score"},
    {GoalMeasure::odi, "odi", "Oswestry Disability Index"},
    {GoalMeasure::rmdq, "rmdq", "Roland-Morris"},
    {GoalMeasure::psfs, "psfs", "Patient-Specific Functional Scale"},
    {GoalMeasure::activity, "activity", "Activity"},
}};
constexpr std::array<EnumEntry<Frequency>, 3> frequency_names{{
    {Frequency::weekly, "weekly", "Weekly"},
    {Frequency::twice_weekly, "twice_weekly", "Twice weekly"},
    {Frequency::every_n_days, "every_n_days", "Every N days"},
}};
using H = HomeCareKind;
constexpr std::array<EnumEntry<H>, 8> home_care_names{{
    {H::stretching, "stretching", "Stretching"},
    {H::hydration, "hydration", "Hydration"},
    {H::heat, "heat", "Heat"},
    {H::self_massage, "self_massage", "Self-massage"},
    {H::pain_journal, "pain_journal", "Pain journal"},
    {H::exercise, "exercise", "Exercise"},
    {H::rest, "rest", "Rest and recovery"},
    {H::other, "other", "Other"},
}};

// Largest value a goal's target may take on its scale.
double scale_max(GoalMeasure m) {
    switch (m) {
    case GoalMeasure::pain: return 10;
    case GoalMeasure::odi: return 100;
    case GoalMeasure::rmdq: return 24;
    case GoalMeasure::psfs: return 10;
    case GoalMeasure::activity: return 0;
    }
    return 0;
}
} // namespace

std::span<const EnumEntry<PlanStatus>> EnumNames<PlanStatus>::entries() { return status_names; }
std::span<const EnumEntry<GoalMeasure>> EnumNames<GoalMeasure>::entries() { return measure_names; }
std::span<const EnumEntry<Frequency>> EnumNames<Frequency>::entries() { return frequency_names; }
std::span<const EnumEntry<H>> EnumNames<H>::entries() { return home_care_names; }

std::string_view home_care_template(HomeCareKind kind) {
    switch (kind) {
    case H::stretching:
        return "Gentle stretches twice a day: knee-to-chest, cat-cow and a supine piriformis "
               "stretch, each held for 30 seconds, three times, never into pain.";
    case H::hydration:
        return "Drink plenty of water before and after each session and through the day.";
    case H::heat:
        return "Warm bath, shower or heat pack on the lower back for 15-20 minutes in the "
               "evening after a session.";
    case H::self_massage:
        return "Tennis-ball self-massage against a wall for the glutes and upper back, 2 minutes "
               "per side, moderate pressure.";
    case H::pain_journal:
        return "Note your pain (0-10) morning and evening, and what helped or aggravated it; "
               "bring the journal to each session.";
    case H::exercise:
        return "A 20-minute walk each day; light activity rather than bed rest.";
    case H::rest:
        return "Avoid heavy lifting and strenuous activity for the rest of the day after a session.";
    case H::other:
        return "";
    }
    return "";
}

TreatmentPlan::TreatmentPlan(ClientId client, PlanDetails details) : m_client(client) {
    validate(details);
    m_details = std::move(details);
}

TreatmentPlan::TreatmentPlan(Restoring, ClientId client, PlanDetails details)
    : m_client(client), m_details(std::move(details)) {}

TreatmentPlan TreatmentPlan::restore(ClientId client, PlanDetails details) {
    return TreatmentPlan(Restoring{}, client, std::move(details));
}

void TreatmentPlan::revise(PlanDetails details) {
    if (m_status == PlanStatus::completed || m_status == PlanStatus::discontinued)
        throw LockedRecordError("A " + std::string(label(m_status)) + " plan cannot be changed.");
    validate(details);
    m_details = std::move(details);
}

void TreatmentPlan::validate(PlanDetails& d) {
    if (d.created_on.is_special()) throw ValidationError("plan date", "is not a valid date");
    auto& s = d.series;
    if (s.session_count < 1 || s.session_count > 52)
        throw ValidationError("number of sessions", "must be between 1 and 52 (got " +
                                                        std::to_string(s.session_count) + ")");
    if (s.session_minutes < 15 || s.session_minutes > 180)
        throw ValidationError("session length", "must be between 15 and 180 minutes (got " +
                                                    std::to_string(s.session_minutes) + ")");
    if (s.frequency == Frequency::every_n_days && (s.interval_days < 1 || s.interval_days > 60))
        throw ValidationError("interval", "must be between 1 and 60 days (got " +
                                              std::to_string(s.interval_days) + ")");
    if (s.frequency == Frequency::weekly) s.interval_days = 7;
    if (s.start_date.is_special()) throw ValidationError("series start", "is not a valid date");
    if (s.start_time.is_negative() || s.start_time >= boost::posix_time::hours(24))
        throw ValidationError("series start time", "is not a time of day");
    text::require_clean("therapist", s.therapist, text::short_limit);
    if (d.reassess_after_sessions &&
        (*d.reassess_after_sessions < 1 || *d.reassess_after_sessions > s.session_count))
        throw ValidationError("re-assessment point", "must fall within the series (after session 1 to " +
                                                         std::to_string(s.session_count) + ")");
    for (std::size_t i = 0; i < d.goals.size(); ++i) {
        auto& g = d.goals[i];
        const std::string field = "goal " + std::to_string(i + 1);
        g.description = text::require_present(field, g.description, 1000);
        if (g.measure != GoalMeasure::activity) {
            if (!g.target) throw ValidationError(field, "needs a target value");
            const double top = scale_max(g.measure);
            if (!(*g.target >= 0 && *g.target <= top)) // also refuses NaN
                throw ValidationError(field + " target", "must lie on the " + std::string(label(g.measure)) +
                                                             " scale (0 to " + std::to_string(static_cast<int>(top)) + ")");
            if (g.baseline && !(*g.baseline >= 0 && *g.baseline <= top))
                throw ValidationError(field + " baseline", "must lie on the " + std::string(label(g.measure)) + " scale");
        }
    }
    for (std::size_t i = 0; i < d.techniques.size(); ++i) {
        auto& t = d.techniques[i];
        const std::string field = "technique " + std::to_string(i + 1);
        t.technique = text::require_present(field, t.technique, 100);
        t.rationale = text::require_present(field + " rationale", t.rationale, 2000);
        for (std::size_t j = 0; j < i; ++j)
            if (d.techniques[j].technique == t.technique)
                throw ValidationError(field, "\"" + t.technique + "\" is chosen twice");
    }
    for (std::size_t i = 0; i < d.regions.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (d.regions[i] == d.regions[j])
                throw ValidationError("target regions", std::string(label(d.regions[i].region)) + " is listed twice");
    for (auto& h : d.home_care) text::require_clean("home care", h.instructions, 5000);
    text::require_clean("plan notes", d.notes, text::long_limit);
}

void TreatmentPlan::activate() {
    if (m_status != PlanStatus::draft)
        throw LockedRecordError("Only a draft plan can be activated (this one is " +
                                std::string(label(m_status)) + ").");
    m_status = PlanStatus::active;
}

void TreatmentPlan::complete() {
    if (m_status != PlanStatus::active)
        throw LockedRecordError("Only an active plan can be completed (this one is " +
                                std::string(label(m_status)) + ").");
    m_status = PlanStatus::completed;
}

void TreatmentPlan::discontinue(std::string reason) {
    if (m_status == PlanStatus::completed || m_status == PlanStatus::discontinued)
        throw LockedRecordError("A " + std::string(label(m_status)) + " plan cannot be discontinued.");
    m_status_reason = text::require_present("reason", reason, 2000);
    m_status = PlanStatus::discontinued;
}

void TreatmentPlan::restore_status(PlanStatus s, std::string reason) {
    m_status = s;
    m_status_reason = std::move(reason);
}

bool TreatmentPlan::uses_technique(std::string_view code) const {
    return std::any_of(m_details.techniques.begin(), m_details.techniques.end(),
                       [code](const ChosenTechnique& t) { return t.technique == code; });
}

} // namespace knotwork
