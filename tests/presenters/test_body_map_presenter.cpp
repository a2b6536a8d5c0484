// The body map presenter: chart geometry, hit testing on either side, the click cycle, keyboard
// editing, "both sides" entries, the colour scale and the words a tooltip shows.
#include "assessment/body_map_presenter.h"

#include "domain_printers.h"

#include <boost/test/unit_test.hpp>

#include <map>
#include <set>

using namespace knotwork;
using namespace knotwork::gui;

namespace knotwork::gui {
std::ostream& operator<<(std::ostream& os, const RegionKey& k) {
    return os << k.region << "/" << k.side;
}
std::ostream& operator<<(std::ostream& os, BodyView v) {
    return os << (v == BodyView::back ? "back" : "front");
}
} // namespace knotwork::gui

namespace {

// Chart points are written on the same 100 × 210 grid the geometry is authored on.
MapPoint at(double x, double y) {
    return {x / 100.0, y / 210.0};
}

double luminance(Rgb c) {
    return 0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue;
}

std::size_t shape_index(RegionKey key) {
    const auto& shapes = body_map_shapes();
    for (std::size_t i = 0; i < shapes.size(); ++i)
        if (shapes[i].key == key) return i;
    BOOST_FAIL("no shape for the key");
    return 0;
}

} // namespace

BOOST_AUTO_TEST_SUITE(body_map_presenter)

BOOST_AUTO_TEST_CASE(hit_testing_tells_left_from_right_in_each_view) {
    const BodyMapPresenter map;
    struct Case {
        BodyView view;
        MapPoint point;
        std::optional<RegionKey> expected;
        const char* where;
    };
    using R = BodyRegion;
    const Case cases[] = {
        // Seen from behind, the client's left is on the viewer's left.
        {BodyView::back, at(38, 104), RegionKey{R::gluteus_maximus, Side::left},
         "back, viewer's left buttock"},
        {BodyView::back, at(62, 104), RegionKey{R::gluteus_maximus, Side::right},
         "back, viewer's right buttock"},
        {BodyView::back, at(39.6, 97.2), RegionKey{R::piriformis, Side::left},
         "piriformis over gluteus maximus"},
        {BodyView::back, at(60.4, 97.2), RegionKey{R::piriformis, Side::right},
         "piriformis over gluteus maximus"},
        {BodyView::back, at(39, 82), RegionKey{R::quadratus_lumborum, Side::left}, "back, left flank"},
        {BodyView::back, at(50, 60), RegionKey{R::thoracic_spine, Side::midline}, "back, midline"},
        {BodyView::back, at(50, 80), RegionKey{R::lumbar_spine, Side::midline}, "back, low midline"},
        {BodyView::back, at(40, 130), RegionKey{R::hamstrings, Side::left}, "back of the left thigh"},
        // Seen from the front, the client's left is on the viewer's right.
        {BodyView::front, at(40, 48), RegionKey{R::pectorals, Side::right}, "front, viewer's left chest"},
        {BodyView::front, at(60, 48), RegionKey{R::pectorals, Side::left}, "front, viewer's right chest"},
        {BodyView::front, at(34, 120), RegionKey{R::tfl_it_band, Side::right}, "front, viewer's left thigh"},
        {BodyView::front, at(56, 72), RegionKey{R::abdominals, Side::left}, "front, viewer's right belly"},
        // Nothing outside the regions.
        {BodyView::back, at(5, 5), std::nullopt, "outside the figure"},
        {BodyView::front, at(50, 10), std::nullopt, "the head"},
        {BodyView::front, at(50, 72), std::nullopt, "the front midline between the abdominals"},
    };
    for (const Case& c : cases)
        BOOST_TEST_CONTEXT(c.where) {
            BOOST_TEST(map.region_at(c.view, c.point) == c.expected);
        }
}

