// The impact assessment templates (eira_nhs, eia_council) and the Accessible Information
// Standard (ais): facts from shared/reference, unconfirmed marks kept, every risk band edge.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "eqkit/crosswalk.hpp"
#include "eqkit/framework_diff.hpp"
#include "eqkit/impact.hpp"
#include "test_support.hpp"

using namespace eqkit;

namespace {

const Framework& shipped(const char* id) {
    const Framework* fw = test::shipped_registry().find(id);
    REQUIRE_MESSAGE(fw != nullptr, id);
    return *fw;
}

std::string band_at(const Framework& fw, int likelihood, int impact) {
    Result<RiskResult> r = assess_risk(*fw.risk_matrix, {likelihood, impact});
    REQUIRE(r.has_value());
    REQUIRE(r->band != nullptr);
    CHECK(r->score == likelihood * impact);
    return r->band->label;
}

const char* nine[] = {"age",
                      "disability",
                      "gender_reassignment",
                      "marriage_civil_partnership",
                      "pregnancy_maternity",
                      "race",
                      "religion_or_belief",
                      "sex",
                      "sexual_orientation"};

}  // namespace

TEST_CASE("impact templates: the nine protected characteristics first, then added groups") {
    for (const char* id : {"eira_nhs", "eia_council"}) {
        CAPTURE(id);
        const Framework& fw = shipped(id);
        REQUIRE(fw.rows.has_value());
        REQUIRE(fw.rows->subjects.size() > 9);
        for (std::size_t i = 0; i < 9; ++i) {
            CHECK(fw.rows->subjects[i].id == nine[i]);
            CHECK(fw.rows->subjects[i].kind == SubjectKind::protected_characteristic);
        }
        for (std::size_t i = 9; i < fw.rows->subjects.size(); ++i)
            CHECK(fw.rows->subjects[i].kind == SubjectKind::added_group);
        CHECK(fw.rows->subject("marriage_civil_partnership")->note_on_duty.find("UNCONFIRMED") !=
              std::string::npos);
        // The armed forces row was not seen in any template: it carries its mark.
        CHECK_FALSE(fw.rows->subject("armed_forces")->provenance.confirmed);
    }
    const Framework& nhs = shipped("eira_nhs");
    CHECK_FALSE(nhs.rows->subject("carers")->provenance.confirmed);
    CHECK(nhs.rows->subject("inclusion_health") != nullptr);
    CHECK(nhs.rows->subject("human_rights") != nullptr);
    CHECK(shipped("eia_council").rows->subject("care_leavers") != nullptr);
}

TEST_CASE("impact templates: impact scale, three aims, six Brown principles, sign-off, review") {
    for (const char* id : {"eira_nhs", "eia_council"}) {
        CAPTURE(id);
        const Framework& fw = shipped(id);
        std::vector<std::string> values;
        for (const RowLevel& l : fw.rows->impact.levels)
            values.push_back(l.value);
        CHECK(values == std::vector<std::string>{"positive", "neutral", "negative", "unknown"});
        CHECK(fw.rows->impact.level("negative")->reason_required);
        CHECK(fw.rows->impact.level("negative")->scores_risk);
        CHECK(fw.rows->impact.level("unknown")->reason_required);
        CHECK_FALSE(fw.rows->impact.level("neutral")->scores_risk);
        REQUIRE(fw.groups.size() == 2);
        CHECK(fw.groups[0].items.size() == 3);
        CHECK(fw.groups[0].items[1].title == "Advance equality of opportunity");
        CHECK(fw.groups[1].items.size() == 6);
        CHECK(fw.groups[1].items[3].title == "Not delegated");
        CHECK(fw.signoff.has_value());
        REQUIRE(fw.review.has_value());
        CHECK(fw.find_field(fw.review->field)->type == FieldType::date);
        CHECK_FALSE(fw.review->provenance.confirmed);  // the 30-day window is ours
        CHECK_FALSE(fw.scale.official);
    }
}

