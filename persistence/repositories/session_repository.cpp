#include "repositories/session_repository.h"

#include "audit_log.h"
#include "common/error.h"
#include "common/text.h"
#include "database.h"
#include "postgresql_native.h"
#include "soci_mapping.h"

#include <algorithm>
#include <sstream>
#include <utility>

namespace knotwork::db {

namespace {

const char* const session_columns =
    "id, client_id, plan_id, series_number, series_of, starts_at, ends_at, therapist, status, status_reason, "
    "subjective, objective, assessment, plan_text, pain_before, pain_after, adverse_reactions, signed_by, "
    "signed_at, version";

std::optional<int> score_value(const std::optional<PainScore>& p) {
    if (!p) return std::nullopt;
    return p->value();
}

// The columns of one sessions row, as fetched.
struct SessionRow {
    SessionId id = 0;
    ClientId client = 0;
    std::optional<std::int64_t> plan;
    std::optional<int> series_number, series_of;
    DateTime starts_at, ends_at;
    std::string therapist;
    AppointmentStatus status{};
    std::string status_reason;
    SoapNote note;
    std::optional<int> pain_before, pain_after;
    std::optional<std::string> signed_by;
    std::optional<DateTime> signed_at;
    int version = 0;
};

void bind_row(soci::statement& st, SessionRow& r) {
    st.exchange(soci::into(r.id));
    st.exchange(soci::into(r.client));
    st.exchange(soci::into(r.plan));
    st.exchange(soci::into(r.series_number));
    st.exchange(soci::into(r.series_of));
    st.exchange(soci::into(r.starts_at));
    st.exchange(soci::into(r.ends_at));
    st.exchange(soci::into(r.therapist));
    st.exchange(soci::into(r.status));
    st.exchange(soci::into(r.status_reason));
    st.exchange(soci::into(r.note.subjective));
    st.exchange(soci::into(r.note.objective));
    st.exchange(soci::into(r.note.assessment));
    st.exchange(soci::into(r.note.plan));
    st.exchange(soci::into(r.pain_before));
    st.exchange(soci::into(r.pain_after));
    st.exchange(soci::into(r.note.adverse_reactions));
    st.exchange(soci::into(r.signed_by));
    st.exchange(soci::into(r.signed_at));
    st.exchange(soci::into(r.version));
}

// The session as stored, with its signature; its techniques and amendments are read afterwards.
// Takes the row's text (its other columns stay as they were), so each fetched row is copied
// nowhere. Nothing is checked again: the session and its note were checked when they were
// written, and a chart loads a hundred of them.
Session to_session(SessionRow& r) {
    Session s = Session::restore(r.client, r.starts_at, r.ends_at, r.therapist);
    s.set_id(r.id);
    s.set_version(r.version);
    if (r.plan && r.series_number && r.series_of) s.set_series(SeriesPosition{*r.plan, *r.series_number, *r.series_of});
    s.restore_status(r.status, std::move(r.status_reason));
    SoapNote note = std::move(r.note);
    if (r.pain_before) note.pain_before = PainScore(*r.pain_before, "pain before");
    if (r.pain_after) note.pain_after = PainScore(*r.pain_after, "pain after");
    s.restore_note(std::move(note));
    if (r.signed_by && r.signed_at) s.restore_signature(Signature{std::move(*r.signed_by), *r.signed_at});
    return s;
}

void load_techniques(soci::session& sql, SessionId id, std::vector<AppliedTechnique>& out) {
    AppliedTechnique t{};
    int pressure = 0;
    soci::statement st = (sql.prepare << "SELECT technique, region, side, pressure, minutes FROM session_techniques "
                                         "WHERE session_id = :id ORDER BY position",
                          soci::into(t.technique), soci::into(t.region), soci::into(t.side), soci::into(pressure),
                          soci::into(t.minutes), soci::use(id));
    st.execute();
    while (st.fetch()) {
        t.pressure = Pressure(pressure);
        out.push_back(t);
    }
}

std::vector<Amendment> load_amendments(soci::session& sql, SessionId id) {
    std::vector<Amendment> out;
    Amendment a;
    soci::statement st = (sql.prepare << "SELECT id, author, written_at, reason, text FROM note_amendments "
                                         "WHERE session_id = :id ORDER BY id",
                          soci::into(a.id), soci::into(a.author), soci::into(a.written_at), soci::into(a.reason),
                          soci::into(a.text), soci::use(id));
    st.execute();
    while (st.fetch()) out.push_back(a);
    return out;
}

// Completes a session loaded alone: its techniques and, when signed, its amendments.
void finish_loading(soci::session& sql, Session& s) {
    std::vector<AppliedTechnique> techniques;
    load_techniques(sql, s.id(), techniques);
    s.restore_techniques(std::move(techniques));
    if (s.is_signed()) s.restore_amendments(load_amendments(sql, s.id()));
}

// ---- the audit trail's view of a session ----------------------------------------------------

std::string techniques_text(const std::vector<AppliedTechnique>& techniques) {
    std::string out;
    for (const auto& t : techniques)
        out += (out.empty() ? "" : "; ") + t.technique + ", " + std::string(label(t.region)) + " (" +
               std::string(label(t.side)) + "), pressure " + std::to_string(t.pressure.value()) + ", " +
               std::to_string(t.minutes) + " min";
    return out;
}

std::string series_text(const std::optional<SeriesPosition>& p) {
    if (!p) return {};
    return "plan " + std::to_string(p->plan) + ", session " + std::to_string(p->number) + " of " +
           std::to_string(p->of);
}

// The appointment's own fields, as both save() and the schedule's writes audit them.
struct ScheduleFields {
    DateTime starts_at, ends_at;
    std::string therapist;
    std::optional<SeriesPosition> series;
    AppointmentStatus status{};
    std::string status_reason;
};

ScheduleFields schedule_of(const Session& s) {
    return {s.starts_at(), s.ends_at(), s.therapist(), s.series(), s.status(), s.status_reason()};
}

ScheduleFields schedule_of(const AppointmentSummary& a) {
    return {a.starts_at, a.ends_at, a.therapist, a.series, a.status, a.status_reason};
}

void compare_schedule(ChangeList& c, const ScheduleFields& a, const ScheduleFields& b) {
    c.compare("starts_at", a.starts_at, b.starts_at);
    c.compare("ends_at", a.ends_at, b.ends_at);
    c.compare("therapist", a.therapist, b.therapist);
    c.compare_text("series", series_text(a.series), series_text(b.series));
    c.compare("status", a.status, b.status);
    c.compare("status_reason", a.status_reason, b.status_reason);
}

// The entry of a change to an appointment: a cancellation when it has just been cancelled, an
// update otherwise; the detail names the status and the fields changed.
void record_change(Database& db, SessionId id, ClientId client, AppointmentStatus before, AppointmentStatus after,
                   const ChangeList& changes) {
    const bool cancelling = after == AppointmentStatus::cancelled && before != AppointmentStatus::cancelled;
    AuditLog(db).record(cancelling ? AuditAction::cancel : AuditAction::update, "session", id, client,
                        std::string(label(after)) + "; " + changes.summary(), changes.items());
}

// The entry of a deleted booking.
void record_removal(Database& db, SessionId id, ClientId client, DateTime starts_at, AppointmentStatus status) {
    AuditLog(db).record(AuditAction::remove, "session", id, client, "booking " + to_iso(starts_at) + " deleted",
                        {FieldChange{"starts_at", audit_text(starts_at), ""},
                         FieldChange{"status", std::string(label(status)), ""}});
}

ChangeList session_changes(const Session& a, const Session& b) {
    const SoapNote &x = a.note(), &y = b.note();
    ChangeList c;
    compare_schedule(c, schedule_of(a), schedule_of(b));
    c.compare("subjective", x.subjective, y.subjective);
    c.compare("objective", x.objective, y.objective);
    c.compare("assessment", x.assessment, y.assessment);
    c.compare("plan", x.plan, y.plan);
    c.compare("pain_before", score_value(x.pain_before), score_value(y.pain_before));
    c.compare("pain_after", score_value(x.pain_after), score_value(y.pain_after));
    c.compare_text("techniques", techniques_text(x.techniques), techniques_text(y.techniques));
    c.compare("adverse_reactions", x.adverse_reactions, y.adverse_reactions);
    return c;
}

std::vector<FieldChange> signature_changes(const Signature& sig) {
    return {FieldChange{"signed_by", "", sig.signed_by}, FieldChange{"signed_at", "", audit_text(sig.signed_at)}};
}

[[noreturn]] void rethrow_locked(Database& db, const soci::soci_error& e) {
    const std::string msg = e.get_error_message();
    // Only the refusals of our own triggers; SQLite's "database is locked" is a busy file.
    if (msg.find("signed note is locked") != std::string::npos || msg.find("append-only") != std::string::npos ||
        msg.find("only a signed note takes amendments") != std::string::npos)
        throw LockedRecordError("The database refused the change: " + msg);
    db.fail(e, "saving the session", "Saving the session failed");
}

} // namespace

namespace {

// The words of what a person typed: runs of letters, digits and multi-byte UTF-8 characters.
// Everything else (quotes, operators, punctuation) only separates words, so no typed text can be
// a query's syntax.
std::vector<std::string> search_words(const std::string& typed) {
    std::vector<std::string> words;
    std::string word;
    for (char c : text::searchable(typed)) {
        const auto u = static_cast<unsigned char>(c);
        if ((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80) {
            word += c;
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

} // namespace

std::string fts_query(const std::string& typed) {
    std::string out;
    for (const auto& word : search_words(typed)) {
        if (!out.empty()) out += ' ';
        out += '"' + word + "\"*";
    }
    return out;
}

std::string tsquery_text(const std::string& typed) {
    std::string out;
    for (const auto& word : search_words(typed)) {
        if (!out.empty()) out += " & ";
        out += "'" + word + "':*";
    }
    return out;
}

SessionId SessionRepository::add(Session& s) {
    m_db.require_transaction("adding a session");
    const std::string now = to_iso(now_utc());
    std::optional<std::int64_t> plan;
    std::optional<int> number, of;
    if (s.series()) {
        plan = s.series()->plan;
        number = s.series()->number;
        of = s.series()->of;
    }
    const ClientId client = s.client_id();
    const DateTime starts = s.starts_at(), ends = s.ends_at();
    const AppointmentStatus status = s.status();
    const SoapNote& n = s.note();
    const auto before = score_value(n.pain_before), after = score_value(n.pain_after);
    try {
        // A bare booking names only the schedule's columns, so a front-desk account on a clinic
        // server (which may not write notes) can make one.
        const bool has_note = !n.subjective.empty() || !n.objective.empty() || !n.assessment.empty() ||
                              !n.plan.empty() || !n.adverse_reactions.empty() || before || after;
        long long id = 0;
        if (has_note) {
            m_db.sql() << "INSERT INTO sessions (client_id, plan_id, series_number, series_of, starts_at, ends_at, "
                          "therapist, status, status_reason, subjective, objective, assessment, plan_text, pain_before, "
                          "pain_after, adverse_reactions, created_at, updated_at, version) VALUES (:client, :plan, :num, "
                          ":of, :starts, :ends, :therapist, :status, :reason, :s, :o, :a, :p, :before, :after, :adverse, "
                          ":created, :updated, 1) RETURNING id",
                soci::use(client), soci::use(plan), soci::use(number), soci::use(of), soci::use(starts), soci::use(ends),
                soci::use(s.therapist()), soci::use(status), soci::use(s.status_reason()), soci::use(n.subjective),
                soci::use(n.objective), soci::use(n.assessment), soci::use(n.plan), soci::use(before), soci::use(after),
                soci::use(n.adverse_reactions), soci::use(now), soci::use(now), soci::into(id);
        } else {
            m_db.sql() << "INSERT INTO sessions (client_id, plan_id, series_number, series_of, starts_at, ends_at, "
                          "therapist, status, status_reason, created_at, updated_at, version) VALUES (:client, :plan, "
                          ":num, :of, :starts, :ends, :therapist, :status, :reason, :created, :updated, 1) RETURNING id",
                soci::use(client), soci::use(plan), soci::use(number), soci::use(of), soci::use(starts), soci::use(ends),
                soci::use(s.therapist()), soci::use(status), soci::use(s.status_reason()), soci::use(now),
                soci::use(now), soci::into(id);
        }
        s.set_id(id);
        s.set_version(1);
        if (!n.techniques.empty()) write_techniques(s);
        AuditLog audit(m_db);
        audit.record(AuditAction::create, "session", id, client,
                     audit_text(starts) + ", " + std::string(label(status)));
        if (s.is_signed()) {
            const auto& sig = *s.signature();
            m_db.sql() << "UPDATE sessions SET signed_by = :by, signed_at = :at, version = 2 WHERE id = :id",
                soci::use(sig.signed_by), soci::use(sig.signed_at), soci::use(id);
            s.set_version(2);
            audit.record(AuditAction::sign, "session", id, client, "signed by " + sig.signed_by, signature_changes(sig));
            append_amendments(s);
        }
        return id;
    } catch (const soci::soci_error& e) {
        rethrow_locked(m_db, e);
    }
}

void SessionRepository::write_techniques(const Session& s) {
    auto& sql = m_db.sql();
    const SessionId id = s.id();
    sql << "DELETE FROM session_techniques WHERE session_id = :id", soci::use(id);
    int position = 0;
    for (const auto& t : s.note().techniques) {
        const int pressure = t.pressure.value();
        sql << "INSERT INTO session_techniques (session_id, position, technique, region, side, pressure, minutes) "
               "VALUES (:id, :pos, :technique, :region, :side, :pressure, :minutes)",
            soci::use(id), soci::use(position), soci::use(t.technique), soci::use(t.region), soci::use(t.side),
            soci::use(pressure), soci::use(t.minutes);
        ++position;
    }
}

void SessionRepository::append_amendments(Session& s) {
    const SessionId id = s.id();
    std::vector<Amendment> amendments = s.amendments();
    bool added = false;
    for (auto& a : amendments) {
        if (a.id != 0) continue;
        long long aid = 0;
        m_db.sql() << "INSERT INTO note_amendments (session_id, author, written_at, reason, text) "
                      "VALUES (:id, :author, :at, :reason, :text) RETURNING id",
            soci::use(id), soci::use(a.author), soci::use(a.written_at), soci::use(a.reason), soci::use(a.text),
            soci::into(aid);
        a.id = aid;
        added = true;
        AuditLog(m_db).record(AuditAction::amend, "session", id, s.client_id(),
                              "amendment by " + a.author + ": " + a.reason, {FieldChange{"amendment", "", a.text}});
    }
    if (added) s.restore_amendments(std::move(amendments));
}

void SessionRepository::save(Session& s) {
    m_db.require_transaction("saving a session");
    const SessionId id = s.id();
    std::optional<std::string> stored_signed_at;
    int stored_version = 0;
    m_db.sql() << "SELECT signed_at, version FROM sessions WHERE id = :id", soci::into(stored_signed_at),
        soci::into(stored_version), soci::use(id);
    if (!m_db.sql().got_data()) throw NotFoundError("There is no session with id " + std::to_string(id) + ".");
    try {
        if (stored_signed_at) {
            // A copy loaded before the note was signed elsewhere would otherwise lose its edits silently.
            if (!s.is_signed())
                throw LockedRecordError("The note was signed elsewhere (at " + *stored_signed_at +
                                        ") since you opened it; your changes were not saved. Add an amendment instead.");
            append_amendments(s);
            return;
        }
        if (stored_version != s.version())
            throw ConflictError("This session was changed elsewhere since you opened it. Your text is kept in the "
                                "editor; reload the session and apply it again.");
        const std::optional<Session> stored = find(id);
        const std::string now = to_iso(now_utc());
        const DateTime starts = s.starts_at(), ends = s.ends_at();
        const AppointmentStatus status = s.status();
        const SoapNote& n = s.note();
        const auto before = score_value(n.pain_before), after = score_value(n.pain_after);
        const int version = s.version();
        std::optional<std::int64_t> plan;
        std::optional<int> number, of;
        if (s.series()) {
            plan = s.series()->plan;
            number = s.series()->number;
            of = s.series()->of;
        }
        soci::statement st =
            (m_db.sql().prepare << "UPDATE sessions SET starts_at = :starts, ends_at = :ends, plan_id = :plan, "
                                   "series_number = :num, series_of = :of, status = :status, "
                                   "status_reason = :reason, subjective = :s, objective = :o, assessment = :a, "
                                   "plan_text = :p, pain_before = :before, pain_after = :after, "
                                   "adverse_reactions = :adverse, updated_at = :now, version = version + 1 "
                                   "WHERE id = :id AND version = :version",
             soci::use(starts), soci::use(ends), soci::use(plan), soci::use(number), soci::use(of),
             soci::use(status), soci::use(s.status_reason()),
             soci::use(n.subjective), soci::use(n.objective), soci::use(n.assessment), soci::use(n.plan),
             soci::use(before), soci::use(after), soci::use(n.adverse_reactions), soci::use(now), soci::use(id),
             soci::use(version));
        st.execute(true);
        if (st.get_affected_rows() != 1)
            throw ConflictError("This session was changed elsewhere since you opened it.");
        s.set_version(version + 1);
        write_techniques(s);
        const ChangeList changes = stored ? session_changes(*stored, s) : ChangeList();
        // Without a stored copy (it cannot vanish inside the transaction) the change counts as new.
        record_change(m_db, id, s.client_id(), stored ? stored->status() : AppointmentStatus::scheduled, status,
                      changes);
        if (s.is_signed()) {
            AuditLog audit(m_db);
            const auto& sig = *s.signature();
            m_db.sql() << "UPDATE sessions SET signed_by = :by, signed_at = :at, version = version + 1 WHERE id = :id",
                soci::use(sig.signed_by), soci::use(sig.signed_at), soci::use(id);
            s.set_version(s.version() + 1);
            audit.record(AuditAction::sign, "session", id, s.client_id(), "signed by " + sig.signed_by,
                         signature_changes(sig));
            append_amendments(s);
        }
    } catch (const soci::soci_error& e) {
        rethrow_locked(m_db, e);
    }
}

void SessionRepository::remove(const Session& s) {
    m_db.require_transaction("deleting a session");
    if (s.is_signed()) throw LockedRecordError("A signed session cannot be deleted.");
    const SessionId id = s.id();
    try {
        m_db.sql() << "DELETE FROM session_techniques WHERE session_id = :id", soci::use(id);
        m_db.sql() << "DELETE FROM sessions WHERE id = :id", soci::use(id);
    } catch (const soci::soci_error& e) {
        rethrow_locked(m_db, e);
    }
    record_removal(m_db, id, s.client_id(), s.starts_at(), s.status());
}

// ---- the schedule's writes

AppointmentSummary SessionRepository::booking_to_change(SessionId id, int expected_version, const char* what) {
    AppointmentSummary a = appointment(id);
    if (a.is_signed) {
        std::optional<std::string> by;
        std::optional<DateTime> at;
        m_db.sql() << "SELECT signed_by, signed_at FROM sessions WHERE id = :id", soci::into(by), soci::into(at),
            soci::use(id);
        appointment_rules::require_unsigned(Signature{by.value_or(""), at.value_or(DateTime())}, what);
    }
    if (a.version != expected_version)
        throw ConflictError("This appointment was changed elsewhere since the schedule was shown; nothing was "
                            "changed. Look at it again and repeat the change if it is still needed.");
    return a;
}

namespace {

// Runs an UPDATE or DELETE that names the version it expects; a row changed meanwhile is a conflict.
void execute_versioned(soci::statement& st) {
    st.execute(true);
    if (st.get_affected_rows() != 1)
        throw ConflictError("This appointment was changed elsewhere since the schedule was shown; nothing was changed.");
}

} // namespace

int SessionRepository::reschedule(SessionId id, int expected_version, DateTime starts_at, DateTime ends_at,
                                  const std::string& therapist) {
    m_db.require_transaction("moving an appointment");
    const AppointmentSummary before = booking_to_change(id, expected_version, "moving the session");
    appointment_rules::check_times(starts_at, ends_at);
    AppointmentSummary after = before;
    after.starts_at = starts_at;
    after.ends_at = ends_at;
    after.therapist = appointment_rules::therapist_name(therapist);
    const std::string now = to_iso(now_utc());
    try {
        soci::statement st =
            (m_db.sql().prepare << "UPDATE sessions SET starts_at = :starts, ends_at = :ends, therapist = :therapist, "
                                   "updated_at = :now, version = version + 1 WHERE id = :id AND version = :version",
             soci::use(after.starts_at), soci::use(after.ends_at), soci::use(after.therapist), soci::use(now),
             soci::use(id), soci::use(expected_version));
        execute_versioned(st);
        ChangeList changes;
        compare_schedule(changes, schedule_of(before), schedule_of(after));
        record_change(m_db, id, before.client, before.status, after.status, changes);
    } catch (const soci::soci_error& e) {
        rethrow_locked(m_db, e);
    }
    return expected_version + 1;
}

int SessionRepository::set_status(SessionId id, int expected_version, AppointmentStatus status,
                                  const std::string& reason) {
    m_db.require_transaction("changing an appointment's status");
    const char* what = status == AppointmentStatus::cancelled ? "cancelling the session"
                       : status == AppointmentStatus::no_show ? "marking a no-show"
                                                              : "changing the session's status";
    const AppointmentSummary before = booking_to_change(id, expected_version, what);
    auto next = appointment_rules::change_status(before.status, std::nullopt, status, reason);
    AppointmentSummary after = before;
    after.status = next.status;
    after.status_reason = std::move(next.reason);
    const std::string now = to_iso(now_utc());
    try {
        soci::statement st =
            (m_db.sql().prepare << "UPDATE sessions SET status = :status, status_reason = :reason, updated_at = :now, "
                                   "version = version + 1 WHERE id = :id AND version = :version",
             soci::use(after.status), soci::use(after.status_reason), soci::use(now), soci::use(id),
             soci::use(expected_version));
        execute_versioned(st);
        ChangeList changes;
        compare_schedule(changes, schedule_of(before), schedule_of(after));
        record_change(m_db, id, before.client, before.status, after.status, changes);
    } catch (const soci::soci_error& e) {
        rethrow_locked(m_db, e);
    }
    return expected_version + 1;
}

void SessionRepository::remove_booking(SessionId id, int expected_version) {
    m_db.require_transaction("deleting a booking");
    const AppointmentSummary a = booking_to_change(id, expected_version, "deleting the session");
    const auto started = [] {
        return ValidationError("appointment", "its note has been started, so it cannot be deleted; cancel it instead");
    };
    // An account that may read notes checks here; on a clinic server, one that may not is refused
    // by the server (its guard on note text, and the techniques' foreign key).
    if (m_db.can_read_clinical()) {
        long long with_note = 0;
        m_db.sql() << "SELECT count(*) FROM sessions s WHERE s.id = :id AND (s.subjective <> '' OR s.objective <> '' "
                      "OR s.assessment <> '' OR s.plan_text <> '' OR s.adverse_reactions <> '' "
                      "OR s.pain_before IS NOT NULL OR s.pain_after IS NOT NULL "
                      "OR EXISTS (SELECT 1 FROM session_techniques t WHERE t.session_id = s.id))",
            soci::into(with_note), soci::use(id);
        if (with_note != 0) throw started();
    }
    try {
        soci::statement st = (m_db.sql().prepare << "DELETE FROM sessions WHERE id = :id AND version = :version",
                              soci::use(id), soci::use(expected_version));
        execute_versioned(st);
    } catch (const soci::soci_error& e) {
        if (e.get_error_message().find("note in progress") != std::string::npos ||
            (m_db.backend() == Backend::postgresql && postgresql::sqlstate_of(e) == "23503"))
            throw started();
        rethrow_locked(m_db, e);
    }
    record_removal(m_db, id, a.client, a.starts_at, a.status);
}

std::optional<Session> SessionRepository::find(SessionId id) {
    auto result = load_many("WHERE id = :key", id, 1);
    if (result.empty()) return std::nullopt;
    return std::move(result.front());
}

Session SessionRepository::get(SessionId id) {
    auto s = find(id);
    if (!s) throw NotFoundError("There is no session with id " + std::to_string(id) + ".");
    return std::move(*s);
}

std::vector<Session> SessionRepository::load_many(const std::string& where_order, std::int64_t key, int limit) {
    auto& sql = m_db.sql();
    std::vector<Session> out;
    const std::string chosen = "FROM sessions " + where_order + " LIMIT :limit";
    {
        SessionRow row;
        soci::statement st(sql);
        st.alloc();
        st.prepare("SELECT " + std::string(session_columns) + " " + chosen);
        bind_row(st, row);
        st.exchange(soci::use(key));
        st.exchange(soci::use(limit));
        st.define_and_bind();
        st.execute();
        while (st.fetch()) out.push_back(to_session(row));
    }
    if (out.size() <= 1) {
        for (auto& s : out) finish_loading(sql, s);
        return out;
    }

    // Many sessions: their techniques and amendments in one query each, not two per session
    // (a 100-session chart took 201 statements that way). Both come grouped by session; each
    // group goes to its session when the next begins.
    std::vector<std::pair<SessionId, std::size_t>> place; // session id, index in `out`; by id
    place.reserve(out.size());
    for (std::size_t i = 0; i < out.size(); ++i) place.emplace_back(out[i].id(), i);
    std::sort(place.begin(), place.end());
    const auto loaded = [&](SessionId id) -> Session* {
        const auto found = std::lower_bound(place.begin(), place.end(), std::make_pair(id, std::size_t{0}));
        return found != place.end() && found->first == id ? &out[found->second] : nullptr;
    };
    const std::string same_sessions = " WHERE session_id IN (SELECT id " + chosen + ")";
    {
        SessionId session = 0, group_of = 0;
        AppliedTechnique t{};
        int pressure = 0;
        std::vector<AppliedTechnique> group;
        const auto hand_over = [&] {
            if (Session* s = loaded(group_of)) s->restore_techniques(std::move(group));
            group.clear();
        };
        soci::statement st =
            (sql.prepare << "SELECT session_id, technique, region, side, pressure, minutes FROM session_techniques" +
                                same_sessions + " ORDER BY session_id, position",
             soci::into(session), soci::into(t.technique), soci::into(t.region), soci::into(t.side),
             soci::into(pressure), soci::into(t.minutes), soci::use(key), soci::use(limit));
        st.execute();
        while (st.fetch()) {
            if (session != group_of) {
                hand_over();
                group_of = session;
            }
            t.pressure = Pressure(pressure);
            group.push_back(t);
        }
        hand_over();
    }
    {
        SessionId session = 0, group_of = 0;
        Amendment a;
        std::vector<Amendment> group;
        const auto hand_over = [&] {
            if (Session* s = loaded(group_of); s && s->is_signed()) s->restore_amendments(std::move(group));
            group.clear();
        };
        soci::statement st =
            (sql.prepare << "SELECT session_id, id, author, written_at, reason, text FROM note_amendments" +
                                same_sessions + " ORDER BY session_id, id",
             soci::into(session), soci::into(a.id), soci::into(a.author), soci::into(a.written_at),
             soci::into(a.reason), soci::into(a.text), soci::use(key), soci::use(limit));
        st.execute();
        while (st.fetch()) {
            if (session != group_of) {
                hand_over();
                group_of = session;
            }
            group.push_back(a);
        }
        hand_over();
    }
    return out;
}

std::vector<Session> SessionRepository::for_client(ClientId client, int limit) {
    return load_many("WHERE client_id = :key ORDER BY starts_at DESC, id DESC", client, limit);
}

std::vector<Session> SessionRepository::for_plan(PlanId plan) {
    return load_many("WHERE plan_id = :key ORDER BY series_number, starts_at", plan, 1000);
}

namespace {

// Appointments with their clients' names, as the schedule shows them: never a note column.
class SummaryQuery {
public:
    SummaryQuery(soci::session& sql, const std::string& where_order) : m_st(sql) {
        m_st.alloc();
        m_st.prepare("SELECT s.id, s.client_id, c.family_name, c.given_name, c.preferred_name, s.starts_at, "
                     "s.ends_at, s.therapist, s.status, s.status_reason, s.plan_id, s.series_number, s.series_of, "
                     "s.signed_at, s.version FROM sessions s JOIN clients c ON c.id = s.client_id " +
                     where_order);
        m_st.exchange(soci::into(m_row.id));
        m_st.exchange(soci::into(m_row.client));
        m_st.exchange(soci::into(m_family));
        m_st.exchange(soci::into(m_given));
        m_st.exchange(soci::into(m_preferred));
        m_st.exchange(soci::into(m_row.starts_at));
        m_st.exchange(soci::into(m_row.ends_at));
        m_st.exchange(soci::into(m_row.therapist));
        m_st.exchange(soci::into(m_row.status));
        m_st.exchange(soci::into(m_row.status_reason));
        m_st.exchange(soci::into(m_plan));
        m_st.exchange(soci::into(m_number));
        m_st.exchange(soci::into(m_of));
        m_st.exchange(soci::into(m_signed_at));
        m_st.exchange(soci::into(m_row.version));
    }
    // Binds a value for the WHERE clause; each must outlive run().
    template <typename T> SummaryQuery& use(const T& value) {
        m_st.exchange(soci::use(value));
        return *this;
    }
    std::vector<AppointmentSummary> run() {
        std::vector<AppointmentSummary> out;
        m_st.define_and_bind();
        m_st.execute();
        while (m_st.fetch()) {
            m_row.client_name = (m_preferred.empty() ? m_given : m_preferred) + " " + m_family;
            m_row.series.reset();
            if (m_plan && m_number && m_of) m_row.series = SeriesPosition{*m_plan, *m_number, *m_of};
            m_row.is_signed = m_signed_at.has_value();
            out.push_back(m_row);
        }
        return out;
    }

private:
    soci::statement m_st;
    AppointmentSummary m_row;
    std::string m_family, m_given, m_preferred;
    std::optional<std::int64_t> m_plan;
    std::optional<int> m_number, m_of;
    std::optional<std::string> m_signed_at;
};

} // namespace

std::vector<AppointmentSummary> SessionRepository::between(DateTime from, DateTime to) {
    return SummaryQuery(m_db.sql(), "WHERE s.starts_at >= :from AND s.starts_at < :to ORDER BY s.starts_at, s.id")
        .use(from)
        .use(to)
        .run();
}

AppointmentSummary SessionRepository::appointment(SessionId id) {
    auto found = SummaryQuery(m_db.sql(), "WHERE s.id = :id").use(id).run();
    if (found.empty()) throw NotFoundError("There is no session with id " + std::to_string(id) + ".");
    return std::move(found.front());
}

std::vector<NoteHit> SessionRepository::search_notes(const std::string& text, int limit) {
    std::vector<NoteHit> out;
    const bool server = m_db.backend() == Backend::postgresql;
    const std::string match = server ? tsquery_text(text) : fts_query(text);
    if (match.empty()) return out;
    NoteHit h;
    std::string family, given, preferred;
    auto collect = [&](soci::statement& st, bool in_amendment) {
        st.execute();
        while (st.fetch()) {
            h.client_name = (preferred.empty() ? given : preferred) + " " + family;
            h.in_amendment = in_amendment;
            out.push_back(h);
        }
    };
    if (server) {
        // PostgreSQL's own text search (schema: notes_tsv and the knotwork_notes configuration,
        // which folds case and accents as SQLite's unicode61 tokenizer does). The newest matches
        // are chosen first, then only those few get a highlighted snippet.
        const char* headline = "'StartSel=[, StopSel=], MaxWords=12, MinWords=5, MaxFragments=1, FragmentDelimiter=...'";
        soci::statement notes =
            (m_db.sql().prepare << std::string("SELECT m.id, m.client_id, c.family_name, c.given_name, c.preferred_name, "
                                               "m.starts_at, ts_headline('knotwork_notes', concat_ws(' ', m.subjective, "
                                               "m.objective, m.assessment, m.plan_text, m.adverse_reactions), "
                                               "to_tsquery('knotwork_notes', :q), ") +
                                       headline +
                                       ") FROM (SELECT s.* FROM sessions s WHERE s.notes_tsv @@ to_tsquery("
                                       "'knotwork_notes', :q2) ORDER BY s.id DESC LIMIT :limit) m JOIN clients c "
                                       "ON c.id = m.client_id ORDER BY m.id DESC",
             soci::into(h.session), soci::into(h.client), soci::into(family), soci::into(given), soci::into(preferred),
             soci::into(h.starts_at), soci::into(h.snippet), soci::use(match), soci::use(match), soci::use(limit));
        collect(notes, false);
        soci::statement amendments =
            (m_db.sql().prepare << std::string("SELECT s.id, s.client_id, c.family_name, c.given_name, c.preferred_name, "
                                               "s.starts_at, ts_headline('knotwork_notes', m.reason || ' ' || m.text, "
                                               "to_tsquery('knotwork_notes', :q), ") +
                                       headline +
                                       ") FROM (SELECT a.* FROM note_amendments a WHERE a.notes_tsv @@ to_tsquery("
                                       "'knotwork_notes', :q2) ORDER BY a.id DESC LIMIT :limit) m JOIN sessions s "
                                       "ON s.id = m.session_id JOIN clients c ON c.id = s.client_id ORDER BY m.id DESC",
             soci::into(h.session), soci::into(h.client), soci::into(family), soci::into(given), soci::into(preferred),
             soci::into(h.starts_at), soci::into(h.snippet), soci::use(match), soci::use(match), soci::use(limit));
        collect(amendments, true);
        return out;
    }
    soci::statement st =
        (m_db.sql().prepare << "SELECT s.id, s.client_id, c.family_name, c.given_name, c.preferred_name, s.starts_at, "
                               "snippet(notes_fts, -1, '[', ']', '...', 12) FROM notes_fts "
                               "JOIN sessions s ON s.id = notes_fts.rowid JOIN clients c ON c.id = s.client_id "
                               "WHERE notes_fts MATCH :q ORDER BY notes_fts.rowid DESC LIMIT :limit",
         soci::into(h.session), soci::into(h.client), soci::into(family), soci::into(given), soci::into(preferred),
         soci::into(h.starts_at), soci::into(h.snippet), soci::use(match), soci::use(limit));
    collect(st, false);
    soci::statement am =
        (m_db.sql().prepare << "SELECT s.id, s.client_id, c.family_name, c.given_name, c.preferred_name, s.starts_at, "
                               "snippet(amendments_fts, -1, '[', ']', '...', 12) FROM amendments_fts "
                               "JOIN note_amendments a ON a.id = amendments_fts.rowid JOIN sessions s ON s.id = a.session_id "
                               "JOIN clients c ON c.id = s.client_id WHERE amendments_fts MATCH :q "
                               "ORDER BY amendments_fts.rowid DESC LIMIT :limit",
         soci::into(h.session), soci::into(h.client), soci::into(family), soci::into(given), soci::into(preferred),
         soci::into(h.starts_at), soci::into(h.snippet), soci::use(match), soci::use(limit));
    collect(am, true);
    return out;
}

std::int64_t SessionRepository::count() {
    long long n = 0;
    m_db.sql() << "SELECT count(*) FROM sessions", soci::into(n);
    return n;
}

} // namespace knotwork::db
