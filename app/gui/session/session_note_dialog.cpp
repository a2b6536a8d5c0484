#include "session/session_note_dialog.h"

#include "common/error.h"
#include "common/error_message.h"
#include "common/undo_controls.h"
#include "common/wx_text.h"
#include "database.h"
#include "preferences/app_config.h"
#include "session/session_note_presenter.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/datetime.h>
#include <wx/dcclient.h>
#include <wx/ffile.h>
#include <wx/file.h>
#include <wx/filename.h>
#include <wx/grid.h>
#include <wx/msgdlg.h>
#include <wx/panel.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/timer.h>

#include <algorithm>
#include <array>
#include <memory>

namespace knotwork::gui {

namespace {

enum TechniqueColumn { col_technique, col_region, col_side, col_pressure, col_minutes, technique_columns };

constexpr std::array<SoapField, 4> soap_fields{SoapField::subjective, SoapField::objective,
                                               SoapField::assessment, SoapField::plan};
constexpr std::array<AppointmentStatus, 4> statuses{AppointmentStatus::scheduled,
                                                    AppointmentStatus::completed, AppointmentStatus::no_show,
                                                    AppointmentStatus::cancelled};

const wxColour caution_back{0xff, 0xf4, 0xdc};
const wxColour caution_edge{0xe0, 0xa8, 0x30};
const wxColour caution_text{0x5c, 0x3d, 0x00};
const wxColour signed_back{0xe6, 0xf4, 0xea};
const wxColour signed_text{0x1b, 0x5e, 0x20};
const wxColour warning_text{0x9a, 0x4d, 0x00};
const wxColour warning_row{0xff, 0xec, 0xc2};

constexpr int autosave_ms = 15'000;

// Translatable literals stay ASCII: a narrow literal with other characters comes out empty in
// the C locale. Typography is added from UTF-8 here.
wxString em_dash() {
    return wx(" \xE2\x80\x94 ");
}
wxString separator() {
    return wx("  \xC2\xB7  ");
}

wxString soap_label(SoapField f) {
    switch (f) {
    case SoapField::subjective:
        return _("&Subjective");
    case SoapField::objective:
        return _("&Objective");
    case SoapField::assessment:
        return _("&Assessment");
    case SoapField::plan:
        return _("&Plan");
    }
    return {};
}

wxString soap_hint(SoapField f) {
    switch (f) {
    case SoapField::subjective:
        return _("what the client reports");
    case SoapField::objective:
        return _("findings");
    case SoapField::assessment:
        return _("response to treatment");
    case SoapField::plan:
        return _("next focus, home care");
    }
    return {};
}

wxString soap_name(SoapField f) {
    switch (f) {
    case SoapField::subjective:
        return _("Subjective");
    case SoapField::objective:
        return _("Objective");
    case SoapField::assessment:
        return _("Assessment");
    case SoapField::plan:
        return _("Plan");
    }
    return {};
}

// A domain label ("No-show", "Quadratus lumborum") as the user reads it.
template <typename E> wxString shown(E value) {
    return wxGetTranslation(wx(label(value)));
}

// "Tuesday 2 June 2026"
wxString long_date(const Date& d) {
    const wxDateTime dt(static_cast<wxDateTime::wxDateTime_t>(d.day().as_number()),
                        static_cast<wxDateTime::Month>(d.month().as_number() - 1),
                        static_cast<int>(d.year()));
    return wxString::Format("%s %d %s %d", wxDateTime::GetWeekDayName(dt.GetWeekDay()), dt.GetDay(),
                            wxDateTime::GetMonthName(dt.GetMonth()), dt.GetYear());
}

wxStaticText* bold_label(wxWindow* parent, const wxString& text) {
    auto* l = new wxStaticText(parent, wxID_ANY, text);
    l->SetFont(l->GetFont().Bold());
    return l;
}

// A tinted strip with a coloured edge on its left: the cautions, the signature.
struct Strip {
    wxPanel* panel = nullptr;
    wxStaticText* heading = nullptr;
    wxStaticText* body = nullptr;
};

Strip make_strip(wxWindow* parent, const wxColour& back, const wxColour& edge, const wxColour& ink) {
    Strip s;
    s.panel = new wxPanel(parent, wxID_ANY);
    s.panel->SetBackgroundColour(back);
    auto* bar = new wxPanel(s.panel, wxID_ANY, wxDefaultPosition, parent->FromDIP(wxSize(4, -1)));
    bar->SetBackgroundColour(edge);
    s.heading = bold_label(s.panel, wxString());
    s.heading->SetForegroundColour(ink);
    s.body = new wxStaticText(s.panel, wxID_ANY, wxString());
    s.body->SetForegroundColour(ink);
    s.body->SetMinSize(parent->FromDIP(wxSize(120, -1)));
    auto* text = new wxBoxSizer(wxVERTICAL);
    text->Add(s.heading, 0, wxBOTTOM, parent->FromDIP(2));
    text->Add(s.body, 0, wxEXPAND);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(bar, 0, wxEXPAND);
    row->Add(text, 1, wxEXPAND | wxALL, parent->FromDIP(6));
    s.panel->SetSizer(row);
    return s;
}

} // namespace

// Everything the dialog holds besides its base: the presenter, the controls and the handlers.
struct SessionNoteDialog::Widgets {
    SessionNoteDialog* dlg;
    std::unique_ptr<SessionNotePresenter> note;
    std::vector<AppliedTechniqueChoice> technique_choices;
    wxArrayString technique_names, region_names, side_names;

    wxStaticText* title = nullptr;
    wxStaticText* subtitle = nullptr;
    wxChoice* status = nullptr;
    wxTextCtrl* status_reason = nullptr;
    Strip cautions;
    Strip signature;
    std::array<wxTextCtrl*, 4> soap{};
    wxSpinCtrl* pain_before = nullptr;
    wxSpinCtrl* pain_after = nullptr;
    wxCheckBox* before_unrecorded = nullptr;
    wxCheckBox* after_unrecorded = nullptr;
    wxTextCtrl* adverse = nullptr;
    wxTextCtrl* focus = nullptr;
    wxGrid* grid = nullptr;
    wxButton* add_row = nullptr;
    wxButton* remove_row = nullptr;
    wxStaticText* warnings = nullptr;
    wxStaticText* phrases_heading = nullptr;
    wxStaticText* phrases = nullptr;
    wxStaticText* amendments_heading = nullptr;
    wxTextCtrl* amendments = nullptr;
    wxButton* save = nullptr;
    wxButton* sign = nullptr;
    wxButton* amend = nullptr;
    wxStaticText* state = nullptr;
    wxTimer autosave;

