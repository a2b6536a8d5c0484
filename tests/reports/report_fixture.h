#pragma once
// A small client history with every number chosen by hand, so the report's figures can be checked
// against arithmetic done on paper:
//
//   baseline (5 Jan 2026): pain 7, ODI 40%, RMDQ 12, PSFS 3.0 (lifting 3, film 4, gardening 2)
//   plan 3: six weekly sessions; goals pain → 3, ODI → 20, RMDQ → 2, "gardening for an hour"
//   6 Jan  signed     pain 7 → 5  myofascial release (QL, pressure 5), trigger point (piriformis, 7)
//   13 Jan signed     pain 6 → 5  myofascial release (QL, pressure 6); adverse reaction
//   20 Jan cancelled
//   27 Jan signed     pain 5 → 3  trigger point (piriformis, 8), Swedish (not in the plan, 3)
//   27 Jan re-assessment: pain 4, ODI 20%, RMDQ 9, PSFS 5.7 (lifting 6, film 7, gardening 4)
//   3 Feb  no-show
//   10 Feb completed, NOT signed: pain 4 → 2, hot stone — must count for nothing but "left out"
#include "progress_report.h"

#include "domain_printers.h"

#include <string>

namespace knotwork::report {
// The domain printers, found by argument-dependent lookup for the report's own enums too.
using knotwork::operator<<;
} // namespace knotwork::report

namespace knotwork::test {

inline DateTime at(int y, int m, int d, int hour = 10) {
    return DateTime(Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d)),
                    boost::posix_time::hours(hour));
}

inline const Date fixture_today(2026, 2, 12);

inline PracticeProfile fixture_practice() {
    PracticeProfile p;
    p.practice_name = "Cedar & Stone Massage Therapy";
    p.address = "214 Ossington Avenue\nToronto, ON M6J 2Z9";
    p.phone = "(416) 555-0142";
    p.therapist_name = "Maya Okonkwo, RMT";
    p.licence_number = "CMTO registration M4821";
    return p;
}

inline AssessmentDetails fixture_assessment(Date on, int pain, int odi_each, int rmdq_yes, int lifting, int film,
                                            int gardening) {
    AssessmentDetails d;
    d.assessed_on = on;
    d.therapist = "Maya Okonkwo";
    d.chief_complaint = "Low back pain radiating into the left buttock";
    d.duration_weeks = 14;
    d.pain_now = PainScore(pain);
    d.pain_best = PainScore(std::max(0, pain - 3));
    d.pain_worst = PainScore(std::min(10, pain + 2));
    d.pain_map = {{BodyRegion::lumbar_spine, Side::midline, PainScore(pain), PainQuality::aching},
                  {BodyRegion::piriformis, Side::left, PainScore(std::max(0, pain - 1)), PainQuality::radiating}};
    std::array<std::optional<int>, odi_section_count> odi;
    odi.fill(odi_each);
    d.odi = OdiResponses(odi);
    RmdqResponses rmdq;
    for (int i = 1; i <= rmdq_yes; ++i) rmdq.set_item(i, true);
    d.rmdq = rmdq;
    d.psfs = PsfsResponses(
        {{"Lifting my daughter", lifting}, {"Sitting through a film", film}, {"Gardening for an hour", gardening}});
    return d;
}

inline Session fixture_session(SessionId id, DateTime starts, int number) {
    Session s(7, starts, starts + boost::posix_time::minutes(60), "Maya Okonkwo");
    s.set_id(id);
    s.set_series(SeriesPosition{3, number, 6});
    return s;
}

inline SoapNote fixture_note(int before, int after, std::vector<AppliedTechnique> techniques,
                             std::string adverse = {}) {
    SoapNote n;
    n.subjective = "Pain " + std::to_string(before) + "/10 today.";
    n.objective = "Hypertonic left quadratus lumborum.";
    n.assessment = "Pain " + std::to_string(after) + "/10 after treatment.";
    n.plan = "Continue.";
    n.pain_before = PainScore(before);
    n.pain_after = PainScore(after);
    n.techniques = std::move(techniques);
    n.adverse_reactions = std::move(adverse);
    return n;
}

inline Session signed_session(SessionId id, DateTime starts, int number, SoapNote note) {
    Session s = fixture_session(id, starts, number);
    s.mark_completed();
    s.write_note(std::move(note));
    s.sign("Maya Okonkwo", s.ends_at() + boost::posix_time::minutes(15));
    return s;
}

struct ReportFixture {
    report::ClientHistory history = make_history();
    PracticeProfile practice = fixture_practice();

