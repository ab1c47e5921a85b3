#include "zip_writer.hpp"

#include <minizip/zip.h>
#include <sys/stat.h>

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

Result<ZipWriter> ZipWriter::create(const std::filesystem::path& file, std::string label) {
    zipFile zip = zipOpen64(file.c_str(), APPEND_STATUS_CREATE);
    if (zip == nullptr) {
        return fail(label, "", "cannot create the file (" + errno_text(errno) + ")");
    }
    return ZipWriter(std::unique_ptr<void, Closer>(zip), std::move(label));
}

Result<void> ZipWriter::open_entry(std::string_view name, bool deflate, std::uint64_t size) {
    zip_fileinfo info{};
    info.dosDate = dos_1980_01_01;
    info.internal_fa = 0;
    info.external_fa = regular_file_rw_r_r;
    const std::string entry(name);
    const int status = zipOpenNewFileInZip4_64(
        handle(zip_), entry.c_str(), &info, nullptr, 0, nullptr, 0, nullptr,
        deflate ? Z_DEFLATED : 0, deflate ? deflate_level : 0, 0, -MAX_WBITS, DEF_MEM_LEVEL,
        Z_DEFAULT_STRATEGY, nullptr, 0, made_by_unix, utf8_names, size >= zip64_threshold ? 1 : 0);
    if (status != ZIP_OK) return fail(label_, entry, "cannot add this file to the pack");
    return {};
}

Result<void> ZipWriter::close_entry(std::string_view name) {
    if (zipCloseFileInZip(handle(zip_)) != ZIP_OK) {
        return fail(label_, std::string(name),
                    "cannot finish this file in the pack (" + errno_text(errno) + ")");
    }
    return {};
}

Result<void> ZipWriter::add_bytes(std::string_view name, std::string_view bytes) {
    if (Result<void> ok = open_entry(name, true, bytes.size()); !ok) return ok;
    // zipWriteInFileInZip takes an unsigned length: feed large documents in chunks.
    while (!bytes.empty()) {
        const std::string_view part = bytes.substr(0, chunk_size);
        if (zipWriteInFileInZip(handle(zip_), part.data(), static_cast<unsigned>(part.size())) !=
            ZIP_OK) {
            return fail(label_, std::string(name),
                        "cannot write to the pack (" + errno_text(errno) + ")");
        }
        bytes.remove_prefix(part.size());
    }
    return close_entry(name);
}

Result<void> ZipWriter::add_file(std::string_view name, const std::filesystem::path& source,
                                 std::uint64_t expected_size, const ChunkSink& progress) {
    if (Result<void> ok = open_entry(name, false, expected_size); !ok) return ok;
    Result<std::uint64_t> copied = read_chunks(
        source, source.generic_string(),
        [&](std::string_view chunk) -> Result<void> {
            if (zipWriteInFileInZip(handle(zip_), chunk.data(),
                                    static_cast<unsigned>(chunk.size())) != ZIP_OK) {
                return fail(label_, std::string(name),
                            "cannot write to the pack (" + errno_text(errno) + ")");
            }
            if (progress) return progress(chunk);
            return {};
        },
        std::span<char>(buffer_.get(), chunk_size));
    if (!copied) return tl::unexpected(copied.error());
    if (*copied != expected_size) {
        return fail(source.generic_string(), "",
                    "the stored evidence file has changed size (" + std::to_string(*copied) +
                        " bytes, expected " + std::to_string(expected_size) + ")");
    }
    return close_entry(name);
}

Result<void> ZipWriter::close() {
    void* zip = zip_.release();
    if (zipClose(static_cast<zipFile>(zip), nullptr) != ZIP_OK) {
        return fail(label_, "", "cannot finish writing the pack (" + errno_text(errno) + ")");
    }
    return {};
}

}  // namespace eqkit::detail
