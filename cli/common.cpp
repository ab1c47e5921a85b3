#include "common.hpp"

#include <sys/stat.h>

#include <cctype>
#include <filesystem>
#include <iostream>
#include <system_error>

#include "eqkit/files.hpp"
#include "eqkit/plugins.hpp"

namespace eqkit::cli {

namespace {

Result<std::filesystem::path> plugins_folder(const GlobalOptions& options) {
    std::filesystem::path dir = options.plugins_dir;
    if (dir.empty()) {
        const auto found = find_plugin_dir();
        if (!found) {
            return fail("eqkit", "",
                        "cannot find the plugins folder; give it with --plugins DIR or set "
                        "EQKIT_PLUGINS");
        }
        dir = *found;
    }
    // The registry would record a missing folder as a load failure; here it is bad input.
    std::error_code ec;
    if (!std::filesystem::exists(dir, ec)) {
        return fail(dir.generic_string(), "", "the plugins folder does not exist");
    }
    if (!std::filesystem::is_directory(dir, ec)) {
        return fail(dir.generic_string(), "", "the plugins folder is a file, not a folder");
    }
    return dir;
}

}  // namespace

Result<Registry> load_registry(const GlobalOptions& options) {
    Result<std::filesystem::path> dir = plugins_folder(options);
    if (!dir) return tl::unexpected(dir.error());
    return eqkit::load_registry(*dir);
}

Result<QuestionSetLibrary> load_question_set_library(const GlobalOptions& options) {
    Result<std::filesystem::path> dir = plugins_folder(options);
    if (!dir) return tl::unexpected(dir.error());
    return load_question_sets(*dir);
}

Result<const Framework*> find_framework(const Registry& registry, std::string_view id) {
    if (const Framework* fw = registry.find(id)) return fw;
    std::string loaded;
    for (const Framework& fw : registry.frameworks()) {
        if (!loaded.empty()) loaded += ", ";
        loaded += fw.id;
    }
    if (loaded.empty()) loaded = "none";
    return fail(
        "eqkit", "",
        "no framework with id \"" + std::string(id) + "\" is loaded (loaded: " + loaded + ")");
}

std::optional<OpenAssessment> open_assessment(const std::string& file, const GlobalOptions& globals,
                                              EarlierVersions earlier) {
    Result<Registry> registry = load_registry(globals);
    if (!registry) {
        print_error(registry.error());
        return std::nullopt;
    }
    Checked<Assessment> assessment = load_assessment(file, *registry, earlier);
    if (!assessment) {
        print_errors(assessment.error());
        // "not loaded" may mean "failed to load": say so rather than let the user guess.
        for (const Error& e : assessment.error()) {
            if (e.place == "/framework/id") hint_at_failures(*registry);
        }
        return std::nullopt;
    }
    return OpenAssessment{std::move(*registry), std::move(*assessment)};
}

std::optional<OpenWorkspace> open_workspace(const std::string& dir, const GlobalOptions& globals) {
    Result<Registry> loaded = load_registry(globals);
    if (!loaded) {
        print_error(loaded.error());
        return std::nullopt;
    }
    auto registry = std::make_unique<Registry>(std::move(*loaded));
    Checked<WorkspaceFolder> folder = WorkspaceFolder::open(dir, *registry);
    if (!folder) {
        print_errors(folder.error());
        std::error_code ec;
        if (!std::filesystem::exists(std::filesystem::path(dir) / workspace_index_name, ec)) {
            print_message("make a workspace with \"eqkit workspace new " + dir + "\"");
        } else {
            hint_at_failures(*registry);
        }
        return std::nullopt;
    }
    return OpenWorkspace{std::move(registry), std::move(*folder)};
}

std::string with_commas(std::uint64_t n) {
    std::string digits = std::to_string(n);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(static_cast<std::size_t>(i), ",");
    return digits;
}

void print_error(const Error& error) {
    std::cerr << error.message() << '\n';
}

void print_errors(const ErrorList& errors) {
    for (const Error& e : errors)
        print_error(e);
}

void print_message(std::string_view text) {
    std::cerr << "eqkit: " << text << '\n';
}

std::optional<KeyValue> split_key_value(std::string_view arg) {
    const std::size_t eq = arg.find('=');
    if (eq == std::string_view::npos || eq == 0) return std::nullopt;
    return KeyValue{std::string(arg.substr(0, eq)), std::string(arg.substr(eq + 1))};
}

void hint_at_failures(const Registry& registry) {
    const std::size_t n = registry.failures().size();
    if (n == 0) return;
    print_message(count_of(n, "framework file") + (n == 1 ? " was" : " were") +
                  " not loaded because of errors; \"eqkit frameworks\" lists them");
}

std::string unconfirmed_text(const Provenance& provenance) {
    if (provenance.confirmed) return "";
    return provenance.note.empty() ? "UNCONFIRMED" : "UNCONFIRMED: " + provenance.note;
}

std::string unconfirmed_suffix(const Provenance& provenance) {
    if (provenance.confirmed) return "";
    return " (" + unconfirmed_text(provenance) + ")";
}

std::string count_of(std::size_t n, std::string_view label) {
    std::string word(label);
    for (char& c : word)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (n != 1 && !word.ends_with('s')) word += 's';
    return std::to_string(n) + " " + word;
}

nlohmann::json provenance_fields(nlohmann::json object, const Provenance& p) {
    object["confirmed"] = p.confirmed;
    object["note"] = p.note.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.note);
    return object;
}

nlohmann::json band_json(const Band& band) {
    return provenance_fields({{"label", band.label}, {"min", band.min}, {"max", band.max}},
                             band.provenance);
}

nlohmann::json error_json(const Error& error) {
    return {{"file", error.file},
            {"place", error.place},
            {"reason", error.reason},
            {"message", error.message()}};
}

void print_json(const nlohmann::json& value) {
    std::cout << value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

std::optional<KeyPair> read_signing_key(const std::string& file) {
    Result<std::string> text = read_text_file(file);
    if (!text) {
        print_error(text.error());
        return std::nullopt;
    }
    Result<KeyPair> key = parse_secret_key_file(*text, file);
    if (!key) {
        print_error(key.error());
        return std::nullopt;
    }
    struct stat info {};
    if (::stat(file.c_str(), &info) == 0 && (info.st_mode & 077) != 0) {
        print_message("warning: " + file +
                      " can be read by other people on this computer; a secret key should be "
                      "readable only by you (chmod 600 " +
                      file + ")");
    }
    return *key;
}

}  // namespace eqkit::cli
