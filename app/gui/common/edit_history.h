#pragma once
// Undo and redo for a form, in plain C++ (no wxWidgets): a bounded list of snapshots of what the
// form edits (T), and where the form stands in it. A presenter pushes the state after every edit;
// undo() and redo() hand back the state to show, and the window refills its controls from it
// without recording anything.
//
// Promises:
//  - Rapid typing is one step: a push whose EditStep may coalesce, with the same key as the step
//    just recorded, within `pause` of the last push and within `span` of the step's first push,
//    replaces that step's state instead of adding a step. Anything else starts a new step: another
//    key, a pause, an undo or redo, seal(), a push that may not coalesce.
//  - A push equal to the current state records nothing. A coalesced step that brings the form back
//    to the state before it is dropped, so Undo never does nothing.
//  - A new step clears what could be redone.
//  - At most `max_steps` steps are kept; the oldest go first.
//
// What a save means is the presenter's choice and is written beside its undo(); the presenters in
// this program keep the history across a save, so undo after a save makes the form differ from
// what is stored (dirty again) and never changes what is stored.
#include <chrono>
#include <concepts>
#include <cstddef>
#include <deque>
#include <functional>
#include <string>
#include <utility>

namespace knotwork::gui {

using EditClock = std::function<std::chrono::steady_clock::time_point()>;

struct EditHistoryLimits {
    std::size_t max_steps = 200;
    // Typing coalesces while the gaps between keystrokes stay within `pause`, for at most `span`.
    std::chrono::milliseconds pause{1000};
    std::chrono::milliseconds span{10'000};
};

// What one step did.
struct EditStep {
    std::string key;       // what was edited, for coalescing and for finding it again: "subjective"
    std::string label;     // the step as a person reads it after "Undo: ": "Subjective"
    bool coalesce = false; // typing or spinning: may merge with the step before of the same key
    bool operator==(const EditStep&) const = default;
};

template <typename T> class EditHistory {
  public:
    using TimePoint = std::chrono::steady_clock::time_point;

    // Starts at `base`, with nothing to undo. An empty clock means steady_clock::now.
    explicit EditHistory(T base, EditHistoryLimits limits = {}, EditClock clock = {})
        : m_limits(limits), m_clock(std::move(clock)) {
        m_steps.push_back({std::move(base), {}});
    }

    // Records `state`, the form right after an edit described by `step`. Returns false when
    // nothing was recorded (the state is the current one).
    bool push(T state, EditStep step = {}) {
        if constexpr (std::equality_comparable<T>) {
            if (state == current()) return false;
        }
        const TimePoint at = now();
        if (can_coalesce(step, at)) {
            m_steps[m_at].state = std::move(state);
            m_last_push = at;
            if constexpr (std::equality_comparable<T>) {
                if (m_steps[m_at].state == m_steps[m_at - 1].state) { // typed, then deleted again
                    m_steps.pop_back();
                    --m_at;
                    m_sealed = true;
                }
            }
            return true;
        }
        m_steps.erase(m_steps.begin() + static_cast<std::ptrdiff_t>(m_at) + 1, m_steps.end());
        m_steps.push_back({std::move(state), std::move(step)});
        ++m_at;
        while (m_steps.size() > m_limits.max_steps + 1) {
            m_steps.pop_front();
            --m_at;
        }
        m_sealed = m_at == 0;
        m_first_push = m_last_push = at;
        return true;
    }

    bool can_undo() const noexcept { return m_at > 0; }
    bool can_redo() const noexcept { return m_at + 1 < m_steps.size(); }

    // Steps back over the most recent step: the state before it, or nullptr when there is none.
    const T* undo() {
        if (!can_undo()) return nullptr;
        --m_at;
        m_sealed = true;
        return &m_steps[m_at].state;
    }
    // Steps forward over the step undone last: the state after it, or nullptr when there is none.
    const T* redo() {
        if (!can_redo()) return nullptr;
        ++m_at;
        m_sealed = true;
        return &m_steps[m_at].state;
    }

    // The step undo() would take back and the one redo() would bring back, or nullptr. Right
    // after undo(), redo_step() is the step just undone; right after redo(), undo_step() is.
    const EditStep* undo_step() const noexcept { return can_undo() ? &m_steps[m_at].step : nullptr; }
    const EditStep* redo_step() const noexcept { return can_redo() ? &m_steps[m_at + 1].step : nullptr; }

    const T& current() const noexcept { return m_steps[m_at].state; }
    std::size_t undo_count() const noexcept { return m_at; }
    std::size_t redo_count() const noexcept { return m_steps.size() - m_at - 1; }

    // Starts over from `base`: nothing to undo or redo (a form loaded afresh, or locked).
    void reset(T base) {
        m_steps.clear();
        m_steps.push_back({std::move(base), {}});
        m_at = 0;
        m_sealed = true;
    }
    // Replaces the current state without recording a step, for a change that is not an edit (a
    // save that tidied the form). Undo and redo around it stay as they were.
    void set_current(T state) {
        m_steps[m_at].state = std::move(state);
        m_sealed = true;
    }
    // The next push starts a step of its own, whatever its key (a quick phrase went in, the form
    // was saved).
    void seal() noexcept { m_sealed = true; }

    void set_clock(EditClock clock) { m_clock = std::move(clock); }
    const EditHistoryLimits& limits() const noexcept { return m_limits; }

  private:
    struct Entry {
        T state;
        EditStep step; // what led to `state`; empty for the base
    };

    TimePoint now() const { return m_clock ? m_clock() : std::chrono::steady_clock::now(); }

    bool can_coalesce(const EditStep& step, TimePoint at) const {
        if (m_sealed || !step.coalesce || step.key.empty() || m_at == 0 || can_redo()) return false;
        const EditStep& last = m_steps[m_at].step;
        return last.coalesce && last.key == step.key && at - m_last_push <= m_limits.pause &&
               at - m_first_push <= m_limits.span;
    }

    EditHistoryLimits m_limits;
    EditClock m_clock;
    std::deque<Entry> m_steps; // m_steps[0] is the oldest state kept
    std::size_t m_at = 0;      // the state the form is in
    bool m_sealed = true;
    TimePoint m_first_push{}; // of the step at m_at
    TimePoint m_last_push{};
};

} // namespace knotwork::gui
