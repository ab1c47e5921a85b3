// The one list of code hooks. Frameworks are data (plugins/<id>/framework.json); code is added
// here only for what data cannot express, such as indicators computed from workforce data.
#include "eqkit/plugins.hpp"

namespace eqkit {

void register_builtin_hooks(Registry& registry) {
    // WRES and WDES: one indicator engine (core, workforce_indicators.hpp) reads each plugin's
    // indicators.json; the hook names which definitions a framework's results come from.
    registry.add_hook(
        {"wres.indicators",
         "WRES indicators 1 to 9 computed from workforce data (plugins/wres/indicators.json)"});
    registry.add_hook(
        {"wdes.metrics",
         "WDES metrics 1 to 10 computed from workforce data (plugins/wdes/indicators.json)"});
}

Registry load_registry(const std::filesystem::path& dir) {
    Registry registry;
    register_builtin_hooks(registry);
    registry.load_directory(dir);
    return registry;
}

}  // namespace eqkit