BOOST_AUTO_TEST_CASE(every_region_and_side_has_exactly_one_shape_inside_the_figure) {
    const auto& shapes = body_map_shapes();
    std::map<std::pair<BodyRegion, Side>, int> seen;
    std::set<BodyRegion> regions;
    RegionShape figure{
        {BodyRegion::sacrum, Side::midline}, BodyView::back, false, {}, 0, 0, body_silhouette()};
    for (const RegionShape& s : shapes) {
        BOOST_TEST_CONTEXT(BodyMapPresenter::region_name(s.key)) {
            ++seen[{s.key.region, s.key.side}];
            regions.insert(s.key.region);
            BOOST_TEST((is_spinal(s.key.region) && s.key.region != BodyRegion::sacroiliac_joint) ==
                       (s.key.side == Side::midline));
            BOOST_TEST(shape_contains(s, s.centre));
            BOOST_TEST(shape_contains(figure, s.centre));
            for (const MapPoint& p : s.outline)
                BOOST_TEST((p.x > 0 && p.x < 1 && p.y > 0 && p.y < 1));
        }
    }
    for (const auto& [key, count] : seen)
        BOOST_TEST(count == 1);
    BOOST_TEST(regions.size() == enum_entries<BodyRegion>().size());
}

BOOST_AUTO_TEST_CASE(paired_shapes_mirror_each_other) {
    const auto& shapes = body_map_shapes();
    int pairs = 0;
    for (const RegionShape& left : shapes) {
        if (left.key.side != Side::left) continue;
        const RegionShape& right = shapes[shape_index({left.key.region, Side::right})];
        BOOST_TEST_CONTEXT(label(left.key.region)) {
            BOOST_TEST(left.view == right.view);
            BOOST_TEST(std::abs(left.centre.x + right.centre.x - 1.0) < 1e-9);
            BOOST_TEST(std::abs(left.centre.y - right.centre.y) < 1e-9);
            // The client's left is on the viewer's left from behind and on the right from the front.
            BOOST_TEST((left.centre.x < 0.5) == (left.view == BodyView::back));
        }
        ++pairs;
    }
    BOOST_TEST(pairs == 21);
}

BOOST_AUTO_TEST_CASE(clicks_cycle_three_six_nine_then_clear) {
    BodyMapPresenter map;
    const MapPoint right_buttock = at(62, 104);
    const RegionKey key{BodyRegion::gluteus_maximus, Side::right};
    for (int expected : {3, 6, 9, 0, 3}) {
        BOOST_TEST_CONTEXT("expecting " << expected) {
            BOOST_TEST(map.click(BodyView::back, right_buttock));
            BOOST_TEST(map.intensity(key) == expected);
            BOOST_TEST(map.pain_map().size() == (expected == 0 ? 0u : 1u));
        }
    }
    BOOST_TEST_REQUIRE(map.pain_map().size() == 1u);
    BOOST_TEST(map.pain_map()[0].region == BodyRegion::gluteus_maximus);
    BOOST_TEST(map.pain_map()[0].side == Side::right);
    BOOST_TEST(map.pain_map()[0].quality == PainQuality::aching);
    BOOST_TEST(map.intensity({BodyRegion::gluteus_maximus, Side::left}) == 0);
    // A click is also a focus.
    BOOST_TEST(map.focused() == std::optional<std::size_t>(shape_index(key)));
    // Outside every region nothing changes.
    BOOST_TEST(!map.click(BodyView::back, at(5, 5)));
    BOOST_TEST(map.pain_map().size() == 1u);

    // An intensity typed in moves to the next step above it.
    map.set_intensity(key, 5);
    map.cycle(key);
    BOOST_TEST(map.intensity(key) == 6);
    map.set_intensity(key, 10);
    map.cycle(key);
    BOOST_TEST(map.intensity(key) == 0);
}

