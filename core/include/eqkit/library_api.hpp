#pragma once
// A JSON-in, JSON-out interface over a workspace folder (assessments plus the evidence library),
// in the style of eqkit::JsonApi, so the web faces add, list, attach, export, verify and import
// evidence without any rule in JavaScript. The web build exports each method as a C function
// (wasm/library_api_exports.cpp).
//
// Every answer is a JSON object with "ok". On failure:
//   {"ok":false,"errors":[{"field":"title","message":"Title: this must not be empty"}, …]}
// where "field" is present only when the problem is in one field the person typed.
// Dates are "YYYY-MM-DD"; `today` decides what has expired ("" means this computer's date).
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "eqkit/pack.hpp"
#include "eqkit/registry.hpp"
#include "eqkit/workspace_folder.hpp"

namespace eqkit {

class LibraryApi {
  public:
    // The registry must outlive the api; tool_version is recorded in exported packs.
    LibraryApi(const Registry& registry, std::string tool_version);

    // Opens the workspace folder at dir, or makes a new one there when it has none:
    // {"ok":true,"created":bool,"assessments":[{id,framework,version,title}],"evidence":n}
    [[nodiscard]] std::string open(const std::filesystem::path& dir);

    // The library, filtered: filter is "all", "expired" or "unattached".
    // {"ok":true,"today","filter","evidence":[…],"counts":{"all","expired","unattached"}}
    // Each piece: id, kind, title, description, effective_from, effective_to, expires,
    // expired, added_by, added_on, supports, attached, status ("Expired", "Not attached",
    // "Current"), and original_name/size/media_type/sha256, url or text by kind.
    [[nodiscard]] std::string list(std::string_view filter, std::string_view today) const;
    // One piece, as in list(): {"ok":true,"evidence":{…}}.
    [[nodiscard]] std::string get(std::string_view evidence_id, std::string_view today) const;

    // Adds a file (from a path, whose file name is kept), a link or a note. request_json:
    // {"kind":"file"|"link"|"note","path","url","text","title","description","effective_from",
    //  "effective_to","expires","added_by","supports":["eds2022:1A"]} -> {"ok":true,"id":"ev1"}
    [[nodiscard]] std::string add(std::string_view request_json, std::string_view today);
    // Changes the typed details (the same keys as add() without kind/path/url/text).
    [[nodiscard]] std::string edit(std::string_view evidence_id, std::string_view details_json);
    [[nodiscard]] std::string attach(std::string_view evidence_id, std::string_view item_ref);
    [[nodiscard]] std::string detach(std::string_view evidence_id, std::string_view item_ref);

    // Every item of the frameworks the workspace uses, with its evidence ids, the expired ones,
    // "missing" (none) and "only_expired": {"ok":true,"items":[…]}.
    [[nodiscard]] std::string items(std::string_view today) const;
    // One item ("eds2022:1A"), whether or not the workspace uses its framework:
    // {"ok":true,"ref","missing","only_expired","evidence":[pieces as in list()]}.
    [[nodiscard]] std::string item(std::string_view item_ref, std::string_view today) const;

    // What the workspace holds for the items the crosswalk links to item_ref (evidence and
    // answers), copying nothing: {"ok":true,"item","suggestions":[…]} (suggestions_json).
    [[nodiscard]] std::string suggestions(std::string_view item_ref) const;
    // Coverage of a framework (eqkit/coverage.hpp): {"ok":true, …coverage_json}.
    [[nodiscard]] std::string coverage(std::string_view framework_id) const;

    // Stores an assessment (the assessment file format, as JsonApi::assessment_json() gives it)
    // in the workspace under its framework's id, replacing the one stored there:
    // {"ok":true,"id":"eds2022","replaced":bool}.
    [[nodiscard]] std::string store_assessment(std::string_view assessment_json);

    // What looks like personal data in what a pack would hold:
    // {"ok":true,"findings":[{"where","what"}],"message"}.
    [[nodiscard]] std::string personal_data() const;

    // Writes a pack to out: {"ok":true,"assessments","evidence_files","links_and_notes","bytes",
    // "message"}. progress may be empty.
    [[nodiscard]] std::string export_pack(const std::filesystem::path& out,
                                          const PackProgress& progress) const;
    // Checks a pack (never writes): {"ok":true,"intact":bool,"problems":[{file,place,reason,
    // message}],"files_checked","bytes_checked","signature":{fingerprint,valid}|null,
    // "signature_message","message"}.
    [[nodiscard]] static std::string verify_pack(const std::filesystem::path& pack,
                                                 const PackProgress& progress);
    // Adds a pack's assessments and evidence without overwriting anything:
    // {"ok":true,"added_assessments":[…],"added_evidence":[…],"renamed":[{"from","to"}],
    //  "already_present":[…],"notes":[…],"message"} or every problem as errors.
    [[nodiscard]] std::string import_pack(const std::filesystem::path& pack,
                                          const PackProgress& progress);

  private:
    const Registry* registry_;
    std::string tool_version_;
    std::optional<WorkspaceFolder> workspace_;
};

}  // namespace eqkit
