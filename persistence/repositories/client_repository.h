#pragma once
// Stores clients with their health history and medications, finds them as a therapist types,
// archives and restores them. Writes need an open Transaction and are audited; an update made
// from a stale copy throws ConflictError instead of overwriting someone else's change.
#include "client/client.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace knotwork::db {

class Database;

// One line of the client list: what the list and search need, nothing more.
struct ClientSummary {
    ClientId id = 0;
    std::string family_name;
    std::string given_name;
    std::string preferred_name;
    std::string phone;
    std::optional<Date> date_of_birth;
    bool archived = false;
};

struct ClientQuery {
    std::string text;            // every word must occur in name, phone or date of birth
    bool include_archived = false;
    int limit = 200;
    int offset = 0;
};

class ClientRepository {
public:
    explicit ClientRepository(Database& db) : m_db(db) {}

    // Inserts and sets the client's id and version.
    ClientId add(Client& client);
    // Saves changed details; bumps the version. Throws ConflictError if the stored version moved.
    void update(Client& client);
    void archive(Client& client, Date on);
    void restore(Client& client);

    Client get(ClientId id);                 // throws NotFoundError
    std::optional<Client> find(ClientId id);
    // The matching clients in list order (family name, given name, id), query.limit of them from
    // query.offset on.
    std::vector<ClientSummary> search(const ClientQuery& query);
    // How many clients match, whatever query.limit and query.offset say.
    std::int64_t count_matching(const ClientQuery& query);
    std::int64_t count(bool include_archived = false);

private:
    void write_children(const Client& client);
    Database& m_db;
};

// The lower-case text a client is found by: names, phone digits and date of birth.
std::string client_search_key(const ClientDetails& d);

} // namespace knotwork::db
