#include <thread>

#include "jobs/background_job.hpp"

namespace eqkit::ui {

struct BackgroundJob::Runner {
    std::jthread thread;
};

BackgroundJob::BackgroundJob() : runner_(std::make_unique<Runner>()) {}

BackgroundJob::~BackgroundJob() {
    cancelled_ = true;
}  // then runner_'s jthread joins, before the counters go

bool BackgroundJob::start(Work work) {
    if (running()) return false;
    if (runner_->thread.joinable()) runner_->thread.join();
    if (!begin()) return false;
    runner_->thread = std::jthread([this, work = std::move(work)] {
        work(progress());
        ended_ = true;
    });
    return true;
}

}  // namespace eqkit::ui
