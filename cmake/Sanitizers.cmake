option(EQKIT_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(EQKIT_SANITIZE)
  # UBSan's null and alignment checks instrument every member access and took about a third of
  # this tree's compile time (CI's budget); AddressSanitizer reports a null dereference itself.
  set(eqkit_sanitize_flags -fsanitize=address,undefined -fno-sanitize=null,alignment)
  add_compile_options(${eqkit_sanitize_flags} -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(${eqkit_sanitize_flags})
endif()
