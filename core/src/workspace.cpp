#include "eqkit/workspace.hpp"

#include "eqkit/files.hpp"

namespace eqkit {

Result<void> Workspace::start(std::string_view framework_id) {
    const Framework* fw = registry_->find(framework_id);
    if (fw == nullptr) {
        return fail(std::string(framework_id), "", "no framework with this id is loaded");
    }
    adopt(new_assessment(*fw));
    path_.reset();
    dirty_ = true;
    return {};
}

Checked<void> Workspace::open(const std::filesystem::path& file) {
    Checked<Assessment> loaded = load_assessment(file, *registry_);
    if (!loaded) return tl::unexpected(std::move(loaded.error()));
    adopt(std::move(*loaded));
    path_ = file;
    return {};
}

Checked<void> Workspace::open_text(std::string_view json, std::string_view label) {
    Checked<Assessment> loaded = parse_assessment(json, label, *registry_);
    if (!loaded) return tl::unexpected(std::move(loaded.error()));
    adopt(std::move(*loaded));
    path_.reset();
    dirty_ = true;
    return {};
}

void Workspace::adopt(Assessment assessment) {
    framework_ = registry_->find(assessment.framework_id);
    assessment_ = std::move(assessment);
    history_.clear();
    dirty_ = false;
}

Result<void> Workspace::save_as(const std::filesystem::path& file) {
    if (!is_open()) return fail(file.generic_string(), "", "there is no assessment to save");
    if (auto saved = save_atomically(file, assessment_to_json(*framework_, assessment_)); !saved) {
        return saved;
    }
    path_ = file;
    dirty_ = false;
    return {};
}

void Workspace::close() {
    framework_ = nullptr;
    assessment_ = Assessment{};
    path_.reset();
    history_.clear();
    dirty_ = false;
}

Result<void> Workspace::edit(std::string_view item_code, Answer after) {
    if (!is_open()) return fail("", "", "no assessment is open");
    const AnswerEdit change{std::string(item_code), assessment_.answer(item_code), after};
    if (change.before == change.after) return {};
    Assessment before = assessment_;
    if (auto ok = set_answer(*framework_, assessment_, item_code, std::move(after)); !ok) {
        return ok;
    }
    history_.record({describe(change, *framework_), std::move(before), assessment_});
    dirty_ = true;
    return {};
}

Result<void> Workspace::edit_settings(const Assessment& settings, std::string what) {
    if (!is_open()) return fail("", "", "no assessment is open");
    Assessment after = assessment_;
    after.method = settings.method;
    after.applicable = settings.applicable;
    after.judgements = settings.judgements;
    after.flags = settings.flags;
    if (after == assessment_) return {};
    if (ErrorList problems = check_settings(*framework_, after); !problems.empty()) {
        return tl::unexpected(std::move(problems.front()));
    }
    history_.record({std::move(what), assessment_, after});
    assessment_ = std::move(after);
    dirty_ = true;
    return {};
}

Result<void> Workspace::edit_whole(Assessment after, std::string what) {
    if (!is_open()) return fail("", "", "no assessment is open");
    if (after == assessment_) return {};
    history_.record({std::move(what), assessment_, after});
    assessment_ = std::move(after);
    dirty_ = true;
    return {};
}

void Workspace::undo() {
    const UndoStep* step = history_.next_undo();
    if (step == nullptr) return;
    assessment_ = step->before;
    history_.step_back();
    dirty_ = true;
}

void Workspace::redo() {
    const UndoStep* step = history_.next_redo();
    if (step == nullptr) return;
    assessment_ = step->after;
    history_.step_forward();
    dirty_ = true;
}

std::optional<std::string> Workspace::undo_label() const {
    const UndoStep* step = history_.next_undo();
    if (step == nullptr) return std::nullopt;
    return step->label;
}

std::optional<std::string> Workspace::redo_label() const {
    const UndoStep* step = history_.next_redo();
    if (step == nullptr) return std::nullopt;
    return step->label;
}

}  // namespace eqkit
