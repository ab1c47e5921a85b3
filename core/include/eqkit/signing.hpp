#pragma once
// Ed25519 signatures through libsodium: key pairs, signing exact bytes, verifying, and the key
// fingerprint people compare by eye.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "eqkit/error.hpp"

namespace eqkit {

struct PublicKey {
    std::array<std::uint8_t, 32> bytes{};
    friend bool operator==(const PublicKey&, const PublicKey&) = default;
};

// libsodium's 64-byte form: the 32-byte seed followed by the public key.
struct SecretKey {
    std::array<std::uint8_t, 64> bytes{};
};

struct KeyPair {
    PublicKey public_key;
    SecretKey secret_key;
};

using Signature = std::array<std::uint8_t, 64>;

inline constexpr std::string_view secret_key_format = "eqkit-secret-key/1";
inline constexpr std::string_view public_key_format = "eqkit-public-key/1";

[[nodiscard]] Result<KeyPair> generate_key_pair();
[[nodiscard]] Result<Signature> sign(const SecretKey& key, std::string_view message);
[[nodiscard]] bool verify_signature(const PublicKey& key, std::string_view message,
                                    const Signature& signature);

// The first 16 bytes of the SHA-256 of the 32 public-key bytes, as 8 groups of 4 lower-case
// hex digits joined by '-': "3f2a-91c0-77b1-0d4e-aa12-5e6f-0b3c-9d81". Short enough to read
// out on the phone, long enough that nobody can make a key with the same fingerprint.
[[nodiscard]] std::string key_fingerprint(const PublicKey& key);

// Key files are small JSON documents (docs/evidence-pack-format.md, "Keys").
[[nodiscard]] std::string secret_key_file_text(const KeyPair& pair);
[[nodiscard]] std::string public_key_file_text(const PublicKey& key);
// label names the file in messages. A secret key file must hold a matching public key.
[[nodiscard]] Result<KeyPair> parse_secret_key_file(std::string_view text, std::string_view label);
[[nodiscard]] Result<PublicKey> parse_public_key_file(std::string_view text,
                                                      std::string_view label);

}  // namespace eqkit
