#include "eqkit/assessment.hpp"

#include <algorithm>
#include <set>

#include "eqkit/dates.hpp"
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
constexpr std::size_t max_text_length = 10000;  // a statement, a section, a rationale
constexpr std::size_t max_sections = 50;
constexpr std::size_t max_sources = 50;

std::string scale_span(const Scale& scale) {
    std::string out;
    for (const ScaleLevel& l : scale.levels) {
        if (!out.empty()) out += ", ";
        out += std::to_string(l.value);
    }
    return out;
}

bool is_short_text(std::string_view text) {
    return is_valid_utf8(text) && utf16_length(text) <= max_text_length;
}

void category_problems(const Framework& fw, const Answer& answer,
                       std::vector<std::string>& problems) {
    for (const auto& [code, score] : answer.category_scores) {
        const std::string& wanted = code;  // clang 14 cannot capture a binding
        const bool known =
            std::any_of(fw.evidence_categories.begin(), fw.evidence_categories.end(),
                        [&wanted](const EvidenceCategory& c) { return c.code == wanted; });
        if (!known) {
            problems.push_back("\"" + code + "\" is not an evidence category of " + fw.id);
        } else if (fw.scale.level(score) == nullptr) {
            problems.push_back("evidence category " + code + ": score " + std::to_string(score) +
                               " is not on the scale (use one of " + scale_span(fw.scale) + ")");
        }
    }
}

void report_text_problems(const Answer& answer, std::vector<std::string>& problems) {
    const std::string limit = std::to_string(max_text_length);
    if (!is_short_text(answer.i_statement) || !is_short_text(answer.we_statement)) {
        problems.push_back("the I and We statements must be text of at most " + limit +
                           " characters");
    }
    if (answer.sections.size() > max_sections) {
        problems.push_back("at most " + std::to_string(max_sections) + " sections can be kept");
    }
    for (const ReportSection& section : answer.sections) {
        if (is_blank(section.heading) || !is_short_text(section.heading) ||
            !is_short_text(section.text)) {
            problems.push_back("each section needs a heading, and text of at most " + limit +
                               " characters");
            break;
        }
    }
    if (answer.sources.size() > max_sources) {
        problems.push_back("at most " + std::to_string(max_sources) + " sources can be kept");
    }
    for (const AnswerSource& source : answer.sources) {
        if (is_blank(source.from) || !is_short_text(source.from) || !is_short_text(source.item) ||
            is_blank(source.accepted_by) || !is_short_text(source.accepted_by) ||
            !is_iso_date(source.accepted_on)) {
            problems.push_back(
                "each source says where the answer came from, who accepted it and on which date "
                "(YYYY-MM-DD)");
            break;
        }
    }
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
    category_problems(fw, answer, problems);
    report_text_problems(answer, problems);
    return problems;
}

Json answer_to_json(const std::string& code, const Answer& answer) {
    Json out = Json::object();
    out["item"] = code;
    if (answer.score) out["score"] = *answer.score;
    if (!answer.category_scores.empty()) out["category_scores"] = answer.category_scores;
    if (!answer.narrative.empty()) out["narrative"] = answer.narrative;
    if (!answer.raters.empty()) out["raters"] = answer.raters;
    if (answer.needs_review) out["needs_review"] = true;
    for (const AnswerSource& s : answer.sources) {
        out["sources"].push_back({{"item", s.item},
                                  {"from", s.from},
                                  {"accepted_by", s.accepted_by},
                                  {"accepted_on", s.accepted_on}});
    }
    if (!answer.i_statement.empty()) out["i_statement"] = answer.i_statement;
    if (!answer.we_statement.empty()) out["we_statement"] = answer.we_statement;
    for (const ReportSection& s : answer.sections)
        out["sections"].push_back({{"heading", s.heading}, {"text", s.text}});
    return out;
}

void settings_to_json(const Assessment& a, Json& out) {
    if (!a.method.empty()) out["method"] = a.method;
    if (a.applicable) out["applicable"] = *a.applicable;
    for (const auto& [about, j] : a.judgements)
        out["judgements"][about] = {{"rating", j.rating}, {"rationale", j.rationale}};
    if (!a.flags.empty()) out["flags"] = a.flags;
}

// A JSON object of whole numbers keyed by user data (evidence category scores).
std::map<std::string, int> read_int_map(ObjectReader& obj, std::string_view key) {
    std::map<std::string, int> out;
    const Json* node = obj.raw(key, Need::optional);
    if (node == nullptr) return out;
    if (!node->is_object()) {
        obj.error(key, "must be an object");
        return out;
    }
    for (const auto& [k, v] : node->items()) {
        if (!v.is_number_integer() || v.get<std::int64_t>() < -1000 ||
            v.get<std::int64_t>() > 1000) {
            obj.error(key, "\"" + k + "\" must be a whole number");
            continue;
        }
        out[k] = static_cast<int>(v.get<std::int64_t>());
    }
    return out;
}