BOOST_AUTO_TEST_CASE(keyboard_moves_focus_and_sets_intensity) {
    BodyMapPresenter map;
    // Nothing focused: digits mean nothing yet, Tab enters at the first region.
    BOOST_TEST(!map.handle_key(MapKey::digit, 5).handled);
    BOOST_TEST(map.handle_key(MapKey::next).handled);
    BOOST_TEST(map.focused() == std::optional<std::size_t>(0));
    const RegionKey first = body_map_shapes()[0].key;

    auto outcome = map.handle_key(MapKey::digit, 7);
    BOOST_TEST((outcome.handled && outcome.map_changed));
    BOOST_TEST(map.intensity(first) == 7);
    outcome = map.handle_key(MapKey::digit, 7);
    BOOST_TEST((outcome.handled && !outcome.map_changed));
    map.handle_key(MapKey::increase);
    map.handle_key(MapKey::increase);
    map.handle_key(MapKey::increase);
    map.handle_key(MapKey::increase);
    BOOST_TEST(map.intensity(first) == 10);
    BOOST_TEST(map.handle_key(MapKey::decrease).map_changed);
    BOOST_TEST(map.intensity(first) == 9);
    BOOST_TEST(map.handle_key(MapKey::clear).map_changed);
    BOOST_TEST(map.intensity(first) == 0);
    BOOST_TEST(map.pain_map().empty());
    BOOST_TEST(map.handle_key(MapKey::cycle).map_changed);
    BOOST_TEST(map.intensity(first) == 3);
    BOOST_TEST(map.handle_key(MapKey::digit, 0).map_changed);
    BOOST_TEST(map.pain_map().empty());

    // Shift+Tab before the first region and Tab past the last let focus leave the chart.
    BOOST_TEST(!map.handle_key(MapKey::previous).handled);
    BOOST_TEST(map.handle_key(MapKey::last).handled);
    BOOST_TEST(map.focused() == std::optional<std::size_t>(body_map_shapes().size() - 1));
    BOOST_TEST(!map.handle_key(MapKey::next).handled);

    // Arrows move to a neighbour in that direction.
    BOOST_TEST_REQUIRE(map.focus_region({BodyRegion::lumbar_spine, Side::midline}));
    const MapPoint from = body_map_shapes()[*map.focused()].centre;
    BOOST_TEST(map.handle_key(MapKey::right).handled);
    BOOST_TEST(body_map_shapes()[*map.focused()].centre.x > from.x);
    BOOST_TEST(body_map_shapes()[*map.focused()].key.side == Side::right);
    BOOST_TEST_REQUIRE(map.focus_region({BodyRegion::lumbar_spine, Side::midline}));
    BOOST_TEST(map.handle_key(MapKey::up).handled);
    BOOST_TEST(map.focused() ==
               std::optional<std::size_t>(shape_index({BodyRegion::thoracic_spine, Side::midline})));
    BOOST_TEST(map.handle_key(MapKey::down).handled);
    BOOST_TEST(map.focused() ==
               std::optional<std::size_t>(shape_index({BodyRegion::lumbar_spine, Side::midline})));

    // Out of range is refused with the field named.
    KNOTWORK_CHECK_REFUSED(map.set_intensity({BodyRegion::coccyx, Side::midline}, 11), "pain map intensity");
}

