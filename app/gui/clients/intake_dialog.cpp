#include "clients/intake_dialog.h"

#include "clients/intake_presenter.h"
#include "common/error.h"
#include "common/error_message.h"
#include "common/red_flag_panel.h"
#include "common/text.h"
#include "common/undo_controls.h"
#include "common/wx_text.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/dataview.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/display.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/panel.h>
#include <wx/radiobox.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include <algorithm>
#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace knotwork::gui {

namespace {

wxDateTime to_wx(const std::optional<Date>& d) {
    if (!d || d->is_special()) return wxDefaultDateTime;
    return wxDateTime(static_cast<wxDateTime::wxDateTime_t>(d->day()),
                      static_cast<wxDateTime::Month>(d->month() - 1), static_cast<int>(d->year()));
}

std::optional<Date> from_wx(const wxDateTime& t) {
    if (!t.IsValid()) return std::nullopt;
    return Date(static_cast<unsigned short>(t.GetYear()), static_cast<unsigned short>(t.GetMonth() + 1),
                static_cast<unsigned short>(t.GetDay()));
}

// The translated label of a domain enum value ("Desk work").
template <typename E> wxString label_of(E value) {
    return wxGetTranslation(wx(label(value)));
}

template <typename E> int index_of(E value) {
    const auto entries = enum_entries<E>();
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (entries[i].value == value) return static_cast<int>(i);
    return 0;
}

template <typename E> E value_at(int index) {
    const auto entries = enum_entries<E>();
    if (index < 0 || static_cast<std::size_t>(index) >= entries.size()) return entries.front().value;
    return entries[static_cast<std::size_t>(index)].value;
}

template <typename E> wxArrayString labels_of() {
    wxArrayString out;
    for (const auto& e : enum_entries<E>())
        out.Add(wxGetTranslation(wx(e.label)));
    return out;
}

const wxString bullet = wxString::FromUTF8("\xE2\x80\xA2 ");

wxString flags_intro_text() {
    return _("Ask the client every question. A \"yes\" to any of them means: do not treat, refer the client, "
             "and record the referral below.");
}

} // namespace

struct IntakeDialog::Widgets {
    IntakeDialog& dialog;
    IntakePresenter presenter;

    wxNotebook* book = nullptr;
    // Identity & contact
    wxTextCtrl* family = nullptr;
    wxTextCtrl* given = nullptr;
    wxTextCtrl* preferred = nullptr;
    wxDatePickerCtrl* born = nullptr;
    wxTextCtrl* phone = nullptr;
    wxTextCtrl* email = nullptr;
    wxTextCtrl* address = nullptr;
    wxTextCtrl* ec_name = nullptr;
    wxTextCtrl* ec_phone = nullptr;
    wxTextCtrl* referral = nullptr;
    wxTextCtrl* physician = nullptr;
    wxTextCtrl* occupation = nullptr;
    wxChoice* activity = nullptr;
    // Health history
    wxCheckListBox* conditions = nullptr;
    wxDataViewListCtrl* medications = nullptr;
    wxChoice* med_class = nullptr;
    wxTextCtrl* med_name = nullptr;
    wxButton* med_add = nullptr;
    wxButton* med_change = nullptr;
    wxButton* med_remove = nullptr;
    wxTextCtrl* allergies = nullptr;
    wxTextCtrl* health_notes = nullptr;
    wxTextCtrl* cautions = nullptr;
    // Preferences & consent
    wxRadioBox* pressure = nullptr;
    wxTextCtrl* sensitive = nullptr;
    wxCheckBox* consent = nullptr;
    wxDatePickerCtrl* consent_date = nullptr;
    // Red flags
    wxScrolledWindow* flags_page = nullptr;
    wxStaticText* flags_intro = nullptr;
    std::vector<std::pair<RedFlag, wxCheckBox*>> flags;
    RedFlagPanel* warning = nullptr;
    wxTextCtrl* flag_notes = nullptr;
    wxTextCtrl* referred_to = nullptr;
    wxDatePickerCtrl* screened_on = nullptr;

    std::map<IntakeField, wxWindow*> field_controls;
    struct MnemonicTarget {
        IntakePage page;
        int key; // upper-case letter
        wxWindow* target;
    };
    std::vector<MnemonicTarget> mnemonic_targets;
    std::vector<wxStaticText*> page_labels; // the labels of the page being built, to align
    int wrapped_width = -1;
    std::optional<UndoButtons> undo_buttons;
    bool loading = false; // the controls are being filled from the form: their events are not edits

    Widgets(IntakeDialog& d, IntakePresenter p) : dialog(d), presenter(std::move(p)) {}

