#include "screens/dialogs.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "eqkit/text.hpp"
#include "text.hpp"
#include "widgets/typography.hpp"

namespace eqkit::ui {
namespace {

constexpr const char* unsaved_id = "###unsaved_changes";
constexpr const char* prompt_id = "###path_prompt";

bool escape_pressed() {
    return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
}

const char* prompt_title(PathPurpose purpose) {
    switch (purpose) {
        case PathPurpose::open:
            return text::prompt_open_title;
        case PathPurpose::save_as:
            return text::prompt_save_title;
        case PathPurpose::export_json:
            return text::prompt_export_json_title;
        case PathPurpose::export_report:
            return text::prompt_export_report_title;
    }
    return text::prompt_open_title;
}

Command prompt_result(const PathPromptState& st) {
    switch (st.purpose) {
        case PathPurpose::open:
            return OpenFile{st.path};
        case PathPurpose::save_as:
            return SaveTo{st.path};
        case PathPurpose::export_json:
            return ExportTo{Document::assessment_json, st.path, st.version};
        case PathPurpose::export_report:
            return ExportTo{Document::html_report, st.path, st.version};
    }
    return CancelPrompt{};
}

void center_next_window() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5F, 0.5F));
}

}  // namespace

void draw_unsaved_changes(bool asking, CommandQueue& out, const Look& look) {
    const std::string title = std::string(text::unsaved_title) + unsaved_id;
    if (asking && !ImGui::IsPopupOpen(title.c_str())) ImGui::OpenPopup(title.c_str());
    center_next_window();
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 26.0F, 0.0F));
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoResize)) return;
    if (!asking) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    widgets::paragraph(text::unsaved_body);
    ImGui::Spacing();
    if (ImGui::Button(text::unsaved_save)) out.push(ResolveUnsaved{UnsavedChoice::save});
    ImGui::SetItemDefaultFocus();
    ImGui::SameLine();
    if (ImGui::Button(text::unsaved_discard)) out.push(ResolveUnsaved{UnsavedChoice::discard});
    ImGui::SameLine();
    if (ImGui::Button(text::unsaved_cancel) || escape_pressed()) {
        out.push(ResolveUnsaved{UnsavedChoice::cancel});
    }
    widgets::muted(look, text::unsaved_keys);
    ImGui::EndPopup();
}

void draw_path_prompt(std::optional<PathPromptState>& prompt, CommandQueue& out, const Look& look) {
    const char* title_text = prompt ? prompt_title(prompt->purpose) : text::prompt_open_title;
    const std::string title = std::string(title_text) + prompt_id;
    if (prompt && !ImGui::IsPopupOpen(title.c_str())) ImGui::OpenPopup(title.c_str());
    center_next_window();
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 34.0F, 0.0F));
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoResize)) return;
    if (!prompt) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    widgets::paragraph(text::prompt_path_label);
    if (prompt->take_focus) {
        ImGui::SetKeyboardFocusHere();
        prompt->take_focus = false;
    }
    ImGui::SetNextItemWidth(-1.0F);
    const bool entered =
        ImGui::InputText("##path", &prompt->path, ImGuiInputTextFlags_EnterReturnsTrue);
    const bool blank = is_blank(prompt->path);
    ImGui::Spacing();
    ImGui::BeginDisabled(blank);
    const bool ok =
        ImGui::Button(prompt->purpose == PathPurpose::open ? text::prompt_open : text::prompt_save);
    ImGui::EndDisabled();
    if ((ok || entered) && !blank) out.push(prompt_result(*prompt));
    ImGui::SameLine();
    if (ImGui::Button(text::prompt_cancel) || escape_pressed()) out.push(CancelPrompt{});
    widgets::muted(look, text::prompt_keys);
    ImGui::EndPopup();
}

}  // namespace eqkit::ui
