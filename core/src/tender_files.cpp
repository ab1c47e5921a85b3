// Strict readers and writers for a bidder's responses file and an evaluator's scoresheet file.
#include <set>

#include "eqkit/tender.hpp"
#include "eqkit/text.hpp"
#include "field_readers.hpp"
#include "json_reader.hpp"

namespace eqkit {
namespace {

using detail::Diagnostics;
using detail::in_quotes;
using detail::Need;
using detail::ObjectReader;
using detail::required_text;

constexpr std::int64_t score_limit = 1000;

void check_format(ObjectReader& root, std::string_view expected) {
    if (auto format = root.string("format", Need::required); format && *format != expected) {
        root.error("format",
                   "expected \"" + std::string(expected) + "\", found " + in_quotes(*format));
    }
}

}  // namespace

Checked<TenderResponses> parse_tender_responses(std::string_view json, std::string_view label,
                                                const QuestionSet& questions) {
    Result<detail::Json> doc = detail::parse_json(json, label);
    if (!doc) return tl::unexpected(ErrorList{doc.error()});
    Diagnostics diag{std::string(label)};
    TenderResponses responses;
    ObjectReader root(*doc, "", diag);
    if (root.is_object()) {
        check_format(root, tender_responses_format);
        responses.bidder = required_text(root, "bidder");
        std::set<std::string> seen;
        for (ObjectReader& obj : root.objects("answers", Need::required)) {
            TenderAnswer answer;
            answer.question = required_text(obj, "question");
            answer.text = obj.string("text", Need::required).value_or("");
            answer.cites = obj.strings("cites", Need::optional);
            answer.words = count_words(answer.text);
            const TenderQuestion* q = questions.find_question(answer.question);
            if (!answer.question.empty() && q == nullptr) {
                obj.error("question", "question set " + in_quotes(questions.id) +
                                          " has no question " + in_quotes(answer.question));
            } else if (!answer.question.empty() && !seen.insert(answer.question).second) {
                obj.error("question",
                          "question " + in_quotes(answer.question) + " is answered twice");
            }
            obj.finish();
            responses.answers.push_back(std::move(answer));
        }
        root.finish();
    }
    if (!diag.empty()) return tl::unexpected(diag.take());
    return responses;
}

namespace {

detail::Json scope_json(const ScoresheetScope& scope) {
    detail::Json questions = detail::Json::array();
    for (const ScoresheetScope::Question& q : scope.questions) {
        questions.push_back({{"code", q.code}, {"values", q.values}});
    }
    return {{"bidders", scope.bidders}, {"questions", std::move(questions)}};
}

detail::Json scoresheet_json(const Scoresheet& sheet, bool submitted) {
    detail::Json scores = detail::Json::array();
    for (const ScoreEntry& e : sheet.entries()) {
        scores.push_back({{"bidder", e.bidder},
                          {"question", e.question},
                          {"score", e.score},
                          {"rationale", e.rationale}});
    }
    detail::Json doc = {{"format", tender_scoresheet_format},
                        {"tender", sheet.tender_id()},
                        {"evaluator", sheet.evaluator()},
                        {"submitted", submitted},
                        {"scores", std::move(scores)}};
    if (const auto& scope = sheet.scope()) doc["scope"] = scope_json(*scope);
    return doc;
}

std::vector<int> read_values(ObjectReader& obj) {
    std::vector<int> values;
    const detail::Json* node = obj.raw("values", Need::required);
    if (node == nullptr) return values;
    for (const detail::Json& value : node->is_array() ? *node : detail::Json::array()) {
        if (!value.is_number_integer() || value.get<std::int64_t>() < 0 ||
            value.get<std::int64_t>() > score_limit) {
            obj.error("values", "a scale's values are whole numbers from 0 to 1000");
            return {};
        }
        values.push_back(static_cast<int>(value.get<std::int64_t>()));
    }
    if (!node->is_array()) obj.error("values", "must be a list of whole numbers");
    return values;
}

ScoresheetScope read_scope(ObjectReader& node) {
    ScoresheetScope scope;
    scope.bidders = node.strings("bidders", Need::required);
    for (ObjectReader& obj : node.objects("questions", Need::required)) {
        ScoresheetScope::Question& q = scope.questions.emplace_back();
        q.code = required_text(obj, "code");
        q.values = read_values(obj);
        obj.finish();
    }
    node.finish();
    return scope;
}

}  // namespace

std::string scoresheet_to_json(const Scoresheet& sheet) {
    detail::Json doc = scoresheet_json(sheet, sheet.submitted());
    if (const auto& sig = sheet.signature()) {
        doc["signature"] = {{"public_key", sig->public_key}, {"value", sig->value}};
    }
    return detail::dump_json(doc);
}

std::string scoresheet_signed_bytes(const Scoresheet& sheet) {
    return detail::dump_json(scoresheet_json(sheet, true));
}

Checked<Scoresheet> parse_scoresheet(std::string_view json, std::string_view label) {
    Result<detail::Json> doc = detail::parse_json(json, label);
    if (!doc) return tl::unexpected(ErrorList{doc.error()});
    Diagnostics diag{std::string(label)};
    ObjectReader root(*doc, "", diag);
    if (!root.is_object()) return tl::unexpected(diag.take());
    check_format(root, tender_scoresheet_format);
    std::string tender = required_text(root, "tender");
    std::string evaluator = required_text(root, "evaluator");
    const bool submitted = root.boolean("submitted", Need::required).value_or(false);
    Scoresheet sheet(std::move(tender), std::move(evaluator));
    for (ObjectReader& obj : root.objects("scores", Need::required)) {
        ScoreEntry e;
        e.bidder = required_text(obj, "bidder");
        e.question = required_text(obj, "question");
        if (auto score = obj.integer("score", Need::required)) {
            if (*score < 0 || *score > score_limit) {
                obj.error("score", "a score must be a whole number from 0 to 1000");
            } else {
                e.score = static_cast<int>(*score);
            }
        }
        e.rationale = required_text(obj, "rationale");
        if (sheet.find(e.bidder, e.question) != nullptr) {
            obj.error_here("bidder " + in_quotes(e.bidder) + ", question " + in_quotes(e.question) +
                           " is scored twice");
        }
        obj.finish();
        (void)sheet.set(std::move(e));
    }
    if (auto scope = root.object("scope", Need::optional)) sheet.set_scope(read_scope(*scope));
    if (auto sig = root.object("signature", Need::optional)) {
        ScoresheetSignature signature{required_text(*sig, "public_key"),
                                      required_text(*sig, "value")};
        sig->finish();
        sheet.set_signature(std::move(signature));
    }
    root.finish();
    if (!diag.empty()) return tl::unexpected(diag.take());
    if (submitted) sheet.mark_submitted();
    return sheet;
}

}  // namespace eqkit
