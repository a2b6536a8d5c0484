#include "assessment/assessment.h"

#include "common/error.h"
#include "common/text.h"

#include <algorithm>
#include <array>

namespace knotwork {

namespace {
constexpr std::array<EnumEntry<DurationClass>, 3> duration_names{{
    {DurationClass::acute, "acute", "Acute (under 6 weeks)"},
    {DurationClass::subacute, "subacute", "Subacute (6-12 weeks)"},
    {DurationClass::chronic, "chronic", "Chronic (over 12 weeks)"},
}};
using Q = PainQuality;
constexpr std::array<EnumEntry<Q>, 6> quality_names{{
    {Q::aching, "aching", "Aching"},
    {Q::sharp, "sharp", "Sharp"},
    {Q::burning, "burning", "Burning"},
    {Q::tingling, "tingling", "Tingling / pins and needles"},
    {Q::radiating, "radiating", "Radiating"},
    {Q::stiffness, "stiffness", "Stiffness"},
}};

void check_grade(const std::string& field, int grade) {
    if (grade < 0 || grade > 3)
        throw ValidationError(field, "must be graded 0 to 3 (got " + std::to_string(grade) + ")");
}
} // namespace

std::span<const EnumEntry<DurationClass>> EnumNames<DurationClass>::entries() { return duration_names; }
std::span<const EnumEntry<Q>> EnumNames<Q>::entries() { return quality_names; }

DurationClass classify_duration(int weeks) {
    if (weeks < 0) throw ValidationError("duration", "cannot be negative");
    if (weeks < 6) return DurationClass::acute;
    if (weeks <= 12) return DurationClass::subacute;
    return DurationClass::chronic;
}

Assessment::Assessment(ClientId client, AssessmentDetails details, Date today) : m_client(client) {
    validate(details, today);
    m_details = std::move(details);
}

void Assessment::revise(AssessmentDetails details, Date today) {
    validate(details, today);
    m_details = std::move(details);
}

void Assessment::validate(AssessmentDetails& d, Date today) {
    if (d.assessed_on.is_special()) throw ValidationError("assessment date", "is not a valid date");
    if (d.assessed_on > today)
        throw ValidationError("assessment date", "is in the future (" + to_iso(d.assessed_on) + ")");
    text::require_clean("therapist", d.therapist, text::short_limit);
    d.chief_complaint = text::require_present("chief complaint", d.chief_complaint, 2000);
    if (d.duration_weeks < 0 || d.duration_weeks > 52 * 100)
        throw ValidationError("duration", "must be between 0 and 5200 weeks (got " +
                                              std::to_string(d.duration_weeks) + ")");
    if (d.onset_date && *d.onset_date > d.assessed_on)
        throw ValidationError("onset date", "is after the assessment date");
    if (d.pain_best > d.pain_worst)
        throw ValidationError("pain best", "is higher than pain at worst (" +
                                               std::to_string(d.pain_best.value()) + " > " +
                                               std::to_string(d.pain_worst.value()) + ")");
    if (d.pain_now < d.pain_best || d.pain_now > d.pain_worst)
        throw ValidationError("pain now", "must lie between pain at best and pain at worst");
    for (std::size_t i = 0; i < d.pain_map.size(); ++i)
        for (std::size_t j = i + 1; j < d.pain_map.size(); ++j)
            if (d.pain_map[i].region == d.pain_map[j].region && d.pain_map[i].side == d.pain_map[j].side)
                throw ValidationError("pain map", std::string(label(d.pain_map[i].region)) + " (" +
                                                      std::string(label(d.pain_map[i].side)) +
                                                      ") is marked twice");
    for (const auto& p : d.palpation) {
        const std::string where = "palpation of " + std::string(label(p.muscle));
        if (is_spinal(p.muscle)) throw ValidationError(where, "is a spinal region, not a muscle");
        check_grade(where + " hypertonicity", p.hypertonicity);
        check_grade(where + " tenderness", p.tenderness);
        if (p.trigger_points < 0 || p.trigger_points > 20)
            throw ValidationError(where + " trigger points", "must be a count from 0 to 20");
        text::require_clean(where + " note", p.note, 2000);
    }
    text::require_clean("aggravating factors", d.aggravating_factors, text::long_limit);
    text::require_clean("easing factors", d.easing_factors, text::long_limit);
    text::require_clean("posture", d.posture, text::long_limit);
    text::require_clean("range of motion", d.range_of_motion, text::long_limit);
    text::require_clean("red-flag notes", d.red_flags.notes, text::long_limit);
    text::require_clean("referred to", d.red_flags.referred_to, text::short_limit);
    text::require_clean("notes", d.notes, text::long_limit);
}

std::optional<double> Assessment::odi_score() const {
    return m_details.odi ? m_details.odi->score() : std::nullopt;
}

std::optional<int> Assessment::rmdq_score() const {
    if (!m_details.rmdq) return std::nullopt;
    return m_details.rmdq->score();
}

std::optional<double> Assessment::psfs_score() const {
    if (!m_details.psfs) return std::nullopt;
    return m_details.psfs->score();
}

bool Assessment::has_trigger_points() const {
    return std::any_of(m_details.palpation.begin(), m_details.palpation.end(),
                       [](const PalpationFinding& p) { return p.trigger_points > 0; });
}

bool Assessment::has_adhesions() const {
    return std::any_of(m_details.palpation.begin(), m_details.palpation.end(),
                       [](const PalpationFinding& p) { return p.adhesions; });
}

int Assessment::max_hypertonicity() const {
    int m = 0;
    for (const auto& p : m_details.palpation) m = std::max(m, p.hypertonicity);
    return m;
}

} // namespace knotwork
