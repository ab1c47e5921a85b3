// eqkit actions list | add | set: the workspace's one action plan across every assessment
// (core/include/eqkit/actions.hpp, docs/impact-assessment.md).
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "eqkit/actions.hpp"
#include "eqkit/dates.hpp"
#include "eqkit/files.hpp"

namespace eqkit::cli {
namespace {

struct ListOptions {
    std::string workspace;
    std::string owner;
    std::string status;
    std::string framework;
    bool overdue = false;
    int due_within = -1;
    bool all = false;
    bool json = false;
    bool csv = false;
    std::string html;  // write the accessible page to this file
    std::string today;
};

struct AddOptions {
    std::string workspace;
    std::string item;
    std::string assessment;
    std::string owner;
    std::string due;
    std::string text;
    std::vector<std::string> evidence;
    std::string today;
};

struct LinkOptions {
    std::string workspace;
    std::string id;
    std::vector<std::string> evidence;
    std::string today;
};

struct SetOptions {
    std::string workspace;
    std::string id;
    std::string status;
    std::string reason;
    std::string owner;
    std::string due;
    std::string today;
};

std::string today_or(const std::string& given) {
    return given.empty() ? today_iso() : given;
}

// The workspace and its plan; on failure prints every problem and returns nothing.
struct OpenPlan {
    OpenWorkspace open;
    ActionPlan plan;
};

std::optional<OpenPlan> open_plan(const std::string& dir, const GlobalOptions& globals) {
    std::optional<OpenWorkspace> open = open_workspace(dir, globals);
    if (!open) return std::nullopt;
    Checked<ActionPlan> plan = load_actions(open->folder);
    if (!plan) {
        print_errors(plan.error());
        return std::nullopt;
    }
    return OpenPlan{std::move(*open), std::move(*plan)};
}

// Problems placed at an option's name: "DIR/actions.json: --due: write the due date …".
int refuse_all(const OpenPlan& p, const ErrorList& errors) {
    for (const Error& e : errors)
        print_error({actions_path(p.open.folder).generic_string(), "--" + e.place, e.reason});
    return exit_bad_input;
}

int save(const OpenPlan& p) {
    if (Result<void> saved = save_actions(p.open.folder, p.plan); !saved) {
        print_error(saved.error());
        return exit_bad_input;
    }
    return exit_ok;
}

std::optional<ActionStatus> status_option(const std::string& text) {
    std::optional<ActionStatus> s = parse_action_status(text);
    if (!s)
        print_message("unknown status \"" + text + "\" (use open, in_progress, done or dropped)");
    return s;
}

void print_text(const std::vector<const Action*>& list, const std::string& today,
                const std::vector<Evidence>& library) {
    if (list.empty()) std::cout << "No actions match.\n";
    for (const Action* a : list) {
        std::cout << a->id << "  " << action_status_label(a->status) << "  due " << a->due;
        if (const std::string words = due_words(*a, today); !words.empty())
            std::cout << " (" << words << ")";
        std::cout << "  " << a->owner << "  " << a->item;
        if (!a->assessment.empty()) std::cout << " [" << a->assessment << "]";
        if (!a->carried_over_from.empty())
            std::cout << "  carried over from " << a->carried_over_from;
        std::cout << "\n    " << a->text << '\n';
        if (!a->reason.empty()) std::cout << "    reason: " << a->reason << '\n';
        for (const std::string& e : evidence_words(*a, library))
            std::cout << "    evidence " << e << '\n';
    }
}

int run_list(const ListOptions& o, const GlobalOptions& globals) {
    if (o.json + o.csv + !o.html.empty() > 1) {
        print_message("actions list: give at most one of --json, --csv and --html");
        return exit_usage;
    }
    std::optional<OpenPlan> p = open_plan(o.workspace, globals);
    if (!p) return exit_bad_input;
    ActionFilter f;
    f.owner = o.owner;
    if (!o.status.empty() && !(f.status = status_option(o.status))) return exit_usage;
    f.overdue = o.overdue;
    if (o.due_within >= 0) f.due_within_days = o.due_within;
    f.framework = o.framework;
    f.include_carried = o.all;
    const std::string today = today_or(o.today);
    const std::vector<const Action*> list = filter_actions(p->plan, f, today);
    const std::vector<Evidence>& library = p->open.folder.evidence();
    if (o.json) {
        std::cout << actions_list_json(list, today, library);
    } else if (o.csv) {
        std::cout << actions_csv(list, today, library);
    } else if (!o.html.empty()) {
        if (Result<void> saved = save_atomically(
                o.html, actions_html(list, p->open.folder, today, describe_filter(f)));
            !saved) {
            print_error(saved.error());
            return exit_bad_input;
        }
        std::cout << "Wrote " << list.size() << " action(s) to " << o.html << ".\n";
    } else {
        print_text(list, today, library);
    }
    return exit_ok;
}

int run_add(const AddOptions& o, const GlobalOptions& globals) {
    std::optional<OpenPlan> p = open_plan(o.workspace, globals);
    if (!p) return exit_bad_input;
    NewAction n{o.text, o.owner, o.due, o.item, o.assessment, o.evidence};
    Checked<std::string> id = add_action(p->plan, p->open.folder, std::move(n), today_or(o.today));
    if (!id) return refuse_all(*p, id.error());
    if (int status = save(*p); status != exit_ok) return status;
    const Action* a = p->plan.find(*id);
    std::cout << "Added action " << *id << " for " << a->item
              << (a->assessment.empty() ? "" : " (assessment " + a->assessment + ")")
              << ", owned by " << a->owner << ", due " << a->due << ".\n";
    return exit_ok;
}

int run_set(const SetOptions& o, const GlobalOptions& globals) {
    if (o.status.empty() && o.owner.empty() && o.due.empty()) {
        print_message("actions set: nothing to change; give --status, --owner or --due");
        return exit_usage;
    }
    std::optional<OpenPlan> p = open_plan(o.workspace, globals);
    if (!p) return exit_bad_input;
    ActionUpdate u;
    if (!o.status.empty() && !(u.status = status_option(o.status))) return exit_usage;
    u.reason = o.reason;
    if (!o.owner.empty()) u.owner = o.owner;
    if (!o.due.empty()) u.due = o.due;
    if (Checked<void> done = update_action(p->plan, p->open.folder, o.id, u, today_or(o.today));
        !done)
        return refuse_all(*p, done.error());
    if (int status = save(*p); status != exit_ok) return status;
    const Action* a = p->plan.find(o.id);
    std::cout << "Action " << a->id << ": " << action_status_label(a->status) << ", owned by "
              << a->owner << ", due " << a->due << ".\n";
    return exit_ok;
}

// Links evidence to an action, or unlinks it.
int run_link(const LinkOptions& o, const GlobalOptions& globals, bool linking) {
    std::optional<OpenPlan> p = open_plan(o.workspace, globals);
    if (!p) return exit_bad_input;
    ActionUpdate u;
    (linking ? u.link_evidence : u.unlink_evidence) = o.evidence;
    if (Checked<void> done = update_action(p->plan, p->open.folder, o.id, u, today_or(o.today));
        !done)
        return refuse_all(*p, done.error());
    if (int status = save(*p); status != exit_ok) return status;
    const std::vector<std::string> words =
        evidence_words(*p->plan.find(o.id), p->open.folder.evidence());
    std::cout << "Action " << o.id << " rests on "
              << (words.empty() ? "no evidence." : "this evidence:") << '\n';
    for (const std::string& w : words)
        std::cout << "    " << w << '\n';
    return exit_ok;
}

void setup_list(CLI::App& actions, Context& context) {
    auto o = std::make_shared<ListOptions>();
    CLI::App* sub = actions.add_subcommand("list", "List the actions of every assessment");
    sub->add_option("WORKSPACE", o->workspace, "The workspace folder")->required();
    sub->add_option("--owner", o->owner, "Only this owner's actions");
    sub->add_option("--status", o->status, "Only this status: open, in_progress, done, dropped");
    sub->add_option("--framework", o->framework, "Only actions on this framework's items");
    sub->add_flag("--overdue", o->overdue, "Only actions past their due date and not closed");
    sub->add_option("--due-within", o->due_within, "Only open actions due within N days");
    sub->add_flag("--all", o->all, "Include actions already carried into a newer assessment");
    sub->add_flag("--json", o->json, "Print JSON");
    sub->add_flag("--csv", o->csv, "Print CSV (UTF-8 with a byte order mark, CRLF line ends)");
    sub->add_option("--html", o->html, "Write an accessible HTML page to this file");
    sub->add_option("--today", o->today, "Work out overdue as on this date (YYYY-MM-DD)");
    sub->callback([o, &context] { context.status = run_list(*o, context.globals); });
}

void setup_add(CLI::App& actions, Context& context) {
    auto o = std::make_shared<AddOptions>();
    CLI::App* sub = actions.add_subcommand("add", "Add an action linked to an item");
    sub->add_option("WORKSPACE", o->workspace, "The workspace folder")->required();
    sub->add_option("--item", o->item, "FRAMEWORK:CODE, such as eds2022:1A or eira_nhs:race")
        ->required();
    sub->add_option("--assessment", o->assessment,
                    "The assessment's id (default: the latest of that framework)");
    sub->add_option("--owner", o->owner, "Who owns it")->required();
    sub->add_option("--due", o->due, "Due date, YYYY-MM-DD")->required();
    sub->add_option("--text", o->text, "What will be done")->required();
    sub->add_option("--evidence", o->evidence, "An evidence id it rests on (repeat for more)");
    sub->add_option("--today", o->today, "The date it was added (default today)");
    sub->callback([o, &context] { context.status = run_add(*o, context.globals); });
}

void setup_set(CLI::App& actions, Context& context) {
    auto o = std::make_shared<SetOptions>();
    CLI::App* sub = actions.add_subcommand("set", "Change an action's status, owner or due date");
    sub->add_option("WORKSPACE", o->workspace, "The workspace folder")->required();
    sub->add_option("ID", o->id, "The action's id, such as a3")->required();
    sub->add_option("--status", o->status, "open, in_progress, done or dropped");
    sub->add_option("--reason", o->reason, "Why (required when dropped)");
    sub->add_option("--owner", o->owner, "A new owner");
    sub->add_option("--due", o->due, "A new due date, YYYY-MM-DD");
    sub->add_option("--today", o->today, "The date of the change (default today)");
    sub->callback([o, &context] { context.status = run_set(*o, context.globals); });
}

void setup_link(CLI::App& actions, Context& context, bool linking) {
    auto o = std::make_shared<LinkOptions>();
    CLI::App* sub = actions.add_subcommand(
        linking ? "link" : "unlink",
        linking ? "Link evidence an action rests on" : "Unlink evidence from an action");
    sub->add_option("WORKSPACE", o->workspace, "The workspace folder")->required();
    sub->add_option("ID", o->id, "The action's id, such as a3")->required();
    sub->add_option("--evidence", o->evidence, "An evidence id, such as ev2 (repeat for more)")
        ->required();
    sub->add_option("--today", o->today, "The date of the change (default today)");
    sub->callback(
        [o, linking, &context] { context.status = run_link(*o, context.globals, linking); });
}

}  // namespace

void setup_actions(CLI::App& app, Context& context) {
    CLI::App* actions = app.add_subcommand(
        "actions", "The action plan: one list of actions from every assessment in a workspace");
    actions->require_subcommand(1);
    setup_list(*actions, context);
    setup_add(*actions, context);
    setup_set(*actions, context);
    setup_link(*actions, context, true);
    setup_link(*actions, context, false);
}

}  // namespace eqkit::cli
