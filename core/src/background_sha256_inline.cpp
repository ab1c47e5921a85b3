// BackgroundSha256 for builds without threads: hashes as the bytes arrive.
#include "background_sha256.hpp"

namespace eqkit::detail {

struct BackgroundSha256::State {
    Sha256 hasher;
};

BackgroundSha256::BackgroundSha256() : state_(std::make_unique<State>()) {}
BackgroundSha256::~BackgroundSha256() = default;

void BackgroundSha256::update(std::string_view bytes) {
    state_->hasher.update(bytes);
}

Result<Sha256Digest> BackgroundSha256::finish() {
    return state_->hasher.finish();
}

}  // namespace eqkit::detail
