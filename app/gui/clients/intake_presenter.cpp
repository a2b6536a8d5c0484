#include "clients/intake_presenter.h"

#include "common/error.h"
#include "common/text.h"
#include "core/translate.h"
#include "database.h"
#include "repositories/client_repository.h"

#include <array>
#include <string_view>

namespace knotwork::gui {

namespace {

struct FieldEntry {
    IntakeField field;
    std::string_view name; // as ValidationError names it
    IntakePage page;
};

using F = IntakeField;
using P = IntakePage;
constexpr std::array<FieldEntry, 20> field_entries{{
    {F::family_name, "family name", P::identity},
    {F::given_name, "given name", P::identity},
    {F::preferred_name, "preferred name", P::identity},
    {F::date_of_birth, "date of birth", P::identity},
    {F::phone, "phone", P::identity},
    {F::email, "email", P::identity},
    {F::address, "address", P::identity},
    {F::emergency_contact_name, "emergency contact name", P::identity},
    {F::emergency_contact_phone, "emergency contact phone", P::identity},
    {F::referral_source, "referral source", P::identity},
    {F::referring_physician, "referring physician", P::identity},
    {F::occupation, "occupation", P::identity},
    {F::medications, "medication", P::health},
    {F::allergies, "allergies", P::health},
    {F::health_notes, "health notes", P::health},
    {F::sensitive_areas, "sensitive areas", P::preferences},
    {F::consent_date, "consent date", P::preferences},
    {F::red_flag_notes, "red-flag notes", P::red_flags},
    {F::referred_to, "referred to", P::red_flags},
    {F::red_flags_screened_on, "red flags screened on", P::red_flags},
}};

// `value` when the domain would accept it in a free-text field, else "".
std::string clean_or_empty(const std::string& value, std::size_t limit) {
    try {
        text::require_clean("preview", value, limit);
        return value;
    } catch (const ValidationError&) {
        return {};
    }
}

// One field of the form as a step names it ("family name" as ValidationError names it), with its
// page and whether typing in it coalesces.
struct FormField {
    const char* key;
    const char* label;
    IntakePage page;
    bool typing;
    bool (*differs)(const IntakeForm&, const IntakeForm&);
};

using Form = IntakeForm;
const std::array<FormField, 24> form_fields{{
    {"family name", "Family name", P::identity, true,
     [](const Form& a, const Form& b) { return a.family_name != b.family_name; }},
    {"given name", "Given name", P::identity, true,
     [](const Form& a, const Form& b) { return a.given_name != b.given_name; }},
    {"preferred name", "Preferred name", P::identity, true,
     [](const Form& a, const Form& b) { return a.preferred_name != b.preferred_name; }},
    {"date of birth", "Date of birth", P::identity, false,
     [](const Form& a, const Form& b) { return a.date_of_birth != b.date_of_birth; }},
    {"phone", "Phone", P::identity, true, [](const Form& a, const Form& b) { return a.phone != b.phone; }},
    {"email", "Email", P::identity, true, [](const Form& a, const Form& b) { return a.email != b.email; }},
    {"address", "Address", P::identity, true,
     [](const Form& a, const Form& b) { return a.address != b.address; }},
    {"emergency contact name", "Emergency contact name", P::identity, true,
     [](const Form& a, const Form& b) { return a.emergency_contact_name != b.emergency_contact_name; }},
    {"emergency contact phone", "Emergency contact phone", P::identity, true,
     [](const Form& a, const Form& b) { return a.emergency_contact_phone != b.emergency_contact_phone; }},
    {"referral source", "Referred by", P::identity, true,
     [](const Form& a, const Form& b) { return a.referral_source != b.referral_source; }},
    {"referring physician", "Physician", P::identity, true,
     [](const Form& a, const Form& b) { return a.referring_physician != b.referring_physician; }},
    {"occupation", "Occupation", P::identity, true,
     [](const Form& a, const Form& b) { return a.occupation != b.occupation; }},
    {"activity level", "Activity level", P::identity, false,
     [](const Form& a, const Form& b) { return a.activity != b.activity; }},
    {"conditions", "Conditions", P::health, false,
     [](const Form& a, const Form& b) { return a.conditions != b.conditions; }},
    {"medication", "Medications", P::health, false,
     [](const Form& a, const Form& b) { return a.medications != b.medications; }},
    {"allergies", "Allergies", P::health, true,
     [](const Form& a, const Form& b) { return a.allergies != b.allergies; }},
    {"health notes", "Health notes", P::health, true,
     [](const Form& a, const Form& b) { return a.health_notes != b.health_notes; }},
    {"pressure preference", "Pressure preference", P::preferences, false,
     [](const Form& a, const Form& b) { return a.pressure_preference != b.pressure_preference; }},
    {"sensitive areas", "Sensitive areas", P::preferences, true,
     [](const Form& a, const Form& b) { return a.sensitive_areas != b.sensitive_areas; }},
    {"consent date", "Consent", P::preferences, false,
     [](const Form& a, const Form& b) {
         return a.consent_given != b.consent_given || a.consent_date != b.consent_date;
     }},
    {"red flags", "Red flags", P::red_flags, false,
     [](const Form& a, const Form& b) { return a.red_flags != b.red_flags; }},
    {"red-flag notes", "Red-flag notes", P::red_flags, true,
     [](const Form& a, const Form& b) { return a.red_flag_notes != b.red_flag_notes; }},
    {"referred to", "Referred to", P::red_flags, true,
     [](const Form& a, const Form& b) { return a.referred_to != b.referred_to; }},
    {"red flags screened on", "Screened on", P::red_flags, false,
     [](const Form& a, const Form& b) { return a.red_flags_screened_on != b.red_flags_screened_on; }},
}};

// The step that led from `before` to `after`: named after the first field that changed; one that
// changed several fields at once does not coalesce.
EditStep describe_change(const IntakeForm& before, const IntakeForm& after) {
    const FormField* first = nullptr;
    int changed = 0;
    for (const auto& f : form_fields)
        if (f.differs(before, after) && changed++ == 0) first = &f;
    if (!first) return {};
    return {first->key, app::tr(first->label), first->typing && changed == 1};
}

IntakePage page_of_key(const std::string& key) {
    for (const auto& f : form_fields)
        if (key == f.key) return f.page;
    return IntakePage::identity;
}

bool screen_differs(const IntakeForm& a, const IntakeForm& b) {
    return a.red_flags != b.red_flags || a.red_flag_notes != b.red_flag_notes ||
           a.referred_to != b.referred_to;
}

} // namespace

IntakePage page_of(IntakeField field) {
    for (const auto& e : field_entries)
        if (e.field == field) return e.page;
    return IntakePage::identity;
}

IntakeField IntakePresenter::field_of(const ValidationError& error) {
    for (const auto& e : field_entries)
        if (e.name == error.field()) return e.field;
    return IntakeField::none;
}

IntakePresenter::IntakePresenter(db::Database& db, std::optional<ClientId> client, Date today)
    : m_db(db), m_today(today) {
    if (client) {
        m_client = db::ClientRepository(m_db).get(*client);
        m_loaded = form_from(m_client->details());
    } else {
        m_loaded.red_flags_screened_on = today; // the screen is part of the intake
    }
    m_form = m_loaded;
    m_history.reset(m_form);
}

std::string IntakePresenter::title() const {
    if (!m_client) return KW_TR("New Client");
    return KW_TR("Edit Client") + ": " + m_client->display_name();
}

ClientDetails IntakePresenter::details_from(const IntakeForm& f) {
    ClientDetails d;
    d.family_name = f.family_name;
    d.given_name = f.given_name;
    d.preferred_name = f.preferred_name;
    d.date_of_birth = f.date_of_birth;
    d.phone = f.phone;
    d.email = f.email;
    d.address = f.address;
    d.emergency_contact_name = f.emergency_contact_name;
    d.emergency_contact_phone = f.emergency_contact_phone;
    d.referral_source = f.referral_source;
    d.referring_physician = f.referring_physician;
    d.occupation = f.occupation;
    d.activity = f.activity;
    d.conditions = f.conditions;
    d.health_notes = f.health_notes;
    d.medications = f.medications;
    d.allergies = f.allergies;
    d.pressure_preference = f.pressure_preference;
    d.sensitive_areas = f.sensitive_areas;
    d.consent_date = f.consent_given ? f.consent_date : std::nullopt;
    d.intake_red_flags.positive = f.red_flags;
    d.intake_red_flags.notes = f.red_flag_notes;
    d.intake_red_flags.referred_to = f.referred_to;
    d.red_flags_screened_on = f.red_flags_screened_on;
    return d;
}

IntakeForm IntakePresenter::form_from(const ClientDetails& d) {
    IntakeForm f;
    f.family_name = d.family_name;
    f.given_name = d.given_name;
    f.preferred_name = d.preferred_name;
    f.date_of_birth = d.date_of_birth;
    f.phone = d.phone;
    f.email = d.email;
    f.address = d.address;
    f.emergency_contact_name = d.emergency_contact_name;
    f.emergency_contact_phone = d.emergency_contact_phone;
    f.referral_source = d.referral_source;
    f.referring_physician = d.referring_physician;
    f.occupation = d.occupation;
    f.activity = d.activity;
    f.conditions = d.conditions;
    f.medications = d.medications;
    f.allergies = d.allergies;
    f.health_notes = d.health_notes;
    f.pressure_preference = d.pressure_preference;
    f.sensitive_areas = d.sensitive_areas;
    f.consent_given = d.consent_date.has_value();
    f.consent_date = d.consent_date;
    f.red_flags = d.intake_red_flags.positive;
    f.red_flag_notes = d.intake_red_flags.notes;
    f.referred_to = d.intake_red_flags.referred_to;
    f.red_flags_screened_on = d.red_flags_screened_on;
    return f;
}

RedFlagVerdict IntakePresenter::red_flag_verdict() const {
    RedFlagScreen screen;
    screen.positive = m_form.red_flags;
    screen.notes = m_form.red_flag_notes;
    screen.referred_to = m_form.referred_to;
    return evaluate(screen);
}

RedFlagWarning IntakePresenter::red_flag_warning() const {
    RedFlagWarning w;
    const RedFlagVerdict verdict = red_flag_verdict();
    if (verdict.urgency == ReferralUrgency::none) return w;
    w.shown = true;
    w.urgent = verdict.urgency == ReferralUrgency::urgent_same_day;
    w.heading =
        w.urgent ? KW_TR("Stop: urgent, same-day emergency care") : KW_TR("Stop: refer before treatment");
    w.advice = app::tr(verdict.advice);
    for (const auto& reason : verdict.reasons)
        w.reasons.push_back(app::tr(reason));
    if (text::trim(m_form.referred_to).empty())
        w.referral_reminder = KW_TR("Write down where you referred the client under \"Referred to\".");
    return w;
}

std::vector<Caution> IntakePresenter::cautions() const {
    ClientDetails d;
    d.family_name = "preview";
    d.given_name = "preview";
    d.conditions = m_form.conditions;
    for (const auto& m : m_form.medications)
        d.medications.push_back({m.medication_class, clean_or_empty(m.name, text::short_limit)});
    d.sensitive_areas = clean_or_empty(m_form.sensitive_areas, 2000);
    return cautions_for(Client(std::move(d), m_today));
}

std::vector<std::string> IntakePresenter::caution_lines() const {
    std::vector<std::string> lines;
    for (const auto& c : cautions())
        lines.push_back(describe(c));
    return lines;
}

std::pair<Client, IntakeForm> IntakePresenter::prepared() const {
    IntakeForm f = m_form;
    if (f.consent_given && !f.consent_date)
        throw ValidationError("consent date", "is missing: enter the day the client gave consent");
    if (screen_differs(f, m_loaded) &&
        (!f.red_flags_screened_on || f.red_flags_screened_on == m_loaded.red_flags_screened_on))
        f.red_flags_screened_on = m_today;
    if (m_client) {
        Client c = *m_client; // keeps the id, the version and the archive state
        c.revise(details_from(f), m_today);
        return {std::move(c), std::move(f)};
    }
    return {Client(details_from(f), m_today), std::move(f)};
}

void IntakePresenter::validate() const {
    (void)prepared();
}

ClientId IntakePresenter::save() {
    // Everything is checked before the transaction opens: a refusal writes nothing.
    Client client = prepared().first;
    db::Transaction tx(m_db);
    db::ClientRepository repo(m_db);
    if (m_client)
        repo.update(client);
    else
        repo.add(client);
    tx.commit();

    m_loaded = form_from(client.details());
    m_form = m_loaded;
    m_history.set_current(m_form); // the stored form, tidied; the steps before it stay undoable
    m_client = std::move(client);
    return m_client->id();
}

// ---- Undo and redo -----------------------------------------------------------------------------

void IntakePresenter::record_edit() {
    if (m_form == m_history.current()) return;
    m_history.push(m_form, describe_change(m_history.current(), m_form));
}

bool IntakePresenter::can_undo() const {
    return m_history.can_undo() || m_form != m_history.current();
}

bool IntakePresenter::can_redo() const {
    return m_history.can_redo() && m_form == m_history.current();
}

std::string IntakePresenter::undo_label() const {
    if (m_form != m_history.current()) return describe_change(m_history.current(), m_form).label;
    const EditStep* step = m_history.undo_step();
    return step ? step->label : std::string();
}

std::string IntakePresenter::redo_label() const {
    const EditStep* step = can_redo() ? m_history.redo_step() : nullptr;
    return step ? step->label : std::string();
}

std::optional<IntakePage> IntakePresenter::undo() {
    record_edit();
    const IntakeForm* before = m_history.undo();
    if (!before) return std::nullopt;
    m_form = *before;
    return page_of_key(m_history.redo_step()->key);
}

std::optional<IntakePage> IntakePresenter::redo() {
    if (m_form != m_history.current()) return std::nullopt; // a new change: nothing to redo
    const IntakeForm* after = m_history.redo();
    if (!after) return std::nullopt;
    m_form = *after;
    return page_of_key(m_history.undo_step()->key);
}

} // namespace knotwork::gui
