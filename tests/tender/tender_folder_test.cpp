// The tender folder: a small tender worked by hand through the folder, every refusal leaving the
// folder as it was, signed scoresheets, verified packs and the hash-chained audit log.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "eqkit/tender_copy.hpp"
#include "eqkit/tender_folder.hpp"
#include "eqkit/tender_report.hpp"
#include "pack_support.hpp"
#include "tender_fixture.hpp"
#include "zip_tools.hpp"

using namespace eqkit;
using namespace eqkit::test;
namespace fs = std::filesystem;

namespace {

const std::string lead = "Lead";
const std::string t0 = "2026-03-01T09:00:00Z";

QuestionSet small_set() {
    auto set = parse_question_set(small_question_set(), "small.json");
    REQUIRE(set);
    return *set;
}

std::map<std::string, std::string> files_in(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        files[fs::relative(e.path(), dir).generic_string()] =
            e.is_regular_file() ? slurp(e.path()) : "(folder)";
    }
    return files;
}

void write_responses(const fs::path& file, const std::string& bidder) {
    spit(file, R"({"format": "eqkit-tender-responses/1", "bidder": ")" + bidder +
                   R"(", "answers": [
      {"question": "PF1", "text": "Yes."},
      {"question": "Q1", "text": "We monitor access by protected characteristic.", "cites": ["eds2022:1A"]},
      {"question": "Q2", "text": "Our workforce plan.", "cites": ["eds2022:2A"]}]})");
}

struct Marks {
    int pf, q1, q2;
};

struct Fixture {
    TempDir tmp;
    fs::path dir = tmp / "tender";
    KeyPair ann = *generate_key_pair();
    KeyPair bob = *generate_key_pair();
    TenderFolder folder = make();

    TenderFolder make() {
        Result<TenderFolder> made = TenderFolder::create(
            dir, Tender("t1", small_set(), TenderSettings{}), "2026-04-01", lead, t0);
        REQUIRE_MESSAGE(made.has_value(), made.error().message());
        REQUIRE(made->add_evaluator("Ann", ann.public_key, lead, t0));
        REQUIRE(made->add_evaluator("Bob", std::nullopt, lead, t0));
        REQUIRE(made->publish(lead, t0));
        for (const char* b : {"Acme", "Beacon"}) {
            write_responses(tmp / (std::string(b) + ".json"), b);
            REQUIRE(made->add_bid(b, tmp / (std::string(b) + ".json"), std::nullopt, lead, t0));
        }
        return std::move(*made);
    }

    // A signed scoresheet file for an evaluator.
    fs::path sheet(const std::string& evaluator, const KeyPair& key, Marks acme, Marks beacon,
                   const std::string& tender = "t1") {
        Scoresheet s(tender, evaluator);
        auto put = [&](const std::string& bidder, Marks m) {
            if (folder.tender().conflicted(evaluator, bidder)) return;
            REQUIRE(s.set({bidder, "PF1", m.pf, evaluator + " on PF1"}));
            REQUIRE(s.set({bidder, "Q1", m.q1, evaluator + " on Q1"}));
            REQUIRE(s.set({bidder, "Q2", m.q2, evaluator + " on Q2"}));
        };
        put("Acme", acme);
        put("Beacon", beacon);
        const fs::path file = tmp / (evaluator + "-" + tender + ".json");
        REQUIRE(sign_scoresheet(s, key, file.string()));
        spit(file, scoresheet_to_json(s));
        return file;
    }

    // Cedar's bid with a pack signed by Ann, made from a sample workspace in ws_dir.
    Result<const TenderBid*> cedar_with_pack(const TempDir& ws_dir) {
        WorkspaceFolder ws = sample_workspace(ws_dir);
        REQUIRE(export_pack(ws, ws_dir / "pack.zip", ExportOptions{"0.1.0", ann, {}}));
        write_responses(tmp / "cedar.json", "Cedar");
        return folder.add_bid("Cedar", tmp / "cedar.json", ws_dir / "pack.zip", lead, t0);
    }

