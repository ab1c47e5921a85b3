#pragma once
// Reading files in fixed-size chunks, so memory use never grows with a file's size.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "eqkit/error.hpp"
#include "file_descriptor.hpp"

namespace eqkit::detail {

inline constexpr std::size_t chunk_size = std::size_t{1} << 20;

// What to do with each chunk; an error stops the reading and is returned as it is.
using ChunkSink = std::function<Result<void>(std::string_view chunk)>;

// A file read a chunk at a time, for work done in steps.
class ChunkReader {
  public:
    // Opens an ordinary file; errors name it as label.
    [[nodiscard]] static Result<ChunkReader> open(const std::filesystem::path& file,
                                                  std::string label);
    // The next bytes, into buffer; empty at the end of the file.
    [[nodiscard]] Result<std::string_view> next(std::span<char> buffer);

  private:
    ChunkReader(FileDescriptor fd, std::string label)
        : fd_(std::move(fd)), label_(std::move(label)) {}
    FileDescriptor fd_;
    std::string label_;
};

// Calls sink with the file's bytes, in order; returns how many bytes there were. Errors name
// the file as label.
[[nodiscard]] Result<std::uint64_t> read_chunks(const std::filesystem::path& file,
                                                std::string_view label, const ChunkSink& sink);
// The same, into the caller's buffer (reused across many files, it saves page faults).
[[nodiscard]] Result<std::uint64_t> read_chunks(const std::filesystem::path& file,
                                                std::string_view label, const ChunkSink& sink,
                                                std::span<char> buffer);

[[nodiscard]] std::string errno_text(int err);

}  // namespace eqkit::detail
