#include "assessment/assessment_dialog.h"

#include "assessment/assessment_presenter.h"
#include "assessment/body_map_ctrl.h"
#include "common/error.h"
#include "common/error_message.h"
#include "common/red_flag_panel.h"
#include "common/undo_controls.h"
#include "common/wx_text.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dataview.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/grid.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/panel.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <array>
#include <optional>
#include <utility>
#include <vector>

namespace knotwork::gui {

namespace {

const wxColour stop_back{0xb0, 0x00, 0x20}; // the red-flag banner; white text on it reads at better than 7:1
const wxColour improved_ink{0x1b, 0x7a, 0x2e};
const wxColour worse_ink{0xb0, 0x00, 0x20};
const wxColour quiet_ink{0x55, 0x5b, 0x66};

wxDateTime to_wx(const Date& d) {
    return wxDateTime(static_cast<wxDateTime::wxDateTime_t>(d.day()),
                      static_cast<wxDateTime::Month>(d.month() - 1), static_cast<int>(d.year()));
}

Date from_wx(const wxDateTime& t) {
    return Date(static_cast<unsigned short>(t.GetYear()), static_cast<unsigned short>(t.GetMonth() + 1),
                static_cast<unsigned short>(t.GetDay()));
}

// The therapist's own calendar day: an assessment written at 8 am in Auckland is dated that day.
Date today_local() {
    return from_wx(wxDateTime::Today());
}

template <typename E> wxString label_of(E value) {
    return wxGetTranslation(wx(label(value)));
}


enum PalpationColumn {
    col_muscle,
    col_side,
    col_tone,
    col_tender,
    col_trigger,
    col_adhesions,
    col_note,
    col_count
};
constexpr std::array<Side, 3> palpation_sides{Side::left, Side::right, Side::bilateral};

std::vector<BodyRegion> palpation_muscles() {
    std::vector<BodyRegion> out;
    for (const auto& e : enum_entries<BodyRegion>())
        if (!is_spinal(e.value)) out.push_back(e.value);
    return out;
}

// The ODI section labels with their mnemonics (none of S, C, K or a digit, which the dialog's
// buttons and the other boxes on the page use).
wxString odi_label(OdiSection s) {
    switch (s) {
    case OdiSection::pain_intensity:
        return _("&Pain intensity");
    case OdiSection::personal_care:
        return _("Personal c&are");
    case OdiSection::lifting:
        return _("&Lifting");
    case OdiSection::walking:
        return _("&Walking");
    case OdiSection::sitting:
        return _("S&itting");
    case OdiSection::standing:
        return _("Standin&g");
    case OdiSection::sleeping:
        return _("Sl&eeping");
    case OdiSection::sex_life:
        return _("Se&x life");
    case OdiSection::social_life:
        return _("S&ocial life");
    case OdiSection::travelling:
        return _("&Travelling");
    }
    return {};
}

} // namespace

struct AssessmentDialog::Widgets {
    Widgets(db::Database& db, ClientId client, std::optional<AssessmentId> assessment)
        : presenter(db, client, assessment, today_local()) {}

    AssessmentPresenter presenter;
    wxDialog* dialog = nullptr;
    bool loading = true; // controls are being filled: their events are not edits
    std::optional<UndoButtons> undo_buttons;
    wxNotebook* book = nullptr;
    wxPanel* banner = nullptr;
    wxStaticText* banner_text = nullptr;

    // Complaint & pain
    wxDatePickerCtrl* assessed_on = nullptr;
    wxTextCtrl* therapist = nullptr;
    wxTextCtrl* complaint = nullptr;
    wxCheckBox* onset_known = nullptr;
    wxDatePickerCtrl* onset = nullptr;
    wxSpinCtrl* duration = nullptr;
    wxStaticText* duration_class = nullptr;
    wxSpinCtrl* pain_now = nullptr;
    wxSpinCtrl* pain_best = nullptr;
    wxSpinCtrl* pain_worst = nullptr;
    wxStaticText* pain_problem = nullptr;
    wxStaticText* pain_change = nullptr;
    wxTextCtrl* aggravating = nullptr;
    wxTextCtrl* easing = nullptr;
    wxTextCtrl* posture = nullptr;
    wxTextCtrl* range_of_motion = nullptr;
    wxTextCtrl* notes = nullptr;

    // Body map
    BodyMapCtrl* chart = nullptr;
    wxDataViewListCtrl* marked = nullptr;
    std::vector<RegionKey> marked_keys; // one per list row
    wxSpinCtrl* marked_intensity = nullptr;
    wxChoice* marked_quality = nullptr;
    wxButton* marked_remove = nullptr;

    // Palpation
    wxGrid* grid = nullptr;
    wxButton* remove_finding = nullptr;
    std::vector<BodyRegion> muscles = palpation_muscles();

    // Outcome measures
    std::array<wxChoice*, odi_section_count> odi{};
    wxStaticText* odi_score = nullptr;
    wxStaticText* odi_change = nullptr;
    wxCheckBox* rmdq_taken = nullptr;
    std::array<wxCheckBox*, rmdq_item_count> rmdq{};
    wxStaticText* rmdq_score = nullptr;
    wxStaticText* rmdq_change = nullptr;
    std::array<wxTextCtrl*, psfs_max_activities> psfs_name{};
    std::array<wxSpinCtrl*, psfs_max_activities> psfs_rating{};
    wxStaticText* psfs_score = nullptr;
    wxStaticText* psfs_change = nullptr;
    int outcomes_width = -1;

    // Red flags
    wxScrolledWindow* flags_page = nullptr;
    wxStaticText* flags_intro = nullptr;
    std::vector<std::pair<RedFlag, wxCheckBox*>> flags;
    RedFlagPanel* warning = nullptr;
    wxTextCtrl* referred_to = nullptr;
    wxTextCtrl* flag_notes = nullptr;
    int wrapped_width = -1;

    int gap() const { return dialog->FromDIP(6); }

    void build(wxDialog* d);
    wxWindow* build_complaint_page();
    wxWindow* build_body_map_page();
    wxWindow* build_palpation_page();
    wxWindow* build_outcomes_page();
    wxWindow* build_red_flags_page();
    void fill_controls();
    void fill_palpation_row(int row, const PalpationFinding& f);

    void read_form();
    PalpationFinding finding_from_row(int row) const;
    void edited();
    void update_undo();
    void step(HistoryKey key);
    void refresh_pain();
    void refresh_outcomes();
    void refresh_marked();
    void refresh_marked_editors();
    void select_focused_region();
    void refresh_red_flags();
    void rewrap();
    void add_finding();
    void remove_selected_finding();
    void show_page(AssessmentPage page);
    void focus_field(const std::string& field);

