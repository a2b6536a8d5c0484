// knotwork-bench: times what a therapist waits for on a practice file, against the targets in
// PRODUCT.md. Each measure is the median of repeated runs; where the measure is database work,
// the same SQL statements (recorded while Knotwork ran them) are replayed through the raw SQLite
// C API in the same run, and the ratio of the two is printed.
//
// Usage: knotwork-bench FILE [--runs N] [--today YYYY-MM-DD] [--markdown]
// The practice is normally the large demo (scripts/bench.sh makes it): 20,000 clients.
#include "sql_replay.h"

#include "clients/client_list_presenter.h"
#include "common/error.h"
#include "core/chart.h"
#include "core/plan_series.h"
#include "core/progress_reports.h"
#include "database.h"
#include "pdf_renderer.h"
#include "repositories/client_repository.h"
#include "repositories/practice_repository.h"
#include "repositories/session_repository.h"
#include "schedule/series_scheduler.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

using namespace knotwork;
namespace bg = boost::gregorian;

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

struct Measure {
    std::string name;
    std::string detail;
    double median_ms = 0;
    std::optional<double> raw_ms; // the same SQL through the raw C API
    double target_ms = 0;         // 0: no target of its own
    std::string unit = "ms";
};

struct Options {
    std::string file;
    int runs = 15;
    Date today;
    bool markdown = false;
};

class Suite {
  public:
    explicit Suite(Options o) : m_o(std::move(o)) {}

    // Runs `action` once while recording its SQL, then `runs` times timed, then replays the SQL
    // `runs` times through raw SQLite. `include_open`: the action opens the practice itself, so
    // the replay opens its own connection each time too.
    Measure timed(const std::string& name, const std::string& detail, double target, const std::function<void()>& action,
                  bool with_raw = true, bool include_open = false) {
        std::vector<std::string> sql;
        {
            bench::Recording recording;
            action();
            sql = recording.statements();
        }
        if (std::getenv("KNOTWORK_BENCH_SHOW_SQL")) {
            std::printf("-- %s: %zu statements\n", name.c_str(), sql.size());
            for (const auto& statement : sql) std::printf("   %.160s\n", statement.c_str());
        }
        std::vector<double> ours, raw;
        for (int r = 0; r < m_o.runs; ++r) {
            const auto t = Clock::now();
            action();
            ours.push_back(ms_since(t));
        }
        Measure m{name, detail, median(ours), std::nullopt, target};
        if (with_raw) {
            bench::replay(m_o.file, sql, include_open); // warm the statement path once
            for (int r = 0; r < m_o.runs; ++r) {
                const auto t = Clock::now();
                bench::replay(m_o.file, sql, include_open);
                raw.push_back(ms_since(t));
            }
            m.raw_ms = median(raw);
        }
        return m;
    }

