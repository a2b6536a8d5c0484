#define BOOST_TEST_MODULE knotwork persistence
#include <boost/test/unit_test.hpp>
