#include "pack_entries.hpp"

#include <map>
#include <set>

#include "eqkit/manifest.hpp"
#include "eqkit/text.hpp"

namespace eqkit::detail {
namespace {

// A printable form of a name that may not be UTF-8 or may hold control characters.
std::string shown(std::string_view name) {
    std::string out;
    for (const char c : name) {
        const auto u = static_cast<unsigned char>(c);
        out += (u < 0x20 || u == 0x7f) ? '?' : c;
    }
    return is_valid_utf8(out) ? out : "(a name that is not UTF-8)";
}

std::string entry_problem(const ZipEntry& e, const PackLimits& limits) {
    std::string_view name = e.name;
    if (e.is_folder()) name.remove_suffix(1);
    if (std::string why = unsafe_path_reason(name); !why.empty()) return why;
    if (e.is_symlink()) return "the entry is a symbolic link, which a pack never holds";
    if (e.encrypted()) return "the entry is encrypted, which a pack never is";
    if (e.method != 0 && e.method != 8) {
        return "the entry is compressed with method " + std::to_string(e.method) +
               ", which EqualityKit does not read (only stored or deflated)";
    }
    if (e.method == 0 && e.compressed_size != e.size) {
        return "the entry is stored uncompressed but declares two different sizes (" +
               std::to_string(e.compressed_size) + " and " + std::to_string(e.size) + ")";
    }
    if (e.is_folder() && e.size != 0) return "a folder entry declares a size";
    if (e.size > limits.ratio_applies_above &&
        (e.compressed_size == 0 || e.size / e.compressed_size > limits.max_ratio)) {
        return "the entry would unpack to " + std::to_string(e.size) + " bytes from " +
               std::to_string(e.compressed_size) + " (more than " +
               std::to_string(limits.max_ratio) + " times its packed size: a zip bomb?)";
    }
    return "";
}

}  // namespace

ErrorList check_entries(const std::vector<ZipEntry>& entries, const PackLimits& limits,
                        std::string_view label) {
    ErrorList problems;
    const auto add = [&](std::string_view name, std::string reason) {
        problems.push_back({std::string(label), shown(name), std::move(reason)});
    };
    std::uint64_t total = 0;
    bool over = false;
    std::map<std::string, std::string> folded;  // case-folded name -> first name seen
    std::set<std::string> files;
    for (const ZipEntry& e : entries) {
        if (std::string why = entry_problem(e, limits); !why.empty()) add(e.name, std::move(why));
        if (e.size > limits.max_total_bytes - total) {
            over = true;
        } else {
            total += e.size;
        }
        std::string key = fold_case(e.is_folder() ? e.name.substr(0, e.name.size() - 1) : e.name);
        const auto [it, fresh] = folded.emplace(key, e.name);
        if (!fresh) {
            add(e.name, it->second == e.name ? "the name appears twice in the pack"
                                             : "the name differs only in letter case from \"" +
                                                   shown(it->second) + "\"");
        }
        if (!e.is_folder()) files.insert(std::move(key));
    }
    // "a" as a file and "a/b": unpacking one would clobber the other.
    for (const std::string& file : files) {
        const auto next = files.lower_bound(file + "/");
        if (next != files.end() && next->starts_with(file + "/")) {
            add(file, "the name is used both for a file and for a folder");
        }
    }
    if (over) {
        problems.push_back({std::string(label), "",
                            "the pack would unpack to more than " +
                                std::to_string(limits.max_total_bytes) +
                                " bytes, the most EqualityKit accepts"});
    }
    return problems;
}

}  // namespace eqkit::detail
