// The undo history every form uses: steps, undo and redo, redo cleared by a new edit, typing
// coalesced by key within a pause and a span, the depth cap, and what reset, seal and
// set_current promise.
#include "common/edit_history.h"

#include "fake_edit_clock.h"

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

using knotwork::gui::EditHistory;
using knotwork::gui::EditHistoryLimits;
using knotwork::gui::EditStep;
using knotwork::gui::test::FakeEditClock;
using knotwork::gui::test::keystroke;
using knotwork::gui::test::long_pause;
using namespace std::chrono_literals;

namespace {

EditStep typing(const std::string& field) {
    return {field, "Typing in " + field, true};
}
EditStep change(const std::string& what) {
    return {what, what, false};
}

// The states undo() goes back through, until there is nothing left to undo.
std::vector<std::string> undo_all(EditHistory<std::string>& h) {
    std::vector<std::string> seen;
    while (const std::string* s = h.undo())
        seen.push_back(*s);
    return seen;
}

struct Fixture {
    FakeEditClock time;
    EditHistory<std::string> history{"", EditHistoryLimits{}, time.clock()};
};

} // namespace

BOOST_AUTO_TEST_SUITE(edit_history)

BOOST_FIXTURE_TEST_CASE(starts_with_nothing_to_undo_or_redo, Fixture) {
    BOOST_TEST(!history.can_undo());
    BOOST_TEST(!history.can_redo());
    BOOST_TEST(history.undo() == nullptr);
    BOOST_TEST(history.redo() == nullptr);
    BOOST_TEST(history.undo_step() == nullptr);
    BOOST_TEST(history.current() == "");
}

BOOST_FIXTURE_TEST_CASE(undo_and_redo_walk_the_steps_both_ways, Fixture) {
    for (const char* state : {"a", "ab", "abc"}) {
        BOOST_TEST(history.push(state, change(state)));
        time.advance(keystroke);
    }
    BOOST_TEST(history.undo_count() == 3u);
    BOOST_TEST(history.undo_step()->label == "abc");

    BOOST_TEST(*history.undo() == "ab");
    BOOST_TEST(history.redo_step()->label == "abc", "redo brings back the step just undone");
    BOOST_TEST(*history.undo() == "a");
    BOOST_TEST(history.redo_count() == 2u);
    BOOST_TEST(*history.redo() == "ab");
    BOOST_TEST(history.undo_step()->label == "ab", "undo takes back the step just redone");
    BOOST_TEST(*history.redo() == "abc");
    BOOST_TEST(!history.can_redo());
    BOOST_TEST(history.redo() == nullptr);
    BOOST_TEST(history.current() == "abc");

    BOOST_TEST((undo_all(history) == std::vector<std::string>{"ab", "a", ""}));
    BOOST_TEST(!history.can_undo());
}

BOOST_FIXTURE_TEST_CASE(a_new_edit_clears_what_could_be_redone, Fixture) {
    history.push("one", change("one"));
    history.push("two", change("two"));
    history.undo();
    BOOST_TEST(history.can_redo());
    history.push("three", change("three"));
    BOOST_TEST(!history.can_redo());
    BOOST_TEST(history.redo() == nullptr);
    BOOST_TEST((undo_all(history) == std::vector<std::string>{"one", ""}));
}

BOOST_FIXTURE_TEST_CASE(a_push_that_changes_nothing_records_nothing, Fixture) {
    history.push("x", change("x"));
    BOOST_TEST(!history.push("x", change("x again")));
    BOOST_TEST(history.undo_count() == 1u);
    BOOST_TEST(history.undo_step()->label == "x");
}

BOOST_FIXTURE_TEST_CASE(rapid_typing_in_one_field_is_one_step, Fixture) {
    for (const char* s : {"R", "Re", "Rep", "Repo", "Report"}) {
        history.push(s, typing("subjective"));
        time.advance(keystroke);
    }
    BOOST_TEST(history.undo_count() == 1u);
    BOOST_TEST(history.undo_step()->label == "Typing in subjective");
    BOOST_TEST(*history.undo() == "");
    BOOST_TEST(*history.redo() == "Report");
}

