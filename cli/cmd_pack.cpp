// eqkit pack export | verify | import: evidence packs, one ZIP anyone can open and check.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "eqkit/files.hpp"
#include "eqkit/pack.hpp"
#include "eqkit/personal_data.hpp"

namespace eqkit::cli {
namespace {

struct ExportOptions {
    std::string workspace;
    std::string out;
    std::string key;
    bool allow_personal_data = false;
    bool force = false;
};

struct VerifyOptions {
    std::string pack;
    std::string key;  // a public key the pack must be signed with
    bool json = false;
};

struct ImportOptions {
    std::string pack;
    std::string into;
};

// ---- export -------------------------------------------------------------------------------

// The personal data guard: list every finding; refuse unless the user has said to go ahead.
bool personal_data_allowed(const WorkspaceFolder& ws, bool allowed) {
    Result<std::vector<PersonalDataFinding>> findings = scan_workspace_for_personal_data(ws);
    if (!findings) {
        print_error(findings.error());
        return false;
    }
    if (findings->empty()) return true;
    std::cerr << "eqkit: " << (allowed ? "warning: " : "") << "the pack may hold personal data ("
              << count_of(findings->size(), "finding") << "):\n";
    for (const PersonalDataFinding& f : *findings)
        std::cerr << "  " << f.where << ": " << f.what << '\n';
    if (!allowed) {
        std::cerr << "Nothing was exported. Check each place listed; remove what should not "
                     "leave your organisation, or run again with --allow-personal-data to "
                     "export it anyway.\n";
    }
    return allowed;
}

int run_export(const ExportOptions& options, const GlobalOptions& globals) {
    std::optional<OpenWorkspace> open = open_workspace(options.workspace, globals);
    if (!open) return exit_bad_input;
    std::error_code ec;
    if (!options.force && std::filesystem::exists(options.out, ec)) {
        print_error({options.out, "", "the file already exists; use --force to replace it"});
        return exit_bad_input;
    }
    eqkit::ExportOptions export_options;
    export_options.tool_version = EQKIT_VERSION;
    if (!options.key.empty()) {
        export_options.signing_key = read_signing_key(options.key);
        if (!export_options.signing_key) return exit_bad_input;
    }
    if (!personal_data_allowed(open->folder, options.allow_personal_data)) return exit_bad_input;
    Result<ExportSummary> summary = export_pack(open->folder, options.out, export_options);
    if (!summary) {
        print_error(summary.error());
        return exit_bad_input;
    }
    std::cout << "Wrote " << options.out << ": " << count_of(summary->assessments, "assessment")
              << ", " << count_of(summary->evidence_files, "evidence file") << ", "
              << count_of(summary->links_and_notes, "link or note") << " ("
              << with_commas(summary->bytes) << " bytes).\n";
    if (summary->signer_fingerprint.empty()) {
        std::cout << "Not signed (sign with --sign KEY; make a key with \"eqkit key new\").\n";
    } else {
        std::cout << "Signed by key " << summary->signer_fingerprint << ".\n";
    }
    std::cout << "Check it with: eqkit pack verify " << options.out << '\n';
    return exit_ok;
}

// ---- verify -------------------------------------------------------------------------------

std::string signature_line(const VerifyResult& result) {
    if (!result.signature) {
        return "Not signed: the files match the manifest, but anyone could have rewritten both.";
    }
    if (!result.signature->valid) {
        return "The signature by key " + result.signature->fingerprint + " does NOT match.";
    }
    return "Signed by key " + result.signature->fingerprint +
           ": the signature matches. Ask the provider to confirm this fingerprint.";
}

// --key: the pack must be signed, validly, by this public key.
void check_expected_key(const VerifyOptions& options, VerifyResult& result) {
    Result<std::string> text = read_text_file(options.key);
    Result<PublicKey> key = text ? parse_public_key_file(*text, options.key)
                                 : Result<PublicKey>(tl::unexpected(text.error()));
    if (!key) {
        result.problems.push_back(key.error());
        return;
    }
    const std::string expected = key_fingerprint(*key);
    if (!result.signature) {
        result.problems.push_back({options.pack, std::string(signature_name),
                                   "the pack is not signed, but --key expects key " + expected});
    } else if (!(result.signature->key == *key)) {
        result.problems.push_back({options.pack, std::string(signature_name),
                                   "the pack is signed by key " + result.signature->fingerprint +
                                       ", not by the expected key " + expected});
    }
}

nlohmann::json verify_json(const VerifyOptions& options, const VerifyResult& result) {
    nlohmann::json problems = nlohmann::json::array();
    for (const Error& e : result.problems)
        problems.push_back(error_json(e));
    nlohmann::json signature = nullptr;
    if (result.signature) {
        signature = {{"fingerprint", result.signature->fingerprint},
                     {"valid", result.signature->valid}};
    }
    nlohmann::json tool = nullptr;
    if (result.manifest) {
        tool = {{"name", result.manifest->tool_name}, {"version", result.manifest->tool_version}};
    }
    return {{"pack", options.pack},
            {"intact", result.intact()},
            {"problems", std::move(problems)},
            {"files_checked", result.files_checked},
            {"bytes_checked", result.bytes_checked},
            {"signature", std::move(signature)},
            {"tool", std::move(tool)}};
}

int run_verify(const VerifyOptions& options) {
    VerifyResult result = verify_pack(options.pack);
    if (!options.key.empty()) check_expected_key(options, result);
    if (options.json) {
        print_json(verify_json(options, result));
        return result.intact() ? exit_ok : exit_bad_input;
    }
    if (result.intact()) {
        std::cout << options.pack << " is intact: " << count_of(result.files_checked, "file")
                  << " (" << with_commas(result.bytes_checked)
                  << " bytes) match manifest.json, and nothing is missing or extra.\n"
                  << signature_line(result) << '\n';
        return exit_ok;
    }
    print_errors(result.problems);
    std::cout << options.pack << " is NOT intact: " << count_of(result.problems.size(), "problem")
              << " (listed above).\n";
    if (result.manifest) std::cout << signature_line(result) << '\n';
    return exit_bad_input;
}

// ---- import -------------------------------------------------------------------------------

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const std::string& p : parts)
        out += (out.empty() ? "" : ", ") + p;
    return out;
}

