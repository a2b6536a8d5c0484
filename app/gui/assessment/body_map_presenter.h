#pragma once
// The body map's logic, without a window: the fixed chart geometry (a back view and a front view,
// each in its own normalised 0..1 box), hit testing, the click and keyboard rules, the pain map
// being edited, the colour scale and the tooltip text. BodyMapCtrl only draws what this says.
//
// The geometry itself lives in reports/body_map_geometry.h (the report draws the same chart).
//
// Sides are the client's own. Seen from behind, the client's left is on the viewer's left; seen
// from the front, the client's left is on the viewer's right (as on every clinical body chart).
//
// Every region and side the chart can show has exactly one shape, in exactly one view: the back
// view carries the spine and the back, hip and thigh muscles; the front view carries pectorals,
// abdominals, iliopsoas and TFL / IT band. Paired muscles and the sacroiliac joints have a left
// and a right shape; the spinal levels, sacrum and coccyx one midline shape.
//
// A "both sides" entry (Side::bilateral) shows on the left and the right shape. Changing one side
// of it splits it into a left and a right entry with the same intensity and quality first. Entries
// the chart has no shape for (a left-sided lumbar spine, say) are kept untouched.
#include "body_map_geometry.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace knotwork::gui {

using knotwork::body_map_drawing_order;
using knotwork::body_map_shapes;
using knotwork::body_landmarks;
using knotwork::body_silhouette;
using knotwork::body_view_aspect;
using knotwork::BodyView;
using knotwork::MapPoint;
using knotwork::RegionKey;
using knotwork::RegionShape;
using knotwork::Rgb;
using knotwork::shape_contains;
using knotwork::side_on_viewer_left;

// Keys the map understands, already translated from the toolkit's key codes.
enum class MapKey {
    next,     // Tab
    previous, // Shift+Tab
    left,
    right,
    up,
    down,
    first,    // Home
    last,     // End
    cycle,    // Space or Enter: as a click
    increase, // +
    decrease, // -
    clear,    // Delete or Backspace
    digit,    // 0–9: set that intensity (0 clears)
};

struct KeyOutcome {
    bool handled = false;     // the key meant something here; otherwise the window passes it on
    bool map_changed = false; // the pain map changed
};

class BodyMapPresenter {
public:
    static constexpr int first_click_intensity = 3;

    // Replaces the map (when an assessment is loaded). Entries keep their order relative to the chart.
    void set_pain_map(std::vector<PainMapEntry> map);
    const std::vector<PainMapEntry>& pain_map() const noexcept { return m_map; }

    // The shape under a point of `view`'s box (the topmost, where small shapes sit on large ones).
    std::optional<std::size_t> shape_at(BodyView view, MapPoint p) const;
    std::optional<RegionKey> region_at(BodyView view, MapPoint p) const;

    // A click at a point: cycles the region there. Returns true when the map changed.
    bool click(BodyView view, MapPoint p);
    // The click rule: unmarked → 3 → 6 → 9 → cleared. An intensity set from the keyboard moves to
    // the next step above it (5 → 6, 10 → cleared).
    void cycle(RegionKey key);
    // 0 clears. Throws ValidationError("pain map intensity", …) outside 0–10.
    void set_intensity(RegionKey key, int intensity);
    void clear(RegionKey key) { set_intensity(key, 0); }
    // The intensity shown for a region and side: its own entry, else a "both sides" entry.
    int intensity(RegionKey key) const;
    // The entry that holds `key`'s intensity (its own, or the "both sides" one), if any.
    const PainMapEntry* entry_for(RegionKey key) const;
    // Sets the quality of the exact entry `key` (a "both sides" key names that entry). Returns
    // false when there is no such entry.
    bool set_quality(RegionKey key, PainQuality quality);

    // Pale yellow for 1 to deep red for 10; each step darker than the one before.
    static Rgb fill_colour(int intensity);
    // The fill of a region no one has marked.
    static Rgb unmarked_fill();

    // "Right piriformis", "Lumbar spine", "Erector spinae (lumbar), both sides".
    static std::string region_name(RegionKey key);
    // "Right piriformis — pain 6/10"; "Right piriformis — not marked".
    std::string tooltip(RegionKey key) const;
    // The text for a pain-map entry in a list: "Right piriformis — 6/10, aching".
    static std::string entry_text(const PainMapEntry& entry);

    // Keyboard focus: an index into body_map_shapes(), or none.
    std::optional<std::size_t> focused() const noexcept { return m_focus; }
    void set_focus(std::optional<std::size_t> shape);
    // Moves focus to the first shape showing `key`; false when the chart has no shape for it.
    bool focus_region(RegionKey key);
    KeyOutcome handle_key(MapKey key, int digit = 0);

private:
    std::vector<PainMapEntry>::iterator find(RegionKey key);
    void split_bilateral(BodyRegion region);
    void put(RegionKey key, int intensity);
    void sort_map();
    bool move_focus(MapKey direction);

    std::vector<PainMapEntry> m_map;
    std::optional<std::size_t> m_focus;
};

} // namespace knotwork::gui
