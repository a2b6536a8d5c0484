#include "core/demo_practice.h"

#include "core/demo_phrases.h"

#include "assessment/assessment.h"
#include "client/client.h"
#include "common/error.h"
#include "database.h"
#include "plan/treatment_plan.h"
#include "practice/practice_profile.h"
#include "repositories/assessment_repository.h"
#include "repositories/client_repository.h"
#include "repositories/plan_repository.h"
#include "repositories/practice_repository.h"
#include "repositories/session_repository.h"
#include "session/session.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace knotwork::app {

namespace {

using boost::gregorian::days;
namespace pt = boost::posix_time;

static_assert(demo::region_words.size() == static_cast<std::size_t>(BodyRegion::pectorals) + 1,
              "region_words must name every body region, in enum order");

// ---- Deterministic randomness -----------------------------------------------------------------

// splitmix64: tiny, fast and the same on every platform and standard library (the standard
// distributions are not). Integer-only helpers, so no floating-point rounding can differ either.
class DemoRandom {
  public:
    explicit DemoRandom(std::uint64_t seed) : m_state(seed) {}

    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // [0, n) for n > 0. The modulo bias (about n / 2^64) is negligible for the small n used here.
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }
    bool percent(int p) { return below(100) < p; }
    bool per_mille(int p) { return below(1000) < p; }

    template <typename Range> const auto& pick(const Range& range) {
        return range[static_cast<std::size_t>(below(static_cast<int>(std::size(range))))];
    }
    // `count` distinct indices of [0, n), in random order.
    std::vector<int> distinct(int n, int count) {
        std::vector<int> all(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i)
            all[static_cast<std::size_t>(i)] = i;
        for (int i = 0; i < count && i < n; ++i)
            std::swap(all[static_cast<std::size_t>(i)], all[static_cast<std::size_t>(between(i, n - 1))]);
        all.resize(static_cast<std::size_t>(std::min(count, n)));
        return all;
    }

  private:
    std::uint64_t m_state;
};

// Each client draws from its own stream, so one client's content does not depend on how many
// numbers the clients before it happened to draw.
DemoRandom client_stream(std::uint64_t seed, int index) {
    DemoRandom mixer(seed ^ (0xD1B54A32D192ED03ULL * static_cast<std::uint64_t>(index + 1)));
    return DemoRandom(mixer.next());
}

// ---- Text -------------------------------------------------------------------------------------

struct Field {
    std::string_view key;
    std::string_view value;
};

// Replaces each {key} of `pattern` with its value; unknown keys stay as written.
std::string fill(std::string_view pattern, std::initializer_list<Field> fields) {
    std::string out;
    out.reserve(pattern.size() + 32);
    std::size_t i = 0;
    while (i < pattern.size()) {
        const std::size_t open = pattern.find('{', i);
        if (open == std::string_view::npos) break;
        const std::size_t close = pattern.find('}', open);
        if (close == std::string_view::npos) break;
        out.append(pattern.substr(i, open - i));
        const std::string_view key = pattern.substr(open + 1, close - open - 1);
        const auto* field =
            std::find_if(fields.begin(), fields.end(), [&](const Field& f) { return f.key == key; });
        if (field != fields.end())
            out.append(field->value);
        else
            out.append(pattern.substr(open, close - open + 1));
        i = close + 1;
    }
    out.append(pattern.substr(i));
    return out;
}

std::string lower_first(std::string_view s) {
    std::string out(s);
    if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') out[0] = static_cast<char>(out[0] - 'A' + 'a');
    return out;
}

// Joins the non-empty sentences with single spaces.
std::string sentences(std::initializer_list<std::string_view> parts) {
    std::string out;
    for (std::string_view p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out += ' ';
        out.append(p);
    }
    return out;
}

std::string month_year(Date d) {
    return std::string(demo::month_names[static_cast<std::size_t>(d.month() - 1)]) + " " +
           std::to_string(d.year());
}

std::string_view side_word(Side s) {
    return s == Side::left ? "left" : "right";
}

// "left QL", "upper trapezius on both sides", "lower back".
std::string where(BodyRegion region, Side side) {
    const std::string_view words = demo::region_words[static_cast<std::size_t>(region)];
    switch (side) {
    case Side::left:
    case Side::right:
        return std::string(side_word(side)) + " " + std::string(words);
    case Side::bilateral:
        return std::string(words) + " on both sides";
    case Side::midline:
        return std::string(words);
    }
    return std::string(words);
}

std::string one_decimal(double v) {
    const long tenths = std::lround(v * 10);
    return std::to_string(tenths / 10) + (tenths % 10 != 0 ? "." + std::to_string(tenths % 10) : "");
}

// ---- The practice's calendar and appointment book ---------------------------------------------

constexpr int slots_per_day = 16; // half-hour slots from 09:00 to 17:00
const pt::time_duration opening_time = pt::hours(9);

int slots_for(int session_minutes) {
    return (session_minutes + 29) / 30;
}

struct Booking {
    Date day;
    int therapist = 0;
    int slot = 0;
};

// Which half-hour slots each therapist has taken on each day, so appointments never overlap and
// fall only on open days within opening hours.
class AppointmentBook {
  public:
    AppointmentBook(const PracticeProfile& profile, Date first_day, int therapists)
        : m_profile(profile), m_first_day(first_day), m_therapists(therapists) {}

    // The first free slot on or after `from`: the client's own therapist near the preferred time
    // first, then (from the third day on) any colleague. Throws Error when half a year is full.
    Booking book(Date from, int therapist, int preferred_slot, int needed) {
        for (int shift = 0; shift < 183; ++shift) {
            const Date day = from + days(shift);
            if (m_profile.is_closed(day)) continue;
            if (auto slot = take(day, therapist, preferred_slot, needed)) return {day, therapist, *slot};
            if (shift < 2) continue;
            for (int k = 1; k < m_therapists; ++k) {
                const int other = (therapist + k) % m_therapists;
                if (auto slot = take(day, other, preferred_slot, needed)) return {day, other, *slot};
            }
        }
        throw Error("demo practice: no free appointment within half a year of " + to_iso(from));
    }

  private:
    std::optional<int> take(Date day, int therapist, int preferred, int needed) {
        const long index = (day - m_first_day).days();
        if (index < 0)
            throw Error("demo practice: appointment before the practice's history (" + to_iso(day) + ")");
        const std::size_t at = static_cast<std::size_t>(index) * static_cast<std::size_t>(m_therapists) +
                               static_cast<std::size_t>(therapist);
        if (at >= m_taken.size()) m_taken.resize(at + 1024 * static_cast<std::size_t>(m_therapists), 0);
        std::uint16_t& mask = m_taken[at];
        const unsigned run = (1U << needed) - 1U;
        const int last_start = slots_per_day - needed;
        for (int step = 0; step <= 2 * slots_per_day; ++step) {
            const int slot = preferred + (step % 2 == 0 ? step / 2 : -(step + 1) / 2);
            if (slot < 0 || slot > last_start) continue;
            if (((mask >> slot) & run) == 0) {
                mask = static_cast<std::uint16_t>(mask | (run << slot));
                return slot;
            }
        }
        return std::nullopt;
    }

    const PracticeProfile& m_profile;
    Date m_first_day;
    int m_therapists;
    std::vector<std::uint16_t> m_taken;
};

// ---- Who the client is ------------------------------------------------------------------------

// Profiles a demo of a few dozen clients always contains, so each clinical path can be shown.
enum class Archetype {
    none,
    anticoagulant,
    osteoporosis,
    neuropathy,
    pregnancy,
    sciatica,
    athlete,
    desk_chronic,
    archived,
    urgent_red_flag,
    referred_red_flag,
    non_responder,
    amended_note,
    maintenance,
};
constexpr Archetype guaranteed_archetypes[] = {
    Archetype::anticoagulant,   Archetype::osteoporosis,      Archetype::neuropathy,
    Archetype::pregnancy,       Archetype::sciatica,          Archetype::athlete,
    Archetype::desk_chronic,    Archetype::archived,          Archetype::archived,
    Archetype::urgent_red_flag, Archetype::referred_red_flag, Archetype::non_responder,
    Archetype::amended_note,    Archetype::maintenance,
};
constexpr int guaranteed_span = 40; // the archetypes are spread over the first 40 clients

enum class RedFlagPath { none, urgent, referred };
enum class Response { improving, unchanged, worsening };
enum class PlanKind { initial, maintenance };

struct SeriesChoice {
    int count = 6;
    Frequency frequency = Frequency::weekly;
    int interval_days = 7;
    int minutes = 60;
};

int series_offset(const SeriesChoice& s, int index) {
    switch (s.frequency) {
    case Frequency::weekly:
        return 7 * index;
    case Frequency::twice_weekly:
        return 7 * (index / 2) + 3 * (index % 2);
    case Frequency::every_n_days:
        return s.interval_days * index;
    }
    return 7 * index;
}

struct Persona {
    Archetype archetype = Archetype::none;
    const demo::NameCulture* culture = nullptr;
    bool female = false;
    const demo::Occupation* occupation = nullptr;
    int age = 40;
    Date date_of_birth;
    Date first_visit;
    bool current = false; // first seen recently, so a plan is running now
    std::optional<SeriesChoice> first_series;
    std::set<HealthCondition> conditions;
    std::vector<Medication> medications;
    PressurePreference pressure = PressurePreference::medium;
    const demo::ComplaintPattern* pattern = nullptr;
    DurationClass duration = DurationClass::acute;
    Side side = Side::right; // the worse side
    RedFlagPath red_flag = RedFlagPath::none;
    int pregnancy_weeks = 0; // at the first visit
    int therapist = 0;
    int preferred_slot = 0;
    // What the cautions allow.
    int pressure_cap = 10;
    bool no_heat = false;
    std::vector<std::string> cautions; // "takes Warfarin 5 mg", "osteoporosis"
    std::string pressure_reason;       // why pressure is limited: "Osteoporosis"; empty when it is not

    bool has(HealthCondition c) const { return conditions.contains(c); }
    demo::WorkKind work() const { return occupation->kind; }
    bool no_deep() const { return pressure_cap <= 6; }
};

Side resolve(demo::SideRule rule, Side affected) {
    switch (rule) {
    case demo::SideRule::affected:
        return affected;
    case demo::SideRule::bilateral:
        return Side::bilateral;
    case demo::SideRule::midline:
        return Side::midline;
    }
    return affected;
}

