// Pins persistence/backup: a backup of an open practice is a complete practice of its own (same
// rows, same locks, owner-only), and it never overwrites a file that is already there.
#include "practice_fixture.h"

#include "backup.h"
#include "common/error.h"
#include "repositories/assessment_repository.h"
#include "repositories/client_repository.h"
#include "repositories/plan_repository.h"
#include "repositories/practice_repository.h"
#include "repositories/session_repository.h"

#include <fstream>
#include <iterator>

namespace knotwork::test {

namespace {

const char* const counted_tables[] = {
    "clients",         "client_conditions",   "client_medications", "assessments",     "assessment_pain_map",
    "assessment_palpation", "assessment_psfs", "assessment_red_flags", "treatment_plans", "plan_goals",
    "plan_techniques", "plan_regions",        "plan_home_care",     "sessions",        "session_techniques",
    "note_amendments", "audit_log",           "practice_settings",  "practice_holidays", "schema_migrations",
};

// A practice with at least one row in every table that holds clinical records.
struct BusyPracticeFixture : PracticeFixture {
    BusyPracticeFixture() {
        const Client c = store_client(db(), full_client());
        store_client(db(), minimal_client("Li", "Wei"));
        Assessment a(c.id(), full_assessment(Date(2026, 2, 20)), test_today);
        in_transaction(db(), [&] { db::AssessmentRepository(db()).add(a); });
        TreatmentPlan plan(c.id(), full_plan(a.id()));
        in_transaction(db(), [&] { db::PlanRepository(db()).add(plan); });
        Session s = store_signed_session(db(), c.id(), at(2026, 2, 24, 14, 30));
        signed_id = s.id();
        s.amend("Mara Lindqvist", at(2026, 2, 25, 9), "Follow-up call", "No soreness the next day.");
        in_transaction(db(), [&] { db::SessionRepository(db()).save(s); });
        store_booking(db(), c.id(), at(2026, 3, 6, 14, 30));
        PracticeProfile profile;
        profile.practice_name = "Knotwork Studio";
        profile.holidays[Date(2026, 12, 25)] = "Christmas Day";
        in_transaction(db(), [&] { db::PracticeRepository(db()).save(profile); });
    }
    SessionId signed_id = 0;
};

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

BOOST_AUTO_TEST_SUITE(Backup, *sqlite_only())

BOOST_FIXTURE_TEST_CASE(a_backup_is_a_complete_owner_only_practice, BusyPracticeFixture) {
    const auto target = dir.file("backup 2026-03-01 Müller.knotwork");
    db::backup_practice(db(), target.string());
    BOOST_TEST(std::filesystem::exists(target));
    BOOST_TEST(permissions_of(target) == 0600u);
    BOOST_TEST(!std::filesystem::exists(target.string() + ".partial"));

    auto copy = db::Database::open(target.string(), db::OpenOptions{.actor = "test"});
    BOOST_TEST(copy->schema_version() == db::Database::latest_schema_version());
    BOOST_TEST(copy->check_integrity().empty());
    for (const char* table : counted_tables) {
        BOOST_TEST_CONTEXT(table) {
            BOOST_TEST(row_count(db(), table) > 0);
            BOOST_TEST(row_count(*copy, table) == row_count(db(), table));
        }
    }
    // The records read back the same, and a signed note is still locked in the copy.
    const Session original = db::SessionRepository(db()).get(signed_id);
    const Session copied = db::SessionRepository(*copy).get(signed_id);
    BOOST_TEST((copied.note() == original.note()));
    BOOST_TEST((copied.amendments() == original.amendments()));
    BOOST_TEST((copied.signature() == original.signature()));
    BOOST_TEST(contains(refusal_of(*copy, "DELETE FROM sessions WHERE id = :id", signed_id), "signed note is locked"));
    BOOST_TEST(db::SessionRepository(*copy).search_notes("piriformis").size() == 1u);
    BOOST_TEST((db::PracticeRepository(*copy).load() == db::PracticeRepository(db()).load()));
}

BOOST_FIXTURE_TEST_CASE(a_backup_taken_while_a_change_is_pending_holds_only_committed_work, BusyPracticeFixture) {
    const auto clients_before = row_count(db(), "clients");
    // A second connection holds an uncommitted change while the backup runs.
    auto other = db::Database::open(file.string(), test_options());
    {
        db::Transaction tx(*other);
        Client c(minimal_client("Pending", "Change"), test_today);
        db::ClientRepository(*other).add(c);
        const auto target = dir.file("during.knotwork");
        db::backup_practice(db(), target.string());
        auto copy = db::Database::open(target.string(), db::OpenOptions{.actor = "test"});
        BOOST_TEST(row_count(*copy, "clients") == clients_before);
    }
}

BOOST_FIXTURE_TEST_CASE(a_backup_never_overwrites_an_existing_file, BusyPracticeFixture) {
    const auto target = dir.file("backup.knotwork");
    {
        std::ofstream out(target, std::ios::binary);
        out << "last week's backup";
    }
    BOOST_CHECK_EXCEPTION(db::backup_practice(db(), target.string()), Error, [&](const Error& e) {
        return std::string(e.what()) == "A file already exists at " + target.string() + "; choose another name.";
    });
    BOOST_TEST(read_file(target) == "last week's backup");
    BOOST_TEST(!std::filesystem::exists(target.string() + ".partial"));

    // Nor its own earlier backup.
    const auto second = dir.file("second.knotwork");
    db::backup_practice(db(), second.string());
    const auto size = std::filesystem::file_size(second);
    BOOST_CHECK_THROW(db::backup_practice(db(), second.string()), Error);
    BOOST_TEST(std::filesystem::file_size(second) == size);
}

BOOST_FIXTURE_TEST_CASE(a_backup_into_a_missing_folder_fails_and_leaves_nothing, BusyPracticeFixture) {
    const auto target = dir.file("no such folder") / "backup.knotwork";
    BOOST_CHECK_THROW(db::backup_practice(db(), target.string()), Error);
    BOOST_TEST(!std::filesystem::exists(target));
    BOOST_TEST(!std::filesystem::exists(dir.file("no such folder")));
}

BOOST_FIXTURE_TEST_CASE(a_backup_can_be_opened_and_used_as_the_practice, BusyPracticeFixture) {
    const auto target = dir.file("restored.knotwork");
    db::backup_practice(db(), target.string());
    auto copy = db::Database::open(target.string(), db::OpenOptions{.actor = "test"});
    const Client added = store_client(*copy, minimal_client("After", "Restore"));
    BOOST_TEST(db::ClientRepository(*copy).count() == 3);
    BOOST_TEST(db::ClientRepository(db()).count() == 2); // the original is untouched
    BOOST_TEST(!db::ClientRepository(db()).find(added.id()).has_value());
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
