// eqkit framework show | validate: one framework in full, or framework files checked before
// they are dropped into the plugins folder.
#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>
#include <vector>

#include "commands.hpp"
#include "eqkit/crosswalk.hpp"
#include "eqkit/files.hpp"
#include "eqkit/plugins.hpp"
#include "eqkit/scoring.hpp"
#include "eqkit/tender_report.hpp"

namespace eqkit::cli {
namespace {

struct ShowOptions {
    std::string id;
    bool json = false;
};

struct ValidateOptions {
    std::vector<std::string> files;
};

// ---- show: unconfirmed marks -------------------------------------------------------------

std::string span(int min, int max) {
    return min == max ? std::to_string(min) : std::to_string(min) + "–" + std::to_string(max);
}

std::string in_quotes(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

// Every fact in the framework marked confirmed: false, in the order the file gives them.
std::vector<UnconfirmedFact> unconfirmed_marks(const Framework& fw) {
    std::vector<UnconfirmedFact> out;
    const auto add = [&out](const Provenance& p, std::string what) {
        if (!p.confirmed) out.push_back({std::move(what), p.note});
    };
    add(fw.source.provenance, "source " + in_quotes(fw.source.title));
    add(fw.scale.provenance, "scale " + in_quotes(fw.scale.title));
    for (const ScaleLevel& l : fw.scale.levels)
        add(l.provenance, "scale level " + std::to_string(l.value) + " " + in_quotes(l.label));
    if (fw.raters) add(fw.raters->provenance, "raters " + in_quotes(fw.raters->label));
    for (const Group& g : fw.groups) {
        add(g.provenance, fw.group_label + " " + g.code + " " + in_quotes(g.title));
        for (const Item& item : g.items) {
            const std::string name = fw.item_label + " " + item.code;
            add(item.provenance, name + " " + in_quotes(item.title));
            for (const Link& link : item.links)
                add(link.provenance, "link " + in_quotes(link.label) + " of " + name);
        }
    }
    add(fw.aggregation.rounding.provenance,
        "rounding " + in_quotes(fw.aggregation.rounding.method));
    for (const ScoringMethod& m : fw.aggregation.methods)
        add(m.provenance, "scoring method " + in_quotes(m.title));
    for (const Band& b : fw.aggregation.overall_bands)
        add(b.provenance, "overall band " + in_quotes(b.label) + " (" + span(b.min, b.max) + ")");
    for (const Band& b : fw.aggregation.group_bands) {
        add(b.provenance,
            fw.group_label + " band " + in_quotes(b.label) + " (" + span(b.min, b.max) + ")");
    }
    return out;
}

// ---- show: text --------------------------------------------------------------------------

void print_heading(const Framework& fw) {
    std::cout << fw.title << '\n' << "  id " << fw.id << ", version " << fw.version;
    if (!fw.short_title.empty()) std::cout << ", short title " << in_quotes(fw.short_title);
    std::cout << '\n';
    if (!fw.description.empty()) std::cout << "  " << fw.description << '\n';
    std::cout << "Source: " << fw.source.title << '\n';
    if (!fw.source.url.empty()) std::cout << "  " << fw.source.url << '\n';
    if (!fw.source.provenance.confirmed) {
        std::cout << "  " << unconfirmed_text(fw.source.provenance) << '\n';
    } else if (!fw.source.provenance.note.empty()) {
        std::cout << "  Note: " << fw.source.provenance.note << '\n';
    }
}

void print_scale(const Scale& scale) {
    std::cout << "\nScale: " << scale.title << unconfirmed_suffix(scale.provenance) << '\n';
    if (!scale.official) {
        std::cout << "  Not an official scale";
        if (!scale.rationale.empty()) std::cout << ": " << scale.rationale;
        std::cout << '\n';
    }
    for (const ScaleLevel& l : scale.levels)
        std::cout << "  " << l.value << "  " << l.label << unconfirmed_suffix(l.provenance) << '\n';
}

void print_groups(const Framework& fw) {
    for (const Group& g : fw.groups) {
        std::cout << '\n'
                  << fw.group_label << ' ' << g.code << ": " << g.title
                  << unconfirmed_suffix(g.provenance) << '\n';
        for (const Item& item : g.items) {
            std::cout << "  " << item.code << "  " << item.title
                      << unconfirmed_suffix(item.provenance) << '\n';
            for (const Link& link : item.links) {
                std::cout << "      See: " << link.label;
                if (!link.url.empty()) std::cout << " <" << link.url << '>';
                std::cout << unconfirmed_suffix(link.provenance) << '\n';
            }
        }
    }
}

// Characters on screen, not bytes: the en dash in "0–7" is three bytes.
std::size_t display_width(std::string_view utf8) {
    return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
    }));
}