BOOST_AUTO_TEST_CASE(what_breaks_a_run_of_typing_into_two_steps) {
    struct Case {
        const char* what;
        void (*between)(Fixture&); // between "ab" and "abc"
        EditStep second;
        std::size_t steps;
    };
    const Case cases[] = {
        {"nothing: one step", [](Fixture& f) { f.time.advance(keystroke); }, typing("s"), 1},
        {"a pause", [](Fixture& f) { f.time.advance(long_pause); }, typing("s"), 2},
        {"another field", [](Fixture& f) { f.time.advance(keystroke); }, typing("o"), 2},
        {"a step that may not coalesce", [](Fixture& f) { f.time.advance(keystroke); }, change("s"), 2},
        {"seal()", [](Fixture& f) { f.history.seal(); }, typing("s"), 2},
        {"an undo and a redo",
         [](Fixture& f) {
             f.history.undo();
             f.history.redo();
         },
         typing("s"), 2},
    };
    for (const Case& c : cases) {
        BOOST_TEST_CONTEXT(c.what) {
            Fixture f;
            f.history.push("a", typing("s"));
            f.time.advance(keystroke);
            f.history.push("ab", typing("s"));
            c.between(f);
            f.history.push("abc", c.second);
            BOOST_TEST(f.history.undo_count() == c.steps);
            BOOST_TEST(*f.history.undo() == (c.steps == 1 ? "" : "ab"));
        }
    }
}

BOOST_AUTO_TEST_CASE(typing_without_a_pause_still_breaks_after_the_span) {
    FakeEditClock time;
    EditHistory<std::string> history("", EditHistoryLimits{.max_steps = 50, .pause = 1000ms, .span = 3000ms},
                                     time.clock());
    std::string text;
    for (int i = 0; i < 10; ++i) { // 10 keystrokes 500 ms apart: 4.5 s of typing
        text += 'x';
        history.push(text, typing("s"));
        time.advance(500ms);
    }
    // The first step spans 0–3000 ms (7 keystrokes); the rest start a second one.
    BOOST_TEST(history.undo_count() == 2u);
    BOOST_TEST(*history.undo() == "xxxxxxx");
    BOOST_TEST(*history.undo() == "");
}

BOOST_FIXTURE_TEST_CASE(typing_then_deleting_it_again_leaves_no_step, Fixture) {
    history.push("done", change("done"));
    time.advance(long_pause);
    for (const char* s : {"done!", "done!!", "done!", "done"}) {
        history.push(s, typing("s"));
        time.advance(keystroke);
    }
    BOOST_TEST(history.undo_count() == 1u, "Undo now takes back the change before the typing");
    BOOST_TEST(history.undo_step()->label == "done");
    BOOST_TEST(*history.undo() == "");
}

BOOST_AUTO_TEST_CASE(the_oldest_steps_go_past_the_cap) {
    EditHistory<int> history(0, EditHistoryLimits{.max_steps = 3});
    for (int i = 1; i <= 5; ++i)
        history.push(i, {"", std::to_string(i), false});
    BOOST_TEST(history.undo_count() == 3u);
    BOOST_TEST(*history.undo() == 4);
    BOOST_TEST(*history.undo() == 3);
    BOOST_TEST(*history.undo() == 2);
    BOOST_TEST(!history.can_undo(), "states 0 and 1 are gone");
    BOOST_TEST(*history.redo() == 3);
}

BOOST_FIXTURE_TEST_CASE(reset_forgets_and_set_current_keeps_the_steps, Fixture) {
    history.push("draft", change("draft"));
    history.set_current("draft, tidied");
    BOOST_TEST(history.current() == "draft, tidied");
    BOOST_TEST(history.undo_count() == 1u);
    BOOST_TEST(*history.undo() == "");
    BOOST_TEST(*history.redo() == "draft, tidied");

    history.reset("signed");
    BOOST_TEST(!history.can_undo());
    BOOST_TEST(!history.can_redo());
    BOOST_TEST(history.current() == "signed");
}

BOOST_FIXTURE_TEST_CASE(typing_after_set_current_starts_a_step_of_its_own, Fixture) {
    history.push("abc", typing("s"));
    time.advance(keystroke);
    history.set_current("abc"); // saved
    history.push("abcd", typing("s"));
    BOOST_TEST(history.undo_count() == 2u);
    BOOST_TEST(*history.undo() == "abc");
}

BOOST_AUTO_TEST_SUITE_END()
