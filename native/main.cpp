// eqkit-desktop [FILE] [--plugins DIR]: the desktop face. Only the loop driver and file storage
// live here; every screen is in ui/, the window and GL set-up in ui/host/.
#include <cstdio>
#include <string>

#include "app.hpp"
#include "eqkit/plugins.hpp"
#include "host/glfw_host.hpp"
#include "platform_native.hpp"

namespace {

constexpr const char* usage =
    "Usage: eqkit-desktop [FILE] [--plugins DIR] [--library DIR]\n"
    "Opens the EqualityKit self-assessment app, and the assessment FILE if given.\n"
    "  --plugins DIR  load frameworks from DIR (default: $EQKIT_PLUGINS, else beside the app)\n"
    "  --library DIR  keep the evidence library in the workspace folder DIR\n"
    "                 (default: $XDG_DATA_HOME/eqkit/library, else ~/.local/share/eqkit/library)\n";

struct Options {
    std::string file;
    std::string plugins;
    std::string library;
};

bool parse(int argc, char** argv, Options& options) {
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--plugins" && i + 1 < argc) {
            options.plugins = argv[++i];
        } else if (arg == "--library" && i + 1 < argc) {
            options.library = argv[++i];
        } else if (arg.empty() || arg[0] == '-' || !options.file.empty()) {
            return false;
        } else {
            options.file = arg;
        }
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    if (!parse(argc, argv, options)) {
        std::fputs(usage, stderr);
        return 2;
    }
    auto host = eqkit::ui::GlfwHost::create("EqualityKit", 1280, 800);
    if (!host) {
        std::fprintf(stderr, "eqkit-desktop: %s\n", host.error().message().c_str());
        return 1;
    }
    const auto found = options.plugins.empty()
                           ? eqkit::find_plugin_dir()
                           : std::optional<std::filesystem::path>(options.plugins);
    eqkit::Registry registry = eqkit::load_registry(found.value_or("plugins"));
    eqkit::Workspace workspace(registry);
    eqkit::native::NativePlatform platform;
    if (!options.library.empty()) platform.set_library_folder(options.library);
    eqkit::ui::App app(workspace, platform, (*host)->key_codes(), found.value_or("plugins"));
    if (!found) {
        app.report_problem({"plugins", "", "no folder of frameworks was found; use --plugins DIR"});
    }
    if (!options.file.empty()) app.commands().push(eqkit::ui::OpenFile{options.file});
    while (!app.wants_to_quit())
        (*host)->frame(app);
    return 0;
}
