// wres_import_time: times the WRES import and indicators over a folder of synthetic files, the
// same code compiled natively and for the web (em++, run by node), so bench/wres_bench.sh can
// compare the web build with the native one. Round 0 is a cold start (the web build's code is
// still being compiled by the JavaScript engine); later rounds show the steady state, as a
// second import in the same page would. Each round prints the whole time and the import's alone
// (the files read into counts, without the indicators), which is what the web bench times.
// THINK_MS is a pause before round 0, as a user picks the files and checks the columns before
// pressing Import: after a pause the processor is often slower at first (on the shared bench
// machine, for tens of milliseconds), and the web bench's pages pause so too.
//   wres_import_time INDICATORS_JSON FOLDER [ROUNDS [THINK_MS]]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "eqkit/workforce_import.hpp"
#include "eqkit/workforce_indicators.hpp"
#include "eqkit/workforce_report.hpp"

int main(int argc, char** argv) {
    if (argc < 3 || argc > 5) {
        std::fprintf(stderr,
                     "usage: wres_import_time INDICATORS_JSON FOLDER [ROUNDS [THINK_MS]]\n");
        return 2;
    }
    namespace wf = eqkit::workforce;
    const auto defs = wf::load_definitions(argv[1]);
    if (!defs) {
        std::fprintf(stderr, "%s\n", eqkit::join_messages(defs.error()).c_str());
        return 1;
    }
    const std::string dir = argv[2];
    const int rounds = argc >= 4 ? std::atoi(argv[3]) : 1;
    const int think_ms = argc == 5 ? std::atoi(argv[4]) : 0;
    for (int round = 0; round < rounds; ++round) {
        if (round == 0 && think_ms > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(think_ms));
        const auto start = std::chrono::steady_clock::now();
        auto imported = wf::import_files(*defs, nullptr,
                                         {{"staff", dir + "/staff.csv"},
                                          {"recruitment", dir + "/recruitment.csv"},
                                          {"disciplinary", dir + "/disciplinary.csv"},
                                          {"training", dir + "/training.csv"},
                                          {"board", dir + "/board.csv"},
                                          {"survey", dir + "/survey.csv"}});
        const auto imported_at = std::chrono::steady_clock::now();
        if (!imported) {
            std::fprintf(stderr, "%s\n", imported.error().message().c_str());
            return 1;
        }
        const wf::Results results = wf::compute(*defs, imported->counts, nullptr, {0});
        const std::string json = wf::results_json(results, {});
        using ms = std::chrono::duration<double, std::milli>;
        std::printf("round %d: %.1f ms (import %.1f ms; indicator 2 = %.6f, %zu bytes of JSON)\n",
                    round, ms(std::chrono::steady_clock::now() - start).count(),
                    ms(imported_at - start).count(), results.indicators[1].current.value.value,
                    json.size());
    }
    return 0;
}
