// Pins app/core/progress_reports: the report use cases over a real practice. A written report is
// audited in the same transaction (an audit row exactly when a file was written), the default
// period is the newest active plan, and the batch writes one report per client with an active plan.
#include "core/progress_reports.h"

#include "audit_log.h"
#include "common/error.h"
#include "core/demo_practice.h"
#include "database.h"
#include "repositories/client_repository.h"
#include "repositories/plan_repository.h"

#include "domain_printers.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

namespace knotwork::test {

namespace {

namespace fs = std::filesystem;

const Date demo_today(2026, 3, 4);

class TempDir {
public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "knotwork-app-report-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create a temporary folder");
        m_path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

struct DemoPractice {
    std::unique_ptr<db::Database> db =
        db::Database::open(":memory:", db::OpenOptions{.create_if_missing = true, .actor = "test"});
    DemoPractice() {
        app::DemoOptions o;
        o.clients = 12;
        o.seed = 7;
        o.today = demo_today;
        app::generate_demo_practice(*db, o);
    }

    // A client with an active plan and at least one signed note.
    ClientId treated_client() {
        db::Transaction tx(*db);
        for (ClientId id : db::PlanRepository(*db).clients_with_active_plans()) {
            const auto history = app::load_client_history(*db, id);
            if (std::any_of(history.sessions.begin(), history.sessions.end(), [](const Session& s) { return s.is_signed(); }))
                return id;
        }
        BOOST_FAIL("the demo practice has no client in active treatment");
        return 0;
    }

