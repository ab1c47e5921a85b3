#include "page.hpp"

#include <emscripten.h>

// clang-format would split "=>" and reflow the arrays.
// clang-format off

EM_JS(void, eqkit_js_mount_and_start, (void* web), {
  Module.eqkitContext = web;
  FS.mkdir('/persist');
  FS.mount(IDBFS, {}, '/persist');
  FS.syncfs(true, (error) => Module.ccall('eqkit_start', null, ['number', 'string'],
                                          [web, error ? String(error) : ""]));
});

EM_JS(void, eqkit_js_ready, (), {
  window.eqkit_ready = true;
  if (Module.onEqkitReady) Module.onEqkitReady();
});

EM_JS(void, eqkit_js_failed, (const char* why), {
  if (Module.onEqkitFailed) Module.onEqkitFailed(UTF8ToString(why));
});

// clang-format on
