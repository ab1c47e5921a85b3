#pragma once
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "eqkit/error.hpp"

namespace eqkit {

// Files larger than this are refused rather than read into memory.
inline constexpr std::size_t max_document_bytes = std::size_t{64} * 1024 * 1024;

[[nodiscard]] Result<std::string> read_text_file(const std::filesystem::path& file);

// Writes to a temporary file in the same folder, flushes it to disk, then renames it over the
// target: a crash at any moment leaves either the old file or the new one, never a mix. The
// file keeps its permissions, and a symlink's target is replaced rather than the link.
[[nodiscard]] Result<void> save_atomically(const std::filesystem::path& target,
                                           std::string_view bytes);

// Creates a new file holding these bytes with these permissions, all at once: an existing file
// is never replaced (that is an error), and a crash leaves either no file or the whole file.
[[nodiscard]] Result<void> create_file_atomically(const std::filesystem::path& target,
                                                  std::string_view bytes, unsigned mode = 0644);

// Every DIR/<folder>/<name> that exists (plugins/<id>/framework.json), sorted; ec is set when
// DIR cannot be listed.
[[nodiscard]] std::vector<std::filesystem::path> files_in_subfolders(
    const std::filesystem::path& dir, std::string_view name, std::error_code& ec);

// <stem><suffix>.json beside `file`, or <stem><suffix>-2.json and so on when that is taken: where a
// file that no longer opens is set aside, so that nothing set aside earlier is overwritten.
[[nodiscard]] std::filesystem::path unused_name(const std::filesystem::path& file,
                                                std::string_view suffix);

// Makes the renames and new files in a folder durable (fsync of the folder). Best effort.
void sync_folder(const std::filesystem::path& folder);

}  // namespace eqkit
