#include "jobs/background_job.hpp"

namespace eqkit::ui {

struct BackgroundJob::Runner {};

BackgroundJob::BackgroundJob() : runner_(std::make_unique<Runner>()) {}

BackgroundJob::~BackgroundJob() = default;

bool BackgroundJob::start(Work work) {
    if (!begin()) return false;
    work(progress());
    ended_ = true;
    return true;
}

}  // namespace eqkit::ui
