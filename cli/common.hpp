#pragma once
// What every verb shares: exit statuses, the global options, loading the registry, printing
// errors the way the rest of EqualityKit words them ("file: place: reason").
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "eqkit/assessment.hpp"
#include "eqkit/error.hpp"
#include "eqkit/framework.hpp"
#include "eqkit/registry.hpp"
#include "eqkit/signing.hpp"
#include "eqkit/tender_question_set.hpp"
#include "eqkit/workspace_folder.hpp"

namespace eqkit::cli {

// Exit statuses, as documented in `eqkit --help`.
inline constexpr int exit_ok = 0;
inline constexpr int exit_bad_input = 1;  // a file or its data is wrong
inline constexpr int exit_usage = 2;      // the command line itself is wrong
// Done and saved, but something needs the user's attention (a bid whose pack failed verification).
inline constexpr int exit_flagged = 3;

// Options given before (or after) any verb.
struct GlobalOptions {
    std::string plugins_dir;  // empty: eqkit::find_plugin_dir()
};

// Shared by main and the verbs: the global options, and the exit status of the verb that ran
// (CLI11 callbacks return nothing, so the verb leaves its status here).
struct Context {
    GlobalOptions globals;
    int status = exit_ok;
};

// The registry with the built-in hooks and every framework in the plugins folder. Fails when
// there is no plugins folder at all; a bad framework file is a LoadFailure inside the registry.
[[nodiscard]] Result<Registry> load_registry(const GlobalOptions& options);

// Every question set in the plugins folder (plugins/tender_*/question_set.json), with failures.
[[nodiscard]] Result<QuestionSetLibrary> load_question_set_library(const GlobalOptions& options);

// A loaded framework by id, or an error naming the ones that are loaded.
[[nodiscard]] Result<const Framework*> find_framework(const Registry& registry,
                                                      std::string_view id);

// An assessment read from a file, with the registry holding the framework it was made for.
struct OpenAssessment {
    Registry registry;
    Assessment assessment;

    [[nodiscard]] const Framework& framework() const {
        return *registry.find_version(assessment.framework_id, assessment.framework_version);
    }
};

// Loads the registry and the assessment in file; on failure prints every problem to stderr
// and returns nothing.
[[nodiscard]] std::optional<OpenAssessment> open_assessment(
    const std::string& file, const GlobalOptions& globals,
    EarlierVersions earlier = EarlierVersions::refuse);

// A workspace folder opened with the registry it checks against (held by pointer, so the
// workspace's reference to it survives moves).
struct OpenWorkspace {
    std::unique_ptr<Registry> registry;
    WorkspaceFolder folder;
};

// Loads the registry and the workspace in dir; on failure prints every problem to stderr
// (with a hint when the folder is not a workspace) and returns nothing.
[[nodiscard]] std::optional<OpenWorkspace> open_workspace(const std::string& dir,
                                                          const GlobalOptions& globals);

// A secret key file (eqkit key new); warns when others can read it. On failure prints why.
[[nodiscard]] std::optional<KeyPair> read_signing_key(const std::string& file);

// "12,345"
[[nodiscard]] std::string with_commas(std::uint64_t n);

// Errors go to stderr, one "file: place: reason" per line.
void print_error(const Error& error);
void print_errors(const ErrorList& errors);
// For problems that are not about a file: "eqkit: text".
void print_message(std::string_view text);

// One KEY=VALUE argument ("people=3", "breach=no"): the key and the value (which may be empty);
// nothing when there is no '=' or nothing before it. Each command checks the value itself.
struct KeyValue {
    std::string key;
    std::string value;
};
[[nodiscard]] std::optional<KeyValue> split_key_value(std::string_view arg);
// When a framework could not be found, the reason may be that its file failed to load.
void hint_at_failures(const Registry& registry);

// "UNCONFIRMED: note" for an unconfirmed fact, "" for a confirmed one.
[[nodiscard]] std::string unconfirmed_text(const Provenance& provenance);
// " (UNCONFIRMED: note)" or "", to append to a line.
[[nodiscard]] std::string unconfirmed_suffix(const Provenance& provenance);

// "1 outcome", "3 outcomes": a framework's own label for its items, in lower case.
[[nodiscard]] std::string count_of(std::size_t n, std::string_view label);

// Band and provenance as JSON objects, the same shape in every verb's output.
[[nodiscard]] nlohmann::json provenance_fields(nlohmann::json object, const Provenance& p);
[[nodiscard]] nlohmann::json band_json(const Band& band);
[[nodiscard]] nlohmann::json error_json(const Error& error);

// Writes JSON to stdout; invalid UTF-8 (from file names) is replaced, never thrown on.
void print_json(const nlohmann::json& value);

}  // namespace eqkit::cli
