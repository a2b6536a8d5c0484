#pragma once
// The raw-SQLite baseline of the benchmark suite. While a Recording is alive, every SQL statement
// that any SQLite connection in the process starts (connections opened later included) is kept
// with its bound values written in (sqlite3_expanded_sql). replay() then runs exactly those
// statements through the plain C API on a connection of its own, reading every column of every
// row into C++ values, so "Knotwork's way" and "raw SQLite" do the same SQL in the same run.
#include <string>
#include <vector>

namespace knotwork::bench {

class Recording {
  public:
    Recording();
    ~Recording();
    Recording(const Recording&) = delete;
    Recording& operator=(const Recording&) = delete;

    // The statements started since the recording began, in order. Statements run by triggers are
    // left out: SQLite runs them again when the replay runs their statement.
    std::vector<std::string> statements() const;
};

struct ReplayResult {
    long long rows = 0;  // rows the statements returned
    long long bytes = 0; // text and blob bytes read
};

// Runs `statements` on `file`. With `include_open` on a connection opened for the purpose and
// closed again, configured only by the recorded statements themselves (they include Knotwork's
// own PRAGMAs); otherwise on a connection kept open between calls, configured once the way
// Knotwork configures its own (WAL, foreign keys, busy timeout). Throws std::runtime_error with SQLite's message.
ReplayResult replay(const std::string& file, const std::vector<std::string>& statements, bool include_open);

// The first value of a one-row query, as text ("" without a row), on a connection of its own:
// how the benchmark picks its subjects (a client with a long history, a common name).
std::string query_text(const std::string& file, const std::string& sql);

// Closes the connection replay() keeps open.
void close_replay_connection();

} // namespace knotwork::bench
