// Import: the pack is read and checked completely (the same reading as verify), its evidence
// files are written to temporary files in the workspace as they are checked, and only when
// everything passed are they named, the assessments written and workspace.json saved last.
// On any problem the temporary files are removed: nothing at all is written.
#include <sys/stat.h>
#include <algorithm>
#include <limits>
#include <map>
#include <memory>

#include "eqkit/hash.hpp"
#include "eqkit/pack.hpp"
#include "evidence_store.hpp"
#include "pack_actions.hpp"
#include "pack_reader.hpp"

namespace eqkit {
namespace {

// Keeps assessments in memory (they are small, and limited) and streams evidence files into
// the workspace's blob folder under temporary names.
class ImportSink final : public detail::PackFileSink {
  public:
    ImportSink(const WorkspaceFolder& workspace, const PackLimits& limits, std::string label)
        : workspace_(workspace), limits_(limits), label_(std::move(label)) {}

    Result<void> begin(const PackFile& file) override {
        text_ = nullptr;
        blob_.reset();
        if (file.path.starts_with("assessments/")) {
            if (file.size > limits_.max_assessment_bytes) {
                return fail(label_, file.path,
                            "the assessment is too large (" + std::to_string(file.size) +
                                " bytes; the limit is " +
                                std::to_string(limits_.max_assessment_bytes) + ")");
            }
            text_ = &texts_[file.path];
        } else if (file.path == pack_actions_name) {
            if (file.size > limits_.max_assessment_bytes) {
                return fail(label_, file.path, "the action plan is too large");
            }
            text_ = &texts_[file.path];
        } else if (file.path.starts_with("evidence/") && !already_stored(file)) {
            Result<detail::BlobWriter> writer =
                detail::BlobWriter::start(workspace_.blob_folder(), file.path, false);
            if (!writer) return tl::unexpected(writer.error());
            blob_ = std::make_unique<detail::BlobWriter>(std::move(*writer));
        }
        return {};
    }

    Result<void> write(std::string_view chunk) override {
        if (text_ != nullptr) text_->append(chunk);
        if (blob_) return blob_->write(chunk);
        return {};
    }

    Result<void> end(const PackFile& file) override {
        if (!blob_) return {};
        Result<void> ok = blob_->finish_checked({file.sha256, file.size});
        if (!ok) return ok;
        crcs_[file.sha256] = blob_->crc32();
        blobs_.push_back(std::move(blob_));
        return {};
    }

    // The CRC-32 of a file this import stored, for export to reuse.
    [[nodiscard]] std::optional<std::uint32_t> crc32(const std::string& sha256) const {
        const auto it = crcs_.find(sha256);
        if (it == crcs_.end()) return std::nullopt;
        return it->second;
    }

    // Names every stored file by its SHA-256 (identical ones are kept once).
    Result<void> commit() {
        for (const auto& blob : blobs_) {
            if (Result<void> ok = blob->commit(); !ok) return ok;
        }
        return {};
    }

    [[nodiscard]] const std::string* text(const std::string& path) const {
        const auto it = texts_.find(path);
        return it == texts_.end() ? nullptr : &it->second;
    }

  private:
    bool already_stored(const PackFile& file) const {
        struct stat info {};
        const std::filesystem::path blob = workspace_.blob_path(file.sha256);
        return ::stat(blob.c_str(), &info) == 0 && S_ISREG(info.st_mode) &&
               static_cast<std::uint64_t>(info.st_size) == file.size;
    }

