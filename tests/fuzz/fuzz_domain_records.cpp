// libFuzzer target: the domain's validators for the clinical records, fed fields decoded from the
// fuzzer's bytes: assessments with their outcome measures (ODI, Roland-Morris, PSFS), pain map and
// palpation; SOAP notes, signing and amendments; treatment plans; and the text rules themselves.
// The only failure allowed is a knotwork::Error; whatever a record accepts must score and compare
// without one, and text a rule accepts must be valid UTF-8 without NUL.
#include "assessment/assessment.h"
#include "common/error.h"
#include "common/text.h"
#include "outcomes/outcome_measures.h"
#include "plan/treatment_plan.h"
#include "session/session.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>

using namespace knotwork;

namespace {

const Date today(2026, 3, 1);

template <typename E>
E pick(FuzzedDataProvider& in) {
    const auto entries = enum_entries<E>();
    return entries[in.ConsumeIntegralInRange<std::size_t>(0, entries.size() - 1)].value;
}

std::string some_text(FuzzedDataProvider& in) { return in.ConsumeRandomLengthString(300); }

Date some_date(FuzzedDataProvider& in) {
    // Mostly near today; sometimes far; sometimes not a date at all.
    const int choice = in.ConsumeIntegralInRange(0, 9);
    if (choice == 0) return Date(boost::gregorian::not_a_date_time);
    return today + boost::gregorian::days(in.ConsumeIntegralInRange(-60000, 400));
}

// Any double, the ones arithmetic produces by accident included: NaN, infinities, -0.
double some_double(FuzzedDataProvider& in) {
    switch (in.ConsumeIntegralInRange(0, 7)) {
    case 0: return std::numeric_limits<double>::quiet_NaN();
    case 1: return std::numeric_limits<double>::infinity();
    case 2: return -std::numeric_limits<double>::infinity();
    case 3: return -0.0;
    default: return in.ConsumeFloatingPoint<double>();
    }
}

// Mostly near the valid range (so that a record gets past its first check often enough to reach
// the later ones), sometimes any int.
int some_int(FuzzedDataProvider& in, int low, int high) {
    return in.ConsumeIntegralInRange(0, 7) != 0 ? in.ConsumeIntegralInRange(low, high) : in.ConsumeIntegral<int>();
}

void fuzz_assessment(FuzzedDataProvider& in) {
    AssessmentDetails d;
    d.assessed_on = some_date(in);
    d.therapist = some_text(in);
    d.chief_complaint = some_text(in);
    if (in.ConsumeBool()) d.onset_date = some_date(in);
    d.duration_weeks = some_int(in, -2, 6000);
    d.pain_now = PainScore(some_int(in, -1, 11));
    d.pain_best = PainScore(some_int(in, -1, 11));
    d.pain_worst = PainScore(some_int(in, -1, 11));
    for (int n = in.ConsumeIntegralInRange(0, 4); n > 0; --n)
        d.pain_map.push_back({pick<BodyRegion>(in), pick<Side>(in), PainScore(some_int(in, -1, 11)), pick<PainQuality>(in)});
    for (int n = in.ConsumeIntegralInRange(0, 3); n > 0; --n)
        d.palpation.push_back({pick<BodyRegion>(in), pick<Side>(in), some_int(in, -1, 4), some_int(in, -1, 4),
                               some_int(in, -1, 21), in.ConsumeBool(), some_text(in)});
    if (in.ConsumeBool()) {
        OdiResponses odi;
        for (int s = 0; s < odi_section_count; ++s)
            if (in.ConsumeBool()) odi.set(static_cast<OdiSection>(s), some_int(in, -1, 6));
        d.odi = odi;
    }
    if (in.ConsumeBool()) {
        RmdqResponses rmdq;
        for (int n = in.ConsumeIntegralInRange(0, 30); n > 0; --n) rmdq.set_item(some_int(in, 0, 25), in.ConsumeBool());
        d.rmdq = rmdq;
    }
    std::vector<PsfsActivity> activities;
    for (int n = in.ConsumeIntegralInRange(0, 6); n > 0; --n) activities.push_back({some_text(in), some_int(in, -1, 11)});
    if (in.ConsumeBool()) d.psfs = PsfsResponses(activities);
    d.red_flags.notes = some_text(in);
    d.red_flags.referred_to = some_text(in);
    if (in.ConsumeBool()) d.red_flags.positive.insert(pick<RedFlag>(in));
    d.aggravating_factors = some_text(in);
    d.notes = some_text(in);

    const Assessment a(1, d, today);
    // Accepted: every score and summary works without an error.
    if (auto odi = a.odi_score()) {
        if (!(*odi >= 0 && *odi <= 100)) std::abort();
        static_cast<void>(odi_band(*odi));
        static_cast<void>(compare_odi(*odi, in.ConsumeFloatingPointInRange(0.0, 100.0)));
    }
    if (auto r = a.rmdq_score()) static_cast<void>(compare_rmdq(*r, in.ConsumeIntegralInRange(0, 24)));
    if (d.psfs) {
        const double s = *a.psfs_score();
        if (!(s >= 0 && s <= 10)) std::abort();
        static_cast<void>(compare_psfs(*d.psfs, *d.psfs));
    }
    static_cast<void>(compare_pain(d.pain_best, d.pain_worst));
    static_cast<void>(a.duration_class());
    static_cast<void>(a.red_flag_verdict());
    static_cast<void>(a.max_hypertonicity());
}

void fuzz_outcome_numbers(FuzzedDataProvider& in) {
    // Raw numbers, as a report or import might pass them: NaN and infinities included.
    const double a = some_double(in);
    const double b = some_double(in);
    static_cast<void>(compare_odi(a, b));
    static_cast<void>(odi_band(a));
    static_cast<void>(compare_rmdq(in.ConsumeIntegral<int>(), in.ConsumeIntegral<int>()));
}

void fuzz_session(FuzzedDataProvider& in) {
    const DateTime start(some_date(in), boost::posix_time::minutes(in.ConsumeIntegralInRange(-100, 2000)));
    const DateTime end = start + boost::posix_time::minutes(in.ConsumeIntegralInRange(-100, 1000));
    Session s(1, start, end, some_text(in));
    SoapNote n;
    n.subjective = some_text(in);
    n.objective = some_text(in);
    n.assessment = some_text(in);
    n.plan = some_text(in);
    n.adverse_reactions = some_text(in);
    if (in.ConsumeBool()) n.pain_before = PainScore(some_int(in, -1, 11));
    if (in.ConsumeBool()) n.pain_after = PainScore(some_int(in, -1, 11));
    for (int k = in.ConsumeIntegralInRange(0, 3); k > 0; --k)
        n.techniques.push_back({some_text(in), pick<BodyRegion>(in), pick<Side>(in), Pressure(some_int(in, 0, 11)),
                                some_int(in, 0, 200)});
    if (in.ConsumeBool()) s.set_series(SeriesPosition{1, some_int(in, -1, 10), some_int(in, -1, 10)});
    s.write_note(n);
    if (in.ConsumeBool()) s.mark_completed();
    static_cast<void>(s.pain_change());
    const DateTime signed_at = start + boost::posix_time::minutes(in.ConsumeIntegralInRange(-100, 10000));
    s.sign(some_text(in), signed_at);
    const DateTime amended_at = signed_at + boost::posix_time::minutes(in.ConsumeIntegralInRange(-10, 10000));
    s.amend(some_text(in), amended_at, some_text(in), some_text(in));
    // Signed: the note is locked whatever comes next.
    try {
        s.write_note(n);
    } catch (const LockedRecordError&) {
        return;
    }
    std::abort();
}

void fuzz_plan(FuzzedDataProvider& in) {
    PlanDetails d;
    d.created_on = some_date(in);
    for (int k = in.ConsumeIntegralInRange(0, 3); k > 0; --k) {
        Goal g{some_text(in), pick<GoalMeasure>(in), std::nullopt, std::nullopt};
        if (in.ConsumeBool()) g.baseline = some_double(in);
        if (in.ConsumeBool()) g.target = some_double(in);
        d.goals.push_back(g);
    }
    for (int k = in.ConsumeIntegralInRange(0, 3); k > 0; --k) d.techniques.push_back({some_text(in), some_text(in)});
    for (int k = in.ConsumeIntegralInRange(0, 3); k > 0; --k) d.regions.push_back({pick<BodyRegion>(in), pick<Side>(in)});
    d.series.session_count = some_int(in, -1, 60);
    d.series.frequency = pick<Frequency>(in);
    d.series.interval_days = some_int(in, -1, 70);
    d.series.session_minutes = some_int(in, 0, 200);
    d.series.start_date = some_date(in);
    d.series.start_time = boost::posix_time::minutes(in.ConsumeIntegralInRange(-100, 2000));
    d.series.therapist = some_text(in);
    if (in.ConsumeBool()) d.reassess_after_sessions = some_int(in, -1, 60);
    for (int k = in.ConsumeIntegralInRange(0, 3); k > 0; --k) d.home_care.push_back({pick<HomeCareKind>(in), some_text(in)});
    d.notes = some_text(in);
    TreatmentPlan p(1, d);
    for (const auto& g : p.details().goals) {
        // A measured goal's target and baseline lie on its scale: NaN and infinities are refused.
        if (g.measure == GoalMeasure::activity) continue;
        if (!g.target || !std::isfinite(*g.target) || *g.target < 0) std::abort();
        if (g.baseline && (!std::isfinite(*g.baseline) || *g.baseline < 0)) std::abort();
    }
    p.activate();
    static_cast<void>(p.uses_technique(some_text(in)));
    p.discontinue(some_text(in));
}

void fuzz_text_rules(FuzzedDataProvider& in) {
    const std::string s = in.ConsumeRandomLengthString(1000);
    const std::size_t limit = in.ConsumeIntegralInRange<std::size_t>(0, 1200);
    bool multi = false, single = false;
    try {
        text::require_clean("text", s, limit);
        multi = true;
    } catch (const ValidationError&) {
    }
    try {
        text::require_single_line("text", s, limit);
        single = true;
    } catch (const ValidationError&) {
    }
    if (single && !multi) std::abort(); // one line is the stricter rule
    if (multi && (!text::is_valid_utf8(s) || s.find('\0') != std::string::npos || text::code_points(s) > limit))
        std::abort();
    if (single && s.find_first_of("\t\r\n") != std::string::npos) std::abort();
    const std::string t = text::trim(s);
    if (t.size() > s.size() || s.find(t) == std::string::npos) std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    try {
        switch (in.ConsumeIntegralInRange(0, 4)) {
        case 0: fuzz_assessment(in); break;
        case 1: fuzz_session(in); break;
        case 2: fuzz_plan(in); break;
        case 3: fuzz_outcome_numbers(in); break;
        default: fuzz_text_rules(in); break;
        }
    } catch (const Error&) {
        // A refusal: the only way a record may fail.
    }
    return 0;
}
