// TenderApi: the tender folder for the faces, JSON in and JSON out.
#include "eqkit/tender_api.hpp"

#include <algorithm>
#include <cctype>

#include "eqkit/files.hpp"
#include "eqkit/hash.hpp"
#include "eqkit/tender_report.hpp"
#include "eqkit/text.hpp"
#include "json_reader.hpp"

namespace eqkit {
namespace {

using detail::Json;

std::string failed(const ErrorList& errors) {
    Json list = Json::array();
    for (const Error& e : errors) {
        list.push_back(
            {{"file", e.file}, {"place", e.place}, {"reason", e.reason}, {"message", e.message()}});
    }
    return detail::dump_json({{"ok", false}, {"errors", std::move(list)}});
}

std::string failed(const Error& e) {
    return failed(ErrorList{e});
}

std::string ok(Json out = Json::object()) {
    out["ok"] = true;
    return detail::dump_json(out);
}

std::string no_tender() {
    return failed(Error{"", "", "no tender is open"});
}

// A request object: parsed, or the error saying why not.
Result<Json> request_of(std::string_view text) {
    Result<Json> doc = detail::parse_json(text, "request");
    if (doc && !doc->is_object()) return fail("request", "", "expected a JSON object");
    return doc;
}

std::string text_of(const Json& doc, const char* key, std::string fallback = "") {
    const auto it = doc.find(key);
    return it != doc.end() && it->is_string() ? it->get<std::string>() : fallback;
}

std::optional<int> int_of(const Json& doc, const char* key) {
    const auto it = doc.find(key);
    if (it == doc.end() || !it->is_number_integer()) return std::nullopt;
    const auto v = it->get<std::int64_t>();
    if (v < -1000000 || v > 1000000) return std::nullopt;
    return static_cast<int>(v);
}

Json parsed(const std::string& text) {
    Result<Json> doc = detail::parse_json(text, "view");
    return doc ? *doc : Json(nullptr);
}

Json question_set_summary(const Json& set) {
    return {{"id", set.at("id")},
            {"version", set.at("version")},
            {"title", set.at("title")},
            {"official", set.at("official")},
            {"confirmed", set.at("confirmed")},
            {"note", set.at("note")}};
}

// "tender-2026-ann-evaluator-copy.json": letters and digits kept, the rest one hyphen.
std::string evaluator_copy_file_name(const EvaluatorCopy& copy) {
    std::string name;
    for (const char c : copy.tender_id() + " " + copy.evaluator() + " evaluator copy") {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) != 0) {
            name += static_cast<char>(std::tolower(u));
        } else if (!name.empty() && name.back() != '-') {
            name += '-';
        }
    }
    return name + ".json";
}

}  // namespace

TenderApi::TenderApi(const Registry& registry, std::filesystem::path plugins_dir)
    : registry_(&registry), plugins_dir_(std::move(plugins_dir)) {}

std::string TenderApi::question_sets() const {
    QuestionSetLibrary library = load_question_sets(plugins_dir_);
    Json sets = Json::array();
    for (const QuestionSet& s : library.sets)
        sets.push_back(parsed(question_set_view_json(s)));
    Json failures = Json::array();
    for (const ErrorList& f : library.failures)
        failures.push_back(join_messages(f));
    return ok({{"question_sets", std::move(sets)}, {"failures", std::move(failures)}});
}

std::string TenderApi::create(const std::filesystem::path& dir, std::string_view request,
                              std::string_view at) {
    Result<Json> req = request_of(request);
    if (!req) return failed(req.error());
    const std::string set_id = text_of(*req, "question_set");
    QuestionSetLibrary library = load_question_sets(plugins_dir_);
    auto set = std::find_if(library.sets.begin(), library.sets.end(),
                            [&](const QuestionSet& s) { return s.id == set_id; });
    if (set == library.sets.end()) {
        return failed(Error{"", "question_set", "there is no question set \"" + set_id + "\""});
    }
    if (ErrorList bad = check_citations(*set, *registry_); !bad.empty()) return failed(bad);
    const std::string method = text_of(*req, "method", "consensus");
    if (method != "consensus" && method != "mean") {
        return failed(Error{"", "method", "the moderation method is consensus or mean"});
    }
    TenderSettings settings{method == "mean" ? ModerationMethod::mean : ModerationMethod::consensus,
                            int_of(*req, "disagreement_threshold").value_or(1)};
    Result<TenderFolder> made = TenderFolder::create(
        dir, Tender(text_of(*req, "id", "tender"), std::move(*set), settings),
        text_of(*req, "deadline"), text_of(*req, "who", "lead"), std::string(at));
    if (!made) return failed(made.error());
    folder_ = std::move(*made);
    copy_.reset();
    return overview();
}

