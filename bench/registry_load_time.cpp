// registry_load_time: loading every bundled framework and crosswalk mapping (plugins/), with
// every check the loaders make, against the baseline measured in the same run: reading and
// parsing the same JSON files with nlohmann::json alone. Prints the best of ROUNDS of each and
// their ratio; exits 1 if loading took 50 ms or more (issue #5's limit) or anything failed to
// load.
//   registry_load_time PLUGINS_DIR [ROUNDS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "eqkit/plugins.hpp"

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

// Every JSON file the registry reads: frameworks, earlier versions and mappings.
std::vector<fs::path> json_files(const fs::path& dir) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        const fs::path& p = entry.path();
        if (p.filename() == "framework.json" || p.parent_path().filename() == "mappings")
            files.push_back(p);
    }
    return files;
}

template <class Work>
double best_ms(int rounds, Work&& work) {
    double best = 1e300;
    for (int i = 0; i < rounds; ++i) {
        const auto start = Clock::now();
        work();
        best =
            std::min(best, std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    return best;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: registry_load_time PLUGINS_DIR [ROUNDS]\n");
        return 2;
    }
    const fs::path dir = argv[1];
    const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 20;
    const std::vector<fs::path> files = json_files(dir);
    std::size_t frameworks = 0;
    std::size_t mappings = 0;
    std::size_t failures = 0;
    const double load = best_ms(rounds, [&] {
        const eqkit::Registry registry = eqkit::load_registry(dir);
        frameworks = registry.frameworks().size() + registry.earlier_versions().size();
        mappings = registry.mappings().size();
        failures = registry.failures().size();
    });
    std::size_t parsed = 0;
    const double baseline = best_ms(rounds, [&] {
        parsed = 0;
        for (const fs::path& file : files) {
            std::ifstream in(file, std::ios::binary);
            std::stringstream text;
            text << in.rdbuf();
            parsed += nlohmann::json::parse(text.str()).size();
        }
    });
    std::printf("files: %zu (%zu frameworks and versions, %zu mappings, %zu failures)\n",
                files.size(), frameworks, mappings, failures);
    std::printf("load_registry: %.2f ms (best of %d)\n", load, rounds);
    std::printf("nlohmann::json alone: %.2f ms (best of %d)\n", baseline, rounds);
    std::printf("ratio: %.2f\n", load / baseline);
    return load < 50.0 && failures == 0 && parsed > 0 ? 0 : 1;
}
