// The intake presenter: a new client saved with every field, an existing client edited, refusals
// that name the field and write nothing, the live red-flag warning (urgent for cauda equina
// signs), red flags recorded with the client, the cautions preview, text in any script, and undo
// and redo.
#include "clients/intake_presenter.h"

#include "audit_log.h"
#include "common/error.h"
#include "database.h"
#include "repositories/client_repository.h"

#include "domain_printers.h"
#include "fake_edit_clock.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>

using namespace knotwork;
using gui::IntakeField;
using gui::IntakeForm;
using gui::IntakePage;
using gui::IntakePresenter;
using gui::test::FakeEditClock;
using gui::test::keystroke;
using gui::test::long_pause;

namespace knotwork::gui {

std::ostream& operator<<(std::ostream& os, IntakeField f) {
    return os << "intake field #" << static_cast<int>(f);
}
std::ostream& operator<<(std::ostream& os, IntakePage p) {
    return os << "intake page #" << static_cast<int>(p);
}

} // namespace knotwork::gui

namespace {

const Date today(2026, 6, 1);

struct Practice {
    std::unique_ptr<db::Database> db =
        db::Database::open(":memory:", {.create_if_missing = true, .actor = "test"});

    std::int64_t clients() { return db::ClientRepository(*db).count(true); }
    std::int64_t audit_rows() { return db::AuditLog(*db).count(); }
    Client stored(ClientId id) { return db::ClientRepository(*db).get(id); }
};

// Every field of the form set to something other than its default.
IntakeForm full_form() {
    IntakeForm f;
    f.family_name = "Okafor";
    f.given_name = "Ngozi";
    f.preferred_name = "Zizi";
    f.date_of_birth = Date(1984, 7, 12);
    f.phone = "+44 20 7946-0958";
    f.email = "ngozi@example.org";
    f.address = "12 Mill Lane\nLeeds LS1 4AB";
    f.emergency_contact_name = "Chidi Okafor";
    f.emergency_contact_phone = "07700 900123";
    f.referral_source = "Website";
    f.referring_physician = "Dr Anjali Patel";
    f.occupation = "Software developer";
    f.activity = ActivityLevel::desk_work;
    f.conditions = {HealthCondition::sciatica, HealthCondition::herniated_disc};
    f.medications = {{MedicationClass::pain_killer, "Ibuprofen 400 mg"},
                     {MedicationClass::muscle_relaxant, ""}};
    f.allergies = "Almond oil; lanolin";
    f.health_notes = "L5-S1 herniation 2023, no surgery.";
    f.pressure_preference = PressurePreference::firm;
    f.sensitive_areas = "Left sciatic notch";
    f.consent_given = true;
    f.consent_date = Date(2026, 5, 30);
    f.red_flags = {RedFlag::night_pain};
    f.red_flag_notes = "Night pain eases on turning over";
    f.referred_to = "Dr Patel (GP)";
    f.red_flags_screened_on = Date(2026, 5, 30);
    return f;
}

IntakeForm minimal_form(const std::string& family, const std::string& given) {
    IntakeForm f;
    f.family_name = family;
    f.given_name = given;
    return f;
}

} // namespace

BOOST_AUTO_TEST_SUITE(intake_presenter)

BOOST_AUTO_TEST_CASE(a_new_client_is_saved_with_every_field) {
    Practice p;
    IntakePresenter intake(*p.db, std::nullopt, today);
    BOOST_TEST(intake.is_new());
    BOOST_TEST(intake.title() == "New Client");
    BOOST_TEST(!intake.is_modified());
    BOOST_TEST(intake.form().red_flags_screened_on == today); // the screen is part of the intake

    intake.form() = full_form();
    BOOST_TEST(intake.is_modified());
    const ClientId id = intake.save();
    BOOST_TEST(id > 0);
    BOOST_TEST(p.clients() == 1);
    BOOST_TEST(!intake.is_new());
    BOOST_TEST(!intake.is_modified());

    const Client stored = p.stored(id);
    const ClientDetails& d = stored.details();
    BOOST_TEST(d.family_name == "Okafor");
    BOOST_TEST(d.preferred_name == "Zizi");
    BOOST_TEST(d.date_of_birth == Date(1984, 7, 12));
    BOOST_TEST(d.address == "12 Mill Lane\nLeeds LS1 4AB");
    BOOST_TEST(d.emergency_contact_phone == "07700 900123");
    BOOST_TEST(d.referral_source == "Website");
    BOOST_TEST(d.activity == ActivityLevel::desk_work);
    BOOST_TEST(d.medications.size() == 2u);
    BOOST_TEST(d.pressure_preference == PressurePreference::firm);
    BOOST_TEST(d.consent_date == Date(2026, 5, 30));
    BOOST_TEST(d.red_flags_screened_on == Date(2026, 5, 30));

    // The form a fresh dialog loads is the form that was saved, field for field.
    const IntakePresenter reopened(*p.db, id, today);
    BOOST_TEST((reopened.form() == full_form()));
    BOOST_TEST(reopened.title() == "Edit Client: Zizi Okafor");
}

