#pragma once
// Moving a whole practice from its file onto a clinic server: every record of every table, with
// the same ids, in one transaction on the server, checked table by table before it is committed.
//
// What it promises:
//  * the file is only read (one consistent snapshot of it), never changed;
//  * the server's practice was empty and ends up holding exactly the file's records, or the move
//    is refused or fails and the server is left as it was (its id counters included);
//  * the server's own rules are kept, not switched off: notes are signed after their techniques
//    arrive and before their amendments, the audit trail's changes are attached to entries
//    written in the same transaction, and the copied entries keep their authors because the
//    moving account owns the practice's tables (another account is refused up front);
//  * before the commit, every table is read back from the server and from the file, and its row
//    count and checksum must agree; a difference undoes everything and names the table;
//  * the move is itself recorded in the server's audit trail, after the copied entries.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace knotwork::db {

class Database;

// One table as moved: its rows and the checksum both sides agreed on (FNV-1a, 64 bits, over the
// canonical text of every column the file and the server share, row by row in primary-key order).
struct TableTransfer {
    std::string table;
    std::int64_t rows = 0;
    std::string checksum; // 16 hexadecimal digits
    double copy_seconds = 0;
};

struct TransferReport {
    std::string source;  // the practice file
    std::string target;  // the clinic server, "user@host:port/dbname"
    int schema_version = 0;
    std::vector<TableTransfer> tables; // in the order they were copied (parents before children)
    double copy_seconds = 0;           // copying, signing the notes and moving the id counters on
    double verify_seconds = 0;         // reading both sides back
    double total_seconds = 0;
    std::int64_t audit_entry = 0;      // the server's audit entry that records the move

    std::int64_t rows() const;                      // every table's rows together
    std::int64_t rows_of(std::string_view table) const; // 0 for a table not moved
    double rows_per_second() const;                 // rows() over copy_seconds
};

// Where a move has got to, for a progress display. `done` of `total` rows of `table`; the stage
// says what is happening to them.
struct TransferProgress {
    enum class Stage { copying, signing, verifying };
    Stage stage = Stage::copying;
    std::string table;
    std::int64_t done = 0;
    std::int64_t total = 0;
    double seconds = 0; // since this stage of this table began
};

using TransferProgressFn = std::function<void(const TransferProgress&)>;

// Opens the practice file `file` read-only as the source of a move. Throws knotwork::Error when
// it cannot be opened, and, naming both schema versions, when it was written by an older
// Knotwork (it has to be opened once with this Knotwork, which upgrades it, before it can move)
// or by a newer one.
std::unique_ptr<Database> open_practice_to_move(const std::string& file);

// Copies every record of the practice `source` (a practice file) onto `target` (a clinic
// server, set up by Database::open and holding no records). Throws knotwork::Error, with the
// server unchanged, when: the two are not a file and a server; their schema versions differ
// (both named); the server already holds records (its name and what it holds are said); the
// account on the server does not own the practice's tables; the two schemas do not hold the
// same tables and columns; a value in the file does not fit its column; the server refuses a
// row; or the read-back differs (the table is named). `progress` is called now and then.
TransferReport transfer_practice(Database& source, Database& target, const TransferProgressFn& progress = {});

} // namespace knotwork::db
