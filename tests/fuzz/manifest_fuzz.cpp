// Fuzz target: the manifest parser. It must never crash, a failure must say why, and whatever
// it accepts must write back to a manifest that reads the same.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "eqkit/manifest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto manifest = eqkit::parse_manifest(text, "manifest.json");
    if (!manifest) {
        if (manifest.error().empty()) std::abort();
        return 0;
    }
    auto again = eqkit::parse_manifest(eqkit::manifest_to_json(*manifest), "again.json");
    if (!again || !(*again == *manifest)) std::abort();
    (void)manifest->files();
    return 0;
}
