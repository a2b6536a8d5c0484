#pragma once
// A realistic, deterministic demo practice: the same seed always gives the same clients,
// assessments, plans and signed notes. Used for the first start, for screenshots, for tests and,
// at large-clinic size, for the benchmarks.
#include "common/dates.h"

#include <cstdint>
#include <functional>

namespace knotwork::db {
class Database;
}

namespace knotwork::app {

struct DemoOptions {
    int clients = 40;
    std::uint64_t seed = 1;
    Date today;                         // the practice's "today"; schedule and history end here
    int history_years = 3;              // how far back the oldest client's record starts
    std::function<void(int done, int total)> progress; // called now and then with clients written
    int clients_per_transaction = 200;  // clients per committed batch
};

struct DemoSummary {
    std::int64_t clients = 0;
    std::int64_t assessments = 0;
    std::int64_t plans = 0;
    std::int64_t sessions = 0;
    std::int64_t signed_notes = 0;
    double seconds = 0;
    // Details, so a caller (or a test) can see that each kind of record is present.
    std::int64_t therapists = 0;         // on the roster; sessions are spread across them
    std::int64_t archived_clients = 0;
    std::int64_t red_flag_referrals = 0; // assessments with a positive red-flag screen
    std::int64_t scheduled = 0;          // appointments today or later, not yet held
    std::int64_t appointments_today = 0; // of those, on options.today
    std::int64_t cancelled = 0;
    std::int64_t no_shows = 0;
    std::int64_t unsigned_drafts = 0;    // completed sessions with a written but unsigned note
    std::int64_t amendments = 0;
};

// Fills an empty practice. Throws knotwork::Error if the practice already holds clients, and
// ValidationError for options out of range (today not set, a negative client count, a history
// outside 1-30 years). Clients are written in batches of clients_per_transaction, each committed
// on its own: if writing fails, the batches before the failure stay. Only the audit trail's and
// the rows' own timestamps come from the clock; everything else derives from seed and today.
// When today is a closed day (a Sunday or a holiday) nothing is booked on it.
DemoSummary generate_demo_practice(db::Database& db, const DemoOptions& options);

} // namespace knotwork::app
