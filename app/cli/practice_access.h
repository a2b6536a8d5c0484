#pragma once
// What every subcommand shares: opening the practice FILE named first on the command line, as
// the user given by --as (default: the login name), for the audit trail.
#include "arguments.h"
#include "database.h"

#include <memory>
#include <string>

namespace knotwork::cli {

std::string default_actor();

std::unique_ptr<db::Database> open_practice(const Arguments& a, bool create = false, bool read_only = false);

} // namespace knotwork::cli
