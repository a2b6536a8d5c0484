#include "pain_chart.h"

#include "report_style.h"
#include "report_text.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace knotwork::report {

namespace {

using typeset::Align;
using typeset::TextBox;
using typeset::TextStyle;

constexpr long break_line_after_days = 45; // a longer gap between sessions is a new episode: no line across it

struct Frame {
    double x, y, width, height; // the plot area
    long first_day, last_day;   // the x range, as day numbers

    double x_of(const Date& d) const {
        const double t = static_cast<double>(d.day_number() - first_day) / static_cast<double>(last_day - first_day);
        return x + t * width;
    }
    double y_of(double pain) const { return y + height - pain / 10.0 * height; }
};

TextStyle label_style(Align align = Align::left, typeset::Colour colour = style::muted) {
    TextStyle s;
    s.size = 6.8;
    s.colour = colour;
    s.align = align;
    return s;
}

void draw_label(cairo_t* cr, const typeset::Typesetter& ts, const std::string& text, const TextStyle& s, double x,
                double y, double width) {
    TextBox(ts, typeset::escape(text), s, width).draw(cr, x, y);
}

void circle(cairo_t* cr, double cx, double cy, double r) {
    cairo_new_sub_path(cr);
    cairo_arc(cr, cx, cy, r, 0, 2 * std::numbers::pi);
}

void marker_before(cairo_t* cr, double cx, double cy, double r) {
    circle(cr, cx, cy, r);
    style::accent.use(cr);
    cairo_fill(cr);
}

void marker_after(cairo_t* cr, double cx, double cy, double r) {
    circle(cr, cx, cy, r);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_fill_preserve(cr);
    style::accent_light.use(cr);
    cairo_set_line_width(cr, 0.9);
    cairo_stroke(cr);
}

void line_swatch(cairo_t* cr, double cx, double cy, double width, const typeset::Colour& colour) {
    cairo_set_line_width(cr, width);
    colour.use(cr);
    cairo_move_to(cr, cx - 5, cy);
    cairo_line_to(cr, cx + 5, cy);
    cairo_stroke(cr);
}

void draw_legend(cairo_t* cr, const typeset::Typesetter& ts, const PainTrend& trend, double x, double y, bool dense) {
    const TextStyle s = label_style(Align::left, style::ink);
    double at = x;
    auto item = [&](auto&& swatch, const std::string& text) {
        swatch(at + 5, y + 5);
        TextBox box(ts, typeset::escape(text), s, 200);
        box.draw(cr, at + 14, y);
        at += 14 + box.natural_width() + 16;
    };
    item([&](double cx, double cy) {
        if (dense) line_swatch(cr, cx, cy, 1.5, style::accent);
        else marker_before(cr, cx, cy, 2.6);
    }, "Pain before the session");
    item([&](double cx, double cy) {
        if (dense) line_swatch(cr, cx, cy, 1.1, style::accent_light);
        else marker_after(cr, cx, cy, 2.6);
    }, "Pain after the session");
    if (trend.meaningful_below)
        item(
            [&](double cx, double cy) {
                cairo_rectangle(cr, cx - 4, cy - 3.5, 8, 7);
                style::accent.use(cr, 0.13);
                cairo_fill(cr);
            },
            "Within 2 points (or 30%) of the baseline");
}

// Ticks every 1 or 2 weeks, or every 1, 2, 3, 6 or 12 months: the finest that leaves room.
struct Tick {
    Date day;
    std::string text;
};

std::vector<Tick> date_ticks(const Frame& f) {
    const long span = f.last_day - f.first_day;
    const double room = f.width / 52.0; // a label needs about 52 points
    std::vector<Tick> ticks;
    const Date first = Date(boost::gregorian::gregorian_calendar::from_day_number(f.first_day));
    const Date last = Date(boost::gregorian::gregorian_calendar::from_day_number(f.last_day));
    for (int weeks : {1, 2}) {
        if (span / (7.0 * weeks) > room) continue;
        Date d = first;
        while (d.day_of_week() != boost::date_time::Monday) d += boost::gregorian::days(1);
        for (; d <= last; d += boost::gregorian::days(7 * weeks))
            ticks.push_back({d, compact_date(d, d.year())});
        return ticks;
    }
    for (int months : {1, 2, 3, 6, 12}) {
        if (span / (30.4 * months) > room) continue;
        Date d(first.year(), first.month(), 1);
        if (d < first) d += boost::gregorian::months(1);
        while ((d.month() - 1) % months != 0) d += boost::gregorian::months(1);
        bool first_tick = true;
        for (; d <= last; d += boost::gregorian::months(months)) {
            const std::string month = month_abbreviation(d);
            const bool with_year = first_tick || d.month() == 1 || months >= 6;
            ticks.push_back({d, with_year ? month + " " + std::to_string(d.year()) : month});
            first_tick = false;
        }
        return ticks;
    }
    for (int year = first.year() + 1; year <= last.year(); ++year)
        ticks.push_back({Date(static_cast<unsigned short>(year), 1, 1), std::to_string(year)});
    return ticks;
}

} // namespace

