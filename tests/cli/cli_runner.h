#pragma once
// What the knotwork-cli end-to-end tests share: running the built program as a user would (through
// the shell, its path from KNOTWORK_CLI_PATH), and a temporary folder for the files it writes.
#include <boost/test/unit_test.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <sys/wait.h>

namespace knotwork::test::cli {

struct Result {
    int exit_code = -1;
    bool signalled = false; // killed by a signal (a crash), not an exit
    std::string out;        // standard output, with standard error unless it was dropped
};

enum class Stderr { merged, dropped };

// `s` as one single-quoted shell word.
inline std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) {
        if (c == '\'') q += "'\\''";
        else q += c;
    }
    return q + "'";
}

// Runs knotwork-cli with `args` (already shell words) and waits for it.
inline Result run(const std::string& args, Stderr err = Stderr::merged) {
    const std::string command =
        quote(KNOTWORK_CLI_PATH) + " " + args + (err == Stderr::merged ? " 2>&1" : " 2>/dev/null");
    Result r;
    FILE* pipe = ::popen(command.c_str(), "r");
    BOOST_REQUIRE(pipe != nullptr);
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
    const int status = ::pclose(pipe);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    // The shell reports a child killed by a signal as 128 + the signal number.
    r.signalled = WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) > 128);
    return r;
}

inline bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// The text of a JSON string or number field in compact `--json` output ("" when absent).
inline std::string json_field(const std::string& json, const std::string& key) {
    const std::string marker = "\"" + key + "\":";
    const auto at = json.find(marker);
    if (at == std::string::npos) return {};
    auto from = at + marker.size();
    if (json[from] == '"') return json.substr(from + 1, json.find('"', from + 1) - from - 1);
    auto to = json.find_first_of(",}", from);
    return json.substr(from, to - from);
}

// A new folder under the system's temporary folder, removed with everything in it.
struct TempDir {
    std::filesystem::path path;
    explicit TempDir(const std::string& prefix = "knotwork-cli-test-") {
        std::random_device rd;
        path = std::filesystem::temp_directory_path() / (prefix + std::to_string(rd()));
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string file(const std::string& name) const { return (path / name).string(); }
};

} // namespace knotwork::test::cli
