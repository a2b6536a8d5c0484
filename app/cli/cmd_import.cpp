// knotwork-cli import-clients: clients from a CSV file, every row checked, one transaction.
#include "commands.h"

#include "arguments.h"
#include "json_writer.h"
#include "practice_access.h"

#include "core/client_import.h"

#include <iostream>

namespace knotwork::cli {

std::string import_clients_help() {
    std::string help =
        "  --skip-bad    import the good rows even when some rows are bad (the bad ones are listed)\n"
        "  --json        print the result as JSON\n"
        "\n"
        "The first line names the columns; any of these, in any order (only family_name and given_name\n"
        "are required; case, spaces and hyphens in the names do not matter):\n";
    for (const auto& c : app::client_columns()) help += "  " + c.name + ": " + c.description + "\n";
    help +=
        "The file is UTF-8 (with or without a byte-order mark), with CRLF or LF line ends; a field that\n"
        "holds a comma, a quote or a line break is quoted (\"...\"), a quote inside it written twice.\n"
        "Every row is checked as the intake form checks it; each problem is listed by line and column.\n"
        "Unless --skip-bad is given, a file with any bad row imports nothing (exit status 1).\n"
        "Every imported client is recorded in the audit trail.\n";
    return help;
}

int run_import_clients(const std::vector<std::string>& args, std::ostream& out) {
    Arguments a(args, {"json", "skip-bad"}, {"as"});
    const std::string csv_file = a.positional(1, "CSV file to import");
    if (a.positional().size() > 2) throw UsageError("import-clients takes a practice FILE and one CSV file");
    auto db = open_practice(a);
    app::ImportOptions options;
    options.skip_bad = a.flag("skip-bad");
    const app::ImportResult r = app::import_clients_file(*db, csv_file, options);
    const bool refused = !r.problems.empty() && !options.skip_bad; // and so nothing was imported

    if (a.flag("json")) {
        JsonWriter w(out);
        w.begin_object()
            .field("file", csv_file)
            .field("rows", static_cast<std::int64_t>(r.rows))
            .field("imported", static_cast<std::int64_t>(r.imported.size()))
            .field("bad_rows", static_cast<std::int64_t>(r.bad_rows()));
        w.key("clients").begin_array();
        for (ClientId id : r.imported) w.value(static_cast<std::int64_t>(id));
        w.end_array();
        w.key("problems").begin_array();
        for (const auto& p : r.problems)
            w.begin_object()
                .field("line", static_cast<std::int64_t>(p.line))
                .field("column", p.column)
                .field("problem", p.problem)
                .end_object();
        w.end_array().end_object();
        out << "\n";
        return refused ? 1 : 0;
    }

    std::ostream& report = refused ? std::cerr : out;
    for (const auto& p : r.problems) report << p.message() << "\n";
    if (refused) {
        std::cerr << "Nothing imported: " << r.bad_rows() << " of " << r.rows << (r.rows == 1 ? " row" : " rows")
                  << (r.bad_rows() == 1 ? " is" : " are")
                  << " bad. Correct the file, or import the good rows with --skip-bad.\n";
        return 1;
    }
    out << "Imported " << r.imported.size() << (r.imported.size() == 1 ? " client" : " clients") << " from "
        << csv_file;
    if (!r.problems.empty())
        out << "; " << r.bad_rows() << (r.bad_rows() == 1 ? " bad row" : " bad rows") << " left out";
    out << ".\n";
    return 0;
}

} // namespace knotwork::cli
