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

Result<std::uint64_t> read_chunks(const std::filesystem::path& file, std::string_view label,
                                  const ChunkSink& sink, std::span<char> buffer) {
    const std::string name(label);
    FileDescriptor fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd.valid()) return fail(name, "", "cannot open the file (" + errno_text(errno) + ")");
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0 || !S_ISREG(info.st_mode)) {
        return fail(name, "", "this is not an ordinary file");
    }
    ::posix_fadvise(fd.get(), 0, 0, POSIX_FADV_SEQUENTIAL);
    std::uint64_t total = 0;
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer.data(), buffer.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail(name, "", "cannot read the file (" + errno_text(errno) + ")");
        }
        if (n == 0) return total;
        total += static_cast<std::uint64_t>(n);
        if (auto ok = sink(std::string_view(buffer.data(), static_cast<std::size_t>(n))); !ok) {
            return tl::unexpected(ok.error());
        }
    }
}

}  // namespace eqkit::detail