std::string TenderApi::open(const std::filesystem::path& dir) {
    Checked<TenderFolder> opened = TenderFolder::open(dir);
    if (!opened) return failed(opened.error());
    folder_ = std::move(*opened);
    copy_.reset();
    return overview();
}

std::string TenderApi::open_copy(const std::filesystem::path& file) {
    const std::string label = file.filename().string();
    Result<std::string> text = read_text_file(file);
    if (!text) return failed(Error{label, "", text.error().reason});
    Checked<EvaluatorCopy> copy = parse_evaluator_copy(*text, label);
    if (!copy) return failed(copy.error());
    copy_ = std::move(*copy);
    copy_label_ = label;
    folder_.reset();
    return overview();
}

std::string TenderApi::evaluator_copy(std::string_view evaluator, std::string_view at) const {
    if (!folder_) return lead_only("handing out evaluators' copies");
    Result<EvaluatorCopy> copy =
        EvaluatorCopy::make(*folder_, std::string(evaluator), std::string(at));
    if (!copy) return failed(copy.error());
    return ok(
        {{"copy", evaluator_copy_to_json(*copy)}, {"file_name", evaluator_copy_file_name(*copy)}});
}

std::string TenderApi::lead_only(std::string_view what) const {
    if (!copy_) return no_tender();
    return failed(Error{copy_label_, "",
                        "this is " + copy_->evaluator() + "'s copy of tender " +
                            copy_->tender_id() + ", for scoring only; " + std::string(what) +
                            " is done by the lead in the tender folder"});
}

Result<EvaluatorCopy> TenderApi::copy_for(const std::string& evaluator) const {
    if (copy_) {
        if (evaluator != copy_->evaluator()) {
            return fail(
                copy_label_, "/evaluator",
                "this copy is " + copy_->evaluator() + "'s; it has no scoresheet for " + evaluator);
        }
        return *copy_;
    }
    if (!folder_) return fail("", "", "no tender is open");
    return EvaluatorCopy::view_of(*folder_, evaluator);
}

std::string TenderApi::copy_overview() const {
    const Json set = parsed(question_set_view_json(copy_->questions()));
    Json bids = Json::array();
    for (const CopiedBid& b : copy_->bids()) {
        TenderBid shown{b.bidder, "", b.late, {}, b.pack};
        bids.push_back(parsed(bid_view_json(shown)));
    }
    Json conflicts = Json::array();
    for (const ConflictDeclaration& c : copy_->conflicts()) {
        conflicts.push_back(
            {{"evaluator", c.evaluator}, {"bidder", c.bidder}, {"declaration", c.declaration}});
    }
    const Json evaluators = Json::array({{{"name", copy_->evaluator()},
                                          {"fingerprint", ""},
                                          {"submitted", copy_->scoresheet().submitted()}}});
    return ok({{"mode", "evaluator_copy"},
               {"evaluator", copy_->evaluator()},
               {"made", copy_->made()},
               {"file", copy_label_},
               {"tender", copy_->tender_id()},
               {"published", true},
               {"deadline", copy_->deadline()},
               {"question_set", question_set_summary(set)},
               {"questions", set.at("questions")},
               {"unconfirmed", set.at("unconfirmed")},
               {"bids", std::move(bids)},
               {"evaluators", evaluators},
               {"conflicts", std::move(conflicts)},
               {"no_conflicts", Json::array()},
               {"audit", Json::array()}});
}

