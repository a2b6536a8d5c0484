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
#include "preferences/app_config.h"
#include "repositories/client_repository.h"
#include "assessment/assessment_dialog.h"
#include "plan/plan_dialog.h"
#include "preferences/preferences_dialog.h"
#include "reports/reports_page.h"
#include "schedule/schedule_frame.h"
#include "search/note_search_dialog.h"
#include "server/connect_dialog.h"
#include "session/session_note_dialog.h"
#include "transfer/data_transfer.h"

#include <wx/aboutdlg.h>
#include <wx/artprov.h>
#include <wx/cmndata.h>
#include <wx/dataview.h>
#include <wx/dirdlg.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/html/htmlwin.h>
#include <wx/modalhook.h>
#include <wx/weakref.h>
#include <wx/notebook.h>
#include <wx/progdlg.h>
#include <wx/srchctrl.h>
#include <wx/splitter.h>
#include <wx/utils.h>

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
    id_connect_server,
    id_refresh,
    id_export_calendar,
    id_export_clients,
    id_export_appointments,
    id_export_record,
    id_import_clients,
    id_import_record,
};

enum TodayColumn { today_time, today_client, today_status, today_series };

// A column wide enough for `sample` (a date or time as the user's locale writes it: "12:59 PM"
// is wider than "12:59") in the list's font, and never narrower than `dip`.
int column_width(wxWindow* list, const std::string& sample, int dip) {
    return std::max(list->FromDIP(dip), list->GetTextExtent(wx(sample)).x + list->FromDIP(20));
}

// The sentence a status bar line takes: the message's paragraphs joined.
wxString one_line(wxString text) {
    text.Replace("\n\n", " ");
    text.Replace("\n", " ");
    return text;
}

// Samples with the widest digits and the longest names a date or time can have.
const Date wide_date(2026, 12, 28);
const Duration wide_time = boost::posix_time::hours(12) + boost::posix_time::minutes(58);
} // namespace

// The modal dialogs up (message boxes included), for the automatic refresh. A dialog another
// hook answers without showing it never exits: it counts only while it exists.
class MainFrame::ModalCount : public wxModalDialogHook {
public:
    ModalCount() { Register(); }
    ~ModalCount() override { Unregister(); }
    ModalCount(const ModalCount&) = delete;
    ModalCount& operator=(const ModalCount&) = delete;
    bool any_open() {
        std::erase_if(m_open, [](const wxWeakRef<wxDialog>& d) { return !d; });
        return !m_open.empty();
    }

private:
    int Enter(wxDialog* dialog) override {
        m_open.emplace_back(dialog);
        return wxID_NONE;
    }
    void Exit(wxDialog* dialog) override {
        std::erase_if(m_open, [dialog](const wxWeakRef<wxDialog>& d) { return !d || d.get() == dialog; });
    }
    std::vector<wxWeakRef<wxDialog>> m_open;
};

MainFrame::MainFrame(std::unique_ptr<db::Database> practice, const wxString& path)
    : wxFrame(nullptr, wxID_ANY, "Knotwork"), m_db(std::move(practice)), m_path(path),
      m_access(PracticeAccess::of(*m_db)), m_refresh_timer(this), m_modals(std::make_unique<ModalCount>()) {
    SetName("knotwork-main");
    m_local_actor = m_access.on_server() ? utf8(wxGetUserId()) : m_db->actor();
    m_clients = std::make_unique<ClientListPresenter>(*m_db);
    m_print_data = std::make_unique<wxPrintDialogData>();
    m_transfer = std::make_unique<DataTransfer>(this, [this]() -> db::Database& { return *m_db; });
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
        mark_input();
        if (!dispatch_menu_accelerator(this, GetMenuBar(), e)) e.Skip();
    });
    Bind(wxEVT_TIMER, &MainFrame::on_refresh_timer, this, m_refresh_timer.GetId());
    load_practice();
}

MainFrame::~MainFrame() { m_refresh_timer.Stop(); }

