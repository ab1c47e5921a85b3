#include "eqkit/registry.hpp"

#include <algorithm>
#include <system_error>

#include "eqkit/files.hpp"
#include "json_reader.hpp"

namespace eqkit {

void Registry::add_hook(HookInfo hook) {
    hooks_.push_back(std::move(hook));
}

bool Registry::has_hook(std::string_view name) const {
    return std::any_of(hooks_.begin(), hooks_.end(),
                       [name](const HookInfo& h) { return h.name == name; });
}

void Registry::load_directory(const std::filesystem::path& dir) {
    std::error_code ec;
    const std::vector<std::filesystem::path> files = files_in_subfolders(dir, "framework.json", ec);
    if (ec) {
        failures_.push_back({dir.generic_string(),
                             {Error{dir.generic_string(), "",
                                    "cannot list the plugins "
                                    "folder (" +
                                        ec.message() + ")"}}});
        return;
    }
    for (const auto& file : files)
        record(load_framework(file), file.generic_string());
    std::stable_sort(
        frameworks_.begin(), frameworks_.end(),
        [](const Framework& a, const Framework& b) { return a.list_order < b.list_order; });
    load_earlier_versions(dir);
    load_mappings(dir / "mappings");
}

// <dir>/<id>/versions/<version>/framework.json, for each framework loaded from <dir>/<id>.
void Registry::load_earlier_versions(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> folders;
    for (const Framework& fw : frameworks_) {
        const std::filesystem::path versions = dir / fw.id / "versions";
        std::error_code ec;
        if (std::filesystem::is_directory(versions, ec)) folders.push_back(versions);
    }
    for (const std::filesystem::path& versions : folders) {
        std::error_code ec;
        for (const auto& file : files_in_subfolders(versions, "framework.json", ec)) {
            Checked<Framework> loaded = load_framework(file);
            if (!loaded) {
                failures_.push_back({file.generic_string(), std::move(loaded.error())});
                continue;
            }
            add_earlier_version(std::move(*loaded));
        }
    }
}

void Registry::add_earlier_version(Framework framework) {
    const Framework* current = find(framework.id);
    std::string reason;
    if (current == nullptr) {
        reason = "an earlier version of \"" + framework.id + "\", which is not loaded";
    } else if (find_version(framework.id, framework.version) != nullptr) {
        reason = "version \"" + framework.version + "\" of " + framework.id + " is loaded already";
    }
    for (std::size_t i = 0; i < framework.computed.size(); ++i) {
        if (!has_hook(framework.computed[i].hook))
            reason = "names a code hook that is not registered";
    }
    if (!reason.empty()) {
        failures_.push_back({framework.file, {Error{framework.file, "/version", reason}}});
        return;
    }
    earlier_.push_back(std::move(framework));
}

// CrosswalkMapping files sit in <plugins>/mappings/, beside the framework folders; the folder is
// optional.
void Registry::load_mappings(const std::filesystem::path& dir) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (entry.path().extension() == ".json" && entry.is_regular_file(ec)) {
            files.push_back(entry.path());
        }
    }
    if (ec) {
        failures_.push_back({dir.generic_string(),
                             {Error{dir.generic_string(), "",
                                    "cannot list the mappings folder (" + ec.message() + ")"}}});
        return;
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files)
        record_mapping(load_crosswalk_mapping(file), file.generic_string());
}

void Registry::load_mapping_text(std::string_view json, std::string_view label) {
    record_mapping(parse_crosswalk_mapping(json, label), label);
}

void Registry::record_mapping(Checked<CrosswalkMapping> loaded, std::string_view label) {
    if (!loaded) {
        failures_.push_back({std::string(label), std::move(loaded.error())});
        return;
    }
    add_mapping(std::move(*loaded));
}

void Registry::add_mapping(CrosswalkMapping mapping) {
    ErrorList errors = check_crosswalk_mapping(mapping, *this);
    for (const CrosswalkMapping& m : mappings_) {
        if (m.id == mapping.id) {
            errors.push_back(
                {mapping.file, "/id", "id \"" + mapping.id + "\" is already used by " + m.file});
        }
    }
    if (!errors.empty()) {
        failures_.push_back({mapping.file, std::move(errors)});
        return;
    }
    mappings_.push_back(std::move(mapping));
}

void Registry::load_text(std::string_view json, std::string_view label) {
    record(parse_framework(json, label), label);
}

void Registry::record(Checked<Framework> loaded, std::string_view label) {
    if (!loaded) {
        failures_.push_back({std::string(label), std::move(loaded.error())});
        return;
    }
    add(std::move(*loaded));
}

void Registry::add(Framework framework) {
    ErrorList errors;
    for (std::size_t i = 0; i < framework.computed.size(); ++i) {
        const std::string& hook = framework.computed[i].hook;
        if (!has_hook(hook)) {
            errors.push_back({framework.file, detail::pointer_append("/computed", i) + "/hook",
                              "no code hook named \"" + hook + "\" is registered"});
        }
    }
    if (const Framework* existing = find(framework.id)) {
        errors.push_back({framework.file, "/id",
                          "id \"" + framework.id + "\" is already used by " + existing->file});
    }
    if (!errors.empty()) {
        failures_.push_back({framework.file, std::move(errors)});
        return;
    }
    frameworks_.push_back(std::move(framework));
}

const Framework* Registry::find(std::string_view id) const {
    for (const Framework& f : frameworks_) {
        if (f.id == id) return &f;
    }
    return nullptr;
}

const Framework* Registry::find_version(std::string_view id, std::string_view version) const {
    if (const Framework* fw = find(id); fw != nullptr && fw->version == version) return fw;
    for (const Framework& f : earlier_) {
        if (f.id == id && f.version == version) return &f;
    }
    return nullptr;
}

}  // namespace eqkit