    static report::ClientHistory make_history(const std::string& given = "Ngozi", const std::string& family = "Okafor") {
        ClientDetails cd;
        cd.given_name = given;
        cd.family_name = family;
        cd.preferred_name = "Zizi";
        cd.date_of_birth = Date(1984, 7, 12);
        cd.referral_source = "Family physician";
        cd.referring_physician = "Dr Anjali Patel";
        Client client(cd, fixture_today);
        client.set_id(7);

        Assessment baseline(7, fixture_assessment(Date(2026, 1, 5), 7, 2, 12, 3, 4, 2), fixture_today);
        baseline.set_id(1);
        Assessment again(7, fixture_assessment(Date(2026, 1, 27), 4, 1, 9, 6, 7, 4), fixture_today);
        again.set_id(2);

        PlanDetails pd;
        pd.created_on = Date(2026, 1, 5);
        pd.based_on_assessment = 1;
        pd.goals = {{"Reduce low back pain from 7/10 to 3/10 or less", GoalMeasure::pain, 7.0, 3.0},
                    {"Bring the Oswestry score from 40% to 20% or below", GoalMeasure::odi, 40.0, 20.0},
                    {"Roland-Morris score down to 2", GoalMeasure::rmdq, 12.0, 2.0},
                    {"Get back to gardening for an hour with little or no pain", GoalMeasure::activity,
                     std::nullopt, std::nullopt}};
        pd.techniques = {{"myofascial_release", "Restricted fascia over the left QL."},
                         {"trigger_point", "Trigger points in the left piriformis reproduce the pain."}};
        pd.regions = {{BodyRegion::quadratus_lumborum, Side::left}, {BodyRegion::piriformis, Side::left}};
        pd.series.session_count = 6;
        pd.series.start_date = Date(2026, 1, 6);
        pd.series.therapist = "Maya Okonkwo";
        pd.home_care = {{HomeCareKind::stretching, "Knee-to-chest stretch, 3 x 30 s, twice a day."}};
        TreatmentPlan plan(7, pd);
        plan.set_id(3);
        plan.activate();

        using T = AppliedTechnique;
        std::vector<Session> sessions;
        sessions.push_back(signed_session(
            101, at(2026, 1, 6), 1,
            fixture_note(7, 5,
                         {T{"myofascial_release", BodyRegion::quadratus_lumborum, Side::left, Pressure(5), 20},
                          T{"trigger_point", BodyRegion::piriformis, Side::left, Pressure(7), 15}})));
        sessions.push_back(signed_session(
            102, at(2026, 1, 13), 2,
            fixture_note(6, 5, {T{"myofascial_release", BodyRegion::quadratus_lumborum, Side::left, Pressure(6), 25}},
                         "Mild soreness for a day.")));
        Session cancelled = fixture_session(103, at(2026, 1, 20), 3);
        cancelled.cancel("Client unwell");
        sessions.push_back(cancelled);
        sessions.push_back(signed_session(
            104, at(2026, 1, 27), 4,
            fixture_note(5, 3,
                         {T{"trigger_point", BodyRegion::piriformis, Side::left, Pressure(8), 20},
                          T{"swedish", BodyRegion::erector_spinae_lumbar, Side::bilateral, Pressure(3), 10}})));
        Session missed = fixture_session(105, at(2026, 2, 3), 5);
        missed.mark_no_show();
        sessions.push_back(missed);
        Session draft = fixture_session(106, at(2026, 2, 10), 6);
        draft.mark_completed();
        draft.write_note(fixture_note(4, 2, {T{"hot_stone", BodyRegion::erector_spinae_lumbar, Side::bilateral, Pressure(4), 30}}));
        sessions.push_back(draft);
        // Newest first, as the repository returns them: the report must not depend on the order.
        std::reverse(sessions.begin(), sessions.end());
        return report::ClientHistory{client, {again, baseline}, {plan}, sessions};
    }

    report::ReportRequest plan_request() const {
        report::ReportRequest r;
        r.period = report::ReportPeriod::of_plan(3);
        r.report_date = fixture_today;
        return r;
    }

    report::ProgressReport build(const report::ReportRequest& r) const {
        return report::build_progress_report(history, practice, r);
    }
    report::ProgressReport build() const { return build(plan_request()); }

    // Replaces the re-assessment with one taken on the same day with other scores.
    void reassess(int pain, int odi_each, int rmdq_yes, int lifting, int film, int gardening) {
        Assessment again(7, fixture_assessment(Date(2026, 1, 27), pain, odi_each, rmdq_yes, lifting, film, gardening),
                         fixture_today);
        again.set_id(2);
        history.assessments.front() = again;
    }
};

} // namespace knotwork::test
