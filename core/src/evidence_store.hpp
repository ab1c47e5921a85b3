#pragma once
// The content-addressed blob folder (evidence/sha256/<hex>). A new file is written under a
// temporary name while it is hashed, flushed to disk, then renamed to its SHA-256: the folder
// never holds a half-written file under a real name, and a file added twice is stored once.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "eqkit/error.hpp"
#include "eqkit/hash.hpp"
#include "file_descriptor.hpp"

namespace eqkit::detail {

class BlobWriter {
  public:
    // label names the source in messages ("minutes.pdf", "pack.zip: evidence/ev1/minutes.pdf").
    [[nodiscard]] static Result<BlobWriter> start(const std::filesystem::path& folder,
                                                  std::string label, bool hashing = true);
    BlobWriter(BlobWriter&& other) noexcept;
    BlobWriter& operator=(BlobWriter&&) = delete;
    BlobWriter(const BlobWriter&) = delete;
    BlobWriter& operator=(const BlobWriter&) = delete;
    ~BlobWriter();  // removes the temporary file unless committed

    [[nodiscard]] Result<void> write(std::string_view chunk);
    // Flushes to disk and returns the content's digest; the name is still temporary.
    [[nodiscard]] Result<FileDigest> finish();
    // The same, for content whose digest the caller has already checked (import hashes each
    // file once, while verifying it).
    [[nodiscard]] Result<void> finish_checked(const FileDigest& digest);
    // Names the file by its digest, or drops it when the same content is already stored.
    [[nodiscard]] Result<void> commit();
    // The CRC-32 of every byte written (export stores it in the pack's ZIP headers).
    [[nodiscard]] std::uint32_t crc32() const { return crc32_; }

  private:
    BlobWriter(std::filesystem::path folder, std::filesystem::path temp, FileDescriptor fd,
               std::string label, bool hashing)
        : folder_(std::move(folder)),
          temp_(std::move(temp)),
          fd_(std::move(fd)),
          label_(std::move(label)),
          hashing_(hashing) {}

    [[nodiscard]] Result<void> flush();

    std::filesystem::path folder_;
    std::filesystem::path temp_;
    FileDescriptor fd_;
    std::string label_;
    Sha256 hasher_;
    FileDigest digest_;
    std::uint32_t crc32_ = 0;
    bool hashing_ = true;
    bool finished_ = false;
    bool committed_ = false;
};

// Removes temporary files that a crash left behind in the blob folder (older than an hour, so
// another EqualityKit adding evidence at the same time is never disturbed). Best effort.
void remove_abandoned_files(const std::filesystem::path& folder);

struct StoredFile {
    FileDigest digest;  // SHA-256 and size
    std::uint32_t crc32 = 0;
};

// Copies a file into the blob folder in chunks; returns its digest, size and CRC-32.
[[nodiscard]] Result<StoredFile> store_file(const std::filesystem::path& folder,
                                            const std::filesystem::path& source,
                                            std::string_view label);

}  // namespace eqkit::detail
