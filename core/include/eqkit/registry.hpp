#pragma once
// The plugin registry: frameworks found at run time, the frameworks that failed to load (with
// every error), and the code hooks that frameworks may name in "computed".
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "eqkit/crosswalk.hpp"
#include "eqkit/error.hpp"
#include "eqkit/framework.hpp"

namespace eqkit {

struct HookInfo {
    std::string name;         // "wres.indicators"
    std::string description;  // one line for `eqkit frameworks`
};

struct LoadFailure {
    std::string file;
    ErrorList errors;
};

class Registry {
  public:
    void add_hook(HookInfo hook);
    [[nodiscard]] bool has_hook(std::string_view name) const;
    [[nodiscard]] const std::vector<HookInfo>& hooks() const { return hooks_; }

    // Loads every <dir>/<id>/framework.json, listed by list_order, then folder name, then every
    // <dir>/<id>/versions/<v>/framework.json (earlier versions), then every <dir>/mappings/*.json
    // in name order. A bad file becomes a LoadFailure and never stops the others loading.
    void load_directory(const std::filesystem::path& dir);
    // Loads one mapping document (after the frameworks it links); label names it in messages.
    void load_mapping_text(std::string_view json, std::string_view label);
    // Checks the mapping's codes against the loaded frameworks and its id, then adds it; on
    // failure records a LoadFailure.
    void add_mapping(CrosswalkMapping mapping);
    // Loads one framework document; label names it in messages.
    void load_text(std::string_view json, std::string_view label);
    // Checks hooks and id clashes, then adds; on failure records a LoadFailure.
    void add(Framework framework);

    // An earlier version of a loaded framework, kept so that an assessment made with it can be
    // read and carried to the loaded version; never listed in frameworks().
    void add_earlier_version(Framework framework);

    [[nodiscard]] const std::vector<Framework>& frameworks() const { return frameworks_; }
    [[nodiscard]] const std::vector<Framework>& earlier_versions() const { return earlier_; }
    // The loaded framework with this id and version, or an earlier version of it; else null.
    [[nodiscard]] const Framework* find_version(std::string_view id,
                                                std::string_view version) const;
    [[nodiscard]] const std::vector<LoadFailure>& failures() const { return failures_; }
    [[nodiscard]] const Framework* find(std::string_view id) const;
    [[nodiscard]] const std::vector<CrosswalkMapping>& mappings() const { return mappings_; }

  private:
    void record(Checked<Framework> loaded, std::string_view label);
    void record_mapping(Checked<CrosswalkMapping> loaded, std::string_view label);
    void load_mappings(const std::filesystem::path& dir);
    void load_earlier_versions(const std::filesystem::path& dir);

    std::vector<HookInfo> hooks_;
    std::vector<Framework> frameworks_;
    std::vector<Framework> earlier_;
    std::vector<CrosswalkMapping> mappings_;
    std::vector<LoadFailure> failures_;
};

}  // namespace eqkit
