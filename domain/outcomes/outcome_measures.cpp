#include "outcomes/outcome_measures.h"

#include "common/error.h"
#include "common/text.h"

#include <cmath>
#include <numeric>

namespace knotwork {

namespace {
using S = OdiSection;
constexpr std::array<EnumEntry<S>, odi_section_count> section_names{{
    {S::pain_intensity, "pain_intensity", "Pain intensity"},
    {S::personal_care, "personal_care", "Personal care"},
    {S::lifting, "lifting", "Lifting"},
    {S::walking, "walking", "Walking"},
    {S::sitting, "sitting", "Sitting"},
    {S::standing, "standing", "Standing"},
    {S::sleeping, "sleeping", "Sleeping"},
    {S::sex_life, "sex_life", "Sex life"},
    {S::social_life, "social_life", "Social life"},
    {S::travelling, "travelling", "Travelling"},
}};
constexpr std::array<EnumEntry<OdiBand>, 5> band_names{{
    {OdiBand::minimal, "minimal", "Minimal disability"},
    {OdiBand::moderate, "moderate", "Moderate disability"},
    {OdiBand::severe, "severe", "Severe disability"},
    {OdiBand::crippled, "crippled", "Crippled"},
    {OdiBand::bed_bound, "bed_bound", "Bed-bound"},
}};
constexpr std::array<EnumEntry<ChangeVerdict>, 3> verdict_names{{
    {ChangeVerdict::improved, "improved", "Meaningful improvement"},
    {ChangeVerdict::within_error, "within_error", "Within measurement error"},
    {ChangeVerdict::worsened, "worsened", "Meaningfully worse"},
}};
constexpr std::array<EnumEntry<OutcomeMeasure>, 4> measure_names{{
    {OutcomeMeasure::pain, "pain", "Pain (0-10)"},
    {OutcomeMeasure::odi, "odi", "Oswestry Disability Index"},
    {OutcomeMeasure::rmdq, "rmdq", "Roland-Morris (0-24)"},
    {OutcomeMeasure::psfs, "psfs", "Patient-Specific Functional Scale"},
}};

std::string section_field(OdiSection s) { return "ODI section \"" + std::string(label(s)) + "\""; }

void check_section(OdiSection s, std::optional<int> score) {
    if (score && (*score < 0 || *score > 5))
        throw ValidationError(section_field(s),
                              "must be between 0 and 5 (got " + std::to_string(*score) + ")");
}

// Lower-is-better comparison with a points threshold and a 30% threshold.
OutcomeChange compare_lower_better(OutcomeMeasure m, double baseline, double latest) {
    const ChangeThreshold t = meaningful_change(m);
    OutcomeChange c{m, baseline, latest, latest - baseline, std::nullopt, ChangeVerdict::within_error};
    if (baseline != 0) c.percent = c.change / baseline * 100.0;
    // Small epsilon so 30% of 10 (= 3.0000000001 in floating point) still counts.
    constexpr double eps = 1e-9;
    const double magnitude = std::fabs(c.change);
    const bool by_points = magnitude + eps >= t.points;
    const bool by_percent = c.percent && std::fabs(*c.percent) + eps >= t.percent;
    if (c.change != 0 && (by_points || by_percent))
        c.verdict = c.change < 0 ? ChangeVerdict::improved : ChangeVerdict::worsened;
    return c;
}
} // namespace

std::span<const EnumEntry<S>> EnumNames<S>::entries() { return section_names; }
std::span<const EnumEntry<OdiBand>> EnumNames<OdiBand>::entries() { return band_names; }
std::span<const EnumEntry<ChangeVerdict>> EnumNames<ChangeVerdict>::entries() { return verdict_names; }
std::span<const EnumEntry<OutcomeMeasure>> EnumNames<OutcomeMeasure>::entries() { return measure_names; }

OdiResponses::OdiResponses(const std::array<std::optional<int>, odi_section_count>& scores) {
    for (int i = 0; i < odi_section_count; ++i) check_section(static_cast<OdiSection>(i), scores[static_cast<std::size_t>(i)]);
    m_scores = scores;
}

void OdiResponses::set(OdiSection section, std::optional<int> score) {
    check_section(section, score);
    m_scores[static_cast<std::size_t>(section)] = score;
}

std::optional<int> OdiResponses::get(OdiSection section) const {
    return m_scores[static_cast<std::size_t>(section)];
}

int OdiResponses::answered() const {
    int n = 0;
    for (const auto& s : m_scores) n += s.has_value() ? 1 : 0;
    return n;
}

std::optional<double> OdiResponses::score() const {
    int total = 0, answered_sections = 0;
    for (const auto& s : m_scores) {
        if (!s) continue;
        total += *s;
        ++answered_sections;
    }
    if (answered_sections == 0) return std::nullopt;
    return static_cast<double>(total) / (5.0 * answered_sections) * 100.0;
}

OdiBand odi_band(double percent) {
    if (!(percent >= 0 && percent <= 100)) // also refuses NaN
        throw ValidationError("ODI score", "must be between 0 and 100");
    const double r = std::round(percent);
    if (r <= 20) return OdiBand::minimal;
    if (r <= 40) return OdiBand::moderate;
    if (r <= 60) return OdiBand::severe;
    if (r <= 80) return OdiBand::crippled;
    return OdiBand::bed_bound;
}

void RmdqResponses::set_item(int item, bool yes) {
    if (item < 1 || item > rmdq_item_count)
        throw ValidationError("Roland-Morris item", "must be numbered 1 to 24 (got " + std::to_string(item) + ")");
    m_yes.set(static_cast<std::size_t>(item - 1), yes);
}

bool RmdqResponses::item(int item) const {
    if (item < 1 || item > rmdq_item_count)
        throw ValidationError("Roland-Morris item", "must be numbered 1 to 24 (got " + std::to_string(item) + ")");
    return m_yes.test(static_cast<std::size_t>(item - 1));
}

PsfsResponses::PsfsResponses(std::vector<PsfsActivity> activities) {
    if (activities.size() < 3 || activities.size() > 5)
        throw ValidationError("PSFS activities", "must number 3 to 5 (got " +
                                                     std::to_string(activities.size()) + ")");
    for (std::size_t i = 0; i < activities.size(); ++i) {
        auto& a = activities[i];
        const std::string field = "PSFS activity " + std::to_string(i + 1);
        a.activity = text::require_present(field, a.activity, text::short_limit);
        if (a.rating < 0 || a.rating > 10)
            throw ValidationError(field + " rating", "must be between 0 and 10 (got " +
                                                         std::to_string(a.rating) + ")");
        // compare_psfs matches activities by name, so a name may appear only once.
        for (std::size_t j = 0; j < i; ++j)
            if (text::ascii_lower(activities[j].activity) == text::ascii_lower(a.activity))
                throw ValidationError(field, "\"" + a.activity + "\" is listed twice");
    }
    m_activities = std::move(activities);
}

double PsfsResponses::score() const {
    const int sum = std::accumulate(m_activities.begin(), m_activities.end(), 0,
                                    [](int s, const PsfsActivity& a) { return s + a.rating; });
    return static_cast<double>(sum) / static_cast<double>(m_activities.size());
}

ChangeThreshold meaningful_change(OutcomeMeasure m) {
    switch (m) {
    case OutcomeMeasure::pain: return {2, 30};
    case OutcomeMeasure::odi: return {10, 30};
    case OutcomeMeasure::rmdq: return {5, 30};
    case OutcomeMeasure::psfs: return {2, 0}; // mean points; one activity: 3 points
    }
    throw Error("unknown outcome measure");
}

OutcomeChange compare_pain(PainScore baseline, PainScore latest) {
    return compare_lower_better(OutcomeMeasure::pain, baseline.value(), latest.value());
}

OutcomeChange compare_odi(double baseline_percent, double latest_percent) {
    for (double v : {baseline_percent, latest_percent})
        if (!(v >= 0 && v <= 100)) throw ValidationError("ODI score", "must be between 0 and 100");
    return compare_lower_better(OutcomeMeasure::odi, baseline_percent, latest_percent);
}

OutcomeChange compare_rmdq(int baseline, int latest) {
    for (int v : {baseline, latest})
        if (v < 0 || v > rmdq_item_count)
            throw ValidationError("Roland-Morris score", "must be between 0 and 24 (got " + std::to_string(v) + ")");
    return compare_lower_better(OutcomeMeasure::rmdq, baseline, latest);
}

OutcomeChange compare_psfs(const PsfsResponses& baseline, const PsfsResponses& latest) {
    OutcomeChange c{OutcomeMeasure::psfs, baseline.score(), latest.score(), 0, std::nullopt,
                    ChangeVerdict::within_error};
    c.change = c.latest - c.baseline;
    if (c.baseline != 0) c.percent = c.change / c.baseline * 100.0;
    constexpr double eps = 1e-9;
    bool one_up = false, one_down = false;
    for (const auto& b : baseline.activities())
        for (const auto& l : latest.activities())
            if (text::ascii_lower(text::trim(b.activity)) == text::ascii_lower(text::trim(l.activity))) {
                one_up = one_up || l.rating - b.rating >= 3;
                one_down = one_down || b.rating - l.rating >= 3;
            }
    if (c.change + eps >= 2 || (one_up && !one_down && c.change >= 0))
        c.verdict = ChangeVerdict::improved;
    else if (-c.change + eps >= 2 || (one_down && !one_up && c.change <= 0))
        c.verdict = ChangeVerdict::worsened;
    return c;
}

} // namespace knotwork