    // The refusal's message; the folder on disk and in memory is as it was.
    template <class Change>
    std::string refused(Change change) {
        const auto before = files_in(dir);
        const std::size_t audit = folder.audit().size();
        auto r = change();
        REQUIRE_FALSE(r.has_value());
        CHECK(files_in(dir) == before);
        CHECK(folder.audit().size() == audit);
        return r.error().message();
    }
};

const BidderResult& result_of(const TenderResults& r, const std::string& name) {
    for (const BidderResult& b : r.bidders) {
        if (b.name == name) return b;
    }
    FAIL("no bidder " << name);
    return r.bidders.front();
}

}  // namespace

TEST_CASE("tender folder: a small tender worked by hand, the same after reopening") {
    Fixture f;
    REQUIRE(f.folder.import_scoresheets({f.sheet("Ann", f.ann, {1, 2, 50}, {1, 4, 100}),
                                         f.sheet("Bob", f.bob, {1, 4, 100}, {1, 1, 50})},
                                        t0));
    // Acme: Q1 agreed 3, Q2 agreed 75. 3 ÷ 4 × 60 = 45; 75 ÷ 100 × 40 = 30; total 75.
    // Beacon: Q1 agreed 1 (below the minimum of 2: fails), Q2 75: 15 + 30 = 45, not ranked.
    for (const char* b : {"Acme", "Beacon"})
        REQUIRE(f.folder.moderate({b, "PF1", 1, "policy seen"}, lead, t0));
    REQUIRE(f.folder.moderate({"Acme", "Q1", 3, "good monitoring plan"}, lead, t0));
    REQUIRE(f.folder.moderate({"Acme", "Q2", 75, "clear workforce plan"}, lead, t0));
    REQUIRE(f.folder.moderate({"Beacon", "Q1", 1, "little on access"}, lead, t0));
    REQUIRE(f.folder.moderate({"Beacon", "Q2", 75, "clear workforce plan"}, lead, t0));

    Checked<TenderFolder> reopened = TenderFolder::open(f.dir);
    REQUIRE_MESSAGE(reopened.has_value(), join_messages(reopened.error()));
    const TenderResults r = reopened->tender().results();
    const BidderResult& acme = result_of(r, "Acme");
    CHECK(acme.total == doctest::Approx(75));
    CHECK(acme.arithmetic == "45 + 30 = 75");
    CHECK(acme.questions[1].arithmetic == "3 ÷ 4 × 60 = 45");
    CHECK(acme.rank == 1);
    const BidderResult& beacon = result_of(r, "Beacon");
    CHECK(beacon.arithmetic == "15 + 30 = 45");
    CHECK_FALSE(beacon.passed);
    CHECK_FALSE(beacon.rank.has_value());
    CHECK(beacon.questions[1].failure == "Q1 scored 1, below the minimum acceptable score of 2");
    CHECK(reopened->audit().size() == f.folder.audit().size());
    CHECK(reopened->scoresheets().at(0).signer == key_fingerprint(f.ann.public_key));

    // Every face reads the same figures: JSON, CSV and the HTML report.
    const auto json = nlohmann::json::parse(tender_results_json(*reopened));
    CHECK(json.at("bidders").at(0).at("total") == 75.0);
    CHECK(json.at("bidders").at(0).at("questions").at(1).at("scores").at("Bob") == 4);
    CHECK(json.at("bidders").at(0).at("questions").at(1).at("disagreement") == true);
    CHECK(tender_results_csv(*reopened).find("Acme,Q1,Ann 2; Bob 4,2,yes,3,good monitoring plan,"
                                             "45,3 ÷ 4 × 60 = 45,no,,75,yes,1\r\n") !=
          std::string::npos);
    const std::string html = tender_report_html(*reopened);
    CHECK(html.find("3 ÷ 4 × 60 = 45") != std::string::npos);
    CHECK(html.find("Beacon: Q1 scored 1, below the minimum acceptable score of 2") !=
          std::string::npos);
}

