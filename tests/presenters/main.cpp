#define BOOST_TEST_MODULE knotwork presenters
#include <boost/test/unit_test.hpp>
