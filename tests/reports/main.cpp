#define BOOST_TEST_MODULE knotwork reports
#include <boost/test/unit_test.hpp>
