#pragma once
// A client of the practice: identity, contact, referral, health history and the preferences a
// therapist must respect. A Client can only exist in a valid state: the constructor and revise()
// check every field and throw ValidationError naming the first one that is wrong. Clients are
// archived, never deleted.
#include "common/dates.h"
#include "common/enum_names.h"
#include "screening/red_flags.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace knotwork {

using ClientId = std::int64_t;

enum class HealthCondition {
    sciatica,
    fibromyalgia,
    herniated_disc,
    osteoporosis,
    pregnancy,
    recent_surgery,
    recent_injury,
    dvt_history,
    diabetes,
    diabetic_neuropathy,
    heat_sensitivity,
    cancer_history,
    varicose_veins,
    open_wounds,
    skin_condition,
    hypertension,
};
KNOTWORK_ENUM_NAMES(HealthCondition, "health condition");

enum class MedicationClass { anticoagulant, corticosteroid, muscle_relaxant, pain_killer, other };
KNOTWORK_ENUM_NAMES(MedicationClass, "medication class");

enum class PressurePreference { light, medium, firm, deep };
KNOTWORK_ENUM_NAMES(PressurePreference, "pressure preference");

enum class ActivityLevel { sedentary, desk_work, moderate, active, athlete };
KNOTWORK_ENUM_NAMES(ActivityLevel, "activity level");

struct Medication {
    MedicationClass medication_class = MedicationClass::other;
    std::string name; // "Warfarin 5 mg"; may be empty when only the class is known
    bool operator==(const Medication&) const = default;
};

// Everything a therapist enters about a client. Plain data; Client checks it.
// Text rules (text.h): every field must be valid UTF-8 without NUL or control characters and
// within its length; one-line fields (names, phone, e-mail, emergency contact, referral,
// occupation, medication names, referred to) also refuse tabs and line breaks, while the address,
// health notes, allergies, sensitive areas and red-flag notes may run over lines. Surrounding
// white space is trimmed from the names and the e-mail address; every other field is kept byte
// for byte, so what was typed is what is stored.
struct ClientDetails {
    std::string family_name;
    std::string given_name;
    std::string preferred_name;
    std::optional<Date> date_of_birth;
    std::string phone;
    std::string email;
    std::string address;
    std::string emergency_contact_name;
    std::string emergency_contact_phone;
    std::string referral_source;     // "Self", "Dr Okafor", "Website"
    std::string referring_physician;
    std::string occupation;
    ActivityLevel activity = ActivityLevel::moderate;
    std::set<HealthCondition> conditions;
    std::string health_notes;        // anything the checklist does not cover
    std::vector<Medication> medications;
    std::string allergies;           // including oils and lotions
    PressurePreference pressure_preference = PressurePreference::medium;
    std::string sensitive_areas;
    std::optional<Date> consent_date;
    // The red-flag screen asked at intake, with what was done about a positive answer (notes,
    // who the client was referred to), and the day it was asked. A positive flag does not stop
    // the record being kept: it is kept so the referral is on file.
    RedFlagScreen intake_red_flags;
    std::optional<Date> red_flags_screened_on;
    bool operator==(const ClientDetails&) const = default;
};

class Client {
public:
    // Throws ValidationError when any field is invalid; `today` decides what "future" means.
    Client(ClientDetails details, Date today);

    ClientId id() const noexcept { return m_id; }
    void set_id(ClientId id) noexcept { m_id = id; }
    // Optimistic-lock version, maintained by persistence.
    int version() const noexcept { return m_version; }
    void set_version(int v) noexcept { m_version = v; }

    const ClientDetails& details() const noexcept { return m_details; }
    void revise(ClientDetails details, Date today);

    // "Preferred Family" when a preferred name is set, else "Given Family".
    std::string display_name() const;
    // "Family, Given" for sorted lists.
    std::string sort_name() const;

    bool has(HealthCondition c) const { return m_details.conditions.contains(c); }
    bool takes(MedicationClass c) const;

    bool is_archived() const noexcept { return m_archived_on.has_value(); }
    std::optional<Date> archived_on() const noexcept { return m_archived_on; }
    void archive(Date on);
    void restore() noexcept { m_archived_on.reset(); }

private:
    static void validate(ClientDetails& details, Date today);

    ClientId m_id = 0;
    int m_version = 0;
    ClientDetails m_details;
    std::optional<Date> m_archived_on;
};

} // namespace knotwork
