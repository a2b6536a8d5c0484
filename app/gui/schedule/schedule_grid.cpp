#include "schedule/schedule_grid.h"

#include "common/wx_text.h"

#include <wx/control.h>
#include <wx/dcbuffer.h>
#include <wx/dcmemory.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

#include <algorithm>

namespace knotwork::gui {

namespace {

constexpr int minutes_per_slot = SchedulePresenter::slot_minutes;

const wxColour grid_background(255, 255, 255);
const wxColour today_tint(240, 246, 255);
const wxColour after_hours(246, 247, 249);
const wxColour closed_fill(240, 240, 242);
const wxColour closed_hatch(222, 223, 227);
const wxColour hour_line(219, 223, 229);
const wxColour half_hour_line(238, 240, 243);
const wxColour column_line(219, 223, 229);
const wxColour quiet_text(107, 114, 128);
const wxColour now_colour(224, 69, 58);
const wxColour header_background(249, 250, 251);
const wxColour today_accent(37, 99, 205);

wxString heading_count(std::size_t n) {
    if (n == 0) return wxString();
    return wxString::Format(wxPLURAL("%zu appointment", "%zu appointments", n), n);
}

} // namespace

wxString isolate_name(const std::string& text, const std::string& name) {
    const auto at = name.empty() ? std::string::npos : text.find(name);
    if (at == std::string::npos) return wx(text);
    // Pango takes a line's direction from its first strong letter, isolates or not: a leading
    // left-to-right mark keeps "09:30" first.
    static constexpr std::string_view left_to_right_mark = "\xE2\x80\x8E"; // U+200E
    static constexpr std::string_view first_strong_isolate = "\xE2\x81\xA8"; // U+2068
    static constexpr std::string_view pop_isolate = "\xE2\x81\xA9";          // U+2069
    std::string out(left_to_right_mark);
    out += text.substr(0, at);
    out += first_strong_isolate;
    out += name;
    out += pop_isolate;
    out += text.substr(at + name.size());
    return wx(out);
}

BlockColours colours_of(BlockStyle style) {
    switch (style) {
    case BlockStyle::scheduled: return {wxColour(224, 236, 252), wxColour(47, 111, 203), wxColour(22, 49, 92)};
    case BlockStyle::signed_note: return {wxColour(224, 243, 231), wxColour(46, 139, 87), wxColour(24, 77, 48)};
    case BlockStyle::unsigned_note: return {wxColour(255, 242, 214), wxColour(214, 144, 15), wxColour(92, 63, 6)};
    case BlockStyle::cancelled: return {wxColour(241, 241, 241), wxColour(160, 160, 160), wxColour(118, 118, 118)};
    case BlockStyle::no_show: return {wxColour(251, 226, 226), wxColour(201, 66, 63), wxColour(107, 31, 29)};
    }
    return {wxColour(224, 236, 252), wxColour(47, 111, 203), wxColour(22, 49, 92)};
}

// ---- ScheduleGrid

ScheduleGrid::ScheduleGrid(wxWindow* parent, SchedulePresenter& presenter)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                       wxVSCROLL | wxWANTS_CHARS | wxFULL_REPAINT_ON_RESIZE),
      m_presenter(presenter) {
    SetName("schedule-grid");
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    measure();
    Bind(wxEVT_DPI_CHANGED, [this](wxDPIChangedEvent& e) {
        measure();
        refresh_schedule();
        e.Skip();
    });
    SetScrollRate(0, slot_height());
    ShowScrollbars(wxSHOW_SB_NEVER, wxSHOW_SB_DEFAULT);
    Bind(wxEVT_PAINT, &ScheduleGrid::on_paint, this);
    Bind(wxEVT_SIZE, &ScheduleGrid::on_size, this);
    Bind(wxEVT_LEFT_DOWN, &ScheduleGrid::on_left_down, this);
    Bind(wxEVT_LEFT_DCLICK, &ScheduleGrid::on_left_dclick, this);
    Bind(wxEVT_RIGHT_DOWN, &ScheduleGrid::on_right_down, this);
    Bind(wxEVT_MOTION, &ScheduleGrid::on_motion, this);
    Bind(wxEVT_LEAVE_WINDOW, [this](wxMouseEvent& e) {
        if (m_hover) {
            m_hover.reset();
            Refresh();
        }
        e.Skip();
    });
    Bind(wxEVT_KEY_DOWN, &ScheduleGrid::on_key_down, this);
    Bind(wxEVT_SET_FOCUS, [this](wxFocusEvent& e) {
        Refresh();
        e.Skip();
    });
    Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
        Refresh();
        e.Skip();
    });
    refresh_schedule();
}

