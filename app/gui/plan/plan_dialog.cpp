#include "plan/plan_dialog.h"

#include "common/error.h"
#include "common/error_message.h"
#include "common/undo_controls.h"
#include "common/wx_text.h"
#include "plan/plan_presenter.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dataview.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/grid.h>
#include <wx/html/htmlwin.h>
#include <wx/image.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/panel.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <optional>

namespace knotwork::gui {

namespace {

enum TechniqueColumn { col_accept, col_name, col_suitability, col_pressure, technique_columns };

enum GoalColumn { goal_description, goal_measure, goal_baseline, goal_target };

// Suitability colours: green, blue, amber, red, readable on white and on a selected row.
wxColour suitability_colour(Suitability s) {
    switch (s) {
    case Suitability::recommended: return {0x1b, 0x7a, 0x2e};
    case Suitability::suitable: return {0x1f, 0x5f, 0xa8};
    case Suitability::use_with_caution: return {0xc7, 0x77, 0x00};
    case Suitability::excluded: return {0xb0, 0x00, 0x20};
    }
    return *wxBLACK;
}

wxString suitability_text(Suitability s) {
    switch (s) {
    case Suitability::recommended: return _("Recommended");
    case Suitability::suitable: return _("Suitable");
    case Suitability::use_with_caution: return _("Use with caution");
    case Suitability::excluded: return _("Excluded");
    }
    return {};
}

const wxColour clash_text{0xb0, 0x00, 0x20};
const wxColour clash_back{0xfd, 0xe7, 0xea};
const wxColour moved_text{0x8a, 0x5a, 0x00};
const wxColour moved_back{0xff, 0xf4, 0xdc};
const wxColour caution_back{0xff, 0xf4, 0xdc};
const wxColour stop_back{0xfd, 0xe7, 0xea};

// A filled, anti-aliased dot of `colour`, `size` pixels across, on a transparent ground.
wxBitmapBundle dot(const wxColour& colour, int size) {
    wxImage img(size, size);
    img.InitAlpha();
    const double r = size / 2.0 - 1.0, c = size / 2.0;
    for (int y = 0; y < size; ++y)
        for (int x = 0; x < size; ++x) {
            const double d = std::hypot(x + 0.5 - c, y + 0.5 - c);
            const double cover = std::clamp(r - d + 0.5, 0.0, 1.0);
            img.SetRGB(x, y, colour.Red(), colour.Green(), colour.Blue());
            img.SetAlpha(x, y, static_cast<unsigned char>(cover * 255));
        }
    return wxBitmapBundle::FromBitmap(wxBitmap(img));
}

wxString html(std::string_view text) {
    wxString s = wx(text);
    s.Replace("&", "&amp;");
    s.Replace("<", "&lt;");
    s.Replace(">", "&gt;");
    return s;
}

wxString number_text(std::optional<double> v) {
    if (!v) return {};
    if (std::abs(*v - std::round(*v)) < 0.05) return wxString::Format("%.0f", *v);
    return wxString::Format("%.1f", *v);
}

// The picker's day, or not-a-date while what is typed is not a date (yet).
Date to_date(const wxDateTime& d) {
    if (!d.IsValid()) return Date(boost::gregorian::not_a_date_time);
    try {
        return Date(static_cast<unsigned short>(d.GetYear()), static_cast<unsigned short>(d.GetMonth() + 1),
                    static_cast<unsigned short>(d.GetDay()));
    } catch (const std::exception&) {
        return Date(boost::gregorian::not_a_date_time); // a year outside 1400-9999
    }
}

wxDateTime to_wx(Date d) {
    return wxDateTime(static_cast<wxDateTime::wxDateTime_t>(d.day()), static_cast<wxDateTime::Month>(d.month() - 1),
                      static_cast<int>(d.year()));
}

// The advisor's ranked list as the technique table reads it: accepted (a check box that an
// excluded technique does not offer), name, suitability with its coloured dot, pressure limit.
class TechniqueModel : public wxDataViewVirtualListModel {
public:
    using Toggled = std::function<void(unsigned row, const std::exception* refused)>;

    TechniqueModel(PlanPresenter& presenter, int icon_size, Toggled toggled)
        : wxDataViewVirtualListModel(static_cast<unsigned>(presenter.techniques().size())), m_presenter(presenter),
          m_toggled(std::move(toggled)) {
        for (Suitability s : {Suitability::recommended, Suitability::suitable, Suitability::use_with_caution,
                              Suitability::excluded})
            m_icons[static_cast<std::size_t>(s)] = dot(suitability_colour(s), icon_size);
    }

    unsigned int GetColumnCount() const override { return technique_columns; }
    wxString GetColumnType(unsigned int col) const override {
        switch (col) {
        case col_accept: return "bool";
        case col_suitability: return "wxDataViewIconText";
        default: return "string";
        }
    }

    void GetValueByRow(wxVariant& value, unsigned int row, unsigned int col) const override {
        const auto& rows = m_presenter.techniques();
        if (row >= rows.size()) {
            value = wxString();
            return;
        }
        const TechniqueChoice& t = rows[row];
        switch (col) {
        case col_accept: value = t.accepted; break;
        case col_name: value = wx(t.advice.name); break;
        case col_suitability:
            value << wxDataViewIconText(suitability_text(t.advice.suitability),
                                        m_icons[static_cast<std::size_t>(t.advice.suitability)]);
            break;
        case col_pressure:
            value = t.advice.max_pressure ? wxString::Format(_("%d at most"), t.advice.max_pressure->value())
                                          : wxString(wxString::FromUTF8("\xe2\x80\x94")); // em dash
            break;
        default: value = wxString();
        }
    }

    bool SetValueByRow(const wxVariant& value, unsigned int row, unsigned int col) override {
        if (col != col_accept || row >= m_presenter.techniques().size()) return false;
        try {
            m_presenter.set_accepted(row, value.GetBool());
        } catch (const std::exception& e) {
            m_toggled(row, &e);
            return false;
        }
        m_toggled(row, nullptr);
        return true;
    }

    bool GetAttrByRow(unsigned int row, unsigned int col, wxDataViewItemAttr& attr) const override {
        const auto& rows = m_presenter.techniques();
        if (row >= rows.size()) return false;
        const TechniqueChoice& t = rows[row];
        if (col == col_suitability) {
            attr.SetColour(suitability_colour(t.advice.suitability));
            attr.SetBold(t.advice.suitability == Suitability::recommended);
            return true;
        }
        if (!t.can_accept()) {
            attr.SetColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
            return true;
        }
        if (col == col_name && t.accepted) {
            attr.SetBold(true);
            return true;
        }
        return false;
    }

