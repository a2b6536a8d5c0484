#include "practice_transfer.h"

#include "audit_log.h"
#include "common/error.h"
#include "database.h"
#include "postgresql_native.h"
#include "sqlite_handle.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <libpq-fe.h>
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace knotwork::db {

std::int64_t TransferReport::rows() const {
    std::int64_t n = 0;
    for (const auto& t : tables) n += t.rows;
    return n;
}

std::int64_t TransferReport::rows_of(std::string_view table) const {
    for (const auto& t : tables)
        if (t.table == table) return t.rows;
    return 0;
}

double TransferReport::rows_per_second() const {
    return copy_seconds > 0 ? static_cast<double>(rows()) / copy_seconds : 0;
}

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// PRAGMA application_id of a Knotwork practice file ("KNOT").
constexpr int knotwork_application_id = 0x4B4E4F54;

// Rows per statement when notes are signed on the server; rows per progress report.
constexpr std::size_t signature_batch = 5000;
constexpr std::int64_t progress_every = 20000;
// Bytes of COPY data gathered before they are handed to libpq.
constexpr std::size_t copy_chunk = 1 << 20;

const std::string nothing_moved = " Nothing was moved: the clinic server is as it was.";

// ---- the two schemas -----------------------------------------------------------------------

// How a column's values are compared and sent: every value is carried as canonical text (a
// whole number in decimal, a real number as the shortest text that reads back as the same
// double, text as its bytes), which is also what COPY and the checksum take.
enum class Kind { integer, real, text };

struct Column {
    std::string name;
    Kind kind = Kind::text;
};

struct TablePlan {
    std::string name;
    std::vector<Column> columns;   // copied and compared: the columns the file and the server share
    std::vector<std::string> key;  // the primary key, in key order: the order rows are read in
    std::string identity;          // the server's identity column ("id"), or ""
};

std::string quote_ident(const std::string& name) {
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string column_list(const TablePlan& t) {
    std::string out;
    for (const auto& c : t.columns) out += (out.empty() ? "" : ", ") + quote_ident(c.name);
    return out;
}

// ORDER BY the primary key; on the server, text compares byte by byte, as SQLite's BINARY does.
std::string order_by(const TablePlan& t, bool on_server) {
    std::string out;
    for (const auto& k : t.key) {
        out += (out.empty() ? "" : ", ") + quote_ident(k);
        if (on_server) {
            const auto c = std::find_if(t.columns.begin(), t.columns.end(), [&](const Column& col) { return col.name == k; });
            if (c != t.columns.end() && c->kind == Kind::text) out += " COLLATE \"C\"";
        }
    }
    return out;
}

// ---- the file ------------------------------------------------------------------------------

// A prepared statement on the file, finalised when it goes away.
class FileQuery {
public:
    FileQuery(sqlite3* db, const std::string& sql, const std::string& file) : m_db(db), m_file(file) {
        if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &m_stmt, nullptr) != SQLITE_OK) fail();
    }
    ~FileQuery() { sqlite3_finalize(m_stmt); }
    FileQuery(const FileQuery&) = delete;
    FileQuery& operator=(const FileQuery&) = delete;

    void bind(int index, const std::string& text) {
        if (sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) != SQLITE_OK)
            fail();
    }
    bool step() {
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        fail();
    }
    sqlite3_stmt* get() const noexcept { return m_stmt; }
    std::string text(int i) const {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, i));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, i))) : std::string();
    }
    std::int64_t integer(int i) const { return sqlite3_column_int64(m_stmt, i); }

private:
    [[noreturn]] void fail() const { throw Error("Cannot read " + m_file + ": " + sqlite3_errmsg(m_db) + "." + nothing_moved); }
    sqlite3* m_db;
    std::string m_file;
    sqlite3_stmt* m_stmt = nullptr;
};

// One read transaction on the file for the whole move: every table is copied, and read again for
// the check, from the same moment of the practice, even while Knotwork is working in it.
class FileSnapshot {
public:
    explicit FileSnapshot(sqlite3* db) : m_db(db) {
        if (sqlite3_exec(db, "BEGIN DEFERRED", nullptr, nullptr, nullptr) != SQLITE_OK)
            throw Error(std::string("Cannot read the practice file: ") + sqlite3_errmsg(db));
    }
    ~FileSnapshot() { sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr); }
    FileSnapshot(const FileSnapshot&) = delete;
    FileSnapshot& operator=(const FileSnapshot&) = delete;

private:
    sqlite3* m_db;
};

struct FileTable {
    std::string name;
    std::vector<std::string> columns;
    std::vector<std::string> key;
    std::set<std::string> parents; // tables its foreign keys point at
};

