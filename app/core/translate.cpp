#include "core/translate.h"

namespace knotwork::app {

namespace {
Translator g_translator = nullptr;
}

void set_translator(Translator t) { g_translator = t; }

std::string tr(std::string_view english) {
    return g_translator ? g_translator(english) : std::string(english);
}

} // namespace knotwork::app
