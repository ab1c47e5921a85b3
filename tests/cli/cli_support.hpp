#pragma once
// Running the real eqkit binary from the CLI tests.
#include <doctest/doctest.h>

#include <filesystem>
#include <initializer_list>
#include <string>
#include <vector>

#include "eqkit/assessment.hpp"
#include "run_process.hpp"
#include "test_support.hpp"

namespace eqkit::test {

inline const std::filesystem::path eqkit_binary = EQKIT_BIN_DIR "/eqkit";
inline const std::filesystem::path data_dir = EQKIT_TEST_DATA_DIR;
inline const std::filesystem::path plugins_dir = EQKIT_PLUGINS_DIR;

// eqkit ARGS... with the given plugins folder, run in cwd (empty: ours).
inline ProcessResult run_eqkit_in(const std::filesystem::path& plugins,
                                  const std::filesystem::path& cwd,
                                  const std::vector<std::string>& args) {
    std::vector<std::string> argv{eqkit_binary.string(), "--plugins", plugins.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, {cwd, {}});
}

// eqkit ARGS... with the shipped frameworks, run in cwd.
inline ProcessResult run_eqkit(const std::filesystem::path& cwd,
                               const std::vector<std::string>& args) {
    return run_eqkit_in(plugins_dir, cwd, args);
}

// Every file in a folder with its bytes: "nothing changed on disk" means this is unchanged
// (no edited file, no new file, no temporary file left behind).
inline std::vector<std::pair<std::string, std::string>> snapshot(const std::filesystem::path& dir) {
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        files.emplace_back(entry.path().filename().string(),
                           entry.is_regular_file() ? slurp(entry.path()) : "(folder)");
    }
    std::sort(files.begin(), files.end());
    return files;
}

// The assessment saved in file, read back by the core.
inline Assessment read_assessment(const std::filesystem::path& file) {
    Checked<Assessment> loaded = load_assessment(file, shipped_registry());
    REQUIRE_MESSAGE(loaded.has_value(), join_messages(loaded.error()));
    return *loaded;
}

inline const Framework& shipped(std::string_view id) {
    const Framework* fw = shipped_registry().find(id);
    REQUIRE(fw != nullptr);
    return *fw;
}

}  // namespace eqkit::test
