// The evaluator's copy: made from the tender folder, written with its fingerprint, read back
// with the fingerprint checked, and scored and submitted against the same rules as the folder.
#include "eqkit/tender_copy.hpp"

#include <algorithm>

#include "eqkit/hash.hpp"
#include "eqkit/text.hpp"
#include "field_readers.hpp"
#include "json_reader.hpp"
#include "tender_folder_json.hpp"
#include "tender_store.hpp"

namespace eqkit {
namespace {

using detail::Diagnostics;
using detail::in_quotes;
using detail::Json;
using detail::Need;
using detail::ObjectReader;
using detail::required_text;

// What the fingerprint covers: everything but itself and the evaluator's own scoresheet, which
// changes as they score (and is signed when they submit). Compact, keys sorted.
Result<std::string> fingerprint_of(Json doc) {
    doc.erase("sha256");
    doc.erase("scoresheet");
    return sha256_hex(doc.dump(-1, ' ', false, Json::error_handler_t::replace));
}

Json responses_json(const TenderResponses& r) {
    Json answers = Json::array();
    for (const TenderAnswer& a : r.answers)
        answers.push_back({{"question", a.question}, {"text", a.text}, {"cites", a.cites}});
    return {{"format", tender_responses_format}, {"bidder", r.bidder}, {"answers", answers}};
}

// The tender the sheet is checked against: this copy's bidders and evaluator only.
Result<Tender> checking_tender(const std::string& id, QuestionSet questions, bool published,
                               const std::vector<CopiedBid>& bids, const std::string& evaluator) {
    Tender tender(id, std::move(questions), TenderSettings{});
    if (published) {
        if (Result<void> r = tender.publish("", ""); !r) return tl::unexpected(r.error());
    }
    for (const CopiedBid& b : bids) {
        if (Result<void> r = tender.add_bidder(b.bidder, "", ""); !r) {
            return tl::unexpected(r.error());
        }
    }
    if (Result<void> r = tender.add_evaluator(evaluator, "", ""); !r) {
        return tl::unexpected(r.error());
    }
    return tender;
}

std::string altered_reason() {
    return "this evaluator's copy has been altered since the lead made it (its content no longer "
           "matches its fingerprint), so it cannot be trusted; ask the lead for a new copy";
}

}  // namespace

Result<EvaluatorCopy> EvaluatorCopy::build(const TenderFolder& folder,
                                           const std::string& evaluator) {
    const Tender& t = folder.tender();
    Result<Scoresheet> sheet = t.new_scoresheet(evaluator);
    if (!sheet) return tl::unexpected(sheet.error());
    std::vector<CopiedBid> bids;
    for (const TenderBid& bid : folder.bids()) {
        if (t.conflicted(evaluator, bid.bidder)) continue;  // their answers never leave
        Checked<TenderResponses> responses = folder.responses_of(bid.bidder);
        if (!responses) return tl::unexpected(responses.error().front());
        bids.push_back({bid.bidder, bid.late, std::move(*responses), bid.pack});
    }
    Result<Tender> checking =
        checking_tender(t.id(), t.questions(), t.published(), bids, evaluator);
    if (!checking) return tl::unexpected(checking.error());
    EvaluatorCopy copy(std::move(*checking), evaluator, std::move(*sheet));
    copy.deadline_ = folder.deadline();
    copy.bids_ = std::move(bids);
    for (const ConflictDeclaration& c : t.conflicts()) {
        if (c.evaluator == evaluator) copy.conflicts_.push_back(c);
    }
    return copy;
}

Result<EvaluatorCopy> EvaluatorCopy::view_of(const TenderFolder& folder,
                                             const std::string& evaluator) {
    return build(folder, evaluator);
}

Result<EvaluatorCopy> EvaluatorCopy::make(const TenderFolder& folder, const std::string& evaluator,
                                          const std::string& at) {
    const std::string place = "evaluator " + in_quotes(evaluator);
    if (!folder.tender().published()) {
        return fail(folder.tender().id(), place,
                    "the tender is not published yet; publish it before handing out evaluators' "
                    "copies");
    }
    const auto& imported = folder.scoresheets();
    if (std::any_of(imported.begin(), imported.end(),
                    [&](const ImportedScoresheet& s) { return s.evaluator == evaluator; })) {
        return fail(folder.tender().id(), place,
                    evaluator +
                        "'s scoresheet has already been imported, so their scoring is "
                        "finished and they need no copy");
    }
    Result<EvaluatorCopy> copy = build(folder, evaluator);
    if (!copy) return copy;
    copy->made_ = at;
    if (!folder.audit().empty()) copy->tender_state_ = folder.audit().back().sha256;
    return copy;
}

Result<void> EvaluatorCopy::adopt(Scoresheet sheet, const std::string& file) {
    if (sheet.tender_id() != tender_id() || sheet.evaluator() != evaluator_) {
        return fail(file, "/evaluator",
                    "this is not " + evaluator_ + "'s scoresheet for tender " + tender_id());
    }
    // A sheet saved earlier goes on under what this copy lets the evaluator score now (a bid or
    // a declaration may have come since); a signed sheet's scope is part of what was signed.
    if (!sheet.submitted() && sheet_.scope()) sheet.set_scope(*sheet_.scope());
    sheet_ = std::move(sheet);
    return {};
}

Result<void> EvaluatorCopy::score(ScoreEntry entry, const std::string& file) {
    const bool known = std::any_of(bids_.begin(), bids_.end(),
                                   [&](const CopiedBid& b) { return b.bidder == entry.bidder; });
    const auto conflict =
        std::find_if(conflicts_.begin(), conflicts_.end(),
                     [&](const ConflictDeclaration& c) { return c.bidder == entry.bidder; });
    if (conflict != conflicts_.end()) {
        return fail(file, "bidder",
                    evaluator_ + " declared a conflict of interest with " + entry.bidder +
                        " and cannot score this bidder");
    }
    if (!known) return fail(file, "bidder", "there is no bidder " + in_quotes(entry.bidder));
    const TenderQuestion* q = questions().find_question(entry.question);
    if (q == nullptr) return fail(file, "question", "there is no question " + entry.question);
    const TenderScale& scale = questions().scale_of(*q);
    if (scale.level(entry.score) == nullptr) {
        return fail(file, "score", "choose one of the values of the scale " + scale.title);
    }
    if (is_blank(entry.rationale)) return fail(file, "rationale", "every score needs a rationale");
    return sheet_.set(std::move(entry));
}

Result<void> EvaluatorCopy::submit(const KeyPair& key, const std::string& file) {
    // The lead's import runs the same checks, so an incomplete sheet is never signed (and frozen).
    if (!sheet_.submitted()) {
        Tender trial = tender_;
        if (Result<void> accepted = trial.submit(sheet_, file, ""); !accepted) return accepted;
    }
    Scoresheet signed_sheet = sheet_;
    if (Result<void> done = sign_scoresheet(signed_sheet, key, file); !done) return done;
    sheet_ = std::move(signed_sheet);
    return {};
}

std::string evaluator_copy_to_json(const EvaluatorCopy& copy) {
    Json bids = Json::array();
    for (const CopiedBid& b : copy.bids()) {
        Json bid = {
            {"bidder", b.bidder}, {"late", b.late}, {"responses", responses_json(b.responses)}};
        if (b.pack) bid["pack"] = detail::pack_check_json(*b.pack);
        bids.push_back(std::move(bid));
    }
    Json conflicts = Json::array();
    for (const ConflictDeclaration& c : copy.conflicts())
        conflicts.push_back({{"bidder", c.bidder}, {"declaration", c.declaration}});
    Json doc = {{"format", tender_copy_format},
                {"tender", copy.tender_id()},
                {"evaluator", copy.evaluator()},
                {"made", copy.made()},
                {"deadline", copy.deadline()},
                {"tender_state", copy.tender_state()},
                {"question_set", detail::question_set_json(copy.questions())},
                {"bids", std::move(bids)},
                {"conflicts", std::move(conflicts)}};
    doc["sha256"] = fingerprint_of(doc).value_or("");
    Result<Json> sheet = detail::parse_json(scoresheet_to_json(copy.scoresheet()), "scoresheet");
    doc["scoresheet"] = sheet ? *sheet : Json::object();
    return detail::dump_json(doc);
}

namespace {

// The fingerprint, checked before anything else is believed.
Result<void> check_fingerprint(const Json& doc, const std::string& label) {
    const auto stated = doc.find("sha256");
    if (stated == doc.end() || !stated->is_string()) {
        return fail(label, "/sha256", "an evaluator's copy must carry its fingerprint");
    }
    Result<std::string> actual = fingerprint_of(doc);
    if (!actual) return tl::unexpected(actual.error());
    if (*actual != stated->get<std::string>()) return fail(label, "/sha256", altered_reason());
    return {};
}

void add_nested(Diagnostics& diag, ErrorList errors, const std::string& pointer) {
    for (Error& e : detail::nested_errors(std::move(errors), diag.file(), pointer))
        diag.add(std::move(e.place), std::move(e.reason));
}

std::optional<CopiedBid> read_bid(ObjectReader& b, Diagnostics& diag, const QuestionSet& set) {
    CopiedBid bid;
    bid.bidder = required_text(b, "bidder");
    bid.late = b.boolean("late", Need::required).value_or(false);
    if (const Json* node = b.raw("responses", Need::required)) {
        Checked<TenderResponses> r =
            parse_tender_responses(detail::dump_json(*node), diag.file(), set);
        if (!r) {
            add_nested(diag, r.error(), b.pointer() + "/responses");
        } else if (r->bidder != bid.bidder) {
            b.error("responses", "these responses are from " + in_quotes(r->bidder) + ", not " +
                                     in_quotes(bid.bidder));
        } else {
            bid.responses = std::move(*r);
        }
    }
    if (auto p = b.object("pack", Need::optional)) bid.pack = detail::read_pack(*p);
    b.finish();
    return bid;
}

}  // namespace

Checked<EvaluatorCopy> parse_evaluator_copy(std::string_view json, std::string_view label) {
    const std::string file(label);
    Result<Json> doc = detail::parse_json(json, file);
    if (!doc) return tl::unexpected(ErrorList{doc.error()});
    Diagnostics diag{file};
    ObjectReader root(*doc, "", diag);
    if (!root.is_object()) return tl::unexpected(diag.take());
    root.expect_format(tender_copy_format, "evaluator's copy");
    if (!diag.empty()) return tl::unexpected(diag.take());
    if (Result<void> intact = check_fingerprint(*doc, file); !intact) {
        return tl::unexpected(ErrorList{intact.error()});
    }
    (void)root.string("sha256", Need::required);
    const std::string id = required_text(root, "tender");
    const std::string evaluator = required_text(root, "evaluator");
    const std::string made = root.string_or("made", "");
    const std::string deadline = root.string_or("deadline", "");
    const std::string state = root.string_or("tender_state", "");
    std::optional<QuestionSet> set;
    if (const Json* node = root.raw("question_set", Need::required)) {
        Checked<QuestionSet> parsed = parse_question_set(detail::dump_json(*node), file);
        if (parsed)
            set = std::move(*parsed);
        else
            add_nested(diag, parsed.error(), "/question_set");
    }
    std::vector<CopiedBid> bids;
    for (ObjectReader& b : root.objects("bids", Need::required)) {
        if (!set) continue;
        if (std::optional<CopiedBid> bid = read_bid(b, diag, *set)) bids.push_back(std::move(*bid));
    }
    std::vector<ConflictDeclaration> conflicts;
    for (ObjectReader& c : root.objects("conflicts", Need::required)) {
        conflicts.push_back(
            {evaluator, required_text(c, "bidder"), required_text(c, "declaration")});
        c.finish();
    }
    std::optional<Scoresheet> sheet;
    if (const Json* node = root.raw("scoresheet", Need::required)) {
        Checked<Scoresheet> parsed = parse_scoresheet(detail::dump_json(*node), file);
        if (parsed)
            sheet = std::move(*parsed);
        else
            add_nested(diag, parsed.error(), "/scoresheet");
    }
    root.finish();
    if (!diag.empty() || !set || !sheet) return tl::unexpected(diag.take());
    Result<Tender> checking = checking_tender(id, std::move(*set), true, bids, evaluator);
    if (!checking) return tl::unexpected(ErrorList{Error{file, "/bids", checking.error().reason}});
    EvaluatorCopy copy(std::move(*checking), evaluator, Scoresheet(id, evaluator));
    if (Result<void> adopted = copy.adopt(std::move(*sheet), file); !adopted) {
        return tl::unexpected(
            ErrorList{Error{file, "/scoresheet/evaluator", adopted.error().reason}});
    }
    copy.made_ = made;
    copy.deadline_ = deadline;
    copy.tender_state_ = state;
    copy.bids_ = std::move(bids);
    copy.conflicts_ = std::move(conflicts);
    return copy;
}

bool is_evaluator_copy(std::string_view json) {
    Result<Json> doc = detail::parse_json(json, "");
    if (!doc || !doc->is_object()) return false;
    const auto format = doc->find("format");
    return format != doc->end() && format->is_string() &&
           format->get<std::string>() == tender_copy_format;
}

}  // namespace eqkit
