// Pins the open data formats of app/core: the iCalendar schedule (escaping, folding at 75 octets
// without splitting a UTF-8 character, CRLF, a structure a strict reader accepts, stable UIDs,
// SEQUENCE, cancelled events, the privacy of SUMMARY), the client and appointment CSV (the clients'
// file imports back into an empty practice as the same clients), and the JSON client record
// (export, import into a fresh practice and export again give the same document but for ids; a
// bad document is refused by its place and problem, and nothing is written).
#include "core/calendar_export.h"
#include "core/client_import.h"
#include "core/csv.h"
#include "core/csv_export.h"
#include "core/record_transfer.h"

#include "assessment/assessment.h"
#include "common/error.h"
#include "common/text.h"
#include "database.h"
#include "plan/treatment_plan.h"
#include "repositories/assessment_repository.h"
#include "repositories/client_repository.h"
#include "repositories/plan_repository.h"
#include "repositories/session_repository.h"

#include "hostile_strings.h"

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>
#include <soci/soci.h>

#include <map>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace knotwork;
using Json = nlohmann::ordered_json;

namespace {

const Date today(2026, 3, 1);

DateTime at(int y, int m, int d, int h, int min) {
    return DateTime(Date(y, m, d), boost::posix_time::hours(h) + boost::posix_time::minutes(min));
}

struct Practice {
    std::unique_ptr<db::Database> db = db::Database::open(":memory:", {.create_if_missing = true, .actor = "tester"});
    std::int64_t count(const std::string& sql) {
        long long n = 0;
        db->sql() << sql, soci::into(n);
        return n;
    }
};

ClientDetails client_details(const std::string& family, const std::string& given) {
    ClientDetails d;
    d.family_name = family;
    d.given_name = given;
    return d;
}

// A client with a full record: an assessment with every outcome measure, a plan based on it, a
// series of sessions (one signed with an amendment, one cancelled, one scheduled).
ClientId full_record(db::Database& db) {
    db::Transaction tx(db);
    ClientDetails d = client_details("Okafor", "Ngozi");
    d.preferred_name = "Ngo";
    d.date_of_birth = Date(1984, 7, 12);
    d.address = "12 Mill Lane,\nLeeds; \"north\"";
    d.conditions = {HealthCondition::sciatica, HealthCondition::diabetes};
    d.medications = {{MedicationClass::anticoagulant, "Warfarin 5 mg"}, {MedicationClass::other, ""}};
    d.pressure_preference = PressurePreference::firm;
    d.consent_date = Date(2026, 1, 10);
    d.intake_red_flags.positive = {RedFlag::night_pain};
    d.intake_red_flags.referred_to = "Dr Lee";
    d.red_flags_screened_on = Date(2026, 1, 10);
    Client client(d, today);
    const ClientId id = db::ClientRepository(db).add(client);

    AssessmentDetails a;
    a.assessed_on = Date(2026, 1, 12);
    a.therapist = "Maya Okonkwo";
    a.chief_complaint = "Low back pain, \u00e9pic";
    a.onset_date = Date(2025, 12, 1);
    a.duration_weeks = 6;
    a.pain_now = PainScore(6);
    a.pain_best = PainScore(3);
    a.pain_worst = PainScore(8);
    a.pain_map = {{BodyRegion::lumbar_spine, Side::bilateral, PainScore(6), PainQuality::aching},
                  {BodyRegion::piriformis, Side::left, PainScore(5), PainQuality::radiating}};
    a.palpation = {{BodyRegion::quadratus_lumborum, Side::left, 2, 3, 2, true, "ropy"}};
    OdiResponses odi;
    odi.set(OdiSection::pain_intensity, 3);
    odi.set(OdiSection::lifting, 4);
    a.odi = odi;
    RmdqResponses rmdq;
    rmdq.set_item(1, true);
    rmdq.set_item(24, true);
    a.rmdq = rmdq;
    a.psfs = PsfsResponses({{"Gardening", 3}, {"Lifting my daughter", 2}, {"Running", 0}});
    a.red_flags.positive = {RedFlag::night_pain};
    a.red_flags.notes = "wakes at 3am";
    Assessment assessment(id, a, today);
    const AssessmentId assessment_id = db::AssessmentRepository(db).add(assessment);

    PlanDetails p;
    p.created_on = Date(2026, 1, 12);
    p.based_on_assessment = assessment_id;
    p.goals = {{"Garden for an hour", GoalMeasure::activity, std::nullopt, std::nullopt},
               {"Less pain", GoalMeasure::pain, 6.0, 2.0}};
    p.techniques = {{"myofascial_release", "adhesions in QL"}};
    p.regions = {{BodyRegion::quadratus_lumborum, Side::left}};
    p.series.session_count = 3;
    p.series.start_date = Date(2026, 1, 15);
    p.series.therapist = "Maya Okonkwo";
    p.reassess_after_sessions = 3;
    p.home_care = {{HomeCareKind::stretching, "Knee to chest, twice a day"}};
    TreatmentPlan plan(id, p);
    plan.activate();
    const PlanId plan_id = db::PlanRepository(db).add(plan);

    db::SessionRepository sessions(db);
    Session signed_one(id, at(2026, 1, 15, 9, 0), at(2026, 1, 15, 10, 0), "Maya Okonkwo");
    signed_one.set_series(SeriesPosition{plan_id, 1, 3});
    SoapNote n;
    n.subjective = "Better; slept well, \"mostly\"";
    n.objective = "QL ropy";
    n.pain_before = PainScore(6);
    n.pain_after = PainScore(3);
    n.techniques = {{"myofascial_release", BodyRegion::quadratus_lumborum, Side::left, Pressure(6), 20}};
    signed_one.write_note(n);
    signed_one.mark_completed();
    signed_one.sign("Maya Okonkwo", at(2026, 1, 15, 10, 5));
    signed_one.amend("Maya Okonkwo", at(2026, 1, 16, 8, 0), "typo", "Pain after was 3, not 4.");
    sessions.add(signed_one);
    Session cancelled(id, at(2026, 1, 22, 9, 0), at(2026, 1, 22, 10, 0), "Maya Okonkwo");
    cancelled.set_series(SeriesPosition{plan_id, 2, 3});
    cancelled.cancel("client ill");
    sessions.add(cancelled);
    Session later(id, at(2026, 3, 5, 9, 0), at(2026, 3, 5, 10, 0), "Sam Reyes");
    later.set_series(SeriesPosition{plan_id, 3, 3});
    sessions.add(later);
    tx.commit();
    return id;
}

// ---- a strict iCalendar reader for the checks ----------------------------------------------

struct ICalendar {
    std::vector<std::string> lines; // unfolded content lines
};

// Refuses (BOOST_TEST failure) anything RFC 5545 forbids that the export could get wrong.
ICalendar read_strictly(const std::string& text) {
    ICalendar cal;
    BOOST_TEST_REQUIRE(text.size() >= 2);
    BOOST_TEST(text.substr(text.size() - 2) == "\r\n");
    std::size_t from = 0;
    while (from < text.size()) {
        const std::size_t end = text.find("\r\n", from);
        BOOST_TEST_REQUIRE(end != std::string::npos);
        const std::string physical = text.substr(from, end - from);
        BOOST_TEST(physical.find('\n') == std::string::npos, "a bare LF inside: " << physical);
        BOOST_TEST(physical.find('\r') == std::string::npos);
        BOOST_TEST(physical.size() <= 75u, "longer than 75 octets: " << physical);
        BOOST_TEST(text::is_valid_utf8(physical), "a UTF-8 sequence split by folding: " << physical);
        if (!physical.empty() && physical.front() == ' ') {
            BOOST_TEST_REQUIRE(!cal.lines.empty());
            cal.lines.back() += physical.substr(1);
        } else {
            cal.lines.push_back(physical);
        }
        from = end + 2;
    }
    std::vector<std::string> open;
    const std::regex name_re("^[A-Z][A-Z0-9-]*[;:].*");
    for (const auto& l : cal.lines) {
        BOOST_TEST(std::regex_match(l, name_re), "not a content line: " << l);
        if (l.starts_with("BEGIN:")) open.push_back(l.substr(6));
        if (l.starts_with("END:")) {
            BOOST_TEST_REQUIRE(!open.empty());
            BOOST_TEST(open.back() == l.substr(4));
            open.pop_back();
        }
    }
    BOOST_TEST(open.empty());
    BOOST_TEST(cal.lines.front() == "BEGIN:VCALENDAR");
    BOOST_TEST(cal.lines.back() == "END:VCALENDAR");
    return cal;
}

// The events' properties, name → value, in order.
std::vector<std::map<std::string, std::string>> events_of(const ICalendar& cal) {
    std::vector<std::map<std::string, std::string>> out;
    bool inside = false;
    for (const auto& l : cal.lines) {
        if (l == "BEGIN:VEVENT") {
            inside = true;
            out.emplace_back();
        } else if (l == "END:VEVENT") {
            inside = false;
        } else if (inside) {
            const auto colon = l.find(':');
            BOOST_TEST(!out.back().contains(l.substr(0, colon)), "property twice: " << l);
            out.back()[l.substr(0, colon)] = l.substr(colon + 1);
        }
    }
    return out;
}

// Undoes ical_text.
std::string unescape(const std::string& v) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (v[i] == '\\' && i + 1 < v.size()) {
            ++i;
            out += v[i] == 'n' || v[i] == 'N' ? '\n' : v[i];
        } else {
            BOOST_TEST((v[i] != ';' && v[i] != ','), "unescaped separator in " << v);
            out += v[i];
        }
    }
    return out;
}

