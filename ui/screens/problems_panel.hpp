#pragma once
// Problems the user should know about, each as "file: place: reason": frameworks that failed to
// load (Registry::failures()) and what went wrong opening, saving or keeping files.
#include <string>
#include <vector>

#include "commands.hpp"
#include "eqkit/registry.hpp"
#include "look.hpp"

namespace eqkit::ui {

[[nodiscard]] std::vector<std::string> problem_messages(const Registry& registry,
                                                        const ErrorList& recent);

void draw_problems_panel(const Registry& registry, const ErrorList& recent, CommandQueue& out,
                         const Look& look);

}  // namespace eqkit::ui
