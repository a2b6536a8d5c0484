#include "transfer/data_transfer.h"

#include "common/error_message.h"
#include "common/wx_text.h"
#include "core/csv_export.h"
#include "preferences/app_config.h"
#include "repositories/client_repository.h"
#include "transfer/export_dialogs.h"

#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/utils.h>

#include <filesystem>
#include <system_error>

namespace knotwork::gui {

namespace {

wxString file_dialog(wxWindow* parent, const FileRequest& request) {
    const long style = request.save ? wxFD_SAVE | wxFD_OVERWRITE_PROMPT : wxFD_OPEN | wxFD_FILE_MUST_EXIST;
    wxFileDialog dialog(parent, request.title, AppConfig::data_folder(), request.suggested, request.wildcard, style);
    return dialog.ShowModal() == wxID_OK ? dialog.GetPath() : wxString();
}

std::filesystem::path fs_path(const wxString& path) { return std::filesystem::path(utf8(path)); }

// A name beside `file` that is not taken: "file.ics.replaced", "file.ics.replaced-2"...
std::filesystem::path aside_name(const std::filesystem::path& file) {
    std::filesystem::path aside = file;
    aside += ".replaced";
    for (int i = 2; std::filesystem::exists(aside); ++i) {
        aside = file;
        aside += ".replaced-" + std::to_string(i);
    }
    return aside;
}

TransferOutcome done(const wxString& status) {
    TransferOutcome outcome;
    outcome.status = status;
    return outcome;
}

wxString ics_files() { return _("iCalendar files (*.ics)|*.ics"); }
wxString csv_files() { return _("CSV files (*.csv)|*.csv"); }
wxString json_files() { return _("Knotwork records (*.json)|*.json"); }

} // namespace

DataTransfer::DataTransfer(wxWindow* parent, std::function<db::Database&()> practice)
    : m_parent(parent), m_practice(std::move(practice)), m_pick(file_dialog) {}

wxString DataTransfer::pick(const FileRequest& request) { return m_pick ? m_pick(m_parent, request) : wxString(); }

bool DataTransfer::write_new_file(const wxString& path, const wxString& what_failed, const std::function<void()>& write) {
    const std::filesystem::path file = fs_path(path);
    std::optional<std::filesystem::path> aside;
    try {
        if (std::filesystem::exists(file)) {
            aside = aside_name(file);
            std::filesystem::rename(file, *aside);
        }
        wxBusyCursor busy;
        write();
    } catch (const std::exception& e) {
        if (aside) {
            std::error_code ec;
            if (!std::filesystem::exists(file, ec)) std::filesystem::rename(*aside, file, ec);
        }
        show_error(m_parent, what_failed, e);
        return false;
    }
    if (aside) {
        std::error_code ec;
        std::filesystem::remove(*aside, ec);
    }
    return true;
}

TransferOutcome DataTransfer::export_calendar() {
    const Date today = today_local();
    std::vector<std::string> therapists;
    try {
        therapists = calendar_therapists(m_practice(), today);
    } catch (const std::exception&) {
        // The dialog offers a text field instead of the list it could not read.
    }
    CalendarChoices choices;
    {
        ExportOptionsDialog dialog(m_parent, true, today, therapists);
        if (dialog.ShowModal() != wxID_OK) return {};
        choices = dialog.choices();
    }
    const wxString path = pick({_("Export Calendar"), wx(default_file_name(TransferItem::export_calendar, today)),
                                ics_files(), true});
    if (path.empty()) return {};
    std::size_t written = 0;
    if (!write_new_file(path, _("The calendar was not exported."), [&] {
            written = app::export_calendar_file(m_practice(), fs_path(path), calendar_options(choices));
        }))
        return {};
    return done(wx(exported_message(written, "appointment", "appointments", utf8(path))));
}

TransferOutcome DataTransfer::export_clients() {
    const wxString path = pick({_("Export Clients"), wx(default_file_name(TransferItem::export_clients, today_local())),
                                csv_files(), true});
    if (path.empty()) return {};
    std::size_t written = 0;
    if (!write_new_file(path, _("The clients were not exported."),
                        [&] { written = app::export_clients_csv_file(m_practice(), fs_path(path)); }))
        return {};
    return done(wx(exported_message(written, "client", "clients", utf8(path))));
}

TransferOutcome DataTransfer::export_appointments() {
    const Date today = today_local();
    CalendarChoices choices;
    {
        ExportOptionsDialog dialog(m_parent, false, today, {});
        if (dialog.ShowModal() != wxID_OK) return {};
        choices = dialog.choices();
    }
    const wxString path = pick({_("Export Appointments"),
                                wx(default_file_name(TransferItem::export_appointments, today)), csv_files(), true});
    if (path.empty()) return {};
    std::size_t written = 0;
    if (!write_new_file(path, _("The appointments were not exported."), [&] {
            written = app::export_appointments_csv_file(m_practice(), fs_path(path), choices.range.from,
                                                        choices.range.to);
        }))
        return {};
    return done(wx(exported_message(written, "appointment", "appointments", utf8(path))));
}

TransferOutcome DataTransfer::export_record(ClientId client, const std::string& client_name) {
    const wxString path =
        pick({_("Export Client Record"),
              wx(default_file_name(TransferItem::export_record, today_local(), client_name, client)), json_files(), true});
    if (path.empty()) return {};
    if (!write_new_file(path, _("The client's record was not exported."),
                        [&] { app::export_client_record_file(m_practice(), client, fs_path(path)); }))
        return {};
    return done(wx(exported_record_message(client_name, utf8(path))));
}

TransferOutcome DataTransfer::import_clients() {
    const wxString path = pick({_("Import Clients"), wxString(), csv_files() + "|" + _("All files|*"), false});
    if (path.empty()) return {};
    app::ImportOptions options;
    app::ImportResult result;
    try {
        wxBusyCursor busy;
        result = app::import_clients_file(m_practice(), fs_path(path), options);
    } catch (const std::exception& e) {
        show_error(m_parent, _("The clients could not be imported."), e);
        return {};
    }
    if (!result.problems.empty()) {
        // Nothing was written: the person decides whether the good rows go in without the others.
        {
            ImportProblemsDialog review(m_parent, review_import(result));
            if (review.ShowModal() != wxID_OK) return {};
        }
        options.skip_bad = true;
        try {
            wxBusyCursor busy;
            result = app::import_clients_file(m_practice(), fs_path(path), options);
        } catch (const std::exception& e) {
            show_error(m_parent, _("The clients could not be imported."), e);
            return {};
        }
    }
    TransferOutcome outcome = done(wx(imported_clients_message(result, utf8(path))));
    outcome.clients_changed = !result.imported.empty();
    return outcome;
}

TransferOutcome DataTransfer::import_record() {
    const wxString path = pick({_("Import Client Record"), wxString(), json_files() + "|" + _("All files|*"), false});
    if (path.empty()) return {};
    app::RecordImportResult result;
    try {
        wxBusyCursor busy;
        result = app::import_client_record_file(m_practice(), fs_path(path));
    } catch (const std::exception& e) {
        show_error(m_parent, _("The client's record could not be imported."), e);
        return {};
    }
    std::string name;
    try {
        if (const auto client = db::ClientRepository(m_practice()).find(result.client)) name = client->display_name();
    } catch (const std::exception&) {
        // Named by its number below.
    }
    if (name.empty()) name = "client " + std::to_string(result.client);
    TransferOutcome outcome = done(wx(imported_record_message(result, name)));
    outcome.clients_changed = true;
    outcome.show_client = result.client;
    return outcome;
}

} // namespace knotwork::gui
