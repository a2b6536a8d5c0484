#include "window_driver.h"

#include <boost/test/unit_test.hpp>

#include <wx/app.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/evtloop.h>
#include <wx/grid.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/spinctrl.h>
#include <wx/stockitem.h>
#include <wx/textentry.h>
#include <wx/utils.h>

#include <algorithm>
#include <cstdlib>
#include <system_error>
#include <thread>
#include <utility>

namespace knotwork::gui::test {

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "knotwork-gui-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create a temporary folder");
    m_path = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

std::string utf8_of(const wxString& s) {
    const wxScopedCharBuffer buf = s.utf8_str();
    return std::string(buf.data(), buf.length());
}

namespace {

void collect(wxWindow& window, const wxString& name, std::vector<wxWindow*>& out) {
    if (window.GetName() == name) out.push_back(&window);
    for (wxWindow* child : window.GetChildren())
        if (!child->IsTopLevel()) collect(*child, name, out); // a dialog it owns is not inside it
}

std::string describe(const wxWindow& w) {
    return "\"" + utf8_of(w.GetName()) + "\"";
}

// A person cannot use a control they cannot see or that is greyed out.
void require_usable(const wxWindow& w) {
    if (!w.IsShown()) throw DriverError("the control " + describe(w) + " is hidden");
    if (!w.IsEnabled()) throw DriverError("the control " + describe(w) + " is disabled");
}

void send(wxWindow& w, wxEvent& event) {
    event.SetEventObject(&w);
    event.SetId(w.GetId());
    w.GetEventHandler()->ProcessEvent(event);
}

wxMenuItem& menu_item(wxFrame& frame, const wxString& menu, const wxString& item, wxMenu** owner) {
    wxMenuBar* bar = frame.GetMenuBar();
    if (!bar) throw DriverError("the window has no menu bar");
    const int id = bar->FindMenuItem(menu, item);
    wxMenuItem* found = id == wxNOT_FOUND ? nullptr : bar->FindItem(id, owner);
    if (!found) throw DriverError("there is no menu item " + utf8_of(menu) + " > " + utf8_of(item));
    return *found;
}

// A button label as a person reads it: without the mnemonic marks, whether wx's "&" or GTK's "_",
// and in words where GTK names a stock button ("gtk-cancel").
wxString readable(const wxString& label, wxWindowID id) {
    if (label.StartsWith("gtk-")) return wxGetStockLabel(id, wxSTOCK_NOFLAGS);
    wxString out;
    for (std::size_t i = 0; i < label.length(); ++i) {
        const wxUniChar c = label[i];
        if ((c == '&' || c == '_') && i + 1 < label.length()) ++i; // "&&" and "__" keep one
        out += label[i];
    }
    return out;
}

} // namespace

wxWindow& find_window(wxWindow& root, const wxString& name) {
    std::vector<wxWindow*> found;
    collect(root, name, found);
    if (found.empty()) throw DriverError("no window named \"" + utf8_of(name) + "\" in " + describe(root));
    if (found.size() > 1)
        throw DriverError("several windows named \"" + utf8_of(name) + "\" in " + describe(root));
    return *found.front();
}

wxButton& find_button(wxWindow& root, wxWindowID id) {
    auto* button = dynamic_cast<wxButton*>(root.FindWindow(id));
    if (!button) throw DriverError("no button with id " + std::to_string(id) + " in " + describe(root));
    return *button;
}

void type_text(wxWindow& control, const wxString& value) {
    auto* entry = dynamic_cast<wxTextEntry*>(&control);
    if (!entry) throw DriverError("the control " + describe(control) + " takes no text");
    require_usable(control);
    if (!entry->IsEditable()) throw DriverError("the control " + describe(control) + " is read-only");
    entry->ChangeValue(value);
    wxCommandEvent event(wxEVT_TEXT);
    event.SetString(value);
    send(control, event);
}

void set_spin(wxSpinCtrl& spin, int value) {
    require_usable(spin);
    spin.SetValue(value);
    wxSpinEvent event(wxEVT_SPINCTRL);
    event.SetPosition(value);
    send(spin, event);
}

void choose(wxChoice& choice, int index) {
    require_usable(choice);
    if (index < 0 || static_cast<unsigned>(index) >= choice.GetCount())
        throw DriverError("the choice " + describe(choice) + " has no item " + std::to_string(index));
    choice.SetSelection(index);
    wxCommandEvent event(wxEVT_CHOICE);
    event.SetInt(index);
    event.SetString(choice.GetString(static_cast<unsigned>(index)));
    send(choice, event);
}

