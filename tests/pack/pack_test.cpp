// Evidence packs: round trip, byte-identical exports, tampering, signatures, merging imports.
#include <doctest/doctest.h>

#include <zlib.h>
#include <nlohmann/json.hpp>

#include "eqkit/hash.hpp"
#include "pack_support.hpp"
#include "zip_tools.hpp"

namespace fs = std::filesystem;
using namespace eqkit;
using namespace eqkit::test;

namespace {

ExportOptions options(std::optional<KeyPair> key = std::nullopt) {
    ExportOptions o;
    o.tool_version = "0.1.0";
    o.signing_key = std::move(key);
    return o;
}

fs::path exported(const WorkspaceFolder& ws, const fs::path& out,
                  std::optional<KeyPair> key = std::nullopt) {
    Result<ExportSummary> summary = export_pack(ws, out, options(std::move(key)));
    REQUIRE_MESSAGE(summary.has_value(), summary.error().message());
    return out;
}

std::string problems_of(const fs::path& pack) {
    return join_messages(verify_pack(pack).problems);
}

// Every file under a folder with its bytes, to show that nothing was written.
std::map<std::string, std::string> tree(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        out[fs::relative(e.path(), dir).string()] = e.is_regular_file() ? slurp(e.path()) : "/";
    return out;
}

KeyPair new_key() {
    Result<KeyPair> key = generate_key_pair();
    REQUIRE(key.has_value());
    return *key;
}

}  // namespace

TEST_CASE("pack: export, verify, import into an empty workspace reproduces everything") {
    TempDir dir;
    const WorkspaceFolder ws = sample_workspace(dir);
    const fs::path pack = exported(ws, dir / "pack.zip");

    const VerifyResult verified = verify_pack(pack);
    CHECK_MESSAGE(verified.intact(), join_messages(verified.problems));
    CHECK(verified.files_checked == 2 + 2 + 3);  // assessments, documents, evidence files
    CHECK_FALSE(verified.signature.has_value());

    REQUIRE(WorkspaceFolder::create(dir / "copy", shipped_registry()).has_value());
    WorkspaceFolder copy = open_workspace(dir / "copy");
    Checked<ImportSummary> imported = import_pack(pack, copy);
    REQUIRE_MESSAGE(imported.has_value(), join_messages(imported.error()));
    CHECK(imported->renamed.empty());
    CHECK(imported->added_evidence.size() == 5);

    const WorkspaceFolder reloaded = open_workspace(dir / "copy");
    REQUIRE(reloaded.assessments().size() == ws.assessments().size());
    for (std::size_t i = 0; i < ws.assessments().size(); ++i) {
        CHECK(reloaded.assessments()[i].entry == ws.assessments()[i].entry);
        CHECK(reloaded.assessments()[i].assessment == ws.assessments()[i].assessment);
        CHECK(sha256_file(reloaded.assessment_path(reloaded.assessments()[i].entry))->sha256 ==
              sha256_file(ws.assessment_path(ws.assessments()[i].entry))->sha256);
    }
    CHECK(reloaded.evidence() == ws.evidence());
    for (const Evidence& e : reloaded.evidence()) {
        if (e.kind == EvidenceKind::file) {
            CHECK(sha256_file(reloaded.blob_path(e.sha256))->sha256 == e.sha256);
        }
    }
}

TEST_CASE("pack: the same workspace gives byte-identical packs, wherever it is") {
    TempDir dir;
    const WorkspaceFolder ws = sample_workspace(dir);
    const std::string first = slurp(exported(ws, dir / "a.zip"));
    const std::string second = slurp(exported(ws, dir / "b.zip"));
    CHECK(first == second);
    fs::copy(dir / "ws", dir / "moved", fs::copy_options::recursive);
    CHECK(slurp(exported(open_workspace(dir / "moved"), dir / "c.zip")) == first);
    // A signed pack is deterministic too: Ed25519 signatures are.
    const KeyPair key = new_key();
    CHECK(slurp(exported(ws, dir / "s1.zip", key)) == slurp(exported(ws, dir / "s2.zip", key)));
}

