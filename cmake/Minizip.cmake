# minizip compiled from Debian's zlib source, whose contrib it is (scripts/setup.sh fetches it into
# third_party/; toolchain.md §4), so the native and web builds run the same ZIP code and write
# byte-identical packs. Natively it sits on the system zlib (ZLIB::ZLIB, found before this file is
# included); Debian's libminizip is older and measurably slower at export (bench/). The web build,
# which has no other zlib, minizip or libsodium, also compiles zlib from that source and uses
# libsodium as scripts/setup.sh built it for WebAssembly. Defines eqkit::minizip (and, in the web
# build, eqkit::sodium).
set(EQKIT_ZLIB_SOURCE ${EQKIT_THIRD_PARTY_DIR}/zlib-1.2.13.dfsg CACHE PATH
  "Debian's zlib source (with contrib/minizip)")
set(EQKIT_SODIUM_WASM ${EQKIT_THIRD_PARTY_DIR}/sodium-wasm CACHE PATH
  "libsodium built for WebAssembly by scripts/setup.sh (lib/libsodium.a, include/)")

set(needed ${EQKIT_ZLIB_SOURCE}/contrib/minizip/zip.c)
if(EMSCRIPTEN)
  list(APPEND needed ${EQKIT_SODIUM_WASM}/lib/libsodium.a)
endif()
foreach(file ${needed})
  if(NOT EXISTS ${file})
    message(FATAL_ERROR "${file} is missing: run scripts/setup.sh")
  endif()
endforeach()

if(EMSCRIPTEN)
  # zlib: its 15 library sources, as Debian builds them.
  set(zlib_names adler32 compress crc32 deflate gzclose gzlib gzread gzwrite infback inffast
    inflate inftrees trees uncompr zutil)
  list(TRANSFORM zlib_names PREPEND ${EQKIT_ZLIB_SOURCE}/ OUTPUT_VARIABLE zlib_sources)
  list(TRANSFORM zlib_sources APPEND .c)
  add_library(eqkit_zlib STATIC ${zlib_sources})
  target_include_directories(eqkit_zlib SYSTEM PUBLIC ${EQKIT_ZLIB_SOURCE})
  target_compile_definitions(eqkit_zlib PRIVATE HAVE_UNISTD_H)
  set(eqkit_zlib_target eqkit_zlib)

  add_library(eqkit_sodium STATIC IMPORTED GLOBAL)
  set_target_properties(eqkit_sodium PROPERTIES
    IMPORTED_LOCATION ${EQKIT_SODIUM_WASM}/lib/libsodium.a
    INTERFACE_INCLUDE_DIRECTORIES ${EQKIT_SODIUM_WASM}/include)
  add_library(eqkit::sodium ALIAS eqkit_sodium)
else()
  set(eqkit_zlib_target ZLIB::ZLIB)
endif()

# The core includes <minizip/zip.h> (as with Debian's libminizip-dev), so the headers are copied
# into a minizip/ folder of their own.
set(minizip_dir ${EQKIT_ZLIB_SOURCE}/contrib/minizip)
set(minizip_include ${CMAKE_BINARY_DIR}/minizip-include)
foreach(header zip.h unzip.h ioapi.h)
  configure_file(${minizip_dir}/${header} ${minizip_include}/minizip/${header} COPYONLY)
endforeach()
# zip.c with two changes that leave every byte it writes the same, for export speed (bench/
# pack_throughput.sh; a profile put 40% of export in this loop): it copies stored data with
# memcpy instead of a byte at a time, and takes no CRC-32 of an entry written raw, whose CRC the
# caller gives (evidence files' CRC-32 is taken when they are added).
file(READ ${minizip_dir}/zip.c zip_source)
set(byte_loop [=[
              for (i = 0; i < copy_this; i++)
                  *(((char*)zi->ci.stream.next_out)+i) =
                      *(((const char*)zi->ci.stream.next_in)+i);
]=])
set(crc_always [=[
    zi->ci.crc32 = crc32(zi->ci.crc32,buf,(uInt)len);
]=])
foreach(part byte_loop crc_always)
  string(FIND "${zip_source}" "${${part}}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${minizip_dir}/zip.c has changed: cmake/Minizip.cmake cannot adapt it")
  endif()
endforeach()
string(REPLACE "${byte_loop}" [=[
              memcpy(zi->ci.stream.next_out, zi->ci.stream.next_in, copy_this);
              i = copy_this;
]=] zip_source "${zip_source}")
string(REPLACE "${crc_always}" [=[
    if (!zi->ci.raw)
        zi->ci.crc32 = crc32(zi->ci.crc32,buf,(uInt)len);
]=] zip_source "${zip_source}")
file(WRITE ${CMAKE_BINARY_DIR}/minizip-source/zip.c.new "${zip_source}")
configure_file(${CMAKE_BINARY_DIR}/minizip-source/zip.c.new
  ${CMAKE_BINARY_DIR}/minizip-source/zip.c COPYONLY)  # rewritten only when it changes
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${minizip_dir}/zip.c)
add_library(eqkit_minizip_lib STATIC ${CMAKE_BINARY_DIR}/minizip-source/zip.c
  ${minizip_dir}/unzip.c ${minizip_dir}/ioapi.c)
target_include_directories(eqkit_minizip_lib PRIVATE ${minizip_dir})
target_include_directories(eqkit_minizip_lib SYSTEM PUBLIC ${minizip_include})
target_compile_definitions(eqkit_minizip_lib PRIVATE NOCRYPT NOUNCRYPT HAVE_UNISTD_H)
target_link_libraries(eqkit_minizip_lib PUBLIC ${eqkit_zlib_target})
add_library(eqkit::minizip ALIAS eqkit_minizip_lib)
