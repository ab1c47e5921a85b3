#pragma once
// The question-page model both web faces render: pages, questions, hints, scales, validation
// rules and their messages, all derived from the framework file. No rule lives in JavaScript.
#include <string>
#include <string_view>
#include <vector>

#include "eqkit/assessment.hpp"
#include "eqkit/framework.hpp"

namespace eqkit {

enum class TaskStatus { not_started, in_progress, completed };

// "Not yet started", "In progress", "Completed" (NHS.UK task list wording).
[[nodiscard]] std::string_view task_status_label(TaskStatus status);

// Completed once the item has a score; in progress when something else was saved.
[[nodiscard]] TaskStatus task_status(const Answer& answer);

// A problem with one field of a question page, worded as GOV.UK/NHS.UK error messages are.
struct FieldError {
    std::string field;  // "score", "narrative", "raters"
    std::string message;
    friend bool operator==(const FieldError&, const FieldError&) = default;
};

enum class Submit { save, draft };  // a draft may leave the score empty

[[nodiscard]] std::vector<FieldError> validate_item_page(const Framework& framework,
                                                         std::string_view item_code,
                                                         const Answer& answer, Submit submit);

// The whole form model as JSON (format "eqkit-form/1"): framework facts, one page per item
// with its fields, hints, Easy Read text, unconfirmed marks and error messages.
[[nodiscard]] std::string form_model_json(const Framework& framework);

// Why the user chooses the items that apply: the framework files carry no data on which apply
// to which kind of service (EqualityKit's reference has none).
[[nodiscard]] std::string applicability_note(const Framework& framework);
// "From EDS 2022 1A (assessment eds2022), accepted by Jo on 2025-01-31".
[[nodiscard]] std::string source_text(const AnswerSource& source);

// Scores, task statuses and unconfirmed facts as JSON, for the faces and `eqkit assess score`.
[[nodiscard]] std::string results_json(const Framework& framework, const Assessment& assessment);

}  // namespace eqkit
