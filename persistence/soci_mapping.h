#pragma once
// How domain value types travel through SOCI: dates and times as ISO text, enums as their stable
// codes, std::optional as NULL. Included only by persistence sources.
#include "common/dates.h"
#include "common/enum_names.h"

#include <soci/soci.h>

#include <optional>
#include <string>
#include <type_traits>

namespace soci {

template <>
struct type_conversion<knotwork::Date> {
    using base_type = std::string;
    static void from_base(const std::string& in, indicator ind, knotwork::Date& out) {
        if (ind == i_null) throw soci_error("NULL where a date is required");
        out = knotwork::parse_date("stored date", in);
    }
    static void to_base(const knotwork::Date& in, std::string& out, indicator& ind) {
        out = knotwork::to_iso(in);
        ind = i_ok;
    }
};

template <>
struct type_conversion<knotwork::DateTime> {
    using base_type = std::string;
    static void from_base(const std::string& in, indicator ind, knotwork::DateTime& out) {
        if (ind == i_null) throw soci_error("NULL where a time is required");
        out = knotwork::parse_date_time("stored time", in);
    }
    static void to_base(const knotwork::DateTime& in, std::string& out, indicator& ind) {
        out = knotwork::to_iso(in);
        ind = i_ok;
    }
};

template <typename E>
struct type_conversion<E, std::enable_if_t<std::is_enum_v<E>>> {
    using base_type = std::string;
    static void from_base(const std::string& in, indicator ind, E& out) {
        if (ind == i_null) throw soci_error("NULL where a code is required");
        // Runs for every code column of every row: the field name is built only for a refusal.
        for (const auto& e : knotwork::enum_entries<E>())
            if (e.code == in) {
                out = e.value;
                return;
            }
        out = knotwork::from_code<E>("stored " + std::string(knotwork::EnumNames<E>::what), in);
    }
    static void to_base(const E& in, std::string& out, indicator& ind) {
        out = std::string(knotwork::to_code(in));
        ind = i_ok;
    }
};

template <typename T>
struct type_conversion<std::optional<T>> {
    using base_type = typename type_conversion<T>::base_type;
    static void from_base(const base_type& in, indicator ind, std::optional<T>& out) {
        if (ind == i_null) {
            out.reset();
            return;
        }
        T value{};
        type_conversion<T>::from_base(in, i_ok, value);
        out = std::move(value);
    }
    static void to_base(const std::optional<T>& in, base_type& out, indicator& ind) {
        if (in) {
            type_conversion<T>::to_base(*in, out, ind);
        } else {
            out = base_type{};
            ind = i_null;
        }
    }
};

} // namespace soci