// The practice's tables in the file, in the order they were created: ordinary tables only, not
// SQLite's own, not the full-text index and its shadow tables, not the migration record.
std::vector<FileTable> file_tables(sqlite3* db, const std::string& file) {
    std::vector<FileTable> tables;
    {
        FileQuery q(db,
                    "SELECT m.name FROM sqlite_master AS m JOIN pragma_table_list AS l "
                    "ON l.name = m.name AND l.schema = 'main' "
                    "WHERE m.type = 'table' AND l.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                    "AND m.name <> 'schema_migrations' ORDER BY m.rowid",
                    file);
        while (q.step()) tables.push_back(FileTable{q.text(0), {}, {}, {}});
    }
    for (auto& t : tables) {
        std::vector<std::pair<int, std::string>> key;
        {
            FileQuery q(db, "SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid", file);
            q.bind(1, t.name);
            while (q.step()) {
                t.columns.push_back(q.text(0));
                if (q.integer(1) > 0) key.emplace_back(static_cast<int>(q.integer(1)), q.text(0));
            }
        }
        std::sort(key.begin(), key.end());
        for (auto& [position, name] : key) t.key.push_back(name);
        FileQuery q(db, "SELECT \"table\" FROM pragma_foreign_key_list(?1)", file);
        q.bind(1, t.name);
        while (q.step())
            if (q.text(0) != t.name) t.parents.insert(q.text(0));
    }
    return tables;
}

// ---- the server ----------------------------------------------------------------------------

PGconn* connection_of(Database& target) {
    return static_cast<soci::postgresql_session_backend*>(target.sql().get_backend())->conn_;
}

struct ServerColumn {
    std::string name;
    std::string type;
    bool generated = false;
    bool identity = false;
};

std::map<std::string, std::vector<ServerColumn>> server_tables(Database& target) {
    std::map<std::string, std::vector<ServerColumn>> tables;
    soci::rowset<soci::row> rows =
        (target.sql().prepare
         << "SELECT c.table_name::text, c.column_name::text, c.data_type::text, c.is_generated::text, "
            "c.is_identity::text FROM information_schema.columns AS c "
            "JOIN information_schema.tables AS t ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
            "WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' "
            "AND c.table_name <> 'schema_migrations' ORDER BY c.table_name, c.ordinal_position");
    for (const auto& r : rows)
        tables[r.get<std::string>(0)].push_back(ServerColumn{r.get<std::string>(1), r.get<std::string>(2),
                                                             r.get<std::string>(3) == "ALWAYS",
                                                             r.get<std::string>(4) == "YES"});
    return tables;
}

std::optional<Kind> kind_of(const std::string& server_type) {
    if (server_type == "bigint" || server_type == "integer" || server_type == "smallint") return Kind::integer;
    if (server_type == "double precision" || server_type == "real") return Kind::real;
    if (server_type == "text" || server_type == "character varying" || server_type == "character") return Kind::text;
    return std::nullopt;
}

// Parents before children (the foreign keys), and otherwise the file's order. Amendments wait
// for the techniques too: notes are signed between the two.
std::vector<FileTable> in_copy_order(std::vector<FileTable> tables) {
    for (auto& t : tables)
        if (t.name == "note_amendments") t.parents.insert("session_techniques");
    std::set<std::string> present;
    for (const auto& t : tables) present.insert(t.name);
    std::vector<FileTable> ordered;
    std::set<std::string> placed;
    while (ordered.size() < tables.size()) {
        bool progressed = false;
        for (auto& t : tables) {
            if (placed.contains(t.name)) continue;
            const bool ready = std::all_of(t.parents.begin(), t.parents.end(), [&](const std::string& p) {
                return placed.contains(p) || !present.contains(p);
            });
            if (!ready) continue;
            placed.insert(t.name);
            ordered.push_back(t);
            progressed = true;
            break; // start again from the top: the file's order decides between ready tables
        }
        if (!progressed) throw Error("internal error: the practice's foreign keys go round in a circle");
    }
    return ordered;
}

// What is copied: every table of the file, with the columns both sides have. Refused when the
// two do not hold the same tables, or the file has a column the server lacks.
std::vector<TablePlan> plan_transfer(sqlite3* file_db, const std::string& file, Database& target) {
    const std::string& server = target.display_name();
    const auto on_server = server_tables(target);
    const auto in_file = in_copy_order(file_tables(file_db, file));
    std::set<std::string> file_names;
    for (const auto& t : in_file) file_names.insert(t.name);
    for (const auto& [name, columns] : on_server)
        if (!file_names.contains(name))
            throw Error("The clinic server " + server + " has a table " + name + " that " + file +
                        " lacks: the two were not set up by the same Knotwork. Nothing was changed.");

    std::vector<TablePlan> plans;
    for (const auto& t : in_file) {
        const auto it = on_server.find(t.name);
        if (it == on_server.end())
            throw Error(file + " has a table " + t.name + " that the clinic server " + server +
                        " lacks: the two were not set up by the same Knotwork. Nothing was changed.");
        TablePlan plan;
        plan.name = t.name;
        for (const auto& c : it->second) {
            const bool shared = std::find(t.columns.begin(), t.columns.end(), c.name) != t.columns.end();
            if (c.identity) plan.identity = c.name;
            if (!shared || c.generated) continue; // the server's own (a search column, a stamp): it fills them
            const auto kind = kind_of(c.type);
            if (!kind)
                throw Error("The column " + t.name + "." + c.name + " on the clinic server " + server + " is of type " +
                            c.type + ", which a move cannot fill. Nothing was changed.");
            plan.columns.push_back(Column{c.name, *kind});
        }
        for (const auto& name : t.columns)
            if (std::none_of(plan.columns.begin(), plan.columns.end(), [&](const Column& c) { return c.name == name; }))
                throw Error(file + " has a column " + t.name + "." + name + " that the clinic server " + server +
                            " does not take: its records would be lost. Nothing was changed.");
        plan.key = t.key;
        if (plan.key.empty())
            for (const auto& c : plan.columns) plan.key.push_back(c.name);
        plans.push_back(std::move(plan));
    }
    return plans;
}

