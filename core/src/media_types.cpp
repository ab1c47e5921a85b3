#include "media_types.hpp"

#include <array>
#include <utility>

namespace eqkit::detail {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 31> by_extension{{
    {"csv", "text/csv"},
    {"doc", "application/msword"},
    {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    {"eml", "message/rfc822"},
    {"gif", "image/gif"},
    {"htm", "text/html"},
    {"html", "text/html"},
    {"jpeg", "image/jpeg"},
    {"jpg", "image/jpeg"},
    {"json", "application/json"},
    {"md", "text/markdown"},
    {"mp3", "audio/mpeg"},
    {"mp4", "video/mp4"},
    {"odp", "application/vnd.oasis.opendocument.presentation"},
    {"ods", "application/vnd.oasis.opendocument.spreadsheet"},
    {"odt", "application/vnd.oasis.opendocument.text"},
    {"pdf", "application/pdf"},
    {"png", "image/png"},
    {"ppt", "application/vnd.ms-powerpoint"},
    {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
    {"rtf", "application/rtf"},
    {"svg", "image/svg+xml"},
    {"tif", "image/tiff"},
    {"tiff", "image/tiff"},
    {"tsv", "text/tab-separated-values"},
    {"txt", "text/plain"},
    {"webp", "image/webp"},
    {"xls", "application/vnd.ms-excel"},
    {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    {"xml", "application/xml"},
    {"zip", "application/zip"},
}};

char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

std::string media_type_for(std::string_view file_name) {
    const std::size_t dot = file_name.rfind('.');
    if (dot == std::string_view::npos || dot + 1 == file_name.size()) {
        return "application/octet-stream";
    }
    std::string extension;
    for (const char c : file_name.substr(dot + 1))
        extension += lower(c);
    for (const auto& [ext, type] : by_extension) {
        if (ext == extension) return std::string(type);
    }
    return "application/octet-stream";
}

bool is_text_media_type(std::string_view media_type) {
    return media_type.starts_with("text/") || media_type == "application/json" ||
           media_type == "application/xml" || media_type == "message/rfc822" ||
           media_type == "application/rtf" || media_type == "image/svg+xml";
}

}  // namespace eqkit::detail
