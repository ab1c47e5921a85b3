#include "platform_native.hpp"

#include <array>
#include <cstdlib>
#include <system_error>

#include "eqkit/files.hpp"

namespace eqkit::native {
namespace {

// $<xdg_variable>/eqkit, else ~/<fallback>/eqkit (the XDG base directory rules).
std::optional<std::filesystem::path> user_folder(const char* xdg_variable, const char* fallback) {
    const char* xdg = std::getenv(xdg_variable);
    if (xdg != nullptr && *xdg == '/') return std::filesystem::path(xdg) / "eqkit";
    const char* home = std::getenv("HOME");
    if (home != nullptr && *home == '/') return std::filesystem::path(home) / fallback / "eqkit";
    return std::nullopt;
}

std::optional<std::filesystem::path> settings_file() {
    const auto folder = user_folder("XDG_CONFIG_HOME", ".config");
    return folder ? std::optional(*folder / "settings.json") : std::nullopt;
}

}  // namespace

std::filesystem::path NativePlatform::start_folder() const {
    std::error_code ec;
    std::filesystem::path here = std::filesystem::current_path(ec);
    return ec ? std::filesystem::path(".") : here;
}

std::filesystem::path NativePlatform::library_folder() const {
    if (!library_.empty()) return library_;
    const auto folder = user_folder("XDG_DATA_HOME", ".local/share");
    return folder ? *folder / "library" : start_folder() / "eqkit-library";
}

Result<void> NativePlatform::deliver(const std::filesystem::path& to, std::string_view /*mime*/,
                                     std::string_view bytes) {
    return save_atomically(to, bytes);
}

std::optional<ui::FontFiles> NativePlatform::font_files() const {
    // Liberation Sans (metric-compatible with Arial, as NHS pages fall back to), else DejaVu.
    const std::array<ui::FontFiles, 2> candidates{
        ui::FontFiles{"/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
                      "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"},
        ui::FontFiles{"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                      "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"}};
    for (const ui::FontFiles& fonts : candidates) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(fonts.regular, ec)) return fonts;
    }
    return std::nullopt;
}

std::optional<ui::Settings> NativePlatform::load_settings() {
    const auto file = settings_file();
    if (!file) return std::nullopt;
    const Result<std::string> text = read_text_file(*file);
    return text ? ui::settings_from_json(*text) : std::nullopt;
}

Result<void> NativePlatform::keep_settings(const ui::Settings& settings) {
    const auto file = settings_file();
    if (!file) return {};
    std::error_code ec;
    std::filesystem::create_directories(file->parent_path(), ec);
    return save_atomically(*file, ui::settings_to_json(settings));
}

}  // namespace eqkit::native