// ---- values --------------------------------------------------------------------------------

struct Cell {
    bool null = true;
    std::string text;
};

std::string real_text(double v) {
    char buf[64];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, end);
}

std::string integer_text(std::int64_t v) {
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, end);
}

const char* sqlite_type_name(int type) {
    switch (type) {
    case SQLITE_INTEGER: return "a whole number";
    case SQLITE_FLOAT: return "a real number";
    case SQLITE_TEXT: return "text";
    case SQLITE_BLOB: return "binary data";
    default: return "nothing";
    }
}

// The file's value in column `i` of the current row, as canonical text. A value of another type
// than the column's (SQLite would keep one) is refused, not converted.
void read_file_cell(const FileQuery& q, int i, Kind kind, Cell& cell, const TablePlan& table, const std::string& file) {
    sqlite3_stmt* st = q.get();
    const int type = sqlite3_column_type(st, i);
    cell.null = type == SQLITE_NULL;
    if (cell.null) return;
    const bool fits = (kind == Kind::integer && type == SQLITE_INTEGER) ||
                      (kind == Kind::real && (type == SQLITE_FLOAT || type == SQLITE_INTEGER)) ||
                      (kind == Kind::text && type == SQLITE_TEXT);
    if (!fits) {
        std::string where;
        for (std::size_t k = 0; k < table.key.size(); ++k) {
            const auto c = std::find_if(table.columns.begin(), table.columns.end(),
                                        [&](const Column& col) { return col.name == table.key[k]; });
            const int index = static_cast<int>(c - table.columns.begin());
            where += (k ? ", " : "") + table.key[k] + " " + q.text(index);
        }
        throw Error(file + " holds " + sqlite_type_name(type) + " in " + table.name + "." + table.columns[i].name +
                    " (the row with " + where + "), where " +
                    (kind == Kind::integer ? "a whole number" : kind == Kind::real ? "a number" : "text") +
                    " belongs; the server would not keep it as it is." + nothing_moved);
    }
    switch (kind) {
    case Kind::integer: cell.text = integer_text(sqlite3_column_int64(st, i)); break;
    case Kind::real: cell.text = real_text(sqlite3_column_double(st, i)); break;
    case Kind::text: cell.text = q.text(i); break;
    }
}

// The server's text for a value, made canonical as the file's is.
void canonical_server_cell(Kind kind, Cell& cell) {
    if (cell.null || kind == Kind::text) return;
    if (kind == Kind::integer) {
        std::int64_t v = 0;
        std::from_chars(cell.text.data(), cell.text.data() + cell.text.size(), v);
        cell.text = integer_text(v);
    } else {
        cell.text = real_text(std::strtod(cell.text.c_str(), nullptr));
    }
}

// FNV-1a, 64 bits, over each value's null mark, length and bytes: the same rows in the same order
// give the same checksum, and no two different rows run together into the same bytes.
class Checksum {
public:
    void add(const Cell& cell) {
        byte(cell.null ? 0 : 1);
        if (cell.null) return;
        std::uint64_t n = cell.text.size();
        for (int i = 0; i < 8; ++i, n >>= 8) byte(static_cast<unsigned char>(n & 0xff));
        for (unsigned char c : cell.text) byte(c);
    }
    std::string hex() const {
        static const char digits[] = "0123456789abcdef";
        std::string out(16, '0');
        std::uint64_t h = m_hash;
        for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<std::size_t>(i)] = digits[h & 0xf];
        return out;
    }

private:
    void byte(unsigned char c) {
        m_hash ^= c;
        m_hash *= 1099511628211ull;
    }
    std::uint64_t m_hash = 14695981039346656037ull;
};

// ---- COPY on the server ----------------------------------------------------------------------

// The server's refusal of `doing`, as a person should read it: its own short message, the row
// of the table it stopped at, and what became of the move.
[[noreturn]] void refuse(const PGresult* result, PGconn* conn, const std::string& server, const std::string& doing) {
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    std::string message = primary ? primary : (result ? PQresultErrorMessage(result) : PQerrorMessage(conn));
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    if (message.empty()) message = PQerrorMessage(conn);
    // "COPY clients, line 17: ..." names the row; the rest of that line quotes its values, which
    // can be clinical text, and stays out of the message.
    if (const char* context = result ? PQresultErrorField(result, PG_DIAG_CONTEXT) : nullptr) {
        const std::string c = context;
        const auto line = c.find(", line ");
        if (c.rfind("COPY ", 0) == 0 && line != std::string::npos) {
            std::size_t end = line + 7;
            while (end < c.size() && std::isdigit(static_cast<unsigned char>(c[end]))) ++end;
            message += " (row " + c.substr(line + 7, end - line - 7) + " sent)";
        }
    }
    postgresql::raise_if_known(state ? state : "", message, doing, server);
    throw Error("The clinic server " + server + " refused " + doing + ": " + message + "." + nothing_moved);
}