void print_bands(std::string_view heading, const std::vector<Band>& bands) {
    if (bands.empty()) return;
    std::size_t width = 0;
    for (const Band& b : bands)
        width = std::max(width, display_width(span(b.min, b.max)));
    std::cout << heading << ":\n";
    for (const Band& b : bands) {
        const std::string range = span(b.min, b.max);
        std::cout << "  " << range << std::string(width - display_width(range) + 2, ' ') << b.label
                  << unconfirmed_suffix(b.provenance) << '\n';
    }
}

// Rated by percentages: each scoring method with the date it applies from, and its rules.
void print_methods(const Framework& fw) {
    const Aggregation& agg = fw.aggregation;
    std::cout << "Rated by percentages; percentages are rounded " << agg.rounding.method
              << unconfirmed_suffix(agg.rounding.provenance) << '\n'
              << "Scoring methods (oldest first):\n";
    for (const ScoringMethod& m : agg.methods) {
        std::cout << "  " << m.id << ": " << m.title << ", applies from "
                  << (m.applies_from.empty() ? "a date not known" : m.applies_from)
                  << (m.item_scores == ItemScores::evidence_categories
                          ? "; scores evidence categories"
                          : "; scores each item directly")
                  << unconfirmed_suffix(m.provenance) << '\n';
        if (!m.url.empty()) std::cout << "      " << m.url << '\n';
        for (const std::string& step : m.steps)
            std::cout << "      - " << step << '\n';
    }
}

void print_aggregation(const Framework& fw) {
    const Aggregation& agg = fw.aggregation;
    std::cout << '\n';
    if (agg.method == AggregationMethod::none) {
        std::cout << "Scores are not added up.\n";
    } else if (agg.method == AggregationMethod::percentage) {
        print_methods(fw);
        print_bands("Overall bands (%)", agg.overall_bands);
        print_bands(fw.group_label + " bands (%)", agg.group_bands);
    } else {
        const TotalRange range = total_range(fw.scale, fw.item_count());
        std::cout << "Total: the scores of all " << count_of(fw.item_count(), fw.item_label)
                  << " added up, " << span(range.min, range.max) << '\n';
        print_bands("Overall bands", agg.overall_bands);
        print_bands(fw.group_label + " bands", agg.group_bands);
    }
    if (!agg.note.empty()) std::cout << "Note: " << agg.note << '\n';
}

void print_extras(const Framework& fw) {
    if (fw.raters) {
        std::cout << "\nRaters are recorded: " << fw.raters->label
                  << unconfirmed_suffix(fw.raters->provenance) << '\n';
    }
    for (const ComputedHook& hook : fw.computed)
        std::cout << "Computed by code hook: " << hook.hook << '\n';
}

void print_show_text(const Framework& fw) {
    print_heading(fw);
    print_scale(fw.scale);
    print_groups(fw);
    print_aggregation(fw);
    print_extras(fw);
    const std::size_t n = unconfirmed_marks(fw).size();
    std::cout << '\n';
    if (n == 0) {
        std::cout << "No fact in this framework is marked UNCONFIRMED.\n";
    } else {
        std::cout << count_of(n, "fact") << " above " << (n == 1 ? "is" : "are")
                  << " marked UNCONFIRMED, each with the reason.\n";
    }
}

// ---- show: JSON --------------------------------------------------------------------------

nlohmann::json scale_json(const Scale& scale) {
    nlohmann::json levels = nlohmann::json::array();
    for (const ScaleLevel& l : scale.levels) {
        levels.push_back(provenance_fields({{"value", l.value},
                                            {"label", l.label},
                                            {"description", l.description},
                                            {"easy_read", l.easy_read}},
                                           l.provenance));
    }
    return provenance_fields({{"title", scale.title},
                              {"official", scale.official},
                              {"rationale", scale.rationale},
                              {"levels", std::move(levels)}},
                             scale.provenance);
}

nlohmann::json item_json(const Item& item) {
    nlohmann::json links = nlohmann::json::array();
    for (const Link& link : item.links) {
        links.push_back(
            provenance_fields({{"label", link.label}, {"url", link.url}}, link.provenance));
    }
    return provenance_fields({{"code", item.code},
                              {"title", item.title},
                              {"guidance", item.guidance},
                              {"easy_read", item.easy_read},
                              {"evidence_prompts", item.evidence_prompts},
                              {"evidence_prompts_official", item.evidence_prompts_official},
                              {"links", std::move(links)}},
                             item.provenance);
}

