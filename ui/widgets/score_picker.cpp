#include "widgets/score_picker.hpp"

#include "text.hpp"
#include "widgets/typography.hpp"

namespace eqkit::ui::widgets {

bool score_picker(const Look& look, const Scale& scale, std::optional<int>& score) {
    bool changed = false;
    // The level whose description is shown below: the one under the keyboard focus or the
    // mouse, else the chosen one.
    const ScaleLevel* described = score ? scale.level(*score) : nullptr;
    ImGui::PushID("score");
    for (const ScaleLevel& level : scale.levels) {
        ImGui::PushID(level.value);
        if (ImGui::RadioButton(fill(text::score_option, level.value, level.label).c_str(),
                               score == level.value)) {
            changed = score != level.value;
            score = level.value;
        }
        if (ImGui::IsItemFocused() || ImGui::IsItemHovered()) described = &level;
        if (!level.description.empty()) tooltip(level.description);
        unconfirmed_marker(look, level.provenance);
        ImGui::PopID();
    }
    if (ImGui::RadioButton(text::score_none, !score.has_value())) {
        changed = score.has_value();
        score.reset();
    }
    ImGui::PopID();
    if (described != nullptr) {
        ImGui::Indent();
        if (!described->description.empty()) muted(look, described->description);
        if (!described->provenance.confirmed) {
            unconfirmed_note(look, fill(text::score_level_what, described->value, described->label),
                             described->provenance.note);
        }
        ImGui::Unindent();
    }
    return changed;
}

}  // namespace eqkit::ui::widgets