wxSize ScheduleGrid::DoGetBestClientSize() const { return FromDIP(wxSize(760, 480)); }

int ScheduleGrid::slot_height() const { return std::max(FromDIP(14), GetCharHeight() + FromDIP(1)); }

int ScheduleGrid::gutter_width() const { return m_gutter; }

void ScheduleGrid::measure() {
    wxClientDC dc(this);
    dc.SetFont(GetFont().Smaller());
    m_gutter = dc.GetTextExtent("00:00").x + FromDIP(16);
}

wxRect ScheduleGrid::column_rect(int column) const {
    const int count = std::max<int>(1, static_cast<int>(m_presenter.days().size()));
    const int left = gutter_width();
    const int available = std::max(count, GetClientSize().x - left);
    const int width = available / count;
    const int x = left + column * width;
    const int w = column == count - 1 ? available - width * (count - 1) : width;
    return wxRect(x, 0, w, GetClientSize().y);
}

int ScheduleGrid::y_of(int minute) const {
    return FromDIP(10) + (minute - m_presenter.first_minute()) * slot_height() / minutes_per_slot;
}

int ScheduleGrid::minute_at(int logical_y) const {
    return m_presenter.first_minute() + (logical_y - FromDIP(10)) * minutes_per_slot / slot_height();
}

wxRect ScheduleGrid::block_rect(const AppointmentBlock& b) const {
    const wxRect column = column_rect(b.day);
    const int inset = FromDIP(2);
    const int free_right = FromDIP(10); // room to click the empty column beside a full one
    const int usable = std::max(FromDIP(8), column.width - inset - free_right);
    const int lane_width = usable / std::max(1, b.lanes);
    const int x = column.x + inset + b.lane * lane_width;
    const int top = y_of(b.start_minute) + 1;
    const int bottom = y_of(b.end_minute) - 1;
    return wxRect(x, top, std::max(FromDIP(4), lane_width - FromDIP(2)), std::max(FromDIP(6), bottom - top));
}

void ScheduleGrid::refresh_schedule() {
    SetScrollRate(0, slot_height());
    SetVirtualSize(GetClientSize().x, y_of(m_presenter.last_minute()) + FromDIP(12));
    // The range may have changed under the pointer: forget what it was over.
    m_hover.reset();
    UnsetToolTip();
    SetCursor(wxNullCursor);
    Refresh();
}

void ScheduleGrid::scroll_to_minute(int minute) {
    minute = std::clamp(minute, m_presenter.first_minute(), m_presenter.last_minute());
    Scroll(-1, std::max(0, y_of(minute) - FromDIP(10)) / slot_height());
}

void ScheduleGrid::ensure_selection_visible() {
    const AppointmentBlock* b = m_presenter.selected_block();
    if (!b) return;
    const wxRect r = block_rect(*b);
    const wxPoint top = CalcUnscrolledPosition(wxPoint(0, 0));
    const int height = GetClientSize().y;
    if (r.GetTop() < top.y || r.GetBottom() > top.y + height) {
        const int want = r.GetTop() < top.y || r.height > height ? r.GetTop() - slot_height()
                                                                  : r.GetBottom() - height + slot_height();
        Scroll(-1, std::max(0, want) / slot_height());
    }
}

void ScheduleGrid::set_now(DateTime now) {
    m_now = now;
    Refresh();
}