// Runs one statement on the server with text parameters; returns the rows it touched.
std::int64_t run_on_server(PGconn* conn, const std::string& sql, const std::vector<const char*>& params,
                           const std::string& server, const std::string& doing) {
    PGresult* r = PQexecParams(conn, sql.c_str(), static_cast<int>(params.size()), nullptr, params.data(), nullptr,
                               nullptr, 0);
    const ExecStatusType status = PQresultStatus(r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        std::unique_ptr<PGresult, decltype(&PQclear)> hold(r, PQclear);
        refuse(r, conn, server, doing);
    }
    const char* tuples = PQcmdTuples(r);
    const std::int64_t n = tuples && *tuples ? std::strtoll(tuples, nullptr, 10) : 0;
    PQclear(r);
    return n;
}

// COPY table (columns) FROM STDIN in text format: rows are gathered into chunks and streamed;
// the server's verdict arrives at finish(). Left unfinished (an exception), the COPY is ended
// with an error, so the connection is usable for the rollback.
class CopyIn {
public:
    CopyIn(PGconn* conn, const TablePlan& table, const std::string& server)
        : m_conn(conn), m_server(server), m_doing("copying the table " + table.name) {
        const std::string sql = "COPY " + quote_ident(table.name) + " (" + column_list(table) + ") FROM STDIN";
        PGresult* r = PQexec(conn, sql.c_str());
        std::unique_ptr<PGresult, decltype(&PQclear)> hold(r, PQclear);
        if (PQresultStatus(r) != PGRES_COPY_IN) refuse(r, conn, server, m_doing);
        m_open = true;
        m_buffer.reserve(copy_chunk + 64 * 1024);
    }
    ~CopyIn() {
        if (!m_open) return;
        PQputCopyEnd(m_conn, "the move was stopped");
        while (PGresult* r = PQgetResult(m_conn)) PQclear(r);
    }
    CopyIn(const CopyIn&) = delete;
    CopyIn& operator=(const CopyIn&) = delete;

    void add(const Cell& cell, bool last) {
        if (cell.null) {
            m_buffer += "\\N";
        } else {
            for (char c : cell.text) {
                switch (c) {
                case '\\': m_buffer += "\\\\"; break;
                case '\t': m_buffer += "\\t"; break;
                case '\n': m_buffer += "\\n"; break;
                case '\r': m_buffer += "\\r"; break;
                default: m_buffer += c;
                }
            }
        }
        m_buffer += last ? '\n' : '\t';
        if (last && m_buffer.size() >= copy_chunk) flush();
    }

    void finish() {
        flush();
        if (PQputCopyEnd(m_conn, nullptr) != 1) refuse(nullptr, m_conn, m_server, m_doing);
        m_open = false;
        std::unique_ptr<PGresult, decltype(&PQclear)> failed(nullptr, PQclear);
        while (PGresult* r = PQgetResult(m_conn)) {
            if (PQresultStatus(r) != PGRES_COMMAND_OK && !failed) failed.reset(r);
            else PQclear(r);
        }
        if (failed) refuse(failed.get(), m_conn, m_server, m_doing);
    }

private:
    void flush() {
        if (m_buffer.empty()) return;
        if (PQputCopyData(m_conn, m_buffer.data(), static_cast<int>(m_buffer.size())) != 1)
            refuse(nullptr, m_conn, m_server, m_doing);
        m_buffer.clear();
    }

    PGconn* m_conn;
    std::string m_server;
    std::string m_doing;
    std::string m_buffer;
    bool m_open = false;
};

// COPY (SELECT …) TO STDOUT in text format, a row at a time. Left unfinished, the rest of the
// rows are read and dropped, so the connection is usable for the rollback.
class CopyOut {
public:
    CopyOut(PGconn* conn, const std::string& select, const std::string& server, const std::string& doing)
        : m_conn(conn), m_server(server), m_doing(doing) {
        const std::string sql = "COPY (" + select + ") TO STDOUT";
        PGresult* r = PQexec(conn, sql.c_str());
        std::unique_ptr<PGresult, decltype(&PQclear)> hold(r, PQclear);
        if (PQresultStatus(r) != PGRES_COPY_OUT) refuse(r, conn, server, doing);
        m_open = true;
    }
    ~CopyOut() {
        release();
        if (!m_open) return;
        char* line = nullptr;
        while (PQgetCopyData(m_conn, &line, 0) > 0) PQfreemem(line);
        while (PGresult* r = PQgetResult(m_conn)) PQclear(r);
    }
    CopyOut(const CopyOut&) = delete;
    CopyOut& operator=(const CopyOut&) = delete;