    int gap() const { return dialog.FromDIP(6); }
    int lines(int n) const { return n * dialog.GetCharHeight() + dialog.FromDIP(10); }

    // A labelled row in a two-column grid. The label is created just before its control, so GTK
    // makes it the control's mnemonic label and accessible name.
    wxStaticText* label(wxWindow* parent, wxFlexGridSizer* grid, const wxString& text, bool top = false) {
        auto* l = new wxStaticText(parent, wxID_ANY, text);
        grid->Add(l, 0, (top ? wxALIGN_TOP | wxTOP : wxALIGN_CENTER_VERTICAL) | wxALIGN_RIGHT,
                  top ? gap() / 2 : 0);
        page_labels.push_back(l);
        return l;
    }
    // One label width for the whole page, so its fields line up from group to group.
    void align_labels() {
        int width = 0;
        for (auto* l : page_labels)
            width = std::max(width, l->GetBestSize().x);
        for (auto* l : page_labels)
            l->SetMinSize(wxSize(width, -1));
        page_labels.clear();
    }
    wxTextCtrl* text(wxWindow* parent, wxFlexGridSizer* grid, const wxString& caption, const char* name,
                     IntakeField field, int rows = 1) {
        label(parent, grid, caption, rows > 1);
        auto* t = new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                 rows > 1 ? wxTE_MULTILINE : 0);
        t->SetName(name);
        if (rows > 1) t->SetMinSize(wxSize(-1, lines(rows)));
        grid->Add(t, 1, wxEXPAND);
        if (field != IntakeField::none) field_controls[field] = t;
        return t;
    }
    wxDatePickerCtrl* date(wxWindow* parent, wxFlexGridSizer* grid, const wxString& caption, const char* name,
                           IntakeField field) {
        label(parent, grid, caption);
        auto* d = new wxDatePickerCtrl(parent, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize,
                                       wxDP_DROPDOWN | wxDP_SHOWCENTURY | wxDP_ALLOWNONE);
        d->SetName(name);
        d->SetMinSize(wxSize(dialog.GetTextExtent("0000-00-00").x + dialog.FromDIP(48), -1));
        grid->Add(d, 0);
        field_controls[field] = d;
        return d;
    }
    wxFlexGridSizer* grid() const {
        auto* g = new wxFlexGridSizer(2, gap(), 2 * gap());
        g->AddGrowableCol(1, 1);
        return g;
    }
    // A titled group holding a grid; returns the box (the parent of the grid's controls).
    wxStaticBox* group(wxWindow* parent, wxSizer* into, const wxString& title, wxFlexGridSizer*& grid_out,
                       int proportion = 0) {
        auto* box = new wxStaticBoxSizer(wxVERTICAL, parent, title);
        grid_out = grid();
        box->Add(grid_out, 1, wxEXPAND | wxALL, gap());
        into->Add(box, proportion, wxEXPAND | wxBOTTOM, 2 * gap());
        return box->GetStaticBox();
    }

    void build();
    wxPanel* build_identity();
    wxPanel* build_health();
    wxPanel* build_preferences();
    wxPanel* build_red_flags();
    void load();
    void gather();
    void show_medications();
    void medication_selected();
    void update_medication_buttons();
    void refresh_cautions();
    void refresh_warning();
    void rewrap();
    void focus(IntakeField field);
    void edited();
    void changed();
    void update_undo();
    void step(HistoryKey key);
    void save();
    void cancel();
};

wxPanel* IntakeDialog::Widgets::build_identity() {
    auto* page = new wxPanel(book);
    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    auto* right = new wxBoxSizer(wxVERTICAL);
    wxFlexGridSizer* g = nullptr;

    wxStaticBox* box = group(page, left, _("Name"), g);
    family = text(box, g, _("&Family name:"), "family-name", IntakeField::family_name);
    family->SetHint(_("required"));
    given = text(box, g, _("&Given name:"), "given-name", IntakeField::given_name);
    given->SetHint(_("required"));
    preferred = text(box, g, _("&Preferred name:"), "preferred-name", IntakeField::preferred_name);
    born = date(box, g, _("Date of &birth:"), "date-of-birth", IntakeField::date_of_birth);

    box = group(page, left, _("Contact"), g);
    phone = text(box, g, _("P&hone:"), "phone", IntakeField::phone);
    email = text(box, g, _("&Email:"), "email", IntakeField::email);
    address = text(box, g, _("&Address:"), "address", IntakeField::address, 3);

    box = group(page, right, _("Emergency contact"), g);
    ec_name = text(box, g, _("&Name:"), "emergency-contact-name", IntakeField::emergency_contact_name);
    ec_phone = text(box, g, _("Ph&one:"), "emergency-contact-phone", IntakeField::emergency_contact_phone);

    box = group(page, right, _("Referral"), g);
    referral = text(box, g, _("&Referred by:"), "referral-source", IntakeField::referral_source);
    referral->SetHint(_("Self, a physician, the website..."));
    physician = text(box, g, _("Ph&ysician:"), "referring-physician", IntakeField::referring_physician);

    box = group(page, right, _("Work and activity"), g);
    occupation = text(box, g, _("Occ&upation:"), "occupation", IntakeField::occupation);
    label(box, g, _("Activity &level:"));
    activity = new wxChoice(box, wxID_ANY, wxDefaultPosition, wxDefaultSize, labels_of<ActivityLevel>());
    activity->SetName("activity-level");
    g->Add(activity, 1, wxEXPAND);

    align_labels();
    columns->Add(left, 1, wxEXPAND | wxRIGHT, 2 * gap());
    columns->Add(right, 1, wxEXPAND);
    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(columns, 1, wxEXPAND | wxALL, 2 * gap());
    page->SetSizer(outer);
    return page;
}

