#include "pack_reader.hpp"

#include <algorithm>
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

class Reader {
  public:
    Reader(const std::filesystem::path& pack, const PackLimits& limits,
           const PackProgress& progress, PackFileSink* sink)
        : pack_(pack),
          label_(pack.generic_string()),
          limits_(limits),
          progress_(progress),
          sink_(sink) {}

    PackReading run() {
        Result<ZipReader> zip = ZipReader::open(pack_, label_);
        if (!zip) return refuse(zip.error());
        Result<std::vector<ZipEntry>> entries = zip->entries(limits_.max_entries);
        if (!entries) return refuse(entries.error());
        out_.problems = check_entries(*entries, limits_, label_);
        // A hostile directory is never unpacked, not even the manifest.
        if (!out_.problems.empty()) return std::move(out_);
        EntryMap by_name;
        for (const ZipEntry& e : *entries) {
            if (!e.is_folder()) by_name.emplace(e.name, &e);
        }
        std::string manifest_bytes;
        if (!read_manifest(*zip, by_name, manifest_bytes)) return std::move(out_);
        read_signature(*zip, by_name, manifest_bytes);
        check_files(*zip, by_name);
        return std::move(out_);
    }

  private:
    PackReading refuse(Error error) {
        out_.problems.push_back(std::move(error));
        return std::move(out_);
    }
    void problem(std::string_view name, std::string reason) {
        out_.problems.push_back({label_, std::string(name), std::move(reason)});
    }

    bool read_manifest(ZipReader& zip, const EntryMap& by_name, std::string& bytes) {
        const auto it = by_name.find(manifest_name);
        if (it == by_name.end()) {
            problem(manifest_name,
                    "the pack has no manifest.json, so it is not an EqualityKit pack");
            return false;
        }
        Result<std::string> text = zip.read_small(*it->second, limits_.max_manifest_bytes);
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

    void read_signature(ZipReader& zip, const EntryMap& by_name, std::string_view manifest_bytes) {
        const std::string& claimed = out_.manifest->signer_fingerprint;
        const auto it = by_name.find(signature_name);
        if (it == by_name.end()) {
            if (!claimed.empty()) {
                problem(signature_name, "the manifest says the pack is signed by " + claimed +
                                            " but manifest.sig is missing");
            }
            return;
        }
        Result<std::string> text = zip.read_small(*it->second, max_signature_bytes);
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

    void check_files(ZipReader& zip, const EntryMap& by_name) {
        const std::vector<PackFile> files = out_.manifest->files();
        std::map<std::string, const PackFile*, std::less<>> listed;
        std::uint64_t total = 0;
        for (const PackFile& f : files) {
            listed.emplace(f.path, &f);
            total += f.size;
        }
        for (const auto& [name, entry] : by_name) {
            if (name != manifest_name && name != signature_name && !listed.contains(name)) {
                problem(name, "this file is in the pack but not listed in the manifest");
            }
        }
        std::uint64_t done = 0;
        for (const PackFile& file : files) {
            const auto it = by_name.find(file.path);
            if (it == by_name.end()) {
                problem(file.path, "the manifest lists this file but it is missing from the pack");
                continue;
            }
            if (it->second->size != file.size) {
                problem(file.path, "the manifest says " + std::to_string(file.size) +
                                       " bytes but the pack holds " +
                                       std::to_string(it->second->size));
                continue;
            }
            if (!check_file(zip, *it->second, file, done, total)) return;  // cancelled
        }
    }

    // false only when the user cancelled.
    bool check_file(ZipReader& zip, const ZipEntry& entry, const PackFile& file,
                    std::uint64_t& done, std::uint64_t total) {
        BackgroundSha256& hasher = hasher_;
        bool cancelled = false;
        if (sink_ != nullptr) {
            if (Result<void> ok = sink_->begin(file); !ok) {
                out_.problems.push_back(ok.error());
                return true;
            }
        }
        Result<void> read = zip.read(entry, [&](std::string_view chunk) -> Result<void> {
            hasher.update(chunk);
            if (sink_ != nullptr) {
                if (Result<void> ok = sink_->write(chunk); !ok) return ok;
            }
            done += chunk.size();
            if (progress_ && !progress_(done, total)) {
                cancelled = true;
                return fail(label_, "", "cancelled");
            }
            return {};
        });
        // Always finished, even after a failure: the hasher is reused for the next file.
        Result<Sha256Digest> digest = hasher.finish();
        if (cancelled) {
            problem("", "cancelled before every file was checked");
            return false;
        }
        if (!read) {
            out_.problems.push_back(read.error());
            return true;
        }
        if (!digest) {
            problem(file.path, digest.error().reason);
            return true;
        }
        ++out_.files_checked;
        out_.bytes_checked += file.size;
        if (to_hex(*digest) != file.sha256) {
            problem(file.path, "the contents have changed: the SHA-256 is " + to_hex(*digest) +
                                   " but the manifest says " + file.sha256);
            return true;
        }
        if (sink_ != nullptr) {
            if (Result<void> ok = sink_->end(file); !ok) out_.problems.push_back(ok.error());
        }
        return true;
    }

    const std::filesystem::path& pack_;
    std::string label_;
    const PackLimits& limits_;
    const PackProgress& progress_;
    PackFileSink* sink_;
    PackReading out_;
    BackgroundSha256 hasher_;  // hashes on another core while this one reads; reused per file
};

}  // namespace

PackReading read_pack(const std::filesystem::path& pack, const PackLimits& limits,
                      const PackProgress& progress, PackFileSink* sink) {
    return Reader(pack, limits, progress, sink).run();
}

}  // namespace eqkit::detail
