#include "eqkit/report.hpp"

#include "eqkit/scoring.hpp"
#include "eqkit/text.hpp"

namespace eqkit {
namespace {

constexpr const char* report_style = R"(
body{font-family:Arial,"Liberation Sans",sans-serif;font-size:1.1875rem;line-height:1.5;
max-width:60rem;margin:0 auto;padding:1rem;color:#212b32;background:#fff}
table{border-collapse:collapse;width:100%;margin:1rem 0}
th,td{border:1px solid #4c6272;padding:.5rem;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:bold;padding:.5rem 0}
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
        html += "</td><td>" +
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