const demo::TechniqueText& technique_text(std::string_view code) {
    for (const auto& t : demo::technique_texts)
        if (t.code == code) return t;
    throw Error("demo practice: unknown technique " + std::string(code));
}

// ---- The builder ------------------------------------------------------------------------------

// What one treatment episode left behind, for the plan that may follow it.
struct EpisodeResult {
    Date last_day;
    bool finished = false; // every session lies before today
    bool discontinued = false;
    bool responded = false;
    std::optional<Assessment> latest; // newest assessment of the episode
};

struct SessionOutline {
    Booking booking;
    AppointmentStatus status = AppointmentStatus::scheduled;
    std::string reason;
};

class DemoPracticeBuilder {
  public:
    DemoPracticeBuilder(db::Database& db, const DemoOptions& options);
    DemoSummary run();

  private:
    // Practice-wide setup.
    PracticeProfile make_profile() const;
    void make_roster();
    void spread_archetypes();

    // One client and everything recorded about them.
    void write_client(int index);
    Persona make_persona(int index, DemoRandom& rng);
    void choose_health(Persona& p, DemoRandom& rng) const;
    void choose_complaint(Persona& p, DemoRandom& rng) const;
    void derive_cautions(Persona& p) const;
    void anchor_on_today(Persona& p, DemoRandom& rng);
    ClientDetails make_client_details(const Persona& p, DemoRandom& rng) const;
    std::string health_notes(const Persona& p, DemoRandom& rng) const;
    Date write_history(const Persona& p, const Client& client, DemoRandom& rng);

    // Assessments.
    AssessmentDetails baseline_details(const Persona& p, Date on, DemoRandom& rng) const;
    void record_red_flags(const Persona& p, AssessmentDetails& d, DemoRandom& rng) const;
    AssessmentDetails clearance_details(const AssessmentDetails& baseline, Date on, DemoRandom& rng) const;
    AssessmentDetails reassessment_details(const Persona& p, const Assessment& basis, Date on, int pain_now,
                                           Response response, int number, int of, DemoRandom& rng) const;
    Assessment add_assessment(ClientId client, AssessmentDetails details);

    // Plans and sessions.
    EpisodeResult write_episode(const Persona& p, const Client& client, const Assessment& basis, Date created,
                                Date start, PlanKind kind, DemoRandom& rng);
    SeriesChoice choose_series(PlanKind kind, DemoRandom& rng) const;
    PlanDetails plan_details(const Persona& p, const Assessment& basis, Date created, Date start,
                             const SeriesChoice& series, PlanKind kind, DemoRandom& rng) const;
    std::vector<ChosenTechnique> choose_techniques(const Persona& p, const Assessment& basis, PlanKind kind,
                                                   DemoRandom& rng) const;
    std::vector<Goal> plan_goals(const Persona& p, const Assessment& basis, PlanKind kind,
                                 DemoRandom& rng) const;
    std::vector<HomeCareItem> home_care(const Persona& p, DemoRandom& rng) const;
    std::vector<SessionOutline> book_series(const Persona& p, Date start, const SeriesChoice& series,
                                            int stop_after, DemoRandom& rng);
    SoapNote session_note(const Persona& p, const PlanDetails& plan, int number, int pain_before,
                          int pain_after, int previous_before, int baseline_pain,
                          const std::string& reassessed, DemoRandom& rng) const;
    std::vector<AppliedTechnique> applied_techniques(const Persona& p, const PlanDetails& plan,
                                                     DemoRandom& rng) const;

    db::Database& m_db;
    const DemoOptions& m_options;
    Date m_today;
    int m_history_days;
    int m_recent_percent;
    int m_today_target;
    db::ClientRepository m_clients;
    db::AssessmentRepository m_assessments;
    db::PlanRepository m_plans;
    db::SessionRepository m_sessions;
    PracticeProfile m_profile;
    std::vector<std::string> m_therapists;
    std::optional<AppointmentBook> m_book;
    std::vector<Archetype> m_archetypes;      // for the first few dozen clients
    std::vector<std::string_view> m_cultures; // forced culture labels, same span
    DemoSummary m_summary;
};

DemoPracticeBuilder::DemoPracticeBuilder(db::Database& db, const DemoOptions& options)
    : m_db(db), m_options(options), m_today(options.today), m_history_days(0), m_recent_percent(0),
      m_today_target(0), m_clients(db), m_assessments(db), m_plans(db), m_sessions(db) {
    if (m_today.is_special()) throw ValidationError("demo today", "must be a date");
    if (options.clients < 0) throw ValidationError("number of demo clients", "must not be negative");
    if (options.history_years < 1 || options.history_years > 30)
        throw ValidationError("demo history", "must be between 1 and 30 years");
    if (options.clients_per_transaction < 1)
        throw ValidationError("clients per transaction", "must be at least 1");
    m_history_days = options.history_years * 365 + options.history_years / 4;
    // A small demo shows a busy present; a large clinic has the steady flow of a real one.
    m_recent_percent = std::clamp(1200 / std::max(options.clients, 1), 6, 35);
    m_today_target = std::clamp(options.clients / 8, 3, 6);
}

// ---- Practice-wide setup ----------------------------------------------------------------------

PracticeProfile DemoPracticeBuilder::make_profile() const {
    PracticeProfile p;
    p.practice_name = "Cedar & Stone Massage Therapy";
    p.address = "214 Ossington Avenue, Suite 2\nToronto, ON M6J 2Z9";
    p.phone = "(416) 555-0142";
    p.therapist_name = "Maya Okonkwo, RMT";
    p.licence_number = "CMTO registration M4821";
    p.default_session_minutes = 60;
    p.closed_weekdays = {boost::date_time::Sunday};
    const int first_year = (m_today - days(m_history_days + 14)).year();
    for (int year = first_year; year <= m_today.year() + 1; ++year) {
        const auto y = static_cast<unsigned short>(year);
        p.holidays[Date(y, 1, 1)] = "New Year's Day";
        p.holidays[Date(y, 12, 25)] = "Christmas Day";
    }
    return p;
}

// A therapist averages about three clients an open day over the years, leaving room for the
// busier present (second episodes and maintenance visits pile up towards today); a large clinic
// employs as many as its list needs.
void DemoPracticeBuilder::make_roster() {
    constexpr std::string_view given[] = {"Daniel",  "Aiko",  "Rafael",  "Sofia",  "Tariq", "Ingrid",
                                          "Kwabena", "Lucía", "Mateusz", "Hannah", "Arjun", "Chloé"};
    constexpr std::string_view family[] = {"Brennan",  "Castillo", "Haddad", "Ishikawa",
                                           "Kowalski", "Lindgren", "Mbeki",  "Novák",
                                           "Osei",     "Petrova",  "Quinn"};
    constexpr std::string_view initials = "ABCDEFGHIJKLMNOPRSTVW";
    constexpr int g = static_cast<int>(std::size(given));
    constexpr int f = static_cast<int>(std::size(family)); // g + 1 and f are coprime: names never repeat
    const long expected_sessions = 13L * m_options.clients;
    const long open_days = static_cast<long>(m_history_days) * 6 / 7;
    const long needed = (expected_sessions + open_days * 3 - 1) / (open_days * 3);
    const long most = static_cast<long>(g) * f * static_cast<long>(initials.size() + 1) + 1;
    const int count = static_cast<int>(std::clamp(needed, 1L, most));
    m_therapists.assign(1, "Maya Okonkwo");
    for (int k = 0; k + 1 < count; ++k) {
        const int pair = k % (g * f), round = k / (g * f);
        const int a = pair % g;
        const int b = ((pair / g) * (g + 1) + a) % f;
        const std::string middle =
            round == 0 ? " " : " " + std::string(1, initials[static_cast<std::size_t>(round - 1)]) + ". ";
        m_therapists.push_back(std::string(given[a]) + middle + std::string(family[b]));
    }
    m_summary.therapists = count;
}

void DemoPracticeBuilder::spread_archetypes() {
    const int span = std::min(m_options.clients, guaranteed_span);
    DemoRandom rng(m_options.seed ^ 0x5EEDA4C4E7E5ULL);
    m_archetypes.assign(static_cast<std::size_t>(span), Archetype::none);
    m_cultures.assign(static_cast<std::size_t>(span), std::string_view{});
    const auto order = rng.distinct(span, span);
    for (std::size_t i = 0; i < order.size() && i < std::size(guaranteed_archetypes); ++i)
        m_archetypes[static_cast<std::size_t>(order[i])] = guaranteed_archetypes[i];
    const auto culture_order = rng.distinct(span, span);
    for (std::size_t i = 0; i < culture_order.size() && i < demo::forced_cultures.size(); ++i)
        m_cultures[static_cast<std::size_t>(culture_order[i])] = demo::forced_cultures[i];
}

DemoSummary DemoPracticeBuilder::run() {
    const auto started = std::chrono::steady_clock::now();
    if (const auto existing = m_clients.count(true); existing > 0)
        throw Error("The practice already holds " + std::to_string(existing) +
                    " clients; demo data can only fill an empty practice.");
    m_profile = make_profile();
    make_roster();
    spread_archetypes();
    m_book.emplace(m_profile, m_today - days(m_history_days + 14), static_cast<int>(m_therapists.size()));

    const int total = m_options.clients;
    int done = 0;
    {
        db::Transaction first(m_db);
        db::PracticeRepository(m_db).save(m_profile);
        first.commit();
    }
    while (done < total) {
        db::Transaction batch(m_db);
        const int batch_end = std::min(total, done + m_options.clients_per_transaction);
        for (; done < batch_end; ++done) {
            write_client(done);
            if (m_options.progress && (done + 1) % 100 == 0 && done + 1 < total)
                m_options.progress(done + 1, total);
        }
        batch.commit();
    }
    if (m_options.progress) m_options.progress(total, total);
    m_summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return m_summary;
}

// ---- One client -------------------------------------------------------------------------------

void DemoPracticeBuilder::write_client(int index) {
    DemoRandom rng = client_stream(m_options.seed, index);
    const Persona persona = make_persona(index, rng);
    Client client(make_client_details(persona, rng), m_today);
    m_clients.add(client);
    ++m_summary.clients;
    const Date last_seen = write_history(persona, client, rng);

    const bool long_gone = last_seen < m_today - days(365);
    if (persona.archetype == Archetype::archived || (long_gone && rng.percent(10))) {
        const Date archived_on = std::min(m_today - days(1), last_seen + days(rng.between(90, 300)));
        if (archived_on > last_seen) {
            m_clients.archive(client, archived_on);
            ++m_summary.archived_clients;
        }
    }
}

