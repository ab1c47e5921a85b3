// eqkit coverage WORKSPACE --framework ID: which items of a framework have evidence or an answer
// in the workspace directly, only through the crosswalk, or not at all (eqkit/coverage.hpp).
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "eqkit/coverage.hpp"

namespace eqkit::cli {
namespace {

struct CoverageOptions {
    std::string workspace;
    std::string framework;
    bool json = false;
};

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const std::string& part : parts)
        out += (out.empty() ? "" : "; ") + part;
    return out;
}

void print_text(const Coverage& c) {
    std::cout << c.framework_title << " (" << c.framework << "): " << c.direct
              << " with evidence here, " << c.crosswalk << " through the crosswalk only, " << c.none
              << " with none.\n";
    for (const ItemCoverage& i : c.items) {
        std::cout << "  " << i.code << "  " << coverage_words(i.kind) << "  " << i.title << '\n';
        if (!i.evidence.empty()) std::cout << "      evidence: " << joined(i.evidence) << '\n';
        if (i.answered) std::cout << "      answered in an assessment of this framework\n";
        if (!i.through.empty()) std::cout << "      linked: " << joined(i.through) << '\n';
    }
}

int run_coverage(const CoverageOptions& options, const GlobalOptions& globals) {
    std::optional<OpenWorkspace> open = open_workspace(options.workspace, globals);
    if (!open) return exit_bad_input;
    Result<Coverage> c = coverage(open->folder, options.framework);
    if (!c) {
        print_error({options.workspace, "--framework", c.error().reason});
        return exit_bad_input;
    }
    if (options.json) {
        std::cout << coverage_json(*c) << '\n';
    } else {
        print_text(*c);
    }
    return exit_ok;
}

}  // namespace

void setup_coverage(CLI::App& app, Context& context) {
    auto options = std::make_shared<CoverageOptions>();
    CLI::App* sub = app.add_subcommand(
        "coverage",
        "Which items of a framework have evidence here, through the crosswalk, or none");
    sub->add_option("WORKSPACE", options->workspace, "The workspace folder")->required();
    sub->add_option("--framework", options->framework, "The framework's id, such as cqc_saf")
        ->required();
    sub->add_flag("--json", options->json, "Print JSON instead of text");
    sub->callback(
        [options, &context] { context.status = run_coverage(*options, context.globals); });
}

}  // namespace eqkit::cli
