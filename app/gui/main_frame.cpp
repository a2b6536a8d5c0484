#include "main_frame.h"

#include "backup.h"
#include "core/backups.h"
#include "clients/client_list_model.h"
#include "clients/intake_dialog.h"
#include "history/history_dialog.h"
#include "common/error_message.h"
#include "common/menu_accelerators.h"
#include "common/wx_text.h"
#include "chart/chart_page_presenter.h"
#include "core/display_format.h"
#include "practice_statistics.h"
#include "preferences/app_config.h"
#include "repositories/client_repository.h"
#include "assessment/assessment_dialog.h"
#include "plan/plan_dialog.h"
#include "preferences/preferences_dialog.h"
#include "reports/reports_page.h"
#include "schedule/schedule_frame.h"
#include "search/note_search_dialog.h"
#include "session/session_note_dialog.h"

#include <wx/aboutdlg.h>
#include <wx/artprov.h>
#include <wx/cmndata.h>
#include <wx/dataview.h>
#include <wx/dirdlg.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/html/htmlwin.h>
#include <wx/notebook.h>
#include <wx/progdlg.h>
#include <wx/srchctrl.h>
#include <wx/splitter.h>

#include <algorithm>

namespace knotwork::gui {

namespace {
enum MenuId {
    id_new_client = wxID_HIGHEST + 1,
    id_edit_client,
    id_archive_client,
    id_backup,
    id_restore,
    id_export_reports,
    id_report_preview,
    id_report_print,
    id_report_pdf,
    id_page_setup,
    id_find_notes,
    id_today,
    id_new_assessment,
    id_new_plan,
    id_open_session,
    id_schedule,
    id_page_profile,
    id_page_last = id_page_profile + 4,
    id_recent_first,
    id_recent_last = id_recent_first + 8,
    id_client_history,
};

enum TodayColumn { today_time, today_client, today_status, today_series };

// A column wide enough for `sample` (a date or time as the user's locale writes it: "12:59 PM"
// is wider than "12:59") in the list's font, and never narrower than `dip`.
int column_width(wxWindow* list, const std::string& sample, int dip) {
    return std::max(list->FromDIP(dip), list->GetTextExtent(wx(sample)).x + list->FromDIP(20));
}

// Samples with the widest digits and the longest names a date or time can have.
const Date wide_date(2026, 12, 28);
const Duration wide_time = boost::posix_time::hours(12) + boost::posix_time::minutes(58);
} // namespace

MainFrame::MainFrame(std::unique_ptr<db::Database> practice, const wxString& path)
    : wxFrame(nullptr, wxID_ANY, "Knotwork"), m_db(std::move(practice)), m_path(path) {
    SetName("knotwork-main");
    m_clients = std::make_unique<ClientListPresenter>(*m_db);
    m_print_data = std::make_unique<wxPrintDialogData>();
    build_menus();
    build_toolbar();
    build_panes();
    CreateStatusBar(2);
    const int widths[] = {-1, FromDIP(260)};
    GetStatusBar()->SetStatusWidths(2, widths);

    if (auto rect = AppConfig::main_window_rect()) SetSize(*rect);
    else SetSize(FromDIP(wxSize(1180, 760)));
    if (AppConfig::main_window_maximized()) Maximize();
    Bind(wxEVT_CLOSE_WINDOW, &MainFrame::on_close, this);
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (!dispatch_menu_accelerator(this, GetMenuBar(), e)) e.Skip();
    });
    load_practice();
}

MainFrame::~MainFrame() = default;

