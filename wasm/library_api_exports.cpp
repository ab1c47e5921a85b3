// The C functions the accessible face calls (through Module.ccall) for the workspace folder
// and evidence packs: eqkit::LibraryApi, one method each. As in core_api.cpp, a page (or the
// pack worker) creates one LibrarySession and passes its handle back on every call.
#include <emscripten/emscripten.h>

#include <cstdint>
#include <memory>
#include <string>

#include "eqkit/files.hpp"
#include "eqkit/library_api.hpp"
#include "eqkit/plugins.hpp"
#include "js_text.hpp"

// Tells the page how far a pack export, verify or import has gone (Module.onPackProgress).
EM_JS(void, eqkit_pack_progress, (double done, double total), {
    if (Module["onPackProgress"]) Module["onPackProgress"](done, total);
});

namespace {

struct LibrarySession {
    explicit LibrarySession(const std::filesystem::path& plugins)
        : registry(eqkit::load_registry(plugins)), api(registry, EQKIT_VERSION) {}

    eqkit::Registry registry;
    eqkit::LibraryApi api;
};

using eqkit::web::to_js;

LibrarySession& from(void* handle) {
    return *static_cast<LibrarySession*>(handle);
}

// Reports each whole per mille once, so a pack of many small files does not flood the page.
eqkit::PackProgress progress_to_page() {
    return [last = std::uint64_t{1001}](std::uint64_t done, std::uint64_t total) mutable {
        const std::uint64_t permille = total == 0 ? 1000 : done * 1000 / total;
        if (permille != last) {
            last = permille;
            eqkit_pack_progress(static_cast<double>(done), static_cast<double>(total));
        }
        return true;
    };
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void* eqkit_library_create(const char* plugins_dir) {
    return std::make_unique<LibrarySession>(plugins_dir).release();  // the page owns it
}

EMSCRIPTEN_KEEPALIVE char* eqkit_library_open(void* h, const char* dir) {
    return to_js(from(h).api.open(dir));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_library_list(void* h, const char* filter, const char* today) {
    return to_js(from(h).api.list(filter, today));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_library_get(void* h, const char* id, const char* today) {
    return to_js(from(h).api.get(id, today));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_library_add(void* h, const char* request, const char* today) {
    return to_js(from(h).api.add(request, today));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_library_edit(void* h, const char* id, const char* details) {
    return to_js(from(h).api.edit(id, details));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_library_attach(void* h, const char* id, const char* ref) {
    return to_js(from(h).api.attach(id, ref));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_library_detach(void* h, const char* id, const char* ref) {
    return to_js(from(h).api.detach(id, ref));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_library_items(void* h, const char* today) {
    return to_js(from(h).api.items(today));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_library_item(void* h, const char* ref, const char* today) {
    return to_js(from(h).api.item(ref, today));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_library_suggestions(void* h, const char* ref) {
    return to_js(from(h).api.suggestions(ref));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_library_coverage(void* h, const char* framework) {
    return to_js(from(h).api.coverage(framework));
}
// Reads the assessment from a file (the face's /persist/current.json), not from the C stack.
EMSCRIPTEN_KEEPALIVE char* eqkit_library_store_assessment(void* h, const char* file) {
    eqkit::Result<std::string> text = eqkit::read_text_file(file);
    if (!text) {
        return to_js(R"({"ok":false,"errors":[{"message":"there is no assessment to store"}]})");
    }
    return to_js(from(h).api.store_assessment(*text));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_library_personal_data(void* h) {
    return to_js(from(h).api.personal_data());
}
EMSCRIPTEN_KEEPALIVE char* eqkit_library_export(void* h, const char* out) {
    return to_js(from(h).api.export_pack(out, progress_to_page()));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_library_verify(const char* pack) {
    return to_js(eqkit::LibraryApi::verify_pack(pack, progress_to_page()));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_library_import(void* h, const char* pack) {
    return to_js(from(h).api.import_pack(pack, progress_to_page()));
}
}  // extern "C"
