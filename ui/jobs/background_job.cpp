#include "jobs/background_job.hpp"

namespace eqkit::ui {

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
