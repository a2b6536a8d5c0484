#define BOOST_TEST_MODULE knotwork domain
#include <boost/test/unit_test.hpp>