    // The next row's values (unescaped), or false after the last.
    bool next(std::vector<Cell>& cells) {
        release();
        const int n = PQgetCopyData(m_conn, &m_line, 0);
        if (n == -1) {
            m_open = false;
            std::unique_ptr<PGresult, decltype(&PQclear)> failed(nullptr, PQclear);
            while (PGresult* r = PQgetResult(m_conn)) {
                if (PQresultStatus(r) != PGRES_COMMAND_OK && !failed) failed.reset(r);
                else PQclear(r);
            }
            if (failed) refuse(failed.get(), m_conn, m_server, m_doing);
            return false;
        }
        if (n < 0) refuse(nullptr, m_conn, m_server, m_doing);
        std::string_view line(m_line, static_cast<std::size_t>(n));
        if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
        std::size_t field = 0;
        std::size_t start = 0;
        for (;;) {
            const std::size_t tab = line.find('\t', start);
            const std::string_view raw = line.substr(start, tab == std::string_view::npos ? line.npos : tab - start);
            if (field >= cells.size()) throw Error("internal error: the server sent more columns than asked for");
            unescape(raw, cells[field]);
            ++field;
            if (tab == std::string_view::npos) break;
            start = tab + 1;
        }
        if (field != cells.size()) throw Error("internal error: the server sent fewer columns than asked for");
        return true;
    }

private:
    static void unescape(std::string_view raw, Cell& cell) {
        cell.text.clear();
        cell.null = raw == "\\N";
        if (cell.null) return;
        for (std::size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] != '\\' || i + 1 == raw.size()) {
                cell.text += raw[i];
                continue;
            }
            const char e = raw[++i];
            switch (e) {
            case 'b': cell.text += '\b'; break;
            case 'f': cell.text += '\f'; break;
            case 'n': cell.text += '\n'; break;
            case 'r': cell.text += '\r'; break;
            case 't': cell.text += '\t'; break;
            case 'v': cell.text += '\v'; break;
            default: cell.text += e; // "\\" and any other escaped character stand for themselves
            }
        }
    }
    void release() {
        if (m_line) PQfreemem(m_line);
        m_line = nullptr;
    }

    PGconn* m_conn;
    std::string m_server;
    std::string m_doing;
    char* m_line = nullptr;
    bool m_open = false;
};

// ---- the move --------------------------------------------------------------------------------

class Mover {
public:
    Mover(Database& source, Database& target, const TransferProgressFn& progress)
        : m_source(source), m_target(target), m_file_db(native_sqlite_handle(source.sql())),
          m_conn(connection_of(target)), m_file(source.display_name()), m_server(target.display_name()),
          m_progress(progress) {}

    TransferReport run() {
        const auto started = Clock::now();
        TransferReport report;
        report.source = m_file;
        report.target = m_server;
        report.schema_version = require_same_version();

        FileSnapshot snapshot(m_file_db);
        const auto plans = plan_transfer(m_file_db, m_file, m_target);
        Transaction tx(m_target);
        require_owner();
        require_empty(plans);

        std::map<std::string, std::int64_t> counts;
        for (const auto& t : plans) counts[t.name] = count_in_file(t.name);
        const bool signs_later = counts.contains("sessions") && counts.contains("session_techniques");

        const auto copy_started = Clock::now();
        bool roomy_sessions = false;
        for (const auto& t : plans) {
            const auto table_started = Clock::now();
            if (signs_later && t.name == "sessions") roomy_sessions = leave_room_for_signatures();
            copy_table(t, counts[t.name], signs_later && t.name == "sessions");
            report.tables.push_back(TableTransfer{t.name, counts[t.name], {}, seconds_since(table_started)});
            if (signs_later && t.name == "session_techniques") {
                sign_notes();
                if (roomy_sessions) run_on_server(m_conn, "ALTER TABLE sessions RESET (fillfactor)", {}, m_server,
                                                  "signing the copied notes");
            }
        }
        move_identities_on(plans, counts);
        report.copy_seconds = seconds_since(copy_started);

        const auto verify_started = Clock::now();
        std::vector<std::string> differences;
        for (std::size_t i = 0; i < plans.size(); ++i) {
            const auto [file_rows, file_sum] = file_checksum(plans[i], counts[plans[i].name]);
            const auto [server_rows, server_sum] = server_checksum(plans[i], counts[plans[i].name]);
            report.tables[i].rows = file_rows;
            report.tables[i].checksum = file_sum;
            if (file_rows != server_rows || file_sum != server_sum)
                differences.push_back(plans[i].name + " (" + std::to_string(file_rows) + " rows in the file, checksum " +
                                      file_sum + "; " + std::to_string(server_rows) + " on the server, checksum " +
                                      server_sum + ")");
        }
        report.verify_seconds = seconds_since(verify_started);
        if (!differences.empty()) {
            std::string list;
            for (const auto& d : differences) list += (list.empty() ? "" : ", ") + d;
            throw Error("The copy on the clinic server " + m_server + " did not read back as " + m_file +
                        " holds it, in " + list + "." + nothing_moved);
        }

        try {
            report.audit_entry = AuditLog(m_target).record(AuditAction::create, "practice", std::nullopt, std::nullopt,
                                                           "practice moved from " + m_file + " (" + summary(report) + ")");
        } catch (const soci::soci_error& e) {
            m_target.fail(e, "recording the move", "The move could not be recorded in the audit trail");
        }
        tx.commit();
        report.total_seconds = seconds_since(started);
        return report;
    }

private:
    int require_same_version() {
        const int file_version = m_source.schema_version();
        const int server_version = m_target.schema_version();
        if (file_version == server_version) return file_version;
        if (file_version < server_version)
            throw Error(m_file + " is at schema version " + std::to_string(file_version) + " and the clinic server " +
                        m_server + " at version " + std::to_string(server_version) + ". Open " + m_file +
                        " once with this Knotwork, which upgrades it, then move it. Nothing was changed.");
        throw Error(m_file + " is at schema version " + std::to_string(file_version) + ", newer than the clinic server " +
                    m_server + " (version " + std::to_string(server_version) +
                    "). Connect to the server once with the Knotwork that wrote the file, which upgrades it, then "
                    "move it. Nothing was changed.");
    }

