#include "assessment/body_map_ctrl.h"

#include "common/wx_text.h"

#include <wx/dcbuffer.h>
#include <wx/graphics.h>
#include <wx/settings.h>

#include <algorithm>
#include <memory>

namespace knotwork::gui {

wxDEFINE_EVENT(EVT_BODY_MAP_CHANGED, wxCommandEvent);

namespace {

// A clinical chart on paper: white sheet, slate ink, a quiet figure that lets the marks speak.
const wxColour sheet(255, 255, 255);
const wxColour sheet_border(214, 219, 225);
const wxColour figure_fill(248, 249, 251);
const wxColour figure_ink(78, 90, 104);
const wxColour region_ink(183, 193, 204);
const wxColour landmark_ink(160, 170, 182);
const wxColour caption_ink(36, 44, 54);
const wxColour quiet_ink(96, 106, 118);
const wxColour hover_ink(52, 64, 80);
const wxColour focus_ink(21, 101, 192);

wxColour colour(Rgb c) {
    return {c.red, c.green, c.blue};
}

wxColour darker(const wxColour& c, double by) {
    auto ch = [by](unsigned char v) { return static_cast<unsigned char>(v * (1.0 - by)); };
    return {ch(c.Red()), ch(c.Green()), ch(c.Blue())};
}

// Black or white text, whichever reads better on `fill`.
wxColour text_on(const wxColour& fill) {
    const double luminance = 0.2126 * fill.Red() + 0.7152 * fill.Green() + 0.0722 * fill.Blue();
    return luminance > 150 ? wxColour(40, 20, 10) : wxColour(255, 255, 255);
}

wxPoint2DDouble to_pixels(const wxRect2DDouble& box, MapPoint p) {
    return {box.m_x + p.x * box.m_width, box.m_y + p.y * box.m_height};
}

wxGraphicsPath path_of(wxGraphicsContext& gc, const wxRect2DDouble& box,
                       const std::vector<MapPoint>& outline) {
    wxGraphicsPath path = gc.CreatePath();
    bool first = true;
    for (const MapPoint& p : outline) {
        const wxPoint2DDouble q = to_pixels(box, p);
        if (first)
            path.MoveToPoint(q);
        else
            path.AddLineToPoint(q);
        first = false;
    }
    path.CloseSubpath();
    return path;
}

} // namespace

BodyMapCtrl::BodyMapCtrl(wxWindow* parent, wxWindowID id, BodyMapPresenter& presenter, const wxPoint& pos,
                         const wxSize& size)
    : m_presenter(presenter) {
    Create(parent, id, pos, size, wxBORDER_NONE | wxWANTS_CHARS | wxFULL_REPAINT_ON_RESIZE,
           wxDefaultValidator, "body-map");
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetLabel(_("Body map"));
    SetMinSize(FromDIP(wxSize(380, 440)));

    Bind(wxEVT_PAINT, &BodyMapCtrl::on_paint, this);
    Bind(wxEVT_LEFT_DOWN, &BodyMapCtrl::on_left_down, this);
    Bind(wxEVT_LEFT_DCLICK, &BodyMapCtrl::on_left_down, this); // a quick second click cycles again
    Bind(wxEVT_RIGHT_DOWN, &BodyMapCtrl::on_right_down, this);
    Bind(wxEVT_MOTION, &BodyMapCtrl::on_motion, this);
    Bind(wxEVT_LEAVE_WINDOW, &BodyMapCtrl::on_leave, this);
    Bind(wxEVT_KEY_DOWN, &BodyMapCtrl::on_key_down, this);
    Bind(wxEVT_CHAR, &BodyMapCtrl::on_char, this);
    Bind(wxEVT_SET_FOCUS, [this](wxFocusEvent& e) {
        if (!m_presenter.focused()) m_presenter.set_focus(0);
        Refresh();
        e.Skip();
    });
    Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
        Refresh();
        e.Skip();
    });
}

