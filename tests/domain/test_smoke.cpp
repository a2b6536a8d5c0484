#include "common/bounded.h"
#include <boost/test/unit_test.hpp>
BOOST_AUTO_TEST_CASE(pain_score_refuses_eleven) {
    BOOST_CHECK_THROW(knotwork::PainScore(11), knotwork::ValidationError);
}
