#include "schedule/schedule_presenter.h"

#include "common/error.h"
#include "common/text.h"
#include "core/plan_series.h"
#include "core/translate.h"
#include "database.h"
#include "repositories/practice_repository.h"
#include "schedule/series_scheduler.h"
#include "session/session.h"

#include <algorithm>
#include <cstdlib>
#include <type_traits>

namespace knotwork::gui {

namespace {

constexpr int minutes_per_day = 24 * 60;
constexpr int days_per_week = 7;
constexpr int shortest_booking = 15;
constexpr int longest_booking = 180;

std::string fill(std::string pattern, const std::string& value) {
    if (const auto at = pattern.find("%s"); at != std::string::npos) pattern.replace(at, 2, value);
    return pattern;
}

std::string short_weekday(Date d) {
    switch (d.day_of_week().as_number()) {
    case 0: return KW_TR("Sun");
    case 1: return KW_TR("Mon");
    case 2: return KW_TR("Tue");
    case 3: return KW_TR("Wed");
    case 4: return KW_TR("Thu");
    case 5: return KW_TR("Fri");
    default: return KW_TR("Sat");
    }
}

std::string long_weekday(Date d) {
    switch (d.day_of_week().as_number()) {
    case 0: return KW_TR("Sunday");
    case 1: return KW_TR("Monday");
    case 2: return KW_TR("Tuesday");
    case 3: return KW_TR("Wednesday");
    case 4: return KW_TR("Thursday");
    case 5: return KW_TR("Friday");
    default: return KW_TR("Saturday");
    }
}

std::string short_month(Date d) {
    switch (d.month().as_number()) {
    case 1: return KW_TR("Jan");
    case 2: return KW_TR("Feb");
    case 3: return KW_TR("Mar");
    case 4: return KW_TR("Apr");
    case 5: return KW_TR("May");
    case 6: return KW_TR("Jun");
    case 7: return KW_TR("Jul");
    case 8: return KW_TR("Aug");
    case 9: return KW_TR("Sep");
    case 10: return KW_TR("Oct");
    case 11: return KW_TR("Nov");
    default: return KW_TR("Dec");
    }
}

std::string long_month(Date d) {
    switch (d.month().as_number()) {
    case 1: return KW_TR("January");
    case 2: return KW_TR("February");
    case 3: return KW_TR("March");
    case 4: return KW_TR("April");
    case 5: return KW_TR("May");
    case 6: return KW_TR("June");
    case 7: return KW_TR("July");
    case 8: return KW_TR("August");
    case 9: return KW_TR("September");
    case 10: return KW_TR("October");
    case 11: return KW_TR("November");
    default: return KW_TR("December");
    }
}

// "Mon 30 Nov"
std::string short_day_text(Date d) {
    return short_weekday(d) + " " + std::to_string(d.day().as_number()) + " " + short_month(d);
}

Date monday_of(Date d) {
    const int from_monday = (d.day_of_week().as_number() + 6) % days_per_week;
    return d - boost::gregorian::days(from_monday);
}

int minute_of_day(const DateTime& t) { return static_cast<int>(t.time_of_day().total_seconds() / 60); }

bool frees_time(AppointmentStatus s) { return s == AppointmentStatus::cancelled || s == AppointmentStatus::no_show; }

// Whether `profile_name` ("Maya Okonkwo, RMT") names the therapist the bookings call "Maya Okonkwo".
bool same_therapist(const std::string& profile_name, const std::string& booking_name) {
    const std::string a = text::ascii_lower(text::trim(profile_name));
    const std::string b = text::ascii_lower(text::trim(booking_name));
    if (a.empty() || b.empty()) return false;
    return a == b || (a.rfind(b, 0) == 0 && (a[b.size()] == ',' || a[b.size()] == ' '));
}

} // namespace

std::string style_label(BlockStyle style) {
    switch (style) {
    case BlockStyle::scheduled: return KW_TR("Scheduled");
    case BlockStyle::signed_note: return KW_TR("Note signed");
    case BlockStyle::unsigned_note: return KW_TR("Note to sign");
    case BlockStyle::cancelled: return KW_TR("Cancelled");
    case BlockStyle::no_show: return KW_TR("No-show");
    }
    return {};
}

BlockStyle block_style(const db::AppointmentSummary& a) {
    switch (a.status) {
    case AppointmentStatus::scheduled: return a.is_signed ? BlockStyle::signed_note : BlockStyle::scheduled;
    case AppointmentStatus::completed: return a.is_signed ? BlockStyle::signed_note : BlockStyle::unsigned_note;
    case AppointmentStatus::cancelled: return BlockStyle::cancelled;
    case AppointmentStatus::no_show: return BlockStyle::no_show;
    }
    return BlockStyle::scheduled;
}

AppointmentActions actions_for(const db::AppointmentSummary& a) {
    AppointmentActions act;
    if (a.is_signed) return act;
    const bool scheduled = a.status == AppointmentStatus::scheduled;
    act.move = scheduled || a.status == AppointmentStatus::completed;
    act.cancel = scheduled;
    act.no_show = scheduled;
    act.remove = true;
    return act;
}

SchedulePresenter::SchedulePresenter(db::Database& db, Date today, ScheduleView view)
    : SchedulePresenter(db, today, view, PracticeAccess::of(db)) {}

SchedulePresenter::SchedulePresenter(db::Database& db, Date today, ScheduleView view, PracticeAccess access)
    : m_db(db), m_access(std::move(access)), m_today(today), m_view(view), m_anchor(today) {
    if (today.is_special()) throw ValidationError("today", "is not a valid date");
    reload();
}

AppointmentActions SchedulePresenter::available_actions(const db::AppointmentSummary& a) const {
    return actions_for(a);
}

// ---- the range on screen

void SchedulePresenter::set_view(ScheduleView view) {
    if (view == m_view) return;
    m_view = view;
    reload();
}

void SchedulePresenter::go_to(Date day) {
    if (day.is_special()) throw ValidationError("date", "is not a valid date");
    m_anchor = day;
    reload();
}

void SchedulePresenter::show_day(Date day) {
    if (day.is_special()) throw ValidationError("date", "is not a valid date");
    m_view = ScheduleView::day;
    m_anchor = day;
    reload();
}

void SchedulePresenter::next() {
    go_to(m_anchor + boost::gregorian::days(m_view == ScheduleView::week ? days_per_week : 1));
}

void SchedulePresenter::previous() {
    go_to(m_anchor - boost::gregorian::days(m_view == ScheduleView::week ? days_per_week : 1));
}

void SchedulePresenter::go_today() { go_to(m_today); }

void SchedulePresenter::set_today(Date today) {
    if (today.is_special() || today == m_today) return;
    m_today = today;
    rebuild_days();
}

Date SchedulePresenter::first_day() const { return m_view == ScheduleView::week ? monday_of(m_anchor) : m_anchor; }

Date SchedulePresenter::last_day() const {
    return first_day() + boost::gregorian::days(m_view == ScheduleView::week ? days_per_week - 1 : 0);
}

std::optional<int> SchedulePresenter::column_of(Date day) const {
    for (std::size_t i = 0; i < m_days.size(); ++i)
        if (m_days[i].date == day) return static_cast<int>(i);
    return std::nullopt;
}

std::string SchedulePresenter::title() const {
    const Date d = first_day();
    if (m_view == ScheduleView::week)
        return fill(KW_TR("Week of %s"), short_day_text(d) + " " + std::to_string(d.year()));
    return long_weekday(d) + " " + std::to_string(d.day().as_number()) + " " + long_month(d) + " " +
           std::to_string(d.year());
}

std::string SchedulePresenter::day_heading(int column) const {
    const Date d = m_days.at(static_cast<std::size_t>(column)).date;
    if (m_view == ScheduleView::week) return short_day_text(d);
    return long_weekday(d) + " " + std::to_string(d.day().as_number()) + " " + long_month(d);
}

std::string SchedulePresenter::status_text() const {
    std::size_t booked = 0;
    for (const auto& b : m_blocks)
        if (!frees_time(b.appointment.status)) ++booked;
    if (m_blocks.empty()) return KW_TR("No appointments");
    std::string s = std::to_string(m_blocks.size()) + " " +
                    (m_blocks.size() == 1 ? KW_TR("appointment") : KW_TR("appointments"));
    if (booked != m_blocks.size())
        s += " (" + fill(KW_TR("%s cancelled or missed"), std::to_string(m_blocks.size() - booked)) + ")";
    return s;
}

// ---- what is drawn

void SchedulePresenter::rebuild_days() {
    m_days.clear();
    const int count = m_view == ScheduleView::week ? days_per_week : 1;
    for (int i = 0; i < count; ++i) {
        ScheduleDay day;
        day.date = first_day() + boost::gregorian::days(i);
        day.is_today = day.date == m_today;
        day.closed = m_calendar.closed_reason(day.date);
        m_days.push_back(std::move(day));
    }
}

void SchedulePresenter::reload() {
    m_profile = db::PracticeRepository(m_db).load();
    m_calendar = app::calendar_of(m_profile);
    rebuild_days();
    m_blocks.clear();
    const auto appointments = db::SessionRepository(m_db).between(
        DateTime(first_day()), DateTime(last_day() + boost::gregorian::days(1)));
    lay_out(appointments);
    if (m_selected && !find_block(*m_selected)) m_selected.reset();
}

void SchedulePresenter::lay_out(const std::vector<db::AppointmentSummary>& appointments) {
    m_first_minute = grid_first_minute;
    m_last_minute = grid_last_minute;
    for (const auto& a : appointments) {
        const auto column = column_of(a.starts_at.date());
        if (!column) continue;
        AppointmentBlock b;
        b.appointment = a;
        b.day = *column;
        b.start_minute = minute_of_day(a.starts_at);
        b.end_minute = a.ends_at.date() == a.starts_at.date() ? minute_of_day(a.ends_at) : minutes_per_day;
        b.end_minute = std::max(b.end_minute, b.start_minute + 1);
        b.style = block_style(a);
        m_first_minute = std::min(m_first_minute, b.start_minute / 60 * 60);
        m_last_minute = std::max(m_last_minute, std::min(minutes_per_day, (b.end_minute + 59) / 60 * 60));
        m_blocks.push_back(std::move(b));
    }
    std::sort(m_blocks.begin(), m_blocks.end(), [](const AppointmentBlock& x, const AppointmentBlock& y) {
        if (x.day != y.day) return x.day < y.day;
        if (x.start_minute != y.start_minute) return x.start_minute < y.start_minute;
        if (x.end_minute != y.end_minute) return x.end_minute > y.end_minute; // longer first
        return x.appointment.id < y.appointment.id;
    });

    // Groups of transitively overlapping blocks, one day at a time; each block takes the first
    // lane that is free at its start.
    std::size_t group_begin = 0;
    std::vector<int> lane_ends;
    int group_end = 0;
    auto close_group = [&](std::size_t group_stop) {
        for (std::size_t i = group_begin; i < group_stop; ++i) m_blocks[i].lanes = static_cast<int>(lane_ends.size());
        lane_ends.clear();
        group_begin = group_stop;
    };
    for (std::size_t i = 0; i < m_blocks.size(); ++i) {
        auto& b = m_blocks[i];
        if (i > group_begin && (b.day != m_blocks[group_begin].day || b.start_minute >= group_end)) close_group(i);
        if (i == group_begin) group_end = b.end_minute;
        auto lane = std::find_if(lane_ends.begin(), lane_ends.end(), [&](int end) { return end <= b.start_minute; });
        if (lane == lane_ends.end()) {
            lane_ends.push_back(b.end_minute);
            b.lane = static_cast<int>(lane_ends.size()) - 1;
        } else {
            *lane = b.end_minute;
            b.lane = static_cast<int>(lane - lane_ends.begin());
        }
        group_end = std::max(group_end, b.end_minute);
    }
    close_group(m_blocks.size());
}

const AppointmentBlock* SchedulePresenter::find_block(SessionId id) const {
    for (const auto& b : m_blocks)
        if (b.appointment.id == id) return &b;
    return nullptr;
}

int SchedulePresenter::opens_minute() const {
    return m_calendar.hours ? static_cast<int>(m_calendar.hours->opens.total_seconds() / 60) : 0;
}

int SchedulePresenter::closes_minute() const {
    return m_calendar.hours ? static_cast<int>(m_calendar.hours->closes.total_seconds() / 60) : minutes_per_day;
}

std::string SchedulePresenter::block_text(const db::AppointmentSummary& a) {
    std::string s = to_hhmm(a.starts_at.time_of_day()) + " " + a.client_name;
    if (a.series) s += " · " + std::to_string(a.series->number) + "/" + std::to_string(a.series->of);
    return s;
}

std::string SchedulePresenter::block_detail(const db::AppointmentSummary& a) {
    const std::string who = text::trim(a.therapist);
    return who.empty() ? style_label(block_style(a)) : who + " · " + style_label(block_style(a));
}

std::string SchedulePresenter::describe(const db::AppointmentSummary& a) {
    std::string s = a.client_name + " — " + short_day_text(a.starts_at.date()) + " " +
                    to_hhmm(a.starts_at.time_of_day()) + "–" + to_hhmm(a.ends_at.time_of_day());
    if (!text::trim(a.therapist).empty()) s += " " + fill(KW_TR("with %s"), text::trim(a.therapist));
    s += " — " + style_label(block_style(a));
    if (a.series)
        s += " — " + fill(fill(KW_TR("session %s of %s"), std::to_string(a.series->number)),
                          std::to_string(a.series->of));
    return s;
}

// ---- selection

bool SchedulePresenter::select(std::optional<SessionId> id) {
    if (id && !find_block(*id)) return false;
    m_selected = id;
    return true;
}

const AppointmentBlock* SchedulePresenter::selected_block() const {
    return m_selected ? find_block(*m_selected) : nullptr;
}

bool SchedulePresenter::step_selection(SelectionStep step) {
    if (m_blocks.empty()) return false;
    const AppointmentBlock* current = selected_block();
    if (!current) {
        const auto today = column_of(m_today);
        const auto first = std::find_if(m_blocks.begin(), m_blocks.end(),
                                        [&](const AppointmentBlock& b) { return today && b.day == *today; });
        m_selected = (first != m_blocks.end() ? *first : m_blocks.front()).appointment.id;
        return true;
    }
    // m_blocks is ordered by day, then start, then lane-defining length: the reading order.
    const auto at = static_cast<std::size_t>(current - m_blocks.data());
    const AppointmentBlock* pick = nullptr;
    switch (step) {
    case SelectionStep::up:
        if (at > 0 && m_blocks[at - 1].day == current->day) pick = &m_blocks[at - 1];
        break;
    case SelectionStep::down:
        if (at + 1 < m_blocks.size() && m_blocks[at + 1].day == current->day) pick = &m_blocks[at + 1];
        break;
    case SelectionStep::left:
    case SelectionStep::right: {
        const int direction = step == SelectionStep::left ? -1 : 1;
        for (int day = current->day + direction; day >= 0 && day < static_cast<int>(m_days.size()) && !pick;
             day += direction) {
            for (const auto& b : m_blocks) {
                if (b.day != day) continue;
                if (!pick || std::abs(b.start_minute - current->start_minute) <
                                 std::abs(pick->start_minute - current->start_minute))
                    pick = &b;
            }
        }
        break;
    }
    }
    if (!pick) return false;
    m_selected = pick->appointment.id;
    return true;
}

// ---- booking helpers

std::vector<std::string> SchedulePresenter::therapists() {
    // Everyone booked within eight weeks either side of the range, so a new booking names a
    // therapist exactly as the bookings it could clash with do.
    const auto weeks = boost::gregorian::weeks(8);
    const auto nearby = db::SessionRepository(m_db).between(DateTime(first_day() - weeks),
                                                            DateTime(last_day() + boost::gregorian::days(1) + weeks));
    const std::string own = text::trim(m_profile.therapist_name);
    std::optional<std::string> own_booked;
    std::vector<std::string> others;
    for (const auto& a : nearby) {
        const std::string name = text::trim(a.therapist);
        if (name.empty()) continue;
        if (same_therapist(own, name)) {
            if (!own_booked) own_booked = name;
            continue;
        }
        if (std::find(others.begin(), others.end(), name) == others.end()) others.push_back(name);
    }
    std::sort(others.begin(), others.end());
    std::vector<std::string> out;
    if (own_booked) out.push_back(*own_booked);
    else if (!own.empty()) out.push_back(own);
    out.insert(out.end(), others.begin(), others.end());
    return out;
}

std::vector<db::ClientSummary> SchedulePresenter::find_clients(const std::string& text, int limit) {
    db::ClientQuery q;
    q.text = text::trim(text);
    q.limit = limit;
    return db::ClientRepository(m_db).search(q);
}

std::string SchedulePresenter::client_label(const db::ClientSummary& c) {
    std::string s = c.family_name + ", " + c.given_name;
    if (!c.preferred_name.empty() && c.preferred_name != c.given_name) s += " (" + c.preferred_name + ")";
    return s;
}

std::vector<std::string> SchedulePresenter::problems_of(DateTime start, DateTime end, const std::string& therapist,
                                                        std::optional<SessionId> ignore) {
    std::vector<BusySlot> busy;
    // From the day before: a long appointment may run past midnight into this one.
    const auto booked = db::SessionRepository(m_db).between(DateTime(start.date() - boost::gregorian::days(1)),
                                                             DateTime(end.date() + boost::gregorian::days(1)));
    for (const auto& a : booked) {
        if (frees_time(a.status) || (ignore && a.id == *ignore)) continue;
        busy.push_back(BusySlot{a.starts_at, a.ends_at, a.therapist, a.client_name});
    }
    const SlotCheck check = SeriesScheduler(m_calendar).check_slot(start, end, therapist, busy);
    std::vector<std::string> problems;
    for (const auto& clash : check.clashes) problems.push_back(fill(KW_TR("Clashes with %s."), knotwork::describe(clash)));
    if (check.closed)
        problems.push_back(fill(KW_TR("The practice is closed on %s"), short_day_text(start.date())) + ": " +
                           *check.closed + ".");
    if (check.outside_hours)
        problems.push_back(fill(KW_TR("Outside opening hours (%s)."), to_hhmm(m_calendar.hours->opens) + "–" +
                                                                         to_hhmm(m_calendar.hours->closes)));
    return problems;
}

std::vector<std::string> SchedulePresenter::check_slot(DateTime start, int minutes, const std::string& therapist,
                                                       std::optional<SessionId> ignore) {
    if (minutes < shortest_booking || minutes > longest_booking)
        throw ValidationError("length", "must be between 15 and 180 minutes (got " + std::to_string(minutes) + ")");
    return problems_of(start, start + boost::posix_time::minutes(minutes), therapist, ignore);
}

// ---- actions

template <typename Action>
auto SchedulePresenter::then_reload(Action&& action) -> decltype(action()) {
    try {
        if constexpr (std::is_void_v<decltype(action())>) {
            action();
            reload();
        } else {
            auto result = action();
            reload();
            return result;
        }
    } catch (...) {
        // Show what the file holds now (another window may have changed it), then report.
        try {
            reload();
        } catch (...) {
        }
        throw;
    }
}

SlotOutcome SchedulePresenter::book(ClientId client, DateTime start, int minutes, const std::string& therapist,
                                    Proceed proceed) {
    auto outcome = then_reload([&] {
        SlotOutcome out;
        db::Transaction tx(m_db);
        db::ClientRepository(m_db).get(client);
        out.problems = check_slot(start, minutes, therapist);
        if (!out.problems.empty() && proceed == Proceed::only_if_free) return out;
        Session s(client, start, start + boost::posix_time::minutes(minutes), therapist);
        out.session = db::SessionRepository(m_db).add(s);
        tx.commit();
        out.done = true;
        return out;
    });
    if (outcome.done) select(outcome.session);
    return outcome;
}

SlotOutcome SchedulePresenter::move(SessionId id, DateTime new_start, Proceed proceed) {
    auto outcome = then_reload([&] {
        SlotOutcome out;
        db::Transaction tx(m_db);
        db::SessionRepository sessions(m_db);
        const db::AppointmentSummary a = sessions.appointment(id);
        if (a.is_signed)
            throw LockedRecordError(KW_TR("This session's note is signed, so the appointment can no longer be moved: "
                                          "its date and time are part of the signed record."));
        if (frees_time(a.status))
            throw ValidationError(KW_TR("appointment"),
                                  fill(KW_TR("a %s appointment cannot be moved; book a new one instead"),
                                       text::ascii_lower(label(a.status))));
        const DateTime new_end = new_start + (a.ends_at - a.starts_at);
        out.problems = problems_of(new_start, new_end, a.therapist, id);
        if (!out.problems.empty() && proceed == Proceed::only_if_free) return out;
        sessions.reschedule(id, a.version, new_start, new_end, a.therapist);
        tx.commit();
        out.done = true;
        out.session = id;
        return out;
    });
    if (outcome.done) select(outcome.session);
    return outcome;
}

void SchedulePresenter::change_status(SessionId id, AppointmentStatus status, const std::string& reason) {
    then_reload([&] {
        db::Transaction tx(m_db);
        db::SessionRepository sessions(m_db);
        const db::AppointmentSummary a = sessions.appointment(id);
        sessions.set_status(id, a.version, status, reason);
        tx.commit();
    });
}

void SchedulePresenter::cancel(SessionId id, const std::string& reason) {
    change_status(id, AppointmentStatus::cancelled, reason);
}

void SchedulePresenter::mark_no_show(SessionId id) { change_status(id, AppointmentStatus::no_show, {}); }

void SchedulePresenter::remove_booking(SessionId id) {
    then_reload([&] {
        db::Transaction tx(m_db);
        db::SessionRepository sessions(m_db);
        const db::AppointmentSummary a = sessions.appointment(id);
        if (a.is_signed)
            throw LockedRecordError(KW_TR("A signed session cannot be deleted: its note is part of the client's "
                                          "record. Add an amendment to correct it."));
        try {
            sessions.remove_booking(id, a.version);
        } catch (const ValidationError&) {
            throw ValidationError(KW_TR("appointment"),
                                  KW_TR("its note has been started, so it cannot be deleted; cancel it instead"));
        }
        tx.commit();
    });
}

} // namespace knotwork::gui
