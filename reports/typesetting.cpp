#include "typesetting.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

namespace knotwork::report::typeset {

namespace {

constexpr double scale = PANGO_SCALE;
constexpr double eps = 1e-6;

int to_pango(double points) { return static_cast<int>(std::lround(points * scale)); }

PangoAlignment to_pango(Align a) {
    switch (a) {
    case Align::left:
        return PANGO_ALIGN_LEFT;
    case Align::centre:
        return PANGO_ALIGN_CENTER;
    case Align::right:
        return PANGO_ALIGN_RIGHT;
    }
    return PANGO_ALIGN_LEFT;
}

} // namespace

void Colour::use(cairo_t* cr, double alpha) const {
    if (alpha >= 1.0) cairo_set_source_rgb(cr, red, green, blue);
    else cairo_set_source_rgba(cr, red, green, blue, alpha);
}

std::string Colour::markup() const {
    char buf[8];
    auto byte = [](double v) { return static_cast<unsigned>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
    std::snprintf(buf, sizeof buf, "#%02X%02X%02X", byte(red), byte(green), byte(blue));
    return buf;
}

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&apos;";
            break;
        case '\r':
            break;
        default:
            out += c;
        }
    }
    return out;
}

Typesetter::Typesetter() {
    m_context = pango_font_map_create_context(pango_cairo_font_map_get_default());
    pango_cairo_context_set_resolution(m_context, 72.0);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(m_context, options);
    cairo_font_options_destroy(options);
    pango_context_set_round_glyph_positions(m_context, FALSE);
    pango_context_set_base_dir(m_context, PANGO_DIRECTION_LTR);
    pango_context_set_language(m_context, pango_language_from_string("en"));
}

Typesetter::~Typesetter() { g_object_unref(m_context); }

TextBox::TextBox(const Typesetter& typesetter, std::string_view markup, const TextStyle& style, double width)
    : m_colour(style.colour) {
    m_layout = pango_layout_new(typesetter.context());
    PangoFontDescription* font = pango_font_description_from_string(std::string(font_families).c_str());
    pango_font_description_set_size(font, to_pango(style.size));
    pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(m_layout, font);
    pango_font_description_free(font);
    pango_layout_set_width(m_layout, to_pango(std::max(width, 1.0)));
    pango_layout_set_wrap(m_layout, style.break_words ? PANGO_WRAP_WORD_CHAR : PANGO_WRAP_WORD);
    pango_layout_set_alignment(m_layout, to_pango(style.align));
    pango_layout_set_auto_dir(m_layout, FALSE);
    if (style.line_spacing != 1.0) pango_layout_set_line_spacing(m_layout, static_cast<float>(style.line_spacing));

    std::string text(markup);
    if (style.letter_spacing != 0)
        text = "<span letter_spacing=\"" + std::to_string(to_pango(style.letter_spacing)) + "\">" + text + "</span>";
    // Markup the report composed itself always parses; should it not, the text still shows, plain.
    if (pango_parse_markup(text.data(), static_cast<int>(text.size()), 0, nullptr, nullptr, nullptr, nullptr))
        pango_layout_set_markup(m_layout, text.data(), static_cast<int>(text.size()));
    else
        pango_layout_set_text(m_layout, std::string(markup).c_str(), -1);

    PangoLayoutIter* it = pango_layout_get_iter(m_layout);
    do {
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(it, nullptr, &logical);
        const double baseline = pango_layout_iter_get_baseline(it) / scale;
        m_lines.push_back({pango_layout_iter_get_line_readonly(it), logical.x / scale, logical.y / scale,
                           (logical.y + logical.height) / scale, baseline});
        m_natural_width = std::max(m_natural_width, logical.width / scale);
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    PangoRectangle extents;
    pango_layout_get_extents(m_layout, nullptr, &extents);
    m_height = std::max(extents.height / scale, m_lines.empty() ? 0.0 : m_lines.back().bottom);
}

TextBox::~TextBox() {
    if (m_layout) g_object_unref(m_layout);
}

TextBox::TextBox(TextBox&& other) noexcept
    : m_layout(std::exchange(other.m_layout, nullptr)), m_colour(other.m_colour), m_lines(std::move(other.m_lines)),
      m_height(other.m_height), m_natural_width(other.m_natural_width) {}

TextBox& TextBox::operator=(TextBox&& other) noexcept {
    if (this != &other) {
        if (m_layout) g_object_unref(m_layout);
        m_layout = std::exchange(other.m_layout, nullptr);
        m_colour = other.m_colour;
        m_lines = std::move(other.m_lines);
        m_height = other.m_height;
        m_natural_width = other.m_natural_width;
    }
    return *this;
}

void TextBox::draw(cairo_t* cr, double x, double y, double from, double to) const {
    m_colour.use(cr);
    for (const Line& line : m_lines) {
        if (line.top + eps < from || line.top >= to - eps) continue;
        cairo_move_to(cr, x + line.x, y + line.baseline - from);
        pango_cairo_show_layout_line(cr, line.line);
    }
}

// ---- Pagination ------------------------------------------------------------------------------

std::vector<std::vector<Placement>> paginate(const std::vector<std::shared_ptr<const Block>>& blocks,
                                             const std::function<PageArea(std::size_t page)>& area) {
    std::vector<std::vector<Placement>> pages(1);
    PageArea current = area(0);
    double y = current.top;
    bool fresh = true; // nothing but a repeated table heading on this page yet

    auto new_page = [&] {
        pages.emplace_back();
        current = area(pages.size() - 1);
        y = current.top;
        fresh = true;
    };
    auto place = [&](const Block& b, double at, double from, double to) {
        pages.back().push_back({&b, at, from, to});
        y = at + (to - from);
    };
    // The least of a block that may begin a page.
    auto first_piece = [](const Block& b) { return b.breaks.empty() ? b.height : b.breaks.front(); };
    // Height block i needs on this page with the blocks it keeps with.
    auto chain_need = [&](std::size_t i) {
        double need = 0;
        for (std::size_t j = i; j < blocks.size(); ++j) {
            const Block& b = *blocks[j];
            const double gap = (j == i && fresh) ? 0 : b.space_before;
            if (j > i && (!b.keep_with_next || j + 1 == blocks.size())) return need + gap + first_piece(b);
            need += gap + b.height;
            if (!b.keep_with_next) break;
        }
        return need;
    };

    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const Block& b = *blocks[i];
        if (b.page_break_before && !fresh) new_page();
        double from = 0;
        for (;;) {
            if (fresh && b.continuation && y == current.top) place(*b.continuation, y, 0, b.continuation->height);
            const double gap = (fresh || from > 0) ? 0 : b.space_before;
            const double room = current.bottom - y - gap;
            const double rest = b.height - from;
            const double need = (from == 0 && b.keep_with_next) ? chain_need(i) : rest;
            if (need <= room + eps || (rest <= room + eps && fresh)) {
                place(b, y + gap, from, b.height);
                fresh = false;
                break;
            }
            if (from == 0 && b.keep_with_next && !fresh) {
                new_page();
                continue;
            }
            double cut = -1;
            for (double c : b.breaks)
                if (c > from + eps && c - from <= room + eps) cut = c;
            if (cut > 0) {
                place(b, y + gap, from, cut);
                new_page();
                from = cut;
                continue;
            }
            if (!fresh) {
                new_page();
                continue;
            }
            // Taller than a whole page and not cuttable here: it runs over the bottom margin.
            place(b, y + gap, from, b.height);
            fresh = false;
            break;
        }
    }
    return pages;
}

} // namespace knotwork::report::typeset
