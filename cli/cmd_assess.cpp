// eqkit assess new | set | score: start an assessment, answer items one at a time, see totals.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <system_error>
#include <vector>

#include "commands.hpp"
#include "eqkit/actions.hpp"
#include "eqkit/dates.hpp"
#include "eqkit/files.hpp"
#include "eqkit/form.hpp"
#include "eqkit/rating.hpp"
#include "eqkit/scoring.hpp"
#include "eqkit/text.hpp"

namespace eqkit::cli {
namespace {

struct NewOptions {
    std::string framework_id;
    std::string out;        // a file of its own, or …
    std::string workspace;  // … an assessment in a workspace folder
    std::string id;         // its id there (default: the framework's id)
    std::string title;
    bool force = false;
};

struct SetOptions {
    std::string file;
    std::string item;
    // CLI11 2.1 cannot bind std::optional: has_ says whether the option was given.
    bool has_score = false;
    int score = 0;
    bool has_note = false;
    std::string note;
    std::vector<std::string> raters;
    bool clear_score = false;
    bool clear_raters = false;
    bool has_i = false;
    std::string i_statement;
    bool has_we = false;
    std::string we_statement;
    std::vector<std::string> section_args;   // --section "Heading: text"
    std::vector<std::string> category_args;  // --category people=3
    std::map<std::string, int> categories;   // read from category_args
    bool reviewed = false;

    [[nodiscard]] bool changes_anything() const {
        return has_score || has_note || !raters.empty() || clear_score || clear_raters ||
               !category_args.empty() || reviewed || has_i || has_we || !section_args.empty();
    }
};

struct ScoreOptions {
    std::string file;
    bool json = false;
};

// ---- new ---------------------------------------------------------------------------------

// In a workspace folder: assessments/<id>.json, listed in workspace.json.
int run_new_in_workspace(const NewOptions& options, const GlobalOptions& globals) {
    std::optional<OpenWorkspace> open = open_workspace(options.workspace, globals);
    if (!open) return exit_bad_input;
    Result<const Framework*> found = find_framework(*open->registry, options.framework_id);
    if (!found) {
        print_error(found.error());
        hint_at_failures(*open->registry);
        return exit_bad_input;
    }
    const Framework& fw = **found;
    if (!is_valid_utf8(options.title)) {
        print_message("the --title text is not valid UTF-8");
        return exit_bad_input;
    }
    // Next year's assessment of a framework carries last year's open actions across.
    Result<StartedAssessment> started =
        start_assessment(open->folder, fw, options.title, options.id, today_iso());
    if (!started) {
        print_error(started.error());
        return exit_bad_input;
    }
    const std::string* id = &started->id;
    if (started->carried > 0) {
        const std::string from = started->previous.empty() ? "that were linked to no assessment yet"
                                                           : "across from " + started->previous;
        std::cout << "Carried " << started->carried << " open action(s) " << from
                  << ", marked as carried over (eqkit actions list " << options.workspace << ").\n";
    }
    const std::string file =
        (std::filesystem::path(options.workspace) / "assessments" / (*id + ".json"))
            .generic_string();
    std::cout << "Created the assessment " << *id << " in " << options.workspace << ": a new "
              << fw.display_title() << " assessment (" << fw.id << " version " << fw.version << ", "
              << count_of(fw.item_count(), fw.item_label) << " to score), saved as " << file
              << ".\n"
              << "Next: eqkit assess set " << file << " " << fw.groups.front().items.front().code
              << " --score N\n";
    return exit_ok;
}

// "Closing the Tuesday walk-in clinic" -> "closing-the-tuesday-walk-in-clinic" (ASCII letters
// and digits only, so the name is safe on every file system); "" when nothing is left.
std::string file_stem(std::string_view title) {
    std::string stem;
    for (const char c : title) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) != 0 && u < 128) {
            stem += static_cast<char>(std::tolower(u));
        } else if (!stem.empty() && stem.back() != '-') {
            stem += '-';
        }
        if (stem.size() >= 60) break;
    }
    while (!stem.empty() && stem.back() == '-')
        stem.pop_back();
    return stem;
}