Persona DemoPracticeBuilder::make_persona(int index, DemoRandom& rng) {
    Persona p;
    if (static_cast<std::size_t>(index) < m_archetypes.size())
        p.archetype = m_archetypes[static_cast<std::size_t>(index)];
    const Archetype a = p.archetype;

    // Culture and sex.
    std::string_view forced;
    if (static_cast<std::size_t>(index) < m_cultures.size())
        forced = m_cultures[static_cast<std::size_t>(index)];
    if (!forced.empty()) {
        for (const auto& c : demo::name_cultures)
            if (c.label == forced) p.culture = &c;
    } else {
        int total = 0;
        for (const auto& c : demo::name_cultures)
            total += c.weight;
        int roll = rng.below(total);
        for (const auto& c : demo::name_cultures) {
            if (roll < c.weight) {
                p.culture = &c;
                break;
            }
            roll -= c.weight;
        }
    }
    p.female = rng.percent(a == Archetype::anticoagulant || a == Archetype::athlete ? 40 : 62);
    if (a == Archetype::pregnancy || a == Archetype::osteoporosis) p.female = true;

    // Occupation and age (the occupation's range is the age today).
    auto find_kind = [&](demo::WorkKind kind) {
        std::vector<const demo::Occupation*> fits;
        for (const auto& o : demo::occupations)
            if (o.kind == kind) fits.push_back(&o);
        return rng.pick(fits);
    };
    if (a == Archetype::athlete)
        p.occupation = find_kind(demo::WorkKind::athlete);
    else if (a == Archetype::desk_chronic)
        p.occupation = find_kind(demo::WorkKind::desk);
    else if (a == Archetype::osteoporosis || a == Archetype::anticoagulant)
        p.occupation = find_kind(demo::WorkKind::retired);
    else if (a == Archetype::pregnancy)
        p.occupation = find_kind(rng.percent(50) ? demo::WorkKind::desk : demo::WorkKind::physical);
    else {
        const int roll = rng.below(100);
        const demo::WorkKind kind = roll < 36   ? demo::WorkKind::desk
                                    : roll < 66 ? demo::WorkKind::physical
                                    : roll < 76 ? demo::WorkKind::athlete
                                    : roll < 93 ? demo::WorkKind::retired
                                                : demo::WorkKind::student;
        p.occupation = find_kind(kind);
    }
    int min_age = p.occupation->min_age, max_age = std::min(p.occupation->max_age, 84);
    if (a == Archetype::pregnancy) max_age = std::min(max_age, 40);
    if (a == Archetype::osteoporosis) min_age = std::max(min_age, 66);
    if (a == Archetype::neuropathy) min_age = std::max(min_age, 50);
    p.age = rng.between(min_age, std::max(min_age, max_age));

    // When the client first came.
    if (a == Archetype::archived) {
        p.first_visit = m_today - days(rng.between(m_history_days * 2 / 3, m_history_days));
    } else if (a == Archetype::pregnancy || a == Archetype::athlete || a == Archetype::desk_chronic ||
               (a == Archetype::none && rng.percent(m_recent_percent))) {
        p.current = true;
        p.first_visit = m_today - days(rng.between(0, 100));
    } else if (a == Archetype::maintenance || a == Archetype::non_responder || a == Archetype::amended_note) {
        p.first_visit = m_today - days(rng.between(150, std::max(150, m_history_days / 2)));
    } else {
        p.first_visit = m_today - days(rng.between(0, m_history_days));
    }
    while (m_profile.is_closed(p.first_visit))
        p.first_visit -= days(1);

    p.date_of_birth = m_today - days(p.age * 365 + p.age / 4 + rng.between(1, 360));
    while (age_on(p.date_of_birth, m_today) > 85)
        p.date_of_birth += days(30);
    while (age_on(p.date_of_birth, p.first_visit) < 18)
        p.date_of_birth -= days(30);
    p.age = age_on(p.date_of_birth, p.first_visit);

    if (a == Archetype::urgent_red_flag || (a == Archetype::none && rng.per_mille(4)))
        p.red_flag = RedFlagPath::urgent;
    else if (a == Archetype::referred_red_flag || (a == Archetype::none && rng.per_mille(8)))
        p.red_flag = RedFlagPath::referred;

    p.therapist = m_therapists.size() == 1 ? 0 : rng.below(static_cast<int>(m_therapists.size()));
    const int when = rng.below(100);
    p.preferred_slot = when < 35 ? rng.between(0, 5) : when < 60 ? rng.between(6, 9) : rng.between(10, 14);
    anchor_on_today(p, rng); // before the health history: pregnancy depends on the first visit

    choose_health(p, rng);
    if (p.has(HealthCondition::cancer_history) && p.red_flag == RedFlagPath::none)
        p.red_flag = RedFlagPath::referred;
    choose_complaint(p, rng);
    derive_cautions(p);
    return p;
}

void DemoPracticeBuilder::choose_health(Persona& p, DemoRandom& rng) const {
    using HC = HealthCondition;
    const Archetype a = p.archetype;
    const bool older = p.age >= 55;
    auto maybe = [&](HC c, int per_mille) {
        if (rng.per_mille(per_mille)) p.conditions.insert(c);
    };
    maybe(HC::sciatica, 170);
    maybe(HC::herniated_disc, 70);
    maybe(HC::fibromyalgia, p.female ? 50 : 15);
    maybe(HC::osteoporosis, older ? (p.female ? 220 : 70) : 4);
    maybe(HC::recent_surgery, 25);
    maybe(HC::recent_injury, p.work() == demo::WorkKind::athlete ? 150 : 45);
    maybe(HC::dvt_history, p.age >= 40 ? 20 : 5);
    maybe(HC::diabetes, p.age >= 45 ? 130 : 25);
    if (p.has(HC::diabetes)) maybe(HC::diabetic_neuropathy, 300);
    maybe(HC::heat_sensitivity, 20);
    maybe(HC::cancer_history, p.age >= 40 ? 25 : 4);
    maybe(HC::varicose_veins, p.age >= 40 ? (p.female ? 90 : 50) : 12);
    maybe(HC::open_wounds, 5);
    maybe(HC::skin_condition, 30);
    maybe(HC::hypertension, p.age >= 50 ? 200 : p.age >= 35 ? 60 : 10);

    // Pregnancy: only a client seen recently is still pregnant today.
    const int weeks_since = static_cast<int>((m_today - p.first_visit).days() / 7);
    const bool could_be_pregnant = p.female && p.age >= 20 && p.age <= 43 && p.current &&
                                   p.work() != demo::WorkKind::retired && 38 - weeks_since >= 14;
    if (could_be_pregnant && (a == Archetype::pregnancy || (a == Archetype::none && rng.per_mille(90)))) {
        p.conditions.insert(HC::pregnancy);
        p.pregnancy_weeks = rng.between(14, std::min(30, 38 - weeks_since));
    }
    switch (a) {
    case Archetype::anticoagulant:
        p.conditions.insert(HC::dvt_history);
        break;
    case Archetype::osteoporosis:
        p.conditions.insert(HC::osteoporosis);
        break;
    case Archetype::neuropathy:
        p.conditions.insert({HC::diabetes, HC::diabetic_neuropathy});
        break;
    case Archetype::sciatica:
        p.conditions.insert(HC::sciatica);
        break;
    case Archetype::urgent_red_flag:
    case Archetype::referred_red_flag:
        p.conditions.erase(HC::cancer_history);
        break;
    default:
        break;
    }
    if (p.has(HC::pregnancy)) p.conditions.erase(HC::osteoporosis);

    // Medications follow the conditions.
    auto take = [&](const auto& bank) {
        const auto& m = rng.pick(bank);
        p.medications.push_back(Medication{m.medication_class, std::string(m.name)});
    };
    if ((p.has(HC::dvt_history) && rng.percent(70)) || a == Archetype::anticoagulant ||
        (p.age >= 65 && rng.per_mille(80)))
        take(demo::anticoagulants);
    if (rng.per_mille(25)) take(demo::corticosteroids);
    if (rng.per_mille(p.has(HC::sciatica) || p.has(HC::herniated_disc) ? 250 : 50))
        take(demo::muscle_relaxants);
    if (p.has(HC::pregnancy)) {
        p.medications.push_back({MedicationClass::pain_killer, "Acetaminophen 500 mg as needed"});
        p.medications.push_back({MedicationClass::other, "Prenatal vitamins"});
    } else if (rng.per_mille(p.has(HC::sciatica) ? 550 : 330)) {
        take(demo::pain_killers);
    }
    if (p.has(HC::diabetes)) p.medications.push_back({MedicationClass::other, "Metformin 1000 mg"});
    if (p.has(HC::diabetic_neuropathy)) p.medications.push_back({MedicationClass::other, "Pregabalin 75 mg"});
    if (p.has(HC::hypertension))
        p.medications.push_back(
            {MedicationClass::other, rng.percent(50) ? "Amlodipine 5 mg" : "Ramipril 5 mg"});
    if (p.has(HC::osteoporosis))
        p.medications.push_back({MedicationClass::other, "Alendronate 70 mg weekly"});
    if (!p.has(HC::pregnancy) && rng.per_mille(90)) take(demo::everyday_medications);
}

