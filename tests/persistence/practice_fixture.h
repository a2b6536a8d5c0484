#pragma once
// A fresh practice per test: a new SQLite file in a unique temporary folder, opened with
// create_if_missing and the actor "test", the folder removed with everything in it afterwards.
// The same suite runs against a clinic server (PostgreSQL) when KNOTWORK_TEST_BACKEND is
// "postgresql": each practice is then a schema of its own on the server KNOTWORK_TEST_PG_URL
// names, dropped with everything in it afterwards. Tests that only make sense for one backend
// carry the label sqlite_only or postgresql_only, and CTest runs the suite once per backend.
// Also the sample records the persistence suites store, and small helpers that read the file
// behind the repositories' backs (raw SQL is for tests only: it proves the database itself
// refuses what the repositories never attempt).
#include "assessment/assessment.h"
#include "client/client.h"
#include "database.h"
#include "postgresql_native.h"
#include "plan/treatment_plan.h"
#include "repositories/client_repository.h"
#include "repositories/session_repository.h"
#include "session/session.h"

#include "domain_printers.h"

#include <boost/test/unit_test.hpp>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <memory>
#include <stdexcept>
#include <string>
#include <sys/stat.h>
#include <system_error>
#include <type_traits>

namespace knotwork::test {

// "Today" for every record the suites build; real dates in the past, so no clock matters.
inline const Date test_today(2026, 3, 1);

inline DateTime at(int year, int month, int day, int hour, int minute = 0) {
    return DateTime(Date(year, month, day), boost::posix_time::hours(hour) + boost::posix_time::minutes(minute));
}

// A folder of its own under the system's temporary directory; removed, contents and all, when
// the object goes away.
class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "knotwork-test-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create a temporary folder");
        m_path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const noexcept { return m_path; }
    std::filesystem::path file(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

// ---- the backend under test ------------------------------------------------------------------

enum class TestBackend { sqlite, postgresql };

inline TestBackend test_backend() {
    const char* b = std::getenv("KNOTWORK_TEST_BACKEND");
    return b && std::string(b) == "postgresql" ? TestBackend::postgresql : TestBackend::sqlite;
}
inline bool on_postgresql() { return test_backend() == TestBackend::postgresql; }

// Decorators for cases that only make sense on one backend (a file's permissions; a server's
// accounts): on the other, Boost.Test reports them skipped, saying why.
struct RunsOn {
    TestBackend backend;
    boost::test_tools::assertion_result operator()(boost::unit_test::test_unit_id) const {
        boost::test_tools::assertion_result ok(test_backend() == backend);
        if (!ok) ok.message() << (backend == TestBackend::sqlite ? "a practice-file case" : "a clinic-server case");
        return ok;
    }
};
inline boost::unit_test::decorator::precondition sqlite_only() { return boost::unit_test::precondition(RunsOn{TestBackend::sqlite}); }
inline boost::unit_test::decorator::precondition postgresql_only() {
    return boost::unit_test::precondition(RunsOn{TestBackend::postgresql});
}

// The clinic server the PostgreSQL run uses, or "" when none is given.
inline std::string test_server_url() {
    const char* url = std::getenv("KNOTWORK_TEST_PG_URL");
    return url ? url : "";
}

// `url` (a postgresql:// URL or key=value string) with `extra` ("-c search_path=x") added to the
// options the server applies to the session.
inline std::string with_server_options(const std::string& url, const std::string& extra) {
    if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
        std::string encoded;
        for (char c : extra) {
            if (c == ' ') encoded += "%20";
            else if (c == '=') encoded += "%3D";
            else encoded += c;
        }
        return url + (url.find('?') == std::string::npos ? "?" : "&") + "options=" + encoded;
    }
    return url + " options='" + extra + "'";
}

