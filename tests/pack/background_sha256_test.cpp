// Hashing beside reading gives the same digests as hashing in line, whichever implementation
// this program was built with (pack_tests: worker thread; hash_sodium_tests: in line).
#include <doctest/doctest.h>

#include <random>

#include "background_sha256.hpp"

using namespace eqkit;

TEST_CASE("background sha256: the same digest as Sha256, for any chunking, and reusable") {
    std::mt19937_64 random(7);
    detail::BackgroundSha256 background;
    for (int round = 0; round < 20; ++round) {
        std::string bytes(random() % 5'000'000, '\0');
        for (char& c : bytes)
            c = static_cast<char>(random());
        std::string_view rest = bytes;
        while (!rest.empty()) {
            const std::size_t piece = std::min<std::size_t>(rest.size(), 1 + random() % 1'500'000);
            std::string chunk(rest.substr(0, piece));  // the caller's buffer …
            background.update(chunk);
            chunk.assign(chunk.size(), 'x');  // … may be reused at once
            rest.remove_prefix(piece);
        }
        const Result<Sha256Digest> digest = background.finish();
        REQUIRE(digest.has_value());
        CHECK(to_hex(*digest) == *sha256_hex(bytes));
    }
}

TEST_CASE("background sha256: nothing given, or dropped before finishing") {
    detail::BackgroundSha256 empty;
    CHECK(to_hex(*empty.finish()) ==
          "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    detail::BackgroundSha256 dropped;
    dropped.update("abc");
}  // the destructor waits for the worker
