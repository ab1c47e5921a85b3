// Built only into hash_sodium_tests: the libsodium backend against OpenSSL's EVP, called
// directly, on random data cut into random pieces.
#include <doctest/doctest.h>
#include <openssl/evp.h>

#include <random>

#include "eqkit/hash.hpp"

using namespace eqkit;

namespace {
std::string openssl_sha256(const std::string& bytes) {
    std::array<unsigned char, 32> md{};
    unsigned int length = 0;
    REQUIRE(EVP_Digest(bytes.data(), bytes.size(), md.data(), &length, EVP_sha256(), nullptr) == 1);
    return to_hex(md);
}
}  // namespace

TEST_CASE("sha256 backends: libsodium agrees with OpenSSL on 200 random inputs") {
    std::mt19937_64 random(20240501);
    for (int round = 0; round < 200; ++round) {
        std::string bytes(random() % 300000, '\0');
        for (char& c : bytes)
            c = static_cast<char>(random());
        Sha256 hasher;
        for (std::size_t at = 0; at < bytes.size();) {
            const std::size_t piece = 1 + random() % 70000;
            hasher.update(std::string_view(bytes).substr(at, piece));
            at += piece;
        }
        const Result<Sha256Digest> digest = hasher.finish();
        REQUIRE(digest.has_value());
        CHECK(to_hex(*digest) == openssl_sha256(bytes));
    }
}
