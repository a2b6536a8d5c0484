// Pins the intake red-flag screen kept with a client: the positive flags, the notes, who the
// client was referred to and the day of the screen survive a reopen, an update replaces them
// (clearing flags as well as adding them), and the audit trail names what changed.
#include "practice_fixture.h"

#include "repositories/client_repository.h"

namespace knotwork::test {

BOOST_AUTO_TEST_SUITE(ClientRedFlags)

BOOST_FIXTURE_TEST_CASE(intake_red_flag_screen_survives_the_round_trip_and_updates, PracticeFixture) {
    ClientDetails d = full_client();
    d.intake_red_flags.positive = {RedFlag::saddle_numbness, RedFlag::fever, RedFlag::suspected_dvt};
    d.intake_red_flags.notes = "Numbness «since Tuesday»; 🙂 \"quoted\"\nsecond line";
    d.intake_red_flags.referred_to = "Emergency department, St James's — طوارئ";
    d.red_flags_screened_on = Date(2026, 2, 27);
    Client c(d, test_today);
    const ClientId id = in_transaction(db(), [&] { return db::ClientRepository(db()).add(c); });
    BOOST_TEST(row_count(db(), "client_red_flags") == 3);

    reopen();
    Client loaded = db::ClientRepository(db()).get(id);
    BOOST_TEST((loaded.details().intake_red_flags.positive == d.intake_red_flags.positive));
    BOOST_TEST(loaded.details().intake_red_flags.notes == d.intake_red_flags.notes);
    BOOST_TEST(loaded.details().intake_red_flags.referred_to == d.intake_red_flags.referred_to);
    BOOST_TEST(loaded.details().red_flags_screened_on == Date(2026, 2, 27));
    BOOST_TEST((loaded.details() == d));

    // A later screen: fewer flags, a different referral, a new date.
    ClientDetails changed = loaded.details();
    changed.intake_red_flags.positive = {RedFlag::night_pain};
    changed.intake_red_flags.referred_to = "Dr Patel (GP)";
    changed.red_flags_screened_on = test_today;
    loaded.revise(changed, test_today);
    in_transaction(db(), [&] { db::ClientRepository(db()).update(loaded); });

    reopen();
    const Client again = db::ClientRepository(db()).get(id);
    BOOST_TEST((again.details().intake_red_flags.positive == std::set<RedFlag>{RedFlag::night_pain}));
    BOOST_TEST(again.details().intake_red_flags.notes == d.intake_red_flags.notes);
    BOOST_TEST(again.details().intake_red_flags.referred_to == "Dr Patel (GP)");
    BOOST_TEST(again.details().red_flags_screened_on == test_today);
    BOOST_TEST(row_count(db(), "client_red_flags") == 1);

    std::string detail;
    db().sql()
        << "SELECT detail FROM audit_log WHERE entity = 'client' AND entity_id = :id AND action = 'update'",
        soci::use(id), soci::into(detail);
    BOOST_TEST(contains(detail, "red flags"));
    BOOST_TEST(contains(detail, "referred to"));
    BOOST_TEST(contains(detail, "red flags screened on"));
    BOOST_TEST(!contains(detail, "red-flag notes"));

    // A client never screened keeps no date and no flags.
    const Client plain = store_client(db(), minimal_client("Li", "Wei"));
    const Client plain_loaded = db::ClientRepository(db()).get(plain.id());
    BOOST_TEST(plain_loaded.details().intake_red_flags.positive.empty());
    BOOST_TEST(!plain_loaded.details().red_flags_screened_on.has_value());
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
