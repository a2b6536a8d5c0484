#include "core/record_transfer.h"

#include "assessment/assessment.h"
#include "audit_log.h"
#include "common/error.h"
#include "common/text.h"
#include "core/export_file.h"
#include "database.h"
#include "plan/treatment_plan.h"
#include "repositories/assessment_repository.h"
#include "repositories/client_repository.h"
#include "repositories/plan_repository.h"
#include "repositories/session_repository.h"
#include "session/session.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <set>

namespace knotwork::app {

namespace {

using Json = nlohmann::ordered_json;

// ---- writing ------------------------------------------------------------------------------

Json date_or_null(const std::optional<Date>& d) { return d ? Json(to_iso(*d)) : Json(nullptr); }

template <typename E>
Json code(E e) {
    return std::string(to_code(e));
}

template <typename Set>
Json codes(const Set& items) {
    Json out = Json::array();
    for (const auto& e : items) out.push_back(code(e));
    return out;
}

template <typename T>
Json or_null(const std::optional<T>& v) {
    return v ? Json(*v) : Json(nullptr);
}

Json red_flags_json(const RedFlagScreen& s) {
    return Json{{"positive", codes(s.positive)}, {"notes", s.notes}, {"referred_to", s.referred_to}};
}

Json client_json(const Client& c) {
    const ClientDetails& d = c.details();
    Json medications = Json::array();
    for (const auto& m : d.medications) medications.push_back(Json{{"class", code(m.medication_class)}, {"name", m.name}});
    return Json{{"id", c.id()},
                {"family_name", d.family_name},
                {"given_name", d.given_name},
                {"preferred_name", d.preferred_name},
                {"date_of_birth", date_or_null(d.date_of_birth)},
                {"phone", d.phone},
                {"email", d.email},
                {"address", d.address},
                {"emergency_contact_name", d.emergency_contact_name},
                {"emergency_contact_phone", d.emergency_contact_phone},
                {"referral_source", d.referral_source},
                {"referring_physician", d.referring_physician},
                {"occupation", d.occupation},
                {"activity", code(d.activity)},
                {"conditions", codes(d.conditions)},
                {"health_notes", d.health_notes},
                {"medications", medications},
                {"allergies", d.allergies},
                {"pressure_preference", code(d.pressure_preference)},
                {"sensitive_areas", d.sensitive_areas},
                {"consent_date", date_or_null(d.consent_date)},
                {"intake_red_flags", red_flags_json(d.intake_red_flags)},
                {"red_flags_screened_on", date_or_null(d.red_flags_screened_on)},
                {"archived_on", date_or_null(c.archived_on())}};
}

Json assessment_json(const Assessment& a) {
    const AssessmentDetails& d = a.details();
    Json pain_map = Json::array();
    for (const auto& p : d.pain_map)
        pain_map.push_back(Json{{"region", code(p.region)},
                                {"side", code(p.side)},
                                {"intensity", p.intensity.value()},
                                {"quality", code(p.quality)}});
    Json palpation = Json::array();
    for (const auto& p : d.palpation)
        palpation.push_back(Json{{"muscle", code(p.muscle)},
                                 {"side", code(p.side)},
                                 {"hypertonicity", p.hypertonicity},
                                 {"tenderness", p.tenderness},
                                 {"trigger_points", p.trigger_points},
                                 {"adhesions", p.adhesions},
                                 {"note", p.note}});
    Json odi = nullptr;
    if (d.odi) {
        Json sections = Json::object();
        for (const auto& e : enum_entries<OdiSection>()) sections[std::string(e.code)] = or_null(d.odi->get(e.value));
        odi = Json{{"sections", sections}, {"score", or_null(d.odi->score())}};
    }
    Json rmdq = nullptr;
    if (d.rmdq) {
        Json yes = Json::array();
        for (int item = 1; item <= rmdq_item_count; ++item)
            if (d.rmdq->item(item)) yes.push_back(item);
        rmdq = Json{{"yes_items", yes}, {"score", d.rmdq->score()}};
    }
    Json psfs = nullptr;
    if (d.psfs) {
        Json activities = Json::array();
        for (const auto& act : d.psfs->activities())
            activities.push_back(Json{{"activity", act.activity}, {"rating", act.rating}});
        psfs = Json{{"activities", activities}, {"score", d.psfs->score()}};
    }
    return Json{{"id", a.id()},
                {"assessed_on", to_iso(d.assessed_on)},
                {"therapist", d.therapist},
                {"chief_complaint", d.chief_complaint},
                {"onset_date", date_or_null(d.onset_date)},
                {"duration_weeks", d.duration_weeks},
                {"pain_now", d.pain_now.value()},
                {"pain_best", d.pain_best.value()},
                {"pain_worst", d.pain_worst.value()},
                {"pain_map", pain_map},
                {"aggravating_factors", d.aggravating_factors},
                {"easing_factors", d.easing_factors},
                {"posture", d.posture},
                {"range_of_motion", d.range_of_motion},
                {"palpation", palpation},
                {"odi", odi},
                {"rmdq", rmdq},
                {"psfs", psfs},
                {"red_flags", red_flags_json(d.red_flags)},
                {"notes", d.notes}};
}

Json plan_json(const TreatmentPlan& p) {
    const PlanDetails& d = p.details();
    Json goals = Json::array();
    for (const auto& g : d.goals)
        goals.push_back(Json{{"description", g.description},
                             {"measure", code(g.measure)},
                             {"baseline", or_null(g.baseline)},
                             {"target", or_null(g.target)}});
    Json techniques = Json::array();
    for (const auto& t : d.techniques) techniques.push_back(Json{{"technique", t.technique}, {"rationale", t.rationale}});
    Json regions = Json::array();
    for (const auto& r : d.regions) regions.push_back(Json{{"region", code(r.region)}, {"side", code(r.side)}});
    Json home_care = Json::array();
    for (const auto& h : d.home_care) home_care.push_back(Json{{"kind", code(h.kind)}, {"instructions", h.instructions}});
    const SeriesSpec& s = d.series;
    return Json{{"id", p.id()},
                {"status", code(p.status())},
                {"status_reason", p.status_reason()},
                {"created_on", to_iso(d.created_on)},
                {"based_on_assessment", or_null(d.based_on_assessment)},
                {"goals", goals},
                {"techniques", techniques},
                {"regions", regions},
                {"series", Json{{"session_count", s.session_count},
                                {"frequency", code(s.frequency)},
                                {"interval_days", s.interval_days},
                                {"session_minutes", s.session_minutes},
                                {"start_date", to_iso(s.start_date)},
                                {"start_time", to_hhmm(s.start_time)},
                                {"therapist", s.therapist}}},
                {"reassess_after_sessions", or_null(d.reassess_after_sessions)},
                {"home_care", home_care},
                {"notes", d.notes}};
}

Json session_json(const Session& s) {
    const SoapNote& n = s.note();
    Json techniques = Json::array();
    for (const auto& t : n.techniques)
        techniques.push_back(Json{{"technique", t.technique},
                                  {"region", code(t.region)},
                                  {"side", code(t.side)},
                                  {"pressure", t.pressure.value()},
                                  {"minutes", t.minutes}});
    Json series = nullptr;
    if (s.series()) series = Json{{"plan", s.series()->plan}, {"number", s.series()->number}, {"of", s.series()->of}};
    Json signature = nullptr;
    if (s.signature())
        signature = Json{{"signed_by", s.signature()->signed_by}, {"signed_at", to_iso(s.signature()->signed_at)}};
    Json amendments = Json::array();
    for (const auto& a : s.amendments())
        amendments.push_back(Json{
            {"author", a.author}, {"written_at", to_iso(a.written_at)}, {"reason", a.reason}, {"text", a.text}});
    const auto score = [](const std::optional<PainScore>& p) { return p ? Json(p->value()) : Json(nullptr); };
    return Json{{"id", s.id()},
                {"starts_at", to_iso(s.starts_at())},
                {"ends_at", to_iso(s.ends_at())},
                {"therapist", s.therapist()},
                {"status", code(s.status())},
                {"status_reason", s.status_reason()},
                {"series", series},
                {"note", Json{{"subjective", n.subjective},
                              {"objective", n.objective},
                              {"assessment", n.assessment},
                              {"plan", n.plan},
                              {"pain_before", score(n.pain_before)},
                              {"pain_after", score(n.pain_after)},
                              {"techniques", techniques},
                              {"adverse_reactions", n.adverse_reactions}}},
                {"signature", signature},
                {"amendments", amendments}};
}

// ---- reading ------------------------------------------------------------------------------

[[noreturn]] void fail(const std::string& path, const std::string& problem) {
    throw ValidationError(path.empty() ? "document" : path, problem);
}

std::string type_name(const Json& j) {
    if (j.is_null()) return "null";
    if (j.is_boolean()) return "true or false";
    if (j.is_number()) return "a number";
    if (j.is_string()) return "text";
    if (j.is_array()) return "a list";
    return "an object";
}

// One JSON object of the document: its fields by name, each required (null where the format
// allows none), and no field the format does not have.
class Obj {
public:
    Obj(const Json& j, std::string path) : m_j(j), m_path(std::move(path)) {
        if (!j.is_object()) fail(m_path, "must be an object (got " + type_name(j) + ")");
    }
    const std::string& path() const { return m_path; }
    std::string at(const std::string& key) const { return m_path.empty() ? key : m_path + "." + key; }

