#pragma once
// A workspace folder: a provider's assessments plus their evidence library, on disk.
//
//   DIR/workspace.json          the index ("eqkit-workspace/1", docs/workspace-format.md)
//   DIR/assessments/<id>.json   each assessment, in the assessment file format
//   DIR/evidence/sha256/<hex>   each evidence file, named by its SHA-256 (stored once)
//
// Every change is saved at once and atomically: new files first, workspace.json last, so a
// crash at any moment leaves the old state or the new one. (eqkit::Workspace, by contrast, is
// the faces' in-memory state for editing one assessment.)
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "eqkit/assessment.hpp"
#include "eqkit/error.hpp"
#include "eqkit/evidence.hpp"
#include "eqkit/registry.hpp"

namespace eqkit {

inline constexpr std::string_view workspace_format = "eqkit-workspace/1";
inline constexpr std::string_view workspace_index_name = "workspace.json";

struct AssessmentEntry {
    std::string id;
    std::string file;  // "assessments/<id>.json", relative to the workspace folder
    std::string framework;
    std::string version;
    friend bool operator==(const AssessmentEntry&, const AssessmentEntry&) = default;
};

struct StoredAssessment {
    AssessmentEntry entry;
    Assessment assessment;
};

// What an import adds in one save (see WorkspaceFolder::merge).
struct WorkspaceAdditions {
    std::vector<StoredAssessment> assessments;
    std::vector<Evidence> evidence;
};

class WorkspaceFolder {
  public:
    // Makes a new, empty workspace in dir (created if needed; it must be empty if it exists).
    [[nodiscard]] static Result<WorkspaceFolder> create(const std::filesystem::path& dir,
                                                        const Registry& registry);
    // Loads workspace.json and every assessment, strictly: every problem, as
    // "file: /json/pointer: reason". The registry must outlive the workspace.
    [[nodiscard]] static Checked<WorkspaceFolder> open(const std::filesystem::path& dir,
                                                       const Registry& registry);

    [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }
    [[nodiscard]] const Registry& registry() const { return *registry_; }
    [[nodiscard]] const std::vector<StoredAssessment>& assessments() const { return assessments_; }
    [[nodiscard]] const StoredAssessment* find_assessment(std::string_view id) const;
    [[nodiscard]] const std::vector<Evidence>& evidence() const { return evidence_; }
    [[nodiscard]] const Evidence* find_evidence(std::string_view id) const;

    [[nodiscard]] std::filesystem::path index_path() const;
    [[nodiscard]] std::filesystem::path blob_path(std::string_view sha256) const;
    [[nodiscard]] std::filesystem::path blob_folder() const;
    [[nodiscard]] std::filesystem::path assessment_path(const AssessmentEntry& entry) const;

    // A new, empty assessment; id defaults to the framework's id ("eds2022", then "eds2022-2").
    [[nodiscard]] Result<std::string> add_assessment(const Framework& framework, std::string title,
                                                     std::string id = "");
    // Replaces a stored assessment's answers (for the faces' editors).
    [[nodiscard]] Result<void> save_assessment(std::string_view id, Assessment assessment);

    // Evidence; each returns the new evidence id, or every problem with the details, each
    // placed at the field's name ("title", "expires", "supports"). today is the date it was
    // added on (and the effective date when details.effective_from is empty).
    [[nodiscard]] Checked<std::string> add_file(const std::filesystem::path& source,
                                                EvidenceDetails details, std::string_view today);
    [[nodiscard]] Checked<std::string> add_link(std::string url, EvidenceDetails details,
                                                std::string_view today);
    [[nodiscard]] Checked<std::string> add_note(std::string text, EvidenceDetails details,
                                                std::string_view today);
    // Changes what was typed about a piece of evidence (title, description, dates, who added
    // it, the items it supports); its content, kind and the day it was added stay. An empty
    // effective_from keeps the current one.
    [[nodiscard]] Checked<void> edit_evidence(std::string_view evidence_id,
                                              EvidenceDetails details);
    [[nodiscard]] Result<void> attach(std::string_view evidence_id, std::string_view item_ref);
    [[nodiscard]] Result<void> detach(std::string_view evidence_id, std::string_view item_ref);

    // Adds assessments (their files are written here) and evidence (whose files must already be
    // in the blob folder) in one save. Ids must be new; the caller picks free ones.
    [[nodiscard]] Result<void> merge(WorkspaceAdditions additions);

    // A free assessment id starting from `wanted` ("eds2022", "eds2022-2", …).
    [[nodiscard]] std::string free_assessment_id(std::string_view wanted) const;

  private:
    WorkspaceFolder(std::filesystem::path dir, const Registry& registry)
        : dir_(std::move(dir)), registry_(&registry) {}

    [[nodiscard]] std::string label(std::string_view relative) const;
    // The evidence with the details filled in and checked, not yet saved.
    [[nodiscard]] Checked<Evidence> prepare(Evidence evidence, EvidenceDetails details,
                                            std::string_view today) const;
    [[nodiscard]] Checked<std::string> add_prepared(Evidence evidence);
    // Saves workspace.json for these lists and, on success, adopts them.
    [[nodiscard]] Result<void> commit(std::vector<StoredAssessment> assessments,
                                      std::vector<Evidence> evidence);

    std::filesystem::path dir_;
    const Registry* registry_;
    std::vector<StoredAssessment> assessments_;
    std::vector<Evidence> evidence_;
};

}  // namespace eqkit