TEST_CASE("pack: the contents are laid out as documented, dated 1980-01-01") {
    TempDir dir;
    const fs::path pack = exported(sample_workspace(dir), dir / "pack.zip");
    const ZipContents contents = read_zip(pack);
    std::vector<std::string> names;
    for (const auto& [name, bytes] : contents)
        names.push_back(name);
    CHECK(names == std::vector<std::string>{
                       "manifest.json", "answers.csv", "assessments/eds2022.json",
                       "assessments/freda.json", "evidence/ev1/Equality policy 2024.pdf",
                       "evidence/ev2/minutes.txt", "evidence/ev3/minutes.txt", "report.html"});
    const std::string csv = bytes_of(contents, "answers.csv");
    CHECK(
        csv.starts_with("assessment,assessment_title,framework,framework_version,group,item,"
                        "item_title,score,score_label,narrative,raters\r\n"));
    CHECK(csv.find("eds2022,Sunrise Care – Leeds,eds2022,2022,1,1A,") != std::string::npos);
    CHECK(csv.find(",2,Achieving activity,\"Patients, \"\"carers\"\" and staff, consulted.\nSee "
                   "minutes.\",Staff\r\n") != std::string::npos);
    const std::string html = bytes_of(contents, "report.html");
    CHECK(html.find("<a href=\"evidence/ev1/Equality%20policy%202024.pdf\">Equality policy "
                    "2024.pdf</a>") != std::string::npos);
    CHECK(html.find("<a href=\"#ev-ev2\">Board minutes</a>") != std::string::npos);
    CHECK(html.find("<strong>Missing:</strong> no evidence") != std::string::npos);
    CHECK(html.find("This pack is not signed.") != std::string::npos);
    CHECK(html.find("<h2 id=\"a-eds2022\">Assessment: Sunrise Care – Leeds</h2>") !=
          std::string::npos);
    // Every entry dated 1980-01-01 00:00 (DOS date 0x0021, time 0) in the central directory.
    unzFile zip = unzOpen64(pack.c_str());
    REQUIRE(zip != nullptr);
    for (int s = unzGoToFirstFile(zip); s == UNZ_OK; s = unzGoToNextFile(zip)) {
        unz_file_info64 info{};
        REQUIRE(unzGetCurrentFileInfo64(zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) == UNZ_OK);
        CHECK(info.dosDate == 0x00210000u);
        CHECK((info.external_fa >> 16) == 0100644u);
    }
    unzClose(zip);
}

TEST_CASE("pack: any unzip tool can read it") {
    if (!fs::exists("/usr/bin/unzip")) {
        MESSAGE("unzip is not installed: skipped");
        return;
    }
    TempDir dir;
    const fs::path pack = exported(sample_workspace(dir), dir / "pack.zip");
    CHECK(std::system(("/usr/bin/unzip -tqq '" + pack.string() + "'").c_str()) == 0);
}

TEST_CASE("pack: one byte changed in an evidence file is found, and named") {
    TempDir dir;
    const fs::path pack = exported(sample_workspace(dir), dir / "pack.zip");
    SUBCASE("in place: the SHA-256 no longer matches (stored files are checked by it alone)") {
        std::string bytes = slurp(pack);
        const std::size_t at = bytes.find("pretend policy");
        REQUIRE(at != std::string::npos);
        bytes[at] = 'P';
        spit(dir / "bad.zip", bytes);
        const std::string problems = problems_of(dir / "bad.zip");
        CHECK(problems.starts_with((dir / "bad.zip").generic_string() +
                                   ": evidence/ev1/Equality policy 2024.pdf: the contents have "
                                   "changed: the SHA-256 is "));
        CHECK(std::count(problems.begin(), problems.end(), '\n') == 1);
    }
    SUBCASE("re-zipped: the SHA-256 in the manifest no longer matches") {
        rezip(pack, dir / "bad.zip", "evidence/ev2/minutes.txt", [](std::string s) {
            s[0] = 'b';
            return s;
        });
        const std::string problems = problems_of(dir / "bad.zip");
        CHECK(problems.starts_with((dir / "bad.zip").generic_string() +
                                   ": evidence/ev2/minutes.txt: the contents have changed: the "
                                   "SHA-256 is "));
        CHECK(std::count(problems.begin(), problems.end(), '\n') == 1);
    }
}