void tick(wxCheckBox& box, bool value) {
    require_usable(box);
    box.SetValue(value);
    wxCommandEvent event(wxEVT_CHECKBOX);
    event.SetInt(value ? 1 : 0);
    send(box, event);
}

void tick(wxCheckListBox& list, const wxString& item, bool value) {
    require_usable(list);
    const int index = list.FindString(item, true);
    if (index == wxNOT_FOUND)
        throw DriverError("the list " + describe(list) + " has no item \"" + utf8_of(item) + "\"");
    list.Check(static_cast<unsigned>(index), value);
    wxCommandEvent event(wxEVT_CHECKLISTBOX);
    event.SetInt(index);
    send(list, event);
}

void pick_date(wxDatePickerCtrl& picker, const wxDateTime& date) {
    require_usable(picker);
    picker.SetValue(date);
    wxDateEvent event(&picker, date, wxEVT_DATE_CHANGED);
    send(picker, event);
}

void click(wxButton& button) {
    require_usable(button);
    wxCommandEvent event(wxEVT_BUTTON);
    send(button, event);
}

void edit_cell(wxGrid& grid, int row, int col, const wxString& value) {
    require_usable(grid);
    if (!grid.IsEditable() || grid.IsReadOnly(row, col))
        throw DriverError("the cell " + std::to_string(row) + "," + std::to_string(col) + " of " +
                          describe(grid) + " cannot be edited");
    grid.SetFocus();
    grid.SetGridCursor(row, col);
    grid.MakeCellVisible(row, col);
    grid.EnableCellEditControl();
    if (!grid.IsCellEditControlEnabled())
        throw DriverError("the grid " + describe(grid) + " refused to edit");
    wxGridCellEditor* editor = grid.GetCellEditor(row, col);
    wxControl* control = editor->GetControl();
    editor->DecRef();
    if (auto* spin = dynamic_cast<wxSpinCtrl*>(control)) {
        long number = 0;
        if (!value.ToLong(&number)) throw DriverError("a number editor takes no \"" + utf8_of(value) + "\"");
        spin->SetValue(static_cast<int>(number));
    } else if (auto* entry = dynamic_cast<wxTextEntry*>(control)) { // text and combo box editors
        entry->ChangeValue(value);
    } else {
        throw DriverError("the cell editor of " + describe(grid) + " is not one the driver knows");
    }
    grid.SaveEditControlValue(); // Enter: the grid takes the value and reports the change
    grid.DisableCellEditControl();
}

bool menu_enabled(wxFrame& frame, const wxString& menu, const wxString& item) {
    wxMenu* owner = nullptr;
    return menu_item(frame, menu, item, &owner).IsEnabled();
}

void choose_menu(wxFrame& frame, const wxString& menu, const wxString& item) {
    wxMenu* owner = nullptr;
    wxMenuItem& it = menu_item(frame, menu, item, &owner);
    if (!it.IsEnabled())
        throw DriverError("the menu item " + utf8_of(menu) + " > " + utf8_of(item) + " is disabled");
    owner->SendEvent(it.GetId()); // what the menu sends when it is chosen
}

void hover(wxWindow& window, wxPoint at) {
    wxMouseEvent move(wxEVT_MOTION);
    move.SetPosition(at);
    send(window, move);
}

void left_click(wxWindow& window, wxPoint at) {
    require_usable(window);
    hover(window, at);
    wxMouseEvent down(wxEVT_LEFT_DOWN);
    down.SetPosition(at);
    down.SetLeftDown(true);
    send(window, down);
    wxMouseEvent up(wxEVT_LEFT_UP);
    up.SetPosition(at);
    send(window, up);
}

void press(wxWindow& focused, int key, int modifiers) {
    require_usable(focused);
    wxKeyEvent event(wxEVT_CHAR_HOOK);
    event.m_keyCode = key;
    event.SetControlDown((modifiers & wxMOD_CONTROL) != 0);
    event.SetShiftDown((modifiers & wxMOD_SHIFT) != 0);
    event.SetAltDown((modifiers & wxMOD_ALT) != 0);
    send(focused, event);
}

void pump() {
    const wxEventLoopBase* loop = wxEventLoopBase::GetActive();
    if (loop && loop->IsYielding()) return; // already inside a yield further up
    wxYield();
}

