// The practice's preferences: a therapist (or a practice file) saves the whole profile; an account
// that may change only the holidays (the front desk on a clinic server) saves those and nothing
// else, whatever else was edited.
#include "preferences/preferences_presenter.h"

#include "common/error.h"
#include "database.h"
#include "postgresql_native.h"
#include "repositories/practice_repository.h"

#include "domain_printers.h"

#include <boost/test/unit_test.hpp>

using namespace knotwork;

namespace {

const gui::PracticeAccess front_desk(true, false, "desk_sam", "desk_sam@clinic:5432/practice");

std::unique_ptr<db::Database> practice_with_profile() {
    auto db = db::Database::open(":memory:", {.create_if_missing = true, .actor = "test"});
    PracticeProfile p;
    p.practice_name = "Knotwork Studio";
    p.therapist_name = "Maya Okonkwo, RMT";
    p.licence_number = "RMT-1";
    p.holidays = {{Date(2026, 12, 25), "Christmas Day"}};
    db::Transaction tx(*db);
    db::PracticeRepository(*db).save(p);
    tx.commit();
    return db;
}

} // namespace

BOOST_AUTO_TEST_SUITE(PreferencesPresenter)

BOOST_AUTO_TEST_CASE(a_therapist_saves_the_whole_profile) {
    const auto db = practice_with_profile();
    gui::PreferencesPresenter prefs(*db);
    BOOST_TEST(!prefs.holidays_only());
    prefs.profile().licence_number = "RMT-2";
    prefs.set_closed(boost::date_time::Monday, true);
    prefs.set_holiday(Date(2026, 12, 26), " Boxing Day ");
    prefs.save();
    const PracticeProfile stored = db::PracticeRepository(*db).load();
    BOOST_TEST(stored.licence_number == "RMT-2");
    BOOST_TEST(stored.closed_weekdays.contains(boost::date_time::Monday));
    BOOST_TEST(stored.holidays.at(Date(2026, 12, 26)) == "Boxing Day");
}

BOOST_AUTO_TEST_CASE(the_front_desk_saves_the_holidays_and_nothing_else) {
    const auto db = practice_with_profile();
    gui::PreferencesPresenter prefs(*db, front_desk);
    BOOST_TEST(prefs.holidays_only());
    BOOST_CHECK_THROW(prefs.set_closed(boost::date_time::Monday, true), db::PermissionError);
    prefs.profile().licence_number = "FORGED"; // never written
    prefs.set_holiday(Date(2026, 12, 26), "Boxing Day");
    prefs.remove_holiday(Date(2026, 12, 25));
    prefs.save();
    const PracticeProfile stored = db::PracticeRepository(*db).load();
    BOOST_TEST(stored.licence_number == "RMT-1");
    BOOST_TEST(!stored.closed_weekdays.contains(boost::date_time::Monday));
    BOOST_TEST((stored.holidays == std::map<Date, std::string>{{Date(2026, 12, 26), "Boxing Day"}}));
}

BOOST_AUTO_TEST_SUITE_END()