void DemoPracticeBuilder::choose_complaint(Persona& p, DemoRandom& rng) const {
    using demo::ComplaintFit;
    auto with_fit = [&](ComplaintFit fit) {
        std::vector<const demo::ComplaintPattern*> fits;
        for (const auto& c : demo::complaint_patterns)
            if (c.fit == fit) fits.push_back(&c);
        return rng.pick(fits);
    };
    const demo::WorkKind work = p.work();
    if (p.has(HealthCondition::pregnancy))
        p.pattern = with_fit(ComplaintFit::pregnancy);
    else if (p.has(HealthCondition::herniated_disc) && rng.percent(70))
        p.pattern = with_fit(ComplaintFit::disc);
    else if (p.has(HealthCondition::sciatica) && (p.archetype == Archetype::sciatica || rng.percent(70)))
        p.pattern = with_fit(ComplaintFit::sciatica);
    else if (work == demo::WorkKind::athlete && (p.archetype == Archetype::athlete || rng.percent(60)))
        p.pattern = with_fit(ComplaintFit::athlete);
    else if (work == demo::WorkKind::desk && (p.archetype == Archetype::desk_chronic || rng.percent(55)))
        p.pattern = with_fit(ComplaintFit::desk);
    else
        p.pattern = with_fit(ComplaintFit::general);

    const int roll = rng.below(100);
    p.duration = roll < 30   ? DurationClass::acute
                 : roll < 55 ? DurationClass::subacute
                             : DurationClass::chronic;
    if (p.archetype == Archetype::desk_chronic) p.duration = DurationClass::chronic;
    p.side = rng.percent(55) ? Side::right : Side::left;

    const int pref = rng.below(100);
    p.pressure = pref < 15   ? PressurePreference::light
                 : pref < 60 ? PressurePreference::medium
                 : pref < 85 ? PressurePreference::firm
                             : PressurePreference::deep;
    if (p.work() == demo::WorkKind::athlete && p.pressure < PressurePreference::firm)
        p.pressure = PressurePreference::firm;
    if (p.has(HealthCondition::fibromyalgia) || p.has(HealthCondition::osteoporosis) || p.age >= 75)
        p.pressure = PressurePreference::light;
    if (p.archetype == Archetype::desk_chronic) p.pressure = PressurePreference::firm;
}

// The clinical rules in words: deep pressure is off for anticoagulants, osteoporosis, recent
// injury or surgery (and pregnancy, cancer history); heat is off for neuropathy and heat
// sensitivity (and pregnancy, high blood pressure).
void DemoPracticeBuilder::derive_cautions(Persona& p) const {
    using HC = HealthCondition;
    auto limit = [&](int cap, std::string why, std::string_view reason) {
        p.pressure_cap = std::min(p.pressure_cap, cap);
        p.cautions.push_back(std::move(why));
        if (p.pressure_reason.empty()) p.pressure_reason = std::string(reason);
    };
    for (const auto& m : p.medications)
        if (m.medication_class == MedicationClass::anticoagulant)
            limit(4, "takes " + m.name + ", bruising risk", "Anticoagulant medication");
    if (p.has(HC::osteoporosis)) limit(4, "osteoporosis", "Osteoporosis");
    if (p.has(HC::pregnancy)) limit(5, "pregnancy", "Pregnancy");
    if (p.has(HC::recent_surgery)) limit(5, "recent surgery", "Recent surgery");
    if (p.has(HC::recent_injury)) limit(5, "recent injury", "A recent injury");
    if (p.has(HC::cancer_history)) limit(5, "history of cancer", "A history of cancer");
    if (p.has(HC::dvt_history)) limit(5, "history of DVT: no deep work on the legs", "A history of DVT");
    if (p.has(HC::fibromyalgia)) limit(5, "fibromyalgia: start light", "Fibromyalgia");
    if (p.has(HC::herniated_disc))
        limit(6, "herniated disc: no deep pressure over the spine", "The herniated disc");
    for (const auto& m : p.medications)
        if (m.medication_class == MedicationClass::corticosteroid)
            limit(6, "takes " + m.name + ", fragile tissue", "Long-term corticosteroids");
    const bool heat_caution = p.has(HC::diabetic_neuropathy) || p.has(HC::heat_sensitivity) ||
                              p.has(HC::pregnancy) || p.has(HC::hypertension);
    if (heat_caution) {
        p.no_heat = true;
        if (p.has(HC::diabetic_neuropathy))
            p.cautions.push_back("diabetic neuropathy: no heat");
        else if (p.has(HC::heat_sensitivity))
            p.cautions.push_back("heat sensitivity: no heat");
    }
    if (p.has(HC::varicose_veins)) p.cautions.push_back("varicose veins: avoid the area");
    if (p.has(HC::open_wounds)) p.cautions.push_back("open wound: avoid the area");
}

// A small demo needs a few appointments on "today": a client seen recently gets a series whose
// k-th session falls on today, by choosing the first visit to fit.
void DemoPracticeBuilder::anchor_on_today(Persona& p, DemoRandom& rng) {
    if (!p.current || p.red_flag != RedFlagPath::none || m_summary.appointments_today >= m_today_target)
        return;
    if (m_profile.is_closed(m_today)) return;
    SeriesChoice series = choose_series(PlanKind::initial, rng);
    for (int k = 1; k < series.count; ++k) {
        const Date first = m_today - days(series_offset(series, k));
        if (m_profile.is_closed(first) || first < m_today - days(120)) continue;
        bool clear = true; // no session before k may land on a closed day and slide onto today
        for (int i = 0; i < k; ++i)
            if (m_profile.is_closed(first + days(series_offset(series, i)))) clear = false;
        if (!clear) continue;
        p.first_visit = first;
        p.first_series = series;
        while (age_on(p.date_of_birth, p.first_visit) < 18)
            p.date_of_birth -= days(30);
        return;
    }
}

ClientDetails DemoPracticeBuilder::make_client_details(const Persona& p, DemoRandom& rng) const {
    const auto& culture = *p.culture;
    const demo::NameEntry& given = rng.pick(p.female ? culture.female : culture.male);
    const demo::NameEntry& family = rng.pick(culture.family);
    auto latin = [](const demo::NameEntry& n) {
        std::string s;
        for (char c : (n.latin.empty() ? n.name : n.latin))
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                s += c;
            else if (c >= 'A' && c <= 'Z')
                s += static_cast<char>(c - 'A' + 'a');
        return s;
    };
    auto phone = [&] {
        const int style = rng.below(100);
        const std::string line = "555-01" + std::to_string(rng.between(10, 99));
        if (style < 3) return "+44 7700 900" + std::to_string(rng.between(100, 999)); // visiting from the UK
        const std::string area(rng.pick(demo::area_codes));
        if (style < 60) return "(" + area + ") " + line;
        if (style < 85) return area + "-" + line;
        return "+1 " + area + " " + line.substr(0, 3) + " " + line.substr(4);
    };

    ClientDetails d;
    d.given_name = std::string(given.name);
    d.family_name = std::string(family.name);
    if (!given.preferred.empty() && rng.percent(60)) d.preferred_name = std::string(given.preferred);
    d.date_of_birth = p.date_of_birth;
    d.phone = phone();
    if (rng.percent(75)) {
        const std::string handle =
            rng.percent(60) ? latin(given) + "." + latin(family)
                            : latin(given).substr(0, 1) + latin(family) + std::to_string(rng.between(1, 99));
        d.email = handle + "@" + std::string(rng.pick(demo::email_domains));
    }
    const auto& area = rng.pick(demo::city_areas);
    std::string postal;
    postal += area.postal_letter;
    postal += static_cast<char>('0' + rng.between(1, 9));
    postal += rng.pick(demo::postal_letters);
    postal += ' ';
    postal += static_cast<char>('0' + rng.between(0, 9));
    postal += rng.pick(demo::postal_letters);
    postal += static_cast<char>('0' + rng.between(0, 9));
    d.address = (rng.percent(30) ? "Apt " + std::to_string(rng.between(101, 2408)) + ", " : std::string()) +
                std::to_string(rng.between(2, 2999)) + " " + std::string(rng.pick(demo::street_names)) +
                "\n" + std::string(area.city) + ", ON " + postal;

    if (rng.percent(85)) {
        const std::string_view relation = rng.pick(demo::emergency_relations);
        const bool same_family = relation != "friend" && relation != "partner";
        const demo::NameEntry& contact = rng.pick(rng.percent(50) ? culture.female : culture.male);
        const demo::NameEntry& contact_family = same_family ? family : rng.pick(culture.family);
        d.emergency_contact_name = std::string(contact.name) + " " + std::string(contact_family.name) + " (" +
                                   std::string(relation) + ")";
        d.emergency_contact_phone = phone();
    }
    d.referral_source = std::string(rng.pick(demo::referral_sources));
    if (d.referral_source == "Family physician" || p.red_flag != RedFlagPath::none || rng.percent(10))
        d.referring_physician = std::string(rng.pick(demo::physicians));
    d.occupation = std::string(p.occupation->title);
    d.activity = p.occupation->activity;
    d.conditions = p.conditions;
    d.health_notes = health_notes(p, rng);
    d.medications = p.medications;
    if (rng.percent(18)) d.allergies = std::string(rng.pick(demo::allergies));
    d.pressure_preference = p.pressure;
    if (rng.percent(15))
        d.sensitive_areas = fill(rng.pick(demo::sensitive_areas), {{"side", side_word(p.side)}});
    d.consent_date = p.first_visit;
    return d;
}

std::string DemoPracticeBuilder::health_notes(const Persona& p, DemoRandom& rng) const {
    using HC = HealthCondition;
    const Date intake = p.first_visit;
    const std::string side(side_word(p.side));
    auto ago = [&](int min_months, int max_months) {
        return month_year(intake - days(30 * rng.between(min_months, max_months)));
    };
    auto year_ago = [&](int min_years, int max_years) {
        return std::to_string(intake.year() - rng.between(min_years, max_years));
    };
    std::vector<std::string> notes;
    if (p.has(HC::sciatica))
        notes.push_back("Sciatica on the " + side + ", on and off for " + std::to_string(rng.between(1, 8)) +
                        " years; worse with prolonged sitting.");
    if (p.has(HC::herniated_disc))
        notes.push_back(std::string(rng.percent(60) ? "L5-S1" : "L4-L5") + " disc herniation on MRI (" +
                        year_ago(0, 4) + ").");
    if (p.has(HC::fibromyalgia))
        notes.push_back("Fibromyalgia since " + year_ago(2, 12) + "; flares with stress and poor sleep.");
    if (p.has(HC::osteoporosis))
        notes.push_back("Osteoporosis on bone density scan (" + year_ago(0, 6) + "); no fractures.");
    if (p.has(HC::pregnancy)) {
        const Date due = intake + days(7 * (40 - p.pregnancy_weeks));
        notes.push_back("Pregnant, " + std::to_string(p.pregnancy_weeks) + " weeks at intake; due " +
                        to_iso(due) + ". Midwife happy for massage.");
    }
    if (p.has(HC::recent_surgery))
        notes.push_back(
            std::string(rng.percent(50) ? "Laparoscopic appendectomy" : "Knee arthroscopy on the " + side) +
            " in " + ago(1, 4) + ".");
    if (p.has(HC::recent_injury))
        notes.push_back(std::string(rng.percent(50) ? "Sprained ankle" : "Hamstring strain") + " in " +
                        ago(0, 2) + "; healing.");
    if (p.has(HC::dvt_history)) notes.push_back("DVT in the left calf in " + year_ago(1, 10) + ", treated.");
    if (p.has(HC::diabetes))
        notes.push_back(rng.percent(80) ? "Type 2 diabetes, on metformin."
                                        : "Type 1 diabetes since childhood, insulin pump.");
    if (p.has(HC::diabetic_neuropathy))
        notes.push_back(
            "Reduced sensation in both feet (diabetic neuropathy): check pressure often, no heat.");
    if (p.has(HC::heat_sensitivity)) notes.push_back("Feels faint with heat; no hot stones or heat packs.");
    if (p.has(HC::cancer_history))
        notes.push_back(std::string(p.female          ? "Breast"
                                    : rng.percent(50) ? "Prostate"
                                                      : "Colon") +
                        " cancer treated in " + year_ago(2, 9) + "; in remission, yearly follow-up.");
    if (p.has(HC::varicose_veins))
        notes.push_back("Varicose veins behind both knees and on the " + side + " calf.");
    if (p.has(HC::open_wounds)) notes.push_back("Healing graze on the " + side + " forearm; keep covered.");
    if (p.has(HC::skin_condition))
        notes.push_back(rng.percent(50) ? "Eczema on the forearms; unscented products only."
                                        : "Psoriasis patches on the elbows and lower back.");
    if (p.has(HC::hypertension)) notes.push_back("High blood pressure, well controlled.");
    std::string out;
    for (const auto& n : notes)
        out += (out.empty() ? "" : "\n") + n;
    return out;
}

