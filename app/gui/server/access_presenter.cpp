#include "server/access_presenter.h"

#include "core/translate.h"
#include "database.h"

namespace knotwork::gui {

namespace {

std::string fill(std::string pattern, const std::string& value) {
    if (const auto at = pattern.find("%s"); at != std::string::npos) pattern.replace(at, 2, value);
    return pattern;
}

} // namespace

PracticeAccess::PracticeAccess(bool on_server, bool reads_clinical, std::string account, std::string server)
    : m_on_server(on_server), m_reads_clinical(reads_clinical || !on_server), m_account(std::move(account)),
      m_server(std::move(server)) {}

PracticeAccess PracticeAccess::of(const db::Database& db) {
    const bool server = db.backend() == db::Backend::postgresql;
    return PracticeAccess(server, db.can_read_clinical(), server ? db.actor() : std::string(),
                          server ? db.display_name() : std::string());
}

bool PracticeAccess::allows(Feature feature) const {
    switch (feature) {
    case Feature::backups: return !m_on_server;
    case Feature::clinical_records:
    case Feature::note_search:
    case Feature::client_history:
    case Feature::progress_reports:
    case Feature::practice_preferences: return !front_desk();
    }
    return false;
}

std::string PracticeAccess::why_not(Feature feature) const {
    if (allows(feature)) return {};
    switch (feature) {
    case Feature::backups:
        return KW_TR("A clinic server's backups are made on the server by its administrator.");
    case Feature::clinical_records:
    case Feature::note_search:
    case Feature::progress_reports:
        return KW_TR("Clinical records are open to therapists' accounts only.");
    case Feature::client_history:
        return KW_TR("A client's history shows clinical records: it is open to therapists' accounts only.");
    case Feature::practice_preferences:
        return KW_TR("The practice's preferences are changed from a therapist's account; the holidays can be "
                     "changed here.");
    }
    return {};
}

std::string PracticeAccess::notice() const {
    if (!front_desk()) return {};
    return fill(KW_TR("Signed in as %s (front desk): clinical records are not shown"), m_account);
}

std::string PracticeAccess::where(const std::string& file_path) const {
    if (!m_on_server) return file_path;
    return front_desk() ? m_server + " " + KW_TR("(front desk)") : m_server;
}

std::string PracticeAccess::title(const std::string& file_stem) const {
    return (m_on_server ? m_server : file_stem) + " \u2014 Knotwork";
}

bool refresh_now(const PracticeAccess& access, const RefreshMoment& moment) {
    return access.refreshes_automatically() && !moment.dialog_open && !moment.mouse_held && !moment.refreshing &&
           moment.since_input >= refresh_quiet_time;
}

} // namespace knotwork::gui