wxPanel* IntakeDialog::Widgets::build_health() {
    auto* page = new wxPanel(book);
    auto* columns = new wxBoxSizer(wxHORIZONTAL);

    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(new wxStaticText(page, wxID_ANY, _("Con&ditions:")), 0, wxBOTTOM, gap());
    const wxArrayString condition_labels = labels_of<HealthCondition>();
    conditions = new wxCheckListBox(page, wxID_ANY, wxDefaultPosition, wxDefaultSize, condition_labels);
    conditions->SetName("conditions");
    int widest = 0;
    for (const auto& l : condition_labels)
        widest = std::max(widest, dialog.GetTextExtent(l).x);
    // Wide enough for every label; tall enough for half the list (it scrolls when the dialog is small).
    conditions->SetMinSize(wxSize(widest + dialog.FromDIP(48), lines(9)));
    left->Add(conditions, 1, wxEXPAND);
    columns->Add(left, 0, wxEXPAND | wxRIGHT, 3 * gap());

    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(new wxStaticText(page, wxID_ANY, _("&Medications:")), 0, wxBOTTOM, gap());
    medications = new wxDataViewListCtrl(page, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                         wxDV_SINGLE | wxDV_ROW_LINES);
    medications->SetName("medications");
    medications->AppendTextColumn(_("Class"), wxDATAVIEW_CELL_INERT, dialog.FromDIP(140));
    medications->AppendTextColumn(_("Name and dose"), wxDATAVIEW_CELL_INERT, dialog.FromDIP(220));
    medications->SetMinSize(wxSize(-1, lines(4)));
    field_controls[IntakeField::medications] = medications;
    right->Add(medications, 1, wxEXPAND | wxBOTTOM, gap());

    // The row editor: class and name, then what to do with them.
    auto* editor = new wxBoxSizer(wxHORIZONTAL);
    editor->Add(new wxStaticText(page, wxID_ANY, _("C&lass:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap());
    med_class = new wxChoice(page, wxID_ANY, wxDefaultPosition, wxDefaultSize, labels_of<MedicationClass>());
    med_class->SetName("medication-class");
    med_class->SetSelection(index_of(MedicationClass::other));
    editor->Add(med_class, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 2 * gap());
    editor->Add(new wxStaticText(page, wxID_ANY, _("Name and d&ose:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT,
                gap());
    med_name =
        new wxTextCtrl(page, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    med_name->SetName("medication-name");
    med_name->SetHint(_("e.g. Warfarin 5 mg"));
    editor->Add(med_name, 1, wxALIGN_CENTER_VERTICAL);
    right->Add(editor, 0, wxEXPAND | wxBOTTOM, gap());
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    med_add = new wxButton(page, wxID_ANY, _("&Add"));
    med_change = new wxButton(page, wxID_ANY, _("&Update"));
    med_remove = new wxButton(page, wxID_ANY, _("&Remove"));
    med_add->SetToolTip(_("Add the medication to the list (Enter in the name)"));
    med_change->SetToolTip(_("Replace the selected medication with the class and name above"));
    med_remove->SetToolTip(_("Remove the selected medication (Delete in the list)"));
    buttons->AddStretchSpacer();
    buttons->Add(med_add, 0, wxRIGHT, gap());
    buttons->Add(med_change, 0, wxRIGHT, gap());
    buttons->Add(med_remove, 0);
    right->Add(buttons, 0, wxEXPAND | wxBOTTOM, 2 * gap());

    wxFlexGridSizer* g = grid();
    allergies = text(page, g, _("Allerg&ies:"), "allergies", IntakeField::allergies, 2);
    allergies->SetHint(_("Including oils and lotions"));
    health_notes = text(page, g, _("&Health notes:"), "health-notes", IntakeField::health_notes, 3);
    health_notes->SetHint(_("Anything the checklist does not cover"));
    g->AddGrowableRow(1, 1);
    align_labels();
    right->Add(g, 1, wxEXPAND);
    columns->Add(right, 1, wxEXPAND);

    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(columns, 1, wxEXPAND | wxALL, 2 * gap());
    outer->Add(new wxStaticText(page, wxID_ANY, _("Cau&tions from this history:")), 0, wxLEFT | wxRIGHT,
               2 * gap());
    cautions = new wxTextCtrl(page, wxID_ANY, wxString(), wxDefaultPosition, wxSize(-1, lines(3)),
                              wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP);
    cautions->SetName("cautions");
    cautions->SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_BTNFACE));
    outer->Add(cautions, 0, wxEXPAND | wxALL, 2 * gap());
    page->SetSizer(outer);
    return page;
}

wxPanel* IntakeDialog::Widgets::build_preferences() {
    auto* page = new wxPanel(book);
    auto* outer = new wxBoxSizer(wxVERTICAL);
    pressure = new wxRadioBox(page, wxID_ANY, _("&Pressure preference"), wxDefaultPosition, wxDefaultSize,
                              labels_of<PressurePreference>(), 0, wxRA_SPECIFY_COLS);
    pressure->SetName("pressure-preference");
    outer->Add(pressure, 0, wxEXPAND | wxALL, 2 * gap());

    auto* consent_box = new wxStaticBoxSizer(wxVERTICAL, page, _("Consent"));
    wxStaticBox* box = consent_box->GetStaticBox();
    consent = new wxCheckBox(box, wxID_ANY, _("Signed consent to treatment is on &file"));
    consent->SetName("consent-given");
    wxFlexGridSizer* cg = grid();
    consent_date = date(box, cg, _("Consent &date:"), "consent-date", IntakeField::consent_date);
    consent_box->Add(consent, 0, wxALL, gap());
    consent_box->Add(cg, 0, wxEXPAND | wxALL, gap());
    outer->Add(consent_box, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 2 * gap());

    wxFlexGridSizer* g = grid();
    sensitive = text(page, g, _("Sensiti&ve areas:"), "sensitive-areas", IntakeField::sensitive_areas, 5);
    sensitive->SetHint(_("Areas the client does not want worked on, or that are tender"));
    align_labels();
    outer->Add(g, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 2 * gap());
    page->SetSizer(outer);
    return page;
}

wxPanel* IntakeDialog::Widgets::build_red_flags() {
    // Scrolls when the warning lists many reasons on a small screen.
    auto* page = new wxScrolledWindow(book, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL);
    page->SetScrollRate(0, dialog.GetCharHeight());
    flags_page = page;
    auto* outer = new wxBoxSizer(wxVERTICAL);
    flags_intro = new wxStaticText(page, wxID_ANY, flags_intro_text());
    outer->Add(flags_intro, 0, wxEXPAND | wxALL, 2 * gap());

    auto* questions = new wxBoxSizer(wxVERTICAL);
    int n = 0;
    for (const auto& e : enum_entries<RedFlag>()) {
        ++n;
        // "&1. ..." to "1&0. ...": each question has its digit as a mnemonic.
        const wxString number =
            n < 10 ? wxString::Format("&%d.", n) : wxString::Format("%d&%d.", n / 10, n % 10);
        const wxString question = wxGetTranslation(wx(screening_question(e.value)));
        auto* box = new wxCheckBox(page, wxID_ANY, number + " " + wxControl::EscapeMnemonics(question));
        box->SetName(wx(e.code));
        box->SetToolTip(label_of(e.value));
        flags.emplace_back(e.value, box);
        questions->Add(box, 0, wxBOTTOM, gap() / 2);
    }
    outer->Add(questions, 0, wxEXPAND | wxLEFT | wxRIGHT, 2 * gap());

    warning = new RedFlagPanel(page);
    outer->Add(warning, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 2 * gap());

    wxFlexGridSizer* g = grid();
    flag_notes = text(page, g, _("Red-flag &notes:"), "red-flag-notes", IntakeField::red_flag_notes, 2);
    flag_notes->SetHint(_("What the client said; what you did"));
    referred_to = text(page, g, _("&Referred to:"), "referred-to", IntakeField::referred_to);
    referred_to->SetHint(_("e.g. Emergency department; Dr Patel (GP)"));
    screened_on =
        date(page, g, _("Screened &on:"), "red-flags-screened-on", IntakeField::red_flags_screened_on);
    g->AddGrowableRow(0, 1);
    align_labels();
    outer->Add(g, 1, wxEXPAND | wxALL, 2 * gap());
    page->SetSizer(outer);
    page->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        rewrap();
    });
    return page;
}

void IntakeDialog::Widgets::build() {
    book = new wxNotebook(&dialog, wxID_ANY);
    book->SetName("intake-pages");
    book->AddPage(build_identity(), _("Identity && contact"), true);
    book->AddPage(build_health(), _("Health history"));
    book->AddPage(build_preferences(), _("Preferences && consent"));
    book->AddPage(build_red_flags(), _("Red flags"));

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(book, 1, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 2 * gap());
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    undo_buttons.emplace(&dialog);
    undo_buttons->add_to(buttons, gap());
    buttons->Add(dialog.CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxALIGN_CENTER_VERTICAL);
    top->Add(buttons, 0, wxEXPAND | wxALL, 2 * gap());
    auto* ok = dynamic_cast<wxButton*>(dialog.FindWindow(wxID_OK));
    if (ok) {
        ok->SetLabel(_("&Save"));
        ok->SetDefault();
    }
    dialog.SetSizer(top);

    // Live feedback: the cautions follow the history, the warning follows the answers.
    conditions->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent&) { changed(); });
    // GTK's check list toggles only with the mouse: Space toggles the current condition too.
    conditions->Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() != WXK_SPACE || e.HasAnyModifiers()) {
            e.Skip();
            return;
        }
        auto toggle = [this] {
            const int row = conditions->GetSelection();
            if (row == wxNOT_FOUND) return;
            const auto item = static_cast<unsigned>(row);
            conditions->Check(item, !conditions->IsChecked(item));
            changed();
        };
        if (conditions->GetSelection() != wxNOT_FOUND) {
            toggle();
        } else {
            e.Skip(); // the list selects the row under its cursor first
            conditions->CallAfter(toggle);
        }
    });
    sensitive->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { changed(); });
    for (auto& [flag, box] : flags)
        box->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { changed(); });
    referred_to->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { changed(); });
    consent->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
        if (consent->GetValue() && !consent_date->GetValue().IsValid())
            consent_date->SetValue(to_wx(today_local()));
        consent_date->Enable(consent->GetValue());
        edited();
    });
    // Every other field is a step of the undo history too.
    for (wxTextCtrl* t : {family, given, preferred, phone, email, address, ec_name, ec_phone, referral,
                          physician, occupation, allergies, health_notes, flag_notes})
        t->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { edited(); });
    for (wxDatePickerCtrl* d : {born, consent_date, screened_on})
        d->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) { edited(); });
    activity->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { edited(); });
    pressure->Bind(wxEVT_RADIOBOX, [this](wxCommandEvent&) { edited(); });
    undo_buttons->undo()->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { step(HistoryKey::undo); });
    undo_buttons->redo()->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { step(HistoryKey::redo); });

    // Medications: pick a row to edit it; Enter in the name adds; Delete in the list removes.
    medications->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { medication_selected(); });
    med_class->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { update_medication_buttons(); });
    med_name->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { update_medication_buttons(); });
    auto add = [this] {
        if (!med_add->IsEnabled()) return;
        gather();
        presenter.form().medications.push_back(
            {value_at<MedicationClass>(med_class->GetSelection()), utf8(med_name->GetValue())});
        show_medications();
        med_class->SetSelection(index_of(MedicationClass::other));
        med_name->Clear();
        med_class->SetFocus();
        edited();
    };
    med_add->Bind(wxEVT_BUTTON, [add](wxCommandEvent&) { add(); });
    med_name->Bind(wxEVT_TEXT_ENTER, [add](wxCommandEvent&) { add(); });
    med_change->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const int row = medications->GetSelectedRow();
        auto& list = presenter.form().medications;
        if (row == wxNOT_FOUND || static_cast<std::size_t>(row) >= list.size()) return;
        gather();
        list[static_cast<std::size_t>(row)] = {value_at<MedicationClass>(med_class->GetSelection()),
                                               utf8(med_name->GetValue())};
        show_medications();
        medications->SelectRow(static_cast<unsigned>(row));
        medication_selected();
        edited();
    });
    auto remove = [this] {
        const int row = medications->GetSelectedRow();
        auto& list = presenter.form().medications;
        if (row == wxNOT_FOUND || static_cast<std::size_t>(row) >= list.size()) return;
        gather();
        list.erase(list.begin() + row);
        show_medications();
        if (!list.empty()) {
            medications->SelectRow(static_cast<unsigned>(std::min<std::size_t>(row, list.size() - 1)));
            medication_selected();
        }
        medications->SetFocus();
        edited();
    };
    med_remove->Bind(wxEVT_BUTTON, [remove](wxCommandEvent&) { remove(); });
    medications->Bind(wxEVT_CHAR_HOOK, [remove](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_DELETE)
            remove();
        else
            e.Skip();
    });

    mnemonic_targets = {
        {IntakePage::identity, 'B', born},
        {IntakePage::health, 'D', conditions},
        {IntakePage::health, 'M', medications},
        {IntakePage::preferences, 'P', pressure},
        {IntakePage::preferences, 'D', consent_date},
        {IntakePage::red_flags, 'O', screened_on},
    };

    // Ctrl+PgDn and Ctrl+PgUp turn the pages from any field (lists would take them otherwise).
    book->SetToolTip(_("Ctrl+PgDn: next page; Ctrl+PgUp: previous page"));
    dialog.Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        // Undo and redo here, before any control sees the keys: the same in every field.
        if (const HistoryKey history = history_key(e); history != HistoryKey::none) {
            step(history);
            return;
        }
        const int key = e.GetKeyCode();
        if (e.GetModifiers() == wxMOD_CONTROL && (key == WXK_PAGEDOWN || key == WXK_PAGEUP)) {
            book->AdvanceSelection(key == WXK_PAGEDOWN);
            book->GetCurrentPage()->SetFocus();
            return;
        }
        // GTK gives a label's mnemonic only to a control that takes focus itself; lists, date
        // pickers and the radio box do not (their frames do), so their Alt+letter lands here.
        if (e.GetModifiers() == wxMOD_ALT) {
            const auto page = static_cast<IntakePage>(book->GetSelection());
            for (const auto& t : mnemonic_targets) {
                if (t.page != page || t.key != key || !t.target->IsEnabled()) continue;
                t.target->SetFocus();
                if (t.target == conditions && conditions->GetSelection() == wxNOT_FOUND &&
                    conditions->GetCount() > 0)
                    conditions->SetSelection(0);
                if (t.target == medications && medications->GetSelectedRow() == wxNOT_FOUND &&
                    medications->GetItemCount() > 0) {
                    medications->SelectRow(0);
                    medication_selected();
                }
                return;
            }
        }
        e.Skip();
    });

    const auto on_save = [this](wxCommandEvent&) { save(); };
    const auto on_cancel = [this](wxCommandEvent&) { cancel(); };
    dialog.Bind(wxEVT_BUTTON, on_save, wxID_OK);
    dialog.Bind(wxEVT_BUTTON, on_cancel, wxID_CANCEL);
}

