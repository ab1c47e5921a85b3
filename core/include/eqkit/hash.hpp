#pragma once
// SHA-256, streaming. One interface; the build picks the backend (OpenSSL's EVP natively,
// libsodium in the web build: core/src/hash_openssl.cpp, core/src/hash_sodium.cpp).
#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "eqkit/error.hpp"

namespace eqkit {

using Sha256Digest = std::array<std::uint8_t, 32>;

class Sha256 {
  public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    Sha256(Sha256&&) noexcept;
    Sha256& operator=(Sha256&&) noexcept;

    void update(std::string_view bytes);
    // The digest of every byte given so far. Afterwards the hasher starts again, empty.
    // Fails only when the crypto library itself fails.
    [[nodiscard]] Result<Sha256Digest> finish();

  private:
    struct State;  // the backend's context
    std::unique_ptr<State> state_;
};

// Lower-case hex, two digits per byte.
[[nodiscard]] std::string to_hex(std::span<const std::uint8_t> bytes);
// Parses exactly out.size() bytes of hex (either case); false on anything else.
[[nodiscard]] bool from_hex(std::string_view hex, std::span<std::uint8_t> out);
// 64 lower-case hex digits: the form EqualityKit writes SHA-256 digests in.
[[nodiscard]] bool is_sha256_hex(std::string_view text);

[[nodiscard]] Result<std::string> sha256_hex(std::string_view bytes);

struct FileDigest {
    std::string sha256;  // lower-case hex
    std::uint64_t size = 0;
};

// Hashes a file in chunks, so memory use does not grow with the file.
[[nodiscard]] Result<FileDigest> sha256_file(const std::filesystem::path& file);

}  // namespace eqkit
