# zlib and its contrib/minizip, compiled from Debian's zlib source (scripts/setup.sh fetches it
# into third_party/; toolchain.md §4), and libsodium as built there for WebAssembly. Included by
# Dependencies.cmake in the web build, which has no other zlib, minizip or libsodium.
set(EQKIT_ZLIB_SOURCE ${EQKIT_THIRD_PARTY_DIR}/zlib-1.2.13.dfsg CACHE PATH
  "Debian's zlib source (with contrib/minizip)")
set(EQKIT_SODIUM_WASM ${EQKIT_THIRD_PARTY_DIR}/sodium-wasm CACHE PATH
  "libsodium built for WebAssembly by scripts/setup.sh (lib/libsodium.a, include/)")

foreach(needed ${EQKIT_ZLIB_SOURCE}/contrib/minizip/zip.c ${EQKIT_SODIUM_WASM}/lib/libsodium.a)
  if(NOT EXISTS ${needed})
    message(FATAL_ERROR "${needed} is missing: run scripts/setup.sh")
  endif()
endforeach()

# zlib: its 15 library sources, as Debian builds them (no gz* file needs more than unistd.h).
set(zlib_names adler32 compress crc32 deflate gzclose gzlib gzread gzwrite infback inffast
  inflate inftrees trees uncompr zutil)
list(TRANSFORM zlib_names PREPEND ${EQKIT_ZLIB_SOURCE}/ OUTPUT_VARIABLE zlib_sources)
list(TRANSFORM zlib_sources APPEND .c)
add_library(eqkit_zlib STATIC ${zlib_sources})
target_include_directories(eqkit_zlib SYSTEM PUBLIC ${EQKIT_ZLIB_SOURCE})
target_compile_definitions(eqkit_zlib PRIVATE HAVE_UNISTD_H)

# minizip: the core includes <minizip/zip.h> (as with Debian's libminizip-dev), so its headers
# are copied into a minizip/ folder of their own.
set(minizip_dir ${EQKIT_ZLIB_SOURCE}/contrib/minizip)
set(minizip_include ${CMAKE_BINARY_DIR}/minizip-include)
foreach(header zip.h unzip.h ioapi.h)
  configure_file(${minizip_dir}/${header} ${minizip_include}/minizip/${header} COPYONLY)
endforeach()
add_library(eqkit_minizip_lib STATIC ${minizip_dir}/zip.c ${minizip_dir}/unzip.c
  ${minizip_dir}/ioapi.c)
target_include_directories(eqkit_minizip_lib SYSTEM PUBLIC ${minizip_include})
target_compile_definitions(eqkit_minizip_lib PRIVATE NOCRYPT NOUNCRYPT HAVE_UNISTD_H)
target_link_libraries(eqkit_minizip_lib PUBLIC eqkit_zlib)
add_library(eqkit::minizip ALIAS eqkit_minizip_lib)

add_library(eqkit_sodium STATIC IMPORTED GLOBAL)
set_target_properties(eqkit_sodium PROPERTIES
  IMPORTED_LOCATION ${EQKIT_SODIUM_WASM}/lib/libsodium.a
  INTERFACE_INCLUDE_DIRECTORIES ${EQKIT_SODIUM_WASM}/include)
add_library(eqkit::sodium ALIAS eqkit_sodium)
