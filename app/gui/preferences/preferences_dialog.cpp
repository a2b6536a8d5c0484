#include "preferences/preferences_dialog.h"

#include "common/error.h"
#include "common/error_message.h"
#include "common/wx_text.h"
#include "core/backups.h"
#include "core/display_format.h"
#include "database.h"
#include "preferences/app_config.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/dataview.h>
#include <wx/datectrl.h>
#include <wx/filepicker.h>
#include <wx/radiobut.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace knotwork::gui {

namespace {

Date to_date(const wxDateTime& d) {
    return Date(static_cast<unsigned short>(d.GetYear()), static_cast<unsigned short>(d.GetMonth() + 1),
                static_cast<unsigned short>(d.GetDay()));
}

// Monday first, as a therapist's week reads.
constexpr std::array<boost::date_time::weekdays, 7> week{
    boost::date_time::Monday, boost::date_time::Tuesday, boost::date_time::Wednesday, boost::date_time::Thursday,
    boost::date_time::Friday, boost::date_time::Saturday, boost::date_time::Sunday};

} // namespace

PreferencesDialog::PreferencesDialog(wxWindow* parent, db::Database& db, const PracticeAccess& access)
    : wxDialog(parent, wxID_ANY, _("Preferences"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_presenter(db, access), m_access(access) {
    SetName("preferences");
    const PracticeProfile& p = m_presenter.profile();
    auto* book = new wxNotebook(this, wxID_ANY);

    // Practice page.
    auto* practice = new wxPanel(book);
    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(8, 6)));
    grid->AddGrowableCol(1);
    auto add_text = [&](const wxString& label, const std::string& value, long style = 0) {
        grid->Add(new wxStaticText(practice, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL | wxALIGN_RIGHT);
        auto* ctrl = new wxTextCtrl(practice, wxID_ANY, wx(value), wxDefaultPosition,
                                    style & wxTE_MULTILINE ? FromDIP(wxSize(-1, 60)) : wxDefaultSize, style);
        grid->Add(ctrl, 1, wxEXPAND);
        return ctrl;
    };
    m_name = add_text(_("Practice &name:"), p.practice_name);
    m_address = add_text(_("&Address:"), p.address, wxTE_MULTILINE);
    m_phone = add_text(_("P&hone:"), p.phone);
    m_therapist = add_text(_("&Therapist:"), p.therapist_name);
    m_licence = add_text(_("&Licence number:"), p.licence_number);
    grid->Add(new wxStaticText(practice, wxID_ANY, _("Default session (&minutes):")), 0,
              wxALIGN_CENTER_VERTICAL | wxALIGN_RIGHT);
    m_minutes = new wxSpinCtrl(practice, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS,
                               15, 180, p.default_session_minutes);
    grid->Add(m_minutes, 0);
    auto* practice_sizer = new wxBoxSizer(wxVERTICAL);
    practice_sizer->Add(grid, 1, wxEXPAND | wxALL, FromDIP(12));
    auto* hint = new wxStaticText(practice, wxID_ANY, _("The practice name, therapist and licence number are printed "
                                                        "on progress reports."));
    hint->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    practice_sizer->Add(hint, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12));
    practice->SetSizer(practice_sizer);
    book->AddPage(practice, _("Practice"), true);

    // Opening days page.
    auto* days = new wxPanel(book);
    auto* days_sizer = new wxBoxSizer(wxVERTICAL);
    auto* closed_box = new wxStaticBoxSizer(wxHORIZONTAL, days, _("Closed on"));
    for (std::size_t i = 0; i < week.size(); ++i) {
        m_closed[i] = new wxCheckBox(closed_box->GetStaticBox(), wxID_ANY,
                                     wxDateTime::GetWeekDayName(static_cast<wxDateTime::WeekDay>(week[i]),
                                                                wxDateTime::Name_Abbr));
        m_closed[i]->SetValue(m_presenter.is_closed(week[i]));
        closed_box->Add(m_closed[i], 0, wxALL, FromDIP(4));
    }
    days_sizer->Add(closed_box, 0, wxEXPAND | wxALL, FromDIP(12));
    auto* hol_box = new wxStaticBoxSizer(wxVERTICAL, days, _("Holidays (no appointments are scheduled)"));
    m_holidays = new wxDataViewListCtrl(hol_box->GetStaticBox(), wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 160)));
    m_holidays->AppendTextColumn(_("Date"), wxDATAVIEW_CELL_INERT, FromDIP(110));
    m_holidays->AppendTextColumn(_("Holiday"), wxDATAVIEW_CELL_INERT, FromDIP(240));
    hol_box->Add(m_holidays, 1, wxEXPAND | wxALL, FromDIP(4));
    auto* add_row = new wxBoxSizer(wxHORIZONTAL);
    m_holiday_date = new wxDatePickerCtrl(hol_box->GetStaticBox(), wxID_ANY);
    m_holiday_label = new wxTextCtrl(hol_box->GetStaticBox(), wxID_ANY);
    m_holiday_label->SetHint(_("Name, e.g. New Year's Day"));
    auto* add = new wxButton(hol_box->GetStaticBox(), wxID_ANY, _("A&dd"));
    auto* remove = new wxButton(hol_box->GetStaticBox(), wxID_ANY, _("&Remove"));
    add_row->Add(m_holiday_date, 0, wxRIGHT, FromDIP(6));
    add_row->Add(m_holiday_label, 1, wxRIGHT, FromDIP(6));
    add_row->Add(add, 0, wxRIGHT, FromDIP(6));
    add_row->Add(remove, 0);
    hol_box->Add(add_row, 0, wxEXPAND | wxALL, FromDIP(4));
    days_sizer->Add(hol_box, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12));
    days->SetSizer(days_sizer);
    book->AddPage(days, _("Opening Days"));
    book->AddPage(m_access.allows(Feature::backups) ? build_backups_page(book, db.url().target)
                                                    : build_server_backups_page(book),
                  _("Backups"));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    if (m_presenter.holidays_only()) {
        // The settings are shown without being changed; the holidays stay editable.
        auto* why = new wxStaticText(this, wxID_ANY, wx(m_access.why_not(Feature::practice_preferences)));
        why->SetName("preferences-holidays-only");
        sizer->Add(why, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(12));
        for (wxWindow* child : practice->GetChildren()) child->Enable(false);
        closed_box->GetStaticBox()->Enable(false); // and the checkboxes it holds
    }
    sizer->Add(book, 1, wxEXPAND | wxALL, FromDIP(8));
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(8));
    SetSizer(sizer);
    SetSize(FromDIP(wxSize(620, 520)));
    show_holidays();

    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        try {
            m_presenter.set_holiday(to_date(m_holiday_date->GetValue()), utf8(m_holiday_label->GetValue()));
            m_holiday_label->Clear();
            show_holidays();
        } catch (const std::exception& e) {
            show_error(this, _("The holiday was not added."), e);
        }
    });
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const int row = m_holidays->GetSelectedRow();
        if (row == wxNOT_FOUND) return;
        auto it = m_presenter.profile().holidays.begin();
        std::advance(it, row);
        m_presenter.remove_holiday(it->first);
        show_holidays();
    });
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (save()) EndModal(wxID_OK);
    }, wxID_OK);
}

