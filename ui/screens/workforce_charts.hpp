#pragma once
// Charts of the WRES/WDES results, drawn with Dear ImGui's draw list in the theme's colours.
// Each chart is followed by its figures in words, so nothing is shown only as a picture.
#include "eqkit/workforce_indicators.hpp"
#include "look.hpp"

namespace eqkit::ui {

// Indicator 1: a bar per pay band (or medical subgroup) of the focus group's share of its staff.
void draw_band_chart(const workforce::Results& results, const workforce::IndicatorResult& ind,
                     const Look& look);
// Indicators 2 to 4: the ratio and its 95% interval on a log scale, over the labelled,
// unconfirmed four-fifths guide (0.80 to 1.25).
void draw_ratio_chart(const workforce::Results& results, const workforce::IndicatorResult& ind,
                      const Look& look);

}  // namespace eqkit::ui
