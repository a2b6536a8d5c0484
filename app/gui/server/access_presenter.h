#pragma once
// What the open practice lets the person at the keyboard do, and what the windows offer them, in
// plain C++ and tested without a display. A practice file allows everything. On a clinic server
// the server makes the backups, so the program offers none; a front-desk account (one the server
// refuses clinical records) is offered the client list, client details and intake, the schedule
// (booking, moving, cancelling, no-shows, deleting a booking) and the practice's holidays, and
// nothing that reads or writes notes, assessments, plans, reports, the notes' search or the audit
// trail's values, so the person never meets a refusal from the server.
//
// Also when the main window refreshes by itself: on a clinic server, every minute, while nothing
// is being done in it.
#include <chrono>
#include <string>

namespace knotwork::db {
class Database;
}

namespace knotwork::gui {

enum class Feature {
    clinical_records,     // assessments, treatment plans, session notes: reading and writing
    note_search,          // Search Notes
    client_history,       // Client History (the audit trail's old and new values)
    progress_reports,     // preview, print, PDF, and the batch for all active clients
    backups,              // Back Up, Restore, Preferences > Backups, the automatic backup on close
    practice_preferences, // the practice's name, therapist, closed days and default length (a
                          // front-desk account changes the holidays only)
};

class PracticeAccess {
public:
    // A practice file: everything is allowed.
    PracticeAccess() = default;
    // `account`: the login on a clinic server; `server`: its display name ("user@host:port/db").
    PracticeAccess(bool on_server, bool reads_clinical, std::string account, std::string server);
    // As the open practice says.
    static PracticeAccess of(const db::Database& db);

    bool on_server() const noexcept { return m_on_server; }
    bool reads_clinical() const noexcept { return m_reads_clinical; }
    bool front_desk() const noexcept { return m_on_server && !m_reads_clinical; }
    const std::string& account() const noexcept { return m_account; }

    bool allows(Feature feature) const;
    // Why `feature` is not offered, in a sentence a person reads; empty when it is.
    std::string why_not(Feature feature) const;

    // For a front-desk account: "Signed in as desk_sam (front desk): clinical records are not
    // shown". Empty otherwise.
    std::string notice() const;
    // The status bar's field for the practice: the file's path, "desk_sam@host:5432/clinic",
    // followed by " (front desk)" for a front-desk account.
    std::string where(const std::string& file_path) const;
    // The main window's title: "practice — Knotwork" or "dr_mara@host:5432/clinic — Knotwork".
    std::string title(const std::string& file_stem) const;

    // Whether the window refreshes by itself (on a clinic server only), and how often.
    bool refreshes_automatically() const noexcept { return m_on_server; }

private:
    bool m_on_server = false;
    bool m_reads_clinical = true;
    std::string m_account;
    std::string m_server;
};

// The automatic refresh of the client list and the schedule on a clinic server: other
// workstations book and change appointments too.
struct RefreshMoment {
    bool dialog_open = false;   // a dialog (or message box) is up: its window shows what it read
    bool mouse_held = false;    // a click or drag is under way
    bool refreshing = false;    // the last refresh has not finished
    std::chrono::seconds since_input{3600}; // since the last key or click in the window
};

inline constexpr std::chrono::seconds automatic_refresh_interval{60};
// Typing or clicking within this long makes the window busy: the refresh waits for the next turn.
inline constexpr std::chrono::seconds refresh_quiet_time{5};

// True when an automatic refresh may run now.
bool refresh_now(const PracticeAccess& access, const RefreshMoment& moment);

} // namespace knotwork::gui
