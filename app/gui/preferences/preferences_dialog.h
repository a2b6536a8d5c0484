#pragma once
// Preferences: practice name and address, therapist name and licence number (used on reports),
// closed weekdays and holidays, the default session length (kept in the practice file); and the
// automatic backups taken when a practice is closed (kept with the program's settings). On a
// clinic server the Backups page says the server's administrator makes them; an account that
// may not change the practice's preferences (the front desk) sees them without changing them,
// and changes the holidays.
#include "preferences/preferences_presenter.h"
#include "server/access_presenter.h"

#include <wx/dialog.h>

#include <array>

class wxCheckBox;
class wxDataViewListCtrl;
class wxDatePickerCtrl;
class wxDirPickerCtrl;
class wxRadioButton;
class wxSpinCtrl;
class wxTextCtrl;

namespace knotwork::gui {

class PreferencesDialog : public wxDialog {
public:
    // Throws knotwork::Error when the practice's preferences cannot be read.
    PreferencesDialog(wxWindow* parent, db::Database& db, const PracticeAccess& access = {});

private:
    void show_holidays();
    wxWindow* build_backups_page(wxWindow* book, const std::string& practice);
    wxWindow* build_server_backups_page(wxWindow* book);
    void enable_backup_controls();
    bool save();

    PreferencesPresenter m_presenter;
    PracticeAccess m_access;
    wxTextCtrl* m_name = nullptr;
    wxTextCtrl* m_address = nullptr;
    wxTextCtrl* m_phone = nullptr;
    wxTextCtrl* m_therapist = nullptr;
    wxTextCtrl* m_licence = nullptr;
    wxSpinCtrl* m_minutes = nullptr;
    std::array<wxCheckBox*, 7> m_closed{};
    wxDataViewListCtrl* m_holidays = nullptr;
    wxDatePickerCtrl* m_holiday_date = nullptr;
    wxTextCtrl* m_holiday_label = nullptr;
    wxCheckBox* m_backup_enabled = nullptr;
    wxRadioButton* m_backup_beside = nullptr;
    wxRadioButton* m_backup_elsewhere = nullptr;
    wxDirPickerCtrl* m_backup_folder = nullptr;
    wxSpinCtrl* m_backup_keep = nullptr;
};

} // namespace knotwork::gui
