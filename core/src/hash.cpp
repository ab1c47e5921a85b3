// The backend-independent half of eqkit/hash.hpp: hex, and hashing files in chunks.
#include "eqkit/hash.hpp"

#include "streaming.hpp"

namespace eqkit {

std::string to_hex(std::span<const std::uint8_t> bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const std::uint8_t b : bytes) {
        out += digits[b >> 4];
        out += digits[b & 0x0f];
    }
    return out;
}

namespace {
int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
}  // namespace

bool from_hex(std::string_view hex, std::span<std::uint8_t> out) {
    if (hex.size() != out.size() * 2) return false;
    for (std::size_t i = 0; i < out.size(); ++i) {
        const int high = hex_value(hex[2 * i]);
        const int low = hex_value(hex[2 * i + 1]);
        if (high < 0 || low < 0) return false;
        out[i] = static_cast<std::uint8_t>(high * 16 + low);
    }
    return true;
}

bool is_sha256_hex(std::string_view text) {
    if (text.size() != 64) return false;
    for (const char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

Result<std::string> sha256_hex(std::string_view bytes) {
    Sha256 hasher;
    hasher.update(bytes);
    Result<Sha256Digest> digest = hasher.finish();
    if (!digest) return tl::unexpected(digest.error());
    return to_hex(*digest);
}

Result<FileDigest> sha256_file(const std::filesystem::path& file) {
    Sha256 hasher;
    Result<std::uint64_t> size =
        detail::read_chunks(file, file.generic_string(), [&](std::string_view chunk) {
            hasher.update(chunk);
            return Result<void>{};
        });
    if (!size) return tl::unexpected(size.error());
    Result<Sha256Digest> digest = hasher.finish();
    if (!digest) return fail(file.generic_string(), "", digest.error().reason);
    return FileDigest{to_hex(*digest), *size};
}

}  // namespace eqkit
