#pragma once
// A clock for the undo history that moves only when a test says so: keystrokes "a moment apart"
// and "after a pause" without waiting, and without timing thresholds.
#include "common/edit_history.h"

#include <chrono>
#include <memory>

namespace knotwork::gui::test {

class FakeEditClock {
  public:
    EditClock clock() const {
        return [now = m_now] { return *now; };
    }
    void advance(std::chrono::milliseconds by) { *m_now += by; }

  private:
    std::shared_ptr<std::chrono::steady_clock::time_point> m_now =
        std::make_shared<std::chrono::steady_clock::time_point>();
};

// Well within EditHistoryLimits::pause, and well beyond it.
inline constexpr std::chrono::milliseconds keystroke{120};
inline constexpr std::chrono::milliseconds long_pause{5000};

} // namespace knotwork::gui::test