// A document with every id (and the export time) blanked: what must survive a round trip.
Json without_ids(Json j) {
    if (j.is_object()) {
        for (auto& [key, value] : j.items()) {
            if (key == "id" || key == "exported_at" || key == "based_on_assessment" || key == "plan")
                value = value.is_null() ? Json(nullptr) : Json("ID");
            else
                value = without_ids(value);
        }
    } else if (j.is_array()) {
        for (auto& v : j) v = without_ids(v);
    }
    return j;
}

} // namespace

BOOST_AUTO_TEST_SUITE(icalendar)

BOOST_AUTO_TEST_CASE(text_is_escaped) {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"plain", "plain"},
        {"a,b", "a\\,b"},
        {"a;b", "a\\;b"},
        {"back\\slash", "back\\\\slash"},
        {"line\nbreak", "line\\nbreak"},
        {"crlf\r\nbreak", "crlf\\nbreak"},
        {"cr\ronly", "cr\\nonly"},
        {"\\,;\n", "\\\\\\,\\;\\n"},
        {"O'Brien \"Doc\"", "O'Brien \"Doc\""},
    };
    for (const auto& [in, expected] : cases)
        BOOST_TEST_CONTEXT(in) {
            BOOST_TEST(app::ical_text(in) == expected);
            BOOST_TEST(unescape(app::ical_text(in)) == (in == "crlf\r\nbreak" ? "crlf\nbreak" : in == "cr\ronly" ? "cr\nonly" : in));
        }
}

