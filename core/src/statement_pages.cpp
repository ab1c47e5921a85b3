// Statement report pages: one page section per quality statement in the shape of a CQC local
// authority report page (the score with its wording, the I statement, the We statement, and
// narrative sections under their headings). The I and We statement texts are the user's own:
// EqualityKit's reference does not give CQC's, so nothing here is taken for CQC's words.
#include "eqkit/rating.hpp"
#include "eqkit/report.hpp"
#include "eqkit/scoring.hpp"
#include "eqkit/text.hpp"

namespace eqkit {
namespace {

std::string esc(std::string_view s) {
    return html_escape(s);
}

std::string paragraphs(std::string_view text) {
    return "<p class=\"note\">" + esc(text) + "</p>\n";
}

// The framework's own statement of this kind (say, a We statement gist), marked as it is.
std::string framework_statement(const Item& item, std::string_view label) {
    std::string html;
    for (const Statement& s : item.statements) {
        if (s.label != label) continue;
        html += "<p>From the framework file" +
                std::string(s.official ? "" : " (EqualityKit's paraphrase, not CQC's text)") +
                ": " + esc(s.text) + "</p>\n";
        if (!s.provenance.confirmed) {
            html += "<p><strong>UNCONFIRMED:</strong> " + esc(s.provenance.note) + "</p>\n";
        }
    }
    return html;
}

std::string statement_block(const Item& item, std::string_view label, const std::string& yours,
                            const std::string& id) {
    std::string html = "<h4 id=\"" + esc(id) + "\">" + esc(label) + "</h4>\n";
    html += framework_statement(item, label);
    if (yours.empty()) {
        html += "<p>Not written yet. EqualityKit's reference does not include CQC's " + esc(label) +
                " for this statement, so it is left for you to enter.</p>\n";
    } else {
        html += "<p>Your text (entered by you, not taken from CQC):</p>\n" + paragraphs(yours);
    }
    return html;
}

std::string score_line(const Framework& fw, const Answer& answer) {
    if (answer.score) {
        return "<p>Score: <strong>" + std::to_string(*answer.score) + " – " +
               esc(score_label(fw, answer.score)) + "</strong></p>\n";
    }
    return "<p>Score: <strong>not scored yet</strong></p>\n";
}

void statement_page(const Framework& fw, const Item& item, const Answer& answer,
                    std::string& html) {
    const std::string id = "statement-" + item.code;
    html += "<section aria-labelledby=\"" + esc(id) + "\"><h3 id=\"" + esc(id) + "\">" +
            esc(fw.item_label) + ": " + esc(item.title) + "</h3>\n";
    html += score_line(fw, answer);
    if (answer.needs_review) {
        html +=
            "<p><strong>Needs review:</strong> carried from elsewhere and not yet "
            "confirmed.</p>\n";
    }
    html += statement_block(item, "I statement", answer.i_statement, id + "-i");
    html += statement_block(item, "We statement", answer.we_statement, id + "-we");
    if (!answer.narrative.empty()) {
        html += "<h4 id=\"" + esc(id) + "-narrative\">" + esc(fw.narrative.label) + "</h4>\n" +
                paragraphs(answer.narrative);
    }
    for (std::size_t i = 0; i < answer.sections.size(); ++i) {
        html += "<h4 id=\"" + esc(id) + "-section-" + std::to_string(i + 1) + "\">" +
                esc(answer.sections[i].heading) + "</h4>\n" + paragraphs(answer.sections[i].text);
    }
    html += "</section>\n";
}

void overall_line(const Framework& fw, const Assessment& assessment, std::string& html) {
    const Result<Rating> r = rate(fw, rating_input(fw, assessment));
    if (!r) return;
    const OverallRating& o = r->overall;
    html += "<p>Overall rating: <strong>" +
            (o.rating.empty() ? std::string("not worked out yet") : esc(o.rating)) + "</strong>";
    if (o.percent) html += " (" + std::to_string(*o.percent) + "%)";
    html += "</p>\n";
    if (!o.working.empty()) html += "<p>Working: " + esc(o.working) + "</p>\n";
    for (const UnconfirmedFact& f : r->unconfirmed)
        html += "<p><strong>UNCONFIRMED:</strong> " + esc(f.what) + ". " + esc(f.note) + "</p>\n";
}

}  // namespace

std::string render_statement_pages_html(const Framework& fw, const Assessment& assessment) {
    const std::string heading =
        assessment.title.empty() ? fw.title + ": report pages" : assessment.title;
    std::string html = report_page_start(heading + " – EqualityKit");
    html += "<h1>" + esc(heading) + "</h1>\n" + report_framework_line(fw);
    if (fw.aggregation.method == AggregationMethod::percentage) overall_line(fw, assessment, html);
    for (const Group& g : fw.groups) {
        const std::string id = "group-" + g.code;
        html += "<section aria-labelledby=\"" + esc(id) + "\"><h2 id=\"" + esc(id) + "\">" +
                esc(fw.group_label) + " " + esc(g.code) + ": " + esc(g.title) + "</h2>\n";
        for (const Item& item : g.items) {
            if (assessment.applies(item.code))
                statement_page(fw, item, assessment.answer(item.code), html);
        }
        html += "</section>\n";
    }
    return html + report_page_end();
}

}  // namespace eqkit
