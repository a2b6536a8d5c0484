#pragma once
// The progress report's look in one place: a restrained palette (ink, one deep teal accent, greys,
// and green/amber/red kept for verdicts), the type sizes and the page margins.
#include "typesetting.h"

namespace knotwork::report::style {

using typeset::Colour;

inline constexpr Colour ink = Colour::hex(0x1D272E);
inline constexpr Colour muted = Colour::hex(0x5A6670);
inline constexpr Colour faint = Colour::hex(0x8A959D);
inline constexpr Colour hairline = Colour::hex(0xD3DADF);
inline constexpr Colour rule = Colour::hex(0x9AA6AE);
inline constexpr Colour accent = Colour::hex(0x1F5A6E);
inline constexpr Colour accent_light = Colour::hex(0x7FA9B8);
inline constexpr Colour tint = Colour::hex(0xEEF3F5);
inline constexpr Colour good = Colour::hex(0x2D7A4B);
inline constexpr Colour caution = Colour::hex(0x9C6200);
inline constexpr Colour bad = Colour::hex(0xB0301F);
inline constexpr Colour bad_tint = Colour::hex(0xFBEDEA);

inline constexpr double body_size = 9.0;
inline constexpr double table_size = 8.3;
inline constexpr double small_size = 7.4;
inline constexpr double heading_size = 11.5;

inline constexpr double margin_side = 54.0;   // 19 mm
inline constexpr double margin_top = 46.0;
inline constexpr double margin_bottom = 58.0; // the footer sits inside it
inline constexpr double running_header = 30.0; // space the running header takes from page 2 on

} // namespace knotwork::report::style
