#include "common/body_region.h"

#include <array>

namespace knotwork {

namespace {
using R = BodyRegion;
constexpr std::array<EnumEntry<R>, 26> region_names{{
    {R::cervical_spine, "cervical_spine", "Cervical spine"},
    {R::thoracic_spine, "thoracic_spine", "Thoracic spine"},
    {R::lumbar_spine, "lumbar_spine", "Lumbar spine"},
    {R::sacrum, "sacrum", "Sacrum"},
    {R::sacroiliac_joint, "sacroiliac_joint", "Sacroiliac joint"},
    {R::coccyx, "coccyx", "Coccyx"},
    {R::suboccipitals, "suboccipitals", "Suboccipitals"},
    {R::trapezius_upper, "trapezius_upper", "Upper trapezius"},
    {R::trapezius_middle, "trapezius_middle", "Middle trapezius"},
    {R::trapezius_lower, "trapezius_lower", "Lower trapezius"},
    {R::levator_scapulae, "levator_scapulae", "Levator scapulae"},
    {R::rhomboids, "rhomboids", "Rhomboids"},
    {R::latissimus_dorsi, "latissimus_dorsi", "Latissimus dorsi"},
    {R::erector_spinae_thoracic, "erector_spinae_thoracic", "Erector spinae (thoracic)"},
    {R::erector_spinae_lumbar, "erector_spinae_lumbar", "Erector spinae (lumbar)"},
    {R::multifidus, "multifidus", "Multifidus"},
    {R::quadratus_lumborum, "quadratus_lumborum", "Quadratus lumborum"},
    {R::gluteus_maximus, "gluteus_maximus", "Gluteus maximus"},
    {R::gluteus_medius, "gluteus_medius", "Gluteus medius"},
    {R::gluteus_minimus, "gluteus_minimus", "Gluteus minimus"},
    {R::piriformis, "piriformis", "Piriformis"},
    {R::iliopsoas, "iliopsoas", "Iliopsoas"},
    {R::hamstrings, "hamstrings", "Hamstrings"},
    {R::tfl_it_band, "tfl_it_band", "TFL / IT band"},
    {R::abdominals, "abdominals", "Abdominals"},
    {R::pectorals, "pectorals", "Pectorals"},
}};

constexpr std::array<EnumEntry<Side>, 4> side_names{{
    {Side::left, "left", "Left"},
    {Side::right, "right", "Right"},
    {Side::bilateral, "bilateral", "Both sides"},
    {Side::midline, "midline", "Midline"},
}};
} // namespace

std::span<const EnumEntry<BodyRegion>> EnumNames<BodyRegion>::entries() { return region_names; }
std::span<const EnumEntry<Side>> EnumNames<Side>::entries() { return side_names; }

bool is_spinal(BodyRegion r) {
    switch (r) {
    case R::cervical_spine:
    case R::thoracic_spine:
    case R::lumbar_spine:
    case R::sacrum:
    case R::sacroiliac_joint:
    case R::coccyx:
        return true;
    default:
        return false;
    }
}

} // namespace knotwork
