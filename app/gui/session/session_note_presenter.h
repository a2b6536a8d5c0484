#pragma once
// What the SOAP note editor knows and decides, without a window: it loads one appointment with
// its client, the plan it belongs to ("Session 3 of 6" and the plan's focus) and the client's
// cautions; holds the therapist's draft (S, O, A, P, pain before and after, technique rows,
// adverse reactions, appointment status) and whether it differs from what is stored; saves the
// draft, signs it, appends amendments, each as one transaction. It warns (never refuses) when a
// technique row goes against a caution, offers a fixed bank of quick phrases per SOAP field, and
// writes and reads a recovery copy of unsaved text.
//
// Promises:
//  - Nothing the therapist typed is dropped by a failed save: on any error, ConflictError
//    included, the draft stays as it was and is still dirty.
//  - Once signed (here or elsewhere) the presenter is read-only: save_draft() throws
//    LockedRecordError and the draft setters do nothing; only add_amendment() writes.
//  - Saving a non-blank note on a scheduled appointment marks it completed.
//
//  - Every change to the draft is a step that undo() takes back (see "Undo and redo").
//
// Text is UTF-8. Carets are counted in code points, as text controls count them. No wxWidgets.
#include "client/client.h"
#include "common/edit_history.h"
#include "plan/treatment_plan.h"
#include "screening/cautions.h"
#include "session/session.h"
#include "technique/technique.h"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace knotwork::db {
class Database;
}

namespace knotwork::gui {

enum class SoapField { subjective, objective, assessment, plan };

// Everything the therapist edits: the note and the appointment's status.
struct NoteDraft {
    std::string subjective;
    std::string objective;
    std::string assessment;
    std::string plan;
    std::optional<int> pain_before; // 0–10, or not recorded
    std::optional<int> pain_after;
    std::vector<AppliedTechnique> techniques;
    std::string adverse_reactions;
    AppointmentStatus status = AppointmentStatus::scheduled;
    std::string status_reason; // why it was cancelled
    bool operator==(const NoteDraft&) const = default;

    std::string& text(SoapField f);
    const std::string& text(SoapField f) const;
};

// Something the therapist should look at before signing; it never blocks a save.
struct NoteWarning {
    std::optional<std::size_t> row; // the technique row it is about (0-based), if any
    std::string text;
};

// A technique the grid offers: plan techniques first, then the rest of the catalogue.
struct AppliedTechniqueChoice {
    std::string code;
    std::string name;
    bool in_plan = false;
};

// The text of a field after a quick phrase went in, and where the caret goes (code points).
struct PhraseInsertion {
    std::string text;
    std::size_t caret = 0;
};

class SessionNotePresenter {
  public:
    using Clock = std::function<DateTime()>;

    // How many quick phrases each field has: Alt+1 … Alt+9.
    static constexpr int phrase_count = 9;

    // Loads the session (NotFoundError when there is none), its client, plan and cautions.
    // `clock` gives the time stamped on a signature or amendment.
    SessionNotePresenter(db::Database& db, SessionId session, Clock clock = &now_local);

    // ---- What the header shows -------------------------------------------------------------
    const Session& session() const noexcept { return m_session; }
    const Client& client() const noexcept { return m_client; }
    const std::optional<TreatmentPlan>& plan() const noexcept { return m_plan; }
    std::string client_name() const;
    // "Session 2 of 6", or "" when the appointment belongs to no series.
    std::string series_text() const;
    // "09:00–10:00"
    std::string time_text() const;
    // "Signed by Sam Lee on 2026-06-02 at 10:15", or "" while unsigned.
    std::string signature_text() const;
    // The plan's techniques with the reason for each, target regions and home care, one item a
    // line; "" when the session belongs to no plan.
    std::string focus_text() const;

    const std::vector<Caution>& cautions() const noexcept { return m_cautions; }
    // One line per caution: "No deep pressure (6 at most) — Takes anticoagulants (Warfarin 5 mg)".
    std::vector<std::string> caution_lines() const;
    Pressure max_safe_pressure() const noexcept { return m_max_safe; }

    // ---- The draft ---------------------------------------------------------------------------
    const NoteDraft& draft() const noexcept { return m_draft; }
    bool is_dirty() const { return !m_read_only && m_draft != m_saved; }
    bool is_read_only() const noexcept { return m_read_only; }

    // Each setter ignores the change when the presenter is read-only.
    void set_text(SoapField field, std::string text);
    void set_pain_before(std::optional<int> score);
    void set_pain_after(std::optional<int> score);
    void set_adverse_reactions(std::string text);
    void set_status(AppointmentStatus status, std::string reason = {});

    std::vector<AppliedTechniqueChoice> technique_choices() const;
    // A sensible new row: the plan's first technique and region, a pressure within the safe
    // maximum, 10 minutes. Appends it and returns its index.
    std::size_t add_technique_row();
    void set_technique_row(std::size_t row, AppliedTechnique technique); // std::out_of_range
    void remove_technique_row(std::size_t row);                          // std::out_of_range
    // "Hot stone massage"; the code itself when the catalogue does not know it.
    std::string technique_name(const std::string& code) const;