TEST_CASE("pack: a changed manifest is found, and named") {
    TempDir dir;
    const WorkspaceFolder ws = sample_workspace(dir);
    const std::string label = (dir / "bad.zip").generic_string();
    SUBCASE("a byte flipped in the packed manifest") {
        std::string bytes = slurp(exported(ws, dir / "pack.zip"));
        // The manifest is the first entry: its data starts after the 30-byte local header
        // and the 13-byte name.
        bytes[30 + 13 + 40] = static_cast<char>(bytes[30 + 13 + 40] ^ 0x01);
        spit(dir / "bad.zip", bytes);
        CHECK(problems_of(dir / "bad.zip").starts_with(label + ": manifest.json: "));
    }
    SUBCASE("a signed manifest edited and re-zipped: the signature no longer matches") {
        exported(ws, dir / "pack.zip", new_key());
        rezip(dir / "pack.zip", dir / "bad.zip", "manifest.json", [](std::string s) {
            s.replace(s.find("Board minutes"), 13, "Board minutez");
            return s;
        });
        CHECK(problems_of(dir / "bad.zip") ==
              label +
                  ": manifest.json: the signature in manifest.sig does not match: the manifest "
                  "was changed after it was signed, or the signature was made with another key\n");
    }
    SUBCASE("an unsigned manifest whose hash was edited names the file it no longer matches") {
        exported(ws, dir / "pack.zip");
        rezip(dir / "pack.zip", dir / "bad.zip", "manifest.json", [](std::string s) {
            const std::size_t at = s.find("\"sha256\": \"", s.find("\"path\": \"report.html\""));
            s[at + 11] = s[at + 11] == '0' ? '1' : '0';
            return s;
        });
        CHECK(
            problems_of(dir / "bad.zip").find(label + ": report.html: the contents have changed") !=
            std::string::npos);
    }
}

TEST_CASE("pack: missing and extra files, every problem listed") {
    TempDir dir;
    const fs::path pack = exported(sample_workspace(dir), dir / "pack.zip");
    ZipContents contents = read_zip(pack);
    ZipContents changed;
    for (auto& [name, bytes] : contents) {
        if (name == "answers.csv" || name == "evidence/ev3/minutes.txt") continue;
        if (name == "report.html") bytes += " ";
        changed.emplace_back(name, bytes);
    }
    changed.emplace_back("notes/extra.txt", "not listed");
    write_zip(dir / "bad.zip", changed);
    const std::string label = (dir / "bad.zip").generic_string();
    const std::string problems = problems_of(dir / "bad.zip");
    CHECK(problems.find(label + ": notes/extra.txt: this file is in the pack but not listed in "
                                "the manifest\n") != std::string::npos);
    CHECK(problems.find(label + ": answers.csv: the manifest lists this file but it is missing "
                                "from the pack\n") != std::string::npos);
    CHECK(problems.find(label + ": evidence/ev3/minutes.txt: the manifest lists this file but it "
                                "is missing from the pack\n") != std::string::npos);
    CHECK(problems.find(label + ": report.html: the manifest says ") != std::string::npos);
    CHECK(std::count(problems.begin(), problems.end(), '\n') == 4);
}

TEST_CASE("pack signatures: good, tampered, wrong key, stripped") {
    TempDir dir;
    const WorkspaceFolder ws = sample_workspace(dir);
    const KeyPair key = new_key();
    const fs::path pack = exported(ws, dir / "signed.zip", key);
    const std::string label = (dir / "bad.zip").generic_string();

    const VerifyResult good = verify_pack(pack);
    CHECK_MESSAGE(good.intact(), join_messages(good.problems));
    REQUIRE(good.signature.has_value());
    CHECK(good.signature->valid);
    CHECK(good.signature->fingerprint == key_fingerprint(key.public_key));
    CHECK(good.manifest->signer_fingerprint == key_fingerprint(key.public_key));
    const std::string html = bytes_of(read_zip(pack), "report.html");
    CHECK(html.find("signed</strong> with the key whose fingerprint is <strong><code>" +
                    key_fingerprint(key.public_key)) != std::string::npos);

    SUBCASE("signed again by another key, in place of the real one") {
        const KeyPair other = new_key();
        const std::string manifest = bytes_of(read_zip(pack), "manifest.json");
        rezip(pack, dir / "bad.zip", "manifest.sig", [&](std::string s) {
            nlohmann::json sig = nlohmann::json::parse(s);
            sig["public_key"] = to_hex(other.public_key.bytes);
            sig["signature"] = to_hex(*sign(other.secret_key, manifest));
            return sig.dump();
        });
        const VerifyResult result = verify_pack(dir / "bad.zip");
        CHECK(result.signature->valid);  // a good signature, but not by the key the manifest names
        CHECK(join_messages(result.problems) ==
              label + ": manifest.sig: the manifest says the pack is signed by " +
                  key_fingerprint(key.public_key) + " but manifest.sig holds key " +
                  key_fingerprint(other.public_key) + "\n");
    }
    SUBCASE("the right key's signature replaced by another key's public key") {
        const KeyPair other = new_key();
        rezip(pack, dir / "bad.zip", "manifest.sig", [&](std::string s) {
            nlohmann::json sig = nlohmann::json::parse(s);
            sig["public_key"] = to_hex(other.public_key.bytes);
            return sig.dump();
        });
        const std::string problems = problems_of(dir / "bad.zip");
        CHECK(problems.find(label + ": manifest.json: the signature in manifest.sig does not "
                                    "match") != std::string::npos);
    }
    SUBCASE("the signature removed") {
        rezip(pack, dir / "bad.zip", "manifest.sig",
              [](const std::string&) -> std::optional<std::string> { return std::nullopt; });
        CHECK(problems_of(dir / "bad.zip") ==
              label + ": manifest.sig: the manifest says the pack is signed by " +
                  key_fingerprint(key.public_key) + " but manifest.sig is missing\n");
    }
}

