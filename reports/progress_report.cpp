#include "progress_report.h"

#include "report_text.h"

#include "common/error.h"
#include "common/text.h"
#include "screening/red_flags.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

namespace knotwork {

namespace {
constexpr std::array<EnumEntry<report::Recommendation>, 4> recommendation_names{{
    {report::Recommendation::continue_treatment, "continue", "Continue treatment"},
    {report::Recommendation::modify_plan, "modify", "Modify the treatment plan"},
    {report::Recommendation::discharge, "discharge", "Discharge"},
    {report::Recommendation::refer, "refer", "Refer to a physician"},
}};
constexpr std::array<EnumEntry<report::GoalStatus>, 4> goal_status_names{{
    {report::GoalStatus::met, "met", "Met"},
    {report::GoalStatus::progressing, "progressing", "Progressing"},
    {report::GoalStatus::not_met, "not_met", "Not met"},
    {report::GoalStatus::not_measured, "not_measured", "Not measured"},
}};
constexpr std::array<EnumEntry<report::OutcomeSource>, 2> outcome_source_names{{
    {report::OutcomeSource::assessment, "assessment", "Assessment"},
    {report::OutcomeSource::session_ratings, "session_ratings", "Session pain ratings"},
}};
} // namespace

std::span<const EnumEntry<report::Recommendation>> EnumNames<report::Recommendation>::entries() {
    return recommendation_names;
}
std::span<const EnumEntry<report::GoalStatus>> EnumNames<report::GoalStatus>::entries() { return goal_status_names; }
std::span<const EnumEntry<report::OutcomeSource>> EnumNames<report::OutcomeSource>::entries() {
    return outcome_source_names;
}

} // namespace knotwork