    wxStaticText* label(wxWindow* parent, const wxString& text) const {
        return new wxStaticText(parent, wxID_ANY, text);
    }
    wxTextCtrl* text(wxWindow* parent, const wxString& name, int lines = 1) const {
        const long style = lines > 1 ? wxTE_MULTILINE | wxTE_WORDWRAP : 0;
        auto* t = new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition,
                                 wxSize(-1, lines > 1 ? parent->GetCharHeight() * (lines + 1) : -1), style);
        t->SetName(name);
        return t;
    }
    wxSpinCtrl* spin(wxWindow* parent, const wxString& name, int min, int max) const {
        auto* s = new wxSpinCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                 wxSP_ARROW_KEYS, min, max, min);
        s->SetName(name);
        return s;
    }
    wxStaticText* live(wxWindow* parent, bool bold = false) const {
        auto* t = new wxStaticText(parent, wxID_ANY, wxString());
        if (bold) t->SetFont(t->GetFont().Bold());
        return t;
    }
    // Shows a change against the baseline in its verdict's colour, wrapped to the box it sits in.
    void set_change(wxStaticText* target, const std::string& text,
                    const std::optional<OutcomeChange>& change) const {
        target->SetLabel(wxControl::EscapeMnemonics(wx(text)));
        const int width = target->GetParent()->GetClientSize().GetWidth() - 4 * gap();
        if (width > 0) target->Wrap(width);
        if (change)
            target->SetForegroundColour(change->verdict == ChangeVerdict::improved   ? improved_ink
                                        : change->verdict == ChangeVerdict::worsened ? worse_ink
                                                                                     : quiet_ink);
        target->Show(!text.empty());
    }
};

// ---- building ------------------------------------------------------------------------------

void AssessmentDialog::Widgets::build(wxDialog* d) {
    dialog = d;
    auto* outer = new wxBoxSizer(wxVERTICAL);

    // A positive red flag stays in view whatever page is open.
    banner = new wxPanel(d, wxID_ANY);
    banner->SetName("red-flag-banner");
    banner->SetBackgroundColour(stop_back);
    banner_text = new wxStaticText(banner, wxID_ANY, wxString());
    banner_text->SetForegroundColour(*wxWHITE);
    banner_text->SetFont(banner_text->GetFont().Bold());
    auto* bs = new wxBoxSizer(wxHORIZONTAL);
    bs->Add(banner_text, 1, wxALL, gap());
    banner->SetSizer(bs);
    banner->Hide();
    outer->Add(banner, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 2 * gap());

    book = new wxNotebook(d, wxID_ANY);
    book->SetName("assessment-pages");
    book->AddPage(build_complaint_page(), _("Complaint && pain"));
    book->AddPage(build_body_map_page(), _("Body map"));
    book->AddPage(build_palpation_page(), _("Palpation"));
    book->AddPage(build_outcomes_page(), _("Outcome measures"));
    book->AddPage(build_red_flags_page(), _("Red flags"));
    outer->Add(book, 1, wxEXPAND | wxALL, 2 * gap());

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    undo_buttons.emplace(d);
    undo_buttons->add_to(buttons, gap());
    buttons->Add(d->CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxALIGN_CENTER_VERTICAL);
    outer->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 2 * gap());
    d->FindWindow(wxID_OK)->SetLabel(_("&Save"));
    d->SetSizer(outer);
    undo_buttons->undo()->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { step(HistoryKey::undo); });
    undo_buttons->redo()->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { step(HistoryKey::redo); });
}

