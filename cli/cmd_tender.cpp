// eqkit tender …: run a tender evaluation in a tender folder (docs/tender-format.md).
// new, publish, bid add, evaluator add, coi, evaluator-copy, scoresheet new, score, submit,
// import, moderate, results. Every change goes through eqkit::TenderFolder, which leaves the folder
// as it was when a change is refused.
#include <cstdlib>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "eqkit/dates.hpp"
#include "eqkit/files.hpp"
#include "eqkit/tender_copy.hpp"
#include "eqkit/tender_folder.hpp"
#include "eqkit/tender_report.hpp"

namespace eqkit::cli {
namespace {

struct TenderOptions {
    std::string dir;
    std::string file;
    std::string questions;
    std::string id;
    std::string method = "consensus";
    int threshold = 1;
    std::string deadline;
    std::string name;
    std::string evaluator;
    std::string bidder;
    std::string question;
    std::string declaration;
    bool none = false;
    std::string rationale;
    std::string by = "lead";
    std::string responses;
    std::string pack;
    std::string key;
    std::string out;
    std::vector<std::string> scoresheets;
    std::vector<std::string> weights;  // CODE=N
    bool method_given = false;         // on `criteria`: change only what was given
    bool threshold_given = false;
    int score = -1;
    bool json = false;
    bool csv = false;
    std::string html;
};

std::optional<TenderFolder> open_folder(const std::string& dir) {
    Checked<TenderFolder> folder = TenderFolder::open(dir);
    if (!folder) {
        print_errors(folder.error());
        return std::nullopt;
    }
    return std::move(*folder);
}

// Opens the folder, applies one change and reports it; a refused change leaves it as it was.
template <class Change>
int change_folder(const std::string& dir, Change change, const std::string& done) {
    std::optional<TenderFolder> folder = open_folder(dir);
    if (!folder) return exit_bad_input;
    if (Result<void> changed = change(*folder); !changed) {
        print_error(changed.error());
        return exit_bad_input;
    }
    std::cout << done << '\n';
    return exit_ok;
}

std::optional<QuestionSet> find_question_set(const std::string& id, const Context& context) {
    Result<Registry> registry = load_registry(context.globals);
    if (!registry) {
        print_error(registry.error());
        return std::nullopt;
    }
    Result<QuestionSetLibrary> library = load_question_set_library(context.globals);
    if (!library) {
        print_error(library.error());
        return std::nullopt;
    }
    for (const ErrorList& failure : library->failures)
        print_errors(failure);
    std::string known;
    for (QuestionSet& s : library->sets) {
        if (s.id == id) {
            if (ErrorList bad = check_citations(s, *registry); !bad.empty()) {
                print_errors(bad);
                return std::nullopt;
            }
            return std::move(s);
        }
        known += (known.empty() ? "" : ", ") + s.id;
    }
    print_message("no question set \"" + id + "\" (loaded: " + known + ")");
    return std::nullopt;
}

// A tender id from the folder's name: lowercase letters, digits and "_".
std::string id_from(const std::string& dir) {
    std::string id;
    for (char c : std::filesystem::path(dir).filename().string()) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        id += (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '_';
    }
    if (id.empty() || id.front() < 'a' || id.front() > 'z') id = "tender_" + id;
    return id.substr(0, 64);
}

int run_new(const TenderOptions& o, const Context& context) {
    if (o.method != "consensus" && o.method != "mean") {
        print_message("--method is consensus or mean");
        return exit_usage;
    }
    std::optional<QuestionSet> set = find_question_set(o.questions, context);
    if (!set) return exit_bad_input;
    const std::string version = set->version;
    TenderSettings settings{
        o.method == "mean" ? ModerationMethod::mean : ModerationMethod::consensus, o.threshold};
    const std::string id = o.id.empty() ? id_from(o.dir) : o.id;
    Result<TenderFolder> made = TenderFolder::create(o.dir, Tender(id, std::move(*set), settings),
                                                     o.deadline, o.by, now_utc_iso());
    if (!made) {
        print_error(made.error());
        return exit_bad_input;
    }
    std::cout << "Made tender " << id << " from question set " << o.questions << " version "
              << version << " in " << o.dir << ".\n"
              << "Next: add evaluators, then eqkit tender publish " << o.dir << '\n';
    return exit_ok;
}

// `tender criteria`: new weights (CODE=N) and moderation settings before publication.
int run_criteria(const TenderOptions& o) {
    CriteriaChange change;
    for (const std::string& w : o.weights) {
        const std::size_t eq = w.find('=');
        char* end = nullptr;
        const double weight = eq == std::string::npos ? -1 : std::strtod(w.c_str() + eq + 1, &end);
        if (eq == std::string::npos || end == w.c_str() + eq + 1 || *end != '\0' || weight < 0) {
            print_message("--weight is CODE=N with N a number, 0 or more (got \"" + w + "\")");
            return exit_usage;
        }
        change.weights.emplace_back(w.substr(0, eq), weight);
    }
    if (o.method_given && o.method != "consensus" && o.method != "mean") {
        print_message("--method is consensus or mean");
        return exit_usage;
    }
    return change_folder(
        o.dir,
        [&](TenderFolder& f) {
            if (o.method_given || o.threshold_given) {
                TenderSettings settings = f.tender().settings();
                if (o.method_given) {
                    settings.method =
                        o.method == "mean" ? ModerationMethod::mean : ModerationMethod::consensus;
                }
                if (o.threshold_given) settings.disagreement_threshold = o.threshold;
                change.settings = settings;
            }
            return f.set_criteria(change, o.by, now_utc_iso());
        },
        "Criteria changed. They are locked when you publish: eqkit tender publish " + o.dir);
}

void print_bid(const TenderBid& bid) {
    std::cout << "Received the bid of " << bid.bidder << (bid.late ? " (after the deadline)" : "")
              << ".\n";
    if (!bid.pack) {
        std::cout << "No evidence pack.\n";
        return;
    }
    if (!bid.pack->intact) {
        std::cout << "Recorded, but FLAGGED: the evidence pack failed verification:\n";
        for (const std::string& p : bid.pack->problems)
            std::cout << "  " << p << '\n';
        return;
    }
    std::cout << "Evidence pack verified: " << bid.pack->files_checked << " files match"
              << (bid.pack->signer.empty() ? ", not signed" : ", signed by " + bid.pack->signer)
              << ".\n";
    for (const LinkedEvidence& l : bid.pack->linked) {
        std::cout << "  " << l.question << " cites " << l.cite << ": " << l.title << " (" << l.where
                  << ")\n";
    }
}

int run_bid_add(const TenderOptions& o) {
    std::optional<TenderFolder> folder = open_folder(o.dir);
    if (!folder) return exit_bad_input;
    const std::optional<std::filesystem::path> pack =
        o.pack.empty() ? std::nullopt : std::optional<std::filesystem::path>(o.pack);
    Result<const TenderBid*> bid =
        folder->add_bid(o.bidder, o.responses, pack, o.by, now_utc_iso());
    if (!bid) {
        print_error(bid.error());
        return exit_bad_input;
    }
    if (o.json) {
        std::cout << bid_view_json(**bid);
    } else {
        print_bid(**bid);
    }
    // A flagged bid is recorded, and the status says so: never silently accepted.
    return (*bid)->flagged() ? exit_flagged : exit_ok;
}

int run_evaluator_add(const TenderOptions& o) {
    std::optional<PublicKey> key;
    if (!o.key.empty()) {
        Result<std::string> text = read_text_file(o.key);
        Result<PublicKey> parsed = text ? parse_public_key_file(*text, o.key)
                                        : Result<PublicKey>(tl::unexpected(text.error()));
        if (!parsed) {
            print_error(parsed.error());
            return exit_bad_input;
        }
        key = *parsed;
    }
    return change_folder(
        o.dir, [&](TenderFolder& f) { return f.add_evaluator(o.name, key, o.by, now_utc_iso()); },
        "Added evaluator " + o.name + ".");
}

int run_coi(const TenderOptions& o) {
    if (o.none == !o.declaration.empty()) {
        print_message("give either --declare \"what the conflict is\" or --none");
        return exit_usage;
    }
    const std::optional<std::string> conflict =
        o.none ? std::nullopt : std::optional<std::string>(o.declaration);
    return change_folder(
        o.dir,
        [&](TenderFolder& f) {
            return f.declare(o.evaluator, o.bidder, conflict, o.by, now_utc_iso());
        },
        o.none ? "Recorded: " + o.evaluator + " declares no conflict with " + o.bidder + "."
               : "Recorded: " + o.evaluator + " will not score " + o.bidder + ".");
}

int run_scoresheet_new(const TenderOptions& o) {
    std::optional<TenderFolder> folder = open_folder(o.dir);
    if (!folder) return exit_bad_input;
    if (!folder->tender().published()) {
        print_error(Error{o.dir, "",
                          "the tender is not published yet: publish it (eqkit tender publish " +
                              o.dir +
                              ") so the questions and scales are fixed before anyone "
                              "scores"});
        return exit_bad_input;
    }
    // Only the evaluator's own, blank sheet: nobody else's scores leave the folder.
    Result<Scoresheet> sheet = folder->tender().new_scoresheet(o.evaluator);
    if (!sheet) {
        print_error(sheet.error());
        return exit_bad_input;
    }
    if (Result<void> made = create_file_atomically(o.out, scoresheet_to_json(*sheet)); !made) {
        print_error(made.error());
        return exit_bad_input;
    }
    std::cout << "Made a blank scoresheet for " << o.evaluator << " in " << o.out << ".\n"
              << "Score every question for:";
    const ScoresheetScope& scope = *sheet->scope();
    for (std::size_t i = 0; i < scope.bidders.size(); ++i)
        std::cout << (i == 0 ? " " : "; ") << scope.bidders[i];
    if (scope.bidders.empty()) std::cout << " no bidder yet";
    std::cout << "\nquestions:";
    for (const ScoresheetScope::Question& q : scope.questions)
        std::cout << ' ' << q.code;
    std::cout << "\nthen sign it: eqkit tender submit " << o.out << " --key KEY\n";
    return exit_ok;
}

int run_evaluator_copy(const TenderOptions& o) {
    std::optional<TenderFolder> folder = open_folder(o.dir);
    if (!folder) return exit_bad_input;
    Result<EvaluatorCopy> copy = EvaluatorCopy::make(*folder, o.evaluator, now_utc_iso());
    if (!copy) {
        print_error(copy.error());
        return exit_bad_input;
    }
    if (Result<void> made = create_file_atomically(o.out, evaluator_copy_to_json(*copy)); !made) {
        print_error(made.error());
        return exit_bad_input;
    }
    std::cout << "Made " << o.evaluator << "'s copy of tender " << copy->tender_id() << " in "
              << o.out << ": " << copy->bids().size() << " bid(s) to score";
    if (!copy->conflicts().empty()) {
        std::cout << " (" << copy->conflicts().size()
                  << " left out for a declared conflict of interest)";
    }
    std::cout << ", no one else's scores.\nThey score it (eqkit tender score " << o.out
              << " ...), in the desktop app or the web app, then submit it:\n"
              << "eqkit tender submit " << o.out << " --key KEY --out SCORESHEET\n";
    return exit_ok;
}

// A scoresheet, or an evaluator's copy holding one: scored and submitted the same way, the copy
// checking each score against its own bids and scales.
struct SheetFile {
    std::string file;
    std::optional<EvaluatorCopy> copy;
    std::optional<Scoresheet> sheet;  // when the file is a plain scoresheet