// A schema of its own on the test server, for one practice; dropped, contents and all, when the
// object goes away.
class TempSchema {
public:
    // SOCI reads only libpq's key=value form: the program's own conversion turns a URL into it.
    TempSchema() : m_admin(soci::postgresql, db::postgresql::connect_string(test_server_url(), "")) {
        std::random_device random;
        m_name = "knotwork_t" + std::to_string(random()) + std::to_string(random() % 1000);
        m_admin << "SET client_min_messages = warning";
        m_admin << "CREATE SCHEMA " + m_name;
    }
    ~TempSchema() {
        try {
            m_admin << "DROP SCHEMA " + m_name + " CASCADE";
        } catch (...) {
        }
    }
    TempSchema(const TempSchema&) = delete;
    TempSchema& operator=(const TempSchema&) = delete;

    const std::string& name() const noexcept { return m_name; }
    // Where a practice in this schema opens, for the server's owner account.
    std::string location() const { return with_server_options(test_server_url(), "-c search_path=" + m_name); }
    // The same practice for another account (`user`), signing in without a password.
    std::string location_for(const std::string& user) const {
        std::string url = test_server_url();
        const auto at = url.find('@');
        const auto scheme = url.find("://");
        if (scheme != std::string::npos && at != std::string::npos) url = url.substr(0, scheme + 3) + user + url.substr(at);
        else if (scheme != std::string::npos) url = url.substr(0, scheme + 3) + user + "@" + url.substr(scheme + 3);
        else url += " user=" + user;
        return with_server_options(url, "-c search_path=" + m_name);
    }
    // An owner's raw connection to the server, for setting up accounts and reading behind the
    // program's back.
    soci::session& admin() { return m_admin; }

private:
    soci::session m_admin;
    std::string m_name;
};

inline db::OpenOptions test_options() { return db::OpenOptions{.create_if_missing = true, .actor = "test"}; }

// Permission bits of a file (0600 for a practice file).
inline unsigned permissions_of(const std::filesystem::path& p) {
    struct stat st {};
    if (::stat(p.c_str(), &st) != 0) return 0;
    return static_cast<unsigned>(st.st_mode) & 0777u;
}

// The practice a test works on. Repositories take db() by reference, so make them after a
// reopen(), never before.
struct PracticeFixture {
    TempDir dir;
    std::filesystem::path file = dir.file("practice.knotwork");
    std::unique_ptr<TempSchema> schema = on_postgresql() ? std::make_unique<TempSchema>() : nullptr;
    // The practice file's path, or the clinic server's URL for this test's schema.
    std::string location = schema ? schema->location() : file.string();
    std::unique_ptr<db::Database> database = db::Database::open(location, test_options());

    db::Database& db() { return *database; }

    // Closes the practice and opens it again, as the next start of the program would.
    void reopen() {
        database.reset();
        database = db::Database::open(location, test_options());
    }
};

// Rows in `table`, counted by raw SQL.
inline std::int64_t row_count(db::Database& db, const std::string& table) {
    long long n = 0;
    db.sql() << "SELECT count(*) FROM " + table, soci::into(n);
    return n;
}

// Runs `statement` as raw SQL, binding `values` to its placeholders in order, and returns the
// database's refusal message, or "" if the statement ran.
template <typename... Values>
std::string refusal_of(db::Database& db, const std::string& statement, const Values&... values) {
    try {
        ((db.sql() << statement), ..., soci::use(values));
    } catch (const soci::soci_error& e) {
        return e.get_error_message();
    } catch (const std::exception& e) {
        return e.what();
    }
    return {};
}

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Runs `work` inside a Transaction and commits it: one use case.
template <typename Work>
auto in_transaction(db::Database& db, Work&& work) {
    db::Transaction tx(db);
    if constexpr (std::is_void_v<decltype(work())>) {
        work();
        tx.commit();
    } else {
        auto result = work();
        tx.commit();
        return result;
    }
}

// ---- sample records ------------------------------------------------------------------------

inline ClientDetails minimal_client(const std::string& family, const std::string& given) {
    ClientDetails d;
    d.family_name = family;
    d.given_name = given;
    return d;
}