void MainFrame::build_menus() {
    auto* file = new wxMenu;
    file->Append(wxID_NEW, _("&New Practice...\tCtrl+Shift+N"));
    file->Append(wxID_OPEN, _("&Open Practice...\tCtrl+O"));
    file->Append(id_connect_server, _("Connect to Clinic &Server..."),
                 _("Work on the practice kept on the clinic's server, shared with other workstations"));
    m_recent_menu = new wxMenu;
    file->AppendSubMenu(m_recent_menu, _("Open &Recent"));
    fill_recent_menu();
    file->AppendSeparator();
    file->Append(id_backup, _("&Back Up Practice...\tCtrl+Shift+B"));
    file->Append(id_restore, _("Res&tore from Backup..."));
    file->AppendSeparator();
    auto* export_menu = new wxMenu;
    export_menu->Append(id_export_calendar, _("&Calendar (iCalendar)..."),
                        _("The appointments as an .ics file for a phone or calendar program; nothing clinical"));
    export_menu->Append(id_export_clients, _("C&lients (CSV)..."),
                        _("Every client's details as a spreadsheet file, in the columns Import reads"));
    export_menu->Append(id_export_appointments, _("&Appointments (CSV)..."),
                        _("The appointments between two days as a spreadsheet file"));
    export_menu->Append(id_export_record, _("Client &Record (JSON)..."),
                        _("The selected client's whole record, notes included, for another practice"));
    file->AppendSubMenu(export_menu, _("&Export"));
    auto* import_menu = new wxMenu;
    import_menu->Append(id_import_clients, _("C&lients (CSV)..."),
                        _("Clients from a spreadsheet file; every row is checked first"));
    import_menu->Append(id_import_record, _("Client &Record (JSON)..."),
                        _("A client's whole record exported from a practice, as a new client"));
    file->AppendSubMenu(import_menu, _("&Import"));
    file->AppendSeparator();
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));

    auto* edit = new wxMenu;
    edit->Append(wxID_PREFERENCES, _("&Preferences...\tCtrl+,"));

    auto* view = new wxMenu;
    view->Append(id_refresh, _("&Refresh\tF5"),
                 _("Read the client list, today's appointments and the schedule again, with what other "
                   "workstations changed"));

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
    bar->Append(view, _("&View"));
    bar->Append(client, _("&Client"));
    bar->Append(go, _("&Go"));
    bar->Append(reports, _("&Reports"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);

    Bind(wxEVT_MENU, &MainFrame::on_new_practice, this, wxID_NEW);
    Bind(wxEVT_MENU, &MainFrame::on_open_practice, this, wxID_OPEN);
    Bind(wxEVT_MENU, &MainFrame::on_open_recent, this, id_recent_first, id_recent_last);
    Bind(wxEVT_MENU, &MainFrame::on_connect_server, this, id_connect_server);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { refresh(false); }, id_refresh);
    Bind(wxEVT_MENU, &MainFrame::on_backup, this, id_backup);
    Bind(wxEVT_MENU, &MainFrame::on_restore, this, id_restore);
    Bind(wxEVT_MENU, &MainFrame::on_transfer, this, id_export_calendar, id_import_record);
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

