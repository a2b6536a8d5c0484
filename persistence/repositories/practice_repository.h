#pragma once
// The practice's own settings (name, therapist, licence, closed days, holidays), kept in the
// practice file so every workstation and every report agrees on them.
#include "practice/practice_profile.h"

namespace knotwork::db {

class Database;

class PracticeRepository {
public:
    explicit PracticeRepository(Database& db) : m_db(db) {}
    PracticeProfile load();
    void save(const PracticeProfile& profile); // needs an open transaction; audited

private:
    Database& m_db;
};

} // namespace knotwork::db