void MainFrame::build_menus() {
    auto* file = new wxMenu;
    file->Append(wxID_NEW, _("&New Practice...\tCtrl+Shift+N"));
    file->Append(wxID_OPEN, _("&Open Practice...\tCtrl+O"));
    auto* recent = new wxMenu;
    const auto files = AppConfig::recent_practices();
    for (std::size_t i = 0; i < files.size(); ++i) recent->Append(id_recent_first + static_cast<int>(i), files[i]);
    if (files.empty()) recent->Append(id_recent_first, _("(none)"))->Enable(false);
    file->AppendSubMenu(recent, _("Open &Recent"));
    file->AppendSeparator();
    file->Append(id_backup, _("&Back Up Practice...\tCtrl+Shift+B"));
    file->Append(id_restore, _("Res&tore from Backup..."));
    file->AppendSeparator();
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));

    auto* edit = new wxMenu;
    edit->Append(wxID_PREFERENCES, _("&Preferences...\tCtrl+,"));

    auto* client = new wxMenu;
    client->Append(id_new_client, _("&New Client...\tCtrl+N"));
    client->Append(id_edit_client, _("&Edit Client...\tCtrl+E"));
    client->AppendSeparator();
    client->Append(id_new_assessment, _("New A&ssessment...\tCtrl+Shift+A"));
    client->Append(id_new_plan, _("New Treatment &Plan...\tCtrl+Shift+P"));
    client->Append(id_open_session, _("Open Session &Note\tCtrl+Shift+O"));
    client->Append(id_client_history, _("Client &History...\tCtrl+Shift+H"));
    client->AppendSeparator();
    client->Append(id_archive_client, _("&Archive Client"));

    auto* go = new wxMenu;
    go->Append(wxID_FIND, _("&Find Client\tCtrl+F"));
    go->Append(id_find_notes, _("Search &Notes...\tCtrl+Shift+F"));
    go->Append(id_today, _("&Today\tCtrl+T"));
    go->Append(id_schedule, _("S&chedule\tCtrl+D"));
    go->AppendSeparator();
    go->Append(id_page_profile, _("&Profile and History\tAlt+1"));
    go->Append(id_page_profile + 1, _("&Assessments\tAlt+2"));
    go->Append(id_page_profile + 2, _("Treatment P&lans\tAlt+3"));
    go->Append(id_page_profile + 3, _("&Sessions and Notes\tAlt+4"));
    go->Append(id_page_profile + 4, _("&Reports\tAlt+5"));

    auto* reports = new wxMenu;
    reports->Append(id_report_preview, _("Print Pre&view..."));
    reports->Append(id_report_print, _("&Print...\tCtrl+P"));
    reports->Append(id_report_pdf, _("Save as P&DF..."));
    reports->Append(id_page_setup, _("Page Set&up..."));
    reports->AppendSeparator();
    reports->Append(id_export_reports, _("Reports for All Active &Clients..."));

    auto* help = new wxMenu;
    help->Append(wxID_ABOUT, _("&About Knotwork"));

    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(edit, _("&Edit"));
    bar->Append(client, _("&Client"));
    bar->Append(go, _("&Go"));
    bar->Append(reports, _("&Reports"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);

    Bind(wxEVT_MENU, &MainFrame::on_new_practice, this, wxID_NEW);
    Bind(wxEVT_MENU, &MainFrame::on_open_practice, this, wxID_OPEN);
    Bind(wxEVT_MENU, &MainFrame::on_open_recent, this, id_recent_first, id_recent_last);
    Bind(wxEVT_MENU, &MainFrame::on_backup, this, id_backup);
    Bind(wxEVT_MENU, &MainFrame::on_restore, this, id_restore);
    Bind(wxEVT_MENU, &MainFrame::on_export_reports, this, id_export_reports);
    auto report_action = [this](void (ReportsPage::*action)()) {
        return [this, action](wxCommandEvent&) {
            m_chart_book->SetSelection(4);
            (m_reports_page->*action)();
        };
    };
    Bind(wxEVT_MENU, report_action(&ReportsPage::preview), id_report_preview);
    Bind(wxEVT_MENU, report_action(&ReportsPage::print), id_report_print);
    Bind(wxEVT_MENU, report_action(&ReportsPage::save_pdf), id_report_pdf);
    Bind(wxEVT_MENU, report_action(&ReportsPage::page_setup), id_page_setup);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(wxEVT_MENU, &MainFrame::on_new_client, this, id_new_client);
    Bind(wxEVT_MENU, &MainFrame::on_edit_client, this, id_edit_client);
    Bind(wxEVT_MENU, &MainFrame::on_archive_client, this, id_archive_client);
    Bind(wxEVT_MENU, &MainFrame::on_client_history, this, id_client_history);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        m_left->SetSelection(0);
        m_search->SetFocus();
        m_search->SelectAll();
    }, wxID_FIND);
    Bind(wxEVT_MENU, &MainFrame::on_find_in_notes, this, id_find_notes);
    Bind(wxEVT_MENU, &MainFrame::on_today, this, id_today);
    Bind(wxEVT_MENU, &MainFrame::on_about, this, wxID_ABOUT);
    Bind(wxEVT_MENU, &MainFrame::on_preferences, this, wxID_PREFERENCES);
    Bind(wxEVT_MENU, &MainFrame::on_new_assessment, this, id_new_assessment);
    Bind(wxEVT_MENU, &MainFrame::on_new_plan, this, id_new_plan);
    Bind(wxEVT_MENU, &MainFrame::on_open_session, this, id_open_session);
    Bind(wxEVT_MENU, &MainFrame::on_schedule, this, id_schedule);
    Bind(wxEVT_MENU, [this](wxCommandEvent& e) { m_chart_book->SetSelection(static_cast<std::size_t>(e.GetId() - id_page_profile)); },
         id_page_profile, id_page_last);
}

