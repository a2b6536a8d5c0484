#pragma once
// A session: an appointment (scheduled, completed, cancelled, no-show), perhaps the n-th of a
// plan's series, and its SOAP note. Signing locks the note for good; after that the only change
// is an amendment appended with author, time and reason.
#include "client/client.h"
#include "common/body_region.h"
#include "common/bounded.h"
#include "common/dates.h"
#include "common/enum_names.h"
#include "plan/treatment_plan.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace knotwork {

using SessionId = std::int64_t;

enum class AppointmentStatus { scheduled, completed, cancelled, no_show };
KNOTWORK_ENUM_NAMES(AppointmentStatus, "appointment status");

struct AppliedTechnique {
    std::string technique; // catalogue code
    BodyRegion region;
    Side side;
    Pressure pressure{5};
    int minutes = 10;
    bool operator==(const AppliedTechnique&) const = default;
};

struct SoapNote {
    std::string subjective;  // what the client reports
    std::string objective;   // findings
    std::string assessment;  // response to treatment
    std::string plan;        // next focus, home care
    std::optional<PainScore> pain_before;
    std::optional<PainScore> pain_after;
    std::vector<AppliedTechnique> techniques;
    std::string adverse_reactions;
    bool operator==(const SoapNote&) const = default;

    bool is_blank() const;
};

struct Signature {
    std::string signed_by;
    DateTime signed_at;
    bool operator==(const Signature&) const = default;
};

struct Amendment {
    std::int64_t id = 0;
    std::string author;
    DateTime written_at;
    std::string reason;
    std::string text;
    bool operator==(const Amendment&) const = default;
};

// Where an appointment sits in its plan's series: "session 3 of 6".
struct SeriesPosition {
    PlanId plan = 0;
    int number = 1;
    int of = 1;
    bool operator==(const SeriesPosition&) const = default;
};

// The rules of the appointment itself (its times, its therapist, its status), shared by Session
// and by the schedule's writes that change a booking without loading its note.
namespace appointment_rules {

// Throws LockedRecordError naming who signed and when, once the note is signed; `what` names the
// change refused ("moving the session").
void require_unsigned(const std::optional<Signature>& signature, const char* what);
// Throws ValidationError when the appointment ends at or before its start, or lasts over 8 hours.
void check_times(DateTime starts_at, DateTime ends_at);
// The therapist's name as stored (trimmed). Throws ValidationError for bad text.
std::string therapist_name(const std::string& therapist);

struct StatusChange {
    AppointmentStatus status = AppointmentStatus::scheduled;
    std::string reason; // kept for a cancellation, empty otherwise
};
// The status and reason after changing `from` to `to`, as Session::mark_completed, cancel and
// mark_no_show decide: a cancelled appointment cannot be completed; cancelling and marking a
// no-show are refused once the note is signed; a cancellation keeps its reason (trimmed, checked
// as text). An appointment never returns to scheduled: that throws ValidationError.
StatusChange change_status(AppointmentStatus from, const std::optional<Signature>& signature, AppointmentStatus to,
                           const std::string& reason = {});

} // namespace appointment_rules

class Session {
public:
    // Throws ValidationError when the session ends at or before its start, or lasts over 8 hours.
    Session(ClientId client, DateTime starts_at, DateTime ends_at, std::string therapist);
    // Used by persistence to restore a stored session. Its times and therapist passed the checks
    // above before it was stored, so they are not run again each time it is loaded.
    static Session restore(ClientId client, DateTime starts_at, DateTime ends_at, std::string therapist);

    SessionId id() const noexcept { return m_id; }
    void set_id(SessionId id) noexcept { m_id = id; }
    ClientId client_id() const noexcept { return m_client; }
    int version() const noexcept { return m_version; }
    void set_version(int v) noexcept { m_version = v; }

    DateTime starts_at() const noexcept { return m_starts; }
    DateTime ends_at() const noexcept { return m_ends; }
    int minutes() const;
    const std::string& therapist() const noexcept { return m_therapist; }
    // Moves the appointment. Throws LockedRecordError once the note is signed.
    void reschedule(DateTime starts_at, DateTime ends_at);

    const std::optional<SeriesPosition>& series() const noexcept { return m_series; }
    void set_series(std::optional<SeriesPosition> p);

    AppointmentStatus status() const noexcept { return m_status; }
    const std::string& status_reason() const noexcept { return m_status_reason; }
    void mark_completed();
    void cancel(std::string reason);
    void mark_no_show();
    void restore_status(AppointmentStatus s, std::string reason);

    const SoapNote& note() const noexcept { return m_note; }
    // Replaces the draft note. Throws LockedRecordError once signed, ValidationError for bad text.
    void write_note(SoapNote note);
    // Used by persistence to restore a stored note. Every stored note went through write_note, so
    // its text is not checked again each time it is loaded.
    void restore_note(SoapNote note) { m_note = std::move(note); }
    // Used by persistence to restore the techniques of a stored note, which are read after it.
    void restore_techniques(std::vector<AppliedTechnique> t) { m_note.techniques = std::move(t); }

    bool is_signed() const noexcept { return m_signature.has_value(); }
    const std::optional<Signature>& signature() const noexcept { return m_signature; }
    // Locks the note. Requires a completed appointment and a note that is not blank.
    void sign(std::string by, DateTime at);
    // Used by persistence to restore a stored signature.
    void restore_signature(Signature s) { m_signature = std::move(s); }

    const std::vector<Amendment>& amendments() const noexcept { return m_amendments; }
    // Appends a correction to a signed note. Returns the new amendment.
    const Amendment& amend(std::string author, DateTime at, std::string reason, std::string text);
    void restore_amendments(std::vector<Amendment> a) { m_amendments = std::move(a); }

    // Pain after minus pain before, when both were recorded (negative = relief).
    std::optional<int> pain_change() const;

private:
    struct Restoring {};
    Session(Restoring, ClientId client, DateTime starts_at, DateTime ends_at, std::string therapist);
    static void validate_note(SoapNote& note);
    void change_status(AppointmentStatus to, const std::string& reason);
    void require_unsigned(const char* what) const;

    SessionId m_id = 0;
    ClientId m_client = 0;
    int m_version = 0;
    DateTime m_starts;
    DateTime m_ends;
    std::string m_therapist;
    std::optional<SeriesPosition> m_series;
    AppointmentStatus m_status = AppointmentStatus::scheduled;
    std::string m_status_reason;
    SoapNote m_note;
    std::optional<Signature> m_signature;
    std::vector<Amendment> m_amendments;
};

} // namespace knotwork