wxWindow* PreferencesDialog::build_backups_page(wxWindow* book, const std::string& practice) {
    const app::BackupSettings settings = AppConfig::backup_settings();
    auto* page = new wxPanel(book);
    page->SetName("backups-page");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_backup_enabled =
        new wxCheckBox(page, wxID_ANY, _("Back &up the practice automatically when it is closed after a change"));
    m_backup_enabled->SetValue(settings.enabled);
    sizer->Add(m_backup_enabled, 0, wxALL, FromDIP(12));

    auto* where = new wxStaticBoxSizer(wxVERTICAL, page, _("Where the backups go"));
    wxWindow* box = where->GetStaticBox();
    m_backup_beside = new wxRadioButton(box, wxID_ANY, _("A \"backups\" folder &beside the practice file"),
                                        wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
    where->Add(m_backup_beside, 0, wxALL, FromDIP(4));
    auto* beside_path = new wxStaticText(box, wxID_ANY, wx(app::default_backup_folder(practice).string()));
    beside_path->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    where->Add(beside_path, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(4) + FromDIP(20));
    m_backup_elsewhere = new wxRadioButton(box, wxID_ANY, _("This &folder:"));
    where->Add(m_backup_elsewhere, 0, wxALL, FromDIP(4));
    m_backup_folder =
        new wxDirPickerCtrl(box, wxID_ANY, wx(settings.folder), _("Folder for the Automatic Backups"),
                            wxDefaultPosition, wxDefaultSize, wxDIRP_USE_TEXTCTRL | wxDIRP_SMALL);
    where->Add(m_backup_folder, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(4));
    (settings.folder.empty() ? m_backup_beside : m_backup_elsewhere)->SetValue(true);
    sizer->Add(where, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12));

    auto* keep_row = new wxBoxSizer(wxHORIZONTAL);
    keep_row->Add(new wxStaticText(page, wxID_ANY, _("&Keep the newest")), 0,
                  wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
    m_backup_keep =
        new wxSpinCtrl(page, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS,
                       app::BackupSettings::min_keep, app::BackupSettings::max_keep, settings.keep);
    keep_row->Add(m_backup_keep, 0, wxRIGHT, FromDIP(6));
    keep_row->Add(new wxStaticText(page, wxID_ANY, _("backups of each practice; older ones are deleted")), 0,
                  wxALIGN_CENTER_VERTICAL);
    sizer->Add(keep_row, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12));

    auto* hint = new wxStaticText(page, wxID_ANY,
                                  _("Each backup is a complete copy of the practice, readable only by you, "
                                    "named after the practice with the "
                                    "date and time. Only files named that way are ever deleted. Keep a copy "
                                    "on another disk as well: choose a "
                                    "folder on an external drive, or copy the backups there from time to "
                                    "time. File > Restore from Backup "
                                    "puts one back."));
    hint->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    hint->Wrap(FromDIP(560));
    sizer->Add(hint, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12));
    page->SetSizer(sizer);

    m_backup_enabled->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { enable_backup_controls(); });
    m_backup_beside->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { enable_backup_controls(); });
    m_backup_elsewhere->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { enable_backup_controls(); });
    enable_backup_controls();
    return page;
}

