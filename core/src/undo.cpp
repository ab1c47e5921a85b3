#include "eqkit/undo.hpp"

#include "eqkit/scoring.hpp"

namespace eqkit {

std::string describe(const AnswerEdit& edit, const Framework& framework) {
    const Answer& a = edit.before;
    const Answer& b = edit.after;
    if (a.score != b.score) {
        if (!b.score) return "clear " + edit.item + " score";
        return "set " + edit.item + " score to " + std::to_string(*b.score) + " (" +
               score_label(framework, b.score) + ")";
    }
    if (a.narrative != b.narrative) return "edit " + edit.item + " narrative";
    if (a.raters != b.raters) return "change " + edit.item + " raters";
    if (a.category_scores != b.category_scores)
        return "score " + edit.item + " evidence categories";
    if (a.needs_review != b.needs_review) {
        return (b.needs_review ? "mark " : "confirm ") + edit.item +
               (b.needs_review ? " as needing review" : " reviewed");
    }
    return "edit " + edit.item;
}

void UndoStack::record(UndoStep step) {
    done_.push_back(std::move(step));
    undone_.clear();
}

const UndoStep* UndoStack::next_undo() const {
    return done_.empty() ? nullptr : &done_.back();
}
const UndoStep* UndoStack::next_redo() const {
    return undone_.empty() ? nullptr : &undone_.back();
}

void UndoStack::step_back() {
    if (done_.empty()) return;
    undone_.push_back(std::move(done_.back()));
    done_.pop_back();
}

void UndoStack::step_forward() {
    if (undone_.empty()) return;
    done_.push_back(std::move(undone_.back()));
    undone_.pop_back();
}

void UndoStack::clear() {
    done_.clear();
    undone_.clear();
}

}  // namespace eqkit