void BodyMapCtrl::refresh_map() {
    update_tooltip(m_hover);
    Refresh();
}

wxSize BodyMapCtrl::DoGetBestClientSize() const {
    return FromDIP(wxSize(540, 600));
}

BodyMapCtrl::Layout BodyMapCtrl::layout() const {
    const wxSize client = GetClientSize();
    const double margin = FromDIP(10);
    const double caption = GetCharHeight() * 2.0;
    const double legend = GetCharHeight() * 4.6;
    const double gap_ratio = 0.18; // gap between the views, as a share of one view's width
    const double avail_w = std::max(1.0, client.x - 2 * margin);
    const double avail_h = std::max(1.0, client.y - 2 * margin - caption - legend);
    const double height = std::min(avail_h, avail_w / (body_view_aspect * (2 + gap_ratio)));
    const double width = height * body_view_aspect;
    const double total = width * (2 + gap_ratio);
    const double left = (client.x - total) / 2;
    const double top = margin + caption;
    Layout l;
    l.back = {left, top, width, height};
    l.front = {left + width * (1 + gap_ratio), top, width, height};
    l.caption_y = margin;
    l.legend = {margin, top + height, client.x - 2 * margin, legend};
    return l;
}

std::optional<std::size_t> BodyMapCtrl::shape_under(const wxPoint& pos) const {
    const Layout l = layout();
    for (const auto& [box, view] : {std::pair{l.back, BodyView::back}, std::pair{l.front, BodyView::front}}) {
        if (!box.Contains(wxPoint2DDouble(pos.x, pos.y))) continue;
        const MapPoint p{(pos.x - box.m_x) / box.m_width, (pos.y - box.m_y) / box.m_height};
        return m_presenter.shape_at(view, p);
    }
    return std::nullopt;
}

// ---- drawing -------------------------------------------------------------------------------

void BodyMapCtrl::on_paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(GetParent()->GetBackgroundColour()));
    dc.Clear();
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc) return;
    gc->SetAntialiasMode(wxANTIALIAS_DEFAULT);
    gc->SetInterpolationQuality(wxINTERPOLATION_BEST);

    const wxSize client = GetClientSize();
    const double half_pixel = 0.5;
    gc->SetPen(gc->CreatePen(wxGraphicsPenInfo(sheet_border).Width(1)));
    gc->SetBrush(wxBrush(sheet));
    gc->DrawRoundedRectangle(half_pixel, half_pixel, client.x - 1, client.y - 1, FromDIP(6));

    const Layout l = layout();
    draw_view(*gc, l.back, BodyView::back);
    draw_view(*gc, l.front, BodyView::front);
    draw_legend(*gc, l.legend);
}

