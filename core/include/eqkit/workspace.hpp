#pragma once
// The single source of truth every face reads: the open assessment, its framework, where it is
// saved, whether it has unsaved changes, and its undo history.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "eqkit/assessment.hpp"
#include "eqkit/error.hpp"
#include "eqkit/registry.hpp"
#include "eqkit/undo.hpp"

namespace eqkit {

class Workspace {
  public:
    // The registry must outlive the workspace and be fully loaded before it is used.
    explicit Workspace(const Registry& registry) : registry_(&registry) {}

    [[nodiscard]] const Registry& registry() const { return *registry_; }
    [[nodiscard]] bool is_open() const { return framework_ != nullptr; }
    // Only when is_open().
    [[nodiscard]] const Framework& framework() const { return *framework_; }
    [[nodiscard]] const Assessment& assessment() const { return assessment_; }
    [[nodiscard]] const std::optional<std::filesystem::path>& path() const { return path_; }
    [[nodiscard]] bool dirty() const { return dirty_; }

    [[nodiscard]] Result<void> start(std::string_view framework_id);
    [[nodiscard]] Checked<void> open(const std::filesystem::path& file);
    // Replaces the open assessment with one parsed from text (an upload); label names it.
    [[nodiscard]] Checked<void> open_text(std::string_view json, std::string_view label);
    [[nodiscard]] Result<void> save_as(const std::filesystem::path& file);
    void close();

    // Sets an item's answer, recording an undo step; a no-op edit records nothing.
    [[nodiscard]] Result<void> edit(std::string_view item_code, Answer after);
    // Replaces the assessment-wide choices (method, applicable items, judgements, flags) after
    // checking them, as one undo step named by `what` ("record the overall judgement").
    [[nodiscard]] Result<void> edit_settings(const Assessment& settings, std::string what);
    // Replaces the open assessment with `after`, made from it by an edit of the core's (set_field,
    // set_row, sign_off: they keep the version trail), as one undo step named by `what`.
    [[nodiscard]] Result<void> edit_whole(Assessment after, std::string what);
    void undo();
    void redo();
    [[nodiscard]] std::optional<std::string> undo_label() const;
    [[nodiscard]] std::optional<std::string> redo_label() const;

  private:
    void adopt(Assessment assessment);

    const Registry* registry_;
    const Framework* framework_ = nullptr;
    Assessment assessment_;
    std::optional<std::filesystem::path> path_;
    bool dirty_ = false;
    UndoStack history_;
};

}  // namespace eqkit
