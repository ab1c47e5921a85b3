#include "zip_writer.hpp"

#include <fcntl.h>
#include <minizip/zip.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>

#include "file_descriptor.hpp"
#include "streaming.hpp"

namespace eqkit::detail {
namespace {

constexpr uLong dos_1980_01_01 = (1u << 5 | 1u) << 16;  // day 1, month 1, year 1980+0; 00:00:00
constexpr uLong made_by_unix = (3u << 8) | 20u;         // host 3 (Unix), ZIP spec 2.0
constexpr uLong utf8_names = 1u << 11;                  // general purpose flag bit 11
constexpr uLong regular_file_rw_r_r = (S_IFREG | 0644u) << 16;
constexpr int deflate_level = 6;
constexpr std::uint64_t zip64_threshold = 0xffffffffu;

zipFile handle(const std::unique_ptr<void, ZipWriter::Closer>& zip) {
    return static_cast<zipFile>(zip.get());
}

}  // namespace

void ZipWriter::Closer::operator()(void* zip) const {
    zipClose(static_cast<zipFile>(zip), nullptr);
}

// minizip's own open truncates the file, which on ext4 makes closing it write every byte out at
// once (the "replace via truncate" safeguard): export then waits on the disk. So the file is
// opened here, truncated only if it holds anything, and handed to minizip's stdio functions.
Result<ZipWriter> ZipWriter::create(const std::filesystem::path& file, std::string label) {
    FileDescriptor fd(::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644));
    struct stat info {};
    if (!fd.valid() || ::fstat(fd.get(), &info) != 0 ||
        (info.st_size > 0 && ::ftruncate(fd.get(), 0) != 0)) {
        return fail(label, "", "cannot create the file (" + errno_text(errno) + ")");
    }
    FILE* stream = ::fdopen(fd.get(), "wb");
    if (stream == nullptr) {
        return fail(label, "", "cannot create the file (" + errno_text(errno) + ")");
    }
    fd.release();  // the stream owns it now
    zlib_filefunc64_def io{};
    fill_fopen64_filefunc(&io);
    io.opaque = stream;
    io.zopen64_file = [](voidpf opaque, const void* /*name*/, int /*mode*/) -> voidpf {
        return opaque;
    };
    zipFile zip = zipOpen2_64(file.c_str(), APPEND_STATUS_CREATE, nullptr, &io);
    if (zip == nullptr) {  // minizip has closed the stream
        return fail(label, "", "cannot create the file (" + errno_text(errno) + ")");
    }
    return ZipWriter(std::unique_ptr<void, Closer>(zip), std::move(label));
}

Result<void> ZipWriter::open_entry(std::string_view name, bool deflate, std::uint64_t size) {
    zip_fileinfo info{};
    info.dosDate = dos_1980_01_01;
    info.internal_fa = 0;
    info.external_fa = regular_file_rw_r_r;
    entry_ = std::string(name);
    // A stored entry is written raw: the caller gives its CRC-32 when closing it.
    const int raw = deflate ? 0 : 1;
    const int status = zipOpenNewFileInZip4_64(
        handle(zip_), entry_.c_str(), &info, nullptr, 0, nullptr, 0, nullptr,
        deflate ? Z_DEFLATED : 0, deflate ? deflate_level : 0, raw, -MAX_WBITS, DEF_MEM_LEVEL,
        Z_DEFAULT_STRATEGY, nullptr, 0, made_by_unix, utf8_names, size >= zip64_threshold ? 1 : 0);
    if (status != ZIP_OK) return fail(label_, entry_, "cannot add this file to the pack");
    return {};
}

// zipWriteInFileInZip takes an unsigned length: large documents go in chunks (of the size
// export always used, so deflated entries keep their bytes).
Result<void> ZipWriter::write_entry(std::string_view bytes) {
    while (!bytes.empty()) {
        const std::string_view part = bytes.substr(0, chunk_size);
        if (zipWriteInFileInZip(handle(zip_), part.data(), static_cast<unsigned>(part.size())) !=
            ZIP_OK) {
            return fail(label_, entry_, "cannot write to the pack (" + errno_text(errno) + ")");
        }
        bytes.remove_prefix(part.size());
    }
    return {};
}

Result<void> ZipWriter::add_bytes(std::string_view name, std::string_view bytes) {
    if (Result<void> ok = open_entry(name, true, bytes.size()); !ok) return ok;
    if (Result<void> ok = write_entry(bytes); !ok) return ok;
    if (zipCloseFileInZip(handle(zip_)) != ZIP_OK) {
        return fail(label_, entry_,
                    "cannot finish this file in the pack (" + errno_text(errno) + ")");
    }
    return {};
}

Result<void> ZipWriter::begin_stored(std::string_view name, std::uint64_t size) {
    return open_entry(name, false, size);
}

Result<void> ZipWriter::write_stored(std::string_view chunk) {
    return write_entry(chunk);
}

Result<void> ZipWriter::end_stored(std::uint64_t size, std::uint32_t crc) {
    if (zipCloseFileInZipRaw64(handle(zip_), size, crc) != ZIP_OK) {
        return fail(label_, entry_,
                    "cannot finish this file in the pack (" + errno_text(errno) + ")");
    }
    return {};
}

Result<void> ZipWriter::close() {
    void* zip = zip_.release();
    if (zipClose(static_cast<zipFile>(zip), nullptr) != ZIP_OK) {
        return fail(label_, "", "cannot finish writing the pack (" + errno_text(errno) + ")");
    }
    return {};
}

}  // namespace eqkit::detail
