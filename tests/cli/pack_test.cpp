// eqkit key new, pack export | verify | import, through the real binary.
#include <sys/stat.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace fs = std::filesystem;
using namespace eqkit;
using namespace eqkit::test;

namespace {

// A workspace with an assessment and two pieces of evidence, made by the CLI.
struct CliPack {
    TempDir dir;

    CliPack() {
        REQUIRE(run({"workspace", "new", "ws"}).status == 0);
        REQUIRE(run({"assess", "new", "--framework", "eds2022", "--workspace", "ws"}).status == 0);
        REQUIRE(
            run({"assess", "set", "ws/assessments/eds2022.json", "1A", "--score", "2"}).status ==
            0);
        spit(dir / "policy.pdf", "%PDF pretend\n");
        REQUIRE(add({"policy.pdf", "--title", "Policy", "--item", "eds2022:1A"}).status == 0);
        REQUIRE(add({"--note", "Forum meets monthly.", "--title", "Forum"}).status == 0);
    }
    [[nodiscard]] ProcessResult run(const std::vector<std::string>& args) const {
        return run_eqkit(dir.path(), args);
    }
    [[nodiscard]] ProcessResult add(std::vector<std::string> args) const {
        args.insert(args.begin(), {"evidence", "add", "ws"});
        args.insert(args.end(), {"--added-by", "Jo", "--today", "2024-05-01"});
        return run(args);
    }
};

unsigned mode_of(const fs::path& file) {
    struct stat info {};
    REQUIRE(::stat(file.c_str(), &info) == 0);
    return info.st_mode & 0777u;
}

}  // namespace

TEST_CASE("cli key new: a private secret key beside its public key, never replaced") {
    TempDir dir;
    const ProcessResult r = run_eqkit(dir.path(), {"key", "new", "--out", "signing.key"});
    CHECK(r.status == 0);
    CHECK(r.out.find("  fingerprint: ") != std::string::npos);
    CHECK(mode_of(dir / "signing.key") == 0600u);
    CHECK(mode_of(dir / "signing.key.pub") == 0644u);
    const std::string key = slurp(dir / "signing.key");
    const ProcessResult again = run_eqkit(dir.path(), {"key", "new", "--out", "signing.key"});
    CHECK(again.status == 1);
    CHECK(again.err ==
          "signing.key: the file already exists\n"
          "eqkit: a key is never replaced; choose another name for the new one\n");
    CHECK(slurp(dir / "signing.key") == key);
}

TEST_CASE("cli pack: export, verify, import, and export again byte for byte") {
    CliPack p;
    const ProcessResult exported = p.run({"pack", "export", "ws", "--out", "pack.zip"});
    CHECK(exported.status == 0);
    CHECK(
        exported.out.starts_with("Wrote pack.zip: 1 assessment, 1 evidence file, 1 link or "
                                 "note ("));
    CHECK(exported.out.find("Not signed") != std::string::npos);

    const ProcessResult verified = p.run({"pack", "verify", "pack.zip"});
    CHECK(verified.status == 0);
    CHECK(verified.err.empty());
    CHECK(verified.out.starts_with("pack.zip is intact: 4 files ("));
    CHECK(verified.out.find("Not signed: the files match the manifest, but anyone could have "
                            "rewritten both.") != std::string::npos);

    REQUIRE(p.run({"workspace", "new", "copy"}).status == 0);
    const ProcessResult imported = p.run({"pack", "import", "pack.zip", "--into", "copy"});
    CHECK(imported.status == 0);
    CHECK(imported.out.find("  assessments added: eds2022\n  evidence added: ev1, ev2\n") !=
          std::string::npos);
    CHECK(slurp(p.dir / "copy" / "workspace.json") == slurp(p.dir / "ws" / "workspace.json"));
    CHECK(p.run({"pack", "export", "copy", "--out", "again.zip"}).status == 0);
    CHECK(slurp(p.dir / "again.zip") == slurp(p.dir / "pack.zip"));

    const ProcessResult exists = p.run({"pack", "export", "ws", "--out", "pack.zip"});
    CHECK(exists.status == 1);
    CHECK(exists.err == "pack.zip: the file already exists; use --force to replace it\n");
    CHECK(p.run({"pack", "export", "ws", "--out", "pack.zip", "--force"}).status == 0);
}

