// Strict loader for eqkit-question-set/1 files: every problem is reported with its JSON Pointer.
#include <algorithm>
#include <cmath>
#include <set>

#include "eqkit/files.hpp"
#include "eqkit/registry.hpp"
#include "eqkit/tender_question_set.hpp"
#include "eqkit/text.hpp"
#include "field_readers.hpp"
#include "json_reader.hpp"
#include "tender_format.hpp"

namespace eqkit {
namespace {

using detail::Diagnostics;
using detail::in_quotes;
using detail::Need;
using detail::ObjectReader;
using detail::read_provenance;
using detail::read_source;
using detail::required_text;
using detail::valid_code;

constexpr int scale_value_limit = 1000;
constexpr int word_limit_max = 100000;
constexpr double weight_limit = 1000;

TenderScaleLevel read_level(ObjectReader& obj) {
    TenderScaleLevel level;
    if (auto value = obj.integer("value", Need::required)) {
        if (*value < 0 || *value > scale_value_limit) {
            obj.error("value", "a scale value must be a whole number from 0 to 1000");
        } else {
            level.value = static_cast<int>(*value);
        }
    }
    level.label = required_text(obj, "label");
    level.description = obj.string_or("description", "");
    level.provenance = read_provenance(obj);
    obj.finish();
    return level;
}

TenderScale read_scale(ObjectReader& obj) {
    TenderScale scale;
    scale.id = required_text(obj, "id");
    scale.title = required_text(obj, "title");
    scale.pass_fail = obj.boolean_or("pass_fail", false);
    if (auto source = obj.object("source", Need::required)) scale.source = read_source(*source);
    bool first = true;
    scale.levels = detail::read_scale_levels<TenderScaleLevel>(obj, [&](ObjectReader& level_obj) {
        TenderScaleLevel level = read_level(level_obj);
        if (first && level.value != 0) {
            level_obj.error(
                "value", "a scale starts at 0, so that a weighted score is score ÷ max × weight");
        }
        first = false;
        return level;
    });
    if (scale.pass_fail && scale.levels.size() != 2) {
        obj.error("levels", "a pass/fail scale has exactly two levels: fail, then pass");
    }
    obj.finish();
    return scale;
}

std::optional<Citation> parse_citation(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size()) return {};
    return Citation{std::string(text.substr(0, colon)), std::string(text.substr(colon + 1))};
}

TenderQuestion read_question(ObjectReader& obj, const QuestionSet& set, Diagnostics& diag) {
    TenderQuestion q;
    q.code = required_text(obj, "code");
    if (!q.code.empty() && !valid_code(q.code)) {
        obj.error("code",
                  "a question code uses letters, digits, \".\", \"-\" or \"_\" (at most "
                  "32)");
    }
    q.title = required_text(obj, "title");
    q.text = required_text(obj, "text");
    q.guidance = obj.string_or("guidance", "");
    if (auto limit = obj.integer("word_limit", Need::optional)) {
        if (*limit < 1 || *limit > word_limit_max) {
            obj.error("word_limit",
                      "a word limit must be from 1 to 100000 (leave it out for none)");
        } else {
            q.word_limit = static_cast<int>(*limit);
        }
    }
    q.pass_fail = obj.boolean("pass_fail", Need::required).value_or(false);
    q.scale = required_text(obj, "scale");
    const TenderScale* scale = set.find_scale(q.scale);
    if (!q.scale.empty() && scale == nullptr) {
        obj.error("scale", "no scale " + in_quotes(q.scale) + " in this question set");
    }
    if (scale != nullptr && scale->pass_fail != q.pass_fail) {
        obj.error("scale", q.pass_fail ? "a pass/fail question needs a pass/fail scale"
                                       : "a scored question cannot use a pass/fail scale");
    }
    if (auto weight = obj.number("weight", Need::optional)) {
        if (q.pass_fail) {
            obj.error("weight", "a pass/fail question carries no weight");
        } else if (!(*weight > 0) || *weight > weight_limit) {
            obj.error("weight", "a weight must be more than 0 and at most 1000");
        } else {
            q.weight = *weight;
        }
    } else if (!q.pass_fail) {
        obj.error_here("a scored question needs a \"weight\"");
    }
    if (auto minimum = obj.integer("minimum_score", Need::optional)) {
        if (q.pass_fail) {
            obj.error("minimum_score", "a pass/fail question has no minimum score");
        } else if (scale != nullptr && (*minimum < 0 || *minimum > scale_value_limit ||
                                        scale->level(static_cast<int>(*minimum)) == nullptr)) {
            obj.error("minimum_score", "the minimum score must be one of the values of scale " +
                                           in_quotes(scale->id));
        } else {
            q.minimum_score = static_cast<int>(*minimum);
        }
    }
    std::vector<std::string> cites = obj.strings("cites", Need::optional);
    std::set<std::string> seen;
    for (std::size_t i = 0; i < cites.size(); ++i) {
        const std::string place =
            detail::pointer_append(detail::pointer_append(obj.pointer(), "cites"), i);
        auto citation = parse_citation(cites[i]);
        if (!citation) {
            diag.add(place, "a citation reads framework:code, such as \"eds2022:2A\"");
        } else if (!seen.insert(cites[i]).second) {
            diag.add(place, in_quotes(cites[i]) + " is cited twice");
        } else {
            q.cites.push_back(std::move(*citation));
        }
    }
    q.provenance = read_provenance(obj);
    obj.finish();
    return q;
}

void read_top_level(ObjectReader& root, QuestionSet& set, Diagnostics& diag) {
    if (auto format = root.string("format", Need::required);
        format && *format != question_set_format) {
        root.error("format", "expected \"" + std::string(question_set_format) + "\", found " +
                                 in_quotes(*format));
    }
    set.id = required_text(root, "id");
    if (!set.id.empty() && !detail::valid_id(set.id)) {
        root.error("id", "an id uses lowercase letters, digits and \"_\", starting with a letter");
    }
    set.title = required_text(root, "title");
    set.version = required_text(root, "version");
    set.publisher = required_text(root, "publisher");
    set.official = root.boolean("official", Need::required).value_or(false);
    set.description = required_text(root, "description");
    set.provenance = read_provenance(root);
    for (ObjectReader& source : root.objects("sources", Need::required, 1)) {
        set.sources.push_back(read_source(source));
    }
    if (auto total = root.number("total_weight", Need::required)) {
        if (!(*total > 0) || *total > weight_limit) {
            root.error("total_weight", "the total weight must be more than 0 and at most 1000");
        } else {
            set.total_weight = *total;
        }
    }
    std::vector<ObjectReader> scales = root.objects("scales", Need::required, 1);
    for (ObjectReader& obj : scales) {
        TenderScale scale = read_scale(obj);
        if (!scale.id.empty() && set.find_scale(scale.id) != nullptr) {
            obj.error("id", "scale " + in_quotes(scale.id) + " is defined twice");
        }
        set.scales.push_back(std::move(scale));
    }
    std::vector<ObjectReader> questions = root.objects("questions", Need::required, 1);
    double sum = 0;
    for (ObjectReader& obj : questions) {
        TenderQuestion q = read_question(obj, set, diag);
        if (!q.code.empty() && set.find_question(q.code) != nullptr) {
            obj.error("code", "question " + in_quotes(q.code) + " is used twice");
        }
        sum += q.weight;
        set.questions.push_back(std::move(q));
    }
    root.finish();
    if (diag.empty() && std::abs(sum - set.total_weight) > 1e-9) {
        diag.add("/total_weight", "the weights of the scored questions add up to " +
                                      detail::format_number(sum) + ", not " +
                                      detail::format_number(set.total_weight));
    }
}

}  // namespace