void BodyMapCtrl::draw_view(wxGraphicsContext& gc, const wxRect2DDouble& box, BodyView view) const {
    const double dip = FromDIP(1000) / 1000.0;
    const double scale = std::clamp(box.m_height / (FromDIP(480) * 1.0), 0.75, 1.6);

    // Caption above the figure.
    wxFont caption_font = GetFont().Bold();
    caption_font.SetFractionalPointSize(caption_font.GetFractionalPointSize() * 1.15);
    gc.SetFont(caption_font, caption_ink);
    const wxString caption = view == BodyView::back ? _("Back") : _("Front");
    double tw = 0, th = 0;
    gc.GetTextExtent(caption, &tw, &th);
    gc.DrawText(caption, box.m_x + (box.m_width - tw) / 2, box.m_y - th - FromDIP(6));

    // The figure.
    const wxGraphicsPath body = path_of(gc, box, body_silhouette());
    gc.SetBrush(wxBrush(figure_fill));
    gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(figure_ink).Width(1.5 * dip * scale)));
    gc.DrawPath(body);

    // Landmarks, the regions over them, then the intensity numbers.
    gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(landmark_ink).Width(0.9 * dip * scale).Cap(wxCAP_ROUND)));
    for (const auto& line : body_landmarks(view)) {
        std::vector<wxPoint2DDouble> pts;
        for (const MapPoint& p : line)
            pts.push_back(to_pixels(box, p));
        gc.StrokeLines(pts.size(), pts.data());
    }
    const auto& shapes = body_map_shapes();
    wxFont number_font = GetFont().Bold();
    number_font.SetFractionalPointSize(number_font.GetFractionalPointSize() * 0.8 * std::min(scale, 1.2));
    for (std::size_t i : body_map_drawing_order()) {
        const RegionShape& s = shapes[i];
        if (s.view != view) continue;
        const int value = m_presenter.intensity(s.key);
        const wxColour fill = value > 0 ? colour(BodyMapPresenter::fill_colour(value))
                                        : colour(BodyMapPresenter::unmarked_fill());
        const wxColour ink = value > 0 ? darker(fill, 0.35) : region_ink;
        gc.SetBrush(wxBrush(fill));
        gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(ink).Width((value > 0 ? 1.1 : 0.8) * dip * scale)));
        gc.DrawPath(path_of(gc, box, s.outline));
    }
    for (std::size_t i : body_map_drawing_order()) {
        const RegionShape& s = shapes[i];
        const int value = m_presenter.intensity(s.key);
        if (s.view != view || value == 0) continue;
        const wxString text = wxString::Format("%d", value);
        gc.SetFont(number_font, text_on(colour(BodyMapPresenter::fill_colour(value))));
        gc.GetTextExtent(text, &tw, &th);
        const wxPoint2DDouble c = to_pixels(box, s.centre);
        // Only where the number fits inside the shape.
        const double hx = (tw / 2 + 1) / box.m_width, hy = th * 0.4 / box.m_height;
        bool fits = true;
        for (const MapPoint corner :
             {MapPoint{s.centre.x - hx, s.centre.y - hy}, MapPoint{s.centre.x + hx, s.centre.y - hy},
              MapPoint{s.centre.x - hx, s.centre.y + hy}, MapPoint{s.centre.x + hx, s.centre.y + hy}})
            fits = fits && shape_contains(s, corner);
        if (!fits) continue;
        gc.DrawText(text, c.m_x - tw / 2, c.m_y - th / 2);
    }

    // Hover and keyboard focus outlines.
    auto outline = [&](std::size_t i, const wxColour& ink, double width) {
        if (shapes[i].view != view) return;
        gc.SetBrush(*wxTRANSPARENT_BRUSH);
        gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(ink).Width(width * dip).Join(wxJOIN_ROUND)));
        gc.DrawPath(path_of(gc, box, shapes[i].outline));
    };
    if (m_hover) outline(*m_hover, hover_ink, 1.6);
    if (HasFocus() && m_presenter.focused()) outline(*m_presenter.focused(), focus_ink, 2.6);

    // Which side is which: the client's own left and right.
    const double radius = std::max(FromDIP(9) * 1.0, GetCharHeight() * 0.62);
    wxFont side_font = GetFont().Bold();
    const Side viewer_left = side_on_viewer_left(view);
    for (const bool on_left : {true, false}) {
        const bool is_left = (viewer_left == Side::left) == on_left;
        const wxString letter = is_left ? _("L") : _("R");
        const double cx = box.m_x + (on_left ? 0.06 : 0.94) * box.m_width;
        const double cy = box.m_y + 0.165 * box.m_height;
        gc.SetBrush(wxBrush(sheet));
        gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(quiet_ink).Width(1.2 * dip)));
        gc.DrawEllipse(cx - radius, cy - radius, 2 * radius, 2 * radius);
        gc.SetFont(side_font, caption_ink);
        gc.GetTextExtent(letter, &tw, &th);
        gc.DrawText(letter, cx - tw / 2, cy - th / 2);
    }
}

