#pragma once
// User-visible text built outside the GUI (presenters, chart pages) goes through tr(), which the
// desktop program points at wxGetTranslation; elsewhere it returns the English text unchanged.
// Mark literals with KW_TR("...") so the message extractor finds them (xgettext -k KW_TR).
#include <string>
#include <string_view>

namespace knotwork::app {

using Translator = std::string (*)(std::string_view english);
void set_translator(Translator t);
std::string tr(std::string_view english);

} // namespace knotwork::app

#define KW_TR(text) ::knotwork::app::tr(text)
