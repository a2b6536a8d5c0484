#include "repositories/client_repository.h"

#include "audit_log.h"
#include "common/error.h"
#include "common/text.h"
#include "database.h"
#include "soci_mapping.h"

namespace knotwork::db {

namespace {

const char* const client_columns =
    "family_name, given_name, preferred_name, date_of_birth, phone, email, address, emergency_contact_name, "
    "emergency_contact_phone, referral_source, referring_physician, occupation, activity, health_notes, "
    "allergies, pressure_preference, sensitive_areas, consent_date, red_flag_notes, referred_to, "
    "red_flags_screened_on";

std::string medication_text(const Medication& m) {
    const std::string cls(label(m.medication_class));
    return m.name.empty() ? cls : m.name + " (" + cls + ")";
}

std::string medications_text(const std::vector<Medication>& meds) {
    std::string out;
    for (const auto& m : meds) out += (out.empty() ? "" : "; ") + medication_text(m);
    return out;
}

// The fields that differ, old and new, for the audit trail.
ChangeList client_changes(const ClientDetails& a, const ClientDetails& b) {
    ChangeList c;
    c.compare("family_name", a.family_name, b.family_name);
    c.compare("given_name", a.given_name, b.given_name);
    c.compare("preferred_name", a.preferred_name, b.preferred_name);
    c.compare("date_of_birth", a.date_of_birth, b.date_of_birth);
    c.compare("phone", a.phone, b.phone);
    c.compare("email", a.email, b.email);
    c.compare("address", a.address, b.address);
    c.compare("emergency_contact_name", a.emergency_contact_name, b.emergency_contact_name);
    c.compare("emergency_contact_phone", a.emergency_contact_phone, b.emergency_contact_phone);
    c.compare("referral_source", a.referral_source, b.referral_source);
    c.compare("referring_physician", a.referring_physician, b.referring_physician);
    c.compare("occupation", a.occupation, b.occupation);
    c.compare("activity", a.activity, b.activity);
    c.compare("conditions", a.conditions, b.conditions);
    c.compare("health_notes", a.health_notes, b.health_notes);
    c.compare_text("medications", medications_text(a.medications), medications_text(b.medications));
    c.compare("allergies", a.allergies, b.allergies);
    c.compare("pressure_preference", a.pressure_preference, b.pressure_preference);
    c.compare("sensitive_areas", a.sensitive_areas, b.sensitive_areas);
    c.compare("consent_date", a.consent_date, b.consent_date);
    c.compare("red_flags", a.intake_red_flags.positive, b.intake_red_flags.positive);
    c.compare("red_flag_notes", a.intake_red_flags.notes, b.intake_red_flags.notes);
    c.compare("referred_to", a.intake_red_flags.referred_to, b.intake_red_flags.referred_to);
    c.compare("red_flags_screened_on", a.red_flags_screened_on, b.red_flags_screened_on);
    return c;
}

std::string escape_like(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

} // namespace

std::string client_search_key(const ClientDetails& d) {
    std::string digits;
    for (char c : d.phone)
        if (c >= '0' && c <= '9') digits += c;
    std::string key = d.family_name + " " + d.given_name;
    if (!d.preferred_name.empty()) key += " " + d.preferred_name;
    if (!digits.empty()) key += " " + digits;
    if (d.date_of_birth) key += " " + to_iso(*d.date_of_birth);
    return text::ascii_lower(key);
}

ClientId ClientRepository::add(Client& client) {
    m_db.require_transaction("adding a client");
    const ClientDetails& d = client.details();
    const std::string now = to_iso(now_utc());
    const std::string key = client_search_key(d);
    const std::optional<Date> archived_on = client.archived_on(); // bound by reference: must outlive the statement
    auto& sql = m_db.sql();
    long long id = 0;
    sql << "INSERT INTO clients (" + std::string(client_columns) +
               ", search_key, archived_on, created_at, updated_at, version) VALUES (:family_name, :given_name, "
               ":preferred_name, :date_of_birth, :phone, :email, :address, :ec_name, :ec_phone, :referral_source, "
               ":referring_physician, :occupation, :activity, :health_notes, :allergies, :pressure, "
               ":sensitive_areas, :consent_date, :red_flag_notes, :referred_to, :screened_on, :search_key, "
               ":archived_on, :created_at, :updated_at, 1) RETURNING id",
        soci::use(d.family_name), soci::use(d.given_name), soci::use(d.preferred_name), soci::use(d.date_of_birth),
        soci::use(d.phone), soci::use(d.email), soci::use(d.address), soci::use(d.emergency_contact_name),
        soci::use(d.emergency_contact_phone), soci::use(d.referral_source), soci::use(d.referring_physician),
        soci::use(d.occupation), soci::use(d.activity), soci::use(d.health_notes), soci::use(d.allergies),
        soci::use(d.pressure_preference), soci::use(d.sensitive_areas), soci::use(d.consent_date),
        soci::use(d.intake_red_flags.notes), soci::use(d.intake_red_flags.referred_to),
        soci::use(d.red_flags_screened_on), soci::use(key), soci::use(archived_on), soci::use(now), soci::use(now), soci::into(id);
    client.set_id(id);
    client.set_version(1);
    write_children(client);
    AuditLog(m_db).record(AuditAction::create, "client", id, id, client.display_name());
    return id;
}

void ClientRepository::write_children(const Client& client) {
    auto& sql = m_db.sql();
    const ClientId id = client.id();
    sql << "DELETE FROM client_conditions WHERE client_id = :id", soci::use(id);
    sql << "DELETE FROM client_medications WHERE client_id = :id", soci::use(id);
    sql << "DELETE FROM client_red_flags WHERE client_id = :id", soci::use(id);
    for (HealthCondition c : client.details().conditions)
        sql << "INSERT INTO client_conditions (client_id, condition) VALUES (:id, :c)", soci::use(id), soci::use(c);
    int position = 0;
    for (const auto& m : client.details().medications) {
        sql << "INSERT INTO client_medications (client_id, position, medication_class, name) "
               "VALUES (:id, :pos, :cls, :name)",
            soci::use(id), soci::use(position), soci::use(m.medication_class), soci::use(m.name);
        ++position;
    }
    for (RedFlag f : client.details().intake_red_flags.positive)
        sql << "INSERT INTO client_red_flags (client_id, flag) VALUES (:id, :f)", soci::use(id), soci::use(f);
}

void ClientRepository::update(Client& client) {
    m_db.require_transaction("updating a client");
    const Client before = get(client.id());
    if (before.version() != client.version())
        throw ConflictError("The client record of " + before.display_name() +
                            " was changed elsewhere since you opened it. Reload it and apply your changes again.");
    const ClientDetails& d = client.details();
    const std::string now = to_iso(now_utc());
    const std::string key = client_search_key(d);
    const ClientId id = client.id();
    const int version = client.version();
    soci::statement st = (m_db.sql().prepare << "UPDATE clients SET family_name = :family_name, given_name = :given_name, "
                                                "preferred_name = :preferred_name, date_of_birth = :dob, phone = :phone, "
                                                "email = :email, address = :address, emergency_contact_name = :ec_name, "
                                                "emergency_contact_phone = :ec_phone, referral_source = :rs, "
                                                "referring_physician = :rp, occupation = :occupation, activity = :activity, "
                                                "health_notes = :hn, allergies = :allergies, pressure_preference = :pp, "
                                                "sensitive_areas = :sa, consent_date = :consent, red_flag_notes = :rfn, "
                                                "referred_to = :referred, red_flags_screened_on = :screened, "
                                                "search_key = :key, "
                                                "updated_at = :now, version = version + 1 WHERE id = :id AND version = :version",
                          soci::use(d.family_name), soci::use(d.given_name), soci::use(d.preferred_name),
                          soci::use(d.date_of_birth), soci::use(d.phone), soci::use(d.email), soci::use(d.address),
                          soci::use(d.emergency_contact_name), soci::use(d.emergency_contact_phone),
                          soci::use(d.referral_source), soci::use(d.referring_physician), soci::use(d.occupation),
                          soci::use(d.activity), soci::use(d.health_notes), soci::use(d.allergies),
                          soci::use(d.pressure_preference), soci::use(d.sensitive_areas), soci::use(d.consent_date),
                          soci::use(d.intake_red_flags.notes), soci::use(d.intake_red_flags.referred_to),
                          soci::use(d.red_flags_screened_on), soci::use(key), soci::use(now), soci::use(id),
                          soci::use(version));
    st.execute(true);
    if (st.get_affected_rows() != 1)
        throw ConflictError("The client record was changed elsewhere since you opened it.");
    client.set_version(version + 1);
    write_children(client);
    const ChangeList changes = client_changes(before.details(), d);
    AuditLog(m_db).record(AuditAction::update, "client", id, id, changes.summary(), changes.items());
}

void ClientRepository::archive(Client& client, Date on) {
    m_db.require_transaction("archiving a client");
    if (client.is_archived()) return;
    const std::optional<Date> archived = on;
    const ClientId id = client.id();
    const int version = client.version();
    const std::string now = to_iso(now_utc());
    soci::statement st = (m_db.sql().prepare << "UPDATE clients SET archived_on = :on, updated_at = :now, "
                                                "version = version + 1 WHERE id = :id AND version = :version",
                          soci::use(archived), soci::use(now), soci::use(id), soci::use(version));
    st.execute(true);
    if (st.get_affected_rows() != 1) throw ConflictError("The client record was changed elsewhere since you opened it.");
    client.archive(on); // only once the row has changed
    client.set_version(version + 1);
    AuditLog(m_db).record(AuditAction::archive, "client", id, id, "archived on " + to_iso(on),
                          {FieldChange{"archived_on", "", to_iso(on)}});
}

void ClientRepository::restore(Client& client) {
    m_db.require_transaction("restoring a client");
    const ClientId id = client.id();
    std::optional<Date> was_archived_on;
    m_db.sql() << "SELECT archived_on FROM clients WHERE id = :id", soci::into(was_archived_on), soci::use(id);
    const int version = client.version();
    const std::string now = to_iso(now_utc());
    soci::statement st = (m_db.sql().prepare << "UPDATE clients SET archived_on = NULL, updated_at = :now, "
                                                "version = version + 1 WHERE id = :id AND version = :version",
                          soci::use(now), soci::use(id), soci::use(version));
    st.execute(true);
    if (st.get_affected_rows() != 1) throw ConflictError("The client record was changed elsewhere since you opened it.");
    client.restore();
    client.set_version(version + 1);
    AuditLog(m_db).record(AuditAction::restore, "client", id, id, "restored from the archive",
                          {FieldChange{"archived_on", audit_text(was_archived_on), ""}});
}

std::optional<Client> ClientRepository::find(ClientId id) {
    auto& sql = m_db.sql();
    ClientDetails d;
    std::optional<Date> archived_on;
    int version = 0;
    soci::indicator found = soci::i_null;
    sql << "SELECT " + std::string(client_columns) + ", archived_on, version FROM clients WHERE id = :id",
        soci::into(d.family_name, found), soci::into(d.given_name), soci::into(d.preferred_name),
        soci::into(d.date_of_birth), soci::into(d.phone), soci::into(d.email), soci::into(d.address),
        soci::into(d.emergency_contact_name), soci::into(d.emergency_contact_phone), soci::into(d.referral_source),
        soci::into(d.referring_physician), soci::into(d.occupation), soci::into(d.activity),
        soci::into(d.health_notes), soci::into(d.allergies), soci::into(d.pressure_preference),
        soci::into(d.sensitive_areas), soci::into(d.consent_date), soci::into(d.intake_red_flags.notes),
        soci::into(d.intake_red_flags.referred_to), soci::into(d.red_flags_screened_on), soci::into(archived_on),
        soci::into(version), soci::use(id);
    if (!sql.got_data()) return std::nullopt;

    HealthCondition condition{};
    soci::statement conditions = (sql.prepare << "SELECT condition FROM client_conditions WHERE client_id = :id",
                                  soci::into(condition), soci::use(id));
    conditions.execute();
    while (conditions.fetch()) d.conditions.insert(condition);

    Medication m;
    soci::statement meds = (sql.prepare << "SELECT medication_class, name FROM client_medications "
                                           "WHERE client_id = :id ORDER BY position",
                            soci::into(m.medication_class), soci::into(m.name), soci::use(id));
    meds.execute();
    while (meds.fetch()) d.medications.push_back(m);

    RedFlag flag{};
    soci::statement flags = (sql.prepare << "SELECT flag FROM client_red_flags WHERE client_id = :id",
                             soci::into(flag), soci::use(id));
    flags.execute();
    while (flags.fetch()) d.intake_red_flags.positive.insert(flag);

    // A stored record was valid when written; judge "future" against the later of today and
    // the stored dates so a clock set back does not make the chart unreadable.
    Date reference = today_utc();
    if (d.date_of_birth && *d.date_of_birth > reference) reference = *d.date_of_birth;
    if (d.consent_date && *d.consent_date > reference) reference = *d.consent_date;
    if (d.red_flags_screened_on && *d.red_flags_screened_on > reference) reference = *d.red_flags_screened_on;
    Client client(std::move(d), reference);
    client.set_id(id);
    client.set_version(version);
    if (archived_on) client.archive(*archived_on);
    return client;
}

Client ClientRepository::get(ClientId id) {
    auto c = find(id);
    if (!c) throw NotFoundError("There is no client with id " + std::to_string(id) + ".");
    return std::move(*c);
}

namespace {

// The WHERE clause of a client search and the LIKE patterns it binds, in order.
struct ClientFilter {
    std::string where;
    std::vector<std::string> patterns;
};

ClientFilter client_filter(const ClientQuery& q) {
    // Each typed word must occur somewhere in the search key. A word made of digits and phone
    // punctuation is also tried as bare digits, since phone numbers are indexed as digits:
    // "555-0101" finds 5550101, while "1990-01" still finds a date of birth.
    ClientFilter f;
    const std::string lowered = text::ascii_lower(text::searchable(q.text));
    // A word longer than any search key (three names of 200 characters, phone digits, a date)
    // matches no client; SQLite would refuse its LIKE pattern past 50,000 bytes.
    bool unmatchable = false;
    std::size_t i = 0;
    while (i < lowered.size() && f.patterns.size() < 16) {
        while (i < lowered.size() && (lowered[i] == ' ' || lowered[i] == ',' || lowered[i] == '\t')) ++i;
        std::size_t j = i;
        while (j < lowered.size() && lowered[j] != ' ' && lowered[j] != ',' && lowered[j] != '\t') ++j;
        if (j > i) {
            const std::string term = lowered.substr(i, j - i);
            if (term.size() > 4096) {
                unmatchable = true;
                i = j;
                continue;
            }
            std::string digits;
            bool phone_like = true;
            for (char c : term) {
                if (c >= '0' && c <= '9') digits += c;
                else if (c != '-' && c != '(' && c != ')' && c != '+' && c != '.') phone_like = false;
            }
            f.patterns.push_back("%" + escape_like(term) + "%");
            f.patterns.push_back("%" + escape_like(phone_like && !digits.empty() ? digits : term) + "%");
        }
        i = j;
    }
    f.where = q.include_archived ? "1 = 1" : "archived_on IS NULL";
    if (unmatchable) f.where += " AND 0 = 1";
    for (std::size_t k = 0; k < f.patterns.size(); k += 2)
        f.where += " AND (search_key LIKE :t" + std::to_string(k) + " ESCAPE '\\' OR search_key LIKE :t" +
                   std::to_string(k + 1) + " ESCAPE '\\')";
    return f;
}

} // namespace

std::vector<ClientSummary> ClientRepository::search(const ClientQuery& q) {
    // The list order is the order of the clients_list index, which also holds every column read
    // here, so the search scans that index alone (schema version 3).
    ClientFilter f = client_filter(q);
    // Names in order regardless of case: SQLite's NOCASE collation, which the clients_list index
    // is built with; on a clinic server lower(), which its index is built on.
    const char* order = m_db.backend() == Backend::postgresql
                            ? " ORDER BY lower(family_name), lower(given_name), id "
                            : " ORDER BY family_name COLLATE NOCASE, given_name COLLATE NOCASE, id ";
    const std::string query = "SELECT id, family_name, given_name, preferred_name, phone, date_of_birth, "
                              "CASE WHEN archived_on IS NULL THEN 0 ELSE 1 END FROM clients WHERE " +
                              f.where + order + "LIMIT :limit OFFSET :offset";
    std::vector<ClientSummary> out;
    ClientSummary s;
    int archived = 0;
    int limit = q.limit, offset = q.offset;
    soci::statement st(m_db.sql());
    st.alloc();
    st.prepare(query);
    st.exchange(soci::into(s.id));
    st.exchange(soci::into(s.family_name));
    st.exchange(soci::into(s.given_name));
    st.exchange(soci::into(s.preferred_name));
    st.exchange(soci::into(s.phone));
    st.exchange(soci::into(s.date_of_birth));
    st.exchange(soci::into(archived));
    for (auto& t : f.patterns) st.exchange(soci::use(t));
    st.exchange(soci::use(limit));
    st.exchange(soci::use(offset));
    st.define_and_bind();
    st.execute();
    while (st.fetch()) {
        s.archived = archived != 0;
        out.push_back(s);
    }
    return out;
}

std::int64_t ClientRepository::count_matching(const ClientQuery& q) {
    ClientFilter f = client_filter(q);
    long long n = 0;
    soci::statement st(m_db.sql());
    st.alloc();
    st.prepare("SELECT count(*) FROM clients WHERE " + f.where);
    st.exchange(soci::into(n));
    for (auto& t : f.patterns) st.exchange(soci::use(t));
    st.define_and_bind();
    st.execute(true);
    return n;
}

std::int64_t ClientRepository::count(bool include_archived) {
    long long n = 0;
    m_db.sql() << (include_archived ? "SELECT count(*) FROM clients"
                                    : "SELECT count(*) FROM clients WHERE archived_on IS NULL"),
        soci::into(n);
    return n;
}

} // namespace knotwork::db