ScheduleGrid::Hit ScheduleGrid::hit_test(wxPoint client_pos) const {
    Hit hit;
    const wxPoint logical = CalcUnscrolledPosition(client_pos);
    const auto& blocks = m_presenter.blocks();
    for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) {
        if (block_rect(*it).Contains(logical)) {
            hit.block = it->appointment.id;
            break;
        }
    }
    const int count = static_cast<int>(m_presenter.days().size());
    for (int c = 0; c < count; ++c) {
        const wxRect r = column_rect(c);
        if (client_pos.x >= r.x && client_pos.x < r.x + r.width) hit.column = c;
    }
    const int minute = minute_at(logical.y);
    hit.minute = std::clamp(minute - (minute % minutes_per_slot + minutes_per_slot) % minutes_per_slot,
                            m_presenter.first_minute(), m_presenter.last_minute() - minutes_per_slot);
    return hit;
}

void ScheduleGrid::changed_selection() {
    Refresh();
    if (on_selection_changed) on_selection_changed();
}

// ---- painting

void ScheduleGrid::on_paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    DoPrepareDC(dc);
    const wxRect visible(CalcUnscrolledPosition(wxPoint(0, 0)), GetClientSize());
    draw_background(dc, visible);
    for (const auto& b : m_presenter.blocks()) {
        const wxRect r = block_rect(b);
        if (r.Intersects(visible)) draw_block(dc, b);
    }
    draw_now_line(dc);
}

void ScheduleGrid::draw_background(wxDC& dc, const wxRect& visible) const {
    dc.SetBackground(wxBrush(grid_background));
    dc.Clear();
    const int top = y_of(m_presenter.first_minute());
    const int bottom = y_of(m_presenter.last_minute());
    const int count = static_cast<int>(m_presenter.days().size());
    const int right = column_rect(count - 1).GetRight() + 1;
    dc.SetPen(*wxTRANSPARENT_PEN);

    // Day backgrounds: closed days hatched, today tinted, hours outside opening time shaded.
    for (int c = 0; c < count; ++c) {
        const ScheduleDay& day = m_presenter.days()[static_cast<std::size_t>(c)];
        const wxRect col = column_rect(c);
        const wxRect area(col.x, top, col.width, bottom - top);
        if (day.closed) {
            dc.SetBrush(wxBrush(closed_fill));
            dc.DrawRectangle(area);
            dc.SetBrush(wxBrush(closed_hatch, wxBRUSHSTYLE_BDIAGONAL_HATCH));
            dc.DrawRectangle(area);
            continue;
        }
        if (day.is_today) {
            dc.SetBrush(wxBrush(today_tint));
            dc.DrawRectangle(area);
        }
        const int opens = std::max(m_presenter.opens_minute(), m_presenter.first_minute());
        const int closes = std::min(m_presenter.closes_minute(), m_presenter.last_minute());
        dc.SetBrush(wxBrush(day.is_today ? today_tint.ChangeLightness(97) : after_hours));
        if (opens > m_presenter.first_minute()) dc.DrawRectangle(col.x, top, col.width, y_of(opens) - top);
        if (closes < m_presenter.last_minute()) dc.DrawRectangle(col.x, y_of(closes), col.width, bottom - y_of(closes));
    }

    // Rows: a line at every hour, a fainter one at the half hours; hour labels in the gutter.
    wxFont label_font = GetFont().Smaller();
    dc.SetFont(label_font);
    dc.SetTextForeground(quiet_text);
    const int gutter = gutter_width();
    for (int m = m_presenter.first_minute(); m <= m_presenter.last_minute(); m += 30) {
        const int y = y_of(m);
        const bool hour = m % 60 == 0;
        dc.SetPen(wxPen(hour ? hour_line : half_hour_line));
        dc.DrawLine(hour ? gutter - FromDIP(6) : gutter, y, right, y);
        if (hour) {
            const wxString label = wx(to_hhmm(boost::posix_time::minutes(m)));
            const wxSize extent = dc.GetTextExtent(label);
            dc.DrawText(label, gutter - FromDIP(9) - extent.x, y - extent.y / 2);
        }
    }

    // Columns.
    dc.SetPen(wxPen(column_line));
    dc.DrawLine(gutter, top, gutter, bottom);
    for (int c = 0; c < count; ++c) {
        const wxRect col = column_rect(c);
        dc.DrawLine(col.GetRight(), top, col.GetRight(), bottom);
    }

    // A closed day's reason, kept in view at the top of its column.
    wxFont reason_font = GetFont().Italic();
    dc.SetFont(reason_font);
    for (int c = 0; c < count; ++c) {
        const ScheduleDay& day = m_presenter.days()[static_cast<std::size_t>(c)];
        if (!day.closed) continue;
        const wxRect col = column_rect(c);
        wxString reason = wx(*day.closed);
        if (!reason.empty()) reason[0] = wxToupper(reason[0]);
        reason = wxControl::Ellipsize(reason, dc, wxELLIPSIZE_END, col.width - FromDIP(12));
        const wxSize extent = dc.GetTextExtent(reason);
        const int y = std::max(top, visible.y) + FromDIP(8);
        const wxRect plate(col.x + (col.width - extent.x) / 2 - FromDIP(6), y - FromDIP(3), extent.x + FromDIP(12),
                           extent.y + FromDIP(6));
        dc.SetPen(*wxTRANSPARENT_PEN);
        dc.SetBrush(wxBrush(closed_fill));
        dc.DrawRoundedRectangle(plate, FromDIP(4));
        dc.SetTextForeground(quiet_text);
        dc.DrawText(reason, plate.x + FromDIP(6), y);
    }
}

