// Pins reports/pdf_renderer by reading the PDFs back as a person's PDF viewer would: pdftotext
// extracts the real text, and the facts of the report must be in it — names in any script, scores,
// verdicts, technique rows, and "Page X of Y" on every page of a long history.
#include "pdf_renderer.h"
#include "progress_report.h"
#include "report_text.h"

#include "report_fixture.h"
#include "report_history.h"

#include <boost/test/unit_test.hpp>
#include <cairo.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <sys/wait.h>

namespace knotwork::test {

namespace {

namespace fs = std::filesystem;

class TempDir {
public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "knotwork-report-test-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create a temporary folder");
        m_path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    fs::path file(const std::string& name) const { return m_path / name; }

private:
    fs::path m_path;
};

std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// Bidi embedding marks (U+202A–U+202E) that pdftotext wraps right-to-left runs in.
std::string without_bidi_marks(std::string s) {
    for (const char* mark : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E"})
        for (auto at = s.find(mark); at != std::string::npos; at = s.find(mark)) s.erase(at, 3);
    return s;
}

// The PDF's text, or only one page's (1-based), with every run of white space made one space.
std::string pdf_text(const fs::path& pdf, int page = 0) {
    std::string command = quote(KNOTWORK_PDFTOTEXT) + " -enc UTF-8";
    if (page > 0) command += " -f " + std::to_string(page) + " -l " + std::to_string(page);
    command += " " + quote(pdf.string()) + " - 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    BOOST_TEST_REQUIRE(pipe != nullptr);
    std::string out;
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
    const int status = ::pclose(pipe);
    BOOST_TEST_REQUIRE((WIFEXITED(status) && WEXITSTATUS(status) == 0), "pdftotext failed: " << out);
    // Lines wrap where the layout wrapped them: read the text as one line, words single-spaced.
    std::string flat;
    for (char c : without_bidi_marks(out)) {
        const bool space = c == ' ' || c == '\n' || c == '\f' || c == '\t';
        if (!space) flat += c;
        else if (!flat.empty() && flat.back() != ' ') flat += ' ';
    }
    return flat;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

report::ProgressReport long_report(int sessions) {
    SyntheticHistoryOptions o;
    o.sessions = sessions;
    report::ReportRequest request;
    request.period = report::ReportPeriod::between(o.first_session, o.first_session + boost::gregorian::days(7L * sessions));
    request.report_date = request.period.to;
    return report::build_progress_report(synthetic_history(o), synthetic_practice(), request);
}

} // namespace

BOOST_AUTO_TEST_SUITE(pdf_renderer)

BOOST_AUTO_TEST_CASE(the_pdf_states_the_facts_of_the_report) {
    TempDir dir;
    const auto report = ReportFixture().build();
    const int pages = report::write_pdf(report, dir.file("report.pdf"));
    BOOST_TEST(pages >= 2);
    const std::string text = pdf_text(dir.file("report.pdf"));
    const std::string facts[] = {
        "Cedar & Stone Massage Therapy", "Maya Okonkwo, RMT", "CMTO registration M4821", "12 February 2026",
        "Ngozi Okafor", "Known as Zizi", "12 July 1984", "(age 41)", "Dr Anjali Patel",
        // baseline and goals
        "Low back pain radiating into the left buttock", "Chronic (over 12 weeks)", "40%", "12/24",
        "Reduce low back pain from 7/10 to 3/10 or less", "Progressing", "Met", "Not met",
        // outcome measures and their verdicts
        "Oswestry Disability Index", "Roland-Morris (0–24)", "Meaningful improvement", "Within measurement error",
        "\u221220", "\u221250%",
        // attendance
        "4 of 6", "planned sessions",
        // techniques: names, rationale, median pressure, average pain change
        "Myofascial release", "Trigger point therapy", "Swedish massage", "Restricted fascia over the left QL.",
        "Not named in the plan", "\u22121.5", "over 2 sessions",
        // home care, adverse reactions, recommendation, signature
        "Knee-to-chest stretch", "Mild soreness for a day.", "Continue treatment", "Therapist\u2019s comment",
        "Signature",
        // the unsigned note, left out and said so
        "Reports are built from signed notes only.", "10 Feb 2026 (session 6 of 6)", "Not signed: left out",
        // every page
        "Page 1 of " + std::to_string(pages), "Confidential: personal health information",
    };
    for (const std::string& fact : facts)
        BOOST_TEST_CONTEXT(fact) { BOOST_TEST(contains(text, fact)); }
    BOOST_TEST(!contains(text, "Hot stone")); // only in the unsigned note
}

BOOST_AUTO_TEST_CASE(a_long_history_runs_over_numbered_pages_that_list_every_session) {
    TempDir dir;
    const auto report = long_report(120);
    const int pages = report::write_pdf(report, dir.file("long.pdf"));
    BOOST_TEST(pages >= 5);
    const std::string total = std::to_string(pages);
    for (int p = 1; p <= pages; ++p) {
        BOOST_TEST_CONTEXT("page " << p) {
            const std::string page = pdf_text(dir.file("long.pdf"), p);
            BOOST_TEST(contains(page, "Page " + std::to_string(p) + " of " + total));
            BOOST_TEST(contains(page, "Confidential"));
            if (p > 1) BOOST_TEST(contains(page, "Progress report \u00B7 Ngozi Okafor"));
        }
    }
    const std::string text = pdf_text(dir.file("long.pdf"));
    for (const auto& s : report.sessions)
        BOOST_TEST_CONTEXT(to_iso(s.starts_at)) { BOOST_TEST(contains(text, report::short_date(s.starts_at.date()))); }
    BOOST_TEST(contains(text, "Session log"));
    BOOST_TEST(contains(text, "Treatment plan of 3 January 2025: 20 sessions of 60 minutes, weekly (completed)"));
}

BOOST_AUTO_TEST_CASE(names_in_any_script_survive) {
    const std::pair<std::string, std::string> names[] = {
        {"Zoë", "Ó Briain"}, {"秀英", "王"}, {"서연", "박"}, {"נועה", "מזרחי"}, {"خالد", "حداد"}, {"Наталія", "Шевченко"},
    };
    TempDir dir;
    for (const auto& [given, family] : names) {
        BOOST_TEST_CONTEXT(given << " " << family) {
            ReportFixture f;
            f.history = ReportFixture::make_history(given, family);
            const auto report = f.build();
            report::write_pdf(report, dir.file("name.pdf"));
            const std::string text = pdf_text(dir.file("name.pdf"));
            BOOST_TEST(contains(text, given + " " + family));
            BOOST_TEST(contains(text, "Confidential: personal health information about " + given + " " + family));
        }
    }
}

BOOST_AUTO_TEST_CASE(a4_and_letter_pages_have_their_sizes) {
    const auto report = ReportFixture().build();
    BOOST_TEST(contains(report::pdf_bytes(report, report::PaperSize::a4), "/MediaBox [ 0 0 595.2756 841.8898 ]"));
    BOOST_TEST(contains(report::pdf_bytes(report, report::PaperSize::letter), "/MediaBox [ 0 0 612 792 ]"));
    BOOST_TEST(report::pdf_bytes(report).rfind("%PDF-", 0) == 0u);
    BOOST_TEST((report::parse_paper_size("Letter") == report::PaperSize::letter));
    BOOST_TEST((report::parse_paper_size(" A4 ") == report::PaperSize::a4));
    KNOTWORK_CHECK_REFUSED(report::parse_paper_size("a5"), "paper size");
}

// The baseline pain map comes with a small body-map figure (back and front views, the client's
// sides marked, a legend of the colour scale), kept whole on the page of its heading.
BOOST_AUTO_TEST_CASE(a_baseline_pain_map_is_drawn_as_a_body_map_figure) {
    TempDir dir;
    auto report = ReportFixture().build();
    BOOST_REQUIRE(report.baseline);
    BOOST_REQUIRE(!report.baseline->pain_map.empty());
    const int pages = report::write_pdf(report, dir.file("map.pdf"));
    int heading_page = 0;
    for (int p = 1; p <= pages && heading_page == 0; ++p)
        if (contains(pdf_text(dir.file("map.pdf"), p), "Pain map at baseline")) heading_page = p;
    BOOST_REQUIRE(heading_page > 0);
    const std::string page = pdf_text(dir.file("map.pdf"), heading_page);
    for (const std::string word : {" Back ", " Front ", "Pain 1\u201310", " L ", " R "})
        BOOST_TEST_CONTEXT(word) { BOOST_TEST(contains(page, word)); }
    BOOST_TEST(page.find("Pain map at baseline") < page.find(" Back "));

    report.baseline->pain_map.clear();
    report::write_pdf(report, dir.file("no-map.pdf"));
    const std::string text = pdf_text(dir.file("no-map.pdf"));
    BOOST_TEST(contains(text, "Presenting complaint and baseline"));
    for (const std::string word : {"Pain map at baseline", " Back ", " Front ", "Pain 1\u201310"})
        BOOST_TEST_CONTEXT(word) { BOOST_TEST(!contains(text, word)); }
}

BOOST_AUTO_TEST_CASE(a_very_long_comment_flows_over_pages_and_ends_where_it_should) {
    ReportFixture f;
    auto request = f.plan_request();
    std::string comment;
    while (comment.size() < 50000) comment += "The client reports steady progress at work and at home. ";
    comment += "END-OF-COMMENT";
    request.comment = comment;
    TempDir dir;
    const int pages = report::write_pdf(f.build(request), dir.file("comment.pdf"));
    BOOST_TEST(pages > 10);
    BOOST_TEST(contains(pdf_text(dir.file("comment.pdf")), "END-OF-COMMENT"));
}

BOOST_AUTO_TEST_CASE(the_pages_can_be_drawn_again_after_the_report_is_gone) {
    auto report = std::make_unique<report::ProgressReport>(ReportFixture().build());
    const report::TypesetReport doc(*report, report::PaperSize::letter);
    report.reset();
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 612, 792);
    cairo_t* cr = cairo_create(surface);
    for (int i = 0; i < doc.page_count(); ++i) doc.draw_page(cr, i);
    BOOST_TEST(cairo_status(cr) == CAIRO_STATUS_SUCCESS);
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    BOOST_TEST(doc.page_size().width == 612.0);
}

BOOST_AUTO_TEST_CASE(an_unwritable_file_is_an_error_that_names_it) {
    const auto report = ReportFixture().build();
    try {
        report::write_pdf(report, "/nonexistent-folder/report.pdf");
        BOOST_FAIL("no error");
    } catch (const Error& e) {
        BOOST_TEST(contains(e.what(), "/nonexistent-folder/report.pdf"), e.what());
    }
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
