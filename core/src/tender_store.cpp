// The tender file, eqkit-tender/1: writing it, and reading it back through the engine's checks.
#include "tender_store.hpp"
#include "eqkit/tender.hpp"
#include "eqkit/text.hpp"
#include "field_readers.hpp"
#include "json_reader.hpp"

namespace eqkit {
namespace detail {
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

}  // namespace

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

ErrorList nested_errors(ErrorList errors, const std::string& label, const std::string& pointer) {
    for (Error& e : errors) {
        e.file = label;
        e.place = e.place.empty() || e.place.front() != '/' ? pointer + " (" + e.place + ")"
                                                            : pointer + e.place;
        if (e.place == pointer + "/") e.place = pointer;
    }
    return errors;
}

Json tender_common_json(const Tender& tender) {
    Json conflicts = Json::array();
    for (const ConflictDeclaration& c : tender.conflicts()) {
        conflicts.push_back(
            {{"evaluator", c.evaluator}, {"bidder", c.bidder}, {"declaration", c.declaration}});
    }
    Json moderations = Json::array();
    for (const Moderation& m : tender.moderations()) {
        moderations.push_back({{"bidder", m.bidder},
                               {"question", m.question},
                               {"score", m.score},
                               {"rationale", m.rationale}});
    }
    return {{"id", tender.id()},
            {"published", tender.published()},
            {"settings",
             {{"method", method_name(tender.settings().method)},
              {"disagreement_threshold", tender.settings().disagreement_threshold}}},
            {"question_set", question_set_json(tender.questions())},
            {"conflicts", std::move(conflicts)},
            {"moderations", std::move(moderations)}};
}

namespace {

TenderSettings read_settings(ObjectReader& s) {
    TenderSettings settings;
    const std::string method = required_text(s, "method");
    if (method == "mean") {
        settings.method = ModerationMethod::mean;
    } else if (method != "consensus" && !method.empty()) {
        s.error("method",
                "the moderation method is \"consensus\" or \"mean\", not " + in_quotes(method));
    }
    if (auto threshold = s.integer("disagreement_threshold", Need::required)) {
        if (*threshold < 0 || *threshold > 1000) {
            s.error("disagreement_threshold", "the threshold must be from 0 to 1000");
        } else {
            settings.disagreement_threshold = static_cast<int>(*threshold);
        }
    }
    s.finish();
    return settings;
}

}  // namespace

void read_tender_common(ObjectReader& root, Diagnostics& diag, TenderRecord& record) {
    const std::string label = diag.file();
    record.id = required_text(root, "id");
    record.published = root.boolean("published", Need::required).value_or(false);
    if (auto s = root.object("settings", Need::required)) record.settings = read_settings(*s);
    if (const Json* node = root.raw("question_set", Need::required)) {
        Checked<QuestionSet> parsed = parse_question_set(dump_json(*node), label);
        if (!parsed) {
            for (Error& e : nested_errors(parsed.error(), label, "/question_set")) {
                diag.add(std::move(e.place), std::move(e.reason));
            }
        } else {
            record.questions = std::move(*parsed);
        }
    }
    for (ObjectReader& c : root.objects("conflicts", Need::required)) {
        record.conflicts.push_back({required_text(c, "evaluator"), required_text(c, "bidder"),
                                    required_text(c, "declaration")});
        c.finish();
    }
    for (ObjectReader& m : root.objects("moderations", Need::required)) {
        Moderation mod;
        mod.bidder = required_text(m, "bidder");
        mod.question = required_text(m, "question");
        if (auto score = m.integer("score", Need::required)) {
            mod.score = *score >= 0 && *score <= 1000 ? static_cast<int>(*score) : -1;
        }
        mod.rationale = required_text(m, "rationale");
        m.finish();
        record.moderations.push_back(std::move(mod));
    }
}

Checked<Tender> replay_tender(TenderRecord record, const std::string& label) {
    Tender tender(record.id, std::move(*record.questions), record.settings);
    auto refuse = [&](const std::string& pointer, const Error& e) -> tl::unexpected<ErrorList> {
        return tl::unexpected(ErrorList{Error{label, pointer, e.reason}});
    };
    const std::string who = "(replay)";
    for (std::size_t i = 0; i < record.bidders.size(); ++i) {
        if (auto r = tender.add_bidder(record.bidders[i], who, ""); !r) {
            return refuse(record.bidder_places[i], r.error());
        }
    }
    for (std::size_t i = 0; i < record.evaluators.size(); ++i) {
        if (auto r = tender.add_evaluator(record.evaluators[i], who, ""); !r) {
            return refuse(record.evaluator_places[i], r.error());
        }
    }
    for (std::size_t i = 0; i < record.conflicts.size(); ++i) {
        if (auto r = tender.declare_conflict(record.conflicts[i], who, ""); !r) {
            return refuse("/conflicts/" + std::to_string(i), r.error());
        }
    }
    if (record.published) {
        if (auto r = tender.publish(who, ""); !r) return refuse("/question_set", r.error());
    } else if (!record.sheets.empty() || !record.moderations.empty()) {
        return tl::unexpected(ErrorList{Error{label, "/published",
                                              "a tender that is not published cannot hold "
                                              "scoresheets or moderated scores"}});
    }
    for (std::size_t i = 0; i < record.sheets.size(); ++i) {
        const std::string& file = record.sheet_files[i];
        const std::string& prefix = record.sheet_places[i];
        if (!record.sheets[i].submitted()) {
            return tl::unexpected(ErrorList{
                Error{file, prefix + "/submitted", "a tender holds submitted scoresheets only"}});
        }
        if (auto r = tender.submit(record.sheets[i], file, ""); !r) {
            return tl::unexpected(
                ErrorList{Error{file, prefix + r.error().place, r.error().reason}});
        }
    }
    for (std::size_t i = 0; i < record.moderations.size(); ++i) {
        if (auto r = tender.moderate(record.moderations[i], who, ""); !r) {
            return refuse("/moderations/" + std::to_string(i), r.error());
        }
    }
    tender.restore_audit(std::move(record.audit));
    return tender;
}

}  // namespace detail

