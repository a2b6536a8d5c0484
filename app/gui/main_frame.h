#pragma once
// The main window: the client list (filters as you type) and today's appointments on the left,
// the selected client's chart on the right, menus, toolbar and status bar.
#include "clients/client_list_presenter.h"
#include "core/chart.h"
#include "database.h"
#include "repositories/session_repository.h"

#include <wx/dataview.h>
#include <wx/frame.h>

#include <memory>
#include <optional>

class wxDataViewCtrl;
class wxDataViewListCtrl;
class wxHtmlWindow;
class wxNotebook;
class wxPrintDialogData;
class wxSearchCtrl;
class wxCheckBox;
class wxSplitterWindow;
class wxStaticText;

namespace knotwork::gui {

class ClientListModel;
class ReportsPage;
class ScheduleFrame;

class MainFrame : public wxFrame {
public:
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

private:
    void build_menus();
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
    void on_backup(wxCommandEvent& e);
    void on_restore(wxCommandEvent& e);
    void on_export_reports(wxCommandEvent& e);
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
    // The rotating backup taken when a practice is closed, as Preferences say; tells the user
    // when it fails and never stops the practice from closing.
    void write_automatic_backup();

    std::unique_ptr<db::Database> m_db;
    wxString m_path;
    std::unique_ptr<ClientListPresenter> m_clients;
    std::optional<app::ClientChart> m_chart;
    std::vector<db::AppointmentSummary> m_today;
    bool m_ready = false;
    bool m_automatic_backup = true;

    wxSplitterWindow* m_splitter = nullptr;
    wxNotebook* m_left = nullptr;
    wxSearchCtrl* m_search = nullptr;
    wxCheckBox* m_show_archived = nullptr;
    wxDataViewCtrl* m_client_list = nullptr;
    ClientListModel* m_client_model = nullptr;
    wxDataViewListCtrl* m_today_list = nullptr;
    wxStaticText* m_today_date = nullptr; // "Friday 27 November 2026" above the list
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
};

} // namespace knotwork::gui
