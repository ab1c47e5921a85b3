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

nlohmann::json failure_json(const std::string& file, const ErrorList& list) {
    nlohmann::json errors = nlohmann::json::array();
    for (const Error& e : list)
        errors.push_back(error_json(e));
    return {{"file", file}, {"errors", std::move(errors)}};
}

// Question sets are listed beside the frameworks, told apart by "kind".
nlohmann::json frameworks_json(const Registry& registry, const QuestionSetLibrary& sets) {
    nlohmann::json frameworks = nlohmann::json::array();
    for (const Framework& fw : registry.frameworks()) {
        frameworks.push_back({{"id", fw.id},
                              {"kind", "framework"},
                              {"version", fw.version},
                              {"title", fw.title},
                              {"short_title", fw.short_title},
                              {"items", fw.item_count()},
                              {"groups", fw.groups.size()}});
    }
    for (const QuestionSet& set : sets.sets) {
        frameworks.push_back(provenance_fields({{"id", set.id},
                                                {"kind", "question_set"},
                                                {"version", set.version},
                                                {"title", set.title},
                                                {"official", set.official},
                                                {"items", set.questions.size()}},
                                               set.provenance));
    }
    nlohmann::json failures = nlohmann::json::array();
    for (const LoadFailure& failure : registry.failures())
        failures.push_back(failure_json(failure.file, failure.errors));
    for (const ErrorList& failure : sets.failures)
        failures.push_back(failure_json(failure.empty() ? "" : failure.front().file, failure));
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

void print_text(const Registry& registry, const QuestionSetLibrary& sets) {
    if (registry.frameworks().empty()) {
        std::cout << "No frameworks are loaded.\n";
    } else {
        std::cout << "Loaded frameworks:\n";
        print_table(registry);
    }
    if (!sets.sets.empty()) {
        std::cout << "\nTender question sets (eqkit tender new --questions ID):\n";
        for (const QuestionSet& set : sets.sets) {
            std::cout << "  " << set.id << "  version " << set.version << ", "
                      << set.questions.size() << " questions  " << set.title
                      << unconfirmed_suffix(set.provenance) << '\n';
        }
    }
    if (registry.failures().empty() && sets.failures.empty()) return;
    std::cout << "\nCould not load:\n";
    for (const LoadFailure& failure : registry.failures()) {
        for (const Error& e : failure.errors)
            std::cout << "  " << e.message() << '\n';
    }
    for (const ErrorList& failure : sets.failures) {
        for (const Error& e : failure)
            std::cout << "  " << e.message() << '\n';
    }
}

int run_frameworks(const FrameworksOptions& options, const GlobalOptions& globals) {
    Result<Registry> registry = load_registry(globals);
    if (!registry) {
        print_error(registry.error());
        return exit_bad_input;
    }
    Result<QuestionSetLibrary> sets = load_question_set_library(globals);
    if (!sets) {
        print_error(sets.error());
        return exit_bad_input;
    }
    // Failures are part of the listing, not an error of this command: exit 0 either way.
    if (options.json) {
        print_json(frameworks_json(*registry, *sets));
    } else {
        print_text(*registry, *sets);
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