bool wait_until(const std::function<bool()>& done, std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        pump();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

// ---- Modals ---------------------------------------------------------------------------------

Modals::Modals() {
    Register();
}

Modals::~Modals() {
    m_poll.Stop();
    m_watchdog.Stop();
    Unregister();
}

void Modals::expect_message(const wxString& containing, int answer) {
    m_expected.push_back({containing, answer});
}

std::vector<Modals::Message> Modals::take_messages() {
    return std::exchange(m_messages, {});
}

int Modals::Enter(wxDialog* dialog) {
    auto* box = dynamic_cast<wxMessageDialogBase*>(dialog);
    if (!box) {
        m_open.push_back(dialog);
        return wxID_NONE; // a window of the program: shown, and driven by a script
    }
    wxString text = box->GetMessage();
    if (!box->GetExtendedMessage().empty()) text += "\n\n" + box->GetExtendedMessage();
    auto label = [box](int answer) {
        switch (answer) {
        case wxID_OK:
            return readable(box->GetOKLabel(), wxID_OK);
        case wxID_YES:
            return readable(box->GetYesLabel(), wxID_YES);
        case wxID_NO:
            return readable(box->GetNoLabel(), wxID_NO);
        case wxID_CANCEL:
            return readable(box->GetCancelLabel(), wxID_CANCEL);
        default:
            return wxString::Format("#%d", answer);
        }
    };
    const auto expected = std::find_if(m_expected.begin(), m_expected.end(),
                                       [&](const Expected& e) { return text.Contains(e.containing); });
    if (expected != m_expected.end()) {
        const int answer = expected->answer;
        m_expected.erase(expected);
        m_messages.push_back({box->GetCaption(), text, label(answer)});
        return answer;
    }
    // Nobody expected it: the safe answer, and a failure that quotes it.
    const long style = box->GetMessageDialogStyle();
    const int answer = (style & wxCANCEL) ? wxID_CANCEL : (style & wxYES_NO) ? wxID_NO : wxID_OK;
    m_messages.push_back({box->GetCaption(), text, label(answer)});
    m_problems.push_back("unexpected message box \"" + utf8_of(box->GetCaption()) + "\", answered \"" +
                         utf8_of(label(answer)) + "\": " + utf8_of(text));
    return answer;
}

void Modals::Exit(wxDialog* dialog) {
    m_open.erase(std::remove(m_open.begin(), m_open.end(), dialog), m_open.end());
}

void Modals::drive(const wxString& name, const std::function<void()>& open,
                   const std::function<void(wxDialog&)>& script) {
    Step step;
    step.name = name;
    step.script = &script;
    step.deadline = std::chrono::steady_clock::now() + patience;
    m_step = &step;
    m_poll.Start(20);
    m_watchdog.Start(250);
    auto finish = [this] {
        m_poll.Stop();
        m_watchdog.Stop();
        m_step = nullptr;
    };
    try {
        open();
    } catch (...) {
        finish();
        report_problems();
        throw;
    }
    finish();
    const std::string what = "the dialog \"" + utf8_of(name) + "\"";
    if (!step.ran) BOOST_ERROR(what + " never appeared");
    if (step.left_open && !step.error)
        BOOST_ERROR(what + " was still open when its script ended; it was cancelled");
    if (step.timed_out)
        BOOST_ERROR("modal dialogs were still open " + std::to_string(patience.count()) +
                    " s after opening " + what + "; the watchdog cancelled them");
    report_problems();
    if (step.error) std::rethrow_exception(step.error);
}

void Modals::poll() {
    if (!m_step || m_step->ran || m_open.empty()) return;
    wxDialog* dialog = m_open.back();
    if (dialog->GetName() != m_step->name || !dialog->IsShown()) return;
    m_step->ran = true;
    m_poll.Stop();
    try {
        (*m_step->script)(*dialog);
    } catch (...) {
        m_step->error = std::current_exception();
    }
    // Still here: the script did not close it (or stopped early). Nothing else will.
    if (m_step && dialog->IsModal()) {
        m_step->left_open = true;
        dialog->EndModal(wxID_CANCEL);
    }
}

void Modals::watchdog() {
    if (!m_step || std::chrono::steady_clock::now() < m_step->deadline || m_open.empty()) return;
    // Only the innermost modal loop can end now; the next tick ends the one below it.
    m_step->timed_out = true;
    wxDialog* innermost = m_open.back();
    if (innermost->IsModal()) innermost->EndModal(wxID_CANCEL);
}

void Modals::report_problems() {
    for (const auto& problem : std::exchange(m_problems, {}))
        BOOST_ERROR(problem);
    for (const auto& e : std::exchange(m_expected, {}))
        BOOST_ERROR("the message box saying \"" + utf8_of(e.containing) + "\" never came");
}

} // namespace knotwork::gui::test