nlohmann::json groups_json(const Framework& fw) {
    nlohmann::json groups = nlohmann::json::array();
    for (const Group& g : fw.groups) {
        nlohmann::json items = nlohmann::json::array();
        for (const Item& item : g.items)
            items.push_back(item_json(item));
        groups.push_back(provenance_fields({{"code", g.code},
                                            {"title", g.title},
                                            {"description", g.description},
                                            {"easy_read", g.easy_read},
                                            {"items", std::move(items)}},
                                           g.provenance));
    }
    return groups;
}

nlohmann::json bands_json(const std::vector<Band>& bands) {
    nlohmann::json out = nlohmann::json::array();
    for (const Band& b : bands)
        out.push_back(band_json(b));
    return out;
}

nlohmann::json methods_json(const Aggregation& agg) {
    nlohmann::json out = nlohmann::json::array();
    for (const ScoringMethod& m : agg.methods) {
        out.push_back(provenance_fields(
            {{"id", m.id},
             {"title", m.title},
             {"applies_from", m.applies_from},
             {"url", m.url},
             {"item_scores",
              m.item_scores == ItemScores::direct ? "direct" : "evidence_categories"},
             {"steps", m.steps}},
            m.provenance));
    }
    return out;
}

nlohmann::json show_json(const Framework& fw) {
    nlohmann::json raters = nullptr;
    if (fw.raters) {
        raters = provenance_fields({{"label", fw.raters->label},
                                    {"hint", fw.raters->hint},
                                    {"suggestions", fw.raters->suggestions}},
                                   fw.raters->provenance);
    }
    nlohmann::json computed = nlohmann::json::array();
    for (const ComputedHook& hook : fw.computed)
        computed.push_back(hook.hook);
    nlohmann::json unconfirmed = nlohmann::json::array();
    for (const UnconfirmedFact& f : unconfirmed_marks(fw))
        unconfirmed.push_back({{"what", f.what}, {"note", f.note}});
    const Aggregation& agg = fw.aggregation;
    return {
        {"id", fw.id},
        {"version", fw.version},
        {"title", fw.title},
        {"short_title", fw.short_title},
        {"description", fw.description},
        {"file", fw.file},
        {"source", provenance_fields({{"title", fw.source.title},
                                      {"url", fw.source.url},
                                      {"reference", fw.source.reference}},
                                     fw.source.provenance)},
        {"labels", {{"group", fw.group_label}, {"item", fw.item_label}}},
        {"scale", scale_json(fw.scale)},
        {"narrative",
         {{"label", fw.narrative.label},
          {"hint", fw.narrative.hint},
          {"max_length", fw.narrative.max_length}}},
        {"raters", std::move(raters)},
        {"groups", groups_json(fw)},
        {"aggregation",
         {{"method", method_name(agg.method)},
          {"methods", methods_json(agg)},
          {"note", agg.note},
          {"overall_bands", bands_json(agg.overall_bands)},
          {"group_bands", bands_json(agg.group_bands)}}},
        {"computed", std::move(computed)},
        {"unconfirmed", std::move(unconfirmed)},
    };
}

// ---- show: a tender question set ---------------------------------------------------------

void print_question_set_text(const QuestionSet& set) {
    std::cout << set.title << " (" << set.id << ", version " << set.version << ")"
              << unconfirmed_suffix(set.provenance) << '\n'
              << (set.official ? "" : "An EqualityKit template. ") << set.description << "\n\n";
    for (const TenderQuestion& q : set.questions) {
        const TenderScale& scale = set.scale_of(q);
        std::cout << q.code << "  " << q.title << unconfirmed_suffix(q.provenance) << "\n  "
                  << (q.pass_fail ? std::string("pass/fail")
                                  : "weight " + nlohmann::json(q.weight).dump())
                  << ", scale " << scale.title << " (" << scale.min() << " to " << scale.max()
                  << ")";
        if (q.minimum_score) std::cout << ", minimum " << *q.minimum_score;
        if (q.word_limit > 0) std::cout << ", at most " << q.word_limit << " words";
        std::cout << '\n';
    }
}

// A question set by id, when no framework has it; nullopt (after printing nothing) otherwise.
std::optional<int> show_question_set(const ShowOptions& options, const GlobalOptions& globals) {
    Result<QuestionSetLibrary> sets = load_question_set_library(globals);
    if (!sets) return std::nullopt;
    for (const QuestionSet& set : sets->sets) {
        if (set.id != options.id) continue;
        if (options.json) {
            print_json(nlohmann::json::parse(question_set_view_json(set)));
        } else {
            print_question_set_text(set);
        }
        return exit_ok;
    }
    return std::nullopt;
}