TEST_CASE("pack import: merges without overwriting, renaming clashing ids") {
    TempDir dir;
    const WorkspaceFolder ws = sample_workspace(dir);
    const fs::path pack = exported(ws, dir / "pack.zip");

    WorkspaceFolder other = clashing_workspace(dir);
    const std::string mine = slurp(other.assessment_path(other.assessments()[0].entry));

    Checked<ImportSummary> imported = import_pack(pack, other);
    REQUIRE_MESSAGE(imported.has_value(), join_messages(imported.error()));
    CHECK(imported->renamed ==
          std::vector<std::pair<std::string, std::string>>{{"assessment eds2022", "eds2022-2"},
                                                           {"evidence ev1", "ev2"},
                                                           {"evidence ev2", "ev3"},
                                                           {"evidence ev3", "ev4"},
                                                           {"evidence ev4", "ev5"},
                                                           {"evidence ev5", "ev6"}});
    const WorkspaceFolder merged = open_workspace(dir / "other");
    CHECK(slurp(merged.assessment_path(merged.assessments()[0].entry)) == mine);
    CHECK(merged.find_evidence("ev1")->title == "Mine");
    CHECK(merged.find_assessment("eds2022-2")->assessment ==
          ws.find_assessment("eds2022")->assessment);

    SUBCASE("importing the same pack again adds nothing") {
        WorkspaceFolder again = open_workspace(dir / "other");
        const auto before = tree(dir / "other");
        Checked<ImportSummary> second = import_pack(pack, again);
        REQUIRE(second.has_value());
        CHECK(second->added_assessments.empty());
        CHECK(second->added_evidence.empty());
        CHECK(second->already_present.size() == 2 + 5);
        auto after = tree(dir / "other");
        CHECK(after.size() == before.size());
    }
}

TEST_CASE("pack import: a damaged pack is refused and nothing at all is written") {
    TempDir dir;
    const fs::path pack = exported(sample_workspace(dir), dir / "pack.zip");
    rezip(pack, dir / "bad.zip", "evidence/ev3/minutes.txt", [](std::string s) {
        s += "!";
        return s;
    });
    REQUIRE(WorkspaceFolder::create(dir / "empty", shipped_registry()).has_value());
    WorkspaceFolder empty = open_workspace(dir / "empty");
    const auto before = tree(dir / "empty");
    Checked<ImportSummary> imported = import_pack(dir / "bad.zip", empty);
    REQUIRE_FALSE(imported.has_value());
    CHECK(join_messages(imported.error()).find("evidence/ev3/minutes.txt: the manifest says ") !=
          std::string::npos);
    CHECK(tree(dir / "empty") == before);
    CHECK(empty.evidence().empty());
}

TEST_CASE("pack export: a stored evidence file that went missing stops the export") {
    TempDir dir;
    const WorkspaceFolder ws = sample_workspace(dir);
    fs::remove(ws.blob_path(ws.find_evidence("ev1")->sha256));
    Result<ExportSummary> result = export_pack(ws, dir / "pack.zip", options());
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().message() ==
          ws.blob_path(ws.find_evidence("ev1")->sha256).generic_string() +
              ": the stored file of evidence ev1 (\"Equality policy\") "
              "is missing");
    CHECK_FALSE(fs::exists(dir / "pack.zip"));
    for (const auto& e : fs::directory_iterator(dir.path()))
        CHECK_FALSE(e.path().filename().string().starts_with(".pack.zip"));
}

