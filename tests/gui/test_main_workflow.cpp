// The main workflow end to end, through the real windows on a temporary practice: a new client
// through the intake dialog, an assessment with a click on the body map and the ODI, the plan the
// advisor proposes, the note of the first appointment written and signed. Each step checks what
// the therapist sees, then the rows in the practice file through the repositories, read on a
// connection of their own. A second test types into the main window's search box; a third undoes
// a mis-click on the body map and typing in the note with the keys a therapist presses.
#include "window_driver.h"

#include "assessment/assessment_dialog.h"
#include "assessment/body_map_ctrl.h"
#include "assessment/body_map_presenter.h"
#include "core/demo_practice.h"
#include "database.h"
#include "main_frame.h"
#include "repositories/assessment_repository.h"
#include "repositories/client_repository.h"
#include "repositories/plan_repository.h"
#include "repositories/practice_repository.h"
#include "repositories/session_repository.h"
#include "audit_log.h"
#include "core/progress_reports.h"
#include "reports/report_printout.h"
#include "reports/reports_page.h"
#include "session/session_note_dialog.h"
#include "technique/technique.h"

#include "domain_printers.h"

#include <boost/test/unit_test.hpp>

#include <wx/app.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/dcmemory.h>
#include <wx/choice.h>
#include <wx/dataview.h>
#include <wx/datectrl.h>
#include <wx/grid.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/spinctrl.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>
#include <wx/weakref.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace knotwork;
using namespace knotwork::gui::test;
using knotwork::gui::BodyMapCtrl;
using knotwork::gui::BodyMapPresenter;
using knotwork::gui::BodyView;
using knotwork::gui::MainFrame;
using knotwork::gui::MapPoint;
using knotwork::gui::RegionKey;

namespace {

const std::string therapist = "Mara Lindqvist";

// Text as the windows show it: every non-ASCII literal goes through UTF-8 explicitly.
wxString w8(const std::string& s) {
    return wxString::FromUTF8(s.data(), s.size());
}
std::string text_of(const wxWindow& w) {
    return utf8_of(w.GetLabel());
}
std::string label_of(const wxStaticText& t) {
    return utf8_of(t.GetLabelText());
}

wxDateTime to_wx(const Date& d) {
    return wxDateTime(static_cast<wxDateTime::wxDateTime_t>(d.day()),
                      static_cast<wxDateTime::Month>(d.month() - 1), static_cast<int>(d.year()));
}

// A practice file of its own, with the practice's therapist set as Preferences would.
struct PracticeFile {
    TempDir dir;
    std::string path = (dir.path() / "practice.knotwork").string();

    std::unique_ptr<db::Database> create() const {
        auto db = db::Database::open(path, {.create_if_missing = true, .actor = "test"});
        db::Transaction tx(*db);
        db::PracticeRepository practice(*db);
        PracticeProfile profile = practice.load();
        profile.practice_name = "Lindqvist Massage";
        profile.therapist_name = therapist;
        practice.save(profile);
        tx.commit();
        return db;
    }
    // A second connection to the file: what the windows wrote is committed and on disk.
    std::unique_ptr<db::Database> reopen() const {
        return db::Database::open(path, {.create_if_missing = false, .actor = "test-check"});
    }
};

// The main window on a practice, as the program opens it; Destroy()ed when the test ends, and
// checked gone (with the practice it owns closed).
class MainWindow {
  public:
    MainWindow(std::unique_ptr<db::Database> db, const std::string& path)
        : m_frame(new MainFrame(std::move(db), w8(path))), m_ref(m_frame) {
        m_frame->Show();
        BOOST_REQUIRE(wait_until([this] { return m_frame->IsShownOnScreen() && m_frame->is_ready(); }));
    }
    ~MainWindow() {
        if (!m_ref) return;
        m_frame->Destroy();
        const bool gone = wait_until([this] {
            wxTheApp->ProcessIdle(); // deletes the windows Destroy() scheduled
            return !m_ref;
        });
        BOOST_CHECK_MESSAGE(gone, "the main window was not destroyed");
        BOOST_CHECK_MESSAGE(wxTopLevelWindows.empty(), "a window outlived the test");
    }
    MainWindow(const MainWindow&) = delete;
    MainWindow& operator=(const MainWindow&) = delete;

    MainFrame& operator*() const { return *m_frame; }
    MainFrame* operator->() const { return m_frame; }

