#pragma once
// The subcommands of knotwork-cli. Each takes its arguments (after the command name) and an
// output stream, and returns the process exit code; errors are thrown as knotwork::Error
// (exit 1) or UsageError (exit 2).
#include <functional>
#include <ostream>
#include <span>
#include <string>
#include <vector>

namespace knotwork::cli {

struct Command {
    std::string name;
    std::string synopsis;
    std::string summary;
    std::string help; // options, one per line
    std::function<int(const std::vector<std::string>&, std::ostream&)> run;
};

std::span<const Command> commands();

// Subcommands that live in files of their own (cmd_*.cpp); each is listed in the command table
// in commands.cpp.
int run_import_clients(const std::vector<std::string>& args, std::ostream& out); // cmd_import.cpp
int run_backup(const std::vector<std::string>& args, std::ostream& out);         // cmd_backup.cpp
int run_restore(const std::vector<std::string>& args, std::ostream& out);        // cmd_backup.cpp
int run_audit(const std::vector<std::string>& args, std::ostream& out);          // cmd_audit.cpp
int run_migrate(const std::vector<std::string>& args, std::ostream& out);        // cmd_migrate.cpp
int run_export_calendar(const std::vector<std::string>& args, std::ostream& out);     // cmd_export.cpp
int run_export_clients(const std::vector<std::string>& args, std::ostream& out);      // cmd_export.cpp
int run_export_appointments(const std::vector<std::string>& args, std::ostream& out); // cmd_export.cpp
int run_export_record(const std::vector<std::string>& args, std::ostream& out);       // cmd_export.cpp
int run_import_record(const std::vector<std::string>& args, std::ostream& out);       // cmd_export.cpp
std::string import_clients_help();
std::string export_calendar_help();
std::string export_appointments_help();
std::string migrate_help();

const Command* find_command(const std::string& name);

} // namespace knotwork::cli
