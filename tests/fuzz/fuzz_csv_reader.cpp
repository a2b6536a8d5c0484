// libFuzzer target: any bytes through the CSV reader. The reader either refuses them with a
// CsvError naming a line within the text, or returns records; what it returns, written back by the
// writer and read again, gives the same fields (the writer quotes all that needs quoting).
#include "core/csv.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<knotwork::app::CsvRecord> records;
    try {
        records = knotwork::app::read_csv(text);
    } catch (const knotwork::app::CsvError& e) {
        // The line it names exists: at most one more than the line feeds in the text.
        std::size_t lines = 1;
        for (char c : text) lines += c == '\n' ? 1 : 0;
        if (e.line() < 1 || e.line() > lines) std::abort();
        return 0;
    }
    std::size_t previous_line = 0;
    std::ostringstream written;
    for (const auto& r : records) {
        if (r.line <= previous_line || r.fields.empty()) std::abort(); // lines rise; no record is empty
        previous_line = r.line;
        // A record of no fields cannot be written; one empty field is written "".
        knotwork::app::write_csv_record(written, r.fields);
    }
    const auto again = knotwork::app::read_csv(written.str());
    if (again.size() != records.size()) std::abort();
    for (std::size_t i = 0; i < records.size(); ++i)
        if (again[i].fields != records[i].fields) std::abort();
    return 0;
}
