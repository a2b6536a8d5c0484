#include "server/connect_dialog.h"

#include "common/wx_text.h"
#include "database.h"

#include <wx/busyinfo.h>
#include <wx/button.h>
#include <wx/radiobut.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include <algorithm>
#include <vector>

namespace knotwork::gui {

namespace {

const wxColour problem_colour(176, 0, 32);

std::unique_ptr<db::Database> open_server(const std::string& location, const std::string& password) {
    db::OpenOptions options;
    options.password = password;
    options.actor = utf8(wxGetUserId()); // the server records the account signed in instead
    return db::Database::open(location, options);
}

} // namespace

ConnectDialog::ConnectDialog(wxWindow* parent, ServerForm form, ConnectPresenter::Opener open)
    : wxDialog(parent, wxID_ANY, _("Connect to Clinic Server"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_presenter(open ? std::move(open) : ConnectPresenter::Opener(&open_server), std::move(form)) {
    SetName("connect-server");
    const ServerForm& f = m_presenter.form();
    const int margin = FromDIP(12);
    const int gap = FromDIP(6);
    const int indent = FromDIP(24);
    const wxString label_texts[] = {_("Ser&ver:"), _("&Database:"), _("User &name:"), _("&Password:")};
    int label_width = 0;
    for (const wxString& t : label_texts) label_width = std::max(label_width, GetTextExtent(wxStripMenuCodes(t)).x);

    auto label = [this, label_width](const wxString& text) {
        return new wxStaticText(this, wxID_ANY, text, wxDefaultPosition, wxSize(label_width, -1),
                                wxALIGN_RIGHT | wxST_NO_AUTORESIZE);
    };
    auto text = [this](const std::string& value, const char* name, long style = 0) {
        auto* ctrl = new wxTextCtrl(this, wxID_ANY, wx(value), wxDefaultPosition, wxDefaultSize, style);
        ctrl->SetName(name);
        return ctrl;
    };
    std::vector<std::pair<wxStaticText*, wxString>> hints; // wrapped to their column once laid out
    auto hint = [this, &hints](const wxString& words) {
        auto* h = new wxStaticText(this, wxID_ANY, words);
        h->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        hints.emplace_back(h, words);
        return h;
    };
    // Every field sits in one column, right of labels of one width, indented under its choice.
    auto grid = [this, gap] {
        auto* g = new wxFlexGridSizer(2, wxSize(FromDIP(8), gap));
        g->AddGrowableCol(1);
        return g;
    };
    auto* details = grid();
    auto* rest = grid();
    auto row = [label_width](wxFlexGridSizer* into, wxWindow* label_window, wxSizer* content) {
        if (label_window) into->Add(label_window, 0, wxALIGN_CENTER_VERTICAL);
        else into->Add(label_width, 0);
        into->Add(content, 1, wxEXPAND);
    };
    auto one = [](wxWindow* w) {
        auto* s = new wxBoxSizer(wxHORIZONTAL);
        s->Add(w, 1, wxALIGN_CENTER_VERTICAL);
        return s;
    };

    const wxString intro_text = _("Work on the practice kept on your clinic's server, shared with the other "
                                  "workstations. The practice's administrator gives you these details.");
    auto* intro = new wxStaticText(this, wxID_ANY, intro_text);
    intro->Wrap(FromDIP(460));

    m_details_mode = new wxRadioButton(this, wxID_ANY, _("&Server details"), wxDefaultPosition, wxDefaultSize,
                                       wxRB_GROUP);
    m_details_mode->SetName("server-details-mode");
    m_host = text(f.host, "server-host");
    m_host->SetHint(_("clinic-server.local or 192.168.1.20"));
    m_port = text(f.port, "server-port");
    m_port->SetInitialSize(wxSize(GetTextExtent("655350").x + FromDIP(24), -1));
    auto* host_row = new wxBoxSizer(wxHORIZONTAL);
    host_row->Add(m_host, 1, wxALIGN_CENTER_VERTICAL);
    host_row->Add(new wxStaticText(this, wxID_ANY, _("P&ort:")), 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, gap);
    host_row->Add(m_port, 0, wxALIGN_CENTER_VERTICAL);
    m_database = text(f.database, "server-database");
    m_user = text(f.user, "server-user");

    m_url_mode = new wxRadioButton(this, wxID_ANY, _("Connection &URL"));
    m_url_mode->SetName("server-url-mode");
    m_url = text(f.url, "server-url");
    m_url->SetHint("postgresql://user@server:5432/database");
    auto* url_box = new wxBoxSizer(wxVERTICAL);
    url_box->Add(m_url, 0, wxEXPAND);
    url_box->Add(hint(_("For an unusual setup: a postgresql:// URL, or settings such as host=server "
                        "dbname=practice sslmode=require.")),
                 0, wxTOP, FromDIP(4));

    m_password = text(f.password, "server-password", wxTE_PASSWORD);
    auto* password_box = new wxBoxSizer(wxVERTICAL);
    password_box->Add(m_password, 0, wxEXPAND);
    password_box->Add(hint(_("Knotwork never stores the password: it asks for it each time it connects, "
                             "unless the server knows this computer.")),
                      0, wxTOP, FromDIP(4));

    row(details, label(label_texts[0]), host_row);
    row(details, label(label_texts[1]), one(m_database));
    row(details, label(label_texts[2]), one(m_user));
    row(rest, nullptr, url_box);
    rest->Add(0, FromDIP(10)); // between the URL's hint and the password
    rest->Add(0, FromDIP(10));
    rest->Add(label(label_texts[3]), 0, wxTOP, (m_password->GetBestSize().y - GetCharHeight()) / 2);
    rest->Add(password_box, 1, wxEXPAND);

    m_message = new wxStaticText(this, wxID_ANY, wxString());
    m_message->SetName("connect-message");

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(intro, 0, wxALL, margin);
    sizer->Add(m_details_mode, 0, wxLEFT | wxRIGHT, margin);
    auto indented = [&](wxSizer* content) {
        auto* s = new wxBoxSizer(wxHORIZONTAL);
        s->AddSpacer(indent);
        s->Add(content, 1, wxEXPAND);
        sizer->AddSpacer(gap);
        sizer->Add(s, 0, wxEXPAND | wxLEFT | wxRIGHT, margin);
    };
    indented(details);
    sizer->Add(m_url_mode, 0, wxLEFT | wxRIGHT | wxTOP, margin);
    indented(rest);
    sizer->Add(m_message, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, margin);
    auto* buttons = CreateStdDialogButtonSizer(wxOK | wxCANCEL);
    m_connect = dynamic_cast<wxButton*>(FindWindow(wxID_OK));
    if (m_connect) m_connect->SetLabel(_("&Connect"));
    sizer->Add(buttons, 0, wxEXPAND | wxALL, margin);
    for (auto& [h, words] : hints) h->Wrap(FromDIP(300));
    SetSizerAndFit(sizer);
    SetSize(wxSize(FromDIP(520), GetSize().y));
    Layout();
    // Now that the field column has its width, the hints fill it, and the height follows.
    for (auto& [h, words] : hints) {
        h->SetLabel(words);
        h->Wrap(m_url->GetSize().x);
    }
    intro->SetLabel(intro_text);
    intro->Wrap(GetClientSize().x - 2 * margin);
    SetMinSize(wxSize(FromDIP(500), -1));
    SetSize(wxSize(GetSize().x, GetBestSize().y));
    SetMinSize(wxSize(FromDIP(500), GetSize().y));

    (f.use_url ? m_url_mode : m_details_mode)->SetValue(true);
    show_mode();

    m_details_mode->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) {
        show_mode();
        m_host->SetFocus();
    });
    m_url_mode->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) {
        show_mode();
        m_url->SetFocus();
    });
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { connect(); }, wxID_OK);

    // A remembered server needs only the password.
    const bool known = f.use_url ? !f.url.empty() : !f.host.empty() && !f.database.empty() && !f.user.empty();
    if (known) m_password->SetFocus();
    else if (f.use_url) m_url->SetFocus();
    else m_host->SetFocus();
}

