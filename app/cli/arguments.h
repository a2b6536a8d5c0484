#pragma once
// The command line of knotwork-cli: a subcommand, positional arguments and --options. Options
// are declared by each command; anything undeclared is a usage error naming the option.
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace knotwork::cli {

// A mistake in how the command was typed: exit code 2 and a pointer to --help.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Arguments {
public:
    // `flags` take no value (--json); `options` take one (--clients 40).
    Arguments(const std::vector<std::string>& args, const std::set<std::string>& flags,
              const std::set<std::string>& options);

    const std::vector<std::string>& positional() const { return m_positional; }
    std::string positional(std::size_t i, const char* what) const;
    bool flag(const std::string& name) const { return m_flags.contains(name); }
    std::optional<std::string> option(const std::string& name) const;
    // Integer option within [min, max]; UsageError naming the option otherwise.
    std::optional<long long> integer(const std::string& name, long long min, long long max) const;

private:
    std::vector<std::string> m_positional;
    std::set<std::string> m_flags;
    std::map<std::string, std::string> m_options;
};

} // namespace knotwork::cli
