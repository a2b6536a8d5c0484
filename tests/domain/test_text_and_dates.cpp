// Pins domain/common: text checks (UTF-8, control characters, length limits), ISO dates and
// times, ages, the bounded value types (PainScore, Pressure), enum codes and body regions.
#include "common/body_region.h"
#include "common/bounded.h"
#include "common/dates.h"
#include "common/enum_names.h"
#include "common/error.h"
#include "common/text.h"

#include "domain_printers.h"

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <limits>
#include <set>
#include <string>
#include <vector>

namespace knotwork::test {

namespace bpt = boost::posix_time;

namespace {

std::string repeat(std::string_view piece, std::size_t times) {
    std::string s;
    s.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) s += piece;
    return s;
}

// Bytes written out, so the table shows exactly what is tested.
std::string bytes(std::initializer_list<unsigned char> b) { return std::string(b.begin(), b.end()); }

} // namespace

BOOST_AUTO_TEST_SUITE(Text)

BOOST_AUTO_TEST_CASE(is_valid_utf8_accepts_every_script_and_refuses_malformed_sequences) {
    struct Row {
        const char* what;
        std::string bytes;
        bool valid;
    };
    const std::vector<Row> rows{
        {"empty", "", true},
        {"ASCII", "Back pain, left side", true},
        {"Latin accents", "Ren\xC3\xA9\x65 M\xC3\xBCller", true},
        {"emoji", "\xF0\x9F\x98\x80 \xF0\x9F\x92\x86", true},
        {"Arabic (right-to-left)", "\xD9\x85\xD8\xAD\xD9\x85\xD8\xAF", true},
        {"Hebrew (right-to-left)", "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", true},
        {"CJK", "\xE8\x85\xB0\xE7\x97\x9B", true},
        {"last code point U+10FFFF", bytes({0xF4, 0x8F, 0xBF, 0xBF}), true},
        {"just below the surrogates U+D7FF", bytes({0xED, 0x9F, 0xBF}), true},
        {"just above the surrogates U+E000", bytes({0xEE, 0x80, 0x80}), true},
        {"smallest two-byte U+0080", bytes({0xC2, 0x80}), true},
        {"overlong slash (2 bytes)", bytes({0xC0, 0xAF}), false},
        {"overlong U+007F (C1 lead)", bytes({0xC1, 0xBF}), false},
        {"overlong slash (3 bytes)", bytes({0xE0, 0x80, 0xAF}), false},
        {"overlong slash (4 bytes)", bytes({0xF0, 0x80, 0x80, 0xAF}), false},
        {"overlong NUL", bytes({0xC0, 0x80}), false},
        {"high surrogate U+D800", bytes({0xED, 0xA0, 0x80}), false},
        {"low surrogate U+DFFF", bytes({0xED, 0xBF, 0xBF}), false},
        {"past U+10FFFF", bytes({0xF4, 0x90, 0x80, 0x80}), false},
        {"F5 lead", bytes({0xF5, 0x80, 0x80, 0x80}), false},
        {"FF byte", bytes({0xFF}), false},
        {"lone continuation byte", bytes({0x80}), false},
        {"truncated two-byte", "abc" + bytes({0xC3}), false},
        {"truncated three-byte", bytes({0xE2, 0x82}), false},
        {"truncated emoji", bytes({0xF0, 0x9F, 0x98}), false},
        {"lead followed by ASCII", bytes({0xC3, 0x28}), false},
        {"Latin-1 instead of UTF-8", bytes({'R', 'e', 'n', 0xE9, 'e'}), false},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT(row.what) {
            BOOST_TEST(text::is_valid_utf8(row.bytes) == row.valid);
        }
    }
}