TEST_CASE("tender folder: every refusal is clear and leaves the folder as it was") {
    Fixture f;
    SUBCASE("locked criteria: publishing twice") {
        CHECK(f.refused([&] { return f.folder.publish(lead, t0); }) ==
              "t1: the tender is already published");
    }
    SUBCASE("moderation before every evaluator has submitted") {
        REQUIRE(f.folder.import_scoresheets({f.sheet("Ann", f.ann, {1, 2, 50}, {1, 4, 100})}, t0));
        CHECK(f.refused([&] {
            return f.folder.moderate({"Acme", "Q1", 3, "x"}, lead, t0);
        }) == "t1: bidder \"Acme\", question \"Q1\": cannot moderate until every evaluator "
              "without a conflict has submitted (waiting for Bob)");
    }
    SUBCASE("a second scoresheet from the same evaluator") {
        const fs::path ann = f.sheet("Ann", f.ann, {1, 2, 50}, {1, 4, 100});
        REQUIRE(f.folder.import_scoresheets({ann}, t0));
        CHECK(f.refused([&] { return f.folder.import_scoresheets({ann}, t0); }) ==
              ann.string() +
                  ": /evaluator: Ann has already submitted a scoresheet, and a submitted "
                  "scoresheet cannot be replaced");
    }
    SUBCASE("a scoresheet for another tender") {
        const fs::path other = f.sheet("Ann", f.ann, {1, 2, 50}, {1, 4, 100}, "t2");
        CHECK(f.refused([&] { return f.folder.import_scoresheets({other}, t0); }) ==
              other.string() + ": /tender: this scoresheet is for tender \"t2\", not \"t1\"");
    }
    SUBCASE("a scoresheet altered after it was signed") {
        const fs::path ann = f.sheet("Ann", f.ann, {1, 2, 50}, {1, 4, 100});
        std::string text = slurp(ann);
        text.replace(text.find("\"score\": 2"), 10, "\"score\": 4");
        spit(ann, text);
        CHECK(f.refused([&] { return f.folder.import_scoresheets({ann}, t0); }) ==
              ann.string() +
                  ": /signature: the signature does not match the scores: this scoresheet has "
                  "been altered since Ann signed it");
    }
    SUBCASE("a scoresheet signed by someone else's key") {
        const fs::path ann = f.sheet("Ann", f.bob, {1, 2, 50}, {1, 4, 100});
        CHECK(f.refused([&] {
                   return f.folder.import_scoresheets({ann}, t0);
               }).find("not by Ann's registered key") != std::string::npos);
    }
    SUBCASE("an unsigned scoresheet") {
        Scoresheet s("t1", "Bob");
        spit(f.tmp / "bob.json", scoresheet_to_json(s));
        CHECK(f.refused([&] {
                   return f.folder.import_scoresheets({f.tmp / "bob.json"}, t0);
               }).find("has not been submitted") != std::string::npos);
    }
    SUBCASE("a conflicted evaluator scoring that bidder") {
        REQUIRE(f.folder.declare("Bob", "Beacon", std::string("Bob advised Beacon"), lead, t0));
        Scoresheet s("t1", "Bob");
        for (const char* b : {"Acme", "Beacon"}) {
            for (const char* q : {"PF1", "Q1"})
                REQUIRE(s.set({b, q, 1, "x"}));
            REQUIRE(s.set({b, "Q2", 50, "x"}));
        }
        REQUIRE(sign_scoresheet(s, f.bob, "bob.json"));
        spit(f.tmp / "bob.json", scoresheet_to_json(s));
        CHECK(f.refused([&] { return f.folder.import_scoresheets({f.tmp / "bob.json"}, t0); })
                  .find("Bob declared a conflict of interest with Beacon and cannot score this "
                        "bidder") != std::string::npos);
    }
    SUBCASE("all or nothing: one bad sheet among good ones imports none") {
        const fs::path ann = f.sheet("Ann", f.ann, {1, 2, 50}, {1, 4, 100});
        const fs::path other = f.sheet("Bob", f.bob, {1, 2, 50}, {1, 4, 100}, "t2");
        CHECK(f.refused([&] {
                   return f.folder.import_scoresheets({ann, other}, t0);
               }).find("/tender") != std::string::npos);
        CHECK(f.folder.tender().scoresheets().empty());
    }
    SUBCASE("a bid whose responses are from another bidder") {
        write_responses(f.tmp / "x.json", "Cedar");
        CHECK(f.refused([&] {
            return f.folder.add_bid("Dune", f.tmp / "x.json", std::nullopt, lead, t0);
        }) == (f.tmp / "x.json").string() +
                  ": /bidder: these responses are from \"Cedar\", not "
                  "\"Dune\"");
    }
    SUBCASE("a submitted scoresheet cannot be signed again") {
        Scoresheet s("t1", "Ann");
        REQUIRE(sign_scoresheet(s, f.ann, "ann.json"));
        CHECK_FALSE(sign_scoresheet(s, f.ann, "ann.json").has_value());
        CHECK_FALSE(s.set({"Acme", "Q1", 1, "later"}).has_value());
    }
}

