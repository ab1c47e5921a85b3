#include "screens/coverage_panel.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include "eqkit/coverage.hpp"
#include "text.hpp"
#include "widgets/typography.hpp"

namespace eqkit::ui {
namespace {

void pick_framework(const Registry& registry, const std::string& shown, CoveragePanelState& st) {
    const Framework* current = registry.find(shown);
    const std::string preview = current ? std::string(current->display_title()) : shown;
    if (!ImGui::BeginCombo(text::coverage_framework, preview.c_str())) return;
    for (const Framework& fw : registry.frameworks()) {
        const bool chosen = fw.id == shown;
        if (ImGui::Selectable(std::string(fw.display_title()).c_str(), chosen))
            st.framework = fw.id;
        if (chosen) ImGui::SetItemDefaultFocus();
    }
    ImGui::EndCombo();
}

std::string details(const ItemCoverage& item) {
    std::string out;
    const auto add = [&out](const std::string& line) { out += (out.empty() ? "" : "\n") + line; };
    for (const std::string& title : item.evidence)
        add(fill(text::coverage_evidence, title));
    if (item.answered) add(text::coverage_answered);
    for (const std::string& link : item.through)
        add(fill(text::coverage_linked, link));
    return out.empty() ? "-" : out;
}

void draw_table(const Coverage& c, const Look& look) {
    constexpr ImGuiTableFlags flags =
        ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("coverage", 3, flags)) return;
    ImGui::TableSetupColumn(text::coverage_item);
    ImGui::TableSetupColumn(text::coverage_kind);
    ImGui::TableSetupColumn(text::coverage_details);
    ImGui::TableHeadersRow();
    for (const ItemCoverage& item : c.items) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s: %s", item.code.c_str(), item.title.c_str());
        ImGui::TableNextColumn();
        const std::string kind(coverage_words(item.kind));
        if (item.kind == CoverageKind::none) {
            widgets::problem(look, kind);
        } else {
            ImGui::TextWrapped("%s", kind.c_str());
        }
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", details(item).c_str());
    }
    ImGui::EndTable();
}

}  // namespace

std::string coverage_framework(const Workspace& open, const CoveragePanelState& st) {
    if (!st.framework.empty()) return st.framework;
    if (open.is_open()) return open.framework().id;
    const auto& all = open.registry().frameworks();
    return all.empty() ? std::string() : all.front().id;
}

void draw_coverage_panel(const WorkspaceFolder& library, const Workspace& open,
                         CoveragePanelState& st, const Look& look) {
    const bool shown = ImGui::CollapsingHeader(text::coverage_heading);
    st.header_id = ImGui::GetItemID();
    if (!shown) return;
    widgets::muted(look, text::coverage_hint);
    const std::string id = coverage_framework(open, st);
    pick_framework(open.registry(), id, st);
    const Result<Coverage> c = coverage(library, id);
    if (!c) {
        widgets::problem(look, c.error().message());
        return;
    }
    st.counts = fill(text::coverage_counts, c->direct, c->crosswalk, c->none);
    widgets::paragraph(st.counts);
    draw_table(*c, look);
}

}  // namespace eqkit::ui
