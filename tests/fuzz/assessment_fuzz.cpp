// Fuzz target: any assessment the loader accepts must save and load back unchanged.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "eqkit/assessment.hpp"
#include "eqkit/plugins.hpp"
#include "eqkit/scoring.hpp"

namespace {
const eqkit::Registry& shipped() {
    static const eqkit::Registry registry = eqkit::load_registry(EQKIT_PLUGINS_DIR);
    return registry;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto assessment = eqkit::parse_assessment(text, "fuzz.json", shipped());
    if (!assessment) {
        if (assessment.error().empty()) std::abort();
        return 0;
    }
    const eqkit::Framework& fw = *shipped().find(assessment->framework_id);
    const std::string saved = eqkit::assessment_to_json(fw, *assessment);
    auto again = eqkit::parse_assessment(saved, "saved.json", shipped());
    if (!again || !(*again == *assessment)) std::abort();
    (void)eqkit::compute_scores(fw, *assessment);
    return 0;
}
