// JSON and CSV exports of the published figures, and the formatting every export shares.
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "eqkit/workforce_report.hpp"

namespace eqkit::workforce {
namespace {

using Json = nlohmann::ordered_json;

std::string fixed(double value, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    std::string out = buf;
    if (out == "-0.0" || out == "-0.00") out.erase(0, 1);
    return out;
}

std::string unit_of(const IndicatorResult& r) {
    switch (r.def->kind) {
        case IndicatorKind::representation:
            return "percent";
        case IndicatorKind::relative_likelihood:
            return "ratio";
        case IndicatorKind::board_difference:
            return "percentage points";
        case IndicatorKind::survey:
            return r.def->parts.front().unit == SurveyUnit::score ? "score" : "percent";
    }
    return "";
}

Json count_json(const Count& c) {
    Json j = Json::object();
    j["count"] = c.state == State::shown ? Json(c.value) : Json(nullptr);
    j["state"] = state_text(c.state);
    if (c.state == State::suppressed) {
        j["mark"] = suppressed_mark;
        if (c.secondary) j["secondary"] = true;
    }
    return j;
}

Json figure_json(const Figure& f) {
    Json j = Json::object();
    j["value"] = f.state == State::shown ? Json(f.value) : Json(nullptr);
    j["state"] = state_text(f.state);
    if (f.state != State::shown && !f.why.empty()) j["why"] = f.why;
    if (f.state == State::suppressed) j["mark"] = suppressed_mark;
    return j;
}

Json provenance_json(Json j, const Provenance& p) {
    j["confirmed"] = p.confirmed;
    if (!p.note.empty()) j["note"] = p.note;
    return j;
}

Json cells_json(const Definitions& defs, const GroupCells& cells) {
    Json j = Json::object();
    for (std::size_t g = 0; g < cells.groups.size() && g < defs.groups.size(); ++g)
        j[defs.groups[g].key] = count_json(cells.groups[g]);
    j["total"] = count_json(cells.total);
    return j;
}

Json figures_json(const Definitions& defs, const std::vector<Figure>& figures) {
    Json j = Json::object();
    for (std::size_t g = 0; g < figures.size() && g < defs.groups.size(); ++g)
        j[defs.groups[g].key] = figure_json(figures[g]);
    return j;
}

Json interval_json(const Likelihood& l) {
    Json j = Json::object();
    j["level"] = 0.95;
    j["method"] = interval_method;
    j["lower"] = l.lower.state == State::shown ? Json(l.lower.value) : Json(nullptr);
    j["upper"] = l.upper.state == State::shown ? Json(l.upper.value) : Json(nullptr);
    j["state"] = state_text(l.lower.state);
    if (l.lower.state != State::shown && !l.lower.why.empty()) j["why"] = l.lower.why;
    return j;
}

Json likelihood_json(const Definitions& defs, const Likelihood& l) {
    Json j = Json::object();
    j["period"] = l.period;
    j["value"] = l.ratio.state == State::shown ? Json(l.ratio.value) : Json(nullptr);
    j["state"] = state_text(l.ratio.state);
    if (l.ratio.state != State::shown) j["why"] = l.ratio.why;
    j["numerators"] = cells_json(defs, l.events);
    j["denominators"] = cells_json(defs, l.bases);
    j["rates"] = figures_json(defs, l.rates);
    j["interval"] = interval_json(l);
    if (l.within_guide) j["within_four_fifths_guide"] = *l.within_guide;
    j["small_numbers"] = l.small_numbers;
    return j;
}

Json rows_json(const Definitions& defs, const Representation& rep) {
    Json rows = Json::array();
    for (const RowResult& row : rep.rows) {
        Json j = Json::object();
        j["section"] = row.section;
        j["row"] = row.key;
        j["label"] = row.label;
        j["counts"] = cells_json(defs, row.cells);
        j["percents"] = figures_json(defs, row.percents);
        if (row.def != nullptr) j = provenance_json(std::move(j), row.def->provenance);
        rows.push_back(std::move(j));
    }
    return rows;
}

Json survey_json(const Definitions& defs, const std::vector<SurveyResult>& parts) {
    Json out = Json::array();
    for (const SurveyResult& s : parts) {
        Json j = Json::object();
        j["code"] = s.def->code;
        if (!s.def->title.empty()) j["title"] = s.def->title;
        j["unit"] = s.def->unit == SurveyUnit::score ? "score" : "percent";
        j["higher_is_better"] = s.def->higher_is_better;
        Json values = Json::object();
        for (std::size_t i = 0; i < s.def->columns.size(); ++i)
            values[s.def->columns[i].key] = figure_json(s.values[i]);
        j["values"] = values;
        if (!s.survey_year.empty()) j["survey_year"] = s.survey_year;
        if (!s.question_id.empty()) j["question_id"] = s.question_id;
        Json questions = Json::array();
        for (const SurveyQuestion& q : s.def->questions)
            questions.push_back(Json{{"surveys", q.surveys}, {"question", q.question}});
        if (!questions.empty()) j["questions"] = questions;
        out.push_back(provenance_json(std::move(j), s.def->provenance));
        (void)defs;
    }
    return out;
}

Json board_json(const Definitions& defs, const std::vector<BoardResult>& parts) {
    Json out = Json::array();
    for (const BoardResult& b : parts) {
        Json j = Json::object();
        j["code"] = b.def->code;
        j["title"] = b.def->title;
        j["board"] = cells_json(defs, b.board);
        j["board_percent"] = figure_json(b.board_percent);
        j["workforce_percent"] = figure_json(b.workforce_percent);
        j["difference_percentage_points"] = figure_json(b.difference);
        out.push_back(provenance_json(std::move(j), b.def->provenance));
    }
    return out;
}

// The fields every year's result has: value, numerators, denominators, interval, rates.
void year_fields(const Definitions& defs, const IndicatorDef& ind, const YearResult& y, Json& j) {
    j["value"] = y.value.state == State::shown ? Json(y.value.value) : Json(nullptr);
    j["state"] = state_text(y.value.state);
    if (y.value.state != State::shown) j["why"] = y.value.why;
    Json numerators = Json::object();
    Json denominators = Json::object();
    Json interval = nullptr;
    const std::string& focus = defs.groups[defs.focus_group].key;
    switch (ind.kind) {
        case IndicatorKind::representation:
            for (const RowResult& row : y.representation.rows) {
                if (row.key != "overall") continue;
                numerators[focus] = count_json(row.cells.groups[defs.focus_group]);
                denominators["total"] = count_json(row.cells.total);
            }
            j["rows"] = rows_json(defs, y.representation);
            break;
        case IndicatorKind::relative_likelihood:
            numerators = cells_json(defs, y.likelihood->events);
            denominators = cells_json(defs, y.likelihood->bases);
            interval = interval_json(*y.likelihood);
            j["rates"] = figures_json(defs, y.likelihood->rates);
            if (y.likelihood->within_guide) {
                j["within_four_fifths_guide"] = *y.likelihood->within_guide;
            }
            j["small_numbers"] = y.likelihood->small_numbers;
            break;
        case IndicatorKind::survey:
            j["parts"] = survey_json(defs, y.survey);
            break;
        case IndicatorKind::board_difference: {
            const BoardResult& b = y.board.front();
            numerators["board"] =
                count_json(b.board.groups.empty() ? Count{} : b.board.groups[defs.focus_group]);
            denominators["board"] = count_json(b.board.total);
            j["parts"] = board_json(defs, y.board);
            break;
        }
    }
    j["numerators"] = numerators;
    j["denominators"] = denominators;
    j["interval"] = interval;
}

Json unconfirmed_list(const IndicatorResult& r) {
    Json list = Json::array();
    for (const Unconfirmed& u : r.unconfirmed)
        list.push_back(Json{{"what", u.what}, {"note", u.note}});
    return list;
}

Json indicator_json(const Results& results, const IndicatorResult& r) {
    const Definitions& defs = *results.defs;
    const IndicatorDef& ind = *r.def;
    Json j = Json::object();
    j["number"] = ind.number;
    j["code"] = ind.code;
    j["title"] = ind.title;
    j["short_title"] = ind.short_title;
    j["kind"] = ind.kind == IndicatorKind::representation        ? "representation"
                : ind.kind == IndicatorKind::relative_likelihood ? "relative_likelihood"
                : ind.kind == IndicatorKind::survey              ? "survey"
                                                                 : "board_difference";
    j["unit"] = unit_of(r);
    j["value_meaning"] = ind.value_meaning;
    year_fields(defs, ind, r.current, j);
    j["flags"] = r.flags;
    const std::string said = sentence(r);
    if (!said.empty()) j["sentence"] = said;
    if (ind.kind == IndicatorKind::relative_likelihood) {
        j["four_fifths_guide"] = provenance_json(Json{{"label", defs.guide.label},
                                                      {"lower", defs.guide.lower},
                                                      {"upper", defs.guide.upper}},
                                                 defs.guide.provenance);
    }
    if (ind.kind == IndicatorKind::board_difference) j["sign_convention"] = ind.sign;
    j["calculation"] = ind.calculation;
    j["data_source"] = ind.data_source;
    j["interpretation"] = ind.interpretation;
    j["unconfirmed"] = unconfirmed_list(r);
    if (r.previous) {
        Json p = Json::object();
        p["year"] = r.previous->year;
        year_fields(defs, ind, *r.previous, p);
        j["previous"] = p;
    }
    if (ind.pooled) {
        Json p = r.pooled ? likelihood_json(defs, *r.pooled)
                          : Json{{"value", nullptr},
                                 {"state", "not given"},
                                 {"why", "needs last year's counts (give them with --previous)"}};
        p["label"] = ind.pooled->label;
        p["description"] = ind.pooled->description;
        j["pooled_two_year"] = provenance_json(std::move(p), ind.pooled->provenance);
    }
    return j;
}

Json completeness_json(const Completeness& c) {
    Json j = Json::object();
    j["known"] = count_json(c.known);
    j["unknown"] = count_json(c.unknown);
    j["total"] = count_json(c.total);
    j["percent_known"] = figure_json(c.percent_known);
    if (c.at_least) j["percent_known_at_least"] = *c.at_least;
    return j;
}

Json inputs_json(const Results& results, const OutputContext& context) {
    Json j = Json::object();
    j["source"] = context.source;
    Json files = Json::array();
    std::uint64_t problem_count = context.problems.size();
    ErrorList problems = context.problems;
    if (context.import != nullptr) {
        for (const FileReport& f : context.import->files) {
            files.push_back(Json{{"role", f.role},
                                 {"file", f.file},
                                 {"rows", f.rows},
                                 {"used", f.used},
                                 {"excluded", f.excluded},
                                 {"rejected", f.rejected},
                                 {"blank_lines", f.blank_lines}});
        }
        problem_count += context.import->problem_count;
        problems.insert(problems.end(), context.import->problems.begin(),
                        context.import->problems.end());
        j["notes"] = context.import->notes;
    }
    j["files"] = files;
    j["problem_count"] = problem_count;
    // A problem quotes a row's own values; with suppression on, exports leave them out.
    if (results.suppress_below <= 1) {
        Json list = Json::array();
        for (const Error& e : problems)
            list.push_back(Json{{"file", e.file},
                                {"place", e.place},
                                {"reason", e.reason},
                                {"message", e.message()}});
        j["problems"] = list;
    } else {
        j["problems_note"] =
            "Each problem (with its line and column) is listed by the command line, not in this "
            "export, because a problem can quote a person's row.";
    }
    return j;
}

}  // namespace

std::string format_ratio(double value) {
    return fixed(value, 2);
}

std::string format_percent(double value) {
    return fixed(value, 1) + "%";
}

std::string format_points(double value) {
    std::string out = fixed(value, 1);
    if (value > 0 && out != "0.0") out = "+" + out;
    return out + " percentage points";
}

std::string state_text(State state) {
    switch (state) {
        case State::shown:
            return "shown";
        case State::suppressed:
            return "suppressed";
        case State::not_given:
            return "not given";
        case State::not_calculable:
            return "not calculable";
    }
    return "";
}

std::string describe_value(const IndicatorResult& r, const Figure& value) {
    switch (value.state) {
        case State::shown:
            break;
        case State::suppressed:
            return "suppressed " + std::string(suppressed_mark) + " (" + value.why + ")";
        case State::not_given:
        case State::not_calculable:
            return state_text(value.state) + ": " + value.why;
    }
    switch (r.def->kind) {
        case IndicatorKind::relative_likelihood:
            return format_ratio(value.value);
        case IndicatorKind::board_difference:
            return format_points(value.value);
        case IndicatorKind::survey:
            if (r.def->parts.front().unit == SurveyUnit::score) return fixed(value.value, 2);
            return format_percent(value.value);
        case IndicatorKind::representation:
            return format_percent(value.value);
    }
    return "";
}

std::string sentence(const IndicatorResult& r) {
    if (r.def->sentence.empty() || r.current.value.state != State::shown) return "";
    std::string text = r.def->sentence;
    const std::size_t at = text.find("{value}");
    if (at != std::string::npos) text.replace(at, 7, format_ratio(r.current.value.value));
    return text;
}

std::string results_json(const Results& results, const OutputContext& context) {
    const Definitions& defs = *results.defs;
    Json doc = Json::object();
    doc["format"] = results_format;
    doc["standard"] = defs.standard;
    doc["title"] = defs.title;
    if (!context.organisation.empty()) doc["organisation"] = context.organisation;
    doc["year"] = results.year;
    doc["previous_year"] = results.has_previous ? Json(results.previous_year) : Json(nullptr);
    Json groups = Json::array();
    for (const GroupDef& g : defs.groups) {
        groups.push_back(provenance_json(Json{{"key", g.key},
                                              {"label", g.label},
                                              {"unknown", g.unknown},
                                              {"description", g.description}},
                                         g.provenance));
    }
    doc["groups"] = groups;
    doc["method"] = Json{
        {"relative_likelihood",
         "Computed from the counts, never from rounded percentages: (numerator group's events ÷ "
         "its headcount or applicants) ÷ (the other group's). 1.00 means equal likelihood. "
         "Unknown is left out of both."},
        {"interval",
         Json{{"level", 0.95},
              {"method", interval_method},
              {"description",
               "exp(ln RR ± 1.96 × SE), SE = √(1/a − 1/n + 1/b − 1/m); not calculable when "
               "either group has no events."}}},
        {"rounding", "Values in this file are not rounded; the HTML report rounds for display."}};
    doc["suppression"] = Json{
        {"threshold", results.suppress_below},
        {"active", results.suppress_below > 1},
        {"mark", suppressed_mark},
        {"rule",
         "Counts from 1 to " +
             std::to_string(std::max<std::int64_t>(results.suppress_below - 1, 0)) +
             " are suppressed (0 is shown). Where parts add up to a shown total and only one part "
             "is hidden, the smallest other non-zero part is hidden too, until no total has "
             "exactly one hidden part. Anything computed from a hidden count is hidden."},
        {"suppressed_cells", results.suppressed_cells},
        {"secondary_cells", results.secondary_cells}};
    doc["four_fifths_guide"] = provenance_json(
        Json{{"label", defs.guide.label}, {"lower", defs.guide.lower}, {"upper", defs.guide.upper}},
        defs.guide.provenance);
    doc["small_numbers"] =
        provenance_json(Json{{"below", defs.small_numbers.below}}, defs.small_numbers.provenance);
    doc["reporting_period"] = provenance_json(Json{{"text", defs.reporting_period.text}},
                                              defs.reporting_period.provenance);
    doc["completeness"] = completeness_json(results.completeness);
    if (results.previous_completeness) {
        doc["previous_completeness"] = completeness_json(*results.previous_completeness);
    }
    doc["inputs"] = inputs_json(results, context);
    Json indicators = Json::array();
    for (const IndicatorResult& r : results.indicators)
        indicators.push_back(indicator_json(results, r));
    doc["indicators"] = indicators;
    return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

// ---- CSV --------------------------------------------------------------------------------

namespace {

std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

class CsvOut {
  public:
    explicit CsvOut(const Definitions& defs) : defs_(defs) {
        line({"standard", "period", "indicator", "part", "measure", "group", "value", "unit",
              "state", "note"});
    }
    void line(std::initializer_list<std::string_view> fields) {
        bool first = true;
        for (std::string_view f : fields) {
            if (!first) text_ += ',';
            text_ += csv_field(f);
            first = false;
        }
        text_ += "\r\n";
    }
    void count(std::string_view period, std::string_view code, std::string_view part,
               std::string_view measure, std::string_view group, const Count& c) {
        line({defs_.standard, period, code, part, measure, group,
              c.state == State::shown ? std::to_string(c.value) : "", "people", state_note(c.state),
              c.secondary ? "hidden so that another hidden count cannot be worked out" : ""});
    }
    void figure(std::string_view period, std::string_view code, std::string_view part,
                std::string_view measure, std::string_view group, const Figure& f,
                std::string_view unit, std::string_view note = "") {
        line({defs_.standard, period, code, part, measure, group,
              f.state == State::shown ? number(f.value) : "", unit, state_note(f.state),
              f.state == State::shown ? std::string(note) : f.why});
    }
    std::string take() { return std::move(text_); }

  private:
    static std::string state_note(State s) {
        return s == State::suppressed ? "suppressed " + std::string(suppressed_mark)
                                      : state_text(s);
    }
    static std::string number(double v) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.10g", v);
        return buf;
    }
    const Definitions& defs_;
    std::string text_;
};

void likelihood_csv(CsvOut& out, const Definitions& defs, const IndicatorDef& ind,
                    const Likelihood& l, std::string_view part) {
    for (std::size_t g = 0; g < defs.groups.size(); ++g) {
        const std::string& group = defs.groups[g].label;
        out.count(l.period, ind.code, part, ind.event, group, l.events.groups[g]);
        out.count(l.period, ind.code, part, ind.base, group, l.bases.groups[g]);
        out.figure(l.period, ind.code, part, "rate", group, l.rates[g], "proportion");
    }
    out.figure(l.period, ind.code, part, "relative_likelihood", "", l.ratio, "ratio");
    out.figure(l.period, ind.code, part, "interval_lower_95", "", l.lower, "ratio",
               interval_method);
    out.figure(l.period, ind.code, part, "interval_upper_95", "", l.upper, "ratio",
               interval_method);
}

void year_csv(CsvOut& out, const Definitions& defs, const IndicatorDef& ind, const YearResult& y) {
    switch (ind.kind) {
        case IndicatorKind::representation:
            for (const RowResult& row : y.representation.rows) {
                const std::string part =
                    row.section.empty() ? row.label : row.section + ": " + row.label;
                for (std::size_t g = 0; g < defs.groups.size(); ++g) {
                    out.count(y.year, ind.code, part, "headcount", defs.groups[g].label,
                              row.cells.groups[g]);
                    out.figure(y.year, ind.code, part, "percent", defs.groups[g].label,
                               row.percents[g], "percent");
                }
                out.count(y.year, ind.code, part, "headcount", "Total", row.cells.total);
            }
            break;
        case IndicatorKind::relative_likelihood:
            likelihood_csv(out, defs, ind, *y.likelihood, "");
            break;
        case IndicatorKind::survey:
            for (const SurveyResult& s : y.survey)
                for (std::size_t i = 0; i < s.def->columns.size(); ++i)
                    out.figure(y.year, ind.code, s.def->code, "survey", s.def->columns[i].label,
                               s.values[i], s.def->unit == SurveyUnit::score ? "score" : "percent",
                               s.question_id);
            break;
        case IndicatorKind::board_difference:
            for (const BoardResult& b : y.board) {
                for (std::size_t g = 0; g < b.board.groups.size(); ++g)
                    out.count(y.year, ind.code, b.def->code, b.def->measure, defs.groups[g].label,
                              b.board.groups[g]);
                out.count(y.year, ind.code, b.def->code, b.def->measure, "Total", b.board.total);
                const std::string& focus = defs.groups[defs.focus_group].label;
                out.figure(y.year, ind.code, b.def->code, "board_percent", focus, b.board_percent,
                           "percent");
                out.figure(y.year, ind.code, b.def->code, "workforce_percent", focus,
                           b.workforce_percent, "percent");
                out.figure(y.year, ind.code, b.def->code, "difference", focus, b.difference,
                           "percentage points", ind.sign);
            }
            break;
    }
}

}  // namespace

std::string results_csv(const Results& results) {
    const Definitions& defs = *results.defs;
    CsvOut out(defs);
    out.figure(results.year, "", "", defs.characteristic + "_data_completeness", "",
               results.completeness.percent_known, "percent");
    for (const IndicatorResult& r : results.indicators) {
        const IndicatorDef& ind = *r.def;
        std::string note = ind.value_meaning;
        for (const Unconfirmed& u : r.unconfirmed)
            note += " UNCONFIRMED (" + u.what + "): " + u.note;
        out.figure(results.year, ind.code, "", "value", "", r.current.value, unit_of(r), note);
        year_csv(out, defs, ind, r.current);
        if (r.previous) year_csv(out, defs, ind, *r.previous);
        if (r.pooled) likelihood_csv(out, defs, ind, *r.pooled, "two-year pooled (UNCONFIRMED)");
    }
    return out.take();
}

}  // namespace eqkit::workforce