// Fills every control from the form: when the dialog opens, and after an undo or a redo.
void IntakeDialog::Widgets::load() {
    loading = true;
    const IntakeForm& f = presenter.form();
    restore_text(*family, wx(f.family_name));
    restore_text(*given, wx(f.given_name));
    restore_text(*preferred, wx(f.preferred_name));
    born->SetValue(to_wx(f.date_of_birth));
    restore_text(*phone, wx(f.phone));
    restore_text(*email, wx(f.email));
    restore_text(*address, wx(f.address));
    restore_text(*ec_name, wx(f.emergency_contact_name));
    restore_text(*ec_phone, wx(f.emergency_contact_phone));
    restore_text(*referral, wx(f.referral_source));
    restore_text(*physician, wx(f.referring_physician));
    restore_text(*occupation, wx(f.occupation));
    activity->SetSelection(index_of(f.activity));

    const auto condition_entries = enum_entries<HealthCondition>();
    for (std::size_t i = 0; i < condition_entries.size(); ++i)
        conditions->Check(static_cast<unsigned>(i), f.conditions.contains(condition_entries[i].value));
    show_medications(); // the row editor below the list keeps what is typed in it
    restore_text(*allergies, wx(f.allergies));
    restore_text(*health_notes, wx(f.health_notes));

    pressure->SetSelection(index_of(f.pressure_preference));
    restore_text(*sensitive, wx(f.sensitive_areas));
    consent->SetValue(f.consent_given);
    consent_date->SetValue(to_wx(f.consent_date));
    consent_date->Enable(f.consent_given);

    for (auto& [flag, box] : flags)
        box->SetValue(f.red_flags.contains(flag));
    restore_text(*flag_notes, wx(f.red_flag_notes));
    restore_text(*referred_to, wx(f.referred_to));
    screened_on->SetValue(to_wx(f.red_flags_screened_on));
    loading = false;

    update_medication_buttons();
    refresh_cautions();
    refresh_warning();
    update_undo();
}