namespace knotwork::report {

namespace {

constexpr double eps = 1e-9;

bool earlier(const Assessment& a, const Assessment& b) {
    if (a.details().assessed_on != b.details().assessed_on) return a.details().assessed_on < b.details().assessed_on;
    return a.id() < b.id();
}

// What the report covers, resolved against the records.
struct Scope {
    Date from;
    Date to;
    const TreatmentPlan* plan = nullptr;        // the plan asked for, if any
    std::vector<const TreatmentPlan*> plans;    // every plan the period touches, oldest first
    std::vector<const Session*> sessions;       // up to the report date, oldest first
    int upcoming = 0;                           // booked after the report date
    const Assessment* baseline = nullptr;
    const Assessment* latest = nullptr;         // a later assessment within the period
    std::vector<const Session*> signed_sessions;
};

std::vector<const Session*> sorted_sessions(const std::vector<Session>& all) {
    std::vector<const Session*> out;
    out.reserve(all.size());
    for (const auto& s : all) out.push_back(&s);
    std::sort(out.begin(), out.end(), [](const Session* a, const Session* b) {
        if (a->starts_at() != b->starts_at()) return a->starts_at() < b->starts_at();
        return a->id() < b->id();
    });
    return out;
}

std::vector<const Assessment*> sorted_assessments(const std::vector<Assessment>& all) {
    std::vector<const Assessment*> out;
    for (const auto& a : all) out.push_back(&a);
    std::sort(out.begin(), out.end(), [](const Assessment* a, const Assessment* b) { return earlier(*a, *b); });
    return out;
}

Date plan_start(const TreatmentPlan& p) {
    const Date start = p.details().series.start_date;
    return start.is_special() ? p.details().created_on : std::min(start, p.details().created_on);
}

std::string plan_description(const TreatmentPlan& plan) {
    const auto& d = plan.details();
    std::string s = "Treatment plan of " + long_date(d.created_on) + ": " + std::to_string(d.series.session_count) +
                    (d.series.session_count == 1 ? " session" : " sessions") + " of " +
                    std::to_string(d.series.session_minutes) + " minutes, " + frequency_text(d.series);
    if (plan.status() != PlanStatus::active) s += " (" + text::ascii_lower(label(plan.status())) + ")";
    return s;
}

std::string period_description(const Scope& scope) {
    if (!scope.plan) return "Sessions from " + long_date(scope.from) + " to " + long_date(scope.to);
    return plan_description(*scope.plan);
}

Scope resolve_scope(const ClientHistory& h, const ReportRequest& request) {
    if (request.report_date.is_special()) throw ValidationError("report date", "must be a date");
    const Date report_date = request.report_date;
    Scope scope;
    const auto sessions = sorted_sessions(h.sessions);

    auto in_scope = [&](const Session& s) {
        if (scope.plan) return s.series() && s.series()->plan == scope.plan->id();
        const Date day = s.starts_at().date();
        return day >= scope.from && day <= scope.to;
    };

    if (request.period.plan) {
        for (const auto& p : h.plans)
            if (p.id() == *request.period.plan) scope.plan = &p;
        if (!scope.plan)
            throw NotFoundError(h.client.display_name() + " has no treatment plan with id " +
                                std::to_string(*request.period.plan) + ".");
        scope.plans = {scope.plan};
        scope.from = plan_start(*scope.plan);
        scope.to = report_date;
        if (scope.plan->status() == PlanStatus::completed || scope.plan->status() == PlanStatus::discontinued) {
            Date last = scope.from;
            for (const Session* s : sessions)
                if (in_scope(*s) && s->starts_at().date() <= report_date) last = std::max(last, s->starts_at().date());
            scope.to = std::min(last, report_date);
        }
        for (const Session* s : sessions)
            if (in_scope(*s)) scope.from = std::min(scope.from, s->starts_at().date());
    } else {
        if (request.period.from.is_special() || request.period.to.is_special())
            throw ValidationError("report period", "needs a first and a last day");
        if (request.period.to < request.period.from)
            throw ValidationError("report period", "ends (" + to_iso(request.period.to) + ") before it starts (" +
                                                       to_iso(request.period.from) + ")");
        scope.from = request.period.from;
        scope.to = request.period.to;
    }

    std::set<PlanId> touched;
    for (const Session* s : sessions) {
        if (!in_scope(*s)) continue;
        if (s->starts_at().date() > report_date) {
            ++scope.upcoming;
            continue;
        }
        scope.sessions.push_back(s);
        if (s->is_signed()) scope.signed_sessions.push_back(s);
        if (s->series()) touched.insert(s->series()->plan);
    }
    if (!scope.plan) {
        for (const auto& p : h.plans)
            if (touched.contains(p.id()) ||
                (p.details().created_on >= scope.from && p.details().created_on <= scope.to))
                scope.plans.push_back(&p);
        std::sort(scope.plans.begin(), scope.plans.end(), [](const TreatmentPlan* a, const TreatmentPlan* b) {
            if (a->details().created_on != b->details().created_on)
                return a->details().created_on < b->details().created_on;
            return a->id() < b->id();
        });
    }

    // The baseline: the assessment the plan was based on, else the last one before the period,
    // else the first one within it. The latest: the newest later assessment within the period.
    const auto assessments = sorted_assessments(h.assessments);
    if (scope.plan && scope.plan->details().based_on_assessment)
        for (const Assessment* a : assessments)
            if (a->id() == *scope.plan->details().based_on_assessment) scope.baseline = a;
    if (!scope.baseline)
        for (const Assessment* a : assessments)
            if (a->details().assessed_on <= scope.from) scope.baseline = a;
    if (!scope.baseline)
        for (const Assessment* a : assessments)
            if (a->details().assessed_on <= scope.to) {
                scope.baseline = a;
                break;
            }
    if (scope.baseline)
        for (const Assessment* a : assessments)
            if (earlier(*scope.baseline, *a) && a->details().assessed_on >= scope.from &&
                a->details().assessed_on <= std::min(scope.to, report_date))
                scope.latest = a;
    return scope;
}

ClientSummary client_summary(const Client& c, Date report_date) {
    const auto& d = c.details();
    ClientSummary s;
    s.name = d.given_name.empty() ? d.family_name : d.given_name + " " + d.family_name;
    s.preferred_name = d.preferred_name;
    s.date_of_birth = d.date_of_birth;
    if (d.date_of_birth && *d.date_of_birth <= report_date) s.age = age_on(*d.date_of_birth, report_date);
    s.referral_source = d.referral_source;
    s.referring_physician = d.referring_physician;
    return s;
}

BaselineSummary baseline_summary(const Assessment& a) {
    const auto& d = a.details();
    BaselineSummary b;
    b.assessed_on = d.assessed_on;
    b.therapist = d.therapist;
    b.chief_complaint = d.chief_complaint;
    b.duration = a.duration_class();
    b.duration_weeks = d.duration_weeks;
    b.pain_now = d.pain_now.value();
    b.pain_best = d.pain_best.value();
    b.pain_worst = d.pain_worst.value();
    b.odi = a.odi_score();
    b.rmdq = a.rmdq_score();
    b.psfs = a.psfs_score();
    if (d.psfs) b.psfs_activities = d.psfs->activities();
    b.pain_map = d.pain_map;
    std::stable_sort(b.pain_map.begin(), b.pain_map.end(), [](const PainMapEntry& x, const PainMapEntry& y) {
        return x.intensity.value() > y.intensity.value();
    });
    return b;
}

// ---- Measures --------------------------------------------------------------------------------

ChangeVerdict verdict_for(OutcomeMeasure m, double baseline, double latest) {
    switch (m) {
    case OutcomeMeasure::pain:
        return compare_pain(PainScore(std::clamp(static_cast<int>(std::lround(baseline)), 0, 10)),
                            PainScore(std::clamp(static_cast<int>(std::lround(latest)), 0, 10)))
            .verdict;
    case OutcomeMeasure::odi:
        return compare_odi(std::clamp(baseline, 0.0, 100.0), std::clamp(latest, 0.0, 100.0)).verdict;
    case OutcomeMeasure::rmdq:
        return compare_rmdq(std::clamp(static_cast<int>(std::lround(baseline)), 0, rmdq_item_count),
                            std::clamp(static_cast<int>(std::lround(latest)), 0, rmdq_item_count))
            .verdict;
    case OutcomeMeasure::psfs: {
        const double t = meaningful_change(OutcomeMeasure::psfs).points;
        if (latest - baseline + eps >= t) return ChangeVerdict::improved;
        if (baseline - latest + eps >= t) return ChangeVerdict::worsened;
        return ChangeVerdict::within_error;
    }
    }
    return ChangeVerdict::within_error;
}

struct Reading {
    double value = 0;
    Date on;
    std::string source; // "re-assessment", "session"
};

std::optional<double> measure_of(const Assessment& a, GoalMeasure m) {
    switch (m) {
    case GoalMeasure::pain:
        return a.details().pain_now.value();
    case GoalMeasure::odi:
        return a.odi_score();
    case GoalMeasure::rmdq:
        if (auto r = a.rmdq_score()) return *r;
        return std::nullopt;
    case GoalMeasure::psfs:
        return a.psfs_score();
    case GoalMeasure::activity:
        return std::nullopt;
    }
    return std::nullopt;
}

OutcomeMeasure outcome_measure(GoalMeasure m) {
    switch (m) {
    case GoalMeasure::pain:
        return OutcomeMeasure::pain;
    case GoalMeasure::odi:
        return OutcomeMeasure::odi;
    case GoalMeasure::rmdq:
        return OutcomeMeasure::rmdq;
    case GoalMeasure::psfs:
    case GoalMeasure::activity:
        return OutcomeMeasure::psfs;
    }
    return OutcomeMeasure::pain;
}

// The newest reading of a measure within the period: the latest re-assessment, or for pain the
// pain before the last signed session when that is newer.
std::optional<Reading> latest_reading(const Scope& scope, GoalMeasure m) {
    std::optional<Reading> r;
    if (scope.latest)
        if (auto v = measure_of(*scope.latest, m)) r = Reading{*v, scope.latest->details().assessed_on, "re-assessment"};
    if (m == GoalMeasure::pain)
        for (auto it = scope.signed_sessions.rbegin(); it != scope.signed_sessions.rend(); ++it)
            if ((*it)->note().pain_before) {
                const Date on = (*it)->starts_at().date();
                if (!r || on > r->on) r = Reading{static_cast<double>((*it)->note().pain_before->value()), on, "session"};
                break;
            }
    return r;
}

const PsfsActivity* find_activity(const std::optional<PsfsResponses>& psfs, const std::string& goal_text) {
    if (!psfs) return nullptr;
    const std::string goal = text::ascii_lower(goal_text);
    for (const auto& a : psfs->activities()) {
        const std::string name = text::ascii_lower(text::trim(a.activity));
        if (!name.empty() && goal.find(name) != std::string::npos) return &a;
    }
    return nullptr;
}

const PsfsActivity* same_activity(const std::optional<PsfsResponses>& psfs, const PsfsActivity& a) {
    if (!psfs) return nullptr;
    const std::string name = text::ascii_lower(text::trim(a.activity));
    for (const auto& b : psfs->activities())
        if (text::ascii_lower(text::trim(b.activity)) == name) return &b;
    return nullptr;
}

std::string quoted(const std::string& s) { return "\u201C" + s + "\u201D"; }

GoalProgress judge_goal(const Goal& g, const Scope& scope) {
    GoalProgress out;
    out.description = g.description;
    out.measure = g.measure;
    out.target = g.target;
    out.baseline = g.baseline;

    if (g.measure == GoalMeasure::activity) {
        // Judged by the therapist; when the goal names one of the client's PSFS activities, the
        // ratings speak for it: 10 is "as before the problem", a rise of 3 exceeds measurement error.
        const PsfsActivity* base = scope.baseline ? find_activity(scope.baseline->details().psfs, g.description) : nullptr;
        if (!base) {
            out.evidence = "Judged by the therapist";
            return out;
        }
        out.baseline = base->rating;
        out.target = 10;
        const PsfsActivity* now = scope.latest ? same_activity(scope.latest->details().psfs, *base) : nullptr;
        if (!now) {
            out.evidence = "PSFS rating for " + quoted(base->activity) + "; not re-rated in this period";
            return out;
        }
        out.latest = now->rating;
        out.latest_on = scope.latest->details().assessed_on;
        out.evidence = "PSFS rating for " + quoted(base->activity);
        out.status = now->rating >= 10                 ? GoalStatus::met
                     : now->rating - base->rating >= 3 ? GoalStatus::progressing
                                                       : GoalStatus::not_met;
        return out;
    }

    if (!out.baseline && scope.baseline) out.baseline = measure_of(*scope.baseline, g.measure);
    const auto reading = latest_reading(scope, g.measure);
    if (!reading) {
        out.evidence = "Not re-measured in this period";
        return out;
    }
    out.latest = reading->value;
    out.latest_on = reading->on;
    out.evidence = reading->source == "session" ? "Latest: pain before the last signed session"
                                                : "Latest: the re-assessment";
    const bool lower_is_better = g.measure != GoalMeasure::psfs;
    if (out.target && (lower_is_better ? reading->value <= *out.target + eps : reading->value + eps >= *out.target)) {
        out.status = GoalStatus::met;
    } else if (out.baseline &&
               verdict_for(outcome_measure(g.measure), *out.baseline, reading->value) == ChangeVerdict::improved) {
        out.status = GoalStatus::progressing;
    } else {
        out.status = GoalStatus::not_met;
    }
    return out;
}

std::vector<OutcomeRow> outcome_rows(const Scope& scope) {
    std::vector<OutcomeRow> rows;
    if (scope.baseline) {
        const Assessment& b = *scope.baseline;
        const Assessment* l = scope.latest;
        const Date b_on = b.details().assessed_on;
        auto add = [&](OutcomeMeasure m, double base, std::optional<double> latest, std::optional<OutcomeChange> change) {
            OutcomeRow r;
            r.measure = m;
            r.baseline = base;
            r.baseline_on = b_on;
            r.latest = latest;
            if (latest) r.latest_on = l->details().assessed_on;
            r.change = change;
            rows.push_back(r);
        };
        {
            std::optional<double> latest;
            std::optional<OutcomeChange> change;
            if (l) {
                latest = l->details().pain_now.value();
                change = compare_pain(b.details().pain_now, l->details().pain_now);
            }
            add(OutcomeMeasure::pain, b.details().pain_now.value(), latest, change);
        }
        if (auto odi = b.odi_score()) {
            std::optional<double> latest;
            std::optional<OutcomeChange> change;
            if (l && l->odi_score()) {
                latest = *l->odi_score();
                change = compare_odi(*odi, *latest);
            }
            add(OutcomeMeasure::odi, *odi, latest, change);
        }
        if (auto rmdq = b.rmdq_score()) {
            std::optional<double> latest;
            std::optional<OutcomeChange> change;
            if (l && l->rmdq_score()) {
                latest = *l->rmdq_score();
                change = compare_rmdq(*rmdq, *l->rmdq_score());
            }
            add(OutcomeMeasure::rmdq, *rmdq, latest, change);
        }
        if (b.details().psfs) {
            std::optional<double> latest;
            std::optional<OutcomeChange> change;
            if (l && l->details().psfs) {
                latest = l->details().psfs->score();
                change = compare_psfs(*b.details().psfs, *l->details().psfs);
            }
            add(OutcomeMeasure::psfs, b.details().psfs->score(), latest, change);
        }
    }
    // Pain before treatment, first signed session against the last.
    const Session* first = nullptr;
    const Session* last = nullptr;
    for (const Session* s : scope.signed_sessions)
        if (s->note().pain_before) {
            if (!first) first = s;
            last = s;
        }
    if (first && last && first != last) {
        OutcomeRow r;
        r.measure = OutcomeMeasure::pain;
        r.source = OutcomeSource::session_ratings;
        r.baseline = first->note().pain_before->value();
        r.baseline_on = first->starts_at().date();
        r.latest = last->note().pain_before->value();
        r.latest_on = last->starts_at().date();
        r.change = compare_pain(*first->note().pain_before, *last->note().pain_before);
        rows.push_back(r);
    }
    return rows;
}

PainTrend pain_trend(const Scope& scope) {
    PainTrend t;
    for (const Session* s : scope.signed_sessions) {
        const auto& n = s->note();
        if (n.pain_before && n.pain_after)
            t.points.push_back({s->starts_at().date(), s->series(), n.pain_before->value(), n.pain_after->value()});
    }
    if (scope.baseline)
        t.baseline = scope.baseline->details().pain_now.value();
    else if (!t.points.empty())
        t.baseline = t.points.front().before;
    if (t.baseline && *t.baseline > 0) {
        const ChangeThreshold th = meaningful_change(OutcomeMeasure::pain);
        t.meaningful_below = *t.baseline - std::min(th.points, *t.baseline * th.percent / 100.0);
    }
    return t;
}

Attendance attendance(const Scope& scope) {
    Attendance a;
    for (const Session* s : scope.sessions) {
        switch (s->status()) {
        case AppointmentStatus::completed:
            ++a.completed;
            break;
        case AppointmentStatus::cancelled:
            ++a.cancelled;
            break;
        case AppointmentStatus::no_show:
            ++a.no_shows;
            break;
        case AppointmentStatus::scheduled:
            ++a.upcoming;
            break;
        }
        if (s->is_signed()) ++a.signed_notes;
    }
    a.upcoming += scope.upcoming;
    a.planned = scope.plan ? scope.plan->details().series.session_count
                           : static_cast<int>(scope.sessions.size()) + scope.upcoming;
    return a;
}

std::string technique_region(const AppliedTechnique& t) {
    std::string s(label(t.region));
    switch (t.side) {
    case Side::left:
        return s + " (left)";
    case Side::right:
        return s + " (right)";
    case Side::bilateral:
        return s + " (both sides)";
    case Side::midline:
        return s;
    }
    return s;
}

std::vector<TechniqueUse> technique_uses(const Scope& scope, const TechniqueCatalogue& catalogue) {
    struct Tally {
        std::set<const Session*> sessions;
        int minutes = 0;
        std::vector<int> pressures;
        std::map<std::string, int> regions;
        std::vector<std::string> region_order;
        double change_sum = 0;
        int rated = 0;
        std::size_t first_seen = 0;
    };
    std::map<std::string, Tally> by_code;
    std::size_t order = 0;
    for (const Session* s : scope.signed_sessions) {
        const auto& n = s->note();
        std::set<std::string> seen_here;
        for (const auto& t : n.techniques) {
            auto [it, fresh] = by_code.try_emplace(t.technique);
            Tally& tally = it->second;
            if (fresh) tally.first_seen = order++;
            tally.sessions.insert(s);
            tally.minutes += t.minutes;
            tally.pressures.push_back(t.pressure.value());
            const std::string region = technique_region(t);
            if (tally.regions[region]++ == 0) tally.region_order.push_back(region);
            if (seen_here.insert(t.technique).second && n.pain_before && n.pain_after) {
                tally.change_sum += n.pain_after->value() - n.pain_before->value();
                ++tally.rated;
            }
        }
    }
    std::vector<TechniqueUse> out;
    for (auto& [code, tally] : by_code) {
        TechniqueUse u;
        u.code = code;
        u.name = technique_name(catalogue, code);
        u.sessions = static_cast<int>(tally.sessions.size());
        u.minutes = tally.minutes;
        std::vector<int> p = tally.pressures;
        std::sort(p.begin(), p.end());
        u.lowest_pressure = p.front();
        u.highest_pressure = p.back();
        // The median; with an even count, the lower middle rounded up from the mean of the two.
        const std::size_t mid = p.size() / 2;
        u.typical_pressure = p.size() % 2 ? p[mid] : (p[mid - 1] + p[mid] + 1) / 2;
        u.regions = tally.region_order;
        auto& region_counts = tally.regions; // clang before 16 cannot capture a structured binding
        std::stable_sort(u.regions.begin(), u.regions.end(), [&](const std::string& a, const std::string& b) {
            return region_counts[a] > region_counts[b];
        });
        for (auto it = scope.plans.rbegin(); it != scope.plans.rend() && u.rationale.empty(); ++it)
            for (const auto& chosen : (*it)->details().techniques)
                if (chosen.technique == code) u.rationale = chosen.rationale;
        u.rated_sessions = tally.rated;
        if (tally.rated > 0) u.average_pain_change = tally.change_sum / tally.rated;
        out.push_back(std::move(u));
    }
    std::sort(out.begin(), out.end(), [&](const TechniqueUse& a, const TechniqueUse& b) {
        if (a.sessions != b.sessions) return a.sessions > b.sessions;
        return by_code[a.code].first_seen < by_code[b.code].first_seen;
    });
    return out;
}

std::string outcome_phrase(const OutcomeRow& r) {
    std::string name;
    switch (r.measure) {
    case OutcomeMeasure::pain:
        name = r.source == OutcomeSource::session_ratings ? "pain before treatment" : "pain";
        break;
    case OutcomeMeasure::odi:
        name = "the Oswestry score";
        break;
    case OutcomeMeasure::rmdq:
        name = "the Roland-Morris score";
        break;
    case OutcomeMeasure::psfs:
        name = "the PSFS average";
        break;
    }
    return name + " (" + score(r.measure, r.baseline) + " to " + score(r.measure, *r.latest) + ")";
}

std::string join_phrases(const std::vector<std::string>& parts) {
    std::string s;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) s += i + 1 == parts.size() ? " and " : ", ";
        s += parts[i];
    }
    return s;
}

