#pragma once
// The read-only pages of a client's chart, as HTML for the chart view: profile and history with
// cautions and red flags up front, assessments with outcome scores and change verdicts, plans
// with their techniques and reasons, sessions with their notes. Plain C++, tested without a
// display; the window only shows the text.
#include "core/chart.h"

#include <string>

namespace knotwork::gui {

std::string html_escape(std::string_view text);

std::string profile_page_html(const app::ClientChart& chart, Date today);
std::string assessments_page_html(const app::ClientChart& chart);
std::string plans_page_html(const app::ClientChart& chart);
std::string sessions_page_html(const app::ClientChart& chart);
// What a chart page shows in place of clinical records the account may not read: `notice`
// ("Signed in as … (front desk): clinical records are not shown") and `why`.
std::string clinical_records_hidden_html(const std::string& notice, const std::string& why);

} // namespace knotwork::gui
