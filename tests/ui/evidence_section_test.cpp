// The evidence library section of the app, driven headlessly: adding, attaching, filtering,
// exporting a pack (after the personal-data check), verifying and importing it, on the desktop
// (paths) and in the browser (uploads and downloads).
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>

#include <imgui.h>

#include "app.hpp"
#include "eqkit/crosswalk.hpp"
#include "eqkit/pack.hpp"
#include "headless.hpp"
#include "screens/workforce_screen.hpp"
#include "test_support.hpp"

using namespace eqkit;
using eqkit::test::Headless;
using eqkit::test::RecordingPlatform;

namespace {

struct Fixture : test::AppFixture {
    explicit Fixture(bool paths = true) : AppFixture(paths) {
        run(ui::ShowSection{ui::Section::evidence}, 2);
    }
    ui::EvidenceSection& section() { return app->evidence(); }
    // Draws frames until the pack job has ended and its results were taken.
    void settle() {
        // A guard against hanging: each frame moves the job on by at least one step.
        for (int i = 0; i < 24000 && section().busy(); ++i)
            headless.frames(*app, 1);
        headless.frames(*app, 2);
        REQUIRE_FALSE(section().busy());
    }
    bool add_note(const std::string& title, const std::string& note, std::string expires = "") {
        section().start_add(EvidenceKind::note);
        ui::EvidenceForm& form = *section().form();
        form.note = note;
        form.details.title = title;
        form.details.added_by = "Jo Bloggs";
        form.details.expires = std::move(expires);
        ErrorList problems;
        const bool saved = section().save_form(problems);
        CHECK(problems.empty());
        return saved;
    }
};

}  // namespace

TEST_CASE("evidence: the app opens (and makes) the library in the platform's folder") {
    Fixture f;
    CHECK(f.section().is_open());
    CHECK(std::filesystem::exists(f.platform.library_folder() / "workspace.json"));
    CHECK(f.app->problems().empty());
    CHECK(f.app->section() == ui::Section::evidence);
}

TEST_CASE("evidence: a note is added, attached to an item and shown on that item") {
    Fixture f;
    REQUIRE(f.add_note("Carers' forum minutes", "Twelve carers came."));
    REQUIRE(f.section().library()->evidence().size() == 1);
    const std::string id = f.section().library()->evidence().front().id;
    f.section().set_filter(ui::EvidenceFilter::unattached);
    CHECK(f.section().visible_ids() == std::vector<std::string>{id});

    ErrorList problems;
    f.section().attach(id, "eds2022:1A", problems);
    CHECK(problems.empty());
    CHECK(f.section().visible_ids().empty());  // attached now
    const std::vector<ui::EvidenceLine> lines = f.section().lines_for("eds2022:1A");
    REQUIRE(lines.size() == 1);
    CHECK(lines.front().title == "Carers' forum minutes");
    CHECK(f.section().lines_for("eds2022:1B").empty());
    CHECK(f.platform.library_changes >= 2);

    f.section().detach(id, "eds2022:1A", problems);
    CHECK(f.section().lines_for("eds2022:1A").empty());
    f.headless.frames(*f.app, 2);  // and the screen draws it
    CHECK(f.app->problems().empty());
}

TEST_CASE("evidence: attaching to an item that does not exist is refused with the reason") {
    Fixture f;
    REQUIRE(f.add_note("Minutes", "Text"));
    ErrorList problems;
    f.section().attach(f.section().library()->evidence().front().id, "eds2022:9Z", problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems.front().reason.find("9Z") != std::string::npos);
}

TEST_CASE("evidence: the form keeps what was typed and lists each problem by field") {
    Fixture f;
    f.section().start_add(EvidenceKind::link);
    f.section().form()->url = "https://example.org/survey";
    f.section().form()->details.expires = "2025-02-30";
    ErrorList problems;
    CHECK_FALSE(f.section().save_form(problems));
    REQUIRE(f.section().form() != nullptr);  // still open, nothing lost
    CHECK(f.section().form()->url == "https://example.org/survey");
    bool title = false;
    bool expires = false;
    for (const Error& error : f.section().form_errors()) {
        title = title || error.place == "title";
        expires = expires || error.place == "expires";
    }
    CHECK(title);
    CHECK(expires);
    CHECK(f.section().library()->evidence().empty());
}

TEST_CASE("evidence: the expired filter shows only evidence whose expiry date has passed") {
    Fixture f;
    REQUIRE(f.add_note("Old policy", "Text", "2001-01-31"));
    REQUIRE(f.add_note("Current policy", "Text", "9999-12-31"));
    f.section().set_filter(ui::EvidenceFilter::expired);
    const std::vector<std::string> ids = f.section().visible_ids();
    REQUIRE(ids.size() == 1);
    CHECK(f.section().library()->find_evidence(ids.front())->title == "Old policy");
}