void MainFrame::fill_recent_menu() {
    while (m_recent_menu->GetMenuItemCount() > 0)
        m_recent_menu->Destroy(m_recent_menu->FindItemByPosition(0));
    const auto places = AppConfig::recent_practices();
    for (std::size_t i = 0; i < places.size(); ++i) {
        wxString label = wx(practice_label(utf8(places[i])));
        label.Replace("&", "&&");
        m_recent_menu->Append(id_recent_first + static_cast<int>(i), label);
    }
    if (places.empty()) m_recent_menu->Append(id_recent_first, _("(none)"))->Enable(false);
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
    m_today_hint = new wxStaticText(today_page, wxID_ANY, _("Double-click or press Enter to open the note."));
    m_today_hint->SetName("today-hint");
    auto* today_sizer = new wxBoxSizer(wxVERTICAL);
    today_sizer->Add(m_today_date, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(6));
    today_sizer->Add(m_today_list, 1, wxEXPAND | wxALL, FromDIP(6));
    today_sizer->Add(m_today_hint, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6));
    today_page->SetSizer(today_sizer);
    m_left->AddPage(today_page, _("Today"));

    // Right: the chart.
    auto* chart = new wxPanel(m_splitter);
    m_access_notice = new wxStaticText(chart, wxID_ANY, wxString());
    m_access_notice->SetName("access-notice");
    m_access_notice->SetForegroundColour(wxColour(138, 78, 0));
    m_access_notice->SetFont(m_access_notice->GetFont().Bold());
    m_access_notice->Hide();
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
    chart_sizer->Add(m_access_notice, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(8));
    chart_sizer->Add(m_chart_title, 0, wxALL, FromDIP(8));
    chart_sizer->Add(m_chart_book, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6));
    chart->SetSizer(chart_sizer);

    m_splitter->SplitVertically(m_left, chart, AppConfig::client_list_width(FromDIP(420)));
    m_splitter->SetSashGravity(0.0);

    m_search->Bind(wxEVT_TEXT, &MainFrame::on_filter_changed, this);
    m_search->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) { m_search->Clear(); });
    m_show_archived->Bind(wxEVT_CHECKBOX, &MainFrame::on_show_archived, this);
    m_client_list->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, &MainFrame::on_client_selected, this);
    m_client_model->on_read_failed = [this](const std::string& why) {
        CallAfter([this, why] { SetStatusText(one_line(error_text(_("The client list could not be read."), Error(why))), 0); });
    };
    m_client_list->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) { m_chart_book->SetFocus(); });
    m_today_list->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, &MainFrame::on_today_activated, this);
    m_session_list->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { show_selected_session(); });
    m_session_list->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) {
        wxCommandEvent e;
        on_open_session(e);
    });
    m_today_list->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) {
        mark_input();
        const int row = m_today_list->GetSelectedRow();
        if (row != wxNOT_FOUND && static_cast<std::size_t>(row) < m_today.size())
            show_client(m_today[static_cast<std::size_t>(row)].client);
    });
}

void MainFrame::load_practice() {
    wxBusyCursor busy;
    m_access = PracticeAccess::of(*m_db);
    const wxString notice = wx(m_access.notice());
    m_access_notice->SetLabel(notice);
    m_access_notice->Show(!notice.empty());
    m_access_notice->GetParent()->Layout();
    m_today_hint->SetLabel(m_access.allows(Feature::clinical_records)
                               ? _("Double-click or press Enter to open the note.")
                               : _("Select an appointment to show the client's details."));
    wxString failure;
    try {
        m_clients->refresh();
    } catch (const std::exception& e) {
        failure = error_text(_("The client list could not be read."), e);
    }
    m_client_model->rows_changed();
    m_chart.reset();
    reload_chart();
    reload_today();
    update_title();
    update_actions();
    SetStatusText(failure.empty() ? wx(m_clients->status_text()) : one_line(failure), 0);
    if (m_access.refreshes_automatically())
        m_refresh_timer.Start(static_cast<int>(std::chrono::milliseconds(automatic_refresh_interval).count()));
    else
        m_refresh_timer.Stop();
    m_ready = true;
}

void MainFrame::update_title() {
    SetTitle(wx(m_access.title(utf8(wxFileName(m_path).GetName()))));
    const wxString where = wx(m_access.where(utf8(m_path)));
    // Wide enough for the whole place (a server's name is long), the size grip included.
    const int widths[] = {-1, std::max(FromDIP(260), GetStatusBar()->GetTextExtent(where).x + FromDIP(24) +
                                                         GetStatusBar()->GetSize().y)};
    GetStatusBar()->SetStatusWidths(2, widths);
    SetStatusText(where, 1);
}

