#include "assessment/body_map_presenter.h"

#include "common/error.h"
#include "core/translate.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace knotwork::gui {

namespace {

// Where a shape sits on the whole chart (front view to the right of the back view), in units of
// the box height, for arrow-key navigation.
MapPoint chart_position(const RegionShape& s) {
    const double offset = s.view == BodyView::front ? body_view_aspect * 1.2 : 0.0;
    return {offset + s.centre.x * body_view_aspect, s.centre.y};
}

// The chart's rank of an entry, for keeping the list in chart order.
std::size_t rank(const PainMapEntry& e) {
    const auto& shapes = body_map_shapes();
    const Side side = e.side == Side::bilateral ? Side::left : e.side;
    for (std::size_t i = 0; i < shapes.size(); ++i)
        if (shapes[i].key.region == e.region && shapes[i].key.side == side) return i;
    for (std::size_t i = 0; i < shapes.size(); ++i)
        if (shapes[i].key.region == e.region) return i;
    return shapes.size();
}

std::string lower_first(std::string_view s) {
    std::string out(s);
    // "TFL / IT band" stays as it is; "Upper trapezius" becomes "upper trapezius".
    if (out.size() > 1 && std::isupper(static_cast<unsigned char>(out[0])) &&
        std::islower(static_cast<unsigned char>(out[1])))
        out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
    return out;
}

} // namespace

// ---- the pain map --------------------------------------------------------------------------

void BodyMapPresenter::set_pain_map(std::vector<PainMapEntry> map) {
    m_map = std::move(map);
    sort_map();
}

std::optional<std::size_t> BodyMapPresenter::shape_at(BodyView view, MapPoint p) const {
    const auto& order = body_map_drawing_order();
    const auto& shapes = body_map_shapes();
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const RegionShape& s = shapes[*it];
        if (s.view == view && shape_contains(s, p)) return *it;
    }
    return std::nullopt;
}

std::optional<RegionKey> BodyMapPresenter::region_at(BodyView view, MapPoint p) const {
    if (auto i = shape_at(view, p)) return body_map_shapes()[*i].key;
    return std::nullopt;
}

bool BodyMapPresenter::click(BodyView view, MapPoint p) {
    const auto i = shape_at(view, p);
    if (!i) return false;
    m_focus = i;
    cycle(body_map_shapes()[*i].key);
    return true;
}

void BodyMapPresenter::cycle(RegionKey key) {
    const int now = intensity(key);
    int next = 0;
    if (now < 3)
        next = first_click_intensity;
    else if (now < 6)
        next = 6;
    else if (now < 9)
        next = 9;
    set_intensity(key, next);
}

std::vector<PainMapEntry>::iterator BodyMapPresenter::find(RegionKey key) {
    return std::find_if(m_map.begin(), m_map.end(),
                        [&](const PainMapEntry& e) { return e.region == key.region && e.side == key.side; });
}

const PainMapEntry* BodyMapPresenter::entry_for(RegionKey key) const {
    auto match = [&](Side side) -> const PainMapEntry* {
        for (const auto& e : m_map)
            if (e.region == key.region && e.side == side) return &e;
        return nullptr;
    };
    if (const auto* own = match(key.side)) return own;
    if (key.side == Side::left || key.side == Side::right) return match(Side::bilateral);
    return nullptr;
}

int BodyMapPresenter::intensity(RegionKey key) const {
    const PainMapEntry* e = entry_for(key);
    return e ? e->intensity.value() : 0;
}

void BodyMapPresenter::split_bilateral(BodyRegion region) {
    auto both = find({region, Side::bilateral});
    if (both == m_map.end()) return;
    PainMapEntry left = *both, right = *both;
    left.side = Side::left;
    right.side = Side::right;
    m_map.erase(both);
    // An own entry for a side wins over the "both sides" one.
    if (find({region, Side::left}) == m_map.end()) m_map.push_back(left);
    if (find({region, Side::right}) == m_map.end()) m_map.push_back(right);
}

void BodyMapPresenter::put(RegionKey key, int value) {
    auto it = find(key);
    if (value == 0) {
        if (it != m_map.end()) m_map.erase(it);
        return;
    }
    if (it != m_map.end())
        it->intensity = PainScore(value, "pain map intensity");
    else
        m_map.push_back({key.region, key.side, PainScore(value, "pain map intensity"), PainQuality::aching});
}

void BodyMapPresenter::set_intensity(RegionKey key, int value) {
    const PainScore checked(value, "pain map intensity");
    if ((key.side == Side::left || key.side == Side::right) && find(key) == m_map.end())
        split_bilateral(key.region);
    put(key, checked.value());
    sort_map();
}

bool BodyMapPresenter::set_quality(RegionKey key, PainQuality quality) {
    auto it = find(key);
    if (it == m_map.end()) return false;
    it->quality = quality;
    return true;
}