TEST_CASE("evidence: a pack exported from the desktop includes the open assessment and verifies") {
    Fixture f;
    f.run(ui::StartAssessment{"eds2022"});
    REQUIRE(f.ws.is_open());
    REQUIRE(f.add_note("Minutes", "Nothing personal here."));
    const std::filesystem::path out = f.platform.library_dir / "pack.zip";
    f.section().set_export_path(out.string());
    ErrorList problems;
    f.section().export_pack(f.ws, problems);
    CHECK(problems.empty());
    f.settle();
    CHECK(f.app->problems().empty());
    REQUIRE(std::filesystem::exists(out));
    CHECK(f.section().library()->find_assessment("eds2022") != nullptr);
    CHECK(f.section().outcome().find(out.string()) != std::string::npos);

    const VerifyResult checked = verify_pack(out);
    CHECK(checked.intact());
    REQUIRE(checked.manifest.has_value());
    CHECK(checked.manifest->assessments.size() == 1);

    f.section().verify_pack(out);
    f.settle();
    REQUIRE(f.section().verified().has_value());
    CHECK(f.section().verified()->intact());
}

TEST_CASE("evidence: a pack is written a step each frame, the window drawing its progress") {
    Fixture f;
    // 4 MiB of evidence: at least four steps of about 1 MiB each.
    const std::filesystem::path big = f.platform.library_dir / "photos.bin";
    test::spit(big, std::string(std::size_t{4} << 20, '\x7f'));
    f.section().start_add(EvidenceKind::file);
    f.section().form()->source = big.string();
    f.section().form()->details.title = "Photos of the garden";
    f.section().form()->details.added_by = "Jo Bloggs";
    ErrorList problems;
    REQUIRE(f.section().save_form(problems));
    f.section().set_frame_budget(std::chrono::steady_clock::duration::zero());  // one step
    const std::filesystem::path out = f.platform.library_dir / "pack.zip";
    f.section().set_export_path(out.string());
    f.section().export_pack(f.ws, problems);
    REQUIRE(problems.empty());
    int frames = 0;
    bool seen_part_done = false;
    for (; frames < 1000 && f.section().busy(); ++frames) {
        f.frames(1);
        const float done = f.section().job_fraction();
        seen_part_done = seen_part_done || (done > 0.0F && done < 1.0F && f.section().busy());
    }
    CHECK_FALSE(f.section().busy());
    CHECK(frames >= 5);  // planning, then four chunks: the window drew a frame after each
    CHECK(seen_part_done);
    f.frames(1);
    CHECK(f.app->problems().empty());
    CHECK(verify_pack(out).intact());
}

TEST_CASE("evidence: possible personal data stops the export until the user says go on") {
    Fixture f;
    REQUIRE(f.add_note("Complaint", "Reply to jo.bloggs@example.org by Friday."));
    const std::filesystem::path out = f.platform.library_dir / "pack.zip";
    f.section().set_export_path(out.string());
    ErrorList problems;
    f.section().export_pack(f.ws, problems);
    f.settle();
    REQUIRE(f.section().findings().size() == 1);
    CHECK(f.section().findings().front().what.find("email") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out));

    f.section().set_go_on_despite_findings(true);
    f.section().export_pack(f.ws, problems);
    f.settle();
    CHECK(std::filesystem::exists(out));
    CHECK(f.section().findings().empty());
}

TEST_CASE("evidence: in the browser a file arrives by upload and the pack leaves as a download") {
    Fixture f(false);
    f.app->receive_file(ui::upload_evidence, "Our equality policy.\n", "policy 2024.txt");
    REQUIRE(f.section().form() != nullptr);
    CHECK(f.section().form()->kind == EvidenceKind::file);
    CHECK(f.section().form()->details.title == "policy 2024");
    ErrorList problems;
    CHECK_FALSE(f.section().save_form(problems));  // who added it is required
    REQUIRE(f.section().form_errors().size() == 1);
    CHECK(f.section().form_errors().front().place == "added_by");
    f.section().form()->details.added_by = "Jo Bloggs";
    REQUIRE(f.section().save_form(problems));
    // The next form remembers who is adding evidence.
    f.section().start_add(EvidenceKind::note);
    CHECK(f.section().form()->details.added_by == "Jo Bloggs");
    f.section().form()->details.added_by.clear();
    f.section().start_add(EvidenceKind::note);
    CHECK(f.section().form()->details.added_by == "Jo Bloggs");
    const Evidence& added = f.section().library()->evidence().front();
    CHECK(added.kind == EvidenceKind::file);
    CHECK(added.original_name == "policy 2024.txt");
    CHECK(added.size == 21);

    f.section().export_pack(f.ws, problems);
    f.settle();
    CHECK(problems.empty());
    CHECK(f.app->problems().empty());
    REQUIRE(f.platform.deliveries.size() == 1);
    CHECK(f.platform.deliveries.front().to == "evidence-pack.zip");
    CHECK(f.platform.deliveries.front().bytes.substr(0, 2) == "PK");

    // The downloaded pack, uploaded again, is verified at once.
    f.app->receive_file(ui::upload_pack, f.platform.deliveries.front().bytes, "evidence-pack.zip");
    f.settle();
    REQUIRE(f.section().verified().has_value());
    CHECK(f.section().verified()->intact());
}

