#include "pack_reader.hpp"

#include <algorithm>
#include <limits>
#include <map>

#include "background_sha256.hpp"
#include "eqkit/hash.hpp"
#include "json_reader.hpp"
#include "pack_entries.hpp"
#include "zip_reader.hpp"

namespace eqkit::detail {
namespace {

constexpr std::uint64_t max_signature_bytes = 64 * 1024;

using EntryMap = std::map<std::string, const ZipEntry*, std::less<>>;

// manifest.sig: {"format":"eqkit-signature/1","algorithm":"ed25519","public_key","signature"}.
Result<PackSignature> check_signature(std::string_view sig_text, std::string_view manifest_bytes,
                                      const std::string& label) {
    Result<Json> doc = parse_json(sig_text, label);
    if (!doc) return tl::unexpected(doc.error());
    Diagnostics diag(label);
    ObjectReader root(*doc, "", diag);
    PackSignature out;
    Signature signature{};
    if (root.is_object()) {
        if (auto format = root.string("format", Need::required);
            format && *format != "eqkit-signature/1") {
            root.error("format", "expected \"eqkit-signature/1\"");
        }
        if (auto algorithm = root.string("algorithm", Need::required);
            algorithm && *algorithm != "ed25519") {
            root.error("algorithm", "EqualityKit only checks \"ed25519\" signatures");
        }
        (void)root.string("fingerprint", Need::optional);  // recomputed, never trusted
        if (auto key = root.string("public_key", Need::required);
            key && !from_hex(*key, out.key.bytes)) {
            root.error("public_key", "expected 64 hex digits");
        }
        if (auto sig = root.string("signature", Need::required);
            sig && !from_hex(*sig, signature)) {
            root.error("signature", "expected 128 hex digits");
        }
        root.finish();
    }
    if (!diag.empty()) return tl::unexpected(diag.take().front());
    out.fingerprint = key_fingerprint(out.key);
    out.valid = verify_signature(out.key, manifest_bytes, signature);
    return out;
}

}  // namespace

class PackReader::Reader {
  public:
    Reader(std::filesystem::path pack, const PackLimits& limits, const PackProgress& progress,
           PackFileSink* sink)
        : pack_(std::move(pack)),
          label_(pack_.generic_string()),
          limits_(limits),
          progress_(progress),
          sink_(sink) {}

    bool step(std::uint64_t budget) {
        if (ended_) return true;
        if (!zip_) {
            ended_ = !start();
            return ended_;
        }
        for (std::uint64_t spent = 0; spent < budget && !ended_;) {
            if (reading_ != nullptr) {
                spent += read_some();
            } else if (next_ < files_.size()) {
                begin_file(files_[next_++]);
            } else {
                ended_ = true;
            }
        }
        return ended_;
    }

    PackReading take() { return std::move(out_); }

  private:
    void problem(std::string_view name, std::string reason) {
        out_.problems.push_back({label_, std::string(name), std::move(reason)});
    }

    // The directory, the manifest, the signature and the list of files; false when reading
    // stops there.
    bool start() {
        Result<ZipReader> zip = ZipReader::open(pack_, label_);
        if (!zip) {
            out_.problems.push_back(zip.error());
            return false;
        }
        zip_.emplace(std::move(*zip));
        Result<std::vector<ZipEntry>> entries = zip_->entries(limits_.max_entries);
        if (!entries) {
            out_.problems.push_back(entries.error());
            return false;
        }
        entries_ = std::move(*entries);
        out_.problems = check_entries(entries_, limits_, label_);
        // A hostile directory is never unpacked, not even the manifest.
        if (!out_.problems.empty()) return false;
        for (const ZipEntry& e : entries_) {
            if (!e.is_folder()) by_name_.emplace(e.name, &e);
        }
        std::string manifest_bytes;
        if (!read_manifest(manifest_bytes)) return false;
        read_signature(manifest_bytes);
        list_files();
        return true;
    }

    bool read_manifest(std::string& bytes) {
        const auto it = by_name_.find(manifest_name);
        if (it == by_name_.end()) {
            problem(manifest_name,
                    "the pack has no manifest.json, so it is not an EqualityKit pack");
            return false;
        }
        Result<std::string> text = zip_->read_small(*it->second, limits_.max_manifest_bytes);
        if (!text) {
            out_.problems.push_back(text.error());
            return false;
        }
        Checked<Manifest> manifest = parse_manifest(*text, label_ + ": manifest.json");
        if (!manifest) {
            out_.problems.insert(out_.problems.end(), manifest.error().begin(),
                                 manifest.error().end());
            return false;
        }
        out_.manifest = std::move(*manifest);
        bytes = std::move(*text);
        return true;
    }

