// Export: plan the pack (manifest, generated documents), then write it in a fixed order with
// fixed metadata to a temporary file beside the target, and rename it into place.
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>

#include <algorithm>
#include <limits>
#include <map>

#include "answers_csv.hpp"
#include "eqkit/evidence_index.hpp"
#include "eqkit/hash.hpp"
#include "eqkit/pack.hpp"
#include "file_descriptor.hpp"
#include "json_reader.hpp"
#include "pack_actions.hpp"
#include "pack_report.hpp"
#include "streaming.hpp"
#include "zip_writer.hpp"

namespace eqkit {
namespace {

constexpr std::size_t max_pack_name = 120;

bool is_device_name(std::string_view stem) {
    const std::string s = fold_case(stem);
    if (s == "con" || s == "prn" || s == "aux" || s == "nul") return true;
    return s.size() == 4 && (s.starts_with("com") || s.starts_with("lpt")) && s[3] >= '1' &&
           s[3] <= '9';
}

// A file name that unpacks safely on Windows, macOS and Linux alike.
std::string pack_file_name(std::string_view original) {
    std::string name;
    for (const char c : original) {
        const auto u = static_cast<unsigned char>(c);
        const bool bad = u < 0x20 || u == 0x7f ||
                         std::string_view("/\\:*?\"<>|").find(c) != std::string_view::npos;
        name += bad ? '_' : c;
    }
    while (!name.empty() && (name.back() == '.' || name.back() == ' '))
        name.pop_back();
    if (!name.empty() && (name.front() == '.' || name.front() == ' ')) name.insert(0, "_");
    if (name.size() > max_pack_name) {
        const std::size_t dot = name.rfind('.');
        const std::string ext =
            dot != std::string::npos && name.size() - dot <= 10 ? name.substr(dot) : "";
        std::size_t keep = max_pack_name - ext.size();
        while (keep > 0 && (static_cast<unsigned char>(name[keep]) & 0xc0) == 0x80)
            --keep;  // never cut a UTF-8 character in two
        name = name.substr(0, keep) + ext;
    }
    const std::string stem = name.substr(0, name.find('.'));
    if (name.empty() || is_device_name(stem)) name = "_" + name;
    return name == "_" ? "file" : name;
}

struct Plan {
    Manifest manifest;
    std::map<std::string, std::string> generated;  // path -> bytes, made in memory
    std::map<std::string, const Evidence*> files;  // path -> evidence whose blob it is
    std::uint64_t total = 0;
};

Result<void> plan_frameworks(const WorkspaceFolder& ws, Manifest& m) {
    for (const Framework* fw : frameworks_used(ws)) {
        Result<FileDigest> digest = sha256_file(fw->file);
        if (!digest) {
            return fail(fw->file, "",
                        "cannot read the framework file to record its SHA-256 (" +
                            digest.error().reason + ")");
        }
        m.frameworks.push_back({fw->id, fw->version, fw->title, digest->sha256});
    }
    return {};
}

Result<PackFile> generated_file(Plan& plan, std::string path, std::string bytes) {
    Result<std::string> sha = sha256_hex(bytes);
    if (!sha) return tl::unexpected(sha.error());
    PackFile file{path, bytes.size(), *sha};
    plan.total += bytes.size();
    plan.generated.emplace(std::move(path), std::move(bytes));
    return file;
}

Result<void> plan_assessments(const WorkspaceFolder& ws, Plan& plan) {
    for (const StoredAssessment& a : ws.assessments()) {
        const Framework* fw = ws.registry().find(a.entry.framework);
        if (fw == nullptr) return fail(a.entry.file, "", "its framework is not loaded");
        Result<PackFile> file = generated_file(plan, "assessments/" + a.entry.id + ".json",
                                               assessment_to_json(*fw, a.assessment));
        if (!file) return tl::unexpected(file.error());
        plan.manifest.assessments.push_back(
            {a.entry.id, fw->id, fw->version, a.assessment.title, std::move(*file)});
    }
    return {};
}

// Reuses the hashes taken when the evidence was added; the stored file must still be there
// with the same size (verify re-hashes everything).
Result<void> plan_evidence(const WorkspaceFolder& ws, Plan& plan) {
    for (const Evidence& e : ws.evidence()) {
        ManifestEvidence entry{e, ""};
        if (e.kind == EvidenceKind::file) {
            entry.path = "evidence/" + e.id + "/" + pack_file_name(e.original_name);
            struct stat info {};
            const std::filesystem::path blob = ws.blob_path(e.sha256);
            if (::stat(blob.c_str(), &info) != 0 ||
                static_cast<std::uint64_t>(info.st_size) != e.size) {
                return fail(blob.generic_string(), "",
                            "the stored file of evidence " + e.id + " (\"" + e.title + "\") is " +
                                (::stat(blob.c_str(), &info) != 0 ? "missing" : "the wrong size"));
            }
            plan.files.emplace(entry.path, &e);
            plan.total += e.size;
        }
        plan.manifest.evidence.push_back(std::move(entry));
    }
    return {};
}

// The action plan as a file and an accessible page, when the workspace has one.
Result<void> plan_actions(const WorkspaceFolder& ws, Plan& plan) {
    Checked<detail::ActionDocuments> docs = detail::action_documents(ws);
    if (!docs) return tl::unexpected(docs.error().front());
    if (docs->json.empty()) return {};
    Result<PackFile> json =
        generated_file(plan, std::string(pack_actions_name), std::move(docs->json));
    if (!json) return tl::unexpected(json.error());
    plan.manifest.documents.push_back({std::move(*json), "application/json"});
    Result<PackFile> html =
        generated_file(plan, std::string(pack_action_plan_name), std::move(docs->html));
    if (!html) return tl::unexpected(html.error());
    plan.manifest.documents.push_back({std::move(*html), "text/html"});
    return {};
}

Result<Plan> make_plan(const WorkspaceFolder& ws, const ExportOptions& options) {
    Plan plan;
    Manifest& m = plan.manifest;
    m.tool_name = "EqualityKit";
    m.tool_version = options.tool_version;
    if (options.signing_key)
        m.signer_fingerprint = key_fingerprint(options.signing_key->public_key);
    if (Result<void> ok = plan_frameworks(ws, m); !ok) return tl::unexpected(ok.error());
    if (Result<void> ok = plan_assessments(ws, plan); !ok) return tl::unexpected(ok.error());
    if (Result<void> ok = plan_evidence(ws, plan); !ok) return tl::unexpected(ok.error());
    Result<PackFile> csv = generated_file(plan, std::string(answers_name), detail::answers_csv(ws));
    if (!csv) return tl::unexpected(csv.error());
    m.documents.push_back({std::move(*csv), "text/csv"});
    Result<PackFile> report =
        generated_file(plan, std::string(report_name), detail::render_pack_report(ws, m));
    if (!report) return tl::unexpected(report.error());
    m.documents.push_back({std::move(*report), "text/html"});
    if (Result<void> ok = plan_actions(ws, plan); !ok) return tl::unexpected(ok.error());
    return plan;
}

std::string signature_text(const KeyPair& key, const Signature& signature) {
    detail::Json out = detail::Json::object();
    out["format"] = "eqkit-signature/1";
    out["algorithm"] = "ed25519";
    out["fingerprint"] = key_fingerprint(key.public_key);
    out["public_key"] = to_hex(key.public_key.bytes);
    out["signature"] = to_hex(signature);
    return detail::dump_json(out);
}

// A temporary file beside the target, removed unless kept.
class TemporaryFile {
  public:
    explicit TemporaryFile(const std::filesystem::path& target) {
        const std::filesystem::path folder =
            target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
        std::string pattern =
            (folder / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
        detail::FileDescriptor fd(::mkstemp(pattern.data()));
        if (fd.valid()) {
            ::fchmod(fd.get(), 0644);
            path_ = pattern;
        }
    }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    ~TemporaryFile() {
        if (!path_.empty()) ::unlink(path_.c_str());
    }
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    void keep() { path_.clear(); }

  private:
    std::filesystem::path path_;
};

// Sizes of the reads that copy evidence into the pack: small enough to stay in the CPU's cache
// between the read and the write (bench/pack_throughput.sh measured 1 MiB slower).
constexpr std::size_t copy_chunk = std::size_t{128} << 10;

}  // namespace

// Export as steps: the first plans the pack and writes manifest.json (and manifest.sig); each
// later one writes generated documents whole and copies evidence files chunk by chunk; the last
// closes the ZIP and renames it into place.
struct PackExportTask::State {
    const WorkspaceFolder& ws;
    std::filesystem::path out;
    ExportOptions options;
    std::string label;
    std::optional<Plan> plan;
    std::optional<TemporaryFile> temp;
    std::optional<detail::ZipWriter> zip;
    std::vector<std::string> paths;  // every entry after the manifest, in byte order
    std::size_t next = 0;
    std::uint64_t done = 0;
    // The evidence file being copied.
    const Evidence* copying = nullptr;
    std::optional<detail::ChunkReader> source;
    std::uint64_t copied = 0;
    std::uint32_t crc = 0;  // computed only for evidence added before CRCs were kept
    std::unique_ptr<char[]> buffer = std::make_unique<char[]>(copy_chunk);
    std::optional<Result<ExportSummary>> result;