// ---- History: assessments, plans, sessions ----------------------------------------------------

Assessment DemoPracticeBuilder::add_assessment(ClientId client, AssessmentDetails details) {
    Assessment a(client, std::move(details), m_today);
    m_assessments.add(a);
    ++m_summary.assessments;
    return a;
}

// Returns the last day anything happened for the client.
Date DemoPracticeBuilder::write_history(const Persona& p, const Client& client, DemoRandom& rng) {
    Date visit = p.first_visit;
    AssessmentDetails first = baseline_details(p, visit, rng);
    if (p.red_flag != RedFlagPath::none) record_red_flags(p, first, rng);
    Assessment basis = add_assessment(client.id(), first);
    if (p.red_flag == RedFlagPath::urgent) {
        ++m_summary.red_flag_referrals;
        return visit; // sent to emergency care: no treatment here
    }
    if (p.red_flag == RedFlagPath::referred) {
        ++m_summary.red_flag_referrals;
        Date cleared = visit + days(rng.between(21, 42));
        while (m_profile.is_closed(cleared))
            cleared += days(1);
        if (cleared > m_today) return visit; // still waiting for medical clearance
        visit = cleared;
        basis = add_assessment(client.id(), clearance_details(first, visit, rng));
    }

    Date start = visit;
    if (!p.first_series && rng.percent(40)) start = visit + days(rng.between(1, 6));
    EpisodeResult episode = write_episode(p, client, basis, visit, start, PlanKind::initial, rng);
    Date last = std::max(visit, episode.last_day);
    if (!episode.finished || p.archetype == Archetype::archived) return last;

    const bool maintain = p.archetype == Archetype::maintenance ||
                          (!episode.discontinued && episode.responded && rng.percent(60));
    if (maintain && !episode.discontinued) {
        // Some clients keep coming for years, one maintenance series after another: the long
        // charts a practice accumulates (and the 100-session histories the benchmarks load).
        const bool for_years = p.archetype == Archetype::maintenance || rng.percent(3);
        // They stop a year before today, so the busy present is not booked any fuller.
        const Date until = std::min(episode.last_day + days(365 * rng.between(2, 15)), m_today - days(365));
        Assessment latest = episode.latest ? *episode.latest : basis;
        Date day = episode.last_day;
        while (true) {
            EpisodeResult more = write_episode(p, client, latest, day, day + days(14), PlanKind::maintenance, rng);
            last = std::max(last, more.last_day);
            if (!for_years || !more.finished || more.discontinued || more.last_day >= until) break;
            if (more.latest) latest = *more.latest;
            day = more.last_day;
        }
        return last;
    }
    if (rng.percent(episode.discontinued ? 20 : 60)) {
        Date flare = episode.last_day + days(rng.between(60, 540));
        while (m_profile.is_closed(flare))
            flare -= days(1);
        if (flare >= m_today) return last;
        AssessmentDetails again = baseline_details(p, flare, rng);
        again.notes = episode.discontinued
                          ? "New episode: returns with the " + std::string(p.pattern->area) +
                                " pain; the last series stopped early in " + month_year(episode.last_day) +
                                "."
                          : "New episode: returns with the " + std::string(p.pattern->area) +
                                " pain after a good spell since " + month_year(episode.last_day) + ".";
        const Assessment fresh = add_assessment(client.id(), again);
        EpisodeResult second = write_episode(p, client, fresh, flare, flare, PlanKind::initial, rng);
        return std::max(flare, second.last_day);
    }
    return last;
}

AssessmentDetails DemoPracticeBuilder::baseline_details(const Persona& p, Date on, DemoRandom& rng) const {
    const demo::ComplaintPattern& pattern = *p.pattern;
    const std::string side(side_word(p.side));
    AssessmentDetails d;
    d.assessed_on = on;
    d.therapist = m_therapists[static_cast<std::size_t>(p.therapist)];
    d.chief_complaint = fill(pattern.complaint, {{"side", side}});
    switch (p.duration) {
    case DurationClass::acute:
        d.duration_weeks = rng.between(1, 5);
        break;
    case DurationClass::subacute:
        d.duration_weeks = rng.between(6, 12);
        break;
    case DurationClass::chronic:
        d.duration_weeks = rng.percent(60) ? rng.between(13, 52) : rng.between(53, 520);
        break;
    }
    d.onset_date = on - days(7 * d.duration_weeks + rng.between(0, 6));

    const int worst = p.work() == demo::WorkKind::athlete ? rng.between(4, 8) : rng.between(5, 10);
    const int best = rng.between(0, std::max(0, worst - 3));
    const int now = rng.between(std::max(best, worst - 4), worst);
    d.pain_worst = PainScore(worst, "pain at worst");
    d.pain_best = PainScore(best, "pain at best");
    d.pain_now = PainScore(now, "pain now");

    const int regions = rng.between(1, 4);
    for (int i = 0; i < regions; ++i) {
        const auto& spec = pattern.pain_regions[static_cast<std::size_t>(i)];
        const int intensity = i == 0 ? now : std::max(1, now - rng.between(0, 3));
        const PainQuality quality = i == 0            ? pattern.quality
                                    : rng.percent(60) ? PainQuality::aching
                                                      : PainQuality::stiffness;
        d.pain_map.push_back(
            {spec.region, resolve(spec.side, p.side), PainScore(intensity, "pain map intensity"), quality});
    }

    const bool chronic = p.duration == DurationClass::chronic;
    for (int m : rng.distinct(4, rng.between(2, 4))) {
        const auto& spec = pattern.muscles[static_cast<std::size_t>(m)];
        PalpationFinding f;
        f.muscle = spec.region;
        f.side = resolve(spec.side, p.side);
        f.hypertonicity = chronic ? rng.between(2, 3) : rng.between(1, 3);
        f.tenderness = rng.between(1, 3);
        f.trigger_points = rng.percent(m < 2 ? 60 : 35) ? rng.between(1, 3) : 0;
        f.adhesions = rng.percent(chronic ? 45 : 8);
        f.note = std::string(rng.pick(demo::palpation_notes));
        d.palpation.push_back(std::move(f));
    }
    d.aggravating_factors = fill(pattern.aggravating, {{"side", side}});
    d.easing_factors = fill(pattern.easing, {{"side", side}});
    d.posture = fill(pattern.posture, {{"side", side}});
    d.range_of_motion = fill(pattern.range_of_motion, {{"side", side}});

    if (rng.percent(90)) {
        OdiResponses odi;
        const int level = std::clamp((now + worst + 2) / 6, 0, 5); // pain 5 of worst 7: about 40%
        for (int s = 0; s < odi_section_count; ++s)
            odi.set(static_cast<OdiSection>(s), std::clamp(level + rng.between(-1, 1), 0, 5));
        odi.set(OdiSection::pain_intensity, std::clamp((now + 1) / 2, 0, 5));
        if (rng.percent(12))
            odi.set(OdiSection::sex_life, std::nullopt);
        else if (rng.percent(4))
            odi.set(static_cast<OdiSection>(rng.between(1, 9)), std::nullopt);
        d.odi = odi;
    }
    if (rng.percent(65)) {
        const int yes = std::clamp((now + worst) * 24 / 30 + rng.between(-3, 3), 0, 24);
        RmdqResponses rmdq;
        for (int item : rng.distinct(rmdq_item_count, yes))
            rmdq.set_item(item + 1, true);
        d.rmdq = rmdq;
    }
    if (rng.percent(85)) {
        std::vector<std::string_view> bank(demo::psfs_general.begin(), demo::psfs_general.end());
        auto add_bank = [&](const auto& extra) { bank.insert(bank.begin(), extra.begin(), extra.end()); };
        if (p.has(HealthCondition::pregnancy))
            add_bank(demo::psfs_pregnancy);
        else if (p.work() == demo::WorkKind::athlete)
            add_bank(demo::psfs_athlete);
        else if (p.work() == demo::WorkKind::desk)
            add_bank(demo::psfs_desk);
        else if (p.work() == demo::WorkKind::physical)
            add_bank(demo::psfs_physical);
        const int count = rng.between(3, 5);
        std::vector<PsfsActivity> activities;
        // The client names the activities that matter to them: mostly their own kind.
        const int own = static_cast<int>(bank.size() - demo::psfs_general.size());
        for (int i = 0; static_cast<int>(activities.size()) < count; ++i) {
            const int pick = own > 0 && i < 2 ? rng.below(own) : rng.below(static_cast<int>(bank.size()));
            const std::string_view name = bank[static_cast<std::size_t>(pick)];
            const bool taken = std::any_of(activities.begin(), activities.end(),
                                           [&](const PsfsActivity& a) { return a.activity == name; });
            if (!taken)
                activities.push_back({std::string(name), std::clamp(7 - now / 2 + rng.between(-2, 1), 0, 8)});
        }
        d.psfs = PsfsResponses(std::move(activities));
    }
    d.red_flags.notes =
        rng.percent(70) ? "Screened: all negative." : "Red-flag questions asked; none positive.";
    if (p.has(HealthCondition::pregnancy))
        d.notes =
            "Treated side-lying with pillows; " + std::to_string(p.pregnancy_weeks) + " weeks pregnant.";
    return d;
}

