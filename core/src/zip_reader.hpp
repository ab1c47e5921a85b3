#pragma once
// Reads a ZIP through minizip: the central directory as plain entries, and one entry's bytes in
// chunks, checked against the size and CRC-32 its header declares.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "eqkit/error.hpp"
#include "file_descriptor.hpp"
#include "streaming.hpp"

namespace eqkit::detail {

struct ZipEntry {
    std::string name;
    std::uint64_t compressed_size = 0;
    std::uint64_t size = 0;  // uncompressed, as declared
    std::uint64_t crc = 0;   // CRC-32 of the uncompressed bytes, as declared
    std::uint64_t method = 0;
    std::uint64_t flags = 0;
    std::uint64_t made_by = 0;
    std::uint64_t external_attributes = 0;
    std::uint64_t directory_offset = 0;  // where minizip finds the entry again
    std::uint64_t index = 0;

    [[nodiscard]] bool encrypted() const { return (flags & 1u) != 0; }
    [[nodiscard]] bool is_folder() const { return !name.empty() && name.back() == '/'; }
    // Unix hosts keep the file mode in the top 16 bits of the external attributes.
    [[nodiscard]] bool is_symlink() const {
        return (made_by >> 8) == 3 && ((external_attributes >> 16) & 0170000u) == 0120000u;
    }
};

class ZipReader {
  public:
    // label names the archive in messages.
    [[nodiscard]] static Result<ZipReader> open(const std::filesystem::path& file,
                                                std::string label);

    // Every entry of the central directory; more than max_entries is an error (reading stops).
    [[nodiscard]] Result<std::vector<ZipEntry>> entries(std::uint64_t max_entries);

    // One entry's uncompressed bytes, a chunk at a time (for work done in steps): open it, then
    // call next until it gives nothing. The bytes must be exactly the declared size; the
    // declared CRC-32 is checked for deflated entries, and for stored ones only when asked
    // (a pack's files are checked by SHA-256 instead, which is slower to forge and needs no
    // second pass over the bytes).
    [[nodiscard]] Result<void> open_entry(const ZipEntry& entry, bool check_stored_crc);
    // The next bytes of the open entry (valid until the next call); empty at its end, once it
    // has been checked.
    [[nodiscard]] Result<std::string_view> next();

    // Streams the entry's uncompressed bytes to sink. The bytes must be exactly the declared
    // size and match the declared CRC-32; minizip never produces more than the declared size.
    [[nodiscard]] Result<void> read(const ZipEntry& entry, const ChunkSink& sink);

    // The whole of a small entry, refusing anything declared larger than limit.
    [[nodiscard]] Result<std::string> read_small(const ZipEntry& entry, std::uint64_t limit);

    struct Closer {
        void operator()(void* zip) const;
    };

  private:
    ZipReader(std::unique_ptr<void, Closer> zip, FileDescriptor fd, std::string label)
        : zip_(std::move(zip)),
          fd_(std::move(fd)),
          label_(std::move(label)),
          buffer_(std::make_unique<char[]>(chunk_size)) {}

    [[nodiscard]] Result<std::string_view> next_stored();
    [[nodiscard]] Result<std::string_view> next_deflated();

    std::unique_ptr<void, Closer> zip_;
    FileDescriptor fd_;  // the same archive, for read_stored
    std::string label_;
    std::unique_ptr<char[]> buffer_;  // one for every entry: no page faults per file
    // The entry being read. A stored entry's bytes are read straight from the file once
    // minizip has checked its local header: minizip copies stored data a byte at a time.
    ZipEntry entry_;
    bool open_ = false;
    bool stored_ = false;
    bool check_crc_ = false;
    std::uint64_t offset_ = 0;  // of a stored entry's data in the file
    std::uint64_t done_ = 0;
    std::uint64_t crc_ = 0;
};

}  // namespace eqkit::detail
