#define BOOST_TEST_MODULE knotwork cli
#include <boost/test/unit_test.hpp>
