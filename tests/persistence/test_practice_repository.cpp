// Pins persistence/repositories/practice_repository: the practice profile (who the practice is,
// when it is closed) is kept in the practice file and comes back exactly, closed days and
// holidays included.
#include "practice_fixture.h"

#include "audit_log.h"
#include "common/error.h"
#include "repositories/practice_repository.h"

namespace knotwork::test {

namespace {

using boost::date_time::weekdays;

PracticeProfile full_profile() {
    PracticeProfile p;
    p.practice_name = "Knotwork Studio – Massage & Bodywork";
    p.address = "2 Canal Wharf\nLeeds LS11 5PS";
    p.phone = "0113 496 0123";
    p.therapist_name = "Mara Lindqvist, RMT";
    p.licence_number = "RMT-004217 \"A\"";
    p.default_session_minutes = 75;
    p.closed_weekdays = {boost::date_time::Saturday, boost::date_time::Sunday, boost::date_time::Wednesday};
    p.holidays = {{Date(2026, 12, 25), "Christmas Day"},
                  {Date(2026, 12, 26), "Boxing Day"},
                  {Date(2027, 1, 1), "Neujahr 🎆"},
                  {Date(2026, 4, 3), ""}};
    return p;
}

void save(db::Database& db, const PracticeProfile& p) {
    in_transaction(db, [&] { db::PracticeRepository(db).save(p); });
}

} // namespace

BOOST_AUTO_TEST_SUITE(PracticeRepository)

BOOST_FIXTURE_TEST_CASE(a_new_practice_has_the_default_profile, PracticeFixture) {
    const PracticeProfile p = db::PracticeRepository(db()).load();
    BOOST_TEST((p == PracticeProfile{}));
    BOOST_TEST(p.closed_weekdays.contains(boost::date_time::Sunday));
    BOOST_TEST(p.default_session_minutes == 60);
    BOOST_TEST(p.holidays.empty());
}

BOOST_FIXTURE_TEST_CASE(the_profile_survives_the_round_trip, PracticeFixture) {
    save(db(), full_profile());
    reopen();
    const PracticeProfile p = db::PracticeRepository(db()).load();
    const PracticeProfile want = full_profile();
    BOOST_TEST(p.practice_name == want.practice_name);
    BOOST_TEST(p.address == want.address);
    BOOST_TEST(p.phone == want.phone);
    BOOST_TEST(p.therapist_name == want.therapist_name);
    BOOST_TEST(p.licence_number == want.licence_number);
    BOOST_TEST(p.default_session_minutes == 75);
    BOOST_TEST((p.closed_weekdays == want.closed_weekdays));
    BOOST_TEST((p.holidays == want.holidays));
    BOOST_TEST((p == want));
    BOOST_TEST(p.is_closed(Date(2026, 12, 25)));    // a holiday
    BOOST_TEST(p.is_closed(Date(2026, 3, 4)));      // a Wednesday
    BOOST_TEST(!p.is_closed(Date(2026, 3, 5)));     // a Thursday
}

BOOST_FIXTURE_TEST_CASE(each_closed_weekday_set_survives, PracticeFixture) {
    using Days = std::set<weekdays>;
    const std::pair<const char*, Days> cases[] = {
        {"none", {}},
        {"Sunday only", {boost::date_time::Sunday}},
        {"Saturday only", {boost::date_time::Saturday}},
        {"Monday and Friday", {boost::date_time::Monday, boost::date_time::Friday}},
        {"all but Tuesday",
         {boost::date_time::Sunday, boost::date_time::Monday, boost::date_time::Wednesday, boost::date_time::Thursday,
          boost::date_time::Friday, boost::date_time::Saturday}},
    };
    for (const auto& [what, days] : cases) {
        BOOST_TEST_CONTEXT(what) {
            PracticeProfile p = full_profile();
            p.closed_weekdays = days;
            save(db(), p);
            BOOST_TEST((db::PracticeRepository(db()).load().closed_weekdays == days));
        }
    }
}

BOOST_FIXTURE_TEST_CASE(saving_again_replaces_settings_and_holidays, PracticeFixture) {
    save(db(), full_profile());
    PracticeProfile p = full_profile();
    p.practice_name = "Renamed";
    p.holidays.erase(Date(2026, 12, 26));
    p.holidays[Date(2026, 12, 31)] = "New Year's Eve";
    save(db(), p);
    const PracticeProfile loaded = db::PracticeRepository(db()).load();
    BOOST_TEST((loaded == p));
    BOOST_TEST(!loaded.holidays.contains(Date(2026, 12, 26)));
    BOOST_TEST(row_count(db(), "practice_settings") == 7);
}

BOOST_FIXTURE_TEST_CASE(an_invalid_profile_is_refused_and_nothing_changes, PracticeFixture) {
    save(db(), full_profile());
    PracticeProfile closed_every_day = full_profile();
    for (int d = 0; d < 7; ++d) closed_every_day.closed_weekdays.insert(static_cast<weekdays>(d));
    closed_every_day.practice_name = "Should not be saved";
    KNOTWORK_CHECK_REFUSED(save(db(), closed_every_day), "closed days");
    PracticeProfile too_short = full_profile();
    too_short.default_session_minutes = 5;
    KNOTWORK_CHECK_REFUSED(save(db(), too_short), "default session length");
    BOOST_TEST((db::PracticeRepository(db()).load() == full_profile()));
}

BOOST_FIXTURE_TEST_CASE(saving_the_profile_is_audited, PracticeFixture) {
    save(db(), full_profile());
    long long rows = 0;
    db().sql() << "SELECT count(*) FROM audit_log WHERE entity = 'practice' AND action = 'update' AND actor = :actor",
        soci::use(db().actor()), soci::into(rows);
    BOOST_TEST(rows == 1);
}

BOOST_FIXTURE_TEST_CASE(save_holidays_replaces_the_holidays_only_and_audits_them, PracticeFixture) {
    PracticeProfile stored = full_profile();
    save(db(), stored);
    const std::map<Date, std::string> holidays{{Date(2026, 12, 25), "Christmas Day"},
                                               {Date(2026, 8, 31), "Summer bank holiday"}};
    in_transaction(db(), [&] { db::PracticeRepository(db()).save_holidays(holidays); });
    reopen();
    const PracticeProfile loaded = db::PracticeRepository(db()).load();
    BOOST_TEST((loaded.holidays == holidays));
    stored.holidays = holidays;
    BOOST_TEST((loaded == stored)); // the settings as they were

    const auto entries = db::AuditLog(db()).find({});
    BOOST_TEST_REQUIRE(!entries.empty());
    const auto& last = entries.back();
    BOOST_TEST(last.entity == "practice");
    BOOST_TEST(last.action == "update");
    BOOST_TEST(last.detail == "holidays saved; changed: holidays");
    BOOST_TEST_REQUIRE(last.changes.size() == 1u);
    BOOST_TEST(last.changes[0].field == "holidays");
    BOOST_TEST(last.changes[0].old_value == "2026-04-03; 2026-12-25 Christmas Day; 2026-12-26 Boxing Day; "
                                            "2027-01-01 Neujahr 🎆");
    BOOST_TEST(last.changes[0].new_value == "2026-08-31 Summer bank holiday; 2026-12-25 Christmas Day");
}

BOOST_FIXTURE_TEST_CASE(save_holidays_refuses_a_bad_name_and_needs_a_transaction, PracticeFixture) {
    save(db(), full_profile());
    const auto entries = db::AuditLog(db()).count();
    const std::map<Date, std::string> bad{{Date(2026, 12, 24), std::string("Eve\x01")}};
    BOOST_CHECK_THROW(in_transaction(db(), [&] { db::PracticeRepository(db()).save_holidays(bad); }),
                      ValidationError);
    BOOST_CHECK_THROW(db::PracticeRepository(db()).save_holidays({}), Error);
    BOOST_TEST((db::PracticeRepository(db()).load().holidays == full_profile().holidays));
    BOOST_TEST(db::AuditLog(db()).count() == entries);
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
