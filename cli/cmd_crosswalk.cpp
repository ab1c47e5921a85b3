// eqkit crosswalk ITEM: the items in other frameworks that the mapping files link to ITEM.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "eqkit/crosswalk.hpp"
#include "eqkit/crosswalk_suggestions.hpp"
#include "eqkit/evidence.hpp"

namespace eqkit::cli {
namespace {

struct CrosswalkOptions {
    std::string item;
    std::string workspace;   // also list what that workspace already holds for linked items
    std::string assessment;  // the assessment the item's answers go into (for suggestions)
    bool json = false;
};

// "EqualityKit's own" or "official", with the UNCONFIRMED mark when the link has one.
std::string standing(const CrosswalkLink& link) {
    std::string text = link.official ? "official" : "EqualityKit's own, not official";
    return text + unconfirmed_suffix(link.provenance);
}

void print_text(const Registry& registry, const ItemRef& ref,
                const std::vector<CrosswalkLink>& links) {
    const Framework& fw = *registry.find(ref.framework);
    std::cout << ref.text() << "  " << fw.find_item(ref.code)->title << '\n'
              << "  in " << fw.title << "\n\n";
    if (links.empty()) {
        std::cout << "No mapping links this item to another framework.\n";
        return;
    }
    std::cout << "Linked items (" << links.size() << "):\n";
    for (const CrosswalkLink& link : links) {
        const Framework* other = registry.find(link.framework);
        std::cout << "  " << link.ref() << "  " << link.title << '\n'
                  << "    " << ref.code << ' ' << relationship_words(link.relationship) << ' '
                  << link.code << " (" << relationship_name(link.relationship) << ") in "
                  << (other == nullptr ? link.framework : std::string(other->display_title()))
                  << "; " << standing(link) << '\n'
                  << "    Why: " << link.rationale << '\n';
    }
}

void print_suggestions(const std::vector<Suggestion>& found) {
    std::cout << "\nAlready in the workspace for linked items (" << found.size() << "):\n";
    if (found.empty()) std::cout << "  nothing yet\n";
    for (const Suggestion& s : found) {
        if (s.kind == SuggestionKind::evidence) {
            std::cout << "  evidence " << s.evidence_id << " \"" << s.evidence_title
                      << "\" supports " << s.link.ref() << '\n';
        } else {
            std::cout << "  answer to " << s.link.ref() << " in assessment " << s.assessment_id
                      << (s.answer.score ? ": score " + std::to_string(*s.answer.score) : "")
                      << '\n';
        }
    }
    if (!found.empty()) std::cout << "Nothing is copied until you accept a suggestion.\n";
}

// With --workspace: what the workspace already holds for the linked items.
int run_with_workspace(const CrosswalkOptions& options, const GlobalOptions& globals) {
    std::optional<OpenWorkspace> open = open_workspace(options.workspace, globals);
    if (!open) return exit_bad_input;
    const Registry& registry = *open->registry;
    Result<ItemRef> ref = check_item_ref(options.item, registry);
    if (!ref) {
        print_message(ref.error().reason);
        return exit_bad_input;
    }
    const std::vector<CrosswalkLink> links = linked_items(registry, ref->framework, ref->code);
    const std::vector<Suggestion> found = suggestions(open->folder, *ref, options.assessment);
    if (options.json) {
        nlohmann::json out = nlohmann::json::parse(
            crosswalk_json(registry, ref->framework, ref->code, links), nullptr, false);
        out["suggestions"] =
            nlohmann::json::parse(suggestions_json(*ref, found), nullptr, false).at("suggestions");
        print_json(out);
    } else {
        print_text(registry, *ref, links);
        print_suggestions(found);
    }
    return exit_ok;
}

int run_crosswalk(const CrosswalkOptions& options, const GlobalOptions& globals) {
    if (!options.workspace.empty()) return run_with_workspace(options, globals);
    Result<Registry> registry = load_registry(globals);
    if (!registry) {
        print_error(registry.error());
        return exit_bad_input;
    }
    Result<ItemRef> ref = check_item_ref(options.item, *registry);
    if (!ref) {
        print_message(ref.error().reason);
        hint_at_failures(*registry);
        return exit_bad_input;
    }
    const std::vector<CrosswalkLink> links = linked_items(*registry, ref->framework, ref->code);
    if (options.json) {
        print_json(nlohmann::json::parse(
            crosswalk_json(*registry, ref->framework, ref->code, links), nullptr, false));
    } else {
        print_text(*registry, *ref, links);
    }
    return exit_ok;
}

}  // namespace

void setup_crosswalk(CLI::App& app, Context& context) {
    auto options = std::make_shared<CrosswalkOptions>();
    CLI::App* sub = app.add_subcommand(
        "crosswalk", "List the items in other frameworks linked to an item (eds2022:1A)");
    sub->add_option("item", options->item, "The item, written framework:code (eds2022:1A)")
        ->required();
    sub->add_option("--workspace", options->workspace,
                    "Also list the evidence and answers this workspace folder already holds for "
                    "the linked items");
    sub->add_option("--assessment", options->assessment,
                    "With --workspace: the assessment the item's answer goes into (answers "
                    "already carried into it are not suggested again)");
    sub->add_flag("--json", options->json, "Print JSON instead of text");
    sub->callback(
        [options, &context] { context.status = run_crosswalk(*options, context.globals); });
}

}  // namespace eqkit::cli
