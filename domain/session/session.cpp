#include "session/session.h"

#include "common/error.h"
#include "common/text.h"

#include <array>

namespace knotwork {

namespace {
using AS = AppointmentStatus;
constexpr std::array<EnumEntry<AS>, 4> status_names{{
    {AS::scheduled, "scheduled", "Scheduled"},
    {AS::completed, "completed", "Completed"},
    {AS::cancelled, "cancelled", "Cancelled"},
    {AS::no_show, "no_show", "No-show"},
}};

} // namespace

namespace appointment_rules {

void require_unsigned(const std::optional<Signature>& signature, const char* what) {
    if (signature)
        throw LockedRecordError(std::string("The note was signed by ") + signature->signed_by + " on " +
                                to_iso(signature->signed_at) + "; " + what +
                                " is no longer possible. Add an amendment instead.");
}

void check_times(DateTime starts, DateTime ends) {
    if (starts.is_special()) throw ValidationError("start", "is not a valid date and time");
    if (ends.is_special()) throw ValidationError("end", "is not a valid date and time");
    if (ends <= starts) throw ValidationError("end", "must be after the start (" + to_iso(starts) + ")");
    if (ends - starts > boost::posix_time::hours(8))
        throw ValidationError("end", "makes the session longer than 8 hours");
}

std::string therapist_name(const std::string& therapist) {
    text::require_clean("therapist", therapist, text::short_limit);
    return text::trim(therapist);
}

StatusChange change_status(AppointmentStatus from, const std::optional<Signature>& signature, AppointmentStatus to,
                           const std::string& reason) {
    switch (to) {
    case AS::completed:
        if (from == AS::cancelled) throw ValidationError("status", "a cancelled session cannot be completed");
        return {AS::completed, {}};
    case AS::cancelled:
        require_unsigned(signature, "cancelling the session");
        text::require_clean("cancellation reason", reason, 2000);
        return {AS::cancelled, text::trim(reason)};
    case AS::no_show:
        require_unsigned(signature, "marking a no-show");
        return {AS::no_show, {}};
    case AS::scheduled: break;
    }
    throw ValidationError("status", "an appointment cannot return to scheduled; book a new one instead");
}

} // namespace appointment_rules

using appointment_rules::check_times;

std::span<const EnumEntry<AS>> EnumNames<AS>::entries() { return status_names; }

bool SoapNote::is_blank() const {
    return text::trim(subjective).empty() && text::trim(objective).empty() &&
           text::trim(assessment).empty() && text::trim(plan).empty() && techniques.empty() &&
           text::trim(adverse_reactions).empty();
}

Session::Session(ClientId client, DateTime starts_at, DateTime ends_at, std::string therapist)
    : m_client(client), m_starts(starts_at), m_ends(ends_at) {
    check_times(starts_at, ends_at);
    m_therapist = appointment_rules::therapist_name(therapist);
}

Session::Session(Restoring, ClientId client, DateTime starts_at, DateTime ends_at, std::string therapist)
    : m_client(client), m_starts(starts_at), m_ends(ends_at), m_therapist(std::move(therapist)) {}

Session Session::restore(ClientId client, DateTime starts_at, DateTime ends_at, std::string therapist) {
    return Session(Restoring{}, client, starts_at, ends_at, std::move(therapist));
}

int Session::minutes() const { return static_cast<int>((m_ends - m_starts).total_seconds() / 60); }

void Session::require_unsigned(const char* what) const { appointment_rules::require_unsigned(m_signature, what); }

void Session::reschedule(DateTime starts_at, DateTime ends_at) {
    require_unsigned("moving the session");
    check_times(starts_at, ends_at);
    m_starts = starts_at;
    m_ends = ends_at;
}

void Session::set_series(std::optional<SeriesPosition> p) {
    if (p && (p->number < 1 || p->of < 1 || p->number > p->of))
        throw ValidationError("series position", "session " + std::to_string(p->number) + " of " +
                                                     std::to_string(p->of) + " is impossible");
    m_series = p;
}

void Session::change_status(AppointmentStatus to, const std::string& reason) {
    auto next = appointment_rules::change_status(m_status, m_signature, to, reason);
    m_status = next.status;
    m_status_reason = std::move(next.reason);
}

void Session::mark_completed() { change_status(AS::completed, {}); }

void Session::cancel(std::string reason) { change_status(AS::cancelled, reason); }

void Session::mark_no_show() { change_status(AS::no_show, {}); }

void Session::restore_status(AppointmentStatus s, std::string reason) {
    m_status = s;
    m_status_reason = std::move(reason);
}

void Session::validate_note(SoapNote& n) {
    text::require_clean("subjective", n.subjective, text::long_limit);
    text::require_clean("objective", n.objective, text::long_limit);
    text::require_clean("assessment", n.assessment, text::long_limit);
    text::require_clean("plan", n.plan, text::long_limit);
    text::require_clean("adverse reactions", n.adverse_reactions, text::long_limit);
    for (std::size_t i = 0; i < n.techniques.size(); ++i) {
        auto& t = n.techniques[i];
        const std::string field = "technique row " + std::to_string(i + 1);
        t.technique = text::require_present(field, t.technique, 100);
        if (t.minutes < 1 || t.minutes > 180)
            throw ValidationError(field + " minutes", "must be between 1 and 180 (got " +
                                                          std::to_string(t.minutes) + ")");
    }
}

void Session::write_note(SoapNote note) {
    require_unsigned("editing the note");
    validate_note(note);
    m_note = std::move(note);
}

void Session::sign(std::string by, DateTime at) {
    require_unsigned("signing again");
    by = text::require_present("signed by", by, text::short_limit);
    if (m_status != AS::completed)
        throw ValidationError("status", "only a completed session's note can be signed (this one is " +
                                            std::string(label(m_status)) + ")");
    if (m_note.is_blank()) throw ValidationError("note", "is blank; write the note before signing it");
    if (at.is_special()) throw ValidationError("signed at", "is not a valid time");
    if (at < m_starts) throw ValidationError("signed at", "is before the session started");
    m_signature = Signature{std::move(by), at};
}

const Amendment& Session::amend(std::string author, DateTime at, std::string reason, std::string text_) {
    if (!m_signature) throw ValidationError("amendment", "only a signed note takes amendments; edit the draft instead");
    Amendment a;
    a.author = text::require_present("amendment author", author, text::short_limit);
    a.reason = text::require_present("amendment reason", reason, 2000);
    a.text = text::require_present("amendment text", text_, text::long_limit);
    if (at.is_special() || at < m_signature->signed_at)
        throw ValidationError("amendment time", "must be after the note was signed");
    a.written_at = at;
    m_amendments.push_back(std::move(a));
    return m_amendments.back();
}

std::optional<int> Session::pain_change() const {
    if (!m_note.pain_before || !m_note.pain_after) return std::nullopt;
    return m_note.pain_after->value() - m_note.pain_before->value();
}

} // namespace knotwork