BOOST_AUTO_TEST_CASE(code_points_count_characters_not_bytes) {
    struct Row {
        const char* what;
        std::string s;
        std::size_t expected;
    };
    const std::vector<Row> rows{
        {"empty", "", 0},
        {"ASCII", "abc", 3},
        {"e acute", "\xC3\xA9", 1},
        {"CJK", "\xE8\x85\xB0\xE7\x97\x9B", 2},
        {"emoji", "\xF0\x9F\x98\x80", 1},
        {"Hebrew", "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", 4},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT(row.what) {
            BOOST_TEST(text::code_points(row.s) == row.expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(trim_removes_ascii_whitespace_at_both_ends_only) {
    BOOST_TEST(text::trim("  Okafor \t\r\n") == "Okafor");
    BOOST_TEST(text::trim("Mary Ann") == "Mary Ann");
    BOOST_TEST(text::trim(" \t\n ") == "");
    BOOST_TEST(text::trim("") == "");
    BOOST_TEST(text::trim(" \xE8\x85\xB0 ") == "\xE8\x85\xB0");
}

BOOST_AUTO_TEST_CASE(ascii_lower_leaves_other_bytes_alone) {
    BOOST_TEST(text::ascii_lower("Walking The DOG") == "walking the dog");
    BOOST_TEST(text::ascii_lower("\xC3\x89LAN") == "\xC3\x89lan");
}

BOOST_AUTO_TEST_CASE(require_clean_refuses_what_cannot_be_stored_faithfully) {
    struct Row {
        const char* what;
        std::string value;
        const char* problem_contains;
    };
    const std::vector<Row> rows{
        {"invalid UTF-8", bytes({'a', 0xC3, 0x28}), "UTF-8"},
        {"NUL byte", std::string("Ann\0e", 5), "NUL"},
        {"escape sequence", "\x1B[31mred", "control"},
        {"bell", "ding\x07", "control"},
        {"delete", "abc\x7F", "control"},
        {"overlong NUL", bytes({'a', 0xC0, 0x80}), "UTF-8"},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT(row.what) {
            KNOTWORK_CHECK_REFUSED(text::require_clean("subjective", row.value, text::long_limit), "subjective");
            try {
                text::require_clean("subjective", row.value, text::long_limit);
            } catch (const ValidationError& e) {
                BOOST_TEST(e.problem().find(row.problem_contains) != std::string::npos, e.problem());
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(require_clean_accepts_tabs_newlines_and_any_script) {
    for (const std::string value : {"line one\nline two\r\n\tindented", "\xD9\x85\xD8\xAD\xD9\x85\xD8\xAF",
                                    "\xF0\x9F\x98\x80", "'; DROP TABLE clients; --", ""}) {
        BOOST_TEST_CONTEXT(value) {
            BOOST_CHECK_NO_THROW(text::require_clean("notes", value, text::short_limit));
        }
    }
}

BOOST_AUTO_TEST_CASE(a_fifty_thousand_character_note_is_accepted) {
    const std::string note = repeat("Lumbar hypertonicity eased. ", 50'000 / 28 + 1).substr(0, 50'000);
    BOOST_TEST(text::code_points(note) == 50'000u);
    BOOST_CHECK_NO_THROW(text::require_clean("subjective", note, text::long_limit));
    // Multi-byte text counts by characters: 50,000 CJK characters are 150,000 bytes.
    BOOST_CHECK_NO_THROW(text::require_clean("subjective", repeat("\xE8\x85\xB0", 50'000), text::long_limit));
}

BOOST_AUTO_TEST_CASE(length_limit_counts_code_points) {
    struct Row {
        const char* what;
        std::string value;
        std::size_t limit;
        bool accepted;
    };
    const std::vector<Row> rows{
        {"long limit exactly", std::string(text::long_limit, 'a'), text::long_limit, true},
        {"one past long limit", std::string(text::long_limit + 1, 'a'), text::long_limit, false},
        {"short limit exactly", std::string(text::short_limit, 'a'), text::short_limit, true},
        {"one past short limit", std::string(text::short_limit + 1, 'a'), text::short_limit, false},
        {"short limit of two-byte letters", repeat("\xC3\xA9", text::short_limit), text::short_limit, true},
        {"short limit of emoji plus one", repeat("\xF0\x9F\x98\x80", text::short_limit + 1), text::short_limit,
         false},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT(row.what) {
            if (row.accepted)
                BOOST_CHECK_NO_THROW(text::require_clean("notes", row.value, row.limit));
            else
                KNOTWORK_CHECK_REFUSED(text::require_clean("notes", row.value, row.limit), "notes");
        }
    }
    try {
        text::require_clean("plan", std::string(text::long_limit + 1, 'x'), text::long_limit);
        BOOST_ERROR("a note past the long limit was accepted");
    } catch (const ValidationError& e) {
        BOOST_TEST(e.problem() == "is too long (200001 characters; at most 200000)");
    }
}

BOOST_AUTO_TEST_CASE(require_present_refuses_blank_and_returns_trimmed) {
    for (const std::string blank : {"", " ", "\t\n", "   \r\n  "}) {
        BOOST_TEST_CONTEXT("\"" << blank << "\"") {
            KNOTWORK_CHECK_REFUSED(text::require_present("chief complaint", blank, 2000), "chief complaint");
        }
    }
    BOOST_TEST(text::require_present("family name", "  Okafor  ", text::short_limit) == "Okafor");
    KNOTWORK_CHECK_REFUSED(text::require_present("family name", std::string("\0", 1), text::short_limit),
                           "family name");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(Dates)

BOOST_AUTO_TEST_CASE(parse_date_accepts_real_calendar_days) {
    struct Row {
        const char* iso;
        Date expected;
    };
    const std::vector<Row> rows{
        {"2026-03-01", Date(2026, 3, 1)},
        {"2026-12-31", Date(2026, 12, 31)},
        {"2028-02-29", Date(2028, 2, 29)},
        {"2000-02-29", Date(2000, 2, 29)},
        {"1926-01-01", Date(1926, 1, 1)},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT(row.iso) {
            BOOST_TEST(parse_date("date of birth", row.iso) == row.expected);
            BOOST_TEST(to_iso(row.expected) == row.iso);
        }
    }
}

BOOST_AUTO_TEST_CASE(parse_date_refuses_impossible_or_misformatted_dates) {
    for (const char* iso : {"2026-02-30", "2026-13-01", "2026-00-10", "2026-01-00", "2026-04-31", "2027-02-29",
                            "1900-02-29", "26-1-1", "2026-1-01", "2026/01/01", "01-03-2026", " 2026-01-01",
                            "2026-01-01 ", "2026-0a-01", "-026-01-01", "", "1399-12-31"}) {
        BOOST_TEST_CONTEXT("\"" << iso << "\"") {
            KNOTWORK_CHECK_REFUSED(parse_date("date of birth", iso), "date of birth");
        }
    }
}

BOOST_AUTO_TEST_CASE(date_time_round_trips_through_iso_text) {
    for (const DateTime t : {DateTime(Date(2026, 3, 1), bpt::hours(9) + bpt::minutes(30)),
                             DateTime(Date(2028, 2, 29), bpt::hours(23) + bpt::minutes(59) + bpt::seconds(59)),
                             DateTime(Date(2026, 1, 1), bpt::time_duration(0, 0, 0))}) {
        BOOST_TEST_CONTEXT(to_iso(t)) {
            BOOST_TEST(parse_date_time("start", to_iso(t)) == t);
        }
    }
    BOOST_TEST(to_iso(DateTime(Date(2026, 3, 1), bpt::hours(9) + bpt::minutes(5) + bpt::seconds(7))) ==
               "2026-03-01T09:05:07");
}

BOOST_AUTO_TEST_CASE(parse_date_time_accepts_the_documented_spellings) {
    const DateTime expected(Date(2026, 3, 1), bpt::hours(9) + bpt::minutes(30));
    for (const char* iso : {"2026-03-01T09:30", "2026-03-01T09:30:00", "2026-03-01T09:30:00Z",
                            "2026-03-01 09:30:00", "2026-03-01T09:30Z"}) {
        BOOST_TEST_CONTEXT(iso) {
            BOOST_TEST(parse_date_time("start", iso) == expected);
        }
    }
    BOOST_TEST(parse_date_time("start", "2026-03-01T09:30:45") == expected + bpt::seconds(45));
}

BOOST_AUTO_TEST_CASE(parse_date_time_refuses_bad_or_trailing_text) {
    for (const char* iso : {"2026-03-01", "2026-03-01T24:00", "2026-03-01T09:60", "2026-03-01T09:30:60",
                            "2026-02-30T09:30", "2026-03-01X09:30", "2026-03-01T9:30", "2026-03-01T09:30:",
                            "2026-03-01T09:30x", "2026-03-01T09:30:0", "2026-03-01T09:30:00+02:00",
                            "2026-03-01T09:30:00.5", "2026-03-01T09:30:00 garbage", ""}) {
        BOOST_TEST_CONTEXT("\"" << iso << "\"") {
            KNOTWORK_CHECK_REFUSED(parse_date_time("start", iso), "start");
        }
    }
}

BOOST_AUTO_TEST_CASE(time_of_day_is_hours_and_minutes) {
    BOOST_TEST(parse_time_of_day("start time", "00:00") == bpt::time_duration(0, 0, 0));
    BOOST_TEST(parse_time_of_day("start time", "23:59") == bpt::time_duration(23, 59, 0));
    BOOST_TEST(to_hhmm(bpt::time_duration(7, 5, 0)) == "07:05");
    for (const char* hhmm : {"24:00", "12:60", "9:30", "09-30", "0930", "", "ab:cd"}) {
        BOOST_TEST_CONTEXT("\"" << hhmm << "\"") {
            KNOTWORK_CHECK_REFUSED(parse_time_of_day("start time", hhmm), "start time");
        }
    }
}

BOOST_AUTO_TEST_CASE(special_values_print_as_empty_text) {
    BOOST_TEST(to_iso(Date()) == "");
    BOOST_TEST(to_iso(DateTime()) == "");
}

BOOST_AUTO_TEST_CASE(age_on_counts_whole_years_including_leap_day_births) {
    struct Row {
        Date birth;
        Date on;
        int age;
    };
    const std::vector<Row> rows{
        {Date(1990, 6, 15), Date(2026, 6, 14), 35},
        {Date(1990, 6, 15), Date(2026, 6, 15), 36},
        {Date(1990, 6, 15), Date(2026, 6, 16), 36},
        {Date(1990, 6, 15), Date(2026, 5, 31), 35},
        {Date(1990, 6, 15), Date(2026, 7, 1), 36},
        {Date(2026, 3, 1), Date(2026, 3, 1), 0},
        {Date(1990, 12, 31), Date(2026, 1, 1), 35},
        // Born on 29 February: the birthday is reached on 1 March in common years.
        {Date(2000, 2, 29), Date(2001, 2, 28), 0},
        {Date(2000, 2, 29), Date(2001, 3, 1), 1},
        {Date(2000, 2, 29), Date(2004, 2, 28), 3},
        {Date(2000, 2, 29), Date(2004, 2, 29), 4},
        {Date(2000, 2, 29), Date(2026, 2, 28), 25},
        {Date(2000, 2, 29), Date(2026, 3, 1), 26},
    };
    for (const auto& row : rows) {
        BOOST_TEST_CONTEXT("born " << to_iso(row.birth) << ", on " << to_iso(row.on)) {
            BOOST_TEST(age_on(row.birth, row.on) == row.age);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(PainScore)
using knotwork::PainScore;

BOOST_AUTO_TEST_CASE(holds_zero_to_ten) {
    for (int v = 0; v <= 10; ++v) {
        BOOST_TEST_CONTEXT("value " << v) {
            BOOST_TEST(PainScore(v).value() == v);
        }
    }
    BOOST_TEST(PainScore(3) < PainScore(4));
    BOOST_TEST(PainScore(7) == PainScore(7));
}

BOOST_AUTO_TEST_CASE(refuses_eleven_and_minus_one_naming_the_field) {
    for (int v : {11, -1, 100, std::numeric_limits<int>::min()}) {
        BOOST_TEST_CONTEXT("value " << v) {
            KNOTWORK_CHECK_REFUSED(PainScore(v, "pain now"), "pain now");
            KNOTWORK_CHECK_REFUSED(PainScore(v), "pain score");
        }
    }
    try {
        PainScore(11, "pain now");
        BOOST_ERROR("PainScore held 11");
    } catch (const ValidationError& e) {
        BOOST_TEST(std::string(e.what()) == "pain now: must be between 0 and 10 (got 11)");
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(Pressure)
using knotwork::Pressure;

BOOST_AUTO_TEST_CASE(holds_one_to_ten) {
    BOOST_TEST(Pressure(1).value() == 1);
    BOOST_TEST(Pressure(10).value() == 10);
}

BOOST_AUTO_TEST_CASE(refuses_zero_and_eleven_naming_the_field) {
    for (int v : {0, 11, -5}) {
        BOOST_TEST_CONTEXT("value " << v) {
            KNOTWORK_CHECK_REFUSED(Pressure(v), "pressure");
            KNOTWORK_CHECK_REFUSED(Pressure(v, "technique row 2 pressure"), "technique row 2 pressure");
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(BodyRegion)
using knotwork::BodyRegion;

BOOST_AUTO_TEST_CASE(only_spinal_levels_and_joints_are_spinal) {
    const std::set<BodyRegion> spinal{BodyRegion::cervical_spine, BodyRegion::thoracic_spine,
                                      BodyRegion::lumbar_spine,   BodyRegion::sacrum,
                                      BodyRegion::sacroiliac_joint, BodyRegion::coccyx};
    for (const auto& e : enum_entries<BodyRegion>()) {
        BOOST_TEST_CONTEXT(e.code) {
            BOOST_TEST(is_spinal(e.value) == spinal.contains(e.value));
        }
    }
}

BOOST_AUTO_TEST_CASE(every_region_and_side_has_a_unique_stable_code) {
    BOOST_TEST(enum_entries<BodyRegion>().size() == 26u);
    std::set<std::string_view> codes;
    for (const auto& e : enum_entries<BodyRegion>()) {
        BOOST_TEST_CONTEXT(e.code) {
            BOOST_TEST(codes.insert(e.code).second);
            BOOST_TEST(from_code<BodyRegion>("region", e.code) == e.value);
            BOOST_TEST(!e.label.empty());
        }
    }
    BOOST_TEST(to_code(BodyRegion::quadratus_lumborum) == "quadratus_lumborum");
    BOOST_TEST(to_code(Side::bilateral) == "bilateral");
    BOOST_TEST(label(BodyRegion::tfl_it_band) == "TFL / IT band");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(EnumNames)

BOOST_AUTO_TEST_CASE(from_code_refuses_an_unknown_code_naming_the_field) {
    KNOTWORK_CHECK_REFUSED(from_code<Side>("side", "up"), "side");
    KNOTWORK_CHECK_REFUSED(from_code<Side>("side", "Left"), "side");
    try {
        from_code<knotwork::BodyRegion>("region", "elbow");
        BOOST_ERROR("\"elbow\" was read as a body region");
    } catch (const ValidationError& e) {
        BOOST_TEST(e.problem() == "\"elbow\" is not a known body region");
    }
}

BOOST_AUTO_TEST_CASE(to_code_of_an_unnamed_value_throws) {
    BOOST_CHECK_THROW(to_code(static_cast<Side>(99)), Error);
    BOOST_CHECK_THROW(label(static_cast<Side>(99)), Error);
}

BOOST_AUTO_TEST_SUITE_END()

} // namespace knotwork::test
