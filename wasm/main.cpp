// The browser face: mounts IDBFS, restores what it holds, then hands host.frame(app) to the
// browser's loop. Exported functions are how app.js (uploads) and the tests reach the app.
#include <emscripten.h>
#include <emscripten/html5.h>

#include "page.hpp"
#include "web_app.hpp"

using eqkit::web::WebApp;

namespace {

void tick(void* arg) {
    auto* web = static_cast<WebApp*>(arg);
    double width = 0;
    double height = 0;
    emscripten_get_element_css_size("#canvas", &width, &height);
    if (width >= 1 && height >= 1)
        web->host->set_size(static_cast<int>(width), static_cast<int>(height));
    web->host->frame(*web->app);
    if (!web->ready) {
        web->ready = true;
        eqkit_js_ready();
        return;
    }
    // Once the app is drawn, a step of the workforce warm-up per frame (a few milliseconds each,
    // for about half a second; then it returns at once), so the browser has optimised the import
    // before the user's first file (WorkforceApi::warm_up_step).
    web->app->workforce().warm_up_step();
}

}  // namespace

extern "C" {

// Called once IndexedDB has been read into /persist (storage_error is empty when it worked).
EMSCRIPTEN_KEEPALIVE void eqkit_start(WebApp* web, const char* storage_error) {
    auto host = eqkit::ui::GlfwHost::create("EqualityKit", 1024, 700);
    if (!host) {
        eqkit_js_failed(host.error().message().c_str());
        return;
    }
    web->host = std::move(*host);
    web->app.emplace(web->workspace, web->platform, web->host->key_codes(), "/plugins");
    if (*storage_error != '\0') web->app->report_problem({"browser storage", "", storage_error});
    emscripten_set_main_loop_arg(tick, web, 0, false);
}

EMSCRIPTEN_KEEPALIVE void eqkit_open_upload(WebApp* web, const char* purpose, const char* bytes,
                                            unsigned long size, const char* name) {
    if (web->app) web->app->receive_file(purpose, std::string(bytes, size), name);
}

EMSCRIPTEN_KEEPALIVE void eqkit_storage_failed(WebApp* web, const char* message) {
    if (web->app)
        web->app->report_problem({"browser storage", "", std::string("not saved: ") + message});
}

// A hidden tab draws no frames (requestAnimationFrame stops), and an import reads a slice per
// frame: app.js calls this from tasks of its own while the tab is hidden, so a large import goes
// on. Reads for up to a tenth of a second; returns 1 while there is more to read.
EMSCRIPTEN_KEEPALIVE int eqkit_background_step(WebApp* web) {
    return web->app && web->app->workforce().step_import_for(0.1) ? 1 : 0;
}

// The app's state as JSON (what is open, answers, problems), for tests.
EMSCRIPTEN_KEEPALIVE const char* eqkit_state_json(WebApp* web) {
    web->reply = web->app ? web->app->state_json() : "{}";
    return web->reply.c_str();
}

}  // extern "C"

int main() {
    auto* web = std::make_unique<WebApp>().release();  // lives as long as the page
    eqkit_js_mount_and_start(web);
    return 0;
}
