#pragma once
// A made-up workforce run through the import and the indicators, so that a browser has compiled
// the hot code well before a user's first real import. A browser runs new WebAssembly in a quick
// baseline compiler and optimises a function only once it has run for a while, so a user's first
// import in a fresh page ran partly on slow code (bench/wres_web_bench.sh,
// docs/workforce-inputs.md). Once the page is usable, the accessible face runs this a step at a
// time in idle time, the canvas a step per frame. It reads only its own fictional rows, never a
// user's files or session, and throws its results away.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "eqkit/workforce_definitions.hpp"
#include "eqkit/workforce_import.hpp"

namespace eqkit::workforce {

class WarmUp {
  public:
    // staff: rows of the made-up staff file; the other files are sized to match. defs must
    // outlive this object.
    explicit WarmUp(const Definitions& defs, std::size_t staff = 5000);

    // One small piece of the work (a slice of a file, or the indicators at the end): a few
    // milliseconds, so a page can run it in idle time. Returns false once all is done.
    bool step();
    [[nodiscard]] bool done() const { return done_; }
    // What the import made of the made-up files (every row used or left out by a rule).
    [[nodiscard]] const ImportReport& report() const { return import_.report(); }

  private:
    void finish();

    const Definitions* defs_;
    std::vector<std::pair<std::string, std::string>> files_;  // role, CSV text; staff first
    std::size_t file_ = 0;
    std::size_t at_ = 0;  // bytes of the current file fed so far
    bool begun_ = false;
    bool done_ = false;
    Import import_;
};

}  // namespace eqkit::workforce