void ScheduleGrid::draw_block(wxDC& dc, const AppointmentBlock& b) const {
    const wxRect r = block_rect(b);
    const BlockColours colours = colours_of(b.style);
    const bool selected = m_presenter.selected() == b.appointment.id;
    const bool hovered = m_hover == b.appointment.id;
    const int radius = FromDIP(4);
    const int bar = FromDIP(4);

    wxColour fill = colours.fill;
    if (selected) fill = fill.ChangeLightness(94);
    else if (hovered) fill = fill.ChangeLightness(97);
    dc.SetPen(wxPen(colours.accent.ChangeLightness(150)));
    dc.SetBrush(wxBrush(fill));
    dc.DrawRoundedRectangle(r, radius);
    // The status bar down the left edge: a rounded strip whose right side is squared off.
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.SetBrush(wxBrush(colours.accent));
    dc.DrawRoundedRectangle(wxRect(r.x, r.y, std::min(r.width, bar + radius), r.height), radius);
    dc.SetBrush(wxBrush(fill));
    if (r.width > bar + radius) dc.DrawRectangle(r.x + bar, r.y + 1, radius, r.height - 2);
    if (selected) {
        dc.SetBrush(*wxTRANSPARENT_BRUSH);
        dc.SetPen(wxPen(colours.accent, FromDIP(2)));
        dc.DrawRoundedRectangle(r, radius);
        if (HasFocus()) {
            dc.SetPen(wxPen(colours.accent.ChangeLightness(60), 1, wxPENSTYLE_DOT));
            dc.DrawRoundedRectangle(wxRect(r).Deflate(FromDIP(3)), radius);
        }
    }

    const bool struck = b.style == BlockStyle::cancelled;
    wxFont title_font = GetFont().Bold();
    wxFont detail_font = GetFont().Smaller();
    if (struck) {
        title_font = GetFont().Strikethrough();
        detail_font.SetStrikethrough(true);
    }
    const wxRect text_area(r.x + bar + FromDIP(5), r.y + FromDIP(2), r.width - bar - FromDIP(8), r.height - FromDIP(3));
    if (text_area.width <= 0 || text_area.height <= 0) return;
    wxDCClipper clip(dc, text_area);
    dc.SetTextForeground(colours.text);
    dc.SetFont(title_font);
    // A narrow block moves the time to the second line before it shortens the name.
    const auto& a = b.appointment;
    std::string detail = SchedulePresenter::block_detail(a);
    wxString title = isolate_name(SchedulePresenter::block_text(a), a.client_name);
    if (dc.GetTextExtent(title).x > text_area.width) {
        std::string name_only = a.client_name;
        if (a.series) name_only += " · " + std::to_string(a.series->number) + "/" + std::to_string(a.series->of);
        title = isolate_name(name_only, a.client_name);
        detail = to_hhmm(a.starts_at.time_of_day()) + "–" + to_hhmm(a.ends_at.time_of_day()) + " · " + detail;
    }
    title = wxControl::Ellipsize(title, dc, wxELLIPSIZE_END, text_area.width);
    const int line = dc.GetTextExtent(title).y;
    const int y = text_area.height < line ? text_area.y + (text_area.height - line) / 2 : text_area.y;
    dc.DrawText(title, text_area.x, y);
    dc.SetFont(detail_font);
    const int detail_line = dc.GetCharHeight();
    if (text_area.height >= line + detail_line) {
        dc.SetTextForeground(colours.text.ChangeLightness(135));
        dc.DrawText(wxControl::Ellipsize(wx(detail), dc, wxELLIPSIZE_END, text_area.width), text_area.x, y + line);
    }
}

