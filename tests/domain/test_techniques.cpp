#include "technique/technique.h"

#include "domain_printers.h"

#include <boost/test/unit_test.hpp>

#include <functional>
#include <string>
#include <vector>

namespace knotwork::test {

namespace {

Technique valid_technique(std::string code = "neuromuscular") {
    Technique t;
    t.code = std::move(code);
    t.name = "Neuromuscular therapy";
    t.purpose = "Releases trigger points and balances muscle length.";
    t.depth = TechniqueDepth::moderate;
    t.typical_min = Pressure(4);
    t.typical_max = Pressure(7);
    t.traits = {TechniqueTrait::releases_trigger_points};
    return t;
}

} // namespace

BOOST_AUTO_TEST_SUITE(TechniqueCatalogue)
using knotwork::TechniqueCatalogue;

BOOST_AUTO_TEST_CASE(standard_catalogue_holds_the_six_techniques_in_order) {
    const auto cat = standard_catalogue();
    std::vector<std::string> codes;
    for (const auto& t : cat.all())
        codes.push_back(t.code);
    const std::vector<std::string> expected{"swedish", "deep_tissue", "trigger_point", "myofascial_release",
                                            "sports",  "hot_stone"};
    BOOST_TEST(codes == expected, boost::test_tools::per_element());
    BOOST_TEST(cat.size() == 6u);
}

BOOST_AUTO_TEST_CASE(standard_techniques_carry_the_attributes_the_advisor_needs) {
    using D = TechniqueDepth;
    using T = TechniqueTrait;
    struct Row {
        const char* code;
        D depth;
        int lo;
        int hi;
        std::vector<T> traits;
        const char* in_sentence;
        const char* purpose_word; // the article's words for what it is for
    };
    const std::vector<Row> rows{
        {"swedish", D::light, 2, 5, {T::gentle, T::promotes_relaxation}, "Swedish massage", "beginners"},
        {"deep_tissue", D::deep, 6, 9, {T::breaks_adhesions}, "deep tissue massage", "adhesions"},
        {"trigger_point",
         D::moderate,
         4,
         8,
         {T::releases_trigger_points},
         "trigger point therapy",
         "radiate pain"},
        {"myofascial_release",
         D::moderate,
         3,
         6,
         {T::works_fascia, T::corrects_posture},
         "myofascial release",
         "posture"},
        {"sports", D::moderate, 4, 8, {T::suits_athletes}, "sports massage", "athletes"},
        {"hot_stone",
         D::light,
         2,
         5,
         {T::uses_heat, T::promotes_relaxation},
         "hot stone massage",
         "heated stones"},
    };
    const auto cat = standard_catalogue();
    for (const auto& r : rows) {
        BOOST_TEST_CONTEXT(r.code) {
            const Technique* t = cat.find(r.code);
            BOOST_TEST(t != nullptr, "not in the catalogue");
            if (!t) continue;
            BOOST_TEST((t->depth == r.depth));
            BOOST_TEST(t->typical_min.value() == r.lo);
            BOOST_TEST(t->typical_max.value() == r.hi);
            BOOST_TEST(t->traits.size() == r.traits.size());
            for (const auto trait : r.traits)
                BOOST_TEST(t->has(trait), "missing " << to_code(trait));
            BOOST_TEST(t->in_sentence() == r.in_sentence);
            BOOST_TEST(t->purpose.find(r.purpose_word) != std::string::npos);
            BOOST_TEST(!t->contraindications.empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(only_hot_stone_uses_heat_and_only_deep_tissue_is_deep) {
    const auto cat = standard_catalogue();
    for (const auto& t : cat.all()) {
        BOOST_TEST_CONTEXT(t.code) {
            BOOST_TEST(t.has(TechniqueTrait::uses_heat) == (t.code == "hot_stone"));
            BOOST_TEST((t.depth == TechniqueDepth::deep) == (t.code == "deep_tissue"));
        }
    }
}

BOOST_AUTO_TEST_CASE(find_and_get) {
    const auto cat = standard_catalogue();
    BOOST_TEST(cat.find("reiki") == nullptr);
    BOOST_TEST(cat.find("") == nullptr);
    BOOST_TEST(cat.get("sports").name == "Sports massage");
    BOOST_CHECK_THROW(cat.get("reiki"), NotFoundError);
}

BOOST_AUTO_TEST_CASE(a_seventh_technique_is_only_data) {
    auto cat = standard_catalogue();
    cat.add(valid_technique());
    BOOST_TEST(cat.size() == 7u);
    BOOST_TEST(cat.all().back().code == "neuromuscular");
    BOOST_TEST_REQUIRE(cat.find("neuromuscular") != nullptr);
    BOOST_TEST(cat.find("neuromuscular")->in_sentence() == "neuromuscular therapy");
}

BOOST_AUTO_TEST_CASE(built_from_a_vector_keeps_its_order) {
    const TechniqueCatalogue cat({valid_technique("zeta"), valid_technique("alpha")});
    BOOST_TEST(cat.all().at(0).code == "zeta");
    BOOST_TEST(cat.all().at(1).code == "alpha");
}

BOOST_AUTO_TEST_CASE(code_and_name_are_trimmed) {
    Technique t = valid_technique("  cupping ");
    t.name = " Cupping ";
    const TechniqueCatalogue cat({t});
    BOOST_TEST(cat.all().at(0).code == "cupping");
    BOOST_TEST(cat.all().at(0).name == "Cupping");
    BOOST_TEST(cat.find("cupping") != nullptr);
}

BOOST_AUTO_TEST_CASE(invalid_entries_are_refused_naming_the_field) {
    struct Row {
        const char* what;
        std::function<void(Technique&)> spoil;
        std::string field;
    };
    const std::vector<Row> rows{
        {"empty code", [](Technique& t) { t.code = "  "; }, "technique code"},
        {"capitals in code", [](Technique& t) { t.code = "Deep Tissue"; }, "technique code"},
        {"hyphen in code", [](Technique& t) { t.code = "deep-tissue"; }, "technique code"},
        {"empty name", [](Technique& t) { t.name = ""; }, "technique name (neuromuscular)"},
        {"range upside down",
         [](Technique& t) {
             t.typical_min = Pressure(8);
             t.typical_max = Pressure(4);
         },
         "typical pressure (Neuromuscular therapy)"},
        {"light technique starting deep",
         [](Technique& t) {
             t.depth = TechniqueDepth::light;
             t.typical_min = Pressure(5);
         },
         "typical pressure (Neuromuscular therapy)"},
        {"deep technique never deep",
         [](Technique& t) {
             t.depth = TechniqueDepth::deep;
             t.typical_max = Pressure(6);
         },
         "typical pressure (Neuromuscular therapy)"},
        {"control character in purpose", [](Technique& t) { t.purpose = "a\x01b"; },
         "technique purpose (neuromuscular)"},
    };
    for (const auto& r : rows) {
        BOOST_TEST_CONTEXT(r.what) {
            Technique t = valid_technique();
            r.spoil(t);
            KNOTWORK_CHECK_REFUSED(TechniqueCatalogue({t}), r.field);
            auto cat = standard_catalogue();
            BOOST_CHECK_THROW(cat.add(t), ValidationError);
            BOOST_TEST(cat.size() == 6u);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_code_can_be_used_once) {
    BOOST_CHECK_EXCEPTION(TechniqueCatalogue({valid_technique("x"), valid_technique("x")}), ValidationError,
                          [](const ValidationError& e) {
                              return e.field() == "technique code" &&
                                     e.problem().find("already") != std::string::npos;
                          });
    auto cat = standard_catalogue();
    Technique again = valid_technique("swedish");
    BOOST_CHECK_THROW(cat.add(again), ValidationError);
    BOOST_TEST(cat.get("swedish").name == "Swedish massage");
}

BOOST_AUTO_TEST_CASE(trait_and_depth_codes_are_stable) {
    BOOST_TEST(to_code(TechniqueTrait::uses_heat) == "uses_heat");
    BOOST_TEST(to_code(TechniqueTrait::breaks_adhesions) == "breaks_adhesions");
    BOOST_TEST(to_code(TechniqueDepth::deep) == "deep");
    BOOST_TEST(enum_entries<TechniqueTrait>().size() == 8u);
    for (const auto& e : enum_entries<TechniqueTrait>())
        BOOST_TEST((from_code<TechniqueTrait>("trait", e.code) == e.value));
    BOOST_CHECK_THROW(from_code<TechniqueDepth>("depth", "medium"), ValidationError);
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