void MainFrame::build_toolbar() {
    auto* tb = CreateToolBar(wxTB_HORIZONTAL | wxTB_TEXT | wxTB_HORZ_LAYOUT);
    const wxSize icon = FromDIP(wxSize(16, 16));
    tb->AddTool(id_new_client, _("New Client"), wxArtProvider::GetBitmapBundle(wxART_NEW, wxART_TOOLBAR, icon),
                _("Take in a new client (Ctrl+N)"));
    tb->AddTool(id_edit_client, _("Edit Client"), wxArtProvider::GetBitmapBundle(wxART_EDIT, wxART_TOOLBAR, icon),
                _("Edit the selected client's profile (Ctrl+E)"));
    tb->AddTool(id_new_assessment, _("Assess"), wxArtProvider::GetBitmapBundle(wxART_REPORT_VIEW, wxART_TOOLBAR, icon),
                _("New assessment for the selected client (Ctrl+Shift+A)"));
    tb->AddTool(id_new_plan, _("Plan"), wxArtProvider::GetBitmapBundle(wxART_LIST_VIEW, wxART_TOOLBAR, icon),
                _("New treatment plan for the selected client (Ctrl+Shift+P)"));
    tb->AddSeparator();
    tb->AddTool(id_today, _("Today"), wxArtProvider::GetBitmapBundle(wxART_GO_HOME, wxART_TOOLBAR, icon),
                _("Today's appointments (Ctrl+T)"));
    tb->AddTool(id_schedule, _("Schedule"), wxArtProvider::GetBitmapBundle(wxART_GOTO_LAST, wxART_TOOLBAR, icon),
                _("Day and week views of appointments (Ctrl+D)"));
    tb->AddTool(id_find_notes, _("Search Notes"), wxArtProvider::GetBitmapBundle(wxART_FIND, wxART_TOOLBAR, icon),
                _("Full-text search over every note (Ctrl+Shift+F)"));
    tb->Realize();
}

void MainFrame::build_panes() {
    m_splitter = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    m_splitter->SetMinimumPaneSize(FromDIP(220));

    // Left: clients and today.
    m_left = new wxNotebook(m_splitter, wxID_ANY);
    auto* clients_page = new wxPanel(m_left);
    m_search = new wxSearchCtrl(clients_page, wxID_ANY);
    m_search->SetDescriptiveText(_("Name, phone or date of birth"));
    m_search->ShowCancelButton(true);
    m_search->SetName("client-search");
    m_show_archived = new wxCheckBox(clients_page, wxID_ANY, _("Show &archived clients"));
    m_client_list = new wxDataViewCtrl(clients_page, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                       wxDV_SINGLE | wxDV_ROW_LINES | wxDV_VERT_RULES);
    m_client_list->SetName("client-list");
    m_client_model = new ClientListModel(*m_clients);
    m_client_list->AssociateModel(m_client_model);
    m_client_model->DecRef();
    m_client_list->AppendTextColumn(_("Name"), 0, wxDATAVIEW_CELL_INERT, FromDIP(190), wxALIGN_LEFT,
                                    wxDATAVIEW_COL_RESIZABLE);
    m_client_list->AppendTextColumn(_("Born"), 1, wxDATAVIEW_CELL_INERT,
                                    column_width(m_client_list, app::format_date(wide_date), 90), wxALIGN_LEFT,
                                    wxDATAVIEW_COL_RESIZABLE);
    m_client_list->AppendTextColumn(_("Phone"), 2, wxDATAVIEW_CELL_INERT, FromDIP(110), wxALIGN_LEFT,
                                    wxDATAVIEW_COL_RESIZABLE);
    m_client_list->SetToolTip(_("Select a client to open the chart"));
    auto* clients_sizer = new wxBoxSizer(wxVERTICAL);
    clients_sizer->Add(m_search, 0, wxEXPAND | wxALL, FromDIP(6));
    clients_sizer->Add(m_show_archived, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6));
    clients_sizer->Add(m_client_list, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6));
    clients_page->SetSizer(clients_sizer);
    m_left->AddPage(clients_page, _("Clients"), true);

    auto* today_page = new wxPanel(m_left);
    m_today_date = new wxStaticText(today_page, wxID_ANY, wxString());
    m_today_date->SetName("today-date");
    m_today_date->SetFont(m_today_date->GetFont().Bold());
    m_today_list = new wxDataViewListCtrl(today_page, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                          wxDV_SINGLE | wxDV_ROW_LINES);
    m_today_list->SetName("today-list");
    m_today_list->AppendTextColumn(
        _("Time"), wxDATAVIEW_CELL_INERT,
        column_width(m_today_list, app::format_time(wide_time) + "\u2013" + app::format_time(wide_time), 90));
    m_today_list->AppendTextColumn(_("Client"), wxDATAVIEW_CELL_INERT, FromDIP(160));
    m_today_list->AppendTextColumn(_("Status"), wxDATAVIEW_CELL_INERT, FromDIP(90));
    m_today_list->AppendTextColumn(_("Series"), wxDATAVIEW_CELL_INERT, FromDIP(70));
    auto* today_hint = new wxStaticText(today_page, wxID_ANY, _("Double-click or press Enter to open the note."));
    auto* today_sizer = new wxBoxSizer(wxVERTICAL);
    today_sizer->Add(m_today_date, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(6));
    today_sizer->Add(m_today_list, 1, wxEXPAND | wxALL, FromDIP(6));
    today_sizer->Add(today_hint, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6));
    today_page->SetSizer(today_sizer);
    m_left->AddPage(today_page, _("Today"));

    // Right: the chart.
    auto* chart = new wxPanel(m_splitter);
    m_chart_title = new wxStaticText(chart, wxID_ANY, _("Select a client"));
    m_chart_title->SetName("chart-title");
    m_chart_title->SetFont(m_chart_title->GetFont().Scaled(1.4f).Bold());
    m_chart_book = new wxNotebook(chart, wxID_ANY);
    auto page = [this](const wxString& title, const char* name) {
        auto* html = new wxHtmlWindow(m_chart_book, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxHW_SCROLLBAR_AUTO);
        html->SetName(name);
        html->SetBorders(FromDIP(8));
        m_chart_book->AddPage(html, title);
        return html;
    };
    m_profile_page = page(_("Profile && History"), "profile-page");
    m_assessments_page = page(_("Assessments"), "assessments-page");
    m_plans_page = page(_("Treatment Plans"), "plans-page");
    auto* sessions = new wxSplitterWindow(m_chart_book, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE);
    sessions->SetName("sessions-page");
    m_session_list = new wxDataViewListCtrl(sessions, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                            wxDV_SINGLE | wxDV_ROW_LINES);
    m_session_list->SetName("session-list");
    const std::string wide_date_time = app::format_date_time(DateTime(wide_date, wide_time));
    m_session_list->AppendTextColumn(_("Date"), wxDATAVIEW_CELL_INERT,
                                     column_width(m_session_list, wide_date_time, 130));
    m_session_list->AppendTextColumn(_("Status"), wxDATAVIEW_CELL_INERT, FromDIP(90));
    m_session_list->AppendTextColumn(_("Series"), wxDATAVIEW_CELL_INERT, FromDIP(60));
    m_session_list->AppendTextColumn(_("Pain"), wxDATAVIEW_CELL_INERT, FromDIP(70));
    m_session_list->AppendTextColumn(_("Note"), wxDATAVIEW_CELL_INERT, FromDIP(120));
    m_session_view = new wxHtmlWindow(sessions, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxHW_SCROLLBAR_AUTO);
    m_session_view->SetBorders(FromDIP(8));
    sessions->SetMinimumPaneSize(FromDIP(80));
    sessions->SplitHorizontally(m_session_list, m_session_view, FromDIP(220));
    m_chart_book->AddPage(sessions, _("Sessions && Notes"));
    m_reports_page = new ReportsPage(m_chart_book, [this]() -> db::Database& { return *m_db; }, *m_print_data);
    m_chart_book->AddPage(m_reports_page, _("Reports"));
    auto* chart_sizer = new wxBoxSizer(wxVERTICAL);
    chart_sizer->Add(m_chart_title, 0, wxALL, FromDIP(8));
    chart_sizer->Add(m_chart_book, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6));
    chart->SetSizer(chart_sizer);

    m_splitter->SplitVertically(m_left, chart, AppConfig::client_list_width(FromDIP(420)));
    m_splitter->SetSashGravity(0.0);

    m_search->Bind(wxEVT_TEXT, &MainFrame::on_filter_changed, this);
    m_search->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) { m_search->Clear(); });
    m_show_archived->Bind(wxEVT_CHECKBOX, &MainFrame::on_show_archived, this);
    m_client_list->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, &MainFrame::on_client_selected, this);
    m_client_list->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) { m_chart_book->SetFocus(); });
    m_today_list->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, &MainFrame::on_today_activated, this);
    m_session_list->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { show_selected_session(); });
    m_session_list->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) {
        wxCommandEvent e;
        on_open_session(e);
    });
    m_today_list->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) {
        const int row = m_today_list->GetSelectedRow();
        if (row != wxNOT_FOUND && static_cast<std::size_t>(row) < m_today.size())
            show_client(m_today[static_cast<std::size_t>(row)].client);
    });
}

