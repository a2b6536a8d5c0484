#include "pdf_renderer.h"

#include "body_map_geometry.h"
#include "pain_chart.h"
#include "report_style.h"
#include "report_text.h"
#include "typesetting.h"

#include "common/error.h"
#include "common/text.h"

#include <cairo-pdf.h>

#include <algorithm>
#include <cmath>

namespace knotwork::report {

namespace {

using typeset::Align;
using typeset::Block;
using typeset::Colour;
using typeset::escape;
using typeset::TextBox;
using typeset::TextStyle;
using BlockPtr = std::shared_ptr<const Block>;

constexpr double eps = 1e-6;
constexpr double cell_pad_x = 4.0;
constexpr double cell_pad_y = 3.6;
constexpr double tall_block = 320.0; // taller than this, a row or panel may be cut between lines
constexpr double chart_height = 178.0;

TextStyle text_style(double size = style::body_size, Colour colour = style::ink, bool bold = false,
                     Align align = Align::left) {
    TextStyle s;
    s.size = size;
    s.colour = colour;
    s.bold = bold;
    s.align = align;
    return s;
}

// ---- Markup ----------------------------------------------------------------------------------

int markup_size(double points) { return static_cast<int>(std::lround(points * PANGO_SCALE)); }

std::string span(const std::string& escaped, Colour colour, double size = 0, bool bold = false) {
    std::string s = "<span foreground=\"" + colour.markup() + "\"";
    if (size > 0) s += " size=\"" + std::to_string(markup_size(size)) + "\"";
    if (bold) s += " font_weight=\"bold\"";
    return s + ">" + escaped + "</span>";
}

std::string small(const std::string& plain, Colour colour = style::muted) {
    return span(escape(plain), colour, style::small_size);
}

// Text of unknown direction set inside a sentence: a Hebrew or Arabic name keeps the words and
// numbers around it in their places.
std::string isolate(const std::string& text) { return "\u2068" + text + "\u2069"; }

std::string bold(const std::string& plain) { return "<b>" + escape(plain) + "</b>"; }

// A line break and a small second line under a cell's main text.
std::string with_note(const std::string& main_markup, const std::string& note, Colour colour = style::muted) {
    if (note.empty()) return main_markup;
    return main_markup + "\n" + small(note, colour);
}

Colour verdict_colour(ChangeVerdict v) {
    switch (v) {
    case ChangeVerdict::improved:
        return style::good;
    case ChangeVerdict::within_error:
        return style::muted;
    case ChangeVerdict::worsened:
        return style::bad;
    }
    return style::muted;
}

Colour status_colour(GoalStatus s) {
    switch (s) {
    case GoalStatus::met:
        return style::good;
    case GoalStatus::progressing:
        return style::caution;
    case GoalStatus::not_met:
        return style::bad;
    case GoalStatus::not_measured:
        return style::faint;
    }
    return style::muted;
}

std::string dot_label(const std::string& text, Colour colour) {
    return span("\u25CF", colour) + " " + span(escape(text), colour, 0, true);
}

std::string measure_name(const OutcomeRow& r) {
    if (r.source == OutcomeSource::session_ratings) return "Pain before treatment (0–10)";
    switch (r.measure) {
    case OutcomeMeasure::pain:
        return "Pain now (0–10)";
    case OutcomeMeasure::odi:
        return "Oswestry Disability Index";
    case OutcomeMeasure::rmdq:
        return "Roland-Morris (0–24)";
    case OutcomeMeasure::psfs:
        return "Patient-Specific Functional Scale";
    }
    return {};
}

std::string side_text(Side s) {
    switch (s) {
    case Side::left:
        return "Left";
    case Side::right:
        return "Right";
    case Side::bilateral:
        return "Both";
    case Side::midline:
        return "Midline";
    }
    return {};
}

std::string plural(int n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// ---- The baseline pain map figure ------------------------------------------------------------

constexpr double map_view_height = 112.0;  // each view's box; with the captions about 45 mm
constexpr double map_caption_height = 12.0;
constexpr double map_view_gap = 40.0;
constexpr double map_marker_width = 10.0;
constexpr double map_figure_height = map_caption_height + map_view_height + 4.0;

void set_rgb(cairo_t* cr, Rgb c) { cairo_set_source_rgb(cr, c.red / 255.0, c.green / 255.0, c.blue / 255.0); }

void trace(cairo_t* cr, const std::vector<MapPoint>& pts, double x, double y, double w, double h, bool close) {
    for (std::size_t i = 0; i < pts.size(); ++i) {
        if (i == 0)
            cairo_move_to(cr, x + pts[i].x * w, y + pts[i].y * h);
        else
            cairo_line_to(cr, x + pts[i].x * w, y + pts[i].y * h);
    }
    if (close) cairo_close_path(cr);
}

// The intensity the chart shows for a shape's region and side: its own entry, else a "both sides" one.
int map_intensity(const std::vector<PainMapEntry>& map, RegionKey key) {
    for (const auto& e : map)
        if (e.region == key.region && e.side == key.side) return e.intensity.value();
    if (key.side == Side::left || key.side == Side::right)
        for (const auto& e : map)
            if (e.region == key.region && e.side == Side::bilateral) return e.intensity.value();
    return 0;
}

void draw_label(cairo_t* cr, const typeset::Typesetter& ts, const std::string& plain, double x, double y, double width,
                Align align, Colour colour = style::muted, double size = style::small_size, bool bold_text = false) {
    TextBox(ts, escape(plain), text_style(size, colour, bold_text, align), width).draw(cr, x, y);
}

// Back and front views side by side, the regions filled by intensity, with captions, the client's
// sides marked and a small legend of the colour scale to the right.
void draw_pain_map_figure(cairo_t* cr, const typeset::Typesetter& ts, const std::vector<PainMapEntry>& map, double x,
                          double y) {
    const double h = map_view_height;
    const double w = h * body_view_aspect;
    const double top = y + map_caption_height;
    const auto& shapes = body_map_shapes();
    double right_edge = x;
    for (BodyView view : {BodyView::back, BodyView::front}) {
        const double vx = x + map_marker_width + (view == BodyView::front ? w + map_view_gap : 0.0);
        right_edge = vx + w + map_marker_width;
        draw_label(cr, ts, view == BodyView::back ? "Back" : "Front", vx - 10, y, w + 20, Align::centre, style::ink,
                   style::small_size, true);
        const bool left_on_left = side_on_viewer_left(view) == Side::left;
        draw_label(cr, ts, left_on_left ? "L" : "R", vx - map_marker_width, top + 0.17 * h, map_marker_width,
                   Align::centre, style::faint);
        draw_label(cr, ts, left_on_left ? "R" : "L", vx + w, top + 0.17 * h, map_marker_width, Align::centre,
                   style::faint);

        cairo_save(cr);
        trace(cr, body_silhouette(), vx, top, w, h, true);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_fill_preserve(cr);
        style::rule.use(cr);
        cairo_set_line_width(cr, 0.6);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke(cr);
        style::hairline.use(cr);
        cairo_set_line_width(cr, 0.4);
        for (const auto& line : body_landmarks(view)) {
            trace(cr, line, vx, top, w, h, false);
            cairo_stroke(cr);
        }
        for (std::size_t i : body_map_drawing_order()) {
            const RegionShape& s = shapes[i];
            if (s.view != view) continue;
            const int v = map_intensity(map, s.key);
            trace(cr, s.outline, vx, top, w, h, true);
            set_rgb(cr, v > 0 ? body_map_fill_colour(v) : body_map_unmarked_fill());
            cairo_fill_preserve(cr);
            if (v > 0)
                style::muted.use(cr);
            else
                style::hairline.use(cr);
            cairo_set_line_width(cr, v > 0 ? 0.35 : 0.25);
            cairo_stroke(cr);
        }
        cairo_restore(cr);
    }

    // The legend: ten swatches, 1 to 10, under a title.
    const double lx = right_edge + 14;
    const double swatch = 7.0;
    const double ly = top + h - 34;
    draw_label(cr, ts, "Pain 1–10", lx, ly, 10 * swatch + 20, Align::left, style::muted, style::small_size, true);
    cairo_save(cr);
    for (int v = 1; v <= 10; ++v) {
        cairo_rectangle(cr, lx + (v - 1) * swatch, ly + 12, swatch, swatch);
        set_rgb(cr, body_map_fill_colour(v));
        cairo_fill(cr);
    }
    cairo_rectangle(cr, lx, ly + 12, 10 * swatch, swatch);
    style::rule.use(cr);
    cairo_set_line_width(cr, 0.3);
    cairo_stroke(cr);
    cairo_restore(cr);
    draw_label(cr, ts, "1", lx - 10 + swatch / 2, ly + 12 + swatch + 1, 20, Align::centre, style::faint, 6.2);
    draw_label(cr, ts, "10", lx - 10 + 9.5 * swatch, ly + 12 + swatch + 1, 20, Align::centre, style::faint, 6.2);
}

// ---- Blocks ----------------------------------------------------------------------------------

struct Column {
    std::string title;
    double share; // of the text width
    Align align = Align::left;
};

struct FactRow {
    std::string label;  // plain
    std::string value;  // markup
};

// A label column and a value column, set at `width`.
struct Facts {
    std::vector<std::pair<TextBox, TextBox>> rows;
    std::vector<double> tops;
    double height = 0;
    double label_width = 0;

    void draw(cairo_t* cr, double x, double y, double from = 0, double to = 1e9) const {
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const double top = tops[i];
            if (top + eps < from || top >= to - eps) continue;
            const double align = rows[i].second.first_baseline() - rows[i].first.first_baseline(); // same baseline
            rows[i].first.draw(cr, x, y + top - from + align);
            rows[i].second.draw(cr, x + label_width, y + top - from);
        }
    }
};

class DocumentBuilder {
public:
    // `page_body`: the height of a page's text column, for deciding what is short enough to keep whole.
    DocumentBuilder(const typeset::Typesetter& ts, const ProgressReport& r, double width, double page_body)
        : m_ts(ts), m_r(r), m_width(width), m_page_body(page_body) {}

