#pragma once
// Small helpers shared by the test programs.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include <stdlib.h>

#include "eqkit/plugins.hpp"

namespace eqkit::test {

inline std::string slurp(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline void spit(const std::filesystem::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
}

// A fresh, empty folder under the system temp folder, removed when the object dies.
class TempDir {
  public:
    TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const {
        return path_ / name;
    }

  private:
    std::filesystem::path path_;
};

inline TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "eqkit-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

// The registry of the frameworks shipped in plugins/.
inline const Registry& shipped_registry() {
    static const Registry registry = load_registry(EQKIT_PLUGINS_DIR);
    return registry;
}

}  // namespace eqkit::test
