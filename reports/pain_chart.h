#pragma once
// The pain trend chart: pain before and after every signed session over time on the 0-10 scale,
// with the baseline and the band of change too small to be meaningful (2 points or 30%) shaded, so
// a reader sees at once which sessions fell below it.
#include "progress_report.h"
#include "typesetting.h"

namespace knotwork::report {

// Draws the chart into the rectangle (x, y, width, height), in points.
void draw_pain_chart(cairo_t* cr, const typeset::Typesetter& typesetter, const PainTrend& trend, double x, double y,
                     double width, double height);

} // namespace knotwork::report
