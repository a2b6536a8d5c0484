#pragma once
// The schedule's time grid: one column per day, rows of 15 minutes from the presenter's first to
// last hour with hour labels in a gutter, today's column tinted, closed days and holidays
// hatched, time outside opening hours shaded, a line at the current time, and the appointments
// as rounded blocks coloured by status, side by side where they overlap. It scrolls vertically;
// ScheduleDayHeader above it draws the day names in the same columns and stays put.
//
// Mouse: a click selects, a double click opens the note (or, on an empty slot, asks for a new
// appointment there), a right click asks for the context menu. Keys: the arrows walk the
// appointments, Enter opens the note, Delete asks to cancel, the Menu key opens the context menu.
// The grid only draws and reports; the frame decides what each request does.
//
// The grid reads a SchedulePresenter it does not own; the presenter must outlive it.
#include "schedule/schedule_presenter.h"

#include <wx/scrolwin.h>

#include <functional>
#include <optional>

class wxSizer;

namespace knotwork::gui {

class ScheduleGrid : public wxScrolledWindow {
public:
    ScheduleGrid(wxWindow* parent, SchedulePresenter& presenter);

    // The frame's answers to what the person does. Any may be left empty.
    std::function<void()> on_selection_changed;
    std::function<void(SessionId)> on_open;
    std::function<void(std::optional<SessionId>, Date, int minute, wxPoint)> on_context_menu;
    std::function<void(Date, int minute)> on_new_appointment;
    std::function<void()> on_cancel_selected;

    // Call after the presenter's range or appointments changed.
    void refresh_schedule();
    // Scrolls so that `minute` (after midnight) is near the top.
    void scroll_to_minute(int minute);
    void ensure_selection_visible();
    // The current time, for the "now" line; the frame updates it every minute.
    void set_now(DateTime now);

    // Column geometry in client coordinates, shared with the day header.
    int gutter_width() const;
    wxRect column_rect(int column) const; // x and width only; y and height span the client area

protected:
    wxSize DoGetBestClientSize() const override;

private:
    struct Hit {
        std::optional<SessionId> block;
        int column = -1;
        int minute = 0; // snapped down to the slot
    };
    Hit hit_test(wxPoint client_pos) const;
    int y_of(int minute) const;       // logical (unscrolled) y
    int minute_at(int logical_y) const;
    int slot_height() const;
    wxRect block_rect(const AppointmentBlock& b) const; // logical coordinates

    void on_paint(wxPaintEvent& event);
    void on_size(wxSizeEvent& event);
    void on_left_down(wxMouseEvent& event);
    void on_left_dclick(wxMouseEvent& event);
    void on_right_down(wxMouseEvent& event);
    void on_motion(wxMouseEvent& event);
    void on_key_down(wxKeyEvent& event);

    void draw_background(wxDC& dc, const wxRect& visible) const;
    void draw_block(wxDC& dc, const AppointmentBlock& b) const;
    void draw_now_line(wxDC& dc) const;
    void changed_selection();
    void measure();

    SchedulePresenter& m_presenter;
    DateTime m_now;
    std::optional<SessionId> m_hover;
    int m_gutter = 0;
};

// The row of day names above the grid: "Mon 30 Nov", today marked, a closed day's reason or the
// number of appointments beneath. Clicking a day in the week view asks for that day.
class ScheduleDayHeader : public wxWindow {
public:
    ScheduleDayHeader(wxWindow* parent, SchedulePresenter& presenter, const ScheduleGrid& grid);
    std::function<void(Date)> on_day_clicked;
    void refresh_schedule();

protected:
    wxSize DoGetBestClientSize() const override;

private:
    void on_paint(wxPaintEvent& event);
    void on_left_up(wxMouseEvent& event);
    std::optional<int> column_at(wxPoint pos) const;

    SchedulePresenter& m_presenter;
    const ScheduleGrid& m_grid;
};

// `text` for display, with the client's `name` in it wrapped in Unicode isolates, so that a name
// written right to left ("נועה מזרחי") does not reorder the times and numbers around it.
wxString isolate_name(const std::string& text, const std::string& name);

// The colours of the appointment states, with their names, for the legend and the grid.
struct BlockColours {
    wxColour fill;
    wxColour accent;
    wxColour text;
};
BlockColours colours_of(BlockStyle style);

// A row of swatches that says what each colour means, for the bottom of the window.
wxSizer* make_legend(wxWindow* parent);

} // namespace knotwork::gui
