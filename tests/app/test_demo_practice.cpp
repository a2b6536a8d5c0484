// Pins app/core/demo_practice: the demo practice is deterministic (the same seed gives the same
// records), refuses a practice that already has clients, shows every clinical path a therapist
// would look for in a demo, and never breaks the practice's own rules: opening hours, closed
// days, one client at a time per therapist, signed notes only on completed sessions, no deep
// pressure or heat where the client's cautions forbid it.
#include "core/demo_practice.h"

#include "common/error.h"
#include "database.h"
#include "outcomes/outcome_measures.h"
#include "repositories/assessment_repository.h"
#include "repositories/client_repository.h"
#include "repositories/plan_repository.h"
#include "repositories/practice_repository.h"
#include "repositories/session_repository.h"

#include "domain_printers.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace knotwork::test {

namespace {

// A Wednesday: the practice is open, so appointments can fall on "today".
const Date demo_today(2026, 3, 4);

std::unique_ptr<db::Database> empty_practice() {
    return db::Database::open(":memory:", db::OpenOptions{.create_if_missing = true, .actor = "test"});
}

app::DemoOptions demo_options(int clients, std::uint64_t seed) {
    app::DemoOptions o;
    o.clients = clients;
    o.seed = seed;
    o.today = demo_today;
    return o;
}

// Everything the demo wrote, read back through the repositories, in id order.
struct PracticeContents {
    std::vector<Client> clients;
    std::vector<Assessment> assessments;
    std::vector<TreatmentPlan> plans;
    std::vector<Session> sessions;
};

PracticeContents load_everything(db::Database& db) {
    PracticeContents out;
    db::ClientRepository clients(db);
    db::AssessmentRepository assessments(db);
    db::PlanRepository plans(db);
    db::SessionRepository sessions(db);
    for (const auto& summary : clients.search({.text = "", .include_archived = true, .limit = 1'000'000}))
        out.clients.push_back(clients.get(summary.id));
    std::sort(out.clients.begin(), out.clients.end(),
              [](const Client& a, const Client& b) { return a.id() < b.id(); });
    for (const auto& c : out.clients) {
        for (auto& a : assessments.for_client(c.id()))
            out.assessments.push_back(std::move(a));
        for (auto& p : plans.for_client(c.id()))
            out.plans.push_back(std::move(p));
        for (auto& s : sessions.for_client(c.id(), 10'000))
            out.sessions.push_back(std::move(s));
    }
    std::sort(out.sessions.begin(), out.sessions.end(),
              [](const Session& a, const Session& b) { return a.id() < b.id(); });
    return out;
}

const Client& client_of(const PracticeContents& p, ClientId id) {
    return *std::find_if(p.clients.begin(), p.clients.end(), [&](const Client& c) { return c.id() == id; });
}

// The Unicode scripts a name is written in, from its code points.
std::set<std::string> scripts_of(const std::string& text) {
    std::set<std::string> out;
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::uint32_t cp = lead;
        std::size_t len = 1;
        if (lead >= 0xF0) {
            cp = lead & 0x07u;
            len = 4;
        } else if (lead >= 0xE0) {
            cp = lead & 0x0Fu;
            len = 3;
        } else if (lead >= 0xC0) {
            cp = lead & 0x1Fu;
            len = 2;
        }
        for (std::size_t k = 1; k < len && i + k < text.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
        i += len;
        if (cp >= 0x00C0 && cp <= 0x024F)
            out.insert("Latin with diacritics");
        else if (cp >= 0x0370 && cp <= 0x03FF)
            out.insert("Greek");
        else if (cp >= 0x0400 && cp <= 0x04FF)
            out.insert("Cyrillic");
        else if (cp >= 0x0590 && cp <= 0x05FF)
            out.insert("Hebrew");
        else if (cp >= 0x0600 && cp <= 0x06FF)
            out.insert("Arabic");
        else if (cp >= 0x4E00 && cp <= 0x9FFF)
            out.insert("CJK");
        else if (cp >= 0xAC00 && cp <= 0xD7AF)
            out.insert("Hangul");
    }
    return out;
}

bool same_session(const Session& a, const Session& b) {
    return a.id() == b.id() && a.client_id() == b.client_id() && a.starts_at() == b.starts_at() &&
           a.ends_at() == b.ends_at() && a.therapist() == b.therapist() && a.series() == b.series() &&
           a.status() == b.status() && a.status_reason() == b.status_reason() && a.note() == b.note() &&
           a.signature() == b.signature() && a.amendments() == b.amendments();
}

// A 40-client demo, generated once and shared by the content tests.
struct SmallDemo {
    std::unique_ptr<db::Database> db = empty_practice();
    app::DemoSummary summary = app::generate_demo_practice(*db, demo_options(40, 1));
    PracticeContents contents = load_everything(*db);
};

const SmallDemo& small_demo() {
    static const SmallDemo demo;
    return demo;
}

} // namespace

BOOST_AUTO_TEST_SUITE(DemoPractice)

BOOST_AUTO_TEST_CASE(the_same_seed_gives_the_same_records) {
    auto first = empty_practice();
    auto second = empty_practice();
    const auto a_summary = app::generate_demo_practice(*first, demo_options(30, 11));
    const auto b_summary = app::generate_demo_practice(*second, demo_options(30, 11));
    BOOST_TEST(a_summary.sessions == b_summary.sessions);
    BOOST_TEST(a_summary.signed_notes == b_summary.signed_notes);

    const PracticeContents a = load_everything(*first);
    const PracticeContents b = load_everything(*second);
    BOOST_REQUIRE(a.clients.size() == b.clients.size());
    for (std::size_t i = 0; i < a.clients.size(); ++i) {
        BOOST_TEST_CONTEXT("client " << a.clients[i].id()) {
            BOOST_TEST((a.clients[i].details() == b.clients[i].details()));
            BOOST_TEST(a.clients[i].archived_on() == b.clients[i].archived_on());
        }
    }
    BOOST_REQUIRE(a.assessments.size() == b.assessments.size());
    for (std::size_t i = 0; i < a.assessments.size(); ++i)
        BOOST_TEST((a.assessments[i].details() == b.assessments[i].details()),
                   "assessment " << a.assessments[i].id());
    BOOST_REQUIRE(a.plans.size() == b.plans.size());
    for (std::size_t i = 0; i < a.plans.size(); ++i) {
        BOOST_TEST((a.plans[i].details() == b.plans[i].details()), "plan " << a.plans[i].id());
        BOOST_TEST(a.plans[i].status() == b.plans[i].status());
    }
    BOOST_REQUIRE(a.sessions.size() == b.sessions.size());
    for (std::size_t i = 0; i < a.sessions.size(); ++i)
        BOOST_TEST(same_session(a.sessions[i], b.sessions[i]), "session " << a.sessions[i].id());
}

BOOST_AUTO_TEST_CASE(another_seed_gives_another_practice) {
    auto first = empty_practice();
    auto second = empty_practice();
    app::generate_demo_practice(*first, demo_options(10, 1));
    app::generate_demo_practice(*second, demo_options(10, 2));
    const PracticeContents a = load_everything(*first);
    const PracticeContents b = load_everything(*second);
    int same = 0;
    for (std::size_t i = 0; i < a.clients.size() && i < b.clients.size(); ++i)
        same += a.clients[i].details() == b.clients[i].details() ? 1 : 0;
    BOOST_TEST(same == 0);
}

BOOST_AUTO_TEST_CASE(refuses_a_practice_that_already_has_clients) {
    auto db = empty_practice();
    app::generate_demo_practice(*db, demo_options(3, 1));
    BOOST_CHECK_THROW(app::generate_demo_practice(*db, demo_options(3, 2)), Error);
    BOOST_TEST(db::ClientRepository(*db).count(true) == 3);
}

BOOST_AUTO_TEST_CASE(refuses_options_it_cannot_honour) {
    auto db = empty_practice();
    app::DemoOptions no_today = demo_options(3, 1);
    no_today.today = Date();
    KNOTWORK_CHECK_REFUSED(app::generate_demo_practice(*db, no_today), "demo today");
    KNOTWORK_CHECK_REFUSED(app::generate_demo_practice(*db, demo_options(-1, 1)), "number of demo clients");
    app::DemoOptions no_history = demo_options(3, 1);
    no_history.history_years = 0;
    KNOTWORK_CHECK_REFUSED(app::generate_demo_practice(*db, no_history), "demo history");
    BOOST_TEST(db::ClientRepository(*db).count(true) == 0);
}

BOOST_AUTO_TEST_CASE(writes_the_practice_profile) {
    auto db = empty_practice();
    const auto summary = app::generate_demo_practice(*db, demo_options(0, 1));
    BOOST_TEST(summary.clients == 0);
    const PracticeProfile profile = db::PracticeRepository(*db).load();
    BOOST_TEST(!profile.practice_name.empty());
    BOOST_TEST(!profile.address.empty());
    BOOST_TEST(!profile.therapist_name.empty());
    BOOST_TEST(!profile.licence_number.empty());
    BOOST_TEST(profile.closed_weekdays.contains(boost::date_time::Sunday));
    BOOST_TEST(profile.holidays.size() >= 2u);
    BOOST_TEST(profile.holidays.contains(Date(demo_today.year(), 12, 25)));
}

BOOST_AUTO_TEST_CASE(the_summary_counts_what_was_stored) {
    const SmallDemo& demo = small_demo();
    const auto& s = demo.summary;
    const auto& c = demo.contents;
    BOOST_TEST(s.clients == 40);
    BOOST_TEST(static_cast<std::size_t>(s.clients) == c.clients.size());
    BOOST_TEST(static_cast<std::size_t>(s.assessments) == c.assessments.size());
    BOOST_TEST(static_cast<std::size_t>(s.plans) == c.plans.size());
    BOOST_TEST(static_cast<std::size_t>(s.sessions) == c.sessions.size());
    const auto signed_count =
        std::count_if(c.sessions.begin(), c.sessions.end(), [](const Session& x) { return x.is_signed(); });
    BOOST_TEST(s.signed_notes == signed_count);
    const auto archived =
        std::count_if(c.clients.begin(), c.clients.end(), [](const Client& x) { return x.is_archived(); });
    BOOST_TEST(s.archived_clients == archived);
    BOOST_TEST(s.seconds > 0);
    BOOST_TEST(s.therapists >= 1);
}

BOOST_AUTO_TEST_CASE(names_come_from_many_scripts) {
    std::set<std::string> scripts;
    for (const auto& c : small_demo().contents.clients)
        for (const auto& s : scripts_of(c.details().family_name + c.details().given_name))
            scripts.insert(s);
    for (const char* want :
         {"Latin with diacritics", "Greek", "Cyrillic", "Hebrew", "Arabic", "CJK", "Hangul"})
        BOOST_TEST(scripts.contains(want), "no client name in " << want);
}

BOOST_AUTO_TEST_CASE(clients_cover_the_histories_a_therapist_must_handle) {
    const auto& clients = small_demo().contents.clients;
    auto any = [&](auto predicate) { return std::any_of(clients.begin(), clients.end(), predicate); };
    BOOST_TEST(any([](const Client& c) { return c.takes(MedicationClass::anticoagulant); }));
    BOOST_TEST(any([](const Client& c) { return c.has(HealthCondition::osteoporosis); }));
    BOOST_TEST(any([](const Client& c) { return c.has(HealthCondition::diabetic_neuropathy); }));
    BOOST_TEST(any([](const Client& c) { return c.has(HealthCondition::pregnancy); }));
    BOOST_TEST(any([](const Client& c) { return c.has(HealthCondition::sciatica); }));
    BOOST_TEST(any([](const Client& c) { return c.details().activity == ActivityLevel::athlete; }));
    BOOST_TEST(any([](const Client& c) { return c.details().activity == ActivityLevel::desk_work; }));
    BOOST_TEST(any([](const Client& c) { return c.is_archived(); }));
    BOOST_TEST(any([](const Client& c) { return c.details().conditions.empty(); }));
    for (const auto& c : clients) {
        BOOST_TEST_CONTEXT(c.display_name()) {
            BOOST_REQUIRE(c.details().date_of_birth.has_value());
            const int age = age_on(*c.details().date_of_birth, demo_today);
            BOOST_TEST(age >= 18);
            BOOST_TEST(age <= 85);
            BOOST_TEST(!c.details().phone.empty());
            BOOST_TEST(c.details().consent_date.has_value());
        }
    }
}

BOOST_AUTO_TEST_CASE(assessments_cover_red_flags_and_outcome_measures) {
    const auto& c = small_demo().contents;
    int referred = 0, one_section_unanswered = 0, improved = 0, unchanged = 0;
    std::map<ClientId, std::vector<const Assessment*>> by_client;
    for (const auto& a : c.assessments) {
        by_client[a.client_id()].push_back(&a);
        const auto& d = a.details();
        if (!d.red_flags.positive.empty()) {
            ++referred;
            BOOST_TEST(!d.red_flags.referred_to.empty(), "assessment " << a.id() << " records no referral");
        }
        if (d.odi && d.odi->answered() == odi_section_count - 1) ++one_section_unanswered;
        if (d.odi) BOOST_TEST(d.odi->answered() >= odi_section_count - 1);
        BOOST_TEST(d.pain_map.size() >= 1u);
        BOOST_TEST(d.pain_map.size() <= 4u);
    }
    for (const auto& [client, list] : by_client) {
        if (list.size() < 2 || !list.front()->odi_score() || !list.back()->odi_score()) continue;
        if (!list.back()->details().red_flags.positive.empty() ||
            !list.front()->details().red_flags.positive.empty())
            continue;
        const auto change = compare_odi(*list.front()->odi_score(), *list.back()->odi_score());
        if (change.verdict == ChangeVerdict::improved) ++improved;
        if (change.verdict == ChangeVerdict::within_error) ++unchanged;
    }
    BOOST_TEST(referred >= 1);
    BOOST_TEST(referred <= 4);
    BOOST_TEST(one_section_unanswered >= 1);
    BOOST_TEST(improved >= 1);
    BOOST_TEST(unchanged >= 1);
}

BOOST_AUTO_TEST_CASE(plans_use_every_technique_and_every_status) {
    const auto& plans = small_demo().contents.plans;
    std::set<std::string> techniques;
    std::set<PlanStatus> statuses;
    for (const auto& p : plans) {
        statuses.insert(p.status());
        const auto& d = p.details();
        BOOST_TEST(d.techniques.size() >= 2u);
        BOOST_TEST(d.techniques.size() <= 4u);
        BOOST_TEST(!d.goals.empty());
        BOOST_TEST(!d.regions.empty());
        BOOST_TEST(!d.home_care.empty());
        BOOST_TEST(d.series.session_count >= 4);
        BOOST_TEST(d.series.session_count <= 12);
        for (const auto& t : d.techniques)
            techniques.insert(t.technique);
        if (p.status() == PlanStatus::discontinued) BOOST_TEST(!p.status_reason().empty());
    }
    BOOST_TEST((techniques == std::set<std::string>{"swedish", "deep_tissue", "trigger_point",
                                                    "myofascial_release", "sports", "hot_stone"}));
    for (PlanStatus s : {PlanStatus::active, PlanStatus::completed, PlanStatus::discontinued})
        BOOST_TEST(statuses.contains(s), "no " << s << " plan");
}

BOOST_AUTO_TEST_CASE(sessions_show_every_kind_of_appointment) {
    const SmallDemo& demo = small_demo();
    const auto& sessions = demo.contents.sessions;
    auto count = [&](auto predicate) { return std::count_if(sessions.begin(), sessions.end(), predicate); };
    BOOST_TEST(count([](const Session& s) { return s.is_signed(); }) > 0);
    BOOST_TEST(count([](const Session& s) {
                   return s.status() == AppointmentStatus::completed && !s.is_signed();
               }) > 0);
    BOOST_TEST(count([](const Session& s) { return s.status() == AppointmentStatus::cancelled; }) > 0);
    BOOST_TEST(count([](const Session& s) { return s.status() == AppointmentStatus::no_show; }) > 0);
    BOOST_TEST(count([](const Session& s) { return !s.amendments().empty(); }) > 0);
    BOOST_TEST(count([](const Session& s) { return !s.note().adverse_reactions.empty(); }) > 0);
    BOOST_TEST(count([](const Session& s) {
                   return s.status() == AppointmentStatus::cancelled && s.status_reason().empty();
               }) == 0);
    const auto today = db::SessionRepository(*demo.db).between(
        DateTime(demo_today), DateTime(demo_today + boost::gregorian::days(1)));
    BOOST_TEST(today.size() >= 3u);
    BOOST_TEST(demo.summary.appointments_today >= 3);
}

BOOST_AUTO_TEST_CASE(pain_mostly_falls_over_a_series_but_not_always) {
    const auto& c = small_demo().contents;
    std::map<PlanId, std::vector<const Session*>> by_plan;
    for (const auto& s : c.sessions)
        if (s.series() && s.status() == AppointmentStatus::completed && s.note().pain_before)
            by_plan[s.series()->plan].push_back(&s);
    int fell = 0, did_not = 0;
    for (auto& [plan, list] : by_plan) {
        if (list.size() < 4) continue;
        std::sort(list.begin(), list.end(),
                  [](const Session* a, const Session* b) { return a->starts_at() < b->starts_at(); });
        const int first = list.front()->note().pain_before->value();
        const int last = list.back()->note().pain_before->value();
        (last < first ? fell : did_not) += 1;
        for (const Session* s : list)
            BOOST_TEST(s->note().pain_after->value() <= s->note().pain_before->value());
    }
    BOOST_TEST(fell > did_not);
    BOOST_TEST(did_not >= 1);
}

// The practice's own rules, over a larger practice with several therapists.
BOOST_AUTO_TEST_CASE(keeps_the_practice_rules) {
    auto db = empty_practice();
    std::vector<std::pair<int, int>> progress;
    app::DemoOptions options = demo_options(150, 5);
    options.clients_per_transaction = 60;
    options.progress = [&](int done, int total) { progress.emplace_back(done, total); };
    app::generate_demo_practice(*db, options);
    BOOST_TEST((progress == std::vector<std::pair<int, int>>{{100, 150}, {150, 150}}));

    const PracticeContents c = load_everything(*db);
    const PracticeProfile profile = db::PracticeRepository(*db).load();
    std::map<std::string, std::vector<const Session*>> by_therapist;
    for (const auto& s : c.sessions) {
        BOOST_TEST_CONTEXT("session " << s.id() << " at " << to_iso(s.starts_at())) {
            const Date day = s.starts_at().date();
            BOOST_TEST(!profile.is_closed(day));
            BOOST_TEST(s.starts_at().time_of_day() >= Duration(boost::posix_time::hours(9)));
            BOOST_TEST(s.ends_at() <= DateTime(day, boost::posix_time::hours(17)));
            if (s.status() == AppointmentStatus::scheduled) BOOST_TEST(day >= demo_today);
            if (s.status() == AppointmentStatus::completed || s.status() == AppointmentStatus::no_show)
                BOOST_TEST(day < demo_today);
            if (s.is_signed()) {
                BOOST_TEST(s.status() == AppointmentStatus::completed);
                BOOST_TEST(!s.note().is_blank());
                BOOST_TEST(s.signature()->signed_at >= s.starts_at());
            }
            const Client& client = client_of(c, s.client_id());
            const bool gentle =
                client.takes(MedicationClass::anticoagulant) || client.has(HealthCondition::osteoporosis);
            const bool no_heat = client.has(HealthCondition::diabetic_neuropathy) ||
                                 client.has(HealthCondition::heat_sensitivity);
            for (const auto& t : s.note().techniques) {
                if (gentle) BOOST_TEST(t.pressure.value() <= 4);
                if (gentle) BOOST_TEST(t.technique != "deep_tissue");
                if (no_heat) BOOST_TEST(t.technique != "hot_stone");
            }
        }
        if (s.status() != AppointmentStatus::cancelled) by_therapist[s.therapist()].push_back(&s);
    }
    for (auto& [therapist, list] : by_therapist) {
        std::sort(list.begin(), list.end(),
                  [](const Session* a, const Session* b) { return a->starts_at() < b->starts_at(); });
        for (std::size_t i = 1; i < list.size(); ++i)
            BOOST_TEST(list[i]->starts_at() >= list[i - 1]->ends_at(),
                       therapist << " double-booked at " << to_iso(list[i]->starts_at()));
    }
    for (const auto& p : c.plans) {
        const Client& client = client_of(c, p.client_id());
        if (client.takes(MedicationClass::anticoagulant) || client.has(HealthCondition::osteoporosis))
            BOOST_TEST(!p.uses_technique("deep_tissue"), "plan " << p.id());
        if (client.has(HealthCondition::diabetic_neuropathy) || client.has(HealthCondition::heat_sensitivity))
            BOOST_TEST(!p.uses_technique("hot_stone"), "plan " << p.id());
        const bool upcoming = std::any_of(c.sessions.begin(), c.sessions.end(), [&](const Session& s) {
            return s.series() && s.series()->plan == p.id() && s.starts_at().date() >= demo_today;
        });
        if (p.status() == PlanStatus::active)
            BOOST_TEST(upcoming, "active plan " << p.id() << " has nothing ahead");
        else
            BOOST_TEST(!upcoming, p.status() << " plan " << p.id() << " still has appointments ahead");
    }
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