// Every field of a client set to something other than its default.
inline ClientDetails full_client() {
    ClientDetails d;
    d.family_name = "Okafor";
    d.given_name = "Ngozi";
    d.preferred_name = "Zizi";
    d.date_of_birth = Date(1984, 7, 12);
    d.phone = "+44 20 7946-0958";
    d.email = "ngozi@example.org";
    d.address = "12 Mill Lane\nLeeds LS1 4AB";
    d.emergency_contact_name = "Chidi Okafor";
    d.emergency_contact_phone = "07700 900123";
    d.referral_source = "Dr Patel";
    d.referring_physician = "Dr Anjali Patel, Leeds General";
    d.occupation = "Software developer";
    d.activity = ActivityLevel::desk_work;
    d.conditions = {HealthCondition::sciatica, HealthCondition::herniated_disc, HealthCondition::hypertension};
    d.health_notes = "L5-S1 disc herniation 2023; conservative management.\tNo surgery.";
    d.medications = {{MedicationClass::pain_killer, "Ibuprofen 400 mg"},
                     {MedicationClass::muscle_relaxant, "Cyclobenzaprine 5 mg"},
                     {MedicationClass::other, ""}};
    d.allergies = "Nut oils (almond, walnut); lanolin";
    d.pressure_preference = PressurePreference::firm;
    d.sensitive_areas = "Left sciatic notch";
    d.consent_date = Date(2026, 2, 20);
    return d;
}

inline AssessmentDetails full_assessment(Date on) {
    AssessmentDetails d;
    d.assessed_on = on;
    d.therapist = "Mara Lindqvist";
    d.chief_complaint = "Low back pain radiating into the left buttock";
    d.onset_date = on - boost::gregorian::weeks(14);
    d.duration_weeks = 14;
    d.pain_now = PainScore(6);
    d.pain_best = PainScore(3);
    d.pain_worst = PainScore(8);
    d.pain_map = {
        {BodyRegion::lumbar_spine, Side::midline, PainScore(6), PainQuality::aching},
        {BodyRegion::gluteus_medius, Side::left, PainScore(5), PainQuality::radiating},
        {BodyRegion::piriformis, Side::left, PainScore(7), PainQuality::burning},
    };
    d.aggravating_factors = "Sitting over 30 minutes; bending to lift";
    d.easing_factors = "Walking; heat";
    d.posture = "Increased lumbar lordosis; anterior pelvic tilt";
    d.range_of_motion = "Flexion limited to mid-shin; extension painful at end range";
    d.palpation = {
        {BodyRegion::quadratus_lumborum, Side::left, 3, 2, 2, false, "Ropy, refers to the iliac crest"},
        {BodyRegion::piriformis, Side::left, 2, 3, 1, true, "Reproduces the buttock pain"},
        {BodyRegion::erector_spinae_lumbar, Side::bilateral, 1, 1, 0, false, ""},
    };
    OdiResponses odi;
    odi.set(OdiSection::pain_intensity, 3);
    odi.set(OdiSection::personal_care, 0);
    odi.set(OdiSection::lifting, 4);
    odi.set(OdiSection::walking, 1);
    odi.set(OdiSection::sitting, 5);
    odi.set(OdiSection::standing, 2);
    odi.set(OdiSection::sleeping, 2);
    odi.set(OdiSection::sex_life, std::nullopt); // unanswered
    odi.set(OdiSection::social_life, 1);
    odi.set(OdiSection::travelling, std::nullopt); // unanswered
    d.odi = odi;
    RmdqResponses rmdq;
    for (int item : {1, 2, 7, 12, 18, 24}) rmdq.set_item(item, true);
    d.rmdq = rmdq;
    d.psfs = PsfsResponses({{"Lifting my daughter", 3}, {"Sitting through a film", 4}, {"Gardening for an hour", 2}});
    d.red_flags.positive = {RedFlag::night_pain, RedFlag::cancer_history};
    d.red_flags.notes = "Breast cancer 2015, in remission; night pain eases on turning";
    d.red_flags.referred_to = "Dr Patel (GP)";
    d.notes = "Baseline assessment.";
    return d;
}

