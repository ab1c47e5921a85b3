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

namespace eqkit::detail {

inline constexpr std::size_t chunk_size = std::size_t{1} << 20;

// What to do with each chunk; an error stops the reading and is returned as it is.
using ChunkSink = std::function<Result<void>(std::string_view chunk)>;

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