    [[nodiscard]] const Scoresheet& current() const { return copy ? copy->scoresheet() : *sheet; }
};

std::optional<SheetFile> read_sheet(const std::string& file) {
    Result<std::string> text = read_text_file(file);
    if (!text) {
        print_error(text.error());
        return std::nullopt;
    }
    SheetFile read{file, std::nullopt, std::nullopt};
    if (is_evaluator_copy(*text)) {
        Checked<EvaluatorCopy> copy = parse_evaluator_copy(*text, file);
        if (!copy) {
            print_errors(copy.error());
            return std::nullopt;
        }
        read.copy = std::move(*copy);
        return read;
    }
    Checked<Scoresheet> sheet = parse_scoresheet(*text, file);
    if (!sheet) {
        print_errors(sheet.error());
        return std::nullopt;
    }
    read.sheet = std::move(*sheet);
    return read;
}

int save(const std::string& file, const std::string& text) {
    if (Result<void> saved = save_atomically(file, text); !saved) {
        print_error(saved.error());
        return exit_bad_input;
    }
    return exit_ok;
}

int save_sheet(const SheetFile& sheet) {
    return save(sheet.file, sheet.copy ? evaluator_copy_to_json(*sheet.copy)
                                       : scoresheet_to_json(*sheet.sheet));
}

int run_score(const TenderOptions& o) {
    std::optional<SheetFile> sheet = read_sheet(o.file);
    if (!sheet) return exit_bad_input;
    const ScoreEntry entry{o.bidder, o.question, o.score, o.rationale};
    Result<void> set = sheet->copy ? sheet->copy->score(entry, o.file) : sheet->sheet->set(entry);
    if (!set) {
        print_error(Error{o.file, set.error().place, set.error().reason});
        return exit_bad_input;
    }
    const int status = save_sheet(*sheet);
    if (status == exit_ok)
        std::cout << "Scored " << o.bidder << " " << o.question << ": " << o.score << '\n';
    return status;
}

int run_submit(const TenderOptions& o) {
    std::optional<SheetFile> sheet = read_sheet(o.file);
    if (!sheet) return exit_bad_input;
    if (sheet->copy && o.out.empty()) {
        print_error(Error{o.file, "",
                          "this is an evaluator's copy: name the signed scoresheet to write for "
                          "the lead with --out FILE"});
        return exit_bad_input;
    }
    std::optional<KeyPair> key = read_signing_key(o.key);
    if (!key) return exit_bad_input;
    Result<void> signed_ok = sheet->copy ? sheet->copy->submit(*key, o.file)
                                         : sign_scoresheet(*sheet->sheet, *key, o.file);
    if (!signed_ok) {
        print_error(signed_ok.error());
        return exit_bad_input;
    }
    // The copy keeps the signed sheet too, so it cannot be scored again.
    int status = save_sheet(*sheet);
    const std::string sent = sheet->copy ? o.out : o.file;
    if (status == exit_ok && sheet->copy) {
        status = save(o.out, scoresheet_to_json(sheet->current()));
    }
    if (status == exit_ok) {
        std::cout << "Submitted and signed " << sent << " with key "
                  << key_fingerprint(key->public_key)
                  << ". It can no longer be changed; send it to the lead.\n";
    }
    return status;
}

int run_import(const TenderOptions& o) {
    std::vector<std::filesystem::path> files(o.scoresheets.begin(), o.scoresheets.end());
    return change_folder(
        o.dir, [&](TenderFolder& f) { return f.import_scoresheets(files, now_utc_iso()); },
        "Imported " + std::to_string(files.size()) + " scoresheet(s).");
}

int run_moderate(const TenderOptions& o) {
    return change_folder(
        o.dir,
        [&](TenderFolder& f) {
            return f.moderate({o.bidder, o.question, o.score, o.rationale}, o.by, now_utc_iso());
        },
        "Moderated " + o.bidder + " " + o.question + ".");
}

int run_results(const TenderOptions& o) {
    std::optional<TenderFolder> folder = open_folder(o.dir);
    if (!folder) return exit_bad_input;
    if (!o.html.empty()) {
        if (Result<void> saved = save_atomically(o.html, tender_report_html(*folder)); !saved) {
            print_error(saved.error());
            return exit_bad_input;
        }
        std::cout << "Wrote the results report to " << o.html << ".\n";
        return exit_ok;
    }
    if (o.json) {
        std::cout << tender_results_json(*folder);
        return exit_ok;
    }
    if (o.csv) {
        std::cout << tender_results_csv(*folder);
        return exit_ok;
    }
    for (const BidderResult& b : folder->tender().results().bidders) {
        std::cout << b.name << ": " << b.arithmetic
                  << (b.rank ? ", rank " + std::to_string(*b.rank) : std::string(", not ranked"))
                  << (b.complete ? "" : " (not fully moderated)") << '\n';
        for (const QuestionResult& q : b.questions) {
            if (!q.failure.empty()) std::cout << "  FAILED: " << q.failure << '\n';
        }
        if (const TenderBid* bid = folder->find_bid(b.name); bid && bid->flagged()) {
            std::cout << "  FLAGGED: the evidence pack failed verification\n";
        }
    }
    return exit_ok;
}

// ---- set-up -------------------------------------------------------------------------------

void add_dir(CLI::App* sub, TenderOptions& o) {
    sub->add_option("DIR", o.dir, "Tender folder")->required();
}

void add_by(CLI::App* sub, TenderOptions& o) {
    sub->add_option("--by", o.by, "Who is doing this, for the audit log (default: lead)");
}

void add_score_options(CLI::App* sub, TenderOptions& o, const char* score_help) {
    sub->add_option("--bidder", o.bidder, "Bidder")->required();
    sub->add_option("--question", o.question, "Question code")->required();
    sub->add_option("--score", o.score, score_help)->required();
    sub->add_option("--rationale", o.rationale, "Why")->required();
}

void setup_lead_verbs(CLI::App* tender, const std::shared_ptr<TenderOptions>& o, Context& context) {
    CLI::App* make = tender->add_subcommand("new", "Make a tender folder from a question set");
    make->add_option("--questions", o->questions, "Question set id (tender_…)")->required();
    make->add_option("--out", o->dir, "Tender folder to create (new or empty)")->required();
    make->add_option("--id", o->id, "Tender id, lowercase (default: from the folder's name)");
    make->add_option("--method", o->method, "Moderation: consensus (default) or mean");
    make->add_option("--threshold", o->threshold, "Flag scores that differ by more than this");
    make->add_option("--deadline", o->deadline, "Deadline for bids, YYYY-MM-DD or UTC time");
    add_by(make, *o);
    make->callback([o, &context] { context.status = run_new(*o, context); });

    CLI::App* criteria =
        tender->add_subcommand("criteria", "Change weights and moderation before publication");
    add_dir(criteria, *o);
    criteria->add_option("--weight", o->weights, "A scored question's weight, CODE=N (repeatable)");
    CLI::Option* method =
        criteria->add_option("--method", o->method, "Moderation: consensus or mean");
    CLI::Option* threshold = criteria->add_option("--threshold", o->threshold,
                                                  "Flag scores that differ by more than this");
    add_by(criteria, *o);
    criteria->callback([o, &context, method, threshold] {
        o->method_given = method->count() > 0;
        o->threshold_given = threshold->count() > 0;
        context.status = run_criteria(*o);
    });

    CLI::App* publish = tender->add_subcommand("publish", "Lock the questions, weights and scales");
    add_dir(publish, *o);
    add_by(publish, *o);
    publish->callback([o, &context] {
        context.status = change_folder(
            o->dir, [&](TenderFolder& f) { return f.publish(o->by, now_utc_iso()); }, "Published.");
    });

    CLI::App* bid = tender->add_subcommand("bid", "Bids");
    bid->require_subcommand(1);
    CLI::App* bid_add = bid->add_subcommand("add", "Receive a bid: responses and evidence pack");
    add_dir(bid_add, *o);
    bid_add->add_option("--bidder", o->bidder, "Bidder's name")->required();
    bid_add->add_option("--responses", o->responses, "Responses file")->required();
    bid_add->add_option("--pack", o->pack, "The bidder's EqualityKit evidence pack");
    bid_add->add_flag("--json", o->json, "Print JSON");
    add_by(bid_add, *o);
    bid_add->callback([o, &context] { context.status = run_bid_add(*o); });

    CLI::App* evaluator = tender->add_subcommand("evaluator", "Evaluators");
    evaluator->require_subcommand(1);
    CLI::App* evaluator_add = evaluator->add_subcommand("add", "Add an evaluator");
    add_dir(evaluator_add, *o);
    evaluator_add->add_option("NAME", o->name, "Evaluator's name")->required();
    evaluator_add->add_option("--public-key", o->key,
                              "Their public key (KEY.pub): only sheets it signed are accepted");
    add_by(evaluator_add, *o);
    evaluator_add->callback([o, &context] { context.status = run_evaluator_add(*o); });

    CLI::App* coi = tender->add_subcommand("coi", "Record an evaluator's conflict of interest");
    add_dir(coi, *o);
    coi->add_option("--evaluator", o->evaluator, "Evaluator")->required();
    coi->add_option("--bidder", o->bidder, "Bidder")->required();
    coi->add_option("--declare", o->declaration, "What the conflict is");
    coi->add_flag("--none", o->none, "The evaluator declares no conflict with this bidder");
    add_by(coi, *o);
    coi->callback([o, &context] { context.status = run_coi(*o); });

    CLI::App* import_sheets =
        tender->add_subcommand("import", "Import evaluators' signed scoresheets");
    add_dir(import_sheets, *o);
    import_sheets->add_option("SCORESHEET", o->scoresheets, "Scoresheet files")->required();
    import_sheets->callback([o, &context] { context.status = run_import(*o); });

    CLI::App* moderate = tender->add_subcommand("moderate", "Record a moderated score");
    add_dir(moderate, *o);
    add_score_options(moderate, *o, "Agreed score");
    add_by(moderate, *o);
    moderate->callback([o, &context] { context.status = run_moderate(*o); });

    CLI::App* results = tender->add_subcommand("results", "Weighted totals, failures and ranking");
    add_dir(results, *o);
    results->add_flag("--json", o->json, "As JSON");
    results->add_flag("--csv", o->csv, "As CSV");
    results->add_option("--html", o->html, "Write the accessible HTML report to this file");
    results->callback([o, &context] { context.status = run_results(*o); });
}

void setup_evaluator_verbs(CLI::App* tender, const std::shared_ptr<TenderOptions>& o,
                           Context& context) {
    CLI::App* sheet = tender->add_subcommand("scoresheet", "Scoresheets");
    sheet->require_subcommand(1);
    CLI::App* sheet_new = sheet->add_subcommand("new", "Make a blank scoresheet for an evaluator");
    add_dir(sheet_new, *o);
    sheet_new->add_option("--evaluator", o->evaluator, "Evaluator")->required();
    sheet_new->add_option("--out", o->out, "Scoresheet file to create")->required();
    sheet_new->callback([o, &context] { context.status = run_scoresheet_new(*o); });

    CLI::App* copy = tender->add_subcommand(
        "evaluator-copy", "Make an evaluator's own copy to score offline (no one else's scores)");
    add_dir(copy, *o);
    copy->add_option("--evaluator", o->evaluator, "Evaluator")->required();
    copy->add_option("--out", o->out, "Copy file to create")->required();
    copy->callback([o, &context] { context.status = run_evaluator_copy(*o); });

    CLI::App* score = tender->add_subcommand("score", "Score one answer in a scoresheet or copy");
    score->add_option("SCORESHEET", o->file, "Scoresheet or evaluator's copy")->required();
    add_score_options(score, *o, "Score, a value of the question's scale");
    score->callback([o, &context] { context.status = run_score(*o); });

    CLI::App* submit =
        tender->add_subcommand("submit", "Sign a finished scoresheet; it is then final");
    submit->add_option("SCORESHEET", o->file, "Scoresheet or evaluator's copy")->required();
    submit->add_option("--key", o->key, "Your secret key (eqkit key new)")->required();
    submit->add_option("--out", o->out, "For a copy: the signed scoresheet to write for the lead");
    submit->callback([o, &context] { context.status = run_submit(*o); });
}

}  // namespace

void setup_tender(CLI::App& app, Context& context) {
    CLI::App* tender = app.add_subcommand("tender", "Evaluate a tender's equality questions");
    tender->require_subcommand(1);
    auto o = std::make_shared<TenderOptions>();
    setup_lead_verbs(tender, o, context);
    setup_evaluator_verbs(tender, o, context);
}

}  // namespace eqkit::cli
