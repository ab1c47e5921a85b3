#pragma once
// Synthetic workforce data for tests and benchmarks: row-level CSV files for WRES and WDES from
// a seed, of any size up to national scale (1.5 million staff), together with the counts they
// must give (as counts files), so an import can be checked against the truth. Fictional people
// only; no real data is ever involved.
#include <cstdint>
#include <filesystem>
#include <string>

namespace eqkit::synth {

struct Options {
    std::uint64_t seed = 1;
    std::uint64_t staff = 10000;
    std::string year = "2024-25";
    // Organisation-style headings ("Ethnic Origin", "Pay Band") and ESR-style values
    // ("A White - British", "Band 8A"), with a column mapping file that translates them.
    bool local_style = false;
};

// What was written, and the counts the files must give.
struct Output {
    std::filesystem::path staff, recruitment, disciplinary, training, capability, board, survey,
        survey_wdes, mapping;
    std::string wres_counts;  // eqkit-wres-counts/1
    std::string wdes_counts;  // eqkit-wdes-counts/1
    std::uint64_t bytes = 0;  // all files together
};

// Writes the files into dir (which must exist). Throws std::runtime_error if a file cannot be
// written: this is test and benchmark tooling, not part of EqualityKit.
Output generate(const Options& options, const std::filesystem::path& dir);

}  // namespace eqkit::synth
