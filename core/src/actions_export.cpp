// The action list: filters, and the CSV, HTML and JSON every face exports.
#include <algorithm>

#include "answers_csv.hpp"
#include "eqkit/actions.hpp"
#include "eqkit/dates.hpp"
#include "eqkit/impact.hpp"
#include "eqkit/report.hpp"
#include "eqkit/text.hpp"
#include "json_reader.hpp"

namespace eqkit {
namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

// A spreadsheet runs a cell starting with = + - @ (or a tab or CR) as a formula: an apostrophe
// in front makes it show the text the person typed.
std::string as_typed(std::string_view text) {
    const bool formula =
        !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
    return (formula ? "'" : "") + std::string(text);
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    return out;
}

}  // namespace

std::string due_words(const Action& a, std::string_view today) {
    if (is_closed(a.status) || !is_iso_date(today)) return "";
    const int days = days_between(today, a.due);
    if (days < 0) return "Overdue by " + std::to_string(-days) + (days == -1 ? " day" : " days");
    if (days == 0) return "Due today";
    return "Due in " + std::to_string(days) + (days == 1 ? " day" : " days");
}

namespace {

std::string carried_words(const Action& a) {
    if (!a.carried_over_to.empty()) return "Carried over to " + a.carried_over_to;
    if (!a.carried_over_from.empty()) return "Carried over from " + a.carried_over_from;
    return "";
}

std::vector<std::string> csv_row(const Action& a, std::string_view today,
                                 const std::vector<Evidence>& library) {
    return {a.id,
            std::string(action_status_label(a.status)),
            is_overdue(a, today) ? "Yes" : "No",
            a.due,
            as_typed(a.owner),
            as_typed(a.text),
            a.item,
            a.assessment,
            as_typed(join(evidence_words(a, library), "; ")),
            carried_words(a),
            as_typed(a.reason)};
}

void append_csv_line(const std::vector<std::string>& fields, std::string& out) {
    for (std::size_t i = 0; i < fields.size(); ++i)
        out += (i == 0 ? "" : ",") + detail::csv_field(fields[i]);
    out += "\r\n";
}

std::string cell(std::string_view text) {
    return "<td>" + html_escape(text) + "</td>";
}

std::string evidence_cell(const Action& a, const std::vector<Evidence>& library) {
    const std::vector<std::string> words = evidence_words(a, library);
    if (words.empty()) return cell("None");
    std::string out = "<td><ul>";
    for (const std::string& w : words)
        out += "<li>" + html_escape(w) + "</li>";
    return out + "</ul></td>";
}

}  // namespace

std::vector<std::string> evidence_words(const Action& a, const std::vector<Evidence>& library) {
    std::vector<std::string> out;
    for (const std::string& id : a.evidence) {
        const auto e = std::find_if(library.begin(), library.end(),
                                    [&id](const Evidence& x) { return x.id == id; });
        out.push_back(e == library.end() ? id : id + ": " + e->title);
    }
    return out;
}

bool is_overdue(const Action& a, std::string_view today) {
    return !is_closed(a.status) && is_iso_date(today) && a.due < today;
}

std::vector<const Action*> filter_actions(const ActionPlan& plan, const ActionFilter& f,
                                          std::string_view today) {
    std::vector<const Action*> out;
    for (const Action& a : plan.actions) {
        if (!f.include_carried && !a.carried_over_to.empty()) continue;
        if (!f.owner.empty() && lower(a.owner) != lower(f.owner)) continue;
        if (f.status && a.status != *f.status) continue;
        if (f.overdue && !is_overdue(a, today)) continue;
        if (f.due_within_days && (is_closed(a.status) || !is_iso_date(today) ||
                                  days_between(today, a.due) > *f.due_within_days))
            continue;
        if (!f.framework.empty() && !a.item.starts_with(f.framework + ":")) continue;
        out.push_back(&a);
    }
    return out;
}

std::string describe_filter(const ActionFilter& f) {
    std::string out = "Showing ";
    out += f.status ? "status " + std::string(action_status_name(*f.status)) : "every status";
    if (!f.owner.empty()) out += ", owner " + f.owner;
    if (!f.framework.empty()) out += ", framework " + f.framework;
    if (f.overdue) out += ", overdue only";
    if (f.due_within_days) out += ", due within " + std::to_string(*f.due_within_days) + " days";
    if (!f.include_carried) out += "; actions already carried into a newer assessment are left out";
    return out + ".";
}

std::string actions_csv(const std::vector<const Action*>& actions, std::string_view today,
                        const std::vector<Evidence>& library) {
    std::string out(utf8_bom);
    append_csv_line({"ID", "Status", "Overdue", "Due", "Owner", "Action", "Item", "Assessment",
                     "Evidence", "Carried over", "Reason"},
                    out);
    for (const Action* a : actions)
        append_csv_line(csv_row(*a, today, library), out);
    return out;
}

std::string actions_html(const std::vector<const Action*>& actions, const WorkspaceFolder& ws,
                         std::string_view today, std::string_view filter_description) {
    return actions_page(actions, today,
                        "Workspace: " + ws.dir().generic_string() + ". Worked out on " +
                            std::string(today) + ". " + std::string(filter_description),
                        ws.evidence());
}

std::string actions_page(const std::vector<const Action*>& actions, std::string_view today,
                         std::string_view intro, const std::vector<Evidence>& library) {
    std::string html = report_page_start("Action plan – EqualityKit");
    html += "<h1>Action plan</h1>\n<p>" + html_escape(intro) + "</p>\n";
    html += "<p>" + std::to_string(actions.size()) + " action(s)";
    if (is_iso_date(today)) {
        const auto overdue =
            std::count_if(actions.begin(), actions.end(),
                          [today](const Action* a) { return is_overdue(*a, today); });
        html += ", " + std::to_string(overdue) + " overdue";
    }
    html += ".</p>\n";
    if (actions.empty()) return html + "<p>No actions match.</p>\n" + report_page_end();
    html +=
        "<table><caption>Actions</caption>\n<thead><tr><th scope=\"col\">ID</th>"
        "<th scope=\"col\">Action</th><th scope=\"col\">Owner</th><th scope=\"col\">Due</th>"
        "<th scope=\"col\">Status</th><th scope=\"col\">Item</th><th scope=\"col\">"
        "Assessment</th><th scope=\"col\">Evidence</th><th scope=\"col\">History</th></tr>"
        "</thead><tbody>\n";
    for (const Action* a : actions) {
        std::string status(action_status_label(a->status));
        if (!a->reason.empty()) status += " (" + a->reason + ")";
        const std::string carried = carried_words(*a);
        std::string history = "<ul>";
        for (const ActionEvent& e : a->history)
            history += "<li>" + html_escape(e.on) + ": " + html_escape(e.change) + "</li>";
        html += "<tr><th scope=\"row\">" + html_escape(a->id) + "</th>" + cell(a->text) +
                cell(a->owner) + "<td>" + html_escape(a->due) +
                (due_words(*a, today).empty()
                     ? ""
                     : "<br><strong>" + html_escape(due_words(*a, today)) + "</strong>") +
                "</td>" + cell(status + (carried.empty() ? "" : ". " + carried)) + cell(a->item) +
                cell(a->assessment.empty() ? "None" : a->assessment) + evidence_cell(*a, library) +
                "<td>" + history + "</ul></td></tr>\n";
    }
    return html + "</tbody></table>\n" + report_page_end();
}

}  // namespace eqkit
