# Installers for Knotwork: the desktop integration files (launcher entry, file type, icons,
# AppStream metadata, manual pages, copyright and changelog) and the CPack configuration of each
# platform's package, chosen by the platform CMake runs on:
#   Linux    a Debian package (.deb)                 built and tested by scripts/package.sh
#   Windows  an NSIS installer (.exe)                written to convention, never built
#   macOS    an application bundle on a disk image   written to convention, never built
# Included from the top-level CMakeLists.txt after the programs' targets exist. See
# installer/README.md.

include(GNUInstallDirs)

set(KNOTWORK_APP_ID "org.knotwork.Knotwork")
# Placeholders until the project has a web site, a contact address and a licence: every file
# that names them takes them from here.
set(KNOTWORK_HOMEPAGE "https://knotwork.org/")
set(KNOTWORK_MAINTAINER "The Knotwork developers <developers@knotwork.org>")
set(KNOTWORK_SPDX_LICENSE "LicenseRef-proprietary")

set(knotwork_installer_dir ${CMAKE_CURRENT_LIST_DIR})
set(knotwork_installer_out ${CMAKE_BINARY_DIR}/installer)
set(knotwork_icon_svg ${knotwork_installer_dir}/icons/${KNOTWORK_APP_ID}.svg)
set(knotwork_has_gui FALSE)
if(TARGET knotwork)
    set(knotwork_has_gui TRUE)
endif()

# --- The release this build is: the newest entry of the AppStream release list and of the
# Debian changelog must both be this project() version. A release needs both written first;
# scripts/package.sh turns the warning into an error with -DKNOTWORK_RELEASE_CHECKS=ON.
option(KNOTWORK_RELEASE_CHECKS "Fail the configure when the changelog or the AppStream releases lack this version" OFF)
file(READ ${knotwork_installer_dir}/linux/${KNOTWORK_APP_ID}.metainfo.xml.in knotwork_metainfo)
string(REGEX MATCH "<release version=\"([^\"]+)\" date=\"([0-9-]+)\"" _ "${knotwork_metainfo}")
set(knotwork_metainfo_version "${CMAKE_MATCH_1}")
set(KNOTWORK_RELEASE_DATE "${CMAKE_MATCH_2}")
file(STRINGS ${knotwork_installer_dir}/linux/changelog knotwork_changelog_head LIMIT_COUNT 1)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             ${knotwork_installer_dir}/linux/${KNOTWORK_APP_ID}.metainfo.xml.in ${knotwork_installer_dir}/linux/changelog)
string(REGEX MATCH "^knotwork \\(([^)]+)\\)" _ "${knotwork_changelog_head}")
set(knotwork_changelog_version "${CMAKE_MATCH_1}")
if(NOT knotwork_metainfo_version STREQUAL PROJECT_VERSION OR NOT knotwork_changelog_version STREQUAL PROJECT_VERSION)
    if(KNOTWORK_RELEASE_CHECKS)
        set(knotwork_release_severity FATAL_ERROR)
    else()
        set(knotwork_release_severity WARNING)
    endif()
    message(${knotwork_release_severity}
        "Knotwork ${PROJECT_VERSION} has no release notes yet: the newest release in "
        "installer/linux/${KNOTWORK_APP_ID}.metainfo.xml.in is '${knotwork_metainfo_version}' and the "
        "newest entry of installer/linux/changelog is '${knotwork_changelog_version}'. Add an entry for "
        "${PROJECT_VERSION} to both.")
endif()