    SoapField last_field = SoapField::subjective;
    bool filling = false; // controls are being set from the presenter: ignore their events
    std::string written_snapshot;
    wxString saved_at;

    // The full text of the labels that wrap; Wrap() rewrites a label, so it is re-applied from here.
    wxString cautions_text, warnings_text, phrases_text;
    bool rewrap_pending = false;
    bool discarded = false; // the therapist chose to throw the changes away: keep no copy

    explicit Widgets(SessionNoteDialog* d) : dlg(d), autosave(d) {}

    // ---- Building ------------------------------------------------------------------------------

    void build() {
        wxWindow* w = dlg;
        const int gap = w->FromDIP(8);
        const int small = w->FromDIP(4);

        // Header: who, when, which session; the appointment status on the right.
        title = new wxStaticText(w, wxID_ANY, wx(note->client_name()));
        title->SetFont(title->GetFont().Bold().Scaled(1.35f));
        subtitle = new wxStaticText(w, wxID_ANY, wxString());
        subtitle->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));

        // The note fields come first in the tab order: they are what the therapist types.
        for (std::size_t i = 0; i < soap.size(); ++i) {
            soap[i] = new wxTextCtrl(w, wxID_ANY, wxString(), wxDefaultPosition, w->FromDIP(wxSize(-1, 70)),
                                     wxTE_MULTILINE | wxTE_WORDWRAP);
            soap[i]->SetName(wxString::Format("soap-%zu", i));
        }
        pain_before = new wxSpinCtrl(w, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                     wxSP_ARROW_KEYS, 0, 10, 0);
        pain_before->SetName("pain-before");
        before_unrecorded = new wxCheckBox(w, wxID_ANY, _("not recorded"));
        before_unrecorded->SetName("pain-before-unrecorded");
        pain_after = new wxSpinCtrl(w, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                    wxSP_ARROW_KEYS, 0, 10, 0);
        pain_after->SetName("pain-after");
        after_unrecorded = new wxCheckBox(w, wxID_ANY, _("not recorded"));
        after_unrecorded->SetName("pain-after-unrecorded");
        for (auto* spin : {pain_before, pain_after})
            spin->SetToolTip(_("0 = no pain, 10 = worst imaginable"));
        for (auto* box : {before_unrecorded, after_unrecorded})
            box->SetToolTip(_("Untick to record a score (Alt+B / Alt+F go straight to the score)"));
        adverse = new wxTextCtrl(w, wxID_ANY, wxString(), wxDefaultPosition, w->FromDIP(wxSize(-1, 44)),
                                 wxTE_MULTILINE | wxTE_WORDWRAP);

        grid = new wxGrid(w, wxID_ANY, wxDefaultPosition, w->FromDIP(wxSize(460, 150)));
        grid->SetName("technique-grid");
        build_grid();
        add_row = new wxButton(w, wxID_ANY, _("Add &Row"));
        add_row->SetName("add-technique-row");
        remove_row = new wxButton(w, wxID_ANY, _("Re&move Row"));
        warnings = new wxStaticText(w, wxID_ANY, wxString());
        warnings->SetForegroundColour(warning_text);
        warnings->SetMinSize(w->FromDIP(wxSize(120, -1)));
        warnings->Hide();

        status = new wxChoice(w, wxID_ANY);
        status->SetName("appointment-status");
        for (auto s : statuses)
            status->Append(shown(s));
        status_reason = new wxTextCtrl(w, wxID_ANY);
        status_reason->SetHint(_("Reason for cancelling"));

