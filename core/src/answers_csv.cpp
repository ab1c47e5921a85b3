#include "answers_csv.hpp"

#include "eqkit/scoring.hpp"

namespace eqkit::detail {

std::string defused(std::string_view typed) {
    if (!typed.empty() &&
        std::string_view("=+-@\t\r").find(typed.front()) != std::string_view::npos) {
        return "'" + std::string(typed);
    }
    return std::string(typed);
}

namespace {

void row(std::string& out, std::initializer_list<std::string_view> fields) {
    bool first = true;
    for (const std::string_view field : fields) {
        if (!first) out += ',';
        out += csv_field(field);
        first = false;
    }
    out += "\r\n";
}

}  // namespace

std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string answers_csv(const WorkspaceFolder& workspace) {
    std::string out;
    row(out, {"assessment", "assessment_title", "framework", "framework_version", "group", "item",
              "item_title", "score", "score_label", "narrative", "raters"});
    for (const StoredAssessment& stored : workspace.assessments()) {
        const Framework* fw = workspace.registry().find(stored.entry.framework);
        if (fw == nullptr) continue;
        const std::string title = defused(stored.assessment.title);
        for (const Group& group : fw->groups) {
            for (const Item& item : group.items) {
                const Answer& answer = stored.assessment.answer(item.code);
                std::string raters;
                for (const std::string& r : answer.raters)
                    raters += (raters.empty() ? "" : "; ") + r;
                const std::string score = answer.score ? std::to_string(*answer.score) : "";
                const std::string label = answer.score ? score_label(*fw, answer.score) : "";
                row(out, {stored.entry.id, title, fw->id, fw->version, group.code, item.code,
                          item.title, score, label, defused(answer.narrative), defused(raters)});
            }
        }
    }
    return out;
}

}  // namespace eqkit::detail
