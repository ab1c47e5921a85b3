// BackgroundSha256 on a worker thread. The caller's chunks are copied into at most three
// buffers and handed over through a small queue, so memory stays bounded however long the
// stream, and the caller waits only when the worker falls behind.
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "background_sha256.hpp"

namespace eqkit::detail {
namespace {
constexpr std::size_t max_buffers = 3;
}  // namespace

struct BackgroundSha256::State {
    Sha256 hasher;
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<std::string> queued;  // waiting to be hashed, in order
    std::vector<std::string> spare;  // hashed, ready for reuse
    std::size_t buffers = 0;
    bool finishing = false;
    std::thread worker;

    void run() {
        std::unique_lock lock(mutex);
        for (;;) {
            changed.wait(lock, [&] { return !queued.empty() || finishing; });
            if (queued.empty()) return;
            std::string chunk = std::move(queued.front());
            queued.pop_front();
            lock.unlock();
            hasher.update(chunk);
            lock.lock();
            spare.push_back(std::move(chunk));
            changed.notify_all();
        }
    }

    // Lets the worker drain the queue, then waits for it.
    void stop() {
        if (!worker.joinable()) return;
        {
            std::lock_guard lock(mutex);
            finishing = true;
        }
        changed.notify_all();
        worker.join();
        finishing = false;
    }
};

BackgroundSha256::BackgroundSha256() : state_(std::make_unique<State>()) {}

BackgroundSha256::~BackgroundSha256() {
    state_->stop();
}

void BackgroundSha256::update(std::string_view bytes) {
    State& s = *state_;
    if (!s.worker.joinable()) s.worker = std::thread([&s] { s.run(); });  // on first use
    std::unique_lock lock(s.mutex);
    s.changed.wait(lock, [&] { return !s.spare.empty() || s.buffers < max_buffers; });
    std::string buffer;
    if (!s.spare.empty()) {
        buffer = std::move(s.spare.back());
        s.spare.pop_back();
    } else {
        ++s.buffers;
    }
    lock.unlock();
    buffer.assign(bytes);  // the copy, outside the lock
    lock.lock();
    s.queued.push_back(std::move(buffer));
    s.changed.notify_all();
}

Result<Sha256Digest> BackgroundSha256::finish() {
    state_->stop();
    return state_->hasher.finish();
}

}  // namespace eqkit::detail