        focus = new wxTextCtrl(w, wxID_ANY, wxString(), wxDefaultPosition, w->FromDIP(wxSize(-1, 120)),
                               wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP);
        focus->SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_BTNFACE));

        phrases_heading = bold_label(w, wxString());
        phrases = new wxStaticText(w, wxID_ANY, wxString());
        phrases->SetMinSize(w->FromDIP(wxSize(120, -1)));
        amendments_heading = bold_label(w, _("Amendments"));
        amendments = new wxTextCtrl(w, wxID_ANY, wxString(), wxDefaultPosition, w->FromDIP(wxSize(-1, 90)),
                                    wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP);

        save = new wxButton(w, wxID_SAVE, _("Save &Draft"));
        save->SetName("save-draft");
        save->SetToolTip(_("Save the draft (Ctrl+S)"));
        sign = new wxButton(w, wxID_ANY, _("Sig&n Note..."));
        sign->SetName("sign-note");
        sign->SetToolTip(_("Sign the note and lock it for good (Ctrl+Enter)"));
        amend = new wxButton(w, wxID_ANY, _("Add A&mendment..."));
        amend->SetName("add-amendment");
        amend->SetToolTip(_("Append a correction to the signed note"));
        auto* close = new wxButton(w, wxID_CLOSE, _("&Close"));
        state = new wxStaticText(w, wxID_ANY, wxString());
        state->SetName("note-state");
        state->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));

        cautions = make_strip(w, caution_back, caution_edge, caution_text);
        signature = make_strip(w, signed_back, signed_text, signed_text);
        signature.heading->SetName("signature");

        // ---- Layout ----
        auto* header_text = new wxBoxSizer(wxVERTICAL);
        header_text->Add(title);
        header_text->Add(subtitle, 0, wxTOP, small / 2);
        auto* status_row = new wxBoxSizer(wxHORIZONTAL);
        status_row->Add(new wxStaticText(w, wxID_ANY, _("Stat&us:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT,
                        small);
        status_row->Add(status, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, small);
        status_row->Add(status_reason, 0, wxALIGN_CENTER_VERTICAL);
        status_reason->SetMinSize(wxSize(w->FromDIP(200), -1));
        auto* header = new wxBoxSizer(wxHORIZONTAL);
        header->Add(header_text, 1, wxALIGN_CENTER_VERTICAL);
        header->Add(status_row, 0, wxALIGN_CENTER_VERTICAL);

        auto* left = new wxBoxSizer(wxVERTICAL);
        for (std::size_t i = 0; i < soap.size(); ++i) {
            auto* l = bold_label(w, soap_label(soap_fields[i]));
            l->MoveBeforeInTabOrder(soap[i]);
            auto* hint = new wxStaticText(w, wxID_ANY, em_dash() + soap_hint(soap_fields[i]));
            hint->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
            auto* label_row = new wxBoxSizer(wxHORIZONTAL);
            label_row->Add(l, 0, wxALIGN_BOTTOM);
            label_row->Add(hint, 0, wxALIGN_BOTTOM);
            // Pain before belongs to what the client reports, pain after to the response.
            if (soap_fields[i] == SoapField::subjective || soap_fields[i] == SoapField::assessment) {
                const bool before = soap_fields[i] == SoapField::subjective;
                wxSpinCtrl* spin = before ? pain_before : pain_after;
                auto* pain = new wxStaticText(w, wxID_ANY, before ? _("Pain &before:") : _("Pain a&fter:"));
                pain->MoveBeforeInTabOrder(spin);
                label_row->AddStretchSpacer();
                label_row->Add(pain, 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, small);
                label_row->Add(spin, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, small);
                label_row->Add(before ? before_unrecorded : after_unrecorded, 0, wxALIGN_CENTER_VERTICAL);
            }
            left->Add(label_row, 0, wxEXPAND | (i == 0 ? 0 : wxTOP), gap);
            left->Add(soap[i], 1, wxEXPAND | wxTOP, small / 2);
        }
        auto* adverse_label = bold_label(w, _("Ad&verse reactions"));
        adverse_label->MoveBeforeInTabOrder(adverse);
        left->Add(adverse_label, 0, wxTOP, gap);
        left->Add(adverse, 0, wxEXPAND | wxTOP, small / 2);

        auto* right = new wxBoxSizer(wxVERTICAL);
        auto* focus_label = bold_label(w, _("Plan focus"));
        right->Add(focus_label);
        right->Add(focus, 1, wxEXPAND | wxTOP, small / 2);
        auto* techniques_label = bold_label(w, _("&Techniques"));
        techniques_label->MoveBeforeInTabOrder(grid);
        right->Add(techniques_label, 0, wxTOP, gap);
        right->Add(grid, 2, wxEXPAND | wxTOP, small / 2);
        auto* row_buttons = new wxBoxSizer(wxHORIZONTAL);
        row_buttons->Add(add_row, 0, wxRIGHT, small);
        row_buttons->Add(remove_row);
        right->Add(row_buttons, 0, wxTOP, small);
        right->Add(warnings, 0, wxEXPAND | wxTOP, small);
        right->Add(phrases_heading, 0, wxTOP, gap);
        right->Add(phrases, 0, wxEXPAND | wxTOP, small / 2);
        right->Add(amendments_heading, 0, wxTOP, gap);
        right->Add(amendments, 0, wxEXPAND | wxTOP, small / 2);

        auto* body = new wxBoxSizer(wxHORIZONTAL);
        body->Add(left, 1, wxEXPAND | wxRIGHT, 2 * gap);
        body->Add(right, 1, wxEXPAND);

        auto* buttons = new wxBoxSizer(wxHORIZONTAL);
        buttons->Add(save, 0, wxRIGHT, small);
        buttons->Add(sign, 0, wxRIGHT, small);
        buttons->Add(amend, 0, wxRIGHT, small);
        buttons->Add(state, 1, wxALIGN_CENTER_VERTICAL | wxLEFT, gap);
        buttons->Add(close);

        auto* top = new wxBoxSizer(wxVERTICAL);
        top->Add(header, 0, wxEXPAND | wxALL, gap);
        top->Add(cautions.panel, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
        top->Add(signature.panel, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
        top->Add(body, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);
        top->Add(buttons, 0, wxEXPAND | wxALL, gap);
        dlg->SetSizer(top);
    }

    void build_grid() {
        grid->CreateGrid(0, technique_columns);
        grid->SetRowLabelSize(grid->FromDIP(30));
        grid->SetColLabelSize(grid->FromDIP(26));
        grid->SetColLabelValue(col_technique, _("Technique"));
        grid->SetColLabelValue(col_region, _("Region"));
        grid->SetColLabelValue(col_side, _("Side"));
        grid->SetColLabelValue(col_pressure, _("Pressure"));
        grid->SetColLabelValue(col_minutes, _("Minutes"));
        grid->SetTabBehaviour(wxGrid::Tab_Leave);
        grid->DisableDragRowSize();
        grid->SetSelectionMode(wxGrid::wxGridSelectRows);

        for (const auto& c : technique_choices)
            technique_names.Add(wx(c.name));
        for (const auto& e : enum_entries<BodyRegion>())
            region_names.Add(shown(e.value));
        for (const auto& e : enum_entries<Side>())
            side_names.Add(shown(e.value));
        auto column = [this](int col, wxGridCellEditor* editor, bool number) {
            auto* attr = new wxGridCellAttr;
            attr->SetEditor(editor);
            if (number) attr->SetAlignment(wxALIGN_CENTRE, wxALIGN_CENTRE);
            grid->SetColAttr(col, attr);
        };
        column(col_technique, new wxGridCellChoiceEditor(technique_names), false);
        column(col_region, new wxGridCellChoiceEditor(region_names), false);
        column(col_side, new wxGridCellChoiceEditor(side_names), false);
        column(col_pressure, new wxGridCellNumberEditor(Pressure::min, Pressure::max), true);
        column(col_minutes, new wxGridCellNumberEditor(1, 180), true);
    }

    // Side, pressure and minutes get what their headings and values need; technique and region
    // share the rest, whenever the grid is resized.
    void fit_columns() {
        const int width = grid->GetClientSize().x - grid->GetRowLabelSize() - grid->FromDIP(2);
        if (width <= 0) return;
        wxClientDC dc(grid);
        dc.SetFont(grid->GetLabelFont());
        const int pad = grid->FromDIP(12);
        auto need = [&](const wxArrayString& texts, const wxString& heading) {
            int w = dc.GetTextExtent(heading).x;
            for (const auto& t : texts)
                w = std::max(w, dc.GetTextExtent(t).x);
            return w + pad;
        };
        const int side = need(side_names, grid->GetColLabelValue(col_side));
        const int pressure = need({}, grid->GetColLabelValue(col_pressure));
        const int minutes = need({}, grid->GetColLabelValue(col_minutes));
        const int rest = std::max(width - side - pressure - minutes, grid->FromDIP(160));
        grid->SetColSize(col_technique, rest / 2);
        grid->SetColSize(col_region, rest - rest / 2);
        grid->SetColSize(col_side, side);
        grid->SetColSize(col_pressure, pressure);
        grid->SetColSize(col_minutes, minutes);
    }

    void bind() {
        for (std::size_t i = 0; i < soap.size(); ++i) {
            const SoapField f = soap_fields[i];
            soap[i]->Bind(wxEVT_TEXT, [this, i, f](wxCommandEvent&) {
                if (filling) return;
                note->set_text(f, utf8(soap[i]->GetValue()));
                update_state();
            });
            soap[i]->Bind(wxEVT_SET_FOCUS, [this, f](wxFocusEvent& e) {
                last_field = f;
                show_phrases();
                e.Skip();
            });
        }
        adverse->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
            if (filling) return;
            note->set_adverse_reactions(utf8(adverse->GetValue()));
            update_state();
        });
        // The score is only editable while "not recorded" is unticked, so a 0 is never recorded by
        // tabbing through; unticking goes straight to the score.
        auto bind_pain = [this](wxSpinCtrl* spin, wxCheckBox* unrecorded, bool before) {
            auto changed = [this, spin, unrecorded, before] {
                if (filling || unrecorded->GetValue()) return;
                const std::optional<int> v = spin->GetValue();
                before ? note->set_pain_before(v) : note->set_pain_after(v);
                update_state();
            };
            spin->Bind(wxEVT_SPINCTRL, [changed](wxSpinEvent&) { changed(); });
            spin->Bind(wxEVT_TEXT, [changed](wxCommandEvent&) { changed(); });
            unrecorded->Bind(wxEVT_CHECKBOX, [this, spin, unrecorded, before](wxCommandEvent&) {
                const bool recorded = !unrecorded->GetValue();
                before ? note->set_pain_before(recorded ? std::optional<int>(spin->GetValue()) : std::nullopt)
                       : note->set_pain_after(recorded ? std::optional<int>(spin->GetValue()) : std::nullopt);
                spin->Enable(recorded);
                if (recorded) focus_score(spin, unrecorded);
                update_state();
            });
        };
        bind_pain(pain_before, before_unrecorded, true);
        bind_pain(pain_after, after_unrecorded, false);

        status->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { status_changed(); });
        status_reason->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
            if (!filling) status_changed();
        });

        grid->Bind(wxEVT_GRID_CELL_CHANGED, [this](wxGridEvent& e) { cell_changed(e.GetRow()); });
        grid->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
            fit_columns();
            e.Skip();
        });
        add_row->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_add_row(); });
        remove_row->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_remove_row(); });
        save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save_draft(); });
        sign->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_sign(); });
        amend->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_amend(); });
        dlg->Bind(
            wxEVT_BUTTON, [this](wxCommandEvent&) { dlg->Close(); }, wxID_CLOSE);
        dlg->Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) { on_close(e); });
        dlg->Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) { on_key(e); });
        dlg->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
            // After the sizers have placed everything at the new size.
            if (!rewrap_pending) {
                rewrap_pending = true;
                dlg->CallAfter([this] {
                    rewrap_pending = false;
                    rewrap();
                });
            }
            e.Skip();
        });
        dlg->Bind(
            wxEVT_TIMER, [this](wxTimerEvent&) { write_recovery(); }, autosave.GetId());
    }

    // ---- Showing the presenter ---------------------------------------------------------------

    void fill_all() {
        filling = true;
        const Session& s = note->session();
        wxString sub = long_date(s.starts_at().date()) + separator() + wx(note->time_text());
        if (!note->series_text().empty()) sub += separator() + wx(note->series_text());
        if (!s.therapist().empty()) sub += separator() + wxString::Format(_("with %s"), wx(s.therapist()));
        subtitle->SetLabel(sub);

        const auto lines = note->caution_lines();
        cautions.panel->Show(!lines.empty());
        if (!lines.empty()) {
            cautions.heading->SetLabel(
                wx("\xE2\x9A\xA0  ") +
                wxString::Format(_("Cautions: safe maximum pressure %d"), note->max_safe_pressure().value()));
            cautions_text.clear();
            for (const auto& l : lines)
                cautions_text += (cautions_text.empty() ? wxString() : wxString("\n")) + wx(l);
        }
        const std::string focus_text = note->focus_text();
        focus->ChangeValue(focus_text.empty() ? _("This appointment belongs to no treatment plan.")
                                              : wx(focus_text));

        const NoteDraft& d = note->draft();
        for (std::size_t i = 0; i < soap.size(); ++i)
            restore_text(*soap[i], wx(d.text(soap_fields[i])));
        restore_text(*adverse, wx(d.adverse_reactions));
        pain_before->SetValue(d.pain_before.value_or(0));
        before_unrecorded->SetValue(!d.pain_before);
        pain_after->SetValue(d.pain_after.value_or(0));
        after_unrecorded->SetValue(!d.pain_after);
        fill_status();
        fill_grid();

        wxString amended;
        for (const auto& a : s.amendments()) {
            if (!amended.empty()) amended += "\n\n";
            amended += wx(to_iso(a.written_at.date()) + " " + to_hhmm(a.written_at.time_of_day()) + ", " +
                          a.author) +
                       em_dash() + wx(a.reason) + "\n" + wx(a.text);
        }
        amendments->ChangeValue(amended.empty() ? _("No amendments.") : amended);
        filling = false;
        apply_mode();
        show_phrases();
        update_state();
    }

    void fill_status() {
        const NoteDraft& d = note->draft();
        const auto at = std::find(statuses.begin(), statuses.end(), d.status);
        status->SetSelection(static_cast<int>(at - statuses.begin()));
        restore_text(*status_reason, wx(d.status_reason));
        show_reason(d.status == AppointmentStatus::cancelled);
    }

    // The reason field is there only for a cancellation.
    void show_reason(bool shown_) {
        if (status_reason->IsShown() == shown_) return;
        status_reason->Show(shown_);
        dlg->Layout();
    }

    void fill_grid_row(int r, const AppliedTechnique& t) {
        grid->SetCellValue(r, col_technique, wx(note->technique_name(t.technique)));
        grid->SetCellValue(r, col_region, shown(t.region));
        grid->SetCellValue(r, col_side, shown(t.side));
        grid->SetCellValue(r, col_pressure, wxString::Format("%d", t.pressure.value()));
        grid->SetCellValue(r, col_minutes, wxString::Format("%d", t.minutes));
    }

    // Keeps the rows the grid has (and its cursor) where it can.
    void fill_grid() {
        const auto& rows = note->draft().techniques;
        const int want = static_cast<int>(rows.size());
        if (grid->GetNumberRows() > want) grid->DeleteRows(want, grid->GetNumberRows() - want);
        if (grid->GetNumberRows() < want) grid->AppendRows(want - grid->GetNumberRows());
        for (std::size_t r = 0; r < rows.size(); ++r)
            fill_grid_row(static_cast<int>(r), rows[r]);
        show_warnings();
    }

    // Read-only once signed: nothing editable, no Save or Sign, amendments instead.
    void apply_mode() {
        const bool locked = note->is_read_only();
        // Locked text looks locked: the window colour of a read-only field.
        const wxColour field =
            wxSystemSettings::GetColour(locked ? wxSYS_COLOUR_BTNFACE : wxSYS_COLOUR_WINDOW);
        for (auto* t : soap) {
            t->SetEditable(!locked);
            t->SetBackgroundColour(field);
        }
        adverse->SetEditable(!locked);
        adverse->SetBackgroundColour(field);
        for (wxWindow* c : std::initializer_list<wxWindow*>{before_unrecorded, after_unrecorded, status})
            c->Enable(!locked);
        pain_before->Enable(!locked && note->draft().pain_before.has_value());
        pain_after->Enable(!locked && note->draft().pain_after.has_value());
        status_reason->Enable(!locked);
        grid->EnableEditing(!locked);
        add_row->Show(!locked);
        remove_row->Show(!locked);
        save->Show(!locked);
        sign->Show(!locked);
        amend->Show(locked);
        phrases_heading->Show(!locked);
        phrases->Show(!locked);
        amendments_heading->Show(locked);
        amendments->Show(locked);
        signature.panel->Show(locked);
        if (locked) {
            signature.heading->SetLabel(wx(note->signature_text()));
            signature.body->SetLabel(
                _("This note is locked for good. Corrections go in amendments, which keep "
                  "their author, time and reason."));
            dlg->SetTitle(_("Session Note (signed)") + em_dash() + wx(note->client_name()));
        } else {
            dlg->SetTitle(_("Session Note") + em_dash() + wx(note->client_name()));
        }
        dlg->Layout();
        rewrap();
    }

    void show_phrases() {
        if (note->is_read_only()) return;
        phrases_heading->SetLabel(
            wxString::Format(_("Quick phrases for %s (Alt+1 to Alt+9)"), soap_name(last_field)));
        phrases_text.clear();
        const auto list = SessionNotePresenter::quick_phrases(last_field);
        for (std::size_t i = 0; i < list.size(); ++i)
            // A phrase that ends open ("focus on ") shows where the typing continues.
            phrases_text += wxString::Format("Alt+%zu   ", i + 1) + wx(list[i]) +
                            (!list[i].empty() && list[i].back() == ' ' ? wx("\xE2\x80\xA6") : wxString()) +
                            (i + 1 < list.size() ? "\n" : "");
        rewrap();
    }

    void show_warnings() {
        const auto list = note->warnings();
        wxString text;
        std::vector<bool> flagged(static_cast<std::size_t>(grid->GetNumberRows()), false);
        for (const auto& w : list) {
            text += (text.empty() ? wxString() : wxString("\n")) + wx("\xE2\x9A\xA0 ") + wx(w.text);
            if (w.row && *w.row < flagged.size()) flagged[*w.row] = true;
        }
        const wxColour normal = grid->GetDefaultCellBackgroundColour();
        for (int r = 0; r < grid->GetNumberRows(); ++r)
            for (int c = 0; c < technique_columns; ++c)
                grid->SetCellBackgroundColour(r, c,
                                              flagged[static_cast<std::size_t>(r)] ? warning_row : normal);
        grid->ForceRefresh();
        if (warnings_text != text) {
            warnings_text = text;
            warnings->Show(!text.empty());
            rewrap();
        }
    }

    // Wraps the long labels to the width their column now has.
    void rewrap() {
        auto wrap = [](wxStaticText* label, const wxString& text, int width) {
            label->SetLabel(text);
            if (width > 0) label->Wrap(width);
        };
        const int column = grid->GetSize().x;
        wrap(warnings, warnings_text, column);
        wrap(phrases, phrases_text, column);
        wrap(cautions.body, cautions_text, cautions.panel->GetClientSize().x - dlg->FromDIP(24));
        dlg->Layout();
    }

    void update_state() {
        const bool dirty = note->is_dirty();
        save->Enable(dirty || note->has_conflict());
        wxString text;
        if (note->is_read_only())
            text = _("Signed, read-only");
        else if (note->has_conflict())
            text = _("Not saved: the session was changed elsewhere");
        else if (dirty)
            text = _("Unsaved changes");
        else if (!saved_at.empty())
            text = wxString::Format(_("Saved at %s"), saved_at);
        else
            text = _("Ctrl+S saves the draft, Ctrl+Enter signs, Ctrl+Z undoes");
        if (state->GetLabel() != text) state->SetLabel(text);
        if (dirty && !autosave.IsRunning()) autosave.Start(autosave_ms);
    }

    // ---- Editing -----------------------------------------------------------------------------

    void status_changed() {
        if (filling) return;
        const int sel = status->GetSelection();
        if (sel == wxNOT_FOUND) return;
        const AppointmentStatus s = statuses[static_cast<std::size_t>(sel)];
        note->set_status(s, utf8(status_reason->GetValue()));
        show_reason(s == AppointmentStatus::cancelled);
        if (s == AppointmentStatus::cancelled && wxWindow::FindFocus() == status) status_reason->SetFocus();
        update_state();
    }

    void cell_changed(int r) {
        if (filling || r < 0 || r >= static_cast<int>(note->draft().techniques.size())) return;
        AppliedTechnique t = note->draft().techniques[static_cast<std::size_t>(r)];
        const int tech = technique_names.Index(grid->GetCellValue(r, col_technique));
        if (tech != wxNOT_FOUND) t.technique = technique_choices[static_cast<std::size_t>(tech)].code;
        const int region = region_names.Index(grid->GetCellValue(r, col_region));
        if (region != wxNOT_FOUND)
            t.region = enum_entries<BodyRegion>()[static_cast<std::size_t>(region)].value;
        const int side = side_names.Index(grid->GetCellValue(r, col_side));
        if (side != wxNOT_FOUND) t.side = enum_entries<Side>()[static_cast<std::size_t>(side)].value;
        long v = 0;
        if (grid->GetCellValue(r, col_pressure).ToLong(&v))
            t.pressure = Pressure(std::clamp(static_cast<int>(v), Pressure::min, Pressure::max));
        if (grid->GetCellValue(r, col_minutes).ToLong(&v))
            t.minutes = std::clamp(static_cast<int>(v), 1, 180);
        note->set_technique_row(static_cast<std::size_t>(r), t);
        filling = true;
        fill_grid_row(r, t); // shows what was kept when the typed value was out of range
        filling = false;
        show_warnings();
        update_state();
    }

    void on_add_row() {
        try {
            const auto r = static_cast<int>(note->add_technique_row());
            grid->AppendRows(1);
            filling = true;
            fill_grid_row(r, note->draft().techniques.back());
            filling = false;
            show_warnings();
            grid->SetFocus();
            grid->SetGridCursor(r, col_technique);
            grid->MakeCellVisible(r, col_technique);
            update_state();
        } catch (const std::exception& e) {
            show_error(dlg, _("The row could not be added."), e);
        }
    }

    void on_remove_row() {
        const int r = grid->GetGridCursorRow();
        if (r < 0 || r >= grid->GetNumberRows()) return;
        if (grid->IsCellEditControlShown()) grid->DisableCellEditControl();
        note->remove_technique_row(static_cast<std::size_t>(r));
        grid->DeleteRows(r);
        show_warnings();
        if (grid->GetNumberRows() > 0) {
            grid->SetGridCursor(std::min(r, grid->GetNumberRows() - 1), col_technique);
            grid->SetFocus();
        } else {
            add_row->SetFocus();
        }
        update_state();
    }

    void insert_phrase(int number) {
        if (note->is_read_only()) return;
        // The focused field, or the last one the therapist was in.
        std::size_t i = static_cast<std::size_t>(last_field);
        for (std::size_t k = 0; k < soap.size(); ++k)
            if (wxWindow::FindFocus() == soap[k]) i = k;
        wxTextCtrl* field = soap[i];
        long from = 0, to = 0;
        field->GetSelection(&from, &to);
        if (to > from) {
            field->Remove(from, to);
            note->set_text(soap_fields[i], utf8(field->GetValue()));
        }
        const auto result = note->insert_quick_phrase(soap_fields[i], number,
                                                      static_cast<std::size_t>(field->GetInsertionPoint()));
        if (!result) return;
        filling = true;
        field->ChangeValue(wx(result->text));
        filling = false;
        field->SetFocus();
        field->SetInsertionPoint(static_cast<long>(result->caret));
        field->ShowPosition(static_cast<long>(result->caret));
        update_state();
    }

    // Records the score (from "not recorded") and puts the caret on it, ready for a digit.
    void focus_score(wxSpinCtrl* spin, wxCheckBox* unrecorded) {
        if (note->is_read_only()) return;
        if (unrecorded->GetValue()) {
            unrecorded->SetValue(false);
            spin->Enable();
            spin == pain_before ? note->set_pain_before(spin->GetValue())
                                : note->set_pain_after(spin->GetValue());
            update_state();
        }
        spin->SetFocus();
        spin->SetSelection(-1, -1);
    }

    void focus_field(wxWindow* target) {
        target->SetFocus();
        if (auto* text = dynamic_cast<wxTextCtrl*>(target)) text->SetInsertionPointEnd();
    }

    // Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y: the draft goes back (or forward) a step and every control
    // follows it; the status line says what was undone. A grid edit in progress becomes a step
    // first, so Ctrl+Z in a cell takes it back.
    void on_history(HistoryKey key) {
        commit_grid_edit();
        const bool stepped = key == HistoryKey::undo ? note->undo() : note->redo();
        if (!stepped) {
            wxBell();
            return;
        }
        fill_all();
        state->SetLabel(key == HistoryKey::undo
                            ? undone_text(note->redo_label()) + "  " + _("(Ctrl+Y redoes)")
                            : redone_text(note->undo_label()));
    }

    void on_key(wxKeyEvent& e) {
        if (const HistoryKey history = history_key(e); history != HistoryKey::none) {
            on_history(history);
            return;
        }
        const int key = e.GetKeyCode();
        const int mods = e.GetModifiers();
        if (mods == wxMOD_CONTROL && (key == 'S' || key == 's')) {
            save_draft();
            return;
        }
        if (mods == wxMOD_CONTROL && (key == WXK_RETURN || key == WXK_NUMPAD_ENTER)) {
            on_sign();
            return;
        }
        if (mods == wxMOD_ALT) {
            if (key >= '1' && key <= '9') {
                insert_phrase(key - '0');
                return;
            }
            if (key >= WXK_NUMPAD1 && key <= WXK_NUMPAD9) {
                insert_phrase(key - WXK_NUMPAD0);
                return;
            }
            wxWindow* target = nullptr;
            switch (key >= 'a' && key <= 'z' ? key - 'a' + 'A' : key) {
            case 'S':
                target = soap[0];
                break;
            case 'O':
                target = soap[1];
                break;
            case 'A':
                target = soap[2];
                break;
            case 'P':
                target = soap[3];
                break;
            case 'B':
                focus_score(pain_before, before_unrecorded);
                return;
            case 'F':
                focus_score(pain_after, after_unrecorded);
                return;
            case 'V':
                target = adverse;
                break;
            case 'T':
                target = grid;
                break;
            case 'U':
                target = status;
                break;
            default:
                break;
            }
            if (target) {
                focus_field(target);
                return;
            }
        }
        if (key == WXK_ESCAPE && mods == wxMOD_NONE && !grid->IsCellEditControlShown()) {
            dlg->Close();
            return;
        }
        e.Skip();
    }

    // ---- Saving, signing, amending ------------------------------------------------------------

    // Ends a grid edit in progress so its value reaches the presenter.
    void commit_grid_edit() {
        if (grid->IsCellEditControlShown()) grid->SaveEditControlValue();
        if (grid->IsCellEditControlEnabled()) grid->DisableCellEditControl();
    }

    // True when the draft is stored (or there was nothing to store).
    bool save_draft() {
        commit_grid_edit();
        if (note->is_read_only()) return true;
        return attempt(_("The note could not be saved."), [this] { note->save_draft(); });
    }

    // Runs a write; handles conflicts and refusals without losing the draft.
    template <typename Write> bool attempt(const wxString& what_failed, Write write) {
        try {
            write();
        } catch (const ConflictError& e) {
            write_recovery();
            update_state();
            return resolve_conflict(e);
        } catch (const LockedRecordError& e) {
            write_recovery();
            show_error(dlg, what_failed, e);
            if (note->has_conflict()) {
                note->adopt_stored_version();
                fill_all();
                wxMessageBox(
                    wxString::Format(_("The note you see now is the signed one. The text you had typed is "
                                       "kept in\n%s\nso you can copy it into an amendment."),
                                     recovery_path().GetFullPath()),
                    _("Session Note"), wxOK | wxICON_INFORMATION, dlg);
            }
            update_state();
            return false;
        } catch (const std::exception& e) {
            write_recovery(); // a full disk or a read-only file: the text stays safe on the side
            show_error(dlg, what_failed, e);
            update_state();
            return false;
        }
        saved_at = wxDateTime::Now().Format("%H:%M");
        remove_recovery();
        fill_all();
        return true;
    }

    bool resolve_conflict(const ConflictError& e) {
        wxMessageDialog ask(
            dlg,
            error_text(_("The note was not saved: someone changed this session in another window or "
                         "on another computer since you opened it."),
                       e) +
                "\n\n" +
                _("Your text is still here and has not been lost. Save it over the other change, "
                  "or cancel and copy what you need first."),
            _("Session Note"), wxOK | wxCANCEL | wxICON_WARNING);
        ask.SetOKCancelLabels(_("Save &Mine"), _("Cancel"));
        if (ask.ShowModal() != wxID_OK) return false;
        try {
            if (!note->adopt_stored_version()) {
                fill_all();
                wxMessageBox(
                    _("The note was signed elsewhere in the meantime, so it can no longer be changed. Your "
                      "text is kept in a recovery file; add it as an amendment if it is needed."),
                    _("Session Note"), wxOK | wxICON_INFORMATION, dlg);
                return false;
            }
        } catch (const std::exception& err) {
            show_error(dlg, _("The session could not be reloaded."), err);
            return false;
        }
        return attempt(_("The note could not be saved."), [this] { note->save_draft(); });
    }

    wxString signer() const {
        const std::string& t = note->session().therapist();
        return t.empty() ? wx(dlg->m_db.actor()) : wx(t);
    }

    void on_sign() {
        commit_grid_edit();
        if (note->is_read_only()) return;
        if (const auto problem = note->sign_problem()) {
            wxMessageBox(wx(*problem), _("Sign Note"), wxOK | wxICON_WARNING, dlg);
            return;
        }
        wxString message =
            wxString::Format(_("Sign this note as %s?\n\nA signed note is locked for good: it can "
                               "never be edited again, only corrected with amendments."),
                             signer());
        const auto list = note->warnings();
        if (!list.empty()) {
            message += "\n\n" + wxString(_("Please check first:"));
            for (const auto& w : list)
                message += "\n" + wx("\xE2\x80\xA2 ") + wx(w.text);
        }
        wxMessageDialog ask(dlg, message, _("Sign Note"),
                            wxOK | wxCANCEL | (list.empty() ? wxICON_QUESTION : wxICON_WARNING));
        ask.SetOKCancelLabels(_("&Sign and Lock"), _("Cancel"));
        if (ask.ShowModal() != wxID_OK) return;
        const std::string by = utf8(signer());
        if (attempt(_("The note could not be signed."), [this, &by] { note->sign(by); })) amend->SetFocus();
    }

    void on_amend() {
        wxDialog ask(dlg, wxID_ANY, _("Add Amendment"), wxDefaultPosition, wxDefaultSize,
                     wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
        auto* intro = new wxStaticText(&ask, wxID_ANY,
                                       _("The signed note stays as it is. The amendment is appended with its "
                                         "author, the time and your reason."));
        auto* author = new wxTextCtrl(&ask, wxID_ANY, signer());
        auto* reason = new wxTextCtrl(&ask, wxID_ANY);
        reason->SetHint(_("e.g. wrong side recorded"));
        auto* text = new wxTextCtrl(&ask, wxID_ANY, wxString(), wxDefaultPosition,
                                    ask.FromDIP(wxSize(480, 160)), wxTE_MULTILINE | wxTE_WORDWRAP);
        auto* form = new wxFlexGridSizer(2, ask.FromDIP(wxSize(8, 8)));
        form->AddGrowableCol(1);
        form->AddGrowableRow(2);
        form->Add(new wxStaticText(&ask, wxID_ANY, _("A&uthor:")), 0, wxALIGN_CENTER_VERTICAL);
        form->Add(author, 1, wxEXPAND);
        form->Add(new wxStaticText(&ask, wxID_ANY, _("&Reason:")), 0, wxALIGN_CENTER_VERTICAL);
        form->Add(reason, 1, wxEXPAND);
        form->Add(new wxStaticText(&ask, wxID_ANY, _("&Correction:")), 0, wxALIGN_TOP);
        form->Add(text, 1, wxEXPAND);
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(intro, 0, wxEXPAND | wxALL, ask.FromDIP(10));
        sizer->Add(form, 1, wxEXPAND | wxLEFT | wxRIGHT, ask.FromDIP(10));
        sizer->Add(ask.CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, ask.FromDIP(10));
        ask.SetSizerAndFit(sizer);
        intro->Wrap(text->GetSize().x + ask.FromDIP(80));
        ask.Fit();
        ask.FindWindow(wxID_OK)->SetLabel(_("&Add Amendment"));
        reason->SetFocus();
        ask.Bind(
            wxEVT_BUTTON,
            [&](wxCommandEvent&) {
                // Only a stored amendment closes the dialog; a refusal keeps what was typed.
                try {
                    note->add_amendment(utf8(author->GetValue()), utf8(reason->GetValue()),
                                        utf8(text->GetValue()));
                } catch (const std::exception& e) {
                    show_error(&ask, _("The amendment could not be added."), e);
                    return;
                }
                ask.EndModal(wxID_OK);
            },
            wxID_OK);
        if (ask.ShowModal() == wxID_OK) {
            fill_all();
            amendments->ShowPosition(amendments->GetLastPosition());
        }
    }

    // ---- Closing -----------------------------------------------------------------------------

    void on_close(wxCloseEvent& e) {
        commit_grid_edit();
        if (note && note->is_dirty() && e.CanVeto()) {
            wxMessageDialog ask(dlg, _("This note has changes that are not saved. Save them before closing?"),
                                _("Session Note"), wxYES_NO | wxCANCEL | wxICON_QUESTION);
            ask.SetYesNoCancelLabels(_("&Save"), _("&Discard"), _("Cancel"));
            switch (ask.ShowModal()) {
            case wxID_YES:
                if (!save_draft()) {
                    e.Veto();
                    return;
                }
                break;
            case wxID_NO:
                discarded = true;
                remove_recovery();
                break;
            default:
                e.Veto();
                return;
            }
        }
        autosave.Stop();
        if (dlg->IsModal())
            dlg->EndModal(wxID_CLOSE);
        else
            dlg->Hide();
    }

    // ---- Recovery copy of unsaved text ----------------------------------------------------------

    wxFileName recovery_path() const {
        wxFileName dir = wxFileName::DirName(AppConfig::data_folder());
        dir.AppendDir("recovery");
        return wxFileName(dir.GetPath(), wx(note->recovery_file_name()));
    }

    // Writes the draft when it differs from what is stored and from the last copy written.
    void write_recovery() {
        if (!note || !note->is_dirty() || discarded) return;
        const std::string snapshot = note->draft_snapshot();
        if (snapshot == written_snapshot) return;
        const wxFileName path = recovery_path();
        if (!wxFileName::DirExists(path.GetPath()))
            wxFileName::Mkdir(path.GetPath(), 0700, wxPATH_MKDIR_FULL);
        wxFile file;
        const wxString temp = path.GetFullPath() + ".new";
        if (!file.Create(temp, true, wxS_IRUSR | wxS_IWUSR)) return;
        const bool ok = file.Write(snapshot.data(), snapshot.size()) == snapshot.size() && file.Flush();
        file.Close();
        if (ok && wxRenameFile(temp, path.GetFullPath(), true)) written_snapshot = snapshot;
    }

    void remove_recovery() {
        autosave.Stop();
        written_snapshot.clear();
        const wxString path = recovery_path().GetFullPath();
        if (wxFileExists(path)) wxRemoveFile(path);
    }

    // Offers text a crash or power cut left behind for this note.
    void offer_recovery() {
        const wxFileName path = recovery_path();
        if (!path.FileExists()) return;
        wxFFile file(path.GetFullPath(), "rb");
        std::string snapshot;
        if (file.IsOpened()) {
            snapshot.resize(static_cast<std::size_t>(std::max<wxFileOffset>(0, file.Length())));
            snapshot.resize(file.Read(snapshot.data(), snapshot.size()));
            file.Close();
        }
        if (!note->snapshot_differs(snapshot)) {
            wxRemoveFile(path.GetFullPath()); // the same as what is stored: nothing to offer
            return;
        }
        const wxString when = path.GetModificationTime().Format("%Y-%m-%d %H:%M");
        if (note->is_read_only()) {
            wxMessageBox(
                wxString::Format(_("Text typed into this note on %s was never saved, and the note has since "
                                   "been signed. The text is kept in\n%s\nso you can copy it into an "
                                   "amendment."),
                                 when, path.GetFullPath()),
                _("Session Note"), wxOK | wxICON_INFORMATION, dlg);
            return;
        }
        wxMessageDialog ask(
            dlg,
            wxString::Format(_("This note has text from %s that was never saved (the program may "
                               "have closed unexpectedly). Restore it?"),
                             when),
            _("Session Note"), wxYES_NO | wxICON_QUESTION);
        ask.SetYesNoLabels(_("&Restore"), _("&Discard"));
        if (ask.ShowModal() == wxID_YES && note->restore_snapshot(snapshot)) {
            fill_all();
            written_snapshot = snapshot;
            focus_field(soap[static_cast<std::size_t>(last_field)]);
            state->SetLabel(_("Unsaved text restored: review it, then save"));
        } else {
            remove_recovery();
        }
    }
};

