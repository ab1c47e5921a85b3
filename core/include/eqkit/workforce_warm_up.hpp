#pragma once
// A made-up workforce run through the import and the indicators, so that a browser has compiled
// the hot code well before a user's first real import. A browser runs new WebAssembly in a quick
// baseline compiler and optimises a function only once it has run for a while (and, in a long
// call, only from its next call), so a user's first import in a fresh page ran partly on slow
// code (bench/wres_web_bench.sh, docs/workforce-inputs.md). The made-up import is repeated until
// a pass is hardly faster than the one before it: the browser has optimised what it will. Once
// the page is usable, the accessible face runs this a step at a time in idle time, the canvas a
// step per frame. It reads only its own fictional rows, never a user's files or session, and
// throws its results away.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "eqkit/workforce_definitions.hpp"
#include "eqkit/workforce_import.hpp"
#include "eqkit/workforce_mapping.hpp"

namespace eqkit::workforce {

// Milliseconds on a steady clock.
double steady_clock_ms();

struct WarmUpPlan {
    std::size_t staff = 20000;  // rows of the made-up staff file; the other files match it
    // The import makes room for this many people, as for a large real file, so the page's memory
    // has grown to hold them (and the browser has handed it over) before a user's first import.
    std::size_t room_for_staff = 150000;
    std::size_t min_passes = 3;
    std::size_t max_passes = 8;
    // A pass that takes more than this share of the one before has stopped getting faster.
    double steady = 0.85;
    std::function<double()> clock_ms = steady_clock_ms;  // a test's own clock
};

class WarmUp {
  public:
    // defs must outlive this object.
    explicit WarmUp(const Definitions& defs, WarmUpPlan plan = {});
    WarmUp(const WarmUp&) = delete;  // the import points at mapping_
    WarmUp& operator=(const WarmUp&) = delete;

    // One small piece of the work (a slice of a file, or the indicators at the end): a few
    // milliseconds, so a page can run it in idle time. Returns false once all is done.
    bool step();
    [[nodiscard]] bool done() const { return done_; }
    // How long each finished pass took (the steps only, not the time between them).
    [[nodiscard]] const std::vector<double>& pass_times() const { return pass_times_; }
    // What the import made of the made-up files in the latest pass.
    [[nodiscard]] const ImportReport& report() const { return import_->report(); }

  private:
    Result<void> next_piece();
    void end_pass();
    void finish();

    const Definitions* defs_;
    WarmUpPlan plan_;
    ColumnMapping mapping_;  // empty, as a user's before any value is translated: the same path
    std::vector<std::pair<std::string, std::string>> files_;  // role, CSV text; staff first
    std::size_t file_ = 0;
    std::size_t at_ = 0;  // bytes of the current file fed so far
    bool begun_ = false;
    bool done_ = false;
    double pass_ms_ = 0;
    std::vector<double> pass_times_;
    std::optional<Import> import_;
};

}  // namespace eqkit::workforce
