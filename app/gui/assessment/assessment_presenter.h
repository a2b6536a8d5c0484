#pragma once
// The assessment being written or edited, without a window: every field as the dialog holds it,
// the live scores (ODI with its band and how many sections are answered, Roland-Morris, PSFS
// mean), the change against the client's baseline assessment with its verdict, the red-flag
// verdict, and save(), which validates and writes in one transaction.
//
// The form holds what the therapist has typed so far, valid or not; only save() (and details())
// turn it into a domain Assessment, so a half-filled form never throws while being edited.
//
// Undo and redo cover the form and the body map together; every click or intensity change on the
// body map is a step of its own.
#include "assessment/assessment.h"
#include "assessment/body_map_presenter.h"
#include "common/edit_history.h"

#include <array>
#include <bitset>
#include <optional>
#include <string>
#include <vector>

namespace knotwork::db {
class Database;
}

namespace knotwork::gui {

struct AssessmentForm {
    Date assessed_on;
    std::string therapist;
    std::string chief_complaint;
    int duration_weeks = 0;
    std::optional<Date> onset_date;
    int pain_now = 0;
    int pain_best = 0;
    int pain_worst = 0;
    // Whether the pain scores hold what the therapist entered rather than the blank form's zeros:
    // until then there is no pain change to show. True for a loaded assessment.
    bool pain_entered = false;
    std::string aggravating_factors;
    std::string easing_factors;
    std::string posture;
    std::string range_of_motion;
    std::vector<PalpationFinding> palpation;
    std::array<std::optional<int>, odi_section_count> odi{}; // OdiSection order; none = not answered
    bool rmdq_taken = false;                                 // false: no Roland-Morris this time
    std::bitset<rmdq_item_count> rmdq;                       // item n is bit n - 1
    std::vector<PsfsActivity> psfs;                          // rows with an empty name are ignored
    RedFlagScreen red_flags;
    std::string notes;
    bool operator==(const AssessmentForm&) const = default;
};

// The dialog's pages, so a refused save can show the page that holds the field.
enum class AssessmentPage { complaint, body_map, palpation, outcomes, red_flags };

inline constexpr std::size_t psfs_max_activities = 5;

class AssessmentPresenter {
public:
    // `assessment` empty: a new assessment dated `today` for the practice's therapist; otherwise
    // loads it. The client's first assessment, unless it is the one being edited, is the baseline
    // for the change verdicts. Throws NotFoundError for an unknown client or
    // assessment, and Error when the assessment belongs to another client.
    AssessmentPresenter(db::Database& db, ClientId client, std::optional<AssessmentId> assessment,
                        Date today);

    AssessmentForm& form() noexcept { return m_form; }
    const AssessmentForm& form() const noexcept { return m_form; }
    BodyMapPresenter& body_map() noexcept { return m_body_map; }
    const BodyMapPresenter& body_map() const noexcept { return m_body_map; }

    ClientId client() const noexcept { return m_client; }
    const std::string& client_name() const noexcept { return m_client_name; }
    bool is_new() const noexcept { return !m_saved.has_value(); }
    // "New assessment — Okafor, Adaeze"; "Assessment of 2026-03-01 — Okafor, Adaeze".
    std::string title() const;
    Date today() const noexcept { return m_today; }

    // ---- live scores ----
    std::optional<double> odi_score() const; // none until a section is answered
    int odi_answered() const;
    std::string odi_answered_text() const;    // "9 of 10 sections answered"
    std::string odi_text() const;             // "ODI 42% — Severe disability (9 of 10 answered)"
    std::optional<int> rmdq_score() const;    // none unless taken
    std::string rmdq_text() const;            // "Roland-Morris 7 of 24"
    std::optional<double> psfs_score() const; // the mean, once 3–5 activities are named
    std::string psfs_text() const;            // "PSFS mean 4.3 (3 activities)"
    std::string duration_text() const;        // "Chronic (over 12 weeks)"
    // Whole weeks from the onset date to the assessment date; none without an onset date or
    // with an onset after the assessment.
    std::optional<int> weeks_since_onset() const;
    // A problem with the pain scores as they stand ("Pain now must lie between best and worst."),
    // or empty.
    std::string pain_problem() const;