    bool IsEnabledByRow(unsigned int row, unsigned int col) const override {
        const auto& rows = m_presenter.techniques();
        return col != col_accept || (row < rows.size() && rows[row].can_accept());
    }

private:
    PlanPresenter& m_presenter;
    Toggled m_toggled;
    std::array<wxBitmapBundle, 4> m_icons;
};

struct RegionRow {
    BodyRegion region;
    wxCheckBox* check = nullptr;
    wxCheckBox* left = nullptr; // none for the midline regions
    wxCheckBox* right = nullptr;
};

struct HomeCareRow {
    HomeCareKind kind;
    wxCheckBox* check = nullptr;
    wxTextCtrl* text = nullptr;
};

constexpr GoalMeasure measure_order[]{GoalMeasure::pain, GoalMeasure::odi, GoalMeasure::rmdq, GoalMeasure::psfs,
                                      GoalMeasure::activity};

wxString measure_text(GoalMeasure m) {
    switch (m) {
    case GoalMeasure::pain: return _("Pain (0-10)");
    case GoalMeasure::odi: return _("ODI (%)");
    case GoalMeasure::rmdq: return _("Roland-Morris (0-24)");
    case GoalMeasure::psfs: return _("PSFS mean (0-10)");
    case GoalMeasure::activity: return _("Activity (0-10)");
    }
    return {};
}

// The notebook page that holds a refused field or an undone step.
size_t page_index(PlanPage page) {
    return static_cast<size_t>(page);
}

} // namespace

struct PlanDialog::Widgets {
    PlanPresenter presenter;
    std::vector<PreviewLine> preview;
    bool preview_ok = false;

    wxNotebook* book = nullptr;
    wxStaticText* summary = nullptr;

    // Techniques
    wxDataViewCtrl* techniques = nullptr;
    TechniqueModel* technique_model = nullptr;
    wxStaticText* technique_title = nullptr;
    wxHtmlWindow* reasons = nullptr;
    wxStaticText* rationale_label = nullptr;
    wxTextCtrl* rationale = nullptr;
    int shown_technique = -1;

    // Goals and regions
    wxGrid* goals = nullptr;
    std::vector<RegionRow> regions;

    // Series
    wxSpinCtrl* count = nullptr;
    wxChoice* frequency = nullptr;
    wxSpinCtrl* interval = nullptr;
    wxSpinCtrl* minutes = nullptr;
    wxDatePickerCtrl* start_date = nullptr;
    wxChoice* start_time = nullptr;
    std::vector<Duration> start_times;
    wxTextCtrl* therapist = nullptr;
    wxChoice* reassess = nullptr;
    wxListCtrl* appointments = nullptr;
    wxStaticText* preview_status = nullptr;
    wxStaticText* preview_detail = nullptr;

    // Home care
    std::vector<HomeCareRow> home_care;
    wxTextCtrl* notes = nullptr;

    std::optional<UndoButtons> undo_buttons;
    bool refreshing = false; // the controls are being set from the presenter: their events are not edits

    Widgets(db::Database& db, ClientId client) : presenter(db, client, today_local()) {}
};

PlanDialog::PlanDialog(wxWindow* parent, db::Database& db, ClientId client)
    : m_w(std::make_unique<Widgets>(db, client)) {
    Create(parent, wxID_ANY, wxString::Format(_("Treatment Plan for %s"), wx(m_w->presenter.client().display_name())),
           wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
    SetName("plan-dialog");
    const int gap = FromDIP(8);

    m_w->book = new wxNotebook(this, wxID_ANY);
    m_w->book->SetName("plan-pages");
    m_w->book->AddPage(build_techniques_page(m_w->book), _("Techniques"), true);
    m_w->book->AddPage(build_goals_page(m_w->book), _("Goals && Regions"));
    m_w->book->AddPage(build_series_page(m_w->book), _("Series"));
    m_w->book->AddPage(build_home_care_page(m_w->book), _("Home Care"));

    m_w->summary = new wxStaticText(this, wxID_ANY, wxString());
    m_w->summary->SetName("plan-summary");
    auto* buttons = CreateStdDialogButtonSizer(wxOK | wxCANCEL);
    auto* bottom = new wxBoxSizer(wxHORIZONTAL);
    m_w->undo_buttons.emplace(this);
    bottom->AddSpacer(gap);
    m_w->undo_buttons->add_to(bottom, gap / 2);
    bottom->Add(m_w->summary, 1, wxALIGN_CENTER_VERTICAL | wxLEFT, gap);
    bottom->Add(buttons, 0, wxALIGN_CENTER_VERTICAL);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(build_banner(), 0, wxEXPAND);
    sizer->Add(m_w->book, 1, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    sizer->Add(bottom, 0, wxEXPAND | wxALL, gap);
    SetSizer(sizer);

    auto* save = FindWindow(wxID_OK);
    save->SetLabel(_("&Save Plan"));
    save->Enable(m_w->presenter.blocker().empty());
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_save(); }, wxID_OK);
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_cancel(); }, wxID_CANCEL);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { on_cancel(); });
    m_w->undo_buttons->undo()->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { step(true); });
    m_w->undo_buttons->redo()->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { step(false); });
    // Undo and redo here, before any control sees the keys: the same on every page.
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (const HistoryKey key = history_key(e); key != HistoryKey::none)
            step(key == HistoryKey::undo);
        else
            e.Skip();
    });

    show_goals();
    fill_reassess_choice();
    refresh_preview();
    if (!m_w->presenter.techniques().empty()) {
        m_w->techniques->Select(m_w->technique_model->GetItem(0));
        show_technique(0);
    } else {
        show_technique(-1);
    }
    update_summary();

    SetMinSize(FromDIP(wxSize(760, 560)));
    SetSize(FromDIP(wxSize(980, 720)));
    CentreOnParent();
}

// The windows go first: their handlers and the technique model use the presenter in m_w.
PlanDialog::~PlanDialog() { DestroyChildren(); }

// ---- banner: who, from which assessment, what stops or limits the treatment ----------------