void MainFrame::update_actions() {
    const bool has_client = m_chart.has_value();
    const bool clinical = m_access.allows(Feature::clinical_records);
    const bool reports = m_access.allows(Feature::progress_reports);
    wxMenuBar* bar = GetMenuBar();
    bar->Enable(id_edit_client, has_client);
    bar->Enable(id_archive_client, has_client);
    GetToolBar()->EnableTool(id_edit_client, has_client);
    for (int id : {id_new_assessment, id_new_plan, id_open_session}) bar->Enable(id, has_client && clinical);
    bar->Enable(id_client_history, has_client && m_access.allows(Feature::client_history));
    for (int id : {id_report_preview, id_report_print, id_report_pdf, id_page_setup})
        bar->Enable(id, has_client && reports);
    bar->Enable(id_export_reports, reports);
    bar->Enable(id_find_notes, m_access.allows(Feature::note_search));
    GetToolBar()->EnableTool(id_find_notes, m_access.allows(Feature::note_search));
    GetToolBar()->EnableTool(id_new_assessment, has_client && clinical);
    GetToolBar()->EnableTool(id_new_plan, has_client && clinical);
    // Backups of a clinic server are the server's business: the items stay, saying why.
    const bool backups = m_access.allows(Feature::backups);
    bar->Enable(id_backup, backups);
    bar->Enable(id_restore, backups);
    bar->Enable(id_export_calendar, transfer_enabled(TransferItem::export_calendar, m_access, has_client));
    bar->Enable(id_export_clients, transfer_enabled(TransferItem::export_clients, m_access, has_client));
    bar->Enable(id_export_appointments, transfer_enabled(TransferItem::export_appointments, m_access, has_client));
    bar->Enable(id_export_record, transfer_enabled(TransferItem::export_record, m_access, has_client));
    bar->Enable(id_import_clients, transfer_enabled(TransferItem::import_clients, m_access, has_client));
    bar->Enable(id_import_record, transfer_enabled(TransferItem::import_record, m_access, has_client));
    const wxString backup_help = backups ? _("Save a copy of the practice file") : wx(m_access.why_not(Feature::backups));
    bar->SetHelpString(id_backup, backup_help);
    bar->SetHelpString(id_restore, backups ? _("Put a backup in the practice's place") : backup_help);
    if (has_client)
        GetMenuBar()->SetLabel(id_archive_client, m_chart->client.is_archived() ? _("&Restore Client") : _("&Archive Client"));
}

void MainFrame::reload_today() {
    const wxString failure = load_today();
    if (!failure.empty()) {
        wxMessageDialog dialog(this, failure, _("Knotwork"), wxOK | wxICON_ERROR);
        dialog.ShowModal();
    }
}

