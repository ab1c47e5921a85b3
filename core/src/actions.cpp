// The action plan file (DIR/actions.json), its changes and the carry-over into next year's
// assessment. Saved atomically, after any new assessment file and index (so a crash leaves the
// new assessment with last year's actions still open on the old one, never half a plan).
#include "eqkit/actions.hpp"

#include <algorithm>
#include <system_error>

#include "eqkit/dates.hpp"
#include "eqkit/evidence.hpp"
#include "eqkit/files.hpp"
#include "eqkit/text.hpp"
#include "json_reader.hpp"

namespace eqkit {
namespace {

using detail::Diagnostics;
using detail::Json;
using detail::Need;
using detail::ObjectReader;

constexpr std::size_t text_limit = 2000;
constexpr std::size_t short_limit = 200;

constexpr ActionStatus all_statuses[] = {ActionStatus::open, ActionStatus::in_progress,
                                         ActionStatus::done, ActionStatus::dropped};

bool text_ok(std::string_view text, std::size_t limit) {
    return is_valid_utf8(text) && !is_blank(text) && utf16_length(text) <= limit;
}

// Items, or rows of an impact assessment, of a loaded framework.
std::optional<std::string> item_problem(std::string_view ref, const Registry& registry) {
    Result<ItemRef> parsed = parse_item_ref(ref);
    if (!parsed) return parsed.error().reason;
    const Framework* fw = registry.find(parsed->framework);
    if (fw == nullptr) return "no framework \"" + parsed->framework + "\" is loaded";
    if (fw->find_item(parsed->code) != nullptr) return std::nullopt;
    if (fw->rows && fw->rows->subject(parsed->code) != nullptr) return std::nullopt;
    return "\"" + parsed->code + "\" is not an item or row of " + fw->id;
}

// Every reason an action does not fit the workspace, each placed at its key.
ErrorList action_problems(const Action& a, const WorkspaceFolder& ws) {
    ErrorList out;
    const auto add = [&out](std::string place, std::string reason) {
        out.push_back({"", std::move(place), std::move(reason)});
    };
    if (!text_ok(a.text, text_limit))
        add("text", "say what will be done (at most 2000 characters)");
    if (!text_ok(a.owner, short_limit)) add("owner", "name who owns the action");
    if (!is_iso_date(a.due)) add("due", "write the due date as YYYY-MM-DD");
    if (a.status == ActionStatus::dropped && is_blank(a.reason)) {
        add("reason", "a dropped action needs the reason it was dropped");
    }
    if (auto p = item_problem(a.item, ws.registry())) add("item", *p);
    if (!a.assessment.empty()) {
        const StoredAssessment* s = ws.find_assessment(a.assessment);
        if (s == nullptr) {
            add("assessment", "there is no assessment \"" + a.assessment + "\" in the workspace");
        } else if (!a.item.starts_with(s->entry.framework + ":")) {
            add("item",
                "the item is not in " + s->entry.framework + ", the framework of " + a.assessment);
        }
    }
    for (const std::string& e : a.evidence) {
        if (ws.find_evidence(e) == nullptr)
            add("evidence", "there is no evidence \"" + e + "\" in the workspace");
    }
    return out;
}

// Adds each id not linked yet, keeping the order given; returns those added.
std::vector<std::string> link(std::vector<std::string>& linked,
                              const std::vector<std::string>& ids) {
    std::vector<std::string> added;
    for (const std::string& id : ids) {
        if (std::find(linked.begin(), linked.end(), id) != linked.end()) continue;
        linked.push_back(id);
        added.push_back(id);
    }
    return added;
}

Json action_json(const Action& a) {
    Json out = {{"id", a.id},
                {"text", a.text},
                {"owner", a.owner},
                {"due", a.due},
                {"status", action_status_name(a.status)},
                {"item", a.item}};
    if (!a.reason.empty()) out["reason"] = a.reason;
    if (!a.assessment.empty()) out["assessment"] = a.assessment;
    if (!a.evidence.empty()) out["evidence"] = a.evidence;
    if (!a.carried_over_from.empty()) out["carried_over_from"] = a.carried_over_from;
    if (!a.carried_over_to.empty()) out["carried_over_to"] = a.carried_over_to;
    Json history = Json::array();
    for (const ActionEvent& e : a.history)
        history.push_back({{"on", e.on}, {"change", e.change}});
    out["history"] = std::move(history);
    return out;
}

Action read_action(ObjectReader& obj) {
    Action a;
    a.id = obj.string("id", Need::required).value_or("");
    a.text = obj.string("text", Need::required).value_or("");
    a.owner = obj.string("owner", Need::required).value_or("");
    a.due = obj.string("due", Need::required).value_or("");
    const std::string status = obj.string("status", Need::required).value_or("open");
    if (auto s = parse_action_status(status)) {
        a.status = *s;
    } else {
        obj.error("status",
                  "unknown status \"" + status + "\" (use open, in_progress, done or dropped)");
    }
    a.reason = obj.string_or("reason", "");
    a.assessment = obj.string_or("assessment", "");
    a.item = obj.string("item", Need::required).value_or("");
    a.evidence = obj.strings("evidence", Need::optional);
    a.carried_over_from = obj.string_or("carried_over_from", "");
    a.carried_over_to = obj.string_or("carried_over_to", "");
    for (ObjectReader& e : obj.objects("history", Need::required)) {
        ActionEvent event{e.string("on", Need::required).value_or(""),
                          e.string("change", Need::required).value_or("")};
        if (!is_iso_date(event.on)) e.error("on", "write the date as YYYY-MM-DD");
        e.finish();
        a.history.push_back(std::move(event));
    }
    obj.finish();
    return a;
}

long long highest_number(const ActionPlan& plan) {
    long long highest = 0;
    for (const Action& a : plan.actions) {
        if (a.id.size() < 2 || a.id.size() > 12 || a.id.front() != 'a') continue;
        const std::string digits = a.id.substr(1);
        if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
            continue;
        highest = std::max(highest, std::stoll(digits));
    }
    return highest;
}

std::string next_id(const ActionPlan& plan) {
    return "a" + std::to_string(highest_number(plan) + 1);
}

std::string framework_of(std::string_view item) {
    return std::string(item.substr(0, item.find(':')));
}

// The newest assessment of a framework in the workspace (the index lists them oldest first).
const StoredAssessment* latest_of(const WorkspaceFolder& ws, std::string_view framework) {
    const StoredAssessment* found = nullptr;
    for (const StoredAssessment& s : ws.assessments()) {
        if (s.entry.framework == framework) found = &s;
    }
    return found;
}

std::size_t carry_over(ActionPlan& plan, std::string_view from, std::string_view to,
                       std::string_view framework, std::string_view today) {
    std::vector<Action> carried;
    long long number = highest_number(plan);
    for (Action& old : plan.actions) {
        const bool linked = old.assessment == from ||
                            (old.assessment.empty() && framework_of(old.item) == framework);
        if (!linked || is_closed(old.status) || !old.carried_over_to.empty()) continue;
        Action next = old;
        next.id = "a" + std::to_string(++number);
        next.assessment = std::string(to);
        next.carried_over_from = old.id;
        next.history = {{std::string(today),
                         "carried over from " + old.id + " (assessment " +
                             (from.empty() ? std::string("none") : std::string(from)) + ")"}};
        old.carried_over_to = next.id;
        old.history.push_back({std::string(today), "carried over to " + next.id + " (assessment " +
                                                       std::string(to) + ")"});
        carried.push_back(std::move(next));
    }
    plan.actions.insert(plan.actions.end(), carried.begin(), carried.end());
    return carried.size();
}

}  // namespace

std::string_view action_status_name(ActionStatus status) {
    switch (status) {
        case ActionStatus::open:
            return "open";
        case ActionStatus::in_progress:
            return "in_progress";
        case ActionStatus::done:
            return "done";
        case ActionStatus::dropped:
            return "dropped";
    }
    return "open";
}

std::string_view action_status_label(ActionStatus status) {
    switch (status) {
        case ActionStatus::open:
            return "Open";
        case ActionStatus::in_progress:
            return "In progress";
        case ActionStatus::done:
            return "Done";
        case ActionStatus::dropped:
            return "Dropped";
    }
    return "Open";
}

std::optional<ActionStatus> parse_action_status(std::string_view name) {
    for (ActionStatus s : all_statuses) {
        if (name == action_status_name(s)) return s;
    }
    return std::nullopt;
}

bool is_closed(ActionStatus status) {
    return status == ActionStatus::done || status == ActionStatus::dropped;
}

const Action* ActionPlan::find(std::string_view id) const {
    for (const Action& a : actions) {
        if (a.id == id) return &a;
    }
    return nullptr;
}

std::filesystem::path actions_path(const WorkspaceFolder& ws) {
    return ws.dir() / actions_file_name;
}

std::string actions_to_json(const ActionPlan& plan) {
    Json list = Json::array();
    for (const Action& a : plan.actions)
        list.push_back(action_json(a));
    return detail::dump_json(Json{{"format", actions_format}, {"actions", std::move(list)}});
}

std::string actions_list_json(const std::vector<const Action*>& actions, std::string_view today,
                              const std::vector<Evidence>& library) {
    Json list = Json::array();
    for (const Action* a : actions) {
        Json item = action_json(*a);
        item["status_label"] = action_status_label(a->status);
        item["overdue"] = is_overdue(*a, today);
        item["due_words"] = due_words(*a, today);
        item["evidence_words"] = evidence_words(*a, library);
        list.push_back(std::move(item));
    }
    return detail::dump_json(Json{{"today", today}, {"actions", std::move(list)}});
}

Checked<ActionPlan> parse_actions(std::string_view json, std::string_view label,
                                  const WorkspaceFolder& ws) {
    Result<Json> doc = detail::parse_json(json, label);
    if (!doc) return tl::unexpected(ErrorList{doc.error()});
    Diagnostics diag{std::string(label)};
    ObjectReader root(*doc, "", diag);
    ActionPlan plan;
    if (root.is_object()) {
        root.expect_format(actions_format, "file");
        for (ObjectReader& obj : root.objects("actions", Need::required)) {
            Action a = read_action(obj);
            if (plan.find(a.id) != nullptr) obj.error("id", "id \"" + a.id + "\" is used twice");
            for (const Error& e : action_problems(a, ws))
                obj.error(e.place, e.reason);
            plan.actions.push_back(std::move(a));
        }
        root.finish();
    }
    if (!diag.empty()) return tl::unexpected(diag.take());
    return plan;
}

Checked<ActionPlan> load_actions(const WorkspaceFolder& ws) {
    std::error_code ec;
    if (!std::filesystem::exists(actions_path(ws), ec)) return ActionPlan{};
    Result<std::string> text = read_text_file(actions_path(ws));
    if (!text) return tl::unexpected(ErrorList{text.error()});
    return parse_actions(*text, actions_path(ws).generic_string(), ws);
}

Result<void> save_actions(const WorkspaceFolder& ws, const ActionPlan& plan) {
    return save_atomically(actions_path(ws), actions_to_json(plan));
}

Checked<std::string> add_action(ActionPlan& plan, const WorkspaceFolder& ws, NewAction n,
                                std::string_view today) {
    Action a;
    a.id = next_id(plan);
    a.text = std::move(n.text);
    a.owner = std::move(n.owner);
    a.due = std::move(n.due);
    a.item = std::move(n.item);
    a.assessment = std::move(n.assessment);
    if (a.assessment.empty()) {
        if (const StoredAssessment* latest = latest_of(ws, framework_of(a.item)))
            a.assessment = latest->entry.id;
    }
    const std::vector<std::string> evidence = link(a.evidence, n.evidence);
    a.history.push_back(
        {std::string(today), "added, owned by " + a.owner + ", due " + a.due +
                                 (evidence.empty() ? "" : ", evidence " + join(evidence, ", "))});
    ErrorList problems = action_problems(a, ws);
    if (!problems.empty()) return tl::unexpected(std::move(problems));
    plan.actions.push_back(std::move(a));
    return plan.actions.back().id;
}

Checked<void> update_action(ActionPlan& plan, const WorkspaceFolder& ws, std::string_view id,
                            const ActionUpdate& u, std::string_view today) {
    auto it = std::find_if(plan.actions.begin(), plan.actions.end(),
                           [id](const Action& a) { return a.id == id; });
    if (it == plan.actions.end()) {
        return tl::unexpected(
            ErrorList{{"", "id", "there is no action \"" + std::string(id) + "\""}});
    }
    Action changed = *it;
    std::vector<std::string> what;
    if (u.status && *u.status != changed.status) {
        what.push_back("status " + std::string(action_status_label(changed.status)) + " → " +
                       std::string(action_status_label(*u.status)) +
                       (u.reason.empty() ? "" : " (" + u.reason + ")"));
        changed.status = *u.status;
        changed.reason = u.reason;
    }
    if (u.owner && *u.owner != changed.owner) {
        what.push_back("owner " + changed.owner + " → " + *u.owner);
        changed.owner = *u.owner;
    }
    if (u.due && *u.due != changed.due) {
        what.push_back("due " + changed.due + " → " + *u.due);
        changed.due = *u.due;
    }
    if (const std::vector<std::string> linked = link(changed.evidence, u.link_evidence);
        !linked.empty())
        what.push_back("evidence linked: " + join(linked, ", "));
    ErrorList problems = action_problems(changed, ws);
    std::vector<std::string> unlinked;
    for (const std::string& e : u.unlink_evidence) {
        const auto at = std::find(changed.evidence.begin(), changed.evidence.end(), e);
        if (at == changed.evidence.end()) {
            problems.push_back(
                {"", "evidence", "evidence \"" + e + "\" is not linked to " + changed.id});
            continue;
        }
        changed.evidence.erase(at);
        unlinked.push_back(e);
    }
    if (!unlinked.empty()) what.push_back("evidence unlinked: " + join(unlinked, ", "));
    if (!problems.empty()) return tl::unexpected(std::move(problems));
    if (what.empty()) return {};
    std::string change;
    for (const std::string& w : what)
        change += (change.empty() ? "" : "; ") + w;
    changed.history.push_back({std::string(today), change});
    *it = std::move(changed);
    return {};
}

Result<StartedAssessment> start_assessment(WorkspaceFolder& ws, const Framework& fw,
                                           std::string title, std::string id,
                                           std::string_view today) {
    Checked<ActionPlan> plan = load_actions(ws);
    if (!plan) return tl::unexpected(plan.error().front());
    StartedAssessment started;
    if (const StoredAssessment* prev = latest_of(ws, fw.id)) started.previous = prev->entry.id;
    Result<std::string> made = ws.add_assessment(fw, std::move(title), std::move(id));
    if (!made) return tl::unexpected(made.error());
    started.id = *made;
    started.carried = carry_over(*plan, started.previous, started.id, fw.id, today);
    if (started.carried > 0) {
        if (Result<void> saved = save_actions(ws, *plan); !saved)
            return tl::unexpected(saved.error());
    }
    return started;
}

}  // namespace eqkit
