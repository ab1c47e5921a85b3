#include <thread>

#include "jobs/background_job.hpp"

namespace eqkit::ui {

struct BackgroundJob::Runner {
    std::jthread thread;
};

BackgroundJob::BackgroundJob() : runner_(std::make_unique<Runner>()) {}

BackgroundJob::~BackgroundJob() {
    cancelled_ = true;
}  // the jthread joins

bool BackgroundJob::start(Work work) {
    if (running()) return false;
    if (runner_->thread.joinable()) runner_->thread.join();
    done_ = 0;
    total_ = 0;
    cancelled_ = false;
    ended_ = false;
    seen_ = false;
    runner_->thread = std::jthread([this, work = std::move(work)] {
        work([this](std::uint64_t done, std::uint64_t total) {
            done_ = done;
            total_ = total;
            return !cancelled_.load();
        });
        ended_ = true;
    });
    return true;
}

}  // namespace eqkit::ui
