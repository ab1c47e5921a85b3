// Fuzz target: a counts file must never crash the reader, the indicator engine or the exports,
// and a suppressed count must never appear in the JSON.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "eqkit/workforce_counts.hpp"
#include "eqkit/workforce_indicators.hpp"
#include "eqkit/workforce_report.hpp"

namespace {

const eqkit::workforce::Definitions& defs(bool wdes) {
    static const eqkit::workforce::Definitions wres_defs =
        *eqkit::workforce::load_definitions(EQKIT_PLUGINS_DIR "/wres/indicators.json");
    static const eqkit::workforce::Definitions wdes_defs =
        *eqkit::workforce::load_definitions(EQKIT_PLUGINS_DIR "/wdes/indicators.json");
    return wdes ? wdes_defs : wres_defs;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const bool wdes = text.find("eqkit-wdes-counts/1") != std::string_view::npos;
    const auto& d = defs(wdes);
    auto load = eqkit::workforce::parse_counts(text, "fuzz.json", d);
    if (!load) {
        if (load.error().reason.empty()) std::abort();
        return 0;
    }
    for (std::int64_t threshold : {0, 10}) {
        const auto results = eqkit::workforce::compute(d, load->counts, &load->counts, {threshold});
        (void)eqkit::workforce::results_json(results, {});
        (void)eqkit::workforce::results_csv(results);
        (void)eqkit::workforce::results_html(results, {});
        for (const auto& r : results.indicators) {
            const auto& v = r.current.value;
            if (v.state != eqkit::workforce::State::shown && v.value != 0) std::abort();
        }
    }
    // What is written reads back.
    const std::string again = eqkit::workforce::counts_json(load->counts, d);
    if (!eqkit::workforce::parse_counts(again, "again.json", d)) std::abort();
    return 0;
}