TEST_CASE("tender folder: a bid's pack is verified, its evidence linked, a tampered one flagged") {
    Fixture f;
    TempDir ws_dir;
    Result<const TenderBid*> good = f.cedar_with_pack(ws_dir);
    REQUIRE_MESSAGE(good.has_value(), good.error().message());
    CHECK((*good)->pack->intact);
    CHECK((*good)->pack->signer == key_fingerprint(f.ann.public_key));
    // Q1 cites eds2022:1A, which the policy and the minutes support.
    REQUIRE((*good)->pack->linked.size() == 2);
    CHECK((*good)->pack->linked[0].question == "Q1");
    CHECK((*good)->pack->linked[0].cite == "eds2022:1A");

    std::string evidence_entry;
    for (const auto& [name, bytes] : read_zip(ws_dir / "pack.zip")) {
        if (name.rfind("evidence/", 0) == 0) evidence_entry = name;
    }
    REQUIRE_FALSE(evidence_entry.empty());
    rezip(ws_dir / "pack.zip", ws_dir / "tampered.zip", evidence_entry,
          [](std::string bytes) { return bytes + "changed"; });
    write_responses(f.tmp / "dune.json", "Dune");
    Result<const TenderBid*> bad =
        f.folder.add_bid("Dune", f.tmp / "dune.json", ws_dir / "tampered.zip", lead, t0);
    REQUIRE(bad.has_value());  // recorded, never silently accepted: flagged
    CHECK((*bad)->flagged());
    CHECK_FALSE((*bad)->pack->problems.empty());
    CHECK(f.folder.audit().back().entry.what.find("FLAGGED") != std::string::npos);
    const auto json = nlohmann::json::parse(tender_results_json(f.folder));
    CHECK(json.at("bidders").at(3).at("bid").at("flagged") == true);
    const std::string html = tender_report_html(f.folder);
    CHECK(html.find("FLAGGED: the evidence pack failed verification") != std::string::npos);
    // The ranking table itself says so on Dune's row, not only Dune's own section.
    const std::string ranking = html.substr(0, html.find("</table>"));
    const std::string dune_row = ranking.substr(ranking.find(">Dune</th>"));
    CHECK(dune_row.substr(0, dune_row.find("</tr>")).find("FLAGGED") != std::string::npos);
}