SessionNoteDialog::SessionNoteDialog(wxWindow* parent, db::Database& db, SessionId session)
    : wxDialog(parent, wxID_ANY, _("Session Note"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER | wxMAXIMIZE_BOX),
      m_db(db), m_session(session), m_w(new Widgets(this)) {
    SetName("session-note");
    try {
        m_w->note = std::make_unique<SessionNotePresenter>(db, session);
    } catch (const std::exception& e) {
        show_error(parent, _("The session could not be opened."), e);
        CallAfter([this] { EndModal(wxID_CANCEL); });
        return;
    }
    m_w->technique_choices = m_w->note->technique_choices();
    m_w->build();
    m_w->bind();
    m_w->fill_all();

    SetMinSize(FromDIP(wxSize(860, 600)));
    SetSize(FromDIP(wxSize(1180, 760)));
    CentreOnParent();
    if (m_w->note->is_read_only())
        m_w->amend->SetFocus();
    else
        m_w->focus_field(m_w->soap[0]);
    CallAfter([this] { m_w->offer_recovery(); });
}

SessionNoteDialog::~SessionNoteDialog() {
    // A last copy of anything unsaved, should the window go away without asking.
    m_w->autosave.Stop();
    m_w->write_recovery();
    delete m_w;
}

} // namespace knotwork::gui
