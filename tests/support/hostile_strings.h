#pragma once
// Text that tries to break a record: quotes and SQL fragments, NUL and control characters, broken
// UTF-8, emoji, right-to-left and combining text, and 50,000 characters. Each string carries what
// the text rules (domain/common/text.h) must do with it, written out by hand, so the suites that
// store it can check that it either comes back byte for byte or is refused naming the problem.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace knotwork::test {

enum class HostileKind {
    one_line,   // fits every text field whose limit it is within
    multi_line, // holds a tab or a line break: one-line fields refuse it
    refused,    // no field may store it
};

struct HostileString {
    std::string name;
    std::string bytes;
    HostileKind kind = HostileKind::one_line;
    std::string problem; // words the refusal must contain when kind is refused
};

// Unicode characters in the string (its bytes that do not continue a UTF-8 sequence).
inline std::size_t character_count(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

inline std::string repeated(const std::string& piece, std::size_t times) {
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

inline const std::vector<HostileString>& hostile_strings() {
    using K = HostileKind;
    static const std::vector<HostileString> all{
        // Quotes and injection attempts: stored as written, never interpreted.
        {"apostrophe", "O'Brien-Ní Fhaoláin", K::one_line, ""},
        {"double quotes", "\"Doc\" Holliday", K::one_line, ""},
        {"SQL drop", "'); DROP TABLE clients;--", K::one_line, ""},
        {"SQL drop in a name", "Robert'); DROP TABLE sessions; --", K::one_line, ""},
        {"SQL tautology", "1' OR '1'='1", K::one_line, ""},
        {"SQL comment and semicolon", "x\"; DELETE FROM audit_log; /*", K::one_line, ""},
        {"LIKE wildcards and backslash", "100% _under_ C:\\notes\\n", K::one_line, ""},
        {"FTS operators", "pain NEAR/2 \"back\" OR * AND NOT -", K::one_line, ""},
        {"markup", "<script>alert('x')</script>&amp;", K::one_line, ""},
        {"printf directives", "%s%n%x%%%p", K::one_line, ""},
        {"CSV delimiters", "a,b;\"c\",,", K::one_line, ""},
        // Scripts, emoji and marks.
        {"emoji with skin tone and ZWJ", "\xF0\x9F\x98\x80\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD "
                                         "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7",
         K::one_line, ""},
        {"Hebrew", "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D", K::one_line, ""},
        {"Arabic with digits", "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 123 \xD8\xA8\xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7\xD9\x84\xD9\x85",
         K::one_line, ""},
        {"bidi override", "abc\xE2\x80\xAE" "cba\xE2\x80\xAC" "def", K::one_line, ""},
        {"combining diaeresis", "Zoe\xCC\x88 Bro\xCC\x88nte\xCC\x88", K::one_line, ""},
        {"stacked combining marks", "Z\xCC\xA4\xCC\x88" "a\xCC\xA7l\xCC\x88g\xCC\x88o\xCC\x88\xCC\x81\xCC\x82", K::one_line, ""},
        {"CJK", "\xE5\xB1\xB1\xE7\x94\xB0\xE5\xA4\xAA\xE9\x83\x8E", K::one_line, ""},
        {"zero-width characters", "a\xE2\x80\x8B" "b\xE2\x80\x8C" "c\xEF\xBB\xBF" "d", K::one_line, ""},
        {"highest code point and a noncharacter", "\xF4\x8F\xBF\xBF\xEF\xBF\xBE", K::one_line, ""},
        {"only spaces inside", "a   b", K::one_line, ""},
        // Line structure: notes keep it, one-line fields refuse it.
        {"LF", "line one\nline two", K::multi_line, ""},
        {"CRLF", "line one\r\nline two\r\n\r\nend", K::multi_line, ""},
        {"tab", "left\tright", K::multi_line, ""},
        {"SOAP note with quotes on lines", "S: \"It's better\"\nO: QL '3/10'; -- tender\n", K::multi_line, ""},
        // Refused everywhere.
        {"NUL in the middle", std::string("Oka\0for", 7), K::refused, "NUL"},
        {"NUL alone", std::string(1, '\0'), K::refused, "NUL"},
        {"NUL after SQL", std::string("x'); \0DROP", 10), K::refused, "NUL"},
        {"terminal escape", "\x1B[2J\x1B[31mred", K::refused, "control character"},
        {"bell", "ding\x07", K::refused, "control character"},
        {"backspace", "abc\x08\x08", K::refused, "control character"},
        {"DEL", "x\x7Fy", K::refused, "control character"},
        {"vertical tab and form feed", "a\x0B" "b\x0C" "c", K::refused, "control character"},
        {"C1 next-line", "a\xC2\x85" "b", K::refused, "control character"},
        {"C1 CSI", "\xC2\x9B" "31m", K::refused, "control character"},
        {"lone continuation byte", "abc\x80", K::refused, "UTF-8"},
        {"overlong slash", "\xC0\xAF", K::refused, "UTF-8"},
        {"UTF-16 surrogate", "\xED\xA0\x80", K::refused, "UTF-8"},
        {"truncated euro sign", "price \xE2\x82", K::refused, "UTF-8"},
        {"past U+10FFFF", "\xF4\x90\x80\x80", K::refused, "UTF-8"},
        {"Latin-1 e-acute", "Ren\xE9", K::refused, "UTF-8"},
        {"byte FF", "\xFF\xFE", K::refused, "UTF-8"},
        // Length: fits the long text fields, too long for the short ones.
        {"50,000 letters", std::string(50'000, 'a'), K::one_line, ""},
        {"50,000 emoji", repeated("\xF0\x9F\x98\x80", 50'000), K::one_line, ""},
        {"50,000 characters of SQL and quotes", repeated("'); DROP TABLE x;--\"", 2'500), K::one_line, ""},
        {"50,000 characters over lines", repeated("Line of a long history.\n", 2'000) + std::string(2'000, 'b'), K::multi_line, ""},
        {"200,001 letters", std::string(200'001, 'x'), K::one_line, ""},
    };
    return all;
}

// What a field with these rules must do with `h`: the words its refusal must contain, or "" when it
// must keep the text.
inline std::string expected_refusal(const HostileString& h, bool one_line, std::size_t limit) {
    if (h.kind == HostileKind::refused) return h.problem;
    if (h.kind == HostileKind::multi_line && one_line) return "must be one line";
    if (character_count(h.bytes) > limit) return "is too long";
    return "";
}

} // namespace knotwork::test