wxWindow* PlanDialog::build_banner() {
    const PlanPresenter& p = m_w->presenter;
    const int gap = FromDIP(8);
    const int wrap = FromDIP(940);
    auto* banner = new wxPanel(this);
    auto* sizer = new wxBoxSizer(wxVERTICAL);

    auto* title = new wxStaticText(banner, wxID_ANY, wx(p.client().display_name()));
    title->SetFont(title->GetFont().Scaled(1.3f).Bold());
    sizer->Add(title, 0, wxLEFT | wxRIGHT | wxTOP, gap);
    if (const std::string summary = p.assessment_summary(); !summary.empty()) {
        auto* from = new wxStaticText(banner, wxID_ANY, wx(summary));
        from->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        from->Wrap(wrap);
        sizer->Add(from, 0, wxLEFT | wxRIGHT | wxTOP, gap);
    }

    auto strip = [&](const wxColour& back, const wxString& heading, const std::vector<std::string>& lines,
                     const wxColour& ink, const char* name, const wxString& tip) {
        auto* panel = new wxPanel(banner);
        panel->SetName(name);
        panel->SetBackgroundColour(back);
        auto* box = new wxBoxSizer(wxVERTICAL);
        auto* head = new wxStaticText(panel, wxID_ANY, heading);
        head->SetForegroundColour(ink);
        head->SetFont(head->GetFont().Bold());
        box->Add(head, 0, wxLEFT | wxRIGHT | wxTOP, gap);
        for (const auto& line : lines) {
            auto* t = new wxStaticText(panel, wxID_ANY, wx(line));
            t->SetForegroundColour(*wxBLACK);
            t->Wrap(wrap - 2 * gap);
            t->SetToolTip(tip);
            box->Add(t, 0, wxLEFT | wxRIGHT | wxTOP, gap);
        }
        box->AddSpacer(gap);
        panel->SetSizer(box);
        panel->SetToolTip(tip);
        sizer->Add(panel, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    };

    const std::string stop = p.blocker();
    if (!stop.empty()) {
        std::vector<std::string> lines{stop};
        if (p.red_flags_stop())
            for (const auto& reason : p.assessment()->red_flag_verdict().reasons) lines.push_back("- " + reason);
        strip(stop_back, p.red_flags_stop() ? _("Do not treat: refer first") : _("No assessment yet"), lines,
              clash_text, "plan-blocker", wxString());
    }
    const auto cautions = p.caution_lines();
    if (!cautions.empty()) {
        wxString details;
        for (const auto& d : p.caution_details()) details += (details.empty() ? "" : "\n") + wx(d);
        strip(caution_back, _("Cautions (hover for the reasons)"), cautions, moved_text, "plan-cautions", details);
    } else if (p.assessment() && stop.empty()) {
        sizer->Add(new wxStaticText(banner, wxID_ANY, _("No cautions on file.")), 0, wxLEFT | wxRIGHT | wxTOP, gap);
    }
    banner->SetSizer(sizer);
    return banner;
}

// ---- techniques ----------------------------------------------------------------------------

wxWindow* PlanDialog::build_techniques_page(wxWindow* book) {
    const int gap = FromDIP(8);
    auto* page = new wxPanel(book);
    auto* hint = new wxStaticText(page, wxID_ANY,
                                  _("The advisor ranks every technique from the assessment and the cautions. Tick the "
                                    "ones you will use and say why; excluded techniques cannot be chosen."));
    hint->Wrap(FromDIP(900));

    m_w->techniques = new wxDataViewCtrl(page, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                         wxDV_SINGLE | wxDV_ROW_LINES | wxDV_VERT_RULES);
    m_w->techniques->SetName("technique-list");
    m_w->technique_model = new TechniqueModel(m_w->presenter, FromDIP(12), [this](unsigned row, const std::exception* refused) {
        on_technique_toggled(row, refused);
    });
    m_w->techniques->AssociateModel(m_w->technique_model);
    m_w->technique_model->DecRef();
    m_w->techniques->AppendToggleColumn(_("Use"), col_accept, wxDATAVIEW_CELL_ACTIVATABLE, FromDIP(50),
                                        wxALIGN_CENTER);
    m_w->techniques->AppendTextColumn(_("Technique"), col_name, wxDATAVIEW_CELL_INERT, FromDIP(220), wxALIGN_LEFT,
                                      wxDATAVIEW_COL_RESIZABLE);
    m_w->techniques->AppendIconTextColumn(_("Suitability"), col_suitability, wxDATAVIEW_CELL_INERT, FromDIP(170),
                                          wxALIGN_LEFT, wxDATAVIEW_COL_RESIZABLE);
    m_w->techniques->AppendTextColumn(_("Pressure"), col_pressure, wxDATAVIEW_CELL_INERT, FromDIP(100),
                                      wxALIGN_LEFT, wxDATAVIEW_COL_RESIZABLE);
    const int rows = std::max<int>(6, static_cast<int>(m_w->presenter.techniques().size()));
    m_w->techniques->SetMinSize(wxSize(-1, FromDIP(34) + rows * FromDIP(26)));

    m_w->technique_title = new wxStaticText(page, wxID_ANY, wxString());
    m_w->technique_title->SetFont(m_w->technique_title->GetFont().Bold());
    m_w->reasons = new wxHtmlWindow(page, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxHW_SCROLLBAR_AUTO);
    m_w->reasons->SetName("technique-reasons");
    m_w->reasons->SetBorders(FromDIP(4));
    m_w->rationale_label = new wxStaticText(page, wxID_ANY, _("&Reason in the plan:"));
    m_w->rationale = new wxTextCtrl(page, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                    wxTE_MULTILINE | wxTE_BESTWRAP);
    m_w->rationale->SetName("technique-rationale");

    auto* why = new wxBoxSizer(wxVERTICAL);
    why->Add(m_w->technique_title, 0, wxBOTTOM, FromDIP(4));
    why->Add(m_w->reasons, 1, wxEXPAND);
    auto* own = new wxBoxSizer(wxVERTICAL);
    own->Add(m_w->rationale_label, 0, wxBOTTOM, FromDIP(4));
    own->Add(m_w->rationale, 1, wxEXPAND);
    auto* details = new wxBoxSizer(wxHORIZONTAL);
    details->Add(why, 3, wxEXPAND | wxRIGHT, gap);
    details->Add(own, 2, wxEXPAND);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(hint, 0, wxALL, gap);
    sizer->Add(m_w->techniques, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);
    sizer->Add(details, 1, wxEXPAND | wxALL, gap);
    page->SetSizer(sizer);

    m_w->techniques->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent& e) {
        show_technique(e.GetItem().IsOk() ? static_cast<int>(m_w->technique_model->GetRow(e.GetItem())) : -1);
    });
    m_w->rationale->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        if (m_w->shown_technique < 0 || m_w->refreshing) return;
        m_w->presenter.set_rationale(static_cast<std::size_t>(m_w->shown_technique), utf8(m_w->rationale->GetValue()));
        after_edit();
    });
    return page;
}

