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
    // Replaces the holidays only, leaving the settings unread and unwritten: what a front-desk
    // account on a clinic server (which may read the settings but not change them) saves. Needs
    // an open transaction; audited as save() audits the holidays. Throws ValidationError for a
    // bad name.
    void save_holidays(const std::map<Date, std::string>& holidays);

private:
    std::map<Date, std::string> load_holidays();
    void write_holidays(const std::map<Date, std::string>& holidays);
    Database& m_db;
};

} // namespace knotwork::db