std::string question_set_to_json(const QuestionSet& set) {
    return detail::dump_json(detail::question_set_json(set));
}

std::string tender_to_json(const Tender& tender) {
    using detail::Json;
    Json doc = detail::tender_common_json(tender);
    doc["format"] = tender_format;
    doc["bidders"] = tender.bidders();
    doc["evaluators"] = tender.evaluators();
    Json sheets = Json::array();
    for (const Scoresheet& s : tender.scoresheets()) {
        Result<Json> sheet = detail::parse_json(scoresheet_to_json(s), "scoresheet");
        if (sheet) sheets.push_back(std::move(*sheet));
    }
    doc["scoresheets"] = std::move(sheets);
    Json audit = Json::array();
    for (const AuditEntry& a : tender.audit()) {
        audit.push_back({{"at", a.at}, {"who", a.who}, {"what", a.what}});
    }
    doc["audit"] = std::move(audit);
    return detail::dump_json(doc);
}

Checked<Tender> parse_tender(std::string_view json, std::string_view label_view) {
    using namespace detail;
    const std::string label(label_view);
    Result<Json> doc = parse_json(json, label);
    if (!doc) return tl::unexpected(ErrorList{doc.error()});
    Diagnostics diag{label};
    ObjectReader root(*doc, "", diag);
    if (!root.is_object()) return tl::unexpected(diag.take());
    if (auto format = root.string("format", Need::required); format && *format != tender_format) {
        root.error("format",
                   "expected \"" + std::string(tender_format) + "\", found " + in_quotes(*format));
    }
    TenderRecord record;
    read_tender_common(root, diag, record);
    record.bidders = root.strings("bidders", Need::required);
    record.evaluators = root.strings("evaluators", Need::required);
    for (std::size_t i = 0; i < record.bidders.size(); ++i)
        record.bidder_places.push_back("/bidders/" + std::to_string(i));
    for (std::size_t i = 0; i < record.evaluators.size(); ++i)
        record.evaluator_places.push_back("/evaluators/" + std::to_string(i));
    if (const Json* node = root.raw("scoresheets", Need::required)) {
        if (!node->is_array()) {
            diag.add("/scoresheets", "expected a list of scoresheets");
        } else {
            for (std::size_t i = 0; i < node->size(); ++i) {
                Checked<Scoresheet> sheet = parse_scoresheet(dump_json((*node)[i]), label);
                const std::string pointer = "/scoresheets/" + std::to_string(i);
                if (!sheet) {
                    for (Error& e : nested_errors(sheet.error(), label, pointer)) {
                        diag.add(std::move(e.place), std::move(e.reason));
                    }
                } else {
                    record.sheets.push_back(std::move(*sheet));
                    record.sheet_files.push_back(label);
                    record.sheet_places.push_back(pointer);
                }
            }
        }
    }
    for (ObjectReader& a : root.objects("audit", Need::required)) {
        record.audit.push_back(
            {required_text(a, "at"), required_text(a, "who"), required_text(a, "what")});
        a.finish();
    }
    root.finish();
    if (!diag.empty() || !record.questions) return tl::unexpected(diag.take());
    return replay_tender(std::move(record), label);
}

}  // namespace eqkit
