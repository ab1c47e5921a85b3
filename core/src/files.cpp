#include "eqkit/files.hpp"

#include <algorithm>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <random>
#include <system_error>

#include "file_descriptor.hpp"

namespace eqkit {
namespace {

using detail::FileDescriptor;
using detail::write_all;

std::string errno_text(int err) {
    return std::string(std::strerror(err));
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

// Writes bytes to a new temporary file beside `to` and flushes it to disk; on any failure the
// temporary is removed. mode: the temporary's exact permissions, or nullopt to copy `to`'s.
Result<std::filesystem::path> write_flushed_temporary(const std::filesystem::path& to,
                                                      const std::string& name,
                                                      std::string_view bytes,
                                                      std::optional<mode_t> mode) {
    const std::filesystem::path folder =
        to.has_parent_path() ? to.parent_path() : std::filesystem::path(".");
    const std::filesystem::path temp = folder / temporary_name(to);
    FileDescriptor fd(
        ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode.value_or(0644)));
    if (fd.get() < 0) {
        return fail(name, "",
                    "cannot write in " + folder.generic_string() + " (" + errno_text(errno) + ")");
    }
    // The mode passed to open() is reduced by the umask; a requested mode is deliberate.
    if (mode) {
        ::fchmod(fd.get(), *mode);
    } else {
        copy_mode(to, fd.get());
    }
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
    return temp;
}

Result<void> save_atomically(const std::filesystem::path& target, std::string_view bytes) {
    const std::string name = target.generic_string();
    const std::filesystem::path to = resolve_link(target);
    Result<std::filesystem::path> temp = write_flushed_temporary(to, name, bytes, std::nullopt);
    if (!temp) return tl::unexpected(temp.error());
    if (::rename(temp->c_str(), to.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp->c_str());
        return fail(name, "", "cannot replace the file (" + errno_text(err) + ")");
    }
    // Make the rename itself durable.
    sync_folder(to.has_parent_path() ? to.parent_path() : std::filesystem::path("."));
    return {};
}

Result<void> create_file_atomically(const std::filesystem::path& target, std::string_view bytes,
                                    unsigned mode) {
    const std::string name = target.generic_string();
    const std::filesystem::path folder =
        target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
    Result<std::filesystem::path> written =
        write_flushed_temporary(target, name, bytes, static_cast<mode_t>(mode));
    if (!written) return tl::unexpected(written.error());
    const std::filesystem::path& temp = *written;
    // link() fails rather than replace an existing file, unlike rename(). Where there are no
    // hard links, fall back to checking first, then renaming (Emscripten's file systems
    // answer EMLINK).
    int linked = ::link(temp.c_str(), target.c_str());
    int err = errno;
    if (linked != 0 && (err == EPERM || err == ENOSYS || err == EOPNOTSUPP || err == EMLINK)) {
        struct stat info {};
        if (::lstat(target.c_str(), &info) == 0) {
            err = EEXIST;
        } else {
            linked = ::rename(temp.c_str(), target.c_str());
            err = errno;
        }
    }
    ::unlink(temp.c_str());
    if (linked != 0) {
        if (err == EEXIST) return fail(name, "", "the file already exists");
        return fail(name, "", "cannot create the file (" + errno_text(err) + ")");
    }
    sync_folder(folder);
    return {};
}

void sync_folder(const std::filesystem::path& folder) {
    FileDescriptor dir(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.get() >= 0) ::fsync(dir.get());
}

std::vector<std::filesystem::path> files_in_subfolders(const std::filesystem::path& dir,
                                                       std::string_view name, std::error_code& ec) {
    std::vector<std::filesystem::path> files;
    std::error_code each;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        const auto file = entry.path() / name;
        if (entry.is_directory(each) && std::filesystem::exists(file, each)) files.push_back(file);
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::filesystem::path unused_name(const std::filesystem::path& file, std::string_view suffix) {
    const std::string base = file.stem().string() + std::string(suffix);
    std::filesystem::path name = file.parent_path() / (base + ".json");
    std::error_code ec;
    for (int n = 2; std::filesystem::exists(name, ec); ++n)
        name = file.parent_path() / (base + "-" + std::to_string(n) + ".json");
    return name;
}

}  // namespace eqkit