    // The copied audit trail keeps its authors only for the owner of the tables (the server
    // stamps anyone else's name on each entry), and only the owner can move the id counters.
    void require_owner() {
        std::vector<std::string> not_owned;
        std::string account;
        try {
            m_target.sql() << "SELECT session_user::text", soci::into(account);
            soci::rowset<std::string> rows =
                (m_target.sql().prepare
                 << "SELECT c.relname::text FROM pg_catalog.pg_class AS c "
                    "JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace "
                    "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') "
                    "AND NOT pg_has_role(session_user, c.relowner, 'MEMBER') ORDER BY 1");
            for (const auto& r : rows) not_owned.push_back(r);
        } catch (const soci::soci_error& e) {
            m_target.fail(e, "checking the account", "Cannot check the account on the clinic server " + m_server);
        }
        if (not_owned.empty()) return;
        std::string list;
        for (const auto& t : not_owned) list += (list.empty() ? "" : ", ") + t;
        throw Error("The account " + account + " does not own the practice's tables on the clinic server " + m_server +
                    " (" + list + "). A practice is moved by the account that set the server up, so that the "
                    "audit trail keeps who made each entry. Nothing was changed.");
    }

    void require_empty(const std::vector<TablePlan>& plans) {
        std::vector<std::pair<std::string, std::int64_t>> held;
        try {
            for (const auto& t : plans) {
                long long n = 0;
                m_target.sql() << "SELECT count(*) FROM " + quote_ident(t.name), soci::into(n);
                if (n > 0) held.emplace_back(t.name, n);
            }
        } catch (const soci::soci_error& e) {
            m_target.fail(e, "checking the server is empty", "Cannot read the clinic server " + m_server);
        }
        if (held.empty()) return;
        std::string list;
        const auto say = [&](const std::string& table, const char* one, const char* many) {
            for (const auto& [name, n] : held)
                if (name == table)
                    list += (list.empty() ? "" : ", ") + std::to_string(n) + " " + (n == 1 ? one : many);
        };
        say("clients", "client", "clients");
        say("sessions", "session", "sessions");
        say("audit_log", "audit entry", "audit entries");
        if (list.empty())
            for (const auto& [name, n] : held)
                list += (list.empty() ? "" : ", ") + std::to_string(n) + (n == 1 ? " row in " : " rows in ") + name;
        throw Error("The clinic server " + m_server + " already holds a practice (" + list +
                    "). A practice can only be moved onto an empty one: connect to a new database or schema. "
                    "Nothing was changed.");
    }

    std::int64_t count_in_file(const std::string& table) {
        FileQuery q(m_file_db, "SELECT count(*) FROM " + quote_ident(table), m_file);
        q.step();
        return q.integer(0);
    }

    void report_progress(TransferProgress::Stage stage, const std::string& table, std::int64_t done,
                         std::int64_t total, Clock::time_point since) {
        if (m_progress) m_progress(TransferProgress{stage, table, done, total, seconds_since(since)});
    }

    // The file's rows of `table`, read in primary-key order. Notes with techniques are sent
    // unsigned (`unsigned_notes`): the server refuses techniques on a signed note.
    std::string file_select(const TablePlan& t, bool unsigned_notes) const {
        std::string select;
        for (const auto& c : t.columns) {
            std::string expression = quote_ident(c.name);
            if (unsigned_notes && (c.name == "signed_by" || c.name == "signed_at"))
                expression = "CASE WHEN EXISTS (SELECT 1 FROM session_techniques AS t WHERE t.session_id = "
                             "sessions.id) THEN NULL ELSE " + expression + " END";
            select += (select.empty() ? "" : ", ") + expression;
        }
        return "SELECT " + select + " FROM " + quote_ident(t.name) + " ORDER BY " + order_by(t, false);
    }

    void copy_table(const TablePlan& t, std::int64_t total, bool unsigned_notes) {
        const auto started = Clock::now();
        report_progress(TransferProgress::Stage::copying, t.name, 0, total, started);
        FileQuery rows(m_file_db, file_select(t, unsigned_notes), m_file);
        CopyIn copy(m_conn, t, m_server);
        Cell cell;
        const int n = static_cast<int>(t.columns.size());
        std::int64_t done = 0;
        while (rows.step()) {
            for (int i = 0; i < n; ++i) {
                read_file_cell(rows, i, t.columns[static_cast<std::size_t>(i)].kind, cell, t, m_file);
                copy.add(cell, i + 1 == n);
            }
            if (++done % progress_every == 0)
                report_progress(TransferProgress::Stage::copying, t.name, done, total, started);
        }
        copy.finish();
        report_progress(TransferProgress::Stage::copying, t.name, done, total, started);
    }