void ScheduleGrid::draw_now_line(wxDC& dc) const {
    if (m_now.is_special()) return;
    const auto column = m_presenter.column_of(m_now.date());
    if (!column) return;
    const int minute = static_cast<int>(m_now.time_of_day().total_seconds() / 60);
    if (minute < m_presenter.first_minute() || minute > m_presenter.last_minute()) return;
    const wxRect col = column_rect(*column);
    const int y = y_of(minute);
    dc.SetPen(wxPen(now_colour, FromDIP(2)));
    dc.DrawLine(col.x, y, col.GetRight(), y);
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.SetBrush(wxBrush(now_colour));
    dc.DrawCircle(col.x + FromDIP(1), y, FromDIP(4));
}

// ---- mouse and keyboard

void ScheduleGrid::on_size(wxSizeEvent& e) {
    SetVirtualSize(GetClientSize().x, y_of(m_presenter.last_minute()) + FromDIP(12));
    Refresh();
    e.Skip();
}

void ScheduleGrid::on_left_down(wxMouseEvent& e) {
    SetFocus();
    const Hit hit = hit_test(e.GetPosition());
    if (hit.block != m_presenter.selected()) {
        m_presenter.select(hit.block);
        changed_selection();
    }
}

void ScheduleGrid::on_left_dclick(wxMouseEvent& e) {
    const Hit hit = hit_test(e.GetPosition());
    if (hit.block) {
        if (on_open) on_open(*hit.block);
    } else if (hit.column >= 0 && on_new_appointment) {
        on_new_appointment(m_presenter.days()[static_cast<std::size_t>(hit.column)].date, hit.minute);
    }
}

void ScheduleGrid::on_right_down(wxMouseEvent& e) {
    SetFocus();
    const Hit hit = hit_test(e.GetPosition());
    if (hit.block != m_presenter.selected()) {
        m_presenter.select(hit.block);
        changed_selection();
    }
    if (hit.column < 0 || !on_context_menu) return;
    on_context_menu(hit.block, m_presenter.days()[static_cast<std::size_t>(hit.column)].date, hit.minute,
                    e.GetPosition());
}

void ScheduleGrid::on_motion(wxMouseEvent& e) {
    const Hit hit = hit_test(e.GetPosition());
    if (hit.block != m_hover) {
        m_hover = hit.block;
        const AppointmentBlock* b = m_hover ? m_presenter.find_block(*m_hover) : nullptr;
        if (b) SetToolTip(isolate_name(SchedulePresenter::describe(b->appointment), b->appointment.client_name));
        else UnsetToolTip();
        SetCursor(b ? wxCursor(wxCURSOR_HAND) : wxNullCursor);
        Refresh();
    }
    e.Skip();
}

