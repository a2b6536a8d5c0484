#include "common/text.h"

#include "common/error.h"

#include <cstdint>

namespace knotwork::text {

namespace {

// Length of the UTF-8 sequence starting at s[i], or 0 when it is invalid.
std::size_t sequence_length(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) return 1;
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if ((lead & 0xE0) == 0xC0) { len = 2; cp = lead & 0x1F; }
    else if ((lead & 0xF0) == 0xE0) { len = 3; cp = lead & 0x0F; }
    else if ((lead & 0xF8) == 0xF0) { len = 4; cp = lead & 0x07; }
    else return 0;
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) return 0;
    if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
    if (cp > 0x10FFFF) return 0;
    return len;
}

} // namespace

bool is_valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t len = sequence_length(s, i);
        if (len == 0) return false;
        i += len;
    }
    return true;
}

std::string searchable(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t len = sequence_length(s, i);
        if (len == 0 || s[i] == '\0') {
            out += ' ';
            ++i;
        } else {
            out.append(s, i, len);
            i += len;
        }
    }
    return out;
}

std::size_t code_points(std::string_view s) {
    std::size_t count = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++count;
    return count;
}

std::string trim(std::string_view s) {
    const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    std::size_t b = 0, e = s.size();
    while (b < e && is_space(s[b])) ++b;
    while (e > b && is_space(s[e - 1])) --e;
    return std::string(s.substr(b, e - b));
}

namespace {

std::string code_point_name(unsigned value) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out = "U+";
    for (int shift = 12; shift >= 0; shift -= 4) out += digits[(value >> shift) & 0xF];
    return out;
}

// The checks require_clean and require_single_line share. Every refusal names the character and
// where it is (counted in characters from 1), so a therapist can find it.
void check_text(std::string_view field, std::string_view value, std::size_t limit, bool single_line) {
    const auto refuse = [&](const std::string& problem) { throw ValidationError(std::string(field), problem); };
    std::size_t position = 0; // characters seen so far
    for (std::size_t i = 0; i < value.size();) {
        const std::size_t len = static_cast<unsigned char>(value[i]) < 0x80 ? 1 : sequence_length(value, i);
        ++position;
        // Built only for a refusal: this loop runs over every character of every note loaded.
        const auto where = [&position] { return " at character " + std::to_string(position); };
        if (len == 0) refuse("is not valid UTF-8 text (a broken byte sequence" + where() + ")");
        const auto c = static_cast<unsigned char>(value[i]);
        if (c == 0) refuse("contains a NUL character" + where());
        if (single_line && (c == '\n' || c == '\r')) refuse("must be one line (a line break" + where() + ")");
        if (single_line && c == '\t') refuse("must be one line (a tab" + where() + ")");
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
            refuse("contains a control character (" + code_point_name(c) + where() + ")");
        // C1 controls, U+0080 to U+009F: two bytes, C2 80 to C2 9F.
        if (len == 2 && c == 0xC2 && static_cast<unsigned char>(value[i + 1]) <= 0x9F)
            refuse("contains a control character (" +
                   code_point_name(static_cast<unsigned char>(value[i + 1])) + where() + ")");
        i += len;
    }
    if (position > limit)
        refuse("is too long (" + std::to_string(position) + " characters; at most " + std::to_string(limit) + ")");
}

} // namespace

void require_clean(std::string_view field, std::string_view value, std::size_t limit) {
    check_text(field, value, limit, false);
}

void require_single_line(std::string_view field, std::string_view value, std::size_t limit) {
    check_text(field, value, limit, true);
}

std::string require_present(std::string_view field, std::string_view value, std::size_t limit) {
    require_clean(field, value, limit);
    std::string trimmed = trim(value);
    if (trimmed.empty()) throw ValidationError(std::string(field), "must not be empty");
    return trimmed;
}

std::string require_present_line(std::string_view field, std::string_view value, std::size_t limit) {
    std::string trimmed = trim(value);
    require_single_line(field, trimmed, limit);
    if (trimmed.empty()) throw ValidationError(std::string(field), "must not be empty");
    return trimmed;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

} // namespace knotwork::text
