#pragma once
// How much a practice holds: what `knotwork-cli check` and the status bar report.
#include <cstdint>

namespace knotwork::db {

class Database;

struct PracticeStatistics {
    std::int64_t clients = 0;
    std::int64_t archived_clients = 0;
    std::int64_t assessments = 0;
    std::int64_t plans = 0;
    std::int64_t active_plans = 0;
    std::int64_t sessions = 0;
    std::int64_t signed_notes = 0;
    std::int64_t unsigned_completed = 0; // completed sessions whose note is still a draft
    std::int64_t amendments = 0;
    std::int64_t audit_entries = 0;
};

PracticeStatistics practice_statistics(Database& db);

} // namespace knotwork::db
