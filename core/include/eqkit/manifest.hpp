#pragma once
// manifest.json of an evidence pack ("eqkit-pack/1", docs/evidence-pack-format.md): what the
// pack holds, each file with its size and SHA-256, and who signed it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eqkit/error.hpp"
#include "eqkit/evidence.hpp"

namespace eqkit {

inline constexpr std::string_view pack_format = "eqkit-pack/1";
inline constexpr std::string_view manifest_name = "manifest.json";
inline constexpr std::string_view signature_name = "manifest.sig";
inline constexpr std::string_view report_name = "report.html";
inline constexpr std::string_view answers_name = "answers.csv";
// Only in a pack whose workspace has actions: its action plan, as the file and as a page.
inline constexpr std::string_view pack_actions_name = "actions.json";
inline constexpr std::string_view pack_action_plan_name = "action-plan.html";

// One file in the pack, as the manifest lists it.
struct PackFile {
    std::string path;  // "evidence/ev1/minutes.pdf"
    std::uint64_t size = 0;
    std::string sha256;
    friend bool operator==(const PackFile&, const PackFile&) = default;
};

struct ManifestFramework {
    std::string id;
    std::string version;
    std::string title;
    std::string sha256;  // of the framework file the pack was made with
    friend bool operator==(const ManifestFramework&, const ManifestFramework&) = default;
};

struct ManifestAssessment {
    std::string id;
    std::string framework;
    std::string framework_version;
    std::string title;
    PackFile file;  // "assessments/<id>.json"
    friend bool operator==(const ManifestAssessment&, const ManifestAssessment&) = default;
};

struct ManifestDocument {
    PackFile file;  // report.html, answers.csv (and actions.json, action-plan.html)
    std::string media_type;
    friend bool operator==(const ManifestDocument&, const ManifestDocument&) = default;
};

struct ManifestEvidence {
    Evidence evidence;
    std::string path;  // files only: "evidence/<id>/<name>"
    friend bool operator==(const ManifestEvidence&, const ManifestEvidence&) = default;
};

struct Manifest {
    std::string tool_name;
    std::string tool_version;
    std::string signer_fingerprint;  // "" when the pack is not signed
    std::vector<ManifestFramework> frameworks;
    std::vector<ManifestAssessment> assessments;
    std::vector<ManifestDocument> documents;
    std::vector<ManifestEvidence> evidence;

    // Every file the manifest lists (all but manifest.json and manifest.sig), by path.
    [[nodiscard]] std::vector<PackFile> files() const;
    friend bool operator==(const Manifest&, const Manifest&) = default;
};

// Strict: unknown keys, wrong types, unsafe or repeated paths, and references that do not
// match are all errors, each "label: /json/pointer: reason".
[[nodiscard]] Checked<Manifest> parse_manifest(std::string_view json, std::string_view label);
[[nodiscard]] std::string manifest_to_json(const Manifest& manifest);

// Why a path may not be used in a pack ("" when it may): it must be relative, UTF-8, without
// "..", ".", empty parts, backslashes, colons, control characters or Windows-reserved
// characters, at most 1024 bytes with parts of at most 255.
[[nodiscard]] std::string unsafe_path_reason(std::string_view path);
// ASCII case folded, for finding names that clash on case-insensitive disks.
[[nodiscard]] std::string fold_case(std::string_view path);

}  // namespace eqkit
