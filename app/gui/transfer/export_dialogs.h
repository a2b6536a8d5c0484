#pragma once
// The small dialogs before an export's file is chosen: the days an export covers and, for the
// calendar, whose appointments and how each event names the client (transfer_presenter.h).
#include "transfer/transfer_presenter.h"

#include <wx/dialog.h>

#include <string>
#include <vector>

class wxChoice;
class wxDatePickerCtrl;
class wxStaticText;
class wxTextCtrl;

namespace knotwork::gui {

// File > Export > Calendar (iCalendar) ("calendar-export"), and with `calendar` false the days of
// File > Export > Appointments (CSV) ("appointments-export"). `therapists`: the names to offer,
// or none for a text field (empty: every therapist).
class ExportOptionsDialog : public wxDialog {
public:
    ExportOptionsDialog(wxWindow* parent, bool calendar, Date today, const std::vector<std::string>& therapists);
    CalendarChoices choices() const;

private:
    void on_ok(wxCommandEvent& e);

    bool m_calendar;
    std::vector<std::string> m_therapists;
    wxDatePickerCtrl* m_from = nullptr;
    wxDatePickerCtrl* m_to = nullptr;
    wxChoice* m_therapist_choice = nullptr;
    wxTextCtrl* m_therapist_text = nullptr;
    wxChoice* m_summary = nullptr;
    wxStaticText* m_problem = nullptr;
};

// The rows of a client CSV file that cannot be imported ("import-problems"), with "Import the Good
// Rows" (wxID_OK; only when some rows are good) and Cancel.
class ImportProblemsDialog : public wxDialog {
public:
    ImportProblemsDialog(wxWindow* parent, const ImportReview& review);
};

} // namespace knotwork::gui