  private:
    MainFrame* m_frame;
    wxWeakRef<wxWindow> m_ref;
};

// ---- what the lists show ----------------------------------------------------------------------

wxDataViewVirtualListModel& virtual_model(wxDataViewCtrl& list) {
    auto* model = dynamic_cast<wxDataViewVirtualListModel*>(list.GetModel());
    if (!model) throw DriverError("the list has no virtual list model");
    return *model;
}

unsigned row_count(wxDataViewCtrl& list) {
    return virtual_model(list).GetCount();
}

wxVariant cell(wxDataViewCtrl& list, unsigned row, unsigned col) {
    auto& model = virtual_model(list);
    wxVariant value;
    model.GetValue(value, model.GetItem(row), col);
    return value;
}

std::string cell_text(wxDataViewCtrl& list, unsigned row, unsigned col) {
    const wxVariant v = cell(list, row, col);
    if (v.GetType() == "wxDataViewIconText") {
        wxDataViewIconText icon_text;
        icon_text << v;
        return utf8_of(icon_text.GetText());
    }
    return utf8_of(v.GetString());
}

std::string status_text(wxFrame& frame, int field = 0) {
    return utf8_of(frame.GetStatusBar()->GetStatusText(field));
}

// ---- the body map --------------------------------------------------------------------------------

// The pixel of the chart over `key`: a point the presenter's hit test gives to that region (its
// centre, unless a smaller shape lies over it there), placed in the view's box the way
// BodyMapCtrl lays out its two views. The test hovers it first and reads the tooltip, so a
// change to the layout fails here with a clear message rather than clicking the wrong region.
wxPoint pixel_of(const BodyMapCtrl& chart, RegionKey key) {
    const auto& shapes = gui::body_map_shapes();
    const auto shape =
        std::find_if(shapes.begin(), shapes.end(), [&](const auto& s) { return s.key == key; });
    if (shape == shapes.end()) throw DriverError("the body map has no shape for the region");
    const auto index = static_cast<std::size_t>(shape - shapes.begin());
    const BodyMapPresenter geometry;
    std::optional<MapPoint> point;
    if (geometry.shape_at(shape->view, shape->centre) == index) point = shape->centre;
    for (const MapPoint& corner : shape->outline) // else a point between the centre and the outline
        for (double t = 0.1; !point && t < 1.0; t += 0.1) {
            const MapPoint p{shape->centre.x + t * (corner.x - shape->centre.x),
                             shape->centre.y + t * (corner.y - shape->centre.y)};
            if (geometry.shape_at(shape->view, p) == index) point = p;
        }
    if (!point) throw DriverError("no point of the region is on top");

    // BodyMapCtrl::layout(): both views side by side under a caption line, above the legend.
    const wxSize client = chart.GetClientSize();
    const double margin = chart.FromDIP(10);
    const double caption = chart.GetCharHeight() * 2.0;
    const double legend = chart.GetCharHeight() * 4.6;
    const double gap_ratio = 0.18;
    const double avail_w = std::max(1.0, client.x - 2 * margin);
    const double avail_h = std::max(1.0, client.y - 2 * margin - caption - legend);
    const double height = std::min(avail_h, avail_w / (gui::body_view_aspect * (2 + gap_ratio)));
    const double width = height * gui::body_view_aspect;
    const double left = (client.x - width * (2 + gap_ratio)) / 2;
    const double x0 = shape->view == BodyView::back ? left : left + width * (1 + gap_ratio);
    const double y0 = margin + caption;
    return {static_cast<int>(std::lround(x0 + point->x * width)),
            static_cast<int>(std::lround(y0 + point->y * height))};
}

} // namespace

BOOST_AUTO_TEST_SUITE(main_workflow)

