// Pins persistence/repositories/session_repository: an appointment and its SOAP note come back as
// written; a signed note is locked for good, by the repository and by the database itself, whoever
// asks; amendments are only ever appended; the day's schedule and the full-text note search
// answer correctly and never fail on what a person types.
#include "practice_fixture.h"

#include "audit_log.h"
#include "common/error.h"
#include "repositories/plan_repository.h"
#include "repositories/session_repository.h"

#include <algorithm>

namespace knotwork::test {

namespace {

struct SessionFixture : PracticeFixture {
    Client client = store_client(db(), full_client());

    TreatmentPlan store_plan() {
        TreatmentPlan plan(client.id(), full_plan(std::nullopt));
        plan.activate();
        in_transaction(db(), [&] { db::PlanRepository(db()).add(plan); });
        return plan;
    }

    void save(Session& s) {
        in_transaction(db(), [&] { db::SessionRepository(db()).save(s); });
    }

    Session load(SessionId id) { return db::SessionRepository(db()).get(id); }

    // A signed note with one amendment already stored, so every locked table has a row.
    Session signed_with_amendment(DateTime starts) {
        Session s = store_signed_session(db(), client.id(), starts);
        s.amend("Mara Lindqvist", s.signature()->signed_at + boost::posix_time::hours(2), "Pressure misrecorded",
                "Piriformis pressure was 5, not 7.");
        save(s);
        return s;
    }
};

// Everything a stored session holds, to compare before and after a refused change.
void check_same_session(const Session& a, const Session& b) {
    BOOST_TEST(a.id() == b.id());
    BOOST_TEST(a.version() == b.version());
    BOOST_TEST(a.starts_at() == b.starts_at());
    BOOST_TEST(a.ends_at() == b.ends_at());
    BOOST_TEST(a.status() == b.status());
    BOOST_TEST(a.status_reason() == b.status_reason());
    BOOST_TEST((a.note() == b.note()));
    BOOST_TEST((a.signature() == b.signature()));
    BOOST_TEST((a.amendments() == b.amendments()));
    BOOST_TEST((a.series() == b.series()));
}

std::vector<SessionId> hit_sessions(const std::vector<db::NoteHit>& hits) {
    std::vector<SessionId> out;
    for (const auto& h : hits) out.push_back(h.session);
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(SessionRepository)

BOOST_FIXTURE_TEST_CASE(a_session_and_its_note_survive_the_round_trip, SessionFixture) {
    const TreatmentPlan plan = store_plan();
    Session s(client.id(), at(2026, 3, 2, 14, 30), at(2026, 3, 2, 15, 45), "Mara Lindqvist");
    s.set_series(SeriesPosition{plan.id(), 3, 6});
    s.mark_completed();
    s.write_note(sample_note());
    in_transaction(db(), [&] { db::SessionRepository(db()).add(s); });
    BOOST_TEST(s.id() > 0);
    BOOST_TEST(s.version() == 1);

    reopen();
    const Session loaded = load(s.id());
    BOOST_TEST(loaded.client_id() == client.id());
    BOOST_TEST(loaded.starts_at() == at(2026, 3, 2, 14, 30));
    BOOST_TEST(loaded.ends_at() == at(2026, 3, 2, 15, 45));
    BOOST_TEST(loaded.minutes() == 75);
    BOOST_TEST(loaded.therapist() == "Mara Lindqvist");
    BOOST_TEST(loaded.status() == AppointmentStatus::completed);
    BOOST_TEST_REQUIRE(loaded.series().has_value());
    BOOST_TEST(loaded.series()->plan == plan.id());
    BOOST_TEST(loaded.series()->number == 3);
    BOOST_TEST(loaded.series()->of == 6);
    const SoapNote& n = loaded.note();
    const SoapNote want = sample_note();
    BOOST_TEST(n.subjective == want.subjective);
    BOOST_TEST(n.objective == want.objective);
    BOOST_TEST(n.assessment == want.assessment);
    BOOST_TEST(n.plan == want.plan);
    BOOST_TEST(n.pain_before == want.pain_before);
    BOOST_TEST(n.pain_after == want.pain_after);
    BOOST_TEST(n.adverse_reactions == want.adverse_reactions);
    BOOST_TEST((n.techniques == want.techniques)); // technique x region x side x pressure x minutes, in order
    BOOST_TEST((n == want));
    BOOST_TEST(loaded.pain_change() == std::optional<int>(-3));
    BOOST_TEST(!loaded.is_signed());
    BOOST_TEST(loaded.amendments().empty());
}

BOOST_FIXTURE_TEST_CASE(a_bare_booking_keeps_its_absences, SessionFixture) {
    const Session s = store_booking(db(), client.id(), at(2026, 3, 4, 9));
    const Session loaded = load(s.id());
    BOOST_TEST(!loaded.series().has_value());
    BOOST_TEST(loaded.status() == AppointmentStatus::scheduled);
    BOOST_TEST(loaded.note().is_blank());
    BOOST_TEST(loaded.note().pain_before == std::nullopt);
    BOOST_TEST(loaded.note().pain_after == std::nullopt);
    BOOST_TEST(!loaded.pain_change().has_value());
}

BOOST_FIXTURE_TEST_CASE(status_and_reason_survive_a_save, SessionFixture) {
    struct Case {
        const char* what;
        void (*change)(Session&);
        AppointmentStatus status;
        std::string reason;
    };
    const Case cases[] = {
        {"completed", [](Session& s) { s.mark_completed(); }, AppointmentStatus::completed, ""},
        {"cancelled", [](Session& s) { s.cancel("Client unwell; rebook \"next week\""); }, AppointmentStatus::cancelled,
         "Client unwell; rebook \"next week\""},
        {"no-show", [](Session& s) { s.mark_no_show(); }, AppointmentStatus::no_show, ""},
    };
    int hour = 8;
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.what) {
            Session s = store_booking(db(), client.id(), at(2026, 3, 5, ++hour));
            c.change(s);
            save(s);
            BOOST_TEST(s.version() == 2);
            const Session loaded = load(s.id());
            BOOST_TEST(loaded.status() == c.status);
            BOOST_TEST(loaded.status_reason() == c.reason);
            BOOST_TEST(loaded.version() == 2);
        }
    }
}

BOOST_FIXTURE_TEST_CASE(a_draft_note_can_be_rewritten_and_rescheduled, SessionFixture) {
    Session s = store_booking(db(), client.id(), at(2026, 3, 6, 10));
    s.write_note(sample_note());
    save(s);
    SoapNote shorter = sample_note();
    shorter.techniques.resize(1);
    shorter.pain_after.reset();
    s.write_note(shorter);
    s.reschedule(at(2026, 3, 6, 11), at(2026, 3, 6, 11, 45));
    save(s);
    const Session loaded = load(s.id());
    BOOST_TEST((loaded.note() == shorter));
    BOOST_TEST(loaded.starts_at() == at(2026, 3, 6, 11));
    BOOST_TEST(loaded.minutes() == 45);
    BOOST_TEST(loaded.version() == 3);
    BOOST_TEST(row_count(db(), "session_techniques") == 1);
}

BOOST_FIXTURE_TEST_CASE(a_stale_unsigned_copy_is_a_conflict, SessionFixture) {
    const Session stored = store_booking(db(), client.id(), at(2026, 3, 6, 10));
    Session first = load(stored.id());
    Session second = load(stored.id());
    first.write_note(sample_note());
    save(first);
    SoapNote other;
    other.subjective = "From the other window";
    second.write_note(other);
    BOOST_CHECK_THROW(save(second), ConflictError);
    BOOST_TEST((load(stored.id()).note() == sample_note()));
}

BOOST_FIXTURE_TEST_CASE(signing_stores_the_signature, SessionFixture) {
    const Session s = store_signed_session(db(), client.id(), at(2026, 3, 2, 9));
    BOOST_TEST(s.version() == 3); // booked, note saved, signed
    const Session loaded = load(s.id());
    BOOST_TEST_REQUIRE(loaded.is_signed());
    BOOST_TEST(loaded.signature()->signed_by == "Mara Lindqvist");
    BOOST_TEST(loaded.signature()->signed_at == at(2026, 3, 2, 11));
    BOOST_TEST((loaded.note() == sample_note()));
    BOOST_TEST(loaded.version() == 3);
}

BOOST_FIXTURE_TEST_CASE(a_session_signed_when_added_is_stored_signed, SessionFixture) {
    Session s(client.id(), at(2026, 3, 2, 9), at(2026, 3, 2, 10), "Mara Lindqvist");
    s.mark_completed();
    s.write_note(sample_note());
    s.sign("Mara Lindqvist", at(2026, 3, 2, 10, 5));
    s.amend("Mara Lindqvist", at(2026, 3, 2, 10, 30), "Typo", "Quadratus, not quadriceps.");
    in_transaction(db(), [&] { db::SessionRepository(db()).add(s); });
    const Session loaded = load(s.id());
    BOOST_TEST(loaded.is_signed());
    BOOST_TEST(loaded.amendments().size() == 1u);
    BOOST_TEST((loaded.amendments() == s.amendments()));
    BOOST_TEST(contains(refusal_of(db(), "UPDATE sessions SET subjective = 'x' WHERE id = :id", s.id()),
                        "signed note is locked"));
}

BOOST_FIXTURE_TEST_CASE(the_database_refuses_every_change_to_a_signed_note, SessionFixture) {
    const Session signed_session = signed_with_amendment(at(2026, 3, 2, 9));
    const SessionId id = signed_session.id();
    // An unsigned draft whose technique rows someone might try to move under the signed note.
    Session draft = store_booking(db(), client.id(), at(2026, 3, 3, 9));
    draft.write_note(sample_note());
    save(draft);
    const SessionId other = draft.id();

    const Session before = load(id);
    const auto techniques_before = row_count(db(), "session_techniques");
    const auto amendments_before = row_count(db(), "note_amendments");
    BOOST_TEST_REQUIRE(before.amendments().size() == 1u);

    struct Case {
        const char* what;
        std::string sql;
        bool binds_other;
        const char* message;
    };
    const Case cases[] = {
        {"rewriting the note", "UPDATE sessions SET subjective = 'rewritten' WHERE id = :id", false,
         "signed note is locked: add an amendment instead"},
        {"removing the signature", "UPDATE sessions SET signed_by = NULL, signed_at = NULL WHERE id = :id", false,
         "signed note is locked: add an amendment instead"},
        {"changing only the version", "UPDATE sessions SET version = version + 1 WHERE id = :id", false,
         "signed note is locked: add an amendment instead"},
        {"deleting the session", "DELETE FROM sessions WHERE id = :id", false,
         "signed note is locked: it cannot be deleted"},
        {"adding a technique",
         "INSERT INTO session_techniques (session_id, position, technique, region, side, pressure, minutes) "
         "VALUES (:id, 99, 'hot_stone', 'sacrum', 'midline', 5, 10)",
         false, "signed note is locked: its techniques cannot change"},
        {"changing a technique", "UPDATE session_techniques SET pressure = 10 WHERE session_id = :id", false,
         "signed note is locked: its techniques cannot change"},
        {"deleting the techniques", "DELETE FROM session_techniques WHERE session_id = :id", false,
         "signed note is locked: its techniques cannot change"},
        {"moving a draft's technique under the signed note",
         "UPDATE session_techniques SET session_id = :id, position = 50 WHERE session_id = :other", true,
         "signed note is locked: its techniques cannot change"},
        {"rewriting an amendment", "UPDATE note_amendments SET text = 'rewritten' WHERE session_id = :id", false,
         "amendments are append-only"},
        {"deleting an amendment", "DELETE FROM note_amendments WHERE session_id = :id", false,
         "amendments are append-only"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.what) {
            const std::string refusal = c.binds_other ? refusal_of(db(), c.sql, id, other) : refusal_of(db(), c.sql, id);
            BOOST_TEST_INFO("refusal was \"" << refusal << "\"");
            BOOST_TEST(contains(refusal, c.message));
            check_same_session(load(id), before);
            BOOST_TEST(row_count(db(), "session_techniques") == techniques_before);
            BOOST_TEST(row_count(db(), "note_amendments") == amendments_before);
        }
    }
    BOOST_TEST(load(other).note().techniques.size() == sample_note().techniques.size());
}

BOOST_FIXTURE_TEST_CASE(saving_a_signed_session_only_appends_new_amendments, SessionFixture) {
    Session s = signed_with_amendment(at(2026, 3, 2, 9));
    BOOST_TEST_REQUIRE(s.amendments().size() == 1u);
    BOOST_TEST(s.amendments()[0].id > 0);
    const Session before = load(s.id());

    Session copy = load(s.id());
    copy.amend("Jo Park", copy.signature()->signed_at + boost::posix_time::hours(30), "Adverse reaction reported",
               "Client phoned: bruising on the left gluteal area, resolved in two days.");
    copy.amend("Mara Lindqvist", copy.signature()->signed_at + boost::posix_time::hours(31), "Follow-up",
               "Reduce pressure to 4 next session.");
    // In-memory state a signed session must never write back.
    copy.restore_status(AppointmentStatus::cancelled, "tampered");
    save(copy);
    BOOST_TEST(copy.amendments()[1].id > copy.amendments()[0].id);
    BOOST_TEST(copy.amendments()[2].id > copy.amendments()[1].id);

    const Session loaded = load(s.id());
    BOOST_TEST_REQUIRE(loaded.amendments().size() == 3u);
    BOOST_TEST((loaded.amendments()[0] == before.amendments()[0])); // the first is untouched
    BOOST_TEST((loaded.amendments() == copy.amendments()));
    BOOST_TEST(loaded.amendments()[1].author == "Jo Park");
    BOOST_TEST(loaded.amendments()[1].written_at == copy.signature()->signed_at + boost::posix_time::hours(30));
    BOOST_TEST(loaded.status() == AppointmentStatus::completed);
    BOOST_TEST(loaded.status_reason().empty());
    BOOST_TEST((loaded.note() == before.note()));
    BOOST_TEST(loaded.version() == before.version());

    // Saving again adds nothing: the stored amendments have ids.
    save(copy);
    BOOST_TEST(row_count(db(), "note_amendments") == 3);
}

BOOST_FIXTURE_TEST_CASE(a_stale_unsigned_copy_of_a_signed_note_is_refused_not_dropped, SessionFixture) {
    Session booked = store_booking(db(), client.id(), at(2026, 3, 2, 9));
    Session other_window = load(booked.id());
    booked.mark_completed();
    booked.write_note(sample_note());
    booked.sign("Mara Lindqvist", at(2026, 3, 2, 11));
    save(booked);

    SoapNote edit;
    edit.subjective = "Typed in another window after the note was signed";
    other_window.write_note(edit);
    BOOST_CHECK_THROW(save(other_window), LockedRecordError);
    BOOST_TEST((load(booked.id()).note() == sample_note()));
}

BOOST_FIXTURE_TEST_CASE(the_database_refuses_amendments_on_an_unsigned_note, SessionFixture) {
    Session s = store_booking(db(), client.id(), at(2026, 3, 2, 9));
    s.write_note(sample_note());
    save(s);
    const std::string refusal = refusal_of(db(),
                                           "INSERT INTO note_amendments (session_id, author, written_at, reason, text) "
                                           "VALUES (:id, 'Mara', '2026-03-02T12:00:00', 'why', 'what')",
                                           s.id());
    BOOST_TEST(contains(refusal, "only a signed note takes amendments"));
    BOOST_TEST(row_count(db(), "note_amendments") == 0);
    BOOST_TEST(load(s.id()).amendments().empty());
}

BOOST_FIXTURE_TEST_CASE(an_unsigned_booking_can_be_removed, SessionFixture) {
    Session s = store_booking(db(), client.id(), at(2026, 3, 2, 9));
    s.write_note(sample_note()); // a draft note with techniques goes with it
    save(s);
    const Session keep = store_booking(db(), client.id(), at(2026, 3, 2, 11));
    BOOST_TEST(db::SessionRepository(db()).search_notes("piriformis").size() == 1u);

    in_transaction(db(), [&] { db::SessionRepository(db()).remove(s); });
    BOOST_TEST(!db::SessionRepository(db()).find(s.id()).has_value());
    BOOST_TEST(db::SessionRepository(db()).find(keep.id()).has_value());
    BOOST_TEST(db::SessionRepository(db()).count() == 1);
    BOOST_TEST(row_count(db(), "session_techniques") == 0);
    BOOST_TEST(db::SessionRepository(db()).search_notes("piriformis").empty()); // gone from the index too
    BOOST_TEST(db().check_integrity().empty());
}

BOOST_FIXTURE_TEST_CASE(a_signed_session_cannot_be_removed, SessionFixture) {
    const Session s = store_signed_session(db(), client.id(), at(2026, 3, 2, 9));
    BOOST_CHECK_THROW(in_transaction(db(), [&] { db::SessionRepository(db()).remove(s); }), LockedRecordError);
    // Not even through a stale copy from before it was signed: the database refuses.
    Session stale(client.id(), s.starts_at(), s.ends_at(), s.therapist());
    stale.set_id(s.id());
    BOOST_CHECK_THROW(in_transaction(db(), [&] { db::SessionRepository(db()).remove(stale); }), LockedRecordError);
    BOOST_TEST(db::SessionRepository(db()).find(s.id()).has_value());
    BOOST_TEST(row_count(db(), "session_techniques") == static_cast<std::int64_t>(sample_note().techniques.size()));
}

BOOST_FIXTURE_TEST_CASE(between_gives_a_days_schedule_in_order, SessionFixture) {
    const TreatmentPlan plan = store_plan();
    ClientDetails other_details = minimal_client("Li", "Wei");
    other_details.preferred_name = "Vivian";
    const Client other = store_client(db(), other_details);

    const DateTime day_start = at(2026, 3, 2, 0);
    const DateTime next_day = at(2026, 3, 3, 0);
    // Entered out of order, with neighbours on both sides of the day.
    store_booking(db(), client.id(), at(2026, 3, 1, 23, 30), 30);
    const Session afternoon = store_booking(db(), other.id(), at(2026, 3, 2, 16, 30), 45, "Jo Park");
    store_booking(db(), client.id(), next_day);
    const Session midnight = store_booking(db(), client.id(), day_start, 30);
    Session morning = store_booking(db(), client.id(), at(2026, 3, 2, 9));
    morning.set_series(SeriesPosition{plan.id(), 2, 6});
    save(morning);
    const Session signed_one = store_signed_session(db(), other.id(), at(2026, 3, 2, 11));

    const auto day = db::SessionRepository(db()).between(day_start, next_day);
    std::vector<SessionId> ids;
    for (const auto& a : day) ids.push_back(a.id);
    BOOST_TEST(ids == (std::vector<SessionId>{midnight.id(), morning.id(), signed_one.id(), afternoon.id()}));
    BOOST_TEST_REQUIRE(day.size() == 4u);

    BOOST_TEST(day[1].client == client.id());
    BOOST_TEST(day[1].client_name == "Zizi Okafor"); // the preferred name, as the client is greeted
    BOOST_TEST(day[1].starts_at == at(2026, 3, 2, 9));
    BOOST_TEST(day[1].ends_at == at(2026, 3, 2, 10));
    BOOST_TEST(day[1].status == AppointmentStatus::scheduled);
    BOOST_TEST((day[1].series == std::optional<SeriesPosition>(SeriesPosition{plan.id(), 2, 6})));
    BOOST_TEST(!day[1].is_signed);
    BOOST_TEST(day[2].is_signed);
    BOOST_TEST(day[2].status == AppointmentStatus::completed);
    BOOST_TEST(!day[2].series.has_value());
    BOOST_TEST(day[3].client_name == "Vivian Li");
    BOOST_TEST(day[3].therapist == "Jo Park");

    BOOST_TEST(db::SessionRepository(db()).between(at(2026, 3, 4, 0), at(2026, 3, 5, 0)).empty());
}

BOOST_FIXTURE_TEST_CASE(a_clients_sessions_come_newest_first_and_a_plans_in_series_order, SessionFixture) {
    const TreatmentPlan plan = store_plan();
    std::vector<SessionId> ids;
    for (int n : {3, 1, 2}) {
        Session s = store_booking(db(), client.id(), at(2026, 3, 1 + n * 7, 9));
        s.set_series(SeriesPosition{plan.id(), n, 3});
        save(s);
        ids.push_back(s.id());
    }
    std::vector<SessionId> newest_first, series_order;
    for (const auto& s : db::SessionRepository(db()).for_client(client.id())) newest_first.push_back(s.id());
    for (const auto& s : db::SessionRepository(db()).for_plan(plan.id())) series_order.push_back(s.id());
    BOOST_TEST(newest_first == (std::vector<SessionId>{ids[0], ids[2], ids[1]}));
    BOOST_TEST(series_order == (std::vector<SessionId>{ids[1], ids[2], ids[0]}));
    BOOST_TEST(db::SessionRepository(db()).for_client(client.id(), 2).size() == 2u);
    BOOST_TEST(db::SessionRepository(db()).count() == 3);
}

BOOST_FIXTURE_TEST_CASE(each_of_a_clients_sessions_comes_back_with_its_own_techniques_and_amendments,
                        SessionFixture) {
    // A chart reads the techniques and amendments of all its sessions in one go: each must reach
    // its own session, and a session without any must stay without.
    std::vector<Session> stored;
    stored.push_back(signed_with_amendment(at(2026, 3, 2, 9)));
    stored.push_back(store_booking(db(), client.id(), at(2026, 3, 9, 9)));
    {
        Session s = store_booking(db(), client.id(), at(2026, 3, 16, 9));
        s.mark_completed();
        SoapNote n = sample_note();
        n.techniques.erase(n.techniques.begin() + 1, n.techniques.end());
        n.subjective = "One technique only today.";
        s.write_note(n);
        save(s);
        stored.push_back(s);
    }
    stored.push_back(store_signed_session(db(), client.id(), at(2026, 3, 23, 9)));
    {
        Session s = signed_with_amendment(at(2026, 3, 30, 9));
        s.amend("Jo Park", s.signature()->signed_at + boost::posix_time::hours(5), "Follow-up", "Slept well after.");
        save(s);
        stored.push_back(s);
    }

    reopen();
    const auto loaded = db::SessionRepository(db()).for_client(client.id());
    BOOST_TEST_REQUIRE(loaded.size() == stored.size());
    for (std::size_t i = 0; i < loaded.size(); ++i) {
        const Session& want = stored[stored.size() - 1 - i]; // newest first
        check_same_session(loaded[i], want);
        check_same_session(load(want.id()), want); // and the same when read alone
    }
    BOOST_TEST(loaded[0].amendments().size() == 2u);
    BOOST_TEST(loaded[2].note().techniques.size() == 1u);
    BOOST_TEST(loaded[3].note().techniques.empty());
}

BOOST_FIXTURE_TEST_CASE(note_search_finds_words_in_every_part_of_the_note_and_in_amendments, SessionFixture) {
    auto note_with = [](const char* s, const char* o, const char* a, const char* p) {
        SoapNote n;
        n.subjective = s;
        n.objective = o;
        n.assessment = a;
        n.plan = p;
        return n;
    };
    Session subjective = store_booking(db(), client.id(), at(2026, 3, 2, 9));
    subjective.write_note(note_with("Sciatica flared after gardening", "", "", ""));
    save(subjective);
    Session objective = store_booking(db(), client.id(), at(2026, 3, 2, 11));
    objective.write_note(note_with("", "Hypertonic quadratus lumborum, adhesions at the iliac crest", "", ""));
    save(objective);
    Session assessment = store_booking(db(), client.id(), at(2026, 3, 2, 13));
    assessment.write_note(note_with("", "", "Responded well; Müller test negative", ""));
    save(assessment);
    Session plan = store_booking(db(), client.id(), at(2026, 3, 2, 15));
    plan.write_note(note_with("", "", "", "Add gluteal stretches and hamstring work; don't lift heavy"));
    save(plan);
    Session amended = signed_with_amendment(at(2026, 3, 3, 9)); // sample_note() plus one amendment

    struct Case {
        std::string query;
        std::vector<SessionId> sessions;
        bool in_amendment = false;
    };
    const Case cases[] = {
        {"gardening", {subjective.id()}},
        {"iliac", {objective.id()}},
        {"lumborum", {objective.id(), amended.id()}},
        {"responded", {assessment.id()}},
        {"hamstring", {plan.id()}},
        {"sciat", {subjective.id(), amended.id()}},     // prefix: sciatica
        {"SCIATICA", {subjective.id(), amended.id()}},   // any case
        {"muller", {assessment.id()}},                   // diacritics folded
        {"Müller", {assessment.id()}},
        {"gluteal stretches", {plan.id(), amended.id()}}, // several words, all required; "gluteals" too
        {"gluteal gardening", {}},
        {"don't", {plan.id()}},
        {"misrecorded", {amended.id()}, true},           // only in the amendment's reason
        {"piriformis pressure was", {amended.id()}, true},
        {"absent", {}},
    };
    db::SessionRepository sessions(db());
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT("search \"" << c.query << "\"") {
            const auto hits = sessions.search_notes(c.query);
            std::vector<SessionId> want = c.sessions;
            std::sort(want.begin(), want.end());
            BOOST_TEST(hit_sessions(hits) == want);
            for (const auto& h : hits) {
                BOOST_TEST(h.in_amendment == c.in_amendment);
                BOOST_TEST(h.client == client.id());
                BOOST_TEST(h.client_name == "Zizi Okafor"); // the preferred name, as the schedule shows it
                BOOST_TEST(contains(h.snippet, "["));
                BOOST_TEST(contains(h.snippet, "]"));
            }
        }
    }
    const auto hits = sessions.search_notes("gardening");
    BOOST_TEST_REQUIRE(hits.size() == 1u);
    BOOST_TEST(hits[0].snippet == "Sciatica flared after [gardening]");
    BOOST_TEST(hits[0].starts_at == at(2026, 3, 2, 9));
}