TEST_CASE("pack export: progress reaches the total, and cancelling leaves no file") {
    TempDir dir;
    const WorkspaceFolder ws = sample_workspace(dir);
    ExportOptions o = options();
    std::uint64_t last = 0, total = 0;
    o.progress = [&](std::uint64_t done, std::uint64_t all) {
        last = done;
        total = all;
        return true;
    };
    REQUIRE(export_pack(ws, dir / "pack.zip", o).has_value());
    CHECK(last == total);
    o.progress = [](std::uint64_t, std::uint64_t) { return false; };
    CHECK(export_pack(ws, dir / "cancelled.zip", o).error().reason == "export cancelled");
    CHECK_FALSE(fs::exists(dir / "cancelled.zip"));
}

TEST_CASE("pack export: reuses the CRC-32 taken when evidence was added, or computes it") {
    TempDir dir;
    const WorkspaceFolder ws = sample_workspace(dir);
    for (const Evidence& e : ws.evidence()) {
        if (e.kind != EvidenceKind::file) continue;
        const std::string bytes = slurp(ws.blob_path(e.sha256));
        REQUIRE(e.crc32.has_value());
        CHECK(*e.crc32 == crc32_z(0, reinterpret_cast<const Bytef*>(bytes.data()), bytes.size()));
    }
    CHECK(open_workspace(dir / "ws").evidence() == ws.evidence());  // kept in workspace.json
    const std::string with_crcs = slurp(exported(ws, dir / "a.zip"));

    // A library made before CRCs were kept: export computes them, and writes the same bytes.
    nlohmann::json index = nlohmann::json::parse(slurp(ws.index_path()));
    for (auto& e : index["evidence"])
        e.erase("crc32");
    spit(ws.index_path(), index.dump(2));
    const WorkspaceFolder older = open_workspace(dir / "ws");
    CHECK_FALSE(older.find_evidence("ev1")->crc32.has_value());
    CHECK(slurp(exported(older, dir / "b.zip")) == with_crcs);
    CHECK(read_zip(dir / "b.zip").size() == 8);  // every CRC-32 checked by minizip

    // Only files have one, and it must fit in 32 bits.
    index["evidence"][0]["crc32"] = 4294967296LL;
    index["evidence"][3]["crc32"] = 1;
    spit(ws.index_path(), index.dump(2));
    Checked<WorkspaceFolder> bad = WorkspaceFolder::open(dir / "ws", shipped_registry());
    REQUIRE_FALSE(bad.has_value());
    const std::string problems = join_messages(bad.error());
    CHECK(problems.find("/evidence/0/crc32: a CRC-32 is a whole number from 0 to 4294967295") !=
          std::string::npos);
    CHECK(problems.find("/evidence/3/crc32: only a file has a CRC-32") != std::string::npos);
}

TEST_CASE("pack tasks: a step at a time gives the same pack, verdict and import") {
    TempDir dir;
    const WorkspaceFolder ws = sample_workspace(dir);
    const std::string whole = slurp(exported(ws, dir / "whole.zip"));
    std::uint64_t total = 0;
    ExportOptions o = options();
    o.progress = [&](std::uint64_t, std::uint64_t all) {
        total = all;
        return true;
    };
    PackExportTask export_task(ws, dir / "stepped.zip", o);
    int steps = 1;
    while (!export_task.step(1)) {
        ++steps;
        CHECK_FALSE(fs::exists(dir / "stepped.zip"));  // named only once complete
    }
    REQUIRE(export_task.result().has_value());
    CHECK(slurp(dir / "stepped.zip") == whole);
    CHECK(steps >= 5);  // planning, a step per evidence file at least, closing
    CHECK(total > 0);

    PackVerifyTask verify_task(dir / "stepped.zip");
    for (steps = 1; !verify_task.step(1); ++steps) {
    }
    const VerifyResult verified = verify_task.result();
    CHECK_MESSAGE(verified.intact(), join_messages(verified.problems));
    CHECK(verified.files_checked == 7);
    CHECK(steps > 7);

    REQUIRE(WorkspaceFolder::create(dir / "copy", shipped_registry()).has_value());
    WorkspaceFolder copy = open_workspace(dir / "copy");
    PackImportTask import_task(dir / "stepped.zip", copy);
    while (!import_task.step(1)) {
        CHECK(copy.evidence().empty());  // nothing is added until everything was checked
    }
    Checked<ImportSummary> imported = import_task.result();
    REQUIRE_MESSAGE(imported.has_value(), join_messages(imported.error()));
    CHECK(open_workspace(dir / "copy").evidence() == ws.evidence());  // CRC-32s included
}