wxString MainFrame::load_today() {
    const int selected_row = m_today_list->GetSelectedRow();
    SessionId selected = 0; // none: ids start at 1
    if (selected_row != wxNOT_FOUND && static_cast<std::size_t>(selected_row) < m_today.size())
        selected = m_today[static_cast<std::size_t>(selected_row)].id;
    m_today_list->DeleteAllItems();
    const Date today = today_local();
    m_today_date->SetLabelText(wx(app::format_long_date(today)));
    wxString failure;
    try {
        m_today = db::SessionRepository(*m_db).between(DateTime(today), DateTime(today + boost::gregorian::days(1)));
    } catch (const std::exception& e) {
        failure = error_text(_("Today's appointments could not be loaded."), e);
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
    // The appointment selected before stays selected (the toolkit sends no event for this).
    for (std::size_t i = 0; selected != 0 && i < m_today.size(); ++i)
        if (m_today[i].id == selected) m_today_list->SelectRow(static_cast<unsigned int>(i));
    return failure;
}

void MainFrame::show_client(ClientId id) {
    try {
        m_chart = m_access.allows(Feature::clinical_records) ? app::load_chart(*m_db, id, 500)
                                                              : app::load_client_record(*m_db, id);
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
        if (m_access.allows(Feature::progress_reports)) m_reports_page->show_client(nullptr);
        else m_reports_page->show_unavailable(wx(m_access.why_not(Feature::progress_reports)));
        return;
    }
    m_chart_title->SetLabel(wx(m_chart->client.display_name()));
    m_profile_page->SetPage(wx(profile_page_html(*m_chart, today_local())));
    if (!m_access.allows(Feature::clinical_records)) {
        const wxString hidden =
            wx(clinical_records_hidden_html(m_access.notice(), m_access.why_not(Feature::clinical_records)));
        for (auto* page : {m_assessments_page, m_plans_page, m_session_view}) page->SetPage(hidden);
        m_session_list->DeleteAllItems();
        m_reports_page->show_unavailable(wx(m_access.why_not(Feature::progress_reports)));
        return;
    }
    m_reports_page->show_client(&*m_chart);
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

bool MainFrame::refuse(Feature feature, const wxString& title) {
    if (m_access.allows(feature)) return false;
    wxMessageBox(wx(m_access.why_not(feature)), title, wxOK | wxICON_INFORMATION, this);
    return true;
}

void MainFrame::on_open_session(wxCommandEvent&) {
    if (!m_chart || refuse(Feature::clinical_records, _("Open Session Note"))) return;
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
    if (!m_access.allows(Feature::clinical_records)) return;
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
    try {
        PreferencesDialog dialog(this, *m_db, m_access);
        dialog.ShowModal();
    } catch (const std::exception& e) {
        show_error(this, _("The preferences cannot be opened."), e);
    }
}

void MainFrame::on_new_assessment(wxCommandEvent&) {
    if (!m_chart || refuse(Feature::clinical_records, _("New Assessment"))) return;
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
    if (!m_chart || refuse(Feature::clinical_records, _("New Treatment Plan"))) return;
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
    try {
        if (m_clients->set_show_archived(m_show_archived->GetValue())) m_client_model->rows_changed();
        SetStatusText(wx(m_clients->status_text()), 0);
    } catch (const std::exception& e) {
        m_client_model->rows_changed();
        show_error(this, _("The client list could not be read."), e);
    }
}

void MainFrame::on_client_selected(wxDataViewEvent&) {
    mark_input();
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
    const auto appointment = m_today[static_cast<std::size_t>(row)];
    if (!m_access.allows(Feature::clinical_records)) {
        // An account that may not read notes is shown the client's details.
        show_client(appointment.client);
        m_chart_book->SetSelection(0);
        return;
    }
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
    ClientId saved = 0;
    try {
        IntakeDialog dialog(this, *m_db, std::nullopt);
        if (dialog.ShowModal() != wxID_OK) return;
        saved = dialog.saved_client();
        m_search->ChangeValue(wxString());
        m_clients->set_filter("");
        m_clients->refresh();
    } catch (const std::exception& e) {
        show_error(this, saved ? _("The client list could not be read.") : _("The client cannot be taken in."), e);
    }
    m_client_model->rows_changed();
    if (saved) show_client(saved);
    SetStatusText(wx(m_clients->status_text()), 0);
}

void MainFrame::on_edit_client(wxCommandEvent&) {
    if (!m_chart) return;
    ClientId saved = 0;
    try {
        IntakeDialog dialog(this, *m_db, m_chart->client.id());
        if (dialog.ShowModal() != wxID_OK) return;
        saved = dialog.saved_client();
        m_clients->refresh();
    } catch (const std::exception& e) {
        show_error(this, saved ? _("The client list could not be read.") : _("The client cannot be edited."), e);
        if (!saved) return;
    }
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
    try {
        m_clients->refresh();
    } catch (const std::exception& e) {
        show_error(this, _("The client list could not be read."), e);
    }
    m_client_model->rows_changed();
    show_client(client.id());
    SetStatusText(wx(m_clients->status_text()), 0);
}

void MainFrame::on_client_history(wxCommandEvent&) {
    if (!m_chart || refuse(Feature::client_history, _("Client History"))) return;
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
        options.actor = m_local_actor;
        auto db = db::Database::open(utf8(path), options);
        if (m_schedule) m_schedule->Close(true); // it reads the practice being closed
        write_automatic_backup();
        adopt_practice(std::move(db), path);
        AppConfig::set_last_practice(path);
        fill_recent_menu();
    } catch (const std::exception& e) {
        show_error(this, _("The practice could not be opened."), e);
    }
}

void MainFrame::connect_to_server(const ServerForm& form) {
    std::unique_ptr<db::Database> db;
    std::string location;
    {
        ConnectDialog dialog(this, form);
        if (dialog.ShowModal() != wxID_OK) return;
        db = dialog.take_practice();
        location = dialog.remembered_location();
    }
    adopt_server(std::move(db), location);
}

void MainFrame::adopt_server(std::unique_ptr<db::Database> db, const std::string& location) {
    if (!db) return;
    // Closed the same way as for opening another file: the schedule first, then the backup.
    if (m_schedule) m_schedule->Close(true);
    write_automatic_backup();
    adopt_practice(std::move(db), wx(location));
    AppConfig::set_last_practice(wx(location)); // never with a password: it was taken out
    fill_recent_menu();
    SetStatusText(wxString::Format(_("Connected to %s"), wx(m_db->display_name())), 0);
}

void MainFrame::on_connect_server(wxCommandEvent&) {
    connect_to_server(m_access.on_server() ? form_for(utf8(m_path)) : ServerForm{});
}

void MainFrame::adopt_practice(std::unique_ptr<db::Database> db, const wxString& path) {
    m_chart.reset();
    m_db = std::move(db);
    m_path = path;
    m_clients = std::make_unique<ClientListPresenter>(*m_db);
    auto on_read_failed = m_client_model->on_read_failed;
    m_client_model = new ClientListModel(*m_clients);
    m_client_model->on_read_failed = std::move(on_read_failed);
    m_client_list->AssociateModel(m_client_model);
    m_client_model->DecRef();
    load_practice();
}

void MainFrame::write_automatic_backup() {
    // A clinic server is backed up on the server: nothing to do here, and nothing to say.
    if (!m_db || !m_automatic_backup || !m_access.allows(Feature::backups)) return;
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
    const auto places = AppConfig::recent_practices();
    const auto index = static_cast<std::size_t>(e.GetId() - id_recent_first);
    if (index >= places.size()) return;
    // A clinic server asks for the password again: it was never stored.
    if (is_server_location(utf8(places[index]))) {
        std::string remembered;
        auto db = ConnectDialog::reconnect(this, utf8(places[index]), remembered);
        adopt_server(std::move(db), remembered);
    } else {
        switch_practice(places[index], false);
    }
}

void MainFrame::on_backup(wxCommandEvent&) {
    if (refuse(Feature::backups, _("Back Up Practice"))) return;
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
    if (refuse(Feature::backups, _("Restore from Backup"))) return;
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
    if (refuse(Feature::note_search, _("Search Notes"))) return;
    std::optional<ClientId> chosen;
    try {
        NoteSearchDialog dialog(this, *m_db);
        if (dialog.ShowModal() == wxID_OK) chosen = dialog.chosen_client();
    } catch (const std::exception& e) {
        show_error(this, _("The notes cannot be searched."), e);
    }
    if (chosen) {
        show_client(*chosen);
        m_chart_book->SetSelection(3);
    }
}

void MainFrame::refresh(bool automatically) {
    if (m_refreshing) return;
    m_refreshing = true;
    const ClientId shown = m_chart ? m_chart->client.id() : 0; // none: ids start at 1
    wxString failure;
    {
        std::optional<wxBusyCursor> busy;
        if (!automatically) busy.emplace();
        try {
            m_clients->refresh();
        } catch (const std::exception& e) {
            failure = error_text(_("The client list could not be refreshed."), e);
        }
        m_client_model->rows_changed();
        if (shown != 0 && failure.empty()) {
            try {
                if (auto row = m_clients->index_of(shown)) {
                    const wxDataViewItem item = m_client_model->GetItem(static_cast<unsigned int>(*row));
                    m_client_list->Select(item);
                    if (!automatically) m_client_list->EnsureVisible(item); // the timer leaves the scrolling be
                }
            } catch (const std::exception& e) {
                failure = error_text(_("The client list could not be refreshed."), e);
            }
        }
        if (const wxString today = load_today(); failure.empty()) failure = today;
        // The chart is read again only when asked: each reading is recorded in the audit trail.
        if (!automatically && shown != 0 && failure.empty()) show_client(shown);
        // The schedule says its own failure in its status bar: one message box is enough.
        if (m_schedule) m_schedule->reload_quietly();
    }
    m_refreshing = false;
    if (failure.empty()) {
        SetStatusText(wx(m_clients->status_text()) + wx("  \u00b7  ") +
                          wxString::Format(_("Refreshed at %s"), wx(app::format_time(now_local().time_of_day()))),
                      0);
    } else if (automatically) {
        SetStatusText(one_line(failure), 0);
    } else {
        wxMessageDialog dialog(this, failure, _("Knotwork"), wxOK | wxICON_ERROR);
        dialog.ShowModal();
    }
}

void MainFrame::on_refresh_timer(wxTimerEvent&) {
    RefreshMoment moment;
    moment.dialog_open = m_modals->any_open();
    for (wxWindow* w : wxTopLevelWindows)
        if (auto* dialog = dynamic_cast<wxDialog*>(w); dialog && dialog->IsShown()) moment.dialog_open = true;
    const wxMouseState mouse = wxGetMouseState();
    moment.mouse_held = mouse.LeftIsDown() || mouse.RightIsDown() || mouse.MiddleIsDown();
    moment.refreshing = m_refreshing;
    moment.since_input =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - m_last_input);
    if (refresh_now(m_access, moment)) refresh(true);
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
    m_refresh_timer.Stop();
    write_automatic_backup();
    e.Skip();
}