BOOST_AUTO_TEST_CASE(new_client_assessed_planned_and_first_note_signed) {
    const PracticeFile practice;
    MainWindow main(practice.create(), practice.path);
    MainFrame& frame = *main;
    Modals modals;
    const Date today = today_local();
    const wxString family = w8("Ó Briain");
    const wxString given = w8("Zoë");
    const std::string name = "Zoë Ó Briain";

    BOOST_TEST(label_of(find<wxStaticText>(frame, "chart-title")) ==
               "Select a client, or press Ctrl+N to take in a new one");
    BOOST_TEST(!menu_enabled(frame, "Client", "New Assessment..."));

    // ---- a. Intake: a new client --------------------------------------------------------------
    modals.drive(
        "intake", [&] { choose_menu(frame, "Client", "New Client..."); },
        [&](wxDialog& d) {
            BOOST_TEST(text_of(d) == "New Client");
            auto& pages = find<wxNotebook>(d, "intake-pages");
            type_text(find<wxTextCtrl>(d, "family-name"), family);
            type_text(find<wxTextCtrl>(d, "given-name"), given);
            pick_date(find<wxDatePickerCtrl>(d, "date-of-birth"), wxDateTime(14, wxDateTime::Mar, 1979));
            type_text(find<wxTextCtrl>(d, "phone"), "021 555 0142");

            pages.SetSelection(1); // Health history
            auto& cautions = find<wxTextCtrl>(d, "cautions");
            BOOST_TEST(utf8_of(cautions.GetValue()) ==
                       "None from the conditions and medications checked so far.");
            tick(find<wxCheckListBox>(d, "conditions"), "High blood pressure", true);
            BOOST_TEST(utf8_of(cautions.GetValue()).find("High blood pressure") != std::string::npos,
                       "the cautions follow the history: " << utf8_of(cautions.GetValue()));

            pages.SetSelection(2); // Preferences & consent
            auto& consent_date = find<wxDatePickerCtrl>(d, "consent-date");
            BOOST_TEST(!consent_date.IsEnabled());
            tick(find<wxCheckBox>(d, "consent-given"), true);
            BOOST_TEST(consent_date.IsEnabled());
            BOOST_TEST(consent_date.GetValue().IsSameDate(to_wx(today)));

            click(find_button(d, wxID_OK));
        });

    ClientId client = 0;
    {
        auto db = practice.reopen();
        const auto rows =
            db::ClientRepository(*db).search({.text = "", .include_archived = true, .limit = 10});
        BOOST_TEST_REQUIRE(rows.size() == 1u);
        client = rows.front().id;
        const Client c = db::ClientRepository(*db).get(client);
        const ClientDetails& d = c.details();
        BOOST_TEST(d.family_name == "Ó Briain");
        BOOST_TEST(d.given_name == "Zoë");
        BOOST_TEST(c.display_name() == name);
        BOOST_TEST(d.date_of_birth == Date(1979, 3, 14));
        BOOST_TEST(d.phone == "021 555 0142");
        BOOST_TEST((d.conditions == std::set<HealthCondition>{HealthCondition::hypertension}));
        BOOST_TEST(d.consent_date == today);
    }
    // The main window lists the client and opens the chart.
    auto& clients = find<wxDataViewCtrl>(frame, "client-list");
    BOOST_TEST(row_count(clients) == 1u);
    BOOST_TEST(cell_text(clients, 0, 0) == "Ó Briain, Zoë");
    BOOST_TEST(cell_text(clients, 0, 1) == "1979-03-14");
    BOOST_TEST(status_text(frame) == "1 client");
    BOOST_TEST(label_of(find<wxStaticText>(frame, "chart-title")) == name);

    // ---- b. Assessment: complaint, pain, a click on the body map, the ODI ------------------------
    // Scores per ODI section, in OdiSection order; the client left "sex life" unanswered.
    const std::array<std::optional<int>, odi_section_count> odi{3, 1, 2, 2, 3, 2, 1, std::nullopt, 2, 2};
    const RegionKey left_ql{BodyRegion::quadratus_lumborum, Side::left};
    const std::string complaint = "Aching low back, left side, since lifting a sofa three weeks ago";
    BOOST_TEST_REQUIRE(menu_enabled(frame, "Client", "New Assessment..."));
    modals.drive(
        "assessment", [&] { choose_menu(frame, "Client", "New Assessment..."); },
        [&](wxDialog& d) {
            auto& pages = find<wxNotebook>(d, "assessment-pages");
            type_text(find<wxTextCtrl>(d, "chief-complaint"), w8(complaint));
            BOOST_TEST(utf8_of(find<wxTextCtrl>(d, "therapist").GetValue()) == therapist);
            set_spin(find<wxSpinCtrl>(d, "pain-worst"), 8);
            set_spin(find<wxSpinCtrl>(d, "pain-now"), 6);
            set_spin(find<wxSpinCtrl>(d, "pain-best"), 2);
            BOOST_TEST(!find<wxStaticText>(d, "pain-problem").IsShown(), "the pain scores are consistent");

            pages.SetSelection(1); // Body map
            auto& chart = find<BodyMapCtrl>(d, "body-map");
            BOOST_TEST_REQUIRE(wait_until([&] {
                return chart.IsShownOnScreen() && chart.GetClientSize().x > 200 &&
                       chart.GetClientSize().y > 200;
            }));
            const wxPoint at = pixel_of(chart, left_ql);
            hover(chart, at);
            BOOST_TEST_REQUIRE(utf8_of(chart.GetToolTipText()) == "Left quadratus lumborum — not marked",
                               "the pointer at " << at.x << "," << at.y
                                                 << " is over the left quadratus lumborum");
            left_click(chart, at);
            auto& marked = find<wxDataViewListCtrl>(d, "marked-regions");
            BOOST_TEST_REQUIRE(marked.GetItemCount() == 1);
            BOOST_TEST(utf8_of(marked.GetTextValue(0, 0)) == "Left quadratus lumborum");
            BOOST_TEST(utf8_of(marked.GetTextValue(0, 1)) == "3/10");
            BOOST_TEST(utf8_of(marked.GetTextValue(0, 2)) == "Aching");
            BOOST_TEST(utf8_of(pages.GetPageText(1)) == "Body map (1)");
            BOOST_TEST(utf8_of(chart.GetToolTipText()) == "Left quadratus lumborum — pain 3/10");

            pages.SetSelection(3); // Outcome measures
            auto& score = find<wxStaticText>(d, "odi-score");
            BOOST_TEST(label_of(score) == "ODI not scored: no section answered");
            for (int i = 0; i < odi_section_count; ++i) {
                const auto section = static_cast<OdiSection>(i);
                const auto answer = odi[static_cast<std::size_t>(i)];
                if (answer) choose(find<wxChoice>(d, "odi-" + std::string(to_code(section))), *answer + 1);
            }
            // 18 points of the 45 the nine answered sections allow: 40 %, moderate disability.
            BOOST_TEST(label_of(score) ==
                       "ODI 40% — " + std::string(label(odi_band(40.0))) + " (9 of 10 answered)");

            click(find_button(d, wxID_OK));
        });

    AssessmentId assessment = 0;
    {
        auto db = practice.reopen();
        const auto stored = db::AssessmentRepository(*db).for_client(client);
        BOOST_TEST_REQUIRE(stored.size() == 1u);
        assessment = stored.front().id();
        const AssessmentDetails& a = stored.front().details();
        BOOST_TEST(a.assessed_on == today);
        BOOST_TEST(a.therapist == therapist);
        BOOST_TEST(a.chief_complaint == complaint);
        BOOST_TEST(a.pain_now.value() == 6);
        BOOST_TEST(a.pain_best.value() == 2);
        BOOST_TEST(a.pain_worst.value() == 8);
        BOOST_TEST_REQUIRE(a.pain_map.size() == 1u);
        BOOST_TEST(a.pain_map[0].region == BodyRegion::quadratus_lumborum);
        BOOST_TEST(a.pain_map[0].side == Side::left);
        BOOST_TEST(a.pain_map[0].intensity.value() == 3);
        BOOST_TEST_REQUIRE(a.odi.has_value());
        BOOST_TEST((a.odi->sections() == odi));
        BOOST_TEST(stored.front().odi_score().value_or(-1) == 40.0);
    }

    // ---- c. Plan: the advisor's recommendations, a series that began a week ago ------------------
    const Date start = today - boost::gregorian::days(7);
    std::vector<std::string> recommended; // names, as the list shows them
    int sessions = 0;
    BOOST_TEST_REQUIRE(menu_enabled(frame, "Client", "New Treatment Plan..."));
    modals.drive(
        "plan-dialog", [&] { choose_menu(frame, "Client", "New Treatment Plan..."); },
        [&](wxDialog& d) {
            auto& techniques = find<wxDataViewCtrl>(d, "technique-list");
            BOOST_TEST_REQUIRE(row_count(techniques) > 0u);
            for (unsigned row = 0; row < row_count(techniques); ++row) {
                const bool accepted = cell(techniques, row, 0).GetBool();
                const std::string suitability = cell_text(techniques, row, 2);
                BOOST_TEST(accepted == (suitability == "Recommended"), cell_text(techniques, row, 1)
                                                                           << " is " << suitability);
                if (accepted) recommended.push_back(cell_text(techniques, row, 1));
            }
            BOOST_TEST_REQUIRE(!recommended.empty());
            const std::string summary = label_of(find<wxStaticText>(d, "plan-summary"));
            BOOST_TEST(summary.rfind(std::to_string(recommended.size()) +
                                         (recommended.size() == 1 ? " technique, " : " techniques, "),
                                     0) == 0u,
                       summary);

            find<wxNotebook>(d, "plan-pages").SetSelection(2); // Series
            sessions = find<wxSpinCtrl>(d, "series-count").GetValue();
            BOOST_TEST(utf8_of(find<wxTextCtrl>(d, "series-therapist").GetValue()) == therapist);
            pick_date(find<wxDatePickerCtrl>(d, "series-start"), to_wx(start));
            auto& preview = find<wxListCtrl>(d, "series-preview");
            BOOST_TEST(preview.GetItemCount() == sessions);
            BOOST_TEST(utf8_of(preview.GetItemText(0)).rfind("1 of " + std::to_string(sessions) + " — ", 0) ==
                           0u,
                       utf8_of(preview.GetItemText(0)));
            BOOST_TEST(label_of(find<wxStaticText>(d, "series-preview-status")) ==
                       std::to_string(sessions) + " appointments.");

            click(find_button(d, wxID_OK));
        });

    SessionId first = 0;
    {
        auto db = practice.reopen();
        const auto plans = db::PlanRepository(*db).for_client(client);
        BOOST_TEST_REQUIRE(plans.size() == 1u);
        const TreatmentPlan& plan = plans.front();
        BOOST_TEST(plan.status() == PlanStatus::active);
        BOOST_TEST(plan.details().based_on_assessment == std::optional<AssessmentId>(assessment));
        const TechniqueCatalogue catalogue = standard_catalogue();
        std::vector<std::string> stored;
        for (const auto& t : plan.details().techniques) {
            stored.push_back(catalogue.get(t.technique).name);
            BOOST_TEST(!t.rationale.empty());
        }
        BOOST_TEST(stored == recommended, boost::test_tools::per_element());
        BOOST_TEST(plan.details().series.session_count == sessions);
        BOOST_TEST(plan.details().series.start_date == start);
        BOOST_TEST(plan.details().series.therapist == therapist);

        const auto booked = db::SessionRepository(*db).for_plan(plan.id());
        BOOST_TEST_REQUIRE(static_cast<int>(booked.size()) == sessions);
        for (int i = 0; i < sessions; ++i) {
            const Session& s = booked[static_cast<std::size_t>(i)];
            BOOST_TEST((s.series() == SeriesPosition{plan.id(), i + 1, sessions}));
            BOOST_TEST(s.status() == AppointmentStatus::scheduled);
        }
        first = booked.front().id();
        BOOST_TEST(booked.front().starts_at().date() >= start);
        BOOST_TEST(booked.front().starts_at() < now_local(),
                   "the first appointment is over, so it can be signed");
    }

    // ---- d. The note of the first appointment: written and signed ----------------------------------
    const std::string series_one = "1/" + std::to_string(sessions);
    auto open_first_appointment = [&] {
        choose_menu(frame, "Go", "Sessions and Notes");
        auto& list = find<wxDataViewListCtrl>(frame, "session-list");
        BOOST_TEST_REQUIRE(list.GetItemCount() == sessions);
        int row = -1;
        for (int r = 0; r < list.GetItemCount(); ++r)
            if (utf8_of(list.GetTextValue(static_cast<unsigned>(r), 2)) == series_one) row = r;
        BOOST_TEST_REQUIRE(row >= 0);
        list.SelectRow(static_cast<unsigned>(row));
        return row;
    };
    const std::array<std::string, 4> soap{"Back pain 6/10 this morning; slept badly after a long drive.",
                                          "Left QL hypertonic and tender; trigger point at L3 level.",
                                          "Tissue softened; client reports less pulling when bending.",
                                          "Continue weekly. Knee-to-chest stretch twice a day."};
    std::string first_technique; // the plan's first technique, as the grid names it
    open_first_appointment();
    modals.drive(
        "session-note", [&] { choose_menu(frame, "Client", "Open Session Note"); },
        [&](wxDialog& d) {
            BOOST_TEST(text_of(d) == "Session Note — " + name);
            for (std::size_t i = 0; i < soap.size(); ++i)
                type_text(find<wxTextCtrl>(d, wxString::Format("soap-%zu", i)), w8(soap[i]));
            tick(find<wxCheckBox>(d, "pain-before-unrecorded"), false);
            set_spin(find<wxSpinCtrl>(d, "pain-before"), 6);
            tick(find<wxCheckBox>(d, "pain-after-unrecorded"), false);
            set_spin(find<wxSpinCtrl>(d, "pain-after"), 3);

            auto& grid = find<wxGrid>(d, "technique-grid");
            BOOST_TEST(grid.GetNumberRows() == 0);
            click(find<wxButton>(d, "add-technique-row"));
            BOOST_TEST_REQUIRE(grid.GetNumberRows() == 1);
            first_technique = utf8_of(grid.GetCellValue(0, 0));
            BOOST_TEST(first_technique == recommended.front());
            BOOST_TEST(utf8_of(grid.GetCellValue(0, 1)) == "Quadratus lumborum");
            edit_cell(grid, 0, 4, "25"); // minutes
            BOOST_TEST(utf8_of(grid.GetCellValue(0, 4)) == "25");
            BOOST_TEST(label_of(find<wxStaticText>(d, "note-state")) == "Unsaved changes");

            modals.expect_message("Sign this note as " + w8(therapist) + "?", wxID_OK);
            click(find<wxButton>(d, "sign-note"));
            const auto asked = modals.take_messages();
            BOOST_TEST_REQUIRE(asked.size() == 1u);
            BOOST_TEST(utf8_of(asked[0].caption) == "Sign Note");
            BOOST_TEST(utf8_of(asked[0].answer_label) == "Sign and Lock");
            BOOST_TEST(utf8_of(asked[0].text).find("locked for good") != std::string::npos);

            // Locked: only amendments from now on.
            BOOST_TEST(text_of(d) == "Session Note (signed) — " + name);
            BOOST_TEST(label_of(find<wxStaticText>(d, "note-state")) == "Signed, read-only");
            BOOST_TEST(label_of(find<wxStaticText>(d, "signature")).rfind("Signed by " + therapist, 0) == 0u,
                       label_of(find<wxStaticText>(d, "signature")));
            BOOST_TEST(!find<wxButton>(d, "sign-note").IsShown());
            BOOST_TEST(!find<wxButton>(d, "save-draft").IsShown());
            BOOST_TEST(find<wxButton>(d, "add-amendment").IsShown());
            BOOST_TEST(utf8_of(find<wxChoice>(d, "appointment-status").GetStringSelection()) == "Completed");
            click(find_button(d, wxID_CLOSE));
        });

    {
        auto db = practice.reopen();
        const Session s = db::SessionRepository(*db).get(first);
        BOOST_TEST(s.status() == AppointmentStatus::completed);
        BOOST_TEST_REQUIRE(s.is_signed());
        BOOST_TEST(s.signature()->signed_by == therapist);
        const SoapNote& n = s.note();
        BOOST_TEST(n.subjective == soap[0]);
        BOOST_TEST(n.objective == soap[1]);
        BOOST_TEST(n.assessment == soap[2]);
        BOOST_TEST(n.plan == soap[3]);
        BOOST_TEST(n.pain_before == std::optional<PainScore>(PainScore(6)));
        BOOST_TEST(n.pain_after == std::optional<PainScore>(PainScore(3)));
        BOOST_TEST_REQUIRE(n.techniques.size() == 1u);
        BOOST_TEST(standard_catalogue().get(n.techniques[0].technique).name == first_technique);
        BOOST_TEST(n.techniques[0].region == BodyRegion::quadratus_lumborum);
        BOOST_TEST(n.techniques[0].minutes == 25);
        BOOST_TEST(s.amendments().empty());
    }
    // The chart shows the signed note; opened again, it offers only an amendment.
    const int row = open_first_appointment();
    auto& list = find<wxDataViewListCtrl>(frame, "session-list");
    BOOST_TEST(utf8_of(list.GetTextValue(static_cast<unsigned>(row), 1)) == "Completed");
    BOOST_TEST(utf8_of(list.GetTextValue(static_cast<unsigned>(row), 3)) == "6 → 3");
    BOOST_TEST(utf8_of(list.GetTextValue(static_cast<unsigned>(row), 4)) == "Signed");
    modals.drive(
        "session-note", [&] { choose_menu(frame, "Client", "Open Session Note"); },
        [&](wxDialog& d) {
            BOOST_TEST(text_of(d) == "Session Note (signed) — " + name);
            for (std::size_t i = 0; i < soap.size(); ++i) {
                auto& field = find<wxTextCtrl>(d, wxString::Format("soap-%zu", i));
                BOOST_TEST(utf8_of(field.GetValue()) == soap[i]);
                BOOST_TEST(!field.IsEditable());
            }
            BOOST_TEST(!find<wxButton>(d, "sign-note").IsShown());
            BOOST_TEST(!find<wxButton>(d, "save-draft").IsShown());
            BOOST_TEST(!find<wxButton>(d, "add-technique-row").IsShown());
            BOOST_TEST(!find<wxGrid>(d, "technique-grid").IsEditable());
            auto& amend = find<wxButton>(d, "add-amendment");
            BOOST_TEST((amend.IsShown() && amend.IsEnabled()));
            BOOST_TEST(!find<wxSpinCtrl>(d, "pain-before").IsEnabled());
            click(find_button(d, wxID_CLOSE));
        });
    BOOST_TEST(modals.take_messages().empty());
}

