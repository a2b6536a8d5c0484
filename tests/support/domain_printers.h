#pragma once
// Printers that make a failing domain test read in the domain's own words: an enum prints as its
// stored code ("within_error", not "1"), a PainScore as its number, a date as ISO text, an
// optional as its value or "nullopt". Include it after the domain headers a test uses; the enum
// printer finds an enum's names through ADL and EnumNames<E>.
//
// KNOTWORK_CHECK_REFUSED(statement, field) checks that `statement` throws a ValidationError whose
// field is `field` and whose message starts with it, so every refusal also pins the words the
// therapist will read.
#include "common/bounded.h"
#include "common/dates.h"
#include "common/enum_names.h"
#include "common/error.h"

#include <boost/test/unit_test.hpp>

#include <optional>
#include <ostream>
#include <string>
#include <type_traits>

namespace knotwork {

template <typename E>
concept NamedEnum = std::is_enum_v<E> && requires { EnumNames<E>::entries(); };

// Prints the stored code; a value outside the table prints as "<what> #n" rather than throwing.
template <NamedEnum E>
std::ostream& operator<<(std::ostream& os, E value) {
    for (const auto& e : EnumNames<E>::entries())
        if (e.value == value) return os << e.code;
    return os << EnumNames<E>::what << " #" << static_cast<std::underlying_type_t<E>>(value);
}

template <int Min, int Max>
std::ostream& operator<<(std::ostream& os, const BoundedInt<Min, Max>& v) {
    return os << v.value();
}

} // namespace knotwork

namespace boost::test_tools::tt_detail {

template <>
struct print_log_value<knotwork::Date> {
    void operator()(std::ostream& os, const knotwork::Date& d) {
        if (d.is_special()) os << "not-a-date";
        else os << knotwork::to_iso(d);
    }
};

template <>
struct print_log_value<knotwork::DateTime> {
    void operator()(std::ostream& os, const knotwork::DateTime& t) {
        if (t.is_special()) os << "not-a-date-time";
        else os << knotwork::to_iso(t);
    }
};

template <>
struct print_log_value<knotwork::Duration> {
    void operator()(std::ostream& os, const knotwork::Duration& d) {
        os << (d.is_negative() ? "-" : "") << d.hours() << "h" << d.minutes() << "m" << d.seconds() << "s";
    }
};

template <typename T>
struct print_log_value<std::optional<T>> {
    void operator()(std::ostream& os, const std::optional<T>& v) {
        if (v) print_log_value<T>()(os, *v);
        else os << "nullopt";
    }
};

template <>
struct print_log_value<std::nullopt_t> {
    void operator()(std::ostream& os, std::nullopt_t) { os << "nullopt"; }
};

} // namespace boost::test_tools::tt_detail

namespace knotwork::test_support {

// Predicate for BOOST_CHECK_EXCEPTION: reports the field a ValidationError actually named.
struct RefusalNaming {
    std::string field;
    bool operator()(const ValidationError& e) const {
        BOOST_TEST(e.field() == field);
        BOOST_TEST(std::string(e.what()).starts_with(field + ": "), "message: " << e.what());
        return e.field() == field && !e.problem().empty();
    }
};

} // namespace knotwork::test_support

#define KNOTWORK_CHECK_REFUSED(statement, expected_field)                                           \
    BOOST_CHECK_EXCEPTION(static_cast<void>(statement), ::knotwork::ValidationError,                \
                          ::knotwork::test_support::RefusalNaming{expected_field})