    int run() {
        db::OpenOptions open_options;
        open_options.actor = "knotwork-bench";
        auto db = db::Database::open(m_o.file, open_options);

        std::int64_t clients = 0, sessions = 0;
        {
            db::Transaction tx(*db);
            clients = db::ClientRepository(*db).count(true);
            sessions = db::SessionRepository(*db).count();
            tx.commit();
        }
        std::printf("Practice %s: %lld clients, %lld sessions; %d runs per measure, medians.\n", m_o.file.c_str(),
                    static_cast<long long>(clients), static_cast<long long>(sessions), m_o.runs);

        std::vector<Measure> results;

        // 1. Open the file and fill the first screen: every active client for the list, today's
        //    appointments for the Today tab.
        results.push_back(timed(
            "open + first screen", "open the file, load the client list and today's schedule", 100,
            [&] {
                auto fresh = db::Database::open(m_o.file, open_options);
                gui::ClientListPresenter list(*fresh); // what the desktop's client list reads
                list.refresh();
                const DateTime day(m_o.today);
                const auto today = db::SessionRepository(*fresh).between(day, day + bg::days(1));
                if (list.size() == 0 && clients > 0) throw Error("the client list came back empty");
                (void)today;
            },
            true, true));

        // 2. Client search per keystroke, as the desktop's client list does it (the count of
        //    matches and the first page of rows): a family name typed letter by letter (prefix),
        //    and a piece from inside it (infix). The median and the slowest keystroke.
        const std::string name = subject_name();
        std::vector<std::string> keystrokes;
        for (std::size_t i = 1; i <= name.size(); ++i) keystrokes.push_back(name.substr(0, i));
        const std::size_t infix_from = std::min<std::size_t>(2, name.size() - 1);
        for (std::size_t i = infix_from + 1; i <= name.size(); ++i)
            keystrokes.push_back(name.substr(infix_from, i - infix_from));
        {
            std::vector<double> ours, raw;
            double worst = 0, worst_raw = 0; // the slowest keystroke, both ways
            std::size_t whole_word = 0;
            for (const auto& typed : keystrokes) {
                const Measure m = timed("search", typed, 16, [&] {
                    gui::ClientListPresenter list(*db);
                    list.set_filter(typed);
                    const std::size_t hits = list.size();
                    if (typed == name) whole_word = hits;
                });
                ours.push_back(m.median_ms);
                raw.push_back(*m.raw_ms);
                // The heaviest keystroke is the one whose query costs SQLite the most. Choosing it
                // by Knotwork's own time instead would pick whichever of 18 noisy medians happened
                // to run high, and compare that run's outlier with an ordinary raw run.
                if (*m.raw_ms > worst_raw) {
                    worst = m.median_ms;
                    worst_raw = *m.raw_ms;
                }
            }
            const std::string detail = std::to_string(keystrokes.size()) + " keystrokes of \"" + name + "\" and \"" +
                                       name.substr(infix_from) + "\", " + std::to_string(whole_word) +
                                       " active clients match the whole name";
            results.push_back({"client search, median keystroke", detail, median(ours), median(raw), 16});
            results.push_back({"client search, slowest keystroke", "the keystroke whose query costs raw SQLite the most", worst,
                               worst_raw, 16});
        }

        // 3. One client's whole chart: the client whose history is nearest 100 sessions.
        const ClientId long_client = subject_client();
        std::size_t chart_sessions = 0;
        results.push_back(timed("load a client's chart", "", 100, [&] {
            const app::ClientChart chart = app::load_chart(*db, long_client);
            chart_sessions = chart.sessions.size();
        }));
        results.back().detail = "client " + std::to_string(long_client) + ": " + std::to_string(chart_sessions) +
                                " sessions with notes, assessments, plans; the view is audited";

        // 4. Full-text search over every note and amendment.
        for (const std::string words : {"piriformis", "stiffness morning"}) {
            std::size_t hits = 0;
            results.push_back(timed("note search", "", 100, [&] {
                hits = db::SessionRepository(*db).search_notes(words, 50).size();
            }));
            results.back().name = "note search \"" + words + "\"";
            results.back().detail = std::to_string(hits) + " hits shown (at most 50 notes and 50 amendments)";
        }

        // 5. A progress report over the long history, built from the file and written as PDF.
        {
            std::size_t bytes = 0;
            app::ReportJob job;
            job.client = long_client;
            job.report_date = m_o.today;
            job.from = m_o.today - bg::years(25);
            job.to = m_o.today;
            Measure m = timed(
                "progress report PDF", "", 200,
                [&] { bytes = report::pdf_bytes(app::prepare_progress_report(*db, job), job.paper).size(); }, false);
            m.detail = "client " + std::to_string(long_client) + ", all sessions, " + std::to_string(bytes / 1024) +
                       " KiB of PDF (no raw baseline: mostly typesetting)";
            results.push_back(m);
        }

        // 6. A 12-session weekly series checked against the busy calendar, as the plan dialog's
        //    preview does it.
        {
            PracticeProfile profile;
            {
                db::Transaction tx(*db);
                profile = db::PracticeRepository(*db).load();
                tx.commit();
            }
            const SeriesScheduler scheduler(app::calendar_of(profile));
            SeriesSpec series;
            series.session_count = 12;
            series.frequency = Frequency::weekly;
            series.start_date = m_o.today + bg::days(1);
            series.start_time = boost::posix_time::hours(10);
            series.therapist = subject_therapist();
            std::size_t clashes = 0, busy = 0;
            results.push_back(timed("schedule a 12-session series", "", 100, [&] {
                const auto slots = app::busy_slots(*db, series.start_date, series.start_date + bg::days(7 * 12 + 31));
                busy = slots.size();
                clashes = 0;
                for (const auto& a : scheduler.schedule(series, slots)) clashes += a.clashes.size();
            }));
            results.back().detail = std::to_string(busy) + " booked appointments checked, " + std::to_string(clashes) +
                                    " clashes found (ratio: whole action against its SQL alone)";
        }

        bench::close_replay_connection();
        db.reset();

        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        results.push_back({"peak memory", "resident, this program through every measure above",
                           static_cast<double>(usage.ru_maxrss) / 1024.0, std::nullopt, 200, "MB"});

        print(results);
        return 0;
    }

