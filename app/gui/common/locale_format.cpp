#include "common/locale_format.h"

#include "common/wx_text.h"
#include "core/display_format.h"

#include <wx/datetime.h>
#include <wx/log.h>
#include <wx/numformatter.h>
#include <wx/uilocale.h>

#include <clocale>
#include <cstring>

namespace knotwork::gui {

namespace {

// strftime-style formats for wxDateTime::Format(), worked out once from the locale.
wxString g_short_date_format;
wxString g_long_date_format;
wxString g_time_format;

bool is_c_locale(const char* name) {
    return !name || std::strcmp(name, "C") == 0 || std::strcmp(name, "POSIX") == 0 ||
           std::strncmp(name, "C.", 2) == 0;
}

// The locale's short date with a four-digit year.
wxString short_date_format(wxString format) {
    format.Replace("%y", "%Y");
    format.Replace("%D", "%m/%d/%Y");
    return format;
}

// The locale's long date (POSIX has none: wxWidgets gives the date part of the date-and-time
// format, "%a %d %b %Y") with the full weekday and month names.
wxString long_date_format(wxString format) {
    format.Replace("%a", "%A");
    format.Replace("%b", "%B");
    format.Replace("%h", "%B");
    return format;
}

// The locale's time of day without seconds: "%T" -> "%H:%M", "%r" -> "%I:%M %p",
// "%H時%M分%S秒" -> "%H時%M分".
wxString time_format(wxString format) {
    format.Replace("%T", "%H:%M:%S");
    format.Replace("%r", "%I:%M:%S %p");
    format.Replace("%R", "%H:%M");
    const int at = format.Find("%S");
    if (at == wxNOT_FOUND) return format;
    auto from = static_cast<std::size_t>(at);
    auto to = from + 2;
    if (from > 0 && (format[from - 1] == ':' || format[from - 1] == '.'))
        --from; // "%M:%S"
    else
        while (to < format.length() && format[to] != '%' && format[to] != ' ')
            ++to; // "%S秒"
    format.erase(from, to - from);
    return format;
}

// wxDateTime at noon of `day`, local time: no daylight-saving change moves noon to another day.
wxDateTime at_noon(Date day) {
    return wxDateTime(static_cast<wxDateTime::wxDateTime_t>(day.day()),
                      static_cast<wxDateTime::Month>(day.month().as_number() - 1),
                      static_cast<int>(day.year()), 12, 0, 0);
}

std::string locale_date(Date day) {
    return utf8(at_noon(day).Format(g_short_date_format));
}

std::string locale_long_date(Date day) {
    // The day of the month without a leading zero: "Friday 1 May 2026", not "01".
    wxString format = g_long_date_format;
    const wxString day_number = wxString::Format("%d", static_cast<int>(day.day()));
    format.Replace("%d", day_number);
    format.Replace("%e", day_number);
    return utf8(at_noon(day).Format(format));
}

std::string locale_time(Duration time_of_day) {
    const int hours = static_cast<int>(time_of_day.hours());
    const int minutes = static_cast<int>(time_of_day.minutes());
    // The 12-hour clock without a leading zero: "9:30 AM".
    wxString format = g_time_format;
    const wxString hour12 = wxString::Format("%d", hours % 12 == 0 ? 12 : hours % 12);
    format.Replace("%I", hour12);
    format.Replace("%l", hour12);
    const wxDateTime moment(1, wxDateTime::Jan, 2001, static_cast<wxDateTime::wxDateTime_t>(hours),
                            static_cast<wxDateTime::wxDateTime_t>(minutes));
    return utf8(moment.Format(format));
}

std::string locale_number(double value, int decimals) {
    return utf8(wxNumberFormatter::ToString(value, decimals, wxNumberFormatter::Style_None));
}

} // namespace

void install_locale_formatting() {
    {
        wxLogNull quiet; // a locale the system lacks is no reason for a message box: ISO it is
        if (!wxUILocale::UseDefault()) {
            app::set_display_format({});
            return;
        }
    }
    // Numbers as data keep '.': printf, strtod and the libraries that use them (SOCI, sqlite).
    // wxUILocale keeps the locale's own separator for wxNumberFormatter.
    const bool local_numbers = !is_c_locale(std::setlocale(LC_NUMERIC, nullptr));
    std::setlocale(LC_NUMERIC, "C");
    // Knotwork has no message catalogues yet: with the user's LC_MESSAGES, GTK's own labels
    // ("Abbrechen" on a Cancel button, the file chooser) would change language among English
    // text. Drop this line when the program ships translations.
    std::setlocale(LC_MESSAGES, "C");

    app::DisplayFormat format;
    if (!is_c_locale(std::setlocale(LC_TIME, nullptr))) {
        const wxUILocale& locale = wxUILocale::GetCurrent();
        g_short_date_format = short_date_format(locale.GetInfo(wxLOCALE_SHORT_DATE_FMT));
        g_long_date_format = long_date_format(locale.GetInfo(wxLOCALE_LONG_DATE_FMT));
        g_time_format = time_format(locale.GetInfo(wxLOCALE_TIME_FMT));
        if (!g_short_date_format.empty()) format.date = &locale_date;
        if (!g_long_date_format.empty()) format.long_date = &locale_long_date;
        if (!g_time_format.empty()) format.time = &locale_time;
    }
    if (local_numbers) format.number = &locale_number;
    app::set_display_format(format);
}

} // namespace knotwork::gui
