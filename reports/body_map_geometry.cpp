#include "body_map_geometry.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <ostream>

namespace knotwork {

namespace {

// The geometry is authored on a 100 × 210 grid per view (the figure's midline at x = 50) and
// normalised once. Paired shapes are written for the viewer's right half only and mirrored.
constexpr double grid_w = 100.0;
constexpr double grid_h = 210.0;
constexpr double centre_x = 50.0;

struct GridPoint {
    double x;
    double y;
    bool corner = false; // the outline turns sharply here instead of curving through
};

enum class Pairing { midline, paired };

struct ShapeSpec {
    BodyRegion region;
    BodyView view;
    Pairing pairing;
    int layer; // 1: drawn over (and hit before) layer 0
    bool ellipse;
    GridPoint centre;              // ellipses
    double rx, ry;                 // ellipses
    std::vector<GridPoint> points; // polygons: the viewer's right half for paired shapes
};

using R = BodyRegion;
using V = BodyView;

ShapeSpec ellipse(R r, V v, Pairing p, int layer, double cx, double cy, double rx, double ry) {
    return {r, v, p, layer, true, {cx, cy}, rx, ry, {}};
}
ShapeSpec polygon(R r, V v, Pairing p, int layer, std::vector<GridPoint> pts) {
    return {r, v, p, layer, false, {}, 0, 0, std::move(pts)};
}
// A rounded rectangle: its corners are short arcs, every point a corner so nothing is smoothed.
ShapeSpec capsule(R r, V v, Pairing p, double x0, double y0, double x1, double y1, double radius) {
    std::vector<GridPoint> pts;
    const std::array<GridPoint, 4> centres{{{x1 - radius, y0 + radius},
                                            {x1 - radius, y1 - radius},
                                            {x0 + radius, y1 - radius},
                                            {x0 + radius, y0 + radius}}};
    for (int c = 0; c < 4; ++c)
        for (int k = 0; k <= 4; ++k) {
            const double a = (-90.0 + 90.0 * c + 22.5 * k) * std::numbers::pi / 180.0;
            pts.push_back({centres[static_cast<std::size_t>(c)].x + radius * std::cos(a),
                           centres[static_cast<std::size_t>(c)].y + radius * std::sin(a), true});
        }
    return polygon(r, v, p, 0, std::move(pts));
}

constexpr Pairing mid = Pairing::midline;
constexpr Pairing pair = Pairing::paired;

// The chart's geometry reads best as a table: one shape to a line or two.
// clang-format off
// In Tab order: the back from the head down, then the front.
std::vector<ShapeSpec> shape_specs() {
    return {
        // ---- back: neck and shoulders
        ellipse(R::suboccipitals, V::back, pair, 0, 53.1, 26.9, 2.0, 1.25),
        capsule(R::cervical_spine, V::back, mid, 48.6, 28.6, 51.4, 38.6, 1.3),
        polygon(R::levator_scapulae, V::back, pair, 0,
                {{52.2, 29.4, true}, {54.5, 29.4, true}, {55.3, 33.4}, {57.6, 37.9, true}, {52.2, 38.2, true}}),
        polygon(R::trapezius_upper, V::back, pair, 0,
                {{56.3, 32.0, true}, {60.4, 35.9}, {66.5, 38.6}, {70.4, 40.9}, {71.0, 42.5, true}, {64.5, 42.3},
                 {59.0, 40.8, true}, {58.3, 38.0}}),
        // ---- back: between and below the shoulder blades
        polygon(R::trapezius_middle, V::back, pair, 0,
                {{52.3, 39.3, true}, {58.6, 41.3}, {65.6, 43.2}, {66.9, 45.4, true}, {62.6, 47.3}, {52.3, 47.1, true}}),
        capsule(R::thoracic_spine, V::back, mid, 48.5, 39.4, 51.5, 72.0, 1.4),
        polygon(R::rhomboids, V::back, pair, 0,
                {{56.1, 48.0, true}, {60.3, 48.0, true}, {59.6, 59.1, true}, {56.1, 56.4, true}}),
        polygon(R::erector_spinae_thoracic, V::back, pair, 0,
                {{52.3, 48.0, true}, {55.3, 48.0, true}, {55.5, 61.3}, {55.2, 71.7, true}, {52.3, 71.7, true}}),
        polygon(R::trapezius_lower, V::back, pair, 0,
                {{56.1, 57.5, true}, {62.6, 61.1, true}, {56.1, 70.9, true}}),
        polygon(R::latissimus_dorsi, V::back, pair, 0,
                {{63.6, 61.6, true}, {66.0, 57.9, true}, {66.0, 62.7}, {65.1, 68.7}, {64.0, 75.2, true},
                 {62.6, 75.7, true}, {58.3, 72.8, true}}),
        // ---- back: lumbar
        capsule(R::lumbar_spine, V::back, mid, 48.2, 72.5, 51.8, 87.2, 1.6),
        capsule(R::multifidus, V::back, pair, 52.3, 72.7, 54.3, 87.0, 1.0),
        capsule(R::erector_spinae_lumbar, V::back, pair, 54.8, 73.1, 57.6, 87.0, 1.2),
        polygon(R::quadratus_lumborum, V::back, pair, 0,
                {{58.2, 76.5, true}, {62.9, 76.8, true}, {63.6, 81.7}, {63.3, 87.0, true}, {58.2, 87.1, true}}),
        // ---- back: pelvis and hip
        polygon(R::sacrum, V::back, mid, 0,
                {{45.4, 88.1, true}, {54.6, 88.1, true}, {53.2, 94.5}, {50.9, 99.8, true}, {49.1, 99.8, true},
                 {46.8, 94.5}}),
        ellipse(R::sacroiliac_joint, V::back, pair, 1, 55.3, 91.5, 1.05, 2.49),
        ellipse(R::coccyx, V::back, mid, 0, 50.0, 101.9, 1.15, 1.42),
        polygon(R::gluteus_medius, V::back, pair, 0,
                {{56.8, 88.7}, {61.8, 88.1}, {66.2, 89.2}, {67.5, 92.2}, {64.0, 93.1}, {60.2, 93.2},
                 {56.6, 91.5}}),
        polygon(R::gluteus_minimus, V::back, pair, 0, {{64.2, 93.9}, {67.2, 93.3}, {67.5, 96.9}, {64.6, 96.8}}),
        polygon(R::gluteus_maximus, V::back, pair, 0,
                {{55.8, 93.4}, {59.6, 94.2}, {63.3, 94.4, true}, {63.8, 97.5, true}, {68.0, 98.1},
                 {67.9, 103.2}, {64.2, 107.5}, {57.6, 109.7}, {52.6, 107.0}, {51.9, 103.3}, {52.6, 98.4}}),
        polygon(R::piriformis, V::back, pair, 1,
                {{54.0, 94.5, true}, {60.5, 95.9}, {66.6, 97.5, true}, {66.4, 99.9, true}, {60.2, 98.5},
                 {53.5, 97.0, true}}),
        // ---- back: thigh
        polygon(R::hamstrings, V::back, pair, 0,
                {{52.7, 113.8}, {57.6, 112.3}, {63.6, 111.7}, {66.8, 116.7}, {66.4, 130.6}, {64.4, 147.2},
                 {59.4, 150.1}, {54.1, 148.5}, {52.6, 133.2}}),
        // ---- front
        polygon(R::pectorals, V::front, pair, 0,
                {{52.3, 43.4}, {57.6, 41.6}, {64.0, 41.9}, {68.2, 44.6}, {68.0, 50.6}, {64.2, 55.4}, {58.0, 56.8},
                 {52.6, 55.0}}),
        polygon(R::abdominals, V::front, pair, 0,
                {{51.0, 59.1, true}, {57.2, 58.7}, {62.2, 61.7}, {62.9, 68.7}, {62.2, 76.9}, {60.2, 83.3},
                 {56.2, 87.4}, {51.0, 88.1, true}}),
        polygon(R::iliopsoas, V::front, pair, 0,
                {{57.6, 89.2}, {61.4, 88.4}, {62.3, 90.8}, {59.8, 97.3}, {56.8, 102.8, true}, {54.6, 102.2},
                 {55.2, 95.6}}),
        polygon(R::tfl_it_band, V::front, pair, 0,
                {{64.0, 89.9, true}, {66.8, 90.8}, {68.3, 97.3}, {67.5, 117.3}, {64.9, 147.2, true},
                 {63.2, 146.5, true}, {64.5, 117.3}, {64.5, 97.3}}),
    };
}

// The viewer's right half of the figure, from the top of the head down the arm, the side and the
// leg, and back up the inside of the leg to the crotch.
const std::vector<GridPoint>& half_silhouette() {
    static const std::vector<GridPoint> pts{
        {50.0, 4.0},         {56.4, 7.7},         {59.0, 16.5},        {57.8, 22.8},        {55.4, 27.6},
        {55.2, 31.0, true},  {60.0, 35.0},        {67.0, 37.8},        {71.6, 40.3},        {74.2, 44.8},
        {75.2, 52.0},        {76.3, 66.0},        {78.0, 80.0},        {80.2, 94.0},        {81.3, 106.5},
        {83.2, 114.5},       {83.4, 122.5},       {81.6, 128.0},       {79.2, 126.4},       {78.4, 120.0},
        {77.0, 114.5},       {76.4, 107.0},       {74.3, 94.0},        {71.9, 80.0},        {70.2, 67.0},
        {67.4, 56.0, true},  {66.9, 60.0},        {65.7, 66.7},        {64.2, 76.0},        {65.6, 84.9},
        {67.6, 92.0},       {68.7, 100.0},       {68.0, 120.6},       {65.4, 148.1},       {65.4, 158.7},
        {65.9, 167.2},       {63.2, 181.4},       {60.0, 195.6},       {61.2, 201.3},       {59.6, 205.6, true},
        {53.6, 206.0, true}, {53.7, 196.5},       {54.1, 183.3},       {53.9, 168.1},       {53.2, 153.0},
        {52.6, 135.2},       {51.8, 117.3},       {50.0, 106.0, true},
    };
    return pts;
}
// clang-format on

GridPoint mirror(GridPoint p) {
    return {2 * centre_x - p.x, p.y, p.corner};
}
MapPoint normalise(double x, double y) {
    return {x / grid_w, y / grid_h};
}

// A closed Catmull-Rom curve through the points, flattened; corners keep a sharp turn.
std::vector<MapPoint> smooth_closed(const std::vector<GridPoint>& pts) {
    constexpr int steps = 8;
    const std::size_t n = pts.size();
    std::vector<MapPoint> out;
    out.reserve(n * steps);
    auto tangent = [&](std::size_t i) -> GridPoint {
        if (pts[i].corner) return {0, 0};
        const GridPoint& prev = pts[(i + n - 1) % n];
        const GridPoint& next = pts[(i + 1) % n];
        return {(next.x - prev.x) / 2, (next.y - prev.y) / 2};
    };
    for (std::size_t i = 0; i < n; ++i) {
        const GridPoint& a = pts[i];
        const GridPoint& b = pts[(i + 1) % n];
        const GridPoint ta = tangent(i), tb = tangent((i + 1) % n);
        for (int s = 0; s < steps; ++s) {
            const double t = static_cast<double>(s) / steps, t2 = t * t, t3 = t2 * t;
            const double h00 = 2 * t3 - 3 * t2 + 1, h10 = t3 - 2 * t2 + t, h01 = -2 * t3 + 3 * t2,
                         h11 = t3 - t2;
            out.push_back(normalise(h00 * a.x + h10 * ta.x + h01 * b.x + h11 * tb.x,
                                    h00 * a.y + h10 * ta.y + h01 * b.y + h11 * tb.y));
        }
    }
    return out;
}

MapPoint centroid(const std::vector<MapPoint>& poly) {
    double area = 0, cx = 0, cy = 0;
    for (std::size_t i = 0; i < poly.size(); ++i) {
        const MapPoint& a = poly[i];
        const MapPoint& b = poly[(i + 1) % poly.size()];
        const double cross = a.x * b.y - b.x * a.y;
        area += cross;
        cx += (a.x + b.x) * cross;
        cy += (a.y + b.y) * cross;
    }
    if (std::fabs(area) < 1e-12) return poly.empty() ? MapPoint{} : poly.front();
    return {cx / (3 * area), cy / (3 * area)};
}

RegionShape make_shape(const ShapeSpec& spec, Side side, bool mirrored) {
    RegionShape s{{spec.region, side}, spec.view, spec.ellipse, {}, 0, 0, {}};
    if (spec.ellipse) {
        const GridPoint c = mirrored ? mirror(spec.centre) : spec.centre;
        s.centre = normalise(c.x, c.y);
        s.radius_x = spec.rx / grid_w;
        s.radius_y = spec.ry / grid_h;
        constexpr int segments = 48;
        for (int k = 0; k < segments; ++k) {
            const double a = 2 * std::numbers::pi * k / segments;
            s.outline.push_back(
                {s.centre.x + s.radius_x * std::cos(a), s.centre.y + s.radius_y * std::sin(a)});
        }
        return s;
    }
    std::vector<GridPoint> pts = spec.points;
    if (mirrored) {
        for (auto& p : pts)
            p = mirror(p);
        std::reverse(pts.begin(), pts.end()); // keep the winding
    }
    const bool all_corners = std::all_of(pts.begin(), pts.end(), [](const GridPoint& p) { return p.corner; });
    if (all_corners)
        for (const auto& p : pts)
            s.outline.push_back(normalise(p.x, p.y));
    else
        s.outline = smooth_closed(pts);
    s.centre = centroid(s.outline);
    return s;
}

struct Geometry {
    std::vector<RegionShape> shapes;   // Tab order
    std::vector<std::size_t> by_layer; // drawing order; hit testing walks it backwards
};

const Geometry& geometry() {
    static const Geometry g = [] {
        Geometry out;
        std::vector<int> layers;
        for (const ShapeSpec& spec : shape_specs()) {
            if (spec.pairing == Pairing::midline) {
                out.shapes.push_back(make_shape(spec, Side::midline, false));
                layers.push_back(spec.layer);
                continue;
            }
            // Viewer's left first, so Tab reads across the chart like a page.
            const Side viewer_left = side_on_viewer_left(spec.view);
            const Side viewer_right = viewer_left == Side::left ? Side::right : Side::left;
            out.shapes.push_back(make_shape(spec, viewer_left, true));
            out.shapes.push_back(make_shape(spec, viewer_right, false));
            layers.insert(layers.end(), 2, spec.layer);
        }
        for (int layer = 0; layer <= 1; ++layer)
            for (std::size_t i = 0; i < out.shapes.size(); ++i)
                if (layers[i] == layer) out.by_layer.push_back(i);
        return out;
    }();
    return g;
}


Rgb mix(Rgb a, Rgb b, double t) {
    auto channel = [t](std::uint8_t x, std::uint8_t y) {
        return static_cast<std::uint8_t>(std::lround(x + (y - x) * t));
    };
    return {channel(a.red, b.red), channel(a.green, b.green), channel(a.blue, b.blue)};
}

} // namespace

bool shape_contains(const RegionShape& s, MapPoint p) {
    if (s.is_ellipse) {
        const double dx = (p.x - s.centre.x) / s.radius_x, dy = (p.y - s.centre.y) / s.radius_y;
        return dx * dx + dy * dy <= 1.0;
    }
    bool in = false;
    const auto& o = s.outline;
    for (std::size_t i = 0, j = o.size() - 1; i < o.size(); j = i++)
        if ((o[i].y > p.y) != (o[j].y > p.y) &&
            p.x < (o[j].x - o[i].x) * (p.y - o[i].y) / (o[j].y - o[i].y) + o[i].x)
            in = !in;
    return in;
}


const std::vector<RegionShape>& body_map_shapes() {
    return geometry().shapes;
}
const std::vector<std::size_t>& body_map_drawing_order() {
    return geometry().by_layer;
}

const std::vector<MapPoint>& body_silhouette() {
    static const std::vector<MapPoint> outline = [] {
        std::vector<GridPoint> pts = half_silhouette();
        const std::vector<GridPoint>& half = half_silhouette();
        // Back up the viewer's left half, skipping the points on the midline.
        for (auto it = half.rbegin() + 1; it + 1 != half.rend(); ++it)
            pts.push_back(mirror(*it));
        return smooth_closed(pts);
    }();
    return outline;
}

const std::vector<std::vector<MapPoint>>& body_landmarks(BodyView view) {
    static const auto build = [](const std::vector<std::vector<GridPoint>>& right_half, bool with_midline) {
        std::vector<std::vector<MapPoint>> lines;
        for (const auto& line : right_half)
            for (bool mirrored : {true, false}) {
                std::vector<MapPoint> l;
                for (GridPoint p : line) {
                    if (mirrored) p = mirror(p);
                    l.push_back(normalise(p.x, p.y));
                }
                lines.push_back(std::move(l));
            }
        if (with_midline) lines.push_back({normalise(centre_x, 60.0), normalise(centre_x, 99.0)});
        return lines;
    };
    // The back needs none: the spine and the muscles say which way the figure faces.
    static const auto back = build({}, false);
    static const auto front = build({{{51.4, 40.6}, {57.0, 39.8}, {63.0, 40.0}, {68.8, 40.8}}}, true);
    return view == BodyView::back ? back : front;
}

Side side_on_viewer_left(BodyView view) {
    return view == BodyView::back ? Side::left : Side::right;
}

// ---- appearance ----------------------------------------------------------------------------

Rgb body_map_fill_colour(int value) {
    // Pale yellow through amber and orange to deep red; luminance falls at every step.
    static constexpr std::array<Rgb, 5> stops{{
        {255, 244, 176}, // 1
        {255, 204, 92},  // 3
        {247, 140, 48},  // 5.5
        {214, 56, 36},   // 8
        {128, 0, 16},    // 10
    }};
    static constexpr std::array<double, 5> at{1, 3, 5.5, 8, 10};
    const double v = std::clamp(value, 1, 10);
    for (std::size_t i = 1; i < stops.size(); ++i)
        if (v <= at[i]) return mix(stops[i - 1], stops[i], (v - at[i - 1]) / (at[i] - at[i - 1]));
    return stops.back();
}

Rgb body_map_unmarked_fill() {
    return {236, 240, 244};
}

std::ostream& operator<<(std::ostream& os, BodyView view) {
    return os << (view == BodyView::back ? "back" : "front");
}

std::ostream& operator<<(std::ostream& os, const RegionKey& key) {
    return os << label(key.region) << "/" << label(key.side);
}

} // namespace knotwork