void MainFrame::load_practice() {
    wxBusyCursor busy;
    m_clients->refresh();
    m_client_model->rows_changed();
    m_chart.reset();
    reload_chart();
    reload_today();
    update_title();
    update_actions();
    SetStatusText(wx(m_clients->status_text()), 0);
    m_ready = true;
}

void MainFrame::update_title() {
    SetTitle(wxFileName(m_path).GetName() + wxString::FromUTF8(" — Knotwork"));
    SetStatusText(m_path, 1);
}

void MainFrame::update_actions() {
    const bool has_client = m_chart.has_value();
    GetMenuBar()->Enable(id_edit_client, has_client);
    GetMenuBar()->Enable(id_archive_client, has_client);
    GetToolBar()->EnableTool(id_edit_client, has_client);
    for (int id : {id_new_assessment, id_new_plan, id_open_session, id_client_history, id_report_preview,
                   id_report_print, id_report_pdf, id_page_setup})
        GetMenuBar()->Enable(id, has_client);
    GetToolBar()->EnableTool(id_new_assessment, has_client);
    GetToolBar()->EnableTool(id_new_plan, has_client);
    if (has_client)
        GetMenuBar()->SetLabel(id_archive_client, m_chart->client.is_archived() ? _("&Restore Client") : _("&Archive Client"));
}