std::string TenderApi::overview() const {
    if (copy_) return copy_overview();
    if (!folder_) return no_tender();
    const Tender& t = folder_->tender();
    const Json set = parsed(question_set_view_json(t.questions()));
    Json bids = Json::array();
    for (const TenderBid& b : folder_->bids())
        bids.push_back(parsed(bid_view_json(b)));
    Json evaluators = Json::array();
    for (const TenderEvaluator& e : folder_->evaluators()) {
        const bool submitted =
            std::any_of(t.scoresheets().begin(), t.scoresheets().end(),
                        [&](const Scoresheet& s) { return s.evaluator() == e.name; });
        PublicKey key;
        const bool known = !e.public_key.empty() && from_hex(e.public_key, key.bytes);
        evaluators.push_back({{"name", e.name},
                              {"fingerprint", known ? key_fingerprint(key) : ""},
                              {"submitted", submitted}});
    }
    Json conflicts = Json::array();
    for (const ConflictDeclaration& c : t.conflicts()) {
        conflicts.push_back(
            {{"evaluator", c.evaluator}, {"bidder", c.bidder}, {"declaration", c.declaration}});
    }
    Json none = Json::array();
    for (const NoConflict& n : folder_->no_conflicts())
        none.push_back({{"evaluator", n.evaluator}, {"bidder", n.bidder}});
    Json audit = Json::array();
    for (const ChainedAuditEntry& e : folder_->audit()) {
        audit.push_back({{"at", e.entry.at},
                         {"who", e.entry.who},
                         {"what", e.entry.what},
                         {"sha256", e.sha256}});
    }
    return ok({{"tender", t.id()},
               {"published", t.published()},
               {"method", method_name(t.settings().method)},
               {"disagreement_threshold", t.settings().disagreement_threshold},
               {"deadline", folder_->deadline()},
               {"mode", "folder"},
               {"question_set", question_set_summary(set)},
               {"questions", set.at("questions")},
               {"unconfirmed", set.at("unconfirmed")},
               {"bids", std::move(bids)},
               {"evaluators", std::move(evaluators)},
               {"conflicts", std::move(conflicts)},
               {"no_conflicts", std::move(none)},
               {"audit", std::move(audit)}});
}

std::string TenderApi::publish(std::string_view who, std::string_view at) {
    if (!folder_) return lead_only("publishing the tender");
    if (Result<void> done = folder_->publish(std::string(who), std::string(at)); !done) {
        return failed(done.error());
    }
    return overview();
}

std::string TenderApi::set_criteria(std::string_view request, std::string_view at) {
    if (!folder_) return lead_only("changing the weights or the moderation method");
    Result<Json> req = request_of(request);
    if (!req) return failed(req.error());
    CriteriaChange criteria;
    if (const auto w = req->find("weights"); w != req->end() && w->is_object()) {
        for (const auto& [code, weight] : w->items()) {
            if (!weight.is_number()) {
                return failed(Error{"", "weights/" + code, "a weight is a number"});
            }
            criteria.weights.emplace_back(code, weight.get<double>());
        }
    }
    if (req->contains("method") || req->contains("disagreement_threshold")) {
        TenderSettings settings = folder_->tender().settings();
        const std::string method =
            text_of(*req, "method", std::string(method_name(settings.method)));
        if (method != "consensus" && method != "mean") {
            return failed(Error{"", "method", "the moderation method is consensus or mean"});
        }
        settings.method = method == "mean" ? ModerationMethod::mean : ModerationMethod::consensus;
        if (req->contains("disagreement_threshold")) {
            const std::optional<int> t = int_of(*req, "disagreement_threshold");
            if (!t || *t < 0 || *t > 1000) {
                return failed(Error{"", "disagreement_threshold",
                                    "the threshold must be a whole number from 0 to 1000"});
            }
            settings.disagreement_threshold = *t;
        }
        criteria.settings = settings;
    }
    if (Result<void> done =
            folder_->set_criteria(criteria, text_of(*req, "who", "lead"), std::string(at));
        !done) {
        return failed(done.error());
    }
    return overview();
}

std::string TenderApi::add_bid(std::string_view request, std::string_view at) {
    if (!folder_) return lead_only("adding a bid");
    Result<Json> req = request_of(request);
    if (!req) return failed(req.error());
    const std::string pack = text_of(*req, "pack");
    Result<const TenderBid*> bid =
        folder_->add_bid(text_of(*req, "bidder"), text_of(*req, "responses"),
                         pack.empty() ? std::nullopt : std::optional<std::filesystem::path>(pack),
                         text_of(*req, "who", "lead"), std::string(at));
    if (!bid) return failed(bid.error());
    return ok({{"bid", parsed(bid_view_json(**bid))}, {"flagged", (*bid)->flagged()}});
}

