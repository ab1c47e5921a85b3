// A tender's results as JSON, CSV and accessible HTML, all from Tender::results() and the
// moderation view, so every figure in every face has the same arithmetic behind it.
#include "eqkit/tender_report.hpp"

#include <algorithm>

#include "answers_csv.hpp"
#include "eqkit/report.hpp"
#include "eqkit/text.hpp"
#include "json_reader.hpp"
#include "tender_folder_json.hpp"
#include "tender_format.hpp"

namespace eqkit {
namespace {

using detail::format_number;
using detail::Json;

std::string esc(std::string_view s) {
    return html_escape(s);
}

Json optional_number(const std::optional<double>& v) {
    return v ? Json(*v) : Json(nullptr);
}

// What the lead saw when moderating one bidder and question.
ModerationView view_of(const Tender& t, const std::string& bidder, const std::string& code) {
    Result<ModerationView> view = t.moderation_view(bidder, code);
    return view ? *view : ModerationView{};
}

std::string disagreement_text(const ModerationView& view, int threshold) {
    if (!view.disagreement) return "No";
    return "Yes: the scores differ by " + std::to_string(view.spread) + ", more than " +
           std::to_string(threshold);
}

std::vector<std::string> failures_of(const BidderResult& b) {
    std::vector<std::string> out;
    for (const QuestionResult& q : b.questions) {
        if (q.failed) out.push_back(q.failure);
    }
    return out;
}

// "Verified: 4 files match …" / "FLAGGED: …" / "No evidence pack."
std::string pack_sentence(const TenderBid& bid) {
    if (!bid.pack) return "No evidence pack was sent with this bid.";
    const PackCheck& p = *bid.pack;
    if (!p.intact) {
        return "FLAGGED: the evidence pack failed verification (" +
               std::to_string(p.problems.size()) +
               (p.problems.size() == 1 ? " problem" : " problems") +
               "), so its evidence cannot be relied on.";
    }
    std::string text = "Verified: all " + std::to_string(p.files_checked) +
                       " files in the evidence pack match its manifest. ";
    if (p.signer.empty()) return text + "The pack is not signed.";
    return text + "Signed by key " + p.signer +
           (p.signature_valid ? "; the signature matches." : "; the signature does NOT match.");
}

Json bid_json(const TenderBid& bid) {
    const Json pack = bid.pack ? detail::pack_check_json(*bid.pack) : Json(nullptr);
    return {{"bidder", bid.bidder},
            {"received", bid.received},
            {"late", bid.late},
            {"flagged", bid.flagged()},
            {"responses", bid.responses.file},
            {"pack", pack},
            {"verification", pack_sentence(bid)}};
}

Json with_provenance(Json object, const Provenance& p) {
    object["confirmed"] = p.confirmed;
    object["note"] = p.note.empty() ? Json(nullptr) : Json(p.note);
    return object;
}

Json question_view(const QuestionSet& set, const TenderQuestion& q) {
    const TenderScale& scale = set.scale_of(q);
    Json cites = Json::array();
    for (const Citation& c : q.cites)
        cites.push_back(c.text());
    Json levels = Json::array();
    for (const TenderScaleLevel& l : scale.levels) {
        levels.push_back(with_provenance(
            {{"value", l.value}, {"label", l.label}, {"description", l.description}},
            l.provenance));
    }
    return with_provenance(
        {{"code", q.code},
         {"title", q.title},
         {"text", q.text},
         {"guidance", q.guidance},
         {"word_limit", q.word_limit > 0 ? Json(q.word_limit) : Json(nullptr)},
         {"pass_fail", q.pass_fail},
         {"weight", q.weight},
         {"minimum_score", q.minimum_score ? Json(*q.minimum_score) : Json(nullptr)},
         {"scale",
          {{"id", scale.id},
           {"title", scale.title},
           {"min", scale.min()},
           {"max", scale.max()},
           {"levels", std::move(levels)}}},
         {"cites", std::move(cites)}},
        q.provenance);
}

Json unconfirmed_json(const QuestionSet& set) {
    Json unconfirmed = Json::array();
    for (const UnconfirmedFact& f : unconfirmed_facts(set))
        unconfirmed.push_back({{"what", f.what}, {"note", f.note}, {"confirmed", false}});
    return unconfirmed;
}

}  // namespace

std::string bid_view_json(const TenderBid& bid) {
    return detail::dump_json(bid_json(bid));
}

std::string question_set_view_json(const QuestionSet& set) {
    Json questions = Json::array();
    for (const TenderQuestion& q : set.questions)
        questions.push_back(question_view(set, q));
    return detail::dump_json(with_provenance({{"id", set.id},
                                              {"kind", "question_set"},
                                              {"version", set.version},
                                              {"title", set.title},
                                              {"publisher", set.publisher},
                                              {"official", set.official},
                                              {"description", set.description},
                                              {"file", set.file},
                                              {"total_weight", set.total_weight},
                                              {"questions", std::move(questions)},
                                              {"unconfirmed", unconfirmed_json(set)}},
                                             set.provenance));
}

// ---- JSON -------------------------------------------------------------------------------------

std::string tender_results_json(const TenderFolder& folder) {
    const Tender& t = folder.tender();
    const TenderResults results = t.results();
    Json bidders = Json::array();
    for (const BidderResult& b : results.bidders) {
        const TenderBid* bid = folder.find_bid(b.name);
        Json questions = Json::array();
        for (const QuestionResult& q : b.questions) {
            const ModerationView view = view_of(t, b.name, q.code);
            Json scores = Json::object();
            Json rationales = Json::object();
            for (const EvaluatorScore& s : q.scores) {
                scores[s.evaluator] = s.score;
                rationales[s.evaluator] = s.rationale;
            }
            questions.push_back({{"code", q.code},
                                 {"pass_fail", q.pass_fail},
                                 {"moderated", optional_number(q.moderated)},
                                 {"rationale", q.rationale},
                                 {"scores", std::move(scores)},
                                 {"rationales", std::move(rationales)},
                                 {"waiting_for", view.waiting_for},
                                 {"spread", view.spread},
                                 {"disagreement", view.disagreement},
                                 {"max", q.max},
                                 {"weight", q.weight},
                                 {"weighted", q.weighted},
                                 {"arithmetic", q.arithmetic},
                                 {"failed", q.failed},
                                 {"failure", q.failure}});
        }
        bidders.push_back({{"name", b.name},
                           {"total", b.total},
                           {"arithmetic", b.arithmetic},
                           {"complete", b.complete},
                           {"passed", b.passed},
                           {"rank", b.rank ? Json(*b.rank) : Json(nullptr)},
                           {"failures", failures_of(b)},
                           {"summary", b.summary},
                           {"bid", bid ? bid_json(*bid) : Json(nullptr)},
                           {"questions", std::move(questions)}});
    }
    Json unconfirmed = unconfirmed_json(t.questions());
    Json audit = Json::array();
    for (const ChainedAuditEntry& e : folder.audit()) {
        audit.push_back({{"at", e.entry.at},
                         {"who", e.entry.who},
                         {"what", e.entry.what},
                         {"sha256", e.sha256}});
    }
    const QuestionSet& set = t.questions();
    Json doc = {{"tender", t.id()},
                {"question_set", {{"id", set.id}, {"version", set.version}, {"title", set.title}}},
                {"published", t.published()},
                {"method", method_name(t.settings().method)},
                {"disagreement_threshold", t.settings().disagreement_threshold},
                {"deadline", folder.deadline()},
                {"bidders", std::move(bidders)},
                {"unconfirmed", std::move(unconfirmed)},
                {"audit", std::move(audit)}};
    return detail::dump_json(doc);
}

// ---- CSV --------------------------------------------------------------------------------------

std::string tender_results_csv(const TenderFolder& folder) {
    using detail::csv_field;
    using detail::defused;
    const Tender& t = folder.tender();
    std::string out =
        "bidder,question,scores,spread,disagreement,moderated,rationale,weighted,arithmetic,"
        "failed,failure,total,passed,rank\r\n";
    for (const BidderResult& b : t.results().bidders) {
        for (const QuestionResult& q : b.questions) {
            const ModerationView view = view_of(t, b.name, q.code);
            std::string scores;
            for (const EvaluatorScore& s : q.scores) {
                scores +=
                    (scores.empty() ? "" : "; ") + s.evaluator + " " + std::to_string(s.score);
            }
            const std::string fields[] = {
                defused(b.name),
                q.code,
                defused(scores),
                std::to_string(view.spread),
                view.disagreement ? "yes" : "no",
                q.moderated ? format_number(*q.moderated) : "",
                defused(q.rationale),
                q.moderated && !q.pass_fail ? format_number(q.weighted) : "",
                q.arithmetic,
                q.failed ? "yes" : "no",
                q.failure,
                format_number(b.total),
                b.passed ? "yes" : "no",
                b.rank ? std::to_string(*b.rank) : ""};
            bool first = true;
            for (const std::string& f : fields) {
                out += (first ? "" : ",") + csv_field(f);
                first = false;
            }
            out += "\r\n";
        }
    }
    return out;
}

// ---- HTML -------------------------------------------------------------------------------------

namespace {

std::string open_section(const std::string& id, const std::string& heading, int level = 2) {
    const std::string h = "h" + std::to_string(level);
    return "<section aria-labelledby=\"" + id + "\"><" + h + " id=\"" + id + "\">" + heading +
           "</" + h + ">\n";
}

std::string mark(const Provenance& p) {
    if (p.confirmed) return "";
    return " <strong class=\"unconfirmed\">(UNCONFIRMED: " + esc(p.note) + ")</strong>";
}

// What the ranking must not hide about a bid: a pack that failed verification, a late arrival.
std::string bid_warnings(const TenderBid* bid) {
    if (bid == nullptr) return "";
    std::string text;
    if (bid->flagged()) {
        text += "<br><strong>FLAGGED: the evidence pack failed verification</strong>";
    }
    if (bid->late) text += "<br><strong>Received after the deadline</strong>";
    return text;
}

void ranking_section(const TenderFolder& folder, const TenderResults& results, std::string& html) {
    html += open_section("ranking", "Ranking") +
            "<p>Only bidders who were moderated on every question and failed no pass/fail "
            "question or minimum score are ranked; equal totals share a rank.</p>\n"
            "<table><caption>Bidders by weighted, moderated total</caption>\n<thead><tr>"
            "<th scope=\"col\">Rank</th><th scope=\"col\">Bidder</th><th scope=\"col\">Total"
            "</th><th scope=\"col\">How the total is made</th><th scope=\"col\">Result</th>"
            "</tr></thead><tbody>\n";
    // Ranked bidders first, by rank; then the others in the order their bids came.
    std::vector<const BidderResult*> rows;
    for (const BidderResult& b : results.bidders)
        rows.push_back(&b);
    std::stable_sort(rows.begin(), rows.end(), [](const BidderResult* x, const BidderResult* y) {
        return x->rank.value_or(1 << 30) < y->rank.value_or(1 << 30);
    });
    for (const BidderResult* row : rows) {
        const BidderResult& b = *row;
        const std::string result = !b.complete ? "Not fully moderated yet"
                                   : b.passed  ? "Passed"
                                               : "Failed";
        html += "<tr><td>" + (b.rank ? std::to_string(*b.rank) : std::string("Not ranked")) +
                "</td><th scope=\"row\">" + esc(b.name) + "</th><td>" + format_number(b.total) +
                "</td><td>" + esc(b.arithmetic) + "</td><td>" + result +
                bid_warnings(folder.find_bid(b.name)) + "</td></tr>\n";
    }
    html += "</tbody></table>\n</section>\n";
}

void bid_paragraphs(const TenderBid* bid, const std::string& deadline, std::string& html) {
    if (bid == nullptr) return;
    html += "<p>Bid received " + esc(bid->received) +
            (bid->late ? ", <strong>after the deadline</strong> (" + esc(deadline) + ")" : "") +
            ".</p>\n<p>" + (bid->flagged() ? "<strong>" : "") + esc(pack_sentence(*bid)) +
            (bid->flagged() ? "</strong>" : "") + "</p>\n";
    if (!bid->pack) return;
    if (!bid->pack->problems.empty()) {
        html += "<ul>\n";
        for (const std::string& p : bid->pack->problems)
            html += "<li>" + esc(p) + "</li>\n";
        html += "</ul>\n";
    }
    if (!bid->pack->linked.empty()) {
        html += "<p>Evidence in the pack for the items the answers cite:</p>\n<ul>\n";
        for (const LinkedEvidence& l : bid->pack->linked) {
            html += "<li>" + esc(l.question) + " cites " + esc(l.cite) + ": " + esc(l.title) +
                    " (" + esc(l.where) + ")</li>\n";
        }
        html += "</ul>\n";
    }
}

void scores_table(const Tender& t, const BidderResult& b, std::string& html) {
    html += "<table><caption>Scores for " + esc(b.name) +
            "</caption>\n<thead><tr><th scope=\"col\">Question</th><th scope=\"col\">"
            "Evaluators' scores</th><th scope=\"col\">Spread</th><th scope=\"col\">Evaluators "
            "disagree</th><th scope=\"col\">Moderated</th><th scope=\"col\">Weighted score "
            "(working)</th><th scope=\"col\">Result</th></tr></thead><tbody>\n";
    for (const QuestionResult& q : b.questions) {
        const ModerationView view = view_of(t, b.name, q.code);
        std::string scores;
        for (const EvaluatorScore& s : q.scores)
            scores += "<li>" + esc(s.evaluator) + ": " + std::to_string(s.score) + "</li>";
        if (!view.waiting_for.empty()) {
            std::string names;
            for (const std::string& n : view.waiting_for)
                names += (names.empty() ? "" : ", ") + n;
            scores += "<li>Waiting for " + esc(names) + "</li>";
        }
        const std::string result = !q.moderated  ? "Not moderated yet"
                                   : q.failed    ? "<strong>Failed:</strong> " + esc(q.failure)
                                   : q.pass_fail ? "Pass"
                                                 : "Met";
        html += "<tr><th scope=\"row\">" + esc(q.code) + "</th><td><ul>" + scores +
                "</ul></td><td>" + std::to_string(view.spread) + "</td><td>" +
                esc(disagreement_text(view, t.settings().disagreement_threshold)) + "</td><td>" +
                (q.moderated ? format_number(*q.moderated) : "Not yet") + "</td><td>" +
                (q.pass_fail ? "Pass/fail, no weight" : esc(q.arithmetic)) + "</td><td>" + result +
                "</td></tr>\n";
    }
    html += "</tbody></table>\n";
}

void bidder_section(const TenderFolder& folder, const BidderResult& b, std::size_t index,
                    std::string& html) {
    const Tender& t = folder.tender();
    const std::string id = "bidder-" + std::to_string(index + 1);
    html += open_section(id, "Bidder: " + esc(b.name));
    bid_paragraphs(folder.find_bid(b.name), folder.deadline(), html);
    html += "<p>Total: " + esc(b.arithmetic) + "." +
            (b.rank ? " Rank " + std::to_string(*b.rank) + "." : " Not ranked.") + "</p>\n";
    scores_table(t, b, html);
    html += "<h3>Assessment summary for " + esc(b.name) + "</h3>\n<dl>\n";
    for (const QuestionResult& q : b.questions) {
        html += "<dt>" + esc(q.code) + (q.moderated ? " (" + esc(q.arithmetic) + ")" : "") +
                "</dt><dd class=\"note\">" +
                (q.moderated ? esc(q.rationale) : std::string("Not moderated yet.")) + "</dd>\n";
    }
    html += "</dl>\n</section>\n";
}

void failures_section(const TenderResults& results, std::string& html) {
    html += open_section("failures", "Pass/fail and minimum score failures");
    std::string items;
    for (const BidderResult& b : results.bidders) {
        for (const std::string& f : failures_of(b))
            items += "<li>" + esc(b.name) + ": " + esc(f) + "</li>\n";
    }
    html += items.empty() ? "<p>No bidder failed a pass/fail question or a minimum score.</p>\n"
                          : "<ul>\n" + items + "</ul>\n";
    html += "</section>\n";
}

void questions_section(const QuestionSet& set, std::string& html) {
    html += open_section("questions", "Questions and weights") + "<table><caption>Questions of " +
            esc(set.title) +
            "</caption>\n<thead><tr><th scope=\"col\">Code</th><th scope=\"col\">Question</th>"
            "<th scope=\"col\">Weight</th><th scope=\"col\">Scale</th><th scope=\"col\">"
            "Minimum score</th></tr></thead><tbody>\n";
    for (const TenderQuestion& q : set.questions) {
        const TenderScale& scale = set.scale_of(q);
        html += "<tr><th scope=\"row\">" + esc(q.code) + "</th><td>" + esc(q.title) +
                mark(q.provenance) + "</td><td>" +
                (q.pass_fail ? std::string("Pass/fail") : format_number(q.weight)) + "</td><td>" +
                esc(scale.title) + " (" + std::to_string(scale.min()) + " to " +
                std::to_string(scale.max()) + ")</td><td>" +
                (q.minimum_score ? std::to_string(*q.minimum_score) : std::string("None")) +
                "</td></tr>\n";
    }
    html +=
        "</tbody></table>\n<p>Weighted score = moderated score ÷ the scale's maximum × the "
        "question's weight.</p>\n</section>\n";
}

void unconfirmed_section(const QuestionSet& set, std::string& html) {
    const std::vector<UnconfirmedFact> facts = unconfirmed_facts(set);
    html += open_section("unconfirmed", "Unconfirmed facts");
    if (facts.empty()) {
        html += "<p>The question set marks no fact as unconfirmed.</p>\n</section>\n";
        return;
    }
    html +=
        "<p>These facts in the question set could not be confirmed from a published "
        "source. Check them before relying on them.</p>\n<ul>\n";
    for (const UnconfirmedFact& f : facts)
        html += "<li>" + esc(f.what) + ": UNCONFIRMED: " + esc(f.note) + "</li>\n";
    html += "</ul>\n</section>\n";
}

void audit_section(const TenderFolder& folder, std::string& html) {
    html += open_section("audit", "Audit log") +
            "<p>Every change, in order. Each entry holds the SHA-256 of the one before it, so a "
            "removed or altered entry is detected when the tender is opened.</p>\n"
            "<table><caption>Who did what and when</caption>\n<thead><tr><th scope=\"col\">"
            "Entry</th><th scope=\"col\">When (UTC)</th><th scope=\"col\">Who</th><th "
            "scope=\"col\">What</th><th scope=\"col\">SHA-256 (first 16 digits)</th></tr>"
            "</thead><tbody>\n";
    std::size_t n = 0;
    for (const ChainedAuditEntry& e : folder.audit()) {
        html += "<tr><td>" + std::to_string(++n) + "</td><td>" + esc(e.entry.at) + "</td><td>" +
                esc(e.entry.who) + "</td><td>" + esc(e.entry.what) + "</td><td>" +
                esc(e.sha256.substr(0, 16)) + "</td></tr>\n";
    }
    html += "</tbody></table>\n</section>\n";
}

}  // namespace

std::string tender_report_html(const TenderFolder& folder) {
    const Tender& t = folder.tender();
    const QuestionSet& set = t.questions();
    const TenderResults results = t.results();
    std::string html = report_page_start("Tender " + t.id() + ": evaluation results");
    html += "<h1>Tender " + esc(t.id()) +
            ": evaluation results</h1>\n<p>Question set: " + esc(set.title) + " (" + esc(set.id) +
            ", version " + esc(set.version) + ")" +
            (set.official ? "" : ", an EqualityKit template") + mark(set.provenance) +
            ". Moderation: " + std::string(method_name(t.settings().method)) +
            ". Scores that differ by more than " +
            std::to_string(t.settings().disagreement_threshold) + " are flagged." +
            (folder.deadline().empty() ? "" : " Deadline: " + esc(folder.deadline()) + ".") +
            (t.published() ? "" : " <strong>The tender is not published yet.</strong>") + "</p>\n";
    ranking_section(folder, results, html);
    failures_section(results, html);
    for (std::size_t i = 0; i < results.bidders.size(); ++i)
        bidder_section(folder, results.bidders[i], i, html);
    questions_section(set, html);
    unconfirmed_section(set, html);
    audit_section(folder, html);
    return html + report_page_end();
}

}  // namespace eqkit