void DemoPracticeBuilder::record_red_flags(const Persona& p, AssessmentDetails& d, DemoRandom& rng) const {
    if (p.red_flag == RedFlagPath::urgent) {
        d.red_flags.positive = {RedFlag::saddle_numbness, rng.percent(50) ? RedFlag::bladder_bowel_change
                                                                          : RedFlag::bilateral_leg_weakness};
        d.red_flags.notes = std::string(rng.pick(demo::urgent_referral_notes));
        d.red_flags.referred_to = std::string(rng.pick(demo::urgent_referral_targets));
        return;
    }
    const std::string doctor(rng.pick(demo::physicians));
    if (p.has(HealthCondition::cancer_history)) {
        d.red_flags.positive = {RedFlag::cancer_history};
        d.red_flags.notes =
            "History of cancer with new back pain. No treatment today; asked the client to see "
            "their oncologist or family physician for clearance before massage.";
        d.red_flags.referred_to = doctor + " (family physician)";
        return;
    }
    switch (rng.below(3)) {
    case 0:
        d.red_flags.positive = {RedFlag::night_pain, RedFlag::unexplained_weight_loss};
        d.red_flags.notes =
            "Pain wakes the client most nights and does not ease with changing position; about 5 kg "
            "lost over two months without trying. No treatment; referral letter given.";
        break;
    case 1:
        d.red_flags.positive = {RedFlag::suspected_dvt};
        d.red_flags.notes =
            "Left calf warm, swollen and tender since a long flight last week. No treatment; advised "
            "to see a doctor today.";
        break;
    default:
        d.red_flags.positive = {RedFlag::fever};
        d.red_flags.notes =
            "Fever and chills for three days with the back pain. No treatment; referred to the "
            "family physician.";
        break;
    }
    d.red_flags.referred_to = doctor + " (family physician)";
}

AssessmentDetails DemoPracticeBuilder::clearance_details(const AssessmentDetails& baseline, Date on,
                                                         DemoRandom& rng) const {
    AssessmentDetails d = baseline;
    d.assessed_on = on;
    d.duration_weeks = baseline.duration_weeks + static_cast<int>((on - baseline.assessed_on).days() / 7);
    const std::string doctor =
        baseline.red_flags.referred_to.substr(0, baseline.red_flags.referred_to.find(" ("));
    d.red_flags = RedFlagScreen{};
    d.red_flags.notes = "Screen repeated: negative.";
    d.notes = fill(rng.pick(demo::clearance_notes), {{"doctor", doctor}});
    return d;
}

AssessmentDetails DemoPracticeBuilder::reassessment_details(const Persona& p, const Assessment& basis,
                                                            Date on, int pain_now, Response response,
                                                            int number, int of, DemoRandom& rng) const {
    const AssessmentDetails& b = basis.details();
    AssessmentDetails d = b;
    d.assessed_on = on;
    d.duration_weeks = b.duration_weeks + static_cast<int>((on - b.assessed_on).days() / 7);
    const bool better = response == Response::improving;
    const bool worse = response == Response::worsening;

    int worst = b.pain_worst.value(), best = b.pain_best.value();
    if (better) worst = std::max(pain_now, worst - rng.between(1, 3));
    if (worse) worst = std::min(10, std::max(worst, pain_now + 1));
    worst = std::max(worst, pain_now);
    best = std::min(best, pain_now);
    if (better) best = std::max(0, std::min(best, pain_now - 1));
    d.pain_now = PainScore(pain_now, "pain now");
    d.pain_best = PainScore(best, "pain at best");
    d.pain_worst = PainScore(worst, "pain at worst");

    const int shift = better ? -rng.between(1, 3) : worse ? rng.between(0, 1) : rng.between(-1, 0);
    for (auto& e : d.pain_map)
        e.intensity = PainScore(std::clamp(e.intensity.value() + shift, 0, 10), "pain map intensity");
    for (auto& f : d.palpation) {
        if (better) {
            f.hypertonicity = std::max(0, f.hypertonicity - 1);
            f.tenderness = std::max(0, f.tenderness - rng.between(1, 2));
            f.trigger_points = std::max(0, f.trigger_points - rng.between(1, 2));
            if (rng.percent(60)) f.adhesions = false;
        }
    }
    if (better) d.range_of_motion = fill(p.pattern->range_better, {{"side", side_word(p.side)}});

    if (d.odi) {
        OdiResponses odi = *d.odi;
        for (int s = 0; s < odi_section_count; ++s) {
            const auto section = static_cast<OdiSection>(s);
            const auto value = odi.get(section);
            if (!value) continue;
            int delta = 0;
            if (better)
                delta = -(rng.percent(15) ? 0 : rng.percent(80) ? 1 : 2);
            else if (worse)
                delta = rng.percent(35) ? 1 : 0;
            else
                delta = rng.percent(12) ? (rng.percent(50) ? 1 : -1) : 0;
            odi.set(section, std::clamp(*value + delta, 0, 5));
        }
        d.odi = odi;
    }
    if (d.rmdq) {
        std::vector<int> yes, no;
        for (int item = 1; item <= rmdq_item_count; ++item)
            (d.rmdq->item(item) ? yes : no).push_back(item);
        RmdqResponses rmdq = *d.rmdq;
        if (better) {
            const int drop =
                std::min(static_cast<int>(yes.size()), std::max(5, static_cast<int>(yes.size()) / 2));
            for (int i : rng.distinct(static_cast<int>(yes.size()), drop))
                rmdq.set_item(yes[static_cast<std::size_t>(i)], false);
        } else if (worse) {
            for (int i : rng.distinct(static_cast<int>(no.size()), rng.between(1, 3)))
                rmdq.set_item(no[static_cast<std::size_t>(i)], true);
        } else if (!yes.empty() && rng.percent(50)) {
            rmdq.set_item(yes[static_cast<std::size_t>(rng.below(static_cast<int>(yes.size())))], false);
        }
        d.rmdq = rmdq;
    }
    if (d.psfs) {
        std::vector<PsfsActivity> activities = d.psfs->activities();
        for (auto& a : activities) {
            const int delta = better ? rng.between(2, 4) : worse ? -rng.between(0, 2) : rng.between(-1, 1);
            a.rating = std::clamp(a.rating + delta, 0, 10);
        }
        d.psfs = PsfsResponses(std::move(activities));
    }
    d.red_flags = RedFlagScreen{};
    d.red_flags.notes = "Re-screened: negative.";
    d.notes = "Re-assessment after session " + std::to_string(number) + " of " + std::to_string(of) + ".";
    if (!better) d.notes += " Little measurable change; discussed the plan with the client.";
    return d;
}

// ---- Plans ------------------------------------------------------------------------------------

SeriesChoice DemoPracticeBuilder::choose_series(PlanKind kind, DemoRandom& rng) const {
    SeriesChoice s;
    if (kind == PlanKind::maintenance) {
        s.count = rng.between(4, 8);
        s.frequency = Frequency::every_n_days;
        s.interval_days = rng.percent(60) ? 14 : 21;
    } else {
        constexpr int counts[] = {4, 5, 6, 6, 6, 8, 8, 8, 8, 8, 9, 10, 10, 10, 10, 10, 12, 12, 12, 12};
        s.count = rng.pick(counts);
        const int f = rng.below(100);
        if (f < 55) {
            s.frequency = Frequency::weekly;
        } else if (f < 75) {
            s.frequency = Frequency::twice_weekly;
            s.interval_days = 3;
        } else {
            s.frequency = Frequency::every_n_days;
            constexpr int intervals[] = {5, 10, 10, 14};
            s.interval_days = rng.pick(intervals);
        }
    }
    constexpr int lengths[] = {30, 45, 45, 45, 60, 60, 60, 60, 60, 60,
                               60, 60, 60, 75, 90, 90, 90, 90, 90, 60};
    s.minutes = rng.pick(lengths);
    return s;
}

std::vector<ChosenTechnique> DemoPracticeBuilder::choose_techniques(const Persona& p, const Assessment& basis,
                                                                    PlanKind kind, DemoRandom& rng) const {
    const auto& d = basis.details();
    const bool chronic = basis.duration_class() == DurationClass::chronic;
    const bool acute = basis.duration_class() == DurationClass::acute;
    const bool athletic =
        p.work() == demo::WorkKind::athlete || p.occupation->activity == ActivityLevel::active;
    const bool desk = p.pattern->fit == demo::ComplaintFit::desk;
    const bool firm = p.pressure >= PressurePreference::firm;

    struct Candidate {
        std::string_view code;
        int score;
        int rationale; // index into the technique's rationales
    };
    std::vector<Candidate> candidates;
    auto offer = [&](std::string_view code, int score, int rationale) {
        candidates.push_back({code, score + rng.between(0, 12), rationale});
    };
    const bool gentle = acute || p.pressure == PressurePreference::light || p.age >= 70;
    offer("swedish", 10 + (gentle ? 25 : 0) + (p.no_deep() ? 15 : 0), p.no_deep() ? 2 : acute ? 0 : 1);
    if (!p.no_deep())
        offer("deep_tissue",
              5 + (chronic && (basis.has_adhesions() || basis.max_hypertonicity() >= 3) ? 25 : 0) +
                  (firm ? 15 : 0),
              basis.has_adhesions() ? 0
              : chronic             ? 1
                                    : 2);
    if (basis.has_trigger_points()) offer("trigger_point", 30, p.no_deep() ? 2 : rng.below(2));
    offer("myofascial_release", 10 + (basis.has_adhesions() ? 20 : 0) + (desk ? 20 : 0),
          desk                    ? 2
          : basis.has_adhesions() ? 1
                                  : 0);
    if (athletic) offer("sports", p.work() == demo::WorkKind::athlete ? 35 : 15, rng.below(3));
    if (!p.no_heat)
        offer("hot_stone", (chronic ? 20 : 0) + (desk ? 8 : 0) + (kind == PlanKind::maintenance ? 10 : 0),
              p.no_deep() ? 2 : rng.below(2));
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.score > b.score; });

    const int count = std::min(static_cast<int>(candidates.size()), rng.between(2, 4));
    const std::string muscle = d.palpation.empty()
                                   ? std::string(p.pattern->area)
                                   : where(d.palpation.front().muscle, d.palpation.front().side);
    const std::string caution =
        p.pressure_reason.empty() ? std::string("The client's preference") : p.pressure_reason;
    const std::string limit = std::to_string(std::min(p.pressure_cap, 10));
    std::vector<ChosenTechnique> out;
    for (int i = 0; i < count; ++i) {
        const Candidate& c = candidates[static_cast<std::size_t>(i)];
        const auto& text = technique_text(c.code);
        out.push_back({std::string(c.code), fill(text.rationales[static_cast<std::size_t>(c.rationale)],
                                                 {{"muscle", muscle},
                                                  {"caution", caution},
                                                  {"caution_lower", lower_first(caution)},
                                                  {"limit", limit}})});
    }
    return out;
}

