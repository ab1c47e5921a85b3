#include "screens/problems_panel.hpp"

#include <imgui.h>

#include "text.hpp"
#include "widgets/typography.hpp"

namespace eqkit::ui {

std::vector<std::string> problem_messages(const Registry& registry, const ErrorList& recent) {
    std::vector<std::string> messages;
    for (const LoadFailure& failure : registry.failures()) {
        for (const Error& error : failure.errors)
            messages.push_back(error.message());
    }
    for (const Error& error : recent)
        messages.push_back(error.message());
    return messages;
}

void draw_problems_panel(const Registry& registry, const ErrorList& recent, CommandQueue& out,
                         const Look& look) {
    const std::vector<std::string> messages = problem_messages(registry, recent);
    if (messages.empty()) return;
    widgets::heading(look, fill(text::problems_heading, messages.size()));
    if (!registry.failures().empty()) widgets::muted(look, text::problems_frameworks_note);
    for (const std::string& message : messages) {
        ImGui::Bullet();
        widgets::problem(look, message);
    }
    if (!recent.empty() && ImGui::Button(text::problems_clear)) out.push(ClearProblems{});
}

}  // namespace eqkit::ui
