// eqkit framework diff | assess migrate: what changed between two versions of a framework, and
// an assessment carried across to the new one (core/include/eqkit/framework_diff.hpp).
#include <filesystem>
#include <iostream>
#include <memory>
#include <system_error>

#include "commands.hpp"
#include "eqkit/files.hpp"
#include "eqkit/framework_diff.hpp"
#include "eqkit/plugins.hpp"

namespace eqkit::cli {
namespace {

struct DiffOptions {
    std::string old_file;
    std::string new_file;
    bool json = false;
};

struct MigrateOptions {
    std::string file;
    std::string to;  // a framework file, or the id of a loaded framework
    std::string out;
    bool force = false;
};

// A framework file with the loader's and the registry's checks (code hooks), as at start-up.
std::optional<Framework> load_checked(const std::string& file) {
    Framework fw;
    if (const ErrorList errors = check_framework_file(file, &fw); !errors.empty()) {
        print_errors(errors);
        return std::nullopt;
    }
    return fw;
}

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const std::string& part : parts)
        out += (out.empty() ? "" : ", ") + part;
    return out;
}

void print_diff_text(const Framework& old_fw, const Framework& new_fw, const FrameworkDiff& d) {
    std::cout << old_fw.id << " version " << d.old_version << " → " << new_fw.id << " version "
              << d.new_version << '\n';
    if (d.empty()) {
        std::cout << "No item was added, removed or retitled, and the scale is the same.\n";
        return;
    }
    std::cout << "Added (" << d.added.size() << "):" << (d.added.empty() ? " none" : "") << '\n';
    for (const std::string& code : d.added)
        std::cout << "  " << code << "  " << new_fw.find_item(code)->title << '\n';
    std::cout << "Removed (" << d.removed.size() << "):" << (d.removed.empty() ? " none" : "")
              << '\n';
    for (const std::string& code : d.removed)
        std::cout << "  " << code << "  " << old_fw.find_item(code)->title << '\n';
    std::cout << "Retitled (" << d.retitled.size() << "):" << (d.retitled.empty() ? " none" : "")
              << '\n';
    for (const RetitledItem& r : d.retitled)
        std::cout << "  " << r.code << "  \"" << r.old_title << "\" → \"" << r.new_title << "\"\n";
    std::cout << "Scale: " << (d.rescaled ? "changed (values or labels)" : "the same") << '\n';
}

nlohmann::json diff_json(const Framework& old_fw, const Framework& new_fw, const FrameworkDiff& d) {
    nlohmann::json retitled = nlohmann::json::array();
    for (const RetitledItem& r : d.retitled)
        retitled.push_back(
            {{"code", r.code}, {"old_title", r.old_title}, {"new_title", r.new_title}});
    return {{"old", {{"id", old_fw.id}, {"version", d.old_version}}},
            {"new", {{"id", new_fw.id}, {"version", d.new_version}}},
            {"added", d.added},
            {"removed", d.removed},
            {"retitled", std::move(retitled)},
            {"rescaled", d.rescaled},
            {"changed", !d.empty()}};
}

int run_diff(const DiffOptions& options) {
    const std::optional<Framework> old_fw = load_checked(options.old_file);
    const std::optional<Framework> new_fw = load_checked(options.new_file);
    if (!old_fw || !new_fw) return exit_bad_input;
    const FrameworkDiff diff = diff_frameworks(*old_fw, *new_fw);
    if (options.json) {
        print_json(diff_json(*old_fw, *new_fw, diff));
    } else {
        print_diff_text(*old_fw, *new_fw, diff);
    }
    return exit_ok;
}

// --to names a file when one exists there, else a version of the assessment's own framework
// that the plugins hold ("2025"), else a loaded framework's id.
std::optional<Framework> target_framework(const std::string& to, const Framework& from,
                                          const Registry& registry) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(to, ec)) return load_checked(to);
    if (const Framework* version = registry.find_version(from.id, to)) return *version;
    Result<const Framework*> found = find_framework(registry, to);
    if (!found) {
        print_error(found.error());
        return std::nullopt;
    }
    return **found;
}

int run_migrate(const MigrateOptions& options, const GlobalOptions& globals) {
    // A file made with an earlier version the plugins keep is read against that version.
    std::optional<OpenAssessment> open =
        open_assessment(options.file, globals, EarlierVersions::read);
    if (!open) return exit_bad_input;
    std::error_code ec;
    if (!options.force && std::filesystem::exists(options.out, ec)) {
        print_error({options.out, "", "the file already exists; use --force to replace it"});
        return exit_bad_input;
    }
    const std::optional<Framework> new_fw =
        target_framework(options.to, open->framework(), open->registry);
    if (!new_fw) return exit_bad_input;
    const Migration m =
        migrate_assessment(open->assessment, open->framework(), *new_fw, &open->registry);
    // Saved only when the bytes read back against the new version.
    Registry target;
    register_builtin_hooks(target);
    target.add(*new_fw);
    const std::string bytes = assessment_to_json(*new_fw, m.assessment);
    if (Checked<Assessment> back = parse_assessment(bytes, options.out, target); !back) {
        print_errors(back.error());
        return exit_bad_input;
    }
    if (Result<void> saved = save_atomically(options.out, bytes); !saved) {
        print_error(saved.error());
        return exit_bad_input;
    }
    std::cout << "Carried " << options.file << " (" << open->framework().id << " version "
              << open->framework().version << ") to " << new_fw->id << " version "
              << new_fw->version << ", saved as " << options.out << ".\n";
    std::cout << "Needs review (" << m.needs_review.size() - m.mapped.size() << " carried by code"
              << (m.mapped.empty() ? "" : ", " + std::to_string(m.mapped.size()) + " by mapping")
              << "): " << (m.needs_review.empty() ? "none" : joined(m.needs_review)) << '\n';
    for (const MappedAnswer& mapped : m.mapped)
        std::cout << "  " << mapped.code << " from " << mapped.from_code << " (mapping "
                  << mapped.mapping << ")\n";
    std::cout << "Not carried (" << m.not_carried.size()
              << "):" << (m.not_carried.empty() ? " none" : "") << '\n';
    for (const NotCarried& n : m.not_carried)
        std::cout << "  " << n.code << ": " << n.reason << '\n';
    return exit_ok;
}

}  // namespace

void setup_framework_diff(CLI::App& framework, Context& context) {
    auto options = std::make_shared<DiffOptions>();
    CLI::App* sub = framework.add_subcommand(
        "diff", "What changed between two versions: items added, removed, retitled, rescaled");
    sub->add_option("OLD", options->old_file, "The older framework file")->required();
    sub->add_option("NEW", options->new_file, "The newer framework file")->required();
    sub->add_flag("--json", options->json, "Print JSON instead of text");
    sub->callback([options, &context] { context.status = run_diff(*options); });
}

void setup_assess_migrate(CLI::App& assess, Context& context) {
    auto options = std::make_shared<MigrateOptions>();
    CLI::App* sub = assess.add_subcommand(
        "migrate",
        "Carry an assessment to a new framework version: answers carried by code need review, "
        "answers left behind are listed with why");
    sub->add_option("FILE", options->file, "The assessment file")->required();
    sub->add_option("--to", options->to,
                    "The new version: a version number of the assessment's framework (2025), a "
                    "framework file, or a loaded id")
        ->required();
    sub->add_option("--out", options->out, "The migrated assessment file to write")->required();
    sub->add_flag("--force", options->force, "Replace the --out file if it already exists");
    sub->callback([options, &context] { context.status = run_migrate(*options, context.globals); });
}

}  // namespace eqkit::cli
