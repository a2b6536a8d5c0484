#pragma once
// File > Export and File > Import: asks for the options and the file, runs the use case of
// app/core exactly as knotwork-cli does, and says what happened. Failures are shown with
// show_error() and never escape. Exports never write over a file silently: the save dialog asks
// before replacing one, and the file it replaces is kept aside until the new one is written (the
// core writes only new files).
#include "client/client.h"
#include "transfer/transfer_presenter.h"

#include <wx/string.h>

#include <functional>
#include <optional>

class wxWindow;

namespace knotwork::db {
class Database;
}

namespace knotwork::gui {

// What a save or open dialog is asked for.
struct FileRequest {
    wxString title;
    wxString suggested; // file name (save only)
    wxString wildcard;
    bool save = true;
};

// What an export or import did, for the main window.
struct TransferOutcome {
    wxString status;                     // for the status bar; empty: cancelled or failed
    std::optional<ClientId> show_client; // a client to select
    bool clients_changed = false;        // the client list must be read again
};

class DataTransfer {
public:
    DataTransfer(wxWindow* parent, std::function<db::Database&()> practice);

    // Where the file is asked for; by default a wxFileDialog (which asks before replacing a file).
    // Returns the chosen path, or an empty string for Cancel.
    using FilePicker = std::function<wxString(wxWindow* parent, const FileRequest& request)>;
    void set_file_picker(FilePicker picker) { m_pick = std::move(picker); }

    TransferOutcome export_calendar();
    TransferOutcome export_clients();
    TransferOutcome export_appointments();
    TransferOutcome export_record(ClientId client, const std::string& client_name);
    TransferOutcome import_clients();
    TransferOutcome import_record();

private:
    // The path chosen, or empty.
    wxString pick(const FileRequest& request);
    // Runs `write` for a new file at `path`; a file already there (the person agreed to replace
    // it) is moved aside first and put back when writing fails. Returns false after showing the
    // error.
    bool write_new_file(const wxString& path, const wxString& what_failed, const std::function<void()>& write);

    wxWindow* m_parent;
    std::function<db::Database&()> m_practice;
    FilePicker m_pick;
};

} // namespace knotwork::gui
