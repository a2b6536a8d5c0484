#pragma once
// Stable text codes and readable labels for the domain's enums. The code is what the database,
// CSV and JSON store ("no_show"); the label is what a person reads ("No-show"). An enum takes
// part by specialising EnumNames<E> with a `what` (used in errors) and an `entries` table.
#include "common/error.h"

#include <span>
#include <string>
#include <string_view>

namespace knotwork {

template <typename E>
struct EnumEntry {
    E value;
    std::string_view code;
    std::string_view label;
};

template <typename E>
struct EnumNames; // specialise: static constexpr std::string_view what; static std::span<const EnumEntry<E>> entries();

template <typename E>
std::span<const EnumEntry<E>> enum_entries() {
    return EnumNames<E>::entries();
}

template <typename E>
std::string_view to_code(E value) {
    for (const auto& e : EnumNames<E>::entries())
        if (e.value == value) return e.code;
    throw Error("unnamed " + std::string(EnumNames<E>::what) + " value");
}

template <typename E>
std::string_view label(E value) {
    for (const auto& e : EnumNames<E>::entries())
        if (e.value == value) return e.label;
    throw Error("unnamed " + std::string(EnumNames<E>::what) + " value");
}

// Throws ValidationError(field, "\"x\" is not a known <what>") for an unknown code.
template <typename E>
E from_code(std::string_view field, std::string_view code) {
    for (const auto& e : EnumNames<E>::entries())
        if (e.code == code) return e.value;
    throw ValidationError(std::string(field), "\"" + std::string(code) + "\" is not a known " +
                                                  std::string(EnumNames<E>::what));
}

} // namespace knotwork

// Declares the EnumNames specialisation for E; define entries() in one .cpp file.
#define KNOTWORK_ENUM_NAMES(E, WHAT)                                                             \
    template <>                                                                                  \
    struct EnumNames<E> {                                                                        \
        static constexpr std::string_view what = WHAT;                                           \
        static std::span<const EnumEntry<E>> entries();                                          \
    }
