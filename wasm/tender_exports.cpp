// The C functions the web faces call (through Module.ccall) for a tender evaluation:
// eqkit::TenderApi, one method each (docs/tender-format.md, "TenderApi"). As in
// library_api_exports.cpp, a page creates one TenderSession and passes its handle back.
#include <emscripten/emscripten.h>

#include <memory>
#include <string>
#include <vector>

#include "eqkit/plugins.hpp"
#include "eqkit/tender_api.hpp"
#include "js_text.hpp"

namespace {

struct TenderSession {
    explicit TenderSession(const std::filesystem::path& plugins)
        : registry(eqkit::load_registry(plugins)), api(registry, plugins) {}

    eqkit::Registry registry;
    eqkit::TenderApi api;
};

using eqkit::web::to_js;

TenderSession& from(void* handle) {
    return *static_cast<TenderSession*>(handle);
}

// Paths one per line, as the page gathers the uploaded scoresheets.
std::vector<std::filesystem::path> lines(const char* text) {
    std::vector<std::filesystem::path> out;
    std::string line;
    for (const char* c = text; *c != '\0'; ++c) {
        if (*c == '\n') {
            if (!line.empty()) out.emplace_back(line);
            line.clear();
        } else {
            line += *c;
        }
    }
    if (!line.empty()) out.emplace_back(line);
    return out;
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void* eqkit_tender_create_session(const char* plugins_dir) {
    return std::make_unique<TenderSession>(plugins_dir).release();  // the page owns it
}
EMSCRIPTEN_KEEPALIVE char* eqkit_tender_question_sets(void* h) {
    return to_js(from(h).api.question_sets());
}
EMSCRIPTEN_KEEPALIVE char* eqkit_tender_create(void* h, const char* dir, const char* request,
                                               const char* at) {
    return to_js(from(h).api.create(dir, request, at));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_tender_open(void* h, const char* dir) {
    return to_js(from(h).api.open(dir));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_tender_open_copy(void* h, const char* file) {
    return to_js(from(h).api.open_copy(file));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_tender_evaluator_copy(void* h, const char* evaluator,
                                                       const char* at) {
    return to_js(from(h).api.evaluator_copy(evaluator, at));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_tender_overview(void* h) {
    return to_js(from(h).api.overview());
}
EMSCRIPTEN_KEEPALIVE char* eqkit_tender_publish(void* h, const char* who, const char* at) {
    return to_js(from(h).api.publish(who, at));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_tender_set_criteria(void* h, const char* request, const char* at) {
    return to_js(from(h).api.set_criteria(request, at));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_tender_add_bid(void* h, const char* request, const char* at) {
    return to_js(from(h).api.add_bid(request, at));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_tender_add_evaluator(void* h, const char* name, const char* who,
                                                      const char* at) {
    return to_js(from(h).api.add_evaluator(name, who, at));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_tender_declare(void* h, const char* request, const char* at) {
    return to_js(from(h).api.declare(request, at));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_tender_scoring_view(void* h, const char* evaluator,
                                                     const char* scoresheet) {
    return to_js(from(h).api.scoring_view(evaluator, scoresheet));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_tender_score(void* h, const char* scoresheet,
                                              const char* request) {
    return to_js(from(h).api.score(scoresheet, request));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_tender_submit(void* h, const char* scoresheet,
                                               const char* secret_key) {
    return to_js(from(h).api.submit(scoresheet, secret_key));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_tender_new_key(void*) {
    return to_js(eqkit::TenderApi::new_key());
}
EMSCRIPTEN_KEEPALIVE char* eqkit_tender_import(void* h, const char* paths, const char* at) {
    return to_js(from(h).api.import_scoresheets(lines(paths), at));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_tender_moderation(void* h, const char* bidder,
                                                   const char* question) {
    return to_js(from(h).api.moderation(bidder, question));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_tender_moderate(void* h, const char* request, const char* at) {
    return to_js(from(h).api.moderate(request, at));
}
EMSCRIPTEN_KEEPALIVE char* eqkit_tender_results(void* h) {
    return to_js(from(h).api.results());
}
EMSCRIPTEN_KEEPALIVE char* eqkit_tender_report_html(void* h) {
    return to_js(from(h).api.report_html());
}
EMSCRIPTEN_KEEPALIVE char* eqkit_tender_results_csv(void* h) {
    return to_js(from(h).api.results_csv());
}
EMSCRIPTEN_KEEPALIVE void eqkit_tender_destroy_session(void* h) {
    std::unique_ptr<TenderSession>(static_cast<TenderSession*>(h));  // the page gives it back
}

}  // extern "C"
