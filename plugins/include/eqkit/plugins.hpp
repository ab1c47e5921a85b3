#pragma once
#include <filesystem>
#include <optional>
#include <vector>

#include "eqkit/registry.hpp"

namespace eqkit {

// Registers the code hooks that framework files may name in "computed".
void register_builtin_hooks(Registry& registry);

// Where to look for framework folders, best first: $EQKIT_PLUGINS, then beside the program
// (bin/../share/eqkit/plugins, in the build tree as when installed).
[[nodiscard]] std::vector<std::filesystem::path> default_plugin_dirs();

// The first of default_plugin_dirs() that exists.
[[nodiscard]] std::optional<std::filesystem::path> find_plugin_dir();

// A registry with the built-in hooks and every framework in dir.
[[nodiscard]] Registry load_registry(const std::filesystem::path& dir);

}  // namespace eqkit