void MainFrame::reload_today() {
    m_today_list->DeleteAllItems();
    const Date today = today_local();
    m_today_date->SetLabelText(wx(app::format_long_date(today)));
    try {
        m_today = db::SessionRepository(*m_db).between(DateTime(today), DateTime(today + boost::gregorian::days(1)));
    } catch (const std::exception& e) {
        show_error(this, _("Today's appointments could not be loaded."), e);
        m_today.clear();
    }
    for (const auto& a : m_today) {
        wxVector<wxVariant> row;
        row.push_back(
            wx(app::format_time(a.starts_at.time_of_day()) + "\u2013" + app::format_time(a.ends_at.time_of_day())));
        row.push_back(wx(a.client_name));
        row.push_back(wx(std::string(label(a.status))) + (a.is_signed ? wxString::FromUTF8(" \u2713") : wxString()));
        row.push_back(a.series ? wxString::Format("%d/%d", a.series->number, a.series->of) : wxString());
        m_today_list->AppendItem(row);
    }
    m_left->SetPageText(1, wxString::Format(_("Today (%zu)"), m_today.size()));
}

void MainFrame::show_client(ClientId id) {
    try {
        m_chart = app::load_chart(*m_db, id, 500);
    } catch (const std::exception& e) {
        show_error(this, _("The chart could not be opened."), e);
        m_chart.reset();
    }
    if (m_chart) {
        if (auto row = m_clients->index_of(id)) {
            const wxDataViewItem item = m_client_model->GetItem(static_cast<unsigned int>(*row));
            if (m_client_list->GetSelection() != item) {
                m_client_list->Select(item);
                m_client_list->EnsureVisible(item);
            }
        }
    }
    reload_chart();
    update_actions();
}

void MainFrame::reload_chart() {
    if (!m_chart) {
        m_chart_title->SetLabel(_("Select a client, or press Ctrl+N to take in a new one"));
        const wxString empty = "<html><body></body></html>";
        for (auto* page : {m_profile_page, m_assessments_page, m_plans_page, m_session_view}) page->SetPage(empty);
        m_session_list->DeleteAllItems();
        m_reports_page->show_client(nullptr);
        return;
    }
    m_chart_title->SetLabel(wx(m_chart->client.display_name()));
    m_reports_page->show_client(&*m_chart);
    m_profile_page->SetPage(wx(profile_page_html(*m_chart, today_local())));
    m_assessments_page->SetPage(wx(assessments_page_html(*m_chart)));
    m_plans_page->SetPage(wx(plans_page_html(*m_chart)));
    m_session_list->DeleteAllItems();
    for (const auto& session : m_chart->sessions) {
        wxVector<wxVariant> row;
        row.push_back(wx(app::format_date_time(session.starts_at())));
        row.push_back(wx(std::string(label(session.status()))));
        row.push_back(session.series() ? wxString::Format("%d/%d", session.series()->number, session.series()->of)
                                       : wxString());
        const auto& note = session.note();
        row.push_back(note.pain_before && note.pain_after
                          ? wx(std::to_string(note.pain_before->value()) + " \u2192 " + std::to_string(note.pain_after->value()))
                          : wxString());
        row.push_back(session.is_signed() ? _("Signed")
                      : session.status() == AppointmentStatus::completed ? _("Draft - unsigned")
                                                                          : wxString());
        m_session_list->AppendItem(row);
    }
    if (!m_chart->sessions.empty()) m_session_list->SelectRow(0);
    show_selected_session();
}

void MainFrame::show_selected_session() {
    const int row = m_session_list->GetSelectedRow();
    if (!m_chart || row == wxNOT_FOUND || static_cast<std::size_t>(row) >= m_chart->sessions.size()) {
        m_session_view->SetPage("<html><body><p>" +
                                (m_chart && m_chart->sessions.empty() ? _("No session yet.") : wxString()) +
                                "</p></body></html>");
        return;
    }
    app::ClientChart one{m_chart->client, {}, {}, {m_chart->sessions[static_cast<std::size_t>(row)]}, {}};
    m_session_view->SetPage(wx(sessions_page_html(one)));
}

void MainFrame::on_open_session(wxCommandEvent&) {
    if (!m_chart) return;
    const int row = m_session_list->GetSelectedRow();
    if (row == wxNOT_FOUND || static_cast<std::size_t>(row) >= m_chart->sessions.size()) {
        m_chart_book->SetSelection(3);
        return;
    }
    const SessionId id = m_chart->sessions[static_cast<std::size_t>(row)].id();
    try {
        SessionNoteDialog dialog(this, *m_db, id);
        dialog.ShowModal();
    } catch (const std::exception& e) {
        show_error(this, _("The session note cannot be opened."), e);
    }
    const ClientId client = m_chart->client.id();
    show_client(client);
    if (auto index = [&]() -> std::optional<std::size_t> {
            for (std::size_t i = 0; i < m_chart->sessions.size(); ++i)
                if (m_chart->sessions[i].id() == id) return i;
            return std::nullopt;
        }())
        m_session_list->SelectRow(static_cast<unsigned int>(*index));
    m_chart_book->SetSelection(3);
    show_selected_session();
    reload_today();
}

void MainFrame::open_note(SessionId session, wxWindow* parent) {
    try {
        SessionNoteDialog dialog(parent, *m_db, session);
        dialog.ShowModal();
    } catch (const std::exception& e) {
        show_error(parent, _("The session note cannot be opened."), e);
    }
    reload_today();
    if (m_chart) show_client(m_chart->client.id());
}

