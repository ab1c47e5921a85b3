// The accessible HTML report of WRES/WDES results: one self-contained page with headings,
// captioned tables (th scope), charts as inline SVG with a text alternative (the same numbers are
// in the tables), meaning in words and never in colour alone, UNCONFIRMED facts marked in words.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "eqkit/text.hpp"
#include "eqkit/workforce_report.hpp"

namespace eqkit::workforce {
namespace {

constexpr const char* style = R"(
body{font-family:Arial,"Liberation Sans",sans-serif;font-size:1.1875rem;line-height:1.5;
max-width:66rem;margin:0 auto;padding:1rem;color:#212b32;background:#fff}
p,li,dd,caption{overflow-wrap:anywhere}
h1{font-size:2rem;line-height:1.25}h2{margin-top:2.5rem;border-top:2px solid #4c6272;padding-top:1rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;min-width:50%}
th,td{border:1px solid #4c6272;padding:.4rem .6rem;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
caption{text-align:left;font-weight:bold;padding:.5rem 0}
.wrap{overflow-x:auto;max-width:100%;position:relative}.wrap:focus{outline:3px solid #ffeb3b}
.unconfirmed{font-weight:bold}.vh{position:absolute;width:1px;height:1px;overflow:hidden;
clip:rect(0 0 0 0);white-space:nowrap}
.result{font-size:1.3rem;border-left:6px solid #005eb8;padding-left:1rem}
svg{max-width:100%;height:auto;display:block;margin:.5rem 0 1rem}
svg text{font-family:Arial,"Liberation Sans",sans-serif;fill:#212b32}
a{color:#005eb8}a:focus{outline:3px solid #ffeb3b;background:#ffeb3b;color:#212b32}
.skip{position:absolute;left:-9999px}.skip:focus{position:static}
@media (forced-colors:active){th,td{border-color:CanvasText}svg text{fill:CanvasText}}
)";

std::string esc(std::string_view s) {
    return html_escape(s);
}

std::string num(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string out = buf;
    // "-0.0": a tiny negative rounded to nothing reads as zero.
    if (out[0] == '-' && out.find_first_not_of("-0.") == std::string::npos) out.erase(0, 1);
    return out;
}

std::string with_commas(std::int64_t v) {
    std::string digits = std::to_string(v < 0 ? -v : v);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return v < 0 ? "-" + out : out;
}

std::string unconfirmed(const Provenance& p) {
    if (p.confirmed) return "";
    return " <strong class=\"unconfirmed\">UNCONFIRMED:</strong> " + esc(p.note);
}

std::string hidden_mark() {
    return "<span aria-hidden=\"true\">" + std::string(suppressed_mark) +
           "</span><span class=\"vh\">suppressed</span>";
}

std::string state_cell(State s) {
    switch (s) {
        case State::suppressed:
            return hidden_mark();
        case State::not_given:
            return "not given";
        case State::not_calculable:
            return "not calculable";
        case State::shown:
            break;
    }
    return "";
}

std::string count_cell(const Count& c) {
    if (c.state != State::shown) return "<td class=\"n\">" + state_cell(c.state) + "</td>";
    return "<td class=\"n\">" + with_commas(c.value) + "</td>";
}

template <class Format>
std::string figure_cell(const Figure& f, Format format) {
    if (f.state != State::shown) return "<td class=\"n\">" + state_cell(f.state) + "</td>";
    return "<td class=\"n\">" + format(f.value) + "</td>";
}

std::string percent(double v) {
    return num(v, 1) + "%";
}

std::string ratio(double v) {
    return num(v, 2);
}

std::string points(double v) {
    return (v > 0 && num(v, 1) != "0.0" ? "+" : "") + num(v, 1);
}

std::string table_start(const std::string& id, const std::string& caption) {
    return "<div class=\"wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"" + id +
           "\"><table><caption id=\"" + id + "\">" + caption + "</caption>\n";
}

constexpr const char* table_end = "</table></div>\n";

std::string th_col(std::string_view text) {
    return "<th scope=\"col\">" + esc(text) + "</th>";
}

// ---- charts -------------------------------------------------------------------------------

// Indicator 1: the focus group's share of each row, beside the whole workforce's.
std::string bands_chart(const Definitions& defs, const std::string& id, const std::string& title,
                        const std::vector<const RowResult*>& rows, const Figure& overall) {
    const std::size_t f = defs.focus_group;
    const std::string& focus = defs.groups[f].label;
    double top = 10;
    for (const RowResult* r : rows)
        if (r->percents[f].state == State::shown) top = std::max(top, r->percents[f].value);
    if (overall.state == State::shown) top = std::max(top, overall.value);
    top = std::ceil(top / 10) * 10;
    const int left = 230;
    const int width = 420;
    const int bar = 22;
    const int gap = 8;
    const int height = 40 + static_cast<int>(rows.size()) * (bar + gap) + 30;
    auto x_of = [&](double v) { return left + static_cast<double>(width) * v / top; };
    std::string desc = "Bar chart: percentage of " + focus + " staff in each row. ";
    std::string svg = "<svg role=\"img\" aria-labelledby=\"" + id + "-t " + id +
                      "-d\" viewBox=\"0 0 " + std::to_string(left + width + 90) + " " +
                      std::to_string(height) + "\" width=\"" + std::to_string(left + width + 90) +
                      "\">";
    int y = 30;
    std::string bars;
    for (const RowResult* r : rows) {
        const Figure& p = r->percents[f];
        bars += "<text x=\"" + std::to_string(left - 8) + "\" y=\"" + std::to_string(y + 16) +
                "\" text-anchor=\"end\" font-size=\"14\">" + esc(r->label) + "</text>";
        if (p.state == State::shown) {
            bars += "<rect x=\"" + std::to_string(left) + "\" y=\"" + std::to_string(y) +
                    "\" width=\"" + num(x_of(p.value) - left, 1) + "\" height=\"" +
                    std::to_string(bar) + "\" fill=\"#005eb8\"/>";
            bars += "<text x=\"" + num(x_of(p.value) + 6, 1) + "\" y=\"" + std::to_string(y + 16) +
                    "\" font-size=\"14\">" + percent(p.value) + "</text>";
            desc += r->label + " " + percent(p.value) + "; ";
        } else {
            const std::string word = p.state == State::suppressed
                                         ? std::string(suppressed_mark) + " suppressed"
                                         : state_text(p.state);
            bars += "<text x=\"" + std::to_string(left + 6) + "\" y=\"" + std::to_string(y + 16) +
                    "\" font-size=\"14\">" + esc(word) + "</text>";
            desc += r->label + " " + word + "; ";
        }
        y += bar + gap;
    }
    std::string line;
    if (overall.state == State::shown) {
        const std::string x = num(x_of(overall.value), 1);
        line = "<line x1=\"" + x + "\" y1=\"22\" x2=\"" + x + "\" y2=\"" + std::to_string(y) +
               "\" stroke=\"#212b32\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
               "<text x=\"" +
               x + "\" y=\"16\" text-anchor=\"middle\" font-size=\"14\">Whole workforce " +
               percent(overall.value) + " (dashed line)</text>";
        desc += "whole workforce " + percent(overall.value) + " (the dashed line).";
    }
    svg += "<title id=\"" + id + "-t\">" + esc(title) + "</title><desc id=\"" + id + "-d\">" +
           esc(desc) + " The same figures are in the table above.</desc>";
    svg += "<line x1=\"" + std::to_string(left) + "\" y1=\"24\" x2=\"" + std::to_string(left) +
           "\" y2=\"" + std::to_string(y) + "\" stroke=\"#4c6272\"/>";
    svg += bars + line;
    svg += "<text x=\"" + std::to_string(left) + "\" y=\"" + std::to_string(y + 20) +
           "\" font-size=\"13\">0%</text><text x=\"" + std::to_string(left + width) + "\" y=\"" +
           std::to_string(y + 20) + "\" text-anchor=\"end\" font-size=\"13\">" + percent(top) +
           "</text></svg>\n";
    return svg;
}

struct RatioRow {
    std::string label;
    const Likelihood* l;
};

// Indicators 2 to 4: each period's ratio with its interval, on a log scale around 1.00.
std::string ratio_chart(const Definitions& defs, const std::string& id, const std::string& title,
                        const std::vector<RatioRow>& rows) {
    double lo = 0.5;
    double hi = 2.0;
    for (const RatioRow& r : rows) {
        if (r.l->ratio.state != State::shown) continue;
        lo = std::min(lo, r.l->ratio.value);
        hi = std::max(hi, r.l->ratio.value);
        if (r.l->lower.state == State::shown) {
            lo = std::min(lo, r.l->lower.value);
            hi = std::max(hi, r.l->upper.value);
        }
    }
    lo = std::max(lo / 1.2, 0.02);
    hi = std::min(hi * 1.2, 50.0);
    const int left = 200;
    const int width = 460;
    const int row_h = 44;
    const int top = 56;
    const int height = top + static_cast<int>(rows.size()) * row_h + 40;
    auto x_of = [&](double v) {
        v = std::clamp(v, lo, hi);
        return left + width * (std::log(v) - std::log(lo)) / (std::log(hi) - std::log(lo));
    };
    const std::string g_lo = num(x_of(defs.guide.lower), 1);
    const std::string g_hi = num(x_of(defs.guide.upper), 1);
    const std::string one = num(x_of(1.0), 1);
    const int bottom = top + static_cast<int>(rows.size()) * row_h;
    std::string svg = "<svg role=\"img\" aria-labelledby=\"" + id + "-t " + id +
                      "-d\" viewBox=\"0 0 " + std::to_string(left + width + 40) + " " +
                      std::to_string(height) + "\" width=\"" + std::to_string(left + width + 40) +
                      "\">";
    std::string desc =
        "Chart of the relative likelihood with its 95% confidence interval (" +
        std::string(interval_method) +
        ") on a logarithmic scale; 1.00 means equal "
        "likelihood. The hatched band from " +
        ratio(defs.guide.lower) + " to " + ratio(defs.guide.upper) +
        " is the four-fifths guide, which is not an official threshold (unconfirmed). ";
    svg += "<defs><pattern id=\"" + id +
           "-h\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" "
           "patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#f0f4f5\"/>"
           "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#768692\" "
           "stroke-width=\"2\"/></pattern></defs>";
    svg += "<rect x=\"" + g_lo + "\" y=\"" + std::to_string(top - 8) + "\" width=\"" +
           num(x_of(defs.guide.upper) - x_of(defs.guide.lower), 1) + "\" height=\"" +
           std::to_string(bottom - top + 8) + "\" fill=\"url(#" + id + "-h)\"/>";
    svg += "<text x=\"" + num((x_of(defs.guide.lower) + x_of(defs.guide.upper)) / 2, 1) +
           "\" y=\"" + std::to_string(top - 30) +
           "\" text-anchor=\"middle\" font-size=\"13\">"
           "Hatched: four-fifths guide (not official, unconfirmed)</text>";
    svg += "<line x1=\"" + one + "\" y1=\"" + std::to_string(top - 14) + "\" x2=\"" + one +
           "\" y2=\"" + std::to_string(bottom) +
           "\" stroke=\"#212b32\" stroke-width=\"2\"/>"
           "<text x=\"" +
           one + "\" y=\"" + std::to_string(top - 16) +
           "\" text-anchor=\"middle\" font-size=\"13\">1.00 equal</text>";
    int y = top;
    for (const RatioRow& r : rows) {
        const int mid = y + row_h / 2;
        svg += "<text x=\"" + std::to_string(left - 10) + "\" y=\"" + std::to_string(mid + 5) +
               "\" text-anchor=\"end\" font-size=\"14\">" + esc(r.label) + "</text>";
        const Figure& v = r.l->ratio;
        if (v.state == State::shown) {
            if (r.l->lower.state == State::shown) {
                svg += "<line x1=\"" + num(x_of(r.l->lower.value), 1) + "\" y1=\"" +
                       std::to_string(mid) + "\" x2=\"" + num(x_of(r.l->upper.value), 1) +
                       "\" y2=\"" + std::to_string(mid) +
                       "\" stroke=\"#212b32\" stroke-width=\"3\"/>";
                for (double end : {r.l->lower.value, r.l->upper.value})
                    svg += "<line x1=\"" + num(x_of(end), 1) + "\" y1=\"" +
                           std::to_string(mid - 8) + "\" x2=\"" + num(x_of(end), 1) + "\" y2=\"" +
                           std::to_string(mid + 8) + "\" stroke=\"#212b32\" stroke-width=\"3\"/>";
            }
            svg += "<circle cx=\"" + num(x_of(v.value), 1) + "\" cy=\"" + std::to_string(mid) +
                   "\" r=\"7\" fill=\"#005eb8\" stroke=\"#212b32\" stroke-width=\"2\"/>";
            svg += "<text x=\"" + num(x_of(v.value), 1) + "\" y=\"" + std::to_string(mid - 12) +
                   "\" text-anchor=\"middle\" font-size=\"14\">" + ratio(v.value) + "</text>";
            desc += r.label + ": " + ratio(v.value);
            desc += r.l->lower.state == State::shown ? " (interval " + ratio(r.l->lower.value) +
                                                           " to " + ratio(r.l->upper.value) + "); "
                                                     : " (no interval); ";
        } else {
            const std::string word = v.state == State::suppressed
                                         ? std::string(suppressed_mark) + " suppressed"
                                         : state_text(v.state);
            svg += "<text x=\"" + std::to_string(left + 6) + "\" y=\"" + std::to_string(mid + 5) +
                   "\" font-size=\"14\">" + esc(word) + "</text>";
            desc += r.label + ": " + word + "; ";
        }
        y += row_h;
    }
    svg += "<line x1=\"" + std::to_string(left) + "\" y1=\"" + std::to_string(bottom) + "\" x2=\"" +
           std::to_string(left + width) + "\" y2=\"" + std::to_string(bottom) +
           "\" stroke=\"#4c6272\"/>";
    for (double tick : {0.05, 0.1, 0.25, 0.5, 0.8, 1.0, 1.25, 2.0, 4.0, 10.0, 20.0}) {
        if (tick < lo || tick > hi) continue;
        svg += "<text x=\"" + num(x_of(tick), 1) + "\" y=\"" + std::to_string(bottom + 20) +
               "\" text-anchor=\"middle\" font-size=\"12\">" + ratio(tick) + "</text>";
    }
    svg += "<title id=\"" + id + "-t\">" + esc(title) + "</title><desc id=\"" + id + "-d\">" +
           esc(desc) + "The same figures are in the table above.</desc></svg>\n";
    return svg;
}

// ---- sections -----------------------------------------------------------------------------

class Page {
  public:
    Page(const Results& results, const OutputContext& context)
        : r_(results), defs_(*results.defs), ctx_(context) {}

    std::string render() {
        const std::string heading = defs_.title + ": " + (r_.year.empty() ? "results" : r_.year);
        html_ =
            "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
            esc(heading) + " – EqualityKit report</title>\n<style>" + style +
            "</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to the results</a>\n"
            "<main id=\"main\">\n<h1>" +
            esc(heading) + "</h1>\n";
        intro();
        about();
        summary();
        for (const IndicatorResult& ind : r_.indicators)
            indicator(ind);
        inputs();
        unconfirmed_facts();
        html_ +=
            "</main>\n<footer><p>Made with EqualityKit. Figures are computed from counts; "
            "tables show the numbers behind every chart.</p></footer>\n</body>\n</html>\n";
        return std::move(html_);
    }

  private:
    const std::string& focus() const { return defs_.groups[defs_.focus_group].label; }

    void intro() {
        if (!ctx_.organisation.empty())
            html_ += "<p>Organisation: " + esc(ctx_.organisation) + ".</p>\n";
        html_ += "<p>Computed by EqualityKit from " + esc(ctx_.source) + ".";
        if (r_.has_previous)
            html_ += " Last year (" + esc(r_.previous_year) + ") is shown beside this year.";
        html_ += " Source of the indicator definitions: " + esc(defs_.source.title) +
                 unconfirmed(defs_.source.provenance) + ".</p>\n";
    }

    std::string completeness_text(const Completeness& c) const {
        const std::string what = defs_.characteristic;
        if (c.percent_known.state == State::shown) {
            return percent(c.percent_known.value) + " of staff have a known " + what + " (" +
                   with_commas(c.known.value) + " of " + with_commas(c.total.value) + ").";
        }
        if (c.at_least) {
            return "At least " + percent(std::floor(*c.at_least * 10) / 10) +
                   " of staff have a known " + what +
                   " (the exact figure is suppressed: fewer than " +
                   std::to_string(r_.suppress_below) + " are unknown).";
        }
        return "Not available: " + esc(c.percent_known.why) + ".";
    }

    void about() {
        html_ +=
            "<section aria-labelledby=\"about\"><h2 id=\"about\">About these figures</h2>\n<ul>\n";
        html_ += "<li>Data completeness: " + completeness_text(r_.completeness);
        if (r_.previous_completeness)
            html_ += " Last year: " + completeness_text(*r_.previous_completeness);
        html_ += "</li>\n";
        for (const GroupDef& g : defs_.groups)
            html_ += "<li><strong>" + esc(g.label) + "</strong>: " + esc(g.description) +
                     unconfirmed(g.provenance) + "</li>\n";
        html_ +=
            "<li>Relative likelihoods are computed from the counts, never from rounded "
            "percentages. 1.00 means equal likelihood. The 95% confidence interval is worked "
            "out by the " +
            std::string(interval_method) + ".</li>\n";
        html_ += "<li>" + esc(defs_.guide.label) + ": shown only as a guide." +
                 unconfirmed(defs_.guide.provenance) + "</li>\n";
        html_ += "<li>Small numbers: a ratio resting on a count under " +
                 std::to_string(defs_.small_numbers.below) + " is flagged." +
                 unconfirmed(defs_.small_numbers.provenance) + "</li>\n";
        if (r_.suppress_below > 1) {
            html_ += "<li>Disclosure control: counts from 1 to " +
                     std::to_string(r_.suppress_below - 1) + " are suppressed and shown as " +
                     std::string(suppressed_mark) +
                     ". Where one hidden count could be worked out from a total, another count is "
                     "hidden too. Figures computed from a hidden count are hidden. " +
                     std::to_string(r_.suppressed_cells) + " counts are suppressed this year (" +
                     std::to_string(r_.secondary_cells) + " of them to protect another).</li>\n";
        } else {
            html_ +=
                "<li><strong>Disclosure control is off:</strong> small numbers are shown. "
                "Do not publish this report.</li>\n";
        }
        html_ += "<li>Reporting period: " + esc(defs_.reporting_period.text) +
                 unconfirmed(defs_.reporting_period.provenance) + "</li>\n</ul>\n</section>\n";
    }

    std::string value_text(const IndicatorResult& ind, const Figure& v) const {
        if (v.state == State::shown) return esc(describe_value(ind, v));
        if (v.state == State::suppressed) return hidden_mark();
        return esc(state_text(v.state));
    }

    void summary() {
        html_ += "<section aria-labelledby=\"summary\"><h2 id=\"summary\">Summary</h2>\n";
        html_ += table_start("summary-table",
                             "Every " + esc(defs_.short_title) + " indicator, " + esc(r_.year));
        html_ += "<thead><tr>" + th_col("Indicator") + th_col("This year");
        if (r_.has_previous) html_ += th_col("Last year");
        html_ += th_col("Notes") + "</tr></thead><tbody>\n";
        for (const IndicatorResult& ind : r_.indicators) {
            html_ += "<tr><th scope=\"row\"><a href=\"#indicator-" +
                     std::to_string(ind.def->number) + "\">" + esc(ind.def->code) + ": " +
                     esc(ind.def->short_title) + "</a></th><td>" +
                     value_text(ind, ind.current.value) + "</td>";
            if (r_.has_previous) {
                html_ +=
                    "<td>" + (ind.previous ? value_text(ind, ind.previous->value) : "") + "</td>";
            }
            html_ += "<td>" + esc(notes(ind)) + "</td></tr>\n";
        }
        html_ += std::string("</tbody>") + table_end + "</section>\n";
    }

    // with_state: the summary says why a figure is missing; an indicator's own section has
    // said it already.
    std::string notes(const IndicatorResult& ind, bool with_state = true) const {
        std::string out;
        auto add = [&out](const std::string& s) { out += (out.empty() ? "" : " ") + s; };
        const Figure& v = ind.current.value;
        if (with_state && v.state != State::shown) add(state_text(v.state) + ": " + v.why + ".");
        for (const std::string& f : ind.flags) {
            if (f == "small_numbers")
                add("Rests on small numbers (a count under " +
                    std::to_string(defs_.small_numbers.below) + ").");
            if (f == "within_four_fifths_guide")
                add("Within the four-fifths guide (not official, unconfirmed).");
            if (f == "outside_four_fifths_guide")
                add("Outside the four-fifths guide (not official, unconfirmed).");
            if (f == "unconfirmed") add("Has UNCONFIRMED details (see the indicator).");
        }
        return out;
    }

    void indicator(const IndicatorResult& ind) {
        const IndicatorDef& d = *ind.def;
        const std::string id = "indicator-" + std::to_string(d.number);
        html_ += "<section aria-labelledby=\"" + id + "\"><h2 id=\"" + id + "\">Indicator " +
                 esc(d.code) + ": " + esc(d.short_title) + "</h2>\n<p>" + esc(d.title) +
                 unconfirmed(d.provenance) + "</p>\n";
        html_ += "<p class=\"result\">Result for " + esc(r_.year) + ": <strong>" +
                 value_text(ind, ind.current.value) + "</strong>";
        if (ind.current.value.state != State::shown)
            html_ += " (" + esc(ind.current.value.why) + ")";
        html_ += ". " + esc(d.value_meaning);
        const std::string said = sentence(ind);
        if (!said.empty()) html_ += " " + esc(said);
        html_ += "</p>\n";
        if (!notes(ind, false).empty()) html_ += "<p>" + esc(notes(ind, false)) + "</p>\n";
        switch (d.kind) {
            case IndicatorKind::representation:
                representation(ind);
                break;
            case IndicatorKind::relative_likelihood:
                likelihood(ind);
                break;
            case IndicatorKind::survey:
                survey(ind, ind.current, "this year");
                if (ind.previous) survey(ind, *ind.previous, "last year");
                break;
            case IndicatorKind::board_difference:
                board(ind, ind.current, "now");
                if (ind.previous) board(ind, *ind.previous, "before");
                break;
        }
        html_ += "<dl><dt>How it is calculated</dt><dd>" + esc(d.calculation) +
                 "</dd><dt>Data source</dt><dd>" + esc(d.data_source) +
                 "</dd><dt>Reading it</dt><dd>" + esc(d.interpretation) + "</dd></dl>\n";
        html_ += "</section>\n";
    }

    void representation(const IndicatorResult& ind) {
        const IndicatorDef& d = *ind.def;
        const std::size_t f = defs_.focus_group;
        const Representation& rep = ind.current.representation;
        std::vector<std::string> sections;
        for (const RowResult& row : rep.rows)
            if (std::find(sections.begin(), sections.end(), row.section) == sections.end())
                sections.push_back(row.section);
        Figure overall;
        for (const RowResult& row : rep.rows)
            if (row.key == "overall") overall = row.percents[f];
        if (!rep.has_bands)
            html_ += "<p>No pay band rows were given, so only the whole workforce is shown.</p>\n";
        if (!defs_.rows.provenance.confirmed && rep.has_bands) {
            html_ += "<p>Rows:" + unconfirmed(defs_.rows.provenance) + "</p>\n";
        }
        for (const std::string& section : sections) {
            std::string label = "Whole workforce";
            for (const SectionDef& s : defs_.rows.sections)
                if (s.key == section) label = s.label;
            const std::string tid = "t1-" + (section.empty() ? std::string("overall") : section);
            html_ += table_start(
                tid, "Indicator " + esc(d.code) + ": " + esc(label) + ", " + esc(r_.year));
            html_ += "<thead><tr>" + th_col(section.empty() ? "" : "Row");
            for (const GroupDef& g : defs_.groups)
                html_ += th_col(g.label) + th_col(g.label + " %");
            html_ += th_col("Total");
            if (ind.previous) html_ += th_col(focus() + " % last year");
            html_ += "</tr></thead><tbody>\n";
            std::vector<const RowDef*> footnotes;
            std::vector<const RowResult*> chart_rows;
            for (const RowResult& row : rep.rows) {
                if (row.section != section) continue;
                if (row.def != nullptr) chart_rows.push_back(&row);
                const bool marked = row.def != nullptr && !row.def->provenance.confirmed;
                if (marked) footnotes.push_back(row.def);
                html_ +=
                    "<tr><th scope=\"row\">" + esc(row.label) +
                    (marked ? " <strong class=\"unconfirmed\">(UNCONFIRMED, see below)</strong>"
                            : "") +
                    "</th>";
                for (std::size_t g = 0; g < defs_.groups.size(); ++g)
                    html_ +=
                        count_cell(row.cells.groups[g]) + figure_cell(row.percents[g], percent);
                html_ += count_cell(row.cells.total);
                if (ind.previous) html_ += last_year_percent(*ind.previous, row);
                html_ += "</tr>\n";
            }
            html_ += std::string("</tbody>") + table_end;
            for (const RowDef* def : footnotes)
                html_ += "<p>" + esc(def->label) + ":" + unconfirmed(def->provenance) + "</p>\n";
            if (!chart_rows.empty()) {
                html_ += bands_chart(defs_, "c1-" + section,
                                     "Percentage of " + focus() + " staff by row: " + label,
                                     chart_rows, overall);
            }
        }
        html_ += "<p>" + std::string(suppressed_mark) +
                 " means suppressed to protect small numbers.</p>\n";
    }

    std::string last_year_percent(const YearResult& before, const RowResult& row) const {
        for (const RowResult& r : before.representation.rows)
            if (r.section == row.section && r.key == row.key)
                return figure_cell(r.percents[defs_.focus_group], percent);
        return "<td class=\"n\">not given</td>";
    }

    void likelihood_table(const IndicatorDef& d, const Likelihood& l, const std::string& id,
                          const std::string& when) {
        html_ += table_start(id, "Indicator " + esc(d.code) + ": counts and rates, " + esc(when));
        html_ += "<thead><tr>" + th_col("Group") +
                 th_col(std::string(defs_.measure_label(d.event))) +
                 th_col(std::string(defs_.measure_label(d.base))) + th_col("Rate") +
                 th_col("In the ratio?") + "</tr></thead><tbody>\n";
        for (std::size_t g = 0; g < defs_.groups.size(); ++g) {
            const bool used = g == d.numerator_group || g == d.denominator_group;
            html_ += "<tr><th scope=\"row\">" + esc(defs_.groups[g].label) + "</th>" +
                     count_cell(l.events.groups[g]) + count_cell(l.bases.groups[g]) +
                     figure_cell(l.rates[g], [](double v) { return num(100 * v, 2) + "%"; }) +
                     "<td>" + (used ? "Yes" : "No, reported only") + "</td></tr>\n";
        }
        html_ += "<tr><th scope=\"row\">Total</th>" + count_cell(l.events.total) +
                 count_cell(l.bases.total) + "<td></td><td></td></tr>\n</tbody>" + table_end;
    }

    void likelihood(const IndicatorResult& ind) {
        const IndicatorDef& d = *ind.def;
        const std::string base = "t" + std::to_string(d.number);
        std::vector<RatioRow> rows;
        likelihood_table(d, *ind.current.likelihood, base + "-now", r_.year);
        rows.push_back({"This year (" + r_.year + ")", &*ind.current.likelihood});
        if (ind.previous) {
            likelihood_table(d, *ind.previous->likelihood, base + "-before", r_.previous_year);
            rows.push_back({"Last year (" + r_.previous_year + ")", &*ind.previous->likelihood});
        }
        if (ind.pooled) {
            html_ += "<p>" + esc(d.pooled->label) + ": " + esc(d.pooled->description) +
                     unconfirmed(d.pooled->provenance) + "</p>\n";
            likelihood_table(d, *ind.pooled, base + "-pooled", ind.pooled->period + " pooled");
            rows.push_back({"Two years pooled", &*ind.pooled});
        } else if (d.pooled) {
            html_ += "<p>" + esc(d.pooled->label) +
                     ": not shown, because last year's counts were not given." +
                     unconfirmed(d.pooled->provenance) + "</p>\n";
        }
        html_ += table_start(base + "-ratio",
                             "Indicator " + esc(d.code) +
                                 ": relative likelihood with its 95% confidence interval (" +
                                 std::string(interval_method) + ")");
        html_ += "<thead><tr>" + th_col("Period") + th_col("Relative likelihood") +
                 th_col("95% interval") + th_col("Four-fifths guide (not official)") +
                 "</tr></thead><tbody>\n";
        for (const RatioRow& row : rows) {
            const Likelihood& l = *row.l;
            html_ += "<tr><th scope=\"row\">" + esc(row.label) + "</th>" +
                     figure_cell(l.ratio, ratio) + "<td>";
            html_ += l.lower.state == State::shown
                         ? ratio(l.lower.value) + " to " + ratio(l.upper.value)
                         : (l.lower.state == State::suppressed ? hidden_mark()
                                                               : esc(state_text(l.lower.state)));
            html_ += "</td><td>";
            if (l.within_guide)
                html_ += *l.within_guide ? "Within" : "Outside";
            else
                html_ += "Not applicable";
            html_ += "</td></tr>\n";
        }
        html_ += std::string("</tbody>") + table_end;
        html_ += ratio_chart(defs_, "c" + std::to_string(d.number),
                             "Indicator " + d.code + ": relative likelihood", rows);
    }

    void survey(const IndicatorResult& ind, const YearResult& y, const std::string& when) {
        const IndicatorDef& d = *ind.def;
        const std::string id =
            "t" + std::to_string(d.number) + "-" + (when == "this year" ? "now" : "before");
        html_ += table_start(id, "Indicator " + esc(d.code) + ": Staff Survey results, " +
                                     esc(y.year.empty() ? when : y.year));
        std::vector<SurveyColumn> columns = y.survey.front().def->columns;
        for (const SurveyResult& s : y.survey)
            for (const SurveyColumn& c : s.def->columns)
                if (std::none_of(columns.begin(), columns.end(),
                                 [&](const SurveyColumn& k) { return k.key == c.key; }))
                    columns.push_back(c);
        html_ += "<thead><tr>" + th_col("Part");
        for (const SurveyColumn& c : columns)
            html_ += th_col(c.label);
        html_ += th_col("Survey question") + "</tr></thead><tbody>\n";
        for (const SurveyResult& s : y.survey) {
            html_ += "<tr><th scope=\"row\">" + esc(s.def->code) +
                     (s.def->title.empty() ? "" : ": " + esc(s.def->title)) + "</th>";
            for (const SurveyColumn& c : columns) {
                std::size_t i = 0;
                while (i < s.def->columns.size() && s.def->columns[i].key != c.key)
                    ++i;
                if (i == s.def->columns.size()) {
                    html_ += "<td>not asked</td>";
                } else if (s.def->unit == SurveyUnit::score) {
                    html_ += figure_cell(s.values[i], [](double v) { return num(v, 2); });
                } else {
                    html_ += figure_cell(s.values[i], percent);
                }
            }
            std::string question = s.question_id;
            if (question.empty()) {
                for (const SurveyQuestion& q : s.def->questions)
                    question +=
                        (question.empty() ? "" : "; ") + q.question + " (" + q.surveys + ")";
            }
            html_ += "<td>" + esc(question.empty() ? "not recorded" : question) +
                     unconfirmed(s.def->provenance) + "</td></tr>\n";
        }
        html_ += std::string("</tbody>") + table_end;
    }

    void board(const IndicatorResult& ind, const YearResult& y, const std::string& when) {
        const IndicatorDef& d = *ind.def;
        html_ += "<p>Sign convention: " + esc(d.sign) + unconfirmed(d.sign_provenance) + "</p>\n";
        html_ += table_start("t" + std::to_string(d.number) + "-" + when,
                             "Indicator " + esc(d.code) + ": board and workforce, " + esc(y.year));
        html_ += "<thead><tr>" + th_col("Part");
        for (const GroupDef& g : defs_.groups)
            html_ += th_col(g.label + " on the board");
        html_ += th_col("Board total") + th_col(focus() + " % of the board") +
                 th_col(focus() + " % of the workforce") +
                 th_col("Difference (percentage points)") + "</tr></thead><tbody>\n";
        for (const BoardResult& b : y.board) {
            html_ += "<tr><th scope=\"row\">" + esc(b.def->title) + unconfirmed(b.def->provenance) +
                     "</th>";
            for (std::size_t g = 0; g < defs_.groups.size(); ++g)
                html_ += count_cell(g < b.board.groups.size() ? b.board.groups[g] : Count{});
            html_ += count_cell(b.board.total) + figure_cell(b.board_percent, percent) +
                     figure_cell(b.workforce_percent, percent) + figure_cell(b.difference, points) +
                     "</tr>\n";
        }
        html_ += std::string("</tbody>") + table_end;
    }

    void inputs() {
        html_ +=
            "<section aria-labelledby=\"inputs\"><h2 id=\"inputs\">How the data was used</h2>\n";
        std::uint64_t problems = ctx_.problems.size();
        if (ctx_.import != nullptr && !ctx_.import->files.empty()) {
            html_ += table_start("inputs-table", "Rows read from each file");
            html_ += "<thead><tr>" + th_col("File") + th_col("Rows") + th_col("Used") +
                     th_col("Left out by a rule") + th_col("Rejected as wrong") +
                     th_col("Blank lines") + "</tr></thead><tbody>\n";
            auto reasons = [](const std::map<std::string, std::uint64_t>& m) {
                std::string out;
                for (const auto& [why, n] : m)
                    out += (out.empty() ? "" : "; ") + esc(why) + ": " +
                           with_commas(static_cast<std::int64_t>(n));
                return out.empty() ? std::string("none") : out;
            };
            for (const FileReport& f : ctx_.import->files) {
                html_ += "<tr><th scope=\"row\">" + esc(f.file) + " (" + esc(f.role) +
                         ")</th><td class=\"n\">" + with_commas(static_cast<std::int64_t>(f.rows)) +
                         "</td><td class=\"n\">" + with_commas(static_cast<std::int64_t>(f.used)) +
                         "</td><td>" + reasons(f.excluded) + "</td><td>" + reasons(f.rejected) +
                         "</td><td class=\"n\">" +
                         with_commas(static_cast<std::int64_t>(f.blank_lines)) + "</td></tr>\n";
            }
            html_ += std::string("</tbody>") + table_end;
            problems += ctx_.import->problem_count;
        } else {
            html_ += "<p>The counts were given as totals (" + esc(ctx_.source) + ").</p>\n";
        }
        html_ +=
            "<p>" +
            (problems == 0 ? std::string("No problems were found in the data.")
                           : with_commas(static_cast<std::int64_t>(problems)) +
                                 " problems were found; each is listed, with its line and column, "
                                 "by the command line (this report leaves them out, as they can "
                                 "quote a person's row).") +
            "</p>\n</section>\n";
    }

    void unconfirmed_facts() {
        std::vector<std::string> items;
        auto add = [&items](const std::string& what, const Provenance& p) {
            if (!p.confirmed)
                items.push_back("<li><strong>UNCONFIRMED:</strong> " + esc(what) + ". " +
                                esc(p.note) + "</li>");
        };
        add(defs_.guide.label, defs_.guide.provenance);
        add("Small numbers flag", defs_.small_numbers.provenance);
        add("Reporting period", defs_.reporting_period.provenance);
        add("Indicator 1 rows", defs_.rows.provenance);
        for (const GroupDef& g : defs_.groups)
            add(g.label, g.provenance);
        for (const InputDef& in : defs_.inputs)
            add(in.title + ": bank staff", in.bank_provenance);
        for (const IndicatorDef& d : defs_.indicators) {
            add("Indicator " + d.code, d.provenance);
            if (d.pooled) add("Indicator " + d.code + ": " + d.pooled->label, d.pooled->provenance);
            if (d.kind == IndicatorKind::board_difference)
                add("Indicator " + d.code + ": sign convention", d.sign_provenance);
            for (const PartDef& p : d.parts)
                add("Indicator " + d.code + ", " + p.code, p.provenance);
        }
        if (items.empty()) return;
        html_ +=
            "<section aria-labelledby=\"unconfirmed\"><h2 id=\"unconfirmed\">Facts not yet "
            "confirmed</h2>\n"
            "<p>These figures rest on details EqualityKit could not confirm against a published "
            "source:</p>\n<ul>\n";
        for (const std::string& item : items)
            html_ += item + "\n";
        html_ += "</ul>\n</section>\n";
    }

    const Results& r_;
    const Definitions& defs_;
    const OutputContext& ctx_;
    std::string html_;
};

}  // namespace

std::string results_html(const Results& results, const OutputContext& context) {
    return Page(results, context).render();
}

}  // namespace eqkit::workforce
