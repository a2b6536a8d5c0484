#include "repositories/practice_repository.h"

#include "audit_log.h"
#include "database.h"
#include "soci_mapping.h"

namespace knotwork::db {

namespace {

std::string weekdays_text(const std::set<boost::date_time::weekdays>& days) {
    std::string out;
    for (auto d : days) out += (out.empty() ? "" : ", ") + std::string(boost::gregorian::greg_weekday(d).as_long_string());
    return out;
}

std::string holidays_text(const std::map<Date, std::string>& holidays) {
    std::string out;
    for (const auto& [day, name] : holidays) out += (out.empty() ? "" : "; ") + to_iso(day) + (name.empty() ? "" : " " + name);
    return out;
}

ChangeList profile_changes(const PracticeProfile& a, const PracticeProfile& b) {
    ChangeList c;
    c.compare("practice_name", a.practice_name, b.practice_name);
    c.compare("address", a.address, b.address);
    c.compare("phone", a.phone, b.phone);
    c.compare("therapist_name", a.therapist_name, b.therapist_name);
    c.compare("licence_number", a.licence_number, b.licence_number);
    c.compare("default_session_minutes", a.default_session_minutes, b.default_session_minutes);
    c.compare_text("closed_weekdays", weekdays_text(a.closed_weekdays), weekdays_text(b.closed_weekdays));
    c.compare_text("holidays", holidays_text(a.holidays), holidays_text(b.holidays));
    return c;
}

} // namespace

PracticeProfile PracticeRepository::load() {
    PracticeProfile p;
    std::string key, value;
    soci::statement st = (m_db.sql().prepare << "SELECT key, value FROM practice_settings", soci::into(key),
                          soci::into(value));
    st.execute();
    while (st.fetch()) {
        if (key == "practice_name") p.practice_name = value;
        else if (key == "address") p.address = value;
        else if (key == "phone") p.phone = value;
        else if (key == "therapist_name") p.therapist_name = value;
        else if (key == "licence_number") p.licence_number = value;
        else if (key == "default_session_minutes") p.default_session_minutes = std::stoi(value);
        else if (key == "closed_weekdays") {
            p.closed_weekdays.clear();
            for (char c : value)
                if (c >= '0' && c <= '6') p.closed_weekdays.insert(static_cast<boost::date_time::weekdays>(c - '0'));
        }
    }
    p.holidays = load_holidays();
    return p;
}

std::map<Date, std::string> PracticeRepository::load_holidays() {
    std::map<Date, std::string> holidays;
    Date day;
    std::string name;
    soci::statement hol = (m_db.sql().prepare << "SELECT day, label FROM practice_holidays ORDER BY day",
                           soci::into(day), soci::into(name));
    hol.execute();
    while (hol.fetch()) holidays[day] = name;
    return holidays;
}

void PracticeRepository::write_holidays(const std::map<Date, std::string>& holidays) {
    m_db.sql() << "DELETE FROM practice_holidays";
    for (const auto& [day, name] : holidays)
        m_db.sql() << "INSERT INTO practice_holidays (day, label) VALUES (:d, :l)", soci::use(day), soci::use(name);
}

void PracticeRepository::save(const PracticeProfile& p) {
    m_db.require_transaction("saving practice settings");
    p.validate();
    const ChangeList changes = profile_changes(load(), p);
    std::string closed;
    for (auto d : p.closed_weekdays) closed += static_cast<char>('0' + static_cast<int>(d));
    const std::pair<const char*, std::string> values[] = {
        {"practice_name", p.practice_name},
        {"address", p.address},
        {"phone", p.phone},
        {"therapist_name", p.therapist_name},
        {"licence_number", p.licence_number},
        {"default_session_minutes", std::to_string(p.default_session_minutes)},
        {"closed_weekdays", closed},
    };
    for (const auto& [k, v] : values) {
        const std::string key = k;
        m_db.sql() << "INSERT INTO practice_settings (key, value) VALUES (:k, :v) "
                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            soci::use(key), soci::use(v);
    }
    write_holidays(p.holidays);
    AuditLog(m_db).record(AuditAction::update, "practice", std::nullopt, std::nullopt,
                          "practice settings saved; " + changes.summary(), changes.items());
}

void PracticeRepository::save_holidays(const std::map<Date, std::string>& holidays) {
    m_db.require_transaction("saving the practice's holidays");
    validate_holidays(holidays);
    ChangeList changes;
    changes.compare_text("holidays", holidays_text(load_holidays()), holidays_text(holidays));
    write_holidays(holidays);
    AuditLog(m_db).record(AuditAction::update, "practice", std::nullopt, std::nullopt,
                          "holidays saved; " + changes.summary(), changes.items());
}

} // namespace knotwork::db
