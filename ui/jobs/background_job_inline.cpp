#include "jobs/background_job.hpp"

namespace eqkit::ui {

struct BackgroundJob::Runner {};

BackgroundJob::BackgroundJob() : runner_(std::make_unique<Runner>()) {}

BackgroundJob::~BackgroundJob() = default;

bool BackgroundJob::start(Work work) {
    if (running()) return false;
    done_ = 0;
    total_ = 0;
    cancelled_ = false;
    ended_ = false;
    seen_ = false;
    work([this](std::uint64_t done, std::uint64_t total) {
        done_ = done;
        total_ = total;
        return !cancelled_.load();
    });
    ended_ = true;
    return true;
}

}  // namespace eqkit::ui
