#include "eqkit/assessment.hpp"

#include <set>

#include "eqkit/files.hpp"
#include "eqkit/registry.hpp"
#include "eqkit/text.hpp"
#include "form_answers_json.hpp"
#include "json_reader.hpp"

namespace eqkit {
namespace {

using detail::Diagnostics;
using detail::Json;
using detail::Need;
using detail::ObjectReader;

constexpr std::size_t max_raters = 50;
constexpr std::size_t max_rater_length = 200;
constexpr std::size_t max_title_length = 300;

std::string scale_span(const Scale& scale) {
    std::string out;
    for (const ScaleLevel& l : scale.levels) {
        if (!out.empty()) out += ", ";
        out += std::to_string(l.value);
    }
    return out;
}

// Every reason an answer does not fit the framework, as plain sentences.
std::vector<std::string> answer_problems(const Framework& fw, const Answer& answer) {
    std::vector<std::string> problems;
    if (answer.score && fw.scale.level(*answer.score) == nullptr) {
        problems.push_back("score " + std::to_string(*answer.score) +
                           " is not on the scale (use one of " + scale_span(fw.scale) + ")");
    }
    if (!is_valid_utf8(answer.narrative)) {
        problems.push_back("the narrative is not valid UTF-8 text");
    } else if (const std::size_t length = utf16_length(answer.narrative);
               length > fw.narrative.max_length) {
        problems.push_back("the narrative is " + std::to_string(length) +
                           " characters; the limit is " + std::to_string(fw.narrative.max_length));
    }
    if (!answer.raters.empty() && !fw.raters) {
        problems.push_back("this framework does not record who rated an item");
    }
    if (answer.raters.size() > max_raters) {
        problems.push_back("at most " + std::to_string(max_raters) + " raters can be recorded");
    }
    for (const std::string& rater : answer.raters) {
        if (!is_valid_utf8(rater) || is_blank(rater) || rater.size() > max_rater_length) {
            problems.push_back("each rater must be non-empty text of at most " +
                               std::to_string(max_rater_length) + " characters");
            break;
        }
    }
    return problems;
}

Json answer_to_json(const std::string& code, const Answer& answer) {
    Json out = Json::object();
    out["item"] = code;
    if (answer.score) out["score"] = *answer.score;
    if (!answer.narrative.empty()) out["narrative"] = answer.narrative;
    if (!answer.raters.empty()) out["raters"] = answer.raters;
    return out;
}

const Framework* read_framework_ref(ObjectReader& root, const Registry& registry,
                                    Diagnostics& diag) {
    std::optional<ObjectReader> ref = root.object("framework", Need::required);
    if (!ref) return nullptr;
    const auto id = ref->string("id", Need::required);
    const auto version = ref->string("version", Need::required);
    ref->finish();
    if (!id || !version) return nullptr;
    const Framework* fw = registry.find(*id);
    if (fw == nullptr) {
        diag.add("/framework/id", "this assessment is for framework \"" + *id +
                                      "\", which is not loaded (is its plugin installed?)");
        return nullptr;
    }
    if (fw->version != *version) {
        diag.add("/framework/version", "this assessment was made with " + *id + " version \"" +
                                           *version + "\" but the loaded " + *id +
                                           " is version \"" + fw->version + "\"");
        return nullptr;
    }
    return fw;
}

void read_answer(ObjectReader& obj, const Framework& fw, Assessment& assessment,
                 std::set<std::string>& seen) {
    const auto code = obj.string("item", Need::required);
    Answer answer;
    if (auto score = obj.integer("score", Need::optional)) {
        if (*score < -100000 || *score > 100000) {
            obj.error("score", "score " + std::to_string(*score) + " is not on the scale");
        } else {
            answer.score = static_cast<int>(*score);
        }
    }
    answer.narrative = obj.string_or("narrative", "");
    answer.raters = obj.strings("raters", Need::optional);
    obj.finish();
    if (!code) return;
    if (fw.find_item(*code) == nullptr) {
        obj.error("item", "\"" + *code + "\" is not an item of " + fw.id);
        return;
    }
    if (!seen.insert(*code).second) {
        obj.error("item", "item \"" + *code + "\" is answered twice");
        return;
    }
    const std::vector<std::string> problems = answer_problems(fw, answer);
    for (const std::string& p : problems)
        obj.error_here("item " + *code + ": " + p);
    if (problems.empty() && !answer.empty()) assessment.answers[*code] = std::move(answer);
}

}  // namespace

const Answer& Assessment::answer(std::string_view item_code) const {
    static const Answer none;  // immutable shared empty answer
    const auto it = answers.find(std::string(item_code));
    return it == answers.end() ? none : it->second;
}

Result<void> check_title(std::string_view title) {
    if (!is_valid_utf8(title) || utf16_length(title) > max_title_length) {
        return fail("", "title",
                    "the title must be text of at most " + std::to_string(max_title_length) +
                        " characters");
    }
    return {};
}

Assessment new_assessment(const Framework& framework) {
    Assessment a;
    a.framework_id = framework.id;
    a.framework_version = framework.version;
    return a;
}

Result<void> check_answer(const Framework& framework, std::string_view item_code,
                          const Answer& answer) {
    const std::string place = "item " + std::string(item_code);
    if (framework.find_item(item_code) == nullptr) {
        return fail("", place,
                    "there is no item \"" + std::string(item_code) + "\" in " + framework.id);
    }
    const std::vector<std::string> problems = answer_problems(framework, answer);
    if (!problems.empty()) return fail("", place, problems.front());
    return {};
}

Result<void> set_answer(const Framework& framework, Assessment& assessment,
                        std::string_view item_code, Answer answer) {
    if (auto ok = check_answer(framework, item_code, answer); !ok) return ok;
    if (assessment.answer(item_code) == answer) return {};
    record_change(framework, assessment, "item " + std::string(item_code));
    if (answer.empty()) {
        assessment.answers.erase(std::string(item_code));
    } else {
        assessment.answers[std::string(item_code)] = std::move(answer);
    }
    return {};
}

std::string assessment_to_json(const Framework& framework, const Assessment& assessment) {
    Json out = Json::object();
    out["format"] = assessment_format;
    out["framework"] = {{"id", assessment.framework_id}, {"version", assessment.framework_version}};
    if (!assessment.title.empty()) out["title"] = assessment.title;
    Json answers = Json::array();
    for (const Group& g : framework.groups) {
        for (const Item& item : g.items) {
            const auto it = assessment.answers.find(item.code);
            if (it != assessment.answers.end())
                answers.push_back(answer_to_json(item.code, it->second));
        }
    }
    out["answers"] = std::move(answers);
    detail::form_to_json(framework, assessment, out);
    return detail::dump_json(out);
}

Checked<Assessment> parse_assessment(std::string_view json, std::string_view label,
                                     const Registry& registry) {
    Result<Json> doc = detail::parse_json(json, label);
    if (!doc) return tl::unexpected(ErrorList{doc.error()});
    Diagnostics diag{std::string(label)};
    ObjectReader root(*doc, "", diag);
    Assessment assessment;
    if (root.is_object()) {
        if (auto format = root.string("format", Need::required);
            format && *format != assessment_format) {
            root.error("format", "this file's format is \"" + *format +
                                     "\"; this version of EqualityKit reads \"" +
                                     std::string(assessment_format) + "\"");
        }
        assessment.title = root.string_or("title", "");
        if (auto ok = check_title(assessment.title); !ok) root.error("title", ok.error().reason);
        if (const Framework* fw = read_framework_ref(root, registry, diag)) {
            assessment.framework_id = fw->id;
            assessment.framework_version = fw->version;
            std::set<std::string> seen;
            for (ObjectReader& answer : root.objects("answers", Need::required)) {
                read_answer(answer, *fw, assessment, seen);
            }
            detail::read_form(root, *fw, assessment, registry);
        } else {
            (void)root.raw("answers", Need::optional);  // not checkable without the framework
        }
        detail::mark_form_keys_read(root);  // not checkable without the framework
        root.finish();
    }
    if (!diag.empty()) return tl::unexpected(diag.take());
    return assessment;
}

Checked<Assessment> load_assessment(const std::filesystem::path& file, const Registry& registry) {
    Result<std::string> bytes = read_text_file(file);
    if (!bytes) return tl::unexpected(ErrorList{bytes.error()});
    return parse_assessment(*bytes, file.generic_string(), registry);
}

}  // namespace eqkit
