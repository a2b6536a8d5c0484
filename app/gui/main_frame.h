#pragma once
// The main window: the client list (filters as you type) and today's appointments on the left,
// the selected client's chart on the right, menus, toolbar and status bar. The practice is a file
// or a clinic server; on a server it refreshes the lists by itself every minute while nothing is
// being done in the window, and offers each account only what the server lets it do
// (PracticeAccess, server/access_presenter.h).
#include "clients/client_list_presenter.h"
#include "core/chart.h"
#include "database.h"
#include "repositories/session_repository.h"
#include "server/access_presenter.h"
#include "server/connect_presenter.h"

#include <wx/dataview.h>
#include <wx/frame.h>
#include <wx/timer.h>

#include <chrono>
#include <memory>
#include <optional>

class wxDataViewCtrl;
class wxDataViewListCtrl;
class wxHtmlWindow;
class wxNotebook;
class wxPrintDialogData;
class wxSearchCtrl;
class wxCheckBox;
class wxMenu;
class wxSplitterWindow;
class wxStaticText;

namespace knotwork::gui {

class ClientListModel;
class ReportsPage;
class ScheduleFrame;
class DataTransfer;

class MainFrame : public wxFrame {
public:
    // `path`: the practice file, or the clinic server's location without its password.
    MainFrame(std::unique_ptr<db::Database> practice, const wxString& path);
    ~MainFrame() override;

    db::Database& practice() { return *m_db; }
    // Shows the client in the list and the chart; reloads the chart from the file.
    void show_client(ClientId id);
    void reload_chart();
    void reload_today();
    // True once the client list and today's schedule are on screen.
    bool is_ready() const { return m_ready; }
    // A timing run (--quit-when-ready) is no working session: it writes no automatic backup.
    void skip_automatic_backup() { m_automatic_backup = false; }
    // View > Refresh: reads the client list, today's appointments, the chart and the schedule
    // again, keeping what is selected. `automatically`: the timer's refresh, which leaves the
    // chart as it is and reports a failure in the status bar instead of a message box.
    void refresh(bool automatically = false);
    // File > Connect to Clinic Server, the fields filled from `form`; on success the server's
    // practice takes the place of the one shown, as opening another file does.
    void connect_to_server(const ServerForm& form = {});
    const PracticeAccess& access() const noexcept { return m_access; }
    // File > Export and File > Import (its file picker can be replaced, for tests).
    DataTransfer& data_transfer() { return *m_transfer; }

private:
    void build_menus();
    void fill_recent_menu();
    void build_toolbar();
    void build_panes();
    void load_practice();
    void update_title();
    void update_actions();

    void on_filter_changed(wxCommandEvent& e);
    void on_show_archived(wxCommandEvent& e);
    void on_client_selected(wxDataViewEvent& e);
    void on_today_activated(wxDataViewEvent& e);
    void on_new_client(wxCommandEvent& e);
    void on_edit_client(wxCommandEvent& e);
    void on_archive_client(wxCommandEvent& e);
    void on_client_history(wxCommandEvent& e);
    void on_new_practice(wxCommandEvent& e);
    void on_open_practice(wxCommandEvent& e);
    void on_open_recent(wxCommandEvent& e);
    void on_connect_server(wxCommandEvent& e);
    void on_refresh_timer(wxTimerEvent& e);
    // Says why `feature` is not offered and returns true, when it is not.
    bool refuse(Feature feature, const wxString& title);
    void on_backup(wxCommandEvent& e);
    void on_restore(wxCommandEvent& e);
    void on_export_reports(wxCommandEvent& e);
    // Runs one File > Export or File > Import item (transfer/data_transfer.h) and shows its outcome.
    void on_transfer(wxCommandEvent& e);
    void on_find_in_notes(wxCommandEvent& e);
    void on_today(wxCommandEvent& e);
    void on_about(wxCommandEvent& e);
    void on_preferences(wxCommandEvent& e);
    void on_new_assessment(wxCommandEvent& e);
    void on_new_plan(wxCommandEvent& e);
    void on_open_session(wxCommandEvent& e);
    void show_selected_session();
    void on_schedule(wxCommandEvent& e);
    void open_note(SessionId session, wxWindow* parent);
    void on_close(wxCloseEvent& e);

    void switch_practice(const wxString& path, bool create);
    // Shows `db` (the practice at `path`) in every pane, in place of the practice shown before.
    void adopt_practice(std::unique_ptr<db::Database> db, const wxString& path);
    // A clinic server's practice in place of the one shown, remembered at `location` (no password).
    void adopt_server(std::unique_ptr<db::Database> db, const std::string& location);
    // Today's appointments read again; the failure's text, or empty.
    wxString load_today();
    void mark_input() { m_last_input = std::chrono::steady_clock::now(); }
    // The rotating backup taken when a practice is closed, as Preferences say; tells the user
    // when it fails and never stops the practice from closing.
    void write_automatic_backup();

    std::unique_ptr<db::Database> m_db;
    wxString m_path;
    PracticeAccess m_access;
    std::string m_local_actor; // who opens practice files: the server names its own accounts
    std::unique_ptr<ClientListPresenter> m_clients;
    std::optional<app::ClientChart> m_chart;
    std::vector<db::AppointmentSummary> m_today;
    bool m_ready = false;
    bool m_automatic_backup = true;
    bool m_refreshing = false;
    wxTimer m_refresh_timer;
    std::chrono::steady_clock::time_point m_last_input = std::chrono::steady_clock::now();
    class ModalCount;
    std::unique_ptr<ModalCount> m_modals; // dialogs up: the automatic refresh waits for them

    wxSplitterWindow* m_splitter = nullptr;
    wxNotebook* m_left = nullptr;
    wxSearchCtrl* m_search = nullptr;
    wxCheckBox* m_show_archived = nullptr;
    wxDataViewCtrl* m_client_list = nullptr;
    ClientListModel* m_client_model = nullptr;
    wxDataViewListCtrl* m_today_list = nullptr;
    wxStaticText* m_today_date = nullptr; // "Friday 27 November 2026" above the list
    wxStaticText* m_today_hint = nullptr;
    wxStaticText* m_access_notice = nullptr; // front desk: "Signed in as …: clinical records are not shown"
    wxMenu* m_recent_menu = nullptr;
    wxStaticText* m_chart_title = nullptr;
    wxNotebook* m_chart_book = nullptr;
    wxHtmlWindow* m_profile_page = nullptr;
    wxHtmlWindow* m_assessments_page = nullptr;
    wxHtmlWindow* m_plans_page = nullptr;
    wxDataViewListCtrl* m_session_list = nullptr;
    wxHtmlWindow* m_session_view = nullptr;
    ReportsPage* m_reports_page = nullptr;
    // Printer and page setup, kept while the program runs so each print starts from the last.
    std::unique_ptr<wxPrintDialogData> m_print_data;
    ScheduleFrame* m_schedule = nullptr; // non-modal; cleared when it closes
    std::unique_ptr<DataTransfer> m_transfer;
};

} // namespace knotwork::gui
