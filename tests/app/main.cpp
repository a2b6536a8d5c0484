#define BOOST_TEST_MODULE knotwork app core
#include <boost/test/unit_test.hpp>
