// Pins domain/client: what a Client accepts, what it refuses (naming the field), names in any
// script and hostile text kept unchanged, ages, consent, archiving.
#include "client/client.h"

#include "common/error.h"
#include "common/text.h"

#include "domain_printers.h"

#include <boost/test/unit_test.hpp>

#include <functional>
#include <string>
#include <vector>

namespace knotwork::test {

namespace {

const Date today(2026, 3, 1);

ClientDetails valid_details() {
    ClientDetails d;
    d.family_name = "Okafor";
    d.given_name = "Ngozi";
    d.date_of_birth = Date(1984, 7, 12);
    d.email = "ngozi@example.org";
    d.phone = "+44 20 7946 0958";
    d.consent_date = Date(2026, 2, 20);
    return d;
}

struct Refusal {
    const char* what;
    std::function<void(ClientDetails&)> change;
    const char* field;
};

} // namespace

BOOST_AUTO_TEST_SUITE(Client)
using knotwork::Client;

BOOST_AUTO_TEST_CASE(accepts_valid_details_and_keeps_them) {
    const Client c(valid_details(), today);
    BOOST_TEST((c.details() == valid_details()));
    BOOST_TEST(c.id() == 0);
    BOOST_TEST(c.version() == 0);
    BOOST_TEST(!c.is_archived());
}

BOOST_AUTO_TEST_CASE(only_names_are_required) {
    ClientDetails d;
    d.family_name = "Li";
    d.given_name = "Wei";
    const Client c(d, today);
    BOOST_TEST(c.display_name() == "Wei Li");
    BOOST_TEST(!c.details().date_of_birth.has_value());
}

BOOST_AUTO_TEST_CASE(display_and_sort_names) {
    ClientDetails d = valid_details();
    BOOST_TEST(Client(d, today).display_name() == "Ngozi Okafor");
    BOOST_TEST(Client(d, today).sort_name() == "Okafor, Ngozi");
    d.preferred_name = "  Zizi ";
    const Client c(d, today);
    BOOST_TEST(c.display_name() == "Zizi Okafor");
    BOOST_TEST(c.sort_name() == "Okafor, Ngozi");
    BOOST_TEST(c.details().preferred_name == "Zizi");
}

BOOST_AUTO_TEST_CASE(names_and_email_are_trimmed) {
    ClientDetails d = valid_details();
    d.family_name = "  Okafor\t";
    d.given_name = "\nNgozi ";
    d.email = "  ngozi@example.org ";
    const Client c(d, today);
    BOOST_TEST(c.details().family_name == "Okafor");
    BOOST_TEST(c.details().given_name == "Ngozi");
    BOOST_TEST(c.details().email == "ngozi@example.org");
}

BOOST_AUTO_TEST_CASE(refuses_invalid_details_naming_the_field) {
    const std::vector<Refusal> rows{
        {"empty family name", [](ClientDetails& d) { d.family_name = ""; }, "family name"},
        {"blank family name", [](ClientDetails& d) { d.family_name = "   \t"; }, "family name"},
        {"empty given name", [](ClientDetails& d) { d.given_name = ""; }, "given name"},
        {"blank given name", [](ClientDetails& d) { d.given_name = " \n "; }, "given name"},
        {"invalid UTF-8 in family name", [](ClientDetails& d) { d.family_name = "Ren\xE9"; }, "family name"},
        {"truncated UTF-8 in given name", [](ClientDetails& d) { d.given_name = "Zo\xC3"; }, "given name"},
        {"NUL in family name", [](ClientDetails& d) { d.family_name = std::string("Oka\0for", 7); },
         "family name"},
        {"NUL in given name", [](ClientDetails& d) { d.given_name = std::string("\0", 1); }, "given name"},
        {"escape sequence in family name", [](ClientDetails& d) { d.family_name = "\x1B[2JOkafor"; },
         "family name"},
        {"family name too long", [](ClientDetails& d) { d.family_name = std::string(201, 'a'); },
         "family name"},
        {"control character in preferred name", [](ClientDetails& d) { d.preferred_name = "Zi\x01zi"; },
         "preferred name"},
        {"date of birth tomorrow", [](ClientDetails& d) { d.date_of_birth = Date(2026, 3, 2); },
         "date of birth"},
        {"date of birth next year", [](ClientDetails& d) { d.date_of_birth = Date(2027, 1, 1); },
         "date of birth"},
        {"age 131", [](ClientDetails& d) { d.date_of_birth = Date(1895, 3, 1); }, "date of birth"},
        {"age 131 and a day", [](ClientDetails& d) { d.date_of_birth = Date(1895, 2, 28); }, "date of birth"},
        {"date of birth not a date", [](ClientDetails& d) { d.date_of_birth = Date(); }, "date of birth"},
        {"email without @", [](ClientDetails& d) { d.email = "ngozi.example.org"; }, "email"},
        {"email with a space", [](ClientDetails& d) { d.email = "ngozi okafor@example.org"; }, "email"},
        {"email with NUL", [](ClientDetails& d) { d.email = std::string("a@b\0c", 5); }, "email"},
        {"phone too long", [](ClientDetails& d) { d.phone = std::string(41, '1'); }, "phone"},
        {"consent date tomorrow", [](ClientDetails& d) { d.consent_date = Date(2026, 3, 2); }, "consent date"},
        {"consent date not a date", [](ClientDetails& d) { d.consent_date = Date(); }, "consent date"},
        {"medication name with invalid UTF-8",
         [](ClientDetails& d) { d.medications.push_back({MedicationClass::anticoagulant, "\xFF"}); },
         "medication"},
        {"health notes past the long limit",
         [](ClientDetails& d) { d.health_notes = std::string(text::long_limit + 1, 'x'); }, "health notes"},
        {"allergies with a bell", [](ClientDetails& d) { d.allergies = "almond oil\x07"; }, "allergies"},
        {"emergency contact with invalid UTF-8",
         [](ClientDetails& d) { d.emergency_contact_name = "\xC0\xAF"; }, "emergency contact name"},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT(row.what) {
            ClientDetails d = valid_details();
            row.change(d);
            KNOTWORK_CHECK_REFUSED(Client(d, today), row.field);
        }
    }
}

BOOST_AUTO_TEST_CASE(date_of_birth_boundaries) {
    struct Row {
        Date birth;
        bool accepted;
    };
    const std::vector<Row> rows{
        {today, true},              // born today
        {Date(2026, 3, 2), false},  // tomorrow
        {Date(1896, 3, 1), true},   // exactly 130 today
        {Date(1895, 3, 2), true},   // 130, turns 131 tomorrow
        {Date(1895, 3, 1), false},  // 131 today
        {Date(1896, 2, 29), true},  // leap-day birth, 130
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT("born " << to_iso(row.birth)) {
            ClientDetails d = valid_details();
            d.date_of_birth = row.birth;
            if (row.accepted)
                BOOST_TEST(Client(d, today).details().date_of_birth == row.birth);
            else
                KNOTWORK_CHECK_REFUSED(Client(d, today), "date of birth");
        }
    }
}

BOOST_AUTO_TEST_CASE(future_date_of_birth_message_shows_the_date) {
    ClientDetails d = valid_details();
    d.date_of_birth = Date(2030, 1, 5);
    try {
        Client c(d, today);
        BOOST_ERROR("a date of birth in the future was accepted");
    } catch (const ValidationError& e) {
        BOOST_TEST(std::string(e.what()) == "date of birth: is in the future (2030-01-05)");
    }
}

BOOST_AUTO_TEST_CASE(consent_today_is_accepted) {
    ClientDetails d = valid_details();
    d.consent_date = today;
    BOOST_TEST(Client(d, today).details().consent_date == today);
}

BOOST_AUTO_TEST_CASE(empty_email_is_accepted) {
    ClientDetails d = valid_details();
    d.email = "   ";
    BOOST_TEST(Client(d, today).details().email == "");
}

BOOST_AUTO_TEST_CASE(hostile_and_foreign_names_are_kept_unchanged) {
    const std::vector<std::string> names{
        "O'Brien",
        "\"Doc\" Holliday",
        "'; DROP TABLE clients; --",
        "Robert'); DELETE FROM sessions WHERE ('1'='1",
        "<script>alert(1)</script>",
        "=HYPERLINK(\"http://evil.example\")",
        "%s%s%n",
        "\xF0\x9F\x92\x86\xE2\x80\x8D\xE2\x99\x80\xEF\xB8\x8F Massage",  // emoji with ZWJ sequence
        "\xD9\x85\xD8\xAD\xD9\x85\xD8\xAF \xD8\xB9\xD9\x84\xD9\x8A",    // Arabic, right-to-left
        "\xD7\xA9\xD7\xA8\xD7\x94 \xD7\x9B\xD7\x94\xD7\x9F",            // Hebrew, right-to-left
        "\xE2\x80\xAE\x65\x76\x69\x6C",                                 // right-to-left override
        "\xE5\xB1\xB1\xE7\x94\xB0 \xE5\xA4\xAA\xE9\x83\x8E",            // Japanese
        "\xEA\xB9\x80\xEB\xAF\xBC\xEC\xA4\x80",                         // Korean
        "Zo\xC3\xAB Ren\xC3\xA9\x65 M\xC3\xBCller-\xC3\x98stergaard",    // Latin with diacritics
        "\xC3\xA9" "\xCC\x81",                                          // combining accent
        std::string(200, 'W'),                                          // at the short limit
    };
    for (const auto& name : names) {
        BOOST_TEST_CONTEXT(name) {
            ClientDetails d = valid_details();
            d.family_name = name;
            d.given_name = name;
            d.preferred_name = name;
            d.health_notes = name;
            const Client c(d, today);
            BOOST_TEST(c.details().family_name == name);
            BOOST_TEST(c.details().given_name == name);
            BOOST_TEST(c.details().preferred_name == name);
            BOOST_TEST(c.details().health_notes == name);
            BOOST_TEST(c.sort_name() == name + ", " + name);
        }
    }
}

BOOST_AUTO_TEST_CASE(revise_checks_like_the_constructor_and_keeps_the_old_details_on_refusal) {
    Client c(valid_details(), today);
    ClientDetails bad = valid_details();
    bad.family_name = "";
    KNOTWORK_CHECK_REFUSED(c.revise(bad, today), "family name");
    BOOST_TEST(c.details().family_name == "Okafor");

    ClientDetails moved = valid_details();
    moved.address = "12 Harbour Row, Leith";
    moved.family_name = " Okafor-Bello ";
    c.revise(moved, today);
    BOOST_TEST(c.details().address == "12 Harbour Row, Leith");
    BOOST_TEST(c.details().family_name == "Okafor-Bello");

    ClientDetails future = valid_details();
    future.consent_date = Date(2026, 4, 1);
    KNOTWORK_CHECK_REFUSED(c.revise(future, today), "consent date");
    BOOST_TEST(c.details().consent_date == Date(2026, 2, 20));
}

BOOST_AUTO_TEST_CASE(today_decides_what_future_means) {
    ClientDetails d = valid_details();
    d.consent_date = Date(2026, 3, 5);
    KNOTWORK_CHECK_REFUSED(Client(d, today), "consent date");
    BOOST_CHECK_NO_THROW(Client(d, Date(2026, 3, 5)));
}

BOOST_AUTO_TEST_CASE(conditions_and_medications) {
    ClientDetails d = valid_details();
    d.conditions = {HealthCondition::sciatica, HealthCondition::osteoporosis};
    d.medications = {{MedicationClass::anticoagulant, "Warfarin 5 mg"}, {MedicationClass::pain_killer, ""}};
    const Client c(d, today);
    BOOST_TEST(c.has(HealthCondition::sciatica));
    BOOST_TEST(c.has(HealthCondition::osteoporosis));
    BOOST_TEST(!c.has(HealthCondition::pregnancy));
    BOOST_TEST(c.takes(MedicationClass::anticoagulant));
    BOOST_TEST(c.takes(MedicationClass::pain_killer));
    BOOST_TEST(!c.takes(MedicationClass::corticosteroid));
}

BOOST_AUTO_TEST_CASE(diabetic_neuropathy_implies_diabetes) {
    ClientDetails d = valid_details();
    d.conditions = {HealthCondition::diabetic_neuropathy};
    const Client c(d, today);
    BOOST_TEST(c.has(HealthCondition::diabetes));
    BOOST_TEST(c.has(HealthCondition::diabetic_neuropathy));

    d.conditions = {HealthCondition::diabetes};
    BOOST_TEST(!Client(d, today).has(HealthCondition::diabetic_neuropathy));
}

BOOST_AUTO_TEST_CASE(archiving_keeps_the_first_date_and_can_be_undone) {
    Client c(valid_details(), today);
    c.archive(Date(2026, 3, 1));
    BOOST_TEST(c.is_archived());
    BOOST_TEST(c.archived_on() == Date(2026, 3, 1));
    c.archive(Date(2026, 6, 1));
    BOOST_TEST(c.archived_on() == Date(2026, 3, 1));
    c.restore();
    BOOST_TEST(!c.is_archived());
    BOOST_TEST(c.archived_on() == std::nullopt);
    BOOST_TEST(c.details().family_name == "Okafor");
}

BOOST_AUTO_TEST_CASE(a_fifty_thousand_character_health_note_is_accepted) {
    ClientDetails d = valid_details();
    d.health_notes = std::string(50'000, 'n');
    BOOST_TEST(Client(d, today).details().health_notes.size() == 50'000u);
}

BOOST_AUTO_TEST_CASE(intake_red_flag_screen_is_kept_with_its_referral) {
    ClientDetails d = valid_details();
    d.intake_red_flags = RedFlagScreen{{RedFlag::night_pain}, "Pain wakes her nightly", "Dr Okafor, GP"};
    d.red_flags_screened_on = today;
    const Client c(d, today);
    BOOST_TEST((c.details().intake_red_flags == d.intake_red_flags));
    BOOST_TEST(c.details().red_flags_screened_on == today);

    const std::vector<Refusal> rows{
        {"screened tomorrow", [](ClientDetails& x) { x.red_flags_screened_on = Date(2026, 3, 2); },
         "red flags screened on"},
        {"screened on no date", [](ClientDetails& x) { x.red_flags_screened_on = Date(); },
         "red flags screened on"},
        {"red-flag notes with NUL", [](ClientDetails& x) { x.intake_red_flags.notes = std::string(1, '\0'); },
         "red-flag notes"},
        {"referral past the short limit",
         [](ClientDetails& x) { x.intake_red_flags.referred_to = std::string(text::short_limit + 1, 'r'); },
         "referred to"},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT(row.what) {
            ClientDetails x = valid_details();
            row.change(x);
            KNOTWORK_CHECK_REFUSED(Client(x, today), row.field);
        }
    }
}

BOOST_AUTO_TEST_CASE(codes_are_stable) {
    BOOST_TEST(to_code(HealthCondition::dvt_history) == "dvt_history");
    BOOST_TEST(to_code(MedicationClass::anticoagulant) == "anticoagulant");
    BOOST_TEST(to_code(PressurePreference::deep) == "deep");
    BOOST_TEST(to_code(ActivityLevel::desk_work) == "desk_work");
    BOOST_TEST(enum_entries<HealthCondition>().size() == 16u);
    for (const auto& e : enum_entries<HealthCondition>()) {
        BOOST_TEST_CONTEXT(e.code) {
            BOOST_TEST(from_code<HealthCondition>("condition", e.code) == e.value);
        }
    }
    KNOTWORK_CHECK_REFUSED(from_code<HealthCondition>("condition", "gout"), "condition");
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