BOOST_AUTO_TEST_CASE(an_existing_client_is_edited_in_place) {
    Practice p;
    IntakePresenter first(*p.db, std::nullopt, today);
    first.form() = full_form();
    const ClientId id = first.save();

    IntakePresenter edit(*p.db, id, today);
    BOOST_TEST(!edit.is_new());
    BOOST_TEST(edit.form().phone == "+44 20 7946-0958");
    edit.form().phone = "0113 496 0000";
    edit.form().medications.push_back({MedicationClass::anticoagulant, "Warfarin 5 mg"});
    edit.form().consent_given = false; // consent withdrawn
    BOOST_TEST(edit.save() == id);
    BOOST_TEST(p.clients() == 1);

    const Client c = p.stored(id);
    BOOST_TEST(c.version() == 2);
    BOOST_TEST(c.details().phone == "0113 496 0000");
    BOOST_TEST(c.takes(MedicationClass::anticoagulant));
    BOOST_TEST(!c.details().consent_date.has_value());
    const auto audit = db::AuditLog(*p.db).for_record("client", id);
    BOOST_TEST_REQUIRE(audit.size() == 2u);
    const auto& update = audit.back().action == "update" ? audit.back() : audit.front();
    BOOST_TEST(update.detail == "changed: phone, medications, consent date");

    // Saving again from the same presenter updates the same record, not a new one.
    edit.form().occupation = "Teacher";
    BOOST_TEST(edit.save() == id);
    BOOST_TEST(p.clients() == 1);
    BOOST_TEST(p.stored(id).version() == 3);
}

BOOST_AUTO_TEST_CASE(refusals_name_the_field_and_write_nothing) {
    struct Case {
        const char* what;
        void (*change)(IntakeForm&);
        IntakeField field;
        IntakePage page;
    };
    const Case cases[] = {
        {"date of birth tomorrow", [](IntakeForm& f) { f.date_of_birth = Date(2026, 6, 2); },
         IntakeField::date_of_birth, IntakePage::identity},
        {"empty family name", [](IntakeForm& f) { f.family_name = "   "; }, IntakeField::family_name,
         IntakePage::identity},
        {"email without @", [](IntakeForm& f) { f.email = "ngozi.example.org"; }, IntakeField::email,
         IntakePage::identity},
        {"medication with invalid UTF-8",
         [](IntakeForm& f) {
             f.medications.push_back({MedicationClass::other, "\xFF"});
         },
         IntakeField::medications, IntakePage::health},
        {"consent given without a date",
         [](IntakeForm& f) {
             f.consent_given = true;
             f.consent_date.reset();
         },
         IntakeField::consent_date, IntakePage::preferences},
        {"screened tomorrow", [](IntakeForm& f) { f.red_flags_screened_on = Date(2026, 6, 2); },
         IntakeField::red_flags_screened_on, IntakePage::red_flags},
        {"referred to with a NUL", [](IntakeForm& f) { f.referred_to = std::string("Dr\0X", 4); },
         IntakeField::referred_to, IntakePage::red_flags},
    };
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT(c.what) {
            Practice p;
            IntakePresenter intake(*p.db, std::nullopt, today);
            intake.form() = full_form();
            c.change(intake.form());
            BOOST_CHECK_EXCEPTION(intake.validate(), ValidationError, [&](const ValidationError& e) {
                return IntakePresenter::field_of(e) == c.field;
            });
            IntakeField field = IntakeField::none;
            try {
                intake.save();
                BOOST_ERROR("saved although refused");
            } catch (const ValidationError& e) {
                field = IntakePresenter::field_of(e);
            }
            BOOST_TEST(field == c.field);
            BOOST_TEST(gui::page_of(field) == c.page);
            BOOST_TEST(p.clients() == 0);
            BOOST_TEST(p.audit_rows() == 0);
            BOOST_TEST(intake.is_new());
        }
    }

    // A refused edit leaves the stored record as it was.
    Practice p;
    IntakePresenter first(*p.db, std::nullopt, today);
    first.form() = full_form();
    const ClientId id = first.save();
    IntakePresenter edit(*p.db, id, today);
    edit.form().given_name.clear();
    edit.form().phone = "0113 496 0000";
    BOOST_CHECK_EXCEPTION(edit.save(), ValidationError, [](const ValidationError& e) {
        return IntakePresenter::field_of(e) == IntakeField::given_name;
    });
    BOOST_TEST(p.stored(id).details().phone == "+44 20 7946-0958");
    BOOST_TEST(p.stored(id).version() == 1);
}

