#pragma once
// Handing a document the app made (a report, a CSV file) to the user, the same way on both
// faces: Platform::deliver saves it as folder/name on the desktop and downloads it under name in
// the browser. Screens that export keep a folder the user types (desktop only).
#include <filesystem>
#include <string>
#include <string_view>

#include "eqkit/error.hpp"
#include "platform.hpp"

namespace eqkit::ui {

// The status line on success: "Saved /home/sam/action-plan.csv" or "Downloaded action-plan.csv".
[[nodiscard]] Result<std::string> hand_over(Platform& platform, const std::filesystem::path& folder,
                                            const std::filesystem::path& name,
                                            std::string_view mime, std::string_view bytes);

// Desktop: "Folder to save in" and a field for it; the browser downloads, so nothing is drawn.
void export_folder_field(const Platform& platform, std::string& folder);

}  // namespace eqkit::ui
