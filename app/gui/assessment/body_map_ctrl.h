#pragma once
// The body chart: a back view and a front view side by side, drawn antialiased from the geometry
// in body_map_presenter.h, with marked regions filled by pain intensity and a legend beneath.
// Clicking a region cycles its intensity (3, 6, 9, cleared); a right click clears it. From the
// keyboard, Tab and Shift+Tab walk the regions (and leave the chart past either end), the arrow
// keys move to the nearest region in that direction, Home and End jump, 0–9 set the intensity,
// + and - step it, Space cycles it and Delete clears it. Each change sends EVT_BODY_MAP_CHANGED.
//
// The chart edits a BodyMapPresenter it does not own; the presenter must outlive the control.
#include "assessment/body_map_presenter.h"

#include <wx/control.h>
#include <wx/event.h>
#include <wx/geometry.h>

#include <optional>

class wxGraphicsContext;

namespace knotwork::gui {

// A wxCommandEvent; GetEventObject() is the BodyMapCtrl.
wxDECLARE_EVENT(EVT_BODY_MAP_CHANGED, wxCommandEvent);

class BodyMapCtrl : public wxControl {
public:
    BodyMapCtrl(wxWindow* parent, wxWindowID id, BodyMapPresenter& presenter,
                const wxPoint& pos = wxDefaultPosition, const wxSize& size = wxDefaultSize);

    BodyMapPresenter& presenter() noexcept { return m_presenter; }
    // Redraws after the map was changed from outside the chart (a list beside it, a load).
    void refresh_map();

protected:
    wxSize DoGetBestClientSize() const override;

private:
    struct Layout {
        wxRect2DDouble back, front; // each view's box, body_view_aspect wide per unit high
        wxRect2DDouble legend;
        double caption_y = 0;
    };
    Layout layout() const;
    std::optional<std::size_t> shape_under(const wxPoint& pos) const;

    void on_paint(wxPaintEvent& event);
    void on_left_down(wxMouseEvent& event);
    void on_right_down(wxMouseEvent& event);
    void on_motion(wxMouseEvent& event);
    void on_leave(wxMouseEvent& event);
    void on_key_down(wxKeyEvent& event);
    void on_char(wxKeyEvent& event);
    void apply(KeyOutcome outcome);
    void changed();
    void update_tooltip(std::optional<std::size_t> shape);

    void draw_view(wxGraphicsContext& gc, const wxRect2DDouble& box, BodyView view) const;
    void draw_legend(wxGraphicsContext& gc, const wxRect2DDouble& area) const;

    BodyMapPresenter& m_presenter;
    std::optional<std::size_t> m_hover;
    std::optional<std::size_t> m_tooltip_shape;
};

} // namespace knotwork::gui
