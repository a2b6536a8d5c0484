#pragma once
// Stores appointments and their SOAP notes, techniques, signatures and amendments; answers the
// schedule's and the search box's questions. A signed note is never rewritten: saving a signed
// session only appends its new amendments, and the database's triggers refuse anything else.
#include "session/session.h"

#include <optional>
#include <string>
#include <vector>

namespace knotwork::db {

class Database;

// One appointment as the schedule and the chart's session list show it.
struct AppointmentSummary {
    SessionId id = 0;
    ClientId client = 0;
    std::string client_name;
    DateTime starts_at;
    DateTime ends_at;
    std::string therapist;
    AppointmentStatus status = AppointmentStatus::scheduled;
    std::optional<SeriesPosition> series;
    bool is_signed = false;
    std::string status_reason;
    int version = 0; // for the schedule's writes below (optimistic locking)
};

struct NoteHit {
    SessionId session = 0;
    ClientId client = 0;
    std::string client_name;
    DateTime starts_at;
    std::string snippet; // matching words marked with [ and ]
    bool in_amendment = false;
};

class SessionRepository {
public:
    explicit SessionRepository(Database& db) : m_db(db) {}

    SessionId add(Session& session);
    // Writes the note, status and times of an unsigned session (and its signature when it has
    // just been signed), or appends the new amendments of a signed one.
    void save(Session& session);
    // Deletes an unsigned appointment (a booking made by mistake) with its techniques. Signed
    // ones are refused.
    void remove(const Session& session);

    // ---- the schedule's writes: they read and write only the scheduling columns (the ones a
    // front-desk account on a clinic server may touch), never the note. Each needs an open
    // Transaction, takes the version the caller read (appointment() or between()), and is audited
    // with the old and new values as save() audits the same change. A session changed since that
    // version throws ConflictError; a signed one LockedRecordError; an unknown id NotFoundError.

    // Moves the appointment and names its therapist. Throws ValidationError for bad times or text.
    // Returns the new version.
    int reschedule(SessionId id, int expected_version, DateTime starts_at, DateTime ends_at,
                   const std::string& therapist);
    // Changes the status as Session does (appointment_rules::change_status): ValidationError for a
    // change the rules refuse. `reason` is kept for a cancellation. Returns the new version.
    int set_status(SessionId id, int expected_version, AppointmentStatus status, const std::string& reason = {});
    // Deletes a booking whose note was never started; session_techniques is not touched. A
    // booking with note text, pain scores or techniques throws ValidationError (cancel it
    // instead); on a clinic server an account that may not read notes learns this from the
    // server's own refusal.
    void remove_booking(SessionId id, int expected_version);
    // One appointment, read without its note. Throws NotFoundError.
    AppointmentSummary appointment(SessionId id);

    Session get(SessionId id);
    std::optional<Session> find(SessionId id);
    // Newest first, at most `limit`.
    std::vector<Session> for_client(ClientId client, int limit = 1000);
    std::vector<Session> for_plan(PlanId plan);
    std::vector<AppointmentSummary> between(DateTime from, DateTime to);
    // Notes, then amendments, that contain every word of `text`: of each at most `limit`, newest
    // first (in the order the appointments and amendments were recorded). Ranking by relevance would score every match before choosing
    // (about 280 ms for a word found in 100,000 notes); newest-first lets the full-text index stop
    // after `limit` hits, so a common word answers as fast as a rare one.
    std::vector<NoteHit> search_notes(const std::string& text, int limit = 50);
    std::int64_t count();

private:
    void write_techniques(const Session& s);
    void append_amendments(Session& s);
    std::vector<Session> load_many(const std::string& where_order, std::int64_t key, int limit);
    // The appointment as stored, checked against `expected_version` and refused once signed.
    AppointmentSummary booking_to_change(SessionId id, int expected_version, const char* what);
    Database& m_db;
};

// Turns what a person typed into an FTS5 query that cannot be a syntax error: each word becomes
// a quoted prefix term, all required. Empty when nothing searchable remains.
std::string fts_query(const std::string& typed);
// The same for a clinic server: PostgreSQL's to_tsquery text, each word a prefix, all required.
std::string tsquery_text(const std::string& typed);

} // namespace knotwork::db