  private:
    // A family name shared by several clients, in plain ASCII letters, as a user would type it.
    std::string subject_name() {
        const std::string n = bench::query_text(
            m_o.file, "SELECT lower(family_name) FROM clients WHERE archived_on IS NULL AND family_name GLOB '[A-Za-z]*' "
                      "AND family_name NOT GLOB '*[^A-Za-z]*' AND length(family_name) >= 5 "
                      "GROUP BY lower(family_name) ORDER BY count(*) DESC, 1 LIMIT 1");
        return n.empty() ? std::string("smith") : n;
    }

    ClientId subject_client() {
        const std::string id = bench::query_text(
            m_o.file, "SELECT client_id FROM sessions GROUP BY client_id ORDER BY abs(count(*) - 100), client_id LIMIT 1");
        if (id.empty()) throw Error("the practice has no sessions to measure");
        return std::stoll(id);
    }

    std::string subject_therapist() {
        const std::string t = bench::query_text(
            m_o.file, "SELECT therapist FROM sessions WHERE therapist <> '' GROUP BY therapist ORDER BY count(*) DESC LIMIT 1");
        return t.empty() ? std::string("Therapist") : t;
    }

    void print(const std::vector<Measure>& results) const {
        if (m_o.markdown) {
            std::printf("\n| Measure | Median | Raw SQLite | Ratio | Target | Met | What |\n");
            std::printf("|---|---:|---:|---:|---:|:-:|---|\n");
        } else {
            std::printf("\n%-34s %10s %10s %6s %9s  %s\n", "measure", "median", "raw", "ratio", "target", "");
        }
        for (const auto& m : results) {
            const std::string unit = m.unit;
            char median_text[32], raw_text[32] = "", ratio_text[32] = "", target_text[32] = "";
            std::snprintf(median_text, sizeof median_text, "%.2f %s", m.median_ms, unit.c_str());
            if (m.raw_ms) {
                std::snprintf(raw_text, sizeof raw_text, "%.2f %s", *m.raw_ms, unit.c_str());
                std::snprintf(ratio_text, sizeof ratio_text, "%.2f", *m.raw_ms > 0 ? m.median_ms / *m.raw_ms : 0.0);
            }
            if (m.target_ms > 0) std::snprintf(target_text, sizeof target_text, "%.0f %s", m.target_ms, unit.c_str());
            const bool met = m.target_ms <= 0 || m.median_ms <= m.target_ms;
            if (m_o.markdown)
                std::printf("| %s | %s | %s | %s | %s | %s | %s |\n", m.name.c_str(), median_text, raw_text, ratio_text,
                            target_text, met ? "yes" : "**no**", m.detail.c_str());
            else
                std::printf("%-34s %10s %10s %6s %9s  %s\n%-34s %s\n", m.name.c_str(), median_text, raw_text,
                            ratio_text, target_text, met ? "" : "MISSED", "", m.detail.c_str());
        }
    }

    Options m_o;
};

} // namespace

int main(int argc, char** argv) {
    Options o;
    o.today = today_local();
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool has_value = i + 1 < argc;
        if (a == "--runs" && has_value) o.runs = std::max(1, std::atoi(argv[++i]));
        else if (a == "--today" && has_value) o.today = parse_date("--today", argv[++i]);
        else if (a == "--markdown") o.markdown = true;
        else if (!a.empty() && a[0] != '-' && o.file.empty()) o.file = a;
        else {
            std::cerr << "Usage: knotwork-bench FILE [--runs N] [--today YYYY-MM-DD] [--markdown]\n";
            return 2;
        }
    }
    if (o.file.empty()) {
        std::cerr << "Usage: knotwork-bench FILE [--runs N] [--today YYYY-MM-DD] [--markdown]\n";
        return 2;
    }
    try {
        return Suite(o).run();
    } catch (const std::exception& e) {
        std::cerr << "knotwork-bench: " << e.what() << "\n";
        return 1;
    }
}
