#pragma once
// Practice preferences: who the practice is (printed on reports), closed weekdays and holidays
// (used by the series scheduler), the default session length. Kept in the practice file.
#include "practice/practice_profile.h"

namespace knotwork::db {
class Database;
}

namespace knotwork::gui {

class PreferencesPresenter {
public:
    explicit PreferencesPresenter(db::Database& db);

    PracticeProfile& profile() { return m_profile; }
    const PracticeProfile& profile() const { return m_profile; }

    void set_closed(boost::date_time::weekdays day, bool closed);
    bool is_closed(boost::date_time::weekdays day) const { return m_profile.closed_weekdays.contains(day); }
    // Adds or renames a holiday; throws ValidationError for a bad label.
    void set_holiday(Date day, const std::string& label);
    void remove_holiday(Date day);

    // Validates and saves in one transaction. Throws ValidationError naming the field.
    void save();

private:
    db::Database& m_db;
    PracticeProfile m_profile;
};

} // namespace knotwork::gui