std::vector<Goal> DemoPracticeBuilder::plan_goals(const Persona& p, const Assessment& basis, PlanKind kind,
                                                  DemoRandom& rng) const {
    const auto& d = basis.details();
    const std::string area(p.pattern->area);
    const int pain = d.pain_now.value();
    std::vector<Goal> goals;
    if (kind == PlanKind::maintenance) {
        goals.push_back(
            {"Keep " + area + " pain at " + std::to_string(std::max(pain, 2)) + "/10 or below between visits",
             GoalMeasure::pain, pain, std::max(pain, 2)});
        goals.push_back({p.work() == demo::WorkKind::athlete ? "Stay in full training through the season"
                                                             : "Keep working full days without a flare-up",
                         GoalMeasure::activity, std::nullopt, std::nullopt});
        return goals;
    }
    const int target = std::max(0, std::min(pain - 2, 3));
    goals.push_back({"Reduce " + area + " pain from " + std::to_string(pain) + "/10 to " +
                         std::to_string(target) + "/10 or less",
                     GoalMeasure::pain, pain, target});
    if (const auto odi = basis.odi_score(); odi && rng.percent(80)) {
        const double b = std::round(*odi);
        const double t = std::max(0.0, b - (b >= 30 ? 20 : 10));
        goals.push_back(
            {"Bring the Oswestry score from " + one_decimal(b) + "% to " + one_decimal(t) + "% or below",
             GoalMeasure::odi, b, t});
    } else if (const auto rmdq = basis.rmdq_score(); rmdq && *rmdq >= 5) {
        goals.push_back({"Roland-Morris score from " + std::to_string(*rmdq) + " to " +
                             std::to_string(*rmdq - 5) + " or below",
                         GoalMeasure::rmdq, *rmdq, *rmdq - 5});
    }
    if (const auto psfs = basis.psfs_score(); psfs && rng.percent(60)) {
        const double b = std::round(*psfs * 10) / 10;
        const double t = std::min(10.0, std::round(b + 3));
        goals.push_back({"Raise the average PSFS rating from " + one_decimal(b) + " to " + one_decimal(t),
                         GoalMeasure::psfs, b, t});
    }
    if (d.psfs && rng.percent(75)) {
        const auto& acts = d.psfs->activities();
        const auto worst =
            std::min_element(acts.begin(), acts.end(), [](const PsfsActivity& a, const PsfsActivity& b) {
                return a.rating < b.rating;
            });
        goals.push_back({"Get back to " + lower_first(worst->activity) + " with little or no pain",
                         GoalMeasure::activity, std::nullopt, std::nullopt});
    }
    return goals;
}

std::vector<HomeCareItem> DemoPracticeBuilder::home_care(const Persona& p, DemoRandom& rng) const {
    std::vector<HomeCareKind> kinds = {HomeCareKind::stretching,   HomeCareKind::hydration,
                                       HomeCareKind::self_massage, HomeCareKind::pain_journal,
                                       HomeCareKind::exercise,     HomeCareKind::rest};
    if (!p.no_heat) kinds.push_back(HomeCareKind::heat);
    std::vector<HomeCareItem> items;
    for (int i : rng.distinct(static_cast<int>(kinds.size()), rng.between(2, 4))) {
        const HomeCareKind kind = kinds[static_cast<std::size_t>(i)];
        std::string text(home_care_template(kind));
        if (kind == HomeCareKind::stretching && p.has(HealthCondition::sciatica))
            text += demo::home_care_tweaks[0];
        else if (kind == HomeCareKind::stretching && p.work() == demo::WorkKind::desk)
            text += demo::home_care_tweaks[1];
        else if (kind == HomeCareKind::exercise && p.work() == demo::WorkKind::athlete)
            text += demo::home_care_tweaks[2];
        else if (kind == HomeCareKind::rest && p.has(HealthCondition::pregnancy))
            text += demo::home_care_tweaks[3];
        items.push_back({kind, std::move(text)});
    }
    std::sort(items.begin(), items.end(),
              [](const HomeCareItem& a, const HomeCareItem& b) { return a.kind < b.kind; });
    return items;
}

PlanDetails DemoPracticeBuilder::plan_details(const Persona& p, const Assessment& basis, Date created,
                                              Date start, const SeriesChoice& series, PlanKind kind,
                                              DemoRandom& rng) const {
    PlanDetails d;
    d.created_on = created;
    d.based_on_assessment = basis.id();
    d.goals = plan_goals(p, basis, kind, rng);
    d.techniques = choose_techniques(p, basis, kind, rng);
    for (const auto& e : basis.details().pain_map)
        d.regions.push_back({e.region, e.side});
    for (const auto& f : basis.details().palpation) {
        const TargetRegion r{f.muscle, f.side};
        if (d.regions.size() < 5 && std::find(d.regions.begin(), d.regions.end(), r) == d.regions.end())
            d.regions.push_back(r);
    }
    d.series.session_count = series.count;
    d.series.frequency = series.frequency;
    d.series.interval_days = series.interval_days;
    d.series.session_minutes = series.minutes;
    d.series.start_date = start;
    d.series.start_time = opening_time + pt::minutes(30 * p.preferred_slot);
    d.series.therapist = m_therapists[static_cast<std::size_t>(p.therapist)];
    if (kind == PlanKind::initial && series.count >= 4 && rng.percent(80))
        d.reassess_after_sessions = series.count / 2;
    d.home_care = home_care(p, rng);
    if (!p.cautions.empty()) {
        d.notes = "Cautions: ";
        for (std::size_t i = 0; i < p.cautions.size(); ++i)
            d.notes += (i ? "; " : "") + p.cautions[i];
        d.notes += ". Pressure kept to " + std::to_string(std::min(p.pressure_cap, 10)) + " or below.";
        if (p.no_heat) d.notes += " No heat.";
    } else if (kind == PlanKind::maintenance) {
        d.notes = "Maintenance visits after a good response to the first series.";
    }
    return d;
}

// ---- Sessions ---------------------------------------------------------------------------------

// Books the series on the calendar and decides what became of each appointment: past ones were
// attended, cancelled or missed; today's and later ones are still scheduled. `stop_after` >= 0
// ends the series early at that session (the client stopped coming).
std::vector<SessionOutline> DemoPracticeBuilder::book_series(const Persona& p, Date start,
                                                             const SeriesChoice& series, int stop_after,
                                                             DemoRandom& rng) {
    std::vector<SessionOutline> out;
    Date previous = start - days(1);
    for (int i = 0; i < series.count; ++i) {
        const Date intended = std::max(start + days(series_offset(series, i)), previous + days(1));
        SessionOutline s;
        s.booking = m_book->book(intended, p.therapist, p.preferred_slot, slots_for(series.minutes));
        previous = s.booking.day;
        if (s.booking.day >= m_today) {
            if (rng.percent(3)) {
                s.status = AppointmentStatus::cancelled;
                s.reason = "Client away on holiday that week";
            }
        } else if (i == stop_after) {
            s.status = rng.percent(50) ? AppointmentStatus::no_show : AppointmentStatus::cancelled;
            if (s.status == AppointmentStatus::cancelled) s.reason = "Client called to stop the series";
        } else {
            const int roll = rng.below(100);
            s.status = roll < 89   ? AppointmentStatus::completed
                       : roll < 96 ? AppointmentStatus::cancelled
                                   : AppointmentStatus::no_show;
            if (s.status == AppointmentStatus::cancelled)
                s.reason = std::string(rng.pick(demo::cancel_reasons));
        }
        if (s.booking.day == m_today && s.status == AppointmentStatus::scheduled)
            ++m_summary.appointments_today;
        out.push_back(std::move(s));
        if (i == stop_after && out.back().booking.day < m_today) break;
    }
    return out;
}

// A muscle among the plan's target regions (a spinal region only when the plan names no muscle).
const TargetRegion& pick_muscle(const PlanDetails& plan, DemoRandom& rng) {
    std::vector<const TargetRegion*> muscles;
    for (const auto& r : plan.regions)
        if (!is_spinal(r.region)) muscles.push_back(&r);
    return muscles.empty() ? rng.pick(plan.regions) : *rng.pick(muscles);
}

std::vector<AppliedTechnique>
DemoPracticeBuilder::applied_techniques(const Persona& p, const PlanDetails& plan, DemoRandom& rng) const {
    const int available = static_cast<int>(plan.techniques.size());
    const int count = std::min(available, rng.between(1, 3));
    const int total_minutes = plan.series.session_minutes - (plan.series.session_minutes >= 45 ? 10 : 5);
    std::vector<AppliedTechnique> out;
    int minutes_left = total_minutes;
    const auto chosen = rng.distinct(available, count);
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        const auto& code = plan.techniques[static_cast<std::size_t>(chosen[i])].technique;
        const auto& text = technique_text(code);
        const bool focused = code == "trigger_point" || code == "deep_tissue" || code == "sports";
        const TargetRegion& region = focused ? pick_muscle(plan, rng) : rng.pick(plan.regions);
        int pressure = rng.between(text.pressure_min, text.pressure_max);
        switch (p.pressure) {
        case PressurePreference::light:
            pressure -= 2;
            break;
        case PressurePreference::medium:
            break;
        case PressurePreference::firm:
            pressure += 1;
            break;
        case PressurePreference::deep:
            pressure += 2;
            break;
        }
        pressure = std::clamp(pressure, 1, std::min(p.pressure_cap, 10));
        const int remaining = static_cast<int>(chosen.size() - i - 1);
        const int minutes = remaining == 0
                                ? minutes_left
                                : 5 * rng.between(1, std::max(1, (minutes_left - 5 * remaining) / 5));
        minutes_left -= minutes;
        out.push_back({code, region.region, region.side, Pressure(pressure), std::max(minutes, 5)});
    }
    return out;
}