BOOST_AUTO_TEST_CASE(long_lines_fold_at_75_octets_without_splitting_a_character) {
    const std::vector<std::string> lines{
        "SUMMARY:" + std::string(200, 'x'),
        "SUMMARY:" + std::string(67, 'x'),                    // exactly 75
        "SUMMARY:" + std::string(68, 'x'),                    // 76: one fold
        "SUMMARY:" + std::string(66, 'x') + "\xC3\xA9\xC3\xA9", // a 2-octet character across octet 75
        [] {
            std::string s = "SUMMARY:";
            for (int i = 0; i < 60; ++i) s += "\xF0\x9F\x98\x80"; // 4-octet emoji
            return s;
        }(),
        [] {
            std::string s = "SUMMARY:";
            for (int i = 0; i < 50; ++i) s += "\xE6\x99\x93"; // 3-octet CJK
            return s;
        }(),
    };
    for (const auto& line : lines)
        BOOST_TEST_CONTEXT(line.size() << " octets") {
            const std::string folded = app::ical_fold(line);
            const ICalendar cal = [&] {
                // read_strictly wants a whole calendar: wrap the line
                return read_strictly("BEGIN:VCALENDAR\r\n" + folded + "END:VCALENDAR\r\n");
            }();
            BOOST_TEST_REQUIRE(cal.lines.size() == 3u);
            BOOST_TEST(cal.lines[1] == line); // unfolding gives the line back
            BOOST_TEST((folded.find("\r\n ") != std::string::npos) == (line.size() > 75));
        }
    BOOST_TEST(app::ical_fold("SUMMARY:" + std::string(68, 'x')) ==
               "SUMMARY:" + std::string(67, 'x') + "\r\n x\r\n");
}

