#include "zip_reader.hpp"

#include <fcntl.h>
#include <minizip/unzip.h>
#include <unistd.h>
#include <zlib.h>

namespace eqkit::detail {
namespace {

constexpr std::size_t max_name_bytes = 0xffff;  // the ZIP format's own limit

unzFile handle(const std::unique_ptr<void, ZipReader::Closer>& zip) {
    return static_cast<unzFile>(zip.get());
}

std::string damaged(int status) {
    switch (status) {
        case UNZ_CRCERROR:
            return "the contents do not match the CRC-32 check in the ZIP header (the file is "
                   "damaged, or its declared size is wrong)";
        case UNZ_ERRNO:
            return "the file could not be read: the pack is truncated or damaged";
        default:
            return "the file is damaged and cannot be unpacked (error " + std::to_string(status) +
                   ")";
    }
}

}  // namespace

void ZipReader::Closer::operator()(void* zip) const {
    unzClose(static_cast<unzFile>(zip));
}

Result<ZipReader> ZipReader::open(const std::filesystem::path& file, std::string label) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
        return fail(
            label, "",
            std::filesystem::exists(file, ec) ? "this is not a file" : "the file does not exist");
    }
    unzFile zip = unzOpen64(file.c_str());
    if (zip == nullptr) {
        return fail(label, "",
                    "this is not a complete ZIP file (it may be truncated, damaged or another "
                    "kind of file)");
    }
    std::unique_ptr<void, Closer> owned(zip);
    FileDescriptor fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd.valid()) return fail(label, "", "cannot open the file (" + errno_text(errno) + ")");
    ::posix_fadvise(fd.get(), 0, 0, POSIX_FADV_SEQUENTIAL);
    return ZipReader(std::move(owned), std::move(fd), std::move(label));
}

Result<std::vector<ZipEntry>> ZipReader::entries(std::uint64_t max_entries) {
    unz_global_info64 global{};
    if (unzGetGlobalInfo64(handle(zip_), &global) != UNZ_OK) {
        return fail(label_, "", "the ZIP directory cannot be read");
    }
    if (global.number_entry > max_entries) {
        return fail(label_, "",
                    "the pack holds " + std::to_string(global.number_entry) +
                        " entries; the limit is " + std::to_string(max_entries));
    }
    std::vector<ZipEntry> out;
    std::string name(max_name_bytes + 1, '\0');
    for (int status = unzGoToFirstFile(handle(zip_)); status != UNZ_END_OF_LIST_OF_FILE;
         status = unzGoToNextFile(handle(zip_))) {
        if (status != UNZ_OK) {
            return fail(label_, "", "the ZIP directory is damaged or truncated");
        }
        if (out.size() >= max_entries) {
            return fail(label_, "",
                        "the pack holds more than " + std::to_string(max_entries) + " entries");
        }
        unz_file_info64 info{};
        if (unzGetCurrentFileInfo64(handle(zip_), &info, name.data(),
                                    static_cast<uLong>(name.size()), nullptr, 0, nullptr,
                                    0) != UNZ_OK) {
            return fail(label_, "", "the ZIP directory is damaged or truncated");
        }
        unz64_file_pos position{};
        unzGetFilePos64(handle(zip_), &position);
        ZipEntry entry;
        entry.name.assign(name.data(), std::min<std::size_t>(info.size_filename, max_name_bytes));
        entry.compressed_size = info.compressed_size;
        entry.size = info.uncompressed_size;
        entry.crc = info.crc;
        entry.method = info.compression_method;
        entry.flags = info.flag;
        entry.made_by = info.version;
        entry.external_attributes = info.external_fa;
        entry.directory_offset = position.pos_in_zip_directory;
        entry.index = position.num_of_file;
        out.push_back(std::move(entry));
    }
    return out;
}

