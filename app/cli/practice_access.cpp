#include "practice_access.h"

#include <cstdlib>

namespace knotwork::cli {

std::string default_actor() {
    const char* user = std::getenv("USER");
    return user && *user ? user : "knotwork-cli";
}

std::unique_ptr<db::Database> open_practice(const Arguments& a, bool create, bool read_only) {
    db::OpenOptions options;
    options.create_if_missing = create;
    options.read_only = read_only;
    options.actor = a.option("as").value_or(default_actor());
    return db::Database::open(a.positional(0, "practice FILE"), options);
}

} // namespace knotwork::cli