void PlanDialog::show_technique(int row) {
    m_w->shown_technique = row;
    const auto& rows = m_w->presenter.techniques();
    if (row < 0 || row >= static_cast<int>(rows.size())) {
        m_w->technique_title->SetLabel(wxString());
        m_w->reasons->SetPage(
            "<html><body>" +
            html(m_w->presenter.assessment() ? utf8(_("Select a technique to see why the advisor ranks it there."))
                                             : m_w->presenter.blocker()) +
            "</body></html>");
        m_w->rationale->ChangeValue(wxString());
        m_w->rationale->Disable();
        return;
    }
    const TechniqueChoice& t = rows[static_cast<std::size_t>(row)];
    m_w->technique_title->SetLabel(wx(t.advice.name) + " - " + suitability_text(t.advice.suitability));
    wxString page = "<html><body>";
    if (!t.purpose.empty()) page += "<p><i>" + html(t.purpose) + "</i></p>";
    auto list = [&](const wxString& heading, const std::vector<std::string>& reasons, const char* colour) {
        if (reasons.empty()) return;
        page += "<p><b><font color=\"" + wxString(colour) + "\">" + heading + "</font></b></p><ul>";
        for (const auto& r : reasons) page += "<li>" + html(r) + "</li>";
        page += "</ul>";
    };
    if (t.can_accept()) {
        list(_("For"), t.advice.reasons_for, "#1b7a2e");
        list(_("Against"), t.advice.reasons_against, "#b00020");
    } else { // why it cannot be chosen comes first
        list(_("Why it is excluded"), t.advice.reasons_against, "#b00020");
        list(_("For"), t.advice.reasons_for, "#1b7a2e");
    }
    if (t.advice.reasons_for.empty() && t.advice.reasons_against.empty())
        page += "<p>" + html(utf8(_("Nothing in the assessment speaks for or against it."))) + "</p>";
    page += "</body></html>";
    m_w->reasons->SetPage(page);
    restore_text(*m_w->rationale, t.can_accept() ? wx(t.rationale) : wxString());
    m_w->rationale->Enable(t.accepted);
    m_w->rationale_label->SetLabel(t.accepted ? _("&Reason in the plan:")
                                   : t.can_accept() ? _("Reason in the plan (tick Use to choose it):")
                                                    : _("Excluded: it cannot be part of this plan."));
}

void PlanDialog::on_technique_toggled(unsigned row, const std::exception* refused) {
    // Called from inside the model's SetValue: let the control finish before showing anything.
    CallAfter([this, row, refused_text = refused ? wxString(wx(refused->what())) : wxString()] {
        m_w->techniques->Select(m_w->technique_model->GetItem(row));
        show_technique(static_cast<int>(row));
        if (!refused_text.empty()) wxBell();
        else if (m_w->presenter.techniques()[row].accepted) m_w->rationale->SetFocus();
        m_w->technique_model->RowChanged(row);
        update_summary();
        after_edit();
    });
}

// ---- goals and regions --------------------------------------------------------------------

wxWindow* PlanDialog::build_goals_page(wxWindow* book) {
    const int gap = FromDIP(8);
    auto* page = new wxPanel(book);

    auto* goals_box = new wxStaticBoxSizer(wxVERTICAL, page, _("Goals"));
    auto* goals_parent = goals_box->GetStaticBox();
    m_w->goals = new wxGrid(goals_parent, wxID_ANY);
    m_w->goals->SetName("goal-grid");
    m_w->goals->CreateGrid(0, 4);
    m_w->goals->HideRowLabels();
    m_w->goals->DisableDragRowSize();
    m_w->goals->SetColLabelValue(goal_description, _("Goal"));
    m_w->goals->SetColLabelValue(goal_measure, _("Measured by"));
    m_w->goals->SetColLabelValue(goal_baseline, _("Now"));
    m_w->goals->SetColLabelValue(goal_target, _("Target"));
    m_w->goals->SetColLabelAlignment(wxALIGN_LEFT, wxALIGN_CENTER);
    wxArrayString measures;
    for (GoalMeasure m : measure_order) measures.Add(measure_text(m));
    auto* measure_attr = new wxGridCellAttr;
    measure_attr->SetEditor(new wxGridCellChoiceEditor(measures));
    m_w->goals->SetColAttr(goal_measure, measure_attr);
    auto* baseline_attr = new wxGridCellAttr;
    baseline_attr->SetReadOnly();
    baseline_attr->SetTextColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    baseline_attr->SetAlignment(wxALIGN_RIGHT, wxALIGN_CENTER);
    m_w->goals->SetColAttr(goal_baseline, baseline_attr);
    auto* target_attr = new wxGridCellAttr;
    target_attr->SetAlignment(wxALIGN_RIGHT, wxALIGN_CENTER);
    m_w->goals->SetColAttr(goal_target, target_attr);
    m_w->goals->SetColSize(goal_measure, FromDIP(170));
    m_w->goals->SetColSize(goal_baseline, FromDIP(60));
    m_w->goals->SetColSize(goal_target, FromDIP(70));
    m_w->goals->SetDefaultRowSize(FromDIP(26), true);
    m_w->goals->SetMinSize(wxSize(-1, FromDIP(150)));

    auto* add = new wxButton(goals_parent, wxID_ANY, _("&Add Goal"));
    auto* remove = new wxButton(goals_parent, wxID_ANY, _("Re&move Goal"));
    auto* goal_buttons = new wxBoxSizer(wxHORIZONTAL);
    goal_buttons->Add(new wxStaticText(goals_parent, wxID_ANY,
                                       _("Targets: pain 0-10, ODI 0-100 %, Roland-Morris 0-24, PSFS and activities 0-10.")),
                      1, wxALIGN_CENTER_VERTICAL);
    goal_buttons->Add(add, 0, wxLEFT, gap);
    goal_buttons->Add(remove, 0, wxLEFT, gap);
    goals_box->Add(m_w->goals, 1, wxEXPAND | wxALL, FromDIP(4));
    goals_box->Add(goal_buttons, 0, wxEXPAND | wxALL, FromDIP(4));

    // Regions: a check box per region, and for muscles and joints a left and a right box (both
    // ticked: both sides), grouped as a therapist looks for them.
    auto* regions_box = new wxStaticBoxSizer(wxVERTICAL, page, _("Target regions"));
    auto* scroller = new wxScrolledWindow(regions_box->GetStaticBox(), wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                          wxVSCROLL);
    scroller->SetName("region-checklist");
    scroller->SetScrollRate(0, FromDIP(10));
    auto* grid = new wxFlexGridSizer(3, FromDIP(2), FromDIP(24));
    for (const auto& group : PlanPresenter::region_groups()) {
        auto* column = new wxBoxSizer(wxVERTICAL);
        auto* heading = new wxStaticText(scroller, wxID_ANY, wx(group.name));
        heading->SetFont(heading->GetFont().Bold());
        column->Add(heading, 0, wxBOTTOM | wxTOP, FromDIP(4));
        auto* rows = new wxFlexGridSizer(3, FromDIP(1), FromDIP(4));
        for (BodyRegion r : group.regions) {
            RegionRow row{r};
            row.check = new wxCheckBox(scroller, wxID_ANY, wx(label(r)));
            rows->Add(row.check, 0, wxALIGN_CENTER_VERTICAL);
            if (PlanPresenter::has_sides(r)) {
                row.left = new wxCheckBox(scroller, wxID_ANY, _("L"));
                row.left->SetToolTip(_("Left side"));
                row.right = new wxCheckBox(scroller, wxID_ANY, _("R"));
                row.right->SetToolTip(_("Right side"));
                rows->Add(row.left, 0, wxALIGN_CENTER_VERTICAL);
                rows->Add(row.right, 0, wxALIGN_CENTER_VERTICAL);
            } else {
                rows->AddSpacer(0);
                rows->AddSpacer(0);
            }
            m_w->regions.push_back(row);
            const std::size_t index = m_w->regions.size() - 1;
            row.check->Bind(wxEVT_CHECKBOX, [this, index](wxCommandEvent&) {
                const RegionRow& rr = m_w->regions[index];
                m_w->presenter.set_region(rr.region, rr.check->GetValue()
                                                         ? std::optional<Side>(PlanPresenter::default_side(rr.region))
                                                         : std::nullopt);
                show_region(index);
                after_edit();
            });
            auto sided = [this, index](wxCommandEvent&) {
                const RegionRow& rr = m_w->regions[index];
                const bool on_left = rr.left->GetValue(), on_right = rr.right->GetValue();
                m_w->presenter.set_region(rr.region, on_left && on_right ? std::optional<Side>(Side::bilateral)
                                                     : on_left           ? std::optional<Side>(Side::left)
                                                     : on_right          ? std::optional<Side>(Side::right)
                                                                         : std::nullopt);
                show_region(index);
                after_edit();
            };
            if (row.left) {
                row.left->Bind(wxEVT_CHECKBOX, sided);
                row.right->Bind(wxEVT_CHECKBOX, sided);
            }
            show_region(index);
        }
        column->Add(rows, 0, wxEXPAND);
        grid->Add(column, 0, wxEXPAND | wxBOTTOM, FromDIP(6));
    }
    for (int c = 0; c < 3; ++c) grid->AddGrowableCol(c);
    scroller->SetSizer(grid);
    scroller->FitInside();
    regions_box->Add(scroller, 1, wxEXPAND | wxALL, FromDIP(4));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(goals_box, 2, wxEXPAND | wxALL, gap);
    sizer->Add(regions_box, 3, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    page->SetSizer(sizer);

    m_w->goals->Bind(wxEVT_GRID_CELL_CHANGED, [this](wxGridEvent& e) { on_goal_changed(e.GetRow(), e.GetCol()); });
    // The goal's words take the width the other columns leave.
    m_w->goals->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        const int rest = m_w->goals->GetColSize(goal_measure) + m_w->goals->GetColSize(goal_baseline) +
                         m_w->goals->GetColSize(goal_target);
        const int scrollbar = wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, m_w->goals);
        m_w->goals->SetColSize(goal_description,
                               std::max(FromDIP(160), m_w->goals->GetClientSize().x - rest - scrollbar));
    });
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        m_w->presenter.add_goal(Goal{});
        show_goals();
        const int row = m_w->goals->GetNumberRows() - 1;
        m_w->goals->SetFocus();
        m_w->goals->SetGridCursor(row, goal_description);
        m_w->goals->MakeCellVisible(row, goal_description);
        m_w->goals->EnableCellEditControl();
        update_summary();
        after_edit();
    });
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const int row = m_w->goals->GetGridCursorRow();
        if (row < 0 || row >= m_w->goals->GetNumberRows()) return;
        m_w->presenter.remove_goal(static_cast<std::size_t>(row));
        show_goals();
        update_summary();
        after_edit();
    });
    return page;
}