BOOST_FIXTURE_TEST_CASE(an_edited_draft_is_found_by_its_new_words_only, SessionFixture) {
    Session s = store_booking(db(), client.id(), at(2026, 3, 2, 9));
    SoapNote n;
    n.subjective = "Headache since Tuesday";
    s.write_note(n);
    save(s);
    n.subjective = "Neck stiffness since Tuesday";
    s.write_note(n);
    save(s);
    db::SessionRepository sessions(db());
    BOOST_TEST(sessions.search_notes("headache").empty());
    BOOST_TEST(sessions.search_notes("stiffness").size() == 1u);
    BOOST_TEST(sessions.search_notes("tuesday").size() == 1u);
}

BOOST_FIXTURE_TEST_CASE(note_search_never_fails_on_what_a_person_types, SessionFixture) {
    Session s = store_booking(db(), client.id(), at(2026, 3, 2, 9));
    SoapNote n;
    n.subjective = "Pain AND stiffness, NOT worse; near the sacrum (left) 😀 \"quoted\"";
    s.write_note(n);
    save(s);
    const std::string typed[] = {
        "\"",        "\"\"",        "AND OR NOT (", "*",           "😀",          "(",
        ")",         "NEAR(a b)",   "-",            "^sacrum",     "subjective:pain", "'",
        "\\",        "a*b*c",       "{pain}",       "pain OR",     "NOT",         "   ",
        "",          "\t\n",        "%_",           "ＡＢＣ",       "\xC3\xA9t\xC3\xA9", "l\xC3\xA9" "ft", "\xFF\xFE broken UTF-8",
    };
    db::SessionRepository sessions(db());
    for (const auto& t : typed) {
        BOOST_TEST_CONTEXT("typed \"" << t << "\"") {
            BOOST_CHECK_NO_THROW(sessions.search_notes(t));
        }
    }
    // Operators are words like any other, and punctuation around a word does not hide it.
    BOOST_TEST(sessions.search_notes("AND OR NOT (").empty());   // "or" is not in the note
    BOOST_TEST(sessions.search_notes("AND NOT").size() == 1u);    // both are, as plain words
    BOOST_TEST(sessions.search_notes("(left)").size() == 1u);
    BOOST_TEST(sessions.search_notes("\"quoted\"").size() == 1u);
    BOOST_TEST(sessions.search_notes("subjective:pain").empty()); // no column filter: "subjective" is a word
    BOOST_TEST(sessions.search_notes("*").empty());
    BOOST_TEST(sessions.search_notes("").empty());
}

