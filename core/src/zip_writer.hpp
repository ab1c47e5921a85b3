#pragma once
// Writes a ZIP through minizip with fixed metadata, so the same entries always give the same
// bytes: every entry dated 1980-01-01 00:00 (DOS time), marked as a Unix file rw-r--r--,
// names flagged UTF-8, generated files deflated at one fixed level, evidence files stored as
// they are (most are compressed already, and storing keeps export at disk speed).
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "eqkit/error.hpp"
#include "streaming.hpp"

namespace eqkit::detail {

class ZipWriter {
  public:
    // Creates (or truncates) file; label names it in messages.
    [[nodiscard]] static Result<ZipWriter> create(const std::filesystem::path& file,
                                                  std::string label);
    ZipWriter(ZipWriter&&) noexcept = default;
    ZipWriter& operator=(ZipWriter&&) noexcept = default;
    ZipWriter(const ZipWriter&) = delete;
    ZipWriter& operator=(const ZipWriter&) = delete;
    ~ZipWriter() = default;  // an unclosed archive is abandoned, its handle closed

    // A file made in memory, deflated.
    [[nodiscard]] Result<void> add_bytes(std::string_view name, std::string_view bytes);
    // A file on disk, copied in chunks and stored; it must still be `expected_size` bytes.
    // progress (optional) sees each chunk after it is written.
    [[nodiscard]] Result<void> add_file(std::string_view name, const std::filesystem::path& source,
                                        std::uint64_t expected_size, const ChunkSink& progress);
    // Writes the central directory and closes the file.
    [[nodiscard]] Result<void> close();

    struct Closer {
        void operator()(void* zip) const;
    };

  private:
    ZipWriter(std::unique_ptr<void, Closer> zip, std::string label)
        : zip_(std::move(zip)),
          label_(std::move(label)),
          buffer_(std::make_unique<char[]>(chunk_size)) {}

    [[nodiscard]] Result<void> open_entry(std::string_view name, bool deflate, std::uint64_t size);
    [[nodiscard]] Result<void> close_entry(std::string_view name);

    std::unique_ptr<void, Closer> zip_;
    std::string label_;
    std::unique_ptr<char[]> buffer_;  // one for every file: no page faults per file
};

}  // namespace eqkit::detail