    std::size_t exports_of(ClientId client) {
        db::Transaction tx(*db);
        const auto entries = db::AuditLog(*db).for_client(client);
        return static_cast<std::size_t>(std::count_if(entries.begin(), entries.end(), [](const db::AuditEntry& e) {
            return e.action == db::to_code(db::AuditAction::export_record);
        }));
    }
};

app::ReportJob job_for(ClientId client) {
    app::ReportJob job;
    job.client = client;
    job.report_date = demo_today;
    return job;
}

} // namespace

BOOST_AUTO_TEST_SUITE(progress_report_use_cases)

BOOST_AUTO_TEST_CASE(an_exported_report_is_written_and_audited_together) {
    DemoPractice practice;
    TempDir dir;
    const ClientId id = practice.treated_client();
    const fs::path file = dir.path() / "report.pdf";
    const auto written = app::export_progress_report(*practice.db, job_for(id), file);
    BOOST_TEST(fs::file_size(file) > 1000u);
    BOOST_TEST(!fs::exists(file.string() + ".part"));
    BOOST_TEST(written.pages >= 2);
    BOOST_TEST(written.plan.has_value());
    BOOST_TEST(written.signed_notes > 0);
    BOOST_TEST(practice.exports_of(id) == 1u);

    db::Transaction tx(*practice.db);
    const auto entries = db::AuditLog(*practice.db).for_client(id);
    const auto row = std::find_if(entries.begin(), entries.end(), [](const db::AuditEntry& e) { return e.action == "export"; });
    BOOST_TEST_REQUIRE((row != entries.end()));
    BOOST_TEST(row->actor == "test");
    BOOST_TEST(row->detail.find("progress report PDF: plan " + std::to_string(*written.plan)) == 0u, row->detail);
}

BOOST_AUTO_TEST_CASE(a_report_that_cannot_be_written_is_not_audited) {
    DemoPractice practice;
    const ClientId id = practice.treated_client();
    BOOST_CHECK_THROW(app::export_progress_report(*practice.db, job_for(id), "/nonexistent-folder/report.pdf"), Error);
    BOOST_TEST(practice.exports_of(id) == 0u);
    BOOST_CHECK_THROW(app::export_progress_report(*practice.db, job_for(999999), "report.pdf"), NotFoundError);
}

BOOST_AUTO_TEST_CASE(the_default_period_is_the_newest_active_plan) {
    DemoPractice practice;
    db::Transaction tx(*practice.db);
    for (ClientId id : db::PlanRepository(*practice.db).clients_with_active_plans()) {
        const auto history = app::load_client_history(*practice.db, id);
        const auto chosen = app::default_report_plan(history);
        BOOST_TEST_REQUIRE(chosen.has_value());
        const auto plan = std::find_if(history.plans.begin(), history.plans.end(),
                                       [&](const TreatmentPlan& p) { return p.id() == *chosen; });
        BOOST_TEST((plan->status() == PlanStatus::active));
        for (const auto& p : history.plans)
            if (p.status() == PlanStatus::active) BOOST_TEST(p.details().created_on <= plan->details().created_on);
        const auto period = app::resolve_period(history, job_for(id));
        BOOST_TEST(period.plan.value_or(0) == *chosen);
    }
}

BOOST_AUTO_TEST_CASE(a_plan_and_dates_together_are_refused) {
    DemoPractice practice;
    const ClientId id = practice.treated_client();
    db::Transaction tx(*practice.db);
    const auto history = app::load_client_history(*practice.db, id);
    auto job = job_for(history.client.id());
    job.plan = history.plans.front().id();
    job.from = Date(2026, 1, 1);
    job.to = Date(2026, 2, 1);
    KNOTWORK_CHECK_REFUSED(app::resolve_period(history, job), "report period");
    job.plan.reset();
    job.to.reset();
    KNOTWORK_CHECK_REFUSED(app::resolve_period(history, job), "report period");
}

BOOST_AUTO_TEST_CASE(the_batch_writes_one_audited_report_per_client_with_an_active_plan) {
    DemoPractice practice;
    TempDir dir;
    std::vector<ClientId> active;
    {
        db::Transaction tx(*practice.db);
        active = db::PlanRepository(*practice.db).clients_with_active_plans();
    }
    BOOST_TEST_REQUIRE(!active.empty());
    std::size_t calls = 0;
    app::BatchReportOptions options;
    options.report_date = demo_today;
    options.progress = [&](std::size_t done, std::size_t total, const app::ExportedReport&) {
        ++calls;
        BOOST_TEST(done == calls);
        BOOST_TEST(total == active.size());
        return true;
    };
    const auto written = app::export_active_reports(*practice.db, dir.path() / "reports", options);
    BOOST_TEST(written.size() == active.size());
    BOOST_TEST(calls == active.size());
    for (const auto& r : written) {
        BOOST_TEST_CONTEXT(r.file) {
            BOOST_TEST(fs::exists(r.file));
            BOOST_TEST(r.file.filename().string().rfind("client-", 0) == 0u);
            BOOST_TEST(practice.exports_of(r.client) == 1u);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_batch_stops_when_progress_says_so_and_keeps_what_it_wrote) {
    DemoPractice practice;
    TempDir dir;
    std::size_t active = 0;
    {
        db::Transaction tx(*practice.db);
        active = db::PlanRepository(*practice.db).clients_with_active_plans().size();
    }
    BOOST_TEST_REQUIRE(active > 2u);
    app::BatchReportOptions options;
    options.report_date = demo_today;
    options.progress = [](std::size_t done, std::size_t, const app::ExportedReport&) { return done < 2; };
    const auto written = app::export_active_reports(*practice.db, dir.path() / "reports", options);
    BOOST_TEST(written.size() == 2u);
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(dir.path() / "reports")) {
        BOOST_TEST(entry.path().extension() == ".pdf");
        ++files;
    }
    BOOST_TEST(files == 2u);
}

BOOST_AUTO_TEST_CASE(file_names_are_plain_ascii) {
    ClientDetails d;
    d.family_name = "Ó Briain";
    d.given_name = "Zoë";
    Client latin(d, demo_today);
    latin.set_id(7);
    BOOST_TEST(app::report_file_name(latin, 12) == "client-0007-o-briain-zoe-plan-12.pdf");
    d.family_name = "王";
    d.given_name = "秀英";
    Client cjk(d, demo_today);
    cjk.set_id(12345);
    BOOST_TEST(app::report_file_name(cjk, std::nullopt) == "client-12345.pdf");
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