BOOST_AUTO_TEST_CASE(typing_in_the_search_box_filters_the_client_list) {
    const PracticeFile practice;
    auto db = practice.create();
    app::DemoOptions options;
    options.clients = 12;
    options.today = today_local();
    app::generate_demo_practice(*db, options);
    // What the list should hold: the clients not archived, with the text a client is found by.
    struct Row {
        std::string family, key;
    };
    std::vector<Row> shown;
    for (const auto& c :
         db::ClientRepository(*db).search({.text = "", .include_archived = false, .limit = 1000})) {
        std::string key = c.family_name + " " + c.given_name + " " + c.preferred_name + " " + c.phone + " " +
                          (c.date_of_birth ? to_iso(*c.date_of_birth) : std::string());
        std::transform(key.begin(), key.end(), key.begin(),
                       [](unsigned char ch) { return std::tolower(ch); });
        shown.push_back({c.family_name, key});
    }
    BOOST_TEST_REQUIRE(shown.size() >= 3u);
    auto expected = [&](const std::string& typed) {
        std::istringstream words(typed);
        std::vector<std::string> parts;
        for (std::string w; words >> w;) {
            std::transform(w.begin(), w.end(), w.begin(), [](unsigned char ch) { return std::tolower(ch); });
            parts.push_back(w);
        }
        return static_cast<unsigned>(std::count_if(shown.begin(), shown.end(), [&](const Row& r) {
            return std::all_of(parts.begin(), parts.end(),
                               [&](const std::string& p) { return r.key.find(p) != std::string::npos; });
        }));
    };

    MainWindow main(std::move(db), practice.path);
    auto& search = find<wxSearchCtrl>(*main, "client-search");
    auto& list = find<wxDataViewCtrl>(*main, "client-list");
    BOOST_TEST(row_count(list) == shown.size());
    BOOST_TEST(status_text(*main) == std::to_string(shown.size()) + " clients");

    // The family name of one client, typed a letter at a time: the list narrows as it grows.
    const std::string family = shown[2].family;
    const wxString typed = w8(family);
    for (std::size_t n = 1; n <= typed.length(); ++n) {
        const wxString prefix = typed.Left(n);
        type_text(search, prefix);
        BOOST_TEST(row_count(list) == expected(utf8_of(prefix)),
                   "after typing \"" << utf8_of(prefix) << "\"");
    }
    const unsigned matches = expected(family);
    BOOST_TEST(matches >= 1u);
    BOOST_TEST(matches < shown.size());
    BOOST_TEST(row_count(list) == matches);
    for (unsigned r = 0; r < row_count(list); ++r)
        BOOST_TEST(cell_text(list, r, 0).find(family) != std::string::npos, cell_text(list, r, 0));
    BOOST_TEST(status_text(*main) == std::to_string(matches) + (matches == 1 ? " client" : " clients"));

    type_text(search, "zzqx");
    BOOST_TEST(row_count(list) == 0u);
    BOOST_TEST(status_text(*main) == "No client matches \"zzqx\"");

    type_text(search, "");
    BOOST_TEST(row_count(list) == shown.size());
}