void BodyMapCtrl::draw_legend(wxGraphicsContext& gc, const wxRect2DDouble& area) const {
    const double dip = FromDIP(1000) / 1000.0;
    double tw = 0, th = 0;

    // The region under the pointer, or the one with keyboard focus, in words.
    std::optional<std::size_t> named = m_hover;
    if (!named && HasFocus()) named = m_presenter.focused();
    const wxString status = named ? wx(m_presenter.tooltip(body_map_shapes()[*named].key))
                                  : _("Click a region to mark pain: 3, 6, 9, then clear.");
    gc.SetFont(GetFont(), named ? caption_ink : quiet_ink);
    gc.GetTextExtent(status, &tw, &th);
    const double status_y = area.m_y + GetCharHeight() * 0.4;
    gc.DrawText(status, area.m_x + (area.m_width - tw) / 2, status_y);

    // The scale: a swatch per intensity with its number.
    const wxString title = _("Pain");
    const wxString none = _("Not marked");
    double sw = std::max(FromDIP(24) * 1.0, GetCharWidth() * 2.8);
    const double sh = GetCharHeight() * 1.35;
    const double gap = FromDIP(3);
    double title_w = 0, none_w = 0;
    gc.SetFont(GetFont().Bold(), caption_ink);
    gc.GetTextExtent(title, &title_w, &th);
    gc.SetFont(GetFont(), quiet_ink);
    gc.GetTextExtent(none, &none_w, &th);
    const double spacing = FromDIP(10);
    const double scale_w = title_w + spacing + 9 * gap;
    const double none_part = 2 * spacing + sw + spacing / 2 + none_w;
    // In a narrow chart the "not marked" key goes first, then the swatches narrow.
    const bool show_none = scale_w + 10 * sw + none_part <= area.m_width;
    if (!show_none) sw = std::clamp((area.m_width - scale_w) / 10, GetCharWidth() * 2.0, sw);
    const double total = scale_w + 10 * sw + (show_none ? none_part : 0);
    double x = area.m_x + (area.m_width - total) / 2;
    const double y = status_y + GetCharHeight() * 1.7;

    gc.SetFont(GetFont().Bold(), caption_ink);
    gc.DrawText(title, x, y + (sh - th) / 2);
    x += title_w + spacing;
    for (int v = 1; v <= 10; ++v) {
        const wxColour fill = colour(BodyMapPresenter::fill_colour(v));
        gc.SetBrush(wxBrush(fill));
        gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(darker(fill, 0.3)).Width(dip)));
        gc.DrawRoundedRectangle(x, y, sw, sh, FromDIP(3));
        const wxString n = wxString::Format("%d", v);
        gc.SetFont(GetFont(), text_on(fill));
        gc.GetTextExtent(n, &tw, &th);
        gc.DrawText(n, x + (sw - tw) / 2, y + (sh - th) / 2);
        x += sw + gap;
    }
    if (!show_none) return;
    x += 2 * spacing - gap;
    gc.SetBrush(wxBrush(colour(BodyMapPresenter::unmarked_fill())));
    gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(region_ink).Width(dip)));
    gc.DrawRoundedRectangle(x, y, sw, sh, FromDIP(3));
    x += sw + spacing / 2;
    gc.SetFont(GetFont(), quiet_ink);
    gc.GetTextExtent(none, &tw, &th);
    gc.DrawText(none, x, y + (sh - th) / 2);
}

// ---- input ---------------------------------------------------------------------------------

void BodyMapCtrl::on_left_down(wxMouseEvent& event) {
    SetFocus();
    if (const auto shape = shape_under(event.GetPosition())) {
        m_presenter.set_focus(shape);
        m_presenter.cycle(body_map_shapes()[*shape].key);
        changed();
    }
    event.Skip();
}

void BodyMapCtrl::on_right_down(wxMouseEvent& event) {
    SetFocus();
    if (const auto shape = shape_under(event.GetPosition())) {
        m_presenter.set_focus(shape);
        const RegionKey key = body_map_shapes()[*shape].key;
        if (m_presenter.intensity(key) > 0) {
            m_presenter.clear(key);
            changed();
        } else {
            Refresh();
        }
    }
}

