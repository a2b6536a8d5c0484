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
};

struct DemoSummary {
    std::int64_t clients = 0;
    std::int64_t assessments = 0;
    std::int64_t plans = 0;
    std::int64_t sessions = 0;
    std::int64_t signed_notes = 0;
    double seconds = 0;
};

// Fills an empty practice. Throws knotwork::Error if the practice already holds clients.
DemoSummary generate_demo_practice(db::Database& db, const DemoOptions& options);

} // namespace knotwork::app
