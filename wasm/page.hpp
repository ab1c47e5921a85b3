#pragma once
// The page-side steps of start-up, in JavaScript (wasm/page.cpp).
extern "C" {
// Mounts IndexedDB at /persist, reads it, then calls eqkit_start(web, storage_error).
void eqkit_js_mount_and_start(void* web);
// After the first frame: window.eqkit_ready = true, and the page's status line says so.
void eqkit_js_ready();
// The app could not start (no WebGL 2, for example): the page's status line says why.
void eqkit_js_failed(const char* why);
}