void PlanDialog::show_goals() {
    wxGrid* g = m_w->goals;
    const auto& goals = m_w->presenter.goals();
    g->BeginBatch();
    if (g->GetNumberRows() > 0) g->DeleteRows(0, g->GetNumberRows());
    g->AppendRows(static_cast<int>(goals.size()));
    for (int r = 0; r < static_cast<int>(goals.size()); ++r) {
        const Goal& goal = goals[static_cast<std::size_t>(r)];
        g->SetCellValue(r, goal_description, wx(goal.description));
        g->SetCellValue(r, goal_measure, measure_text(goal.measure));
        g->SetCellValue(r, goal_baseline, number_text(goal.baseline));
        g->SetCellValue(r, goal_target, number_text(goal.target));
    }
    g->EndBatch();
}

void PlanDialog::show_region(std::size_t index) {
    const RegionRow& row = m_w->regions[index];
    const auto side = m_w->presenter.region_side(row.region);
    row.check->SetValue(side.has_value());
    if (row.left) {
        row.left->SetValue(side == Side::left || side == Side::bilateral);
        row.right->SetValue(side == Side::right || side == Side::bilateral);
    }
    update_summary();
}

void PlanDialog::on_goal_changed(int row, int col) {
    if (row < 0 || row >= static_cast<int>(m_w->presenter.goals().size())) return;
    Goal goal = m_w->presenter.goals()[static_cast<std::size_t>(row)];
    const wxString value = m_w->goals->GetCellValue(row, col);
    switch (col) {
    case goal_description: goal.description = utf8(value); break;
    case goal_measure:
        for (GoalMeasure m : measure_order)
            if (measure_text(m) == value) goal.measure = m;
        break;
    case goal_target: {
        wxString text = value;
        text.Trim().Trim(false);
        text.Replace(",", ".");
        text.Replace("%", "");
        double target = 0;
        if (text.empty()) {
            goal.target.reset();
        } else if (text.ToCDouble(&target)) {
            goal.target = target;
        } else {
            show_error(this, _("The target was not changed."),
                       ValidationError("goal " + std::to_string(row + 1) + " target", "must be a number"));
            m_w->goals->SetCellValue(row, col, number_text(goal.target));
            return;
        }
        break;
    }
    default: return;
    }
    m_w->presenter.set_goal(static_cast<std::size_t>(row), goal);
    update_summary();
    after_edit();
}

// ---- series ---------------------------------------------------------------------------------

