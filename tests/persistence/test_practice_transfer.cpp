// Pins persistence/practice_transfer: a practice file moves onto an empty clinic server whole —
// every record reads back identical through the repositories, with its id, signed notes still
// locked, the audit trail with its authors — and a new record gets an id above the copied ones.
// A server that holds records, an account that does not own the practice, a row the server
// refuses half-way and a copy that reads back differently all leave the server as it was; the
// file is never written, and an older file is refused naming both schema versions.
#include "practice_fixture.h"

#include "audit_log.h"
#include "common/error.h"
#include "practice_transfer.h"
#include "repositories/assessment_repository.h"
#include "repositories/plan_repository.h"
#include "repositories/practice_repository.h"

#include <chrono>
#include <fstream>
#include <iterator>

namespace knotwork::test {

namespace {

namespace fs = std::filesystem;

const std::string therapist = "Mara Lindqvist";

// Text that COPY's format and the checksum must carry byte for byte: its escape character, a
// lone "\N" (COPY's null), "\." (its old end marker), tabs, line ends, quotes and emoji.
const std::string awkward_text = "Backslash \\ and \\N and \\.\ttab\r\nCRLF line\n\\.\n\"quoted\" 'single' 🙂 né";

std::string file_bytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A practice file with a record of every kind, written through the repositories by the
// therapist, then closed.
struct SourcePractice {
    TempDir dir;
    fs::path file = dir.file("practice.knotwork");
    ClientId full = 0;
    ClientId archived = 0;
    ClientId flagged = 0;
    SessionId amended = 0;  // signed, with techniques and two amendments
    SessionId bare = 0;     // signed, no techniques
    SessionId booking = 0;  // not yet seen
    PracticeProfile profile;

    SourcePractice() {
        auto db = db::Database::open(file.string(), db::OpenOptions{.create_if_missing = true, .actor = therapist});
        build(*db);
    }