void BodyMapPresenter::sort_map() {
    std::stable_sort(m_map.begin(), m_map.end(),
                     [](const PainMapEntry& a, const PainMapEntry& b) { return rank(a) < rank(b); });
}

// ---- appearance ----------------------------------------------------------------------------

Rgb BodyMapPresenter::fill_colour(int value) {
    return body_map_fill_colour(value);
}

Rgb BodyMapPresenter::unmarked_fill() {
    return body_map_unmarked_fill();
}

std::string BodyMapPresenter::region_name(RegionKey key) {
    const std::string region(label(key.region));
    switch (key.side) {
    case Side::left:
        return KW_TR("Left") + " " + lower_first(region);
    case Side::right:
        return KW_TR("Right") + " " + lower_first(region);
    case Side::bilateral:
        return region + ", " + KW_TR("both sides");
    case Side::midline:
        break;
    }
    return region;
}

std::string BodyMapPresenter::tooltip(RegionKey key) const {
    const PainMapEntry* e = entry_for(key);
    if (!e || e->intensity.value() == 0) return region_name(key) + " — " + KW_TR("not marked");
    std::string text =
        region_name(key) + " — " + KW_TR("pain") + " " + std::to_string(e->intensity.value()) + "/10";
    if (e->side == Side::bilateral && key.side != Side::bilateral) text += " (" + KW_TR("both sides") + ")";
    return text;
}

std::string BodyMapPresenter::entry_text(const PainMapEntry& e) {
    return region_name({e.region, e.side}) + " — " + std::to_string(e.intensity.value()) + "/10, " +
           lower_first(label(e.quality));
}

// ---- keyboard ------------------------------------------------------------------------------

void BodyMapPresenter::set_focus(std::optional<std::size_t> shape) {
    if (shape && *shape >= body_map_shapes().size()) throw Error("no such body map shape");
    m_focus = shape;
}

bool BodyMapPresenter::focus_region(RegionKey key) {
    const auto& shapes = body_map_shapes();
    const Side side = key.side == Side::bilateral ? Side::left : key.side;
    for (std::size_t i = 0; i < shapes.size(); ++i)
        if (shapes[i].key.region == key.region && shapes[i].key.side == side) {
            m_focus = i;
            return true;
        }
    return false;
}

bool BodyMapPresenter::move_focus(MapKey direction) {
    const auto& shapes = body_map_shapes();
    if (!m_focus) {
        m_focus = 0;
        return true;
    }
    const MapPoint from = chart_position(shapes[*m_focus]);
    std::optional<std::size_t> best;
    double best_cost = 0;
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        if (i == *m_focus) continue;
        const MapPoint to = chart_position(shapes[i]);
        const double dx = to.x - from.x, dy = to.y - from.y;
        double along = 0, across = 0;
        switch (direction) {
        case MapKey::left:
            along = -dx, across = dy;
            break;
        case MapKey::right:
            along = dx, across = dy;
            break;
        case MapKey::up:
            along = -dy, across = dx;
            break;
        case MapKey::down:
            along = dy, across = dx;
            break;
        default:
            return false;
        }
        if (along <= 1e-4) continue;
        const double cost = along + 6.0 * std::fabs(across); // straight ahead beats a near neighbour aside
        if (!best || cost < best_cost) {
            best = i;
            best_cost = cost;
        }
    }
    if (best) m_focus = best;
    return true;
}

KeyOutcome BodyMapPresenter::handle_key(MapKey key, int digit) {
    const std::size_t count = body_map_shapes().size();
    switch (key) {
    case MapKey::next:
        if (!m_focus)
            m_focus = 0;
        else if (*m_focus + 1 < count)
            ++*m_focus;
        else
            return {false, false}; // past the last region: focus leaves the map
        return {true, false};
    case MapKey::previous:
        if (!m_focus)
            m_focus = count - 1;
        else if (*m_focus > 0)
            --*m_focus;
        else
            return {false, false};
        return {true, false};
    case MapKey::first:
        m_focus = 0;
        return {true, false};
    case MapKey::last:
        m_focus = count - 1;
        return {true, false};
    case MapKey::left:
    case MapKey::right:
    case MapKey::up:
    case MapKey::down:
        return {move_focus(key), false};
    default:
        break;
    }
    if (!m_focus) return {false, false};
    const RegionKey focused = body_map_shapes()[*m_focus].key;
    const int now = intensity(focused);
    int next = now;
    switch (key) {
    case MapKey::cycle:
        cycle(focused);
        return {true, true};
    case MapKey::increase:
        next = std::min(10, now + 1);
        break;
    case MapKey::decrease:
        next = std::max(0, now - 1);
        break;
    case MapKey::clear:
        next = 0;
        break;
    case MapKey::digit:
        if (digit < 0 || digit > 9) return {false, false};
        next = digit;
        break;
    default:
        return {false, false};
    }
    if (next == now) return {true, false};
    set_intensity(focused, next);
    return {true, true};
}

} // namespace knotwork::gui
