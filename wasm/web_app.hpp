#pragma once
// Everything the page runs, on the heap: the browser's loop outlives main(), and JavaScript
// reaches the app through this object's address (Module.eqkitContext), so there are no globals.
#include <memory>
#include <optional>
#include <string>

#include "app.hpp"
#include "eqkit/plugins.hpp"
#include "host/glfw_host.hpp"
#include "platform_web.hpp"

namespace eqkit::web {

struct WebApp {
    Registry registry = load_registry("/plugins");  // preloaded from plugins/*/framework.json
    Workspace workspace{registry};
    WebPlatform platform{this};
    std::unique_ptr<ui::GlfwHost> host;
    std::optional<ui::App> app;
    bool ready = false;
    std::string reply;  // the last string handed to JavaScript
};

}  // namespace eqkit::web