// Where "assess new" writes when given neither --out nor --workspace: into the workspace when
// the current folder is one, otherwise a new file here named after the title (or framework),
// never one that exists already.
NewOptions with_default_place(NewOptions options) {
    std::error_code ec;
    if (std::filesystem::exists(workspace_index_name, ec)) {
        options.workspace = ".";
        return options;
    }
    std::string stem = file_stem(options.title);
    if (stem.empty()) stem = file_stem(options.framework_id);
    options.out = stem + ".json";
    for (int n = 2; std::filesystem::exists(options.out, ec); ++n)
        options.out = stem + "-" + std::to_string(n) + ".json";
    return options;
}

int run_new(const NewOptions& given, const GlobalOptions& globals) {
    const NewOptions options =
        given.out.empty() && given.workspace.empty() ? with_default_place(given) : given;
    if (!options.workspace.empty()) return run_new_in_workspace(options, globals);
    if (!options.id.empty()) {
        print_message("assess new: --id is only for an assessment in a --workspace");
        return exit_usage;
    }
    Result<Registry> registry = load_registry(globals);
    if (!registry) {
        print_error(registry.error());
        return exit_bad_input;
    }
    Result<const Framework*> found = find_framework(*registry, options.framework_id);
    if (!found) {
        print_error(found.error());
        hint_at_failures(*registry);
        return exit_bad_input;
    }
    const Framework& fw = **found;
    std::error_code ec;
    if (!options.force && std::filesystem::exists(options.out, ec)) {
        print_error({options.out, "", "the file already exists; use --force to replace it"});
        return exit_bad_input;
    }
    // The core would replace bad bytes when saving; refuse them instead.
    if (!is_valid_utf8(options.title)) {
        print_message("the --title text is not valid UTF-8");
        return exit_bad_input;
    }
    Assessment assessment = new_assessment(fw);
    assessment.title = options.title;
    if (Checked<void> saved = save_assessment(options.out, fw, assessment, *registry); !saved) {
        print_errors(saved.error());
        return exit_bad_input;
    }
    std::cout << "Created " << options.out << ": a new " << fw.display_title() << " assessment ("
              << fw.id << " version " << fw.version << ", "
              << count_of(fw.item_count(), fw.item_label) << " to score).\n"
              << "Next: eqkit assess set " << options.out << " "
              << fw.groups.front().items.front().code << " --score N\n";
    return exit_ok;
}

// ---- set ---------------------------------------------------------------------------------

// The item's answer with only the given parts changed; raters are added after any clearing,
// so --clear-raters with --rater replaces the list.
Answer changed_answer(const SetOptions& options, Answer answer) {
    if (options.clear_score) answer.score.reset();
    if (options.has_score) answer.score = options.score;
    if (options.has_note) answer.narrative = options.note;
    if (options.clear_raters) answer.raters.clear();
    for (const std::string& rater : options.raters) {
        if (std::find(answer.raters.begin(), answer.raters.end(), rater) == answer.raters.end())
            answer.raters.push_back(rater);
    }
    for (const auto& [category, score] : options.categories)
        answer.category_scores[category] = score;
    if (options.reviewed) answer.needs_review = false;
    if (options.has_i) answer.i_statement = options.i_statement;
    if (options.has_we) answer.we_statement = options.we_statement;
    for (const std::string& section : options.section_args) {
        const std::size_t colon = section.find(": ");
        answer.sections.push_back({section.substr(0, colon),
                                   colon == std::string::npos ? "" : section.substr(colon + 2)});
    }
    return answer;
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const std::string& part : parts) {
        if (!out.empty()) out += separator;
        out += part;
    }
    return out;
}

// "score 2 (Achieving activity)", with the level's UNCONFIRMED note when it has one.
std::string score_text(const Framework& fw, const std::optional<int>& score) {
    if (!score) return "score cleared";
    const ScaleLevel* level = fw.scale.level(*score);
    std::string text = "score " + std::to_string(*score) + " (" + level->label;
    if (!level->provenance.confirmed) text += "; " + unconfirmed_text(level->provenance);
    return text + ")";
}

std::string narrative_text(const Framework& fw, const std::string& narrative) {
    if (narrative.empty()) return "narrative cleared";
    return "narrative saved (" + std::to_string(utf16_length(narrative)) + " of " +
           std::to_string(fw.narrative.max_length) + " characters)";
}

