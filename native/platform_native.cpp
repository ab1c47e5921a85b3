#include "platform_native.hpp"

#include <array>
#include <system_error>

#include "eqkit/files.hpp"

namespace eqkit::native {

std::filesystem::path NativePlatform::start_folder() const {
    std::error_code ec;
    std::filesystem::path here = std::filesystem::current_path(ec);
    return ec ? std::filesystem::path(".") : here;
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

}  // namespace eqkit::native
