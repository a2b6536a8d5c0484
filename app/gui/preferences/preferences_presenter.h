#pragma once
// Practice preferences: who the practice is (printed on reports), closed weekdays and holidays
// (used by the series scheduler), the default session length. Kept in the practice file. An
// account that may not change the practice's preferences (the front desk on a clinic server)
// changes the holidays only: save() writes nothing else, and set_closed() is refused.
#include "practice/practice_profile.h"
#include "server/access_presenter.h"

namespace knotwork::db {
class Database;
}

namespace knotwork::gui {

class PreferencesPresenter {
public:
    explicit PreferencesPresenter(db::Database& db, const PracticeAccess& access = {});

    // True for an account that may change the holidays and nothing else.
    bool holidays_only() const { return !m_access.allows(Feature::practice_preferences); }

    PracticeProfile& profile() { return m_profile; }
    const PracticeProfile& profile() const { return m_profile; }

    // Throws PermissionError with holidays_only().
    void set_closed(boost::date_time::weekdays day, bool closed);
    bool is_closed(boost::date_time::weekdays day) const { return m_profile.closed_weekdays.contains(day); }
    // Adds or renames a holiday; throws ValidationError for a bad label.
    void set_holiday(Date day, const std::string& label);
    void remove_holiday(Date day);

    // Validates and saves in one transaction: the whole profile, or with holidays_only() the
    // holidays alone (whatever else was changed in profile() is not written). Throws
    // ValidationError naming the field.
    void save();

private:
    db::Database& m_db;
    PracticeAccess m_access;
    PracticeProfile m_profile;
};

} // namespace knotwork::gui
