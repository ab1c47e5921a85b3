// The C functions the accessible face calls (through Module.ccall) for the workspace's action
// plan (core/include/eqkit/actions_api.hpp). Each call opens the workspace folder afresh, so
// the page and the pack worker never hold a stale copy, and no state lives here.
#include <emscripten/emscripten.h>

#include <memory>
#include <string>

#include "eqkit/actions_api.hpp"
#include "eqkit/plugins.hpp"
#include "js_text.hpp"

namespace {

using eqkit::web::to_js;

// Runs fn(folder) on the workspace, or says why it would not open.
template <class Fn>
char* with_workspace(const char* plugins, const char* dir, Fn&& fn) {
    const eqkit::Registry registry = eqkit::load_registry(plugins);
    eqkit::Checked<eqkit::WorkspaceFolder> ws = eqkit::WorkspaceFolder::open(dir, registry);
    // fn takes the folder as it needs it: const to read, or not to add an assessment.
    if (!ws) {
        return to_js(R"({"ok":false,"errors":[{"message":"The workspace would not open: )" +
                     ws.error().front().reason + "\"}]}");
    }
    return to_js(fn(*ws));
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE char* eqkit_actions_list(const char* plugins, const char* dir,
                                              const char* filter, const char* today) {
    return with_workspace(plugins, dir, [&](const eqkit::WorkspaceFolder& ws) {
        return eqkit::actions_api_list(ws, filter, today);
    });
}
EMSCRIPTEN_KEEPALIVE char* eqkit_actions_add(const char* plugins, const char* dir,
                                             const char* request, const char* today) {
    return with_workspace(plugins, dir, [&](const eqkit::WorkspaceFolder& ws) {
        return eqkit::actions_api_add(ws, request, today);
    });
}
EMSCRIPTEN_KEEPALIVE char* eqkit_actions_set(const char* plugins, const char* dir, const char* id,
                                             const char* request, const char* today) {
    return with_workspace(plugins, dir, [&](const eqkit::WorkspaceFolder& ws) {
        return eqkit::actions_api_set(ws, id, request, today);
    });
}
EMSCRIPTEN_KEEPALIVE char* eqkit_actions_export(const char* plugins, const char* dir,
                                                const char* filter, const char* format,
                                                const char* today) {
    return with_workspace(plugins, dir, [&](const eqkit::WorkspaceFolder& ws) {
        return eqkit::actions_api_export(ws, filter, format, today);
    });
}
// Next year's assessment of a framework, carrying its open actions across.
EMSCRIPTEN_KEEPALIVE char* eqkit_actions_start(const char* plugins, const char* dir,
                                               const char* request, const char* today) {
    return with_workspace(plugins, dir, [&](eqkit::WorkspaceFolder& ws) {
        return eqkit::actions_api_start(ws, request, today);
    });
}
// Each assessment's review status, for the list of which are due or overdue.
EMSCRIPTEN_KEEPALIVE char* eqkit_reviews_list(const char* plugins, const char* dir,
                                              const char* today) {
    return with_workspace(plugins, dir, [&](const eqkit::WorkspaceFolder& ws) {
        return eqkit::reviews_api_list(ws, today);
    });
}
}  // extern "C"