wxWindow* AssessmentDialog::Widgets::build_complaint_page() {
    auto* page = new wxScrolledWindow(book, wxID_ANY);
    page->SetName("complaint-page");
    page->SetScrollRate(0, dialog->FromDIP(12));
    auto* outer = new wxBoxSizer(wxVERTICAL);

    auto* g = new wxFlexGridSizer(2, gap(), 2 * gap());
    g->AddGrowableCol(1, 1);
    auto row = [&](const wxString& caption, wxWindow* control, int proportion = 0) {
        // A label beside a tall box sits at its first line; beside a one-line box, centred on it.
        const int placement =
            proportion > 0 ? static_cast<int>(wxTOP) : static_cast<int>(wxALIGN_CENTER_VERTICAL);
        g->Add(label(page, caption), 0, wxALIGN_RIGHT | placement, proportion > 0 ? gap() / 2 : 0);
        g->Add(control, proportion, wxEXPAND);
    };
    auto line = [&](std::initializer_list<std::pair<wxWindow*, int>> parts) {
        auto* h = new wxBoxSizer(wxHORIZONTAL);
        for (const auto& [w, border] : parts)
            h->Add(w, 0, wxALIGN_CENTER_VERTICAL | border, 2 * gap());
        return h;
    };

    assessed_on = new wxDatePickerCtrl(page, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize,
                                       wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    assessed_on->SetName("assessed-on");
    g->Add(label(page, _("Assessment &date:")), 0, wxALIGN_RIGHT | wxALIGN_CENTER_VERTICAL);
    g->Add(assessed_on, 0);
    therapist = text(page, "therapist");
    row(_("&Therapist:"), therapist);
    complaint = text(page, "chief-complaint", 3);
    complaint->SetToolTip(_("In the client's words: where, what, since when"));
    row(_("Chief comp&laint:"), complaint, 1);

    onset_known = new wxCheckBox(page, wxID_ANY, _("&Onset date:"));
    onset_known->SetName("onset-known");
    onset = new wxDatePickerCtrl(page, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize,
                                 wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    onset->SetName("onset-date");
    duration = spin(page, "duration-weeks", 0, 5200);
    duration_class = live(page);
    duration_class->SetForegroundColour(quiet_ink);
    g->Add(onset_known, 0, wxALIGN_RIGHT | wxALIGN_CENTER_VERTICAL);
    auto* onset_line = line({{onset, wxRIGHT}, {label(page, _("D&uration (weeks):")), wxRIGHT}});
    onset_line->Add(duration, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap());
    onset_line->Add(duration_class, 1, wxALIGN_CENTER_VERTICAL);
    g->Add(onset_line, 0, wxEXPAND);

    pain_now = spin(page, "pain-now", 0, 10);
    pain_best = spin(page, "pain-best", 0, 10);
    pain_worst = spin(page, "pain-worst", 0, 10);
    g->Add(label(page, _("Pain (0-10):")), 0, wxALIGN_RIGHT | wxALIGN_CENTER_VERTICAL);
    auto* pain_line = new wxBoxSizer(wxHORIZONTAL);
    for (const auto& [caption, control] :
         {std::pair{_("&Now"), pain_now}, std::pair{_("At &best"), pain_best},
          std::pair{_("At &worst"), pain_worst}}) {
        pain_line->Add(label(page, caption), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap());
        pain_line->Add(control, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 3 * gap());
    }
    g->Add(pain_line, 0, wxEXPAND);
    pain_problem = live(page, true);
    pain_problem->SetName("pain-problem");
    pain_problem->SetForegroundColour(worse_ink);
    pain_change = live(page);
    g->AddSpacer(0);
    auto* pain_notes = new wxBoxSizer(wxVERTICAL);
    pain_notes->Add(pain_problem, 0, wxEXPAND);
    pain_notes->Add(pain_change, 0, wxEXPAND);
    g->Add(pain_notes, 0, wxEXPAND);

    aggravating = text(page, "aggravating-factors", 2);
    aggravating->SetToolTip(_("e.g. sitting over 30 minutes, bending, lifting"));
    row(_("&Aggravating factors:"), aggravating, 1);
    easing = text(page, "easing-factors", 2);
    easing->SetToolTip(_("e.g. walking, heat, lying on the side"));
    row(_("&Easing factors:"), easing, 1);
    posture = text(page, "posture", 2);
    row(_("&Posture:"), posture, 1);
    range_of_motion = text(page, "range-of-motion", 2);
    range_of_motion->SetToolTip(_("e.g. flexion to mid-shin, painful right side-bend"));
    row(_("Range of &motion:"), range_of_motion, 1);
    notes = text(page, "notes", 2);
    row(_("Ot&her notes:"), notes, 1);
    for (int r = 0; r < static_cast<int>(g->GetEffectiveRowsCount()); ++r)
        if (r == 2 || r >= 6) g->AddGrowableRow(static_cast<size_t>(r), 1);

    outer->Add(g, 1, wxEXPAND | wxALL, 2 * gap());
    page->SetSizer(outer);

    for (wxTextCtrl* t : {therapist, complaint, aggravating, easing, posture, range_of_motion, notes})
        t->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { edited(); });
    for (wxSpinCtrl* s : {pain_now, pain_best, pain_worst, duration}) {
        const bool is_pain = s != duration;
        s->Bind(wxEVT_SPINCTRL, [this, is_pain](wxSpinEvent&) {
            if (is_pain && !loading) presenter.form().pain_entered = true;
            edited();
        });
        s->Bind(wxEVT_TEXT, [this, is_pain](wxCommandEvent&) {
            if (is_pain && !loading) presenter.form().pain_entered = true;
            edited();
        });
    }
    auto onset_changed = [this] {
        onset->Enable(onset_known->GetValue());
        if (loading) return;
        read_form();
        if (const auto weeks = presenter.weeks_since_onset()) duration->SetValue(*weeks);
        edited();
    };
    onset_known->Bind(wxEVT_CHECKBOX, [onset_changed](wxCommandEvent&) { onset_changed(); });
    onset->Bind(wxEVT_DATE_CHANGED, [onset_changed](wxDateEvent&) { onset_changed(); });
    assessed_on->Bind(wxEVT_DATE_CHANGED, [onset_changed](wxDateEvent&) { onset_changed(); });
    return page;
}

wxWindow* AssessmentDialog::Widgets::build_body_map_page() {
    auto* page = new wxPanel(book, wxID_ANY);
    page->SetName("body-map-page");
    auto* outer = new wxBoxSizer(wxHORIZONTAL);

    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(label(page, _("&Body chart (the client's left and right are marked L and R):")), 0, wxBOTTOM,
              gap());
    chart = new BodyMapCtrl(page, wxID_ANY, presenter.body_map());
    left->Add(chart, 1, wxEXPAND);
    outer->Add(left, 1, wxEXPAND | wxALL, 2 * gap());

    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(label(page, _("Marked re&gions:")), 0, wxBOTTOM, gap() / 2);
    marked = new wxDataViewListCtrl(page, wxID_ANY, wxDefaultPosition, dialog->FromDIP(wxSize(320, 200)),
                                    wxDV_SINGLE | wxDV_ROW_LINES);
    marked->SetName("marked-regions");
    marked->AppendTextColumn(_("Region"), wxDATAVIEW_CELL_INERT, dialog->FromDIP(170));
    marked->AppendTextColumn(_("Pain"), wxDATAVIEW_CELL_INERT, dialog->FromDIP(48), wxALIGN_RIGHT);
    marked->AppendTextColumn(_("Quality"), wxDATAVIEW_CELL_INERT, dialog->FromDIP(90));
    right->Add(marked, 1, wxEXPAND | wxBOTTOM, gap());

    auto* editors = new wxFlexGridSizer(2, gap(), gap());
    editors->AddGrowableCol(1, 1);
    marked_intensity = spin(page, "marked-intensity", 0, 10);
    marked_intensity->SetToolTip(_("0 removes the region from the map"));
    editors->Add(label(page, _("&Intensity:")), 0, wxALIGN_RIGHT | wxALIGN_CENTER_VERTICAL);
    editors->Add(marked_intensity, 0);
    marked_quality = new wxChoice(page, wxID_ANY);
    marked_quality->SetName("marked-quality");
    for (const auto& e : enum_entries<PainQuality>())
        marked_quality->Append(label_of(e.value));
    editors->Add(label(page, _("&Quality:")), 0, wxALIGN_RIGHT | wxALIGN_CENTER_VERTICAL);
    editors->Add(marked_quality, 1, wxEXPAND);
    right->Add(editors, 0, wxEXPAND | wxBOTTOM, gap());
    marked_remove = new wxButton(page, wxID_ANY, _("&Remove from map"));
    right->Add(marked_remove, 0, wxALIGN_RIGHT | wxBOTTOM, 2 * gap());

    auto* help = new wxStaticText(
        page, wxID_ANY,
        _("Click a region to mark it: 3, then 6, then 9, then clear. Right-click clears.\n"
          "Keyboard: Tab and the arrow keys move between regions, 0-9 set the pain, + and - adjust it, "
          "Space steps it, Delete clears it."));
    help->SetForegroundColour(quiet_ink);
    help->Wrap(dialog->FromDIP(300));
    right->Add(help, 0, wxEXPAND);
    outer->Add(right, 0, wxEXPAND | wxTOP | wxBOTTOM | wxRIGHT, 2 * gap());
    page->SetSizer(outer);

    chart->Bind(EVT_BODY_MAP_CHANGED, [this](wxCommandEvent&) {
        refresh_marked();
        select_focused_region(); // so its quality can be set next
        edited();
    });
    marked->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) {
        const int row = marked->GetSelectedRow();
        if (row != wxNOT_FOUND &&
            presenter.body_map().focus_region(marked_keys[static_cast<std::size_t>(row)]))
            chart->refresh_map();
        refresh_marked_editors();
    });
    auto set_intensity = [this] {
        const int row = marked->GetSelectedRow();
        if (row == wxNOT_FOUND || loading) return;
        presenter.body_map().set_intensity(marked_keys[static_cast<std::size_t>(row)],
                                           marked_intensity->GetValue());
        refresh_marked();
        chart->refresh_map();
        edited();
    };
    marked_intensity->Bind(wxEVT_SPINCTRL, [set_intensity](wxSpinEvent&) { set_intensity(); });
    marked_quality->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        const int row = marked->GetSelectedRow();
        const int q = marked_quality->GetSelection();
        if (row == wxNOT_FOUND || q == wxNOT_FOUND) return;
        presenter.body_map().set_quality(marked_keys[static_cast<std::size_t>(row)],
                                         enum_entries<PainQuality>()[static_cast<std::size_t>(q)].value);
        refresh_marked();
        edited();
    });
    marked_remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const int row = marked->GetSelectedRow();
        if (row == wxNOT_FOUND) return;
        presenter.body_map().clear(marked_keys[static_cast<std::size_t>(row)]);
        refresh_marked();
        chart->refresh_map();
        edited();
    });
    return page;
}

