// eqkit: EqualityKit's command line. Builds the app, lets each verb add itself, parses, and
// turns the outcome into an exit status: 0 done, 1 bad input, 2 bad command line.
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "eqkit/plugins.hpp"

namespace {

using namespace eqkit::cli;

constexpr const char* exit_statuses =
    "Exit status: 0 done; 1 a file or its data is wrong (nothing is changed on disk);\n"
    "2 the command line is wrong; 3 done, but flagged for your attention (a bid recorded whose\n"
    "evidence pack failed verification). Run \"eqkit VERB --help\" for a verb's options.";

std::string plugins_help() {
    const auto found = eqkit::find_plugin_dir();
    return "Folder of framework folders (default: $EQKIT_PLUGINS, else beside the program; "
           "now " +
           (found ? found->generic_string() : std::string("none found")) + ")";
}

// The deepest verb the command line reached: "eqkit assess set".
const CLI::App* deepest_verb(const CLI::App* app) {
    while (!app->get_subcommands().empty())
        app = app->get_subcommands().front();
    return app;
}

std::string command_path(const CLI::App* app) {
    std::string path = app->get_name();
    for (const CLI::App* sub = app; !sub->get_subcommands().empty();) {
        sub = sub->get_subcommands().front();
        path += " " + sub->get_name();
    }
    return path;
}

// CLI11 reports a missing or mistyped verb as "A subcommand is required"; name the word and
// the choices instead.
std::string describe(const CLI::App* app, const CLI::Error& e) {
    const CLI::App* verb = deepest_verb(app);
    if (e.get_name() != "RequiredError" || verb->get_require_subcommand_min() == 0) {
        return e.what();
    }
    std::string choices;
    for (const CLI::App* sub : verb->get_subcommands({})) {
        if (!choices.empty()) choices += ", ";
        choices += sub->get_name();
    }
    const std::vector<std::string> extra = app->remaining(true);
    const std::string problem =
        extra.empty() ? "a verb is needed after " + command_path(app)
                      : "\"" + extra.front() + "\" is not a verb of " + command_path(app);
    return problem + " (use one of: " + choices + ")";
}

std::string failure_message(const CLI::App* app, const CLI::Error& e) {
    return "eqkit: " + describe(app, e) + "\nRun \"" + command_path(app) +
           " --help\" for more information.\n";
}

void setup_app(CLI::App& app, Context& context) {
    app.set_version_flag("--version", "eqkit " EQKIT_VERSION);
    app.require_subcommand(1);
    app.fallthrough();  // lets --plugins come after the verb too
    app.footer(exit_statuses);
    app.failure_message(failure_message);
    app.add_option("--plugins", context.globals.plugins_dir, plugins_help());
    setup_frameworks(app, context);
    setup_framework(app, context);
    setup_assess(app, context);
    setup_report(app, context);
    setup_workspace(app, context);
    setup_evidence(app, context);
    setup_key(app, context);
    setup_pack(app, context);
    setup_workforce(app, context);
    setup_crosswalk(app, context);
    setup_coverage(app, context);
    setup_tender(app, context);
    setup_eira(app, context);
    setup_actions(app, context);
}

// Output that could not be written (a full disk, a closed pipe) is a failure too.
int finish(int status) {
    std::cout.flush();
    if (!std::cout) {
        print_message("could not write the output");
        return exit_bad_input;
    }
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"EqualityKit: self-assessment against equality and human-rights frameworks.",
                 "eqkit"};
    Context context;
    setup_app(app, context);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // --help and --version arrive here too, with exit code 0.
        return finish(app.exit(e) == 0 ? exit_ok : exit_usage);
    } catch (const std::exception& e) {
        print_message(std::string("unexpected error: ") + e.what());
        return exit_bad_input;
    }
    return finish(context.status);
}