int run_show(const ShowOptions& options, const GlobalOptions& globals) {
    Result<Registry> registry = load_registry(globals);
    if (!registry) {
        print_error(registry.error());
        return exit_bad_input;
    }
    Result<const Framework*> fw = find_framework(*registry, options.id);
    if (!fw) {
        if (std::optional<int> shown = show_question_set(options, globals)) return *shown;
        print_error(fw.error());
        hint_at_failures(*registry);
        return exit_bad_input;
    }
    if (options.json) {
        print_json(show_json(**fw));
    } else {
        print_show_text(**fw);
    }
    return exit_ok;
}

// ---- validate ----------------------------------------------------------------------------

// A mapping file says so in its "format" ("eqkit-mapping/1", docs/mapping-format.md); anything
// else, unreadable files included, goes to the framework loader, which names the problem.
bool is_mapping_file(const std::string& file) {
    const Result<std::string> text = read_text_file(file);
    if (!text) return false;
    const nlohmann::json doc = nlohmann::json::parse(*text, nullptr, false);
    if (!doc.is_object() || !doc.contains("format") || !doc["format"].is_string()) return false;
    return doc["format"].get<std::string>().rfind("eqkit-mapping/", 0) == 0;
}

// The mapping loader's checks, then every code against the frameworks in the plugins folder.
bool validate_mapping(const std::string& file, const Registry* registry) {
    Checked<CrosswalkMapping> mapping = load_crosswalk_mapping(file);
    if (!mapping) {
        print_errors(mapping.error());
        return false;
    }
    if (registry == nullptr) {
        print_error({file, "", "no plugins folder to check the mapping's codes against"});
        return false;
    }
    if (const ErrorList errors = check_crosswalk_mapping(*mapping, *registry); !errors.empty()) {
        print_errors(errors);
        return false;
    }
    std::cout << file << ": valid mapping (" << mapping->id << ": " << mapping->from << " to "
              << mapping->to << ", " << count_of(mapping->rows.size(), "row") << ")\n";
    return true;
}

int run_validate(const ValidateOptions& options, const GlobalOptions& globals) {
    bool all_valid = true;
    std::optional<Registry> registry;  // loaded for the first mapping file only
    for (const std::string& file : options.files) {
        if (is_mapping_file(file)) {
            if (!registry) {
                if (Result<Registry> loaded = load_registry(globals)) registry = std::move(*loaded);
            }
            if (!validate_mapping(file, registry ? &*registry : nullptr)) all_valid = false;
            continue;
        }
        Framework fw;
        const ErrorList errors = check_framework_file(file, &fw);
        if (!errors.empty()) {
            print_errors(errors);
            all_valid = false;
            continue;
        }
        std::cout << file << ": valid (" << fw.id << ' ' << fw.version << ", "
                  << count_of(fw.item_count(), "item") << ")\n";
    }
    return all_valid ? exit_ok : exit_bad_input;
}

}  // namespace

// The loader's checks, then the registry's (code hooks), exactly as at start-up.
ErrorList check_framework_file(const std::string& file, Framework* valid) {
    Checked<Framework> fw = load_framework(file);
    if (!fw) return fw.error();
    Registry registry;
    register_builtin_hooks(registry);
    registry.add(*fw);
    if (!registry.failures().empty()) return registry.failures().front().errors;
    *valid = std::move(*fw);
    return {};
}

void setup_framework(CLI::App& app, Context& context) {
    CLI::App* framework = app.add_subcommand("framework", "Show one framework or check files");
    framework->require_subcommand(1);

    auto show = std::make_shared<ShowOptions>();
    CLI::App* show_cmd = framework->add_subcommand(
        "show", "Show a loaded framework: items, scale, bands and every UNCONFIRMED fact");
    show_cmd->add_option("ID", show->id, "Framework id, as listed by \"eqkit frameworks\"")
        ->required();
    show_cmd->add_flag("--json", show->json, "Print JSON instead of text");
    show_cmd->callback([show, &context] { context.status = run_show(*show, context.globals); });

    auto validate = std::make_shared<ValidateOptions>();
    CLI::App* validate_cmd = framework->add_subcommand(
        "validate",
        "Check framework or crosswalk mapping files and print every problem found in each");
    validate_cmd->add_option("FILE", validate->files, "Framework or mapping JSON files")
        ->required();
    validate_cmd->callback(
        [validate, &context] { context.status = run_validate(*validate, context.globals); });
    setup_framework_diff(*framework, context);
}

}  // namespace eqkit::cli