BOOST_AUTO_TEST_CASE(initials_take_the_first_character_of_each_word) {
    BOOST_TEST(app::initials_of("Ngozi Okafor") == "N. O.");
    BOOST_TEST(app::initials_of("Jean-Luc  Picard") == "J. L. P.");
    BOOST_TEST(app::initials_of("\xE6\x99\x93\xE6\xA2\x85 \xE9\x99\x88") == "\xE6\x99\x93. \xE9\x99\x88.");
    BOOST_TEST(app::initials_of("") == "");
}

BOOST_AUTO_TEST_CASE(the_schedule_exports_as_a_valid_calendar) {
    Practice p;
    full_record(*p.db);
    app::CalendarOptions options;
    options.stamp = at(2026, 3, 1, 12, 0);
    const auto events = app::calendar_events(*p.db, options);
    BOOST_TEST_REQUIRE(events.size() == 3u);
    const ICalendar cal = read_strictly(app::calendar_text(events, options));
    for (const char* required : {"PRODID:-//Knotwork//Knotwork practice schedule//EN", "VERSION:2.0",
                                 "CALSCALE:GREGORIAN", "METHOD:PUBLISH"})
        BOOST_TEST_CONTEXT(required) {
            BOOST_TEST((std::find(cal.lines.begin(), cal.lines.end(), required) != cal.lines.end()));
        }
    const auto parsed = events_of(cal);
    BOOST_TEST_REQUIRE(parsed.size() == 3u);
    std::set<std::string> uids;
    const std::regex local_time("^\\d{8}T\\d{6}$");
    for (std::size_t i = 0; i < parsed.size(); ++i) {
        const auto& e = parsed[i];
        BOOST_TEST_CONTEXT("event " << i) {
            BOOST_TEST(e.at("UID") == "session-" + std::to_string(events[i].id) + "@knotwork.practice");
            uids.insert(e.at("UID"));
            BOOST_TEST(e.at("DTSTAMP") == "20260301T120000Z");
            BOOST_TEST(std::regex_match(e.at("DTSTART"), local_time)); // floating: no Z, no TZID
            BOOST_TEST(std::regex_match(e.at("DTEND"), local_time));
            BOOST_TEST(e.at("DTSTART") < e.at("DTEND"));
            BOOST_TEST(e.contains("SEQUENCE"));
            BOOST_TEST(unescape(e.at("SUMMARY")) == "Ngo Okafor");
        }
    }
    BOOST_TEST(uids.size() == 3u);
    BOOST_TEST(parsed[0].at("DTSTART") == "20260115T090000");
    BOOST_TEST(parsed[0].at("DTEND") == "20260115T100000");
    BOOST_TEST(parsed[0].at("STATUS") == "CONFIRMED");
    BOOST_TEST(parsed[1].at("STATUS") == "CANCELLED");
    BOOST_TEST(parsed[2].at("STATUS") == "CONFIRMED");
    for (const auto& l : cal.lines) BOOST_TEST(l.find("QL ropy") == std::string::npos); // nothing clinical
}