wxWindow* PreferencesDialog::build_server_backups_page(wxWindow* book) {
    auto* page = new wxPanel(book);
    page->SetName("backups-page");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* why = new wxStaticText(page, wxID_ANY,
                                 wx(m_access.why_not(Feature::backups)) + "\n\n" +
                                     _("Knotwork makes no backups of a clinic server's practice on this computer, "
                                       "and restores none: ask the practice's administrator to restore one. The "
                                       "automatic backups set here apply to practice files."));
    why->SetName("server-backups");
    why->Wrap(FromDIP(560));
    sizer->Add(why, 0, wxALL, FromDIP(12));
    page->SetSizer(sizer);
    return page;
}

void PreferencesDialog::enable_backup_controls() {
    if (!m_backup_enabled) return;
    const bool on = m_backup_enabled->GetValue();
    m_backup_beside->Enable(on);
    m_backup_elsewhere->Enable(on);
    m_backup_folder->Enable(on && m_backup_elsewhere->GetValue());
    m_backup_keep->Enable(on);
}

void PreferencesDialog::show_holidays() {
    m_holidays->DeleteAllItems();
    for (const auto& [day, name] : m_presenter.profile().holidays) {
        wxVector<wxVariant> row;
        row.push_back(wx(app::format_date(day)));
        row.push_back(wx(name));
        m_holidays->AppendItem(row);
    }
}

bool PreferencesDialog::save() {
    if (m_presenter.holidays_only()) {
        try {
            m_presenter.save();
            return true;
        } catch (const std::exception& e) {
            show_error(this, _("The holidays were not saved."), e);
            return false;
        }
    }
    PracticeProfile& p = m_presenter.profile();
    p.practice_name = utf8(m_name->GetValue());
    p.address = utf8(m_address->GetValue());
    p.phone = utf8(m_phone->GetValue());
    p.therapist_name = utf8(m_therapist->GetValue());
    p.licence_number = utf8(m_licence->GetValue());
    p.default_session_minutes = m_minutes->GetValue();
    for (std::size_t i = 0; i < week.size(); ++i) m_presenter.set_closed(week[i], m_closed[i]->GetValue());
    // On a clinic server the page shows no settings: those kept for practice files stay as they are.
    app::BackupSettings backups = AppConfig::backup_settings();
    if (m_backup_enabled) {
        backups.enabled = m_backup_enabled->GetValue();
        backups.folder = m_backup_elsewhere->GetValue() ? utf8(m_backup_folder->GetPath()) : std::string();
        backups.keep = m_backup_keep->GetValue();
    }
    try {
        if (m_backup_enabled && backups.enabled && m_backup_elsewhere->GetValue() && backups.folder.empty())
            throw ValidationError(utf8(_("backup folder")),
                                  utf8(_("choose a folder, or the one beside the practice")));
        backups.validate();
        m_presenter.save();
        AppConfig::set_backup_settings(backups);
        return true;
    } catch (const std::exception& e) {
        show_error(this, _("The preferences were not saved."), e);
        return false;
    }
}

} // namespace knotwork::gui