    void build(db::Database& db) {
        profile.practice_name = "Knotwork Studio – Massage & Bodywork";
        profile.therapist_name = therapist + ", RMT";
        profile.licence_number = "RMT-004217 \"A\"";
        profile.default_session_minutes = 75;
        profile.closed_weekdays = {boost::date_time::Sunday, boost::date_time::Wednesday};
        profile.holidays = {{Date(2026, 12, 25), "Christmas Day"}, {Date(2027, 1, 1), "Neujahr 🎆"}, {Date(2026, 4, 3), ""}};
        in_transaction(db, [&] { db::PracticeRepository(db).save(profile); });

        ClientDetails d = full_client();
        d.health_notes = awkward_text;
        Client c = store_client(db, d);
        full = c.id();
        // An update, so the audit trail holds changed fields with old and new values.
        ClientDetails changed = c.details();
        changed.phone = "0113 496 0999";
        changed.allergies = "Nut oils; lanolin; arnica\tgel";
        c.revise(changed, test_today);
        in_transaction(db, [&] { db::ClientRepository(db).update(c); });

        ClientDetails f = minimal_client("Haddad", "Samir");
        f.intake_red_flags.positive = {RedFlag::night_pain, RedFlag::fever};
        f.intake_red_flags.notes = "Night sweats «since Tuesday»\nsecond line";
        f.red_flags_screened_on = Date(2026, 2, 27);
        flagged = store_client(db, f).id();

        Client gone = store_client(db, minimal_client("Ní Fhaoláin", "Aoife"));
        in_transaction(db, [&] { db::ClientRepository(db).archive(gone, Date(2026, 2, 28)); });
        archived = gone.id();

        Assessment a(full, full_assessment(Date(2026, 2, 20)), test_today);
        in_transaction(db, [&] { db::AssessmentRepository(db).add(a); });
        TreatmentPlan plan(full, full_plan(a.id()));
        in_transaction(db, [&] { db::PlanRepository(db).add(plan); });
        plan.activate();
        in_transaction(db, [&] { db::PlanRepository(db).update(plan); });

        Session s = store_signed_session(db, full, at(2026, 2, 24, 14, 30), therapist);
        s.amend(therapist, at(2026, 2, 25, 9), "Follow-up call", "No soreness the next day.");
        s.amend(therapist, at(2026, 2, 26, 9), "Correction\tof the side", awkward_text);
        in_transaction(db, [&] { db::SessionRepository(db).save(s); });
        amended = s.id();

        Session b = store_booking(db, full, at(2026, 2, 26, 10));
        b.set_series(SeriesPosition{plan.id(), 2, 6});
        b.mark_completed();
        SoapNote note;
        note.subjective = awkward_text;
        note.assessment = "Talked through home care; no hands-on work today.";
        b.write_note(note);
        b.sign(therapist, at(2026, 2, 26, 12));
        in_transaction(db, [&] { db::SessionRepository(db).save(b); });
        bare = b.id();

        booking = store_booking(db, flagged, at(2026, 3, 6, 9)).id();
        Session cancelled = store_booking(db, flagged, at(2026, 3, 9, 9));
        cancelled.cancel("Client unwell");
        in_transaction(db, [&] { db::SessionRepository(db).save(cancelled); });
    }
};

// Everything a practice holds, read back through the repositories.
struct PracticeRecords {
    std::vector<Client> clients;
    std::vector<Assessment> assessments;
    std::vector<TreatmentPlan> plans;
    std::vector<Session> sessions;
    std::vector<db::AuditEntry> audit;
    PracticeProfile profile;
};

PracticeRecords read_all(db::Database& db) {
    PracticeRecords r;
    db::ClientQuery all;
    all.include_archived = true;
    all.limit = 1000;
    for (const auto& summary : db::ClientRepository(db).search(all)) {
        r.clients.push_back(db::ClientRepository(db).get(summary.id));
        for (auto& a : db::AssessmentRepository(db).for_client(summary.id)) r.assessments.push_back(a);
        for (auto& p : db::PlanRepository(db).for_client(summary.id)) r.plans.push_back(p);
        for (auto& s : db::SessionRepository(db).for_client(summary.id)) r.sessions.push_back(s);
    }
    r.audit = db::AuditLog(db).find(db::AuditQuery{});
    r.profile = db::PracticeRepository(db).load();
    return r;
}

void check_same(const PracticeRecords& was, const PracticeRecords& is) {
    BOOST_TEST_REQUIRE(is.clients.size() == was.clients.size());
    for (std::size_t i = 0; i < was.clients.size(); ++i) {
        BOOST_TEST_CONTEXT("client " << was.clients[i].id()) {
            BOOST_TEST(is.clients[i].id() == was.clients[i].id());
            BOOST_TEST(is.clients[i].version() == was.clients[i].version());
            BOOST_TEST((is.clients[i].details() == was.clients[i].details()));
            BOOST_TEST(is.clients[i].archived_on() == was.clients[i].archived_on());
        }
    }
    BOOST_TEST_REQUIRE(is.assessments.size() == was.assessments.size());
    for (std::size_t i = 0; i < was.assessments.size(); ++i) {
        BOOST_TEST_CONTEXT("assessment " << was.assessments[i].id()) {
            BOOST_TEST(is.assessments[i].id() == was.assessments[i].id());
            BOOST_TEST(is.assessments[i].client_id() == was.assessments[i].client_id());
            BOOST_TEST(is.assessments[i].version() == was.assessments[i].version());
            BOOST_TEST((is.assessments[i].details() == was.assessments[i].details()));
        }
    }
    BOOST_TEST_REQUIRE(is.plans.size() == was.plans.size());
    for (std::size_t i = 0; i < was.plans.size(); ++i) {
        BOOST_TEST_CONTEXT("plan " << was.plans[i].id()) {
            BOOST_TEST(is.plans[i].id() == was.plans[i].id());
            BOOST_TEST(is.plans[i].client_id() == was.plans[i].client_id());
            BOOST_TEST(is.plans[i].version() == was.plans[i].version());
            BOOST_TEST((is.plans[i].details() == was.plans[i].details()));
            BOOST_TEST(is.plans[i].status() == was.plans[i].status());
            BOOST_TEST(is.plans[i].status_reason() == was.plans[i].status_reason());
        }
    }
    BOOST_TEST_REQUIRE(is.sessions.size() == was.sessions.size());
    for (std::size_t i = 0; i < was.sessions.size(); ++i) {
        const Session& a = was.sessions[i];
        const Session& b = is.sessions[i];
        BOOST_TEST_CONTEXT("session " << a.id()) {
            BOOST_TEST(b.id() == a.id());
            BOOST_TEST(b.client_id() == a.client_id());
            BOOST_TEST(b.version() == a.version());
            BOOST_TEST(b.starts_at() == a.starts_at());
            BOOST_TEST(b.ends_at() == a.ends_at());
            BOOST_TEST(b.therapist() == a.therapist());
            BOOST_TEST((b.series() == a.series()));
            BOOST_TEST(b.status() == a.status());
            BOOST_TEST(b.status_reason() == a.status_reason());
            BOOST_TEST((b.note() == a.note()));
            BOOST_TEST((b.signature() == a.signature()));
            BOOST_TEST((b.amendments() == a.amendments()));
        }
    }
    BOOST_TEST((is.profile == was.profile));
    // The server's trail is the file's, then the entry of the move.
    BOOST_TEST_REQUIRE(is.audit.size() == was.audit.size() + 1);
    for (std::size_t i = 0; i < was.audit.size(); ++i) {
        const db::AuditEntry& a = was.audit[i];
        const db::AuditEntry& b = is.audit[i];
        BOOST_TEST_CONTEXT("audit entry " << a.id) {
            BOOST_TEST(b.id == a.id);
            BOOST_TEST(b.at == a.at);
            BOOST_TEST(b.actor == a.actor);
            BOOST_TEST(b.action == a.action);
            BOOST_TEST(b.entity == a.entity);
            BOOST_TEST(b.entity_id == a.entity_id);
            BOOST_TEST(b.client_id == a.client_id);
            BOOST_TEST(b.detail == a.detail);
            BOOST_TEST((b.changes == a.changes));
        }
    }
}

std::unique_ptr<db::Database> open_file(const fs::path& file) {
    return db::Database::open(file.string(), db::OpenOptions{.read_only = true, .actor = "test"});
}

// Every row of the server's practice, counted.
std::int64_t rows_on_server(db::Database& db) {
    std::int64_t n = 0;
    for (const char* table : {"practice_settings", "practice_holidays", "clients", "client_conditions",
                              "client_medications", "client_red_flags", "assessments", "assessment_pain_map",
                              "assessment_palpation", "assessment_psfs", "assessment_red_flags", "treatment_plans",
                              "plan_goals", "plan_techniques", "plan_regions", "plan_home_care", "sessions",
                              "session_techniques", "note_amendments", "audit_log", "audit_changes"})
        n += row_count(db, table);
    return n;
}

// A source practice and an empty practice on the test server (set up by Database::open, as the
// command line does), ready for a move.
struct TransferFixture {
    SourcePractice source;
    TempSchema schema;
    std::unique_ptr<db::Database> target = db::Database::open(schema.location(), test_options());