void BodyMapCtrl::on_motion(wxMouseEvent& event) {
    const auto shape = shape_under(event.GetPosition());
    if (shape != m_hover) {
        m_hover = shape;
        update_tooltip(shape);
        Refresh();
    }
    event.Skip();
}

void BodyMapCtrl::on_leave(wxMouseEvent& event) {
    if (m_hover) {
        m_hover.reset();
        update_tooltip(std::nullopt);
        Refresh();
    }
    event.Skip();
}

void BodyMapCtrl::on_key_down(wxKeyEvent& event) {
    if (event.ControlDown() || event.AltDown()) {
        event.Skip(); // Ctrl+Tab, Ctrl+PgDn and mnemonics belong to the dialog
        return;
    }
    std::optional<MapKey> key;
    switch (event.GetKeyCode()) {
    case WXK_TAB:
        key = event.ShiftDown() ? MapKey::previous : MapKey::next;
        break;
    case WXK_LEFT:
    case WXK_NUMPAD_LEFT:
        key = MapKey::left;
        break;
    case WXK_RIGHT:
    case WXK_NUMPAD_RIGHT:
        key = MapKey::right;
        break;
    case WXK_UP:
    case WXK_NUMPAD_UP:
        key = MapKey::up;
        break;
    case WXK_DOWN:
    case WXK_NUMPAD_DOWN:
        key = MapKey::down;
        break;
    case WXK_HOME:
    case WXK_NUMPAD_HOME:
        key = MapKey::first;
        break;
    case WXK_END:
    case WXK_NUMPAD_END:
        key = MapKey::last;
        break;
    case WXK_SPACE:
        key = MapKey::cycle;
        break;
    case WXK_DELETE:
    case WXK_NUMPAD_DELETE:
    case WXK_BACK:
        key = MapKey::clear;
        break;
    default:
        break;
    }
    if (!key) {
        event.Skip(); // digits and + / - arrive as characters
        return;
    }
    const KeyOutcome outcome = m_presenter.handle_key(*key);
    if (!outcome.handled && event.GetKeyCode() == WXK_TAB) {
        Navigate(event.ShiftDown() ? wxNavigationKeyEvent::IsBackward : wxNavigationKeyEvent::IsForward);
        return;
    }
    if (!outcome.handled) {
        event.Skip();
        return;
    }
    apply(outcome);
}

void BodyMapCtrl::on_char(wxKeyEvent& event) {
    const wxChar c = event.GetUnicodeKey();
    KeyOutcome outcome;
    if (c >= '0' && c <= '9')
        outcome = m_presenter.handle_key(MapKey::digit, static_cast<int>(c - '0'));
    else if (c == '+' || c == '=')
        outcome = m_presenter.handle_key(MapKey::increase);
    else if (c == '-')
        outcome = m_presenter.handle_key(MapKey::decrease);
    if (!outcome.handled) {
        event.Skip();
        return;
    }
    apply(outcome);
}

void BodyMapCtrl::apply(KeyOutcome outcome) {
    if (outcome.map_changed)
        changed();
    else
        Refresh();
}

void BodyMapCtrl::changed() {
    update_tooltip(m_hover);
    Refresh();
    wxCommandEvent event(EVT_BODY_MAP_CHANGED, GetId());
    event.SetEventObject(this);
    ProcessWindowEvent(event);
}

void BodyMapCtrl::update_tooltip(std::optional<std::size_t> shape) {
    if (!shape) {
        if (m_tooltip_shape) UnsetToolTip();
        m_tooltip_shape.reset();
        return;
    }
    m_tooltip_shape = shape;
    SetToolTip(wx(m_presenter.tooltip(body_map_shapes()[*shape].key)));
}

} // namespace knotwork::gui
