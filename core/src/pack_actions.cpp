// The action plan in evidence packs: exported beside the assessments, merged on import.
#include "pack_actions.hpp"

#include <algorithm>

#include "eqkit/actions.hpp"
#include "json_reader.hpp"

namespace eqkit::detail {
namespace {

std::string mapped(const IdMap& ids, const std::string& id) {
    const auto it = ids.find(id);
    return it == ids.end() ? id : it->second;
}

bool same_action(const Action& a, const Action& b) {
    return a.text == b.text && a.owner == b.owner && a.due == b.due && a.item == b.item &&
           a.status == b.status && a.assessment == b.assessment;
}

// "a12" -> 12; other ids count as 0.
long long number_of(const std::string& id) {
    if (id.size() < 2 || id.size() > 12 || id.front() != 'a') return 0;
    if (!std::all_of(id.begin() + 1, id.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return 0;
    return std::stoll(id.substr(1));
}

// The pack's file with its assessment and evidence ids as the workspace has them, read without
// the workspace's checks (its assessments are only now being added).
Result<Json> renamed_actions(std::string_view text, std::string_view label,
                             const IdMap& assessments, const IdMap& evidence) {
    Result<Json> doc = parse_json(text, label);
    if (!doc) return doc;
    if (!doc->is_object() || !doc->contains("actions") || !(*doc)["actions"].is_array())
        return fail(std::string(label), "/actions", "expected a list of actions");
    for (Json& a : (*doc)["actions"]) {
        if (!a.is_object()) continue;
        if (a.contains("assessment") && a["assessment"].is_string())
            a["assessment"] = mapped(assessments, a["assessment"].get<std::string>());
        if (a.contains("evidence") && a["evidence"].is_array()) {
            for (Json& e : a["evidence"]) {
                if (e.is_string()) e = mapped(evidence, e.get<std::string>());
            }
        }
    }
    return doc;
}

}  // namespace

Checked<ActionDocuments> action_documents(const WorkspaceFolder& ws) {
    Checked<ActionPlan> plan = load_actions(ws);
    if (!plan) return tl::unexpected(plan.error());
    if (plan->actions.empty()) return ActionDocuments{};
    ActionFilter all;
    all.include_carried = true;
    const std::vector<const Action*> list = filter_actions(*plan, all, "");
    return ActionDocuments{
        actions_to_json(*plan),
        actions_page(list, "",
                     "Every action of the workspace this pack was made from, with its owner, due "
                     "date, status, the evidence it rests on and the history of its changes.",
                     ws.evidence())};
}

Checked<std::size_t> import_actions(std::string_view text, std::string_view label,
                                    WorkspaceFolder& into, const IdMap& assessments,
                                    const IdMap& evidence) {
    Result<Json> doc = renamed_actions(text, label, assessments, evidence);
    if (!doc) return tl::unexpected(ErrorList{doc.error()});
    Checked<ActionPlan> from_pack = parse_actions(dump_json(*doc), label, into);
    if (!from_pack) return tl::unexpected(from_pack.error());
    Checked<ActionPlan> plan = load_actions(into);
    if (!plan) return tl::unexpected(plan.error());
    long long next = 0;
    for (const Action& a : plan->actions)
        next = std::max(next, number_of(a.id));
    IdMap ids;
    std::vector<Action> added;
    for (Action a : from_pack->actions) {
        const auto same = std::find_if(plan->actions.begin(), plan->actions.end(),
                                       [&a](const Action& x) { return same_action(x, a); });
        if (same != plan->actions.end()) {
            ids[a.id] = same->id;
            continue;
        }
        ids[a.id] = "a" + std::to_string(++next);
        added.push_back(std::move(a));
    }
    for (Action& a : added) {
        a.id = ids[a.id];
        if (!a.carried_over_from.empty()) a.carried_over_from = mapped(ids, a.carried_over_from);
        if (!a.carried_over_to.empty()) a.carried_over_to = mapped(ids, a.carried_over_to);
        plan->actions.push_back(std::move(a));
    }
    if (added.empty()) return std::size_t{0};
    if (Result<void> saved = save_actions(into, *plan); !saved)
        return tl::unexpected(ErrorList{saved.error()});
    return added.size();
}

}  // namespace eqkit::detail