    std::vector<BlockPtr> build() {
        letterhead();
        client_panel();
        red_flag_notice();
        at_a_glance();
        baseline_section();
        if (m_r.plans.empty() && m_r.sessions.empty()) {
            no_treatment_section();
        } else {
            goals_section();
            outcomes_section();
            pain_trend_section();
            attendance_section();
            techniques_section();
            home_care_section();
            adverse_section();
        }
        recommendation_section();
        records_section();
        signature_block();
        session_log();
        return std::move(m_blocks);
    }

private:
    std::shared_ptr<TextBox> box(const std::string& markup, const TextStyle& s, double width) const {
        return std::make_shared<TextBox>(m_ts, markup, s, width);
    }

    void add(Block b) { m_blocks.push_back(std::make_shared<Block>(std::move(b))); }

    Facts facts(const std::vector<FactRow>& rows, double width, double label_width, double value_size = 8.6) const {
        Facts f;
        f.label_width = label_width;
        double y = 0;
        for (const auto& row : rows) {
            TextBox label(m_ts, escape(row.label), text_style(style::small_size, style::muted), label_width - 6);
            TextBox value(m_ts, row.value, text_style(value_size), width - label_width);
            f.tops.push_back(y);
            y += std::max(label.height(), value.height()) + 3.2;
            f.rows.emplace_back(std::move(label), std::move(value));
        }
        f.height = rows.empty() ? 0 : y - 3.2;
        return f;
    }

    void paragraph(const std::string& markup, const TextStyle& s, double space_before, double indent = 0,
                   const std::string& bullet = {}) {
        auto text = box(markup, s, m_width - indent);
        std::shared_ptr<TextBox> mark = bullet.empty() ? nullptr : box(bullet, s, indent);
        Block b;
        b.height = text->height();
        b.space_before = space_before;
        const std::size_t n = text->line_count();
        for (std::size_t k = 1; k + 2 < n; ++k) b.breaks.push_back(text->line_bottom(k)); // two lines each side
        b.draw = [text, mark, indent](cairo_t* cr, double x, double y, double from, double to) {
            if (mark && from < eps) mark->draw(cr, x, y);
            text->draw(cr, x + indent, y, from, to);
        };
        add(std::move(b));
    }

    void heading(const std::string& title, bool page_break = false) {
        auto text = box(escape(title), text_style(style::heading_size, style::accent, true), m_width);
        Block b;
        b.height = text->height() + 3 + 0.6 + 5;
        b.space_before = 17;
        b.keep_with_next = true;
        b.page_break_before = page_break;
        b.draw = [text, w = m_width](cairo_t* cr, double x, double y, double, double) {
            text->draw(cr, x, y);
            const double ry = y + text->height() + 3 + 0.3;
            style::accent.use(cr, 0.35);
            cairo_set_line_width(cr, 0.6);
            cairo_move_to(cr, x, ry);
            cairo_line_to(cr, x + w, ry);
            cairo_stroke(cr);
        };
        add(std::move(b));
    }

    void note(const std::string& markup, double space_before = 5) {
        paragraph(markup, text_style(style::small_size, style::muted), space_before);
    }