const TenderScaleLevel* TenderScale::level(int value) const {
    for (const TenderScaleLevel& l : levels) {
        if (l.value == value) return &l;
    }
    return nullptr;
}

const TenderScale* QuestionSet::find_scale(std::string_view scale_id) const {
    for (const TenderScale& s : scales) {
        if (s.id == scale_id) return &s;
    }
    return nullptr;
}

const TenderQuestion* QuestionSet::find_question(std::string_view code) const {
    for (const TenderQuestion& q : questions) {
        if (q.code == code) return &q;
    }
    return nullptr;
}

const TenderScale& QuestionSet::scale_of(const TenderQuestion& question) const {
    return *find_scale(question.scale);
}

Checked<QuestionSet> parse_question_set(std::string_view json, std::string_view label) {
    Result<detail::Json> doc = detail::parse_json(json, label);
    if (!doc) return tl::unexpected(ErrorList{doc.error()});
    Diagnostics diag{std::string(label)};
    QuestionSet set;
    set.file = std::string(label);
    ObjectReader root(*doc, "", diag);
    if (root.is_object()) read_top_level(root, set, diag);
    if (!diag.empty()) return tl::unexpected(diag.take());
    return set;
}

Checked<QuestionSet> load_question_set(const std::filesystem::path& file) {
    Result<std::string> bytes = read_text_file(file);
    if (!bytes) return tl::unexpected(ErrorList{bytes.error()});
    return parse_question_set(*bytes, file.generic_string());
}