BOOST_FIXTURE_TEST_CASE(note_search_respects_its_limit, SessionFixture) {
    for (int day = 2; day <= 8; ++day) {
        Session s = store_booking(db(), client.id(), at(2026, 3, day, 9));
        SoapNote n;
        n.subjective = "Lower back tight";
        s.write_note(n);
        save(s);
    }
    BOOST_TEST(db::SessionRepository(db()).search_notes("tight").size() == 7u);
    BOOST_TEST(db::SessionRepository(db()).search_notes("tight", 3).size() == 3u);
}

BOOST_AUTO_TEST_CASE(fts_query_quotes_every_word_as_a_required_prefix) {
    struct Case {
        std::string typed;
        std::string query;
    };
    const Case cases[] = {
        {"", ""},
        {"   ", ""},
        {"sciatica", "\"sciatica\"*"},
        {"low back", "\"low\"* \"back\"*"},
        {"  low,back; ", "\"low\"* \"back\"*"},
        {"\"", ""},
        {"*", ""},
        {"AND OR NOT (", "\"AND\"* \"OR\"* \"NOT\"*"},
        {"NEAR(a b)", "\"NEAR\"* \"a\"* \"b\"*"},
        {"L4-L5", "\"L4\"* \"L5\"*"},
        {"col:term", "\"col\"* \"term\"*"},
        {"Müller", "\"Müller\"*"},
        {"😀", "\"😀\"*"},
        {"王秀英", "\"王秀英\"*"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT("typed \"" << c.typed << "\"") { BOOST_TEST(db::fts_query(c.typed) == c.query); }
    }
}

// ---- the schedule's writes: scheduling columns only, never the note ----------------------------

BOOST_FIXTURE_TEST_CASE(appointment_reads_one_booking_with_its_version_and_reason, SessionFixture) {
    Session s = store_booking(db(), client.id(), at(2026, 3, 2, 9));
    s.cancel("  Client unwell ");
    save(s);
    const db::AppointmentSummary a = db::SessionRepository(db()).appointment(s.id());
    BOOST_TEST(a.id == s.id());
    BOOST_TEST(a.client == client.id());
    BOOST_TEST(a.starts_at == at(2026, 3, 2, 9));
    BOOST_TEST(a.ends_at == at(2026, 3, 2, 10));
    BOOST_TEST(a.status == AppointmentStatus::cancelled);
    BOOST_TEST(a.status_reason == "Client unwell");
    BOOST_TEST(a.version == 2);
    BOOST_TEST(!a.is_signed);
    const auto day = db::SessionRepository(db()).between(at(2026, 3, 2, 0), at(2026, 3, 3, 0));
    BOOST_TEST_REQUIRE(day.size() == 1u);
    BOOST_TEST(day[0].version == 2);
    BOOST_TEST(day[0].status_reason == "Client unwell");
    BOOST_CHECK_THROW(db::SessionRepository(db()).appointment(s.id() + 100), NotFoundError);
}

BOOST_FIXTURE_TEST_CASE(reschedule_moves_a_booking_and_leaves_its_note_alone, SessionFixture) {
    Session s = store_booking(db(), client.id(), at(2026, 3, 2, 9));
    SoapNote draft;
    draft.subjective = "Draft typed before the move";
    s.write_note(draft);
    save(s);
    const int version = in_transaction(db(), [&] {
        return db::SessionRepository(db()).reschedule(s.id(), 2, at(2026, 3, 4, 14), at(2026, 3, 4, 15, 15),
                                                      "  Jo Park ");
    });
    BOOST_TEST(version == 3);
    const Session moved = load(s.id());
    BOOST_TEST(moved.starts_at() == at(2026, 3, 4, 14));
    BOOST_TEST(moved.ends_at() == at(2026, 3, 4, 15, 15));
    BOOST_TEST(moved.therapist() == "Jo Park");
    BOOST_TEST(moved.version() == 3);
    BOOST_TEST(moved.status() == AppointmentStatus::scheduled);
    BOOST_TEST(moved.note().subjective == draft.subjective);

    const auto entries = db::AuditLog(db()).for_record("session", s.id());
    BOOST_TEST_REQUIRE(!entries.empty());
    const auto& last = entries.back();
    BOOST_TEST(last.action == "update");
    BOOST_TEST(last.client_id == std::optional<std::int64_t>(client.id()));
    const std::vector<db::FieldChange> expected{
        {"starts_at", "2026-03-02 09:00", "2026-03-04 14:00"},
        {"ends_at", "2026-03-02 10:00", "2026-03-04 15:15"},
        {"therapist", "Mara Lindqvist", "Jo Park"},
    };
    BOOST_TEST((last.changes == expected));
    BOOST_TEST(last.detail == "Scheduled; changed: starts at, ends at, therapist");
}

BOOST_FIXTURE_TEST_CASE(reschedule_refuses_a_stale_version_and_bad_times, SessionFixture) {
    const Session s = store_booking(db(), client.id(), at(2026, 3, 2, 9));
    const auto entries_before = db::AuditLog(db()).for_record("session", s.id()).size();
    db::SessionRepository repo(db());
    BOOST_CHECK_THROW(in_transaction(db(), [&] { repo.reschedule(s.id(), 0, at(2026, 3, 3, 9), at(2026, 3, 3, 10), "Mara Lindqvist"); }),
                      ConflictError);
    BOOST_CHECK_THROW(in_transaction(db(), [&] { repo.reschedule(s.id(), 1, at(2026, 3, 3, 10), at(2026, 3, 3, 9), "Mara Lindqvist"); }),
                      ValidationError);
    BOOST_CHECK_THROW(in_transaction(db(), [&] { repo.reschedule(s.id() + 100, 1, at(2026, 3, 3, 9), at(2026, 3, 3, 10), "Mara Lindqvist"); }),
                      NotFoundError);
    // Outside a transaction nothing is attempted.
    BOOST_CHECK_THROW(repo.reschedule(s.id(), 1, at(2026, 3, 3, 9), at(2026, 3, 3, 10), "Mara Lindqvist"), Error);
    check_same_session(load(s.id()), s);
    BOOST_TEST(db::AuditLog(db()).for_record("session", s.id()).size() == entries_before);

    // Two windows holding version 1: the first move wins, the second is told.
    in_transaction(db(), [&] { repo.reschedule(s.id(), 1, at(2026, 3, 3, 9), at(2026, 3, 3, 10), "Mara Lindqvist"); });
    BOOST_CHECK_THROW(in_transaction(db(), [&] { repo.reschedule(s.id(), 1, at(2026, 3, 5, 9), at(2026, 3, 5, 10), "Mara Lindqvist"); }),
                      ConflictError);
    BOOST_TEST(load(s.id()).starts_at() == at(2026, 3, 3, 9));
}

BOOST_FIXTURE_TEST_CASE(set_status_applies_the_sessions_rules_and_audits_the_change, SessionFixture) {
    const Session s = store_booking(db(), client.id(), at(2026, 3, 2, 9));
    db::SessionRepository repo(db());
    BOOST_TEST(in_transaction(db(), [&] { return repo.set_status(s.id(), 1, AppointmentStatus::cancelled, "  Client unwell "); }) == 2);
    const Session cancelled = load(s.id());
    BOOST_TEST(cancelled.status() == AppointmentStatus::cancelled);
    BOOST_TEST(cancelled.status_reason() == "Client unwell");
    const auto entries = db::AuditLog(db()).for_record("session", s.id());
    BOOST_TEST_REQUIRE(!entries.empty());
    BOOST_TEST(entries.back().action == "cancel");
    const std::vector<db::FieldChange> expected{{"status", "Scheduled", "Cancelled"},
                                                {"status_reason", "", "Client unwell"}};
    BOOST_TEST((entries.back().changes == expected));

    // As Session::mark_completed: a cancelled appointment is not completed; none returns to scheduled.
    BOOST_CHECK_THROW(in_transaction(db(), [&] { repo.set_status(s.id(), 2, AppointmentStatus::completed); }),
                      ValidationError);
    BOOST_CHECK_THROW(in_transaction(db(), [&] { repo.set_status(s.id(), 2, AppointmentStatus::scheduled); }),
                      ValidationError);
    // A reason with a control character is refused as Session::cancel refuses it.
    const Session other = store_booking(db(), client.id(), at(2026, 3, 3, 9));
    BOOST_CHECK_THROW(in_transaction(db(), [&] { repo.set_status(other.id(), 1, AppointmentStatus::cancelled, std::string("ill\x01")); }),
                      ValidationError);

    BOOST_TEST(in_transaction(db(), [&] { return repo.set_status(other.id(), 1, AppointmentStatus::no_show); }) == 2);
    BOOST_TEST(load(other.id()).status() == AppointmentStatus::no_show);
    const auto missed = db::AuditLog(db()).for_record("session", other.id());
    BOOST_TEST(missed.back().action == "update");
    BOOST_TEST((missed.back().changes == std::vector<db::FieldChange>{{"status", "Scheduled", "No-show"}}));
    BOOST_TEST(missed.back().detail == "No-show; changed: status");

    // A stale version changes nothing.
    BOOST_CHECK_THROW(in_transaction(db(), [&] { repo.set_status(other.id(), 1, AppointmentStatus::cancelled, "late"); }),
                      ConflictError);
    BOOST_TEST(load(other.id()).status() == AppointmentStatus::no_show);
    BOOST_TEST(load(other.id()).version() == 2);
}

BOOST_FIXTURE_TEST_CASE(the_schedules_writes_refuse_a_signed_session, SessionFixture) {
    const Session s = signed_with_amendment(at(2026, 3, 2, 9));
    const Session before = load(s.id());
    const auto entries_before = db::AuditLog(db()).for_record("session", s.id()).size();
    db::SessionRepository repo(db());
    const int v = before.version();
    BOOST_CHECK_THROW(in_transaction(db(), [&] { repo.reschedule(s.id(), v, at(2026, 3, 3, 9), at(2026, 3, 3, 10), "Mara Lindqvist"); }),
                      LockedRecordError);
    BOOST_CHECK_THROW(in_transaction(db(), [&] { repo.set_status(s.id(), v, AppointmentStatus::cancelled, "x"); }),
                      LockedRecordError);
    BOOST_CHECK_THROW(in_transaction(db(), [&] { repo.set_status(s.id(), v, AppointmentStatus::no_show); }),
                      LockedRecordError);
    BOOST_CHECK_THROW(in_transaction(db(), [&] { repo.remove_booking(s.id(), v); }), LockedRecordError);
    // Whatever version the caller holds: a signed note is refused before the version is compared.
    BOOST_CHECK_THROW(in_transaction(db(), [&] { repo.remove_booking(s.id(), v + 7); }), LockedRecordError);
    check_same_session(load(s.id()), before);
    BOOST_TEST(db::AuditLog(db()).for_record("session", s.id()).size() == entries_before);
}

BOOST_FIXTURE_TEST_CASE(remove_booking_deletes_a_booking_without_a_note, SessionFixture) {
    const Session s = store_booking(db(), client.id(), at(2026, 3, 2, 9));
    const Session keep = store_booking(db(), client.id(), at(2026, 3, 2, 11));
    db::SessionRepository repo(db());
    BOOST_CHECK_THROW(in_transaction(db(), [&] { repo.remove_booking(s.id(), 2); }), ConflictError);
    BOOST_TEST(repo.find(s.id()).has_value());
    in_transaction(db(), [&] { repo.remove_booking(s.id(), 1); });
    BOOST_TEST(!repo.find(s.id()).has_value());
    BOOST_TEST(repo.find(keep.id()).has_value());
    const auto entries = db::AuditLog(db()).for_record("session", s.id());
    BOOST_TEST_REQUIRE(!entries.empty());
    BOOST_TEST(entries.back().action == "delete");
    const std::vector<db::FieldChange> expected{{"starts_at", "2026-03-02 09:00", ""}, {"status", "Scheduled", ""}};
    BOOST_TEST((entries.back().changes == expected));
    BOOST_CHECK_THROW(in_transaction(db(), [&] { repo.remove_booking(s.id(), 1); }), NotFoundError);
    BOOST_TEST(db().check_integrity().empty());
}

BOOST_FIXTURE_TEST_CASE(remove_booking_refuses_a_booking_whose_note_was_started, SessionFixture) {
    db::SessionRepository repo(db());
    Session with_text = store_booking(db(), client.id(), at(2026, 3, 2, 9));
    SoapNote text;
    text.objective = "Tender left piriformis";
    with_text.write_note(text);
    save(with_text);
    Session with_techniques = store_booking(db(), client.id(), at(2026, 3, 2, 11));
    SoapNote only_techniques;
    only_techniques.techniques = sample_note().techniques;
    with_techniques.write_note(only_techniques);
    save(with_techniques);
    for (const Session* s : {&with_text, &with_techniques}) {
        BOOST_TEST_CONTEXT("session " << s->id()) {
            BOOST_CHECK_THROW(in_transaction(db(), [&] { repo.remove_booking(s->id(), 2); }), ValidationError);
            BOOST_TEST(repo.find(s->id()).has_value());
        }
    }
    BOOST_TEST(row_count(db(), "session_techniques") == static_cast<std::int64_t>(sample_note().techniques.size()));
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
