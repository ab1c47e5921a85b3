// The C functions both web faces call through Module.ccall. A page creates one Session and
// passes its handle back on every call, so no state lives in globals.
#include <emscripten/emscripten.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "eqkit/crosswalk.hpp"
#include "eqkit/files.hpp"
#include "eqkit/json_api.hpp"
#include "eqkit/plugins.hpp"
#include "js_text.hpp"

namespace {

struct Session {
    Session(const std::filesystem::path& plugins, std::filesystem::path store_file)
        : registry(eqkit::load_registry(plugins)),
          workspace(registry),
          store(std::move(store_file)),
          api(workspace, [this](const eqkit::Workspace& ws) { return save(ws); }) {
        api.restore(store);
    }

    // Every accepted change is written at once; the page then flushes it to IndexedDB.
    eqkit::Result<void> save(const eqkit::Workspace& ws) const {
        if (!ws.is_open()) return {};
        return eqkit::save_atomically(store, api.assessment_json());
    }

    eqkit::Registry registry;
    eqkit::Workspace workspace;
    std::filesystem::path store;
    eqkit::JsonApi api;
};

using eqkit::web::to_js;

Session& from(void* handle) {
    return *static_cast<Session*>(handle);
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void* eqkit_api_create(const char* plugins_dir, const char* store_file) {
    return std::make_unique<Session>(plugins_dir, store_file).release();  // the page owns it
}

EMSCRIPTEN_KEEPALIVE char* eqkit_api_frameworks(void* h) {
    return to_js(from(h).api.frameworks());
}
EMSCRIPTEN_KEEPALIVE char* eqkit_api_state(void* h) {
    return to_js(from(h).api.state());
}
EMSCRIPTEN_KEEPALIVE char* eqkit_api_form_model(void* h, const char* id) {
    return to_js(from(h).api.form_model(id));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_api_start(void* h, const char* id) {
    return to_js(from(h).api.start(id));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_api_submit_item(void* h, const char* item, const char* answer,
                                                 int draft) {
    return to_js(from(h).api.submit_item(item, answer, draft != 0));
}
// The assessment-wide choices (eqkit::JsonApi::settings) and confirming a carried answer.
EMSCRIPTEN_KEEPALIVE char* eqkit_api_settings(void* h, const char* settings) {
    return to_js(from(h).api.settings(settings));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_api_confirm_review(void* h, const char* item) {
    return to_js(from(h).api.confirm_review(item));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_api_answer_suggestions(void* h, const char* item,
                                                        const char* suggestions) {
    return to_js(from(h).api.answer_suggestions(item, suggestions));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_api_accept_answer(void* h, const char* item,
                                                   const char* suggestion, const char* by) {
    return to_js(from(h).api.accept_answer(item, suggestion, by, ""));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_api_statement_pages_html(void* h) {
    return to_js(from(h).api.statement_pages_html());
}
EMSCRIPTEN_KEEPALIVE char* eqkit_api_open_file(void* h, const char* path, const char* label) {
    return to_js(from(h).api.open_file(path, label));
}
// An uploaded file made with an earlier framework version: the offer, and carrying it across.
EMSCRIPTEN_KEEPALIVE char* eqkit_api_migration_offer(void* h, const char* path, const char* label) {
    const eqkit::Result<std::string> text = eqkit::read_text_file(path);
    return to_js(text ? from(h).api.migration_offer(*text, label) : R"({"ok":false,"errors":[]})");
}
EMSCRIPTEN_KEEPALIVE char* eqkit_api_migrate(void* h, const char* path, const char* label) {
    const eqkit::Result<std::string> text = eqkit::read_text_file(path);
    return to_js(text ? from(h).api.migrate(*text, label) : R"({"ok":false,"errors":[]})");
}
// An assessment kept in this browser from an earlier framework version (state's
// "earlier_versions"): the offer, and carrying it across.
EMSCRIPTEN_KEEPALIVE char* eqkit_api_kept_migration_offer(void* h, const char* file) {
    return to_js(from(h).api.kept_migration_offer(file));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_api_migrate_kept(void* h, const char* file) {
    return to_js(from(h).api.migrate_kept(file));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_api_assessment_json(void* h) {
    return to_js(from(h).api.assessment_json());
}
// The items other frameworks link to framework:code (eqkit::crosswalk_json).
EMSCRIPTEN_KEEPALIVE char* eqkit_api_crosswalk(void* h, const char* framework, const char* code) {
    const eqkit::Registry& registry = from(h).registry;
    return to_js(eqkit::crosswalk_json(registry, framework, code,
                                       eqkit::linked_items(registry, framework, code)));
}
// The items the crosswalk links to any item of a framework, as a JSON array of "framework:code".
EMSCRIPTEN_KEEPALIVE char* eqkit_api_linked_to_framework(void* h, const char* framework) {
    return to_js(
        nlohmann::json(eqkit::items_linked_to_framework(from(h).registry, framework)).dump());
}
// Impact assessments: form fields, rows with their risk, sign-off and versions.
EMSCRIPTEN_KEEPALIVE char* eqkit_api_set_field(void* h, const char* field, const char* value) {
    return to_js(from(h).api.set_field(field, value));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_api_set_row(void* h, const char* subject, const char* row) {
    return to_js(from(h).api.set_row(subject, row));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_api_sign_off(void* h, const char* signoff) {
    return to_js(from(h).api.sign_off(signoff));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_api_version_json(void* h, int version) {
    return to_js(from(h).api.version_json(version));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_api_version_report_html(void* h, int version) {
    return to_js(from(h).api.version_report_html(version));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_api_report_html(void* h) {
    return to_js(from(h).api.report_html());
}
}  // extern "C"
