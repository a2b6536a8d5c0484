#include "arguments.h"

#include <charconv>

namespace knotwork::cli {

Arguments::Arguments(const std::vector<std::string>& args, const std::set<std::string>& flags,
                     const std::set<std::string>& options) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.size() > 2 && a.compare(0, 2, "--") == 0) {
            std::string name = a.substr(2), value;
            const auto eq = name.find('=');
            const bool inline_value = eq != std::string::npos;
            if (inline_value) {
                value = name.substr(eq + 1);
                name.resize(eq);
            }
            if (flags.contains(name)) {
                if (inline_value) throw UsageError("--" + name + " takes no value");
                m_flags.insert(name);
            } else if (options.contains(name)) {
                if (!inline_value) {
                    if (i + 1 >= args.size()) throw UsageError("--" + name + " needs a value");
                    value = args[++i];
                }
                m_options[name] = value;
            } else {
                throw UsageError("unknown option --" + name);
            }
        } else {
            m_positional.push_back(a);
        }
    }
}

std::string Arguments::positional(std::size_t i, const char* what) const {
    if (i >= m_positional.size()) throw UsageError(std::string("missing ") + what);
    return m_positional[i];
}

std::optional<std::string> Arguments::option(const std::string& name) const {
    auto it = m_options.find(name);
    if (it == m_options.end()) return std::nullopt;
    return it->second;
}

std::optional<long long> Arguments::integer(const std::string& name, long long min, long long max) const {
    auto text = option(name);
    if (!text) return std::nullopt;
    long long v = 0;
    auto [p, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
    if (ec != std::errc{} || p != text->data() + text->size())
        throw UsageError("--" + name + " must be a whole number (got \"" + *text + "\")");
    if (v < min || v > max)
        throw UsageError("--" + name + " must be between " + std::to_string(min) + " and " + std::to_string(max));
    return v;
}

} // namespace knotwork::cli
