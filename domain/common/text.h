#pragma once
// Checks for free text entered by people. Text in Knotwork is UTF-8 in std::string; these
// functions refuse what cannot be stored faithfully (invalid UTF-8, NUL bytes) and enforce limits.
#include <cstddef>
#include <string>
#include <string_view>

namespace knotwork::text {

// Longest text one field accepts. A SOAP field holds a long note (50,000 characters is normal
// for a detailed history); a name or phone number is short.
inline constexpr std::size_t short_limit = 200;
inline constexpr std::size_t long_limit = 200'000;

bool is_valid_utf8(std::string_view s);

// Number of Unicode code points in valid UTF-8.
std::size_t code_points(std::string_view s);

// What a person typed into a search box, with every byte that is not valid UTF-8 (and NUL) made a
// space: stored text never holds them, so they can match nothing, and a server refuses them.
std::string searchable(std::string_view s);

// Leading and trailing ASCII whitespace removed.
std::string trim(std::string_view s);

// Throws ValidationError(field, …) unless `value` is valid UTF-8 without NUL or control
// characters (C0, DEL and C1) other than tab and newlines, and at most `limit` code points long.
// For text that runs over lines: notes, addresses, allergies. What passes is stored byte for byte.
void require_clean(std::string_view field, std::string_view value, std::size_t limit);

// As require_clean, and no tab or line break either: for text that is one line on a form, a list
// row or a printed header (names, phone numbers, e-mail, who referred the client).
void require_single_line(std::string_view field, std::string_view value, std::size_t limit);

// As require_clean, and the trimmed value must not be empty. Returns the trimmed value.
std::string require_present(std::string_view field, std::string_view value, std::size_t limit);

// Trims `value`, then requires what require_single_line does of the rest, and that it is not
// empty (a line break at either end goes with the trimming). Returns the trimmed value.
std::string require_present_line(std::string_view field, std::string_view value, std::size_t limit);

// Lower-cases ASCII letters; leaves other bytes alone (used for case-insensitive matching).
std::string ascii_lower(std::string_view s);

} // namespace knotwork::text
