// What the therapist typed survives a save that the storage refuses. The note editor's and the
// intake form's presenters save through the real repositories and Database into a practice file;
// the disk fills up (FaultyDisk) or the practice is read-only, the save fails with the plain
// StorageError message the window shows, and the draft is still there, unsaved, recoverable
// (the note's recovery copy reads it back exactly), and saved once the cause is gone.
#include "clients/intake_presenter.h"
#include "database.h"
#include "fault_vfs.h"
#include "practice_fixture.h"
#include "repositories/client_repository.h"
#include "repositories/session_repository.h"
#include "session/session_note_presenter.h"
#include "sqlite_storage.h"

#include <boost/test/unit_test.hpp>

using namespace knotwork;
using gui::SessionNotePresenter;
using gui::SoapField;
using knotwork::test::TempDir;

namespace {

// A practice file with one client and one unsigned appointment on 10 February 2026 at 09:00.
struct BookedPractice {
    TempDir dir;
    std::filesystem::path file = dir.file("practice.knotwork");
    SessionId session = 0;

    BookedPractice() {
        auto db = db::Database::open(file.string(), test::test_options());
        const Client client = test::store_client(*db, test::minimal_client("Moreau", "Camille"));
        session = test::store_booking(*db, client.id(), test::at(2026, 2, 10, 9)).id();
    }
    std::unique_ptr<db::Database> open(bool read_only = false) const {
        return db::Database::open(file.string(), db::OpenOptions{.read_only = read_only, .actor = "test"});
    }
    SessionNotePresenter note(db::Database& db) const {
        return SessionNotePresenter(db, session, [] { return test::at(2026, 2, 10, 10, 30); });
    }
};

void type_a_note(SessionNotePresenter& note) {
    note.set_text(SoapField::subjective, "Low back tight after a long drive; slept badly.");
    note.set_text(SoapField::objective, "Left QL hypertonic, tender at the iliac crest.");
    note.set_pain_before(6);
    note.add_technique_row();
}

} // namespace

BOOST_AUTO_TEST_SUITE(editor_drafts)

BOOST_AUTO_TEST_CASE(a_note_whose_save_hits_a_full_disk_keeps_its_text_and_saves_once_there_is_room) {
    BookedPractice practice;
    test::FaultyDisk disk;
    std::string snapshot;
    gui::NoteDraft typed;
    {
        auto db = practice.open();
        auto note = practice.note(*db);
        type_a_note(note);
        typed = note.draft();

        disk.fail_after(0, test::WriteFault::disk_full, test::FaultTarget::wal_only);
        try {
            note.save_draft();
            BOOST_FAIL("the save was expected to fail on the full disk");
        } catch (const db::StorageError& e) {
            BOOST_TEST(test::contains(e.what(), "The disk is full"), e.what());
        }
        BOOST_TEST(note.is_dirty());
        BOOST_TEST((note.draft() == typed));
        BOOST_TEST(!note.has_conflict()); // a full disk is not someone else's change
        snapshot = note.draft_snapshot(); // what the window writes to its recovery file
        BOOST_TEST(note.can_undo());

        disk.heal();
        BOOST_TEST(db->check_integrity().empty());
        BOOST_TEST(practice.note(*db).draft().subjective.empty()); // nothing of it was stored

        note.save_draft(); // room again: the same draft goes in
        BOOST_TEST(!note.is_dirty());
    }
    auto db = practice.open();
    auto stored = practice.note(*db);
    BOOST_TEST(stored.draft().subjective == typed.subjective);
    BOOST_TEST(stored.draft().techniques.size() == 1u);
    BOOST_TEST(stored.draft().objective == typed.objective);
    // The recovery copy taken while the disk was full reads back every word that was typed.
    auto fresh = practice.note(*db);
    BOOST_TEST(fresh.restore_snapshot(snapshot));
    BOOST_TEST(fresh.draft().subjective == typed.subjective);
    BOOST_TEST(fresh.draft().objective == typed.objective);
    BOOST_TEST(fresh.draft().pain_before == typed.pain_before);
    BOOST_TEST((fresh.draft().techniques == typed.techniques));
}

BOOST_AUTO_TEST_CASE(a_note_in_a_practice_opened_read_only_is_refused_plainly_and_kept) {
    BookedPractice practice;
    auto db = practice.open(true);
    auto note = practice.note(*db);
    type_a_note(note);
    const gui::NoteDraft typed = note.draft();
    try {
        note.save_draft();
        BOOST_FAIL("a read-only practice must refuse the save");
    } catch (const db::StorageError& e) {
        BOOST_TEST((e.kind() == db::StorageError::Kind::read_only), e.what());
        BOOST_TEST(test::contains(e.what(), "is read-only"), e.what());
    }
    BOOST_TEST(note.is_dirty());
    BOOST_TEST((note.draft() == typed));
    auto again = practice.note(*db);
    BOOST_TEST(again.snapshot_differs(note.draft_snapshot())); // the recovery copy is worth offering
    BOOST_TEST(again.restore_snapshot(note.draft_snapshot()));
    BOOST_TEST((again.draft() == typed));
}

// Two programs on one practice file (two connections): the note saved first stays, the second
// save is refused as a conflict with its text kept, and keeping it over the other is a deliberate
// second step.
BOOST_AUTO_TEST_CASE(a_note_saved_meanwhile_by_another_program_is_not_overwritten_and_the_text_is_kept) {
    BookedPractice practice;
    auto mine_db = practice.open();
    auto theirs_db = practice.open();
    auto mine = practice.note(*mine_db);
    auto theirs = practice.note(*theirs_db);
    theirs.set_text(SoapField::subjective, "Their words, saved first.");
    theirs.save_draft();

    mine.set_text(SoapField::subjective, "My words, saved second.");
    BOOST_CHECK_THROW(mine.save_draft(), ConflictError);
    BOOST_TEST(mine.has_conflict());
    BOOST_TEST(mine.is_dirty());
    BOOST_TEST(mine.draft().subjective == "My words, saved second.");
    BOOST_TEST(practice.note(*mine_db).draft().subjective == "Their words, saved first.");

    BOOST_TEST(mine.adopt_stored_version());
    mine.save_draft();
    BOOST_TEST(practice.note(*theirs_db).draft().subjective == "My words, saved second.");
}

BOOST_AUTO_TEST_CASE(an_intake_form_whose_save_fails_on_the_disk_keeps_every_field) {
    BookedPractice practice;
    test::FaultyDisk disk;
    auto db = practice.open();
    const auto clients_before = db::ClientRepository(*db).count(true);
    gui::IntakePresenter intake(*db, std::nullopt, test::test_today);
    intake.form().family_name = "Tanaka";
    intake.form().given_name = "Haruto";
    intake.form().phone = "07700 900456";
    intake.form().allergies = "Arnica";
    intake.form().consent_given = true;
    intake.form().consent_date = test::test_today;
    const gui::IntakeForm typed = intake.form();

    disk.fail_after(0, test::WriteFault::io_error, test::FaultTarget::wal_only);
    try {
        intake.save();
        BOOST_FAIL("the save was expected to fail on the failing disk");
    } catch (const db::StorageError& e) {
        BOOST_TEST(test::contains(e.what(), "reported an error"), e.what());
    }
    BOOST_TEST((intake.form() == typed));
    BOOST_TEST(intake.is_modified());
    disk.heal();
    BOOST_TEST(db::ClientRepository(*db).count(true) == clients_before);
    const ClientId id = intake.save();
    BOOST_TEST(db::ClientRepository(*db).get(id).details().allergies == "Arnica");
}

BOOST_AUTO_TEST_SUITE_END()