    // Pressure above the client's safe maximum (or a local limit on the row's region), a region
    // to avoid, a technique a caution excludes (hot stones under a heat caution, deep work when
    // deep pressure is unsafe). In row order.
    std::vector<NoteWarning> warnings() const;

    // ---- Quick phrases -----------------------------------------------------------------------
    // The field's phrases, in order; phrase n (1-based) is bound to Alt+n.
    static std::vector<std::string> quick_phrases(SoapField field);
    // Puts phrase `number` (1-based) into the field at `caret` (code points), with a space on
    // either side where the neighbouring text needs one, and updates the draft. nullopt when the
    // number is out of range or the presenter is read-only.
    std::optional<PhraseInsertion> insert_quick_phrase(SoapField field, int number, std::size_t caret);

    // ---- Undo and redo -------------------------------------------------------------------------
    // Each setter, row change, quick phrase and restored snapshot is one step. Typing into one
    // field (or spinning one pain score, or typing the reason for cancelling) is one step for as
    // long as it goes on without a pause (EditHistoryLimits).
    // A save keeps the history: undo after a save takes the draft back past what is stored, so
    // the note is dirty again (is_dirty()) and nothing stored changes until it is saved again.
    // A signed note has nothing to undo: signing, here or elsewhere, clears the history.
    bool can_undo() const noexcept { return !m_read_only && m_history.can_undo(); }
    bool can_redo() const noexcept { return !m_read_only && m_history.can_redo(); }
    // The step undo() would take back, and the one redo() would bring back, as a person reads it
    // after "Undo: " ("Subjective", "Technique row 2"); "" when there is none.
    std::string undo_label() const;
    std::string redo_label() const;
    // The draft as it was before the last step (after the step undone last). False when there is
    // nothing to undo (redo) or the presenter is read-only.
    bool undo();
    bool redo();
    // For tests: the clock that decides whether keystrokes are close enough to coalesce.
    void set_edit_clock(EditClock clock) { m_history.set_clock(std::move(clock)); }

    // ---- Saving ------------------------------------------------------------------------------
    // Saves the draft in one transaction. Throws ValidationError (the draft is kept),
    // ConflictError when someone else saved first (the draft is kept; see adopt_stored_version),
    // LockedRecordError once signed.
    void save_draft();
    // Why the note cannot be signed as it stands (blank, or the appointment is not completed),
    // or nullopt when it can. Marking a scheduled appointment completed is not a reason.
    std::optional<std::string> sign_problem() const;
    // Saves the draft and signs it as `by`, in one transaction; afterwards the presenter is
    // read-only. Throws as save_draft, and ValidationError when the domain refuses to sign.
    void sign(const std::string& by);
    // Appends a correction to the signed note and saves it. Throws ValidationError for a missing
    // author, reason or text, or when the note is not signed.
    void add_amendment(const std::string& author, const std::string& reason, const std::string& text);

    // True after a save failed with ConflictError, until a save succeeds.
    bool has_conflict() const noexcept { return m_conflict; }
    // After a conflict: takes the stored copy as the new base and keeps the draft, so the next
    // save writes the therapist's text over the other change. Returns false (and drops the draft
    // for the stored note) when the stored copy has been signed meanwhile.
    bool adopt_stored_version();

    // ---- Recovery copy of unsaved text -------------------------------------------------------
    // The draft as text that restore_snapshot() reads back exactly.
    std::string draft_snapshot() const;
    // True when `snapshot` is a readable copy for this session whose draft differs from the
    // current one (worth offering to restore).
    bool snapshot_differs(const std::string& snapshot) const;
    // Replaces the draft with the snapshot's. False (nothing changes) when it is unreadable,
    // belongs to another session, or the presenter is read-only.
    bool restore_snapshot(const std::string& snapshot);
    // A file name unique to this practice and session: "note-1a2b3c4d5e6f7081-42.draft".
    std::string recovery_file_name() const;

  private:
    void load();
    // The stored session with the draft applied: note, status, completion on a written note.
    Session with_draft() const;
    void commit(Session& updated);
    static NoteDraft draft_of(const Session& s);
    // Records the draft as it now stands as one step of the history.
    void record(EditStep step);

    db::Database& m_db;
    SessionId m_id;
    Clock m_clock;
    TechniqueCatalogue m_catalogue;
    Session m_session;
    Client m_client;
    std::optional<TreatmentPlan> m_plan;
    std::vector<Caution> m_cautions;
    Pressure m_max_safe{10};
    NoteDraft m_saved;
    NoteDraft m_draft;
    bool m_read_only = false;
    bool m_conflict = false;
    EditHistory<NoteDraft> m_history{NoteDraft{}};
};

} // namespace knotwork::gui
