#define BOOST_TEST_MODULE knotwork safety
#include <boost/test/unit_test.hpp>