void IntakeDialog::Widgets::gather() {
    IntakeForm& f = presenter.form();
    f.family_name = utf8(family->GetValue());
    f.given_name = utf8(given->GetValue());
    f.preferred_name = utf8(preferred->GetValue());
    f.date_of_birth = from_wx(born->GetValue());
    f.phone = utf8(phone->GetValue());
    f.email = utf8(email->GetValue());
    f.address = utf8(address->GetValue());
    f.emergency_contact_name = utf8(ec_name->GetValue());
    f.emergency_contact_phone = utf8(ec_phone->GetValue());
    f.referral_source = utf8(referral->GetValue());
    f.referring_physician = utf8(physician->GetValue());
    f.occupation = utf8(occupation->GetValue());
    f.activity = value_at<ActivityLevel>(activity->GetSelection());

    f.conditions.clear();
    const auto condition_entries = enum_entries<HealthCondition>();
    for (std::size_t i = 0; i < condition_entries.size(); ++i)
        if (conditions->IsChecked(static_cast<unsigned>(i))) f.conditions.insert(condition_entries[i].value);
    // f.medications is edited in place by the list's buttons.
    f.allergies = utf8(allergies->GetValue());
    f.health_notes = utf8(health_notes->GetValue());

    f.pressure_preference = value_at<PressurePreference>(pressure->GetSelection());
    f.sensitive_areas = utf8(sensitive->GetValue());
    f.consent_given = consent->GetValue();
    f.consent_date = from_wx(consent_date->GetValue());

    f.red_flags.clear();
    for (const auto& [flag, box] : flags)
        if (box->GetValue()) f.red_flags.insert(flag);
    f.red_flag_notes = utf8(flag_notes->GetValue());
    f.referred_to = utf8(referred_to->GetValue());
    f.red_flags_screened_on = from_wx(screened_on->GetValue());
}

