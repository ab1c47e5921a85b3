// The report's impact assessment sections: version and sign-off (any assessment that can be
// signed), the form's fields, one table row per characteristic or group, and the risk matrix
// as a table (a band is named in words in every cell, never shown by colour alone).
#include "impact_report.hpp"

#include "eqkit/impact.hpp"
#include "eqkit/text.hpp"

namespace eqkit::detail {
namespace {

std::string h(std::string_view s) {
    return html_escape(s);
}

std::string unconfirmed_html(const Provenance& p) {
    return p.confirmed ? std::string()
                       : " <strong class=\"unconfirmed\">(UNCONFIRMED: " + h(p.note) + ")</strong>";
}

std::string section_start(const ReportSections& where, std::string_view id,
                          std::string_view title) {
    const std::string full = h(where.id_prefix) + std::string(id);
    const std::string n = std::to_string(where.heading_level);
    return "<section aria-labelledby=\"" + full + "\"><h" + n + " id=\"" + full + "\">" + h(title) +
           "</h" + n + ">\n";
}

// A wide table scrolls inside its own region on a phone instead of widening the page (WCAG
// 1.4.10); the region is focusable so it can be scrolled by keyboard.
std::string wide_start(std::string_view label) {
    return "<div class=\"wide\" role=\"region\" tabindex=\"0\" aria-label=\"" + h(label) + "\">";
}

std::string signoff_text(const Signoff& s) {
    return "signed off by " + h(s.name) + " (" + h(s.role) + ") on " + h(s.date);
}

void version_section(const Framework& fw, const Assessment& a, const ReportSections& where,
                     std::string& html) {
    html += section_start(where, "version", "Version and sign-off");
    html += "<p>This is <strong>version " + std::to_string(a.trail.version) + "</strong>, " +
            (a.trail.signoff ? signoff_text(*a.trail.signoff)
                             : std::string("not signed off yet (a draft)")) +
            ".</p>\n";
    if (fw.signoff)
        html += "<p>" + h(fw.signoff->title) + ": " + h(fw.signoff->statement) + "</p>\n";
    if (!a.trail.changes.empty()) {
        html += "<p>Changes after an earlier version was signed off:</p>\n<ul>\n";
        for (const VersionChange& c : a.trail.changes)
            html += "<li>Version " + std::to_string(c.version) + ": " + h(c.change) + "</li>\n";
        html += "</ul>\n";
    }
    if (!a.trail.earlier_versions.empty()) {
        html += "<p>" + std::to_string(a.trail.earlier_versions.size()) +
                " earlier signed version(s) are kept unchanged in the assessment file.</p>\n";
    }
    html += "</section>\n";
}

void fields_section(const Framework& fw, const Assessment& a, const ReportSections& where,
                    std::string& html) {
    html += section_start(where, "form", "About the assessment");
    std::string section;
    for (const FormField& f : fw.fields) {
        if (f.section != section) {
            html += (section.empty() ? "" : "</dl>\n") + std::string("<h") +
                    std::to_string(where.heading_level + 1) + ">" + h(f.section) + "</h" +
                    std::to_string(where.heading_level + 1) + ">\n<dl>\n";
            section = f.section;
        }
        const auto it = a.form.fields.find(f.id);
        html += "<dt>" + h(f.label) + "</dt><dd class=\"note\">" +
                (it == a.form.fields.end() ? std::string("Not answered") : h(it->second)) +
                "</dd>\n";
    }
    if (!section.empty()) html += "</dl>\n";
    html += "</section>\n";
}

std::string level_label(const RowScale& scale, const std::string& value) {
    const RowLevel* l = scale.level(value);
    return l == nullptr ? std::string("Not rated") : h(l->label);
}

std::string risk_cell(const RiskMatrix& m, const std::optional<RiskRating>& r) {
    if (!r) return "Not scored";
    Result<RiskResult> risk = assess_risk(m, *r);
    if (!risk) return h(risk.error().reason);
    std::string out = "Likelihood " + std::to_string(r->likelihood) + " × impact " +
                      std::to_string(r->impact) + " = " + std::to_string(risk->score);
    if (risk->band != nullptr) {
        out += ": " + h(risk->band->label) + unconfirmed_html(risk->band->provenance);
    }
    return out;
}

// A short table (characteristic, relevance, impact, risk before and after) that fits a phone
// or a 1280-pixel screen, then each row's reason and texts under its own heading: ten columns
// of free text side by side could not be read.
void rows_section(const Framework& fw, const Assessment& a, const ReportSections& where,
                  std::string& html) {
    const RowsSpec& spec = *fw.rows;
    html += section_start(where, "rows", spec.title);
    html += wide_start(spec.title) + "<table><caption>" + h(spec.title) +
            "</caption>\n<thead><tr><th scope=\"col\">" + h(spec.label) +
            "</th><th scope=\"col\">" + h(spec.relevance.label) + "</th><th scope=\"col\">" +
            h(spec.impact.label) + "</th>";
    if (fw.risk_matrix) {
        html +=
            "<th scope=\"col\">Risk before mitigation</th><th scope=\"col\">Risk after "
            "mitigation</th>";
    }
    html += "</tr></thead><tbody>\n";
    std::string details;
    const std::string n = std::to_string(where.heading_level + 1);
    for (const RowSubject& s : spec.subjects) {
        const auto it = a.form.rows.find(s.id);
        const RowAnswer row = it == a.form.rows.end() ? RowAnswer{} : it->second;
        html += "<tr><th scope=\"row\">" + h(s.title) + unconfirmed_html(s.provenance) +
                (s.note_on_duty.empty() ? "" : "<br>" + h(s.note_on_duty)) + "</th><td>" +
                level_label(spec.relevance, row.relevance) + "</td><td>" +
                level_label(spec.impact, row.impact) + "</td>";
        if (fw.risk_matrix) {
            html += "<td>" + risk_cell(*fw.risk_matrix, row.risk_before) + "</td><td>" +
                    risk_cell(*fw.risk_matrix, row.risk_after) + "</td>";
        }
        html += "</tr>\n";
        if (row.reason.empty() && row.texts.empty()) continue;
        details += "<h" + n + ">" + h(s.title) + "</h" + n + ">\n<dl>\n";
        if (!row.reason.empty())
            details += "<dt>" + h(spec.reason_label) + "</dt><dd class=\"note\">" + h(row.reason) +
                       "</dd>\n";
        for (const RowText& t : spec.texts) {
            const auto text = row.texts.find(t.id);
            if (text == row.texts.end()) continue;
            details +=
                "<dt>" + h(t.label) + "</dt><dd class=\"note\">" + h(text->second) + "</dd>\n";
        }
        details += "</dl>\n";
    }
    html += "</tbody></table></div>\n" + details + "</section>\n";
}

}  // namespace

std::string risk_matrix_table(const RiskMatrix& m) {
    std::string html =
        wide_start(m.title) + "<table><caption>" + h(m.title) + unconfirmed_html(m.provenance) +
        ": the score and band for each likelihood (rows) and " + h(m.impact.title) +
        " (columns)</caption>\n<thead><tr><th scope=\"col\">" + h(m.likelihood.title) + "</th>";
    for (const AxisLevel& i : m.impact.levels) {
        html += "<th scope=\"col\">" + std::to_string(i.value) + " " + h(i.label) +
                unconfirmed_html(i.provenance) + "</th>";
    }
    html += "</tr></thead><tbody>\n";
    for (auto l = m.likelihood.levels.rbegin(); l != m.likelihood.levels.rend(); ++l) {
        html += "<tr><th scope=\"row\">" + std::to_string(l->value) + " " + h(l->label) +
                unconfirmed_html(l->provenance) + "</th>";
        for (const AxisLevel& i : m.impact.levels) {
            const int score = l->value * i.value;
            const Band* band = band_for(m.bands, score);
            html += "<td>" + std::to_string(score) +
                    (band == nullptr ? ""
                                     : ": " + h(band->label) + unconfirmed_html(band->provenance)) +
                    "</td>";
        }
        html += "</tr>\n";
    }
    html += "</tbody></table></div>\n";
    if (!m.note.empty()) html += "<p>" + h(m.note) + "</p>\n";
    return html;
}

void append_impact_sections(const Framework& fw, const Assessment& a, const ReportSections& where,
                            std::string& html) {
    if (!fw.signoff && a.trail.version == 1 && !a.trail.signoff) return;
    version_section(fw, a, where, html);
    if (!fw.fields.empty()) fields_section(fw, a, where, html);
    if (fw.rows) rows_section(fw, a, where, html);
    if (fw.risk_matrix) {
        html += section_start(where, "risk-matrix", "Risk matrix");
        html += risk_matrix_table(*fw.risk_matrix) + "</section>\n";
    }
}

}  // namespace eqkit::detail