TEST_CASE("tender folder: a removed or altered audit entry, or an altered file, is detected") {
    Fixture f;
    REQUIRE(f.folder.import_scoresheets({f.sheet("Ann", f.ann, {1, 2, 50}, {1, 4, 100})}, t0));
    const fs::path index = f.dir / "tender.json";
    const std::string original = slurp(index);
    auto doc = nlohmann::json::parse(original);
    REQUIRE(doc.at("audit").size() >= 5);
    auto opened_error = [&](const nlohmann::json& changed) {
        spit(index, changed.dump(2));
        Checked<TenderFolder> opened = TenderFolder::open(f.dir);
        REQUIRE_FALSE(opened.has_value());
        return join_messages(opened.error());
    };
    const std::string label = index.generic_string();

    SUBCASE("an entry removed from the middle") {
        auto changed = doc;
        changed.at("audit").erase(2);
        CHECK(opened_error(changed) ==
              label +
                  ": /audit/2/previous: audit entry 3 does not follow the entry before it: "
                  "an entry has been removed, inserted or altered\n");
    }
    SUBCASE("an entry's text altered") {
        auto changed = doc;
        changed.at("audit").at(1).at("who") = "Someone else";
        CHECK(opened_error(changed).find(label + ": /audit/1: audit entry 2 (") == 0);
    }
    SUBCASE("the last entry removed") {
        auto changed = doc;
        changed.at("audit").erase(changed.at("audit").size() - 1);
        CHECK(opened_error(changed) ==
              label + ": /audit/" + std::to_string(changed.at("audit").size() - 1) +
                  ": the tender does not match the state its last audit entry recorded: an "
                  "entry has been removed, or the file was changed outside EqualityKit\n");
    }
    SUBCASE("a change made by hand, without an entry") {
        auto changed = doc;
        changed.at("deadline") = "2027-01-01";
        CHECK(opened_error(changed).find("does not match the state") != std::string::npos);
    }
    SUBCASE("an imported scoresheet altered in the folder") {
        spit(index, original);
        const fs::path sheet = f.dir / "scoresheets" / "1.json";
        spit(sheet, slurp(sheet) + " ");
        Checked<TenderFolder> opened = TenderFolder::open(f.dir);
        REQUIRE_FALSE(opened.has_value());
        CHECK(join_messages(opened.error()) ==
              label +
                  ": /scoresheets/0/stored: scoresheets/1.json has been changed since it was "
                  "added to the tender (its SHA-256 no longer matches)\n");
    }
}

TEST_CASE("tender folder: bids wait for publication; a bad id or a used folder is refused") {
    TempDir tmp;
    Result<TenderFolder> made =
        TenderFolder::create(tmp / "t", Tender("t1", small_set(), TenderSettings{}), "", lead, t0);
    REQUIRE(made.has_value());
    write_responses(tmp / "acme.json", "Acme");
    Result<const TenderBid*> early =
        made->add_bid("Acme", tmp / "acme.json", std::nullopt, lead, t0);
    REQUIRE_FALSE(early.has_value());
    CHECK(early.error().message() ==
          "t1: bidder \"Acme\": bids are received once the tender is published (eqkit tender "
          "publish)");
    CHECK_FALSE(fs::exists(tmp / "t" / "bids"));

    Result<TenderFolder> again =
        TenderFolder::create(tmp / "t", Tender("t2", small_set(), TenderSettings{}), "", lead, t0);
    REQUIRE_FALSE(again.has_value());
    CHECK(again.error().reason ==
          "the folder is not empty; a new tender needs a new or empty folder");
    Result<TenderFolder> bad_id = TenderFolder::create(
        tmp / "u", Tender("Ward 7", small_set(), TenderSettings{}), "", lead, t0);
    REQUIRE_FALSE(bad_id.has_value());
    CHECK(bad_id.error().place == "id");
    CHECK_FALSE(fs::exists(tmp / "u"));
}

