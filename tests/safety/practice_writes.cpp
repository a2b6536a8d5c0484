#include "practice_writes.h"

#include "audit_log.h"
#include "database.h"
#include "repositories/client_repository.h"
#include "repositories/plan_repository.h"
#include "repositories/session_repository.h"

#include <soci/soci.h>

#include <algorithm>
#include <optional>
#include <set>

namespace knotwork::test {

namespace {

const Date writer_today(2026, 3, 1);
const char* const therapist = "Mara Lindqvist";

// Marks every record of a transaction; LIKE patterns find a writer's records by it.
std::string marker(const std::string& tag, int number) {
    return "safety writer " + tag + " tx " + std::to_string(number);
}
std::string marker_pattern(const std::string& tag) {
    return "safety writer " + tag + " tx %";
}

std::string filler(int number, std::size_t length) {
    static const char* const words[] = {"quadratus",  "lumborum", "hypertonic", "eased",  "after",
                                        "myofascial", "release;", "piriformis", "tender", "on",
                                        "the",        "left,",    "slept",      "better."};
    std::string out;
    for (std::size_t i = static_cast<std::size_t>(number); out.size() < length; ++i) {
        out += words[i % std::size(words)];
        out += ' ';
    }
    return out;
}

DateTime session_start(int number) {
    return DateTime(Date(2025, 1, 1) + boost::gregorian::days(number % 400),
                    boost::posix_time::hours(8 + number % 9) + boost::posix_time::minutes(number % 4 * 15));
}

SoapNote writer_note(const std::string& tag, int number) {
    SoapNote n;
    // Notes of 0.3 to 6 kB, so transactions span from a few pages to a dozen.
    n.subjective =
        marker(tag, number) + ": " + filler(number, 300 + static_cast<std::size_t>(number * 7919 % 5700));
    n.objective = "Objective findings of " + marker(tag, number);
    n.assessment = "Responded well; " + filler(number + 3, 200);
    n.plan = "Continue the series; home care as agreed.";
    n.pain_before = PainScore(3 + number % 7);
    n.pain_after = PainScore(number % 4);
    n.techniques = {
        {"myofascial_release", BodyRegion::quadratus_lumborum, Side::left, Pressure(1 + number % 10), 20},
        {"trigger_point_therapy", BodyRegion::piriformis, Side::right, Pressure(1 + (number + 3) % 10), 15},
        {"swedish", BodyRegion::erector_spinae_lumbar, Side::bilateral, Pressure(4), 5 + number % 40},
    };
    n.adverse_reactions = number % 3 == 0 ? "Mild soreness expected for a day." : "";
    return n;
}

DateTime signed_at(int number) {
    return session_start(number) + boost::posix_time::hours(2);
}
DateTime amended_at(int number) {
    return signed_at(number) + boost::posix_time::hours(30);
}

std::optional<ClientId> client_of(db::Database& db, const std::string& tag, int number) {
    long long id = 0;
    const std::string m = marker(tag, number);
    db.sql() << "SELECT id FROM clients WHERE occupation = :m", soci::into(id), soci::use(m);
    if (!db.sql().got_data()) return std::nullopt;
    return id;
}

std::int64_t count_of(db::Database& db, const std::string& query, const std::string& pattern) {
    long long n = 0;
    db.sql() << query, soci::into(n), soci::use(pattern);
    return n;
}

template <typename T> std::string describe(const std::string& what, const T& got, const T& expected) {
    return what + ": stored " + std::to_string(got) + ", expected " + std::to_string(expected);
}

} // namespace

ClientDetails writer_client(const std::string& tag, int number) {
    ClientDetails d;
    static const char* const families[] = {"Okafor", "Lindqvist", "Moreau", "Tanaka", "Silva", "Novak"};
    static const char* const givens[] = {"Ngozi", "Erik", "Camille", "Haruto", "Beatriz", "Tomas"};
    d.family_name = families[number % 6];
    d.given_name = givens[(number / 6) % 6];
    d.date_of_birth = Date(1950 + number % 50, 1 + number % 12, 1 + number % 28);
    d.phone = "+44 20 7946 " + std::to_string(1000 + number % 9000);
    d.occupation = marker(tag, number);
    d.conditions = {HealthCondition::sciatica,
                    number % 2 ? HealthCondition::hypertension : HealthCondition::diabetes};
    d.medications = {{MedicationClass::pain_killer, "Ibuprofen 400 mg"},
                     {MedicationClass::other, "Vitamin D " + std::to_string(number)}};
    d.health_notes = filler(number + 1, 120);
    d.consent_date = Date(2025, 12, 1);
    return d;
}

PlanDetails writer_plan(const std::string& tag, int number) {
    PlanDetails d;
    d.created_on = Date(2025, 12, 2);
    d.goals = {{"Pain at worst down to 3", GoalMeasure::pain, 8.0, 3.0},
               {"Garden for an hour", GoalMeasure::activity, std::nullopt, std::nullopt}};
    d.techniques = {{"myofascial_release", "Restricted thoracolumbar fascia"},
                    {"trigger_point_therapy", "Active trigger points reproduce the pain"}};
    // Target regions are a set, read back in the order of their codes.
    d.regions = {{BodyRegion::piriformis, Side::right}, {BodyRegion::quadratus_lumborum, Side::left}};
    d.series.session_count = 1 + number % 12;
    d.series.start_date = Date(2025, 12, 10);
    d.series.therapist = therapist;
    d.home_care = {{HomeCareKind::stretching, "Knee-to-chest, 3 x 30 s"}};
    d.notes = marker(tag, number);
    return d;
}

Session writer_session(const std::string& tag, int number, ClientId client, PlanId plan) {
    const DateTime starts = session_start(number);
    Session s(client, starts, starts + boost::posix_time::minutes(60), therapist);
    s.set_series(SeriesPosition{plan, 1, 1 + number % 12});
    s.mark_completed();
    s.write_note(writer_note(tag, number));
    s.sign(therapist, signed_at(number));
    return s;
}

std::string writer_phone_after(const std::string& tag, int number) {
    return "07700 " + std::to_string(100000 + number) + (tag == "B" ? "1" : "0");
}

std::string writer_amendment_text(const std::string& tag, int number) {
    return "Amendment written by " + marker(tag, number + 1) + ": the left side, not the right.";
}

int last_transaction(db::Database& db, const std::string& tag) {
    int last = 0;
    std::string occupation;
    const std::string pattern = marker_pattern(tag);
    soci::statement st = (db.sql().prepare << "SELECT occupation FROM clients WHERE occupation LIKE :p",
                          soci::into(occupation), soci::use(pattern));
    st.execute();
    const std::size_t prefix = pattern.size() - 1;
    while (st.fetch())
        last = std::max(last, std::stoi(occupation.substr(prefix)));
    return last;
}

WrittenTransaction write_transaction(db::Database& db, const std::string& tag, int number) {
    WrittenTransaction written{.number = number};
    db::Transaction tx(db);
    db::ClientRepository clients(db);
    db::SessionRepository sessions(db);

    Client client(writer_client(tag, number), writer_today);
    written.client = clients.add(client);
    TreatmentPlan plan(written.client, writer_plan(tag, number));
    plan.activate();
    written.plan = db::PlanRepository(db).add(plan);
    Session session = writer_session(tag, number, written.client, written.plan);
    written.session = sessions.add(session);

    if (number > 1) {
        const auto previous = client_of(db, tag, number - 1);
        if (!previous)
            throw Error("transaction " + std::to_string(number - 1) + " of " + tag + " is missing");
        Client before = clients.get(*previous);
        ClientDetails d = before.details();
        d.phone = writer_phone_after(tag, number - 1);
        before.revise(d, writer_today);
        clients.update(before);
        auto earlier = sessions.for_client(*previous, 1);
        if (earlier.empty())
            throw Error("the session of transaction " + std::to_string(number - 1) + " is missing");
        earlier.front().amend(therapist, amended_at(number - 1), "Side recorded wrongly",
                              writer_amendment_text(tag, number - 1));
        sessions.save(earlier.front());
    }
    tx.commit();
    return written;
}

WriterState check_writer(db::Database& db, const std::string& tag, int check_from) {
    WriterState state;
    auto& problems = state.problems;
    const std::string pattern = marker_pattern(tag);

    // Numbers 1..n, each once.
    std::set<int> numbers;
    {
        std::string occupation;
        soci::statement st = (db.sql().prepare << "SELECT occupation FROM clients WHERE occupation LIKE :p",
                              soci::into(occupation), soci::use(pattern));
        st.execute();
        const std::size_t prefix = pattern.size() - 1;
        while (st.fetch()) {
            const int k = std::stoi(occupation.substr(prefix));
            if (!numbers.insert(k).second)
                problems.push_back("transaction " + std::to_string(k) + " stored twice");
        }
    }
    const std::int64_t n = numbers.empty() ? 0 : *numbers.rbegin();
    state.transactions = static_cast<int>(n);
    if (static_cast<std::int64_t>(numbers.size()) != n)
        problems.push_back("transaction numbers have gaps: " + std::to_string(numbers.size()) +
                           " stored, last " + std::to_string(n));

    // Row counts of n whole transactions, table by table: a part of a transaction shows here.
    const std::string of_clients = "(SELECT id FROM clients WHERE occupation LIKE :p)";
    const std::string of_sessions = "(SELECT id FROM sessions WHERE subjective LIKE :p || ':%')";
    const std::string of_plans = "(SELECT id FROM treatment_plans WHERE notes LIKE :p)";
    const struct {
        const char* what;
        std::string query;
        std::int64_t expected;
    } counts[] = {
        {"client medications", "SELECT count(*) FROM client_medications WHERE client_id IN " + of_clients,
         2 * n},
        {"client conditions", "SELECT count(*) FROM client_conditions WHERE client_id IN " + of_clients,
         2 * n},
        {"plans", "SELECT count(*) FROM treatment_plans WHERE notes LIKE :p", n},
        {"plan goals", "SELECT count(*) FROM plan_goals WHERE plan_id IN " + of_plans, 2 * n},
        {"plan techniques", "SELECT count(*) FROM plan_techniques WHERE plan_id IN " + of_plans, 2 * n},
        {"plan regions", "SELECT count(*) FROM plan_regions WHERE plan_id IN " + of_plans, 2 * n},
        {"plan home care", "SELECT count(*) FROM plan_home_care WHERE plan_id IN " + of_plans, n},
        {"sessions", "SELECT count(*) FROM sessions WHERE subjective LIKE :p || ':%'", n},
        {"signed sessions",
         "SELECT count(*) FROM sessions WHERE subjective LIKE :p || ':%' AND signed_at IS NOT NULL", n},
        {"session techniques", "SELECT count(*) FROM session_techniques WHERE session_id IN " + of_sessions,
         3 * n},
        {"amendments", "SELECT count(*) FROM note_amendments WHERE session_id IN " + of_sessions,
         std::max<std::int64_t>(n - 1, 0)},
        {"changed clients", "SELECT count(*) FROM clients WHERE occupation LIKE :p AND version > 1",
         std::max<std::int64_t>(n - 1, 0)},
    };
    for (const auto& c : counts) {
        const std::int64_t got = count_of(db, c.query, pattern);
        if (got != c.expected) problems.push_back(describe(c.what, got, c.expected));
    }

    // Transactions check_from..n, record by record.
    db::ClientRepository clients(db);
    db::PlanRepository plans(db);
    db::SessionRepository sessions(db);
    db::AuditLog audit(db);
    auto has_action = [](const std::vector<db::AuditEntry>& entries, db::AuditAction action) {
        return std::any_of(entries.begin(), entries.end(),
                           [&](const db::AuditEntry& e) { return e.action == db::to_code(action); });
    };
    for (int k = std::max(check_from, 1); k <= n; ++k) {
        const std::string tx = tag + " transaction " + std::to_string(k) + ": ";
        const bool changed_later = k < n;
        const auto id = client_of(db, tag, k);
        if (!id) {
            problems.push_back(tx + "client missing");
            continue;
        }
        ++state.checked_whole;
        const Client client = clients.get(*id);
        ClientDetails expected_client = Client(writer_client(tag, k), writer_today).details();
        if (changed_later) expected_client.phone = writer_phone_after(tag, k);
        if (client.details() != expected_client) problems.push_back(tx + "client details differ");
        if (client.version() != (changed_later ? 2 : 1)) problems.push_back(tx + "client version is wrong");
        const auto client_audit = audit.for_record("client", *id);
        if (!has_action(client_audit, db::AuditAction::create) ||
            has_action(client_audit, db::AuditAction::update) != changed_later)
            problems.push_back(tx + "client audit rows are wrong");

        const auto client_plans = plans.for_client(*id);
        if (client_plans.size() != 1) {
            problems.push_back(tx + "has " + std::to_string(client_plans.size()) + " plans");
            continue;
        }
        const TreatmentPlan& plan = client_plans.front();
        const PlanDetails expected_plan = TreatmentPlan(*id, writer_plan(tag, k)).details();
        const PlanDetails& got = plan.details();
        const struct {
            const char* what;
            bool same;
        } plan_parts[] = {
            {"created on", got.created_on == expected_plan.created_on},
            {"goals", got.goals == expected_plan.goals},
            {"techniques", got.techniques == expected_plan.techniques},
            {"regions", got.regions == expected_plan.regions},
            {"series", got.series == expected_plan.series},
            {"re-assessment", got.reassess_after_sessions == expected_plan.reassess_after_sessions},
            {"home care", got.home_care == expected_plan.home_care},
            {"notes", got.notes == expected_plan.notes},
            {"status", plan.status() == PlanStatus::active}};
        for (const auto& part : plan_parts)
            if (!part.same) problems.push_back(tx + "plan " + part.what + " differ");
        if (!has_action(audit.for_record("plan", plan.id()), db::AuditAction::create))
            problems.push_back(tx + "plan audit row missing");

        const auto client_sessions = sessions.for_client(*id);
        if (client_sessions.size() != 1) {
            problems.push_back(tx + "has " + std::to_string(client_sessions.size()) + " sessions");
            continue;
        }
        const Session& stored = client_sessions.front();
        const Session expected = writer_session(tag, k, *id, plan.id());
        if (stored.note() != expected.note()) problems.push_back(tx + "note or techniques differ");
        if (stored.signature() != expected.signature()) problems.push_back(tx + "signature differs");
        if (stored.status() != AppointmentStatus::completed || stored.series() != expected.series() ||
            stored.starts_at() != expected.starts_at() || stored.ends_at() != expected.ends_at())
            problems.push_back(tx + "appointment differs");
        const auto& amendments = stored.amendments();
        if (amendments.size() != (changed_later ? 1u : 0u))
            problems.push_back(tx + "has " + std::to_string(amendments.size()) + " amendments");
        else if (changed_later && (amendments.front().text != writer_amendment_text(tag, k) ||
                                   amendments.front().written_at != amended_at(k)))
            problems.push_back(tx + "amendment differs");
        const auto session_audit = audit.for_record("session", stored.id());
        if (!has_action(session_audit, db::AuditAction::create) ||
            !has_action(session_audit, db::AuditAction::sign) ||
            has_action(session_audit, db::AuditAction::amend) != changed_later)
            problems.push_back(tx + "session audit rows are wrong");
    }
    return state;
}

std::vector<std::string> file_problems(db::Database& db) {
    std::vector<std::string> problems = db.check_integrity();
    if (db.is_read_only()) return problems; // the full-text checks are run as writes
    for (const char* fts : {"notes_fts", "amendments_fts"}) {
        try {
            db.sql() << "INSERT INTO " + std::string(fts) + " (" + fts + ") VALUES ('integrity-check')";
        } catch (const std::exception& e) {
            problems.push_back(std::string(fts) + ": " + e.what());
        }
    }
    return problems;
}

} // namespace knotwork::test