BOOST_AUTO_TEST_CASE(range_therapist_privacy_and_sequence) {
    Practice p;
    const ClientId id = full_record(*p.db);
    app::CalendarOptions options;
    options.from = Date(2026, 1, 20);
    options.to = Date(2026, 3, 5);
    BOOST_TEST(app::calendar_events(*p.db, options).size() == 2u); // both ends included
    options.therapist = "Sam Reyes";
    const auto sams = app::calendar_events(*p.db, options);
    BOOST_TEST_REQUIRE(sams.size() == 1u);
    BOOST_TEST(sams[0].therapist == "Sam Reyes");

    options.summary = app::CalendarSummary::initials;
    BOOST_TEST(app::calendar_text(sams, options).find("SUMMARY:N. O.\r\n") != std::string::npos);
    options.summary = app::CalendarSummary::none;
    const std::string anonymous = app::calendar_text(sams, options);
    BOOST_TEST(anonymous.find("SUMMARY:Appointment\r\n") != std::string::npos);
    BOOST_TEST(anonymous.find("Okafor") == std::string::npos);
    options.uid_domain = "clinic.example.org";
    BOOST_TEST(app::calendar_text(sams, options).find("@clinic.example.org\r\n") != std::string::npos);

    // Moving the appointment raises SEQUENCE and keeps the UID.
    const std::string before = "UID:session-" + std::to_string(sams[0].id);
    BOOST_TEST(sams[0].version == 1);
    {
        db::Transaction tx(*p.db);
        db::SessionRepository sessions(*p.db);
        Session s = sessions.get(sams[0].id);
        s.reschedule(at(2026, 3, 5, 11, 0), at(2026, 3, 5, 12, 0));
        sessions.save(s);
        tx.commit();
    }
    const auto moved = app::calendar_events(*p.db, options);
    BOOST_TEST_REQUIRE(moved.size() == 1u);
    const std::string text = app::calendar_text(moved, options);
    BOOST_TEST(text.find(before + "@") != std::string::npos);
    BOOST_TEST(text.find("SEQUENCE:1\r\n") != std::string::npos);
    BOOST_TEST(text.find("DTSTART:20260305T110000\r\n") != std::string::npos);
    (void)id;
}

