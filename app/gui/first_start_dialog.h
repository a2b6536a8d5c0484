#pragma once
// Shown when Knotwork starts without a practice to reopen: create a new practice (in the data
// folder by default), open an existing one, connect to a clinic server, or try the demo practice.
#include <wx/dialog.h>

namespace knotwork::gui {

class FirstStartDialog : public wxDialog {
public:
    enum class Choice { none, create, open, server, demo };
    explicit FirstStartDialog(wxWindow* parent);
    Choice choice() const { return m_choice; }
    const wxString& path() const { return m_path; }

private:
    void choose_create();
    void choose_open();
    void choose_demo();
    Choice m_choice = Choice::none;
    wxString m_path;
};

} // namespace knotwork::gui
