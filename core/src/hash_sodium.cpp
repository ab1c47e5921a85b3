// SHA-256 through libsodium, for the web build (and natively in the test that compares the two
// backends). libsodium has no SHA instructions, so natively OpenSSL is about five times faster.
#include <sodium.h>

#include "eqkit/hash.hpp"

namespace eqkit {

struct Sha256::State {
    crypto_hash_sha256_state context{};
    bool ok = false;

    void restart() { ok = sodium_init() >= 0 && crypto_hash_sha256_init(&context) == 0; }
};

Sha256::Sha256() : state_(std::make_unique<State>()) {
    state_->restart();
}
Sha256::~Sha256() = default;
Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;

void Sha256::update(std::string_view bytes) {
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    if (state_->ok && crypto_hash_sha256_update(&state_->context, data, bytes.size()) != 0) {
        state_->ok = false;
    }
}

Result<Sha256Digest> Sha256::finish() {
    Sha256Digest digest{};
    const bool ok = state_->ok && crypto_hash_sha256_final(&state_->context, digest.data()) == 0;
    state_->restart();
    if (!ok) return fail("", "", "SHA-256 could not be computed (the libsodium library failed)");
    return digest;
}

}  // namespace eqkit
