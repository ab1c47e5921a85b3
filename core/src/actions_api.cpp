#include "eqkit/actions_api.hpp"

#include <algorithm>
#include <set>

#include "eqkit/actions.hpp"
#include "eqkit/dates.hpp"
#include "impact_json.hpp"
#include "json_reader.hpp"

namespace eqkit {
namespace {

using detail::Diagnostics;
using detail::Json;
using detail::Need;
using detail::ObjectReader;

// Field names as the page's inputs are named, and the words the error summary shows.
std::string field_label(std::string_view field) {
    if (field == "text") return "Action";
    if (field == "owner") return "Owner";
    if (field == "due") return "Due date";
    if (field == "item") return "Item";
    if (field == "reason") return "Reason";
    if (field == "status") return "Status";
    if (field == "evidence") return "Evidence";
    if (field == "framework") return "Framework";
    return "Assessment";
}

std::string failed(const ErrorList& errors) {
    Json list = Json::array();
    for (const Error& e : errors) {
        Json one = {
            {"message", e.place.empty() ? e.reason : field_label(e.place) + ": " + e.reason}};
        if (!e.place.empty()) one["field"] = e.place;
        list.push_back(std::move(one));
    }
    return detail::dump_json(Json{{"ok", false}, {"errors", std::move(list)}});
}

std::string failed(std::string message) {
    return failed(ErrorList{{"", "", std::move(message)}});
}

// Reads a request object; problems become one error each.
struct Request {
    Json doc;
    ErrorList errors;
};

Request read_request(std::string_view json) {
    Request r;
    Result<Json> doc = detail::parse_json(json.empty() ? "{}" : json, "request");
    if (!doc || !doc->is_object()) {
        r.errors.push_back({"", "", "the request is not a JSON object"});
        return r;
    }
    r.doc = std::move(*doc);
    return r;
}

std::string text_of(const Json& doc, const char* key) {
    const auto it = doc.find(key);
    return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
}

ActionFilter filter_of(const Json& doc, ErrorList& errors) {
    ActionFilter f;
    f.owner = text_of(doc, "owner");
    f.framework = text_of(doc, "framework");
    if (const std::string s = text_of(doc, "status"); !s.empty()) {
        f.status = parse_action_status(s);
        if (!f.status) errors.push_back({"", "status", "choose a status from the list"});
    }
    const auto flag = [&doc](const char* key) {
        const auto it = doc.find(key);
        return it != doc.end() && it->is_boolean() && it->get<bool>();
    };
    f.overdue = flag("overdue");
    f.include_carried = flag("all");
    if (const auto it = doc.find("due_within_days"); it != doc.end() && it->is_number_integer())
        f.due_within_days = it->get<int>();
    return f;
}

// A list of ids, or one id (a form with a single box ticked).
std::vector<std::string> ids_of(const Json& doc, const char* key) {
    std::vector<std::string> out;
    const auto it = doc.find(key);
    if (it == doc.end()) return out;
    if (it->is_string() && !it->get<std::string>().empty()) out.push_back(it->get<std::string>());
    if (it->is_array()) {
        for (const Json& id : *it)
            if (id.is_string()) out.push_back(id.get<std::string>());
    }
    return out;
}

std::string today_or_clock(std::string_view today) {
    return today.empty() ? today_iso() : std::string(today);
}

// The library's evidence an action can be linked to, as "ev2: Staff survey 2025".
Json evidence_choices(const WorkspaceFolder& ws) {
    Json out = Json::array();
    for (const Evidence& e : ws.evidence())
        out.push_back({{"id", e.id}, {"label", e.id + ": " + e.title}});
    return out;
}

}  // namespace

std::string actions_api_list(const WorkspaceFolder& ws, std::string_view filter_json,
                             std::string_view today_in) {
    const std::string today = today_or_clock(today_in);
    Request req = read_request(filter_json);
    Checked<ActionPlan> plan = load_actions(ws);
    if (!plan) return failed(plan.error());
    const ActionFilter f = filter_of(req.doc, req.errors);
    if (!req.errors.empty()) return failed(req.errors);
    const std::vector<const Action*> shown = filter_actions(*plan, f, today);
    Result<Json> list =
        detail::parse_json(actions_list_json(shown, today, ws.evidence()), "actions");
    std::set<std::string> owners;
    for (const Action& a : plan->actions)
        owners.insert(a.owner);
    Json statuses = Json::array();
    for (ActionStatus s : {ActionStatus::open, ActionStatus::in_progress, ActionStatus::done,
                           ActionStatus::dropped}) {
        statuses.push_back({{"value", action_status_name(s)}, {"label", action_status_label(s)}});
    }
    const auto overdue = std::count_if(shown.begin(), shown.end(),
                                       [&today](const Action* a) { return is_overdue(*a, today); });
    Json out = {{"ok", true},
                {"today", today},
                {"actions", list ? (*list)["actions"] : Json::array()},
                {"owners", owners},
                {"statuses", std::move(statuses)},
                {"counts", {{"shown", shown.size()}, {"overdue", overdue}}},
                {"evidence", evidence_choices(ws)}};
    return detail::dump_json(out);
}

std::string actions_api_add(const WorkspaceFolder& ws, std::string_view request_json,
                            std::string_view today) {
    Request req = read_request(request_json);
    if (!req.errors.empty()) return failed(req.errors);
    Checked<ActionPlan> plan = load_actions(ws);
    if (!plan) return failed(plan.error());
    NewAction n{text_of(req.doc, "text"),       text_of(req.doc, "owner"),
                text_of(req.doc, "due"),        text_of(req.doc, "item"),
                text_of(req.doc, "assessment"), ids_of(req.doc, "evidence")};
    Checked<std::string> id = add_action(*plan, ws, std::move(n), today_or_clock(today));
    if (!id) return failed(id.error());
    if (Result<void> saved = save_actions(ws, *plan); !saved)
        return failed(saved.error().message());
    return detail::dump_json(Json{{"ok", true}, {"id", *id}});
}

std::string actions_api_set(const WorkspaceFolder& ws, std::string_view id,
                            std::string_view request_json, std::string_view today) {
    Request req = read_request(request_json);
    if (!req.errors.empty()) return failed(req.errors);
    Checked<ActionPlan> plan = load_actions(ws);
    if (!plan) return failed(plan.error());
    ActionUpdate u;
    if (const std::string s = text_of(req.doc, "status"); !s.empty()) {
        u.status = parse_action_status(s);
        if (!u.status) return failed(ErrorList{{"", "status", "choose a status from the list"}});
    }
    u.reason = text_of(req.doc, "reason");
    if (const std::string o = text_of(req.doc, "owner"); !o.empty()) u.owner = o;
    if (const std::string d = text_of(req.doc, "due"); !d.empty()) u.due = d;
    u.link_evidence = ids_of(req.doc, "link_evidence");
    u.unlink_evidence = ids_of(req.doc, "unlink_evidence");
    if (Checked<void> done = update_action(*plan, ws, id, u, today_or_clock(today)); !done)
        return failed(done.error());
    if (Result<void> saved = save_actions(ws, *plan); !saved)
        return failed(saved.error().message());
    return detail::dump_json(Json{{"ok", true}});
}

std::string actions_api_start(WorkspaceFolder& ws, std::string_view request_json,
                              std::string_view today) {
    Request req = read_request(request_json);
    if (!req.errors.empty()) return failed(req.errors);
    const std::string id = text_of(req.doc, "framework");
    const Framework* fw = ws.registry().find(id);
    if (fw == nullptr)
        return failed(ErrorList{{"", "framework", "choose a framework from the list"}});
    // Never the framework's own id: in the web faces that id holds the assessment open in the
    // browser (LibraryApi::store_assessment), which would then overwrite next year's.
    Result<StartedAssessment> started =
        start_assessment(ws, *fw, text_of(req.doc, "title"), ws.free_assessment_id(id + "-next"),
                         today_or_clock(today));
    if (!started) return failed(started.error().message());
    const std::string message =
        "Started " + started->id +
        (started->previous.empty() ? "" : " after " + started->previous) + ": " +
        (started->carried == 0
             ? std::string("no open actions to carry over.")
             : std::to_string(started->carried) +
                   " open action(s) carried over, each marked as carried over; closed ones stay "
                   "where they were.");
    return detail::dump_json(Json{{"ok", true},
                                  {"id", started->id},
                                  {"previous", started->previous},
                                  {"carried", started->carried},
                                  {"message", message}});
}

std::string actions_api_export(const WorkspaceFolder& ws, std::string_view filter_json,
                               std::string_view format, std::string_view today_in) {
    const std::string today = today_or_clock(today_in);
    Request req = read_request(filter_json);
    Checked<ActionPlan> plan = load_actions(ws);
    if (!plan) return "";
    const ActionFilter filter = filter_of(req.doc, req.errors);
    const std::vector<const Action*> shown = filter_actions(*plan, filter, today);
    if (format == "csv") return actions_csv(shown, today, ws.evidence());
    return actions_html(shown, ws, today, describe_filter(filter));
}

std::string reviews_api_list(const WorkspaceFolder& workspace, std::string_view today) {
    const std::string day = today.empty() ? today_iso() : std::string(today);
    Json list = Json::array();
    for (const StoredAssessment& s : workspace.assessments()) {
        const Framework* fw = workspace.registry().find(s.entry.framework);
        if (fw == nullptr) continue;
        const std::optional<Signoff>& signoff = s.assessment.trail.signoff;
        list.push_back({{"id", s.entry.id},
                        {"framework", fw->id},
                        {"framework_title", std::string(fw->display_title())},
                        {"title", s.assessment.title},
                        {"version", s.assessment.trail.version},
                        {"signoff", signoff ? detail::signoff_json(*signoff) : Json(nullptr)},
                        {"review", detail::review_json(*fw, s.assessment, day)}});
    }
    return detail::dump_json({{"ok", true}, {"today", day}, {"assessments", std::move(list)}});
}

}  // namespace eqkit