wxWindow* AssessmentDialog::Widgets::build_palpation_page() {
    auto* page = new wxPanel(book, wxID_ANY);
    page->SetName("palpation-page");
    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(label(page, _("Palpation &findings (grades: 0 none, 1 mild, 2 moderate, 3 marked):")), 0,
               wxLEFT | wxRIGHT | wxTOP, 2 * gap());

    grid = new wxGrid(page, wxID_ANY);
    grid->SetName("palpation-grid");
    grid->CreateGrid(0, col_count);
    grid->SetTabBehaviour(wxGrid::Tab_Leave);
    grid->SetRowLabelSize(dialog->FromDIP(36));
    const std::array<std::pair<wxString, int>, col_count> columns{{{_("Muscle"), 190},
                                                                   {_("Side"), 90},
                                                                   {_("Hypertonicity"), 90},
                                                                   {_("Tenderness"), 80},
                                                                   {_("Trigger points"), 90},
                                                                   {_("Adhesions"), 76},
                                                                   {_("Note"), 220}}};
    for (int c = 0; c < col_count; ++c) {
        const auto& [caption, width] = columns[static_cast<std::size_t>(c)];
        grid->SetColLabelValue(c, caption);
        // Wide enough for the heading in any language.
        const int heading = grid->GetTextExtent(caption).GetWidth() + dialog->FromDIP(16);
        grid->SetColSize(c, std::max(dialog->FromDIP(width), heading));
    }
    wxArrayString muscle_names, side_names;
    for (BodyRegion m : muscles)
        muscle_names.Add(label_of(m));
    for (Side s : palpation_sides)
        side_names.Add(label_of(s));
    auto column_attr = [&](int col, wxGridCellEditor* editor, wxGridCellRenderer* renderer = nullptr) {
        auto* attr = new wxGridCellAttr;
        attr->SetEditor(editor);
        if (renderer) attr->SetRenderer(renderer);
        if (col != col_muscle && col != col_side && col != col_note)
            attr->SetAlignment(wxALIGN_CENTRE, wxALIGN_CENTRE);
        grid->SetColAttr(col, attr);
    };
    column_attr(col_muscle, new wxGridCellChoiceEditor(muscle_names));
    column_attr(col_side, new wxGridCellChoiceEditor(side_names));
    column_attr(col_tone, new wxGridCellNumberEditor(0, 3), new wxGridCellNumberRenderer);
    column_attr(col_tender, new wxGridCellNumberEditor(0, 3), new wxGridCellNumberRenderer);
    column_attr(col_trigger, new wxGridCellNumberEditor(0, 20), new wxGridCellNumberRenderer);
    column_attr(col_adhesions, new wxGridCellBoolEditor, new wxGridCellBoolRenderer);
    column_attr(col_note, new wxGridCellAutoWrapStringEditor);
    outer->Add(grid, 1, wxEXPAND | wxALL, 2 * gap());

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* add = new wxButton(page, wxID_ANY, _("&Add finding"));
    remove_finding = new wxButton(page, wxID_ANY, _("&Remove finding"));
    buttons->Add(add, 0, wxRIGHT, gap());
    buttons->Add(remove_finding, 0);
    buttons->AddStretchSpacer();
    auto* hint = new wxStaticText(page, wxID_ANY, _("F2 or typing edits a cell; Space ticks adhesions."));
    hint->SetForegroundColour(quiet_ink);
    buttons->Add(hint, 0, wxALIGN_CENTER_VERTICAL);
    outer->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 2 * gap());
    page->SetSizer(outer);

    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_finding(); });
    remove_finding->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { remove_selected_finding(); });
    grid->Bind(wxEVT_GRID_CELL_CHANGED, [this](wxGridEvent& e) {
        const auto row = static_cast<std::size_t>(e.GetRow());
        auto& findings = presenter.form().palpation;
        if (row < findings.size()) findings[row] = finding_from_row(e.GetRow());
        edited();
    });
    return page;
}