TEST_CASE("cli pack verify: a changed file is named and the status is 1") {
    CliPack p;
    REQUIRE(p.run({"pack", "export", "ws", "--out", "pack.zip"}).status == 0);
    std::string bytes = slurp(p.dir / "pack.zip");
    bytes[bytes.find("%PDF pretend")] = '#';
    spit(p.dir / "bad.zip", bytes);
    const ProcessResult r = p.run({"pack", "verify", "bad.zip"});
    CHECK(r.status == 1);
    CHECK(r.err.starts_with(
        "bad.zip: evidence/ev1/policy.pdf: the contents have changed: the SHA-256 is "));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.out.starts_with("bad.zip is NOT intact: 1 problem (listed above).\n"));

    const ProcessResult json = p.run({"pack", "verify", "bad.zip", "--json"});
    CHECK(json.status == 1);
    const nlohmann::json j = nlohmann::json::parse(json.out);
    CHECK(j["intact"] == false);
    CHECK(j["problems"][0]["place"] == "evidence/ev1/policy.pdf");

    REQUIRE(p.run({"workspace", "new", "other"}).status == 0);
    const std::string before = slurp(p.dir / "other" / "workspace.json");
    const ProcessResult refused = p.run({"pack", "import", "bad.zip", "--into", "other"});
    CHECK(refused.status == 1);
    CHECK(refused.err.ends_with("eqkit: the pack was refused; nothing was written to other\n"));
    CHECK(slurp(p.dir / "other" / "workspace.json") == before);
    CHECK(fs::is_empty(p.dir / "other" / "evidence" / "sha256"));
    CHECK(p.run({"pack", "verify", "nope.zip"}).err == "nope.zip: the file does not exist\n");
}

TEST_CASE("cli pack: signed with --sign, checked with --key, wrong key refused") {
    CliPack p;
    REQUIRE(p.run({"key", "new", "--out", "mine"}).status == 0);
    REQUIRE(p.run({"key", "new", "--out", "theirs"}).status == 0);
    const ProcessResult exported =
        p.run({"pack", "export", "ws", "--out", "pack.zip", "--sign", "mine"});
    CHECK(exported.status == 0);
    const std::string fingerprint =
        nlohmann::json::parse(slurp(p.dir / "mine.pub"))["fingerprint"].get<std::string>();
    CHECK(exported.out.find("Signed by key " + fingerprint + ".") != std::string::npos);

    const ProcessResult good = p.run({"pack", "verify", "pack.zip", "--key", "mine.pub"});
    CHECK(good.status == 0);
    CHECK(good.out.find("Signed by key " + fingerprint + ": the signature matches.") !=
          std::string::npos);
    const ProcessResult wrong = p.run({"pack", "verify", "pack.zip", "--key", "theirs.pub"});
    CHECK(wrong.status == 1);
    CHECK(wrong.err.starts_with("pack.zip: manifest.sig: the pack is signed by key " + fingerprint +
                                ", not by the expected key "));
    CHECK(p.run({"pack", "export", "ws", "--out", "x.zip", "--sign", "mine.pub"}).err ==
          "mine.pub: this is not an EqualityKit secret key file (format \"eqkit-secret-key/1\")\n");
}

TEST_CASE("cli pack export: the personal data guard lists where, and the user decides") {
    CliPack p;
    spit(p.dir / "register.csv", "name,nhs number\nA Person,943 476 5919\n");
    REQUIRE(p.add({"register.csv", "--title", "Register"}).status == 0);
    const ProcessResult refused = p.run({"pack", "export", "ws", "--out", "pack.zip"});
    CHECK(refused.status == 1);
    CHECK(refused.out.empty());
    CHECK(refused.err ==
          "eqkit: the pack may hold personal data (1 finding):\n"
          "  evidence ev3 (register.csv), line 2: an NHS number (943 476 ….)\n"
          "Nothing was exported. Check each place listed; remove what should not leave your "
          "organisation, or run again with --allow-personal-data to export it anyway.\n");
    CHECK_FALSE(fs::exists(p.dir / "pack.zip"));
    const ProcessResult allowed =
        p.run({"pack", "export", "ws", "--out", "pack.zip", "--allow-personal-data"});
    CHECK(allowed.status == 0);
    CHECK(allowed.err.starts_with("eqkit: warning: the pack may hold personal data"));
    CHECK(fs::exists(p.dir / "pack.zip"));
}
