#pragma once
// Back-pain outcome measures and their published scoring rules:
//  - Numeric pain rating (0–10): a change of 2 points or 30% is clinically meaningful.
//  - Oswestry Disability Index: 10 sections scored 0–5; score = total / (5 × answered) × 100;
//    bands minimal/moderate/severe/crippled/bed-bound; meaningful change 10 points or 30%.
//  - Roland-Morris Disability Questionnaire: 24 yes/no items, score 0–24; meaningful change
//    5 points or 30%.
//  - Patient-Specific Functional Scale: 3–5 client-named activities rated 0–10, score = mean;
//    a change of 2 in the mean or 3 in one activity exceeds measurement error.
// Only section and item scores are kept, never the questionnaires' licensed wording.
#include "common/bounded.h"
#include "common/enum_names.h"

#include <array>
#include <bitset>
#include <optional>
#include <string>
#include <vector>

namespace knotwork {

// ---- Oswestry Disability Index ------------------------------------------------------------

enum class OdiSection {
    pain_intensity,
    personal_care,
    lifting,
    walking,
    sitting,
    standing,
    sleeping,
    sex_life,
    social_life,
    travelling,
};
KNOTWORK_ENUM_NAMES(OdiSection, "ODI section");
inline constexpr int odi_section_count = 10;

enum class OdiBand { minimal, moderate, severe, crippled, bed_bound };
KNOTWORK_ENUM_NAMES(OdiBand, "ODI band");

class OdiResponses {
public:
    OdiResponses() = default;
    // Sections in OdiSection order; nullopt for unanswered. Throws ValidationError naming the
    // section for a score outside 0–5.
    explicit OdiResponses(const std::array<std::optional<int>, odi_section_count>& scores);

    void set(OdiSection section, std::optional<int> score);
    std::optional<int> get(OdiSection section) const;
    const std::array<std::optional<int>, odi_section_count>& sections() const noexcept { return m_scores; }

    int answered() const;
    // Percentage 0–100; nullopt when no section is answered.
    std::optional<double> score() const;
    bool operator==(const OdiResponses&) const = default;

private:
    std::array<std::optional<int>, odi_section_count> m_scores{};
};

// 0–20 minimal, 21–40 moderate, 41–60 severe, 61–80 crippled, 81–100 bed-bound. A fractional
// score (possible with unanswered sections) belongs to the band its rounded value falls in.
OdiBand odi_band(double percent);

// ---- Roland-Morris ------------------------------------------------------------------------

inline constexpr int rmdq_item_count = 24;

class RmdqResponses {
public:
    RmdqResponses() = default;
    explicit RmdqResponses(std::bitset<rmdq_item_count> yes) : m_yes(yes) {}
    // Items numbered 1–24 as printed on the form. Throws ValidationError for another number.
    void set_item(int item, bool yes);
    bool item(int item) const;
    const std::bitset<rmdq_item_count>& items() const noexcept { return m_yes; }
    int score() const { return static_cast<int>(m_yes.count()); }
    bool operator==(const RmdqResponses&) const = default;

private:
    std::bitset<rmdq_item_count> m_yes;
};

// ---- Patient-Specific Functional Scale ----------------------------------------------------

struct PsfsActivity {
    std::string activity; // named by the client: "Lifting my daughter"
    int rating = 0;       // 0 = unable, 10 = as before the problem
    bool operator==(const PsfsActivity&) const = default;
};

class PsfsResponses {
public:
    // Throws ValidationError unless there are 3–5 activities, each named (no name twice,
    // ignoring case) and rated 0–10.
    explicit PsfsResponses(std::vector<PsfsActivity> activities);
    const std::vector<PsfsActivity>& activities() const noexcept { return m_activities; }
    double score() const;
    bool operator==(const PsfsResponses&) const = default;

private:
    std::vector<PsfsActivity> m_activities;
};

// ---- Change between two measurements ------------------------------------------------------

enum class ChangeVerdict { improved, within_error, worsened };
KNOTWORK_ENUM_NAMES(ChangeVerdict, "change verdict");

enum class OutcomeMeasure { pain, odi, rmdq, psfs };
KNOTWORK_ENUM_NAMES(OutcomeMeasure, "outcome measure");

struct OutcomeChange {
    OutcomeMeasure measure;
    double baseline = 0;
    double latest = 0;
    double change = 0;                  // latest − baseline
    std::optional<double> percent;      // change as % of baseline; none when baseline is 0
    ChangeVerdict verdict = ChangeVerdict::within_error;
};

// Pain, ODI and RMDQ: lower is better. A change counts when it reaches the measure's points
// threshold or 30% of the baseline, in either direction.
OutcomeChange compare_pain(PainScore baseline, PainScore latest);
OutcomeChange compare_odi(double baseline_percent, double latest_percent);
OutcomeChange compare_rmdq(int baseline, int latest);
// PSFS: higher is better. Improved when the mean rises by 2 or more, or when an activity rated
// both times rises by 3 or more while none falls by 3 or more and the mean does not fall;
// worsened symmetrically.
OutcomeChange compare_psfs(const PsfsResponses& baseline, const PsfsResponses& latest);

// The thresholds, for reports that print them.
struct ChangeThreshold {
    double points;
    double percent;
};
ChangeThreshold meaningful_change(OutcomeMeasure m);

} // namespace knotwork
