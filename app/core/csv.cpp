#include "core/csv.h"

#include "common/text.h"

namespace knotwork::app {

namespace {

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

// Checks the whole text before reading it, so a broken byte is reported by its line even inside
// a quoted field. A line feed is never part of a multi-byte sequence, so lines can be checked
// one by one.
void require_utf8(std::string_view text) {
    std::size_t line = 1;
    for (std::size_t start = 0;; ++line) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        if (!text::is_valid_utf8(text.substr(start, end - start)))
            throw CsvError(line, "is not valid UTF-8 text (save the file as UTF-8)");
        if (end == text.size()) return;
        start = end + 1;
    }
}

class Reader {
public:
    explicit Reader(std::string_view text) : m_text(text) {}

    std::vector<CsvRecord> records() {
        std::vector<CsvRecord> out;
        while (m_at < m_text.size()) {
            if (const std::size_t blank = line_end()) { // a line with nothing on it
                m_at += blank;
                ++m_line;
                continue;
            }
            out.push_back(record());
        }
        return out;
    }

private:
    // Length of the line end at the read position: LF, CRLF, or a CR that ends the text; 0 if none.
    std::size_t line_end() const {
        if (m_at >= m_text.size()) return 0;
        if (m_text[m_at] == '\n') return 1;
        if (m_text[m_at] == '\r') {
            if (m_at + 1 == m_text.size()) return 1;
            if (m_text[m_at + 1] == '\n') return 2;
        }
        return 0;
    }

    CsvRecord record() {
        CsvRecord r;
        r.line = m_line;
        for (;;) {
            r.fields.push_back(m_at < m_text.size() && m_text[m_at] == '"' ? quoted(r.fields.size() + 1) : unquoted());
            if (m_at >= m_text.size()) return r;
            if (m_text[m_at] == ',') {
                ++m_at;
                continue;
            }
            m_at += line_end(); // quoted() and unquoted() stop only at a comma or a line end
            ++m_line;
            return r;
        }
    }

    std::string unquoted() {
        const std::size_t from = m_at;
        while (m_at < m_text.size() && m_text[m_at] != ',' && line_end() == 0) ++m_at;
        return std::string(m_text.substr(from, m_at - from));
    }

    std::string quoted(std::size_t field_number) {
        const std::size_t opened_on = m_line;
        std::string field;
        ++m_at; // the opening quote
        for (;;) {
            if (m_at >= m_text.size())
                throw CsvError(opened_on, "field " + std::to_string(field_number) +
                                              " opens a quote that is never closed");
            const char c = m_text[m_at];
            if (c == '"') {
                if (m_at + 1 < m_text.size() && m_text[m_at + 1] == '"') {
                    field += '"';
                    m_at += 2;
                    continue;
                }
                ++m_at; // the closing quote
                break;
            }
            if (c == '\n') ++m_line;
            field += c;
            ++m_at;
        }
        if (m_at < m_text.size() && m_text[m_at] != ',' && line_end() == 0)
            throw CsvError(m_line, "field " + std::to_string(field_number) +
                                       " has text after its closing quote (a quote inside a quoted field is "
                                       "written twice: \"\")");
        return field;
    }

    std::string_view m_text;
    std::size_t m_at = 0;
    std::size_t m_line = 1;
};

} // namespace

std::vector<CsvRecord> read_csv(std::string_view text) {
    if (text.starts_with(byte_order_mark)) text.remove_prefix(byte_order_mark.size());
    require_utf8(text);
    return Reader(text).records();
}

std::string csv_field(std::string_view value) {
    const bool needs_quotes = value.find_first_of(",\"\r\n") != std::string_view::npos ||
                              (!value.empty() && (value.front() == ' ' || value.back() == ' ')) ||
                              value.starts_with(byte_order_mark);
    if (!needs_quotes) return std::string(value);
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

void write_csv_record(std::ostream& out, const std::vector<std::string>& fields) {
    // One empty field alone would be an empty line, which readers skip: write it quoted.
    if (fields.size() == 1 && fields.front().empty()) {
        out << "\"\"\r\n";
        return;
    }
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out << ',';
        out << csv_field(fields[i]);
    }
    out << "\r\n";
}

} // namespace knotwork::app