BOOST_AUTO_TEST_CASE(the_file_export_is_audited_and_never_overwrites) {
    Practice p;
    full_record(*p.db);
    const auto file = std::filesystem::temp_directory_path() / ("knotwork-cal-" + std::to_string(::getpid()) + ".ics");
    std::filesystem::remove(file);
    const auto audits = [&] { return p.count("SELECT count(*) FROM audit_log WHERE action = 'export'"); };
    const auto before = audits();
    BOOST_TEST(app::export_calendar_file(*p.db, file, {}) == 3u);
    BOOST_TEST(audits() == before + 1);
    BOOST_TEST(((std::filesystem::status(file).permissions() & std::filesystem::perms::group_read) ==
                std::filesystem::perms::none));
    BOOST_CHECK_THROW(app::export_calendar_file(*p.db, file, {}), Error);
    BOOST_TEST(audits() == before + 1);
    std::filesystem::remove(file);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(csv_export)

BOOST_AUTO_TEST_CASE(clients_round_trip_through_the_import) {
    Practice from;
    full_record(*from.db);
    {
        db::Transaction tx(*from.db);
        db::ClientRepository clients(*from.db);
        std::vector<ClientDetails> more{client_details("O'Brien \"Doc\"", "Se\xC3\xA1n"),
                                        client_details("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", "\xF0\x9F\x98\x80")};
        more[0].health_notes = " leading space, trailing \n second line ";
        more[0].email = "sean@example.org";
        more[1].activity = ActivityLevel::athlete;
        more[1].allergies = "=cmd|' /C calc'!A0"; // kept as written: the import must read it back
        for (auto& d : more) {
            Client c(d, today);
            clients.add(c);
        }
        tx.commit();
    }
    std::ostringstream csv;
    BOOST_TEST(app::write_clients_csv(*from.db, csv) == 3u);
    BOOST_TEST(csv.str().find("\r\n") != std::string::npos);
    BOOST_TEST(csv.str().find("family_name,given_name,preferred_name,") == 0u);

    Practice to;
    const auto result = app::import_clients(*to.db, csv.str(), {.skip_bad = false, .today = today});
    BOOST_TEST_REQUIRE(result.problems.empty(), (result.problems.empty() ? "" : result.problems.front().message()));
    BOOST_TEST(result.imported.size() == 3u);
    std::ostringstream again;
    app::write_clients_csv(*to.db, again);
    BOOST_TEST(again.str() == csv.str());
    // And field by field, through the domain.
    std::map<std::string, ClientDetails> a, b;
    for (auto [db, out] : {std::pair{from.db.get(), &a}, std::pair{to.db.get(), &b}}) {
        db::ClientRepository clients(*db);
        for (const auto& s : clients.search({.text = "", .include_archived = true}))
            (*out)[s.family_name] = clients.get(s.id).details();
    }
    BOOST_TEST_REQUIRE(a.size() == 3u);
    for (const auto& [family, details] : a) BOOST_TEST_CONTEXT(family) { BOOST_TEST((b.at(family) == details)); }
}

BOOST_AUTO_TEST_CASE(appointments_have_their_documented_columns) {
    Practice p;
    full_record(*p.db);
    std::ostringstream out;
    BOOST_TEST(app::write_appointments_csv(*p.db, out, Date(2026, 1, 15), Date(2026, 1, 22)) == 2u);
    const auto records = app::read_csv(out.str());
    BOOST_TEST_REQUIRE(records.size() == 3u);
    BOOST_TEST(records[0].fields.size() == app::appointment_columns().size());
    for (std::size_t i = 0; i < app::appointment_columns().size(); ++i)
        BOOST_TEST(records[0].fields[i] == app::appointment_columns()[i].name);
    const std::vector<std::string> first(records[1].fields.begin() + 1, records[1].fields.end());
    const std::vector<std::string> expected{"2026-01-15", "09:00", "10:00", "60", records[1].fields[5], "Ngo Okafor",
                                            "Maya Okonkwo", "completed", records[1].fields[9], "1", "3", "yes"};
    BOOST_TEST(first == expected, boost::test_tools::per_element());
    BOOST_TEST(records[2].fields[8] == "cancelled");
    BOOST_TEST(records[2].fields[12] == "no");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(client_record_json)

BOOST_AUTO_TEST_CASE(export_import_export_gives_the_same_record_but_for_ids) {
    Practice from;
    const ClientId id = full_record(*from.db);
    const std::string first = app::export_client_record(*from.db, id, at(2026, 3, 1, 12, 0));
    const Json doc = Json::parse(first);
    BOOST_TEST(doc["format"] == "knotwork-record");
    BOOST_TEST(doc["version"] == 1);
    BOOST_TEST(doc["sessions"].size() == 3u);

    Practice to;
    { // an unrelated client first, so that the new ids differ from the old ones
        db::Transaction tx(*to.db);
        Client other(client_details("Other", "Client"), today);
        db::ClientRepository(*to.db).add(other);
        tx.commit();
    }
    const app::RecordImportResult r = app::import_client_record(*to.db, first, today);
    BOOST_TEST(r.client != id);
    BOOST_TEST(r.assessments == 1u);
    BOOST_TEST(r.plans == 1u);
    BOOST_TEST(r.sessions == 3u);
    BOOST_TEST(r.signed_notes == 1u);
    BOOST_TEST(r.amendments == 1u);
    const std::string second = app::export_client_record(*to.db, r.client, at(2026, 3, 2, 12, 0));
    BOOST_TEST(without_ids(Json::parse(second)).dump(1) == without_ids(doc).dump(1));

    // The signed note is signed in the new practice, by its signer at its time, and locked.
    db::SessionRepository sessions(*to.db);
    const auto imported = sessions.for_client(r.client);
    const auto signed_one = std::find_if(imported.begin(), imported.end(), [](const Session& s) { return s.is_signed(); });
    BOOST_TEST_REQUIRE((signed_one != imported.end()));
    BOOST_TEST(signed_one->signature()->signed_by == "Maya Okonkwo");
    BOOST_TEST((signed_one->signature()->signed_at == at(2026, 1, 15, 10, 5)));
    BOOST_TEST(signed_one->amendments().size() == 1u);
    // References point at the new records.
    const auto plans = db::PlanRepository(*to.db).for_client(r.client);
    const auto assessments = db::AssessmentRepository(*to.db).for_client(r.client);
    BOOST_TEST_REQUIRE(plans.size() == 1u);
    BOOST_TEST(*plans[0].details().based_on_assessment == assessments.at(0).id());
    BOOST_TEST(signed_one->series()->plan == plans[0].id());
}

BOOST_AUTO_TEST_CASE(a_bad_document_is_refused_by_its_place_and_nothing_is_written) {
    Practice from;
    const ClientId id = full_record(*from.db);
    const Json good = Json::parse(app::export_client_record(*from.db, id));
    struct Case {
        std::string what;
        std::function<void(Json&)> spoil;
        std::string message; // the start of what the error says
    };
    const std::vector<Case> cases{
        {"not JSON", nullptr, "document: is not valid JSON"},
        {"other format", [](Json& j) { j["format"] = "vcard"; }, "format: must be \"knotwork-record\""},
        {"newer version", [](Json& j) { j["version"] = 2; }, "version: is 2"},
        {"missing name", [](Json& j) { j["client"].erase("family_name"); }, "client.family_name: is missing"},
        {"empty name", [](Json& j) { j["client"]["family_name"] = " "; }, "client: family name:"},
        {"unknown field", [](Json& j) { j["client"]["nickname"] = "x"; }, "client.nickname: is not a field"},
        {"bad code", [](Json& j) { j["client"]["conditions"][0] = "gout"; }, "client.conditions[0]: \"gout\" is not a known health condition"},
        {"bad date", [](Json& j) { j["assessments"][0]["assessed_on"] = "2026-02-30"; }, "assessments[0].assessed_on:"},
        {"pain out of range", [](Json& j) { j["sessions"][0]["note"]["pain_before"] = 12; },
         "sessions[0].note.pain_before: must be between 0 and 10 (got 12)"},
        {"text for a number", [](Json& j) { j["sessions"][0]["note"]["pain_after"] = "3"; },
         "sessions[0].note.pain_after: must be a whole number"},
        {"ODI section", [](Json& j) { j["assessments"][0]["odi"]["sections"]["lifting"] = 6; },
         "assessments[0].odi.sections.lifting: must be between 0 and 5"},
        {"dangling plan", [](Json& j) { j["sessions"][1]["series"]["plan"] = 999; },
         "sessions[1].series.plan: names plan 999"},
        {"dangling assessment", [](Json& j) { j["plans"][0]["based_on_assessment"] = 999; },
         "plans[0].based_on_assessment: names assessment 999"},
        {"signature before start", [](Json& j) { j["sessions"][0]["signature"]["signed_at"] = "2026-01-14T09:00:00"; },
         "sessions[0]: signed at: is before the session started"},
        {"amendment of an unsigned note", [](Json& j) { j["sessions"][0]["signature"] = nullptr; },
         "sessions[0].amendments: only a signed note takes amendments"},
        {"duplicate session id", [](Json& j) { j["sessions"][2]["id"] = j["sessions"][0]["id"]; },
         "sessions[2].id: repeats id"},
        {"hostile control character", [](Json& j) { j["sessions"][2]["note"]["subjective"] = std::string("a\x07z"); },
         "sessions[2]: subjective:"},
    };
    Practice to;
    const auto rows = [&] {
        return to.count("SELECT (SELECT count(*) FROM clients) + (SELECT count(*) FROM sessions) + "
                        "(SELECT count(*) FROM assessments) + (SELECT count(*) FROM treatment_plans)");
    };
    for (const auto& c : cases)
        BOOST_TEST_CONTEXT(c.what) {
            Json j = good;
            std::string text = "{\"format\": \"knotwork-record\", \"version\": 1,";
            if (c.spoil) {
                c.spoil(j);
                text = j.dump();
            }
            try {
                app::import_client_record(*to.db, text, today);
                BOOST_TEST(false, "accepted");
            } catch (const ValidationError& e) {
                BOOST_TEST(std::string(e.what()).starts_with(c.message), e.what());
            }
            BOOST_TEST(rows() == 0);
        }
    BOOST_TEST(app::import_client_record(*to.db, good.dump(), today).client > 0); // the good one imports
}

BOOST_AUTO_TEST_SUITE_END()
