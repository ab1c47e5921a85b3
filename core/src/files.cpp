#include "eqkit/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>
#include <system_error>

namespace eqkit {
namespace {

std::string errno_text(int err) {
    return std::string(std::strerror(err));
}

// Closes a POSIX file descriptor when it goes out of scope.
class FileDescriptor {
  public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    [[nodiscard]] int get() const { return fd_; }
    int release() { return std::exchange(fd_, -1); }

  private:
    int fd_;
};

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

std::string temporary_name(const std::filesystem::path& to) {
    std::random_device entropy;
    return "." + to.filename().string() + ".tmp-" + std::to_string(entropy());
}

// Saving through a symlink replaces the file it points to, not the link.
std::filesystem::path resolve_link(const std::filesystem::path& to) {
    std::error_code ec;
    if (!std::filesystem::is_symlink(to, ec)) return to;
    const std::filesystem::path target = std::filesystem::read_symlink(to, ec);
    if (ec) return to;
    return target.is_absolute() ? target : to.parent_path() / target;
}

// A replaced file keeps its permissions (an assessment saved 0600 stays private).
void copy_mode(const std::filesystem::path& from, int fd) {
    struct stat info {};
    if (::stat(from.c_str(), &info) == 0) ::fchmod(fd, info.st_mode & 07777);
}

}  // namespace

Result<std::string> read_text_file(const std::filesystem::path& file) {
    const std::string name = file.generic_string();
    std::error_code ec;
    const auto status = std::filesystem::status(file, ec);
    if (ec || !std::filesystem::exists(status)) return fail(name, "", "the file does not exist");
    if (std::filesystem::is_directory(status))
        return fail(name, "", "this is a folder, not a file");
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) return fail(name, "", "cannot read the file (" + ec.message() + ")");
    if (size > max_document_bytes) {
        return fail(name, "",
                    "the file is too large (" + std::to_string(size) + " bytes; the limit is " +
                        std::to_string(max_document_bytes) + ")");
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) return fail(name, "", "cannot open the file (" + errno_text(errno) + ")");
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    if (in.gcount() != static_cast<std::streamsize>(size)) {
        return fail(name, "", "the file changed or could not be read completely");
    }
    return bytes;
}

Result<void> save_atomically(const std::filesystem::path& target, std::string_view bytes) {
    const std::string name = target.generic_string();
    const std::filesystem::path to = resolve_link(target);
    const std::filesystem::path folder =
        to.has_parent_path() ? to.parent_path() : std::filesystem::path(".");
    const std::filesystem::path temp = folder / temporary_name(to);
    FileDescriptor fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
    if (fd.get() < 0) {
        return fail(name, "",
                    "cannot write in " + folder.generic_string() + " (" + errno_text(errno) + ")");
    }
    copy_mode(to, fd.get());
    const auto abandon = [&](const std::string& reason) {
        ::close(fd.release());
        ::unlink(temp.c_str());
        return fail(name, "", reason);
    };
    if (!write_all(fd.get(), bytes)) return abandon("cannot write (" + errno_text(errno) + ")");
    if (::fsync(fd.get()) != 0) return abandon("cannot flush to disk (" + errno_text(errno) + ")");
    if (::close(fd.release()) != 0) {
        ::unlink(temp.c_str());
        return fail(name, "", "cannot finish writing (" + errno_text(errno) + ")");
    }
    if (::rename(temp.c_str(), to.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        return fail(name, "", "cannot replace the file (" + errno_text(err) + ")");
    }
    // Make the rename itself durable.
    FileDescriptor dir(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.get() >= 0) ::fsync(dir.get());
    return {};
}

}  // namespace eqkit
