#include "first_start_dialog.h"

#include "preferences/app_config.h"

#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace knotwork::gui {

FirstStartDialog::FirstStartDialog(wxWindow* parent)
    : wxDialog(parent, wxID_ANY, _("Welcome to Knotwork"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    SetName("first-start");
    auto* heading = new wxStaticText(this, wxID_ANY, _("Welcome to Knotwork"));
    heading->SetFont(heading->GetFont().Scaled(1.5f).Bold());
    auto* intro = new wxStaticText(
        this, wxID_ANY,
        _("Your practice - clients, assessments, plans and notes - lives in one file on this computer. "
          "Nothing is sent anywhere. (A clinic with several workstations can keep it on its own server "
          "instead.) Where should it live?"));
    intro->Wrap(FromDIP(460));

    auto* create = new wxButton(this, wxID_ANY, _("&Create a new practice..."));
    auto* open = new wxButton(this, wxID_ANY, _("&Open an existing practice..."));
    auto* server = new wxButton(this, wxID_ANY, _("Connect to a c&linic server..."));
    server->SetToolTip(_("Work on a practice shared by the clinic's workstations on its server"));
    auto* demo = new wxButton(this, wxID_ANY, _("Try the &demo practice"));
    auto* demo_hint = new wxStaticText(this, wxID_ANY,
                                       _("The demo practice holds 40 made-up clients with assessments, plans and "
                                         "signed notes, so you can look around safely."));
    demo_hint->Wrap(FromDIP(460));
    demo_hint->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(heading, 0, wxALL, FromDIP(16));
    sizer->Add(intro, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(16));
    for (auto* b : {create, open, server, demo}) sizer->Add(b, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(16));
    sizer->Add(demo_hint, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(16));
    sizer->Add(CreateStdDialogButtonSizer(wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(16));
    SetSizerAndFit(sizer);
    create->SetFocus();

    create->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { choose_create(); });
    open->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { choose_open(); });
    server->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        m_choice = Choice::server;
        EndModal(wxID_OK);
    });
    demo->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { choose_demo(); });
}

void FirstStartDialog::choose_create() {
    wxFileDialog dialog(this, _("New Practice"), AppConfig::data_folder(), "practice.knotwork",
                        _("Knotwork practice (*.knotwork)|*.knotwork"), wxFD_SAVE);
    if (dialog.ShowModal() != wxID_OK) return;
    if (wxFileExists(dialog.GetPath())) {
        wxMessageBox(_("A file with that name exists already. Choose another name, or open it instead."),
                     _("New Practice"), wxOK | wxICON_INFORMATION, this);
        return;
    }
    m_choice = Choice::create;
    m_path = dialog.GetPath();
    EndModal(wxID_OK);
}

void FirstStartDialog::choose_open() {
    wxFileDialog dialog(this, _("Open Practice"), AppConfig::data_folder(), wxString(),
                        _("Knotwork practice (*.knotwork)|*.knotwork|All files|*"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK) return;
    m_choice = Choice::open;
    m_path = dialog.GetPath();
    EndModal(wxID_OK);
}

void FirstStartDialog::choose_demo() {
    m_choice = Choice::demo;
    m_path = wxFileName(AppConfig::data_folder(), "demo.knotwork").GetFullPath();
    EndModal(wxID_OK);
}

} // namespace knotwork::gui
