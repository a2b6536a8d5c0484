#pragma once
// Small integer value types that cannot hold an out-of-range value. Each names its field in the
// error it throws, so "pain now: must be between 0 and 10 (got 11)" reaches the user.
#include "common/error.h"

#include <compare>
#include <string>

namespace knotwork {

template <int Min, int Max>
class BoundedInt {
public:
    static constexpr int min = Min;
    static constexpr int max = Max;

    // Throws ValidationError(field, …) when value is outside [Min, Max].
    BoundedInt(int value, const char* field) : m_value(value) {
        if (value < Min || value > Max)
            throw ValidationError(field, "must be between " + std::to_string(Min) + " and " +
                                             std::to_string(Max) + " (got " +
                                             std::to_string(value) + ")");
    }

    int value() const noexcept { return m_value; }
    auto operator<=>(const BoundedInt&) const = default;

private:
    int m_value;
};

// Numeric pain rating scale: whole numbers 0 (no pain) to 10 (worst imaginable).
class PainScore : public BoundedInt<0, 10> {
public:
    explicit PainScore(int value, const char* field = "pain score") : BoundedInt(value, field) {}
};

// Pressure applied during a technique, 1 (feather light) to 10 (as deep as tolerated).
class Pressure : public BoundedInt<1, 10> {
public:
    explicit Pressure(int value, const char* field = "pressure") : BoundedInt(value, field) {}
};

} // namespace knotwork