BOOST_AUTO_TEST_CASE(a_both_sides_entry_shows_on_both_and_splits_when_one_side_changes) {
    BodyMapPresenter map;
    map.set_pain_map(
        {{BodyRegion::erector_spinae_lumbar, Side::bilateral, PainScore(6), PainQuality::stiffness},
         {BodyRegion::lumbar_spine, Side::left, PainScore(4), PainQuality::sharp}});
    const RegionKey left{BodyRegion::erector_spinae_lumbar, Side::left};
    const RegionKey right{BodyRegion::erector_spinae_lumbar, Side::right};
    BOOST_TEST(map.intensity(left) == 6);
    BOOST_TEST(map.intensity(right) == 6);
    BOOST_TEST(map.tooltip(left) == "Left erector spinae (lumbar) — pain 6/10 (both sides)");

    map.cycle(left);
    BOOST_TEST(map.intensity(left) == 9);
    BOOST_TEST(map.intensity(right) == 6);
    BOOST_TEST_REQUIRE(map.pain_map().size() == 3u);
    // In chart order, the split keeping the quality. The entry the chart has no shape for stays,
    // next to its region's shape (the lumbar spine comes before the erector spinae).
    BOOST_TEST(map.pain_map()[0].region == BodyRegion::lumbar_spine);
    BOOST_TEST(map.pain_map()[0].side == Side::left);
    BOOST_TEST(map.pain_map()[0].intensity.value() == 4);
    BOOST_TEST(map.pain_map()[1].side == Side::left);
    BOOST_TEST(map.pain_map()[2].side == Side::right);
    BOOST_TEST(map.pain_map()[2].quality == PainQuality::stiffness);
    BOOST_TEST(map.intensity({BodyRegion::lumbar_spine, Side::midline}) == 0);
}

BOOST_AUTO_TEST_CASE(colours_run_from_pale_yellow_to_deep_red) {
    double previous = 1000;
    for (int v = 1; v <= 10; ++v) {
        BOOST_TEST_CONTEXT("intensity " << v) {
            const Rgb c = BodyMapPresenter::fill_colour(v);
            BOOST_TEST(luminance(c) < previous);
            BOOST_TEST(c.red >= c.green);
            BOOST_TEST(c.red >= c.blue);
            previous = luminance(c);
        }
    }
    const Rgb mild = BodyMapPresenter::fill_colour(1), worst = BodyMapPresenter::fill_colour(10);
    BOOST_TEST((mild.red > 240 && mild.green > 220 && mild.blue < 200));                     // pale yellow
    BOOST_TEST((worst.red > 100 && worst.red < 170 && worst.green < 30 && worst.blue < 40)); // deep red
    // Unmarked regions are a cool grey no pain colour can be mistaken for.
    BOOST_TEST(BodyMapPresenter::unmarked_fill().blue > BodyMapPresenter::unmarked_fill().red);
}

BOOST_AUTO_TEST_CASE(tooltips_and_list_text_name_region_side_and_pain) {
    BodyMapPresenter map;
    const RegionKey piriformis{BodyRegion::piriformis, Side::right};
    BOOST_TEST(map.tooltip(piriformis) == "Right piriformis — not marked");
    map.set_intensity(piriformis, 6);
    BOOST_TEST(map.tooltip(piriformis) == "Right piriformis — pain 6/10");
    map.set_intensity({BodyRegion::lumbar_spine, Side::midline}, 5);
    BOOST_TEST(map.tooltip({BodyRegion::lumbar_spine, Side::midline}) == "Lumbar spine — pain 5/10");
    map.set_intensity({BodyRegion::tfl_it_band, Side::left}, 4);
    BOOST_TEST(map.set_quality({BodyRegion::tfl_it_band, Side::left}, PainQuality::tingling));
    BOOST_TEST(!map.set_quality({BodyRegion::tfl_it_band, Side::right}, PainQuality::sharp));
    BOOST_TEST_REQUIRE(map.pain_map().size() == 3u);
    BOOST_TEST(BodyMapPresenter::entry_text(map.pain_map()[0]) == "Lumbar spine — 5/10, aching");
    BOOST_TEST(BodyMapPresenter::entry_text(map.pain_map()[1]) == "Right piriformis — 6/10, aching");
    BOOST_TEST(BodyMapPresenter::entry_text(map.pain_map()[2]) ==
               "Left TFL / IT band — 4/10, tingling / pins and needles");
    BOOST_TEST(BodyMapPresenter::region_name({BodyRegion::multifidus, Side::bilateral}) ==
               "Multifidus, both sides");
}

BOOST_AUTO_TEST_SUITE_END()