    const WorkspaceFolder& workspace_;
    const PackLimits& limits_;
    std::string label_;
    std::map<std::string, std::string> texts_;
    std::string* text_ = nullptr;
    std::unique_ptr<detail::BlobWriter> blob_;
    std::vector<std::unique_ptr<detail::BlobWriter>> blobs_;
    std::map<std::string, std::uint32_t> crcs_;  // by SHA-256
};

// The CRC-32 is left out: packs do not carry it.
bool same_except_id(Evidence a, Evidence b) {
    a.id.clear();
    b.id.clear();
    a.crc32.reset();
    b.crc32.reset();
    return a == b;
}

// A file's CRC-32 as this import computed it, or as the workspace already knows it.
std::optional<std::uint32_t> known_crc32(const Evidence& e, const ImportSink& sink,
                                         const WorkspaceFolder& into) {
    if (std::optional<std::uint32_t> crc = sink.crc32(e.sha256)) return crc;
    for (const Evidence& x : into.evidence()) {
        if (x.kind == EvidenceKind::file && x.sha256 == e.sha256 && x.crc32) return x.crc32;
    }
    return std::nullopt;
}

// The pack's assessments, parsed and checked against the frameworks loaded here.
ErrorList read_assessments(const Manifest& manifest, const ImportSink& sink,
                           const WorkspaceFolder& into, const std::string& label,
                           std::vector<StoredAssessment>& out) {
    ErrorList errors;
    for (const ManifestAssessment& a : manifest.assessments) {
        const std::string* text = sink.text(a.file.path);
        if (text == nullptr) continue;  // already reported by the reader
        const std::string name = label + ": " + a.file.path;
        Checked<Assessment> parsed = parse_assessment(*text, name, into.registry());
        if (!parsed) {
            errors.insert(errors.end(), parsed.error().begin(), parsed.error().end());
            continue;
        }
        if (parsed->framework_id != a.framework ||
            parsed->framework_version != a.framework_version) {
            errors.push_back(
                {name, "/framework",
                 "the manifest says " + a.framework + " version \"" + a.framework_version + "\""});
            continue;
        }
        out.push_back({{a.id, "", a.framework, a.framework_version}, std::move(*parsed)});
    }
    return errors;
}

ErrorList check_supports(const Manifest& manifest, const WorkspaceFolder& into,
                         const std::string& label) {
    ErrorList errors;
    for (std::size_t i = 0; i < manifest.evidence.size(); ++i) {
        const Evidence& e = manifest.evidence[i].evidence;
        for (std::size_t j = 0; j < e.supports.size(); ++j) {
            if (Result<ItemRef> ok = check_item_ref(e.supports[j], into.registry()); !ok) {
                errors.push_back(
                    {label + ": manifest.json",
                     "/evidence/" + std::to_string(i) + "/supports/" + std::to_string(j),
                     ok.error().reason});
            }
        }
    }
    return errors;
}

// A framework file here that differs from the one the pack was made with is worth knowing.
void compare_frameworks(const Manifest& manifest, const WorkspaceFolder& into,
                        ImportSummary& summary) {
    for (const ManifestFramework& fw : manifest.frameworks) {
        const Framework* here = into.registry().find(fw.id);
        if (here == nullptr) continue;
        Result<FileDigest> digest = sha256_file(here->file);
        if (digest && digest->sha256 != fw.sha256) {
            summary.notes.push_back("the " + fw.id +
                                    " framework file here differs from the one "
                                    "the pack was made with (same version \"" +
                                    fw.version + "\")");
        }
    }
}

// Picks ids (keeping the pack's where free) and leaves out what the workspace already holds.
WorkspaceAdditions plan(std::vector<StoredAssessment> assessments, const Manifest& manifest,
                        const ImportSink& sink, const WorkspaceFolder& into,
                        ImportSummary& summary) {
    WorkspaceAdditions add;
    std::vector<std::string> taken;
    for (StoredAssessment& a : assessments) {
        const bool present =
            std::any_of(into.assessments().begin(), into.assessments().end(),
                        [&](const StoredAssessment& x) { return x.assessment == a.assessment; });
        if (present) {
            summary.already_present.push_back("assessment " + a.entry.id);
            continue;
        }
        std::string id = a.entry.id;
        for (int n = 2; into.find_assessment(id) != nullptr ||
                        std::find(taken.begin(), taken.end(), id) != taken.end();
             ++n) {
            id = a.entry.id + "-" + std::to_string(n);
        }
        taken.push_back(id);
        if (id != a.entry.id) summary.renamed.emplace_back("assessment " + a.entry.id, id);
        summary.added_assessments.push_back(id);
        a.entry.id = id;
        a.entry.file = "assessments/" + id + ".json";
        add.assessments.push_back(std::move(a));
    }
    std::vector<Evidence> all = into.evidence();
    for (const ManifestEvidence& m : manifest.evidence) {
        Evidence e = m.evidence;
        if (std::any_of(all.begin(), all.end(),
                        [&](const Evidence& x) { return same_except_id(x, e); })) {
            summary.already_present.push_back("evidence " + e.id);
            continue;
        }
        const std::string pack_id = e.id;
        if (std::any_of(all.begin(), all.end(), [&](const Evidence& x) { return x.id == e.id; })) {
            e.id = next_evidence_id(all);
            summary.renamed.emplace_back("evidence " + pack_id, e.id);
        }
        if (e.kind == EvidenceKind::file) e.crc32 = known_crc32(e, sink, into);
        summary.added_evidence.push_back(e.id);
        all.push_back(e);
        add.evidence.push_back(std::move(e));
    }
    return add;
}

// The ids the pack's assessments and evidence have in the workspace now (new, renamed, or
// the identical ones it held already).
std::pair<detail::IdMap, detail::IdMap> ids_here(const std::vector<StoredAssessment>& from_pack,
                                                 const Manifest& manifest,
                                                 const WorkspaceFolder& into) {
    detail::IdMap assessments;
    for (const StoredAssessment& a : from_pack) {
        for (const StoredAssessment& x : into.assessments()) {
            if (x.assessment == a.assessment) assessments[a.entry.id] = x.entry.id;
        }
    }
    detail::IdMap evidence;
    for (const ManifestEvidence& m : manifest.evidence) {
        for (const Evidence& x : into.evidence()) {
            if (same_except_id(x, m.evidence)) evidence[m.evidence.id] = x.id;
        }
    }
    return {std::move(assessments), std::move(evidence)};
}

// The pack's actions join the workspace's plan once its assessments and evidence are in.
void add_actions(const ImportSink& sink, const std::vector<StoredAssessment>& from_pack,
                 const Manifest& manifest, WorkspaceFolder& into, const std::string& label,
                 ImportSummary& summary) {
    const std::string* text = sink.text(std::string(pack_actions_name));
    if (text == nullptr) return;
    const auto [assessments, evidence] = ids_here(from_pack, manifest, into);
    Checked<std::size_t> added = detail::import_actions(
        *text, label + ": " + std::string(pack_actions_name), into, assessments, evidence);
    if (!added) {
        summary.notes.push_back("the pack's actions were not added: " +
                                added.error().front().message());
    } else {
        summary.added_actions = *added;
    }
}

// What import does once the pack has been read and checked.
Checked<ImportSummary> finish_import(detail::PackReading reading, ImportSink& sink,
                                     WorkspaceFolder& into, const std::string& label) {
    if (!reading.problems.empty()) return tl::unexpected(std::move(reading.problems));
    const Manifest& manifest = *reading.manifest;
    std::vector<StoredAssessment> assessments;
    ErrorList errors = read_assessments(manifest, sink, into, label, assessments);
    ErrorList supports = check_supports(manifest, into, label);
    errors.insert(errors.end(), supports.begin(), supports.end());
    if (!errors.empty()) return tl::unexpected(std::move(errors));

    ImportSummary summary;
    summary.signature = reading.signature;
    compare_frameworks(manifest, into, summary);
    const std::vector<StoredAssessment> from_pack = assessments;
    WorkspaceAdditions additions = plan(std::move(assessments), manifest, sink, into, summary);
    // Evidence files first, then the assessments and workspace.json (in merge), then actions.
    if (Result<void> ok = sink.commit(); !ok) return tl::unexpected(ErrorList{ok.error()});
    if (Result<void> ok = into.merge(std::move(additions)); !ok) {
        return tl::unexpected(ErrorList{ok.error()});
    }
    add_actions(sink, from_pack, manifest, into, label, summary);
    return summary;
}

}  // namespace

struct PackImportTask::State {
    PackLimits limits;
    PackProgress progress;
    WorkspaceFolder& into;
    std::string label;
    ImportSink sink;
    detail::PackReader reader;
    std::optional<Checked<ImportSummary>> result;

