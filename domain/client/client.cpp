#include "client/client.h"

#include "common/error.h"
#include "common/text.h"

#include <algorithm>
#include <array>

namespace knotwork {

namespace {
using HC = HealthCondition;
constexpr std::array<EnumEntry<HC>, 16> condition_names{{
    {HC::sciatica, "sciatica", "Sciatica"},
    {HC::fibromyalgia, "fibromyalgia", "Fibromyalgia"},
    {HC::herniated_disc, "herniated_disc", "Herniated disc"},
    {HC::osteoporosis, "osteoporosis", "Osteoporosis"},
    {HC::pregnancy, "pregnancy", "Pregnancy"},
    {HC::recent_surgery, "recent_surgery", "Recent surgery"},
    {HC::recent_injury, "recent_injury", "Recent injury"},
    {HC::dvt_history, "dvt_history", "Deep vein thrombosis (history)"},
    {HC::diabetes, "diabetes", "Diabetes"},
    {HC::diabetic_neuropathy, "diabetic_neuropathy", "Diabetic neuropathy"},
    {HC::heat_sensitivity, "heat_sensitivity", "Heat sensitivity"},
    {HC::cancer_history, "cancer_history", "Cancer (history)"},
    {HC::varicose_veins, "varicose_veins", "Varicose veins"},
    {HC::open_wounds, "open_wounds", "Open wounds or skin breaks"},
    {HC::skin_condition, "skin_condition", "Skin condition"},
    {HC::hypertension, "hypertension", "High blood pressure"},
}};

using MC = MedicationClass;
constexpr std::array<EnumEntry<MC>, 5> medication_names{{
    {MC::anticoagulant, "anticoagulant", "Anticoagulant"},
    {MC::corticosteroid, "corticosteroid", "Corticosteroid"},
    {MC::muscle_relaxant, "muscle_relaxant", "Muscle relaxant"},
    {MC::pain_killer, "pain_killer", "Pain killer"},
    {MC::other, "other", "Other"},
}};

using PP = PressurePreference;
constexpr std::array<EnumEntry<PP>, 4> pressure_names{{
    {PP::light, "light", "Light"},
    {PP::medium, "medium", "Medium"},
    {PP::firm, "firm", "Firm"},
    {PP::deep, "deep", "Deep"},
}};

using AL = ActivityLevel;
constexpr std::array<EnumEntry<AL>, 5> activity_names{{
    {AL::sedentary, "sedentary", "Sedentary"},
    {AL::desk_work, "desk_work", "Desk work"},
    {AL::moderate, "moderate", "Moderately active"},
    {AL::active, "active", "Active"},
    {AL::athlete, "athlete", "Athlete"},
}};
} // namespace

std::span<const EnumEntry<HC>> EnumNames<HC>::entries() { return condition_names; }
std::span<const EnumEntry<MC>> EnumNames<MC>::entries() { return medication_names; }
std::span<const EnumEntry<PP>> EnumNames<PP>::entries() { return pressure_names; }
std::span<const EnumEntry<AL>> EnumNames<AL>::entries() { return activity_names; }

Client::Client(ClientDetails details, Date today) {
    validate(details, today);
    m_details = std::move(details);
}

void Client::revise(ClientDetails details, Date today) {
    validate(details, today);
    m_details = std::move(details);
}

void Client::validate(ClientDetails& d, Date today) {
    using text::short_limit;
    using text::long_limit;
    d.family_name = text::require_present_line("family name", d.family_name, short_limit);
    d.given_name = text::require_present_line("given name", d.given_name, short_limit);
    d.preferred_name = text::trim(d.preferred_name);
    text::require_single_line("preferred name", d.preferred_name, short_limit);
    if (d.date_of_birth) {
        if (d.date_of_birth->is_special())
            throw ValidationError("date of birth", "is not a valid date");
        if (*d.date_of_birth > today)
            throw ValidationError("date of birth", "is in the future (" + to_iso(*d.date_of_birth) + ")");
        if (age_on(*d.date_of_birth, today) > 130)
            throw ValidationError("date of birth", "gives an age over 130 years (" +
                                                       to_iso(*d.date_of_birth) + ")");
    }
    text::require_single_line("phone", d.phone, 40);
    d.email = text::trim(d.email);
    text::require_single_line("email", d.email, short_limit);
    if (!d.email.empty() && (d.email.find('@') == std::string::npos || d.email.find(' ') != std::string::npos))
        throw ValidationError("email", "is not an email address (\"" + d.email + "\")");
    text::require_clean("address", d.address, 1000);
    text::require_single_line("emergency contact name", d.emergency_contact_name, short_limit);
    text::require_single_line("emergency contact phone", d.emergency_contact_phone, 40);
    text::require_single_line("referral source", d.referral_source, short_limit);
    text::require_single_line("referring physician", d.referring_physician, short_limit);
    text::require_single_line("occupation", d.occupation, short_limit);
    text::require_clean("health notes", d.health_notes, long_limit);
    for (const auto& m : d.medications) text::require_single_line("medication", m.name, short_limit);
    text::require_clean("allergies", d.allergies, 2000);
    text::require_clean("sensitive areas", d.sensitive_areas, 2000);
    if (d.consent_date) {
        if (d.consent_date->is_special()) throw ValidationError("consent date", "is not a valid date");
        if (*d.consent_date > today)
            throw ValidationError("consent date", "is in the future (" + to_iso(*d.consent_date) + ")");
    }
    text::require_clean("red-flag notes", d.intake_red_flags.notes, text::long_limit);
    text::require_single_line("referred to", d.intake_red_flags.referred_to, short_limit);
    if (d.red_flags_screened_on) {
        if (d.red_flags_screened_on->is_special())
            throw ValidationError("red flags screened on", "is not a valid date");
        if (*d.red_flags_screened_on > today)
            throw ValidationError("red flags screened on",
                                  "is in the future (" + to_iso(*d.red_flags_screened_on) + ")");
    }
    if (d.conditions.contains(HealthCondition::diabetic_neuropathy))
        d.conditions.insert(HealthCondition::diabetes);
}

std::string Client::display_name() const {
    const auto& first = m_details.preferred_name.empty() ? m_details.given_name : m_details.preferred_name;
    return first + " " + m_details.family_name;
}

std::string Client::sort_name() const { return m_details.family_name + ", " + m_details.given_name; }

bool Client::takes(MedicationClass c) const {
    return std::any_of(m_details.medications.begin(), m_details.medications.end(),
                       [c](const Medication& m) { return m.medication_class == c; });
}

void Client::archive(Date on) {
    if (!m_archived_on) m_archived_on = on;
}

} // namespace knotwork
