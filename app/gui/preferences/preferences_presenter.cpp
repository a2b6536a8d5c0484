#include "preferences/preferences_presenter.h"

#include "common/text.h"
#include "database.h"
#include "postgresql_native.h"
#include "repositories/practice_repository.h"

namespace knotwork::gui {

PreferencesPresenter::PreferencesPresenter(db::Database& db, const PracticeAccess& access)
    : m_db(db), m_access(access), m_profile(db::PracticeRepository(db).load()) {}

void PreferencesPresenter::set_closed(boost::date_time::weekdays day, bool closed) {
    if (holidays_only()) throw db::PermissionError(m_access.why_not(Feature::practice_preferences));
    if (closed) m_profile.closed_weekdays.insert(day);
    else m_profile.closed_weekdays.erase(day);
}

void PreferencesPresenter::set_holiday(Date day, const std::string& label) {
    knotwork::text::require_clean("holiday name", label, knotwork::text::short_limit);
    m_profile.holidays[day] = knotwork::text::trim(label);
}

void PreferencesPresenter::remove_holiday(Date day) { m_profile.holidays.erase(day); }

void PreferencesPresenter::save() {
    db::Transaction tx(m_db);
    if (holidays_only()) {
        db::PracticeRepository(m_db).save_holidays(m_profile.holidays);
    } else {
        m_profile.validate();
        db::PracticeRepository(m_db).save(m_profile);
    }
    tx.commit();
}

} // namespace knotwork::gui
