// The WRES/WDES functions the accessible face calls through Module.ccall, over
// eqkit::workforce::WorkforceApi. Like core_api.cpp: the page creates one session and passes its
// handle back on every call, and every answer is a malloc'd JSON string the page frees.
#include <emscripten/emscripten.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "eqkit/plugins.hpp"
#include "eqkit/workforce_api.hpp"
#include "js_text.hpp"

namespace {

struct WorkforceSession {
    explicit WorkforceSession(const std::filesystem::path& plugins)
        : registry(eqkit::load_registry(plugins)), api(registry) {}

    eqkit::Registry registry;
    eqkit::workforce::WorkforceApi api;
};

using eqkit::web::to_js;

eqkit::workforce::WorkforceApi& api(void* handle) {
    return static_cast<WorkforceSession*>(handle)->api;
}

// Bytes the page copied into the module's memory (a slice of a file: not NUL-terminated).
std::string_view bytes(const void* data, double size) {
    return {static_cast<const char*>(data), static_cast<std::size_t>(size)};
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void* eqkit_wf_create(const char* plugins_dir) {
    return std::make_unique<WorkforceSession>(plugins_dir).release();  // the page owns it
}
// One step of the warm-up the page runs in idle time (WorkforceApi::warm_up_step); 1 while
// there is more to do.
EMSCRIPTEN_KEEPALIVE int eqkit_wf_warm_up(void* h) {
    return api(h).warm_up_step() ? 1 : 0;
}
EMSCRIPTEN_KEEPALIVE char* eqkit_wf_standards(void* h) {
    return to_js(api(h).standards_json());
}
EMSCRIPTEN_KEEPALIVE char* eqkit_wf_state(void* h) {
    return to_js(api(h).state_json());
}
EMSCRIPTEN_KEEPALIVE char* eqkit_wf_choose(void* h, const char* id) {
    return to_js(api(h).choose_json(id));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_wf_propose(void* h, const char* role, const void* data,
                                            double size, const char* file) {
    return to_js(api(h).propose_json(role, bytes(data, size), file));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_wf_set_columns(void* h, const char* role, const char* columns) {
    return to_js(api(h).set_columns_json(role, columns));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_wf_mapping(void* h) {
    return to_js(api(h).mapping_json());
}
EMSCRIPTEN_KEEPALIVE char* eqkit_wf_open_mapping_file(void* h, const char* path) {
    return to_js(api(h).open_mapping_file_json(path));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_wf_save_mapping(void* h, const char* path) {
    return to_js(api(h).save_mapping_json(path));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_wf_begin(void* h, const char* role, const char* file,
                                          double size) {
    return to_js(api(h).begin_json(role, file, static_cast<std::uint64_t>(size)));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_wf_feed(void* h, const void* data, double size) {
    return to_js(api(h).feed_json(bytes(data, size)));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_wf_end(void* h) {
    return to_js(api(h).end_json());
}
EMSCRIPTEN_KEEPALIVE char* eqkit_wf_restart(void* h) {
    return to_js(api(h).restart_json());
}
EMSCRIPTEN_KEEPALIVE char* eqkit_wf_report(void* h) {
    return to_js(api(h).report_json());
}
EMSCRIPTEN_KEEPALIVE char* eqkit_wf_open_counts(void* h, const void* data, double size,
                                                const char* label) {
    return to_js(api(h).open_counts_json(bytes(data, size), label));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_wf_open_previous(void* h, const void* data, double size,
                                                  const char* label) {
    return to_js(api(h).open_previous_json(bytes(data, size), label));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_wf_open_survey_csv(void* h, const void* data, double size,
                                                    const char* label) {
    return to_js(api(h).open_survey_csv_json(bytes(data, size), label));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_wf_set_survey(void* h, const char* typed) {
    return to_js(api(h).set_survey_json(typed));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_wf_compute(void* h, const char* options) {
    return to_js(api(h).compute_json(options));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_wf_results(void* h) {
    return to_js(api(h).results_json());
}
EMSCRIPTEN_KEEPALIVE char* eqkit_wf_export(void* h, const char* format) {
    return to_js(api(h).export_json(format));
}
}  // extern "C"