BOOST_AUTO_TEST_CASE(ctrl_z_undoes_a_body_map_click_and_typing_in_the_note) {
    const PracticeFile practice;
    auto db = practice.create();
    ClientId client = 0;
    SessionId session = 0;
    {
        db::Transaction tx(*db);
        ClientDetails d;
        d.family_name = "Okafor";
        d.given_name = "Adaeze";
        Client c(d, today_local());
        client = db::ClientRepository(*db).add(c);
        const DateTime start = now_local() - boost::posix_time::hours(2);
        Session s(client, start, start + boost::posix_time::hours(1), therapist);
        session = db::SessionRepository(*db).add(s);
        tx.commit();
    }
    Modals modals;
    const RegionKey left_ql{BodyRegion::quadratus_lumborum, Side::left};

    // ---- the assessment: two clicks where one was meant, taken back and brought back ----------
    modals.drive(
        "assessment",
        [&] {
            gui::AssessmentDialog dialog(nullptr, *db, client, std::nullopt);
            dialog.ShowModal();
        },
        [&](wxDialog& d) {
            auto& pages = find<wxNotebook>(d, "assessment-pages");
            auto& undo = find<wxButton>(d, "undo");
            auto& hint = find<wxStaticText>(d, "undo-hint");
            BOOST_TEST(!undo.IsEnabled());
            pages.SetSelection(1); // Body map
            auto& chart = find<BodyMapCtrl>(d, "body-map");
            BOOST_TEST_REQUIRE(wait_until([&] {
                return chart.IsShownOnScreen() && chart.GetClientSize().x > 200 &&
                       chart.GetClientSize().y > 200;
            }));
            auto& marked = find<wxDataViewListCtrl>(d, "marked-regions");
            const wxPoint at = pixel_of(chart, left_ql);
            left_click(chart, at);
            left_click(chart, at); // one click too many: 6 instead of 3
            BOOST_TEST_REQUIRE(marked.GetItemCount() == 1);
            BOOST_TEST(utf8_of(marked.GetTextValue(0, 1)) == "6/10");
            BOOST_TEST(undo.IsEnabled());
            BOOST_TEST(utf8_of(undo.GetToolTipText()) ==
                       "Undo: Body map: Left quadratus lumborum set to 6/10 (Ctrl+Z)");

            press(chart, 'Z', wxMOD_CONTROL);
            BOOST_TEST_REQUIRE(marked.GetItemCount() == 1);
            BOOST_TEST(utf8_of(marked.GetTextValue(0, 1)) == "3/10");
            BOOST_TEST(utf8_of(chart.GetToolTipText()) == "Left quadratus lumborum — pain 3/10");
            BOOST_TEST(label_of(hint) == "Undone: Body map: Left quadratus lumborum set to 6/10");
            press(chart, 'Z', wxMOD_CONTROL);
            BOOST_TEST(marked.GetItemCount() == 0);
            BOOST_TEST(utf8_of(pages.GetPageText(1)) == "Body map");
            BOOST_TEST(!undo.IsEnabled());
            press(chart, 'Z', wxMOD_CONTROL | wxMOD_SHIFT);
            BOOST_TEST_REQUIRE(marked.GetItemCount() == 1);
            BOOST_TEST(utf8_of(marked.GetTextValue(0, 1)) == "3/10");
            BOOST_TEST(label_of(hint) == "Redone: Body map: Left quadratus lumborum set to 3/10");

            // An undo of typing on another page brings that page into view.
            pages.SetSelection(0);
            type_text(find<wxTextCtrl>(d, "chief-complaint"), "Aching low back");
            pages.SetSelection(1);
            press(chart, 'Z', wxMOD_CONTROL);
            BOOST_TEST(pages.GetSelection() == 0);
            BOOST_TEST(find<wxTextCtrl>(d, "chief-complaint").GetValue().empty());
            press(find<wxTextCtrl>(d, "chief-complaint"), 'Y', wxMOD_CONTROL);
            BOOST_TEST(utf8_of(find<wxTextCtrl>(d, "chief-complaint").GetValue()) == "Aching low back");

            modals.expect_message("Close without saving?", wxID_YES);
            click(find_button(d, wxID_CANCEL));
        });
    BOOST_TEST(db::AssessmentRepository(*db).for_client(client).empty());

    // ---- the note: Ctrl+Z in a multi-line field takes back the last field typed --------------------
    modals.drive(
        "session-note",
        [&] {
            gui::SessionNoteDialog dialog(nullptr, *db, session);
            dialog.ShowModal();
        },
        [&](wxDialog& d) {
            auto& subjective = find<wxTextCtrl>(d, "soap-0");
            auto& objective = find<wxTextCtrl>(d, "soap-1");
            auto& state = find<wxStaticText>(d, "note-state");
            type_text(subjective, "Reports pain eased.");
            type_text(objective, "Left QL hypertonic.");
            BOOST_TEST(label_of(state) == "Unsaved changes");

            press(objective, 'Z', wxMOD_CONTROL);
            BOOST_TEST(objective.GetValue().empty());
            BOOST_TEST(utf8_of(subjective.GetValue()) == "Reports pain eased.");
            BOOST_TEST(label_of(state) == "Undone: Objective  (Ctrl+Y redoes)");
            press(objective, 'Z', wxMOD_CONTROL);
            BOOST_TEST(subjective.GetValue().empty());
            press(objective, 'Y', wxMOD_CONTROL);
            BOOST_TEST(utf8_of(subjective.GetValue()) == "Reports pain eased.");
            BOOST_TEST(subjective.GetInsertionPoint() == subjective.GetLastPosition(),
                       "the caret is where the text came back");

            modals.expect_message("not saved", wxID_NO); // discard
            click(find_button(d, wxID_CLOSE));
        });
    BOOST_TEST(db::SessionRepository(*db).get(session).note().subjective.empty());
    BOOST_TEST(modals.take_messages().size() == 2u);
}

