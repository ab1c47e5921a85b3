#include "pack_report.hpp"

#include <map>

#include "eqkit/evidence_index.hpp"
#include "eqkit/report.hpp"
#include "eqkit/text.hpp"

namespace eqkit::detail {
namespace {

std::string esc(std::string_view s) {
    return html_escape(s);
}

std::string link(std::string_view path, std::string_view text) {
    return "<a href=\"" + esc(relative_url(path)) + "\">" + esc(text) + "</a>";
}

// The index row of an item, "item-eds2022-1A", for links from the evidence library.
std::string item_anchor(std::string_view ref) {
    std::string id = "item-";
    for (const char c : ref)
        id += c == ':' ? '-' : c;
    return id;
}

std::string with_commas(std::uint64_t n) {
    std::string digits = std::to_string(n);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(static_cast<std::size_t>(i), ",");
    return digits;
}

std::string period(const Evidence& e) {
    if (e.effective_to.empty()) return e.effective_from;
    return e.effective_from + " to " + e.effective_to;
}

void about_section(const WorkspaceFolder& ws, const Manifest& m, std::string& html) {
    html += "<section aria-labelledby=\"about\"><h2 id=\"about\">About this pack</h2>\n";
    if (m.signer_fingerprint.empty()) {
        html +=
            "<p><strong>This pack is not signed.</strong> Running <code>eqkit pack verify</code> "
            "checks that every file matches the list in <code>manifest.json</code>, but it "
            "cannot show who made the pack.</p>\n";
    } else {
        html +=
            "<p><strong>This pack is signed</strong> with the key whose fingerprint is "
            "<strong><code>" +
            esc(m.signer_fingerprint) +
            "</code></strong>. Ask the provider to confirm this fingerprint, then run "
            "<code>eqkit pack verify</code> to check the signature and that no file has "
            "changed.</p>\n";
    }
    html += "<p>Made with " + esc(m.tool_name) + " version " + esc(m.tool_version) +
            " (pack format " + esc(pack_format) +
            "). <code>manifest.json</code> lists every file with its size and SHA-256.</p>\n";
    html +=
        "<table><caption>Frameworks used</caption>\n<thead><tr><th scope=\"col\">Framework"
        "</th><th scope=\"col\">Version</th><th scope=\"col\">SHA-256 of the framework file"
        "</th></tr></thead><tbody>\n";
    for (const ManifestFramework& fw : m.frameworks) {
        html += "<tr><th scope=\"row\">" + esc(fw.title) + " (" + esc(fw.id) + ")</th><td>" +
                esc(fw.version) + "</td><td><code>" + esc(fw.sha256) + "</code></td></tr>\n";
    }
    html += "</tbody></table>\n<nav aria-label=\"Contents\"><h3>Contents</h3><ul>\n";
    for (const StoredAssessment& a : ws.assessments()) {
        const std::string title = a.assessment.title.empty() ? a.entry.id : a.assessment.title;
        html +=
            "<li><a href=\"#a-" + esc(a.entry.id) + "\">Assessment: " + esc(title) + "</a></li>\n";
    }
    html +=
        "<li><a href=\"#evidence-by-item\">Evidence for each item</a></li>\n"
        "<li><a href=\"#evidence-library\">Evidence library</a></li>\n"
        "<li>" +
        link(answers_name, "All answers as a spreadsheet (answers.csv)") +
        "</li>\n</ul></nav>\n</section>\n";
}

void assessment_sections(const WorkspaceFolder& ws, std::string& html) {
    for (const StoredAssessment& a : ws.assessments()) {
        const Framework* fw = ws.registry().find(a.entry.framework);
        if (fw == nullptr) continue;
        const std::string id = "a-" + a.entry.id;
        const std::string title =
            a.assessment.title.empty() ? fw->title + " self-assessment" : a.assessment.title;
        html += "<section aria-labelledby=\"" + esc(id) + "\"><h2 id=\"" + esc(id) +
                "\">Assessment: " + esc(title) + "</h2>\n" + report_framework_line(*fw) +
                "<p>The assessment file: " + link(a.entry.file, a.entry.file) + "</p>\n";
        append_report_sections(*fw, a.assessment, ReportSections{3, id + "-"}, html);
        html += "</section>\n";
    }
}

std::string status_text(const ItemEvidence& item) {
    if (item.missing()) return "<strong>Missing:</strong> no evidence";
    const std::size_t n = item.evidence.size();
    return std::to_string(n) + (n == 1 ? " piece" : " pieces") + " of evidence";
}

void index_section(const WorkspaceFolder& ws, std::string& html) {
    html +=
        "<section aria-labelledby=\"evidence-by-item\"><h2 id=\"evidence-by-item\">Evidence "
        "for each item</h2>\n<p>Expiry dates are shown as recorded; compare them with "
        "today's date.</p>\n";
    // No "today" here: the report must not change from one day to the next.
    const std::vector<ItemEvidence> items = evidence_by_item(ws, "");
    const Framework* current = nullptr;
    for (const ItemEvidence& item : items) {
        if (item.framework != current) {
            if (current != nullptr) html += "</tbody></table>\n";
            current = item.framework;
            html += "<table><caption>" + esc(current->title) + " (" + esc(current->id) +
                    ", version " + esc(current->version) +
                    ")</caption>\n<thead><tr><th scope=\"col\">" + esc(current->item_label) +
                    "</th><th scope=\"col\">Evidence</th><th scope=\"col\">Status</th></tr>"
                    "</thead><tbody>\n";
        }
        html += "<tr id=\"" + esc(item_anchor(item.ref())) + "\"><th scope=\"row\">" +
                esc(item.item->code) + " " + esc(item.item->title) + "</th><td>";
        if (item.evidence.empty()) {
            html += "None";
        } else {
            html += "<ul>";
            for (const Evidence* e : item.evidence) {
                html += "<li><a href=\"#ev-" + esc(e->id) + "\">" + esc(e->title) + "</a>";
                if (!e->expires.empty()) html += " (expires " + esc(e->expires) + ")";
                html += "</li>";
            }
            html += "</ul>";
        }
        html += "</td><td>" + status_text(item) + "</td></tr>\n";
    }
    if (current != nullptr) html += "</tbody></table>\n";
    html += "</section>\n";
}

void entry(std::string& html, std::string_view term, const std::string& value_html) {
    html += "<dt>" + std::string(term) + "</dt><dd>" + value_html + "</dd>\n";
}

void evidence_article(const ManifestEvidence& m, const WorkspaceFolder& ws, std::string& html) {
    const Evidence& e = m.evidence;
    const std::string id = "ev-" + e.id;
    html += "<article aria-labelledby=\"" + esc(id) + "\"><h3 id=\"" + esc(id) + "\">" +
            esc(e.title) + "</h3>\n<dl>\n";
    switch (e.kind) {
        case EvidenceKind::file:
            entry(html, "File",
                  link(m.path, e.original_name) + " (" + esc(e.media_type) + ", " +
                      with_commas(e.size) + " bytes)");
            entry(html, "SHA-256", "<code>" + esc(e.sha256) + "</code>");
            break;
        case EvidenceKind::link:
            entry(html, "Link",
                  "<a href=\"" + esc(e.url) + "\" rel=\"noopener noreferrer\">" + esc(e.url) +
                      "</a> (on the web: not part of the pack, and it may change)");
            break;
        case EvidenceKind::note:
            entry(html, "Note", "<p class=\"note\">" + esc(e.text) + "</p>");
            break;
    }
    if (!e.description.empty()) entry(html, "Description", esc(e.description));
    entry(html, e.effective_to.empty() ? "Effective date" : "Period covered", esc(period(e)));
    entry(html, "Expires", e.expires.empty() ? "No expiry date" : esc(e.expires));
    entry(html, "Added", "On " + esc(e.added_on) + " by " + esc(e.added_by));
    std::string supports;
    for (const std::string& ref : e.supports) {
        std::string text = ref;
        if (Result<ItemRef> r = parse_item_ref(ref)) {
            if (const Framework* fw = ws.registry().find(r->framework)) {
                if (const Item* item = fw->find_item(r->code)) text += " " + item->title;
            }
        }
        supports += "<li><a href=\"#" + esc(item_anchor(ref)) + "\">" + esc(text) + "</a></li>";
    }
    entry(html, "Supports",
          supports.empty() ? std::string("Not attached to any item") : "<ul>" + supports + "</ul>");
    html += "</dl>\n</article>\n";
}

}  // namespace

std::string relative_url(std::string_view path) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : path) {
        const auto u = static_cast<unsigned char>(c);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            out += c;
        } else {
            out += '%';
            out += hex[u >> 4];
            out += hex[u & 0x0f];
        }
    }
    return out;
}

std::string render_pack_report(const WorkspaceFolder& ws, const Manifest& m) {
    std::string html = report_page_start("Evidence pack – EqualityKit");
    html += "<h1>Evidence pack</h1>\n";
    about_section(ws, m, html);
    assessment_sections(ws, html);
    index_section(ws, html);
    html +=
        "<section aria-labelledby=\"evidence-library\"><h2 id=\"evidence-library\">Evidence "
        "library</h2>\n";
    if (m.evidence.empty()) html += "<p>This pack holds no evidence.</p>\n";
    for (const ManifestEvidence& e : m.evidence)
        evidence_article(e, ws, html);
    html += "</section>\n" + report_page_end();
    return html;
}

}  // namespace eqkit::detail