std::string TenderApi::add_evaluator(std::string_view name, std::string_view who,
                                     std::string_view at) {
    if (!folder_) return lead_only("adding an evaluator");
    if (Result<void> done = folder_->add_evaluator(std::string(name), std::nullopt,
                                                   std::string(who), std::string(at));
        !done) {
        return failed(done.error());
    }
    return overview();
}

std::string TenderApi::declare(std::string_view request, std::string_view at) {
    if (!folder_) return lead_only("recording a conflict of interest");
    Result<Json> req = request_of(request);
    if (!req) return failed(req.error());
    const auto d = req->find("declaration");
    const std::optional<std::string> conflict =
        d != req->end() && d->is_string() ? std::optional<std::string>(d->get<std::string>())
                                          : std::nullopt;
    if (Result<void> done =
            folder_->declare(text_of(*req, "evaluator"), text_of(*req, "bidder"), conflict,
                             text_of(*req, "who", "lead"), std::string(at));
        !done) {
        return failed(done.error());
    }
    return overview();
}

std::string TenderApi::scoring_view(std::string_view evaluator, std::string_view scoresheet) const {
    Result<EvaluatorCopy> copy = copy_for(std::string(evaluator));
    if (!copy) return failed(copy.error());
    if (!scoresheet.empty()) {
        Checked<Scoresheet> read = parse_scoresheet(scoresheet, "scoresheet");
        if (!read) return failed(read.error());
        if (Result<void> mine = copy->adopt(std::move(*read), "scoresheet"); !mine) {
            return failed(mine.error());
        }
    }
    const Scoresheet& sheet = copy->scoresheet();
    Json bidders = Json::array();
    for (const CopiedBid& bid : copy->bids()) {
        const std::vector<TenderAnswer>& given = bid.responses.answers;
        Json answers = Json::array();
        for (const TenderQuestion& q : copy->questions().questions) {
            const auto a = std::find_if(given.begin(), given.end(), [&](const TenderAnswer& x) {
                return x.question == q.code;
            });
            Json evidence = Json::array();
            if (bid.pack) {
                for (const LinkedEvidence& l : bid.pack->linked) {
                    if (l.question != q.code) continue;
                    evidence.push_back({{"cite", l.cite}, {"title", l.title}, {"where", l.where}});
                }
            }
            const ScoreEntry* mine = sheet.find(bid.bidder, q.code);
            const int words = a == given.end() ? 0 : a->words;
            answers.push_back(
                {{"question", q.code},
                 {"text", a == given.end() ? "" : a->text},
                 {"answered", a != given.end()},
                 {"words", words},
                 {"word_limit", q.word_limit > 0 ? Json(q.word_limit) : Json(nullptr)},
                 {"over_limit", q.word_limit > 0 && words > q.word_limit},
                 {"cites", a == given.end() ? Json::array() : Json(a->cites)},
                 {"evidence", std::move(evidence)},
                 {"score", mine ? Json(mine->score) : Json(nullptr)},
                 {"rationale", mine ? mine->rationale : ""}});
        }
        bidders.push_back(
            {{"name", bid.bidder}, {"flagged", bid.flagged()}, {"answers", std::move(answers)}});
    }
    return ok({{"evaluator", copy->evaluator()},
               {"submitted", sheet.submitted()},
               {"scoresheet", scoresheet_to_json(sheet)},
               {"bidders", std::move(bidders)}});
}

std::string TenderApi::score(std::string_view scoresheet, std::string_view request) const {
    Result<Json> req = request_of(request);
    if (!req) return failed(req.error());
    Checked<Scoresheet> sheet = parse_scoresheet(scoresheet, "scoresheet");
    if (!sheet) return failed(sheet.error());
    Result<EvaluatorCopy> copy = copy_for(sheet->evaluator());
    if (!copy) return failed(copy.error());
    if (Result<void> mine = copy->adopt(std::move(*sheet), "scoresheet"); !mine) {
        return failed(mine.error());
    }
    if (Result<void> set =
            copy->score({text_of(*req, "bidder"), text_of(*req, "question"),
                         int_of(*req, "score").value_or(-1), text_of(*req, "rationale")},
                        "");
        !set) {
        return failed(set.error());
    }
    return ok({{"scoresheet", scoresheet_to_json(copy->scoresheet())}});
}