// "1A: score 2 (Achieving activity); raters: Staff, Carers": the parts that were changed, as
// the item now holds them.
std::string confirmation(const SetOptions& options, const Framework& fw, const Answer& answer) {
    std::vector<std::string> parts;
    if (options.has_score || options.clear_score) parts.push_back(score_text(fw, answer.score));
    if (options.has_note) parts.push_back(narrative_text(fw, answer.narrative));
    if (options.clear_raters || !options.raters.empty()) {
        parts.push_back(answer.raters.empty() ? "no raters"
                                              : "raters: " + joined(answer.raters, ", "));
    }
    for (const auto& [category, score] : options.categories)
        parts.push_back("evidence category " + category + " " + score_text(fw, score));
    if (options.reviewed) parts.push_back("reviewed (no longer marked \"needs review\")");
    if (options.has_i || options.has_we) parts.push_back("your I and We statements saved");
    if (!options.section_args.empty()) {
        parts.push_back(std::to_string(answer.sections.size()) + " narrative section(s)");
    }
    return options.item + ": " + joined(parts, "; ");
}

// "people=3" -> {"people", 3}; false (after saying why) when an argument has another shape.
bool read_categories(SetOptions& options) {
    for (const std::string& arg : options.category_args) {
        const std::optional<KeyValue> kv = split_key_value(arg);
        int score = 0;
        const char* end = kv ? kv->value.data() + kv->value.size() : nullptr;
        if (!kv || kv->value.empty() || std::from_chars(kv->value.data(), end, score).ptr != end) {
            print_message("assess set: --category wants CATEGORY=SCORE, such as people=3, not \"" +
                          arg + "\"");
            return false;
        }
        options.categories[kv->key] = score;
    }
    return true;
}

int run_set(SetOptions& options, const GlobalOptions& globals) {
    if (!read_categories(options)) return exit_usage;
    if (!options.changes_anything()) {
        print_message(
            "assess set: nothing to change; give --score, --note, --rater, --clear-score, "
            "--clear-raters, --category, --reviewed, --i-statement, --we-statement or --section");
        return exit_usage;
    }
    std::optional<OpenAssessment> open = open_assessment(options.file, globals);
    if (!open) return exit_bad_input;
    const Framework& fw = open->framework();
    Assessment& assessment = open->assessment;
    const Answer answer = changed_answer(options, assessment.answer(options.item));
    if (Result<void> set = set_answer(fw, assessment, options.item, answer); !set) {
        // The core names the framework; the user knows the file they gave.
        print_error({options.file, set.error().place, set.error().reason});
        return exit_bad_input;
    }
    Checked<void> saved = save_assessment(options.file, fw, assessment, open->registry);
    if (!saved) {
        print_errors(saved.error());
        return exit_bad_input;
    }
    std::cout << confirmation(options, fw, answer) << '\n';
    if (!assessment.applies(options.item)) {
        std::cout << options.item << " does not apply to your service (your choice, eqkit assess "
                  << "choose), so this answer is kept but not counted.\n";
    }
    return exit_ok;
}

// ---- score: text -------------------------------------------------------------------------

// "total 5 of 12 (3 of 4 outcomes scored)", or only the count when scores are not added up.
std::string progress(bool aggregated, int total, const TotalRange& range, std::size_t answered,
                     std::size_t count, const Framework& fw) {
    const std::string scored =
        std::to_string(answered) + " of " + count_of(count, fw.item_label) + " scored";
    if (!aggregated) return scored;
    return "total " + std::to_string(total) + " of " + std::to_string(range.max) + " (" + scored +
           ")";
}

std::string band_line(const Band& band) {
    return band.label + " (" + std::to_string(band.min) +
           (band.min == band.max ? "" : "–" + std::to_string(band.max)) + ")";
}