    // Signing a note writes a new version of its row. Sessions are copied with half of each page
    // left free, so that the new version fits beside the old one and the server need not index it
    // again (a HOT update: about seven times faster than one that re-indexes the note's words).
    // The table's setting is put back once the notes are signed, in the same transaction; a
    // fillfactor an administrator chose is left alone. Returns whether it was changed.
    bool leave_room_for_signatures() {
        std::string options;
        soci::indicator ind = soci::i_ok;
        try {
            m_target.sql() << "SELECT array_to_string(reloptions, ',') FROM pg_catalog.pg_class "
                              "WHERE oid = 'sessions'::regclass",
                soci::into(options, ind);
        } catch (const soci::soci_error& e) {
            m_target.fail(e, "copying the sessions", "Cannot read the clinic server " + m_server);
        }
        if (ind == soci::i_ok && options.find("fillfactor=") != std::string::npos) return false;
        run_on_server(m_conn, "ALTER TABLE sessions SET (fillfactor = 50)", {}, m_server, "copying the sessions");
        return true;
    }

    // Signs, on the server, the notes that were sent unsigned, now that their techniques are
    // there and before their amendments come: a batch of notes per statement.
    void sign_notes() {
        const auto started = Clock::now();
        FileQuery rows(m_file_db,
                       "SELECT id, signed_by, signed_at FROM sessions AS s WHERE signed_at IS NOT NULL AND EXISTS "
                       "(SELECT 1 FROM session_techniques AS t WHERE t.session_id = s.id) ORDER BY id",
                       m_file);
        std::int64_t total = 0;
        {
            FileQuery count(m_file_db,
                            "SELECT count(*) FROM sessions AS s WHERE signed_at IS NOT NULL AND EXISTS "
                            "(SELECT 1 FROM session_techniques AS t WHERE t.session_id = s.id)",
                            m_file);
            count.step();
            total = count.integer(0);
        }
        report_progress(TransferProgress::Stage::signing, "sessions", 0, total, started);
        // Arrays of ids, names and times, unnested into rows on the server.
        std::string ids, names, times;
        std::size_t in_batch = 0;
        std::int64_t done = 0;
        const auto element = [](std::string& array, const std::string& text) {
            array += array.empty() ? "{\"" : ",\"";
            for (char c : text) {
                if (c == '"' || c == '\\') array += '\\';
                array += c;
            }
            array += '"';
        };
        const auto send = [&] {
            if (in_batch == 0) return;
            ids += '}';
            names += '}';
            times += '}';
            const std::int64_t signed_now = run_on_server(
                m_conn,
                "UPDATE sessions AS s SET signed_by = v.signed_by, signed_at = v.signed_at "
                "FROM unnest($1::bigint[], $2::text[], $3::text[]) AS v (id, signed_by, signed_at) "
                "WHERE s.id = v.id AND s.signed_at IS NULL",
                {ids.c_str(), names.c_str(), times.c_str()}, m_server, "signing the copied notes");
            if (signed_now != static_cast<std::int64_t>(in_batch))
                throw Error("The clinic server " + m_server + " signed " + std::to_string(signed_now) + " of " +
                            std::to_string(in_batch) + " copied notes." + nothing_moved);
            done += signed_now;
            report_progress(TransferProgress::Stage::signing, "sessions", done, total, started);
            ids.clear();
            names.clear();
            times.clear();
            in_batch = 0;
        };
        while (rows.step()) {
            ids += (ids.empty() ? "{" : ",") + integer_text(rows.integer(0));
            element(names, rows.text(1));
            element(times, rows.text(2));
            if (++in_batch == signature_batch) send();
        }
        send();
        report_progress(TransferProgress::Stage::signing, "sessions", done, total, started);
    }

    // Each id counter moves past the highest copied id, so the next record added on the server
    // gets a new one. ALTER TABLE … RESTART, unlike setval(), is undone with the transaction.
    void move_identities_on(const std::vector<TablePlan>& plans, const std::map<std::string, std::int64_t>& counts) {
        for (const auto& t : plans) {
            if (t.identity.empty() || counts.at(t.name) == 0) continue;
            long long highest = 0;
            try {
                m_target.sql() << "SELECT max(" + quote_ident(t.identity) + ") FROM " + quote_ident(t.name),
                    soci::into(highest);
            } catch (const soci::soci_error& e) {
                m_target.fail(e, "moving the id counters on", "Cannot read the clinic server " + m_server);
            }
            // DDL takes no parameters; the value is a number the server just gave.
            run_on_server(m_conn,
                          "ALTER TABLE " + quote_ident(t.name) + " ALTER COLUMN " + quote_ident(t.identity) +
                              " RESTART WITH " + std::to_string(highest + 1),
                          {}, m_server, "moving the id counter of " + t.name + " on");
        }
    }

