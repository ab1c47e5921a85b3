// eqkit tender …: run a tender evaluation from the command line, one file (eqkit-tender/1).
// new, publish, bidder add, evaluator add, coi, scoresheet new, score, import, moderate, results.
#include <chrono>
#include <ctime>
#include <iostream>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "eqkit/files.hpp"
#include "eqkit/plugins.hpp"
#include "eqkit/tender.hpp"

namespace eqkit::cli {
namespace {

struct TenderOptions {
    std::string file;
    std::string questions;
    std::string id;
    std::string method = "consensus";
    int threshold = 1;
    std::string name;
    std::string evaluator;
    std::string bidder;
    std::string question;
    std::string declaration;
    std::string rationale;
    std::string by = "lead";
    std::vector<std::string> scoresheets;
    int score = -1;
    bool json = false;
    bool csv = false;
};

// Now, as UTC ISO 8601: the audit log's "when".
std::string now_utc() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

std::optional<Tender> open_tender(const std::string& file) {
    Result<std::string> text = read_text_file(file);
    if (!text) {
        print_error(text.error());
        return std::nullopt;
    }
    Checked<Tender> tender = parse_tender(*text, file);
    if (!tender) {
        print_errors(tender.error());
        return std::nullopt;
    }
    return std::move(*tender);
}

int save(const Tender& tender, const std::string& file) {
    if (Result<void> saved = save_atomically(file, tender_to_json(tender)); !saved) {
        print_error(saved.error());
        return exit_bad_input;
    }
    return exit_ok;
}

// Opens the tender, applies one change and saves it; a refused change leaves the file as it was.
template <class Change>
int change_tender(const std::string& file, Change change, const std::string& done) {
    std::optional<Tender> tender = open_tender(file);
    if (!tender) return exit_bad_input;
    if (Result<void> changed = change(*tender); !changed) {
        print_error(changed.error());
        return exit_bad_input;
    }
    const int status = save(*tender, file);
    if (status == exit_ok) std::cout << done << '\n';
    return status;
}

int run_new(const TenderOptions& o, const Context& context) {
    Result<Registry> registry = load_registry(context.globals);
    if (!registry) {
        print_error(registry.error());
        return exit_bad_input;
    }
    const auto dir = context.globals.plugins_dir.empty()
                         ? find_plugin_dir()
                         : std::optional(std::filesystem::path(context.globals.plugins_dir));
    if (!dir) {
        print_message("no plugins folder found");
        return exit_bad_input;
    }
    QuestionSetLibrary library = load_question_sets(*dir);
    for (const ErrorList& failure : library.failures)
        print_errors(failure);
    const QuestionSet* set = nullptr;
    std::string known;
    for (const QuestionSet& s : library.sets) {
        if (s.id == o.questions) set = &s;
        known += (known.empty() ? "" : ", ") + s.id;
    }
    if (set == nullptr) {
        print_message("no question set \"" + o.questions + "\" (loaded: " + known + ")");
        return exit_bad_input;
    }
    if (ErrorList bad = check_citations(*set, *registry); !bad.empty()) {
        print_errors(bad);
        return exit_bad_input;
    }
    if (o.method != "consensus" && o.method != "mean") {
        print_message("--method is consensus or mean");
        return exit_usage;
    }
    TenderSettings settings{
        o.method == "mean" ? ModerationMethod::mean : ModerationMethod::consensus, o.threshold};
    Tender tender(o.id, *set, settings);
    if (Result<void> made = create_file_atomically(o.file, tender_to_json(tender)); !made) {
        print_error(made.error());
        return exit_bad_input;
    }
    std::cout << "Made tender " << o.id << " from question set " << set->id << " version "
              << set->version << " in " << o.file << ".\n"
              << "Next: add bidders and evaluators, then eqkit tender publish " << o.file << '\n';
    return exit_ok;
}

int run_scoresheet_new(const TenderOptions& o) {
    std::optional<Tender> tender = open_tender(o.file);
    if (!tender) return exit_bad_input;
    Result<Scoresheet> sheet = tender->new_scoresheet(o.evaluator);
    if (!sheet) {
        print_error(sheet.error());
        return exit_bad_input;
    }
    if (Result<void> made = create_file_atomically(o.name, scoresheet_to_json(*sheet)); !made) {
        print_error(made.error());
        return exit_bad_input;
    }
    std::cout << "Made a blank scoresheet for " << o.evaluator << " in " << o.name << ".\n";
    return exit_ok;
}

int run_score(const TenderOptions& o) {
    Result<std::string> text = read_text_file(o.file);
    if (!text) {
        print_error(text.error());
        return exit_bad_input;
    }
    Checked<Scoresheet> sheet = parse_scoresheet(*text, o.file);
    if (!sheet) {
        print_errors(sheet.error());
        return exit_bad_input;
    }
    if (Result<void> set = sheet->set({o.bidder, o.question, o.score, o.rationale}); !set) {
        print_error(Error{o.file, set.error().place, set.error().reason});
        return exit_bad_input;
    }
    if (Result<void> saved = save_atomically(o.file, scoresheet_to_json(*sheet)); !saved) {
        print_error(saved.error());
        return exit_bad_input;
    }
    std::cout << "Scored " << o.bidder << " " << o.question << ": " << o.score << '\n';
    return exit_ok;
}

int run_import(const TenderOptions& o) {
    std::optional<Tender> tender = open_tender(o.file);
    if (!tender) return exit_bad_input;
    const std::string at = now_utc();
    for (const std::string& file : o.scoresheets) {
        Result<std::string> text = read_text_file(file);
        if (!text) {
            print_error(text.error());
            return exit_bad_input;
        }
        Checked<Scoresheet> sheet = parse_scoresheet(*text, file);
        if (!sheet) {
            print_errors(sheet.error());
            return exit_bad_input;
        }
        // An evaluator hands in a finished sheet; importing it is the submission.
        if (Result<void> ok = tender->submit(std::move(*sheet), file, at); !ok) {
            print_error(ok.error());
            return exit_bad_input;
        }
    }
    const int status = save(*tender, o.file);
    if (status == exit_ok) std::cout << "Imported " << o.scoresheets.size() << " scoresheet(s).\n";
    return status;
}

std::string number_text(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

int run_results(const TenderOptions& o) {
    std::optional<Tender> tender = open_tender(o.file);
    if (!tender) return exit_bad_input;
    const TenderResults results = tender->results();
    if (o.json) {
        nlohmann::json bidders = nlohmann::json::array();
        for (const BidderResult& b : results.bidders) {
            nlohmann::json questions = nlohmann::json::array();
            for (const QuestionResult& q : b.questions) {
                nlohmann::json scores = nlohmann::json::object();
                for (const EvaluatorScore& s : q.scores)
                    scores[s.evaluator] = s.score;
                questions.push_back({{"code", q.code},
                                     {"moderated", q.moderated ? nlohmann::json(*q.moderated)
                                                               : nlohmann::json(nullptr)},
                                     {"weighted", q.weighted},
                                     {"arithmetic", q.arithmetic},
                                     {"failed", q.failed},
                                     {"scores", scores}});
            }
            bidders.push_back({{"name", b.name},
                               {"total", b.total},
                               {"arithmetic", b.arithmetic},
                               {"complete", b.complete},
                               {"passed", b.passed},
                               {"rank", b.rank ? nlohmann::json(*b.rank) : nlohmann::json(nullptr)},
                               {"summary", b.summary},
                               {"questions", questions}});
        }
        print_json({{"tender", tender->id()}, {"bidders", bidders}});
        return exit_ok;
    }
    if (o.csv) {
        std::cout << "bidder,question,moderated,weighted,arithmetic,failed\n";
        for (const BidderResult& b : results.bidders) {
            for (const QuestionResult& q : b.questions) {
                std::cout << csv_field(b.name) << ',' << csv_field(q.code) << ','
                          << (q.moderated ? number_text(*q.moderated) : "") << ',' << q.weighted
                          << ',' << csv_field(q.arithmetic) << ',' << (q.failed ? "yes" : "no")
                          << '\n';
            }
        }
        return exit_ok;
    }
    for (const BidderResult& b : results.bidders) {
        std::cout << b.name << ": " << b.arithmetic
                  << (b.rank ? ", rank " + std::to_string(*b.rank) : std::string(", not ranked"))
                  << (b.complete ? "" : " (not fully moderated)") << '\n';
        for (const QuestionResult& q : b.questions) {
            if (!q.failure.empty()) std::cout << "  FAILED: " << q.failure << '\n';
        }
    }
    return exit_ok;
}

}  // namespace

void setup_tender(CLI::App& app, Context& context) {
    CLI::App* tender = app.add_subcommand("tender", "Evaluate a tender's equality questions");
    tender->require_subcommand(1);
    auto o = std::make_shared<TenderOptions>();
    auto by = [o](CLI::App* sub) {
        sub->add_option("--by", o->by, "Who is doing this, for the audit log (default: lead)");
    };

    CLI::App* make = tender->add_subcommand("new", "Make a tender file from a question set");
    make->add_option("--questions", o->questions, "Question set id (tender_…)")->required();
    make->add_option("--id", o->id, "Tender id, lowercase")->required();
    make->add_option("--out", o->file, "Tender file to create; never replaced")->required();
    make->add_option("--method", o->method, "Moderation: consensus (default) or mean");
    make->add_option("--threshold", o->threshold, "Flag scores that differ by more than this");
    make->callback([o, &context] { context.status = run_new(*o, context); });

    CLI::App* publish = tender->add_subcommand("publish", "Lock the questions, weights and scales");
    publish->add_option("TENDER", o->file, "Tender file")->required();
    by(publish);
    publish->callback([o, &context] {
        context.status = change_tender(
            o->file, [&](Tender& t) { return t.publish(o->by, now_utc()); }, "Published.");
    });

    CLI::App* bidder = tender->add_subcommand("bidder", "Bidders");
    bidder->require_subcommand(1);
    CLI::App* bidder_add = bidder->add_subcommand("add", "Add a bidder");
    bidder_add->add_option("TENDER", o->file, "Tender file")->required();
    bidder_add->add_option("NAME", o->name, "Bidder's name")->required();
    by(bidder_add);
    bidder_add->callback([o, &context] {
        context.status = change_tender(
            o->file, [&](Tender& t) { return t.add_bidder(o->name, o->by, now_utc()); },
            "Added bidder " + o->name + ".");
    });

    CLI::App* evaluator = tender->add_subcommand("evaluator", "Evaluators");
    evaluator->require_subcommand(1);
    CLI::App* evaluator_add = evaluator->add_subcommand("add", "Add an evaluator");
    evaluator_add->add_option("TENDER", o->file, "Tender file")->required();
    evaluator_add->add_option("NAME", o->name, "Evaluator's name")->required();
    by(evaluator_add);
    evaluator_add->callback([o, &context] {
        context.status = change_tender(
            o->file, [&](Tender& t) { return t.add_evaluator(o->name, o->by, now_utc()); },
            "Added evaluator " + o->name + ".");
    });

    CLI::App* coi = tender->add_subcommand("coi", "Record an evaluator's conflict of interest");
    coi->add_option("TENDER", o->file, "Tender file")->required();
    coi->add_option("--evaluator", o->evaluator, "Evaluator")->required();
    coi->add_option("--bidder", o->bidder, "Bidder")->required();
    coi->add_option("--declare", o->declaration, "What the conflict is")->required();
    by(coi);
    coi->callback([o, &context] {
        context.status = change_tender(
            o->file,
            [&](Tender& t) {
                return t.declare_conflict({o->evaluator, o->bidder, o->declaration}, o->by,
                                          now_utc());
            },
            "Recorded: " + o->evaluator + " will not score " + o->bidder + ".");
    });

    CLI::App* sheet = tender->add_subcommand("scoresheet", "Scoresheets");
    sheet->require_subcommand(1);
    CLI::App* sheet_new = sheet->add_subcommand("new", "Make a blank scoresheet for an evaluator");
    sheet_new->add_option("TENDER", o->file, "Tender file")->required();
    sheet_new->add_option("--evaluator", o->evaluator, "Evaluator")->required();
    sheet_new->add_option("--out", o->name, "Scoresheet file to create")->required();
    sheet_new->callback([o, &context] { context.status = run_scoresheet_new(*o); });

    CLI::App* score = tender->add_subcommand("score", "Score one answer in a scoresheet");
    score->add_option("SCORESHEET", o->file, "Scoresheet file")->required();
    score->add_option("--bidder", o->bidder, "Bidder")->required();
    score->add_option("--question", o->question, "Question code")->required();
    score->add_option("--score", o->score, "Score, a value of the question's scale")->required();
    score->add_option("--rationale", o->rationale, "Why")->required();
    score->callback([o, &context] { context.status = run_score(*o); });

    CLI::App* import = tender->add_subcommand("import", "Import (submit) evaluators' scoresheets");
    import->add_option("TENDER", o->file, "Tender file")->required();
    import->add_option("SCORESHEET", o->scoresheets, "Scoresheet files")->required();
    import->callback([o, &context] { context.status = run_import(*o);
});

CLI::App* moderate = tender->add_subcommand("moderate", "Record a moderated score");
moderate->add_option("TENDER", o->file, "Tender file")->required();
moderate->add_option("--bidder", o->bidder, "Bidder")->required();
moderate->add_option("--question", o->question, "Question code")->required();
moderate->add_option("--score", o->score, "Agreed score")->required();
moderate->add_option("--rationale", o->rationale, "Why")->required();
by(moderate);
moderate->callback([o, &context] {
    context.status = change_tender(
        o->file,
        [&](Tender& t) {
            return t.moderate({o->bidder, o->question, o->score, o->rationale}, o->by, now_utc());
        },
        "Moderated " + o->bidder + " " + o->question + ".");
});

CLI::App* results = tender->add_subcommand("results", "Weighted totals, failures and ranking");
results->add_option("TENDER", o->file, "Tender file")->required();
results->add_flag("--json", o->json, "As JSON");
results->add_flag("--csv", o->csv, "As CSV");
results->callback([o, &context] { context.status = run_results(*o); });
}  // namespace eqkit::cli

}  // namespace eqkit::cli