TEST_CASE("eira_nhs: every band edge of the 5 × 5 matrix; only 1–3 Low is confirmed") {
    const Framework& fw = shipped("eira_nhs");
    CHECK(band_at(fw, 1, 1) == "Low");
    CHECK(band_at(fw, 1, 3) == "Low");
    CHECK(band_at(fw, 2, 2) == "Moderate");
    CHECK(band_at(fw, 2, 3) == "Moderate");
    CHECK(band_at(fw, 4, 2) == "High");
    CHECK(band_at(fw, 3, 4) == "High");
    CHECK(band_at(fw, 5, 3) == "Extreme");
    CHECK(band_at(fw, 5, 5) == "Extreme");
    const std::vector<Band>& bands = fw.risk_matrix->bands;
    CHECK(bands[0].provenance.confirmed);
    for (std::size_t i = 1; i < bands.size(); ++i)
        CHECK_FALSE(bands[i].provenance.confirmed);
    CHECK_FALSE(assess_risk(*fw.risk_matrix, {6, 1}).has_value());
    CHECK_FALSE(assess_risk(*fw.risk_matrix, {1, 0}).has_value());
}

TEST_CASE("eia_council: every band edge of the 4 × 4 Wiltshire matrix, all confirmed") {
    const Framework& fw = shipped("eia_council");
    CHECK(band_at(fw, 1, 1) == "Low: assessment not required");
    CHECK(band_at(fw, 1, 2) == "Low: assessment not required");
    CHECK(band_at(fw, 1, 3) == "Low: assessment still required");
    CHECK(band_at(fw, 2, 2) == "Low: assessment still required");
    CHECK(band_at(fw, 2, 3) == "Medium");
    CHECK(band_at(fw, 3, 3) == "Medium");
    CHECK(band_at(fw, 4, 2) == "Medium");
    CHECK(band_at(fw, 3, 4) == "High");
    CHECK(band_at(fw, 4, 4) == "High");
    for (const Band& b : fw.risk_matrix->bands)
        CHECK(b.provenance.confirmed);
    CHECK_FALSE(assess_risk(*fw.risk_matrix, {5, 1}).has_value());
}

TEST_CASE("ais: the 2025 standard's six steps on NHS England's maturity levels") {
    const Framework& fw = shipped("ais");
    CHECK(fw.version == "2025");
    const char* steps[] = {"Identify (Ask)", "Record",     "Flag (Alert)",
                           "Share",          "Meet (Act)", "Review"};
    REQUIRE(fw.groups.front().items.size() == 6);
    for (std::size_t i = 0; i < 6; ++i)
        CHECK(fw.groups.front().items[i].title == steps[i]);
    std::vector<std::string> labels;
    for (const ScaleLevel& l : fw.scale.levels)
        labels.push_back(l.label);
    CHECK(labels ==
          std::vector<std::string>{"Not started", "Basic", "Intermediate", "Advanced", "Exemplar"});
    CHECK_FALSE(fw.scale.levels.front().provenance.confirmed);  // "Not started" is ours
}

TEST_CASE("ais: the 2016 five-step standard is an older version; review is what 2025 adds") {
    Checked<Framework> old = load_framework(std::filesystem::path(EQKIT_PLUGINS_DIR) /
                                            "ais/versions/2016/framework.json");
    REQUIRE(old.has_value());
    CHECK(old->id == "ais");
    CHECK(old->version == "2016");
    CHECK(old->groups.front().items.size() == 5);
    const FrameworkDiff d = diff_frameworks(*old, shipped("ais"));
    CHECK(d.added == std::vector<std::string>{"6", "G3"});
    CHECK(d.removed.empty());
}

TEST_CASE("ais: each step links to CQC's \"Providing information\" (RES-3)") {
    for (const char* step : {"1", "2", "3", "4", "5", "6"}) {
        CAPTURE(step);
        const std::vector<CrosswalkLink> links =
            linked_items(test::shipped_registry(), "ais", step);
        bool res3 = false;
        for (const CrosswalkLink& l : links)
            res3 = res3 || (l.framework == "cqc_saf" && l.code == "RES-3");
        CHECK(res3);
    }
}
