// The tender file, eqkit-tender/1: writing it, and reading it back through the engine's checks.
#include "eqkit/tender.hpp"
#include "eqkit/text.hpp"
#include "field_readers.hpp"
#include "json_reader.hpp"

namespace eqkit {
namespace {

using detail::Diagnostics;
using detail::in_quotes;
using detail::Json;
using detail::Need;
using detail::ObjectReader;
using detail::required_text;

void put_provenance(Json& obj, const Provenance& p) {
    if (!p.confirmed) obj["confirmed"] = false;
    if (!p.note.empty()) obj["note"] = p.note;
}

Json source_json(const Source& s) {
    Json obj = {{"title", s.title}};
    if (!s.url.empty()) obj["url"] = s.url;
    if (!s.reference.empty()) obj["reference"] = s.reference;
    put_provenance(obj, s.provenance);
    return obj;
}

Json question_set_json(const QuestionSet& set) {
    Json doc = {{"format", question_set_format}, {"id", set.id},
                {"version", set.version},        {"title", set.title},
                {"publisher", set.publisher},    {"official", set.official},
                {"description", set.description}};
    put_provenance(doc, set.provenance);
    Json sources = Json::array();
    for (const Source& s : set.sources)
        sources.push_back(source_json(s));
    doc["sources"] = std::move(sources);
    doc["total_weight"] = set.total_weight;
    Json scales = Json::array();
    for (const TenderScale& scale : set.scales) {
        Json levels = Json::array();
        for (const TenderScaleLevel& l : scale.levels) {
            Json level = {{"value", l.value}, {"label", l.label}};
            if (!l.description.empty()) level["description"] = l.description;
            put_provenance(level, l.provenance);
            levels.push_back(std::move(level));
        }
        Json obj = {
            {"id", scale.id}, {"title", scale.title}, {"source", source_json(scale.source)}};
        if (scale.pass_fail) obj["pass_fail"] = true;
        obj["levels"] = std::move(levels);
        scales.push_back(std::move(obj));
    }
    doc["scales"] = std::move(scales);
    Json questions = Json::array();
    for (const TenderQuestion& q : set.questions) {
        Json obj = {{"code", q.code},
                    {"title", q.title},
                    {"text", q.text},
                    {"pass_fail", q.pass_fail},
                    {"scale", q.scale}};
        if (!q.guidance.empty()) obj["guidance"] = q.guidance;
        if (q.word_limit > 0) obj["word_limit"] = q.word_limit;
        if (!q.pass_fail) obj["weight"] = q.weight;
        if (q.minimum_score) obj["minimum_score"] = *q.minimum_score;
        Json cites = Json::array();
        for (const Citation& c : q.cites)
            cites.push_back(c.text());
        obj["cites"] = std::move(cites);
        put_provenance(obj, q.provenance);
        questions.push_back(std::move(obj));
    }
    doc["questions"] = std::move(questions);
    return doc;
}

// Errors of a nested document, placed under the pointer where it sits in the tender file.
ErrorList nested(ErrorList errors, const std::string& label, const std::string& pointer) {
    for (Error& e : errors) {
        e.file = label;
        e.place = e.place.empty() || e.place.front() != '/' ? pointer + " (" + e.place + ")"
                                                            : pointer + e.place;
        if (e.place == pointer + "/") e.place = pointer;
    }
    return errors;
}

}  // namespace

std::string question_set_to_json(const QuestionSet& set) {
    return detail::dump_json(question_set_json(set));
}

std::string tender_to_json(const Tender& tender) {
    Json conflicts = Json::array();
    for (const ConflictDeclaration& c : tender.conflicts()) {
        conflicts.push_back(
            {{"evaluator", c.evaluator}, {"bidder", c.bidder}, {"declaration", c.declaration}});
    }
    Json sheets = Json::array();
    for (const Scoresheet& s : tender.scoresheets()) {
        Result<Json> sheet = detail::parse_json(scoresheet_to_json(s), "scoresheet");
        if (sheet) sheets.push_back(std::move(*sheet));
    }
    Json moderations = Json::array();
    for (const Moderation& m : tender.moderations()) {
        moderations.push_back({{"bidder", m.bidder},
                               {"question", m.question},
                               {"score", m.score},
                               {"rationale", m.rationale}});
    }
    Json audit = Json::array();
    for (const AuditEntry& a : tender.audit()) {
        audit.push_back({{"at", a.at}, {"who", a.who}, {"what", a.what}});
    }
    const Json doc = {{"format", tender_format},
                      {"id", tender.id()},
                      {"published", tender.published()},
                      {"settings",
                       {{"method", method_name(tender.settings().method)},
                        {"disagreement_threshold", tender.settings().disagreement_threshold}}},
                      {"question_set", question_set_json(tender.questions())},
                      {"bidders", tender.bidders()},
                      {"evaluators", tender.evaluators()},
                      {"conflicts", std::move(conflicts)},
                      {"scoresheets", std::move(sheets)},
                      {"moderations", std::move(moderations)},
                      {"audit", std::move(audit)}};
    return detail::dump_json(doc);
}

Checked<Tender> parse_tender(std::string_view json, std::string_view label_view) {
    const std::string label(label_view);
    Result<Json> doc = detail::parse_json(json, label);
    if (!doc) return tl::unexpected(ErrorList{doc.error()});
    Diagnostics diag{label};
    ObjectReader root(*doc, "", diag);
    if (!root.is_object()) return tl::unexpected(diag.take());
    if (auto format = root.string("format", Need::required); format && *format != tender_format) {
        root.error("format",
                   "expected \"" + std::string(tender_format) + "\", found " + in_quotes(*format));
    }
    const std::string id = required_text(root, "id");
    const bool published = root.boolean("published", Need::required).value_or(false);
    TenderSettings settings;
    if (auto s = root.object("settings", Need::required)) {
        const std::string method = required_text(*s, "method");
        if (method == "mean") {
            settings.method = ModerationMethod::mean;
        } else if (method != "consensus" && !method.empty()) {
            s->error("method", "the moderation method is \"consensus\" or \"mean\", not " +
                                   in_quotes(method));
        }
        if (auto threshold = s->integer("disagreement_threshold", Need::required)) {
            if (*threshold < 0 || *threshold > 1000) {
                s->error("disagreement_threshold", "the threshold must be from 0 to 1000");
            } else {
                settings.disagreement_threshold = static_cast<int>(*threshold);
            }
        }
        s->finish();
    }
    std::optional<QuestionSet> set;
    if (const Json* node = root.raw("question_set", Need::required)) {
        Checked<QuestionSet> parsed = parse_question_set(detail::dump_json(*node), label);
        if (!parsed) {
            for (Error& e : nested(parsed.error(), label, "/question_set")) {
                diag.add(std::move(e.place), std::move(e.reason));
            }
        } else {
            set = std::move(*parsed);
        }
    }
    const std::vector<std::string> bidders = root.strings("bidders", Need::required);
    const std::vector<std::string> evaluators = root.strings("evaluators", Need::required);
    std::vector<ConflictDeclaration> conflicts;
    for (ObjectReader& c : root.objects("conflicts", Need::required)) {
        conflicts.push_back({required_text(c, "evaluator"), required_text(c, "bidder"),
                             required_text(c, "declaration")});
        c.finish();
    }
    std::vector<Scoresheet> sheets;
    if (const Json* node = root.raw("scoresheets", Need::required)) {
        if (!node->is_array()) {
            diag.add("/scoresheets", "expected a list of scoresheets");
        } else {
            for (std::size_t i = 0; i < node->size(); ++i) {
                Checked<Scoresheet> sheet = parse_scoresheet(detail::dump_json((*node)[i]), label);
                const std::string pointer = "/scoresheets/" + std::to_string(i);
                if (!sheet) {
                    for (Error& e : nested(sheet.error(), label, pointer)) {
                        diag.add(std::move(e.place), std::move(e.reason));
                    }
                } else {
                    sheets.push_back(std::move(*sheet));
                }
            }
        }
    }
    std::vector<Moderation> moderations;
    for (ObjectReader& m : root.objects("moderations", Need::required)) {
        Moderation mod;
        mod.bidder = required_text(m, "bidder");
        mod.question = required_text(m, "question");
        if (auto score = m.integer("score", Need::required)) {
            mod.score = *score >= 0 && *score <= 1000 ? static_cast<int>(*score) : -1;
        }
        mod.rationale = required_text(m, "rationale");
        m.finish();
        moderations.push_back(std::move(mod));
    }
    std::vector<AuditEntry> audit;
    for (ObjectReader& a : root.objects("audit", Need::required)) {
        audit.push_back(
            {required_text(a, "at"), required_text(a, "who"), required_text(a, "what")});
        a.finish();
    }
    root.finish();
    if (!diag.empty() || !set) return tl::unexpected(diag.take());

    // Replay through the engine, so every rule of the live tender holds for the file too.
    Tender tender(id, std::move(*set), settings);
    auto refuse = [&](const std::string& pointer, const Error& e) -> tl::unexpected<ErrorList> {
        return tl::unexpected(ErrorList{Error{label, pointer, e.reason}});
    };
    const std::string who = "(replay)";
    for (std::size_t i = 0; i < bidders.size(); ++i) {
        if (auto r = tender.add_bidder(bidders[i], who, ""); !r) {
            return refuse("/bidders/" + std::to_string(i), r.error());
        }
    }
    for (std::size_t i = 0; i < evaluators.size(); ++i) {
        if (auto r = tender.add_evaluator(evaluators[i], who, ""); !r) {
            return refuse("/evaluators/" + std::to_string(i), r.error());
        }
    }
    for (std::size_t i = 0; i < conflicts.size(); ++i) {
        if (auto r = tender.declare_conflict(conflicts[i], who, ""); !r) {
            return refuse("/conflicts/" + std::to_string(i), r.error());
        }
    }
    if (published) {
        if (auto r = tender.publish(who, ""); !r) return refuse("/question_set", r.error());
    } else if (!sheets.empty() || !moderations.empty()) {
        return tl::unexpected(ErrorList{Error{label, "/published",
                                              "a tender that is not published cannot hold "
                                              "scoresheets or moderated scores"}});
    }
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        const std::string pointer = "/scoresheets/" + std::to_string(i);
        if (!sheets[i].submitted()) {
            return tl::unexpected(ErrorList{
                Error{label, pointer + "/submitted", "a tender holds submitted scoresheets only"}});
        }
        if (auto r = tender.submit(sheets[i], label, ""); !r) {
            return tl::unexpected(
                ErrorList{Error{label, pointer + r.error().place, r.error().reason}});
        }
    }
    for (std::size_t i = 0; i < moderations.size(); ++i) {
        if (auto r = tender.moderate(moderations[i], who, ""); !r) {
            return refuse("/moderations/" + std::to_string(i), r.error());
        }
    }
    tender.restore_audit(std::move(audit));
    return tender;
}

}  // namespace eqkit
