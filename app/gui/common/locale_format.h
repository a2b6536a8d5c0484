#pragma once
// The desktop program's dates, times and decimals in the user's locale. Points the display-format
// hook (core/display_format.h) at wxWidgets: the C library's locale comes from the environment
// (LANG, LC_ALL, LC_TIME, LC_NUMERIC...) through wxUILocale::UseDefault(); dates and times are then
// written by wxDateTime::Format() in the order and with the names LC_TIME gives, decimals by
// wxNumberFormatter with LC_NUMERIC's separator.
//
// What it promises besides:
// - Short dates always carry a four-digit year (en_GB's "%d/%m/%y" becomes 27/11/2026): a date of
//   birth must not be ambiguous. Times show hours and minutes, never seconds.
// - The C library keeps LC_NUMERIC at "C", so printf, strtod and everything that writes or reads
//   numbers as data (SQLite, CSV, JSON) still use '.'; only text built by format_number() shows
//   the locale's separator.
// - LC_MESSAGES stays "C" as well: the program is not translated, and GTK's own labels follow it
//   in English rather than mixing languages in one dialog.
// - Under the C or POSIX locale (nothing set, or C.UTF-8) dates and times stay ISO 8601, as when no
//   hook is installed; so does everything when the environment names a locale that is not
//   installed.
//
// Call from wxApp::OnInit(), on the main thread, before any window shows text. Each call reads the
// environment again and replaces what an earlier call installed.
namespace knotwork::gui {

void install_locale_formatting();

} // namespace knotwork::gui