inline PlanDetails full_plan(std::optional<AssessmentId> based_on) {
    PlanDetails d;
    d.created_on = Date(2026, 2, 21);
    d.based_on_assessment = based_on;
    d.goals = {
        {"Pain at worst down to 3", GoalMeasure::pain, 8.0, 3.0},
        {"ODI under 20%", GoalMeasure::odi, 46.25, 20.0},
        {"Garden for an hour without pain", GoalMeasure::activity, std::nullopt, std::nullopt},
    };
    d.techniques = {
        {"myofascial_release", "Restricted thoracolumbar fascia; chronic complaint"},
        {"trigger_point_therapy", "Active trigger points in QL and piriformis reproduce the pain"},
    };
    d.regions = {{BodyRegion::quadratus_lumborum, Side::left},
                 {BodyRegion::piriformis, Side::left},
                 {BodyRegion::erector_spinae_lumbar, Side::bilateral}};
    d.series.session_count = 6;
    d.series.frequency = Frequency::every_n_days;
    d.series.interval_days = 10;
    d.series.session_minutes = 75;
    d.series.start_date = Date(2026, 2, 24);
    d.series.start_time = boost::posix_time::hours(14) + boost::posix_time::minutes(30);
    d.series.therapist = "Mara Lindqvist";
    d.reassess_after_sessions = 3;
    d.home_care = {{HomeCareKind::stretching, "Knee-to-chest, 3 x 30 s, twice a day"},
                   {HomeCareKind::heat, "Heat pack 20 minutes in the evening"},
                   {HomeCareKind::pain_journal, "Morning and evening, 0-10"}};
    d.notes = "Review after session 3.";
    return d;
}

inline SoapNote sample_note() {
    SoapNote n;
    n.subjective = "Reports sciatica easing since last week; slept through twice.";
    n.objective = "Quadratus lumborum hypertonic on the left; piriformis tender.";
    n.assessment = "Good response to myofascial release; less guarding.";
    n.plan = "Continue trigger point work on the gluteals; add hip flexor stretches.";
    n.pain_before = PainScore(6);
    n.pain_after = PainScore(3);
    n.techniques = {
        {"myofascial_release", BodyRegion::quadratus_lumborum, Side::left, Pressure(6), 20},
        {"trigger_point_therapy", BodyRegion::piriformis, Side::left, Pressure(7), 15},
        {"swedish", BodyRegion::erector_spinae_lumbar, Side::bilateral, Pressure(4), 10},
    };
    n.adverse_reactions = "Mild soreness expected for 24 hours.";
    return n;
}

// ---- storing them -------------------------------------------------------------------------

// A client added and committed; the returned copy carries the stored id and version.
inline Client store_client(db::Database& db, const ClientDetails& d) {
    Client c(d, test_today);
    in_transaction(db, [&] { db::ClientRepository(db).add(c); });
    return c;
}

// An unsigned booking for `client`, added and committed.
inline Session store_booking(db::Database& db, ClientId client, DateTime starts, int minutes = 60,
                             const std::string& therapist = "Mara Lindqvist") {
    Session s(client, starts, starts + boost::posix_time::minutes(minutes), therapist);
    in_transaction(db, [&] { db::SessionRepository(db).add(s); });
    return s;
}

// A completed session with sample_note(), signed by `by` an hour after it ended, committed.
inline Session store_signed_session(db::Database& db, ClientId client, DateTime starts,
                                    const std::string& by = "Mara Lindqvist") {
    Session s = store_booking(db, client, starts);
    s.mark_completed();
    s.write_note(sample_note());
    s.sign(by, s.ends_at() + boost::posix_time::hours(1));
    in_transaction(db, [&] { db::SessionRepository(db).save(s); });
    return s;
}

} // namespace knotwork::test
