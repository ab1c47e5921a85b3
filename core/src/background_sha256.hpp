#pragma once
// SHA-256 of a stream, computed beside the work that produces the stream: verify and import
// read, unpack and CRC-check a pack on one core while a second hashes. The build picks the
// implementation: a worker thread natively (background_sha256_thread.cpp), in line where there
// are no threads (background_sha256_inline.cpp). Same results either way.
#include <memory>
#include <string_view>

#include "eqkit/hash.hpp"

namespace eqkit::detail {

class BackgroundSha256 {
  public:
    BackgroundSha256();
    ~BackgroundSha256();
    BackgroundSha256(const BackgroundSha256&) = delete;
    BackgroundSha256& operator=(const BackgroundSha256&) = delete;

    // Takes a copy of the bytes: the caller may reuse its buffer at once.
    void update(std::string_view bytes);
    // Waits for every byte given to be hashed; the hasher is then empty again.
    [[nodiscard]] Result<Sha256Digest> finish();

  private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace eqkit::detail
