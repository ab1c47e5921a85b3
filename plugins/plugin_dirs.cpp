#include <cstdlib>
#include <system_error>

#include "eqkit/plugins.hpp"

namespace eqkit {

std::vector<std::filesystem::path> default_plugin_dirs() {
    std::vector<std::filesystem::path> dirs;
    if (const char* env = std::getenv("EQKIT_PLUGINS"); env != nullptr && *env != '\0') {
        dirs.emplace_back(env);
    }
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const std::filesystem::path prefix = exe.parent_path().parent_path();
        dirs.push_back(prefix / "share" / "eqkit" / "plugins");
    }
    return dirs;
}

std::optional<std::filesystem::path> find_plugin_dir() {
    for (const auto& dir : default_plugin_dirs()) {
        std::error_code ec;
        if (std::filesystem::is_directory(dir, ec)) return dir;
    }
    return std::nullopt;
}

}  // namespace eqkit
