// The canvas Tender section (issue #6), driven headlessly over a real tender folder made in the
// test: every page draws, publishing locks the criteria, a tampered pack shows FLAGGED, scoring
// writes a signed scoresheet the core imports, moderation shows the spread and the flag, and the
// results page holds TenderApi::results(). What the pages say is read from Dear ImGui's log of
// the text drawn in a frame.
#include <doctest/doctest.h>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include "app.hpp"
#include "eqkit/pack.hpp"
#include "eqkit/signing.hpp"
#include "headless.hpp"
#include "pack_support.hpp"
#include "text.hpp"
#include "zip_tools.hpp"

using namespace eqkit;
using namespace eqkit::test;
using Json = nlohmann::json;
namespace fs = std::filesystem;
namespace act = eqkit::ui::tn_action;

namespace {

const std::vector<std::string> psr{"PSR4-ACCESS", "PSR4-INEQUALITIES", "PSR4-CHOICE"};

void write_responses(const fs::path& file, const std::string& bidder) {
    Json answers = Json::array();
    for (const std::string& q : psr) {
        answers.push_back({{"question", q},
                           {"text", "We meet people where they are, " + bidder + "."},
                           {"cites", q == psr[0] ? Json::array({"eds2022:1A"}) : Json::array()}});
    }
    spit(file,
         Json{{"format", "eqkit-tender-responses/1"}, {"bidder", bidder}, {"answers", answers}}
             .dump());
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

struct TenderFixture {
    TempDir tmp;
    AppFixture f;
    ui::TenderScreen& screen;

    TenderFixture() : screen(f.app->tender()) {
        ImGui::GetIO().DisplaySize = ImVec2(1280.0F, 6000.0F);  // every page whole, unclipped
        f.run(ui::ShowSection{ui::Section::tender}, 2);
        ui::TenderScreenState& st = screen.edit_state();
        st.folder = (tmp / "tender").string();
        st.export_folder = tmp.path().string();
        st.tender_id = "ward_7";
        st.who = "Lead";
        const Json& sets = st.sets.at("question_sets");
        for (std::size_t i = 0; i < sets.size(); ++i)
            if (sets[i].at("id") == "tender_psr_access") st.set_index = i;
    }
    [[nodiscard]] const ui::TenderScreenState& st() const { return screen.state(); }
    void run(const ui::TenderAction& action) {
        screen.act(action);
        f.frames(2);
    }
    void require_no_problems() const {
        for (const Error& e : st().problems)
            FAIL_CHECK(e.message());
    }
    void file(std::string_view role, const fs::path& path) {
        screen.edit_state().files[std::string(role)] = ui::TenderFile{path.string(), "", "", false};
    }
    // The text drawn in one frame.
    std::string drawn() {
        f.frames(1);
        return f.headless.logged_frame(*f.app);
    }
    // Created, two evaluators, published, and bids from Acme and Beacon without packs.
    void published_with_bids() {
        run(act::Create{});
        for (const char* name : {"Ann", "Bob"}) {
            screen.edit_state().new_evaluator = name;
            run(act::AddEvaluator{});
        }
        run(act::Publish{});
        for (const char* bidder : {"Acme", "Beacon"})
            add_bid(bidder, std::nullopt);
        require_no_problems();
    }
    // Bob declares a conflict of interest with Beacon.
    void bob_conflicted_with_beacon() {
        ui::TenderScreenState& st = screen.edit_state();
        st.coi_evaluator = 1;
        st.coi_bidder = 1;
        st.declaration = "My sister runs Beacon";
        run(act::Declare{true});
        require_no_problems();
    }
    void add_bid(const std::string& bidder, const std::optional<fs::path>& pack) {
        write_responses(tmp / (bidder + ".json"), bidder);
        screen.edit_state().bidder = bidder;
        file(ui::tender_file::responses, tmp / (bidder + ".json"));
        if (pack) file(ui::tender_file::pack, *pack);
        run(act::AddBid{});
    }
    // The evaluator scores every answer they may, submits with a new key file, and the lead
    // imports the signed scoresheet the screen handed over.
    void score_and_submit(std::size_t evaluator, int score, const std::string& rationale) {
        screen.edit_state().evaluator_index = evaluator;
        run(act::StartScoring{});
        const Json bidders = st().scoring.at("bidders");  // a copy: scoring changes below
        for (std::size_t b = 0; b < bidders.size(); ++b) {
            for (std::size_t q = 0; q < bidders[b].at("answers").size(); ++q) {
                run(act::SelectAnswer{b, q});
                screen.edit_state().score_draft = score;
                screen.edit_state().rationale_draft = rationale;
                run(act::Score{});
            }
        }
        require_no_problems();
        const fs::path key = tmp / ("key" + std::to_string(evaluator) + ".json");
        spit(key, secret_key_file_text(*generate_key_pair()));
        file(ui::tender_file::key, key);
        run(act::Submit{});
        require_no_problems();
        REQUIRE(st().scoring.at("submitted") == true);
        const fs::path sheet = tmp / ("sheet" + std::to_string(evaluator) + ".json");
        spit(sheet, f.platform.deliveries.back().bytes);
        file(ui::tender_file::to_import, sheet);
        run(act::ImportScoresheets{});
        require_no_problems();
    }
};

}  // namespace

TEST_CASE("tender screens: every page draws; set-up creates the tender and publishing locks it") {
    TenderFixture t;
    CHECK_FALSE(t.st().overview.is_object());
    const std::string start = t.drawn();
    CHECK(contains(start, ui::text::tn_new_heading));
    CHECK(contains(start, "PSR4-ACCESS"));
    CHECK(contains(start, "UNCONFIRMED"));  // the question set's unconfirmed facts, in words

    t.run(act::Create{});
    t.require_no_problems();
    REQUIRE(t.st().overview.is_object());
    CHECK(t.st().overview.at("tender") == "ward_7");
    CHECK(t.st().overview.at("published") == false);
    CHECK(fs::exists(t.tmp / "tender"));
    // Before publication a weight can change, and the core checks the total when publishing;
    // after publication it refuses any change, and the page says why in the core's words.
    t.run(act::SetWeight{"PSR4-CHOICE", 25.0});
    t.require_no_problems();
    CHECK(t.st().overview.at("questions").at(2).at("weight") == 25.0);
    t.run(act::Publish{});
    REQUIRE(t.st().problems.size() == 1);
    CHECK(contains(t.st().problems.front().message(), "add up to 105, not 100"));
    CHECK(t.st().overview.at("published") == false);
    t.run(act::SetWeight{"PSR4-CHOICE", 20.0});
    t.run(act::Publish{});
    t.require_no_problems();
    CHECK(t.st().overview.at("published") == true);
    const std::string locked = t.drawn();
    CHECK(contains(locked, ui::text::tn_published));
    CHECK(contains(locked, ui::text::tn_weight_locked));
    t.run(act::SetWeight{"PSR4-CHOICE", 25.0});
    REQUIRE(t.st().problems.size() == 1);
    const std::string refusal = t.st().problems.front().message();
    CHECK(contains(refusal, "locked and cannot be changed"));
    CHECK(contains(t.drawn(), refusal));
    CHECK(t.st().overview.at("questions").at(2).at("weight") == 20.0);

    for (const ui::TenderPage page :
         {ui::TenderPage::bids, ui::TenderPage::conflicts, ui::TenderPage::scoring,
          ui::TenderPage::moderation, ui::TenderPage::results, ui::TenderPage::setup}) {
        t.run(act::Go{page});
        t.require_no_problems();
        CHECK(t.st().page == page);
        CHECK_FALSE(t.drawn().empty());
    }
}

TEST_CASE("tender screens: a sound pack shows Verified, a tampered one FLAGGED with the reason") {
    TenderFixture t;
    t.run(act::Create{});
    t.run(act::Publish{});
    TempDir ws_dir;
    WorkspaceFolder ws = sample_workspace(ws_dir);
    REQUIRE(export_pack(ws, ws_dir / "pack.zip", ExportOptions{"0.1.0", std::nullopt, {}}));
    std::string evidence_entry;
    for (const auto& [name, bytes] : read_zip(ws_dir / "pack.zip"))
        if (name.rfind("evidence/", 0) == 0) evidence_entry = name;
    rezip(ws_dir / "pack.zip", ws_dir / "tampered.zip", evidence_entry,
          [](std::string bytes) { return bytes + "changed"; });

    t.add_bid("Acme", ws_dir / "pack.zip");
    t.require_no_problems();
    CHECK(t.st().status == ui::fill(ui::text::tn_bid_added, "Acme"));
    t.add_bid("Dune", ws_dir / "tampered.zip");
    t.require_no_problems();
    CHECK(t.st().status == ui::fill(ui::text::tn_bid_flagged, "Dune"));
    const Json bids = t.st().overview.at("bids");
    CHECK(bids.at(0).at("flagged") == false);
    CHECK(bids.at(1).at("flagged") == true);

    t.run(act::Go{ui::TenderPage::bids});
    const std::string page = t.drawn();
    const std::string verified = bids.at(0).at("verification");
    CHECK(verified.starts_with("Verified: "));
    CHECK(contains(page, verified));
    const std::string flagged = bids.at(1).at("verification");
    CHECK(flagged.starts_with("FLAGGED: "));
    CHECK(contains(page, flagged));
    const std::string reason = bids.at(1).at("pack").at("problems").at(0);
    CHECK(contains(page, ui::fill(ui::text::tn_pack_problem, reason)));

    // The results page's ranking names the flagged bidder as flagged.
    t.run(act::Go{ui::TenderPage::results});
    const std::string results_page = t.drawn();
    CHECK(contains(results_page, ui::fill(ui::text::tn_bidder_flagged, "Dune")));
    CHECK_FALSE(contains(results_page, ui::fill(ui::text::tn_bidder_flagged, "Acme")));
}

TEST_CASE(
    "tender screens: blind scoring, a blocked bidder, a signed sheet the core imports, "
    "moderation with spread and flag, and the results") {
    TenderFixture t;
    t.published_with_bids();
    // Bob declares a conflict with Beacon; Ann none.
    t.bob_conflicted_with_beacon();
    ui::TenderScreenState& st = t.screen.edit_state();
    CHECK(t.st().overview.at("conflicts").size() == 1);

    // Ann's page: both bidders, the word count against the limit, the pack-less evidence line.
    st.evaluator_index = 0;
    t.run(act::Go{ui::TenderPage::scoring});
    t.run(act::StartScoring{});
    CHECK(t.st().scoring.at("bidders").size() == 2);
    const std::string ann_page = t.drawn();
    CHECK(contains(ann_page, ui::fill(ui::text::tn_words, 7, 750)));
    CHECK(contains(ann_page, ui::fill(ui::text::tn_answer_cites, "eds2022:1A")));
    // A score without a rationale is refused by the core, in its words.
    st.score_draft = 3;
    st.rationale_draft.clear();
    t.run(act::Score{});
    REQUIRE(t.st().problems.size() == 1);
    CHECK(contains(t.st().problems.front().message(), "every score needs a rationale"));

    t.score_and_submit(0, 3, "Ann read it");
    CHECK_FALSE(t.st().signer.empty());
    CHECK(t.st().overview.at("evaluators").at(0).at("submitted") == true);
    CHECK(t.st().overview.at("evaluators").at(0).at("fingerprint") == t.st().signer);

    // Moderation waits for Bob on Acme; the refusal shows.
    t.run(act::Go{ui::TenderPage::moderation});
    t.run(act::SelectModeration{0, 0});
    CHECK(t.st().moderation.at("ready") == false);
    CHECK(contains(t.drawn(), ui::fill(ui::text::tn_waiting_for, "Bob")));

    // Bob's page: Beacon blocked with the reason, and none of Ann's scores.
    t.run(act::Go{ui::TenderPage::scoring});
    st.evaluator_index = 1;
    t.run(act::StartScoring{});
    REQUIRE(t.st().scoring.at("bidders").size() == 1);
    CHECK(t.st().scoring.at("bidders").at(0).at("name") == "Acme");
    const std::string bob_page = t.drawn();
    CHECK(contains(bob_page, ui::fill(ui::text::tn_blocked, "Beacon", "My sister runs Beacon")));
    CHECK_FALSE(contains(bob_page, "Ann read it"));
    CHECK_FALSE(contains(t.st().scoring.dump(), "Ann read it"));
    t.score_and_submit(1, 1, "Bob read it");

    // Side by side: Acme's access question, 3 and 1, a spread of 2 over a threshold of 1.
    t.run(act::Go{ui::TenderPage::moderation});
    t.run(act::SelectModeration{0, 0});
    const Json m = t.st().moderation;
    CHECK(m.at("ready") == true);
    CHECK(m.at("spread") == 2);
    CHECK(m.at("disagreement") == true);
    CHECK(m.at("distribution").at(1).at("count") == 1);
    CHECK(m.at("distribution").at(3).at("count") == 1);
    const std::string mod_page = t.drawn();
    CHECK(contains(mod_page, ui::fill(ui::text::tn_disagree, 2, 1)));
    CHECK(contains(mod_page, ui::fill(ui::text::tn_disagree_short, 2, 1)));
    CHECK(contains(mod_page, "Ann: 3. Ann read it"));
    CHECK(contains(mod_page, "Bob: 1. Bob read it"));

    // A moderated score of 2 of 4 for every answer of both bidders.
    for (std::size_t b = 0; b < 2; ++b) {
        for (std::size_t q = 0; q < psr.size(); ++q) {
            t.run(act::SelectModeration{b, q});
            st.moderated_draft = 2;
            st.moderated_rationale = "agreed at moderation";
            t.run(act::Moderate{});
            t.require_no_problems();
            CHECK(t.st().moderation.at("moderated").at("score") == 2);
        }
    }

    t.run(act::Go{ui::TenderPage::results});
    const Json expected = Json::parse(t.screen.api().results());
    CHECK(t.st().results == expected);
    // 2 ÷ 4 × 40 + 2 ÷ 4 × 40 + 2 ÷ 4 × 20 = 50 each.
    CHECK(expected.at("bidders").at(0).at("total") == 50.0);
    const std::string results_page = t.drawn();
    CHECK(contains(results_page, ui::text::tn_pass));
    CHECK(contains(results_page, "20 + 20 + 10 = 50"));

    t.run(act::Export{true});
    t.require_no_problems();
    CHECK(t.f.platform.deliveries.back().to == t.tmp / "ward_7-results.html");
    CHECK(t.f.platform.deliveries.back().bytes == t.screen.api().report_html());
    t.run(act::Export{false});
    CHECK(t.f.platform.deliveries.back().bytes == t.screen.api().results_csv());
}

TEST_CASE("tender screens: in the browser, files arrive as uploads and a new key signs") {
    TenderFixture t;
    t.f.platform.paths = false;
    t.published_with_bids();
    t.screen.edit_state().evaluator_index = 0;
    t.run(act::StartScoring{});
    t.run(act::PickFile{std::string(ui::tender_file::key)});
    CHECK(t.f.platform.chooser_purpose == "tender:key");
    t.run(act::NewKey{});
    t.require_no_problems();
    CHECK(t.f.platform.deliveries.back().to.filename() == "Ann-signing-key.json");
    CHECK(t.st().files.at("key").uploaded);
    // Upload a responses file through the app, as the page's file chooser hands it over.
    write_responses(t.tmp / "cedar.json", "Cedar");
    t.f.app->receive_file("tender:responses", slurp(t.tmp / "cedar.json"), "cedar.json");
    t.screen.edit_state().bidder = "Cedar";
    t.run(act::AddBid{});
    t.require_no_problems();
    CHECK(t.st().overview.at("bids").size() == 3);
}

TEST_CASE("tender screens: the lead hands out an evaluator's copy, which opens for scoring only") {
    TenderFixture t;
    t.published_with_bids();
    t.bob_conflicted_with_beacon();
    ui::TenderScreenState& st = t.screen.edit_state();
    CHECK(contains(t.drawn(), ui::fill(ui::text::tn_hand_out_copy, "Bob")));
    t.run(act::HandOutCopy{1});
    t.require_no_problems();
    const auto& handed = t.f.platform.deliveries.back();
    CHECK(handed.to == t.tmp / "ward-7-bob-evaluator-copy.json");
    const fs::path copy = t.tmp / "bob-copy.json";
    spit(copy, handed.bytes);

    // An altered copy is refused, in the core's words, and nothing opens.
    std::string altered = handed.bytes;
    altered.replace(altered.find("We meet people"), 14, "We MEET people");
    t.f.platform.paths = false;  // as in the browser: the copy arrives as an upload
    t.f.app->receive_file("tender:copy", altered, "altered.json");
    t.f.frames(2);  // a chosen copy opens at once
    REQUIRE(t.st().problems.size() == 1);
    CHECK(contains(t.st().problems.front().message(),
                   "altered.json: /sha256: this evaluator's "
                   "copy has been altered"));
    CHECK(t.st().overview.at("mode") == "folder");

    t.f.app->receive_file("tender:copy", handed.bytes, "bob-copy.json");
    t.f.frames(2);
    t.require_no_problems();
    CHECK(t.st().overview.at("mode") == "evaluator_copy");
    CHECK(t.st().page == ui::TenderPage::scoring);
    REQUIRE(t.st().scoring.at("bidders").size() == 1);
    CHECK(t.st().scoring.at("bidders").at(0).at("name") == "Acme");
    const std::string page = t.drawn();
    CHECK(contains(page, ui::fill(ui::text::tn_copy_caption, "Bob", "ward_7")));
    CHECK(contains(page, ui::fill(ui::text::tn_blocked, "Beacon", "My sister runs Beacon")));
    t.run(act::Go{ui::TenderPage::moderation});  // the lead's pages stay closed
    CHECK(t.st().page == ui::TenderPage::scoring);

    // Bob scores and submits on his copy; the lead imports the sheet into the folder.
    t.f.platform.paths = true;
    const Json bidders = t.st().scoring.at("bidders");
    for (std::size_t q = 0; q < bidders[0].at("answers").size(); ++q) {
        t.run(act::SelectAnswer{0, q});
        st.score_draft = 2;
        st.rationale_draft = "Bob on his own copy";
        t.run(act::Score{});
    }
    const fs::path key = t.tmp / "bob.key";
    spit(key, secret_key_file_text(*generate_key_pair()));
    t.file(ui::tender_file::key, key);
    t.run(act::Submit{});
    t.require_no_problems();
    const fs::path sheet = t.tmp / "bob-sheet.json";
    spit(sheet, t.f.platform.deliveries.back().bytes);
    t.run(act::Open{});
    t.require_no_problems();
    CHECK(t.st().overview.at("mode") == "folder");
    t.file(ui::tender_file::to_import, sheet);
    t.run(act::ImportScoresheets{});
    t.require_no_problems();
    CHECK(t.st().overview.at("evaluators").at(1).at("submitted") == true);
}
