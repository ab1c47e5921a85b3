#pragma once
// A narrow JSON-in, JSON-out interface over a Workspace, so that every face (the canvas app, the
// accessible HTML face, tests) calls the same functions and no rule lives in JavaScript. The web
// build exports each method as a C function.
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "eqkit/registry.hpp"
#include "eqkit/workspace.hpp"

namespace eqkit {

class JsonApi {
  public:
    // Called after every change that must survive a reload (the web build saves to IndexedDB).
    using Persist = std::function<Result<void>(const Workspace&)>;

    JsonApi(Workspace& workspace, Persist persist);

    // {"frameworks":[{id,version,title,short_title,items}], "failures":[{file,errors:[…]}]}
    [[nodiscard]] std::string frameworks() const;
    // {"open":false,"problems":[…]} or
    // {"open":true,"framework":id,"dirty":bool,"assessment":{…},"results":{…},"problems":[…],
    //  "impact":{fields,rows,version,signoff,signoff_gaps,review,versions}|null}, the review
    // status as on today (this computer's date unless given).
    [[nodiscard]] std::string state() const;
    [[nodiscard]] std::string state_on(std::string_view today) const;
    // The form model of a loaded framework, or {"error":…}.
    [[nodiscard]] std::string form_model(std::string_view framework_id) const;
    // Starts a new, empty assessment: {"ok":true} or {"ok":false,"error":…}.
    [[nodiscard]] std::string start(std::string_view framework_id);
    // Validates one question page and saves it when valid:
    // {"ok":bool,"errors":[{"field","message"}]} (errors in page order).
    // answer_json: {"score":int|null,"narrative":string,"raters":[string],
    //  "category_scores":{code:int},"i_statement","we_statement","sections":[{heading,text}]}.
    // The "needs review" mark and the sources of a carried answer are kept.
    [[nodiscard]] std::string submit_item(std::string_view item_code, std::string_view answer_json,
                                          bool draft);
    // Changes the assessment-wide choices; only the keys given change:
    // {"method":id, "applicable":[codes]|null, "judgements":{about:{rating,rationale}|null},
    //  "flags":{flag:bool|null}} -> {"ok":true} or {"ok":false,"errors":[{field,message}]}, where
    // field is "judgement-<about>-rating", "judgement-<about>-rationale", "applicable", "method".
    // In "applicable" a group's code (a key question) stands for all its items (applying_items).
    [[nodiscard]] std::string settings(std::string_view settings_json);
    // Clears an item's "needs review" mark: the user confirmed the carried answer.
    [[nodiscard]] std::string confirm_review(std::string_view item_code);
    // Answers given for linked items elsewhere (the library's suggestions JSON, kind "answer"),
    // each with "from" in words and "carried": whether this item already carries it.
    [[nodiscard]] std::string answer_suggestions(std::string_view item_code,
                                                 std::string_view suggestions_json) const;
    // Accepts one of them into the open assessment: copied with its source ("from EDS 2022 1A,
    // accepted by <who> on <date>") and marked "needs review"; one undo step. suggestion_json is
    // one entry of the suggestions JSON.
    [[nodiscard]] std::string accept_answer(std::string_view item_code,
                                            std::string_view suggestion_json,
                                            std::string_view accepted_by, std::string_view date);
    // ---- impact assessments, sign-off and versions (docs/impact-assessment.md) ----
    // Each answers {"ok":true} or {"ok":false,"errors":[{"field","message"}]}, field naming the
    // input: "field-<id>"; "relevance", "impact", "reason", "text-<id>", "risk-before",
    // "risk-after"; "signoff-name", "signoff-role", "signoff-date", "row-<id>", "item-<code>".
    // An edit to a signed assessment starts its next version (the signed one is kept).
    // Answers one form field ("" clears it).
    [[nodiscard]] std::string set_field(std::string_view field_id, std::string_view value);
    // row_json: {"relevance","impact","reason","texts":{id:text},
    //            "risk_before":{likelihood,impact}|null,"risk_after":{…}|null}
    [[nodiscard]] std::string set_row(std::string_view subject_id, std::string_view row_json);
    // {"name","role","date"} (date "" means today): refused with every gap named.
    [[nodiscard]] std::string sign_off(std::string_view signoff_json);
    // Version n of the open assessment as its file text and as the accessible HTML report,
    // exactly as it was signed ("" when there is no such version).
    [[nodiscard]] std::string version_json(int version) const;
    [[nodiscard]] std::string version_report_html(int version) const;
    // The statement report pages (CQC local authority report style) as accessible HTML.
    [[nodiscard]] std::string statement_pages_html() const;
    // Opens an uploaded assessment file: {"ok":true} or {"ok":false,"errors":[messages]}.
    [[nodiscard]] std::string open_text(std::string_view json, std::string_view label);
    [[nodiscard]] std::string open_file(const std::filesystem::path& file, std::string_view label);
    // An assessment file made with an earlier version of its framework: what changed and what
    // carrying it across gives (eqkit/migration_offer.hpp), as {"ok":true,…offer} or
    // {"ok":false,"errors":[messages]}. Nothing is opened.
    [[nodiscard]] std::string migration_offer(std::string_view json, std::string_view label) const;
    // Carries it across and opens the result, every carried answer marked "needs review":
    // {"ok":true,"needs_review":[codes],"not_carried":[{code,reason}]} or the errors as above.
    [[nodiscard]] std::string migrate(std::string_view json, std::string_view label);
    // Reopens the assessment a face stored earlier. One that no longer opens is moved aside under
    // a name of its own (never overwriting another): one made with an earlier version of its
    // framework as <stem>.earlier-version.json, offered for migration (state()'s
    // "earlier_versions", also those set aside in earlier sessions); any other as
    // <stem>.unreadable.json, with the reasons in state()'s "problems".
    void restore(const std::filesystem::path& store_file);
    // The offer, and carrying it across, for one of state()'s "earlier_versions" (answers as
    // migration_offer and migrate). Once carried, the file is kept as <stem>.carried.json and no
    // longer offered.
    [[nodiscard]] std::string kept_migration_offer(std::string_view file) const;
    [[nodiscard]] std::string migrate_kept(std::string_view file);
    // The open assessment as its file format, and as the accessible HTML report ("" if none).
    [[nodiscard]] std::string assessment_json() const;
    [[nodiscard]] std::string report_html() const;

  private:
    [[nodiscard]] std::string persist_result() const;
    void set_aside_if_unopened(const std::filesystem::path& store_file);
    [[nodiscard]] Result<std::string> read_kept(std::string_view file) const;

    Workspace* workspace_;
    Persist persist_;
    std::vector<std::string> problems_;                // from restore(), shown to the user
    std::vector<std::filesystem::path> kept_earlier_;  // set aside by restore(), to offer
};

}  // namespace eqkit