TEST_CASE("evaluator's copy: round trip, own bids only, no one else's scores, altered refused") {
    Fixture f;
    TempDir ws_dir;
    REQUIRE(f.cedar_with_pack(ws_dir));
    REQUIRE(f.folder.add_evaluator("Cy", std::nullopt, lead, t0));
    REQUIRE(
        f.folder.declare("Bob", "Beacon", std::string("Beacon's director is my sister"), lead, t0));
    // Ann has submitted; her scores must never reach Bob's copy.
    Scoresheet ann("t1", "Ann");
    for (const char* b : {"Acme", "Beacon", "Cedar"}) {
        REQUIRE(ann.set({b, "PF1", 1, "ANN-SECRET"}));
        REQUIRE(ann.set({b, "Q1", 3, "ANN-SECRET"}));
        REQUIRE(ann.set({b, "Q2", 75, "ANN-SECRET"}));
    }
    REQUIRE(sign_scoresheet(ann, f.ann, "ann.json"));
    spit(f.tmp / "ann.json", scoresheet_to_json(ann));
    REQUIRE(f.folder.import_scoresheets({f.tmp / "ann.json"}, t0));

    Result<EvaluatorCopy> made = EvaluatorCopy::make(f.folder, "Bob", t0);
    REQUIRE_MESSAGE(made.has_value(), made.error().message());
    const std::string text = evaluator_copy_to_json(*made);
    CHECK(is_evaluator_copy(text));
    CHECK(text.find("ANN-SECRET") == std::string::npos);
    CHECK(text.find("moderat") == std::string::npos);
    CHECK(text.find("\"Beacon\"") != std::string::npos);  // only in Bob's own declaration
    const auto doc = nlohmann::json::parse(text);
    CHECK(doc.at("conflicts") ==
          nlohmann::json::array(
              {{{"bidder", "Beacon"}, {"declaration", "Beacon's director is my sister"}}}));
    CHECK(doc.at("tender_state") == f.folder.audit().back().sha256);

    Checked<EvaluatorCopy> read = parse_evaluator_copy(text, "bob-copy.json");
    REQUIRE(read.has_value());
    CHECK(evaluator_copy_to_json(*read) == text);
    REQUIRE(read->bids().size() == 2);
    CHECK(read->bids()[0].bidder == "Acme");
    CHECK(read->bids()[1].bidder == "Cedar");
    CHECK(read->bids()[1].pack->intact);
    CHECK(read->bids()[1].pack->linked.size() == 2);
    CHECK(read->bids()[1].responses.answers[1].words == 6);

    // Scored and submitted against the copy's own rules; the sheet imports into the folder.
    CHECK(read->score({"Beacon", "Q1", 2, "x"}, "bob-copy.json").error().message() ==
          "bob-copy.json: bidder: Bob declared a conflict of interest with Beacon and cannot "
          "score this bidder");
    CHECK(read->score({"Acme", "Q1", 9, "x"}, "bob-copy.json").error().reason ==
          "choose one of the values of the scale 0-4");
    CHECK(read->submit(f.bob, "bob-copy.json").error().message() ==
          "bob-copy.json: /scores: question PF1 for bidder Acme has no score; score every "
          "question before submitting");
    for (const char* b : {"Acme", "Cedar"}) {
        REQUIRE(read->score({b, "PF1", 1, "ok"}, "c"));
        REQUIRE(read->score({b, "Q1", 2, "ok"}, "c"));
        REQUIRE(read->score({b, "Q2", 50, "ok"}, "c"));
    }
    REQUIRE(read->submit(f.bob, "bob-copy.json"));
    CHECK_FALSE(read->score({"Acme", "Q1", 3, "later"}, "c").has_value());
    spit(f.tmp / "bob.json", scoresheet_to_json(read->scoresheet()));
    REQUIRE(f.folder.import_scoresheets({f.tmp / "bob.json"}, t0));
    CHECK(EvaluatorCopy::make(f.folder, "Bob", t0).error().reason ==
          "Bob's scoresheet has already been imported, so their scoring is finished and they "
          "need no copy");
    CHECK(EvaluatorCopy::make(f.folder, "Zed", t0).error().reason ==
          "there is no such evaluator in this tender");

    // Any change outside the evaluator's own sheet breaks the fingerprint.
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"We monitor access", "We monitor ACCESS"},
             {"\"weight\": 60", "\"weight\": 61"},
             {"\"intact\": true", "\"intact\": false"}}) {
        std::string altered = text;
        REQUIRE(altered.find(from) != std::string::npos);
        altered.replace(altered.find(from), from.size(), to);
        Checked<EvaluatorCopy> refused = parse_evaluator_copy(altered, "bob-copy.json");
        REQUIRE_FALSE(refused.has_value());
        CHECK(refused.error().front().message() ==
              "bob-copy.json: /sha256: this evaluator's copy has been altered since the lead made "
              "it (its content no longer matches its fingerprint), so it cannot be trusted; ask "
              "the lead for a new copy");
    }
}