    db::TransferReport move() {
        auto from = db::open_practice_to_move(source.file.string());
        return db::transfer_practice(*from, *target);
    }

    // The message a refused move gives (the test fails if the move goes through).
    std::string refusal() {
        try {
            move();
        } catch (const Error& e) {
            return e.what();
        }
        BOOST_ERROR("the move went through");
        return {};
    }
};

// A login on the test server in one of Knotwork's group roles; dropped afterwards.
class ServerLogin {
public:
    ServerLogin(TempSchema& schema, const std::string& group) : m_schema(schema), m_name("mover_" + schema.name()) {
        m_schema.admin() << "CREATE ROLE " + m_name + " LOGIN IN ROLE " + group;
    }
    ~ServerLogin() {
        try {
            m_schema.admin() << "DROP OWNED BY " + m_name;
            m_schema.admin() << "DROP ROLE " + m_name;
        } catch (...) {
        }
    }
    ServerLogin(const ServerLogin&) = delete;
    ServerLogin& operator=(const ServerLogin&) = delete;
    std::string location() const { return m_schema.location_for(m_name); }

private:
    TempSchema& m_schema;
    std::string m_name;
};

} // namespace

BOOST_AUTO_TEST_SUITE(PracticeTransfer)

BOOST_FIXTURE_TEST_CASE(every_record_reads_back_identical_on_the_server, TransferFixture, *postgresql_only()) {
    PracticeRecords was;
    {
        auto file = open_file(source.file);
        was = read_all(*file);
    }
    BOOST_TEST_REQUIRE(was.clients.size() == 3u);
    BOOST_TEST_REQUIRE(was.sessions.size() == 4u);
    BOOST_TEST_REQUIRE(!was.audit.empty());

    const db::TransferReport report = move();
    const PracticeRecords is = read_all(*target);
    check_same(was, is);

    // The copied entries keep their author; the move is the server's account's own entry, last.
    BOOST_TEST(is.audit.front().actor == therapist);
    const db::AuditEntry& moved = is.audit.back();
    BOOST_TEST(moved.id == report.audit_entry);
    BOOST_TEST(moved.id > was.audit.back().id);
    BOOST_TEST(moved.actor == target->actor());
    BOOST_TEST(moved.entity == "practice");
    BOOST_TEST(moved.detail ==
               "practice moved from " + source.file.string() +
                   " (3 clients, 4 sessions, 1 assessment, 1 treatment plan, 2 amendments, " +
                   std::to_string(was.audit.size()) + " audit entries; " + std::to_string(report.rows()) +
                   " rows in " + std::to_string(report.tables.size()) + " tables, each checked)");

    // The report: every table of the schema, parents first, counts as the server holds them.
    BOOST_TEST(report.schema_version == db::Database::latest_schema_version());
    BOOST_TEST(report.target == target->display_name());
    BOOST_TEST_REQUIRE(report.tables.size() == 21u);
    const auto position = [&](const std::string& table) {
        for (std::size_t i = 0; i < report.tables.size(); ++i)
            if (report.tables[i].table == table) return i;
        BOOST_ERROR("no table " << table << " in the report");
        return report.tables.size();
    };
    BOOST_TEST(position("clients") < position("sessions"));
    BOOST_TEST(position("session_techniques") < position("note_amendments"));
    BOOST_TEST(position("audit_log") < position("audit_changes"));
    for (const auto& t : report.tables) {
        BOOST_TEST_CONTEXT(t.table) {
            const std::int64_t on_server = row_count(*target, t.table) - (t.table == "audit_log" ? 1 : 0);
            BOOST_TEST(t.rows == on_server);
            BOOST_TEST(t.checksum.size() == 16u);
        }
    }
    BOOST_TEST(report.rows_of("client_red_flags") == 2);
    BOOST_TEST(report.rows_of("note_amendments") == 2);
    BOOST_TEST(report.rows_of("practice_holidays") == 3);
    BOOST_TEST(report.rows_of("audit_changes") > 0);

    // Full-text search works on the copied notes (the server computed its own search column),
    // and the sessions table keeps its own storage settings.
    BOOST_TEST(db::SessionRepository(*target).search_notes("piriformis").size() == 1u);
    const auto soreness = db::SessionRepository(*target).search_notes("soreness"); // a note and an amendment
    BOOST_TEST_REQUIRE(soreness.size() == 2u);
    BOOST_TEST(soreness[0].in_amendment != soreness[1].in_amendment);
    std::string options;
    soci::indicator ind = soci::i_ok;
    target->sql() << "SELECT array_to_string(reloptions, ',') FROM pg_class WHERE oid = 'sessions'::regclass",
        soci::into(options, ind);
    BOOST_TEST((ind == soci::i_null || options.empty()));
}

BOOST_FIXTURE_TEST_CASE(a_record_added_after_the_move_gets_an_id_above_the_copied_ones, TransferFixture,
                        *postgresql_only()) {
    const db::TransferReport report = move();
    const Client added = store_client(*target, minimal_client("Reyes", "Ana"));
    BOOST_TEST(added.id() > source.archived);
    BOOST_TEST(added.id() > source.flagged);
    const Session booked = store_booking(*target, added.id(), at(2026, 3, 10, 9));
    BOOST_TEST(booked.id() > source.booking);
    Assessment a(added.id(), full_assessment(Date(2026, 2, 27)), test_today);
    in_transaction(*target, [&] { db::AssessmentRepository(*target).add(a); });
    BOOST_TEST(a.id() > 1);
    db::AuditQuery newest;
    newest.newest_first = true;
    const auto trail = db::AuditLog(*target).find(newest);
    BOOST_TEST_REQUIRE(!trail.empty());
    BOOST_TEST(trail.front().id > report.audit_entry);

    Session s = db::SessionRepository(*target).get(source.amended);
    s.amend(therapist, at(2026, 3, 1, 9), "Another call", "Still no soreness.");
    in_transaction(*target, [&] { db::SessionRepository(*target).save(s); });
    const auto amendments = db::SessionRepository(*target).get(source.amended).amendments();
    BOOST_TEST_REQUIRE(amendments.size() == 3u);
    BOOST_TEST(amendments.back().text == "Still no soreness.");
    long long highest = 0;
    target->sql() << "SELECT max(id) FROM note_amendments", soci::into(highest);
    BOOST_TEST(highest == 3);
}

BOOST_FIXTURE_TEST_CASE(signed_notes_are_still_locked_on_the_server, TransferFixture, *postgresql_only()) {
    move();
    const Session s = db::SessionRepository(*target).get(source.amended);
    BOOST_TEST_REQUIRE(s.is_signed());
    BOOST_TEST(s.note().techniques.size() == 3u);
    const std::string id = std::to_string(source.amended);
    BOOST_TEST(contains(refusal_of(*target, "UPDATE sessions SET subjective = 'rewritten' WHERE id = " + id),
                        "signed note is locked"));
    BOOST_TEST(contains(refusal_of(*target, "INSERT INTO session_techniques (session_id, position, technique, region, "
                                            "side, pressure, minutes) VALUES (" + id + ", 9, 'swedish', "
                                            "'piriformis', 'left', 3, 5)"),
                        "signed note is locked"));
    BOOST_TEST(contains(refusal_of(*target, "DELETE FROM session_techniques WHERE session_id = " + id),
                        "signed note is locked"));
    BOOST_TEST(contains(refusal_of(*target, "UPDATE note_amendments SET text = 'x'"), "append-only"));
    BOOST_TEST(contains(refusal_of(*target, "UPDATE audit_log SET actor = 'x'"), "cannot be changed"));
    // The note without techniques was signed as it was copied, and is locked too.
    BOOST_TEST(db::SessionRepository(*target).get(source.bare).is_signed());
    BOOST_TEST(contains(refusal_of(*target, "UPDATE sessions SET status = 'scheduled' WHERE id = " +
                                                std::to_string(source.bare)),
                        "signed note is locked"));
    // An unsigned booking still takes its note.
    Session booked = db::SessionRepository(*target).get(source.booking);
    BOOST_TEST(!booked.is_signed());
    booked.mark_completed();
    booked.write_note(sample_note());
    in_transaction(*target, [&] { db::SessionRepository(*target).save(booked); });
}

BOOST_FIXTURE_TEST_CASE(a_server_that_holds_records_is_refused_and_left_unchanged, TransferFixture,
                        *postgresql_only()) {
    const Client there = store_client(*target, minimal_client("Reyes", "Ana"));
    const std::int64_t before = rows_on_server(*target);
    const std::string why = refusal();
    BOOST_TEST(contains(why, target->display_name()));
    BOOST_TEST(contains(why, "already holds a practice (1 client, 1 audit entry)"));
    BOOST_TEST(contains(why, "Nothing was changed"));
    BOOST_TEST(rows_on_server(*target) == before);
    BOOST_TEST(db::ClientRepository(*target).get(there.id()).details().family_name == "Reyes");

    // Nor can a practice be moved twice onto the same server.
    TempSchema second;
    target = db::Database::open(second.location(), test_options());
    move();
    const std::int64_t moved = rows_on_server(*target);
    BOOST_TEST(contains(refusal(), "already holds a practice (3 clients, 4 sessions, "));
    BOOST_TEST(rows_on_server(*target) == moved);
}

BOOST_FIXTURE_TEST_CASE(a_server_holding_only_settings_is_refused_too, TransferFixture, *postgresql_only()) {
    // Written behind the repositories' backs: a setting and nothing else, not even an audit entry.
    target->sql() << "INSERT INTO practice_settings (key, value) VALUES ('practice_name', 'Already here')";
    const std::string why = refusal();
    BOOST_TEST(contains(why, "already holds a practice (1 row in practice_settings)"));
    BOOST_TEST(db::PracticeRepository(*target).load().practice_name == "Already here");
}

BOOST_FIXTURE_TEST_CASE(a_row_refused_half_way_leaves_the_server_empty, TransferFixture, *postgresql_only()) {
    // Amendments come late, after the sessions, their techniques and the signatures.
    schema.admin() << "ALTER TABLE " + schema.name() + ".note_amendments ADD CONSTRAINT short_amendments "
                                                       "CHECK (length(text) < 20)";
    const std::string why = refusal();
    BOOST_TEST(contains(why, "note_amendments"));
    BOOST_TEST(contains(why, "short_amendments"));
    BOOST_TEST(contains(why, "Nothing was moved"));
    BOOST_TEST(rows_on_server(*target) == 0);
    // Nothing else is left behind: not the id counters, not the sessions table's settings.
    std::string options;
    soci::indicator ind = soci::i_ok;
    target->sql() << "SELECT array_to_string(reloptions, ',') FROM pg_class WHERE oid = 'sessions'::regclass",
        soci::into(options, ind);
    BOOST_TEST((ind == soci::i_null || options.empty()));
    const Client first = store_client(*target, minimal_client("Reyes", "Ana"));
    BOOST_TEST(first.id() == 1);
}

BOOST_FIXTURE_TEST_CASE(a_copy_that_reads_back_differently_is_undone_naming_the_table, TransferFixture,
                        *postgresql_only()) {
    // A server that quietly changes what it is given: the row arrives, but not as it was sent.
    const std::string s = schema.name();
    schema.admin() << "CREATE FUNCTION " + s + ".shout() RETURNS trigger LANGUAGE plpgsql AS "
                                               "$$ BEGIN NEW.email := upper(NEW.email); RETURN NEW; END $$";
    schema.admin() << "CREATE TRIGGER shout BEFORE INSERT ON " + s + ".clients FOR EACH ROW EXECUTE FUNCTION " + s +
                          ".shout()";
    const std::string why = refusal();
    BOOST_TEST(contains(why, "did not read back"));
    BOOST_TEST(contains(why, "clients (3 rows in the file"));
    BOOST_TEST(!contains(why, "sessions ("));
    BOOST_TEST(contains(why, "Nothing was moved"));
    BOOST_TEST(rows_on_server(*target) == 0);
}

BOOST_FIXTURE_TEST_CASE(a_value_in_the_file_that_does_not_fit_its_column_is_refused, TransferFixture,
                        *postgresql_only()) {
    // SQLite keeps text in an INTEGER column if it is given some; the server would not.
    {
        auto file = db::Database::open(source.file.string(), test_options());
        file->sql() << "UPDATE clients SET version = 'two' WHERE id = :id", soci::use(source.flagged);
    }
    const std::string why = refusal();
    BOOST_TEST(contains(why, "holds text in clients.version (the row with id " + std::to_string(source.flagged) +
                                 "), where a whole number belongs"));
    BOOST_TEST(contains(why, "Nothing was moved"));
    // The copy under way was ended cleanly: the connection still answers, and holds nothing.
    BOOST_TEST(rows_on_server(*target) == 0);
    BOOST_TEST(store_client(*target, minimal_client("Reyes", "Ana")).id() == 1);
}

BOOST_FIXTURE_TEST_CASE(an_account_that_does_not_own_the_practice_is_refused, TransferFixture, *postgresql_only()) {
    ServerLogin login(schema, "knotwork_therapist");
    target = db::Database::open(login.location(), db::OpenOptions{.actor = "test"});
    const std::string why = refusal();
    BOOST_TEST(contains(why, "does not own the practice's tables"));
    BOOST_TEST(contains(why, "audit_log"));
    target = db::Database::open(schema.location(), test_options());
    BOOST_TEST(rows_on_server(*target) == 0);
}

BOOST_FIXTURE_TEST_CASE(the_practice_file_is_only_read, TransferFixture, *postgresql_only()) {
    const std::string bytes = file_bytes(source.file);
    const auto written = fs::last_write_time(source.file);
    move();
    BOOST_TEST((file_bytes(source.file) == bytes));
    BOOST_TEST((fs::last_write_time(source.file) == written));
    refusal(); // a second move, refused: the file is not touched either
    BOOST_TEST((file_bytes(source.file) == bytes));
    BOOST_TEST((fs::last_write_time(source.file) == written));
    // The file still opens as the same practice.
    auto file = open_file(source.file);
    BOOST_TEST(db::ClientRepository(*file).count(true) == 3);
}

BOOST_AUTO_TEST_CASE(an_older_practice_file_is_refused_naming_both_versions, *sqlite_only()) {
    TempDir dir;
    const fs::path file = dir.file("old.knotwork");
    {
        auto db = db::Database::open(file.string(), test_options());
        store_client(*db, minimal_client("Reyes", "Ana"));
        const int latest = db::Database::latest_schema_version();
        db->sql() << "DELETE FROM schema_migrations WHERE version = " + std::to_string(latest);
    }
    const std::string bytes = file_bytes(file);
    const int older = db::Database::latest_schema_version() - 1;
    try {
        db::open_practice_to_move(file.string());
        BOOST_ERROR("an older file was opened to be moved");
    } catch (const Error& e) {
        const std::string why = e.what();
        BOOST_TEST(contains(why, "is at schema version " + std::to_string(older)));
        BOOST_TEST(contains(why, "at version " + std::to_string(older + 1)));
        BOOST_TEST(contains(why, "once with this Knotwork"));
    }
    BOOST_TEST((file_bytes(file) == bytes));
}

BOOST_AUTO_TEST_CASE(only_a_practice_file_moves_and_only_onto_a_server, *sqlite_only()) {
    TempDir dir;
    // A SQLite file at this schema, but not marked as a Knotwork practice.
    const fs::path other = dir.file("notes.db");
    db::Database::open(other.string(), test_options())->sql() << "PRAGMA application_id = 0";
    BOOST_CHECK_EXCEPTION(db::open_practice_to_move(other.string()), Error, [](const Error& e) {
        return contains(e.what(), "is not a Knotwork practice file");
    });
    BOOST_CHECK_EXCEPTION(db::open_practice_to_move(dir.file("missing.knotwork").string()), Error,
                          [](const Error& e) { return contains(e.what(), "There is no practice file"); });

    const fs::path a = dir.file("a.knotwork"), b = dir.file("b.knotwork");
    auto source = db::Database::open(a.string(), test_options());
    auto target = db::Database::open(b.string(), test_options());
    BOOST_CHECK_EXCEPTION(db::transfer_practice(*source, *target), Error,
                          [](const Error& e) { return contains(e.what(), "moved onto a clinic server"); });
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
