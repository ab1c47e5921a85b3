#include "jobs/background_job.hpp"

namespace eqkit::ui {

bool BackgroundJob::begin() {
    if (running()) return false;
    done_ = 0;
    total_ = 0;
    cancelled_ = false;
    ended_ = false;
    seen_ = false;
    return true;
}

BackgroundJob::Progress BackgroundJob::progress() {
    return [this](std::uint64_t done, std::uint64_t total) {
        done_ = done;
        total_ = total;
        return !cancelled_.load();
    };
}

bool BackgroundJob::running() const {
    return !ended_.load();
}

bool BackgroundJob::finished() {
    if (seen_ || !ended_.load()) return false;
    seen_ = true;
    return true;
}

float BackgroundJob::fraction() const {
    const std::uint64_t total = total_.load();
    if (total == 0) return 0.0F;
    return static_cast<float>(static_cast<double>(done_.load()) / static_cast<double>(total));
}

}  // namespace eqkit::ui