wxWindow* AssessmentDialog::Widgets::build_outcomes_page() {
    auto* page = new wxScrolledWindow(book, wxID_ANY);
    page->SetName("outcomes-page");
    page->SetScrollRate(dialog->FromDIP(12), dialog->FromDIP(12));
    auto* outer = new wxBoxSizer(wxVERTICAL);

    const auto& baseline = presenter.baseline();
    auto* baseline_note = new wxStaticText(
        page, wxID_ANY,
        baseline ? wxString::Format(_("Changes are measured against the baseline assessment of %s."),
                                    wx(to_iso(baseline->details().assessed_on)))
                 : _("This is the client's first assessment: later ones will be compared with it."));
    baseline_note->SetForegroundColour(quiet_ink);
    outer->Add(baseline_note, 0, wxLEFT | wxRIGHT | wxTOP, 2 * gap());

    auto* columns = new wxBoxSizer(wxHORIZONTAL);

    // Oswestry: a score per section, or not answered.
    auto* odi_box = new wxStaticBoxSizer(wxVERTICAL, page, _("Oswestry Disability Index"));
    wxWindow* ob = odi_box->GetStaticBox();
    auto* odi_grid = new wxFlexGridSizer(2, gap() / 2, 2 * gap());
    odi_grid->AddGrowableCol(1, 1);
    wxArrayString scores;
    scores.Add(_("Not answered"));
    for (int s = 0; s <= 5; ++s)
        scores.Add(wxString::Format("%d", s));
    for (int i = 0; i < odi_section_count; ++i) {
        const auto section = static_cast<OdiSection>(i);
        auto* choice = new wxChoice(ob, wxID_ANY, wxDefaultPosition, wxDefaultSize, scores);
        choice->SetName(wx("odi-" + std::string(to_code(section))));
        choice->SetSelection(0);
        odi_grid->Add(new wxStaticText(ob, wxID_ANY, odi_label(section) + ":"), 0,
                      wxALIGN_RIGHT | wxALIGN_CENTER_VERTICAL);
        odi_grid->Add(choice, 1, wxEXPAND);
        odi[static_cast<std::size_t>(i)] = choice;
        choice->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { edited(); });
    }
    odi_box->Add(odi_grid, 0, wxEXPAND | wxALL, gap());
    odi_score = live(ob, true);
    odi_score->SetName("odi-score");
    odi_change = live(ob);
    odi_box->Add(odi_score, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap());
    odi_box->Add(odi_change, 0, wxEXPAND | wxALL, gap());
    auto* odi_note = new wxStaticText(ob, wxID_ANY,
                                      _("Score each section 0-5 as the client marked it.\n"
                                        "An unanswered section leaves the total."));
    odi_note->SetForegroundColour(quiet_ink);
    odi_box->Add(odi_note, 0, wxALL, gap());
    columns->Add(odi_box, 0, wxEXPAND | wxRIGHT, 2 * gap());

    auto* right = new wxBoxSizer(wxVERTICAL);

    // Roland-Morris: the items by number only; the wording is licensed and stays on the paper form.
    auto* rmdq_box = new wxStaticBoxSizer(wxVERTICAL, page, _("Roland-Morris Disability Questionnaire"));
    wxWindow* rb = rmdq_box->GetStaticBox();
    rmdq_taken =
        new wxCheckBox(rb, wxID_ANY, _("Roland-Morris ta&ken at this assessment; items the client ticked:"));
    rmdq_taken->SetName("rmdq-taken");
    rmdq_box->Add(rmdq_taken, 0, wxALL, gap());
    auto* items = new wxGridSizer(6, 4, gap() / 2, 2 * gap());
    for (int i = 0; i < rmdq_item_count; ++i) {
        // Column by column: items 1-6 in the first column, as on the form.
        const int item = (i % 4) * 6 + i / 4 + 1;
        auto* box = new wxCheckBox(rb, wxID_ANY, wxString::Format(_("Item %d"), item));
        box->SetName(wxString::Format("rmdq-item-%d", item));
        rmdq[static_cast<std::size_t>(item - 1)] = box;
        box->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { edited(); });
    }
    for (int i = 0; i < rmdq_item_count; ++i) {
        // Added in reading order (row by row) so Tab follows the numbering down each column.
        const int item = (i % 4) * 6 + i / 4 + 1;
        items->Add(rmdq[static_cast<std::size_t>(item - 1)], 0);
    }
    rmdq_box->Add(items, 0, wxLEFT | wxRIGHT | wxBOTTOM, 2 * gap());
    rmdq_score = live(rb, true);
    rmdq_change = live(rb);
    rmdq_box->Add(rmdq_score, 0, wxEXPAND | wxLEFT | wxRIGHT, gap());
    rmdq_box->Add(rmdq_change, 0, wxEXPAND | wxALL, gap());
    rmdq_taken->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { edited(); });
    right->Add(rmdq_box, 0, wxEXPAND | wxBOTTOM, 2 * gap());

    // PSFS: up to five activities the client names, each rated 0 (unable) to 10 (as before).
    auto* psfs_box = new wxStaticBoxSizer(wxVERTICAL, page, _("Patient-Specific Functional Scale"));
    wxWindow* pb = psfs_box->GetStaticBox();
    auto* psfs_note = new wxStaticText(pb, wxID_ANY,
                                       _("Three to five activities the client names; "
                                         "0 = unable, 10 = as before the problem."));
    psfs_note->SetForegroundColour(quiet_ink);
    psfs_box->Add(psfs_note, 0, wxALL, gap());
    auto* rows = new wxFlexGridSizer(4, gap() / 2, gap());
    rows->AddGrowableCol(1, 1);
    for (std::size_t i = 0; i < psfs_max_activities; ++i) {
        const int n = static_cast<int>(i) + 1;
        psfs_name[i] = text(pb, wxString::Format("psfs-activity-%d", n));
        psfs_name[i]->SetHint(i == 0 ? _("e.g. Lifting my daughter") : wxString());
        psfs_rating[i] = spin(pb, wxString::Format("psfs-rating-%d", n), 0, 10);
        rows->Add(new wxStaticText(pb, wxID_ANY, wxString::Format(_("Activity &%d:"), n)), 0,
                  wxALIGN_RIGHT | wxALIGN_CENTER_VERTICAL);
        rows->Add(psfs_name[i], 1, wxEXPAND);
        rows->Add(new wxStaticText(pb, wxID_ANY, _("Rating:")), 0, wxALIGN_CENTER_VERTICAL);
        rows->Add(psfs_rating[i], 0);
        psfs_name[i]->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { edited(); });
        psfs_rating[i]->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { edited(); });
        psfs_rating[i]->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { edited(); });
    }
    psfs_box->Add(rows, 0, wxEXPAND | wxLEFT | wxRIGHT, gap());
    psfs_score = live(pb, true);
    psfs_change = live(pb);
    psfs_box->Add(psfs_score, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap());
    psfs_box->Add(psfs_change, 0, wxEXPAND | wxALL, gap());
    right->Add(psfs_box, 0, wxEXPAND);

    columns->Add(right, 1, wxEXPAND);
    outer->Add(columns, 1, wxEXPAND | wxALL, 2 * gap());
    page->SetSizer(outer);
    page->Bind(wxEVT_SIZE, [this, page](wxSizeEvent& e) {
        e.Skip();
        const int width = page->GetClientSize().GetWidth();
        if (width == outcomes_width) return;
        outcomes_width = width;
        dialog->CallAfter([this] { refresh_outcomes(); }); // rewrap once the boxes have their width
    });
    return page;
}

wxWindow* AssessmentDialog::Widgets::build_red_flags_page() {
    flags_page = new wxScrolledWindow(book, wxID_ANY);
    flags_page->SetName("red-flags-page");
    flags_page->SetScrollRate(0, dialog->FromDIP(12));
    wxWindow* page = flags_page;
    auto* outer = new wxBoxSizer(wxVERTICAL);

    flags_intro = new wxStaticText(page, wxID_ANY, wxString());
    outer->Add(flags_intro, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 2 * gap());
    auto* questions = new wxBoxSizer(wxVERTICAL);
    int n = 0;
    for (const auto& e : enum_entries<RedFlag>()) {
        ++n;
        // "&1. ..." to "1&0. ...": each question has its digit as a mnemonic.
        const wxString number =
            n < 10 ? wxString::Format("&%d.", n) : wxString::Format("%d&%d.", n / 10, n % 10);
        auto* box = new wxCheckBox(
            page, wxID_ANY,
            number + " " + wxControl::EscapeMnemonics(wxGetTranslation(wx(screening_question(e.value)))));
        box->SetName(wx(e.code));
        box->SetToolTip(label_of(e.value));
        flags.emplace_back(e.value, box);
        questions->Add(box, 0, wxBOTTOM, gap() / 2);
        box->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { edited(); });
    }
    outer->Add(questions, 0, wxEXPAND | wxALL, 2 * gap());

    warning = new RedFlagPanel(page);
    outer->Add(warning, 0, wxEXPAND | wxLEFT | wxRIGHT, 2 * gap());

    auto* g = new wxFlexGridSizer(2, gap(), 2 * gap());
    g->AddGrowableCol(1, 1);
    referred_to = text(page, "referred-to");
    referred_to->SetHint(_("e.g. Emergency department; Dr Patel (GP)"));
    g->Add(label(page, _("&Referred to:")), 0, wxALIGN_RIGHT | wxALIGN_CENTER_VERTICAL);
    g->Add(referred_to, 1, wxEXPAND);
    flag_notes = text(page, "red-flag-notes", 3);
    flag_notes->SetToolTip(_("What the client said; what you did"));
    g->Add(label(page, _("Red-flag &notes:")), 0, wxALIGN_RIGHT | wxTOP, gap() / 2);
    g->Add(flag_notes, 1, wxEXPAND);
    g->AddGrowableRow(1, 1);
    outer->Add(g, 1, wxEXPAND | wxALL, 2 * gap());
    page->SetSizer(outer);

    for (wxTextCtrl* t : {referred_to, flag_notes})
        t->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { edited(); });
    page->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        rewrap();
    });
    return page;
}