std::string capitalised(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

RecommendationSection recommend(const ProgressReport& r, const Scope& scope, const ReportRequest& request) {
    RecommendationSection out;
    out.comment = request.comment;
    std::vector<std::string> improved, worsened;
    for (const auto& row : r.outcomes) {
        if (!row.change) continue;
        if (row.change->verdict == ChangeVerdict::improved) improved.push_back(outcome_phrase(row));
        if (row.change->verdict == ChangeVerdict::worsened) worsened.push_back(outcome_phrase(row));
    }
    int numeric = 0, met = 0, progressing = 0;
    for (const auto& g : r.goals) {
        if (g.status == GoalStatus::progressing) ++progressing;
        if (g.measure == GoalMeasure::activity && g.status == GoalStatus::not_measured) continue;
        ++numeric;
        if (g.status == GoalStatus::met) ++met;
    }
    const int sessions = r.attendance.signed_notes;
    const bool series_over = scope.plan && scope.plan->status() != PlanStatus::active &&
                             scope.plan->status() != PlanStatus::draft;

    Recommendation derived;
    if (!r.red_flags.empty()) {
        derived = Recommendation::refer;
        out.reasons.push_back("Red-flag findings at the latest assessment: " + join_phrases(r.red_flags) + ".");
        if (!r.red_flag_referral.empty()) out.reasons.push_back("Referred to " + r.red_flag_referral + ".");
    } else if (!worsened.empty() && improved.empty()) {
        derived = Recommendation::refer;
        out.reasons.push_back(capitalised(join_phrases(worsened)) +
                              (worsened.size() == 1 ? " has" : " have") +
                              " worsened beyond measurement error; a medical review is advised before further "
                              "treatment.");
    } else if (!worsened.empty()) {
        derived = Recommendation::modify_plan;
        out.reasons.push_back("Mixed response: " + join_phrases(improved) + " improved, but " +
                              join_phrases(worsened) + " worsened beyond measurement error.");
    } else if (numeric > 0 && met == numeric) {
        derived = Recommendation::discharge;
        out.reasons.push_back(numeric == 1 ? "The measurable goal is met."
                                           : "All " + std::to_string(numeric) + " measurable goals are met.");
        out.reasons.push_back("Keep up the home-care programme; return if the pain recurs.");
    } else if (!improved.empty() || progressing > 0 || met > 0) {
        derived = Recommendation::continue_treatment;
        if (!improved.empty())
            out.reasons.push_back("Meaningful improvement in " + join_phrases(improved) + ".");
        out.reasons.push_back(std::to_string(met) + " of " + std::to_string(numeric) +
                              (numeric == 1 ? " measurable goal" : " measurable goals") + " met so far" +
                              (progressing > 0 ? "; " + std::to_string(progressing) + " progressing." : "."));
    } else if (sessions >= 4 || series_over) {
        derived = Recommendation::modify_plan;
        out.reasons.push_back("No change beyond measurement error after " + std::to_string(sessions) +
                              (sessions == 1 ? " signed session" : " signed sessions") +
                              ": consider other techniques, pressure or frequency, or a referral.");
    } else {
        derived = Recommendation::continue_treatment;
        out.reasons.push_back(sessions == 0 ? "No signed sessions yet in this period: too early to judge progress."
                                            : "Only " + std::to_string(sessions) +
                                                  (sessions == 1 ? " signed session" : " signed sessions") +
                                                  " so far: too early to judge progress.");
    }
    out.recommendation = derived;
    if (request.recommendation) {
        out.chosen_by_therapist = true;
        if (*request.recommendation != derived) out.reasons.clear();
        out.recommendation = *request.recommendation;
    }
    return out;
}

} // namespace