BOOST_AUTO_TEST_CASE(a_stale_copy_is_refused_with_a_clear_conflict) {
    Practice p;
    IntakePresenter first(*p.db, std::nullopt, today);
    first.form() = full_form();
    const ClientId id = first.save();
    IntakePresenter mine(*p.db, id, today);
    IntakePresenter theirs(*p.db, id, today);
    theirs.form().phone = "0113 496 1111";
    theirs.save();
    mine.form().phone = "0113 496 2222";
    BOOST_CHECK_EXCEPTION(mine.save(), ConflictError, [](const ConflictError& e) {
        return std::string(e.what()).find("changed elsewhere") != std::string::npos;
    });
    BOOST_TEST(p.stored(id).details().phone == "0113 496 1111");
}

BOOST_AUTO_TEST_CASE(red_flag_verdict_is_urgent_for_cauda_equina_signs_and_refer_for_fever) {
    Practice p;
    IntakePresenter intake(*p.db, std::nullopt, today);
    BOOST_TEST(intake.red_flag_verdict().urgency == ReferralUrgency::none);
    BOOST_TEST(!intake.red_flag_warning().shown);

    intake.form().red_flags = {RedFlag::fever};
    const RedFlagVerdict refer = intake.red_flag_verdict();
    BOOST_TEST(refer.urgency == ReferralUrgency::refer_before_treatment);
    BOOST_TEST(refer.stop_treatment);
    const auto refer_warning = intake.red_flag_warning();
    BOOST_TEST(refer_warning.shown);
    BOOST_TEST(!refer_warning.urgent);
    BOOST_TEST(refer_warning.heading == "Stop: refer before treatment");
    BOOST_TEST(refer_warning.advice.find("Refer the client") != std::string::npos);
    BOOST_TEST(refer_warning.reasons.size() == 1u);
    BOOST_TEST(!refer_warning.referral_reminder.empty()); // nobody recorded as referred to yet

    intake.form().red_flags = {RedFlag::fever, RedFlag::saddle_numbness};
    intake.form().referred_to = "Emergency department";
    const RedFlagVerdict urgent = intake.red_flag_verdict();
    BOOST_TEST(urgent.urgency == ReferralUrgency::urgent_same_day);
    BOOST_TEST(urgent.stop_treatment);
    const auto urgent_warning = intake.red_flag_warning();
    BOOST_TEST(urgent_warning.urgent);
    BOOST_TEST(urgent_warning.heading == "Stop: urgent, same-day emergency care");
    BOOST_TEST(urgent_warning.advice.find("emergency") != std::string::npos);
    BOOST_TEST_REQUIRE(urgent_warning.reasons.size() == 2u);
    BOOST_TEST(urgent_warning.reasons.front().find("cauda equina") != std::string::npos); // most urgent first
    BOOST_TEST(urgent_warning.referral_reminder.empty());

    for (RedFlag f : {RedFlag::bladder_bowel_change, RedFlag::progressive_leg_weakness,
                      RedFlag::bilateral_leg_weakness}) {
        BOOST_TEST_CONTEXT(f) {
            intake.form().red_flags = {f};
            BOOST_TEST(intake.red_flag_verdict().urgency == ReferralUrgency::urgent_same_day);
        }
    }
}

