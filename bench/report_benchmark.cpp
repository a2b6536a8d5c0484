// Times a progress report for a long history (a date range over several plans) (PRODUCT.md: a report PDF within 200 ms): building
// the model from domain records, setting it in pages, and writing the PDF, each on its own and all
// together. With --out it also writes the PDF, so the long report can be looked at.
//
// Usage: knotwork-report-bench [--sessions N] [--runs N] [--paper a4|letter] [--out FILE.pdf]
#include "pdf_renderer.h"
#include "progress_report.h"
#include "report_history.h"

#include "common/error.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

using namespace knotwork;

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Stats {
    std::vector<double> samples;
    void print(const char* what) {
        std::sort(samples.begin(), samples.end());
        std::printf("  %-28s median %7.2f ms   min %7.2f   max %7.2f\n", what, samples[samples.size() / 2],
                    samples.front(), samples.back());
    }
};

} // namespace

int main(int argc, char** argv) {
    int sessions = 100, runs = 20;
    report::PaperSize paper = report::PaperSize::a4;
    std::string out;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool has_value = i + 1 < argc;
        if (a == "--sessions" && has_value) sessions = std::max(1, std::atoi(argv[++i]));
        else if (a == "--runs" && has_value) runs = std::max(1, std::atoi(argv[++i]));
        else if (a == "--paper" && has_value) paper = report::parse_paper_size(argv[++i]);
        else if (a == "--out" && has_value) out = argv[++i];
        else {
            std::cerr << "Usage: knotwork-report-bench [--sessions N] [--runs N] [--paper a4|letter] [--out FILE.pdf]\n";
            return 2;
        }
    }
    try {
        test::SyntheticHistoryOptions options;
        options.sessions = sessions;
        const report::ClientHistory history = test::synthetic_history(options);
        const PracticeProfile practice = test::synthetic_practice();
        report::ReportRequest request;
        request.report_date = options.first_session + boost::gregorian::days(7L * sessions);
        request.period = report::ReportPeriod::between(options.first_session - boost::gregorian::days(7), request.report_date);

        const auto cold = Clock::now();
        std::string bytes = report::pdf_bytes(report::build_progress_report(history, practice, request), paper);
        const double first = ms_since(cold);

        Stats build, typeset, pdf, total;
        int pages = 0;
        for (int r = 0; r < runs; ++r) {
            auto t0 = Clock::now();
            const report::ProgressReport model = report::build_progress_report(history, practice, request);
            build.samples.push_back(ms_since(t0));
            auto t1 = Clock::now();
            const report::TypesetReport doc(model, paper);
            pages = doc.page_count();
            typeset.samples.push_back(ms_since(t1));
            auto t2 = Clock::now();
            bytes = report::pdf_bytes(model, paper);
            pdf.samples.push_back(ms_since(t2));
            total.samples.push_back(ms_since(t0) - typeset.samples.back());
        }
        std::printf("Progress report, %d appointments over several plans, %d pages, %zu bytes of PDF (%d runs)\n", sessions,
                    pages, bytes.size(), runs);
        std::printf("  %-28s %7.2f ms (fonts loaded, caches cold)\n", "first report in the process", first);
        build.print("build the model");
        typeset.print("set it in pages");
        pdf.print("set in pages and write PDF");
        total.print("model + PDF");
        if (!out.empty()) {
            const int written = report::write_pdf(report::build_progress_report(history, practice, request), out, paper);
            std::printf("Wrote %s (%d pages)\n", out.c_str(), written);
        }
    } catch (const Error& e) {
        std::cerr << "knotwork-report-bench: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