TEST_CASE("evidence: a pack imported into another library adds its evidence, overwriting nothing") {
    Fixture from;
    REQUIRE(from.add_note("Minutes", "Nothing personal here."));
    const std::filesystem::path out = from.platform.library_dir / "pack.zip";
    from.section().set_export_path(out.string());
    ErrorList problems;
    from.section().export_pack(from.ws, problems);
    from.settle();
    REQUIRE(std::filesystem::exists(out));

    Fixture into;
    REQUIRE(into.add_note("Our own note", "Kept."));
    into.section().import_pack(out, problems);
    into.settle();
    CHECK(into.app->problems().empty());
    REQUIRE(into.section().library()->evidence().size() == 2);
    CHECK(into.section().library()->evidence().front().title == "Our own note");
    CHECK(into.section().outcome().find("Imported") != std::string::npos);
}

TEST_CASE("evidence: a tampered pack is reported as not intact, naming the problem") {
    Fixture f;
    const std::filesystem::path bad = f.platform.library_dir / "bad.zip";
    test::spit(bad, "PK\x03\x04 this is not really a zip");
    f.section().verify_pack(bad);
    f.settle();
    REQUIRE(f.section().verified().has_value());
    CHECK_FALSE(f.section().verified()->intact());
    CHECK(f.section().outcome().find("NOT intact") != std::string::npos);
}

TEST_CASE(
    "evidence: an item shows the items the crosswalk links to it, and their evidence can be "
    "used here with one command") {
    Fixture f;
    const auto links = linked_items(f.ws.registry(), "eds2022", "1A");
    REQUIRE_FALSE(links.empty());  // the shipped mappings link EDS 2022 1A elsewhere
    const std::string there = links.front().ref();
    REQUIRE(f.add_note("Access audit", "Step-free entrance checked."));
    const std::string id = f.section().library()->evidence().front().id;
    ErrorList problems;
    f.section().attach(id, there, problems);
    REQUIRE(problems.empty());

    ui::ItemContext context = f.section().context_for("eds2022", "1A");
    CHECK(context.ref == "eds2022:1A");
    CHECK(context.evidence.empty());
    const auto link =
        std::find_if(context.links.begin(), context.links.end(),
                     [&there](const ui::LinkedItemLine& l) { return l.ref == there; });
    REQUIRE(link != context.links.end());
    CHECK_FALSE(link->heading.empty());
    CHECK_FALSE(link->rationale.empty());
    REQUIRE(link->evidence.size() == 1);
    CHECK(link->evidence.front().title == "Access audit");

    f.run(ui::StartAssessment{"eds2022"});
    f.run(ui::ShowSection{ui::Section::assessment}, 2);  // the editor draws the links
    f.run(ui::AttachEvidence{id, "eds2022:1A"});
    context = f.section().context_for("eds2022", "1A");
    REQUIRE(context.evidence.size() == 1);  // now here too …
    for (const ui::LinkedItemLine& l : context.links)
        CHECK(l.evidence.empty());  // … so no longer suggested
    CHECK(f.app->problems().empty());
}

TEST_CASE("evidence: WRES results become evidence for the items the crosswalk links to WRES") {
    Fixture f;
    const std::filesystem::path counts = f.platform.library_dir / "counts.json";
    test::spit(counts, R"({"format": "eqkit-wres-counts/1", "year": "2024-25",
        "headcount": {"white": 2505, "bme": 725, "unknown": 66},
        "shortlisted": {"white": 900, "bme": 410}, "appointed": {"white": 120, "bme": 31},
        "disciplinary": {"white": 17, "bme": 9}, "training": {"white": 800, "bme": 230},
        "board_voting": {"white": 10, "bme": 2, "unknown": 0}})");
    ui::WorkforceScreen& workforce = f.app->workforce();
    workforce.act(ui::wf_action::Choose{"wres"});
    workforce.act(ui::wf_action::SetPath{"counts", counts.string()});
    workforce.act(ui::wf_action::UseCounts{});
    workforce.act(ui::wf_action::Compute{});
    f.headless.frames(*f.app, 2);
    REQUIRE(workforce.state().step == ui::WorkforceStep::results);

    workforce.keep_results_as_evidence();  // the results step's button
    f.headless.frames(*f.app, 2);
    CHECK(f.app->section() == ui::Section::evidence);
    ui::EvidenceForm* form = f.section().form();
    REQUIRE(form != nullptr);
    CHECK(form->kind == EvidenceKind::file);
    CHECK(form->details.title.find("results") != std::string::npos);
    const std::vector<std::string> expected = items_linked_to_framework(f.ws.registry(), "wres");
    CHECK(form->details.supports == expected);
    CHECK(std::find(expected.begin(), expected.end(), "eds2022:2B") != expected.end());

    form->details.added_by = "Jo Bloggs";
    ErrorList problems;
    REQUIRE(f.section().save_form(problems));
    const Evidence& kept = f.section().library()->evidence().back();
    CHECK(kept.media_type == "text/html");
    CHECK(kept.supports == expected);
    CHECK(f.section().lines_for("eds2022:2B").size() == 1);
}