SoapNote DemoPracticeBuilder::session_note(const Persona& p, const PlanDetails& plan, int number,
                                           int pain_before, int pain_after, int previous_before,
                                           int baseline_pain, const std::string& reassessed,
                                           DemoRandom& rng) const {
    const int of = plan.series.session_count;
    const std::string area(p.pattern->area);
    const std::string before = std::to_string(pain_before), after = std::to_string(pain_after);
    SoapNote n;
    n.pain_before = PainScore(pain_before, "pain before");
    n.pain_after = PainScore(pain_after, "pain after");
    n.techniques = applied_techniques(p, plan, rng);
    const AppliedTechnique& main = n.techniques.front();
    const std::string muscle = where(main.region, main.side);
    const std::string technique(technique_text(main.technique).in_sentence);

    // Subjective: what the client says.
    std::string_view trend;
    if (previous_before >= 0) {
        trend = pain_before < previous_before    ? rng.pick(demo::subjective_better)
                : pain_before == previous_before ? rng.pick(demo::subjective_same)
                                                 : rng.pick(demo::subjective_worse);
    }
    std::string_view context;
    if (p.work() == demo::WorkKind::desk && rng.percent(30)) context = rng.pick(demo::subjective_work_desk);
    if (p.work() == demo::WorkKind::athlete && rng.percent(40))
        context = rng.pick(demo::subjective_work_athlete);
    const std::string opening =
        previous_before < 0 ? "First session of the series. Presenting with " +
                                  lower_first(fill(p.pattern->complaint, {{"side", side_word(p.side)}})) + "."
                            : std::string();
    n.subjective =
        sentences({opening, "Pain " + before + "/10 today.", fill(trend, {{"area", area}}), context,
                   previous_before >= 0 ? rng.pick(demo::subjective_home_care) : std::string_view{}});

    // Objective: what the hands and eyes found.
    const int progress = of > 1 ? (number - 1) * 100 / (of - 1) : 100;
    const int grade = std::clamp((pain_before >= 6 ? 3 : 2) - (pain_before <= 3 ? 1 : 0) -
                                     (progress > 60 && pain_before < baseline_pain ? 1 : 0),
                                 1, 3);
    const std::string palpation =
        "Palpation: " + std::string(demo::hypertonicity_words[static_cast<std::size_t>(grade)]) +
        " hypertonicity in the " + muscle + ".";
    std::string trigger;
    if (rng.percent(45)) {
        const TargetRegion& spot = pick_muscle(plan, rng);
        trigger = "Active trigger point in the " + where(spot.region, spot.side) +
                  " reproducing the familiar pain.";
    }
    const std::string range = progress > 60 && pain_before < baseline_pain
                                  ? fill(p.pattern->range_better, {{"side", side_word(p.side)}}) + "."
                                  : fill(p.pattern->range_of_motion, {{"side", side_word(p.side)}}) + ".";
    n.objective =
        sentences({palpation, trigger, rng.percent(60) ? std::string_view(range) : std::string_view{},
                   rng.pick(demo::objective_extras)});

    // Assessment: how the tissue and the pain responded.
    const int relief = pain_before - pain_after;
    const auto& bank = relief >= 2   ? std::span<const std::string_view>(demo::assessment_good)
                       : relief == 1 ? std::span<const std::string_view>(demo::assessment_modest)
                                     : std::span<const std::string_view>(demo::assessment_none);
    std::string assessment = fill(rng.pick(bank), {{"before", before}, {"after", after}, {"muscle", muscle}});
    if (number == of && pain_before < baseline_pain)
        assessment += " Over the series, pain before treatment fell from " + std::to_string(baseline_pain) +
                      "/10 to " + before + "/10.";
    n.assessment = assessment;

    // Plan: what comes next.
    std::string next = number == of
                           ? std::string(rng.pick(demo::plan_final))
                           : fill(rng.pick(demo::plan_next), {{"technique", technique}, {"muscle", muscle}});
    if (number < of && rng.percent(60)) next += " " + fill(rng.pick(demo::plan_home), {{"area", area}});
    n.plan = reassessed.empty() ? next : reassessed + " " + next;

    const bool firm_work = main.technique == "deep_tissue" || main.technique == "trigger_point";
    if (rng.per_mille(firm_work ? 70 : 30))
        n.adverse_reactions = fill(rng.pick(demo::adverse_reactions), {{"area", area}, {"muscle", muscle}});
    return n;
}

EpisodeResult DemoPracticeBuilder::write_episode(const Persona& p, const Client& client,
                                                 const Assessment& basis, Date created, Date start,
                                                 PlanKind kind, DemoRandom& rng) {
    const bool preset = kind == PlanKind::initial && p.first_series && start == p.first_visit;
    const SeriesChoice series = preset ? *p.first_series : choose_series(kind, rng);

    Response response = Response::improving;
    const int r = rng.below(100);
    if (p.archetype == Archetype::non_responder)
        response = Response::unchanged;
    else if (r >= 74)
        response = r < 93 ? Response::unchanged : Response::worsening;

    const int stop_after = kind == PlanKind::initial && series.count >= 4 && p.archetype == Archetype::none &&
                                   rng.percent(response == Response::improving ? 7 : 20)
                               ? rng.between(2, series.count - 2)
                               : -1;
    PlanDetails details = plan_details(p, basis, created, start, series, kind, rng);
    const std::vector<SessionOutline> outline = book_series(p, start, series, stop_after, rng);
    details.series.start_date = outline.front().booking.day; // a closed start day moves like any session
    details.series.start_time = opening_time + pt::minutes(30 * outline.front().booking.slot);

    EpisodeResult result;
    result.last_day = outline.back().booking.day;
    result.finished = result.last_day < m_today;
    result.discontinued =
        stop_after >= 0 && static_cast<int>(outline.size()) == stop_after + 1 && result.finished;
    result.responded = response == Response::improving;

    TreatmentPlan plan(client.id(), details);
    plan.activate();
    if (result.discontinued)
        plan.discontinue(std::string(rng.pick(demo::discontinue_reasons)));
    else if (result.finished)
        plan.complete();
    m_plans.add(plan);
    ++m_summary.plans;

    // Pain before treatment drifts from the baseline to where this series ends up.
    const int baseline_pain = basis.details().pain_now.value();
    const int end_pain = response == Response::improving   ? std::max(0, baseline_pain - rng.between(3, 5))
                         : response == Response::unchanged ? std::max(0, baseline_pain - rng.between(0, 1))
                                                           : std::min(10, baseline_pain + rng.between(1, 2));
    const int of = series.count;
    int previous_before = -1;
    bool reassessed = false;
    bool amended = false;
    for (std::size_t i = 0; i < outline.size(); ++i) {
        const SessionOutline& o = outline[i];
        const int number = static_cast<int>(i) + 1;
        const DateTime starts(o.booking.day, opening_time + pt::minutes(30 * o.booking.slot));
        Session s(client.id(), starts, starts + pt::minutes(series.minutes),
                  m_therapists[static_cast<std::size_t>(o.booking.therapist)]);
        s.set_series(SeriesPosition{plan.id(), number, of});
        std::optional<AssessmentDetails> reassessment;

        switch (o.status) {
        case AppointmentStatus::scheduled:
            ++m_summary.scheduled;
            break;
        case AppointmentStatus::cancelled:
            s.cancel(o.reason);
            ++m_summary.cancelled;
            break;
        case AppointmentStatus::no_show:
            s.mark_no_show();
            ++m_summary.no_shows;
            break;
        case AppointmentStatus::completed: {
            const int steps = std::max(1, of - 1);
            const int drift =
                (baseline_pain * (steps - number + 1) + end_pain * (number - 1) + steps / 2) / steps;
            const int noise = rng.percent(30) ? rng.between(-1, 1) : 0;
            const int pain_before = std::clamp(drift + noise, 0, 10);
            const int relief = response == Response::improving ? rng.between(1, 3) : rng.between(0, 1);
            const int pain_after = std::max(0, pain_before - relief);

            std::string reassessed_note;
            if (details.reassess_after_sessions && !reassessed &&
                number >= *details.reassess_after_sessions) {
                reassessment =
                    reassessment_details(p, basis, o.booking.day, pain_before, response, number, of, rng);
                reassessed = true;
                reassessed_note = "Re-assessed today (outcome measures repeated).";
                if (basis.odi_score() && reassessment->odi && reassessment->odi->score())
                    reassessed_note = "Re-assessed today: Oswestry " + one_decimal(*basis.odi_score()) +
                                      "% to " + one_decimal(*reassessment->odi->score()) + "%.";
            }
            s.mark_completed();
            SoapNote note = session_note(p, details, number, pain_before, pain_after, previous_before,
                                         baseline_pain, reassessed_note, rng);
            const bool recent = (m_today - o.booking.day).days() <= 10;
            const bool draft = rng.percent(recent ? 30 : 1);
            if (draft && rng.percent(50)) note.plan.clear(); // the therapist had not finished it
            s.write_note(std::move(note));
            previous_before = pain_before;
            if (draft) {
                ++m_summary.unsigned_drafts;
                break;
            }
            const DateTime signed_at = s.ends_at() + pt::minutes(rng.between(5, 120));
            s.sign(s.therapist(), signed_at);
            ++m_summary.signed_notes;
            // The amended_note archetype corrects its first signed note; others now and then.
            const bool amend = p.archetype == Archetype::amended_note ? !amended : rng.per_mille(15);
            const DateTime amended_at =
                signed_at + pt::hours(24 * rng.between(1, 4)) + pt::minutes(rng.between(0, 300));
            if (amend && amended_at < DateTime(m_today)) {
                const auto& a = rng.pick(demo::amendments);
                const AppliedTechnique& worked = s.note().techniques.front();
                s.amend(s.therapist(), amended_at, std::string(a.reason),
                        fill(a.text, {{"muscle", where(worked.region, worked.side)}}));
                amended = true;
                ++m_summary.amendments;
            }
            break;
        }
        }
        m_sessions.add(s);
        ++m_summary.sessions;
        if (reassessment) result.latest = add_assessment(client.id(), std::move(*reassessment));
    }
    return result;
}

} // namespace

DemoSummary generate_demo_practice(db::Database& db, const DemoOptions& options) {
    DemoPracticeBuilder builder(db, options);
    return builder.run();
}

} // namespace knotwork::app