void IntakeDialog::Widgets::show_medications() {
    medications->DeleteAllItems();
    for (const auto& m : presenter.form().medications) {
        wxVector<wxVariant> row;
        row.push_back(label_of(m.medication_class));
        row.push_back(wx(m.name));
        medications->AppendItem(row);
    }
    update_medication_buttons();
    refresh_cautions();
}

void IntakeDialog::Widgets::medication_selected() {
    const int row = medications->GetSelectedRow();
    const auto& list = presenter.form().medications;
    if (row != wxNOT_FOUND && static_cast<std::size_t>(row) < list.size()) {
        const Medication& m = list[static_cast<std::size_t>(row)];
        med_class->SetSelection(index_of(m.medication_class));
        med_name->ChangeValue(wx(m.name));
    }
    update_medication_buttons();
}

void IntakeDialog::Widgets::update_medication_buttons() {
    const bool has_entry = value_at<MedicationClass>(med_class->GetSelection()) != MedicationClass::other ||
                           !med_name->GetValue().Trim().Trim(false).empty();
    const bool has_row = medications->GetSelectedRow() != wxNOT_FOUND;
    med_add->Enable(has_entry);
    med_change->Enable(has_entry && has_row);
    med_remove->Enable(has_row);
}

// After an edit: the form takes the controls' values and the edit becomes a step of the history.
void IntakeDialog::Widgets::edited() {
    if (loading) return;
    gather();
    presenter.record_edit();
    undo_buttons->say(wxString());
    update_undo();
}