    void read_signature(std::string_view manifest_bytes) {
        const std::string& claimed = out_.manifest->signer_fingerprint;
        const auto it = by_name_.find(signature_name);
        if (it == by_name_.end()) {
            if (!claimed.empty()) {
                problem(signature_name, "the manifest says the pack is signed by " + claimed +
                                            " but manifest.sig is missing");
            }
            return;
        }
        Result<std::string> text = zip_->read_small(*it->second, max_signature_bytes);
        if (!text) {
            out_.problems.push_back(text.error());
            return;
        }
        Result<PackSignature> signature =
            check_signature(*text, manifest_bytes, label_ + ": manifest.sig");
        if (!signature) {
            out_.problems.push_back(signature.error());
            return;
        }
        if (!signature->valid) {
            problem(manifest_name,
                    "the signature in manifest.sig does not match: the manifest was changed "
                    "after it was signed, or the signature was made with another key");
        }
        if (claimed.empty()) {
            problem(signature_name,
                    "the pack has a signature but the manifest does not say it "
                    "is signed");
        } else if (claimed != signature->fingerprint) {
            problem(signature_name, "the manifest says the pack is signed by " + claimed +
                                        " but manifest.sig holds key " + signature->fingerprint);
        }
        out_.signature = std::move(*signature);
    }

    // Reports files in the pack but not in the manifest; keeps the listed ones to check.
    void list_files() {
        files_ = out_.manifest->files();
        std::map<std::string, const PackFile*, std::less<>> listed;
        for (const PackFile& f : files_) {
            listed.emplace(f.path, &f);
            total_ += f.size;
        }
        for (const auto& [name, entry] : by_name_) {
            if (name != manifest_name && name != signature_name && !listed.contains(name)) {
                problem(name, "this file is in the pack but not listed in the manifest");
            }
        }
    }

    void begin_file(const PackFile& file) {
        const auto it = by_name_.find(file.path);
        if (it == by_name_.end()) {
            problem(file.path, "the manifest lists this file but it is missing from the pack");
            return;
        }
        if (it->second->size != file.size) {
            problem(file.path, "the manifest says " + std::to_string(file.size) +
                                   " bytes but the pack holds " + std::to_string(it->second->size));
            return;
        }
        if (sink_ != nullptr) {
            if (Result<void> ok = sink_->begin(file); !ok) {
                out_.problems.push_back(ok.error());
                return;
            }
        }
        if (Result<void> ok = zip_->open_entry(*it->second, false); !ok) {
            out_.problems.push_back(ok.error());
            return;
        }
        reading_ = &file;
    }

    // Hashes (and hands the sink) the next chunk of the file being read; bytes read.
    std::uint64_t read_some() {
        Result<std::string_view> chunk = zip_->next();
        Result<void> ok = chunk ? Result<void>{} : Result<void>(tl::unexpected(chunk.error()));
        if (ok && chunk->empty()) {
            end_file();
            return 0;
        }
        if (ok) hasher_.update(*chunk);
        if (ok && sink_ != nullptr) ok = sink_->write(*chunk);
        if (!ok) {
            (void)hasher_.finish();  // empty again for the next file
            out_.problems.push_back(ok.error());
            reading_ = nullptr;
            return 0;
        }
        done_ += chunk->size();
        if (progress_ && !progress_(done_, total_)) {
            (void)hasher_.finish();
            problem("", "cancelled before every file was checked");
            ended_ = true;
        }
        return chunk->size();
    }

    void end_file() {
        const PackFile& file = *reading_;
        reading_ = nullptr;
        Result<Sha256Digest> digest = hasher_.finish();
        if (!digest) {
            problem(file.path, digest.error().reason);
            return;
        }
        ++out_.files_checked;
        out_.bytes_checked += file.size;
        if (to_hex(*digest) != file.sha256) {
            problem(file.path, "the contents have changed: the SHA-256 is " + to_hex(*digest) +
                                   " but the manifest says " + file.sha256);
            return;
        }
        if (sink_ != nullptr) {
            if (Result<void> ok = sink_->end(file); !ok) out_.problems.push_back(ok.error());
        }
    }

    std::filesystem::path pack_;
    std::string label_;
    const PackLimits& limits_;
    const PackProgress& progress_;
    PackFileSink* sink_;
    PackReading out_;
    std::optional<ZipReader> zip_;
    std::vector<ZipEntry> entries_;
    EntryMap by_name_;  // points into entries_
    std::vector<PackFile> files_;
    std::size_t next_ = 0;
    const PackFile* reading_ = nullptr;  // the file being read, in files_
    std::uint64_t done_ = 0;
    std::uint64_t total_ = 0;
    bool ended_ = false;
    BackgroundSha256 hasher_;  // hashes on another core while this one reads; reused per file
};

PackReader::PackReader(std::filesystem::path pack, const PackLimits& limits,
                       const PackProgress& progress, PackFileSink* sink)
    : reader_(std::make_unique<Reader>(std::move(pack), limits, progress, sink)) {}

PackReader::~PackReader() = default;

bool PackReader::step(std::uint64_t budget) {
    return reader_->step(budget);
}

PackReading PackReader::take() {
    return reader_->take();
}

PackReading read_pack(const std::filesystem::path& pack, const PackLimits& limits,
                      const PackProgress& progress, PackFileSink* sink) {
    PackReader reader(pack, limits, progress, sink);
    while (!reader.step(std::numeric_limits<std::uint64_t>::max())) {
    }
    return reader.take();
}

}  // namespace eqkit::detail
