#include "widgets/typography.hpp"

#include "text.hpp"

namespace eqkit::ui::widgets {
namespace {

void wrapped(std::string_view text) {
    ImGui::PushTextWrapPos(0.0F);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
}

void wrapped_in(const ImVec4& colour, std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    wrapped(text);
    ImGui::PopStyleColor();
}

}  // namespace

void heading(const Look& look, std::string_view text) {
    ImGui::PushFont(look.fonts.heading);
    wrapped_in(look.accents.heading, text);
    ImGui::PopFont();
}

void subheading(const Look& look, std::string_view text) {
    wrapped_in(look.accents.heading, text);
}

void paragraph(std::string_view text) {
    wrapped(text);
}

void muted(const Look& look, std::string_view text) {
    wrapped_in(look.accents.muted, text);
}

void problem(const Look& look, std::string_view text) {
    wrapped_in(look.accents.problem, text);
}

bool unconfirmed_marker(const Look& look, const Provenance& provenance, bool same_line) {
    if (provenance.confirmed) return false;
    if (same_line) ImGui::SameLine();
    ImGui::TextColored(look.accents.unconfirmed, "%s", text::unconfirmed);
    if (!provenance.note.empty()) tooltip(provenance.note);
    return true;
}

void unconfirmed_note(const Look& look, std::string_view what, std::string_view note) {
    std::string line = fill(text::unconfirmed_line, what);
    if (!note.empty()) line = fill(text::unconfirmed_line_with_note, what, note);
    wrapped_in(look.accents.unconfirmed, line);
}

void tooltip(std::string_view text) {
    // Only under the mouse: keyboard users get the same text inline, and a tooltip that
    // follows the keyboard focus would cover what they are reading.
    if (!ImGui::IsItemHovered() ||
        !ImGui::IsMouseHoveringRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax())) {
        return;
    }
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0F);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

bool enter_pressed() {
    return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
           ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false);
}

}  // namespace eqkit::ui::widgets