BOOST_AUTO_TEST_CASE(positive_red_flags_are_recorded_with_the_client_and_round_trip) {
    Practice p;
    IntakePresenter intake(*p.db, std::nullopt, today);
    intake.form() = minimal_form("Haddad", "Rami");
    intake.form().red_flags_screened_on.reset(); // cleared, yet answered: dated today on save
    intake.form().red_flags = {RedFlag::saddle_numbness, RedFlag::bladder_bowel_change};
    intake.form().red_flag_notes = "Numb since Tuesday; urinary retention this morning";
    intake.form().referred_to = "St James's emergency department, by ambulance";
    const ClientId id = intake.save(); // a stop-and-refer verdict still keeps the record
    BOOST_TEST(p.clients() == 1);

    const Client stored = p.stored(id);
    const ClientDetails& d = stored.details();
    BOOST_TEST((d.intake_red_flags.positive ==
                std::set<RedFlag>{RedFlag::saddle_numbness, RedFlag::bladder_bowel_change}));
    BOOST_TEST(d.intake_red_flags.referred_to == "St James's emergency department, by ambulance");
    BOOST_TEST(d.red_flags_screened_on == today);

    const Date later(2026, 6, 20);
    IntakePresenter reopened(*p.db, id, later);
    BOOST_TEST((reopened.form().red_flags == d.intake_red_flags.positive));
    BOOST_TEST(reopened.form().red_flag_notes == "Numb since Tuesday; urinary retention this morning");
    BOOST_TEST(reopened.red_flag_warning().urgent); // the warning shows again when the client is opened

    // Editing something else keeps the screen's date; answering again re-dates it.
    reopened.form().phone = "0113 496 0000";
    reopened.save();
    BOOST_TEST(p.stored(id).details().red_flags_screened_on == today);
    reopened.form().red_flags.clear();
    reopened.form().red_flag_notes = "Cleared by the emergency department: no cauda equina";
    reopened.save();
    BOOST_TEST(p.stored(id).details().intake_red_flags.positive.empty());
    BOOST_TEST(p.stored(id).details().red_flags_screened_on == later);
}

BOOST_AUTO_TEST_CASE(cautions_preview_follows_conditions_and_medications) {
    Practice p;
    IntakePresenter intake(*p.db, std::nullopt, today);
    auto has_no_deep_pressure_for = [&](CautionSource source) {
        const auto all = intake.cautions();
        return std::any_of(all.begin(), all.end(), [&](const Caution& c) {
            return c.source == source && c.restriction == Restriction::no_deep_pressure;
        });
    };
    BOOST_TEST(intake.cautions().empty());
    BOOST_TEST(!has_no_deep_pressure_for(MedicationClass::anticoagulant));

    // The preview works on a half-filled form: no names yet, and a medication name the domain
    // would refuse does not break it.
    intake.form().medications = {{MedicationClass::anticoagulant, "Warfarin\xFF"}};
    BOOST_TEST(has_no_deep_pressure_for(MedicationClass::anticoagulant));
    BOOST_TEST(max_safe_pressure(intake.cautions()).value() <= moderate_pressure_max);
    const auto lines = intake.caution_lines();
    BOOST_TEST_REQUIRE(lines.size() == 1u);
    BOOST_TEST(lines.front().find("No deep pressure") != std::string::npos);

    intake.form().conditions = {HealthCondition::osteoporosis, HealthCondition::diabetic_neuropathy};
    BOOST_TEST(has_no_deep_pressure_for(HealthCondition::osteoporosis));
    BOOST_TEST(!heat_allowed(intake.cautions()));
    intake.form().medications.clear();
    BOOST_TEST(!has_no_deep_pressure_for(MedicationClass::anticoagulant));
}

BOOST_AUTO_TEST_CASE(text_in_any_script_survives_the_round_trip) {
    Practice p;
    IntakePresenter intake(*p.db, std::nullopt, today);
    IntakeForm f = full_form();
    f.family_name = "O'Brien-حداد";                     // a quote and Arabic (right to left)
    f.given_name = "\u202Bשרה\u202C";                   // Hebrew inside an embedding and its pop
    f.preferred_name = "Zoë 🙂";                     // an accented letter and an emoji
    f.address = "\"Flat 2\", 12 Rue de l'Église\n北京"; // double quotes, apostrophe, CJK
    f.allergies = "Arnica 🌼; 'tea tree' oil; \"lavender\"";
    f.health_notes = "'); DROP TABLE clients; --\n\tLine two with a tab";
    f.medications = {{MedicationClass::other, "Мелоксикам 7,5 мг"}};
    f.red_flag_notes = "🚨 \"urgent\" عاجل";
    f.referred_to = "Dr כהן 'ED'";
    intake.form() = f;
    const ClientId id = intake.save();

    const IntakePresenter reopened(*p.db, id, today);
    BOOST_TEST(reopened.form().family_name == f.family_name);
    BOOST_TEST(reopened.form().given_name == f.given_name);
    BOOST_TEST(reopened.form().preferred_name == f.preferred_name);
    BOOST_TEST(reopened.form().address == f.address);
    BOOST_TEST(reopened.form().health_notes == f.health_notes);
    BOOST_TEST(reopened.form().red_flag_notes == f.red_flag_notes);
    BOOST_TEST(reopened.form().referred_to == f.referred_to);
    BOOST_TEST((reopened.form() == f));
    BOOST_TEST(p.clients() == 1); // the SQL-looking note was stored as text, nothing more
}