QuestionSetLibrary load_question_sets(const std::filesystem::path& plugins_dir) {
    QuestionSetLibrary library;
    std::error_code ec;
    for (const auto& file : files_in_subfolders(plugins_dir, "question_set.json", ec)) {
        Checked<QuestionSet> set = load_question_set(file);
        if (!set) {
            library.failures.push_back(std::move(set.error()));
        } else if (std::any_of(library.sets.begin(), library.sets.end(),
                               [&](const QuestionSet& s) { return s.id == set->id; })) {
            library.failures.push_back(
                ErrorList{Error{file.generic_string(), "/id",
                                "question set " + in_quotes(set->id) + " is already loaded"}});
        } else {
            library.sets.push_back(std::move(*set));
        }
    }
    return library;
}

namespace {

void add_fact(std::vector<UnconfirmedFact>& out, std::string what, const Provenance& p) {
    if (!p.confirmed) out.push_back({std::move(what), p.note});
}

}  // namespace

std::vector<UnconfirmedFact> unconfirmed_facts(const QuestionSet& set) {
    std::vector<UnconfirmedFact> out;
    add_fact(out, "Question set " + set.title, set.provenance);
    for (const Source& s : set.sources)
        add_fact(out, "Source " + s.title, s.provenance);
    for (const TenderScale& scale : set.scales) {
        add_fact(out, "Scale " + scale.title + " (source)", scale.source.provenance);
        for (const TenderScaleLevel& l : scale.levels) {
            add_fact(out,
                     "Scale " + scale.title + ", level " + std::to_string(l.value) + " " + l.label,
                     l.provenance);
        }
    }
    for (const TenderQuestion& q : set.questions)
        add_fact(out, "Question " + q.code + " " + q.title, q.provenance);
    return out;
}

ErrorList check_citations(const QuestionSet& set, const Registry& registry) {
    ErrorList errors;
    for (std::size_t i = 0; i < set.questions.size(); ++i) {
        const TenderQuestion& q = set.questions[i];
        for (std::size_t j = 0; j < q.cites.size(); ++j) {
            const Citation& c = q.cites[j];
            const std::string place =
                "/questions/" + std::to_string(i) + "/cites/" + std::to_string(j);
            const Framework* fw = registry.find(c.framework);
            if (fw == nullptr) {
                errors.push_back(
                    {set.file, place, "no framework " + in_quotes(c.framework) + " is loaded"});
            } else if (fw->find_item(c.code) == nullptr) {
                errors.push_back(
                    {set.file, place,
                     "framework " + in_quotes(c.framework) + " has no item " + in_quotes(c.code)});
            }
        }
    }
    return errors;
}

}  // namespace eqkit
