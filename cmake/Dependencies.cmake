# Third-party libraries come from Debian: packages natively, source packages for the web build
# (fetched by scripts/setup.sh into third_party/, which git ignores).
set(EQKIT_THIRD_PARTY_DIR ${CMAKE_SOURCE_DIR}/third_party CACHE PATH "Sources fetched from Debian")

if(EMSCRIPTEN)
  # emcc must never see /usr/include (glibc headers win), so expose only the header-only
  # libraries through a folder of symlinks.
  set(EQKIT_HOST_INCLUDE ${CMAKE_BINARY_DIR}/hostinc)
  file(MAKE_DIRECTORY ${EQKIT_HOST_INCLUDE})
  foreach(dir nlohmann tl doctest)
    if(NOT EXISTS ${EQKIT_HOST_INCLUDE}/${dir})
      file(CREATE_LINK /usr/include/${dir} ${EQKIT_HOST_INCLUDE}/${dir} SYMBOLIC)
    endif()
  endforeach()
  add_library(eqkit_host_headers INTERFACE)
  target_include_directories(eqkit_host_headers SYSTEM INTERFACE ${EQKIT_HOST_INCLUDE})
  target_compile_definitions(eqkit_host_headers INTERFACE JSON_NOEXCEPTION)
  add_library(nlohmann_json::nlohmann_json ALIAS eqkit_host_headers)
  add_library(tl::expected ALIAS eqkit_host_headers)
else()
  find_package(nlohmann_json 3.11 REQUIRED)
  find_package(tl-expected REQUIRED)
  find_package(PkgConfig REQUIRED)
  find_package(Threads REQUIRED)
endif()

# Evidence packs: SHA-256, Ed25519 signatures and ZIP. Natively from Debian's packages
# (libssl-dev, libsodium-dev, libminizip-dev, zlib1g-dev); the web build compiles libsodium and
# zlib's contrib/minizip from Debian's sources and defines eqkit::sodium and eqkit::minizip itself
# (toolchain.md §4). eqkit_evidence is built whenever both targets exist.
if(NOT EMSCRIPTEN)
  find_package(OpenSSL 3 REQUIRED COMPONENTS Crypto)
  find_package(ZLIB REQUIRED)
  pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET GLOBAL libsodium)
  add_library(eqkit::sodium ALIAS PkgConfig::SODIUM)
  # minizip from Debian's zlib source, as in the web build: the same ZIP code (byte-identical
  # packs) and a faster export than libminizip-dev's older copy (cmake/Minizip.cmake).
  option(EQKIT_MINIZIP_FROM_SOURCE "Compile minizip from Debian's zlib source in third_party/" ON)
  if(EQKIT_MINIZIP_FROM_SOURCE)
    include(Minizip)
  else()
    pkg_check_modules(MINIZIP REQUIRED IMPORTED_TARGET GLOBAL minizip)
    add_library(eqkit::minizip ALIAS PkgConfig::MINIZIP)
  endif()
else()
  include(Minizip)
endif()

# The backend behind eqkit/hash.hpp: OpenSSL's EVP natively (it uses the CPU's SHA instructions,
# about five times libsodium's speed), libsodium in the web build. core/CMakeLists.txt compiles
# core/src/hash_${EQKIT_HASH_BACKEND}.cpp; the logic has no #ifdef.
# Verify and import hash on a second thread where there are threads (natively), in line where
# there are none (the web build): core/src/background_sha256_${EQKIT_BACKGROUND_HASHING}.cpp.
if(EMSCRIPTEN)
  set(eqkit_default_hash_backend sodium)
  set(eqkit_default_background_hashing inline)
else()
  set(eqkit_default_hash_backend openssl)
  set(eqkit_default_background_hashing thread)
endif()
set(EQKIT_BACKGROUND_HASHING ${eqkit_default_background_hashing} CACHE STRING
  "How verify and import hash beside reading: thread or inline")
set_property(CACHE EQKIT_BACKGROUND_HASHING PROPERTY STRINGS thread inline)
set(EQKIT_HASH_BACKEND ${eqkit_default_hash_backend} CACHE STRING "SHA-256 backend: openssl or sodium")
set_property(CACHE EQKIT_HASH_BACKEND PROPERTY STRINGS openssl sodium)
