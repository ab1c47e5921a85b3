#include "evidence_store.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <ctime>
#include <system_error>

#include "eqkit/files.hpp"
#include "streaming.hpp"

namespace eqkit::detail {

Result<BlobWriter> BlobWriter::start(const std::filesystem::path& folder, std::string label,
                                     bool hashing) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) {
        return fail(folder.generic_string(), "", "cannot create the folder (" + ec.message() + ")");
    }
    // Names starting with '.' are never taken for stored evidence (those are 64 hex digits).
    std::string pattern = (folder / ".incoming-XXXXXX").string();
    FileDescriptor fd(::mkstemp(pattern.data()));
    if (!fd.valid()) {
        return fail(folder.generic_string(), "",
                    "cannot write in this folder (" + errno_text(errno) + ")");
    }
    ::fchmod(fd.get(), 0644);
    return BlobWriter(folder, pattern, std::move(fd), std::move(label), hashing);
}

BlobWriter::BlobWriter(BlobWriter&& other) noexcept
    : folder_(std::move(other.folder_)),
      temp_(std::exchange(other.temp_, {})),
      fd_(std::move(other.fd_)),
      label_(std::move(other.label_)),
      hasher_(std::move(other.hasher_)),
      digest_(std::move(other.digest_)),
      crc32_(other.crc32_),
      hashing_(other.hashing_),
      finished_(other.finished_),
      committed_(other.committed_) {}

BlobWriter::~BlobWriter() {
    if (!committed_ && !temp_.empty()) {
        fd_.reset();
        ::unlink(temp_.c_str());
    }
}

Result<void> BlobWriter::write(std::string_view chunk) {
    if (hashing_) hasher_.update(chunk);
    crc32_ = static_cast<std::uint32_t>(
        crc32_z(crc32_, reinterpret_cast<const Bytef*>(chunk.data()), chunk.size()));
    digest_.size += chunk.size();
    if (!write_all(fd_.get(), chunk)) {
        return fail(temp_.parent_path().generic_string(), "",
                    "cannot store " + label_ + " (" + errno_text(errno) + ")");
    }
    return {};
}

Result<void> BlobWriter::flush() {
    const std::string where = folder_.generic_string();
    if (::fsync(fd_.get()) != 0) {
        return fail(where, "", "cannot flush " + label_ + " to disk (" + errno_text(errno) + ")");
    }
    if (::close(fd_.release()) != 0) {
        return fail(where, "", "cannot finish storing " + label_ + " (" + errno_text(errno) + ")");
    }
    return {};
}

Result<FileDigest> BlobWriter::finish() {
    if (Result<void> ok = flush(); !ok) return tl::unexpected(ok.error());
    Result<Sha256Digest> digest = hasher_.finish();
    if (!digest) return fail(folder_.generic_string(), "", digest.error().reason);
    digest_.sha256 = to_hex(*digest);
    finished_ = true;
    return digest_;
}

Result<void> BlobWriter::finish_checked(const FileDigest& digest) {
    if (digest.size != digest_.size) {
        return fail(folder_.generic_string(), "", "internal error: " + label_ + " changed size");
    }
    if (Result<void> ok = flush(); !ok) return ok;
    digest_.sha256 = digest.sha256;
    finished_ = true;
    return {};
}

Result<void> BlobWriter::commit() {
    if (!finished_)
        return fail(folder_.generic_string(), "", "internal error: commit before finish");
    const std::filesystem::path target = folder_ / digest_.sha256;
    struct stat existing {};
    if (::lstat(target.c_str(), &existing) == 0 && S_ISREG(existing.st_mode) &&
        static_cast<std::uint64_t>(existing.st_size) == digest_.size) {
        ::unlink(temp_.c_str());  // already stored
    } else if (::rename(temp_.c_str(), target.c_str()) != 0) {
        return fail(target.generic_string(), "",
                    "cannot store " + label_ + " (" + errno_text(errno) + ")");
    } else {
        sync_folder(folder_);
    }
    committed_ = true;
    return {};
}

void remove_abandoned_files(const std::filesystem::path& folder) {
    std::error_code ec;
    const std::time_t hour_ago = std::time(nullptr) - 3600;
    // increment(ec) rather than ++: the core never throws.
    for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end;
         it.increment(ec)) {
        const std::filesystem::path& path = it->path();
        struct stat info {};
        if (path.filename().string().starts_with(".incoming-") &&
            ::lstat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode) &&
            info.st_mtime < hour_ago) {
            ::unlink(path.c_str());
        }
    }
}

Result<StoredFile> store_file(const std::filesystem::path& folder,
                              const std::filesystem::path& source, std::string_view label) {
    Result<BlobWriter> writer = BlobWriter::start(folder, std::string(label));
    if (!writer) return tl::unexpected(writer.error());
    remove_abandoned_files(folder);
    Result<std::uint64_t> copied =
        read_chunks(source, label, [&](std::string_view chunk) { return writer->write(chunk); });
    if (!copied) return tl::unexpected(copied.error());
    Result<FileDigest> digest = writer->finish();
    if (!digest) return tl::unexpected(digest.error());
    if (Result<void> ok = writer->commit(); !ok) return tl::unexpected(ok.error());
    return StoredFile{std::move(*digest), writer->crc32()};
}

}  // namespace eqkit::detail