int run_import(const ImportOptions& options, const GlobalOptions& globals) {
    std::optional<OpenWorkspace> open = open_workspace(options.into, globals);
    if (!open) return exit_bad_input;
    Checked<ImportSummary> summary = import_pack(options.pack, open->folder);
    if (!summary) {
        print_errors(summary.error());
        print_message("the pack was refused; nothing was written to " + options.into);
        return exit_bad_input;
    }
    std::cout << "Imported " << options.pack << " into " << options.into << ".\n";
    std::cout << "  assessments added: "
              << (summary->added_assessments.empty() ? "none" : joined(summary->added_assessments))
              << '\n'
              << "  evidence added: "
              << (summary->added_evidence.empty() ? "none" : joined(summary->added_evidence))
              << '\n'
              << "  actions added to the action plan: " << summary->added_actions << '\n';
    for (const auto& [from, to] : summary->renamed)
        std::cout << "  " << from << " was renamed " << to << " (the id was taken)\n";
    if (!summary->already_present.empty()) {
        std::cout << "  already here, so not added again: " << joined(summary->already_present)
                  << '\n';
    }
    for (const std::string& note : summary->notes)
        std::cout << "  note: " << note << '\n';
    if (summary->signature) {
        std::cout << "Signed by key " << summary->signature->fingerprint << ".\n";
    } else {
        std::cout << "The pack was not signed.\n";
    }
    return exit_ok;
}

// ---- command line -------------------------------------------------------------------------

void setup_export(CLI::App& pack, Context& context) {
    auto o = std::make_shared<ExportOptions>();
    CLI::App* sub = pack.add_subcommand(
        "export", "Write the workspace as one evidence pack (.zip) that anyone can open");
    sub->add_option("WORKSPACE", o->workspace, "The workspace folder")->required();
    sub->add_option("--out", o->out, "The pack to write, such as pack.zip")->required();
    sub->add_option("--sign", o->key, "Sign it with this secret key (see \"eqkit key new\")");
    sub->add_flag("--allow-personal-data", o->allow_personal_data,
                  "Export even though NHS numbers, dates of birth or email addresses were found");
    sub->add_flag("--force", o->force, "Replace the --out file if it already exists");
    sub->callback([o, &context] { context.status = run_export(*o, context.globals); });
}

void setup_verify(CLI::App& pack, Context& context) {
    auto o = std::make_shared<VerifyOptions>();
    CLI::App* sub = pack.add_subcommand(
        "verify", "Check that every file in a pack is intact, and who signed it (exit 1 if not)");
    sub->add_option("PACK", o->pack, "The pack (.zip)")->required();
    sub->add_option("--key", o->key, "A public key (KEY.pub) the pack must be signed with");
    sub->add_flag("--json", o->json, "Print JSON instead of text");
    sub->callback([o, &context] { context.status = run_verify(*o); });
}

void setup_import(CLI::App& pack, Context& context) {
    auto o = std::make_shared<ImportOptions>();
    CLI::App* sub = pack.add_subcommand(
        "import", "Add a pack's assessments and evidence to a workspace, overwriting nothing");
    sub->add_option("PACK", o->pack, "The pack (.zip)")->required();
    sub->add_option("--into", o->into, "The workspace folder")->required();
    sub->callback([o, &context] { context.status = run_import(*o, context.globals); });
}

}  // namespace

void setup_pack(CLI::App& app, Context& context) {
    CLI::App* pack = app.add_subcommand("pack", "Export, verify and import evidence packs");
    pack->require_subcommand(1);
    setup_export(*pack, context);
    setup_verify(*pack, context);
    setup_import(*pack, context);
}

}  // namespace eqkit::cli
