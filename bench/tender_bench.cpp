// tender_bench: a tender of 20 bidders × 15 questions × 5 evaluators. Times, natively, opening the
// tender folder (every hash, signature and audit link checked), importing the five signed
// scoresheets, moderating all 300 answers (one change) and making the JSON, CSV and HTML results;
// and, as the baseline measured in the same run, reading the same files with nlohmann::json alone.
// Prints the best of ROUNDS of each and their ratio; exits 1 if EqualityKit took a second or more.
//   tender_bench [ROUNDS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "eqkit/files.hpp"
#include "eqkit/tender_folder.hpp"
#include "eqkit/tender_report.hpp"

namespace fs = std::filesystem;
using namespace eqkit;

namespace {

constexpr int bidders = 20;
constexpr int questions = 15;
constexpr int evaluators = 5;
const std::string at = "2026-03-01T09:00:00Z";

std::string question_set_json() {
    nlohmann::json qs = nlohmann::json::array();
    for (int q = 1; q <= questions; ++q) {
        qs.push_back({{"code", "Q" + std::to_string(q)},
                      {"title", "Question " + std::to_string(q)},
                      {"text",
                       "How will you meet the needs of people with protected "
                       "characteristics?"},
                      {"pass_fail", false},
                      {"scale", "0_4"},
                      {"weight", 10},
                      {"word_limit", 500}});
    }
    nlohmann::json levels = nlohmann::json::array();
    for (const char* label : {"Unacceptable", "Poor", "Acceptable", "Good", "Excellent"})
        levels.push_back({{"value", levels.size()}, {"label", label}});
    return nlohmann::json{{"format", "eqkit-question-set/1"},
                          {"id", "tender_bench"},
                          {"version", "1"},
                          {"title", "Benchmark set"},
                          {"publisher", "EqualityKit benchmark"},
                          {"official", false},
                          {"description", "Synthetic."},
                          {"sources", {{{"title", "tenders.md"}}}},
                          {"total_weight", 10 * questions},
                          {"scales",
                           {{{"id", "0_4"},
                             {"title", "0-4"},
                             {"source", {{"title", "tenders.md"}}},
                             {"levels", levels}}}},
                          {"questions", qs}}
        .dump();
}

std::string bidder_name(int b) {
    return "Bidder " + std::to_string(b);
}
std::string evaluator_name(int e) {
    return "Evaluator " + std::to_string(e);
}

void write(const fs::path& file, const std::string& text) {
    std::ofstream(file, std::ios::binary) << text;
}

std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void check(bool ok, const std::string& what) {
    if (ok) return;
    std::fprintf(stderr, "tender_bench: %s\n", what.c_str());
    std::exit(1);
}

// The published tender with its bids (DIR/tender), and the signed scoresheets (DIR/sheets).
std::vector<fs::path> prepare(const fs::path& dir) {
    Checked<QuestionSet> set = parse_question_set(question_set_json(), "bench");
    check(set.has_value(), "question set");
    Result<TenderFolder> folder = TenderFolder::create(
        dir / "tender", Tender("bench", std::move(*set), TenderSettings{}), "", "lead", at);
    check(folder.has_value(), "create");
    for (int e = 1; e <= evaluators; ++e)
        check(folder->add_evaluator(evaluator_name(e), std::nullopt, "lead", at).has_value(), "ev");
    check(folder->publish("lead", at).has_value(), "publish");
    fs::create_directories(dir / "in");
    for (int b = 1; b <= bidders; ++b) {
        nlohmann::json answers = nlohmann::json::array();
        for (int q = 1; q <= questions; ++q) {
            answers.push_back({{"question", "Q" + std::to_string(q)},
                               {"text", std::string(2000, 'w') + " words"},
                               {"cites", {"eds2022:1A"}}});
        }
        const fs::path file = dir / "in" / ("bid" + std::to_string(b) + ".json");
        write(file, nlohmann::json{{"format", "eqkit-tender-responses/1"},
                                   {"bidder", bidder_name(b)},
                                   {"answers", answers}}
                        .dump());
        check(folder->add_bid(bidder_name(b), file, std::nullopt, "lead", at).has_value(), "bid");
    }
    std::vector<fs::path> sheets;
    for (int e = 1; e <= evaluators; ++e) {
        Scoresheet sheet("bench", evaluator_name(e));
        for (int b = 1; b <= bidders; ++b) {
            for (int q = 1; q <= questions; ++q) {
                check(sheet
                          .set({bidder_name(b), "Q" + std::to_string(q), (b + q + e) % 5,
                                "Because the answer gives specific, measurable commitments."})
                          .has_value(),
                      "score");
            }
        }
        Result<KeyPair> key = generate_key_pair();
        check(key.has_value(), "key");
        const fs::path file = dir / "in" / ("sheet" + std::to_string(e) + ".json");
        check(sign_scoresheet(sheet, *key, file.string()).has_value(), "sign");
        write(file, scoresheet_to_json(sheet));
        sheets.push_back(file);
    }
    return sheets;
}

std::vector<Moderation> moderations() {
    std::vector<Moderation> out;
    for (int b = 1; b <= bidders; ++b) {
        for (int q = 1; q <= questions; ++q)
            out.push_back({bidder_name(b), "Q" + std::to_string(q), (b + q) % 5, "Agreed."});
    }
    return out;
}

// EqualityKit: open, import, moderate, report. Returns the bytes of reports made.
std::size_t run_eqkit(const fs::path& tender, const std::vector<fs::path>& sheets) {
    Checked<TenderFolder> folder = TenderFolder::open(tender);
    check(folder.has_value(), "open");
    Result<void> imported = folder->import_scoresheets(sheets, at);
    check(imported.has_value(), imported ? "" : imported.error().message());
    check(folder->moderate_all(moderations(), "lead", at).has_value(), "moderate");
    return tender_results_json(*folder).size() + tender_results_csv(*folder).size() +
           tender_report_html(*folder).size();
}

// The baseline: the same files read with nlohmann::json alone.
std::size_t run_baseline(const fs::path& dir, const std::vector<fs::path>& sheets) {
    std::size_t n = nlohmann::json::parse(read(dir / "tender" / "tender.json")).size();
    for (int b = 1; b <= bidders; ++b)
        n += nlohmann::json::parse(read(dir / "in" / ("bid" + std::to_string(b) + ".json"))).size();
    for (const fs::path& s : sheets)
        n += nlohmann::json::parse(read(s)).at("scores").size();
    return n;
}

template <class Setup, class F>
double best_ms(int rounds, Setup&& setup, F&& f) {
    double best = 1e30;
    for (int i = 0; i < rounds; ++i) {
        setup();
        const auto start = std::chrono::steady_clock::now();
        f();
        const auto stop = std::chrono::steady_clock::now();
        best = std::min(best, std::chrono::duration<double, std::milli>(stop - start).count());
    }
    return best;
}

}  // namespace

int main(int argc, char** argv) {
    const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    const fs::path dir =
        fs::temp_directory_path() / ("eqkit-tender-bench-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    const std::vector<fs::path> sheets = prepare(dir);
    const double eqkit_ms = best_ms(
        rounds,
        [&] {
            // Each round starts from the tender as the bids left it.
            fs::remove_all(dir / "run");
            fs::copy(dir / "tender", dir / "run", fs::copy_options::recursive);
        },
        [&] { run_eqkit(dir / "run", sheets); });
    const double baseline_ms = best_ms(
        rounds, [] {}, [&] { run_baseline(dir, sheets); });
    fs::remove_all(dir);
    std::printf("tender %d bidders x %d questions x %d evaluators\n", bidders, questions,
                evaluators);
    std::printf("eqkit open+import+moderate+report: %.1f ms\n", eqkit_ms);
    std::printf("nlohmann::json reading the same files: %.1f ms\n", baseline_ms);
    std::printf("ratio: %.1f\n", eqkit_ms / baseline_ms);
    return eqkit_ms < 1000 ? 0 : 1;
}