void print_group_lines(const Framework& fw, const Scores& scores) {
    for (const GroupScore& g : scores.groups) {
        std::cout << fw.group_label << ' ' << g.code << ", " << g.title << ": ";
        if (g.item_count == 0) {
            const std::string all = count_of(2, fw.item_label);  // "2 quality statements"
            std::cout << "none of its " << all.substr(all.find(' ') + 1)
                      << " apply to your service\n";
            continue;
        }
        std::cout << progress(scores.aggregated, g.total, g.range, g.answered, g.item_count, fw);
        if (g.band) {
            std::cout << "; band " << band_line(*g.band) << (g.complete() ? "" : ", provisional")
                      << unconfirmed_suffix(g.band->provenance);
        }
        std::cout << '\n';
    }
}

void print_overall(const Framework& fw, const Scores& scores) {
    std::cout << "\nOverall: "
              << progress(scores.aggregated, scores.total, scores.range, scores.answered,
                          scores.item_count, fw)
              << '\n';
    if (!scores.aggregated) {
        std::cout << "This framework's scores are not added up.\n";
    } else if (scores.band) {
        std::cout << "Band: " << band_line(*scores.band);
        if (!scores.complete()) {
            std::cout << ", provisional: "
                      << count_of(scores.item_count - scores.answered, fw.item_label)
                      << " not scored yet";
        }
        std::cout << '\n';
        if (!scores.band->provenance.confirmed)
            std::cout << "  " << unconfirmed_text(scores.band->provenance) << '\n';
    } else if (fw.aggregation.overall_bands.empty()) {
        std::cout << "Band: none (this framework gives no bands)\n";
    }
    if (!fw.aggregation.note.empty()) std::cout << "Note: " << fw.aggregation.note << '\n';
}

// ---- score: the rating from percentages --------------------------------------------------

void print_lines(std::string_view heading, const std::vector<std::string>& lines) {
    if (lines.empty()) return;
    std::cout << heading << ":\n";
    for (const std::string& line : lines)
        std::cout << "  - " << line << '\n';
}

void print_rating_method(const Rating& r) {
    std::cout << "\nRating method: " << (r.method_title.empty() ? "not named" : r.method_title)
              << ", applies from " << (r.applies_from.empty() ? "a date not known" : r.applies_from)
              << '\n';
    print_lines("How the rating is worked out", r.steps);
    std::cout << "Rounding: " << r.rounding << '\n';
}

void print_rating_groups(const Framework& fw, const Rating& r) {
    std::cout << '\n';
    for (const GroupRating& g : r.groups) {
        std::cout << fw.group_label << ' ' << g.code << " rating: "
                  << (g.needs_judgement  ? "needs your judgement"
                      : g.rating.empty() ? "no rating yet"
                                         : g.rating);
        if (g.percent) std::cout << " (" << *g.percent << "%)";
        std::cout << "; scored " << g.scored << " of the " << count_of(g.item_count, fw.item_label)
                  << " that apply";
        if (g.not_applying > 0) std::cout << " (" << g.not_applying << " do not apply)";
        std::cout << "; working: " << g.working << '\n';
    }
}

void print_rating_overall(const Framework& fw, const Rating& r) {
    const OverallRating& o = r.overall;
    std::cout << "\nOverall rating: "
              << (!o.rating.empty()   ? o.rating
                  : o.needs_judgement ? std::string("needs your judgement")
                                      : std::string("not worked out yet"))
              << '\n';
    if (!o.working.empty()) std::cout << "  Working: " << o.working << '\n';
    if (!o.rule.empty()) std::cout << "  Rule: " << o.rule << '\n';
    print_lines("Not answered yet (taken as no)", o.unanswered);
    print_lines("Rules applied", r.rules_applied);
    if (!fw.aggregation.overall_rules) return;
    const OverallRules& rules = *fw.aggregation.overall_rules;
    std::vector<std::string> lines;
    const auto add = [&lines](const std::string& id, const std::string& text, const Provenance& p) {
        lines.push_back((id.empty() ? "" : id + ": ") + text + unconfirmed_suffix(p));
    };
    for (const RatingRule& rule : rules.principles)
        add(rule.id, rule.text, rule.provenance);
    for (const RatingCap& cap : rules.caps)
        add(cap.id, cap.text, cap.provenance);
    for (const RatingRule& rule : rules.judgement)
        add(rule.id, rule.text, rule.provenance);
    for (const RatingRule& rule : rules.rules)
        add(rule.id, rule.text, rule.provenance);
    if (!rules.otherwise.text.empty())
        add(rules.otherwise.id, rules.otherwise.text, rules.otherwise.provenance);
    print_lines("The rules, in words (" + rules.title + ")", lines);
}