void draw_pain_chart(cairo_t* cr, const typeset::Typesetter& ts, const PainTrend& trend, double x, double y,
                     double width, double height) {
    cairo_save(cr);
    const double legend = 16, left = 20, right = 78, bottom = 16;
    Frame f{x + left, y + legend + 6, width - left - right, height - legend - 6 - bottom, 0, 1};

    const double spacing = f.width / std::max<double>(1.0, static_cast<double>(trend.points.size()));
    const bool dense = spacing < 6.0; // sessions closer than a marker's width: lines alone read better
    draw_legend(cr, ts, trend, f.x, y, dense);

    // Grid and scale.
    cairo_set_line_width(cr, 0.4);
    for (int v = 0; v <= 10; v += 2) {
        style::hairline.use(cr);
        cairo_move_to(cr, f.x, f.y_of(v));
        cairo_line_to(cr, f.x + f.width, f.y_of(v));
        cairo_stroke(cr);
        draw_label(cr, ts, std::to_string(v), label_style(Align::right), x, f.y_of(v) - 4.6, left - 5);
    }

    if (trend.points.empty()) {
        TextStyle s = label_style(Align::centre);
        s.size = 8;
        draw_label(cr, ts, "No pain ratings in the signed notes of this period.", s, f.x, f.y + f.height / 2 - 12,
                   f.width);
        cairo_restore(cr);
        return;
    }

    // The x range: the sessions' dates, padded so the first and last markers clear the edges.
    const long first = trend.points.front().date.day_number(), last = trend.points.back().date.day_number();
    const long pad = std::max(2L, (last - first) / 30);
    f.first_day = first - pad;
    f.last_day = last + pad;
    if (f.last_day - f.first_day < 14) {
        const long centre = (first + last) / 2;
        f.first_day = centre - 7;
        f.last_day = centre + 7;
    }

    // Baseline and the band of change too small to count.
    if (trend.baseline) {
        const double base_y = f.y_of(*trend.baseline);
        if (trend.meaningful_below) {
            const double low_y = f.y_of(*trend.meaningful_below);
            cairo_rectangle(cr, f.x, base_y, f.width, low_y - base_y);
            style::accent.use(cr, 0.10);
            cairo_fill(cr);
            const double label_y = std::max(low_y - 4.6, base_y + 6);
            draw_label(cr, ts, "Meaningful change", label_style(), f.x + f.width + 5, label_y, right - 5);
        }
        const double dashes[] = {3.0, 2.0};
        cairo_set_dash(cr, dashes, 2, 0);
        cairo_set_line_width(cr, 0.8);
        style::accent.use(cr);
        cairo_move_to(cr, f.x, base_y);
        cairo_line_to(cr, f.x + f.width, base_y);
        cairo_stroke(cr);
        cairo_set_dash(cr, nullptr, 0, 0);
        draw_label(cr, ts, "Baseline " + std::to_string(*trend.baseline) + "/10", label_style(Align::left, style::accent),
                   f.x + f.width + 5, base_y - 4.6 - (trend.meaningful_below ? 2 : 0), right - 5);
    }

    // Time axis.
    cairo_set_line_width(cr, 0.6);
    style::rule.use(cr);
    cairo_move_to(cr, f.x, f.y + f.height);
    cairo_line_to(cr, f.x + f.width, f.y + f.height);
    cairo_stroke(cr);
    for (const Tick& t : date_ticks(f)) {
        const double tx = f.x_of(t.day);
        if (tx < f.x - 0.5 || tx > f.x + f.width + 0.5) continue;
        style::rule.use(cr);
        cairo_move_to(cr, tx, f.y + f.height);
        cairo_line_to(cr, tx, f.y + f.height + 3);
        cairo_stroke(cr);
        const double w = 60;
        const double lx = std::clamp(tx - w / 2, x, x + width - right - w / 2);
        draw_label(cr, ts, t.text, label_style(Align::centre), lx, f.y + f.height + 4, w);
    }

    // Sessions: the relief of each as a thin stem, then the after and before series.
    const double r = std::clamp(spacing * 0.32, 1.2, 2.5);
    if (!dense) {
        cairo_set_line_width(cr, std::clamp(r * 0.5, 0.6, 1.0));
        style::accent_light.use(cr, 0.55);
        for (const auto& p : trend.points) {
            if (p.before == p.after) continue;
            cairo_move_to(cr, f.x_of(p.date), f.y_of(p.before));
            cairo_line_to(cr, f.x_of(p.date), f.y_of(p.after));
        }
        cairo_stroke(cr);
    }

    auto series = [&](auto value, double line_width, const typeset::Colour& colour) {
        cairo_set_line_width(cr, line_width);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        colour.use(cr);
        for (std::size_t i = 0; i < trend.points.size(); ++i) {
            const auto& p = trend.points[i];
            const bool gap = i == 0 || (p.date - trend.points[i - 1].date).days() > break_line_after_days;
            if (gap) cairo_move_to(cr, f.x_of(p.date), f.y_of(value(p)));
            else cairo_line_to(cr, f.x_of(p.date), f.y_of(value(p)));
        }
        cairo_stroke(cr);
    };
    series([](const PainPoint& p) { return p.after; }, dense ? 1.1 : 0.9, style::accent_light);
    if (!dense)
        for (const auto& p : trend.points) marker_after(cr, f.x_of(p.date), f.y_of(p.after), r);
    series([](const PainPoint& p) { return p.before; }, dense ? 1.5 : 1.3, style::accent);
    if (!dense)
        for (const auto& p : trend.points) marker_before(cr, f.x_of(p.date), f.y_of(p.before), r);

    cairo_restore(cr);
}

} // namespace knotwork::report
