#pragma once
// Preferences: practice name and address, therapist name and licence number (used on reports),
// closed weekdays and holidays, the default session length.
#include "preferences/preferences_presenter.h"

#include <wx/dialog.h>

#include <array>

class wxCheckBox;
class wxDataViewListCtrl;
class wxDatePickerCtrl;
class wxSpinCtrl;
class wxTextCtrl;

namespace knotwork::gui {

class PreferencesDialog : public wxDialog {
public:
    PreferencesDialog(wxWindow* parent, db::Database& db);

private:
    void show_holidays();
    bool save();

    PreferencesPresenter m_presenter;
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
};

} // namespace knotwork::gui
