#pragma once
// Golden-message tests: each dir/*.json gives exactly the messages in the .expected file beside
// it. EQKIT_UPDATE_GOLDEN=1 rewrites the .expected files (read them before committing).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace eqkit::test {

inline void check_golden_files(
    const std::filesystem::path& dir, std::size_t at_least,
    const std::function<std::string(const std::filesystem::path&)>& messages_for) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= at_least);
    const bool update = std::getenv("EQKIT_UPDATE_GOLDEN") != nullptr;
    for (const std::filesystem::path& file : files) {
        CAPTURE(file.filename().string());
        std::filesystem::path expected_file = file;
        expected_file.replace_extension(".expected");
        const std::string actual = messages_for(file);
        if (update) spit(expected_file, actual);
        REQUIRE(std::filesystem::exists(expected_file));
        CHECK(actual == slurp(expected_file));
        CHECK(actual.find("(loaded without errors)") == std::string::npos);
    }
}

}  // namespace eqkit::test
