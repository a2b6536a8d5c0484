#pragma once
// Comma-separated values as RFC 4180 writes them, for importing and exporting records. The reader
// takes UTF-8 text with or without a byte-order mark, CRLF or LF line ends, and quoted fields that
// hold commas, doubled quotes and line breaks; it keeps every byte of a field as written. It refuses
// what it cannot read faithfully (invalid UTF-8, a quote left open, text after a closing quote)
// with a CsvError naming the line. The writer quotes only what needs quoting, so reading back what
// it wrote gives the same fields.
#include "common/error.h"

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace knotwork::app {

// A file the reader cannot read: "line 7: a quoted field is not closed".
class CsvError : public Error {
public:
    CsvError(std::size_t line, const std::string& problem)
        : Error("line " + std::to_string(line) + ": " + problem), m_line(line), m_problem(problem) {}
    std::size_t line() const noexcept { return m_line; }
    const std::string& problem() const noexcept { return m_problem; }

private:
    std::size_t m_line;
    std::string m_problem;
};

// One record: its fields and the line of the file it starts on (from 1; a quoted field with line
// breaks makes a record span several lines).
struct CsvRecord {
    std::size_t line = 0;
    std::vector<std::string> fields;
};

// Every record of `text`. Lines that are entirely empty are skipped; a final line break does not
// start a record. Throws CsvError for invalid UTF-8 (naming the first line that has it), a quoted
// field left open at the end of the text, or anything but a comma or line end after a closing quote.
std::vector<CsvRecord> read_csv(std::string_view text);

// `value` as one CSV field: quoted (quotes doubled) when it holds a comma, quote, CR or LF, begins
// or ends with a space, or begins with a byte-order mark; as it is otherwise.
std::string csv_field(std::string_view value);

// One record, fields separated by commas, ended by CRLF as RFC 4180 asks. A record of one empty
// field is written "" so that it is not read as an empty line; a record of no fields cannot be
// written (it would be an empty line).
void write_csv_record(std::ostream& out, const std::vector<std::string>& fields);

} // namespace knotwork::app