Result<void> ZipReader::open_entry(const ZipEntry& entry, bool check_stored_crc) {
    if (open_ && !stored_) unzCloseCurrentFile(handle(zip_));
    open_ = false;
    entry_ = entry;
    const unz64_file_pos position{entry.directory_offset, entry.index};
    if (unzGoToFilePos64(handle(zip_), &position) != UNZ_OK) {
        return fail(label_, entry.name, "the ZIP directory is damaged");
    }
    if (const int status = unzOpenCurrentFile(handle(zip_)); status != UNZ_OK) {
        return fail(label_, entry.name,
                    "the file's local ZIP header is missing or disagrees with the directory");
    }
    stored_ = entry.method == 0 && !entry.encrypted();
    check_crc_ = check_stored_crc;
    done_ = 0;
    crc_ = crc32_z(0, nullptr, 0);
    if (stored_) {
        offset_ = unzGetCurrentFileZStreamPos64(handle(zip_));
        unzCloseCurrentFile(handle(zip_));  // nothing read through minizip: no check to report
    }
    open_ = true;
    return {};
}

Result<std::string_view> ZipReader::next() {
    if (!open_) return std::string_view();
    Result<std::string_view> chunk = stored_ ? next_stored() : next_deflated();
    if (!chunk || chunk->empty()) {
        if (open_ && !stored_) unzCloseCurrentFile(handle(zip_));
        open_ = false;
    }
    return chunk;
}

Result<std::string_view> ZipReader::next_stored() {
    if (done_ == entry_.size) {
        if (check_crc_ && crc_ != entry_.crc)
            return fail(label_, entry_.name, damaged(UNZ_CRCERROR));
        return std::string_view();
    }
    char* const buffer = buffer_.get();
    const std::size_t want =
        static_cast<std::size_t>(std::min<std::uint64_t>(chunk_size, entry_.size - done_));
    ssize_t n = -1;
    do {
        n = ::pread(fd_.get(), buffer, want, static_cast<off_t>(offset_ + done_));
    } while (n < 0 && errno == EINTR);
    if (n < 0) return fail(label_, entry_.name, damaged(UNZ_ERRNO));
    if (n == 0) {
        return fail(label_, entry_.name,
                    "the ZIP header says " + std::to_string(entry_.size) +
                        " bytes but the pack ends after " + std::to_string(done_));
    }
    const std::string_view chunk(buffer, static_cast<std::size_t>(n));
    if (check_crc_) {
        crc_ =
            crc32_z(static_cast<uLong>(crc_), reinterpret_cast<const Bytef*>(buffer), chunk.size());
    }
    done_ += chunk.size();
    return chunk;
}

Result<std::string_view> ZipReader::next_deflated() {
    char* const buffer = buffer_.get();
    const int n = unzReadCurrentFile(handle(zip_), buffer, static_cast<unsigned>(chunk_size));
    if (n < 0) return fail(label_, entry_.name, damaged(n));
    if (n > 0) {
        done_ += static_cast<std::uint64_t>(n);
        return std::string_view(buffer, static_cast<std::size_t>(n));
    }
    if (done_ != entry_.size) {
        return fail(label_, entry_.name,
                    "the ZIP header says " + std::to_string(entry_.size) +
                        " bytes but the file unpacks to " + std::to_string(done_));
    }
    open_ = false;  // closed here, to see the CRC-32 check's result
    if (const int status = unzCloseCurrentFile(handle(zip_)); status != UNZ_OK) {
        return fail(label_, entry_.name, damaged(status));
    }
    return std::string_view();
}

Result<void> ZipReader::read(const ZipEntry& entry, const ChunkSink& sink) {
    if (Result<void> ok = open_entry(entry, true); !ok) return ok;
    for (;;) {
        Result<std::string_view> chunk = next();
        if (!chunk) return tl::unexpected(chunk.error());
        if (chunk->empty()) return {};
        if (Result<void> ok = sink(*chunk); !ok) {
            if (open_ && !stored_) unzCloseCurrentFile(handle(zip_));
            open_ = false;
            return ok;
        }
    }
}

Result<std::string> ZipReader::read_small(const ZipEntry& entry, std::uint64_t limit) {
    if (entry.size > limit) {
        return fail(label_, entry.name,
                    "the file is too large (" + std::to_string(entry.size) +
                        " bytes; the limit is " + std::to_string(limit) + ")");
    }
    std::string out;
    out.reserve(static_cast<std::size_t>(entry.size));
    Result<void> ok = read(entry, [&](std::string_view chunk) {
        out.append(chunk);
        return Result<void>{};
    });
    if (!ok) return tl::unexpected(ok.error());
    return out;
}

}  // namespace eqkit::detail
