#pragma once
// Stores assessments with their pain map, palpation findings, outcome measures and red-flag
// screen. Writes need an open Transaction and are audited; stale updates throw ConflictError.
#include "assessment/assessment.h"

#include <optional>
#include <vector>

namespace knotwork::db {

class Database;

class AssessmentRepository {
public:
    explicit AssessmentRepository(Database& db) : m_db(db) {}

    AssessmentId add(Assessment& assessment);
    void update(Assessment& assessment);
    Assessment get(AssessmentId id);
    std::optional<Assessment> find(AssessmentId id);
    // Oldest first: the first is the baseline.
    std::vector<Assessment> for_client(ClientId client);

private:
    void write_children(const Assessment& a);
    Database& m_db;
};

} // namespace knotwork::db