    // ---- change against the baseline ----
    const std::optional<Assessment>& baseline() const noexcept { return m_baseline; }
    std::optional<OutcomeChange> pain_change() const; // none until the pain scores are entered
    std::optional<OutcomeChange> odi_change() const;
    std::optional<OutcomeChange> rmdq_change() const;
    std::optional<OutcomeChange> psfs_change() const;
    // "Since baseline (2026-01-10): 60 → 42, −18 (−30%) — Meaningful improvement"; empty when
    // there is no baseline or the measure was not taken both times.
    std::string change_text(OutcomeMeasure measure) const;

    // ---- red flags ----
    RedFlagVerdict red_flag_verdict() const;
    // Empty when no flag is positive; otherwise the urgency, the advice ("Do not treat. …") and
    // one line per reason.
    std::string red_flag_text() const;

    // ---- saving ----
    // The form as domain details. Throws ValidationError naming the field.
    AssessmentDetails details() const;
    // Validates, then adds (or updates) the assessment in one transaction. Returns its id; after
    // a first save, a second one updates the same assessment. Throws ValidationError (nothing is
    // written), ConflictError when someone else changed it meanwhile, or another Error.
    AssessmentId save();
    std::optional<AssessmentId> saved_id() const;

    // The page that holds a refused field ("pain now" → complaint, "ODI section …" → outcomes).
    static AssessmentPage page_of(const std::string& field);

    // ---- undo and redo ----
    // The dialog changes form() and body_map() in place and calls record_edit() after each change:
    // what changed since the last step becomes a step, named after the field it touched. Typing
    // into one field (or spinning one score) coalesces into one step while it goes on without a
    // pause; a body-map click, an intensity or a quality is always a step of its own.
    // A save keeps the history: undo after a save takes the form back past what is stored, so
    // is_modified() is true again, and nothing stored changes until the next save.
    void record_edit();
    bool can_undo() const;
    bool can_redo() const;
    // The step undo() would take back and the one redo() would bring back, as a person reads it
    // after "Undo: " ("Chief complaint", "Body map: Right piriformis set to 6/10"); "" when there is
    // none.
    std::string undo_label() const;
    std::string redo_label() const;
    // Puts the form and the body map back as they were before the last step (after the step undone
    // last), first recording a change not yet recorded. Returns the page that holds the change, or
    // nullopt when there is nothing to undo (redo). When the step changed the body map, its
    // keyboard focus moves to the region that changed.
    std::optional<AssessmentPage> undo();
    std::optional<AssessmentPage> redo();
    // True when the form or the body map differ from what was loaded (the blank form for a new
    // assessment) or last saved.
    bool is_modified() const;
    // For tests: the clock that decides whether keystrokes are close enough to coalesce.
    void set_edit_clock(EditClock clock) { m_history.set_clock(std::move(clock)); }

private:
    // Everything undo and redo put back.
    struct Snapshot {
        AssessmentForm form;
        std::vector<PainMapEntry> pain_map;
        bool operator==(const Snapshot&) const = default;
    };
    Snapshot snapshot() const { return {m_form, m_body_map.pain_map()}; }
    void restore(const Snapshot& to, const Snapshot& from);

    void load(const Assessment& a);

    db::Database& m_db;
    ClientId m_client;
    Date m_today;
    std::string m_client_name;
    AssessmentForm m_form;
    BodyMapPresenter m_body_map;
    std::optional<Assessment> m_saved;    // the stored assessment being edited
    std::optional<Assessment> m_baseline; // the client's first assessment, unless it is this one
    Snapshot m_stored;                    // as loaded or last saved
    EditHistory<Snapshot> m_history{Snapshot{}};
};

} // namespace knotwork::gui