std::string TenderApi::submit(std::string_view scoresheet, std::string_view secret_key) const {
    Checked<Scoresheet> sheet = parse_scoresheet(scoresheet, "scoresheet");
    if (!sheet) return failed(sheet.error());
    Result<KeyPair> key = parse_secret_key_file(secret_key, "key");
    if (!key) return failed(key.error());
    // In the folder, the whole tender's checks too: a second sheet from the same evaluator.
    if (folder_ && !sheet->submitted()) {
        Tender trial = folder_->tender();
        if (Result<void> accepted = trial.submit(*sheet, "scoresheet", ""); !accepted) {
            return failed(accepted.error());
        }
    }
    Result<EvaluatorCopy> copy = copy_for(sheet->evaluator());
    if (!copy) return failed(copy.error());
    if (Result<void> mine = copy->adopt(std::move(*sheet), "scoresheet"); !mine) {
        return failed(mine.error());
    }
    if (Result<void> done = copy->submit(*key, "scoresheet"); !done) return failed(done.error());
    return ok({{"scoresheet", scoresheet_to_json(copy->scoresheet())},
               {"fingerprint", key_fingerprint(key->public_key)}});
}

std::string TenderApi::new_key() {
    Result<KeyPair> key = generate_key_pair();
    if (!key) return failed(key.error());
    return ok({{"secret_key", secret_key_file_text(*key)},
               {"public_key", public_key_file_text(key->public_key)},
               {"fingerprint", key_fingerprint(key->public_key)}});
}

std::string TenderApi::import_scoresheets(const std::vector<std::filesystem::path>& paths,
                                          std::string_view at) {
    if (!folder_) return lead_only("importing scoresheets");
    if (Result<void> done = folder_->import_scoresheets(paths, std::string(at)); !done) {
        return failed(done.error());
    }
    return overview();
}

std::string TenderApi::moderation(std::string_view bidder, std::string_view question) const {
    if (!folder_) return lead_only("moderation");
    const Tender& t = folder_->tender();
    Result<ModerationView> view = t.moderation_view(bidder, question);
    if (!view) return failed(view.error());
    const TenderScale& scale = t.questions().scale_of(*t.questions().find_question(question));
    Json scores = Json::array();
    for (const EvaluatorScore& s : view->scores) {
        scores.push_back(
            {{"evaluator", s.evaluator}, {"score", s.score}, {"rationale", s.rationale}});
    }
    Json distribution = Json::array();
    for (const TenderScaleLevel& l : scale.levels) {
        const auto count =
            std::count_if(view->scores.begin(), view->scores.end(),
                          [&](const EvaluatorScore& s) { return s.score == l.value; });
        distribution.push_back({{"value", l.value}, {"label", l.label}, {"count", count}});
    }
    Json moderated = nullptr;
    if (view->moderated) {
        moderated = {{"score", view->moderated->score}, {"rationale", view->moderated->rationale}};
    }
    return ok({{"bidder", bidder},
               {"question", question},
               {"scores", std::move(scores)},
               {"waiting_for", view->waiting_for},
               {"ready", view->ready()},
               {"spread", view->spread},
               {"disagreement", view->disagreement},
               {"threshold", t.settings().disagreement_threshold},
               {"distribution", std::move(distribution)},
               {"moderated", std::move(moderated)}});
}

std::string TenderApi::moderate(std::string_view request, std::string_view at) {
    if (!folder_) return lead_only("moderation");
    Result<Json> req = request_of(request);
    if (!req) return failed(req.error());
    const std::optional<int> value = int_of(*req, "score");
    if (!value) return failed(Error{"", "score", "choose the moderated score"});
    const std::string bidder = text_of(*req, "bidder");
    const std::string question = text_of(*req, "question");
    if (Result<void> done =
            folder_->moderate({bidder, question, *value, text_of(*req, "rationale")},
                              text_of(*req, "who", "lead"), std::string(at));
        !done) {
        return failed(done.error());
    }
    return moderation(bidder, question);
}

std::string TenderApi::results() const {
    if (!folder_) return lead_only("the results");
    Json doc = parsed(tender_results_json(*folder_));
    return ok(std::move(doc));
}

std::string TenderApi::report_html() const {
    return folder_ ? tender_report_html(*folder_) : std::string();
}

std::string TenderApi::results_csv() const {
    return folder_ ? tender_results_csv(*folder_) : std::string();
}

}  // namespace eqkit
