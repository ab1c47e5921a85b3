#pragma once
// Evidence packs (docs/evidence-pack-format.md): export a workspace folder as one ZIP that
// anyone can open, verify that a pack is intact (or learn exactly which file is not), and
// import a pack into a workspace without overwriting anything.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "eqkit/error.hpp"
#include "eqkit/manifest.hpp"
#include "eqkit/signing.hpp"
#include "eqkit/workspace_folder.hpp"

namespace eqkit {

// What a pack may hold before it is refused unread (zip bombs, floods of entries).
struct PackLimits {
    std::uint64_t max_entries = 20000;
    std::uint64_t max_total_bytes = std::uint64_t{16} << 30;  // unpacked, all entries
    std::uint64_t max_manifest_bytes = std::uint64_t{16} << 20;
    std::uint64_t max_assessment_bytes = std::uint64_t{16} << 20;
    std::uint64_t max_ratio = 100;  // unpacked ÷ packed, per entry …
    std::uint64_t ratio_applies_above = std::uint64_t{1} << 20;  // … larger than this
};

// Called as work proceeds, with bytes done and bytes in all; returning false cancels.
using PackProgress = std::function<bool(std::uint64_t done, std::uint64_t total)>;

struct ExportOptions {
    std::string tool_version;            // recorded in the manifest
    std::optional<KeyPair> signing_key;  // signs manifest.json when set
    PackProgress progress;
};

struct ExportSummary {
    std::size_t assessments = 0;
    std::size_t evidence_files = 0;
    std::size_t links_and_notes = 0;
    std::uint64_t bytes = 0;  // of the pack
    std::string signer_fingerprint;
};

// Writes the pack to a temporary file beside out, then renames it into place: out is either
// the old file or the whole new pack. Reuses the hashes taken when evidence was added.
[[nodiscard]] Result<ExportSummary> export_pack(const WorkspaceFolder& workspace,
                                                const std::filesystem::path& out,
                                                const ExportOptions& options);

struct PackSignature {
    std::string fingerprint;
    PublicKey key;
    bool valid = false;  // the signature matches manifest.json's exact bytes
};

struct VerifyResult {
    ErrorList problems;  // every problem, each naming the file: "pack.zip: path: reason"
    std::optional<Manifest> manifest;
    std::optional<PackSignature> signature;
    std::uint64_t files_checked = 0;
    std::uint64_t bytes_checked = 0;

    [[nodiscard]] bool intact() const { return problems.empty(); }
};

// Checks the manifest, every file's size and SHA-256, that no file is missing or extra, and the
// signature if there is one. Never writes anything.
[[nodiscard]] VerifyResult verify_pack(const std::filesystem::path& pack,
                                       const PackLimits& limits = {},
                                       const PackProgress& progress = {});

struct ImportSummary {
    std::vector<std::string> added_assessments;  // ids, as stored in the workspace
    std::vector<std::string> added_evidence;
    std::vector<std::pair<std::string, std::string>> renamed;  // pack id -> workspace id
    std::vector<std::string> already_present;                  // identical, so not added again
    std::size_t added_actions = 0;                             // to the workspace's action plan
    std::vector<std::string> notes;  // e.g. a framework file that differs from the pack's
    std::optional<PackSignature> signature;
};

// Verifies the pack completely, then adds its assessments and evidence to the workspace. Ids
// that clash get new ones; identical files are stored once; nothing is overwritten. A pack
// with any problem is refused and nothing at all is written.
[[nodiscard]] Checked<ImportSummary> import_pack(const std::filesystem::path& pack,
                                                 WorkspaceFolder& into,
                                                 const PackLimits& limits = {},
                                                 const PackProgress& progress = {});

// The same three, a step at a time, for a face that must keep drawing while a pack is written
// or read (the canvas web build has no threads: ui/jobs/stepped_job.hpp). Each step reads and
// writes about `budget` bytes and returns true once the work has ended; the functions above run
// one to the end. Progress and cancelling work as above.
class PackExportTask {
  public:
    PackExportTask(const WorkspaceFolder& workspace, std::filesystem::path out,
                   ExportOptions options);
    ~PackExportTask();
    PackExportTask(const PackExportTask&) = delete;
    PackExportTask& operator=(const PackExportTask&) = delete;
    [[nodiscard]] bool step(std::uint64_t budget);
    // Once step has returned true.
    [[nodiscard]] Result<ExportSummary> result() const;

  private:
    struct State;
    std::unique_ptr<State> state_;
};

class PackVerifyTask {
  public:
    explicit PackVerifyTask(std::filesystem::path pack, PackLimits limits = {},
                            PackProgress progress = {});
    ~PackVerifyTask();
    PackVerifyTask(const PackVerifyTask&) = delete;
    PackVerifyTask& operator=(const PackVerifyTask&) = delete;
    [[nodiscard]] bool step(std::uint64_t budget);
    [[nodiscard]] VerifyResult result();  // once step has returned true; moves it out

  private:
    struct State;
    std::unique_ptr<State> state_;
};

// `into` must outlive the task and not change while it runs.
class PackImportTask {
  public:
    PackImportTask(std::filesystem::path pack, WorkspaceFolder& into, PackLimits limits = {},
                   PackProgress progress = {});
    ~PackImportTask();
    PackImportTask(const PackImportTask&) = delete;
    PackImportTask& operator=(const PackImportTask&) = delete;
    [[nodiscard]] bool step(std::uint64_t budget);
    [[nodiscard]] Checked<ImportSummary> result();  // once step has returned true; moves it out

  private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace eqkit