// After an edit the cautions or the warning depend on: the live feedback follows it too.
void IntakeDialog::Widgets::changed() {
    if (loading) return;
    edited();
    refresh_cautions();
    refresh_warning();
}

void IntakeDialog::Widgets::update_undo() {
    undo_buttons->update(presenter.can_undo(), presenter.undo_label(), presenter.can_redo(),
                         presenter.redo_label());
}

// Undo or redo: the form goes back (or forward) a step, the controls follow, and the page that
// holds the change comes into view.
void IntakeDialog::Widgets::step(HistoryKey key) {
    gather();
    const auto page = key == HistoryKey::undo ? presenter.undo() : presenter.redo();
    if (!page) {
        wxBell();
        return;
    }
    load();
    undo_buttons->say(key == HistoryKey::undo ? undone_text(presenter.redo_label())
                                              : redone_text(presenter.undo_label()));
    if (book->GetSelection() != static_cast<int>(*page)) {
        book->SetSelection(static_cast<size_t>(*page));
        book->SetFocus(); // on the tab, not in a field where typing would replace text
    }
}

void IntakeDialog::Widgets::refresh_cautions() {
    wxString out;
    for (const auto& line : presenter.caution_lines()) {
        if (!out.empty()) out += "\n";
        out += bullet + wx(line);
    }
    if (out.empty()) out = _("None from the conditions and medications checked so far.");
    cautions->ChangeValue(out);
}

