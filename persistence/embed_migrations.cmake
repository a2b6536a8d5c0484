# Writes a C++ source that holds every migration script of one dialect, so the programs need no
# resource files at run time. Usage: embed_migrations(<output.cpp> <function> <script>...)
function(embed_migrations output function_name)
    set(entries "")
    set(bodies "")
    set(index 0)
    foreach(script IN LISTS ARGN)
        get_filename_component(name ${script} NAME_WE)
        string(REGEX MATCH "^[0-9]+" number ${name})
        math(EXPR version "${number}")
        file(READ ${script} body)
        string(APPEND bodies "constexpr char script_${index}[] = R\"knotwork_sql(${body})knotwork_sql\";\n")
        string(APPEND entries "    Migration{${version}, \"${name}\", script_${index}},\n")
        math(EXPR index "${index} + 1")
        set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${script})
    endforeach()
    file(CONFIGURE OUTPUT ${output} CONTENT
"// Generated from resources/migrations by CMake. Do not edit.
#include \"migrations.h\"

#include <array>

namespace knotwork::db {
namespace {
${bodies}
const std::array<Migration, ${index}> migrations{{
${entries}}};
} // namespace

std::span<const Migration> ${function_name}() { return migrations; }

} // namespace knotwork::db
" @ONLY)
endfunction()