void read_sources(ObjectReader& obj, Answer& answer) {
    for (ObjectReader& s : obj.objects("sources", Need::optional)) {
        AnswerSource source;
        source.item = s.string_or("item", "");
        source.from = s.string_or("from", "");
        source.accepted_by = s.string_or("accepted_by", "");
        source.accepted_on = s.string_or("accepted_on", "");
        s.finish();
        answer.sources.push_back(std::move(source));
    }
    for (ObjectReader& s : obj.objects("sections", Need::optional)) {
        ReportSection section;
        section.heading = s.string_or("heading", "");
        section.text = s.string_or("text", "");
        s.finish();
        answer.sections.push_back(std::move(section));
    }
}

void read_settings(ObjectReader& root, Assessment& a) {
    a.method = root.string_or("method", "");
    if (root.has("applicable")) a.applicable = root.strings("applicable", Need::optional);
    if (std::optional<ObjectReader> judgements = root.object("judgements", Need::optional)) {
        const Json* node = root.raw("judgements", Need::optional);
        for (const auto& [about, value] : node->items()) {
            if (std::optional<ObjectReader> j = judgements->object(about, Need::required)) {
                a.judgements[about] = {j->string_or("rating", ""), j->string_or("rationale", "")};
                j->finish();
            }
        }
        judgements->finish();
    }
    if (const Json* flags = root.raw("flags", Need::optional)) {
        for (const auto& [flag, value] : flags->items()) {
            if (value.is_boolean()) {
                a.flags[flag] = value.get<bool>();
            } else {
                root.error("flags", "\"" + flag + "\" must be true or false");
            }
        }
        if (!flags->is_object()) root.error("flags", "must be an object");
    }
}

const Framework* read_framework_ref(ObjectReader& root, const Registry& registry,
                                    EarlierVersions earlier, Diagnostics& diag) {
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
    if (fw->version != *version && earlier == EarlierVersions::read) {
        if (const Framework* before = registry.find_version(*id, *version)) return before;
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
    answer.category_scores = read_int_map(obj, "category_scores");
    answer.narrative = obj.string_or("narrative", "");
    answer.raters = obj.strings("raters", Need::optional);
    answer.needs_review = obj.boolean_or("needs_review", false);
    read_sources(obj, answer);
    answer.i_statement = obj.string_or("i_statement", "");
    answer.we_statement = obj.string_or("we_statement", "");
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

bool Assessment::applies(std::string_view item_code) const {
    return !applicable ||
           std::find(applicable->begin(), applicable->end(), item_code) != applicable->end();
}

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
    settings_to_json(assessment, out);
    return detail::dump_json(out);
}

Checked<Assessment> parse_assessment(std::string_view json, std::string_view label,
                                     const Registry& registry, EarlierVersions earlier) {
    Result<Json> doc = detail::parse_json(json, label);
    if (!doc) return tl::unexpected(ErrorList{doc.error()});
    Diagnostics diag{std::string(label)};
    ObjectReader root(*doc, "", diag);
    Assessment assessment;
    if (root.is_object()) {
        root.expect_format(assessment_format, "file");
        assessment.title = root.string_or("title", "");
        if (auto ok = check_title(assessment.title); !ok) root.error("title", ok.error().reason);
        if (const Framework* fw = read_framework_ref(root, registry, earlier, diag)) {
            assessment.framework_id = fw->id;
            assessment.framework_version = fw->version;
            std::set<std::string> seen;
            for (ObjectReader& answer : root.objects("answers", Need::required)) {
                read_answer(answer, *fw, assessment, seen);
            }
            detail::read_form(root, *fw, assessment, registry);
            read_settings(root, assessment);
            for (Error& e : check_settings(*fw, assessment))
                diag.add(std::move(e.place), std::move(e.reason));
        } else {
            for (const char* key : {"answers", "method", "applicable", "judgements", "flags"})
                (void)root.raw(key, Need::optional);  // not checkable without the framework
        }
        detail::mark_form_keys_read(root);  // not checkable without the framework
        root.finish();
    }
    if (!diag.empty()) return tl::unexpected(diag.take());
    return assessment;
}

Checked<Assessment> load_assessment(const std::filesystem::path& file, const Registry& registry,
                                    EarlierVersions earlier) {
    Result<std::string> bytes = read_text_file(file);
    if (!bytes) return tl::unexpected(ErrorList{bytes.error()});
    return parse_assessment(*bytes, file.generic_string(), registry, earlier);
}

}  // namespace eqkit
