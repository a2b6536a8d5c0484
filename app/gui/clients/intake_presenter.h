#pragma once
// The logic of the intake dialog, in plain C++ (no wxWidgets): the form as the dialog edits it,
// loaded from a stored client or blank for a new one; the live red-flag warning and the cautions
// the health history implies; and save(), which checks the form, writes the client in one
// transaction and returns its id. A positive red flag never stops the client being saved: the
// record, with the flags and the referral, is what matters. A refused field is reported as a
// ValidationError that field_of() turns into the control to put the cursor in. Undo and redo
// step through the changes to the form.
#include "client/client.h"
#include "common/edit_history.h"
#include "screening/cautions.h"
#include "screening/red_flags.h"

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace knotwork::db {
class Database;
}

namespace knotwork::gui {

// Every field of the intake dialog, as the dialog edits it.
struct IntakeForm {
    // Identity & contact
    std::string family_name;
    std::string given_name;
    std::string preferred_name;
    std::optional<Date> date_of_birth;
    std::string phone;
    std::string email;
    std::string address;
    std::string emergency_contact_name;
    std::string emergency_contact_phone;
    std::string referral_source;
    std::string referring_physician;
    std::string occupation;
    ActivityLevel activity = ActivityLevel::moderate;
    // Health history
    std::set<HealthCondition> conditions;
    std::vector<Medication> medications; // in the order the therapist listed them
    std::string allergies;
    std::string health_notes;
    // Preferences & consent
    PressurePreference pressure_preference = PressurePreference::medium;
    std::string sensitive_areas;
    bool consent_given = false;
    std::optional<Date> consent_date; // ignored unless consent_given
    // Red flags
    std::set<RedFlag> red_flags; // the questions answered "yes"
    std::string red_flag_notes;
    std::string referred_to;
    std::optional<Date> red_flags_screened_on;

    bool operator==(const IntakeForm&) const = default;
};

// The controls a refusal can point at.
enum class IntakeField {
    none, // not about one field (a conflict, a failed write)
    family_name,
    given_name,
    preferred_name,
    date_of_birth,
    phone,
    email,
    address,
    emergency_contact_name,
    emergency_contact_phone,
    referral_source,
    referring_physician,
    occupation,
    medications,
    allergies,
    health_notes,
    sensitive_areas,
    consent_date,
    red_flag_notes,
    referred_to,
    red_flags_screened_on,
};

// The notebook pages of the dialog, in order.
enum class IntakePage { identity, health, preferences, red_flags };
IntakePage page_of(IntakeField field);

// What the red-flag page shows while the therapist answers: nothing when every answer is "no".
struct RedFlagWarning {
    bool shown = false;
    bool urgent = false;              // possible cauda equina: same-day emergency care
    std::string heading;              // "Stop: refer before treatment"
    std::string advice;               // what to do now
    std::vector<std::string> reasons; // one per positive flag, most urgent first
    std::string referral_reminder;    // asks for "Referred to" while it is empty, else ""
};

class IntakePresenter {
  public:
    // `client` empty: a new client (blank form, screened today). Otherwise loads that client;
    // throws NotFoundError when it does not exist. `today` decides what "future" means.
    IntakePresenter(db::Database& db, std::optional<ClientId> client, Date today);

    IntakeForm& form() noexcept { return m_form; }
    const IntakeForm& form() const noexcept { return m_form; }
    bool is_new() const noexcept { return !m_client.has_value(); }
    // True when the form differs from what was loaded (or from the blank form).
    bool is_modified() const { return m_form != m_loaded; }
    // "New Client" or "Edit Client: Ngozi Okafor".
    std::string title() const;

    // The form as a client record would hold it, and the form a record gives.
    static ClientDetails details_from(const IntakeForm& form);
    static IntakeForm form_from(const ClientDetails& details);

    // The verdict on the answers as they stand, for the live warning.
    RedFlagVerdict red_flag_verdict() const;
    RedFlagWarning red_flag_warning() const;

    // The cautions the checked conditions, the medications and the sensitive areas imply, as
    // they stand (text the domain would refuse is left out of the preview, not reported).
    std::vector<Caution> cautions() const;
    // One line per caution: "Takes anticoagulants: deep pressure risks bruising. No deep ...".
    std::vector<std::string> caution_lines() const;

    // Checks the form as save() would, writing nothing; throws the ValidationError save() would.
    void validate() const;

    // Checks the form and writes the client (added or updated) in one transaction; returns its
    // id. A changed red-flag screen without a changed date is dated today. Throws
    // ValidationError (field_of() says where), ConflictError when the client was changed
    // elsewhere since it was loaded, or another knotwork::Error; nothing is written then.
    ClientId save();

    // The control a refusal points at; IntakeField::none for a field the form does not show.
    static IntakeField field_of(const ValidationError& error);

    // ---- Undo and redo ---------------------------------------------------------------------
    // The dialog changes form() in place and calls record_edit() after each change: what changed
    // since the last step becomes a step, named after the field it touched. Typing into one
    // field coalesces into one step while it goes on without a pause; a tick, a choice, a date
    // or a medication added, changed or removed is a step of its own.
    // A save keeps the history: undo after a save takes the form back past what is stored, so
    // is_modified() is true again, and nothing stored changes until the next save.
    void record_edit();
    bool can_undo() const;
    bool can_redo() const;
    // The step undo() would take back and the one redo() would bring back, as a person reads it
    // after "Undo: " ("Family name", "Medications"); "" when there is none.
    std::string undo_label() const;
    std::string redo_label() const;
    // Puts the form back as it was before the last step (after the step undone last), first
    // recording a change not yet recorded. Returns the page that holds the change, or nullopt
    // when there is nothing to undo (redo).
    std::optional<IntakePage> undo();
    std::optional<IntakePage> redo();
    // For tests: the clock that decides whether keystrokes are close enough to coalesce.
    void set_edit_clock(EditClock clock) { m_history.set_clock(std::move(clock)); }

  private:
    // The client the form would save (validated), and the form with the screen's date settled.
    std::pair<Client, IntakeForm> prepared() const;

    db::Database& m_db;
    Date m_today;
    std::optional<Client> m_client; // as stored, when editing or once saved
    IntakeForm m_loaded;
    IntakeForm m_form;
    EditHistory<IntakeForm> m_history{IntakeForm{}};
};

} // namespace knotwork::gui
