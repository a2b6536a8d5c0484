#define BOOST_TEST_MODULE knotwork persistence
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <iostream>
#include <string>

namespace {

// The PostgreSQL run needs a server: without one it says so and reports itself skipped (CTest's
// SKIP_RETURN_CODE), rather than passing without having run.
struct BackendCheck {
    BackendCheck() {
        const char* backend = std::getenv("KNOTWORK_TEST_BACKEND");
        const char* url = std::getenv("KNOTWORK_TEST_PG_URL");
        if (backend && std::string(backend) == "postgresql" && (!url || !*url)) {
            std::cout << "PostgreSQL cases skipped: KNOTWORK_TEST_PG_URL names no server "
                         "(scripts/pg-test-cluster.sh starts one)." << std::endl;
            std::exit(77);
        }
    }
};

} // namespace

BOOST_TEST_GLOBAL_FIXTURE(BackendCheck);