// ---- form <-> controls ---------------------------------------------------------------------

// Fills every control from the presenter: when the dialog opens, and after an undo or a redo.
void AssessmentDialog::Widgets::fill_controls() {
    loading = true;
    const AssessmentForm& f = presenter.form();
    assessed_on->SetValue(to_wx(f.assessed_on));
    assessed_on->SetRange(wxDefaultDateTime, to_wx(presenter.today()));
    restore_text(*therapist, wx(f.therapist));
    restore_text(*complaint, wx(f.chief_complaint));
    onset_known->SetValue(f.onset_date.has_value());
    onset->SetValue(to_wx(f.onset_date.value_or(f.assessed_on)));
    onset->Enable(f.onset_date.has_value());
    duration->SetValue(f.duration_weeks);
    pain_now->SetValue(f.pain_now);
    pain_best->SetValue(f.pain_best);
    pain_worst->SetValue(f.pain_worst);
    restore_text(*aggravating, wx(f.aggravating_factors));
    restore_text(*easing, wx(f.easing_factors));
    restore_text(*posture, wx(f.posture));
    restore_text(*range_of_motion, wx(f.range_of_motion));
    restore_text(*notes, wx(f.notes));

    if (grid->GetNumberRows() > 0) grid->DeleteRows(0, grid->GetNumberRows());
    grid->AppendRows(static_cast<int>(f.palpation.size()));
    for (std::size_t r = 0; r < f.palpation.size(); ++r)
        fill_palpation_row(static_cast<int>(r), f.palpation[r]);

    for (std::size_t i = 0; i < odi.size(); ++i)
        odi[i]->SetSelection(f.odi[i] ? *f.odi[i] + 1 : 0);
    rmdq_taken->SetValue(f.rmdq_taken);
    for (std::size_t i = 0; i < rmdq.size(); ++i)
        rmdq[i]->SetValue(f.rmdq.test(i));
    for (std::size_t i = 0; i < psfs_max_activities; ++i) {
        restore_text(*psfs_name[i], i < f.psfs.size() ? wx(f.psfs[i].activity) : wxString());
        psfs_rating[i]->SetValue(i < f.psfs.size() ? f.psfs[i].rating : 0);
    }
    for (const auto& [flag, box] : flags)
        box->SetValue(f.red_flags.positive.contains(flag));
    restore_text(*referred_to, wx(f.red_flags.referred_to));
    restore_text(*flag_notes, wx(f.red_flags.notes));
    loading = false;

    chart->refresh_map();
    refresh_marked();
    refresh_pain();
    refresh_outcomes();
    refresh_red_flags();
    update_undo();
}

void AssessmentDialog::Widgets::fill_palpation_row(int row, const PalpationFinding& f) {
    grid->SetCellValue(row, col_muscle, label_of(f.muscle));
    grid->SetCellValue(row, col_side, label_of(f.side));
    grid->SetCellValue(row, col_tone, wxString::Format("%d", f.hypertonicity));
    grid->SetCellValue(row, col_tender, wxString::Format("%d", f.tenderness));
    grid->SetCellValue(row, col_trigger, wxString::Format("%d", f.trigger_points));
    grid->SetCellValue(row, col_adhesions, f.adhesions ? "1" : "");
    grid->SetCellValue(row, col_note, wx(f.note));
}

PalpationFinding AssessmentDialog::Widgets::finding_from_row(int row) const {
    PalpationFinding f = presenter.form().palpation.at(static_cast<std::size_t>(row));
    const wxString muscle = grid->GetCellValue(row, col_muscle);
    for (BodyRegion m : muscles)
        if (label_of(m) == muscle) f.muscle = m;
    const wxString side = grid->GetCellValue(row, col_side);
    for (const auto& e : enum_entries<Side>())
        if (label_of(e.value) == side) f.side = e.value;
    f.hypertonicity = wxAtoi(grid->GetCellValue(row, col_tone));
    f.tenderness = wxAtoi(grid->GetCellValue(row, col_tender));
    f.trigger_points = wxAtoi(grid->GetCellValue(row, col_trigger));
    const wxString adhesions = grid->GetCellValue(row, col_adhesions);
    f.adhesions = !adhesions.empty() && adhesions != "0";
    f.note = utf8(grid->GetCellValue(row, col_note));
    return f;
}

void AssessmentDialog::Widgets::read_form() {
    AssessmentForm& f = presenter.form();
    f.assessed_on = from_wx(assessed_on->GetValue());
    f.therapist = utf8(therapist->GetValue());
    f.chief_complaint = utf8(complaint->GetValue());
    f.onset_date = onset_known->GetValue() ? std::optional<Date>(from_wx(onset->GetValue())) : std::nullopt;
    f.duration_weeks = duration->GetValue();
    f.pain_now = pain_now->GetValue();
    f.pain_best = pain_best->GetValue();
    f.pain_worst = pain_worst->GetValue();
    f.aggravating_factors = utf8(aggravating->GetValue());
    f.easing_factors = utf8(easing->GetValue());
    f.posture = utf8(posture->GetValue());
    f.range_of_motion = utf8(range_of_motion->GetValue());
    f.notes = utf8(notes->GetValue());
    for (std::size_t i = 0; i < odi.size(); ++i) {
        const int choice = odi[i]->GetSelection();
        f.odi[i] = choice > 0 ? std::optional<int>(choice - 1) : std::nullopt;
    }
    f.rmdq_taken = rmdq_taken->GetValue();
    for (std::size_t i = 0; i < rmdq.size(); ++i)
        f.rmdq.set(i, rmdq[i]->GetValue());
    // The rows up to the last one named or rated: a blank form reads back as no PSFS at all.
    std::size_t rows = 0;
    for (std::size_t i = 0; i < psfs_max_activities; ++i)
        if (!psfs_name[i]->IsEmpty() || psfs_rating[i]->GetValue() != 0) rows = i + 1;
    f.psfs.clear();
    for (std::size_t i = 0; i < rows; ++i)
        f.psfs.push_back({utf8(psfs_name[i]->GetValue()), psfs_rating[i]->GetValue()});
    f.red_flags.positive.clear();
    for (const auto& [flag, box] : flags)
        if (box->GetValue()) f.red_flags.positive.insert(flag);
    f.red_flags.referred_to = utf8(referred_to->GetValue());
    f.red_flags.notes = utf8(flag_notes->GetValue());
}