BOOST_AUTO_TEST_CASE(undo_takes_back_each_field_and_names_its_page) {
    Practice practice;
    IntakePresenter intake(*practice.db, std::nullopt, today);
    FakeEditClock time;
    intake.set_edit_clock(time.clock());
    BOOST_TEST(!intake.can_undo());
    auto& f = intake.form();
    for (const char* typed : {"O", "Ok", "Oka", "Okafor"}) { // typing: one step
        f.family_name = typed;
        intake.record_edit();
        time.advance(keystroke);
    }
    f.given_name = "Ngozi";
    intake.record_edit();
    f.conditions.insert(HealthCondition::sciatica);
    intake.record_edit();
    f.medications.push_back({MedicationClass::anticoagulant, "Warfarin 5 mg"});
    intake.record_edit();
    f.consent_given = true; // the tick fills in the date with it: one step
    f.consent_date = today;
    intake.record_edit();
    f.red_flags = {RedFlag::fever};
    intake.record_edit();
    const IntakeForm typed = f;

    struct Expected {
        const char* label;
        IntakePage page;
    };
    const Expected steps[] = {
        {"Red flags", IntakePage::red_flags}, {"Consent", IntakePage::preferences},
        {"Medications", IntakePage::health},  {"Conditions", IntakePage::health},
        {"Given name", IntakePage::identity}, {"Family name", IntakePage::identity},
    };
    for (const Expected& e : steps) {
        BOOST_TEST_CONTEXT("undoing " << e.label) {
            BOOST_TEST(intake.undo_label() == e.label);
            BOOST_TEST(intake.undo() == std::optional<IntakePage>(e.page));
        }
    }
    BOOST_TEST(!intake.can_undo());
    BOOST_TEST(!intake.is_modified());
    BOOST_TEST(intake.form().family_name == "");

    while (intake.redo()) {
    }
    BOOST_TEST((intake.form() == typed));
}

BOOST_AUTO_TEST_CASE(a_new_edit_clears_redo_and_a_pause_splits_typing) {
    Practice practice;
    IntakePresenter intake(*practice.db, std::nullopt, today);
    FakeEditClock time;
    intake.set_edit_clock(time.clock());
    auto& f = intake.form();
    f.address = "12 Mill Lane";
    intake.record_edit();
    time.advance(long_pause);
    f.address = "12 Mill Lane\nLeeds";
    intake.record_edit();
    BOOST_TEST(intake.undo() == std::optional<IntakePage>(IntakePage::identity));
    BOOST_TEST(intake.form().address == "12 Mill Lane");
    BOOST_TEST(intake.can_redo());
    f.phone = "0113 496 0000";
    intake.record_edit();
    BOOST_TEST(!intake.can_redo());
    BOOST_TEST(!intake.redo().has_value());
    BOOST_TEST(intake.form().address == "12 Mill Lane");
}

// Decided: a save keeps the history. Undo after a save changes the form only; is_modified() is
// true again (the window asks before it discards anything) and the stored client changes only on
// the next save.
BOOST_AUTO_TEST_CASE(undo_after_a_save_leaves_the_stored_client_alone) {
    Practice practice;
    IntakePresenter intake(*practice.db, std::nullopt, today);
    intake.form() = minimal_form("Okafor", "Ngozi");
    intake.record_edit();
    intake.form().phone = "0113 496 0000";
    intake.record_edit();
    const ClientId id = intake.save();
    BOOST_TEST(!intake.is_modified());

    BOOST_TEST(intake.undo_label() == "Phone");
    BOOST_TEST(intake.undo().has_value());
    BOOST_TEST(intake.is_modified());
    BOOST_TEST(intake.form().phone == "");
    BOOST_TEST(practice.stored(id).details().phone == "0113 496 0000");
    BOOST_TEST(intake.redo().has_value());
    BOOST_TEST(!intake.is_modified());
}

BOOST_AUTO_TEST_SUITE_END()