wxWindow* PlanDialog::build_series_page(wxWindow* book) {
    const int gap = FromDIP(8);
    const PlanPresenter& p = m_w->presenter;
    const SeriesSpec& s = p.series();
    auto* page = new wxPanel(book);

    auto* form_box = new wxStaticBoxSizer(wxVERTICAL, page, _("The series"));
    auto* parent = form_box->GetStaticBox();
    auto* form = new wxFlexGridSizer(2, FromDIP(6), gap);
    form->AddGrowableCol(1);
    auto row = [&](const wxString& text, wxWindow* control, wxWindow* after = nullptr) {
        form->Add(new wxStaticText(parent, wxID_ANY, text), 0, wxALIGN_CENTER_VERTICAL);
        if (!after) {
            form->Add(control, 0, wxEXPAND);
            return;
        }
        auto* line = new wxBoxSizer(wxHORIZONTAL);
        line->Add(control, 0, wxALIGN_CENTER_VERTICAL);
        line->Add(after, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(6));
        form->Add(line, 0, wxEXPAND);
    };

    m_w->count = new wxSpinCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 1, 52,
                                s.session_count);
    m_w->count->SetName("series-count");
    row(_("&Sessions:"), m_w->count);

    wxArrayString frequencies;
    frequencies.Add(_("Weekly"));
    frequencies.Add(_("Twice weekly"));
    frequencies.Add(_("Every N days"));
    m_w->frequency = new wxChoice(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, frequencies);
    m_w->frequency->SetSelection(static_cast<int>(s.frequency));
    row(_("How &often:"), m_w->frequency);

    m_w->interval = new wxSpinCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 1,
                                   60, s.interval_days);
    m_w->interval->Enable(s.frequency == Frequency::every_n_days);
    row(_("&Every:"), m_w->interval, new wxStaticText(parent, wxID_ANY, _("days")));

    m_w->minutes = new wxSpinCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 15,
                                  180, s.session_minutes);
    m_w->minutes->SetIncrement(5);
    row(_("&Length:"), m_w->minutes, new wxStaticText(parent, wxID_ANY, _("minutes")));

    m_w->start_date = new wxDatePickerCtrl(parent, wxID_ANY, to_wx(s.start_date), wxDefaultPosition, wxDefaultSize,
                                           wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    m_w->start_date->SetName("series-start");
    row(_("S&tarting:"), m_w->start_date);

    // Start times every quarter hour within opening hours.
    const auto hours = p.calendar().hours.value_or(OpeningHours{boost::posix_time::hours(0), boost::posix_time::hours(24)});
    wxArrayString times;
    for (Duration t = hours.opens; t + boost::posix_time::minutes(15) <= hours.closes; t += boost::posix_time::minutes(15)) {
        m_w->start_times.push_back(t);
        times.Add(wx(to_hhmm(t)));
    }
    m_w->start_time = new wxChoice(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, times);
    m_w->start_time->SetName("series-time");
    for (std::size_t i = 0; i < m_w->start_times.size(); ++i)
        if (m_w->start_times[i] == s.start_time) m_w->start_time->SetSelection(static_cast<int>(i));
    row(_("&At:"), m_w->start_time);

    m_w->therapist = new wxTextCtrl(parent, wxID_ANY, wx(s.therapist));
    m_w->therapist->SetName("series-therapist");
    row(_("T&herapist:"), m_w->therapist);

    m_w->reassess = new wxChoice(parent, wxID_ANY);
    m_w->reassess->SetName("series-reassess");
    row(_("&Re-assess:"), m_w->reassess);

    wxString open_days;
    const auto& cal = p.calendar();
    for (auto d : cal.closed_weekdays) {
        if (!open_days.empty()) open_days += ", ";
        open_days += wxDateTime::GetWeekDayName(static_cast<wxDateTime::WeekDay>(static_cast<int>(d)),
                                                wxDateTime::Name_Abbr);
    }
    wxString calendar_note = open_days.empty() ? _("Open every day.") : wxString::Format(_("Closed: %s."), open_days);
    if (!cal.holidays.empty())
        calendar_note += " " + wxString::Format(wxPLURAL("%zu holiday on file.", "%zu holidays on file.",
                                                         cal.holidays.size()),
                                                cal.holidays.size());
    if (cal.hours)
        calendar_note += " " + wxString::Format(_("Hours %s-%s."), wx(to_hhmm(cal.hours->opens)),
                                                wx(to_hhmm(cal.hours->closes)));
    auto* calendar_text = new wxStaticText(parent, wxID_ANY, calendar_note);
    calendar_text->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    calendar_text->Wrap(FromDIP(280));

    form_box->Add(form, 0, wxEXPAND | wxALL, FromDIP(6));
    form_box->Add(calendar_text, 0, wxALL, FromDIP(6));

    auto* preview_box = new wxStaticBoxSizer(wxVERTICAL, page, _("Appointments"));
    m_w->appointments = new wxListCtrl(preview_box->GetStaticBox(), wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                       wxLC_REPORT | wxLC_SINGLE_SEL | wxLC_HRULES);
    m_w->appointments->SetName("series-preview");
    m_w->appointments->AppendColumn(_("Appointment"), wxLIST_FORMAT_LEFT,
                                    m_w->appointments->GetTextExtent("00 of 00 -- Wed 2026-12-30 00:00").x +
                                        FromDIP(24));
    m_w->appointments->AppendColumn(_("Note"), wxLIST_FORMAT_LEFT, FromDIP(330));
    // The note takes the width the date leaves.
    m_w->appointments->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        wxListCtrl* list = m_w->appointments;
        list->SetColumnWidth(1, std::max(FromDIP(200), list->GetClientSize().x - list->GetColumnWidth(0)));
    });
    m_w->preview_detail = new wxStaticText(preview_box->GetStaticBox(), wxID_ANY, wxString());
    m_w->preview_detail->SetName("series-preview-detail");
    m_w->preview_status = new wxStaticText(preview_box->GetStaticBox(), wxID_ANY, wxString());
    m_w->preview_status->SetName("series-preview-status");
    auto* legend = new wxBoxSizer(wxHORIZONTAL);
    auto swatch = [&](const wxString& text, const wxColour& ink, const wxColour& back) {
        auto* t = new wxStaticText(preview_box->GetStaticBox(), wxID_ANY, " " + text + " ");
        t->SetForegroundColour(ink);
        t->SetBackgroundColour(back);
        legend->Add(t, 0, wxRIGHT, gap);
    };
    swatch(_("Moved off a closed day"), moved_text, moved_back);
    swatch(_("Clashes with a booking"), clash_text, clash_back);
    preview_box->Add(m_w->appointments, 1, wxEXPAND | wxALL, FromDIP(4));
    preview_box->Add(m_w->preview_detail, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(4));
    preview_box->Add(legend, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(4));
    preview_box->Add(m_w->preview_status, 0, wxEXPAND | wxALL, FromDIP(4));

    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    sizer->Add(form_box, 0, wxEXPAND | wxALL, gap);
    sizer->Add(preview_box, 1, wxEXPAND | wxTOP | wxRIGHT | wxBOTTOM, gap);
    page->SetSizer(sizer);

    auto changed = [this](wxEvent&) { apply_series(); };
    m_w->count->Bind(wxEVT_SPINCTRL, changed);
    m_w->count->Bind(wxEVT_TEXT, changed);
    m_w->frequency->Bind(wxEVT_CHOICE, changed);
    m_w->interval->Bind(wxEVT_SPINCTRL, changed);
    m_w->interval->Bind(wxEVT_TEXT, changed);
    m_w->minutes->Bind(wxEVT_SPINCTRL, changed);
    m_w->minutes->Bind(wxEVT_TEXT, changed);
    m_w->start_date->Bind(wxEVT_DATE_CHANGED, changed);
    m_w->start_time->Bind(wxEVT_CHOICE, changed);
    m_w->therapist->Bind(wxEVT_TEXT, changed);
    // The selected appointment's notes in full: the column cuts long ones short.
    m_w->appointments->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        const auto i = static_cast<std::size_t>(e.GetIndex());
        if (i >= m_w->preview.size()) return;
        const PreviewLine& line = m_w->preview[i];
        wxString text = wx(line.text);
        for (const auto& r : line.remarks) text += "\n" + wx(r);
        m_w->preview_detail->SetLabel(text);
        m_w->preview_detail->Wrap(std::max(FromDIP(200), m_w->appointments->GetClientSize().x));
        m_w->preview_detail->GetContainingSizer()->Layout();
    });
    m_w->reassess->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        const int at = m_w->reassess->GetSelection();
        m_w->presenter.set_reassess_after(at > 0 ? std::optional<int>(at) : std::nullopt);
        refresh_preview();
        after_edit();
    });
    return page;
}

