# What an installed quire brings besides the program (issue 21): its man pages
# (src/cli/man), bash completion (src/cli/completion) and a Debian package of it all,
# `cpack --preset deb` (or `cd build/release && cpack -G DEB`). Included last from the
# top-level CMakeLists.txt, so every install rule is known when CPack reads them.
include(GNUInstallDirs)

add_subdirectory(${CMAKE_CURRENT_LIST_DIR}/man ${PROJECT_BINARY_DIR}/src/cli/man)
add_subdirectory(${CMAKE_CURRENT_LIST_DIR}/completion ${PROJECT_BINARY_DIR}/src/cli/completion)

# --- The Debian package -------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME quire)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The quire developers")
set(QUIRE_PACKAGE_MAINTAINER "The quire developers <maintainers@users.noreply.r-seed-5735a5db.example>"
  CACHE STRING "The Debian package's Maintainer field")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${QUIRE_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # quire_VERSION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
# The release build carries debug information (80 MB); the package does not.
set(CPACK_STRIP_FILES ON)

# The description is the README's opening paragraph, as the project describes itself.
file(READ ${PROJECT_SOURCE_DIR}/README.md readme)
string(REGEX MATCH "\n\n([^#][^\n]*(\n[^\n#][^\n]*)*)" intro "${readme}")
string(REGEX REPLACE "[*`]" "" intro "${CMAKE_MATCH_1}")
# Debian wants it in lines that fit a terminal: words refilled to 79 columns.
string(REGEX REPLACE "[ \n]+" ";" words "${intro}")
set(intro "")
set(line "")
foreach(word IN LISTS words)
  string(LENGTH "${line} ${word}" length)
  if(line AND length GREATER 79)
    string(APPEND intro "${line}\n")
    set(line "${word}")
  elseif(line)
    string(APPEND line " ${word}")
  else()
    set(line "${word}")
  endif()
endforeach()
string(APPEND intro "${line}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "magazine typesetter: XML articles and a layout into PDF")
set(CPACK_PACKAGE_DESCRIPTION "${intro}")

# Depends: the libraries, as dpkg-shlibdeps (dpkg-dev) reads them from the program,
# and the data quire opens at run time, which no library names:
# - hyphenation patterns: every hyphen-* package src/hyph names for a language it knows
#   (an article in one of those languages without its patterns is an error), read from
#   the source so that a language added there is a dependency here;
# - icc-profiles-free: sRGB.icc, the output intent of every PDF/A quire writes;
# - libgs-common: Ghostscript's default_cmyk.icc, for untagged CMYK images and the press
#   profile `build --print` falls back to.
file(STRINGS ${PROJECT_SOURCE_DIR}/src/hyph/hyphenator.cpp hyphen_lines REGEX "\"hyphen-[a-z-]+\"")
string(REGEX MATCHALL "hyphen-[a-z-]+" hyphen_packages "${hyphen_lines}")
list(REMOVE_DUPLICATES hyphen_packages)
list(SORT hyphen_packages)
if(NOT hyphen_packages)
  message(FATAL_ERROR "no hyphen-* packages found in src/hyph/hyphenator.cpp for the package's Depends")
endif()
list(JOIN hyphen_packages ", " hyphen_depends)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${hyphen_depends}, icc-profiles-free, libgs-common")
# Recommends: installed fonts for scripts the layout's fonts lack (fallback is optional:
# --no-system-fonts does without), pandoc for `quire import`, poppler-utils' pdftoppm
# for `quire preview`. Suggests: TeX Live's FOGRA39 press profile (a large package) for
# `build --print`.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-core, fonts-noto-cjk, pandoc, poppler-utils")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "texlive-base")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
