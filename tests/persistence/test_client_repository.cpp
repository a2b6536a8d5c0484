// Pins persistence/repositories/client_repository: every field survives the round trip byte for
// byte, whatever script or hostile text it holds; updates are optimistic-locked; clients are
// archived, never deleted; search finds people as a therapist types.
#include "practice_fixture.h"

#include "audit_log.h"
#include "common/error.h"
#include "common/text.h"
#include "repositories/client_repository.h"

#include <algorithm>
#include <vector>

namespace knotwork::test {

namespace {

// 50,000 code points of mixed one-, two-, three- and four-byte UTF-8, with newlines.
std::string long_health_note() {
    const std::string pieces[] = {"L5-S1 ", "Müller ", "疼痛 ", "🙂", "\n"};
    std::string out;
    std::size_t code_points = 0;
    for (std::size_t i = 0;; ++i) {
        const std::string& piece = pieces[i % std::size(pieces)];
        if (code_points + text::code_points(piece) > 50'000) break;
        out += piece;
        code_points += text::code_points(piece);
    }
    out.append(50'000 - code_points, '.');
    return out;
}

std::vector<std::string> family_names(const std::vector<db::ClientSummary>& rows) {
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r.family_name);
    return out;
}

std::int64_t audit_rows(db::Database& db, ClientId id, const std::string& action) {
    long long n = 0;
    db.sql() << "SELECT count(*) FROM audit_log WHERE entity = 'client' AND entity_id = :id AND action = :action",
        soci::use(id), soci::use(action), soci::into(n);
    return n;
}

} // namespace

BOOST_AUTO_TEST_SUITE(ClientRepository)

BOOST_FIXTURE_TEST_CASE(every_field_survives_the_round_trip, PracticeFixture) {
    Client c(full_client(), test_today);
    const ClientId id = in_transaction(db(), [&] { return db::ClientRepository(db()).add(c); });
    BOOST_TEST(id > 0);
    BOOST_TEST(c.id() == id);
    BOOST_TEST(c.version() == 1);

    reopen();
    const Client loaded = db::ClientRepository(db()).get(id);
    const ClientDetails& d = loaded.details();
    const ClientDetails want = full_client();
    BOOST_TEST(loaded.id() == id);
    BOOST_TEST(loaded.version() == 1);
    BOOST_TEST(!loaded.is_archived());
    BOOST_TEST(d.family_name == want.family_name);
    BOOST_TEST(d.given_name == want.given_name);
    BOOST_TEST(d.preferred_name == want.preferred_name);
    BOOST_TEST(d.date_of_birth == want.date_of_birth);
    BOOST_TEST(d.phone == want.phone);
    BOOST_TEST(d.email == want.email);
    BOOST_TEST(d.address == want.address);
    BOOST_TEST(d.emergency_contact_name == want.emergency_contact_name);
    BOOST_TEST(d.emergency_contact_phone == want.emergency_contact_phone);
    BOOST_TEST(d.referral_source == want.referral_source);
    BOOST_TEST(d.referring_physician == want.referring_physician);
    BOOST_TEST(d.occupation == want.occupation);
    BOOST_TEST(d.activity == want.activity);
    BOOST_TEST((d.conditions == want.conditions));
    BOOST_TEST(d.health_notes == want.health_notes);
    BOOST_TEST((d.medications == want.medications));
    BOOST_TEST(d.allergies == want.allergies);
    BOOST_TEST(d.pressure_preference == want.pressure_preference);
    BOOST_TEST(d.sensitive_areas == want.sensitive_areas);
    BOOST_TEST(d.consent_date == want.consent_date);
    BOOST_TEST((d == want)); // and nothing was forgotten in the list above
    BOOST_TEST(loaded.takes(MedicationClass::muscle_relaxant));
    BOOST_TEST(!loaded.takes(MedicationClass::anticoagulant));
}

BOOST_FIXTURE_TEST_CASE(absent_optional_fields_stay_absent, PracticeFixture) {
    const Client c = store_client(db(), minimal_client("Li", "Wei"));
    const Client loaded = db::ClientRepository(db()).get(c.id());
    BOOST_TEST(loaded.details().date_of_birth == std::nullopt);
    BOOST_TEST(loaded.details().consent_date == std::nullopt);
    BOOST_TEST(loaded.details().conditions.empty());
    BOOST_TEST(loaded.details().medications.empty());
    BOOST_TEST((loaded.details() == minimal_client("Li", "Wei")));
}

BOOST_FIXTURE_TEST_CASE(every_enum_value_survives_the_round_trip, PracticeFixture) {
    ClientDetails d = minimal_client("Every", "Code");
    for (const auto& e : enum_entries<HealthCondition>()) d.conditions.insert(e.value);
    for (const auto& e : enum_entries<MedicationClass>())
        d.medications.push_back({e.value, "a " + std::string(e.code)});
    for (const auto& activity : enum_entries<ActivityLevel>()) {
        for (const auto& pressure : enum_entries<PressurePreference>()) {
            BOOST_TEST_CONTEXT(activity.code << " / " << pressure.code) {
                d.activity = activity.value;
                d.pressure_preference = pressure.value;
                const Client c = store_client(db(), d);
                BOOST_TEST((db::ClientRepository(db()).get(c.id()).details() == c.details()));
            }
        }
    }
}

// The text up to its first tab or line break: what a one-line field can hold of it.
std::string one_line_part(const std::string& text) { return text.substr(0, text.find_first_of("\t\r\n")); }

BOOST_FIXTURE_TEST_CASE(hostile_text_survives_byte_for_byte, PracticeFixture) {
    struct Case {
        const char* what;
        std::string text;
    };
    const Case cases[] = {
        {"quotes", "O'Brien \"the Bull\" `tick` ''double''"},
        {"SQL injection", "'; DROP TABLE clients; --"},
        {"SQL injection in parentheses", "Robert'); DELETE FROM clients WHERE ('1'='1"},
        {"placeholders", ":id :name ? ?1 @x $y"},
        {"LIKE wildcards and backslash", "100% _under_ back\\slash"},
        {"emoji", "😀 Zoë 👩🏽‍⚕️ 🇳🇬"},
        {"Arabic, right to left", "محمد عبد الله"},
        {"Hebrew with a right-to-left mark", "\u200Fדוד כהן\u200F"},
        {"CJK", "王秀英 山田太郎 김민준"},
        {"combining accents (not normalised)", "Ame\u0301lie Zo\u0308e"},
        {"tabs and newlines inside", "first\tsecond\nthird\r\nfourth"},
    };
    std::vector<std::pair<ClientId, const Case*>> stored;
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.what) {
            // One-line fields (names, occupation, medication) refuse tabs and line breaks; the
            // notes keep them (domain/common/text.h).
            const std::string line = one_line_part(c.text);
            ClientDetails d = minimal_client(line, line);
            d.preferred_name = line;
            d.occupation = line;
            d.health_notes = c.text;
            d.allergies = c.text;
            d.sensitive_areas = c.text;
            d.medications = {{MedicationClass::other, line}};
            // The name fields are trimmed on entry; store what the client keeps.
            const Client client = store_client(db(), d);
            stored.emplace_back(client.id(), &c);
        }
    }
    reopen();
    db::ClientRepository clients(db());
    BOOST_TEST(clients.count() == static_cast<std::int64_t>(std::size(cases))); // no table was dropped
    for (const auto& [id, c] : stored) {
        BOOST_TEST_CONTEXT(c->what) {
            const ClientDetails d = clients.get(id).details();
            const std::string line = one_line_part(c->text);
            const std::string trimmed = text::trim(line);
            BOOST_TEST(d.family_name == trimmed);
            BOOST_TEST(d.preferred_name == trimmed);
            BOOST_TEST(d.occupation == line);
            BOOST_TEST(d.health_notes == c->text);
            BOOST_TEST(d.allergies == c->text);
            BOOST_TEST(d.sensitive_areas == c->text);
            BOOST_TEST_REQUIRE(d.medications.size() == 1u);
            BOOST_TEST(d.medications.front().name == line);
        }
    }
}