    State(std::filesystem::path pack, WorkspaceFolder& folder, PackLimits l, PackProgress p)
        : limits(l),
          progress(std::move(p)),
          into(folder),
          label(pack.generic_string()),
          sink(folder, limits, label),
          reader(std::move(pack), limits, progress, &sink) {}
};

PackImportTask::PackImportTask(std::filesystem::path pack, WorkspaceFolder& into, PackLimits limits,
                               PackProgress progress)
    : state_(std::make_unique<State>(std::move(pack), into, limits, std::move(progress))) {}

PackImportTask::~PackImportTask() = default;

bool PackImportTask::step(std::uint64_t budget) {
    State& s = *state_;
    if (s.result) return true;
    if (!s.reader.step(budget)) return false;
    s.result = finish_import(s.reader.take(), s.sink, s.into, s.label);
    return true;
}

Checked<ImportSummary> PackImportTask::result() {
    if (!state_->result) return tl::unexpected(ErrorList{{state_->label, "", "not finished"}});
    return std::move(*state_->result);
}

Checked<ImportSummary> import_pack(const std::filesystem::path& pack, WorkspaceFolder& into,
                                   const PackLimits& limits, const PackProgress& progress) {
    PackImportTask task(pack, into, limits, progress);
    while (!task.step(std::numeric_limits<std::uint64_t>::max())) {
    }
    return task.result();
}

}  // namespace eqkit
