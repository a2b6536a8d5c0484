#pragma once
// The technique catalogue: the massage techniques a practice offers, each described by data the
// technique advisor reasons over (depth, typical pressure, what it does) rather than by its code.
// A new technique needs only a new catalogue entry, never new advisor code. A catalogue always
// holds valid entries: unique, well-formed codes, a name, and a typical pressure range that is
// ordered and agrees with the technique's depth; anything else throws ValidationError naming the
// field. standard_catalogue() holds the six techniques of Knotwork's source article.
#include "common/bounded.h"
#include "common/enum_names.h"

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace knotwork {

// How deep into the tissue a technique works. Pressure bands on the 1–10 scale: light 1–3,
// moderate 4–6, deep 7–10.
enum class TechniqueDepth { light, moderate, deep };
KNOTWORK_ENUM_NAMES(TechniqueDepth, "technique depth");

inline constexpr int light_pressure_max = 3;
inline constexpr int moderate_pressure_max = 6;

// What a technique does or whom it suits; the advisor matches these against the assessment.
enum class TechniqueTrait {
    gentle,                  // suits beginners, acute or severe pain, a light-pressure preference
    promotes_relaxation,     // calms the nervous system, eases stress
    uses_heat,               // applies heat (stones, packs): barred by heat cautions
    works_fascia,            // works the connective tissue around the muscles
    corrects_posture,        // addresses posture-related pain
    releases_trigger_points, // releases knots that radiate pain
    breaks_adhesions,        // breaks up scar-tissue bands
    suits_athletes,          // prevents and treats overuse and training strain
};
KNOTWORK_ENUM_NAMES(TechniqueTrait, "technique trait");

struct Technique {
    std::string code;    // stable, stored in plans and notes: lower-case letters, digits, '_'
    std::string name;    // "Deep tissue massage"
    std::string phrase;  // name as it reads mid-sentence; empty means the name, first letter lower-cased
    std::string purpose; // what it is for, in plain words
    TechniqueDepth depth = TechniqueDepth::moderate;
    Pressure typical_min{1};
    Pressure typical_max{10};
    std::set<TechniqueTrait> traits;
    std::vector<std::string> contraindications; // notes for the therapist, one per line

    bool has(TechniqueTrait t) const { return traits.contains(t); }
    // "deep tissue massage", "Swedish massage": the name as it reads inside a sentence.
    std::string in_sentence() const;
    bool operator==(const Technique&) const = default;
};

class TechniqueCatalogue {
  public:
    TechniqueCatalogue() = default;
    // Throws ValidationError for the first invalid or duplicate entry. Keeps the given order,
    // which is the advisor's tie-break.
    explicit TechniqueCatalogue(std::vector<Technique> techniques);

    // The entry with this code, or nullptr. The pointer is valid until the next add().
    const Technique* find(std::string_view code) const;
    // As find(), but throws NotFoundError for an unknown code.
    const Technique& get(std::string_view code) const;
    const std::vector<Technique>& all() const noexcept { return m_techniques; }
    std::size_t size() const noexcept { return m_techniques.size(); }

    // Appends a technique. Throws ValidationError when it is invalid or its code is taken.
    void add(Technique technique);

  private:
    static void validate(Technique& t);

    std::vector<Technique> m_techniques;
};

// Swedish, deep tissue, trigger point therapy, myofascial release, sports and hot stone massage,
// in that order.
TechniqueCatalogue standard_catalogue();

} // namespace knotwork
