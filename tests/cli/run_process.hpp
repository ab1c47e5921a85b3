#pragma once
// Runs a program and captures what it wrote to stdout and stderr, separately, and how it ended:
// CLI tests check the exit status *and* the output of the real binary.
#include <filesystem>
#include <string>
#include <vector>

namespace eqkit::test {

struct ProcessResult {
    int status = -1;  // the exit status, or 128 + signal number when killed by a signal
    std::string out;
    std::string err;
};

struct ProcessOptions {
    std::filesystem::path cwd;             // empty: the test's own working folder
    std::vector<std::string> environment;  // "NAME=value" added to (or replacing in) ours
};

// argv[0] is the program's path. stdin is /dev/null. Throws std::runtime_error when the
// program cannot be started.
[[nodiscard]] ProcessResult run_process(const std::vector<std::string>& argv,
                                        const ProcessOptions& options = {});

}  // namespace eqkit::test
