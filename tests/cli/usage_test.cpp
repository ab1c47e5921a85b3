// The command line itself: version, help on every verb, and exit status 2 for usage errors.
#include "cli_support.hpp"

using namespace eqkit::test;

TEST_CASE("cli: --version prints the project's version") {
    const ProcessResult r = run_process({eqkit_binary.string(), "--version"});
    CHECK(r.status == 0);
    CHECK(r.out == "eqkit " EQKIT_EXPECTED_VERSION "\n");
    CHECK(r.err.empty());
}

TEST_CASE("cli: --help works on every verb and names its usage") {
    const std::vector<std::vector<std::string>> verbs{
        {},
        {"frameworks"},
        {"framework"},
        {"framework", "show"},
        {"framework", "validate"},
        {"assess"},
        {"assess", "new"},
        {"assess", "set"},
        {"assess", "score"},
        {"assess", "migrate"},
        {"framework", "diff"},
        {"report"},
        {"tender"},
        {"tender", "new"},
        {"tender", "results"},
    };
    for (std::vector<std::string> args : verbs) {
        std::string usage = "Usage: eqkit";
        for (const std::string& a : args)
            usage += " " + a;
        CAPTURE(usage);
        args.push_back("--help");
        const ProcessResult r = run_eqkit({}, args);
        CHECK(r.status == 0);
        CHECK(r.out.find(usage) != std::string::npos);
        CHECK(r.out.find("Exit status") != std::string::npos);
        CHECK(r.err.empty());
    }
}

TEST_CASE("cli: usage errors exit 2, say what is wrong on stderr and print nothing else") {
    TempDir dir;
    spit(dir / "a.json", "not read");
    const std::vector<std::vector<std::string>> cases{
        {},
        {"bogus"},
        {"assess"},
        {"assess", "bogus"},
        {"framework"},
        {"framework", "show"},
        {"framework", "validate"},
        {"frameworks", "--nope"},
        {"frameworks", "extra"},
        {"assess", "new", "--out", "b.json"},
        {"assess", "new", "--framework", "eds2022", "--id", "x"},  // --id only with a workspace
        {"assess", "set", "a.json"},
        {"assess", "set", "a.json", "1A"},
        {"assess", "set", "a.json", "1A", "--score", "two"},
        {"assess", "set", "a.json", "1A", "--score"},
        {"assess", "set", "a.json", "1A", "--score", "1", "--clear-score"},
        {"assess", "score"},
        {"report", "a.json"},
        {"report", "--out", "r.html"},
    };
    const auto before = snapshot(dir.path());
    for (const auto& args : cases) {
        std::string line;
        for (const std::string& a : args)
            line += a + " ";
        CAPTURE(line);
        const ProcessResult r = run_eqkit(dir.path(), args);
        CHECK(r.status == 2);
        CHECK(r.out.empty());
        CHECK(r.err.rfind("eqkit: ", 0) == 0);
    }
    CHECK(snapshot(dir.path()) == before);
}

TEST_CASE("cli: a mistyped verb is named, with the verbs there are") {
    const ProcessResult top = run_eqkit({}, {"asess"});
    CHECK(top.status == 2);
    CHECK(top.err.rfind(
              "eqkit: \"asess\" is not a verb of eqkit (use one of: frameworks, "
              "framework, assess, report, workspace, evidence, key, pack, wres, wdes, crosswalk, "
              "coverage, tender, eira, actions)\n",
              0) == 0);
    const ProcessResult sub = run_eqkit({}, {"assess", "nwe"});
    CHECK(sub.status == 2);
    CHECK(sub.err.rfind("eqkit: \"nwe\" is not a verb of eqkit assess (use one of: new, set, "
                        "score, migrate, field, row, signoff, versions, export, reviews, judge, "
                        "choose)\n",
                        0) == 0);
    CHECK(sub.err.find("eqkit assess --help") != std::string::npos);
}

TEST_CASE("cli: a missing option names the option") {
    const ProcessResult r = run_eqkit({}, {"assess", "new", "--out", "x.json"});
    CHECK(r.status == 2);
    CHECK(r.err.find("--framework is required") != std::string::npos);
    CHECK(r.err.find("eqkit assess new --help") != std::string::npos);
}

TEST_CASE("cli: assess set with nothing to change is a usage error") {
    const ProcessResult r = run_eqkit({}, {"assess", "set", "a.json", "1A"});
    CHECK(r.status == 2);
    CHECK(r.err ==
          "eqkit: assess set: nothing to change; give --score, --note, --rater, --clear-score, "
          "--clear-raters, --category, --reviewed, --i-statement, --we-statement or --section\n");
}

TEST_CASE("cli: --plugins may follow the verb") {
    TempDir empty;
    const ProcessResult r =
        run_process({eqkit_binary.string(), "frameworks", "--plugins", empty.path().string()});
    CHECK(r.status == 0);
    CHECK(r.out == "No frameworks are loaded.\n");
}
