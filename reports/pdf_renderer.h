#pragma once
// Sets a ProgressReport in pages and writes them as PDF with Cairo and Pango: real, selectable
// text in any script (DejaVu Sans, with Noto CJK for ideographs and Hangul; right-to-left names in
// their own order), tables whose rows never split across pages, the pain trend chart, a running
// header from the second page, and "Page X of Y" with a confidentiality line on every page.
//
// TypesetReport is the paginated document itself: measured once, then drawn page by page onto any
// Cairo context in points. The PDF writer uses it; the desktop's print preview and printing draw
// the same pages.
#include "progress_report.h"

#include <filesystem>
#include <memory>
#include <string>

typedef struct _cairo cairo_t;

namespace knotwork::report {

enum class PaperSize { a4, letter };

struct PageDimensions {
    double width;  // points
    double height;
};
PageDimensions dimensions(PaperSize paper);
// "a4" or "letter" (any case). Throws ValidationError("paper size", …) for anything else.
PaperSize parse_paper_size(std::string_view text);

class TypesetReport {
public:
    TypesetReport(const ProgressReport& report, PaperSize paper);
    ~TypesetReport();
    TypesetReport(const TypesetReport&) = delete;
    TypesetReport& operator=(const TypesetReport&) = delete;

    int page_count() const;
    PageDimensions page_size() const;
    // Draws page `index` (0-based) with its header and footer, in points from the top left corner.
    // Paints nothing behind the text: the caller provides the paper.
    void draw_page(cairo_t* cr, int index) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// Writes the report to `file` as PDF (replacing it) and returns its number of pages. Throws
// knotwork::Error naming the file when it cannot be written.
int write_pdf(const ProgressReport& report, const std::filesystem::path& file, PaperSize paper = PaperSize::a4);
// The same document as PDF bytes.
std::string pdf_bytes(const ProgressReport& report, PaperSize paper = PaperSize::a4);

} // namespace knotwork::report