void PlanDialog::apply_series() {
    if (m_w->refreshing) return;
    SeriesSpec s = m_w->presenter.series();
    s.session_count = m_w->count->GetValue();
    s.frequency = static_cast<Frequency>(std::max(0, m_w->frequency->GetSelection()));
    s.interval_days = s.frequency == Frequency::every_n_days ? m_w->interval->GetValue()
                      : s.frequency == Frequency::weekly      ? 7
                                                              : s.interval_days;
    s.session_minutes = m_w->minutes->GetValue();
    s.start_date = to_date(m_w->start_date->GetValue());
    if (const int t = m_w->start_time->GetSelection(); t >= 0)
        s.start_time = m_w->start_times[static_cast<std::size_t>(t)];
    s.therapist = utf8(m_w->therapist->GetValue());
    m_w->interval->Enable(s.frequency == Frequency::every_n_days);
    const int before = m_w->presenter.series().session_count;
    m_w->presenter.set_series(s); // moves a re-assessment past the last session to the last
    if (before != s.session_count) fill_reassess_choice();
    refresh_preview();
    after_edit();
}

void PlanDialog::fill_reassess_choice() {
    const int count = m_w->presenter.series().session_count;
    wxArrayString items;
    items.Add(_("No re-assessment"));
    for (int i = 1; i <= count; ++i) items.Add(wxString::Format(_("After session %d"), i));
    m_w->reassess->Set(items);
    const auto at = m_w->presenter.reassess_after();
    m_w->reassess->SetSelection(at && *at <= count ? *at : 0);
}

void PlanDialog::refresh_preview() {
    wxListCtrl* list = m_w->appointments;
    list->Freeze();
    list->DeleteAllItems();
    m_w->preview_detail->SetLabel(wxString());
    m_w->preview.clear();
    m_w->preview_ok = false;
    try {
        m_w->preview = m_w->presenter.preview();
        m_w->preview_ok = true;
    } catch (const std::exception& e) {
        m_w->preview_status->SetForegroundColour(clash_text);
        m_w->preview_status->SetLabel(error_text(_("No appointments can be made yet."), e));
    }
    int moved = 0, clashes = 0;
    for (std::size_t i = 0; i < m_w->preview.size(); ++i) {
        const PreviewLine& line = m_w->preview[i];
        const long item = list->InsertItem(static_cast<long>(i), wx(line.text));
        wxString remarks;
        for (const auto& r : line.remarks) remarks += (remarks.empty() ? "" : "; ") + wx(r);
        list->SetItem(item, 1, remarks);
        if (line.clash) {
            ++clashes;
            list->SetItemTextColour(item, clash_text);
            list->SetItemBackgroundColour(item, clash_back);
        } else if (line.moved) {
            list->SetItemTextColour(item, moved_text);
            list->SetItemBackgroundColour(item, moved_back);
        }
        if (line.moved) ++moved;
        if (line.reassess) {
            wxFont bold = list->GetFont().Bold();
            list->SetItemFont(item, bold);
        }
    }
    list->Thaw();
    if (m_w->preview_ok) {
        m_w->preview_status->SetForegroundColour(clashes ? clash_text
                                                         : wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
        wxString status = wxString::Format(wxPLURAL("%zu appointment", "%zu appointments", m_w->preview.size()),
                                           m_w->preview.size());
        if (moved) status += ", " + wxString::Format(wxPLURAL("%d moved off a closed day", "%d moved off closed days", moved), moved);
        if (clashes) status += ", " + wxString::Format(wxPLURAL("%d clash", "%d clashes", clashes), clashes);
        m_w->preview_status->SetLabel(status + ".");
    }
    m_w->preview_status->GetContainingSizer()->Layout();
    update_summary();
}

// ---- home care -------------------------------------------------------------------------------

wxWindow* PlanDialog::build_home_care_page(wxWindow* book) {
    const int gap = FromDIP(8);
    auto* page = new wxScrolledWindow(book, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL);
    page->SetScrollRate(0, FromDIP(10));
    auto* grid = new wxFlexGridSizer(2, gap, gap);
    grid->AddGrowableCol(1);
    for (const HomeCareChoice& h : m_w->presenter.home_care()) {
        HomeCareRow row{h.kind};
        row.check = new wxCheckBox(page, wxID_ANY, wx(label(h.kind)));
        row.check->SetValue(h.chosen);
        row.check->Enable(h.can_choose());
        row.text = new wxTextCtrl(page, wxID_ANY, wx(h.instructions), wxDefaultPosition,
                                  wxSize(-1, FromDIP(54)), wxTE_MULTILINE | wxTE_BESTWRAP);
        row.text->Enable(h.chosen);
        grid->Add(row.check, 0, wxTOP, FromDIP(4));
        if (h.can_choose()) {
            grid->Add(row.text, 1, wxEXPAND);
        } else {
            auto* column = new wxBoxSizer(wxVERTICAL);
            auto* why = new wxStaticText(page, wxID_ANY, wx(h.blocked));
            why->SetForegroundColour(clash_text);
            why->Wrap(FromDIP(620));
            column->Add(row.text, 0, wxEXPAND);
            column->Add(why, 0, wxTOP, FromDIP(2));
            grid->Add(column, 1, wxEXPAND);
        }
        const HomeCareKind kind = h.kind;
        row.check->Bind(wxEVT_CHECKBOX, [this, kind, check = row.check, text = row.text](wxCommandEvent&) {
            try {
                m_w->presenter.set_home_care(kind, check->GetValue());
            } catch (const std::exception& e) {
                check->SetValue(false);
                show_error(this, _("This home care cannot be chosen."), e);
            }
            text->Enable(check->GetValue());
            update_summary();
            after_edit();
        });
        row.text->Bind(wxEVT_TEXT, [this, kind, text = row.text](wxCommandEvent&) {
            if (m_w->refreshing) return;
            m_w->presenter.set_home_care_text(kind, utf8(text->GetValue()));
            after_edit();
        });
        m_w->home_care.push_back(row);
    }

    m_w->notes = new wxTextCtrl(page, wxID_ANY, wx(m_w->presenter.notes()), wxDefaultPosition,
                                wxSize(-1, FromDIP(80)), wxTE_MULTILINE | wxTE_BESTWRAP);
    m_w->notes->SetName("plan-notes");
    m_w->notes->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        if (m_w->refreshing) return;
        m_w->presenter.set_notes(utf8(m_w->notes->GetValue()));
        after_edit();
    });
    grid->Add(new wxStaticText(page, wxID_ANY, _("Plan &notes:")), 0, wxTOP, FromDIP(4));
    grid->Add(m_w->notes, 1, wxEXPAND);
    grid->AddGrowableRow(m_w->home_care.size()); // the notes take the height left

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* hint = new wxStaticText(page, wxID_ANY,
                                  _("Tick what the client should do between sessions and adjust the words; they go "
                                    "into the plan and the progress report."));
    hint->Wrap(FromDIP(900));
    sizer->Add(hint, 0, wxALL, gap);
    sizer->Add(grid, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    page->SetSizer(sizer);
    page->FitInside();
    return page;
}

