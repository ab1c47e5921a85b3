// The hashing interface, whichever backend this program was built with (pack_tests: OpenSSL;
// hash_sodium_tests: libsodium): the same known answers must come out of both.
#include <doctest/doctest.h>

#include "eqkit/hash.hpp"
#include "test_support.hpp"

using namespace eqkit;

namespace {
std::string digest_of(std::string_view bytes, std::size_t piece) {
    Sha256 hasher;
    for (std::size_t at = 0; at < bytes.size(); at += piece)
        hasher.update(bytes.substr(at, piece));
    Result<Sha256Digest> d = hasher.finish();
    REQUIRE(d.has_value());
    return to_hex(*d);
}
}  // namespace

TEST_CASE("sha256: known answers (FIPS 180-2), in one piece and streamed in odd pieces") {
    CHECK(*sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(*sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const std::string two_blocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    CHECK(digest_of(two_blocks, 7) ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    const std::string million(1000000, 'a');
    for (std::size_t piece : {std::size_t{1000000}, std::size_t{4096}, std::size_t{999}}) {
        CHECK(digest_of(million, piece) ==
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }
}

TEST_CASE("sha256: finish starts the hasher again, empty") {
    Sha256 hasher;
    hasher.update("abc");
    REQUIRE(hasher.finish().has_value());
    hasher.update("abc");
    CHECK(to_hex(*hasher.finish()) ==
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("sha256: a file is hashed in chunks, with its size") {
    test::TempDir dir;
    std::string bytes;
    for (int i = 0; i < 3'000'000; ++i)
        bytes += static_cast<char>(i * 7);
    test::spit(dir / "f.bin", bytes);
    Result<FileDigest> d = sha256_file(dir / "f.bin");
    REQUIRE(d.has_value());
    CHECK(d->size == bytes.size());
    CHECK(d->sha256 == *sha256_hex(bytes));
    Result<FileDigest> missing = sha256_file(dir / "nope");
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().message().find("nope: cannot open the file") != std::string::npos);
}

TEST_CASE("hex: round trip, and only exact lengths of hex digits are accepted") {
    std::array<std::uint8_t, 3> out{};
    CHECK(from_hex("00fFa1", out));
    CHECK(to_hex(out) == "00ffa1");
    CHECK_FALSE(from_hex("00ffa", out));
    CHECK_FALSE(from_hex("00ffg1", out));
    CHECK(is_sha256_hex(std::string(64, 'a')));
    CHECK_FALSE(is_sha256_hex(std::string(64, 'A')));
    CHECK_FALSE(is_sha256_hex(std::string(63, 'a')));
}
