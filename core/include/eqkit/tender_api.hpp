#pragma once
// A JSON-in, JSON-out session over a tender folder (eqkit::TenderFolder), in the style of
// eqkit::JsonApi and eqkit::LibraryApi, so the canvas screens, the accessible HTML pages and tests
// run a tender evaluation through the same functions and no rule lives in JavaScript or a screen.
// Described in docs/tender-format.md ("TenderApi").
//
// Every answer is a JSON object with "ok". On failure: {"ok":false,"errors":[{"file","place",
// "reason","message"}]}. `at` is the time for the audit log (UTC ISO 8601); `who` names the
// person for it.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eqkit/registry.hpp"
#include "eqkit/tender_copy.hpp"
#include "eqkit/tender_folder.hpp"

namespace eqkit {

class TenderApi {
  public:
    // The registry (for the question sets' citations) must outlive the api; question sets are
    // read from plugins_dir/<id>/question_set.json.
    TenderApi(const Registry& registry, std::filesystem::path plugins_dir);

    // {"ok":true,"question_sets":[{"id","version","title","official","confirmed","note",
    //  "questions"}],"failures":[messages]}
    [[nodiscard]] std::string question_sets() const;

    // Makes a tender folder at dir and opens it. request: {"question_set","id","method":
    // "consensus"|"mean","disagreement_threshold","deadline","who"}; answers as overview().
    [[nodiscard]] std::string create(const std::filesystem::path& dir, std::string_view request,
                                     std::string_view at);
    [[nodiscard]] std::string open(const std::filesystem::path& dir);
    // Opens an evaluator's copy (eqkit-tender-evaluator-copy/1, checked against its fingerprint)
    // for scoring only: overview, scoring_view, score and submit work, for that evaluator; every
    // change to the tender is refused, saying it is the lead's, in the tender folder. The
    // overview then has "mode":"evaluator_copy", "evaluator", "made" and "fingerprint", that
    // evaluator's own declarations and the bids in the copy; no audit log and no other evaluator.
    [[nodiscard]] std::string open_copy(const std::filesystem::path& file);
    // The lead hands out a copy: {"ok":true,"copy":TEXT,"file_name"} (a suggested file name).
    [[nodiscard]] std::string evaluator_copy(std::string_view evaluator, std::string_view at) const;

    // The set-up and bid-import pages: {"ok":true,"tender","published","method",
    // "disagreement_threshold","deadline","question_set":{id,version,title,official,confirmed,
    // note},"questions":[{code,title,text,guidance,word_limit,pass_fail,weight,minimum_score,
    // scale:{id,title,min,max,levels:[{value,label,description,confirmed,note}]},cites}],
    // "bids":[{bidder,received,late,flagged,pack:{intact,problems,signer,signature_valid,
    // files_checked,linked}|null}],"evaluators":[{name,fingerprint,submitted}],"conflicts":[…],
    // "no_conflicts":[…],"unconfirmed":[…],"audit":[{at,who,what,sha256}],"mode":"folder"}
    [[nodiscard]] std::string overview() const;

    [[nodiscard]] std::string publish(std::string_view who, std::string_view at);
    // The set-up page's changes before publication, all or none: request {"weights":{CODE:N},
    // "method","disagreement_threshold","who"} (each optional). Once published a change is
    // refused with the core's message. Answers as overview().
    [[nodiscard]] std::string set_criteria(std::string_view request, std::string_view at);
    // request: {"bidder","responses":PATH,"pack":PATH|null,"who"}; answers {"ok":true,"bid":{…}}
    // (a flagged pack is ok:true with "flagged":true: recorded, and shown as failed).
    [[nodiscard]] std::string add_bid(std::string_view request, std::string_view at);
    [[nodiscard]] std::string add_evaluator(std::string_view name, std::string_view who,
                                            std::string_view at);
    // request: {"evaluator","bidder","declaration":TEXT|null (null: no conflict),"who"}
    [[nodiscard]] std::string declare(std::string_view request, std::string_view at);

    // The evaluator's scoring page, from their own scoresheet (eqkit-tender-scoresheet/1 text;
    // "" for a blank one): every bidder they may score, each answer with its text, word count
    // against the limit, the scale's descriptors, the cited items and the pack's evidence for
    // them, and their own score and rationale. Never anyone else's scores.
    // {"ok":true,"evaluator","submitted","bidders":[{"name","flagged","answers":[{"question",
    //  "text","words","word_limit","over_limit","cites","evidence":[…],"score","rationale"}]}]}
    [[nodiscard]] std::string scoring_view(std::string_view evaluator,
                                           std::string_view scoresheet) const;
    // Sets one score in the evaluator's scoresheet text and answers the new text:
    // {"ok":true,"scoresheet":TEXT}. The score must be a value of the question's scale.
    [[nodiscard]] std::string score(std::string_view scoresheet, std::string_view request) const;
    // Submits the evaluator's own scoresheet: checks it is complete and acceptable to this tender,
    // marks it submitted and signs it with secret_key (eqkit-secret-key/1 text, as `eqkit key new`
    // writes it). {"ok":true,"scoresheet":TEXT,"fingerprint"}; after that it cannot be changed.
    [[nodiscard]] std::string submit(std::string_view scoresheet,
                                     std::string_view secret_key) const;
    // A new signing key for an evaluator who has none:
    // {"ok":true,"secret_key":TEXT,"public_key":TEXT,"fingerprint"}.
    [[nodiscard]] static std::string new_key();
    // paths: ["ann.json", …]; all or nothing.
    [[nodiscard]] std::string import_scoresheets(const std::vector<std::filesystem::path>& paths,
                                                 std::string_view at);

    // The moderation page for one bidder and question: {"ok":true,"bidder","question","scores":
    // [{evaluator,score,rationale}],"waiting_for","ready","spread","disagreement","distribution":
    // [{value,label,count}],"moderated":{score,rationale}|null}
    [[nodiscard]] std::string moderation(std::string_view bidder, std::string_view question) const;
    // request: {"bidder","question","score","rationale","who"}
    [[nodiscard]] std::string moderate(std::string_view request, std::string_view at);

    // tender_results_json with "ok":true; the report page and the CSV as text.
    [[nodiscard]] std::string results() const;
    [[nodiscard]] std::string report_html() const;
    [[nodiscard]] std::string results_csv() const;

  private:
    // The lead's refusal while a copy is open (what: "publishing"), or "no tender is open".
    [[nodiscard]] std::string lead_only(std::string_view what) const;
    [[nodiscard]] std::string copy_overview() const;
    // The evaluator's view: the open copy, or one made from the folder (nothing written).
    [[nodiscard]] Result<EvaluatorCopy> copy_for(const std::string& evaluator) const;

    const Registry* registry_;
    std::filesystem::path plugins_dir_;
    std::optional<TenderFolder> folder_;
    std::optional<EvaluatorCopy> copy_;
    std::string copy_label_;
};

}  // namespace eqkit