// ---- summary and save -----------------------------------------------------------------------

void PlanDialog::update_summary() {
    if (!m_w->summary) return;
    const PlanPresenter& p = m_w->presenter;
    if (const std::string stop = p.blocker(); !stop.empty()) {
        m_w->summary->SetForegroundColour(clash_text);
        m_w->summary->SetLabel(p.red_flags_stop() ? _("Red flags: refer first. The plan cannot be saved.")
                                                  : _("Assess the client first. The plan cannot be saved."));
        return;
    }
    const auto& t = p.techniques();
    const auto accepted = std::count_if(t.begin(), t.end(), [](const TechniqueChoice& c) { return c.accepted; });
    wxString text = wxString::Format(wxPLURAL("%ld technique", "%ld techniques", accepted), static_cast<long>(accepted));
    text += ", " + wxString::Format(wxPLURAL("%zu goal", "%zu goals", p.goals().size()), p.goals().size());
    text += ", " + wxString::Format(wxPLURAL("%zu region", "%zu regions", p.regions().size()), p.regions().size());
    text += ", " + wxString::Format(wxPLURAL("%d session", "%d sessions", p.series().session_count),
                                    p.series().session_count);
    const auto clashes = std::count_if(m_w->preview.begin(), m_w->preview.end(),
                                       [](const PreviewLine& l) { return l.clash; });
    if (clashes) text += " " + wxString::Format(wxPLURAL("(%ld clash)", "(%ld clashes)", clashes), static_cast<long>(clashes));
    m_w->summary->SetForegroundColour(accepted == 0 || clashes ? clash_text
                                                               : wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
    m_w->summary->SetLabel(accepted == 0 ? text + " - " + _("accept at least one technique") : text);
}

void PlanDialog::on_save() {
    if (m_w->goals->IsCellEditControlEnabled()) m_w->goals->SaveEditControlValue();
    if (!m_w->preview_ok) refresh_preview();
    const auto clashes = std::count_if(m_w->preview.begin(), m_w->preview.end(),
                                       [](const PreviewLine& l) { return l.clash; });
    if (m_w->preview_ok && clashes > 0) {
        wxMessageDialog ask(this,
                            wxString::Format(wxPLURAL("%ld appointment clashes with a booking already made.",
                                                      "%ld appointments clash with bookings already made.", clashes),
                                             static_cast<long>(clashes)) +
                                "\n\n" + _("Book the series anyway? You can move those appointments afterwards."),
                            _("Appointments Clash"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
        ask.SetYesNoLabels(_("&Book Anyway"), _("&Go Back"));
        if (ask.ShowModal() != wxID_YES) {
            m_w->book->SetSelection(page_index(PlanPage::series));
            return;
        }
    }
    try {
        m_saved = m_w->presenter.save();
    } catch (const ValidationError& e) {
        m_w->book->SetSelection(page_index(PlanPresenter::page_of(e.field())));
        show_error(this, _("The plan was not saved."), e);
        return;
    } catch (const std::exception& e) {
        show_error(this, _("The plan was not saved."), e);
        return;
    }
    EndModal(wxID_OK);
}

void PlanDialog::on_cancel() {
    if (m_w->goals->IsCellEditControlEnabled()) m_w->goals->SaveEditControlValue();
    if (m_w->presenter.is_modified() && m_w->presenter.saved_plan() == 0) {
        wxMessageDialog ask(this, _("Discard the changes to this plan?"), _("Treatment Plan"),
                            wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
        ask.SetYesNoLabels(_("&Discard"), _("&Keep Editing"));
        if (ask.ShowModal() != wxID_YES) return;
    }
    EndModal(wxID_CANCEL);
}

// ---- undo and redo --------------------------------------------------------------------------

void PlanDialog::after_edit() {
    if (!m_w->undo_buttons || m_w->refreshing) return;
    m_w->undo_buttons->say(wxString());
    m_w->undo_buttons->update(m_w->presenter.can_undo(), m_w->presenter.undo_label(),
                              m_w->presenter.can_redo(), m_w->presenter.redo_label());
}

void PlanDialog::step(bool undo) {
    wxGrid* goals = m_w->goals;
    if (goals->IsCellEditControlEnabled()) { // the edit in progress becomes a step first
        goals->SaveEditControlValue();
        goals->DisableCellEditControl();
    }
    PlanPresenter& p = m_w->presenter;
    const auto page = undo ? p.undo() : p.redo();
    if (!page) {
        wxBell();
        return;
    }
    refresh_all();
    m_w->undo_buttons->update(p.can_undo(), p.undo_label(), p.can_redo(), p.redo_label());
    m_w->undo_buttons->say(undo ? undone_text(p.redo_label()) : redone_text(p.undo_label()));
    if (m_w->book->GetSelection() != static_cast<int>(*page)) {
        m_w->book->SetSelection(page_index(*page));
        m_w->book->SetFocus(); // on the tab, not in a field where typing would replace text
    }
}

// Every control from the presenter, without recording anything.
void PlanDialog::refresh_all() {
    const PlanPresenter& p = m_w->presenter;
    m_w->refreshing = true;
    for (unsigned row = 0; row < p.techniques().size(); ++row) m_w->technique_model->RowChanged(row);
    show_technique(m_w->shown_technique);
    show_goals();
    for (std::size_t i = 0; i < m_w->regions.size(); ++i) show_region(i);

    const SeriesSpec& s = p.series();
    m_w->count->SetValue(s.session_count);
    m_w->frequency->SetSelection(static_cast<int>(s.frequency));
    m_w->interval->SetValue(s.interval_days);
    m_w->interval->Enable(s.frequency == Frequency::every_n_days);
    m_w->minutes->SetValue(s.session_minutes);
    if (!s.start_date.is_special()) m_w->start_date->SetValue(to_wx(s.start_date));
    for (std::size_t i = 0; i < m_w->start_times.size(); ++i)
        if (m_w->start_times[i] == s.start_time) m_w->start_time->SetSelection(static_cast<int>(i));
    restore_text(*m_w->therapist, wx(s.therapist));

    for (std::size_t i = 0; i < m_w->home_care.size() && i < p.home_care().size(); ++i) {
        const HomeCareRow& row = m_w->home_care[i];
        const HomeCareChoice& h = p.home_care()[i];
        row.check->SetValue(h.chosen);
        restore_text(*row.text, wx(h.instructions));
        row.text->Enable(h.chosen);
    }
    restore_text(*m_w->notes, wx(p.notes()));
    m_w->refreshing = false;
    fill_reassess_choice();
    refresh_preview();
}

} // namespace knotwork::gui