void MainFrame::on_transfer(wxCommandEvent& e) {
    const bool clinical = e.GetId() == id_export_record || e.GetId() == id_import_record;
    if (clinical && refuse(Feature::clinical_records, _("Client Record"))) return;
    TransferOutcome outcome;
    switch (e.GetId()) {
    case id_export_calendar: outcome = m_transfer->export_calendar(); break;
    case id_export_clients: outcome = m_transfer->export_clients(); break;
    case id_export_appointments: outcome = m_transfer->export_appointments(); break;
    case id_export_record:
        if (!m_chart) return;
        outcome = m_transfer->export_record(m_chart->client.id(), m_chart->client.display_name());
        break;
    case id_import_clients: outcome = m_transfer->import_clients(); break;
    case id_import_record: outcome = m_transfer->import_record(); break;
    default: return;
    }
    if (outcome.clients_changed) {
        // The new clients are shown whatever the search box held.
        m_search->ChangeValue(wxString());
        try {
            m_clients->set_filter("");
            m_clients->refresh();
        } catch (const std::exception& error) {
            show_error(this, _("The client list could not be read."), error);
        }
        m_client_model->rows_changed();
        if (outcome.show_client) {
            m_left->SetSelection(0);
            show_client(*outcome.show_client);
        } else if (m_chart) {
            if (auto row = m_clients->index_of(m_chart->client.id()))
                m_client_list->Select(m_client_model->GetItem(static_cast<unsigned int>(*row)));
        }
    }
    if (!outcome.status.empty()) SetStatusText(outcome.status, 0);
}

void MainFrame::on_export_reports(wxCommandEvent&) {
    if (refuse(Feature::progress_reports, _("Progress Reports"))) return;
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