namespace {
// What a PDF viewer would show as text, every run of white space one space.
std::string pdf_text(const std::filesystem::path& pdf) {
    FILE* pipe = ::popen((std::string("'") + KNOTWORK_PDFTOTEXT + "' -enc UTF-8 '" + pdf.string() + "' - 2>&1").c_str(), "r");
    BOOST_REQUIRE(pipe != nullptr);
    std::string text;
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0)
        for (std::size_t i = 0; i < n; ++i) {
            const char c = buf[i];
            const bool space = c == ' ' || c == '\n' || c == '\f';
            if (!space) text += c;
            else if (!text.empty() && text.back() != ' ') text += ' ';
        }
    ::pclose(pipe);
    return text;
}
} // namespace

BOOST_AUTO_TEST_CASE(reports_page_saves_a_pdf_and_its_printout_draws_the_pages) {
    const PracticeFile practice;
    auto db = practice.create();
    app::DemoOptions options;
    options.clients = 6;
    options.today = today_local();
    app::generate_demo_practice(*db, options);
    const auto clients = db::ClientRepository(*db).search({.text = "", .include_archived = false, .limit = 10});
    BOOST_TEST_REQUIRE(!clients.empty());
    const db::ClientSummary client = clients.front();

    MainWindow frame(std::move(db), practice.path);
    frame->show_client(client.id);
    choose_menu(*frame, "Go", "Reports");
    auto& page = find<knotwork::gui::ReportsPage>(*frame, "reports-page");
    BOOST_TEST_REQUIRE(wait_until([&] { return page.IsShownOnScreen(); }));
    BOOST_TEST(find<wxButton>(*frame, "report-save-pdf").IsEnabled());

    const TempDir out;
    const std::filesystem::path file = out.path() / "report.pdf";
    std::string suggested;
    page.set_file_picker([&](wxWindow*, const wxString& name) {
        suggested = utf8_of(name);
        return w8(file.string());
    });
    choose(find<wxChoice>(*frame, "report-paper"), 1);          // Letter
    choose(find<wxChoice>(*frame, "report-recommendation"), 1); // Continue treatment
    type_text(find<wxTextCtrl>(*frame, "report-comment"), "Keep up the stretches at home.");
    Modals modals;
    click(find<wxButton>(*frame, "report-save-pdf"));
    BOOST_TEST(modals.take_messages().empty());
    BOOST_TEST(suggested.starts_with("client-"));
    BOOST_TEST(suggested.ends_with(".pdf"));
    BOOST_TEST_REQUIRE(std::filesystem::exists(file));
    const std::string text = pdf_text(file);
    BOOST_TEST(text.find(client.given_name) != std::string::npos, "the PDF names the client: " << text.substr(0, 300));
    BOOST_TEST(text.find(client.family_name) != std::string::npos);
    BOOST_TEST(text.find("Keep up the stretches at home.") != std::string::npos);
    BOOST_TEST(label_of(find<wxStaticText>(*frame, "report-status")).starts_with("Saved "));
    {
        const auto check = practice.reopen();
        const auto audit = db::AuditLog(*check).for_client(client.id);
        BOOST_TEST(std::count_if(audit.begin(), audit.end(), [](const db::AuditEntry& e) { return e.action == "export"; }) == 1);
    }

    // The printout draws the same report onto any DC: here a bitmap, as the preview does.
    const app::ReportJob job = page.job();
    BOOST_TEST((job.paper == report::PaperSize::letter));
    const auto check = practice.reopen();
    auto doc = std::make_shared<const report::TypesetReport>(app::prepare_progress_report(*check, job), job.paper);
    knotwork::gui::ReportPrintout printout(doc, "Progress Report");
    int min_page = 0, max_page = 0, from = 0, to = 0;
    printout.GetPageInfo(&min_page, &max_page, &from, &to);
    BOOST_TEST(min_page == 1);
    BOOST_TEST(max_page == doc->page_count());
    BOOST_TEST(max_page > 0);
    BOOST_TEST(printout.HasPage(max_page));
    BOOST_TEST(!printout.HasPage(max_page + 1));
    wxBitmap bitmap(612, 792, 24);
    {
        wxMemoryDC dc(bitmap);
        dc.SetBackground(*wxWHITE_BRUSH);
        dc.Clear();
        printout.SetDC(&dc);
        BOOST_TEST(printout.OnPrintPage(1));
        printout.SetDC(nullptr);
        dc.SelectObject(wxNullBitmap);
    }
    const wxImage image = bitmap.ConvertToImage();
    int inked = 0;
    for (int y = 0; y < image.GetHeight(); ++y)
        for (int x = 0; x < image.GetWidth(); ++x)
            if (image.GetRed(x, y) < 128) ++inked;
    BOOST_TEST(inked > 200, "the page has text on it: " << inked << " dark pixels");
}

BOOST_AUTO_TEST_SUITE_END()
