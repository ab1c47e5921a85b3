// wres_synth: writes synthetic WRES/WDES input files (fictional people) for tests and benchmarks.
//   wres_synth DIR [STAFF] [SEED] [--local]
// Also writes wres_counts.json and wdes_counts.json: the counts the files must give.
#include <cstdlib>
#include <exception>
#include <fstream>
#include <iostream>
#include <string>

#include "workforce_synth.hpp"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: wres_synth DIR [STAFF] [SEED] [--local]\n";
        return 2;
    }
    eqkit::synth::Options options;
    int positional = 0;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--local") {
            options.local_style = true;
        } else if (positional++ == 0) {
            options.staff = std::strtoull(arg.c_str(), nullptr, 10);
        } else {
            options.seed = std::strtoull(arg.c_str(), nullptr, 10);
        }
    }
    try {
        const std::filesystem::path dir = argv[1];
        std::filesystem::create_directories(dir);
        const eqkit::synth::Output out = eqkit::synth::generate(options, dir);
        std::ofstream(dir / "wres_counts.json") << out.wres_counts;
        std::ofstream(dir / "wdes_counts.json") << out.wdes_counts;
        std::cout << "wrote " << out.bytes << " bytes for " << options.staff << " staff to "
                  << dir.string() << '\n';
    } catch (const std::exception& e) {
        std::cerr << "wres_synth: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
