#pragma once
// A progress report: the document that leaves the practice for the client, their physician or an
// insurer. build_progress_report() turns one client's records into what the report says — the
// facts, the scores, the verdicts by the published thresholds, the derived recommendation — as
// plain values. No SQL and no windows: the records come in as domain objects, and renderers
// (pdf_renderer.h, later the desktop preview) only lay out what this model holds.
//
// A report is built from signed notes only. A completed session whose note is not signed yet
// is left out of every figure and listed in `left_out`, so the reader knows.
#include "assessment/assessment.h"
#include "client/client.h"
#include "common/body_region.h"
#include "common/dates.h"
#include "common/enum_names.h"
#include "outcomes/outcome_measures.h"
#include "plan/treatment_plan.h"
#include "practice/practice_profile.h"
#include "session/session.h"
#include "technique/technique.h"

#include <optional>
#include <string>
#include <vector>

namespace knotwork::report {

// Everything recorded about one client that a report may draw on, in any order.
struct ClientHistory {
    Client client;
    std::vector<Assessment> assessments;
    std::vector<TreatmentPlan> plans;
    std::vector<Session> sessions;
};

// What a report covers: one treatment plan's series, or every session between two dates
// (inclusive).
struct ReportPeriod {
    std::optional<PlanId> plan;
    Date from;
    Date to;