# --- Linux: the freedesktop.org integration and the Debian documentation files.
if(UNIX AND NOT APPLE)
    set(knotwork_doc_dir ${CMAKE_INSTALL_DATADIR}/doc/knotwork)
    set(knotwork_generated)

    # Debian wants manual pages and changelogs compressed, without a timestamp in the gzip header
    # (so the same sources make the same package). knotwork_gzip(SOURCE NAME) makes
    # <build>/installer/gzip/NAME.gz and adds it to knotwork_generated.
    find_program(KNOTWORK_GZIP gzip REQUIRED)
    function(knotwork_gzip source name)
        set(copy ${knotwork_installer_out}/gzip/${name})
        add_custom_command(OUTPUT ${copy}.gz
            COMMAND ${CMAKE_COMMAND} -E copy ${source} ${copy}
            COMMAND ${KNOTWORK_GZIP} -9nf ${copy}
            DEPENDS ${source} VERBATIM)
        set(knotwork_generated ${knotwork_generated} ${copy}.gz PARENT_SCOPE)
    endfunction()
    set(gz ${knotwork_installer_out}/gzip)

    configure_file(${knotwork_installer_dir}/linux/knotwork-cli.1.in ${knotwork_installer_out}/knotwork-cli.1 @ONLY)
    knotwork_gzip(${knotwork_installer_out}/knotwork-cli.1 knotwork-cli.1)
    install(FILES ${gz}/knotwork-cli.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

    # The version has no Debian revision, so Debian policy treats the package as native: its
    # changelog is changelog.gz (not changelog.Debian.gz).
    knotwork_gzip(${knotwork_installer_dir}/linux/changelog changelog)
    configure_file(${knotwork_installer_dir}/linux/copyright.in ${knotwork_installer_out}/copyright @ONLY)
    install(FILES ${knotwork_installer_out}/copyright ${gz}/changelog.gz DESTINATION ${knotwork_doc_dir})

    if(knotwork_has_gui)
        configure_file(${knotwork_installer_dir}/linux/knotwork.1.in ${knotwork_installer_out}/knotwork.1 @ONLY)
        knotwork_gzip(${knotwork_installer_out}/knotwork.1 knotwork.1)
        install(FILES ${gz}/knotwork.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

        install(FILES ${knotwork_installer_dir}/linux/${KNOTWORK_APP_ID}.desktop
                DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
        configure_file(${knotwork_installer_dir}/linux/${KNOTWORK_APP_ID}.metainfo.xml.in
                       ${knotwork_installer_out}/${KNOTWORK_APP_ID}.metainfo.xml @ONLY)
        install(FILES ${knotwork_installer_out}/${KNOTWORK_APP_ID}.metainfo.xml
                DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
        install(FILES ${knotwork_installer_dir}/linux/${KNOTWORK_APP_ID}.mime.xml
                DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages RENAME ${KNOTWORK_APP_ID}.xml)

        # The icon: the SVG itself, and PNGs rendered from it at the hicolor theme's fixed sizes.
        install(FILES ${knotwork_icon_svg} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
        find_program(KNOTWORK_RSVG_CONVERT rsvg-convert)
        if(KNOTWORK_RSVG_CONVERT)
            foreach(size 16 32 48 64 128 256)
                set(png ${knotwork_installer_out}/icons/${size}x${size}/${KNOTWORK_APP_ID}.png)
                add_custom_command(OUTPUT ${png}
                    COMMAND ${CMAKE_COMMAND} -E make_directory ${knotwork_installer_out}/icons/${size}x${size}
                    COMMAND ${KNOTWORK_RSVG_CONVERT} --width=${size} --height=${size} --output=${png} ${knotwork_icon_svg}
                    DEPENDS ${knotwork_icon_svg} VERBATIM)
                list(APPEND knotwork_generated ${png})
                install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
            endforeach()
        else()
            message(WARNING "rsvg-convert (librsvg2-bin) not found: the PNG icons are left out of the "
                            "install; scripts/install-deps.sh installs it")
        endif()
    endif()

    add_custom_target(knotwork_desktop_files ALL DEPENDS ${knotwork_generated})
endif()

# --- What every package says about itself.
set(CPACK_PACKAGE_NAME knotwork)
set(CPACK_PACKAGE_VENDOR "The Knotwork developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION_FILE ${knotwork_installer_dir}/linux/description.txt)
set(CPACK_PACKAGE_HOMEPAGE_URL ${KNOTWORK_HOMEPAGE})
set(CPACK_PACKAGE_CONTACT ${KNOTWORK_MAINTAINER})
set(CPACK_PACKAGE_INSTALL_DIRECTORY Knotwork)
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/packages)
set(CPACK_STRIP_FILES ON)
set(CPACK_VERBATIM_VARIABLES ON)
set(CPACK_SOURCE_IGNORE_FILES "/\\.git/" "/build[^/]*/" "/bench-data/" "/shots/" "/out/")
# Directories the package creates are rwxr-xr-x whatever the umask of the machine that builds it.
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

if(UNIX AND NOT APPLE)
    set(CPACK_GENERATOR DEB)
    set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_SECTION misc)
    set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
    set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${KNOTWORK_MAINTAINER})
    set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${KNOTWORK_HOMEPAGE})
    # Depends: from the libraries the programs link (dpkg-shlibdeps).
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    # The progress reports set their text in DejaVu Sans, and CJK names in Noto Sans CJK or
    # WenQuanYi Micro Hei; without such a font those names print as empty boxes.
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-dejavu-core, fonts-noto-cjk | fonts-wqy-microhei")
    set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
elseif(WIN32)
    set(CPACK_GENERATOR NSIS)
    # A window program: no console window behind it.
    if(knotwork_has_gui)
        set_target_properties(knotwork PROPERTIES WIN32_EXECUTABLE ON)
    endif()
    # The compiler's runtime, and the DLLs the programs link (wxWidgets, SOCI, SQLite, libpq,
    # Cairo, Pango, Boost), beside the programs in bin\. KNOTWORK_RUNTIME_DLL_DIRS names the
    # folders that hold those DLLs (for vcpkg: <vcpkg>/installed/x64-windows/bin).
    set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION ${CMAKE_INSTALL_BINDIR})
    include(InstallRequiredSystemLibraries)
    set(KNOTWORK_RUNTIME_DLL_DIRS "" CACHE PATH "Folders holding the DLLs the programs link, for the installer")
    set(knotwork_programs $<TARGET_FILE:knotwork-cli>)
    if(knotwork_has_gui)
        list(APPEND knotwork_programs $<TARGET_FILE:knotwork>)
    endif()
    install(CODE "set(knotwork_programs \"${knotwork_programs}\")
                  set(knotwork_dll_dirs \"${KNOTWORK_RUNTIME_DLL_DIRS}\")")
    install(CODE [[
        file(GET_RUNTIME_DEPENDENCIES
             EXECUTABLES ${knotwork_programs}
             DIRECTORIES ${knotwork_dll_dirs}
             RESOLVED_DEPENDENCIES_VAR knotwork_dlls
             UNRESOLVED_DEPENDENCIES_VAR knotwork_missing_dlls
             PRE_EXCLUDE_REGEXES "^api-ms-" "^ext-ms-"
             POST_EXCLUDE_REGEXES ".*[Ss]ystem32/.*")
        if(knotwork_missing_dlls)
            message(FATAL_ERROR "DLLs not found (set KNOTWORK_RUNTIME_DLL_DIRS): ${knotwork_missing_dlls}")
        endif()
        file(INSTALL ${knotwork_dlls} DESTINATION "${CMAKE_INSTALL_PREFIX}/bin")
    ]])

    # The Windows icon, made from the SVG by installer/icons/make-windows-icon.sh.
    set(knotwork_ico ${knotwork_installer_dir}/windows/knotwork.ico)
    install(FILES ${knotwork_ico} DESTINATION ${CMAKE_INSTALL_BINDIR})
    set(CPACK_NSIS_MUI_ICON ${knotwork_ico})
    set(CPACK_NSIS_MUI_UNIICON ${knotwork_ico})
    set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\knotwork.ico")

    # Into Program Files\Knotwork; the uninstaller is listed in Apps and Features, and a previous
    # version is uninstalled first.
    set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")
    set(CPACK_NSIS_PACKAGE_NAME "Knotwork ${PROJECT_VERSION}")
    set(CPACK_NSIS_DISPLAY_NAME "Knotwork")
    set(CPACK_NSIS_URL_INFO_ABOUT ${KNOTWORK_HOMEPAGE})
    set(CPACK_NSIS_CONTACT ${KNOTWORK_MAINTAINER})
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    set(CPACK_NSIS_UNINSTALL_NAME "Uninstall Knotwork")
    # The installer offers to put bin\ (knotwork-cli) on the PATH.
    set(CPACK_NSIS_MODIFY_PATH ON)
    # Start menu: Knotwork, and the uninstaller; a desktop shortcut if asked for.
    set(CPACK_NSIS_EXECUTABLES_DIRECTORY ${CMAKE_INSTALL_BINDIR})
    if(knotwork_has_gui)
        set(CPACK_PACKAGE_EXECUTABLES knotwork Knotwork)
        set(CPACK_CREATE_DESKTOP_LINKS knotwork)
        set(CPACK_NSIS_MUI_FINISHPAGE_RUN knotwork.exe)
    endif()
    # Practice files (.knotwork) open in Knotwork; the uninstaller takes the association back.
    set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS
        "!include \"${knotwork_installer_dir}/windows/file-association.nsh\"\n!insertmacro KnotworkAssociate")
    set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS
        "!include \"${knotwork_installer_dir}/windows/file-association.nsh\"\n!insertmacro KnotworkUnassociate")
