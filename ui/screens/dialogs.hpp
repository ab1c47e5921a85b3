#pragma once
// Modal dialogs: "Save changes?" before unsaved work would be replaced or closed, and the path
// prompt the desktop uses to open, save and export files (no native file dialog is needed).
#include <optional>
#include <string>

#include "commands.hpp"
#include "look.hpp"

namespace eqkit::ui {

enum class PathPurpose { open, save_as, export_json, export_report };

struct PathPromptState {
    PathPurpose purpose = PathPurpose::open;
    std::string path;  // draft, starts as a suggestion in the start folder
    int version = 0;   // exports: an earlier version as it was signed; 0: the open one
    bool take_focus = true;
};

// Shows the modal while `asking` is true; the buttons push ResolveUnsaved.
void draw_unsaved_changes(bool asking, CommandQueue& out, const Look& look);

// Shows the modal while `prompt` holds a value; OK pushes OpenFile, SaveTo or ExportTo, and
// Cancel (or Escape) pushes CancelPrompt.
void draw_path_prompt(std::optional<PathPromptState>& prompt, CommandQueue& out, const Look& look);

}  // namespace eqkit::ui
