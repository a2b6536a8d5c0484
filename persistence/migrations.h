#pragma once
// The numbered schema migrations shipped with this build. A shipped migration is never edited,
// only followed by a new one.
#include <span>
#include <string_view>

namespace knotwork::db {

struct Migration {
    int version;
    std::string_view name;
    std::string_view sql;
};

std::span<const Migration> sqlite_migrations();
// The same versions for a clinic server, in PostgreSQL's dialect (resources/migrations/postgresql).
std::span<const Migration> postgresql_migrations();

} // namespace knotwork::db
