// pack_export_time: times evidence pack exports of a workspace folder through eqkit::LibraryApi,
// the call the web faces make, compiled natively and for the web (em++ against the web build's
// libraries, run by node with NODERAWFS), so bench/pack_web_export.sh can compare the two.
// Prints one line per round: "export <ms> ms <bytes> bytes".
//   pack_export_time PLUGINS_DIR WORKSPACE OUT.zip [ROUNDS]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "eqkit/library_api.hpp"
#include "eqkit/plugins.hpp"

namespace {
bool succeeded(const std::string& answer) {
    const nlohmann::json parsed = nlohmann::json::parse(answer, nullptr, false);
    return parsed.is_object() && parsed.value("ok", false);
}
}  // namespace

int main(int argc, char** argv) {
    if (argc != 4 && argc != 5) {
        std::fprintf(stderr, "usage: pack_export_time PLUGINS_DIR WORKSPACE OUT.zip [ROUNDS]\n");
        return 2;
    }
    const eqkit::Registry registry = eqkit::load_registry(argv[1]);
    eqkit::LibraryApi api(registry, "bench");
    const std::string opened = api.open(argv[2]);
    if (!succeeded(opened)) {
        std::fprintf(stderr, "%s\n", opened.c_str());
        return 1;
    }
    const std::filesystem::path out = argv[3];
    const int rounds = argc == 5 ? std::atoi(argv[4]) : 1;
    for (int round = 0; round < rounds; ++round) {
        std::error_code ec;
        std::filesystem::remove(out, ec);
        const auto start = std::chrono::steady_clock::now();
        const std::string result = api.export_pack(out, {});
        const auto stop = std::chrono::steady_clock::now();
        if (!succeeded(result)) {
            std::fprintf(stderr, "%s\n", result.c_str());
            return 1;
        }
        const double ms = std::chrono::duration<double, std::milli>(stop - start).count();
        std::printf("export %.1f ms %llu bytes\n", ms,
                    static_cast<unsigned long long>(std::filesystem::file_size(out, ec)));
    }
    return 0;
}
