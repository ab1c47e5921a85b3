// Ed25519 through libsodium: keys, signatures, fingerprints, key files.
#include <doctest/doctest.h>

#include "eqkit/hash.hpp"
#include "eqkit/signing.hpp"

using namespace eqkit;

TEST_CASE("signing: a signature verifies only for the same bytes and the same key") {
    const KeyPair key = *generate_key_pair();
    const KeyPair other = *generate_key_pair();
    const Signature sig = *sign(key.secret_key, "manifest bytes");
    CHECK(verify_signature(key.public_key, "manifest bytes", sig));
    CHECK_FALSE(verify_signature(key.public_key, "manifest bytez", sig));
    CHECK_FALSE(verify_signature(other.public_key, "manifest bytes", sig));
}

TEST_CASE("signing: the fingerprint is the first 16 bytes of SHA-256 of the key, grouped") {
    PublicKey key;
    for (std::size_t i = 0; i < key.bytes.size(); ++i)
        key.bytes[i] = static_cast<std::uint8_t>(i);
    const std::string hex = *sha256_hex(std::string(key.bytes.begin(), key.bytes.end()));
    const std::string fp = key_fingerprint(key);
    CHECK(fp.size() == 39);
    CHECK(fp.substr(0, 4) == hex.substr(0, 4));
    CHECK(fp[4] == '-');
    std::string joined;
    for (const char c : fp) {
        if (c != '-') joined += c;
    }
    CHECK(joined == hex.substr(0, 32));
}

TEST_CASE("signing: key files round trip, and the wrong kind of file is named") {
    const KeyPair key = *generate_key_pair();
    const Result<KeyPair> secret = parse_secret_key_file(secret_key_file_text(key), "k");
    REQUIRE(secret.has_value());
    CHECK(secret->public_key == key.public_key);
    CHECK(secret->secret_key.bytes == key.secret_key.bytes);
    const Result<PublicKey> pub =
        parse_public_key_file(public_key_file_text(key.public_key), "k.pub");
    REQUIRE(pub.has_value());
    CHECK(*pub == key.public_key);
    CHECK(parse_secret_key_file(public_key_file_text(key.public_key), "k.pub").error().message() ==
          "k.pub: this is not an EqualityKit secret key file (format \"eqkit-secret-key/1\")");
    std::string mismatched = secret_key_file_text(key);
    const std::string other = to_hex(generate_key_pair()->public_key.bytes);
    mismatched.replace(mismatched.find(to_hex(key.public_key.bytes)), other.size(), other);
    CHECK(parse_secret_key_file(mismatched, "k").error().message() ==
          "k: /secret_key: the secret key does not belong to the public key in the same file");
}
