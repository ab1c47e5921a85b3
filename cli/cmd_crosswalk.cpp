// eqkit crosswalk ITEM: the items in other frameworks that the mapping files link to ITEM.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "eqkit/crosswalk.hpp"
#include "eqkit/evidence.hpp"

namespace eqkit::cli {
namespace {

struct CrosswalkOptions {
    std::string item;
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

int run_crosswalk(const CrosswalkOptions& options, const GlobalOptions& globals) {
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
    sub->add_flag("--json", options->json, "Print JSON instead of text");
    sub->callback(
        [options, &context] { context.status = run_crosswalk(*options, context.globals); });
}

}  // namespace eqkit::cli
