#include "screens/framework_picker.hpp"

#include <imgui.h>

#include "text.hpp"
#include "widgets/focus.hpp"
#include "widgets/typography.hpp"

namespace eqkit::ui {
namespace {

void draw_details(const Framework& fw, const Look& look) {
    widgets::subheading(look, fw.title);
    widgets::unconfirmed_marker(look, fw.source.provenance);
    if (!fw.description.empty()) widgets::paragraph(fw.description);
    if (!fw.scale.official) {
        widgets::unconfirmed_note(look, fill(text::picker_scale_not_official, fw.scale.title),
                                  fw.scale.rationale);
    }
}

}  // namespace

void draw_framework_picker(const Workspace& ws, FrameworkPickerState& st, CommandQueue& out,
                           const Look& look) {
    const auto& frameworks = ws.registry().frameworks();
    widgets::heading(look, text::picker_heading);
    widgets::paragraph(text::picker_intro);
    if (frameworks.empty()) {
        widgets::problem(look, text::picker_none_loaded);
        return;
    }
    if (ws.registry().find(st.selected) == nullptr) st.selected = frameworks.front().id;

    constexpr ImGuiTableFlags table_flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter;
    if (ImGui::BeginTable("frameworks", 3, table_flags)) {
        ImGui::TableSetupColumn(text::picker_column_framework, ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(text::picker_column_version, ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(text::picker_column_items, ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableHeadersRow();
        for (const Framework& fw : frameworks) {
            ImGui::PushID(fw.id.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const bool selected = st.selected == fw.id;
            const bool short_in_title =
                fw.short_title.empty() || fw.title.find(fw.short_title) != std::string::npos;
            const std::string label =
                short_in_title ? fw.title : fill(text::picker_row_title, fw.title, fw.short_title);
            if (ImGui::Selectable(
                    label.c_str(), selected,
                    ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick)) {
                st.selected = fw.id;
                if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
                    out.push(StartAssessment{fw.id});
                }
            }
            if (ImGui::IsItemFocused()) {
                st.selected = fw.id;  // the selection follows the keyboard
                if (widgets::enter_pressed()) out.push(StartAssessment{fw.id});
            }
            if (st.take_focus && selected) {
                widgets::focus_last_item(true);
                st.take_focus = false;
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(fw.version.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%zu", fw.item_count());
            ImGui::PopID();
        }
        ImGui::EndTable();
    }

    const Framework* chosen = ws.registry().find(st.selected);
    if (chosen == nullptr) return;
    ImGui::Spacing();
    if (ImGui::Button(fill(text::picker_start, chosen->display_title()).c_str())) {
        out.push(StartAssessment{chosen->id});
    }
    ImGui::Spacing();
    draw_details(*chosen, look);
}

}  // namespace eqkit::ui
