#pragma once
// Drives real windows the way a person does, for the GUI tests: finds controls by name, changes
// them and sends the event the control itself sends (so the window's handlers run exactly as for
// a user), clicks buttons and menu items only when they are shown and enabled, and runs modal
// dialogs with a script while they are up.
//
// Modal dialogs block the caller, so Modals::drive() starts a timer before opening one; the timer
// finds the dialog (through wxModalDialogHook, which wxWidgets calls for every modal dialog,
// native message boxes included) and runs the script on it. Message boxes are answered from a
// list of expected ones without being shown; an unexpected one is answered "Cancel" (or "No",
// or "OK") and fails the test with its text. A watchdog ends every open modal dialog after
// `patience` and fails the test instead of hanging CI.
#include <wx/dialog.h>
#include <wx/frame.h>
#include <wx/modalhook.h>
#include <wx/string.h>
#include <wx/timer.h>

#include <chrono>
#include <deque>
#include <exception>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

class wxButton;
class wxCheckBox;
class wxCheckListBox;
class wxChoice;
class wxDatePickerCtrl;
class wxDateTime;
class wxGrid;
class wxSpinCtrl;

namespace knotwork::gui::test {

// The longest a test waits for a window to appear or a modal dialog to finish.
inline constexpr std::chrono::seconds patience{20};

// A folder of its own under the system's temporary directory; removed with its contents.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const noexcept { return m_path; }

  private:
    std::filesystem::path m_path;
};

// A control a test looked for and did not find, or one a user could not use.
class DriverError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

std::string utf8_of(const wxString& s);

// The window named `name` inside `root` (root included), of type T. Throws DriverError when there
// is none, when there are several, or when it is of another type.
wxWindow& find_window(wxWindow& root, const wxString& name);
template <typename T> T& find(wxWindow& root, const wxString& name) {
    wxWindow& w = find_window(root, name);
    auto* t = dynamic_cast<T*>(&w);
    if (!t) throw DriverError("the window \"" + utf8_of(name) + "\" is not of the expected type");
    return *t;
}
// The button with a standard id (wxID_OK, wxID_CLOSE...) inside `root`.
wxButton& find_button(wxWindow& root, wxWindowID id);

// ---- What a person does ------------------------------------------------------------------
// Each refuses (DriverError) a control that is hidden or disabled, as a person could not use it.

// Replaces the text of a text control or search box; wxEVT_TEXT.
void type_text(wxWindow& text, const wxString& value);
void set_spin(wxSpinCtrl& spin, int value);                        // wxEVT_SPINCTRL
void choose(wxChoice& choice, int index);                          // wxEVT_CHOICE
void tick(wxCheckBox& box, bool value);                            // wxEVT_CHECKBOX
void tick(wxCheckListBox& list, const wxString& item, bool value); // wxEVT_CHECKLISTBOX
void pick_date(wxDatePickerCtrl& picker, const wxDateTime& date);  // wxEVT_DATE_CHANGED
void click(wxButton& button);                                      // wxEVT_BUTTON from the button
// Edits a grid cell through its editor, as typing into it and pressing Enter does; the grid sends
// wxEVT_GRID_CELL_CHANGED itself.
void edit_cell(wxGrid& grid, int row, int col, const wxString& value);
// Chooses menu > item ("Client", "New Client...") in the frame's menu bar.
void choose_menu(wxFrame& frame, const wxString& menu, const wxString& item);
bool menu_enabled(wxFrame& frame, const wxString& menu, const wxString& item);
// The pointer moves to `at` (client coordinates) and stays there.
void hover(wxWindow& window, wxPoint at);
// A left click at `at` (client coordinates): button down, then up.
void left_click(wxWindow& window, wxPoint at);
// A shortcut pressed while `focused` has the keyboard: the wxEVT_CHAR_HOOK the toolkit sends
// first, which rises from the control to its dialog. `key` is an upper-case letter or a WXK_
// code, `modifiers` wxMOD_ flags.
void press(wxWindow& focused, int key, int modifiers);

// Lets the toolkit run (paint, lay out, deliver queued events) until `done` or `limit` passes.
bool wait_until(const std::function<bool()>& done, std::chrono::milliseconds limit = patience);
// Processes what is pending now; safe to call from inside an event handler.
void pump();

// ---- Modal dialogs -------------------------------------------------------------------------

class Modals : private wxModalDialogHook {
  public:
    Modals();
    ~Modals() override;
    Modals(const Modals&) = delete;
    Modals& operator=(const Modals&) = delete;

    // The next message box whose text contains `containing` is answered with `answer` (wxID_OK,
    // wxID_YES, wxID_NO...) without being shown.
    void expect_message(const wxString& containing, int answer);

    // Calls `open`, which must show the modal dialog named `name` (and returns once it closed).
    // While the dialog is up, `script` runs on it and must close it, as Save or Close would.
    // Reports through Boost.Test a dialog that never appeared, one the script left open, message
    // boxes nobody expected and expected ones that never came; rethrows what the script threw.
    void drive(const wxString& name, const std::function<void()>& open,
               const std::function<void(wxDialog&)>& script);

    // A message box answered since the last call: its caption, its text, and the label of the
    // button the answer stands for as a person reads it ("Sign and Lock").
    struct Message {
        wxString caption;
        wxString text;
        wxString answer_label;
    };
    std::vector<Message> take_messages();

  private:
    struct Expected {
        wxString containing;
        int answer;
    };
    struct Step {
        wxString name;
        const std::function<void(wxDialog&)>* script = nullptr;
        std::chrono::steady_clock::time_point deadline;
        bool ran = false;
        bool left_open = false;
        bool timed_out = false;
        std::exception_ptr error;
    };
    class Poll : public wxTimer {
      public:
        Poll(Modals& owner, void (Modals::*what)()) : m_owner(owner), m_what(what) {}
        void Notify() override { (m_owner.*m_what)(); }

      private:
        Modals& m_owner;
        void (Modals::*m_what)();
    };

    int Enter(wxDialog* dialog) override;
    void Exit(wxDialog* dialog) override;
    void poll();     // runs the script once its dialog is up
    void watchdog(); // ends every modal dialog once the step is past its deadline
    void report_problems();

    std::deque<Expected> m_expected;
    std::vector<Message> m_messages;
    std::vector<std::string> m_problems;
    std::vector<wxDialog*> m_open; // modal dialogs now up, innermost last
    Step* m_step = nullptr;
    Poll m_poll{*this, &Modals::poll};
    Poll m_watchdog{*this, &Modals::watchdog};
};

} // namespace knotwork::gui::test
