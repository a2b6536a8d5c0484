#pragma once
// The logic of the plan dialog (workflow 3, "Plan a series"), in plain C++ and tested without a
// display. For one client it loads the latest assessment and the cautions, runs the technique
// advisor, and holds the plan being edited: the techniques the therapist accepts with the reason
// for each, measurable goals, target regions, the series and its re-assessment point, the
// home-care programme and notes. preview() turns the series into dated appointments on the
// practice's calendar, marking the ones moved off closed days and the ones that clash with
// bookings already made; save() stores the plan and its appointments as one unit of work.
//
// What it promises:
//  - Without an assessment, or when the assessment's red-flag screen says stop, blocker() says
//    why and save() refuses with that reason (refer first); nothing is stored.
//  - An excluded technique can never be accepted; its reasons say why.
//  - Defaults come from the assessment planned from: accepted = the recommended techniques, each
//    with the advisor's reasons as its rationale; goals = pain down by 3 (not below 0), ODI down
//    by 15 points when an ODI was taken, one goal per PSFS activity; regions = the pain map;
//    series = 6 weekly sessions of the practice's default length from the next open day at 09:00
//    with the practice's therapist; re-assess after session ceil(N/2) (following the count until
//    the therapist sets it); home care from the templates, heat left out when a caution bars it.
//  - Every change the therapist makes is a step that undo() takes back.
#include "assessment/assessment.h"
#include "client/client.h"
#include "common/edit_history.h"
#include "plan/treatment_plan.h"
#include "practice/practice_profile.h"
#include "schedule/series_scheduler.h"
#include "screening/cautions.h"
#include "technique/advisor.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace knotwork::db {
class Database;
}

namespace knotwork::gui {

// One row of the advisor's ranked list, with the therapist's decision.
struct TechniqueChoice {
    TechniqueAdvice advice;
    std::string purpose;   // what the technique is for, from the catalogue
    bool accepted = false;
    std::string rationale; // why it suits this client; goes into the plan

    bool can_accept() const { return advice.suitability != Suitability::excluded; }
};

// One home-care kind the dialog offers.
struct HomeCareChoice {
    HomeCareKind kind = HomeCareKind::other;
    bool chosen = false;
    std::string instructions;
    std::string blocked; // why it cannot be chosen for this client; empty when it can

    bool can_choose() const { return blocked.empty(); }
};

// The dialog's pages, so a refused field or an undone step can show the page that holds it.
enum class PlanPage { techniques, goals, series, home_care };

// Body regions grouped as a therapist looks for them.
struct RegionGroup {
    std::string name;
    std::vector<BodyRegion> regions;
};

// One dated appointment of the preview, with what the therapist should notice about it.
struct PreviewLine {
    ScheduledAppointment appointment;
    std::string text;                 // "3 of 6 — Thu 2026-12-03 09:00"
    std::vector<std::string> remarks; // "Moved from …", "Clashes with …", "Re-assess after this session"
    bool moved = false;
    bool clash = false;
    bool reassess = false;
};

class PlanPresenter {
public:
    // Loads everything for `client` and fills the defaults; `today` decides the start date and
    // the plan's date. Throws NotFoundError for an unknown client.
    PlanPresenter(db::Database& db, ClientId client, Date today);

    const Client& client() const noexcept { return m_client; }
    const std::optional<Assessment>& assessment() const noexcept { return m_assessment; }
    // "Assessment of 2026-03-01: Low back pain … (pain 6/10, ODI 42%)", or "" without one.
    std::string assessment_summary() const;
    // Why no plan can be saved: no assessment yet, or red flags that call for referral. Empty
    // when a plan can be saved.
    std::string blocker() const;
    bool red_flags_stop() const;

    const std::vector<Caution>& cautions() const noexcept { return m_cautions; }
    // One short line per cause for the strip above the pages: "Pregnancy: no deep pressure (6 at
    // most); no heat (no hot stones or heat packs); position with care."
    std::vector<std::string> caution_lines() const;
    // Each caution in full, with its reason ("Takes anticoagulants: deep pressure risks bruising. …").
    std::vector<std::string> caution_details() const;

    // ---- techniques (best first, as the advisor ranks them)
    const std::vector<TechniqueChoice>& techniques() const noexcept { return m_techniques; }
    // Throws ValidationError naming the technique when it is excluded and `accepted` is true.
    void set_accepted(std::size_t row, bool accepted);
    void set_rationale(std::size_t row, std::string rationale);
    // The advisor's reasons for the technique as one paragraph (its purpose when there are none);
    // a use-with-caution technique adds its cautions.
    static std::string default_rationale(const TechniqueAdvice& advice, std::string_view purpose);

    // ---- goals
    const std::vector<Goal>& goals() const noexcept { return m_goals; }
    void add_goal(Goal goal);
    void set_goal(std::size_t row, Goal goal);
    void remove_goal(std::size_t row);

