// SHA-256 through OpenSSL's EVP interface, which uses the CPU's SHA instructions when it has them.
#include <openssl/evp.h>

#include "eqkit/hash.hpp"

namespace eqkit {

namespace {
struct ContextFree {
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
}  // namespace

struct Sha256::State {
    std::unique_ptr<EVP_MD_CTX, ContextFree> ctx{EVP_MD_CTX_new()};
    bool ok = false;

    void restart() { ok = ctx && EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) == 1; }
};

Sha256::Sha256() : state_(std::make_unique<State>()) {
    state_->restart();
}
Sha256::~Sha256() = default;
Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;

void Sha256::update(std::string_view bytes) {
    if (state_->ok && EVP_DigestUpdate(state_->ctx.get(), bytes.data(), bytes.size()) != 1) {
        state_->ok = false;
    }
}

Result<Sha256Digest> Sha256::finish() {
    Sha256Digest digest{};
    unsigned int length = 0;
    const bool ok = state_->ok &&
                    EVP_DigestFinal_ex(state_->ctx.get(), digest.data(), &length) == 1 &&
                    length == digest.size();
    state_->restart();
    if (!ok) return fail("", "", "SHA-256 could not be computed (the OpenSSL library failed)");
    return digest;
}

}  // namespace eqkit
