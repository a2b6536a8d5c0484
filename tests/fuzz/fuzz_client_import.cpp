// libFuzzer target: any bytes as a client CSV file, through the reader, the header and every row
// into ClientDetails and the Client's own validation. The only failure allowed is a knotwork::Error
// (CsvError, ValidationError) for the file as a whole; every row is either a valid client or a
// problem naming its line and column.
#include "core/client_import.h"

#include "common/error.h"
#include "common/text.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view csv(reinterpret_cast<const char*>(data), size);
    const knotwork::Date today(2026, 3, 1);
    knotwork::app::ParsedClients parsed;
    try {
        parsed = knotwork::app::parse_client_csv(csv, today);
    } catch (const knotwork::Error&) {
        return 0;
    }
    if (parsed.good.size() > parsed.rows) std::abort();
    for (const auto& p : parsed.problems)
        if (p.line < 2 || p.problem.empty() || p.message().empty()) std::abort();
    for (const auto& row : parsed.good) {
        const auto& d = row.details;
        // What passed is a client the domain accepts again unchanged, with text it can store.
        if (!knotwork::text::is_valid_utf8(d.family_name) || d.family_name.empty() || d.given_name.empty())
            std::abort();
        if (d.health_notes.find('\0') != std::string::npos) std::abort();
        const knotwork::Client again(d, today);
        if (!(again.details() == d)) std::abort();
    }
    return 0;
}
