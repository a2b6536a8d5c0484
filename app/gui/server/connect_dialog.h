#pragma once
// File > Connect to Clinic Server: server, port, database, user name and password, or one
// connection URL for an unusual setup. Connect tries at once; a failure is said in the dialog,
// naming the problem, with the cursor in the field concerned and everything typed kept. The
// logic lives in ConnectPresenter (connect_presenter.h).
#include "server/connect_presenter.h"

#include <wx/dialog.h>

#include <memory>
#include <string>

class wxButton;
class wxRadioButton;
class wxStaticText;
class wxTextCtrl;

namespace knotwork::gui {

class ConnectDialog : public wxDialog {
public:
    // `form`: what the fields start with (a remembered server, never a password); `open`: how to
    // connect, db::Database::open with the user's name as the actor when empty.
    explicit ConnectDialog(wxWindow* parent, ServerForm form = {}, ConnectPresenter::Opener open = {});

    // Once ShowModal() returned wxID_OK: the practice on the server, and what to remember of it
    // (the location without a password).
    std::unique_ptr<db::Database> take_practice() { return std::move(m_practice); }
    const std::string& remembered_location() const noexcept { return m_remembered; }

    // Shows `failure` under the fields, as after a failed attempt.
    void show_failure(const ConnectFailure& failure);

    // Connects again to the remembered `location` (never holding a password): first without a
    // password, with only a "Connecting to …" note on screen, which works when the server knows
    // this computer (~/.pgpass, PGPASSWORD, a trusted network); otherwise the dialog asks for
    // the password, saying nothing of that first attempt unless it failed for another reason
    // (the server not answering). Returns nullptr when the person cancels; `remembered` receives
    // what to remember of the connection made.
    static std::unique_ptr<db::Database> reconnect(wxWindow* parent, const std::string& location,
                                                   std::string& remembered);

private:
    void connect();
    void read_form();
    void show_mode();
    wxTextCtrl* control_for(ServerField field) const;

    ConnectPresenter m_presenter;
    std::unique_ptr<db::Database> m_practice;
    std::string m_remembered;

    wxRadioButton* m_details_mode = nullptr;
    wxRadioButton* m_url_mode = nullptr;
    wxTextCtrl* m_host = nullptr;
    wxTextCtrl* m_port = nullptr;
    wxTextCtrl* m_database = nullptr;
    wxTextCtrl* m_user = nullptr;
    wxTextCtrl* m_url = nullptr;
    wxTextCtrl* m_password = nullptr;
    wxStaticText* m_message = nullptr;
    wxButton* m_connect = nullptr;
};

} // namespace knotwork::gui
