#pragma once
// Test-only ZIP surgery through minizip: read every entry of a pack, and write a pack back
// with some entries changed, added or removed, as someone tampering with a pack would.
#include <doctest/doctest.h>
#include <minizip/unzip.h>
#include <minizip/zip.h>

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace eqkit::test {

using ZipContents = std::vector<std::pair<std::string, std::string>>;  // name, bytes, in order

inline ZipContents read_zip(const std::filesystem::path& file) {
    ZipContents out;
    unzFile zip = unzOpen64(file.c_str());
    REQUIRE(zip != nullptr);
    for (int s = unzGoToFirstFile(zip); s == UNZ_OK; s = unzGoToNextFile(zip)) {
        unz_file_info64 info{};
        char name[4096];
        REQUIRE(unzGetCurrentFileInfo64(zip, &info, name, sizeof name, nullptr, 0, nullptr, 0) ==
                UNZ_OK);
        REQUIRE(unzOpenCurrentFile(zip) == UNZ_OK);
        std::string bytes(static_cast<std::size_t>(info.uncompressed_size), '\0');
        if (!bytes.empty()) {
            REQUIRE(unzReadCurrentFile(zip, bytes.data(), static_cast<unsigned>(bytes.size())) ==
                    static_cast<int>(bytes.size()));
        }
        REQUIRE(unzCloseCurrentFile(zip) == UNZ_OK);
        out.emplace_back(name, std::move(bytes));
    }
    unzClose(zip);
    return out;
}

inline void write_zip(const std::filesystem::path& file, const ZipContents& contents) {
    zipFile zip = zipOpen64(file.c_str(), APPEND_STATUS_CREATE);
    REQUIRE(zip != nullptr);
    for (const auto& [name, bytes] : contents) {
        zip_fileinfo info{};
        REQUIRE(zipOpenNewFileInZip64(zip, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr,
                                      Z_DEFLATED, 6, 0) == ZIP_OK);
        REQUIRE(zipWriteInFileInZip(zip, bytes.data(), static_cast<unsigned>(bytes.size())) ==
                ZIP_OK);
        REQUIRE(zipCloseFileInZip(zip) == ZIP_OK);
    }
    REQUIRE(zipClose(zip, nullptr) == ZIP_OK);
}

// Rewrites a pack with `change` applied to the named entry (nullopt removes it).
inline void rezip(const std::filesystem::path& in, const std::filesystem::path& out,
                  const std::string& name,
                  const std::function<std::optional<std::string>(std::string)>& change) {
    ZipContents contents = read_zip(in);
    ZipContents next;
    bool found = false;
    for (auto& [entry, bytes] : contents) {
        if (entry != name) {
            next.emplace_back(entry, bytes);
            continue;
        }
        found = true;
        if (std::optional<std::string> changed = change(bytes)) next.emplace_back(entry, *changed);
    }
    if (!found) {
        if (std::optional<std::string> added = change("")) next.emplace_back(name, *added);
    }
    write_zip(out, next);
}

inline std::string bytes_of(const ZipContents& contents, const std::string& name) {
    for (const auto& [entry, bytes] : contents) {
        if (entry == name) return bytes;
    }
    FAIL("no entry " << name);
    return "";
}

}  // namespace eqkit::test
