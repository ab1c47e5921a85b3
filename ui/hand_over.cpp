#include "hand_over.hpp"

#include <algorithm>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "text.hpp"
#include "widgets/typography.hpp"

namespace eqkit::ui {

Result<std::string> hand_over(Platform& platform, const std::filesystem::path& folder,
                              const std::filesystem::path& name, std::string_view mime,
                              std::string_view bytes) {
    const std::filesystem::path to = folder / name;
    if (Result<void> sent = platform.deliver(to, mime, bytes); !sent)
        return tl::unexpected(sent.error());
    return platform.uses_paths() ? fill(text::status_saved, to.string())
                                 : fill(text::status_downloaded, name.string());
}

void export_folder_field(const Platform& platform, std::string& folder) {
    if (!platform.uses_paths()) return;
    widgets::paragraph(text::export_folder);
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 36));
    ImGui::InputText("##export_folder", &folder);
}

}  // namespace eqkit::ui