void print_judgements(const Rating& r) {
    if (r.judgements.empty()) return;
    const bool all_made = std::all_of(r.judgements.begin(), r.judgements.end(),
                                      [](const JudgementCall& j) { return j.made.has_value(); });
    std::cout << (all_made ? "\nYour judgements, as recorded:\n" : "\nNeeds your judgement:\n");
    for (const JudgementCall& j : r.judgements) {
        std::cout << "  - " << (j.about == "overall" ? "Overall rating" : j.about) << ": "
                  << j.reason << '\n';
        if (!j.note.empty()) std::cout << "    Why: " << j.note << '\n';
        std::cout << "    Options: " << joined(j.options, ", ") << '\n';
        if (j.made) {
            std::cout << "    Your judgement: " << j.made->rating << ", because "
                      << j.made->rationale << "\n";
        } else {
            std::cout << "    Your judgement: not recorded yet (eqkit assess judge FILE " << j.about
                      << " --rating R --rationale WHY)\n";
        }
    }
}

void print_rating_text(const Framework& fw, const Assessment& assessment) {
    Result<Rating> r = rate(fw, rating_input(fw, assessment));
    if (!r) {
        std::cout << "\nThe rating could not be worked out: " << r.error().reason << '\n';
        return;
    }
    print_rating_method(*r);
    print_rating_groups(fw, *r);
    print_rating_overall(fw, *r);
    print_judgements(*r);
    if (r->unconfirmed.empty()) return;
    std::cout << "\nThe rating rests on facts marked UNCONFIRMED:\n";
    for (const UnconfirmedFact& f : r->unconfirmed)
        std::cout << "  - UNCONFIRMED: " << f.what << ": " << f.note << '\n';
}

void print_score_text(const std::string& file, const Framework& fw, const Assessment& assessment,
                      const Scores& scores) {
    std::cout << file << ": " << (assessment.title.empty() ? "(untitled)" : assessment.title)
              << '\n'
              << "Framework: " << fw.title << " (" << fw.id << " version " << fw.version << ")\n";
    if (assessment.applicable) {
        std::cout << "Counted: only the " << count_of(scores.item_count, fw.item_label) << " of "
                  << fw.item_count()
                  << " you said apply to your service (eqkit assess choose; the framework file "
                     "says nothing about which apply to which service)\n";
    }
    std::cout << '\n';
    print_group_lines(fw, scores);
    print_overall(fw, scores);
    if (fw.aggregation.method == AggregationMethod::percentage) print_rating_text(fw, assessment);
    if (scores.unconfirmed.empty()) return;
    std::cout << "\nThese results rest on facts marked UNCONFIRMED:\n";
    for (const UnconfirmedFact& f : scores.unconfirmed)
        std::cout << "  - " << f.what << ": " << f.note << '\n';
}

// ---- score: JSON -------------------------------------------------------------------------

// The same results every face shows (core results_json), plus which file they came from.
nlohmann::json score_json(const std::string& file, const Framework& fw,
                          const Assessment& assessment) {
    nlohmann::json out = nlohmann::json::parse(results_json(fw, assessment));
    out["file"] = file;
    return out;
}

int run_score(const ScoreOptions& options, const GlobalOptions& globals) {
    std::optional<OpenAssessment> open = open_assessment(options.file, globals);
    if (!open) return exit_bad_input;
    const Framework& fw = open->framework();
    if (options.json) {
        print_json(score_json(options.file, fw, open->assessment));
    } else {
        print_score_text(options.file, fw, open->assessment, compute_scores(fw, open->assessment));
    }
    return exit_ok;
}

// ---- command line ------------------------------------------------------------------------