elseif(APPLE)
    # Knotwork.app on a disk image: the installed tree goes into Contents/Resources, the launcher
    # becomes Contents/MacOS/Knotwork, and Info.plist declares the practice file type.
    set(CPACK_GENERATOR Bundle)
    set(CPACK_BUNDLE_NAME Knotwork)
    set(CPACK_BUNDLE_STARTUP_COMMAND ${knotwork_installer_dir}/macos/launcher.sh)
    configure_file(${knotwork_installer_dir}/macos/Info.plist.in ${knotwork_installer_out}/Info.plist @ONLY)
    set(CPACK_BUNDLE_PLIST ${knotwork_installer_out}/Info.plist)
    set(CPACK_DMG_VOLUME_NAME Knotwork)
    set(CPACK_DMG_FORMAT UDBZ)

    # Knotwork.icns, rendered from the SVG at build time (rsvg-convert from librsvg, iconutil from
    # the Xcode command line tools).
    find_program(KNOTWORK_RSVG_CONVERT rsvg-convert REQUIRED)
    find_program(KNOTWORK_ICONUTIL iconutil REQUIRED)
    set(iconset ${knotwork_installer_out}/Knotwork.iconset)
    set(icns ${knotwork_installer_out}/Knotwork.icns)
    set(render_commands)
    foreach(size 16 32 128 256 512)
        math(EXPR double "${size} * 2")
        list(APPEND render_commands
            COMMAND ${KNOTWORK_RSVG_CONVERT} --width=${size} --height=${size} --output=${iconset}/icon_${size}x${size}.png ${knotwork_icon_svg}
            COMMAND ${KNOTWORK_RSVG_CONVERT} --width=${double} --height=${double} --output=${iconset}/icon_${size}x${size}@2x.png ${knotwork_icon_svg})
    endforeach()
    add_custom_command(OUTPUT ${icns}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${iconset}
        ${render_commands}
        COMMAND ${KNOTWORK_ICONUTIL} --convert icns --output ${icns} ${iconset}
        DEPENDS ${knotwork_icon_svg} VERBATIM)
    add_custom_target(knotwork_bundle_icon ALL DEPENDS ${icns})
    set(CPACK_BUNDLE_ICON ${icns})
    set(CPACK_PACKAGE_ICON ${icns})

    # Copy the non-system libraries the programs link (wxWidgets, SOCI, ...) into the bundle and
    # point the programs at them.
    if(knotwork_has_gui)
        install(CODE [[
            include(BundleUtilities)
            fixup_bundle("${CMAKE_INSTALL_PREFIX}/bin/knotwork" "${CMAKE_INSTALL_PREFIX}/bin/knotwork-cli" "")
        ]])
    endif()
endif()

include(CPack)
