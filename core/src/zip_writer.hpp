#pragma once
// Writes a ZIP through minizip with fixed metadata, so the same entries always give the same
// bytes: every entry dated 1980-01-01 00:00 (DOS time), marked as a Unix file rw-r--r--,
// names flagged UTF-8, generated files deflated at one fixed level, evidence files stored as
// they are (most are compressed already, and storing keeps export at disk speed).
// minizip is compiled with a memcpy for stored data (cmake/Minizip.cmake).
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "eqkit/error.hpp"

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
    // A file stored as it is, whose size and CRC-32 are known (taken when the evidence was
    // added): opened raw, so minizip neither checks nor recomputes them. Write its bytes with
    // write_stored, in as many chunks as it takes, then end_stored.
    [[nodiscard]] Result<void> begin_stored(std::string_view name, std::uint64_t size);
    [[nodiscard]] Result<void> write_stored(std::string_view chunk);
    [[nodiscard]] Result<void> end_stored(std::uint64_t size, std::uint32_t crc);
    // Writes the central directory and closes the file.
    [[nodiscard]] Result<void> close();

    struct Closer {
        void operator()(void* zip) const;
    };

  private:
    ZipWriter(std::unique_ptr<void, Closer> zip, std::string label)
        : zip_(std::move(zip)), label_(std::move(label)) {}

    [[nodiscard]] Result<void> open_entry(std::string_view name, bool deflate, std::uint64_t size);
    [[nodiscard]] Result<void> write_entry(std::string_view bytes);

    std::unique_ptr<void, Closer> zip_;
    std::string label_;
    std::string entry_;  // the entry being written, for messages
};

}  // namespace eqkit::detail
