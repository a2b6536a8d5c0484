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
    // Deletes an unsigned appointment (a booking made by mistake). Signed ones are refused.
    void remove(const Session& session);

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
    Database& m_db;
};

// Turns what a person typed into an FTS5 query that cannot be a syntax error: each word becomes
// a quoted prefix term, all required. Empty when nothing searchable remains.
std::string fts_query(const std::string& typed);
// The same for a clinic server: PostgreSQL's to_tsquery text, each word a prefix, all required.
std::string tsquery_text(const std::string& typed);

} // namespace knotwork::db