void ScheduleGrid::on_key_down(wxKeyEvent& e) {
    if (e.HasAnyModifiers() && !(e.GetKeyCode() == WXK_F10 && e.GetModifiers() == wxMOD_SHIFT)) {
        e.Skip();
        return;
    }
    std::optional<SelectionStep> step;
    switch (e.GetKeyCode()) {
    case WXK_UP: step = SelectionStep::up; break;
    case WXK_DOWN: step = SelectionStep::down; break;
    case WXK_LEFT: step = SelectionStep::left; break;
    case WXK_RIGHT: step = SelectionStep::right; break;
    case WXK_RETURN:
    case WXK_NUMPAD_ENTER:
        if (m_presenter.selected() && on_open) on_open(*m_presenter.selected());
        return;
    case WXK_DELETE:
    case WXK_NUMPAD_DELETE:
        if (m_presenter.selected() && on_cancel_selected) on_cancel_selected();
        return;
    case WXK_MENU:
    case WXK_F10:
        if (const AppointmentBlock* b = m_presenter.selected_block(); b && on_context_menu) {
            const wxRect r = block_rect(*b);
            const wxPoint at = CalcScrolledPosition(wxPoint(r.x + r.width / 2, r.y + std::min(r.height, slot_height())));
            on_context_menu(b->appointment.id, m_presenter.days()[static_cast<std::size_t>(b->day)].date,
                            b->start_minute, at);
        }
        return;
    default: e.Skip(); return;
    }
    if (m_presenter.step_selection(*step)) {
        ensure_selection_visible();
        changed_selection();
    }
}

// ---- ScheduleDayHeader

ScheduleDayHeader::ScheduleDayHeader(wxWindow* parent, SchedulePresenter& presenter, const ScheduleGrid& grid)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxFULL_REPAINT_ON_RESIZE),
      m_presenter(presenter), m_grid(grid) {
    SetName("schedule-day-header");
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    Bind(wxEVT_PAINT, &ScheduleDayHeader::on_paint, this);
    Bind(wxEVT_LEFT_UP, &ScheduleDayHeader::on_left_up, this);
    Bind(wxEVT_MOTION, [this](wxMouseEvent& e) {
        const bool clickable = m_presenter.view() == ScheduleView::week && column_at(e.GetPosition());
        SetCursor(clickable ? wxCursor(wxCURSOR_HAND) : wxNullCursor);
        e.Skip();
    });
    SetToolTip(_("Click a day to see it on its own"));
}

wxSize ScheduleDayHeader::DoGetBestClientSize() const {
    return wxSize(FromDIP(400), GetCharHeight() * 2 + FromDIP(18));
}

void ScheduleDayHeader::refresh_schedule() {
    SetToolTip(m_presenter.view() == ScheduleView::week ? _("Click a day to see it on its own") : wxString());
    Refresh();
}

std::optional<int> ScheduleDayHeader::column_at(wxPoint pos) const {
    for (int c = 0; c < static_cast<int>(m_presenter.days().size()); ++c) {
        const wxRect r = m_grid.column_rect(c);
        if (pos.x >= r.x && pos.x < r.x + r.width) return c;
    }
    return std::nullopt;
}

void ScheduleDayHeader::on_left_up(wxMouseEvent& e) {
    if (m_presenter.view() != ScheduleView::week || !on_day_clicked) return;
    if (const auto c = column_at(e.GetPosition())) on_day_clicked(m_presenter.days()[static_cast<std::size_t>(*c)].date);
}

