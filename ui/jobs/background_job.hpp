#pragma once
// Long work (writing or reading an evidence pack) off the drawing loop, so the window keeps
// drawing a progress bar. Natively the work runs on a thread of its own; in the browser, which
// has no threads here, it runs at once (ui/CMakeLists.txt picks the file), so the screens have
// no #ifdef. The work must not touch what the screens draw from while it runs: the screens show
// only the progress until finished() has been seen.
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>

namespace eqkit::ui {

class BackgroundJob {
  public:
    // Reports bytes done of bytes in all; returns false when the user cancelled.
    using Progress = std::function<bool(std::uint64_t done, std::uint64_t total)>;
    using Work = std::function<void(const Progress&)>;

    BackgroundJob();
    BackgroundJob(const BackgroundJob&) = delete;
    BackgroundJob& operator=(const BackgroundJob&) = delete;
    ~BackgroundJob();  // cancels and waits for unfinished work

    // Starts work; false (and nothing started) while earlier work is still running.
    bool start(Work work);
    [[nodiscard]] bool running() const;
    // True once, on the first call after the work ended: then its results may be read.
    [[nodiscard]] bool finished();
    [[nodiscard]] float fraction() const;  // 0..1
    void cancel() { cancelled_ = true; }

  private:
    struct Runner;
    // Resets the counters for new work (false while work runs), and the progress it reports to.
    [[nodiscard]] bool begin();
    [[nodiscard]] Progress progress();

    std::atomic<std::uint64_t> done_{0};
    std::atomic<std::uint64_t> total_{0};
    std::atomic<bool> cancelled_{false};
    std::atomic<bool> ended_{true};
    bool seen_ = true;
    std::unique_ptr<Runner> runner_;
};

}  // namespace eqkit::ui
