#pragma once
// The fixed vocabulary of body regions a pain map, a palpation finding, a treatment plan or an
// applied technique can name. It covers the back and the muscles that refer pain into it. Codes
// are stable: they are what the database stores.
#include "common/enum_names.h"

namespace knotwork {

enum class BodyRegion {
    cervical_spine,
    thoracic_spine,
    lumbar_spine,
    sacrum,
    sacroiliac_joint,
    coccyx,
    suboccipitals,
    trapezius_upper,
    trapezius_middle,
    trapezius_lower,
    levator_scapulae,
    rhomboids,
    latissimus_dorsi,
    erector_spinae_thoracic,
    erector_spinae_lumbar,
    multifidus,
    quadratus_lumborum,
    gluteus_maximus,
    gluteus_medius,
    gluteus_minimus,
    piriformis,
    iliopsoas,
    hamstrings,
    tfl_it_band,
    abdominals,
    pectorals,
};
KNOTWORK_ENUM_NAMES(BodyRegion, "body region");

// A spinal level or joint rather than a muscle: it takes pain-map entries but no palpation.
bool is_spinal(BodyRegion r);

enum class Side { left, right, bilateral, midline };
KNOTWORK_ENUM_NAMES(Side, "side (left, right, bilateral, midline)");

} // namespace knotwork
