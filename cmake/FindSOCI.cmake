# Finds SOCI (Debian ships no CMake config or pkg-config file for SOCI 4.0).
# Provides SOCI::core, SOCI::sqlite3 and SOCI::postgresql (with libpq's headers).
include(FindPackageHandleStandardArgs)

find_path(SOCI_INCLUDE_DIR soci/soci.h)
find_library(SOCI_CORE_LIBRARY NAMES soci_core)
find_library(SOCI_SQLITE3_LIBRARY NAMES soci_sqlite3)
find_library(SOCI_POSTGRESQL_LIBRARY NAMES soci_postgresql)
find_path(SOCI_PQ_INCLUDE_DIR libpq-fe.h PATH_SUFFIXES postgresql)
find_package(SQLite3 REQUIRED)
find_package(Boost 1.74 REQUIRED)

find_package_handle_standard_args(SOCI
    REQUIRED_VARS SOCI_INCLUDE_DIR SOCI_CORE_LIBRARY SOCI_SQLITE3_LIBRARY SOCI_POSTGRESQL_LIBRARY SOCI_PQ_INCLUDE_DIR)

if(SOCI_FOUND AND NOT TARGET SOCI::core)
    add_library(SOCI::core UNKNOWN IMPORTED)
    # SOCI was built with Boost support, so its headers include Boost's.
    set_target_properties(SOCI::core PROPERTIES
        IMPORTED_LOCATION "${SOCI_CORE_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${SOCI_INCLUDE_DIR}"
        INTERFACE_LINK_LIBRARIES "Boost::headers;${CMAKE_DL_LIBS}")

    add_library(SOCI::sqlite3 UNKNOWN IMPORTED)
    set_target_properties(SOCI::sqlite3 PROPERTIES
        IMPORTED_LOCATION "${SOCI_SQLITE3_LIBRARY}"
        INTERFACE_LINK_LIBRARIES "SOCI::core;SQLite::SQLite3")

    if(SOCI_POSTGRESQL_LIBRARY AND SOCI_PQ_INCLUDE_DIR)
        add_library(SOCI::postgresql UNKNOWN IMPORTED)
        set_target_properties(SOCI::postgresql PROPERTIES
            IMPORTED_LOCATION "${SOCI_POSTGRESQL_LIBRARY}"
            INTERFACE_INCLUDE_DIRECTORIES "${SOCI_PQ_INCLUDE_DIR}"
            INTERFACE_LINK_LIBRARIES "SOCI::core")
    endif()
endif()
mark_as_advanced(SOCI_INCLUDE_DIR SOCI_CORE_LIBRARY SOCI_SQLITE3_LIBRARY
                 SOCI_POSTGRESQL_LIBRARY SOCI_PQ_INCLUDE_DIR)