    const Json& field(const std::string& key) {
        const auto it = m_j.find(key);
        if (it == m_j.end()) fail(at(key), "is missing");
        m_used.insert(key);
        return *it;
    }
    bool is_null(const std::string& key) { return field(key).is_null(); }
    void ignore(const std::string& key) { m_used.insert(key); }

    std::string text(const std::string& key) {
        const Json& v = field(key);
        if (!v.is_string()) fail(at(key), "must be text (got " + type_name(v) + ")");
        return v.get<std::string>();
    }
    std::int64_t id(const std::string& key) { return integer(key, 1, std::numeric_limits<std::int64_t>::max()); }
    std::int64_t integer(const std::string& key, std::int64_t min, std::int64_t max) {
        const Json& v = field(key);
        if (!v.is_number_integer()) fail(at(key), "must be a whole number (got " + type_name(v) + ")");
        if (v.is_number_unsigned() &&
            v.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            fail(at(key), "must be at most " + std::to_string(max));
        const std::int64_t n = v.get<std::int64_t>();
        if (n < min || n > max)
            fail(at(key), "must be between " + std::to_string(min) + " and " + std::to_string(max) + " (got " +
                              std::to_string(n) + ")");
        return n;
    }
    std::optional<std::int64_t> optional_integer(const std::string& key, std::int64_t min, std::int64_t max) {
        if (is_null(key)) return std::nullopt;
        return integer(key, min, max);
    }
    std::optional<double> optional_number(const std::string& key) {
        const Json& v = field(key);
        if (v.is_null()) return std::nullopt;
        if (!v.is_number()) fail(at(key), "must be a number or null (got " + type_name(v) + ")");
        return v.get<double>();
    }
    bool boolean(const std::string& key) {
        const Json& v = field(key);
        if (!v.is_boolean()) fail(at(key), "must be true or false (got " + type_name(v) + ")");
        return v.get<bool>();
    }
    Date date(const std::string& key) { return parse_date(at(key), text(key)); }
    std::optional<Date> optional_date(const std::string& key) {
        if (is_null(key)) return std::nullopt;
        return date(key);
    }
    DateTime date_time(const std::string& key) { return parse_date_time(at(key), text(key)); }
    template <typename E>
    E enumeration(const std::string& key) {
        return from_code_at<E>(at(key), text(key));
    }
    template <typename E>
    std::set<E> enumerations(const std::string& key) {
        std::set<E> out;
        std::size_t i = 0;
        for (const Json& item : list(key)) {
            const std::string where = at(key) + "[" + std::to_string(i++) + "]";
            if (!item.is_string()) fail(where, "must be text (got " + type_name(item) + ")");
            if (!out.insert(from_code_at<E>(where, item.get<std::string>())).second) fail(where, "is listed twice");
        }
        return out;
    }
    const Json& list(const std::string& key) {
        const Json& v = field(key);
        if (!v.is_array()) fail(at(key), "must be a list (got " + type_name(v) + ")");
        return v;
    }
    // Each object of a list, with its path.
    std::vector<Obj> objects(const std::string& key) {
        std::vector<Obj> out;
        std::size_t i = 0;
        for (const Json& item : list(key)) out.emplace_back(item, at(key) + "[" + std::to_string(i++) + "]");
        return out;
    }
    Obj object(const std::string& key) { return Obj(field(key), at(key)); }
    // Refuses a field the format does not have (a misspelt name would otherwise be lost quietly).
    void done() const {
        for (const auto& [key, value] : m_j.items())
            if (!m_used.contains(key)) fail(at(key), "is not a field of this record (see the format's description)");
    }

    template <typename E>
    static E from_code_at(const std::string& where, const std::string& value) {
        for (const auto& e : enum_entries<E>())
            if (e.code == value) return e.value;
        std::string known;
        for (const auto& e : enum_entries<E>()) known += (known.empty() ? "" : ", ") + std::string(e.code);
        fail(where, "\"" + value + "\" is not a known " + std::string(EnumNames<E>::what) + " (use one of: " + known + ")");
    }

private:
    const Json& m_j;
    std::string m_path;
    std::set<std::string> m_used;
};

// Runs `build`; a domain rule it breaks is reported at `path`.
template <typename F>
auto checked(const std::string& path, F&& build) {
    try {
        return build();
    } catch (const ValidationError& e) {
        if (e.field().starts_with(path) && !path.empty()) throw; // already placed
        fail(path, e.field() + ": " + e.problem());
    }
}

RedFlagScreen read_red_flags(Obj o) {
    RedFlagScreen s;
    s.positive = o.enumerations<RedFlag>("positive");
    s.notes = o.text("notes");
    s.referred_to = o.text("referred_to");
    o.done();
    return s;
}

struct ClientInput {
    ClientDetails details;
    std::optional<Date> archived_on;
};

ClientInput read_client(Obj o, Date today) {
    ClientInput in;
    ClientDetails& d = in.details;
    o.id("id");
    d.family_name = o.text("family_name");
    d.given_name = o.text("given_name");
    d.preferred_name = o.text("preferred_name");
    d.date_of_birth = o.optional_date("date_of_birth");
    d.phone = o.text("phone");
    d.email = o.text("email");
    d.address = o.text("address");
    d.emergency_contact_name = o.text("emergency_contact_name");
    d.emergency_contact_phone = o.text("emergency_contact_phone");
    d.referral_source = o.text("referral_source");
    d.referring_physician = o.text("referring_physician");
    d.occupation = o.text("occupation");
    d.activity = o.enumeration<ActivityLevel>("activity");
    d.conditions = o.enumerations<HealthCondition>("conditions");
    d.health_notes = o.text("health_notes");
    for (Obj m : o.objects("medications")) {
        Medication med;
        med.medication_class = m.enumeration<MedicationClass>("class");
        med.name = m.text("name");
        m.done();
        d.medications.push_back(std::move(med));
    }
    d.allergies = o.text("allergies");
    d.pressure_preference = o.enumeration<PressurePreference>("pressure_preference");
    d.sensitive_areas = o.text("sensitive_areas");
    d.consent_date = o.optional_date("consent_date");
    d.intake_red_flags = read_red_flags(o.object("intake_red_flags"));
    d.red_flags_screened_on = o.optional_date("red_flags_screened_on");
    in.archived_on = o.optional_date("archived_on");
    o.done();
    in.details = checked(o.path(), [&] { return Client(d, today).details(); });
    if (in.archived_on && *in.archived_on > today) fail(o.at("archived_on"), "lies in the future");
    return in;
}

struct AssessmentInput {
    std::int64_t old_id = 0;
    AssessmentDetails details;
};

int small(Obj& o, const std::string& key, int min, int max) { return static_cast<int>(o.integer(key, min, max)); }

AssessmentInput read_assessment(Obj o, Date today) {
    AssessmentInput in;
    in.old_id = o.id("id");
    AssessmentDetails& d = in.details;
    d.assessed_on = o.date("assessed_on");
    d.therapist = o.text("therapist");
    d.chief_complaint = o.text("chief_complaint");
    d.onset_date = o.optional_date("onset_date");
    d.duration_weeks = small(o, "duration_weeks", 0, 10'000);
    d.pain_now = PainScore(small(o, "pain_now", 0, 10));
    d.pain_best = PainScore(small(o, "pain_best", 0, 10));
    d.pain_worst = PainScore(small(o, "pain_worst", 0, 10));
    for (Obj p : o.objects("pain_map")) {
        PainMapEntry e;
        e.region = p.enumeration<BodyRegion>("region");
        e.side = p.enumeration<Side>("side");
        e.intensity = PainScore(small(p, "intensity", 0, 10));
        e.quality = p.enumeration<PainQuality>("quality");
        p.done();
        d.pain_map.push_back(e);
    }
    d.aggravating_factors = o.text("aggravating_factors");
    d.easing_factors = o.text("easing_factors");
    d.posture = o.text("posture");
    d.range_of_motion = o.text("range_of_motion");
    for (Obj p : o.objects("palpation")) {
        PalpationFinding f;
        f.muscle = p.enumeration<BodyRegion>("muscle");
        f.side = p.enumeration<Side>("side");
        f.hypertonicity = small(p, "hypertonicity", 0, 3);
        f.tenderness = small(p, "tenderness", 0, 3);
        f.trigger_points = small(p, "trigger_points", 0, 1000);
        f.adhesions = p.boolean("adhesions");
        f.note = p.text("note");
        p.done();
        d.palpation.push_back(std::move(f));
    }
    if (!o.is_null("odi")) {
        Obj odi = o.object("odi");
        Obj sections = odi.object("sections");
        OdiResponses r;
        for (const auto& e : enum_entries<OdiSection>()) {
            const std::string key(e.code);
            if (const auto score = sections.optional_integer(key, 0, 5)) r.set(e.value, static_cast<int>(*score));
        }
        sections.done();
        odi.ignore("score"); // derived from the sections
        odi.done();
        d.odi = r;
    }
    if (!o.is_null("rmdq")) {
        Obj rmdq = o.object("rmdq");
        RmdqResponses r;
        std::size_t i = 0;
        for (const Json& item : rmdq.list("yes_items")) {
            const std::string where = rmdq.at("yes_items") + "[" + std::to_string(i++) + "]";
            if (!item.is_number_integer() || item.get<std::int64_t>() < 1 || item.get<std::int64_t>() > rmdq_item_count)
                fail(where, "must be an item number from 1 to " + std::to_string(rmdq_item_count));
            r.set_item(item.get<int>(), true);
        }
        rmdq.ignore("score");
        rmdq.done();
        d.rmdq = r;
    }
    if (!o.is_null("psfs")) {
        Obj psfs = o.object("psfs");
        std::vector<PsfsActivity> activities;
        for (Obj a : psfs.objects("activities")) {
            PsfsActivity act;
            act.activity = a.text("activity");
            act.rating = small(a, "rating", 0, 10);
            a.done();
            activities.push_back(std::move(act));
        }
        psfs.ignore("score");
        d.psfs = checked(psfs.at("activities"), [&] { return PsfsResponses(activities); });
        psfs.done();
    }
    d.red_flags = read_red_flags(o.object("red_flags"));
    d.notes = o.text("notes");
    o.done();
    in.details = checked(o.path(), [&] { return Assessment(0, d, today).details(); });
    return in;
}

struct PlanInput {
    std::int64_t old_id = 0;
    std::string path;
    PlanDetails details; // based_on_assessment still names the document's assessment id
    PlanStatus status = PlanStatus::draft;
    std::string status_reason;
};

PlanInput read_plan(Obj o, const std::set<std::int64_t>& assessment_ids) {
    PlanInput in;
    in.path = o.path();
    in.old_id = o.id("id");
    in.status = o.enumeration<PlanStatus>("status");
    in.status_reason = o.text("status_reason");
    checked(o.at("status_reason"), [&] {
        text::require_clean("status reason", in.status_reason, 2000);
        return 0;
    });
    PlanDetails& d = in.details;
    d.created_on = o.date("created_on");
    d.based_on_assessment = o.optional_integer("based_on_assessment", 1, std::numeric_limits<std::int64_t>::max());
    if (d.based_on_assessment && !assessment_ids.contains(*d.based_on_assessment))
        fail(o.at("based_on_assessment"), "names assessment " + std::to_string(*d.based_on_assessment) +
                                               ", which is not among this record's assessments");
    for (Obj g : o.objects("goals")) {
        Goal goal;
        goal.description = g.text("description");
        goal.measure = g.enumeration<GoalMeasure>("measure");
        goal.baseline = g.optional_number("baseline");
        goal.target = g.optional_number("target");
        g.done();
        d.goals.push_back(std::move(goal));
    }
    for (Obj t : o.objects("techniques")) {
        ChosenTechnique c;
        c.technique = t.text("technique");
        c.rationale = t.text("rationale");
        t.done();
        d.techniques.push_back(std::move(c));
    }
    for (Obj r : o.objects("regions")) {
        TargetRegion region;
        region.region = r.enumeration<BodyRegion>("region");
        region.side = r.enumeration<Side>("side");
        r.done();
        d.regions.push_back(region);
    }
    Obj s = o.object("series");
    d.series.session_count = small(s, "session_count", 0, 1000);
    d.series.frequency = s.enumeration<Frequency>("frequency");
    d.series.interval_days = small(s, "interval_days", 0, 1000);
    d.series.session_minutes = small(s, "session_minutes", 0, 10'000);
    d.series.start_date = s.date("start_date");
    d.series.start_time = parse_time_of_day(s.at("start_time"), s.text("start_time"));
    d.series.therapist = s.text("therapist");
    s.done();
    if (const auto r = o.optional_integer("reassess_after_sessions", 0, 1000)) d.reassess_after_sessions = static_cast<int>(*r);
    for (Obj h : o.objects("home_care")) {
        HomeCareItem item;
        item.kind = h.enumeration<HomeCareKind>("kind");
        item.instructions = h.text("instructions");
        h.done();
        d.home_care.push_back(std::move(item));
    }
    d.notes = o.text("notes");
    o.done();
    in.details = checked(o.path(), [&] { return TreatmentPlan(0, d).details(); });
    return in;
}

struct SessionInput {
    std::string path;
    DateTime starts_at, ends_at;
    std::string therapist;
    AppointmentStatus status = AppointmentStatus::scheduled;
    std::string status_reason;
    std::optional<SeriesPosition> series; // plan: the document's plan id
    SoapNote note;
    std::optional<Signature> signature;
    std::vector<Amendment> amendments;
};

// The domain's session, built the way the program builds one: the note written, the status set,
// the note signed, the amendments appended; each step checks what it takes.
Session build_session(const SessionInput& in, ClientId client, const std::map<std::int64_t, PlanId>& plans) {
    return checked(in.path, [&] {
        Session s(client, in.starts_at, in.ends_at, in.therapist);
        if (in.series) {
            SeriesPosition p = *in.series;
            const auto it = plans.find(p.plan);
            p.plan = it == plans.end() ? p.plan : it->second;
            s.set_series(p);
        }
        s.write_note(in.note);
        text::require_clean("status reason", in.status_reason, 2000);
        s.restore_status(in.status, in.status_reason);
        if (in.signature) s.sign(in.signature->signed_by, in.signature->signed_at);
        for (const auto& a : in.amendments) s.amend(a.author, a.written_at, a.reason, a.text);
        return s;
    });
}

SessionInput read_session(Obj o, const std::set<std::int64_t>& plan_ids) {
    SessionInput in;
    in.path = o.path();
    o.id("id");
    in.starts_at = o.date_time("starts_at");
    in.ends_at = o.date_time("ends_at");
    in.therapist = o.text("therapist");
    in.status = o.enumeration<AppointmentStatus>("status");
    in.status_reason = o.text("status_reason");
    if (!o.is_null("series")) {
        Obj s = o.object("series");
        SeriesPosition p;
        p.plan = s.id("plan");
        if (!plan_ids.contains(p.plan))
            fail(s.at("plan"), "names plan " + std::to_string(p.plan) + ", which is not among this record's plans");
        p.number = small(s, "number", 1, 1000);
        p.of = small(s, "of", 1, 1000);
        s.done();
        in.series = p;
    }
    Obj n = o.object("note");
    in.note.subjective = n.text("subjective");
    in.note.objective = n.text("objective");
    in.note.assessment = n.text("assessment");
    in.note.plan = n.text("plan");
    if (const auto p = n.optional_integer("pain_before", 0, 10)) in.note.pain_before = PainScore(static_cast<int>(*p));
    if (const auto p = n.optional_integer("pain_after", 0, 10)) in.note.pain_after = PainScore(static_cast<int>(*p));
    for (Obj t : n.objects("techniques")) {
        AppliedTechnique a{};
        a.technique = t.text("technique");
        a.region = t.enumeration<BodyRegion>("region");
        a.side = t.enumeration<Side>("side");
        a.pressure = Pressure(small(t, "pressure", 1, 10));
        a.minutes = small(t, "minutes", 0, 10'000);
        t.done();
        in.note.techniques.push_back(std::move(a));
    }
    in.note.adverse_reactions = n.text("adverse_reactions");
    n.done();
    if (!o.is_null("signature")) {
        Obj s = o.object("signature");
        in.signature = Signature{s.text("signed_by"), s.date_time("signed_at")};
        s.done();
    }
    for (Obj a : o.objects("amendments")) {
        Amendment am;
        am.author = a.text("author");
        am.written_at = a.date_time("written_at");
        am.reason = a.text("reason");
        am.text = a.text("text");
        a.done();
        in.amendments.push_back(std::move(am));
    }
    if (!in.signature && !in.amendments.empty())
        fail(o.at("amendments"), "only a signed note takes amendments, and this note has no signature");
    o.done();
    build_session(in, 0, {}); // every check now, before anything is written
    return in;
}

struct RecordInput {
    ClientInput client;
    std::vector<AssessmentInput> assessments;
    std::vector<PlanInput> plans;
    std::vector<SessionInput> sessions;
};

template <typename Id>
void require_unique(std::set<Id>& seen, Id id, const std::string& path) {
    if (!seen.insert(id).second) fail(path, "repeats id " + std::to_string(id) + " (each record's id must be unique)");
}

RecordInput read_record(std::string_view text, Date today) {
    Json doc;
    try {
        doc = Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error& e) {
        fail("document", "is not valid JSON (" + std::string(e.what()) + ")");
    }
    Obj root(doc, "");
    const Json& format = root.field("format");
    if (!format.is_string() || format.get<std::string>() != record_format_name)
        fail("format", "must be \"" + std::string(record_format_name) + "\" (this is not a Knotwork client record)");
    const Json& version = root.field("version");
    if (!version.is_number_integer()) fail("version", "must be a whole number");
    if (version.get<std::int64_t>() != record_format_version)
        fail("version", "is " + version.dump() + "; this Knotwork reads version " +
                            std::to_string(record_format_version) + " (a newer Knotwork wrote the file?)");
    root.text("exported_at");
    RecordInput in;
    in.client = read_client(root.object("client"), today);
    std::set<std::int64_t> assessment_ids, plan_ids;
    for (Obj a : root.objects("assessments")) {
        const std::string path = a.at("id");
        in.assessments.push_back(read_assessment(a, today));
        require_unique(assessment_ids, in.assessments.back().old_id, path);
    }
    for (Obj p : root.objects("plans")) {
        const std::string path = p.at("id");
        in.plans.push_back(read_plan(p, assessment_ids));
        require_unique(plan_ids, in.plans.back().old_id, path);
    }
    std::set<std::int64_t> session_ids;
    std::size_t i = 0;
    for (Obj s : root.objects("sessions")) {
        require_unique(session_ids, s.id("id"), s.at("id"));
        in.sessions.push_back(read_session(s, plan_ids));
        ++i;
    }
    root.done();
    return in;
}

} // namespace

std::string export_client_record(db::Database& db, ClientId client, DateTime exported_at) {
    const Client c = db::ClientRepository(db).get(client);
    Json assessments = Json::array();
    for (const auto& a : db::AssessmentRepository(db).for_client(client)) assessments.push_back(assessment_json(a));
    Json plans = Json::array();
    for (const auto& p : db::PlanRepository(db).for_client(client)) plans.push_back(plan_json(p));
    auto sessions = db::SessionRepository(db).for_client(client, std::numeric_limits<int>::max());
    std::reverse(sessions.begin(), sessions.end()); // oldest first, as they were written
    Json session_list = Json::array();
    for (const auto& s : sessions) session_list.push_back(session_json(s));
    const Json doc{{"format", record_format_name},
                   {"version", record_format_version},
                   {"exported_at", to_iso(exported_at) + "Z"},
                   {"client", client_json(c)},
                   {"assessments", assessments},
                   {"plans", plans},
                   {"sessions", session_list}};
    return doc.dump(2) + "\n";
}

void export_client_record_file(db::Database& db, ClientId client, const std::filesystem::path& file) {
    if (!db.can_read_clinical())
        throw Error("This account may not read clinical records, so it cannot export a client's whole record.");
    export_to_new_file(db, file, [&](std::ostream& out, ExportAudit& audit) {
        out << export_client_record(db, client);
        audit.entity = "client";
        audit.client = client;
        audit.what = "client record exported as JSON (" + std::string(record_format_name) + " " +
                     std::to_string(record_format_version) + ")";
        return std::size_t{1};
    });
}

RecordImportResult import_client_record(db::Database& db, std::string_view json, Date today) {
    const RecordInput in = read_record(json, today);

    RecordImportResult result;
    db::Transaction tx(db);
    db::ClientRepository clients(db);
    Client client(in.client.details, today);
    result.client = clients.add(client);
    if (in.client.archived_on) clients.archive(client, *in.client.archived_on);

    std::map<std::int64_t, AssessmentId> assessment_ids;
    db::AssessmentRepository assessments(db);
    for (const auto& a : in.assessments) {
        Assessment assessment(result.client, a.details, today);
        assessment_ids[a.old_id] = assessments.add(assessment);
    }
    std::map<std::int64_t, PlanId> plan_ids;
    db::PlanRepository plans(db);
    for (const auto& p : in.plans) {
        PlanDetails details = p.details;
        if (details.based_on_assessment) details.based_on_assessment = assessment_ids.at(*details.based_on_assessment);
        TreatmentPlan plan = checked(p.path, [&] { return TreatmentPlan(result.client, details); });
        plan.restore_status(p.status, p.status_reason);
        plan_ids[p.old_id] = plans.add(plan);
    }
    db::SessionRepository sessions(db);
    for (const auto& s : in.sessions) {
        Session session = build_session(s, result.client, plan_ids);
        sessions.add(session);
        if (session.is_signed()) ++result.signed_notes;
        result.amendments += session.amendments().size();
    }
    db::AuditLog(db).record(db::AuditAction::create, "client", result.client, result.client,
                            "client record imported (" + std::string(record_format_name) + " " +
                                std::to_string(record_format_version) + "): " + std::to_string(in.assessments.size()) +
                                " assessments, " + std::to_string(in.plans.size()) + " plans, " +
                                std::to_string(in.sessions.size()) + " sessions");
    tx.commit();
    result.assessments = in.assessments.size();
    result.plans = in.plans.size();
    result.sessions = in.sessions.size();
    return result;
}

RecordImportResult import_client_record_file(db::Database& db, const std::filesystem::path& file, Date today) {
    return import_client_record(db, read_import_file(file, max_record_bytes), today);
}

} // namespace knotwork::app
