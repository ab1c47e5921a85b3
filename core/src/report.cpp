#include "eqkit/report.hpp"

#include <algorithm>

#include "eqkit/rating.hpp"
#include "eqkit/scoring.hpp"
#include "eqkit/text.hpp"
#include "impact_report.hpp"

namespace eqkit {
namespace {

constexpr const char* report_style = R"(
body{font-family:Arial,"Liberation Sans",sans-serif;font-size:1.1875rem;line-height:1.5;
max-width:60rem;margin:0 auto;padding:1rem;color:#212b32;background:#fff}
table{border-collapse:collapse;width:100%;margin:1rem 0}
th,td{border:1px solid #4c6272;padding:.5rem;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:bold;padding:.5rem 0}
.wide{overflow-x:auto}
.unconfirmed{font-weight:bold}
.note{white-space:pre-wrap}
a{color:#005eb8}a:focus{outline:3px solid #ffeb3b;background:#ffeb3b;color:#212b32}
.skip{position:absolute;left:-9999px}.skip:focus{position:static}
@media (forced-colors:active){th,td{border-color:CanvasText}}
)";

std::string esc(std::string_view s) {
    return html_escape(s);
}

// A section with its heading: <section aria-labelledby="id"><hN id="id">.
std::string open_section(const ReportSections& where, std::string_view id,
                         const std::string& heading_html) {
    const std::string full_id = esc(where.id_prefix + std::string(id));
    const std::string level = std::to_string(where.heading_level);
    return "<section aria-labelledby=\"" + full_id + "\"><h" + level + " id=\"" + full_id + "\">" +
           heading_html + "</h" + level + ">\n";
}

std::string mark(const Provenance& p) {
    if (p.confirmed) return "";
    return " <strong class=\"unconfirmed\">(UNCONFIRMED: " + esc(p.note) + ")</strong>";
}

std::string total_text(int total, TotalRange range) {
    return std::to_string(total) + " of " + std::to_string(range.max);
}

std::string band_text(const std::optional<Band>& band, bool complete) {
    if (!band) return "No band";
    std::string out = esc(band->label) + mark(band->provenance);
    if (!complete) out += " (provisional: not every item is scored yet)";
    return out;
}

void summary_section(const Framework& fw, const Scores& scores, const ReportSections& where,
                     std::string& html) {
    html += open_section(where, "summary", "Summary");
    html += "<p>" + std::to_string(scores.answered) + " of " + std::to_string(scores.item_count) +
            " " + esc(fw.item_label) + "s scored.</p>\n";
    if (!scores.aggregated) {
        html += "<p>This framework's scores are not added up.</p>\n</section>\n";
        return;
    }
    html += "<table><caption>Totals by " + esc(fw.group_label) +
            "</caption>\n<thead><tr><th scope=\"col\">" + esc(fw.group_label) +
            "</th><th scope=\"col\">Scored</th><th scope=\"col\">Total</th></tr></thead><tbody>\n";
    for (const GroupScore& g : scores.groups) {
        html += "<tr><th scope=\"row\">" + esc(g.code) + " " + esc(g.title) + "</th><td>" +
                std::to_string(g.answered) + " of " + std::to_string(g.item_count) + "</td><td>" +
                total_text(g.total, g.range) + "</td></tr>\n";
    }
    html += "</tbody><tfoot><tr><th scope=\"row\">Overall</th><td>" +
            std::to_string(scores.answered) + " of " + std::to_string(scores.item_count) +
            "</td><td>" + total_text(scores.total, scores.range) + "</td></tr></tfoot></table>\n";
    if (!fw.aggregation.overall_bands.empty()) {
        html += "<p>Overall rating: <strong>" + band_text(scores.band, scores.complete()) +
                "</strong></p>\n";
    }
    if (!fw.aggregation.note.empty()) html += "<p>" + esc(fw.aggregation.note) + "</p>\n";
    html += "</section>\n";
}

// ---- the rating from percentages (aggregation method "percentage") -------------------------

std::string heading(const ReportSections& where, int below, std::string_view id,
                    std::string_view text) {
    const std::string level = std::to_string(where.heading_level + below);
    return "<h" + level + " id=\"" + esc(where.id_prefix + std::string(id)) + "\">" + esc(text) +
           "</h" + level + ">\n";
}

std::string list_html(const std::vector<std::string>& lines, std::string_view tag = "ul") {
    std::string html = "<" + std::string(tag) + ">\n";
    for (const std::string& line : lines)
        html += "<li>" + esc(line) + "</li>\n";
    return html + "</" + std::string(tag) + ">\n";
}

void rating_method(const Rating& r, const ReportSections& where, std::string& html) {
    html += "<p>Method: " + esc(r.method_title.empty() ? "not named" : r.method_title) +
            ", applies from " + esc(r.applies_from.empty() ? "a date not known" : r.applies_from) +
            ".</p>\n";
    if (!r.steps.empty()) {
        html += heading(where, 1, "rating-steps", "How the rating is worked out");
        html += list_html(r.steps, "ol");
    }
    html += "<p>Rounding: " + esc(r.rounding) + ".</p>\n";
}

void rating_table(const Framework& fw, const Rating& r, std::string& html) {
    html += "<table><caption>Percentage and rating by " + esc(fw.group_label) +
            "</caption>\n<thead><tr><th scope=\"col\">" + esc(fw.group_label) +
            "</th><th scope=\"col\">Percentage</th><th scope=\"col\">Rating</th>"
            "<th scope=\"col\">Working</th></tr></thead><tbody>\n";
    for (const GroupRating& g : r.groups) {
        html += "<tr><th scope=\"row\">" + esc(g.code) + " " + esc(g.title) + "</th><td>" +
                (g.percent ? std::to_string(*g.percent) + "%" : std::string("Not scored")) +
                "</td><td>" +
                (g.needs_judgement  ? std::string("Needs your judgement")
                 : g.rating.empty() ? std::string("No rating yet")
                                    : esc(g.rating)) +
                "</td><td>" + esc(g.working) + "</td></tr>\n";
    }
    html += "</tbody></table>\n";
}

void rating_overall(const Rating& r, const ReportSections& where, std::string& html) {
    const OverallRating& o = r.overall;
    html += heading(where, 1, "rating-overall", "Overall rating");
    if (!o.rating.empty()) {
        html += "<p>Overall rating: <strong>" + esc(o.rating) + "</strong></p>\n";
    } else if (o.needs_judgement) {
        html += "<p>Overall rating: <strong>needs your judgement</strong> (see below)</p>\n";
    } else {
        html += "<p>Overall rating: <strong>not worked out yet</strong></p>\n";
    }
    if (!o.working.empty()) html += "<p>Working: " + esc(o.working) + "</p>\n";
    if (!o.rule.empty()) html += "<p>Rule: " + esc(o.rule) + "</p>\n";
    if (!o.unanswered.empty()) {
        html += "<p>Not answered yet (taken as no):</p>\n" + list_html(o.unanswered);
    }
    if (!r.rules_applied.empty()) html += "<p>Rules applied:</p>\n" + list_html(r.rules_applied);
}

void rating_rules(const OverallRules& rules, const ReportSections& where, std::string& html) {
    html += heading(where, 1, "rating-rules", rules.title.empty() ? "Rules" : rules.title);
    std::vector<std::string> lines;
    const auto add = [&lines](const RatingRule& rule) {
        std::string line = (rule.id.empty() ? "" : rule.id + ": ") + rule.text;
        if (!rule.provenance.confirmed) line += " (UNCONFIRMED: " + rule.provenance.note + ")";
        lines.push_back(std::move(line));
    };
    for (const RatingRule& rule : rules.principles)
        add(rule);
    for (const RatingCap& cap : rules.caps) {
        std::string line = cap.id + ": " + cap.text;
        if (!cap.provenance.confirmed) line += " (UNCONFIRMED: " + cap.provenance.note + ")";
        lines.push_back(std::move(line));
    }
    for (const RatingRule& rule : rules.judgement)
        add(rule);
    for (const RatingRule& rule : rules.rules)
        add(rule);
    if (!rules.otherwise.text.empty()) add(rules.otherwise);
    html += list_html(lines);
    if (!rules.note.empty()) html += "<p>" + esc(rules.note) + "</p>\n";
}

void rating_judgements(const Rating& r, const ReportSections& where, std::string& html) {
    if (r.judgements.empty()) return;
    const bool all_made = std::all_of(r.judgements.begin(), r.judgements.end(),
                                      [](const JudgementCall& j) { return j.made.has_value(); });
    html += heading(where, 1, "rating-judgements",
                    all_made ? "Your judgements, as recorded" : "Needs your judgement");
    html += all_made ? "<p>The rules left these decisions to you; this is what you recorded.</p>\n"
                     : "<p>The rules leave these decisions to you; record the rating you choose "
                       "and why.</p>\n";
    html += "<dl>\n";
    for (const JudgementCall& j : r.judgements) {
        html += "<dt>" + esc(j.about == "overall" ? std::string("Overall rating") : j.about) +
                ": " + esc(j.reason) + "</dt>\n";
        if (!j.note.empty()) html += "<dd>Why: " + esc(j.note) + "</dd>\n";
        std::string options;
        for (const std::string& o : j.options)
            options += (options.empty() ? "" : ", ") + o;
        html += "<dd>Options: " + esc(options) + "</dd>\n";
        html +=
            "<dd>" +
            (j.made ? "Your judgement: " + esc(j.made->rating) + " (" + esc(j.made->rationale) + ")"
                    : std::string("Your judgement: not recorded yet")) +
            "</dd>\n";
    }
    html += "</dl>\n";
}

void rating_unconfirmed(const Rating& r, const ReportSections& where, std::string& html) {
    if (r.unconfirmed.empty()) return;
    html += heading(where, 1, "rating-unconfirmed", "Rating facts not yet confirmed");
    html += "<ul>\n";
    for (const UnconfirmedFact& f : r.unconfirmed)
        html += "<li><strong>UNCONFIRMED:</strong> " + esc(f.what) + ". " + esc(f.note) + "</li>\n";
    html += "</ul>\n";
}

void rating_section(const Framework& fw, const Assessment& assessment, const ReportSections& where,
                    std::string& html) {
    const Result<Rating> r = rate(fw, rating_input(fw, assessment));
    html += open_section(where, "rating", "Rating");
    if (!r) {
        html += "<p>The rating could not be worked out: " + esc(r.error().reason) +
                "</p>\n</section>\n";
        return;
    }
    rating_method(*r, where, html);
    rating_table(fw, *r, html);
    rating_overall(*r, where, html);
    if (fw.aggregation.overall_rules) rating_rules(*fw.aggregation.overall_rules, where, html);
    rating_judgements(*r, where, html);
    rating_unconfirmed(*r, where, html);
    html += "</section>\n";
}

void unconfirmed_section(const Scores& scores, const ReportSections& where, std::string& html) {
    if (scores.unconfirmed.empty()) return;
    html += open_section(where, "unconfirmed", "Facts not yet confirmed") +
            "<p>These results rest on facts EqualityKit could not confirm "
            "against a published source:</p>\n<ul>\n";
    for (const UnconfirmedFact& f : scores.unconfirmed) {
        html += "<li><strong>UNCONFIRMED:</strong> " + esc(f.what) + ". " + esc(f.note) + "</li>\n";
    }
    html += "</ul>\n</section>\n";
}

// What the narrative cell says before the narrative: the item does not apply, the answer
// needs review, where it came from, the evidence category scores.
std::string answer_marks(const Framework& fw, const Assessment& assessment, const std::string& code,
                         const Answer& answer) {
    std::string html;
    if (!assessment.applies(code)) {
        html += "<p><strong>Does not apply to this service</strong> (your choice).</p>";
    }
    if (answer.needs_review) {
        html +=
            "<p><strong>Needs review:</strong> carried from elsewhere and not yet "
            "confirmed.</p>";
    }
    for (const AnswerSource& s : answer.sources) {
        html += "<p>From " + esc(s.from) + ", accepted by " + esc(s.accepted_by) + " on " +
                esc(s.accepted_on) + ".</p>";
    }
    for (const EvidenceCategory& c : fw.evidence_categories) {
        const auto it = answer.category_scores.find(c.code);
        if (it == answer.category_scores.end()) continue;
        html += "<p>" + esc(c.title) + ": " + std::to_string(it->second) + " – " +
                esc(score_label(fw, it->second)) + "</p>";
    }
    return html;
}

void item_rows(const Framework& fw, const Group& group, const Assessment& assessment,
               std::string& html) {
    for (const Item& item : group.items) {
        const Answer& answer = assessment.answer(item.code);
        html += "<tr><th scope=\"row\">" + esc(item.code) + " " + esc(item.title) +
                mark(item.provenance) + "</th><td>";
        if (answer.score) {
            const ScaleLevel* level = fw.scale.level(*answer.score);
            html += std::to_string(*answer.score) + " – " + esc(score_label(fw, answer.score));
            if (level != nullptr) html += mark(level->provenance);
        } else {
            html += "Not scored";
        }
        html += "</td><td>" + answer_marks(fw, assessment, item.code, answer) +
                (answer.narrative.empty() ? std::string("None given") : esc(answer.narrative));
        html += "</td>";
        if (fw.raters) {
            std::string raters;
            for (const std::string& r : answer.raters)
                raters += (raters.empty() ? "" : "; ") + esc(r);
            html += "<td>" + (raters.empty() ? std::string("Not recorded") : raters) + "</td>";
        }
        html += "</tr>\n";
    }
}

void group_section(const Framework& fw, const Group& group, const Assessment& assessment,
                   const ReportSections& where, std::string& html) {
    html += open_section(where, "group-" + group.code,
                         esc(fw.group_label) + " " + esc(group.code) + ": " + esc(group.title) +
                             mark(group.provenance));
    html += "<table><caption>Answers for " + esc(fw.group_label) + " " + esc(group.code) +
            "</caption>\n<thead><tr><th scope=\"col\">" + esc(fw.item_label) +
            "</th><th scope=\"col\">Score</th><th scope=\"col\">" + esc(fw.narrative.label) +
            "</th>";
    if (fw.raters) html += "<th scope=\"col\">" + esc(fw.raters->label) + "</th>";
    html += "</tr></thead><tbody>\n";
    item_rows(fw, group, assessment, html);
    html += "</tbody></table>\n</section>\n";
}

void scale_section(const Framework& fw, const ReportSections& where, std::string& html) {
    html +=
        open_section(where, "scale", "Scale: " + esc(fw.scale.title) + mark(fw.scale.provenance));
    if (!fw.scale.official) {
        html += "<p><strong>Not an official scale.</strong> " + esc(fw.scale.rationale) + "</p>\n";
    }
    html += "<dl>\n";
    for (const ScaleLevel& level : fw.scale.levels) {
        html += "<dt>" + std::to_string(level.value) + " – " + esc(level.label) +
                mark(level.provenance) + "</dt><dd>" +
                (level.description.empty() ? "No description" : esc(level.description)) + "</dd>\n";
    }
    html += "</dl>\n</section>\n";
}

}  // namespace

std::string report_page_start(std::string_view title) {
    return "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<title>" +
           esc(title) + "</title>\n<style>" + report_style +
           "</style>\n</head>\n<body>\n"
           "<a class=\"skip\" href=\"#main\">Skip to the report</a>\n"
           "<main id=\"main\">\n";
}

std::string report_page_end() {
    return "</main>\n<footer><p>Made with EqualityKit.</p></footer>\n</body>\n</html>\n";
}

std::string report_framework_line(const Framework& fw) {
    return "<p>Framework: " + esc(fw.title) + " (" + esc(fw.id) + ", version " + esc(fw.version) +
           "). Source: " + esc(fw.source.title) + mark(fw.source.provenance) + ".</p>\n";
}

void append_report_sections(const Framework& fw, const Assessment& assessment,
                            const ReportSections& where, std::string& html) {
    const Scores scores = compute_scores(fw, assessment);
    summary_section(fw, scores, where, html);
    detail::append_impact_sections(fw, assessment, where, html);
    if (fw.aggregation.method == AggregationMethod::percentage)
        rating_section(fw, assessment, where, html);
    unconfirmed_section(scores, where, html);
    for (const Group& group : fw.groups)
        group_section(fw, group, assessment, where, html);
    scale_section(fw, where, html);
}

std::string render_report_html(const Framework& fw, const Assessment& assessment) {
    const std::string heading =
        assessment.title.empty() ? fw.title + " self-assessment" : assessment.title;
    std::string html = report_page_start(heading + " – EqualityKit report");
    html += "<h1>" + esc(heading) + "</h1>\n";
    html += report_framework_line(fw);
    append_report_sections(fw, assessment, ReportSections{}, html);
    html += report_page_end();
    return html;
}

}  // namespace eqkit