    // Column headings, then one block per row. Rows are never cut unless taller than a good part of
    // a page; the headings repeat above rows that start a new page.
    void table(const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows,
               double space_before = 5) {
        std::vector<double> widths;
        for (const auto& c : columns) widths.push_back(c.share * m_width);

        auto header_cells = std::make_shared<std::vector<TextBox>>();
        double header_h = 0;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            TextStyle s = text_style(6.9, style::muted, true, columns[i].align);
            s.letter_spacing = 0.3;
            s.break_words = false;
            std::string title = columns[i].title;
            std::transform(title.begin(), title.end(), title.begin(),
                           [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
            header_cells->emplace_back(m_ts, escape(title), s, widths[i] - 2 * cell_pad_x);
            header_h = std::max(header_h, header_cells->back().height());
        }
        auto draw_header = [header_cells, widths, w = m_width](cairo_t* cr, double x, double y, double, double) {
            double cx = x;
            for (std::size_t i = 0; i < header_cells->size(); ++i) {
                (*header_cells)[i].draw(cr, cx + cell_pad_x, y + 2);
                cx += widths[i];
            }
            double max_h = 0;
            for (const auto& c : *header_cells) max_h = std::max(max_h, c.height());
            style::rule.use(cr);
            cairo_set_line_width(cr, 0.7);
            cairo_move_to(cr, x, y + max_h + 5.5 + 0.35);
            cairo_line_to(cr, x + w, y + max_h + 5.5 + 0.35);
            cairo_stroke(cr);
        };
        Block header;
        header.height = header_h + 6.2;
        header.space_before = space_before;
        header.keep_with_next = !rows.empty();
        header.draw = draw_header;
        auto continuation = std::make_shared<Block>(header);
        continuation->space_before = 0;
        continuation->keep_with_next = false;
        add(std::move(header));

        const std::size_t first_row = m_blocks.size();
        for (std::size_t r = 0; r < rows.size(); ++r) {
            if (rows[r].size() == 1 && columns.size() > 1) {
                group_row(rows[r][0], r > 0 ? continuation : nullptr);
                continue;
            }
            auto cells = std::make_shared<std::vector<TextBox>>();
            double h = 0;
            std::size_t tallest = 0;
            for (std::size_t i = 0; i < columns.size(); ++i) {
                const std::string& markup = i < rows[r].size() ? rows[r][i] : std::string();
                cells->emplace_back(m_ts, markup, text_style(style::table_size, style::ink, false, columns[i].align),
                                    widths[i] - 2 * cell_pad_x);
                if (cells->back().height() > h) {
                    h = cells->back().height();
                    tallest = i;
                }
            }
            Block row;
            row.height = h + 2 * cell_pad_y;
            if (row.height > tall_block) {
                const TextBox& t = (*cells)[tallest];
                for (std::size_t k = 0; k + 1 < t.line_count(); ++k) row.breaks.push_back(cell_pad_y + t.line_bottom(k));
            }
            if (r > 0) row.continuation = continuation;
            row.draw = [cells, widths, w = m_width, height = row.height](cairo_t* cr, double x, double y, double from,
                                                                       double to) {
                double cx = x;
                for (std::size_t i = 0; i < cells->size(); ++i) {
                    (*cells)[i].draw(cr, cx + cell_pad_x, y, from - cell_pad_y, to - cell_pad_y);
                    cx += widths[i];
                }
                if (to >= height - eps) {
                    style::hairline.use(cr);
                    cairo_set_line_width(cr, 0.45);
                    const double ry = y + height - from - 0.25;
                    cairo_move_to(cr, x, ry);
                    cairo_line_to(cr, x + w, ry);
                    cairo_stroke(cr);
                }
            };
            add(std::move(row));
        }
        keep_rows_together(first_row);
    }

    // A short table moves to the next page whole rather than leave a few rows behind; a long one
    // keeps at least its first three rows with its headings and its last three rows together.
    void keep_rows_together(std::size_t first_row) {
        const std::size_t n = m_blocks.size() - first_row;
        double total = 0;
        for (std::size_t i = first_row; i < m_blocks.size(); ++i) total += m_blocks[i]->height;
        auto keep = [&](std::size_t i) {
            if (!m_blocks[i]->keep_with_next) m_blocks[i] = with_keep(m_blocks[i]);
        };
        if (total <= m_page_body * 0.4) {
            for (std::size_t i = first_row; i + 1 < m_blocks.size(); ++i) keep(i);
            return;
        }
        for (std::size_t k = 0; k < 2 && k + 1 < n; ++k) keep(first_row + k);
        for (std::size_t k = 2; k <= 3 && k <= n; ++k)
            if (n >= k + 3) keep(m_blocks.size() - k);
    }

    // A row across every column that names the group of rows below it; never the last on a page.
    void group_row(const std::string& markup, std::shared_ptr<const Block> continuation) {
        auto text = box(markup, text_style(7.6, style::accent, true), m_width - 2 * cell_pad_x);
        Block row;
        row.height = text->height() + 2 * cell_pad_y + 1;
        row.space_before = 0;
        row.keep_with_next = true;
        row.continuation = std::move(continuation);
        row.draw = [text, w = m_width, h = row.height](cairo_t* cr, double x, double y, double, double) {
            style::tint.use(cr);
            cairo_rectangle(cr, x, y + 0.5, w, h - 1);
            cairo_fill(cr);
            text->draw(cr, x + cell_pad_x, y + cell_pad_y + 0.5);
        };
        add(std::move(row));
    }

    // ---- The sections ------------------------------------------------------------------------

    void letterhead() {
        const auto& h = m_r.header;
        const double left_w = m_width * 0.62, right_w = m_width - left_w;
        auto name = box(escape(h.practice_name.empty() ? "Progress report" : h.practice_name),
                        text_style(15.5, style::accent, true), left_w);
        std::string address = h.practice_address;
        if (!h.practice_phone.empty()) address += (address.empty() ? "" : "\n") + h.practice_phone;
        auto addr = box(escape(address), text_style(8.2, style::muted), left_w);
        TextStyle title_style = text_style(8.4, style::accent, true, Align::right);
        title_style.letter_spacing = 0.5;
        auto title = box("PROGRESS REPORT", title_style, right_w);
        auto date = box(escape(long_date(h.report_date)), text_style(9.2, style::ink, false, Align::right), right_w);

        const double left_h = name->height() + 3 + (address.empty() ? 0 : addr->height());
        const double right_h = 3 + title->height() + 3 + date->height();
        const double content = std::max(left_h, right_h);
        Block b;
        b.height = content + 9 + 1.4;
        b.draw = [=, w = m_width](cairo_t* cr, double x, double y, double, double) {
            name->draw(cr, x, y);
            addr->draw(cr, x, y + name->height() + 3);
            title->draw(cr, x + left_w, y + 3);
            date->draw(cr, x + left_w, y + 3 + title->height() + 3);
            style::accent.use(cr);
            cairo_set_line_width(cr, 1.4);
            cairo_move_to(cr, x, y + content + 9 + 0.7);
            cairo_line_to(cr, x + w, y + content + 9 + 0.7);
            cairo_stroke(cr);
        };
        add(std::move(b));
    }

    void client_panel() {
        const auto& c = m_r.client;
        const auto& h = m_r.header;
        const double pad = 11, gap = 18;
        const double col = (m_width - 2 * pad - gap) / 2;

        auto name = box(escape(c.name), text_style(14, style::ink, true), col);
        auto known_as = box(c.preferred_name.empty() ? std::string() : small("Known as " + isolate(c.preferred_name)),
                            text_style(style::small_size, style::muted), col);
        std::vector<FactRow> left;
        std::string born = c.date_of_birth ? escape(long_date(*c.date_of_birth)) : small("not recorded");
        if (c.age) born += " " + span(escape("(age " + std::to_string(*c.age) + ")"), style::muted);
        left.push_back({"Date of birth", born});
        if (!c.referral_source.empty()) left.push_back({"Referred by", escape(c.referral_source)});
        if (!c.referring_physician.empty()) left.push_back({"Physician", escape(c.referring_physician)});
        auto left_facts = std::make_shared<Facts>(facts(left, col, 70));

        std::vector<FactRow> right;
        if (!h.therapist.empty()) right.push_back({"Therapist", escape(h.therapist)});
        if (!h.licence_number.empty()) right.push_back({"Licence", escape(h.licence_number)});
        right.push_back({"Period", escape(short_date(h.period_from) + " – " + short_date(h.period_to))});
        right.push_back({"Covering", escape(h.period_description)});
        auto right_facts = std::make_shared<Facts>(facts(right, col, 62));

        const double name_h = name->height() + (c.preferred_name.empty() ? 0 : known_as->height()) + 6;
        const double content = std::max(name_h + left_facts->height, right_facts->height);
        Block b;
        b.space_before = 14;
        b.height = content + 2 * pad;
        b.draw = [=, w = m_width](cairo_t* cr, double x, double y, double, double) {
            style::tint.use(cr);
            cairo_rectangle(cr, x, y, w, content + 2 * pad);
            cairo_fill(cr);
            name->draw(cr, x + pad, y + pad);
            known_as->draw(cr, x + pad, y + pad + name->height());
            left_facts->draw(cr, x + pad, y + pad + name_h);
            right_facts->draw(cr, x + pad + col + gap, y + pad + 2);
        };
        add(std::move(b));
    }

    void red_flag_notice() {
        if (m_r.red_flags.empty()) return;
        std::string text = span("Red flags: treatment stopped", style::bad, 9.4, true) + "\n" +
                           escape("Positive at the latest assessment: ");
        for (std::size_t i = 0; i < m_r.red_flags.size(); ++i) text += (i ? "; " : "") + escape(m_r.red_flags[i]);
        text += ".";
        if (!m_r.red_flag_referral.empty()) text += " " + escape("Referred to " + m_r.red_flag_referral + ".");
        const double pad = 9;
        auto body = box(text, text_style(8.8), m_width - 2 * pad - 4);
        Block b;
        b.space_before = 10;
        b.height = body->height() + 2 * pad;
        b.draw = [=, w = m_width, h = b.height](cairo_t* cr, double x, double y, double, double) {
            style::bad_tint.use(cr);
            cairo_rectangle(cr, x, y, w, h);
            cairo_fill(cr);
            style::bad.use(cr);
            cairo_rectangle(cr, x, y, 3, h);
            cairo_fill(cr);
            body->draw(cr, x + pad + 4, y + pad);
        };
        add(std::move(b));
    }

    struct Tile {
        std::string title;
        std::string value; // markup
        std::string note;  // markup
    };

    void tiles(const std::vector<Tile>& tiles, double space_before, double value_size) {
        const double gap = 8, pad = 8;
        const double w = (m_width - gap * static_cast<double>(tiles.size() - 1)) / static_cast<double>(tiles.size());
        struct Set {
            std::shared_ptr<TextBox> title, value, note;
        };
        std::vector<Set> sets;
        double h = 0;
        for (const auto& t : tiles) {
            TextStyle ts = text_style(6.7, style::muted, true);
            ts.letter_spacing = 0.4;
            std::string title = t.title;
            std::transform(title.begin(), title.end(), title.begin(),
                           [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
            Set s{box(escape(title), ts, w - 2 * pad), box(t.value, text_style(value_size, style::ink, true), w - 2 * pad),
                  box(t.note, text_style(style::small_size, style::muted), w - 2 * pad)};
            h = std::max(h, s.title->height() + 3 + s.value->height() + 2 + s.note->height());
            sets.push_back(std::move(s));
        }
        Block b;
        b.space_before = space_before;
        b.height = h + 2 * pad;
        b.draw = [=](cairo_t* cr, double x, double y, double, double) {
            for (std::size_t i = 0; i < sets.size(); ++i) {
                const double tx = x + static_cast<double>(i) * (w + gap);
                style::hairline.use(cr);
                cairo_set_line_width(cr, 0.7);
                cairo_rectangle(cr, tx + 0.35, y + 0.35, w - 0.7, h + 2 * pad - 0.7);
                cairo_stroke(cr);
                style::accent.use(cr);
                cairo_rectangle(cr, tx, y, w, 2);
                cairo_fill(cr);
                const Set& s = sets[i];
                s.title->draw(cr, tx + pad, y + pad);
                s.value->draw(cr, tx + pad, y + pad + s.title->height() + 3);
                s.note->draw(cr, tx + pad, y + pad + s.title->height() + 3 + s.value->height() + 2);
            }
        };
        add(std::move(b));
    }

    Tile outcome_tile(const std::string& title, const OutcomeRow* row) const {
        if (!row) return {title, span("—", style::faint), small("not measured")};
        if (!row->latest || !row->change)
            return {title, escape(score(row->measure, row->baseline)),
                    small("baseline " + short_date(row->baseline_on) + "; not re-measured")};
        const std::string value = escape(number(row->baseline)) + span(" \u2192 ", style::muted) +
                                  escape(score(row->measure, *row->latest));
        return {title, value, span(escape(std::string(label(row->change->verdict))), verdict_colour(row->change->verdict),
                                   style::small_size, true)};
    }

    const OutcomeRow* find_outcome(OutcomeMeasure m, OutcomeSource s) const {
        for (const auto& r : m_r.outcomes)
            if (r.measure == m && r.source == s) return &r;
        return nullptr;
    }

    void at_a_glance() {
        // Pain: whichever of the re-assessment and the last signed session is newer, as the goals judge it.
        const OutcomeRow* pain = find_outcome(OutcomeMeasure::pain, OutcomeSource::assessment);
        const OutcomeRow* session_pain = find_outcome(OutcomeMeasure::pain, OutcomeSource::session_ratings);
        if (session_pain && (!pain || !pain->latest_on || *session_pain->latest_on > *pain->latest_on))
            pain = session_pain;
        const OutcomeRow* function = find_outcome(OutcomeMeasure::odi, OutcomeSource::assessment);
        std::string function_title = "Oswestry disability";
        if (!function || !function->latest) {
            for (auto [m, t] : {std::pair{OutcomeMeasure::rmdq, "Roland-Morris"}, std::pair{OutcomeMeasure::psfs, "PSFS"}})
                if (const OutcomeRow* r = find_outcome(m, OutcomeSource::assessment); r && r->latest) {
                    function = r;
                    function_title = t;
                    break;
                }
        }
        const auto& a = m_r.attendance;
        const auto& rec = m_r.recommendation;
        std::vector<Tile> t;
        t.push_back(outcome_tile("Pain", pain));
        t.push_back(outcome_tile(function_title, function));
        if (a.planned == 0)
            t.push_back({"Attendance", span("—", style::faint), small("no appointments")});
        else
            t.push_back({"Attendance", escape(std::to_string(a.completed) + " of " + std::to_string(a.planned)),
                         small(a.planned == 1 ? "session completed" : "sessions completed")});
        t.push_back({"Recommendation", escape(std::string(label(rec.recommendation))),
                     small(rec.chosen_by_therapist ? "the therapist\u2019s choice" : "from the goals and outcomes")});
        tiles(t, 12, 12.5);
    }

    void baseline_section() {
        heading("Presenting complaint and baseline");
        if (!m_r.baseline) {
            paragraph(escape("No assessment is on record before or during this period."),
                      text_style(style::body_size, style::muted), 0);
            return;
        }
        const auto& b = *m_r.baseline;
        std::vector<FactRow> rows;
        rows.push_back({"Complaint", escape(b.chief_complaint)});
        rows.push_back({"Assessed", escape(long_date(b.assessed_on) + (b.therapist.empty() ? "" : " by " + b.therapist))});
        rows.push_back({"Duration", escape(std::string(label(b.duration)) + ": " +
                                           plural(b.duration_weeks, "week", "weeks") + " at assessment")});
        rows.push_back({"Pain", bold(std::to_string(b.pain_now) + "/10") + escape(" now; best " +
                                                                                   std::to_string(b.pain_best) + ", worst " +
                                                                                   std::to_string(b.pain_worst))});
        if (b.odi)
            rows.push_back({"Oswestry (ODI)", bold(score(OutcomeMeasure::odi, *b.odi)) + " " +
                                                  span(escape(std::string(label(odi_band(*b.odi)))), style::muted)});
        if (b.rmdq) rows.push_back({"Roland-Morris", bold(score(OutcomeMeasure::rmdq, *b.rmdq))});
        if (b.psfs) {
            std::string v = bold(number(*b.psfs) + "/10") + span(escape(" average of"), style::muted);
            for (std::size_t i = 0; i < b.psfs_activities.size(); ++i)
                v += (i ? "; " : " ") + escape(b.psfs_activities[i].activity) + " " +
                     span(escape(std::to_string(b.psfs_activities[i].rating)), style::muted);
            rows.push_back({"PSFS", v});
        }
        auto f = std::make_shared<Facts>(facts(rows, m_width, 92, style::body_size));
        Block block;
        block.height = f->height;
        for (std::size_t i = 1; i < f->tops.size(); ++i) block.breaks.push_back(f->tops[i] - 3.2);
        block.draw = [f](cairo_t* cr, double x, double y, double from, double to) { f->draw(cr, x, y, from, to); };
        add(std::move(block));

        if (!b.pain_map.empty()) {
            std::vector<std::vector<std::string>> rows_map;
            for (const auto& e : b.pain_map)
                rows_map.push_back({escape(std::string(label(e.region))), escape(side_text(e.side)),
                                    escape(std::to_string(e.intensity.value()) + "/10"),
                                    escape(std::string(label(e.quality)))});
            paragraph(span(escape("Pain map at baseline"), style::ink, 8.6, true), text_style(), 10);
            m_blocks.back() = with_keep(m_blocks.back());
            auto map = std::make_shared<std::vector<PainMapEntry>>(b.pain_map); // the pages outlive the report
            Block figure;
            figure.height = map_figure_height;
            figure.space_before = 4;
            figure.keep_with_next = true; // never split (no breaks), and kept with its table
            figure.draw = [map, &ts = m_ts](cairo_t* cr, double x, double y, double, double) {
                draw_pain_map_figure(cr, ts, *map, x, y);
            };
            add(std::move(figure));
            table({{"Region", 0.40}, {"Side", 0.18}, {"Intensity", 0.14, Align::right}, {"Quality", 0.28}}, rows_map, 2);
        }
    }

    void no_treatment_section() {
        heading("Treatment");
        paragraph(escape("No treatment plan covers this period and no appointments were booked in it, so there are "
                         "no goals, sessions, techniques or later measurements to report."),
                  text_style(style::body_size, style::muted), 0);
    }

    // Keeps the last block with what follows (a table's last row with its footnote).
    void keep_last() {
        if (!m_blocks.empty()) m_blocks.back() = with_keep(m_blocks.back());
    }

    static BlockPtr with_keep(const BlockPtr& b) {
        auto copy = std::make_shared<Block>(*b);
        copy->keep_with_next = true;
        return copy;
    }

    void goals_section() {
        heading("Goals");
        if (m_r.goals.empty()) {
            paragraph(escape(m_r.plans.empty() ? "No treatment plan covers this period." : "The plan records no goals."),
                      text_style(style::body_size, style::muted), 0);
            return;
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& g : m_r.goals) {
            auto value = [&](const std::optional<double>& v) { return v ? escape(score(g.measure, *v)) : small("—"); };
            std::string latest = value(g.latest);
            if (g.latest_on) latest = with_note(latest, short_date(*g.latest_on));
            rows.push_back({with_note(escape(g.description), g.evidence), value(g.baseline), latest, value(g.target),
                            dot_label(std::string(label(g.status)), status_colour(g.status))});
        }
        table({{"Goal", 0.45}, {"Baseline", 0.12, Align::right}, {"Latest", 0.14, Align::right},
               {"Target", 0.11, Align::right}, {"Status", 0.18}},
              rows, 0);
    }

    void pain_trend_section() {
        heading("Pain trend");
        const auto& points = m_r.pain_trend.points;
        if (points.empty()) {
            paragraph(escape("No pain ratings in the signed notes of this period."),
                      text_style(style::body_size, style::muted), 0);
            return;
        }
        auto trend = std::make_shared<PainTrend>(m_r.pain_trend); // the pages outlive the report they were set from
        Block chart;
        chart.height = chart_height;
        chart.keep_with_next = true;
        chart.draw = [trend, &ts = m_ts, w = m_width](cairo_t* cr, double x, double y, double, double) {
            draw_pain_chart(cr, ts, *trend, x, y, w, chart_height);
        };
        add(std::move(chart));
        std::string caption = "Pain on the 0–10 scale before and after each signed session (" +
                              plural(static_cast<int>(points.size()), "session", "sessions") + ").";
        if (trend->baseline && trend->meaningful_below)
            caption += " The shaded band runs from the baseline of " + std::to_string(*trend->baseline) +
                       "/10 down to " + number(*trend->meaningful_below) +
                       ": a rating below it is a clinically meaningful improvement (2 points or 30%).";
        note(escape(caption), 4);
    }

    void outcomes_section() {
        heading("Outcome measures");
        if (m_r.outcomes.empty()) {
            paragraph(escape("No outcome measures were taken for this period."), text_style(style::body_size, style::muted),
                      0);
            return;
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& o : m_r.outcomes) {
            std::string baseline = escape(score(o.measure, o.baseline));
            std::string latest = o.latest ? escape(score(o.measure, *o.latest)) : small("not re-measured");
            baseline = with_note(baseline, short_date(o.baseline_on), style::faint);
            if (o.latest_on) latest = with_note(latest, short_date(*o.latest_on), style::faint);
            std::string source = o.source == OutcomeSource::session_ratings ? "First and last signed session"
                                                                              : "Assessments";
            if (o.measure == OutcomeMeasure::odi) {
                std::string band = text::ascii_lower(label(odi_band(o.baseline)));
                const std::string suffix = " disability";
                if (o.latest && band.ends_with(suffix)) band.resize(band.size() - suffix.size());
                source += "; " + band;
                if (o.latest) source += " \u2192 " + text::ascii_lower(label(odi_band(*o.latest)));
            }
            std::string change = small("—"), verdict = small("No later measurement");
            if (o.change) {
                change = escape(signed_number(o.change->change));
                if (o.change->percent) change = with_note(change, signed_number(*o.change->percent, 0) + "%");
                verdict = span(escape(std::string(label(o.change->verdict))), verdict_colour(o.change->verdict), 0, true);
            }
            rows.push_back({with_note(escape(measure_name(o)), source), baseline, latest, change, verdict});
        }
        table({{"Measure", 0.31}, {"Baseline", 0.14, Align::right}, {"Latest", 0.14, Align::right},
               {"Change", 0.11, Align::right}, {"Verdict", 0.30}},
              rows, 0);
        keep_last();
        note(escape("Meaningful change by the published thresholds: pain 2 points or 30%; Oswestry 10 points or 30%; "
                    "Roland-Morris 5 points or 30%; PSFS 2 points in the average or 3 in one activity. Lower is "
                    "better except for the PSFS."));
    }

    void attendance_section() {
        heading("Attendance");
        const auto& a = m_r.attendance;
        if (a.planned == 0 && a.completed + a.cancelled + a.no_shows + a.upcoming == 0) {
            paragraph(escape("No appointments in this period."), text_style(style::body_size, style::muted), 0);
            return;
        }
        tiles({{"Completed", escape(std::to_string(a.completed)) + span(escape(" of " + std::to_string(a.planned)), style::muted),
                small(m_r.header.plan ? "planned sessions" : "booked sessions")},
               {"Cancelled", escape(std::to_string(a.cancelled)), small(a.cancelled == 1 ? "appointment" : "appointments")},
               {"No-shows", escape(std::to_string(a.no_shows)), small(a.no_shows == 1 ? "appointment" : "appointments")},
               {"Still booked", escape(std::to_string(a.upcoming)), small("after the report date")},
               {"Signed notes", escape(std::to_string(a.signed_notes)), small("used in this report")}},
              0, 11);
    }

    void techniques_section() {
        heading("Techniques");
        if (m_r.techniques.empty()) {
            paragraph(escape("No techniques are recorded in the signed notes of this period."),
                      text_style(style::body_size, style::muted), 0);
            return;
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& t : m_r.techniques) {
            std::string regions;
            const std::size_t shown = std::min<std::size_t>(t.regions.size(), 3);
            for (std::size_t i = 0; i < shown; ++i) regions += (i ? ", " : "") + t.regions[i];
            std::string region_markup = escape(regions);
            if (t.regions.size() > shown)
                region_markup = with_note(region_markup, "and " + std::to_string(t.regions.size() - shown) + " more");
            std::string pressure = escape(std::to_string(t.typical_pressure));
            if (t.lowest_pressure != t.highest_pressure)
                pressure = with_note(pressure, std::to_string(t.lowest_pressure) + "–" + std::to_string(t.highest_pressure));
            std::string change = small("not rated");
            if (t.average_pain_change) {
                const Colour c = *t.average_pain_change <= -2 + eps ? style::good
                                 : *t.average_pain_change > eps    ? style::bad
                                                                   : style::ink;
                change = with_note(span(escape(signed_number(*t.average_pain_change)), c, 0, true),
                                   "over " + plural(t.rated_sessions, "session", "sessions"));
            }
            rows.push_back({bold(t.name), escape(std::to_string(t.sessions)), region_markup, pressure,
                            t.rationale.empty() ? small("Not named in the plan") : escape(t.rationale), change});
        }
        table({{"Technique", 0.16},
               {"Sessions", 0.105, Align::right},
               {"Regions worked", 0.20},
               {"Pressure", 0.105, Align::right},
               {"Why it was chosen (plan)", 0.31},
               {"Pain change", 0.12, Align::right}},
              rows, 0);
        keep_last();
        note(escape("Pressure: the median of every application on the 1–10 scale, with the range under it. Pain "
                    "change: pain after minus pain before, averaged over the signed sessions that used the "
                    "technique; negative is relief."));
    }

    void bullets(const std::vector<std::string>& items, double first_space = 0) {
        for (std::size_t i = 0; i < items.size(); ++i)
            paragraph(items[i], text_style(), i == 0 ? first_space : 3.5, 11, span("\u2022", style::accent));
    }

    void home_care_section() {
        heading("Home care");
        std::vector<std::string> items;
        for (const auto& h : m_r.home_care)
            items.push_back(bold(std::string(label(h.kind))) + escape(": " + h.instructions));
        if (items.empty())
            paragraph(escape(m_r.plans.empty() ? "No treatment plan covers this period."
                                               : "No home-care programme is recorded in the plan."),
                      text_style(style::body_size, style::muted), 0);
        else
            bullets(items);
        if (!m_r.home_care_adherence.empty())
            paragraph(bold("Adherence: ") + escape(m_r.home_care_adherence), text_style(), 7);
    }

    void adverse_section() {
        heading("Adverse reactions");
        if (m_r.adverse_reactions.empty()) {
            paragraph(escape("None recorded in the signed notes of this period."), text_style(), 0);
            return;
        }
        std::vector<std::string> items;
        for (const auto& a : m_r.adverse_reactions) items.push_back(bold(short_date(a.date)) + escape(": " + a.text));
        bullets(items);
    }

    void recommendation_section() {
        heading("Recommendation");
        const auto& rec = m_r.recommendation;
        const double pad = 11, bar = 3;
        const double inner = m_width - 2 * pad - bar;
        std::vector<std::pair<std::shared_ptr<TextBox>, double>> parts; // box and its indent
        parts.emplace_back(box(escape(std::string(label(rec.recommendation))), text_style(12.5, style::accent, true), inner),
                           0);
        for (const auto& reason : rec.reasons)
            parts.emplace_back(box(escape(reason), text_style(8.8), inner - 11), 11);
        parts.emplace_back(box(span(escape("Therapist\u2019s comment"), style::muted, style::small_size, true),
                               text_style(style::small_size), inner),
                           0);
        const bool write_by_hand = text::trim(rec.comment).empty();
        if (!write_by_hand) parts.emplace_back(box(escape(rec.comment), text_style(), inner), 0);

        const std::size_t comment_label = write_by_hand ? parts.size() - 1 : parts.size() - 2;
        std::vector<double> tops;
        double y = pad;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (i == 1) y += 6;
            else if (i == comment_label) y += 10;
            else if (i > 0) y += 3;
            tops.push_back(y);
            y += parts[i].first->height();
        }
        const double lines = write_by_hand ? 3 * 19.0 : 0;
        const double height = y + lines + pad;
        Block b;
        b.space_before = 0;
        b.height = height;
        if (height > tall_block)
            for (std::size_t i = 0; i < parts.size(); ++i)
                for (std::size_t k = 0; k < parts[i].first->line_count(); ++k)
                    b.breaks.push_back(tops[i] + parts[i].first->line_bottom(k));
        b.draw = [=, w = m_width](cairo_t* cr, double x, double y0, double from, double to) {
            const double visible = std::min(to, height) - from;
            style::tint.use(cr);
            cairo_rectangle(cr, x, y0, w, visible);
            cairo_fill(cr);
            style::accent.use(cr);
            cairo_rectangle(cr, x, y0, bar, visible);
            cairo_fill(cr);
            for (std::size_t i = 0; i < parts.size(); ++i) {
                const double indent = parts[i].second;
                if (indent > 0 && tops[i] >= from - eps && tops[i] < to) {
                    style::accent.use(cr);
                    cairo_new_path(cr);
                    cairo_arc(cr, x + bar + pad + 3, y0 + tops[i] - from + 5.6, 1.5, 0, 6.2832);
                    cairo_fill(cr);
                }
                parts[i].first->draw(cr, x + bar + pad + indent, y0, from - tops[i], to - tops[i]);
            }
            if (write_by_hand && to >= height - eps) {
                style::rule.use(cr);
                cairo_set_line_width(cr, 0.5);
                for (int i = 1; i <= 3; ++i) {
                    const double ly = y0 + (height - pad - lines) + i * 19.0 - from;
                    cairo_move_to(cr, x + bar + pad, ly);
                    cairo_line_to(cr, x + w - pad, ly);
                }
                cairo_stroke(cr);
            }
        };
        add(std::move(b));
    }

    void records_section() {
        const auto& a = m_r.attendance;
        std::string used;
        std::string assessments;
        if (m_r.baseline) {
            assessments = "the assessment of " + long_date(m_r.baseline->assessed_on);
            if (m_r.latest_assessment_on) assessments += " (re-assessed " + long_date(*m_r.latest_assessment_on) + ")";
        }
        if (a.signed_notes > 0)
            used = "Built from " + plural(a.signed_notes, "signed session note", "signed session notes") +
                   (assessments.empty() ? "" : " and " + assessments) + ".";
        else
            used = "No signed session note in this period" +
                   (assessments.empty() ? std::string(".") : "; built from " + assessments + ".");
        used += " " + std::string(signed_notes_only);
        if (m_r.left_out.empty()) {
            used += " No session of this period is waiting for a signature.";
            note(escape(used), 14);
            return;
        }
        std::string left = "Left out because the note is not signed yet: ";
        for (std::size_t i = 0; i < m_r.left_out.size(); ++i) {
            const auto& s = m_r.left_out[i];
            left += (i ? "; " : "") + short_date(s.starts_at.date());
            if (s.series) left += " (session " + series_text(*s.series) + ")";
        }
        left += ".";
        paragraph(escape(used) + " " + span(escape(left), style::caution, 0, true),
                  text_style(style::small_size, style::muted), 14);
    }

    void signature_block() {
        const auto& h = m_r.header;
        const double gap = 28;
        const double sig_w = m_width * 0.58, date_w = m_width - sig_w - gap;
        std::string who = h.therapist.empty() ? "Therapist" : h.therapist;
        auto name = box(bold(who) + (h.licence_number.empty() ? "" : "\n" + small(h.licence_number)),
                        text_style(8.6), sig_w);
        auto sig_label = box(small("Signature"), text_style(style::small_size), sig_w);
        auto date_label = box(small("Date"), text_style(style::small_size), date_w);
        const double line_at = 34;
        Block b;
        b.space_before = 18;
        b.height = line_at + 3 + sig_label->height() + 4 + name->height();
        b.draw = [=](cairo_t* cr, double x, double y, double, double) {
            style::ink.use(cr);
            cairo_set_line_width(cr, 0.6);
            cairo_move_to(cr, x, y + line_at);
            cairo_line_to(cr, x + sig_w, y + line_at);
            cairo_move_to(cr, x + sig_w + gap, y + line_at);
            cairo_line_to(cr, x + sig_w + gap + date_w, y + line_at);
            cairo_stroke(cr);
            sig_label->draw(cr, x, y + line_at + 3);
            date_label->draw(cr, x + sig_w + gap, y + line_at + 3);
            name->draw(cr, x, y + line_at + 3 + sig_label->height() + 4);
        };
        add(std::move(b));
    }

    void session_log() {
        if (m_r.sessions.empty()) return;
        heading("Session log");
        std::vector<std::vector<std::string>> rows;
        const bool grouped = m_r.plans.size() > 1 ||
                             (m_r.plans.size() == 1 && std::any_of(m_r.sessions.begin(), m_r.sessions.end(),
                                                                   [](const SessionEntry& e) { return !e.series; }));
        std::optional<PlanId> group;
        bool first = true;
        for (const auto& s : m_r.sessions) {
            const std::optional<PlanId> plan = s.series ? std::optional<PlanId>(s.series->plan) : std::nullopt;
            if (grouped && (first || plan != group)) {
                std::string title = "Appointments outside a treatment plan";
                for (const auto& p : m_r.plans)
                    if (plan && p.id == *plan) title = p.description;
                rows.push_back({escape(title)});
            }
            group = plan;
            first = false;
            const bool left_out = !s.is_signed && s.status == AppointmentStatus::completed;
            std::string status;
            if (s.is_signed) status = escape("Signed");
            else if (left_out) status = span(escape("Not signed: left out"), style::caution, 0, true);
            else status = span(escape(std::string(label(s.status))), style::muted);
            const bool dim = !s.is_signed;
            auto cell = [&](const std::string& plain) { return dim ? span(escape(plain), style::muted) : escape(plain); };
            std::string pain = small("—");
            if (s.pain_before && s.pain_after)
                pain = escape(std::to_string(*s.pain_before)) + span(" \u2192 ", style::muted) +
                       escape(std::to_string(*s.pain_after));
            else if (s.pain_before)
                pain = escape(std::to_string(*s.pain_before)) + small(" before");
            std::string techniques;
            for (std::size_t i = 0; i < s.techniques.size(); ++i) techniques += (i ? ", " : "") + s.techniques[i];
            std::string flags;
            if (s.amended) flags = "amended";
            if (s.adverse_reaction) flags += (flags.empty() ? "" : "; ") + std::string("adverse reaction noted");
            rows.push_back({cell(short_date(s.starts_at.date())), s.series ? cell(series_text(*s.series)) : small("—"),
                            status, pain, with_note(escape(techniques), flags, style::caution), cell(s.therapist)});
        }
        table({{"Date", 0.135},
               {"Session", 0.095},
               {"Note", 0.135},
               {"Pain", 0.085, Align::right},
               {"Techniques", 0.385},
               {"Therapist", 0.165}},
              rows, 0);
    }

    const typeset::Typesetter& m_ts;
    const ProgressReport& m_r;
    double m_width;
    double m_page_body;
    std::vector<BlockPtr> m_blocks;
};

} // namespace

// ---- The paginated document --------------------------------------------------------------------

PageDimensions dimensions(PaperSize paper) {
    switch (paper) {
    case PaperSize::a4:
        return {595.2756, 841.8898};
    case PaperSize::letter:
        return {612.0, 792.0};
    }
    return {595.2756, 841.8898};
}

PaperSize parse_paper_size(std::string_view text) {
    const std::string t = text::ascii_lower(text::trim(text));
    if (t == "a4") return PaperSize::a4;
    if (t == "letter" || t == "us-letter" || t == "usletter") return PaperSize::letter;
    throw ValidationError("paper size", "\"" + std::string(text) + "\" is not a4 or letter");
}

struct TypesetReport::Impl {
    typeset::Typesetter typesetter;
    PageDimensions page;
    std::string running_left;
    std::string running_right;
    std::string confidentiality;
    std::vector<BlockPtr> blocks;
    std::vector<std::vector<typeset::Placement>> pages;
};

TypesetReport::TypesetReport(const ProgressReport& report, PaperSize paper) : m_impl(std::make_unique<Impl>()) {
    Impl& d = *m_impl;
    d.page = dimensions(paper);
    const double width = d.page.width - 2 * style::margin_side;
    const double body = d.page.height - style::margin_bottom - style::margin_top - style::running_header;
    d.blocks = DocumentBuilder(d.typesetter, report, width, body).build();
    d.running_left = report.header.practice_name;
    d.running_right =
        "Progress report \u00B7 " + isolate(report.client.name) + " \u00B7 " + short_date(report.header.report_date);
    d.confidentiality = "Confidential: personal health information about " + isolate(report.client.name) +
                        ". For the named recipient only; not to be copied or passed on without the client\u2019s "
                        "consent.";
    const double bottom = d.page.height - style::margin_bottom;
    d.pages = typeset::paginate(d.blocks, [&](std::size_t page) {
        return typeset::PageArea{page == 0 ? style::margin_top : style::margin_top + style::running_header, bottom};
    });
}

TypesetReport::~TypesetReport() = default;

int TypesetReport::page_count() const { return static_cast<int>(m_impl->pages.size()); }

PageDimensions TypesetReport::page_size() const { return m_impl->page; }

void TypesetReport::draw_page(cairo_t* cr, int index) const {
    const Impl& d = *m_impl;
    if (index < 0 || index >= page_count()) throw Error("The report has no page " + std::to_string(index + 1) + ".");
    const double left = style::margin_side, width = d.page.width - 2 * style::margin_side;
    cairo_save(cr);

    if (index > 0) {
        TextBox l(d.typesetter, escape(d.running_left), text_style(7.2, style::muted, true), width * 0.45);
        TextBox r(d.typesetter, escape(d.running_right), text_style(7.2, style::muted, false, Align::right), width * 0.55);
        l.draw(cr, left, style::margin_top - 4);
        r.draw(cr, left + width * 0.45, style::margin_top - 4);
        style::hairline.use(cr);
        cairo_set_line_width(cr, 0.5);
        const double ry = style::margin_top - 4 + std::max(l.height(), r.height()) + 4;
        cairo_move_to(cr, left, ry);
        cairo_line_to(cr, left + width, ry);
        cairo_stroke(cr);
    }

    const double footer_y = d.page.height - style::margin_bottom + 20;
    style::hairline.use(cr);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, left, footer_y - 5);
    cairo_line_to(cr, left + width, footer_y - 5);
    cairo_stroke(cr);
    TextBox conf(d.typesetter, escape(d.confidentiality), text_style(6.6, style::faint), width * 0.78);
    conf.draw(cr, left, footer_y);
    TextBox page(d.typesetter,
                 escape("Page " + std::to_string(index + 1) + " of " + std::to_string(page_count())),
                 text_style(7.4, style::muted, false, Align::right), width * 0.2);
    page.draw(cr, left + width * 0.8, footer_y);

