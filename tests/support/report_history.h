#pragma once
// A made-up but clinically coherent client history of any length, built in memory from domain
// records only: a baseline assessment, plans of up to 20 weekly sessions each (the first plan's id
// is `plan`, the next ones follow; all but the last completed) with goals, techniques and home
// care, pain falling from 7 to about 3 over the whole history, a re-assessment halfway, a cancellation every 9th and a
// no-show every 13th appointment, an adverse reaction now and then, one amended note, and the last
// two completed sessions left unsigned. The report tests use it for long histories, the benchmark
// for timing, scripts/render-reports.sh (through the benchmark) for a long report to look at.
//
// Every value follows from the options: the same options give the same history.
#include "progress_report.h"

#include <algorithm>
#include <string>

namespace knotwork::test {

struct SyntheticHistoryOptions {
    int sessions = 12;                 // appointments in the series
    Date first_session{2025, 1, 6};    // a Monday
    std::string given_name = "Ngozi";
    std::string family_name = "Okafor";
    ClientId client = 7;
    PlanId plan = 3;
    int sessions_per_plan = 20;
};

inline PracticeProfile synthetic_practice() {
    PracticeProfile p;
    p.practice_name = "Cedar & Stone Massage Therapy";
    p.address = "214 Ossington Avenue, Suite 2\nToronto, ON M6J 2Z9";
    p.phone = "(416) 555-0142";
    p.therapist_name = "Maya Okonkwo, RMT";
    p.licence_number = "CMTO registration M4821";
    return p;
}

inline report::ClientHistory synthetic_history(const SyntheticHistoryOptions& o) {
    using boost::gregorian::days;
    using boost::posix_time::hours;
    using boost::posix_time::minutes;
    const Date baseline_day = o.first_session - days(3);
    const Date today = o.first_session + days(7L * o.sessions + 30);

    ClientDetails cd;
    cd.given_name = o.given_name;
    cd.family_name = o.family_name;
    cd.date_of_birth = Date(1984, 7, 12);
    cd.referral_source = "Family physician";
    cd.referring_physician = "Dr Anjali Patel";
    Client client(cd, today);
    client.set_id(o.client);

    AssessmentDetails ad;
    ad.assessed_on = baseline_day;
    ad.therapist = "Maya Okonkwo";
    ad.chief_complaint = "Low back pain radiating into the left buttock";
    ad.duration_weeks = 14;
    ad.pain_now = PainScore(7);
    ad.pain_best = PainScore(4);
    ad.pain_worst = PainScore(9);
    ad.pain_map = {{BodyRegion::lumbar_spine, Side::midline, PainScore(7), PainQuality::aching},
                   {BodyRegion::piriformis, Side::left, PainScore(6), PainQuality::radiating}};
    ad.palpation = {{BodyRegion::quadratus_lumborum, Side::left, 3, 2, 2, true, "Ropy"}};
    std::array<std::optional<int>, odi_section_count> odi;
    odi.fill(2); // 40%
    ad.odi = OdiResponses(odi);
    RmdqResponses rmdq;
    for (int i = 1; i <= 12; ++i) rmdq.set_item(i, true);
    ad.rmdq = rmdq;
    ad.psfs = PsfsResponses({{"Lifting my daughter", 3}, {"Sitting through a film", 4}, {"Gardening for an hour", 2}});
    Assessment baseline(o.client, ad, today);
    baseline.set_id(1);

    const int per_plan = std::clamp(o.sessions_per_plan, 1, 52);
    const int plan_count = (o.sessions + per_plan - 1) / per_plan;
    auto series_length = [&](int k) { return std::min(per_plan, o.sessions - k * per_plan); };
    std::vector<TreatmentPlan> plans;
    for (int k = 0; k < plan_count; ++k) {
        PlanDetails pd;
        const Date first_of_plan = o.first_session + days(7L * per_plan * k);
        pd.created_on = k == 0 ? baseline_day : first_of_plan - days(1);
        pd.based_on_assessment = 1;
        pd.goals = {{"Reduce low back pain from 7/10 to 3/10 or less", GoalMeasure::pain, 7.0, 3.0},
                    {"Bring the Oswestry score from 40% to 20% or below", GoalMeasure::odi, 40.0, 20.0},
                    {"Get back to gardening for an hour with little or no pain", GoalMeasure::activity, std::nullopt,
                     std::nullopt}};
        pd.techniques = {{"myofascial_release", "Restricted fascia over the left QL and a guarded posture; slow "
                                                "sustained holds to restore glide and reduce pain."},
                         {"trigger_point", "Active trigger points in the left piriformis reproduce the buttock pain."},
                         {"swedish", "Gentle strokes to settle guarding at the start and end of each session."}};
        pd.regions = {{BodyRegion::quadratus_lumborum, Side::left}, {BodyRegion::piriformis, Side::left}};
        pd.series.session_count = series_length(k);
        pd.series.start_date = first_of_plan;
        pd.series.therapist = "Maya Okonkwo";
        pd.home_care = {{HomeCareKind::stretching, "Knee-to-chest and piriformis stretch, 3 x 30 s, twice a day."},
                        {HomeCareKind::heat, "Heat pack on the lower back for 20 minutes in the evening."}};
        TreatmentPlan plan(o.client, pd);
        plan.set_id(o.plan + k);
        plan.activate();
        if (k + 1 < plan_count) plan.complete();
        plans.push_back(std::move(plan));
    }

    std::vector<Assessment> assessments{baseline};
    std::vector<Session> sessions;
    constexpr const char* rotation[] = {"myofascial_release", "trigger_point", "swedish", "hot_stone"};
    constexpr BodyRegion regions[] = {BodyRegion::quadratus_lumborum, BodyRegion::piriformis,
                                      BodyRegion::erector_spinae_lumbar, BodyRegion::gluteus_medius};
    int completed = 0;
    for (int i = 0; i < o.sessions; ++i) {
        const DateTime starts(o.first_session + days(7L * i), hours(10));
        Session s(o.client, starts, starts + minutes(60), "Maya Okonkwo");
        s.set_id(100 + i);
        s.set_series(SeriesPosition{o.plan + i / per_plan, i % per_plan + 1, series_length(i / per_plan)});
        if (i % 9 == 4) {
            s.cancel("Client unwell");
        } else if (i % 13 == 7) {
            s.mark_no_show();
        } else {
            s.mark_completed();
            const int before = std::max(2, 7 - (4 * i) / std::max(1, o.sessions - 1));
            const int after = std::max(0, before - 2 + (i % 5 == 0 ? 1 : 0));
            SoapNote n;
            n.subjective = "Pain " + std::to_string(before) + "/10 today.";
            n.objective = "Hypertonicity in the left quadratus lumborum.";
            n.assessment = "Tissue softened; pain " + std::to_string(after) + "/10 after treatment.";
            n.plan = "Continue the series.";
            n.pain_before = PainScore(before);
            n.pain_after = PainScore(after);
            const int k = completed % 4;
            n.techniques = {{rotation[k], regions[k], Side::left, Pressure(4 + (completed % 4)), 30},
                            {"swedish", BodyRegion::erector_spinae_lumbar, Side::bilateral, Pressure(3), 15}};
            if (completed % 10 == 3) n.adverse_reactions = "Mild soreness for a day after the session.";
            s.write_note(n);
            ++completed;
            const bool last_two = i >= o.sessions - 2;
            if (!last_two) {
                s.sign("Maya Okonkwo", s.ends_at() + minutes(20));
                if (completed == 2)
                    s.amend("Maya Okonkwo", s.ends_at() + hours(26), "Wrong side recorded",
                            "The piriformis work was on the left, not the right.");
            }
        }
        sessions.push_back(std::move(s));
        if (i == o.sessions / 2) {
            AssessmentDetails re = ad;
            re.assessed_on = starts.date();
            re.pain_now = PainScore(4);
            re.pain_best = PainScore(2);
            re.pain_worst = PainScore(6);
            std::array<std::optional<int>, odi_section_count> better;
            better.fill(1); // 20%
            re.odi = OdiResponses(better);
            RmdqResponses fewer;
            for (int item = 1; item <= 5; ++item) fewer.set_item(item, true);
            re.rmdq = fewer;
            re.psfs = PsfsResponses({{"Lifting my daughter", 6}, {"Sitting through a film", 7}, {"Gardening for an hour", 6}});
            Assessment reassessed(o.client, re, today);
            reassessed.set_id(2);
            assessments.push_back(reassessed);
        }
    }
    return report::ClientHistory{client, assessments, plans, sessions};
}

} // namespace knotwork::test