std::string technique_name(const TechniqueCatalogue& catalogue, const std::string& code) {
    if (const Technique* t = catalogue.find(code)) return t->name;
    std::string s = code;
    std::replace(s.begin(), s.end(), '_', ' ');
    return capitalised(s);
}

ProgressReport build_progress_report(const ClientHistory& history, const PracticeProfile& practice,
                                     const ReportRequest& request, const TechniqueCatalogue& catalogue) {
    const Scope scope = resolve_scope(history, request);
    ProgressReport r;

    r.header.practice_name = practice.practice_name;
    r.header.practice_address = practice.address;
    r.header.practice_phone = practice.phone;
    r.header.therapist = practice.therapist_name;
    r.header.licence_number = practice.licence_number;
    r.header.report_date = request.report_date;
    r.header.period_from = scope.from;
    r.header.period_to = scope.to;
    if (scope.plan) r.header.plan = scope.plan->id();
    r.header.period_description = period_description(scope);

    r.client = client_summary(history.client, request.report_date);
    if (scope.baseline) r.baseline = baseline_summary(*scope.baseline);
    if (scope.latest) r.latest_assessment_on = scope.latest->details().assessed_on;

    const Assessment* newest = scope.latest ? scope.latest : scope.baseline;
    if (newest && newest->details().assessed_on >= scope.from) {
        const RedFlagVerdict verdict = newest->red_flag_verdict();
        if (verdict.stop_treatment) {
            for (RedFlag f : newest->details().red_flags.positive) r.red_flags.push_back(text::ascii_lower(label(f)));
            r.red_flag_referral = newest->details().red_flags.referred_to;
        }
    }

    std::set<std::string> seen_goals;
    for (const TreatmentPlan* p : scope.plans)
        for (const auto& g : p->details().goals)
            if (seen_goals.insert(g.description).second) r.goals.push_back(judge_goal(g, scope));

    r.pain_trend = pain_trend(scope);
    r.outcomes = outcome_rows(scope);
    r.attendance = attendance(scope);
    r.techniques = technique_uses(scope, catalogue);

    for (const TreatmentPlan* p : scope.plans)
        for (const auto& item : p->details().home_care)
            if (std::find(r.home_care.begin(), r.home_care.end(), item) == r.home_care.end())
                r.home_care.push_back(item);
    r.home_care_adherence = request.home_care_adherence;

    for (const Session* s : scope.signed_sessions)
        if (!text::trim(s->note().adverse_reactions).empty())
            r.adverse_reactions.push_back({s->starts_at().date(), text::trim(s->note().adverse_reactions)});

    for (const TreatmentPlan* p : scope.plans)
        r.plans.push_back({p->id(), p->details().created_on, p->status(), p->details().series.session_count,
                           plan_description(*p)});

    for (const Session* s : scope.sessions) {
        SessionEntry e;
        e.starts_at = s->starts_at();
        e.series = s->series();
        e.status = s->status();
        e.therapist = s->therapist();
        e.is_signed = s->is_signed();
        if (s->is_signed()) {
            const auto& n = s->note();
            if (n.pain_before) e.pain_before = n.pain_before->value();
            if (n.pain_after) e.pain_after = n.pain_after->value();
            for (const auto& t : n.techniques) {
                std::string name = technique_name(catalogue, t.technique);
                if (std::find(e.techniques.begin(), e.techniques.end(), name) == e.techniques.end())
                    e.techniques.push_back(std::move(name));
            }
            e.amended = !s->amendments().empty();
            e.adverse_reaction = !text::trim(n.adverse_reactions).empty();
        } else if (s->status() == AppointmentStatus::completed) {
            r.left_out.push_back({s->starts_at(), s->series()});
        }
        r.sessions.push_back(std::move(e));
    }

    r.recommendation = recommend(r, scope, request);
    return r;
}

} // namespace knotwork::report
