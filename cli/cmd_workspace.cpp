// eqkit workspace new DIR: a folder for assessments and their evidence library.
#include <iostream>
#include <memory>

#include "commands.hpp"

namespace eqkit::cli {
namespace {

struct NewOptions {
    std::string dir;
};

int run_new(const NewOptions& options, const GlobalOptions& globals) {
    Result<Registry> registry = load_registry(globals);
    if (!registry) {
        print_error(registry.error());
        return exit_bad_input;
    }
    Result<WorkspaceFolder> made = WorkspaceFolder::create(options.dir, *registry);
    if (!made) {
        print_error(made.error());
        return exit_bad_input;
    }
    std::cout << "Created the workspace " << options.dir << ".\n"
              << "Next: eqkit assess new --framework ID --workspace " << options.dir
              << " (see \"eqkit frameworks\" for the ids)\n";
    return exit_ok;
}

}  // namespace

void setup_workspace(CLI::App& app, Context& context) {
    CLI::App* workspace =
        app.add_subcommand("workspace", "Make a workspace: a folder of assessments and evidence");
    workspace->require_subcommand(1);
    auto options = std::make_shared<NewOptions>();
    CLI::App* sub = workspace->add_subcommand("new", "Make a new, empty workspace folder");
    sub->add_option("DIR", options->dir, "The folder (made if needed; must be empty)")->required();
    sub->callback([options, &context] { context.status = run_new(*options, context.globals); });
}

}  // namespace eqkit::cli
