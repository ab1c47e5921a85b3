// eqkit frameworks: what is loaded from the plugins folder, and what could not be loaded.
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <memory>

#include "commands.hpp"

namespace eqkit::cli {
namespace {

struct FrameworksOptions {
    bool json = false;
};

nlohmann::json frameworks_json(const Registry& registry) {
    nlohmann::json frameworks = nlohmann::json::array();
    for (const Framework& fw : registry.frameworks()) {
        frameworks.push_back({{"id", fw.id},
                              {"version", fw.version},
                              {"title", fw.title},
                              {"short_title", fw.short_title},
                              {"items", fw.item_count()},
                              {"groups", fw.groups.size()}});
    }
    nlohmann::json failures = nlohmann::json::array();
    for (const LoadFailure& failure : registry.failures()) {
        nlohmann::json errors = nlohmann::json::array();
        for (const Error& e : failure.errors)
            errors.push_back(error_json(e));
        failures.push_back({{"file", failure.file}, {"errors", std::move(errors)}});
    }
    return {{"frameworks", std::move(frameworks)}, {"failures", std::move(failures)}};
}

std::size_t widest(const Registry& registry, std::size_t at_least,
                   std::size_t (*width)(const Framework&)) {
    std::size_t w = at_least;
    for (const Framework& fw : registry.frameworks())
        w = std::max(w, width(fw));
    return w;
}

// A table: the ids are what the other verbs take, so they come first.
void print_table(const Registry& registry) {
    const auto id_width = widest(registry, 2, [](const Framework& fw) { return fw.id.size(); }) + 2;
    const auto version_width =
        widest(registry, 7, [](const Framework& fw) { return fw.version.size(); }) + 2;
    const auto row = [&](std::string_view id, std::string_view version, std::string_view items,
                         std::string_view title) {
        std::cout << "  " << std::left << std::setw(static_cast<int>(id_width)) << id
                  << std::setw(static_cast<int>(version_width)) << version << std::right
                  << std::setw(5) << items << "  " << title << '\n';
    };
    row("ID", "VERSION", "ITEMS", "TITLE");
    for (const Framework& fw : registry.frameworks())
        row(fw.id, fw.version, std::to_string(fw.item_count()), fw.title);
}

void print_text(const Registry& registry) {
    if (registry.frameworks().empty()) {
        std::cout << "No frameworks are loaded.\n";
    } else {
        std::cout << "Loaded frameworks:\n";
        print_table(registry);
    }
    if (registry.failures().empty()) return;
    std::cout << "\nCould not load:\n";
    for (const LoadFailure& failure : registry.failures()) {
        for (const Error& e : failure.errors)
            std::cout << "  " << e.message() << '\n';
    }
}

int run_frameworks(const FrameworksOptions& options, const GlobalOptions& globals) {
    Result<Registry> registry = load_registry(globals);
    if (!registry) {
        print_error(registry.error());
        return exit_bad_input;
    }
    // Failures are part of the listing, not an error of this command: exit 0 either way.
    if (options.json) {
        print_json(frameworks_json(*registry));
    } else {
        print_text(*registry);
    }
    return exit_ok;
}

}  // namespace

void setup_frameworks(CLI::App& app, Context& context) {
    auto options = std::make_shared<FrameworksOptions>();
    CLI::App* sub = app.add_subcommand(
        "frameworks", "List the frameworks in the plugins folder and any that could not be loaded");
    sub->add_flag("--json", options->json, "Print JSON instead of text");
    sub->callback(
        [options, &context] { context.status = run_frameworks(*options, context.globals); });
}

}  // namespace eqkit::cli
