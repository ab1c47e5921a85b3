#pragma once
// Undo and redo of answer edits. Each edit records the whole answer before and after, so one
// step undoes one whole edit (a score pick, or a finished piece of typing).
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

class UndoStack {
  public:
    void record(AnswerEdit edit);  // an edit just applied; forgets anything to redo
    [[nodiscard]] const AnswerEdit* next_undo() const;
    [[nodiscard]] const AnswerEdit* next_redo() const;
    void step_back();     // moves next_undo() onto the redo side
    void step_forward();  // moves next_redo() onto the undo side
    void clear();

  private:
    std::vector<AnswerEdit> done_;
    std::vector<AnswerEdit> undone_;
};

}  // namespace eqkit