BOOST_FIXTURE_TEST_CASE(a_fifty_thousand_character_health_note_survives, PracticeFixture) {
    ClientDetails d = minimal_client("Long", "History");
    d.health_notes = long_health_note();
    BOOST_TEST(text::code_points(d.health_notes) == 50'000u);
    const Client c = store_client(db(), d);
    reopen();
    const std::string loaded = db::ClientRepository(db()).get(c.id()).details().health_notes;
    BOOST_TEST(loaded.size() == d.health_notes.size());
    BOOST_TEST((loaded == d.health_notes)); // not printed: it is 50,000 characters long
}

BOOST_FIXTURE_TEST_CASE(an_update_saves_the_changes_and_bumps_the_version, PracticeFixture) {
    const Client stored = store_client(db(), full_client());
    Client c = db::ClientRepository(db()).get(stored.id());
    ClientDetails d = c.details();
    d.phone = "0113 496 0000";
    d.conditions = {HealthCondition::osteoporosis};
    d.medications = {{MedicationClass::anticoagulant, "Warfarin 5 mg"}};
    d.date_of_birth.reset();
    d.consent_date = Date(2026, 2, 28);
    c.revise(d, test_today);
    in_transaction(db(), [&] { db::ClientRepository(db()).update(c); });
    BOOST_TEST(c.version() == 2);

    const Client loaded = db::ClientRepository(db()).get(c.id());
    BOOST_TEST(loaded.version() == 2);
    BOOST_TEST((loaded.details() == d));
    BOOST_TEST(loaded.details().conditions.size() == 1u); // replaced, not added to
    BOOST_TEST(loaded.details().date_of_birth == std::nullopt);
    BOOST_TEST(row_count(db(), "client_medications") == 1);

    // A second update moves on from the new version.
    d.occupation = "Retired";
    c.revise(d, test_today);
    in_transaction(db(), [&] { db::ClientRepository(db()).update(c); });
    BOOST_TEST(db::ClientRepository(db()).get(c.id()).version() == 3);
}

BOOST_FIXTURE_TEST_CASE(a_stale_copy_is_a_conflict_and_writes_nothing, PracticeFixture) {
    const Client stored = store_client(db(), full_client());
    Client first = db::ClientRepository(db()).get(stored.id());
    Client second = db::ClientRepository(db()).get(stored.id());

    ClientDetails d1 = first.details();
    d1.phone = "0113 496 0001";
    first.revise(d1, test_today);
    in_transaction(db(), [&] { db::ClientRepository(db()).update(first); });

    ClientDetails d2 = second.details();
    d2.allergies = "none";
    d2.conditions.clear();
    d2.medications.clear();
    second.revise(d2, test_today);
    BOOST_CHECK_EXCEPTION(in_transaction(db(), [&] { db::ClientRepository(db()).update(second); }), ConflictError,
                          [](const ConflictError& e) { return contains(e.what(), "changed elsewhere"); });
    BOOST_TEST(second.version() == 1);
    BOOST_TEST(!db().in_transaction());

    const Client loaded = db::ClientRepository(db()).get(stored.id());
    BOOST_TEST(loaded.version() == 2);
    BOOST_TEST((loaded.details() == d1));
    BOOST_TEST(audit_rows(db(), stored.id(), "update") == 1);

    // Archiving and restoring from a stale copy are conflicts too.
    BOOST_CHECK_THROW(in_transaction(db(), [&] { db::ClientRepository(db()).archive(second, test_today); }),
                      ConflictError);
    BOOST_TEST(!db::ClientRepository(db()).get(stored.id()).is_archived());
}

BOOST_FIXTURE_TEST_CASE(an_unknown_id_is_not_found, PracticeFixture) {
    db::ClientRepository clients(db());
    BOOST_TEST(!clients.find(4242).has_value());
    BOOST_CHECK_THROW(clients.get(4242), NotFoundError);
}

BOOST_FIXTURE_TEST_CASE(archiving_hides_from_search_and_restoring_brings_back, PracticeFixture) {
    const Client keep = store_client(db(), minimal_client("Adeyemi", "Tola"));
    Client gone = store_client(db(), minimal_client("Adams", "Rhea"));
    in_transaction(db(), [&] { db::ClientRepository(db()).archive(gone, Date(2026, 2, 27)); });
    BOOST_TEST(gone.version() == 2);

    db::ClientRepository clients(db());
    const auto active = clients.search({.text = "ad"});
    BOOST_TEST(family_names(active) == std::vector<std::string>{"Adeyemi"});
    const auto all = clients.search({.text = "ad", .include_archived = true});
    BOOST_TEST(family_names(all) == (std::vector<std::string>{"Adams", "Adeyemi"}));
    BOOST_TEST(all.front().archived);
    BOOST_TEST(!all.back().archived);
    BOOST_TEST(clients.count() == 1);
    BOOST_TEST(clients.count(true) == 2);
    const Client loaded = clients.get(gone.id());
    BOOST_TEST(loaded.is_archived());
    BOOST_TEST(loaded.archived_on() == std::optional<Date>(Date(2026, 2, 27)));

    in_transaction(db(), [&] { db::ClientRepository(db()).restore(gone); });
    BOOST_TEST(!clients.get(gone.id()).is_archived());
    BOOST_TEST(clients.get(gone.id()).version() == 3);
    BOOST_TEST(family_names(clients.search({.text = "ad"})) == (std::vector<std::string>{"Adams", "Adeyemi"}));
    BOOST_TEST(!clients.get(keep.id()).is_archived());
    BOOST_TEST(clients.get(keep.id()).version() == 1);
}

BOOST_FIXTURE_TEST_CASE(the_database_refuses_to_delete_a_client, PracticeFixture) {
    const Client c = store_client(db(), full_client());
    const ClientId id = c.id();
    for (const std::string statement : {"DELETE FROM clients WHERE id = :id", "DELETE FROM clients"}) {
        BOOST_TEST_CONTEXT(statement) {
            const std::string refusal = statement.find(":id") != std::string::npos ? refusal_of(db(), statement, id)
                                                                                    : refusal_of(db(), statement);
            BOOST_TEST(contains(refusal, "clients are archived, never deleted"));
        }
    }
    BOOST_TEST(db::ClientRepository(db()).count() == 1);
    BOOST_TEST((db::ClientRepository(db()).get(id).details() == full_client()));
}

BOOST_FIXTURE_TEST_CASE(search_finds_clients_as_a_therapist_types, PracticeFixture) {
    struct Person {
        const char* family;
        const char* given;
        const char* preferred;
        const char* phone;
        std::optional<Date> born;
    };
    const Person people[] = {
        {"Okafor", "Ngozi", "", "+44 20 7946-0958", Date(1984, 7, 12)},
        {"Okonkwo", "Chinedu", "", "555-0101", std::nullopt},
        {"Smith", "Anna", "Annie", "(555) 0199", Date(1990, 1, 5)},
        {"Smithers", "Wayland", "", "", std::nullopt},
        {"Blacksmith", "Tom", "", "", std::nullopt},
        {"Under_score", "Ann", "", "", std::nullopt},
        {"UnderXscore", "Bob", "", "", std::nullopt},
        {"Pct%Name", "Cy", "", "", std::nullopt},
        {"PctXName", "Di", "", "", std::nullopt},
        {"Back\\slash", "Ed", "", "", std::nullopt},
        {"Müller", "Jürgen", "", "", std::nullopt},
        {"王", "秀英", "", "", std::nullopt},
    };
    for (const auto& p : people) {
        ClientDetails d = minimal_client(p.family, p.given);
        d.preferred_name = p.preferred;
        d.phone = p.phone;
        d.date_of_birth = p.born;
        store_client(db(), d);
    }

    using Names = std::vector<std::string>;
    struct Case {
        std::string query;
        Names expected;
    };
    const Case cases[] = {
        {"oka", {"Okafor"}},                               // prefix
        {"konk", {"Okonkwo"}},                             // infix
        {"smith", {"Blacksmith", "Smith", "Smithers"}},    // infix, ordered by family name
        {"SMITH", {"Blacksmith", "Smith", "Smithers"}},    // any case
        {"ann smith", {"Smith"}},                          // several words, all required
        {"smith, ann", {"Smith"}},                         // "Family, Given" as the list shows it
        {"annie", {"Smith"}},                              // preferred name
        {"ngozi okafor", {"Okafor"}},
        {"7946-0958", {"Okafor"}},                         // phone as written
        {"79460958", {"Okafor"}},                          // phone digits
        {"555-0101", {"Okonkwo"}},
        {"5550199", {"Smith"}},
        {"1984-07-12", {"Okafor"}},                        // date of birth
        {"1990", {"Smith"}},
        {"under_", {"Under_score"}},                       // _ is literal, not "any character"
        {"_", {"Under_score"}},
        {"pct%", {"Pct%Name"}},                            // % is literal, not "anything"
        {"%", {"Pct%Name"}},
        {"%%", {}},
        {"\\", {"Back\\slash"}},                           // the escape character itself
        {"Mül", {"Müller"}},
        {"jürgen", {"Müller"}},
        {"秀", {"王"}},
        {"nobody", {}},
        {"okafor nobody", {}},
        {"'; DROP TABLE clients; --", {}},
    };
    db::ClientRepository clients(db());
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT("query \"" << c.query << "\"") {
            BOOST_TEST(family_names(clients.search({.text = c.query})) == c.expected);
        }
    }
    BOOST_TEST(clients.count() == static_cast<std::int64_t>(std::size(people)));
}

