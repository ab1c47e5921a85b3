// eqkit assess judge | choose: the assessment-wide choices the user makes (judgements the rating
// rules leave to them, with a rationale; the scoring method; the items that apply; answers to
// the rules' questions). The core checks them (eqkit::check_settings).
#include <algorithm>
#include <iostream>
#include <memory>

#include "commands.hpp"

namespace eqkit::cli {
namespace {

struct JudgeOptions {
    std::string file;
    std::string about;  // "overall" or a group code
    std::string rating;
    std::string rationale;
    bool clear = false;
};

struct ChooseOptions {
    std::string file;
    std::string method;
    std::vector<std::string> applies;
    bool all_apply = false;
    std::vector<std::string> flags;  // breach=yes
};

// Checks and saves; prints the core's reasons against the user's file on failure.
int save_checked(const std::string& file, OpenAssessment& open) {
    const Framework& fw = open.framework();
    ErrorList problems = check_settings(fw, open.assessment);
    for (Error& e : problems)
        e.file = file;
    if (!problems.empty()) {
        print_errors(problems);
        return exit_bad_input;
    }
    if (Checked<void> saved = save_assessment(file, fw, open.assessment, open.registry); !saved) {
        print_errors(saved.error());
        return exit_bad_input;
    }
    return exit_ok;
}

int run_judge(const JudgeOptions& options, const GlobalOptions& globals) {
    if (options.clear == !options.rating.empty()) {
        print_message("assess judge: give --rating and --rationale, or --clear");
        return exit_usage;
    }
    std::optional<OpenAssessment> open = open_assessment(options.file, globals);
    if (!open) return exit_bad_input;
    Assessment& a = open->assessment;
    if (options.clear) {
        a.judgements.erase(options.about);
    } else {
        a.judgements[options.about] = {options.rating, options.rationale};
    }
    if (const int status = save_checked(options.file, *open); status != exit_ok) return status;
    if (options.clear) {
        std::cout << "Removed your judgement on " << options.about << ".\n";
    } else {
        std::cout << "Recorded your judgement on " << options.about << ": " << options.rating
                  << ", because " << options.rationale << ".\n";
    }
    return exit_ok;
}

bool read_flags(const std::vector<std::string>& args, std::map<std::string, bool>& out) {
    for (const std::string& arg : args) {
        const std::optional<KeyValue> kv = split_key_value(arg);
        if (!kv || (kv->value != "yes" && kv->value != "no")) {
            print_message(
                "assess choose: --answer wants QUESTION=yes or QUESTION=no, such as "
                "breach=no, not \"" +
                arg + "\"");
            return false;
        }
        out[kv->key] = kv->value == "yes";
    }
    return true;
}

int run_choose(const ChooseOptions& options, const GlobalOptions& globals) {
    if (options.method.empty() && options.applies.empty() && !options.all_apply &&
        options.flags.empty()) {
        print_message(
            "assess choose: nothing to change; give --method, --applies, --all-apply "
            "or --answer");
        return exit_usage;
    }
    std::optional<OpenAssessment> open = open_assessment(options.file, globals);
    if (!open) return exit_bad_input;
    Assessment& a = open->assessment;
    if (!read_flags(options.flags, a.flags)) return exit_usage;
    if (!options.method.empty()) a.method = options.method;
    if (options.all_apply) a.applicable.reset();
    if (!options.applies.empty()) a.applicable = applying_items(open->framework(), options.applies);
    if (const int status = save_checked(options.file, *open); status != exit_ok) return status;
    const Framework& fw = open->framework();
    std::cout << "Saved " << options.file << ". Scoring method: "
              << (a.method.empty() ? "the newest that scores each item" : a.method) << ". "
              << (a.applicable ? count_of(a.applicable->size(), fw.item_label) + " of " +
                                     std::to_string(fw.item_count()) +
                                     " apply (your choice; the framework file says nothing "
                                     "about which apply to which service)"
                               : "Every " + fw.item_label + " applies")
              << ".\n";
    return exit_ok;
}

}  // namespace

void setup_assess_choices(CLI::App& assess, Context& context) {
    auto judge = std::make_shared<JudgeOptions>();
    CLI::App* sub = assess.add_subcommand(
        "judge", "Record your judgement where the rating rules leave it to you, and why");
    sub->add_option("FILE", judge->file, "The assessment file")->required();
    sub->add_option("ABOUT", judge->about, "\"overall\", or a key question's code such as CAR")
        ->required();
    sub->add_option("--rating", judge->rating, "The rating you chose, such as \"Good\"");
    sub->add_option("--rationale", judge->rationale, "Why you chose it (required with --rating)");
    sub->add_flag("--clear", judge->clear, "Remove the judgement");
    sub->callback([judge, &context] { context.status = run_judge(*judge, context.globals); });

    auto choose = std::make_shared<ChooseOptions>();
    sub = assess.add_subcommand(
        "choose",
        "Choose the scoring method, the items that apply to your service, and answer "
        "the rating rules' questions");
    sub->add_option("FILE", choose->file, "The assessment file")->required();
    sub->add_option("--method", choose->method,
                    "A scoring method's id (see \"eqkit framework show\")");
    CLI::Option* applies = sub->add_option(
        "--applies", choose->applies,
        "Only these items apply to your service (repeat, or list; a group's code, such as a "
        "key question, stands for every item in it)");
    CLI::Option* all = sub->add_flag("--all-apply", choose->all_apply, "Every item applies");
    applies->excludes(all);
    sub->add_option("--answer", choose->flags,
                    "A rule's question answered, such as breach=no (repeat for more)");
    sub->callback([choose, &context] { context.status = run_choose(*choose, context.globals); });
}

}  // namespace eqkit::cli
