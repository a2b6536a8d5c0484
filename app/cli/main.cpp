// knotwork-cli: Knotwork's practice file from the command line. Every subcommand prints a clear
// message and exits non-zero on failure: 1 for a problem with the practice or its data, 2 for a
// command typed wrongly.
#include "arguments.h"
#include "commands.h"

#include "common/error.h"

#include <iostream>
#include <string>
#include <vector>

namespace {

int print_usage(std::ostream& out) {
    out << "Usage: knotwork-cli COMMAND FILE [OPTIONS]\n"
           "\n"
           "Commands:\n";
    for (const auto& c : knotwork::cli::commands()) out << "  " << c.synopsis << "\n      " << c.summary << "\n";
    out << "\n"
           "FILE is a practice file (a path, or sqlite://PATH); SERVER is a clinic server\n"
           "(postgresql://USER@HOST:PORT/DBNAME).\n"
           "Common options: --as NAME (who is acting, for the audit trail; default $USER), --json.\n"
           "Run 'knotwork-cli COMMAND --help' for one command's options.\n";
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        print_usage(std::cerr);
        return 2;
    }
    const std::string name = args.front();
    if (name == "--help" || name == "-h" || name == "help") return print_usage(std::cout);
    if (name == "--version" || name == "version") {
        std::cout << "knotwork-cli " << KNOTWORK_VERSION << "\n";
        return 0;
    }
    const knotwork::cli::Command* command = knotwork::cli::find_command(name);
    if (!command) {
        std::cerr << "knotwork-cli: unknown command '" << name << "'. Run 'knotwork-cli --help'.\n";
        return 2;
    }
    args.erase(args.begin());
    for (const auto& a : args)
        if (a == "--help" || a == "-h") {
            std::cout << "Usage: knotwork-cli " << command->synopsis << "\n\n" << command->summary << "\n"
                      << command->help;
            return 0;
        }
    try {
        return command->run(args, std::cout);
    } catch (const knotwork::cli::UsageError& e) {
        std::cerr << "knotwork-cli " << name << ": " << e.what() << "\nUsage: knotwork-cli " << command->synopsis
                  << "\n";
        return 2;
    } catch (const knotwork::Error& e) {
        std::cerr << "knotwork-cli " << name << ": " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "knotwork-cli " << name << ": unexpected error: " << e.what() << "\n";
        return 1;
    }
}
