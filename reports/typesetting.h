#pragma once
// The small typesetting engine the progress report is set with: text measured and wrapped by Pango
// at 72 units per inch (one unit is one point), blocks of content that know their height and where
// they may be cut, and a paginator that flows them onto pages. Drawing is plain Cairo, so the same
// pages go to a PDF surface, a print preview or a printer.
//
// The rules a printed document needs: a block is cut only where it says it may be (a table row
// never, a paragraph between lines and never leaving a single line behind); a heading stays with
// what follows it; a table cut by a page break repeats its column headings on the next page.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace knotwork::report::typeset {

struct Colour {
    double red = 0;
    double green = 0;
    double blue = 0;

    // 0xRRGGBB.
    static constexpr Colour hex(unsigned rgb) {
        return {((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0};
    }
    void use(cairo_t* cr, double alpha = 1.0) const;
    // "#RRGGBB", for Pango markup.
    std::string markup() const;
};

enum class Align { left, centre, right };

struct TextStyle {
    double size = 9.0; // points
    bool bold = false;
    bool italic = false;
    Colour colour;
    Align align = Align::left;
    double line_spacing = 1.0;  // multiple of the font's line height
    double letter_spacing = 0;  // points
    bool break_words = true;    // a word longer than the line may be cut; else it runs over
};

// The families the report's text is set in: DejaVu Sans, then fonts that cover what it does not
// (CJK ideographs, Hangul, kana), then whatever fontconfig offers.
inline constexpr std::string_view font_families =
    "DejaVu Sans, Noto Sans CJK SC, Noto Sans CJK JP, Noto Sans CJK KR, WenQuanYi Micro Hei, sans-serif";

// Text as Pango markup: <, > and & escaped. Every piece of recorded text goes through this.
std::string escape(std::string_view text);

// Owns the Pango context every measurement and drawing shares: 72 dpi, no hinting, unrounded
// glyph positions, so a layout measures the same on a PDF page, a preview and a printer.
class Typesetter {
public:
    Typesetter();
    ~Typesetter();
    Typesetter(const Typesetter&) = delete;
    Typesetter& operator=(const Typesetter&) = delete;

    PangoContext* context() const noexcept { return m_context; }

private:
    PangoContext* m_context = nullptr;
};

// Markup set in lines at a fixed width: measured once, drawn whole or a range of its lines.
class TextBox {
public:
    TextBox(const Typesetter& typesetter, std::string_view markup, const TextStyle& style, double width);
    ~TextBox();
    TextBox(TextBox&& other) noexcept;
    TextBox& operator=(TextBox&& other) noexcept;
    TextBox(const TextBox&) = delete;
    TextBox& operator=(const TextBox&) = delete;

    double height() const noexcept { return m_height; }
    // The widest line's width: less than the box's width for short text.
    double natural_width() const noexcept { return m_natural_width; }
    std::size_t line_count() const noexcept { return m_lines.size(); }
    double line_top(std::size_t i) const { return m_lines[i].top; }
    double line_bottom(std::size_t i) const { return m_lines[i].bottom; }
    double first_baseline() const { return m_lines.empty() ? 0 : m_lines.front().baseline; }

    // Draws the lines whose top lies in [from, to), with `from` at y.
    void draw(cairo_t* cr, double x, double y, double from = 0,
              double to = std::numeric_limits<double>::infinity()) const;

private:
    struct Line {
        PangoLayoutLine* line; // owned by the layout
        double x;
        double top;
        double bottom;
        double baseline;
    };
    PangoLayout* m_layout = nullptr;
    Colour m_colour;
    std::vector<Line> m_lines;
    double m_height = 0;
    double m_natural_width = 0;
};

// A piece of the document's flow, at the full width of the text column.
struct Block {
    double height = 0;
    double space_before = 0;     // dropped at the top of a page
    bool keep_with_next = false; // never the last thing on a page
    bool page_break_before = false;
    std::vector<double> breaks;  // heights where the block may be cut, ascending; none: never cut
    // Drawn first when this block starts a page without its own heading above it (a table's column
    // headings, for its rows after the first).
    std::shared_ptr<const Block> continuation;
    // Draws the part of the block in [from, to) with `from` at y.
    std::function<void(cairo_t* cr, double x, double y, double from, double to)> draw;
};

struct Placement {
    const Block* block;
    double y;
    double from;
    double to;
};

struct PageArea {
    double top;
    double bottom;
};

// Flows `blocks` onto pages. `area(page)` gives each page's text column top and bottom.
std::vector<std::vector<Placement>> paginate(const std::vector<std::shared_ptr<const Block>>& blocks,
                                             const std::function<PageArea(std::size_t page)>& area);

} // namespace knotwork::report::typeset