    for (const auto& p : d.pages[static_cast<std::size_t>(index)]) p.block->draw(cr, left, p.y, p.from, p.to);
    cairo_restore(cr);
}

// ---- PDF ---------------------------------------------------------------------------------------

namespace {

void set_metadata(cairo_surface_t* surface, const ProgressReport& report) {
    const std::string title = "Progress report: " + report.client.name;
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, report.header.therapist.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, report.header.period_description.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Knotwork");
}

void draw_all(cairo_surface_t* surface, const TypesetReport& doc) {
    for (int i = 0; i < doc.page_count(); ++i) {
        cairo_t* cr = cairo_create(surface);
        doc.draw_page(cr, i);
        cairo_show_page(cr);
        cairo_destroy(cr);
    }
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

} // namespace

int write_pdf(const ProgressReport& report, const std::filesystem::path& file, PaperSize paper) {
    const TypesetReport doc(report, paper);
    const PageDimensions size = doc.page_size();
    cairo_surface_t* surface = cairo_pdf_surface_create(file.c_str(), size.width, size.height);
    set_metadata(surface, report);
    draw_all(surface, doc);
    cairo_surface_finish(surface);
    const cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS)
        throw Error("Could not write the report to " + file.string() + ": " + cairo_status_to_string(status) + ".");
    return doc.page_count();
}

std::string pdf_bytes(const ProgressReport& report, PaperSize paper) {
    const TypesetReport doc(report, paper);
    const PageDimensions size = doc.page_size();
    std::string bytes;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append_bytes, &bytes, size.width, size.height);
    set_metadata(surface, report);
    draw_all(surface, doc);
    cairo_surface_finish(surface);
    const cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) throw Error(std::string("Could not make the report's PDF: ") + cairo_status_to_string(status) + ".");
    return bytes;
}

} // namespace knotwork::report