void setup_new(CLI::App& assess, Context& context) {
    auto options = std::make_shared<NewOptions>();
    CLI::App* sub = assess.add_subcommand(
        "new",
        "Create an empty assessment: a file of its own (--out) or in a workspace (--workspace); "
        "with neither, in the current folder's workspace, or else a new file here named after "
        "the title");
    sub->add_option("--framework", options->framework_id, "Framework id (see \"eqkit frameworks\")")
        ->required();
    CLI::Option* out = sub->add_option("--out", options->out, "The assessment file to create");
    CLI::Option* workspace = sub->add_option("--workspace", options->workspace,
                                             "Or: the workspace folder to create it in");
    out->excludes(workspace);
    sub->add_option("--id", options->id,
                    "Its id in the workspace (default: the framework's id, then -2, -3 …)");
    sub->add_option("--title", options->title, "A title, such as your organisation's name");
    sub->add_flag("--force", options->force, "Replace the --out file if it already exists");
    sub->callback([options, &context] { context.status = run_new(*options, context.globals); });
}

void setup_set(CLI::App& assess, Context& context) {
    auto options = std::make_shared<SetOptions>();
    CLI::App* sub = assess.add_subcommand(
        "set",
        "Change one item's answer; parts not given are kept, and the file is only "
        "replaced when every check passes");
    sub->add_option("FILE", options->file, "The assessment file")->required();
    sub->add_option("ITEM", options->item, "The item's code, such as 1A")->required();
    CLI::Option* score =
        sub->add_option("--score", options->score, "The score, on the framework's scale");
    CLI::Option* note = sub->add_option("--note", options->note,
                                        "The narrative: evidence and notes (\"\" clears it)");
    sub->add_option("--rater", options->raters, "Add who rated the item (repeat for more)");
    CLI::Option* clear_score =
        sub->add_flag("--clear-score", options->clear_score, "Remove the score");
    sub->add_flag("--clear-raters", options->clear_raters,
                  "Remove every rater (with --rater: replace them)");
    score->excludes(clear_score);
    sub->add_option("--category", options->category_args,
                    "An evidence category's score, for the method that scores them, such as "
                    "people=3 (repeat for more)");
    sub->add_flag("--reviewed", options->reviewed,
                  "Confirm an answer marked \"needs review\" (carried by a migration or "
                  "accepted from a linked item)");
    CLI::Option* i_statement = sub->add_option(
        "--i-statement", options->i_statement,
        "Your I statement for the report page (yours: EqualityKit has no CQC text for it)");
    CLI::Option* we_statement =
        sub->add_option("--we-statement", options->we_statement, "Your We statement, likewise");
    sub->add_option("--section", options->section_args,
                    "Add a narrative section to the report page, \"Heading: text\" (repeat)");
    sub->callback([options, score, note, i_statement, we_statement, &context] {
        options->has_score = score->count() > 0;
        options->has_note = note->count() > 0;
        options->has_i = i_statement->count() > 0;
        options->has_we = we_statement->count() > 0;
        context.status = run_set(*options, context.globals);
    });
}

void setup_score(CLI::App& assess, Context& context) {
    auto options = std::make_shared<ScoreOptions>();
    CLI::App* sub = assess.add_subcommand(
        "score", "Show totals, the band and the UNCONFIRMED facts they rest on");
    sub->add_option("FILE", options->file, "The assessment file")->required();
    sub->add_flag("--json", options->json, "Print JSON instead of text");
    sub->callback([options, &context] { context.status = run_score(*options, context.globals); });
}

}  // namespace

// Saves only what the core can read back: the bytes are parsed again before they replace the
// file, so a rule the CLI did not check (say, the title's length) can never leave a file that
// will not open.
Checked<void> save_assessment(const std::string& file, const Framework& fw,
                              const Assessment& assessment, const Registry& registry) {
    const std::string bytes = assessment_to_json(fw, assessment);
    if (Checked<Assessment> back = parse_assessment(bytes, file, registry); !back) {
        return tl::unexpected(back.error());
    }
    if (Result<void> saved = save_atomically(file, bytes); !saved) {
        return tl::unexpected(ErrorList{saved.error()});
    }
    return {};
}

void setup_assess(CLI::App& app, Context& context) {
    CLI::App* assess = app.add_subcommand("assess", "Create, answer and score an assessment");
    assess->require_subcommand(1);
    setup_new(*assess, context);
    setup_set(*assess, context);
    setup_score(*assess, context);
    setup_assess_migrate(*assess, context);
    setup_assess_impact(*assess, context);
    setup_assess_choices(*assess, context);
}

}  // namespace eqkit::cli
