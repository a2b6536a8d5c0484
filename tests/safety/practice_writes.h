#pragma once
// The writes the safety tests make and the checks they run afterwards. A writer, named by a tag
// ("crash", "A", "B"), makes numbered transactions through the real repositories; transaction k
// is one use case that spans many rows and tables:
//   - a new client (two medications, two conditions),
//   - an active treatment plan for that client (goals, techniques, regions, home care),
//   - a completed session with a SOAP note of some kilobytes and three technique rows, signed,
//   - and, from k = 2 on, a change of transaction k-1's client (its phone) and an amendment to
//     transaction k-1's signed note.
// Every value is derived from the tag and k, so the checks can rebuild exactly what k stored and
// tell a whole transaction from part of one. Each writer's transactions are 1, 2, … n without gaps.
#include "client/client.h"
#include "plan/treatment_plan.h"
#include "session/session.h"

#include <string>
#include <vector>

namespace knotwork::db {
class Database;
}

namespace knotwork::test {

struct WrittenTransaction {
    int number = 0;
    ClientId client = 0;
    PlanId plan = 0;
    SessionId session = 0;
};

// The records of transaction `number` of writer `tag`, as they are before storing.
ClientDetails writer_client(const std::string& tag, int number);
PlanDetails writer_plan(const std::string& tag, int number);
Session writer_session(const std::string& tag, int number, ClientId client, PlanId plan);
// The phone transaction `number` + 1 gives transaction `number`'s client.
std::string writer_phone_after(const std::string& tag, int number);
std::string writer_amendment_text(const std::string& tag, int number);

// The last transaction of `tag` stored in the file (0 when none).
int last_transaction(db::Database& db, const std::string& tag);

// Writes and commits transaction `number` (which must be last_transaction() + 1).
WrittenTransaction write_transaction(db::Database& db, const std::string& tag, int number);

struct WriterState {
    int transactions = 0;              // n: transactions 1..n of the tag are stored
    int checked_whole = 0;             // how many of them were compared record by record
    std::vector<std::string> problems; // empty when everything stored is whole and exact
};

// Checks the writer `tag`'s transactions in the file: their numbers run 1..n without a gap, the
// row counts in every table they touch are those of n whole transactions (so no part of a
// transaction is visible anywhere), and transactions `check_from`..n are each compared with what
// they stored, record by record (client, plan, signed note with its techniques and signature,
// amendment, the change of the previous client, their audit rows).
WriterState check_writer(db::Database& db, const std::string& tag, int check_from = 1);

// PRAGMA integrity_check, the foreign-key check and the full-text indexes' own checks; empty
// when all pass.
std::vector<std::string> file_problems(db::Database& db);

} // namespace knotwork::test