BOOST_FIXTURE_TEST_CASE(search_summaries_carry_what_the_list_shows, PracticeFixture) {
    const Client c = store_client(db(), full_client());
    const auto rows = db::ClientRepository(db()).search({.text = "okafor"});
    BOOST_TEST_REQUIRE(rows.size() == 1u);
    BOOST_TEST(rows[0].id == c.id());
    BOOST_TEST(rows[0].family_name == "Okafor");
    BOOST_TEST(rows[0].given_name == "Ngozi");
    BOOST_TEST(rows[0].preferred_name == "Zizi");
    BOOST_TEST(rows[0].phone == "+44 20 7946-0958");
    BOOST_TEST(rows[0].date_of_birth == full_client().date_of_birth);
    BOOST_TEST(!rows[0].archived);
}

BOOST_FIXTURE_TEST_CASE(search_orders_by_family_then_given_name_and_pages, PracticeFixture) {
    const std::pair<const char*, const char*> people[] = {
        {"Zed", "Amy"}, {"de Vries", "Bram"}, {"Dawson", "Cal"}, {"smith", "Zoe"},
        {"Smith", "Aaron"}, {"Ibrahim", "Dana"}, {"Evans", "Eli"},
    };
    for (const auto& [family, given] : people) store_client(db(), minimal_client(family, given));
    db::ClientRepository clients(db());

    using Names = std::vector<std::string>;
    auto full_names = [](const std::vector<db::ClientSummary>& rows) {
        Names out;
        for (const auto& r : rows) out.push_back(r.family_name + ", " + r.given_name);
        return out;
    };
    const Names sorted = {"Dawson, Cal", "de Vries, Bram", "Evans, Eli", "Ibrahim, Dana",
                          "Smith, Aaron", "smith, Zoe", "Zed, Amy"};
    BOOST_TEST(full_names(clients.search({})) == sorted);

    struct Page {
        int limit;
        int offset;
        Names expected;
    };
    const Page pages[] = {
        {3, 0, {"Dawson, Cal", "de Vries, Bram", "Evans, Eli"}},
        {3, 3, {"Ibrahim, Dana", "Smith, Aaron", "smith, Zoe"}},
        {3, 6, {"Zed, Amy"}},
        {3, 7, {}},
        {1, 4, {"Smith, Aaron"}},
    };
    for (const auto& p : pages) {
        BOOST_TEST_CONTEXT("limit " << p.limit << " offset " << p.offset) {
            BOOST_TEST(full_names(clients.search({.text = "", .limit = p.limit, .offset = p.offset})) == p.expected);
        }
    }
    BOOST_TEST(full_names(clients.search({.text = "smith", .include_archived = false, .limit = 1, .offset = 1})) == Names{"smith, Zoe"});
}

BOOST_AUTO_TEST_CASE(the_search_key_holds_names_phone_digits_and_birth_date_in_lower_case) {
    ClientDetails d = minimal_client("Okafor", "Ngozi");
    d.preferred_name = "Zizi";
    d.phone = "+44 (20) 7946-0958";
    d.date_of_birth = Date(1984, 7, 12);
    BOOST_TEST(db::client_search_key(d) == "okafor ngozi zizi 442079460958 1984-07-12");
    BOOST_TEST(db::client_search_key(minimal_client("Li", "Wei")) == "li wei");
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
