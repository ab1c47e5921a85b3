#include "jobs/stepped_job.hpp"

namespace eqkit::ui {

bool SteppedJob::start(Step step) {
    if (running()) return false;
    done_ = 0;
    total_ = 0;
    cancelled_ = false;
    seen_ = false;
    step_ = std::move(step);
    return true;
}

bool SteppedJob::run_for(std::chrono::steady_clock::duration budget) {
    if (!running()) return false;
    const auto until = std::chrono::steady_clock::now() + budget;
    do {
        if (step_()) {
            step_ = nullptr;  // the work's state goes with it
            return false;
        }
    } while (std::chrono::steady_clock::now() < until);
    return true;
}

bool SteppedJob::finished() {
    if (seen_ || running()) return false;
    seen_ = true;
    return true;
}

float SteppedJob::fraction() const {
    if (total_ == 0) return 0.0F;
    return static_cast<float>(static_cast<double>(done_) / static_cast<double>(total_));
}

SteppedJob::Progress SteppedJob::progress() {
    return [this](std::uint64_t done, std::uint64_t total) {
        done_ = done;
        total_ = total;
        return !cancelled_;
    };
}

}  // namespace eqkit::ui