void IntakeDialog::Widgets::refresh_warning() {
    const int positive = static_cast<int>(presenter.form().red_flags.size());
    book->SetPageText(static_cast<size_t>(IntakePage::red_flags),
                      positive > 0 ? wxString::Format(_("Red flags (%d)"), positive) : _("Red flags"));
    warning->show_verdict(presenter.red_flag_verdict(), wx(presenter.red_flag_warning().referral_reminder));
    wrapped_width = -1;
    rewrap();
    if (flags_page->GetClientSize().GetWidth() > 0) flags_page->FitInside();
}

// Static text wraps only when told the width: rewrap the long texts of the red-flag page to it.
void IntakeDialog::Widgets::rewrap() {
    // Before the page has a size, wrap to a comfortable width so the texts do not widen the dialog.
    const int client = flags_page->GetClientSize().GetWidth();
    const int width = (client > 0 ? client : dialog.FromDIP(820)) - 8 * gap();
    if (width <= 0 || width == wrapped_width) return;
    wrapped_width = width;
    flags_intro->SetLabel(flags_intro_text()); // Wrap() broke the old label into lines
    flags_intro->Wrap(width);
    warning->wrap(width);
    flags_page->Layout();
}

void IntakeDialog::Widgets::focus(IntakeField field) {
    if (field == IntakeField::none) return;
    book->SetSelection(static_cast<size_t>(page_of(field)));
    const auto it = field_controls.find(field);
    if (it == field_controls.end()) return;
    it->second->SetFocus();
    if (auto* t = dynamic_cast<wxTextCtrl*>(it->second)) t->SelectAll();
}

void IntakeDialog::Widgets::save() {
    gather();
    try {
        presenter.validate();
    } catch (const ValidationError& e) {
        show_error(&dialog, _("The client could not be saved."), e);
        focus(IntakePresenter::field_of(e));
        return;
    }
    const IntakeForm& f = presenter.form();
    if (!f.red_flags.empty() && knotwork::text::trim(f.referred_to).empty()) {
        wxMessageDialog ask(&dialog,
                            _("A red flag is recorded, but not where the client was referred.\n\n"
                              "Save the client without recording the referral?"),
                            _("Red flags"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
        ask.SetYesNoLabels(_("Save &Anyway"), _("&Record the Referral"));
        if (ask.ShowModal() != wxID_YES) {
            focus(IntakeField::referred_to);
            return;
        }
    }
    try {
        wxBusyCursor busy;
        dialog.m_saved = presenter.save();
    } catch (const ValidationError& e) {
        show_error(&dialog, _("The client could not be saved."), e);
        focus(IntakePresenter::field_of(e));
        return;
    } catch (const std::exception& e) {
        show_error(&dialog, _("The client could not be saved."), e);
        return;
    }
    dialog.EndModal(wxID_OK);
}

void IntakeDialog::Widgets::cancel() {
    gather();
    if (presenter.is_modified()) {
        wxMessageDialog ask(&dialog, _("Discard the changes to this client?"), _("Cancel"),
                            wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
        ask.SetYesNoLabels(_("&Discard"), _("&Keep Editing"));
        if (ask.ShowModal() != wxID_YES) return;
    }
    dialog.EndModal(wxID_CANCEL);
}

IntakeDialog::IntakeDialog(wxWindow* parent, db::Database& db, std::optional<ClientId> client)
    : wxDialog(parent, wxID_ANY, _("New Client"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_db(db), m_client(client) {
    SetName("intake");
    std::optional<IntakePresenter> presenter;
    bool loaded = true;
    try {
        presenter.emplace(m_db, m_client, today_local());
    } catch (const std::exception& e) {
        // Say why, then close as soon as the dialog runs: there is nothing to edit.
        show_error(parent, _("The client could not be opened."), e);
        presenter.emplace(m_db, std::nullopt, today_local());
        loaded = false;
        CallAfter([this] { EndModal(wxID_CANCEL); });
    }
    m_w = new Widgets(*this, std::move(*presenter));
    SetTitle(wx(m_w->presenter.title()));
    m_w->build();
    m_w->load();
    if (!loaded) FindWindow(wxID_OK)->Disable();

    // As large as the content wants, and at least a comfortable form, within the screen.
    Fit();
    wxSize size = GetSize();
    size.IncTo(FromDIP(wxSize(880, 700)));
    const wxRect screen = wxDisplay(parent ? parent : static_cast<wxWindow*>(this)).GetClientArea();
    size.DecTo(screen.GetSize());
    SetMinSize(wxSize(std::min(GetBestSize().x, screen.width), std::min(GetBestSize().y, screen.height)));
    SetSize(size);
    CentreOnParent();
    m_w->family->SetFocus();
}

IntakeDialog::~IntakeDialog() {
    DestroyChildren(); // the controls' handlers use m_w: they go first
    delete m_w;
}

} // namespace knotwork::gui
