#include "streaming.hpp"

#include <fcntl.h>
#include <sys/stat.h>

#include <cstring>
#include <memory>

#include "file_descriptor.hpp"

namespace eqkit::detail {

std::string errno_text(int err) {
    return std::strerror(err);
}

Result<std::uint64_t> read_chunks(const std::filesystem::path& file, std::string_view label,
                                  const ChunkSink& sink) {
    const auto buffer = std::make_unique<char[]>(chunk_size);
    return read_chunks(file, label, sink, std::span<char>(buffer.get(), chunk_size));
}

Result<ChunkReader> ChunkReader::open(const std::filesystem::path& file, std::string label) {
    FileDescriptor fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd.valid()) return fail(label, "", "cannot open the file (" + errno_text(errno) + ")");
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0 || !S_ISREG(info.st_mode)) {
        return fail(label, "", "this is not an ordinary file");
    }
    ::posix_fadvise(fd.get(), 0, 0, POSIX_FADV_SEQUENTIAL);
    return ChunkReader(std::move(fd), std::move(label));
}

Result<std::string_view> ChunkReader::next(std::span<char> buffer) {
    for (;;) {
        const ssize_t n = ::read(fd_.get(), buffer.data(), buffer.size());
        if (n >= 0) return std::string_view(buffer.data(), static_cast<std::size_t>(n));
        if (errno != EINTR) {
            return fail(label_, "", "cannot read the file (" + errno_text(errno) + ")");
        }
    }
}

Result<std::uint64_t> read_chunks(const std::filesystem::path& file, std::string_view label,
                                  const ChunkSink& sink, std::span<char> buffer) {
    Result<ChunkReader> reader = ChunkReader::open(file, std::string(label));
    if (!reader) return tl::unexpected(reader.error());
    std::uint64_t total = 0;
    for (;;) {
        Result<std::string_view> chunk = reader->next(buffer);
        if (!chunk) return tl::unexpected(chunk.error());
        if (chunk->empty()) return total;
        total += chunk->size();
        if (Result<void> ok = sink(*chunk); !ok) return tl::unexpected(ok.error());
    }
}

}  // namespace eqkit::detail