void ScheduleDayHeader::on_paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    const wxSize size = GetClientSize();
    dc.SetBackground(wxBrush(header_background));
    dc.Clear();
    dc.SetPen(wxPen(column_line));
    dc.DrawLine(0, size.y - 1, size.x, size.y - 1);

    std::vector<std::size_t> per_day(m_presenter.days().size(), 0);
    for (const auto& b : m_presenter.blocks())
        if (b.style != BlockStyle::cancelled && b.style != BlockStyle::no_show) ++per_day[static_cast<std::size_t>(b.day)];

    const wxFont heading_font = GetFont().Bold();
    const wxFont note_font = GetFont().Smaller();
    const int pad = FromDIP(6);
    for (int c = 0; c < static_cast<int>(m_presenter.days().size()); ++c) {
        const ScheduleDay& day = m_presenter.days()[static_cast<std::size_t>(c)];
        const wxRect col = m_grid.column_rect(c);
        dc.SetPen(wxPen(column_line));
        dc.DrawLine(col.GetRight(), pad, col.GetRight(), size.y - 1);
        if (c == 0) dc.DrawLine(col.x, pad, col.x, size.y - 1);

        dc.SetFont(heading_font);
        const wxString heading =
            wxControl::Ellipsize(wx(m_presenter.day_heading(c)), dc, wxELLIPSIZE_END, col.width - 3 * pad);
        const wxSize extent = dc.GetTextExtent(heading);
        const int x = col.x + (col.width - extent.x) / 2;
        if (day.is_today) {
            dc.SetPen(*wxTRANSPARENT_PEN);
            dc.SetBrush(wxBrush(today_accent));
            dc.DrawRoundedRectangle(x - pad, pad - FromDIP(2), extent.x + 2 * pad, extent.y + FromDIP(4),
                                    (extent.y + FromDIP(4)) / 2);
            dc.SetTextForeground(*wxWHITE);
        } else {
            dc.SetTextForeground(day.closed ? quiet_text : wxColour(31, 41, 55));
        }
        dc.DrawText(heading, x, pad);

        wxString note;
        if (day.closed) {
            note = wx(*day.closed);
            if (!note.empty()) note[0] = wxToupper(note[0]);
        } else {
            note = heading_count(per_day[static_cast<std::size_t>(c)]);
        }
        if (note.empty()) continue;
        dc.SetFont(note_font);
        dc.SetTextForeground(quiet_text);
        note = wxControl::Ellipsize(note, dc, wxELLIPSIZE_END, col.width - 2 * pad);
        const wxSize note_extent = dc.GetTextExtent(note);
        dc.DrawText(note, col.x + (col.width - note_extent.x) / 2, pad + extent.y + FromDIP(4));
    }
}

// ---- legend

wxSizer* make_legend(wxWindow* parent) {
    static constexpr BlockStyle styles[] = {BlockStyle::scheduled, BlockStyle::unsigned_note, BlockStyle::signed_note,
                                            BlockStyle::no_show, BlockStyle::cancelled};
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    const wxFont font = parent->GetFont().Smaller();
    const int height = std::max(parent->FromDIP(10), parent->GetCharHeight() - parent->FromDIP(4));
    const wxSize swatch(height + parent->FromDIP(8), height);
    for (BlockStyle style : styles) {
        const BlockColours colours = colours_of(style);
        wxBitmap bitmap(swatch, 32);
        bitmap.UseAlpha();
        {
            wxMemoryDC dc(bitmap);
            dc.SetBackground(*wxTRANSPARENT_BRUSH);
            dc.Clear();
            dc.SetPen(wxPen(colours.accent.ChangeLightness(150)));
            dc.SetBrush(wxBrush(colours.fill));
            dc.DrawRoundedRectangle(wxRect(swatch), parent->FromDIP(3));
            dc.SetPen(*wxTRANSPARENT_PEN);
            dc.SetBrush(wxBrush(colours.accent));
            dc.DrawRoundedRectangle(wxRect(0, 0, parent->FromDIP(4), swatch.y), parent->FromDIP(2));
        }
        auto* label = new wxStaticText(parent, wxID_ANY, wx(style_label(style)));
        label->SetFont(font);
        row->Add(new wxStaticBitmap(parent, wxID_ANY, bitmap), 0, wxALIGN_CENTER_VERTICAL);
        row->Add(label, 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, parent->FromDIP(6));
        row->AddSpacer(parent->FromDIP(10));
    }
    return row;
}

} // namespace knotwork::gui