void ConnectDialog::show_mode() {
    const bool url = m_url_mode->GetValue();
    for (wxTextCtrl* field : {m_host, m_port, m_database, m_user}) field->Enable(!url);
    m_url->Enable(url);
}

void ConnectDialog::read_form() {
    ServerForm& f = m_presenter.form();
    f.use_url = m_url_mode->GetValue();
    f.host = utf8(m_host->GetValue());
    f.port = utf8(m_port->GetValue());
    f.database = utf8(m_database->GetValue());
    f.user = utf8(m_user->GetValue());
    f.url = utf8(m_url->GetValue());
    f.password = utf8(m_password->GetValue());
}

wxTextCtrl* ConnectDialog::control_for(ServerField field) const {
    switch (field) {
    case ServerField::host: return m_host;
    case ServerField::port: return m_port;
    case ServerField::database: return m_database;
    case ServerField::user: return m_user;
    case ServerField::password: return m_password;
    case ServerField::url: return m_url;
    }
    return m_host;
}

void ConnectDialog::show_failure(const ConnectFailure& failure) {
    m_message->SetForegroundColour(problem_colour);
    m_message->SetLabel(wx(failure.message));
    m_message->Wrap(GetClientSize().x - FromDIP(24));
    Layout();
    const wxSize best = GetBestSize();
    if (best.y > GetSize().y) SetSize(wxSize(GetSize().x, best.y));
    wxTextCtrl* field = control_for(failure.field);
    if (field->IsEnabled()) {
        field->SetFocus();
        field->SelectAll();
    }
}

std::unique_ptr<db::Database> ConnectDialog::reconnect(wxWindow* parent, const std::string& location,
                                                       std::string& remembered) {
    const ServerForm form = form_for(location);
    std::optional<ConnectFailure> first_failure;
    {
        wxBusyCursor busy;
        wxBusyInfo note(wxString::Format(_("Connecting to %s..."), wx(practice_label(location))), parent);
        try {
            auto practice = open_server(with_connect_timeout(without_password(location)), std::string());
            remembered = without_password(location);
            return practice;
        } catch (const std::exception& e) {
            first_failure = explain_connect_failure(e, form);
        }
    }
    ConnectDialog dialog(parent, form);
    if (first_failure && first_failure->field != ServerField::password) dialog.show_failure(*first_failure);
    if (dialog.ShowModal() != wxID_OK) return nullptr;
    remembered = dialog.remembered_location();
    return dialog.take_practice();
}

void ConnectDialog::connect() {
    read_form();
    if (const auto problem = m_presenter.check()) {
        show_failure(*problem);
        return;
    }
    m_message->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    m_message->SetLabel(wxString::Format(_("Connecting to %s..."), wx(m_presenter.server_name())));
    Layout();
    std::unique_ptr<db::Database> practice;
    {
        // The server may take a few seconds to answer: show the line above first, with every
        // window disabled meanwhile so nothing is clicked twice.
        wxBusyCursor busy;
        wxSafeYield(nullptr, true);
        practice = m_presenter.connect();
    }
    if (!practice) {
        show_failure(*m_presenter.failure());
        return;
    }
    m_password->Clear(); // the typed password goes no further than the connection
    m_remembered = m_presenter.remembered_location();
    m_practice = std::move(practice);
    EndModal(wxID_OK);
}

} // namespace knotwork::gui
