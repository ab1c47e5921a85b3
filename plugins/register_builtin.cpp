// The one list of code hooks. Frameworks are data (plugins/<id>/framework.json); code is added
// here only for what data cannot express, such as indicators computed from workforce data.
#include "eqkit/plugins.hpp"

namespace eqkit {

void register_builtin_hooks(Registry& /*registry*/) {
    // No framework needs code yet; WRES/WDES indicator hooks will be registered here.
}

Registry load_registry(const std::filesystem::path& dir) {
    Registry registry;
    register_builtin_hooks(registry);
    registry.load_directory(dir);
    return registry;
}

}  // namespace eqkit