// After an edit: the form takes the controls' values, the edit becomes a step of the history and
// the live results follow.
void AssessmentDialog::Widgets::edited() {
    if (loading) return;
    read_form();
    presenter.record_edit();
    undo_buttons->say(wxString());
    update_undo();
    refresh_pain();
    refresh_outcomes();
    refresh_red_flags();
}

void AssessmentDialog::Widgets::update_undo() {
    undo_buttons->update(presenter.can_undo(), presenter.undo_label(), presenter.can_redo(),
                         presenter.redo_label());
}

// Undo or redo: the form and the body map go back (or forward) a step, every control follows,
// and the page that holds the change comes into view. A mis-click on the body map is undone here.
void AssessmentDialog::Widgets::step(HistoryKey key) {
    if (grid->IsCellEditControlEnabled()) grid->DisableCellEditControl(); // the edit becomes a step
    read_form();
    const auto page = key == HistoryKey::undo ? presenter.undo() : presenter.redo();
    if (!page) {
        wxBell();
        return;
    }
    fill_controls();
    if (*page == AssessmentPage::body_map) select_focused_region(); // the region the step changed
    undo_buttons->say(key == HistoryKey::undo ? undone_text(presenter.redo_label())
                                              : redone_text(presenter.undo_label()));
    if (book->GetSelection() != static_cast<int>(*page)) {
        show_page(*page);
        book->SetFocus(); // on the tab, not in a field where typing would replace text
    }
}

// ---- live results --------------------------------------------------------------------------

void AssessmentDialog::Widgets::refresh_pain() {
    duration_class->SetLabel(wx(presenter.duration_text()));
    pain_problem->SetLabel(wx(presenter.pain_problem()));
    pain_problem->Show(!presenter.pain_problem().empty());
    set_change(pain_change, presenter.change_text(OutcomeMeasure::pain), presenter.pain_change());
    pain_problem->GetParent()->Layout();
}

void AssessmentDialog::Widgets::refresh_outcomes() {
    odi_score->SetLabel(wxControl::EscapeMnemonics(wx(presenter.odi_text())));
    set_change(odi_change, presenter.change_text(OutcomeMeasure::odi), presenter.odi_change());
    for (wxCheckBox* box : rmdq)
        box->Enable(rmdq_taken->GetValue());
    rmdq_score->SetLabel(wxControl::EscapeMnemonics(wx(presenter.rmdq_text())));
    set_change(rmdq_change, presenter.change_text(OutcomeMeasure::rmdq), presenter.rmdq_change());
    psfs_score->SetLabel(wxControl::EscapeMnemonics(wx(presenter.psfs_text())));
    set_change(psfs_change, presenter.change_text(OutcomeMeasure::psfs), presenter.psfs_change());
    auto* page = dynamic_cast<wxScrolledWindow*>(odi_score->GetGrandParent());
    page->Layout();
    page->FitInside();
}

void AssessmentDialog::Widgets::refresh_marked() {
    const int old = marked->GetSelectedRow();
    const bool had_selection = old != wxNOT_FOUND;
    const RegionKey was = had_selection ? marked_keys[static_cast<std::size_t>(old)] : RegionKey{};
    marked->DeleteAllItems();
    marked_keys.clear();
    for (const PainMapEntry& e : presenter.body_map().pain_map()) {
        wxVector<wxVariant> row;
        row.push_back(wx(BodyMapPresenter::region_name({e.region, e.side})));
        row.push_back(wxString::Format("%d/10", e.intensity.value()));
        row.push_back(label_of(e.quality));
        marked->AppendItem(row);
        marked_keys.push_back({e.region, e.side});
    }
    for (std::size_t i = 0; i < marked_keys.size(); ++i)
        if (had_selection && marked_keys[i] == was) marked->SelectRow(static_cast<unsigned>(i));
    const auto count = presenter.body_map().pain_map().size();
    book->SetPageText(static_cast<size_t>(AssessmentPage::body_map),
                      count > 0 ? wxString::Format(_("Body map (%zu)"), count) : _("Body map"));
    refresh_marked_editors();
}

// Selects the list row of the region the chart has focused (the one just changed), if it is marked.
void AssessmentDialog::Widgets::select_focused_region() {
    const auto focus = presenter.body_map().focused();
    if (!focus) return;
    const RegionKey key = body_map_shapes()[*focus].key;
    for (std::size_t i = 0; i < marked_keys.size(); ++i)
        if (marked_keys[i] == key ||
            (marked_keys[i].region == key.region && marked_keys[i].side == Side::bilateral))
            marked->SelectRow(static_cast<unsigned>(i));
    refresh_marked_editors();
}

void AssessmentDialog::Widgets::refresh_marked_editors() {
    const int row = marked->GetSelectedRow();
    const bool any = row != wxNOT_FOUND;
    marked_intensity->Enable(any);
    marked_quality->Enable(any);
    marked_remove->Enable(any);
    if (!any) return;
    const bool was_loading = std::exchange(loading, true);
    const PainMapEntry& e = presenter.body_map().pain_map()[static_cast<std::size_t>(row)];
    marked_intensity->SetValue(e.intensity.value());
    const auto qualities = enum_entries<PainQuality>();
    for (std::size_t i = 0; i < qualities.size(); ++i)
        if (qualities[i].value == e.quality) marked_quality->SetSelection(static_cast<int>(i));
    loading = was_loading;
}

void AssessmentDialog::Widgets::refresh_red_flags() {
    const RedFlagVerdict v = presenter.red_flag_verdict();
    const int positive = static_cast<int>(presenter.form().red_flags.positive.size());
    book->SetPageText(static_cast<size_t>(AssessmentPage::red_flags),
                      positive > 0 ? wxString::Format(_("Red flags (%d)"), positive) : _("Red flags"));
    if (v.stop_treatment)
        banner_text->SetLabel(wxControl::EscapeMnemonics(wxString::Format(
            _("RED FLAGS: DO NOT TREAT. %s. See the Red flags page."), label_of(v.urgency))));
    const wxString reminder = presenter.form().red_flags.referred_to.empty()
                                  ? _("Record below where the client was referred.")
                                  : wxString();
    const bool changed = warning->show_verdict(v, reminder);
    banner->Show(v.stop_treatment);
    wrapped_width = -1;
    rewrap();
    flags_page->FitInside();
    if (changed) dialog->Layout();
}

