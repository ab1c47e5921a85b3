#pragma once
// Shared by the WRES/WDES tests: the shipped definitions, and counts from JSON text.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "eqkit/workforce_counts.hpp"
#include "eqkit/workforce_definitions.hpp"
#include "test_support.hpp"

// Lists of messages print in full when a check fails.
namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
    static String convert(const std::vector<std::string>& lines) {
        std::string out = "{\n";
        for (const std::string& line : lines)
            out += "  " + line + "\n";
        return (out + "}").c_str();
    }
};
}  // namespace doctest

namespace eqkit::test {

inline const workforce::Definitions& shipped_definitions(const std::string& id) {
    static const workforce::Definitions wres = [] {
        auto d = workforce::load_definitions(EQKIT_PLUGINS_DIR "/wres/indicators.json");
        REQUIRE_MESSAGE(d.has_value(), join_messages(d.error()));
        return *d;
    }();
    static const workforce::Definitions wdes = [] {
        auto d = workforce::load_definitions(EQKIT_PLUGINS_DIR "/wdes/indicators.json");
        REQUIRE_MESSAGE(d.has_value(), join_messages(d.error()));
        return *d;
    }();
    return id == "wres" ? wres : wdes;
}

inline const workforce::Definitions& wres() {
    return shipped_definitions("wres");
}
inline const workforce::Definitions& wdes() {
    return shipped_definitions("wdes");
}

// Counts from a counts document that must read without a problem.
inline workforce::Counts counts_from(const std::string& json,
                                     const workforce::Definitions& defs = wres()) {
    auto load = workforce::parse_counts(json, "counts.json", defs);
    REQUIRE_MESSAGE(load.has_value(), (load ? std::string() : load.error().message()));
    CHECK_MESSAGE(load->problems.empty(), join_messages(load->problems));
    return load->counts;
}

inline workforce::Counts counts_file(const std::string& name,
                                     const workforce::Definitions& defs = wres()) {
    return counts_from(slurp(std::string(EQKIT_TEST_DATA_DIR) + "/wres/" + name), defs);
}

}  // namespace eqkit::test
