// Coverage of a framework by a workspace folder's evidence and answers, directly or through the
// crosswalk (core/include/eqkit/coverage.hpp).
#include "eqkit/coverage.hpp"

#include "eqkit/registry.hpp"
#include "json_reader.hpp"

namespace eqkit {
namespace {

using detail::Json;

bool answered(const WorkspaceFolder& folder, std::string_view framework, std::string_view code) {
    for (const StoredAssessment& stored : folder.assessments()) {
        if (stored.assessment.framework_id == framework && !stored.assessment.answer(code).empty())
            return true;
    }
    return false;
}

bool has_evidence(const WorkspaceFolder& folder, const std::string& ref) {
    for (const Evidence& e : folder.evidence()) {
        if (e.supports_item(ref)) return true;
    }
    return false;
}

ItemCoverage item_coverage(const WorkspaceFolder& folder, const Framework& fw, const Item& item) {
    ItemCoverage out;
    out.code = item.code;
    out.title = item.title;
    const std::string ref = fw.id + ":" + item.code;
    for (const Evidence& e : folder.evidence()) {
        if (e.supports_item(ref)) out.evidence.push_back(e.title);
    }
    out.answered = answered(folder, fw.id, item.code);
    for (const CrosswalkLink& link : linked_items(folder.registry(), fw.id, item.code)) {
        if (!has_evidence(folder, link.ref()) && !answered(folder, link.framework, link.code))
            continue;
        const Framework* there = folder.registry().find(link.framework);
        const std::string name =
            there == nullptr ? link.framework : std::string(there->display_title());
        out.through.push_back(name + " " + link.code + " (this item " +
                              std::string(relationship_words(link.relationship)) + " it)");
    }
    out.kind = !out.evidence.empty() || out.answered ? CoverageKind::direct
               : !out.through.empty()                ? CoverageKind::crosswalk
                                                     : CoverageKind::none;
    return out;
}

}  // namespace

std::string_view coverage_words(CoverageKind kind) {
    switch (kind) {
        case CoverageKind::direct:
            return "Evidence here";
        case CoverageKind::crosswalk:
            return "Through the crosswalk only";
        case CoverageKind::none:
            return "None";
    }
    return "None";
}

Result<Coverage> coverage(const WorkspaceFolder& folder, std::string_view framework_id) {
    const Framework* fw = folder.registry().find(framework_id);
    if (fw == nullptr) {
        return fail("", "",
                    "no framework with the id \"" + std::string(framework_id) + "\" is loaded");
    }
    Coverage out;
    out.framework = fw->id;
    out.framework_title = fw->display_title();
    for (const Group& g : fw->groups) {
        for (const Item& item : g.items) {
            ItemCoverage c = item_coverage(folder, *fw, item);
            ++(c.kind == CoverageKind::direct      ? out.direct
               : c.kind == CoverageKind::crosswalk ? out.crosswalk
                                                   : out.none);
            out.items.push_back(std::move(c));
        }
    }
    return out;
}

std::string coverage_json(const Coverage& c) {
    Json items = Json::array();
    for (const ItemCoverage& i : c.items) {
        const char* kind = i.kind == CoverageKind::direct      ? "direct"
                           : i.kind == CoverageKind::crosswalk ? "crosswalk"
                                                               : "none";
        items.push_back({{"code", i.code},
                         {"title", i.title},
                         {"kind", kind},
                         {"kind_words", coverage_words(i.kind)},
                         {"evidence", i.evidence},
                         {"answered", i.answered},
                         {"through", i.through}});
    }
    return detail::dump_json(
        {{"framework", c.framework},
         {"framework_title", c.framework_title},
         {"counts", {{"direct", c.direct}, {"crosswalk", c.crosswalk}, {"none", c.none}}},
         {"items", std::move(items)}});
}

}  // namespace eqkit
