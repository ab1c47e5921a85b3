// Fuzz target: the framework loader must never crash, and whatever it accepts must be usable.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "eqkit/framework.hpp"
#include "eqkit/report.hpp"
#include "eqkit/scoring.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto framework = eqkit::parse_framework(text, "fuzz.json");
    if (!framework) {
        if (framework.error().empty()) std::abort();  // a failure must say why
        return 0;
    }
    const eqkit::Assessment empty = eqkit::new_assessment(*framework);
    const eqkit::Scores scores = eqkit::compute_scores(*framework, empty);
    if (scores.item_count != framework->item_count()) std::abort();
    (void)eqkit::render_report_html(*framework, empty);
    return 0;
}