    std::pair<std::int64_t, std::string> file_checksum(const TablePlan& t, std::int64_t total) {
        const auto started = Clock::now();
        FileQuery rows(m_file_db, file_select(t, false), m_file);
        report_progress(TransferProgress::Stage::verifying, t.name, 0, 2 * total, started);
        Checksum sum;
        Cell cell;
        std::int64_t n = 0;
        const int columns = static_cast<int>(t.columns.size());
        while (rows.step()) {
            for (int i = 0; i < columns; ++i) {
                read_file_cell(rows, i, t.columns[static_cast<std::size_t>(i)].kind, cell, t, m_file);
                sum.add(cell);
            }
            if (++n % progress_every == 0) report_progress(TransferProgress::Stage::verifying, t.name, n, 2 * total, started);
        }
        return {n, sum.hex()};
    }

    std::pair<std::int64_t, std::string> server_checksum(const TablePlan& t, std::int64_t total) {
        const auto started = Clock::now();
        CopyOut rows(m_conn,
                     "SELECT " + column_list(t) + " FROM " + quote_ident(t.name) + " ORDER BY " + order_by(t, true),
                     m_server, "reading back the table " + t.name);
        std::vector<Cell> cells(t.columns.size());
        Checksum sum;
        std::int64_t n = 0;
        while (rows.next(cells)) {
            for (std::size_t i = 0; i < cells.size(); ++i) {
                canonical_server_cell(t.columns[i].kind, cells[i]);
                sum.add(cells[i]);
            }
            if (++n % progress_every == 0)
                report_progress(TransferProgress::Stage::verifying, t.name, total + n, 2 * total, started);
        }
        report_progress(TransferProgress::Stage::verifying, t.name, 2 * total, 2 * total, started);
        return {n, sum.hex()};
    }

    static std::string summary(const TransferReport& r) {
        std::string out;
        const auto add = [&](const char* table, const char* one, const char* many) {
            const auto n = r.rows_of(table);
            out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + (n == 1 ? one : many);
        };
        add("clients", "client", "clients");
        add("sessions", "session", "sessions");
        add("assessments", "assessment", "assessments");
        add("treatment_plans", "treatment plan", "treatment plans");
        add("note_amendments", "amendment", "amendments");
        add("audit_log", "audit entry", "audit entries");
        return out + "; " + std::to_string(r.rows()) + " rows in " + std::to_string(r.tables.size()) +
               " tables, each checked";
    }

    Database& m_source;
    Database& m_target;
    sqlite3* m_file_db;
    PGconn* m_conn;
    std::string m_file;
    std::string m_server;
    const TransferProgressFn& m_progress;
};

// The schema version and application id of a practice file, read without SOCI so that an older
// file can be named and refused rather than failing to open read-only.
struct FileHeader {
    bool readable = false;
    int application_id = 0;
    int version = 0;
};

FileHeader read_header(const std::string& file) {
    FileHeader h;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return h;
    }
    sqlite3_busy_timeout(db, 10000);
    const auto single = [&](const char* sql, int& out) {
        sqlite3_stmt* st = nullptr;
        bool ok = sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK;
        if (ok) {
            const int rc = sqlite3_step(st);
            ok = rc == SQLITE_ROW || rc == SQLITE_DONE;
            if (rc == SQLITE_ROW) out = sqlite3_column_int(st, 0);
        }
        sqlite3_finalize(st);
        return ok;
    };
    int has_versions = 0;
    h.readable = single("PRAGMA application_id", h.application_id) &&
                 single("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
                        has_versions);
    if (h.readable && has_versions > 0) h.readable = single("SELECT coalesce(max(version), 0) FROM schema_migrations", h.version);
    sqlite3_close(db);
    return h;
}

} // namespace

std::unique_ptr<Database> open_practice_to_move(const std::string& file) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(file, ec)) {
        const FileHeader h = read_header(file);
        if (h.readable) {
            if (h.application_id != knotwork_application_id)
                throw Error(file + " is not a Knotwork practice file. Nothing was changed.");
            const int latest = Database::latest_schema_version();
            if (h.version < latest)
                throw Error(file + " is at schema version " + std::to_string(h.version) + "; this Knotwork and the "
                            "clinic servers it sets up are at version " + std::to_string(latest) + ". Open " + file +
                            " once with this Knotwork, which upgrades it, then move it. Nothing was changed.");
            if (h.version > latest)
                throw Error(file + " was written by a newer Knotwork (schema version " + std::to_string(h.version) +
                            "; this one knows up to " + std::to_string(latest) +
                            "). Move it with that Knotwork. Nothing was changed.");
        }
    }
    return Database::open(file, OpenOptions{.read_only = true, .actor = "knotwork"});
}

TransferReport transfer_practice(Database& source, Database& target, const TransferProgressFn& progress) {
    if (source.backend() != Backend::sqlite)
        throw Error("A practice is moved from a practice file; " + source.display_name() + " is a clinic server.");
    if (target.backend() != Backend::postgresql)
        throw Error("A practice is moved onto a clinic server; " + target.display_name() + " is a practice file.");
    if (source.in_transaction() || target.in_transaction())
        throw Error("internal error: a practice is moved outside any other transaction");
    try {
        return Mover(source, target, progress).run();
    } catch (const soci::soci_error& e) {
        target.fail(e, "moving the practice", "Moving the practice failed");
    }
}

} // namespace knotwork::db