void MainFrame::on_schedule(wxCommandEvent&) {
    if (m_schedule) {
        m_schedule->Raise();
        return;
    }
    try {
        m_schedule = new ScheduleFrame(
            this, *m_db,
            [this](SessionId session) {
                open_note(session, m_schedule);
                if (m_schedule) m_schedule->reload();
            },
            [this](ClientId client) {
                show_client(client);
                m_left->SetSelection(0);
                Raise();
            });
    } catch (const std::exception& e) {
        show_error(this, _("The schedule cannot be opened."), e);
        return;
    }
    m_schedule->Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
        m_schedule = nullptr;
        reload_today();
        e.Skip();
    });
    m_schedule->Show();
}

void MainFrame::on_preferences(wxCommandEvent&) {
    PreferencesDialog dialog(this, *m_db);
    dialog.ShowModal();
}

void MainFrame::on_new_assessment(wxCommandEvent&) {
    if (!m_chart) return;
    try {
        AssessmentDialog dialog(this, *m_db, m_chart->client.id(), std::nullopt);
        if (dialog.ShowModal() != wxID_OK) return;
    } catch (const std::exception& e) {
        show_error(this, _("The assessment cannot be started."), e);
        return;
    }
    show_client(m_chart->client.id());
    m_chart_book->SetSelection(1);
}

void MainFrame::on_new_plan(wxCommandEvent&) {
    if (!m_chart) return;
    try {
        PlanDialog dialog(this, *m_db, m_chart->client.id());
        if (dialog.ShowModal() != wxID_OK) return;
    } catch (const std::exception& e) {
        show_error(this, _("The treatment plan cannot be started."), e);
        return;
    }
    show_client(m_chart->client.id());
    m_chart_book->SetSelection(2);
    reload_today();
}

void MainFrame::on_filter_changed(wxCommandEvent&) {
    try {
        if (m_clients->set_filter(utf8(m_search->GetValue()))) m_client_model->rows_changed();
        SetStatusText(wx(m_clients->status_text()), 0);
        if (m_chart) {
            if (auto row = m_clients->index_of(m_chart->client.id()))
                m_client_list->Select(m_client_model->GetItem(static_cast<unsigned int>(*row)));
        }
    } catch (const std::exception& e) {
        show_error(this, _("Searching clients failed."), e);
    }
}

void MainFrame::on_show_archived(wxCommandEvent&) {
    if (m_clients->set_show_archived(m_show_archived->GetValue())) m_client_model->rows_changed();
    SetStatusText(wx(m_clients->status_text()), 0);
}

void MainFrame::on_client_selected(wxDataViewEvent&) {
    const wxDataViewItem item = m_client_list->GetSelection();
    if (!item.IsOk()) return;
    const unsigned int row = m_client_model->GetRow(item);
    if (row >= m_clients->size()) return;
    const ClientId id = m_clients->at(row).id;
    if (m_chart && m_chart->client.id() == id) return;
    show_client(id);
}

void MainFrame::on_today_activated(wxDataViewEvent&) {
    const int row = m_today_list->GetSelectedRow();
    if (row == wxNOT_FOUND || static_cast<std::size_t>(row) >= m_today.size()) return;
    const auto& appointment = m_today[static_cast<std::size_t>(row)];
    try {
        SessionNoteDialog dialog(this, *m_db, appointment.id);
        dialog.ShowModal();
    } catch (const std::exception& e) {
        show_error(this, _("The session note cannot be opened."), e);
    }
    reload_today();
    show_client(appointment.client);
}

void MainFrame::on_new_client(wxCommandEvent&) {
    IntakeDialog dialog(this, *m_db, std::nullopt);
    if (dialog.ShowModal() != wxID_OK) return;
    m_search->ChangeValue(wxString());
    m_clients->set_filter("");
    m_clients->refresh();
    m_client_model->rows_changed();
    show_client(dialog.saved_client());
    SetStatusText(wx(m_clients->status_text()), 0);
}

void MainFrame::on_edit_client(wxCommandEvent&) {
    if (!m_chart) return;
    ClientId saved = 0;
    try {
        IntakeDialog dialog(this, *m_db, m_chart->client.id());
        if (dialog.ShowModal() != wxID_OK) return;
        saved = dialog.saved_client();
    } catch (const std::exception& e) {
        show_error(this, _("The client cannot be edited."), e);
        return;
    }
    m_clients->refresh();
    m_client_model->rows_changed();
    show_client(saved);
}

