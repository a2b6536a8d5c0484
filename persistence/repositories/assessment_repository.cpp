#include "repositories/assessment_repository.h"

#include "audit_log.h"
#include "common/error.h"
#include "database.h"
#include "soci_mapping.h"

#include <algorithm>

namespace knotwork::db {

namespace {

std::optional<std::string> rmdq_text(const std::optional<RmdqResponses>& r) {
    if (!r) return std::nullopt;
    std::string s(rmdq_item_count, '0');
    for (int i = 1; i <= rmdq_item_count; ++i)
        if (r->item(i)) s[static_cast<std::size_t>(i - 1)] = '1';
    return s;
}

std::optional<RmdqResponses> rmdq_from_text(const std::optional<std::string>& s) {
    if (!s) return std::nullopt;
    RmdqResponses r;
    for (int i = 1; i <= rmdq_item_count && static_cast<std::size_t>(i) <= s->size(); ++i)
        r.set_item(i, (*s)[static_cast<std::size_t>(i - 1)] == '1');
    return r;
}

// The ten ODI section columns, NULL when unanswered or when no ODI was taken.
std::array<std::optional<int>, odi_section_count> odi_columns(const std::optional<OdiResponses>& odi) {
    if (!odi) return {};
    return odi->sections();
}

// ---- the audit trail's view of an assessment -------------------------------------------------

// The pain map is a set of places: listed in a fixed order, so only a real change shows.
std::string pain_map_text(const std::vector<PainMapEntry>& entries) {
    std::vector<std::string> items;
    for (const auto& e : entries)
        items.push_back(std::string(label(e.region)) + " (" + std::string(label(e.side)) + ") " +
                        std::to_string(e.intensity.value()) + ", " + std::string(label(e.quality)));
    std::sort(items.begin(), items.end());
    return audit_text(items);
}

std::string palpation_text(const std::vector<PalpationFinding>& findings) {
    std::string out;
    for (const auto& f : findings) {
        out += (out.empty() ? "" : "; ") + std::string(label(f.muscle)) + " (" + std::string(label(f.side)) +
               "): hypertonicity " + std::to_string(f.hypertonicity) + ", tenderness " +
               std::to_string(f.tenderness) + ", trigger points " + std::to_string(f.trigger_points);
        if (f.adhesions) out += ", adhesions";
        if (!f.note.empty()) out += ", " + f.note;
    }
    return out;
}

std::string rmdq_audit_text(const std::optional<RmdqResponses>& r) {
    if (!r) return {};
    std::string out;
    for (int i = 1; i <= rmdq_item_count; ++i)
        if (r->item(i)) out += (out.empty() ? "yes to " : ", ") + std::to_string(i);
    return out.empty() ? "no item" : out;
}

std::string psfs_text(const std::optional<PsfsResponses>& p) {
    if (!p) return {};
    std::string out;
    for (const auto& a : p->activities()) out += (out.empty() ? "" : "; ") + a.activity + " " + std::to_string(a.rating);
    return out;
}

ChangeList assessment_changes(const AssessmentDetails& a, const AssessmentDetails& b) {
    ChangeList c;
    c.compare("assessed_on", a.assessed_on, b.assessed_on);
    c.compare("therapist", a.therapist, b.therapist);
    c.compare("chief_complaint", a.chief_complaint, b.chief_complaint);
    c.compare("onset_date", a.onset_date, b.onset_date);
    c.compare("duration_weeks", a.duration_weeks, b.duration_weeks);
    c.compare("pain_now", a.pain_now.value(), b.pain_now.value());
    c.compare("pain_best", a.pain_best.value(), b.pain_best.value());
    c.compare("pain_worst", a.pain_worst.value(), b.pain_worst.value());
    c.compare_text("pain_map", pain_map_text(a.pain_map), pain_map_text(b.pain_map));
    c.compare("aggravating_factors", a.aggravating_factors, b.aggravating_factors);
    c.compare("easing_factors", a.easing_factors, b.easing_factors);
    c.compare("posture", a.posture, b.posture);
    c.compare("range_of_motion", a.range_of_motion, b.range_of_motion);
    c.compare_text("palpation", palpation_text(a.palpation), palpation_text(b.palpation));
    const auto odi_a = odi_columns(a.odi), odi_b = odi_columns(b.odi);
    for (std::size_t i = 0; i < odi_a.size(); ++i)
        c.compare("odi_" + std::string(to_code(static_cast<OdiSection>(i))), odi_a[i], odi_b[i]);
    c.compare_text("rmdq", rmdq_audit_text(a.rmdq), rmdq_audit_text(b.rmdq));
    c.compare_text("psfs", psfs_text(a.psfs), psfs_text(b.psfs));
    c.compare("red_flags", a.red_flags.positive, b.red_flags.positive);
    c.compare("red_flag_notes", a.red_flags.notes, b.red_flags.notes);
    c.compare("referred_to", a.red_flags.referred_to, b.red_flags.referred_to);
    c.compare("notes", a.notes, b.notes);
    return c;
}

} // namespace

AssessmentId AssessmentRepository::add(Assessment& a) {
    m_db.require_transaction("adding an assessment");
    const auto& d = a.details();
    const auto odi = odi_columns(d.odi);
    const auto rmdq = rmdq_text(d.rmdq);
    const std::string now = to_iso(now_utc());
    const ClientId client = a.client_id();
    const int now_p = d.pain_now.value(), best = d.pain_best.value(), worst = d.pain_worst.value();
    long long id = 0;
    m_db.sql() << "INSERT INTO assessments (client_id, assessed_on, therapist, chief_complaint, onset_date, "
                  "duration_weeks, pain_now, pain_best, pain_worst, aggravating_factors, easing_factors, posture, "
                  "range_of_motion, odi_1, odi_2, odi_3, odi_4, odi_5, odi_6, odi_7, odi_8, odi_9, odi_10, "
                  "rmdq_items, red_flag_notes, referred_to, notes, created_at, updated_at, version) VALUES "
                  "(:client, :on, :therapist, :complaint, :onset, :weeks, :now_p, :best, :worst, :agg, :eas, "
                  ":posture, :rom, :o1, :o2, :o3, :o4, :o5, :o6, :o7, :o8, :o9, :o10, :rmdq, :rfn, :ref, :notes, "
                  ":created, :updated, 1) RETURNING id",
        soci::use(client), soci::use(d.assessed_on), soci::use(d.therapist), soci::use(d.chief_complaint),
        soci::use(d.onset_date), soci::use(d.duration_weeks), soci::use(now_p), soci::use(best), soci::use(worst),
        soci::use(d.aggravating_factors), soci::use(d.easing_factors), soci::use(d.posture),
        soci::use(d.range_of_motion), soci::use(odi[0]), soci::use(odi[1]), soci::use(odi[2]), soci::use(odi[3]),
        soci::use(odi[4]), soci::use(odi[5]), soci::use(odi[6]), soci::use(odi[7]), soci::use(odi[8]),
        soci::use(odi[9]), soci::use(rmdq), soci::use(d.red_flags.notes), soci::use(d.red_flags.referred_to),
        soci::use(d.notes), soci::use(now), soci::use(now), soci::into(id);
    a.set_id(id);
    a.set_version(1);
    write_children(a);
    std::string detail = "assessed on " + to_iso(d.assessed_on);
    if (!d.red_flags.positive.empty()) detail += "; red flags recorded";
    AuditLog(m_db).record(AuditAction::create, "assessment", id, client, detail);
    return id;
}

void AssessmentRepository::write_children(const Assessment& a) {
    auto& sql = m_db.sql();
    const AssessmentId id = a.id();
    for (const char* table : {"assessment_pain_map", "assessment_palpation", "assessment_psfs", "assessment_red_flags"})
        sql << "DELETE FROM " + std::string(table) + " WHERE assessment_id = :id", soci::use(id);
    const auto& d = a.details();
    for (const auto& p : d.pain_map) {
        const int intensity = p.intensity.value();
        sql << "INSERT INTO assessment_pain_map (assessment_id, region, side, intensity, quality) "
               "VALUES (:id, :region, :side, :intensity, :quality)",
            soci::use(id), soci::use(p.region), soci::use(p.side), soci::use(intensity), soci::use(p.quality);
    }
    int position = 0;
    for (const auto& p : d.palpation) {
        const int adhesions = p.adhesions ? 1 : 0;
        sql << "INSERT INTO assessment_palpation (assessment_id, position, muscle, side, hypertonicity, tenderness, "
               "trigger_points, adhesions, note) VALUES (:id, :pos, :muscle, :side, :ht, :tn, :tp, :adh, :note)",
            soci::use(id), soci::use(position), soci::use(p.muscle), soci::use(p.side), soci::use(p.hypertonicity),
            soci::use(p.tenderness), soci::use(p.trigger_points), soci::use(adhesions), soci::use(p.note);
        ++position;
    }
    if (d.psfs) {
        position = 0;
        for (const auto& act : d.psfs->activities()) {
            sql << "INSERT INTO assessment_psfs (assessment_id, position, activity, rating) "
                   "VALUES (:id, :pos, :activity, :rating)",
                soci::use(id), soci::use(position), soci::use(act.activity), soci::use(act.rating);
            ++position;
        }
    }
    for (RedFlag f : d.red_flags.positive)
        sql << "INSERT INTO assessment_red_flags (assessment_id, flag) VALUES (:id, :flag)", soci::use(id),
            soci::use(f);
}

void AssessmentRepository::update(Assessment& a) {
    m_db.require_transaction("updating an assessment");
    const std::optional<Assessment> before = find(a.id());
    const auto& d = a.details();
    const auto odi = odi_columns(d.odi);
    const auto rmdq = rmdq_text(d.rmdq);
    const std::string now = to_iso(now_utc());
    const AssessmentId id = a.id();
    const int version = a.version();
    const int now_p = d.pain_now.value(), best = d.pain_best.value(), worst = d.pain_worst.value();
    soci::statement st =
        (m_db.sql().prepare << "UPDATE assessments SET assessed_on = :on, therapist = :therapist, "
                               "chief_complaint = :complaint, onset_date = :onset, duration_weeks = :weeks, "
                               "pain_now = :now_p, pain_best = :best, pain_worst = :worst, aggravating_factors = :agg, "
                               "easing_factors = :eas, posture = :posture, range_of_motion = :rom, odi_1 = :o1, "
                               "odi_2 = :o2, odi_3 = :o3, odi_4 = :o4, odi_5 = :o5, odi_6 = :o6, odi_7 = :o7, "
                               "odi_8 = :o8, odi_9 = :o9, odi_10 = :o10, rmdq_items = :rmdq, red_flag_notes = :rfn, "
                               "referred_to = :ref, notes = :notes, updated_at = :updated, version = version + 1 "
                               "WHERE id = :id AND version = :version",
         soci::use(d.assessed_on), soci::use(d.therapist), soci::use(d.chief_complaint), soci::use(d.onset_date),
         soci::use(d.duration_weeks), soci::use(now_p), soci::use(best), soci::use(worst),
         soci::use(d.aggravating_factors), soci::use(d.easing_factors), soci::use(d.posture),
         soci::use(d.range_of_motion), soci::use(odi[0]), soci::use(odi[1]), soci::use(odi[2]), soci::use(odi[3]),
         soci::use(odi[4]), soci::use(odi[5]), soci::use(odi[6]), soci::use(odi[7]), soci::use(odi[8]),
         soci::use(odi[9]), soci::use(rmdq), soci::use(d.red_flags.notes), soci::use(d.red_flags.referred_to),
         soci::use(d.notes), soci::use(now), soci::use(id), soci::use(version));
    st.execute(true);
    if (st.get_affected_rows() != 1)
        throw ConflictError("The assessment was changed elsewhere since you opened it. Reload it and apply your "
                            "changes again.");
    a.set_version(version + 1);
    write_children(a);
    const ChangeList changes = before ? assessment_changes(before->details(), d) : ChangeList();
    AuditLog(m_db).record(AuditAction::update, "assessment", id, a.client_id(),
                          "assessed on " + to_iso(d.assessed_on) + "; " + changes.summary(), changes.items());
}

namespace {

// Reads stored assessments by id: the row, then its pain map, palpation findings, PSFS activities
// and red flags. The five statements are prepared once and run again for each assessment, so a
// client's assessments cost five preparations however many there are (the chart reads them all).
class AssessmentReader {
public:
    explicit AssessmentReader(soci::session& sql);
    std::optional<Assessment> read(AssessmentId id);

private:
    AssessmentId m_id = 0;
    // The row as fetched. Its text moves into each assessment read.
    AssessmentDetails m_row;
    ClientId m_client = 0;
    int m_version = 0, m_now = 0, m_best = 0, m_worst = 0;
    std::array<std::optional<int>, odi_section_count> m_odi;
    std::optional<std::string> m_rmdq;
    // One row of each child table, as fetched.
    BodyRegion m_region{};
    Side m_side{};
    int m_intensity = 0;
    PainQuality m_quality{};
    PalpationFinding m_finding{};
    int m_adhesions = 0;
    PsfsActivity m_activity;
    RedFlag m_flag{};
    soci::statement m_assessment, m_pain_map, m_palpation, m_psfs, m_red_flags;
};

AssessmentReader::AssessmentReader(soci::session& sql)
    : m_assessment((sql.prepare << "SELECT client_id, assessed_on, therapist, chief_complaint, onset_date, "
                                   "duration_weeks, pain_now, pain_best, pain_worst, aggravating_factors, "
                                   "easing_factors, posture, range_of_motion, odi_1, odi_2, odi_3, odi_4, odi_5, "
                                   "odi_6, odi_7, odi_8, odi_9, odi_10, rmdq_items, red_flag_notes, referred_to, "
                                   "notes, version FROM assessments WHERE id = :id",
                    soci::into(m_client), soci::into(m_row.assessed_on), soci::into(m_row.therapist),
                    soci::into(m_row.chief_complaint), soci::into(m_row.onset_date), soci::into(m_row.duration_weeks),
                    soci::into(m_now), soci::into(m_best), soci::into(m_worst), soci::into(m_row.aggravating_factors),
                    soci::into(m_row.easing_factors), soci::into(m_row.posture), soci::into(m_row.range_of_motion),
                    soci::into(m_odi[0]), soci::into(m_odi[1]), soci::into(m_odi[2]), soci::into(m_odi[3]),
                    soci::into(m_odi[4]), soci::into(m_odi[5]), soci::into(m_odi[6]), soci::into(m_odi[7]),
                    soci::into(m_odi[8]), soci::into(m_odi[9]), soci::into(m_rmdq),
                    soci::into(m_row.red_flags.notes), soci::into(m_row.red_flags.referred_to),
                    soci::into(m_row.notes), soci::into(m_version), soci::use(m_id))),
      m_pain_map((sql.prepare << "SELECT region, side, intensity, quality FROM assessment_pain_map "
                                 "WHERE assessment_id = :id ORDER BY region, side",
                  soci::into(m_region), soci::into(m_side), soci::into(m_intensity), soci::into(m_quality),
                  soci::use(m_id))),
      m_palpation((sql.prepare << "SELECT muscle, side, hypertonicity, tenderness, trigger_points, adhesions, "
                                  "note FROM assessment_palpation WHERE assessment_id = :id ORDER BY position",
                   soci::into(m_finding.muscle), soci::into(m_finding.side), soci::into(m_finding.hypertonicity),
                   soci::into(m_finding.tenderness), soci::into(m_finding.trigger_points), soci::into(m_adhesions),
                   soci::into(m_finding.note), soci::use(m_id))),
      m_psfs((sql.prepare << "SELECT activity, rating FROM assessment_psfs WHERE assessment_id = :id "
                             "ORDER BY position",
              soci::into(m_activity.activity), soci::into(m_activity.rating), soci::use(m_id))),
      m_red_flags((sql.prepare << "SELECT flag FROM assessment_red_flags WHERE assessment_id = :id",
                   soci::into(m_flag), soci::use(m_id))) {}

std::optional<Assessment> AssessmentReader::read(AssessmentId id) {
    m_id = id;
    if (!m_assessment.execute(true)) return std::nullopt;
    AssessmentDetails d = std::move(m_row);
    m_row = AssessmentDetails{};
    d.pain_now = PainScore(m_now, "pain now");
    d.pain_best = PainScore(m_best, "pain best");
    d.pain_worst = PainScore(m_worst, "pain worst");
    if (std::any_of(m_odi.begin(), m_odi.end(), [](const auto& s) { return s.has_value(); }))
        d.odi = OdiResponses(m_odi);
    d.rmdq = rmdq_from_text(m_rmdq);

    m_pain_map.execute();
    while (m_pain_map.fetch())
        d.pain_map.push_back(PainMapEntry{m_region, m_side, PainScore(m_intensity, "pain map intensity"), m_quality});
    m_palpation.execute();
    while (m_palpation.fetch()) {
        m_finding.adhesions = m_adhesions != 0;
        d.palpation.push_back(m_finding);
    }
    std::vector<PsfsActivity> acts;
    m_psfs.execute();
    while (m_psfs.fetch()) acts.push_back(m_activity);
    if (!acts.empty()) d.psfs = PsfsResponses(std::move(acts));
    m_red_flags.execute();
    while (m_red_flags.fetch()) d.red_flags.positive.insert(m_flag);

    const Date reference = std::max(today_utc(), d.assessed_on);
    Assessment a(m_client, std::move(d), reference);
    a.set_id(id);
    a.set_version(m_version);
    return a;
}

} // namespace

std::optional<Assessment> AssessmentRepository::find(AssessmentId id) {
    return AssessmentReader(m_db.sql()).read(id);
}

Assessment AssessmentRepository::get(AssessmentId id) {
    auto a = find(id);
    if (!a) throw NotFoundError("There is no assessment with id " + std::to_string(id) + ".");
    return std::move(*a);
}

std::vector<Assessment> AssessmentRepository::for_client(ClientId client) {
    std::vector<AssessmentId> ids;
    AssessmentId id = 0;
    soci::statement st = (m_db.sql().prepare << "SELECT id FROM assessments WHERE client_id = :c ORDER BY assessed_on, id",
                          soci::into(id), soci::use(client));
    st.execute();
    while (st.fetch()) ids.push_back(id);
    std::vector<Assessment> out;
    out.reserve(ids.size());
    if (ids.empty()) return out;
    AssessmentReader reader(m_db.sql());
    for (AssessmentId i : ids) {
        auto a = reader.read(i);
        if (!a) throw NotFoundError("There is no assessment with id " + std::to_string(i) + ".");
        out.push_back(std::move(*a));
    }
    return out;
}

} // namespace knotwork::db
