#pragma once
// Long work (writing or reading an evidence pack) done a step at a time between frames, so the
// window keeps drawing a progress bar and answering the keyboard while it runs. The desktop and
// the browser run it alike: the web build has no threads, and one C++ call cannot yield to the
// page, so work done in one call would freeze the canvas. The work must not touch what the
// screens draw from while it runs: the screens show only the progress until finished() has been
// seen.
#include <chrono>
#include <cstdint>
#include <functional>

namespace eqkit::ui {

class SteppedJob {
  public:
    // Reports bytes done of bytes in all; returns false when the user cancelled.
    using Progress = std::function<bool(std::uint64_t done, std::uint64_t total)>;
    // Does a little work; returns true once the work has ended.
    using Step = std::function<bool()>;

    // Starts work; false (and nothing started) while earlier work is still running.
    bool start(Step step);
    // Steps the work until it ends or `budget` has passed, always at least one step: call once a
    // frame. Returns true while work remains.
    bool run_for(std::chrono::steady_clock::duration budget);
    [[nodiscard]] bool running() const { return static_cast<bool>(step_); }
    // True once, on the first call after the work ended: then its results may be read.
    [[nodiscard]] bool finished();
    [[nodiscard]] float fraction() const;  // 0..1
    void cancel() { cancelled_ = true; }
    // What the work reports its progress to (and learns of cancelling from).
    [[nodiscard]] Progress progress();

  private:
    Step step_;  // empty when no work is running
    std::uint64_t done_ = 0;
    std::uint64_t total_ = 0;
    bool cancelled_ = false;
    bool seen_ = true;
};

}  // namespace eqkit::ui
