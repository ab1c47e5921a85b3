#pragma once
// Undo and redo of edits. Each step records the whole assessment before and after (assessments
// are small), so one step undoes one whole edit: a score pick, a finished piece of typing, a
// judgement, the choice of the items that apply.
#include <optional>
#include <string>
#include <vector>

#include "eqkit/assessment.hpp"

namespace eqkit {

struct AnswerEdit {
    std::string item;
    Answer before;
    Answer after;
};

// "set 1A score to 2 (Achieving activity)", for "Undo: …" menu items.
[[nodiscard]] std::string describe(const AnswerEdit& edit, const Framework& framework);

struct UndoStep {
    std::string label;  // "set 1A score to 2 (Achieving activity)"
    Assessment before;
    Assessment after;
};

class UndoStack {
  public:
    void record(UndoStep step);  // an edit just applied; forgets anything to redo
    [[nodiscard]] const UndoStep* next_undo() const;
    [[nodiscard]] const UndoStep* next_redo() const;
    void step_back();     // moves next_undo() onto the redo side
    void step_forward();  // moves next_redo() onto the undo side
    void clear();

  private:
    std::vector<UndoStep> done_;
    std::vector<UndoStep> undone_;
};

}  // namespace eqkit
