#pragma once
// The body chart's fixed geometry, without a window or a pain map: a back view and a front view,
// each in its own normalised 0..1 box, the silhouette, landmark lines, hit testing and the colour
// scale for pain intensity. The desktop's body map (app/gui) and the progress report's baseline
// figure draw from the same shapes and colours.
//
// Sides are the client's own. Seen from behind, the client's left is on the viewer's left; seen
// from the front, the client's left is on the viewer's right (as on every clinical body chart).
//
// Every region and side the chart can show has exactly one shape, in exactly one view: the back
// view carries the spine and the back, hip and thigh muscles; the front view carries pectorals,
// abdominals, iliopsoas and TFL / IT band. Paired muscles and the sacroiliac joints have a left
// and a right shape; the spinal levels, sacrum and coccyx one midline shape.
#include "assessment/assessment.h"

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <vector>

namespace knotwork {

enum class BodyView { back, front };

// A point in a view's box: x 0 (viewer's left) to 1, y 0 (top of the head) to 1 (soles).
struct MapPoint {
    double x = 0;
    double y = 0;
    bool operator==(const MapPoint&) const = default;
};

// Width ÷ height of each view's box. Drawing the box with another ratio distorts the figure.
inline constexpr double body_view_aspect = 100.0 / 210.0;

struct RegionKey {
    BodyRegion region;
    Side side;
    bool operator==(const RegionKey&) const = default;
};

struct RegionShape {
    RegionKey key;
    BodyView view;
    bool is_ellipse = false;
    MapPoint centre;     // the ellipse's centre, or the polygon's centroid
    double radius_x = 0; // ellipses only
    double radius_y = 0;
    std::vector<MapPoint> outline; // closed and smooth enough to draw; what hit testing uses for polygons
};

// Every shape of both views in the keyboard's Tab order: the back view from head to thigh,
// each pair the viewer's left shape first, then the front view.
const std::vector<RegionShape>& body_map_shapes();
// Indices into body_map_shapes() in drawing order: the small and deep shapes (piriformis, gluteus
// minimus, sacroiliac joints) last, over the muscles they lie on. Hit testing reads it backwards.
const std::vector<std::size_t>& body_map_drawing_order();

// The figure's outline (identical for both views), closed, in a view's box.
const std::vector<MapPoint>& body_silhouette();

// Thin landmark lines drawn under the regions so the front view reads at a glance: the
// collarbones and the midline. Open polylines.
const std::vector<std::vector<MapPoint>>& body_landmarks(BodyView view);

// Whether a shape covers a point of its view's box.
bool shape_contains(const RegionShape& shape, MapPoint p);

// The client's side shown on the viewer's left in `view`: left for the back view, right for the front.
Side side_on_viewer_left(BodyView view);

struct Rgb {
    std::uint8_t red = 0;
    std::uint8_t green = 0;
    std::uint8_t blue = 0;
    bool operator==(const Rgb&) const = default;
};

// Pale yellow for 1 to deep red for 10; each step darker than the one before.
Rgb body_map_fill_colour(int intensity);
// The fill of a region no one has marked.
Rgb body_map_unmarked_fill();

// "back", "front"; "Piriformis/Left": for test and log messages.
std::ostream& operator<<(std::ostream& os, BodyView view);
std::ostream& operator<<(std::ostream& os, const RegionKey& key);

} // namespace knotwork
