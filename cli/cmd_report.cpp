// eqkit report: the accessible HTML report of an assessment, as one self-contained page.
#include <filesystem>
#include <iostream>
#include <memory>
#include <system_error>

#include "commands.hpp"
#include "eqkit/files.hpp"
#include "eqkit/report.hpp"

namespace eqkit::cli {
namespace {

struct ReportOptions {
    std::string file;
    std::string out;
    bool pages = false;
};

// A slip of the keyboard must not replace the assessment with its own report.
bool same_file(const std::string& a, const std::string& b) {
    std::error_code ec;
    return std::filesystem::equivalent(a, b, ec) && !ec;
}

int run_report(const ReportOptions& options, const GlobalOptions& globals) {
    std::optional<OpenAssessment> open = open_assessment(options.file, globals);
    if (!open) return exit_bad_input;
    if (same_file(options.file, options.out)) {
        print_error({options.out, "", "this is the assessment itself; choose another --out file"});
        return exit_bad_input;
    }
    const std::string html = options.pages
                                 ? render_statement_pages_html(open->framework(), open->assessment)
                                 : render_report_html(open->framework(), open->assessment);
    if (Result<void> saved = save_atomically(options.out, html); !saved) {
        print_error(saved.error());
        return exit_bad_input;
    }
    std::cout << "Wrote the " << (options.pages ? "report pages" : "report") << " on "
              << options.file << " to " << options.out << ".\n";
    return exit_ok;
}

}  // namespace

void setup_report(CLI::App& app, Context& context) {
    auto options = std::make_shared<ReportOptions>();
    CLI::App* sub = app.add_subcommand("report", "Write an assessment's accessible HTML report");
    sub->add_option("FILE", options->file, "The assessment file")->required();
    sub->add_option("--out", options->out, "The HTML file to write (replaced if it exists)")
        ->required();
    sub->add_flag("--pages", options->pages,
                  "Write the statement report pages instead (CQC local authority report style: "
                  "score and wording, your I and We statements, narrative sections)");
    sub->callback([options, &context] { context.status = run_report(*options, context.globals); });
}

}  // namespace eqkit::cli
