#include "screens/menu_bar.hpp"

#include <imgui.h>

#include "screens/settings_panel.hpp"
#include "text.hpp"

namespace eqkit::ui {
namespace {

void file_menu(const Workspace& ws, const MenuContext& context, CommandQueue& out) {
    if (!ImGui::BeginMenu(text::menu_file)) return;
    const bool open = ws.is_open();
    if (ImGui::MenuItem(text::menu_new, text::shortcut_new)) out.push(NewAssessment{});
    if (ImGui::MenuItem(context.uses_paths ? text::menu_open : text::menu_open_upload,
                        text::shortcut_open)) {
        out.push(Open{});
    }
    ImGui::Separator();
    if (ImGui::MenuItem(context.uses_paths ? text::menu_save : text::menu_save_download,
                        text::shortcut_save, false, open)) {
        out.push(Save{});
    }
    if (context.uses_paths &&
        ImGui::MenuItem(text::menu_save_as, text::shortcut_save_as, false, open)) {
        out.push(SaveAs{});
    }
    ImGui::Separator();
    if (ImGui::MenuItem(context.uses_paths ? text::menu_export_json : text::menu_download_json,
                        nullptr, false, open)) {
        out.push(Download{Document::assessment_json});
    }
    if (ImGui::MenuItem(context.uses_paths ? text::menu_export_report : text::menu_download_report,
                        nullptr, false, open)) {
        out.push(Download{Document::html_report});
    }
    if (context.can_quit) {
        ImGui::Separator();
        if (ImGui::MenuItem(text::menu_quit, text::shortcut_quit)) out.push(RequestClose{});
    }
    ImGui::EndMenu();
}

void edit_menu(const Workspace& ws, CommandQueue& out) {
    if (!ImGui::BeginMenu(text::menu_edit)) return;
    const std::optional<std::string> undo = ws.is_open() ? ws.undo_label() : std::nullopt;
    const std::optional<std::string> redo = ws.is_open() ? ws.redo_label() : std::nullopt;
    const std::string undo_text = undo ? fill(text::menu_undo_step, *undo) : text::menu_undo;
    const std::string redo_text = redo ? fill(text::menu_redo_step, *redo) : text::menu_redo;
    if (ImGui::MenuItem(undo_text.c_str(), text::shortcut_undo, false, undo.has_value())) {
        out.push(Undo{});
    }
    if (ImGui::MenuItem(redo_text.c_str(), text::shortcut_redo, false, redo.has_value())) {
        out.push(Redo{});
    }
    ImGui::EndMenu();
}

void go_menu(Section current, CommandQueue& out) {
    if (!ImGui::BeginMenu(text::menu_go)) return;
    struct Entry {
        Section section;
        const char* label;
        const char* shortcut;
    };
    static constexpr Entry entries[] = {
        {Section::assessment, text::section_assessment, text::shortcut_section_1},
        {Section::evidence, text::section_evidence, text::shortcut_section_2},
        {Section::workforce, text::section_workforce, text::shortcut_section_3},
        {Section::tender, text::section_tender, text::shortcut_section_4},
        {Section::actions, text::section_actions, text::shortcut_section_5},
    };
    for (const Entry& entry : entries) {
        if (ImGui::MenuItem(entry.label, entry.shortcut, current == entry.section)) {
            out.push(ShowSection{entry.section});
        }
    }
    ImGui::EndMenu();
}

}  // namespace

void draw_menu_bar(const Workspace& ws, const MenuContext& context, const Settings& settings,
                   CommandQueue& out) {
    if (!ImGui::BeginMenuBar()) return;
    file_menu(ws, context, out);
    edit_menu(ws, out);
    go_menu(context.section, out);
    if (ImGui::BeginMenu(text::menu_view)) {
        draw_settings_panel(settings, out);
        ImGui::EndMenu();
    }
    ImGui::EndMenuBar();
}

}  // namespace eqkit::ui
