#pragma once
// A treatment plan: measurable goals, the techniques chosen and why, the regions to treat, the
// series of sessions (how many, how often, how long, from when, with whom), when to re-assess
// and the home-care programme. Status moves draft → active → completed or discontinued.
#include "assessment/assessment.h"
#include "client/client.h"
#include "common/body_region.h"
#include "common/dates.h"
#include "common/enum_names.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace knotwork {

using PlanId = std::int64_t;

enum class PlanStatus { draft, active, completed, discontinued };
KNOTWORK_ENUM_NAMES(PlanStatus, "plan status");

// What a goal is measured by. `activity` goals are the client's own words ("garden for an
// hour") and are judged by the therapist; the others have numeric targets.
enum class GoalMeasure { pain, odi, rmdq, psfs, activity };
KNOTWORK_ENUM_NAMES(GoalMeasure, "goal measure");

struct Goal {
    std::string description;
    GoalMeasure measure = GoalMeasure::activity;
    std::optional<double> baseline;
    std::optional<double> target;
    bool operator==(const Goal&) const = default;
};

struct ChosenTechnique {
    std::string technique; // catalogue code, e.g. "myofascial_release"
    std::string rationale; // why it was chosen for this client
    bool operator==(const ChosenTechnique&) const = default;
};

struct TargetRegion {
    BodyRegion region;
    Side side;
    bool operator==(const TargetRegion&) const = default;
};

enum class Frequency { weekly, twice_weekly, every_n_days };
KNOTWORK_ENUM_NAMES(Frequency, "frequency");

struct SeriesSpec {
    int session_count = 6;
    Frequency frequency = Frequency::weekly;
    int interval_days = 7;      // used when frequency is every_n_days
    int session_minutes = 60;
    Date start_date;
    Duration start_time = boost::posix_time::hours(9);
    std::string therapist;
    bool operator==(const SeriesSpec&) const = default;
};

enum class HomeCareKind { stretching, hydration, heat, self_massage, pain_journal, exercise, rest, other };
KNOTWORK_ENUM_NAMES(HomeCareKind, "home-care kind");

struct HomeCareItem {
    HomeCareKind kind = HomeCareKind::other;
    std::string instructions;
    bool operator==(const HomeCareItem&) const = default;
};

// A ready-made instruction for each kind, which the therapist edits to suit the client.
std::string_view home_care_template(HomeCareKind kind);

struct PlanDetails {
    Date created_on;
    std::optional<AssessmentId> based_on_assessment;
    std::vector<Goal> goals;
    std::vector<ChosenTechnique> techniques;
    std::vector<TargetRegion> regions;
    SeriesSpec series;
    std::optional<int> reassess_after_sessions;
    std::vector<HomeCareItem> home_care;
    std::string notes;
    bool operator==(const PlanDetails&) const = default;
};

class TreatmentPlan {
public:
    // Throws ValidationError: 0 (or more than 52) sessions, a session shorter than 15 or longer
    // than 180 minutes, an every-N-days interval outside 1–60, a re-assessment point past the
    // last session, a goal without description or with a target outside its scale, a technique
    // chosen twice or without rationale.
    TreatmentPlan(ClientId client, PlanDetails details);

    // Used by persistence to restore a stored plan. Every stored plan passed the checks above
    // when it was written, so they are not run again each time it is loaded.
    static TreatmentPlan restore(ClientId client, PlanDetails details);

    PlanId id() const noexcept { return m_id; }
    void set_id(PlanId id) noexcept { m_id = id; }
    ClientId client_id() const noexcept { return m_client; }
    int version() const noexcept { return m_version; }
    void set_version(int v) noexcept { m_version = v; }

    const PlanDetails& details() const noexcept { return m_details; }
    // Only a draft or active plan can be revised. Throws LockedRecordError otherwise.
    void revise(PlanDetails details);

    PlanStatus status() const noexcept { return m_status; }
    void activate();                    // draft → active
    void complete();                    // active → completed
    void discontinue(std::string reason); // draft/active → discontinued
    const std::string& status_reason() const noexcept { return m_status_reason; }
    // Used by persistence to restore a stored status without re-running transitions.
    void restore_status(PlanStatus s, std::string reason);

    bool uses_technique(std::string_view code) const;

private:
    struct Restoring {};
    TreatmentPlan(Restoring, ClientId client, PlanDetails details);
    static void validate(PlanDetails& d);

    PlanId m_id = 0;
    ClientId m_client = 0;
    int m_version = 0;
    PlanDetails m_details;
    PlanStatus m_status = PlanStatus::draft;
    std::string m_status_reason;
};

} // namespace knotwork
