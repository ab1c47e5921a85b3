// Fuzz target: the mapping loader must never crash, and whatever it accepts must be checkable
// against the shipped frameworks and usable by the crosswalk query.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "eqkit/crosswalk.hpp"
#include "eqkit/plugins.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const eqkit::Registry shipped = eqkit::load_registry(EQKIT_PLUGINS_DIR);
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto mapping = eqkit::parse_crosswalk_mapping(text, "fuzz.json");
    if (!mapping) {
        if (mapping.error().empty()) std::abort();  // a failure must say why
        return 0;
    }
    eqkit::Registry registry = shipped;
    registry.add_mapping(*mapping);
    for (const eqkit::CrosswalkRow& row : mapping->rows) {
        (void)eqkit::linked_items(registry, mapping->from, row.from);
        (void)eqkit::linked_items(registry, mapping->to, row.to);
    }
    return 0;
}