// Static text wraps only when told the width: rewrap the long texts of the red-flag page to it.
void AssessmentDialog::Widgets::rewrap() {
    const int width = flags_page->GetClientSize().GetWidth() - 8 * gap();
    if (width <= 0 || width == wrapped_width) return;
    wrapped_width = width;
    flags_intro->SetLabel(
        _("Ask each question. A yes to any of them means no massage today: the client is "
          "referred (urgently for the first four, signs of possible cauda equina syndrome)."));
    flags_intro->Wrap(width);
    warning->wrap(width);
    flags_page->Layout();
}

// ---- palpation rows ------------------------------------------------------------------------

void AssessmentDialog::Widgets::add_finding() {
    if (grid->IsCellEditControlEnabled()) grid->DisableCellEditControl();
    // Start from the first muscle marked on the body map and not yet palpated.
    PalpationFinding f{BodyRegion::erector_spinae_lumbar, Side::bilateral, 0, 0, 0, false, {}};
    auto& findings = presenter.form().palpation;
    for (const PainMapEntry& e : presenter.body_map().pain_map()) {
        if (is_spinal(e.region) || e.side == Side::midline) continue;
        const bool done = std::any_of(findings.begin(), findings.end(), [&](const PalpationFinding& p) {
            return p.muscle == e.region && p.side == e.side;
        });
        if (!done) {
            f.muscle = e.region;
            f.side = e.side;
            break;
        }
    }
    findings.push_back(f);
    const int row = grid->GetNumberRows();
    grid->AppendRows(1);
    fill_palpation_row(row, f);
    grid->SetFocus();
    grid->GoToCell(row, col_muscle);
    grid->SelectRow(row);
    edited();
}

void AssessmentDialog::Widgets::remove_selected_finding() {
    if (grid->IsCellEditControlEnabled()) grid->DisableCellEditControl();
    int row = grid->GetGridCursorRow();
    const wxArrayInt selected = grid->GetSelectedRows();
    if (!selected.empty()) row = selected[0];
    auto& findings = presenter.form().palpation;
    if (row < 0 || static_cast<std::size_t>(row) >= findings.size()) return;
    findings.erase(findings.begin() + row);
    grid->DeleteRows(row, 1);
    edited();
}

void AssessmentDialog::Widgets::show_page(AssessmentPage page) {
    book->SetSelection(static_cast<size_t>(page));
}

// Shows the page holding a refused field and puts the cursor in it, where there is one control for it.
void AssessmentDialog::Widgets::focus_field(const std::string& field) {
    show_page(AssessmentPresenter::page_of(field));
    const std::pair<const char*, wxWindow*> controls[] = {
        {"assessment date", assessed_on},
        {"therapist", therapist},
        {"chief complaint", complaint},
        {"onset date", onset},
        {"duration", duration},
        {"pain now", pain_now},
        {"pain best", pain_best},
        {"pain worst", pain_worst},
        {"aggravating factors", aggravating},
        {"easing factors", easing},
        {"posture", posture},
        {"range of motion", range_of_motion},
        {"notes", notes},
        {"referred to", referred_to},
        {"red-flag notes", flag_notes},
        {"PSFS activities", psfs_name[0]},
    };
    for (const auto& [name, control] : controls)
        if (field == name && control->IsEnabled()) control->SetFocus();
    for (std::size_t i = 0; i < odi.size(); ++i)
        if (field == "ODI section \"" + std::string(knotwork::label(static_cast<OdiSection>(i))) + "\"")
            odi[i]->SetFocus();
    for (std::size_t i = 0; i < psfs_max_activities; ++i) {
        const std::string activity = "PSFS activity " + std::to_string(i + 1);
        if (field == activity) psfs_name[i]->SetFocus();
        if (field == activity + " rating") psfs_rating[i]->SetFocus();
    }
    if (AssessmentPresenter::page_of(field) == AssessmentPage::body_map) chart->SetFocus();
    if (AssessmentPresenter::page_of(field) == AssessmentPage::palpation) grid->SetFocus();
}

// ---- the dialog ----------------------------------------------------------------------------

AssessmentDialog::AssessmentDialog(wxWindow* parent, db::Database& db, ClientId client,
                                   std::optional<AssessmentId> assessment)
    : m_w(std::make_unique<Widgets>(db, client, assessment)) { // loads first: no window if it throws
    Create(parent, wxID_ANY, wx(m_w->presenter.title()), wxDefaultPosition, wxDefaultSize,
           wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
    SetName("assessment");
    m_w->build(this);
    m_w->fill_controls();
    SetSize(FromDIP(wxSize(1000, 740)));
    SetMinSize(FromDIP(wxSize(780, 560)));
    CentreOnParent();

    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { save(); }, wxID_OK);
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { cancel(); }, wxID_CANCEL);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { cancel(); });
    // Undo and redo here, before any control sees the keys: the same on every page, the body map
    // and multi-line text included.
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (const HistoryKey key = history_key(e); key != HistoryKey::none)
            m_w->step(key);
        else
            e.Skip();
    });
    m_w->complaint->SetFocus();
}

AssessmentDialog::~AssessmentDialog() {
    // The body chart edits the presenter inside m_w: the windows go first.
    DestroyChildren();
}

void AssessmentDialog::save() {
    Widgets& w = *m_w;
    if (w.grid->IsCellEditControlEnabled()) w.grid->DisableCellEditControl();
    w.read_form();
    try {
        m_saved = w.presenter.save();
    } catch (const ValidationError& e) {
        w.focus_field(e.field());
        show_error(this, _("The assessment could not be saved."), e);
        return;
    } catch (const std::exception& e) {
        show_error(this, _("The assessment could not be saved."), e);
        return;
    }
    close_with(wxID_OK);
}

void AssessmentDialog::cancel() {
    if (m_w->grid->IsCellEditControlEnabled()) m_w->grid->DisableCellEditControl();
    m_w->read_form();
    if (m_w->presenter.is_modified()) {
        wxMessageDialog ask(this,
                            _("Close without saving? What you entered in this assessment will be lost."),
                            _("Knotwork"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
        ask.SetYesNoLabels(_("&Discard"), _("&Keep editing"));
        if (ask.ShowModal() != wxID_YES) return;
    }
    close_with(wxID_CANCEL);
}

void AssessmentDialog::close_with(int code) {
    if (IsModal()) {
        EndModal(code);
        return;
    }
    SetReturnCode(code);
    Hide();
}

} // namespace knotwork::gui