    static ReportPeriod of_plan(PlanId plan) { return ReportPeriod{plan, {}, {}}; }
    static ReportPeriod between(Date from, Date to) { return ReportPeriod{std::nullopt, from, to}; }
};

// Derived, in this order: refer when the latest assessment of the period has red flags, or when an
// outcome worsened beyond measurement error and none improved; modify when outcomes went both ways;
// discharge when every measurable goal is met; continue while something improved meaningfully or a
// goal is met or progressing; modify when nothing changed after 4 or more signed sessions or a
// finished series; otherwise continue (too early to judge). The therapist may choose otherwise.
enum class Recommendation { continue_treatment, modify_plan, discharge, refer };

// A numeric goal is met when its latest reading reaches the target, progressing when it improved
// from the baseline beyond measurement error (the measure's published threshold), not met
// otherwise, and not measured when the period has no later reading. An activity goal that names
// one of the client's PSFS activities is judged by that rating: met at 10 ("as before the
// problem"), progressing after a rise of 3 or more; any other activity goal is the therapist's to
// judge and stays not measured.
enum class GoalStatus { met, progressing, not_met, not_measured };

// Where an outcome figure comes from: a formal assessment, or the pain ratings of the signed notes.
enum class OutcomeSource { assessment, session_ratings };

// What the therapist adds when asking for a report.
struct ReportRequest {
    ReportPeriod period;
    Date report_date;
    std::optional<Recommendation> recommendation; // the therapist's own choice; derived when empty
    std::string comment;                          // printed under the recommendation
    std::string home_care_adherence;              // how well the client kept to the home care
};

// ---- The document ----------------------------------------------------------------------------

struct ReportHeader {
    std::string practice_name;
    std::string practice_address; // may hold several lines
    std::string practice_phone;
    std::string therapist;
    std::string licence_number;
    Date report_date;
    Date period_from;
    Date period_to;
    std::optional<PlanId> plan;
    std::string period_description; // "Treatment plan of 5 January 2026: 8 sessions, weekly"
};

struct ClientSummary {
    std::string name;           // given and family name, as on the record
    std::string preferred_name; // empty when none
    std::optional<Date> date_of_birth;
    std::optional<int> age;     // on the report date
    std::string referral_source;
    std::string referring_physician;
};

struct BaselineSummary {
    Date assessed_on;
    std::string therapist;
    std::string chief_complaint;
    DurationClass duration = DurationClass::acute;
    int duration_weeks = 0;
    int pain_now = 0;
    int pain_best = 0;
    int pain_worst = 0;
    std::optional<double> odi;
    std::optional<int> rmdq;
    std::optional<double> psfs;
    std::vector<PsfsActivity> psfs_activities;
    std::vector<PainMapEntry> pain_map; // most intense first
};

struct GoalProgress {
    std::string description;
    GoalMeasure measure = GoalMeasure::activity;
    std::optional<double> baseline;
    std::optional<double> latest;
    std::optional<Date> latest_on;
    std::optional<double> target;
    GoalStatus status = GoalStatus::not_measured;
    std::string evidence; // what the status rests on, in words
};

struct PainPoint {
    Date date;
    std::optional<SeriesPosition> series;
    int before = 0;
    int after = 0;
};

// Pain before and after each signed session that recorded both, oldest first, and where a
// meaningful change from the baseline begins (2 points or 30% of the baseline, whichever is less).
struct PainTrend {
    std::optional<int> baseline;
    std::optional<double> meaningful_below; // a score at or below this is a meaningful improvement
    std::vector<PainPoint> points;
};

struct OutcomeRow {
    OutcomeMeasure measure = OutcomeMeasure::pain;
    OutcomeSource source = OutcomeSource::assessment;
    double baseline = 0;
    Date baseline_on;
    std::optional<double> latest;
    std::optional<Date> latest_on;
    std::optional<OutcomeChange> change; // present when there is a latest value
};

struct Attendance {
    int planned = 0;   // the plan's series length, or the appointments booked in a date range
    int completed = 0;
    int cancelled = 0;
    int no_shows = 0;
    int upcoming = 0;  // booked after the report date
    int signed_notes = 0;
};

struct TechniqueUse {
    std::string code;
    std::string name;
    int sessions = 0;                // signed sessions that used it
    int minutes = 0;                 // total
    std::vector<std::string> regions; // "Quadratus lumborum (left)", most worked first
    int typical_pressure = 0;        // median of every application, 1-10
    int lowest_pressure = 0;
    int highest_pressure = 0;
    std::string rationale;           // as recorded in the plan; empty when the plan does not name it
    std::optional<double> average_pain_change; // after − before, over its sessions rated both times
    int rated_sessions = 0;
};

struct AdverseReaction {
    Date date;
    std::string text;
};

struct RecommendationSection {
    Recommendation recommendation = Recommendation::continue_treatment;
    bool chosen_by_therapist = false;
    std::vector<std::string> reasons; // why it was derived; the therapist's choice keeps them too
    std::string comment;
};

// One appointment of the period, for the session log at the end of the report.
struct SessionEntry {
    DateTime starts_at;
    std::optional<SeriesPosition> series;
    AppointmentStatus status = AppointmentStatus::scheduled;
    std::string therapist;
    bool is_signed = false;
    std::optional<int> pain_before;
    std::optional<int> pain_after;
    std::vector<std::string> techniques; // technique names, in the order applied
    bool amended = false;
    bool adverse_reaction = false;
};

// A treatment plan the period touches, as the session log names it.
struct PlanSummary {
    PlanId id = 0;
    Date created_on;
    PlanStatus status = PlanStatus::active;
    int session_count = 0;
    std::string description; // "Treatment plan of 5 January 2026: 8 sessions of 60 minutes, weekly"
};

struct LeftOutSession {
    DateTime starts_at;
    std::optional<SeriesPosition> series;
};

struct ProgressReport {
    ReportHeader header;
    ClientSummary client;
    std::optional<BaselineSummary> baseline;
    std::optional<Date> latest_assessment_on;
    std::vector<std::string> red_flags; // positive findings in the period's assessments
    std::string red_flag_referral;      // to whom the client was referred
    std::vector<GoalProgress> goals;
    PainTrend pain_trend;
    std::vector<OutcomeRow> outcomes;
    Attendance attendance;
    std::vector<TechniqueUse> techniques; // most sessions first
    std::vector<HomeCareItem> home_care;
    std::string home_care_adherence;
    std::vector<AdverseReaction> adverse_reactions;
    RecommendationSection recommendation;
    std::vector<PlanSummary> plans;     // every plan the period touches, oldest first
    std::vector<SessionEntry> sessions; // oldest first, up to the report date
    std::vector<LeftOutSession> left_out;
};

// Builds the report. Throws NotFoundError when the requested plan is not the client's, and
// ValidationError for a date range that ends before it starts or a missing report date.
ProgressReport build_progress_report(const ClientHistory& history, const PracticeProfile& practice,
                                     const ReportRequest& request,
                                     const TechniqueCatalogue& catalogue = standard_catalogue());

// The technique's name from the catalogue, or its code made readable ("hot_stone" → "Hot stone").
std::string technique_name(const TechniqueCatalogue& catalogue, const std::string& code);

// The notice every rendering prints beside the sessions a report left out.
inline constexpr std::string_view signed_notes_only = "Reports are built from signed notes only.";

} // namespace knotwork::report

namespace knotwork {
KNOTWORK_ENUM_NAMES(report::Recommendation, "recommendation");
KNOTWORK_ENUM_NAMES(report::GoalStatus, "goal status");
KNOTWORK_ENUM_NAMES(report::OutcomeSource, "outcome source");
} // namespace knotwork