    // ---- target regions: at most one entry per region (both sides = bilateral)
    static const std::vector<RegionGroup>& region_groups();
    // Muscles and the sacroiliac joints have a left and a right; the spinal levels, sacrum and
    // coccyx lie on the midline.
    static bool has_sides(BodyRegion region);
    // Both sides where there are sides, else the midline.
    static Side default_side(BodyRegion region);
    const std::vector<TargetRegion>& regions() const noexcept { return m_regions; }
    std::optional<Side> region_side(BodyRegion region) const;
    // Adds the region with that side (or changes its side); nullopt takes it off the plan.
    void set_region(BodyRegion region, std::optional<Side> side);

    // ---- series
    const SeriesSpec& series() const noexcept { return m_series; }
    // A re-assessment point past the last session moves to the last session.
    void set_series(SeriesSpec series);
    std::optional<int> reassess_after() const noexcept { return m_reassess; }
    // Once set here the re-assessment point no longer follows the session count.
    void set_reassess_after(std::optional<int> after_session);
    const PracticeCalendar& calendar() const noexcept { return m_calendar; }

    // ---- home care: stretching, hydration, heat, self-massage and pain journal
    const std::vector<HomeCareChoice>& home_care() const noexcept { return m_home_care; }
    // Throws ValidationError when the kind is blocked for this client and `chosen` is true.
    void set_home_care(HomeCareKind kind, bool chosen);
    void set_home_care_text(HomeCareKind kind, std::string instructions);

    const std::string& notes() const noexcept { return m_notes; }
    void set_notes(std::string notes);

    // ---- the dated appointments, over what is already booked
    // Throws ValidationError naming the field for a series the scheduler refuses.
    std::vector<PreviewLine> preview();
    // "3 of 6 — Thu 2026-12-03 09:00"
    static std::string appointment_text(const ScheduledAppointment& appointment);

    // The plan as it would be saved (without checks).
    PlanDetails details() const;
    // Checks everything, then stores the plan (active) and its appointments in one transaction.
    // Throws ValidationError naming the field; nothing is stored then.
    PlanId save();
    PlanId saved_plan() const noexcept { return m_saved; }

    // The page that holds a refused field or an undone step ("goal 2 target" → goals,
    // "home care (Heat)" → home care, "number of sessions" → series; techniques otherwise).
    static PlanPage page_of(const std::string& field);

    // ---- undo and redo
    // Every setter above is one step. Typing a reason, home-care words, the notes or the
    // therapist, or spinning a number of the series, is one step while it goes on without a pause.
    // A save keeps the history: undo after a save changes only the plan being edited, so
    // is_modified() is true again, and never the plan stored.
    bool can_undo() const noexcept { return m_history.can_undo(); }
    bool can_redo() const noexcept { return m_history.can_redo(); }
    // The step undo() would take back and the one redo() would bring back, as a person reads it
    // after "Undo: " ("Using Myofascial release", "Number of sessions"); "" when there is none.
    std::string undo_label() const;
    std::string redo_label() const;
    // Puts the plan back as it was before the last step (after the step undone last). Returns the
    // page that holds the change, or nullopt when there is nothing to undo (redo).
    std::optional<PlanPage> undo();
    std::optional<PlanPage> redo();
    // True when the plan differs from the defaults it started from, or from the plan last saved.
    bool is_modified() const;
    // For tests: the clock that decides whether keystrokes are close enough to coalesce.
    void set_edit_clock(EditClock clock) { m_history.set_clock(std::move(clock)); }

private:
    // What the therapist edits, for undo and redo.
    struct Draft {
        std::vector<std::pair<bool, std::string>> techniques; // accepted, rationale; in m_techniques order
        std::vector<Goal> goals;
        std::vector<TargetRegion> regions;
        SeriesSpec series;
        std::optional<int> reassess;
        bool reassess_follows_count = true;
        std::vector<std::pair<bool, std::string>> home_care; // chosen, instructions; in m_home_care order
        std::string notes;
        bool operator==(const Draft&) const = default;
    };
    Draft draft() const;
    void apply(const Draft& d);
    void record(EditStep step);

    void fill_defaults();
    HomeCareChoice& home_care_choice(HomeCareKind kind);

    db::Database& m_db;
    Date m_today;
    Client m_client;
    std::optional<Assessment> m_assessment;
    PracticeProfile m_profile;
    PracticeCalendar m_calendar;
    std::vector<Caution> m_cautions;
    std::vector<TechniqueChoice> m_techniques;
    std::vector<Goal> m_goals;
    std::vector<TargetRegion> m_regions;
    SeriesSpec m_series;
    std::optional<int> m_reassess;
    bool m_reassess_follows_count = true;
    std::vector<HomeCareChoice> m_home_care;
    std::string m_notes;
    PlanId m_saved = 0;
    Draft m_stored; // the defaults, or the plan last saved
    EditHistory<Draft> m_history{Draft{}};
};

} // namespace knotwork::gui