    State(const WorkspaceFolder& w, std::filesystem::path o, ExportOptions opts)
        : ws(w), out(std::move(o)), options(std::move(opts)), label(out.generic_string()) {}

    void end(Error error) { result = tl::unexpected(std::move(error)); }
    Result<void> report(std::uint64_t n);
    Result<void> start();
    Result<void> begin_entry();
    Result<std::uint64_t> copy_some();
    [[nodiscard]] Error changed_size_error() const;
    Result<ExportSummary> finish();
};

Result<void> PackExportTask::State::report(std::uint64_t n) {
    done += n;
    if (options.progress && !options.progress(done, plan->total)) {
        return fail(label, "", "export cancelled");
    }
    return {};
}

Result<void> PackExportTask::State::start() {
    Result<Plan> planned = make_plan(ws, options);
    if (!planned) return tl::unexpected(planned.error());
    plan = std::move(*planned);
    const std::string manifest = manifest_to_json(plan->manifest);
    std::string signature;
    if (options.signing_key) {
        Result<Signature> signed_bytes = sign(options.signing_key->secret_key, manifest);
        if (!signed_bytes) return tl::unexpected(signed_bytes.error());
        signature = signature_text(*options.signing_key, *signed_bytes);
    }
    temp.emplace(out);
    if (temp->path().empty()) {
        return fail(label, "", "cannot write beside this file (" + detail::errno_text(errno) + ")");
    }
    Result<detail::ZipWriter> created = detail::ZipWriter::create(temp->path(), label);
    if (!created) return tl::unexpected(created.error());
    zip.emplace(std::move(*created));
    if (Result<void> ok = zip->add_bytes(manifest_name, manifest); !ok) return ok;
    if (!signature.empty()) {
        if (Result<void> ok = zip->add_bytes(signature_name, signature); !ok) return ok;
    }
    for (const auto& [path, bytes] : plan->generated)
        paths.push_back(path);
    for (const auto& [path, evidence] : plan->files)
        paths.push_back(path);
    std::sort(paths.begin(), paths.end());
    return {};
}

// Writes the next generated document whole, or opens the next evidence file for copying.
Result<void> PackExportTask::State::begin_entry() {
    const std::string& path = paths[next++];
    if (const auto g = plan->generated.find(path); g != plan->generated.end()) {
        if (Result<void> ok = zip->add_bytes(path, g->second); !ok) return ok;
        return report(g->second.size());
    }
    copying = plan->files.find(path)->second;
    const std::filesystem::path blob = ws.blob_path(copying->sha256);
    Result<detail::ChunkReader> opened = detail::ChunkReader::open(blob, blob.generic_string());
    if (!opened) return tl::unexpected(opened.error());
    source.emplace(std::move(*opened));
    copied = 0;
    crc = 0;
    return zip->begin_stored(path, copying->size);
}

Error PackExportTask::State::changed_size_error() const {
    return {ws.blob_path(copying->sha256).generic_string(), "",
            "the stored evidence file has changed size since it was added (" +
                std::to_string(copying->size) + " bytes)"};
}

// Copies one chunk of the evidence file being copied; closes its entry at the end.
Result<std::uint64_t> PackExportTask::State::copy_some() {
    Result<std::string_view> chunk = source->next(std::span<char>(buffer.get(), copy_chunk));
    if (!chunk) return tl::unexpected(chunk.error());
    if (!chunk->empty()) {
        copied += chunk->size();
        if (copied > copying->size) return tl::unexpected(changed_size_error());
        if (!copying->crc32) {
            crc = static_cast<std::uint32_t>(
                crc32_z(crc, reinterpret_cast<const Bytef*>(chunk->data()), chunk->size()));
        }
        if (Result<void> ok = zip->write_stored(*chunk); !ok) return tl::unexpected(ok.error());
        if (Result<void> ok = report(chunk->size()); !ok) return tl::unexpected(ok.error());
        return chunk->size();
    }
    if (copied != copying->size) return tl::unexpected(changed_size_error());
    const Evidence& e = *copying;
    source.reset();
    copying = nullptr;
    if (Result<void> ok = zip->end_stored(e.size, e.crc32.value_or(crc)); !ok) {
        return tl::unexpected(ok.error());
    }
    return 0;
}

// The pack gets its name only once it is complete, so a crash never leaves half a pack under
// that name. It is not flushed to disk first: like zip or cp, export leaves that to the system
// (a pack can always be made again, and verify checks it before it is sent).
Result<ExportSummary> PackExportTask::State::finish() {
    if (Result<void> ok = zip->close(); !ok) return tl::unexpected(ok.error());
    struct stat info {};
    if (::stat(temp->path().c_str(), &info) != 0 ||
        ::rename(temp->path().c_str(), out.c_str()) != 0) {
        return fail(label, "", "cannot create the file (" + detail::errno_text(errno) + ")");
    }
    temp->keep();
    ExportSummary summary;
    summary.assessments = plan->manifest.assessments.size();
    summary.evidence_files = plan->files.size();
    summary.links_and_notes = plan->manifest.evidence.size() - plan->files.size();
    summary.bytes = static_cast<std::uint64_t>(info.st_size);
    summary.signer_fingerprint = plan->manifest.signer_fingerprint;
    return summary;
}

PackExportTask::PackExportTask(const WorkspaceFolder& workspace, std::filesystem::path out,
                               ExportOptions options)
    : state_(std::make_unique<State>(workspace, std::move(out), std::move(options))) {}

PackExportTask::~PackExportTask() = default;

bool PackExportTask::step(std::uint64_t budget) {
    State& s = *state_;
    if (s.result) return true;
    if (!s.plan) {
        if (Result<void> ok = s.start(); !ok) s.end(ok.error());
        return s.result.has_value();
    }
    for (std::uint64_t spent = 0; spent < budget && !s.result;) {
        if (s.copying != nullptr) {
            Result<std::uint64_t> n = s.copy_some();
            if (!n) {
                s.end(n.error());
            } else {
                spent += *n;
            }
        } else if (s.next < s.paths.size()) {
            if (Result<void> ok = s.begin_entry(); !ok) s.end(ok.error());
        } else {
            s.result = s.finish();
        }
    }
    return s.result.has_value();
}

Result<ExportSummary> PackExportTask::result() const {
    if (!state_->result) return fail(state_->label, "", "the export has not finished");
    return *state_->result;
}

Result<ExportSummary> export_pack(const WorkspaceFolder& ws, const std::filesystem::path& out,
                                  const ExportOptions& options) {
    PackExportTask task(ws, out, options);
    while (!task.step(std::numeric_limits<std::uint64_t>::max())) {
    }
    return task.result();
}

}  // namespace eqkit