void MainFrame::on_archive_client(wxCommandEvent&) {
    if (!m_chart) return;
    Client client = m_chart->client;
    const bool archiving = !client.is_archived();
    if (archiving &&
        wxMessageBox(wxString::Format(_("Archive %s?\n\nArchived clients leave the daily lists; every record is kept "
                                        "and the client can be restored at any time."),
                                      wx(client.display_name())),
                     _("Archive Client"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION, this) != wxYES)
        return;
    try {
        db::Transaction tx(*m_db);
        db::ClientRepository repo(*m_db);
        if (archiving) repo.archive(client, today_local());
        else repo.restore(client);
        tx.commit();
    } catch (const std::exception& e) {
        show_error(this, archiving ? _("The client could not be archived.") : _("The client could not be restored."), e);
        return;
    }
    m_clients->refresh();
    m_client_model->rows_changed();
    show_client(client.id());
    SetStatusText(wx(m_clients->status_text()), 0);
}

void MainFrame::on_client_history(wxCommandEvent&) {
    if (!m_chart) return;
    try {
        HistoryDialog dialog(this, *m_db, m_chart->client.id());
        dialog.ShowModal();
    } catch (const std::exception& e) {
        show_error(this, _("The client's history could not be read."), e);
    }
}

void MainFrame::switch_practice(const wxString& path, bool create) {
    try {
        db::OpenOptions options;
        options.create_if_missing = create;
        options.actor = m_db->actor();
        auto db = db::Database::open(utf8(path), options);
        if (m_schedule) m_schedule->Close(true); // it reads the practice being closed
        write_automatic_backup();
        adopt_practice(std::move(db), path);
        AppConfig::set_last_practice(path);
    } catch (const std::exception& e) {
        show_error(this, _("The practice could not be opened."), e);
    }
}

void MainFrame::adopt_practice(std::unique_ptr<db::Database> db, const wxString& path) {
    m_chart.reset();
    m_db = std::move(db);
    m_path = path;
    m_clients = std::make_unique<ClientListPresenter>(*m_db);
    m_client_model = new ClientListModel(*m_clients);
    m_client_list->AssociateModel(m_client_model);
    m_client_model->DecRef();
    load_practice();
}

void MainFrame::write_automatic_backup() {
    if (!m_db || !m_automatic_backup) return;
    const app::BackupSettings settings = AppConfig::backup_settings();
    if (!settings.enabled) return;
    const std::filesystem::path practice(utf8(m_path));
    try {
        wxBusyCursor busy;
        const auto folder = app::backup_folder(practice, settings);
        if (!app::changed_since_last_backup(*m_db, folder, practice.stem().string())) return;
        const auto written = app::write_rotating_backup(
            *m_db, practice, app::backup_folder(practice, settings), settings.keep, now_local());
        SetStatusText(wxString::Format(_("Backed up to %s"), wx(written.written.string())), 0);
    } catch (const std::exception& e) {
        show_error(this, _("The automatic backup was not made."), e);
    }
}

void MainFrame::on_new_practice(wxCommandEvent&) {
    wxFileDialog dialog(this, _("New Practice"), AppConfig::data_folder(), "practice.knotwork",
                        _("Knotwork practice (*.knotwork)|*.knotwork"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return;
    if (wxFileExists(dialog.GetPath())) {
        wxMessageBox(_("Choose a name that is not taken: Knotwork never overwrites a practice file."),
                     _("New Practice"), wxOK | wxICON_INFORMATION, this);
        return;
    }
    switch_practice(dialog.GetPath(), true);
}

void MainFrame::on_open_practice(wxCommandEvent&) {
    wxFileDialog dialog(this, _("Open Practice"), AppConfig::data_folder(), wxString(),
                        _("Knotwork practice (*.knotwork)|*.knotwork|All files|*"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() == wxID_OK) switch_practice(dialog.GetPath(), false);
}

void MainFrame::on_open_recent(wxCommandEvent& e) {
    const auto files = AppConfig::recent_practices();
    const auto index = static_cast<std::size_t>(e.GetId() - id_recent_first);
    if (index < files.size()) switch_practice(files[index], false);
}

void MainFrame::on_backup(wxCommandEvent&) {
    const wxString suggested = wxFileName(m_path).GetName() + "-" + wxDateTime::Now().Format("%Y%m%d-%H%M") + ".knotwork";
    wxFileDialog dialog(this, _("Back Up Practice"), AppConfig::data_folder(), suggested,
                        _("Knotwork practice (*.knotwork)|*.knotwork"), wxFD_SAVE);
    if (dialog.ShowModal() != wxID_OK) return;
    try {
        wxBusyCursor busy;
        db::backup_practice(*m_db, utf8(dialog.GetPath()));
        SetStatusText(wxString::Format(_("Backed up to %s"), dialog.GetPath()), 0);
    } catch (const std::exception& e) {
        show_error(this, _("The backup was not made."), e);
    }
}

void MainFrame::on_restore(wxCommandEvent&) {
    const std::filesystem::path practice(utf8(m_path));
    wxString start = AppConfig::data_folder();
    std::error_code ec;
    if (const auto folder = app::backup_folder(practice, AppConfig::backup_settings());
        std::filesystem::is_directory(folder, ec))
        start = wx(folder.string());
    wxFileDialog dialog(this, _("Restore from Backup"), start, wxString(),
                        _("Knotwork practice (*.knotwork)|*.knotwork|All files|*"),
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK) return;

    const DateTime stamp = now_local();
    app::RestorePlan plan;
    try {
        wxBusyCursor busy;
        plan = app::plan_restore(practice, utf8(dialog.GetPath()), stamp);
    } catch (const std::exception& e) {
        show_error(this, _("The backup cannot be restored."), e);
        return;
    }
    wxString facts;
    for (const auto& [label, value] : app::describe_backup(plan.inspection))
        facts += wx(label) + ":  " + wx(value) + "\n";
    if (plan.refusal) {
        wxMessageDialog refused(this, _("This backup cannot be restored. Nothing was changed."),
                                _("Restore from Backup"), wxOK | wxICON_ERROR);
        refused.SetExtendedMessage(wx(*plan.refusal) + "\n\n" + facts);
        refused.ShowModal();
        return;
    }
    wxMessageDialog ask(this, wx(app::restore_question(plan)), _("Restore from Backup"),
                        wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
    ask.SetExtendedMessage(facts);
    ask.SetYesNoLabels(_("&Restore"), _("Cancel"));
    if (ask.ShowModal() != wxID_YES) return;

    // The practice is closed while it is replaced, then opened again: restored, or as it was.
    const std::string actor = m_db->actor();
    if (m_schedule) m_schedule->Close(true);
    std::optional<db::RestoreResult> result;
    std::optional<Error> failure;
    std::unique_ptr<db::Database> reopened;
    {
        wxBusyCursor busy;
        m_chart.reset();
        m_db.reset();
        try {
            result = app::restore_from_backup(plan, actor, stamp);
        } catch (const std::exception& e) {
            failure.emplace(e.what());
        }
        try {
            db::OpenOptions options;
            options.actor = actor;
            reopened = db::Database::open(utf8(m_path), options);
        } catch (const std::exception& e) {
            m_client_list->AssociateModel(nullptr); // its rows came from the practice now closed
            show_error(this, _("The practice could not be opened again; Knotwork will close."), e);
            Close(true);
            return;
        }
    }
    adopt_practice(std::move(reopened), m_path);
    if (failure) {
        show_error(this, _("The practice was not restored."), *failure);
        return;
    }
    wxString done = wxString::Format(_("Restored %s from %s."), m_path, dialog.GetPath());
    if (result->kept_aside)
        done += "\n\n" + wxString::Format(_("The practice as it was is kept as %s."),
                                          wx(result->kept_aside->string()));
    SetStatusText(wxString::Format(_("Restored from %s"), dialog.GetPath()), 0);
    wxMessageBox(done, _("Restore from Backup"), wxOK | wxICON_INFORMATION, this);
}

void MainFrame::on_find_in_notes(wxCommandEvent&) {
    NoteSearchDialog dialog(this, *m_db);
    if (dialog.ShowModal() == wxID_OK && dialog.chosen_client()) {
        show_client(*dialog.chosen_client());
        m_chart_book->SetSelection(3);
    }
}

void MainFrame::on_today(wxCommandEvent&) {
    reload_today();
    m_left->SetSelection(1);
    m_today_list->SetFocus();
}

void MainFrame::on_about(wxCommandEvent&) {
    wxAboutDialogInfo info;
    info.SetName("Knotwork");
    info.SetVersion(KNOTWORK_VERSION);
    info.SetDescription(_("Practice management for massage therapists who treat back pain."));
    wxAboutBox(info, this);
}

void MainFrame::on_close(wxCloseEvent& e) {
    if (!IsMaximized()) AppConfig::set_main_window_rect(GetRect(), false);
    else AppConfig::set_main_window_rect(GetRect(), true);
    if (m_splitter->IsSplit()) AppConfig::set_client_list_width(m_splitter->GetSashPosition());
    write_automatic_backup();
    e.Skip();
}

void MainFrame::on_export_reports(wxCommandEvent&) {
    wxDirDialog folder(this, _("Folder for the Progress Reports"), AppConfig::data_folder(),
                       wxDD_DEFAULT_STYLE);
    if (folder.ShowModal() != wxID_OK) return;
    wxProgressDialog progress(_("Progress Reports"), _("Writing the reports..."), 100, this,
                              wxPD_APP_MODAL | wxPD_AUTO_HIDE | wxPD_ELAPSED_TIME | wxPD_REMAINING_TIME | wxPD_CAN_ABORT);
    try {
        app::BatchReportOptions options;
        options.report_date = today_local();
        options.progress = [&progress](std::size_t done, std::size_t total, const app::ExportedReport& last) {
            const int percent = total == 0 ? 100 : static_cast<int>(done * 100 / total);
            return progress.Update(std::min(percent, 99),
                                   wxString::Format(_("Wrote %zu of %zu: %s"), done, total, wx(last.client_name)));
        };
        const auto written = app::export_active_reports(*m_db, std::filesystem::path(utf8(folder.GetPath())), options);
        const bool stopped = progress.WasCancelled();
        progress.Update(100);
        const wxString message =
            stopped ? wxString::Format(_("Stopped after %zu progress reports; they are in %s."), written.size(),
                                       folder.GetPath())
                    : wxString::Format(_("Wrote %zu progress reports to %s."), written.size(), folder.GetPath());
        wxMessageBox(message, _("Progress Reports"), wxOK | wxICON_INFORMATION, this);
    } catch (const std::exception& e) {
        progress.Update(100);
        show_error(this, _("The progress reports could not all be written."), e);
    }
}

} // namespace knotwork::gui
