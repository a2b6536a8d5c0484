#pragma once
// An assessment of the client's back on one day: the complaint, pain scores, where it hurts (pain
// map), what the hands found (palpation), outcome measures and the red-flag screen. The first
// assessment is the baseline that later ones are compared with.
#include "client/client.h"
#include "common/body_region.h"
#include "common/bounded.h"
#include "common/dates.h"
#include "outcomes/outcome_measures.h"
#include "screening/red_flags.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace knotwork {

using AssessmentId = std::int64_t;

// Acute: under 6 weeks; subacute: 6 to 12 weeks; chronic: over 12 weeks.
enum class DurationClass { acute, subacute, chronic };
KNOTWORK_ENUM_NAMES(DurationClass, "duration class");
DurationClass classify_duration(int weeks);

enum class PainQuality { aching, sharp, burning, tingling, radiating, stiffness };
KNOTWORK_ENUM_NAMES(PainQuality, "pain quality");

struct PainMapEntry {
    BodyRegion region;
    Side side;
    PainScore intensity{0};
    PainQuality quality = PainQuality::aching;
    bool operator==(const PainMapEntry&) const = default;
};

// What palpation found in one muscle. Grades are 0 (none) to 3 (marked).
struct PalpationFinding {
    BodyRegion muscle;
    Side side;
    int hypertonicity = 0;
    int tenderness = 0;
    int trigger_points = 0; // count of active trigger points found
    bool adhesions = false;
    std::string note;
    bool operator==(const PalpationFinding&) const = default;
};

struct AssessmentDetails {
    Date assessed_on;
    std::string therapist;
    std::string chief_complaint;
    std::optional<Date> onset_date;
    int duration_weeks = 0;             // how long the complaint has lasted at assessment
    PainScore pain_now{0};
    PainScore pain_best{0};
    PainScore pain_worst{0};
    std::vector<PainMapEntry> pain_map;
    std::string aggravating_factors;
    std::string easing_factors;
    std::string posture;
    std::string range_of_motion;
    std::vector<PalpationFinding> palpation;
    std::optional<OdiResponses> odi;
    std::optional<RmdqResponses> rmdq;
    std::optional<PsfsResponses> psfs;
    RedFlagScreen red_flags;
    std::string notes;
    bool operator==(const AssessmentDetails&) const = default;
};

class Assessment {
public:
    // Throws ValidationError for: an empty complaint, a date in the future, best pain above
    // worst, pain now outside best..worst, a negative duration, an onset after the assessment,
    // palpation grades outside 0–3, a duplicate region and side on the pain map.
    Assessment(ClientId client, AssessmentDetails details, Date today);

    AssessmentId id() const noexcept { return m_id; }
    void set_id(AssessmentId id) noexcept { m_id = id; }
    ClientId client_id() const noexcept { return m_client; }
    int version() const noexcept { return m_version; }
    void set_version(int v) noexcept { m_version = v; }

    const AssessmentDetails& details() const noexcept { return m_details; }
    void revise(AssessmentDetails details, Date today);

    DurationClass duration_class() const { return classify_duration(m_details.duration_weeks); }
    std::optional<double> odi_score() const;
    std::optional<int> rmdq_score() const;
    std::optional<double> psfs_score() const;
    RedFlagVerdict red_flag_verdict() const { return evaluate(m_details.red_flags); }

    // Summaries the technique advisor reasons over.
    bool has_trigger_points() const;
    bool has_adhesions() const;
    int max_hypertonicity() const;

private:
    static void validate(AssessmentDetails& d, Date today);

    AssessmentId m_id = 0;
    ClientId m_client = 0;
    int m_version = 0;
    AssessmentDetails m_details;
};

} // namespace knotwork
