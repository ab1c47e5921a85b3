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
    // {"open":true,"framework":id,"dirty":bool,"assessment":{…},"results":{…},"problems":[…]}
    [[nodiscard]] std::string state() const;
    // The form model of a loaded framework, or {"error":…}.
    [[nodiscard]] std::string form_model(std::string_view framework_id) const;
    // Starts a new, empty assessment: {"ok":true} or {"ok":false,"error":…}.
    [[nodiscard]] std::string start(std::string_view framework_id);
    // Validates one question page and saves it when valid:
    // {"ok":bool,"errors":[{"field","message"}]} (errors in page order).
    // answer_json: {"score":int|null,"narrative":string,"raters":[string]}.
    [[nodiscard]] std::string submit_item(std::string_view item_code, std::string_view answer_json,
                                          bool draft);
    // Opens an uploaded assessment file: {"ok":true} or {"ok":false,"errors":[messages]}.
    [[nodiscard]] std::string open_text(std::string_view json, std::string_view label);
    [[nodiscard]] std::string open_file(const std::filesystem::path& file, std::string_view label);
    // Reopens the assessment a face stored earlier. One that no longer opens (say, its framework
    // changed version) is moved aside, never overwritten, and the reasons appear in state().
    void restore(const std::filesystem::path& store_file);
    // The open assessment as its file format, and as the accessible HTML report ("" if none).
    [[nodiscard]] std::string assessment_json() const;
    [[nodiscard]] std::string report_html() const;

  private:
    [[nodiscard]] std::string persist_result() const;

    Workspace* workspace_;
    Persist persist_;
    std::vector<std::string> problems_;  // from restore(), shown to the user
};

}  // namespace eqkit
