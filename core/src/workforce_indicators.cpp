// The indicator engine. Raw counts are registered with the disclosure table first; figures are
// then computed from the raw counts and published only if every count they rest on is shown.
#include "eqkit/workforce_indicators.hpp"

#include <cmath>

#include "eqkit/disclosure.hpp"

namespace eqkit::workforce {
namespace {

std::string lower_first(std::string text) {
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') {
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
    }
    return text;
}

// Disclosure ids of one measure (per group, and the total).
struct MeasureIds {
    std::vector<std::size_t> groups;
    std::size_t total = 0;
};

// One year's counts, registered with its own disclosure table.
class YearCells {
  public:
    YearCells(const Definitions& defs, const Counts& counts, std::int64_t threshold)
        : defs_(defs), counts_(counts), table_(threshold) {
        for (const auto& [key, values] : counts.measures)
            measures_.emplace(key, add_groups(values));
        add_rows();
        table_.run();
    }

    const Counts& counts() const { return counts_; }
    const Disclosure& table() const { return table_; }
    std::optional<std::int64_t> raw(std::size_t id) const { return raws_[id]; }

    const MeasureIds* measure(std::string_view key) const {
        const auto it = measures_.find(key);
        return it == measures_.end() ? nullptr : &it->second;
    }

    Count published(std::size_t id) const {
        Count c;
        if (!raws_[id]) return c;
        if (table_.suppressed(id)) {
            c.state = State::suppressed;
            c.secondary = table_.secondary(id);
            return c;
        }
        c.state = State::shown;
        c.value = *raws_[id];
        return c;
    }

    GroupCells published(const MeasureIds& ids) const {
        GroupCells out;
        for (std::size_t id : ids.groups)
            out.groups.push_back(published(id));
        out.total = published(ids.total);
        return out;
    }

    // A published figure from counts: not given, suppressed, or computed.
    template <class Fn>
    Figure derive(std::initializer_list<std::size_t> sources, Fn&& compute) const {
        Figure f;
        for (std::size_t id : sources) {
            if (!raws_[id]) {
                f.why = "not given";
                return f;
            }
        }
        for (std::size_t id : sources) {
            if (table_.suppressed(id)) {
                f.state = State::suppressed;
                f.why = "hidden to protect small numbers: it rests on a count below " +
                        std::to_string(table_.threshold());
                return f;
            }
        }
        return compute();
    }

    struct RowIds {
        std::string section;
        std::string key;
        std::string label;
        const RowDef* def = nullptr;
        MeasureIds ids;
    };
    const std::vector<RowIds>& rows() const { return rows_; }

  private:
    // What secondary suppression hides first: unknowns, then the reference group; the focus
    // group's counts (the point of the standard) and totals (every percentage needs them) last.
    int priority(std::size_t group) const {
        if (defs_.groups[group].unknown) return 0;
        return group == defs_.focus_group ? 2 : 1;
    }

    MeasureIds add_groups(const GroupCounts& values) {
        MeasureIds ids;
        for (std::size_t g = 0; g < values.size(); ++g)
            ids.groups.push_back(add(values[g], priority(g)));
        ids.total = add(total_of(values), 3);
        table_.relation(ids.groups, ids.total);
        return ids;
    }

    std::size_t add(std::optional<std::int64_t> v, int priority) {
        raws_.push_back(v);
        return table_.add(v, priority);
    }

    const BandCount* band(std::string_view section, std::string_view row) const {
        for (const BandCount& b : counts_.bands)
            if (b.section == section && b.row == row) return &b;
        return nullptr;
    }

    void add_section(const SectionDef& section, const std::vector<RowDef>& defs_rows,
                     std::vector<MeasureIds>& section_totals) {
        std::vector<MeasureIds> members;
        for (const RowDef& row : defs_rows) {
            const BandCount* b = band(section.key, row.key);
            if (b == nullptr) continue;
            MeasureIds ids = add_groups(b->counts);
            rows_.push_back({section.key, row.key, row.label, &row, ids});
            members.push_back(ids);
        }
        if (members.empty()) return;
        GroupCounts sums(defs_.groups.size(), std::int64_t{0});
        for (std::size_t g = 0; g < sums.size(); ++g)
            for (const MeasureIds& m : members)
                sums[g] = sums[g] && raws_[m.groups[g]]
                              ? std::optional(*sums[g] + *raws_[m.groups[g]])
                              : std::nullopt;
        MeasureIds total = add_groups(sums);
        for (std::size_t g = 0; g < sums.size(); ++g) {
            std::vector<std::size_t> column;
            for (const MeasureIds& m : members)
                column.push_back(m.groups[g]);
            table_.relation(column, total.groups[g]);
        }
        std::vector<std::size_t> totals;
        for (const MeasureIds& m : members)
            totals.push_back(m.total);
        table_.relation(totals, total.total);
        rows_.push_back(
            {section.key, "total", "All " + lower_first(section.label), nullptr, total});
        section_totals.push_back(total);
    }

    void add_rows() {
        std::vector<MeasureIds> section_totals;
        for (const SectionDef& section : defs_.rows.sections)
            add_section(section, section.key == "medical" ? defs_.rows.medical : defs_.rows.afc,
                        section_totals);
        const MeasureIds* headcount = measure("headcount");
        if (headcount == nullptr || section_totals.empty()) return;
        // Sections add up to the workforce when the bands are complete.
        for (std::size_t g = 0; g <= defs_.groups.size(); ++g) {
            const std::size_t whole =
                g < defs_.groups.size() ? headcount->groups[g] : headcount->total;
            std::vector<std::size_t> parts;
            std::int64_t sum = 0;
            bool known = raws_[whole].has_value();
            for (const MeasureIds& s : section_totals) {
                const std::size_t id = g < defs_.groups.size() ? s.groups[g] : s.total;
                parts.push_back(id);
                known = known && raws_[id].has_value();
                sum += raws_[id].value_or(0);
            }
            if (known && sum == *raws_[whole]) table_.relation(parts, whole);
        }
    }

    const Definitions& defs_;
    const Counts& counts_;
    Disclosure table_;
    std::vector<std::optional<std::int64_t>> raws_;
    std::map<std::string, MeasureIds, std::less<>> measures_;
    std::vector<RowIds> rows_;
};

Figure shown(double value) {
    return Figure{value, State::shown, ""};
}

Figure not_calculable(std::string why) {
    return Figure{0, State::not_calculable, std::move(why)};
}

Figure percent_of(const YearCells& y, std::size_t part, std::size_t whole) {
    return y.derive({part, whole}, [&] {
        const std::int64_t n = *y.raw(whole);
        if (n == 0) return not_calculable("the total is 0, so there is no percentage");
        return shown(100.0 * static_cast<double>(*y.raw(part)) / static_cast<double>(n));
    });
}

class Engine {
  public:
    Engine(const Definitions& defs, std::int64_t threshold) : defs_(defs), threshold_(threshold) {}

    YearResult year(const IndicatorDef& ind, const YearCells& y) const {
        YearResult out;
        out.year = y.counts().year;
        switch (ind.kind) {
            case IndicatorKind::representation:
                out.representation = representation(ind, y);
                out.value = focus_percent(y, ind.measure);
                break;
            case IndicatorKind::relative_likelihood:
                out.likelihood = likelihood(ind, y);
                out.value = out.likelihood->ratio;
                break;
            case IndicatorKind::survey:
                for (const PartDef& part : ind.parts)
                    out.survey.push_back(survey(part, y.counts()));
                out.value = headline(out.survey.front());
                break;
            case IndicatorKind::board_difference:
                for (const PartDef& part : ind.parts)
                    out.board.push_back(board(part, y));
                out.value = out.board.front().difference;
                break;
        }
        if (out.value.state == State::not_given && out.value.why == "not given") {
            out.value.why = "the data this needs was not given";
        }
        return out;
    }

    // Two years' counts added, each count hidden or shown as in its own year.
    Likelihood pooled(const IndicatorDef& ind, const YearCells& now,
                      const YearCells& before) const {
        Likelihood l;
        l.period = before.counts().year + " and " + now.counts().year;
        const MeasureIds* e1 = now.measure(ind.event);
        const MeasureIds* b1 = now.measure(ind.base);
        const MeasureIds* e0 = before.measure(ind.event);
        const MeasureIds* b0 = before.measure(ind.base);
        auto sum_cells = [&](const MeasureIds* a, const MeasureIds* b) {
            GroupCells out;
            for (std::size_t g = 0; g <= defs_.groups.size(); ++g) {
                Count c;
                if (a != nullptr && b != nullptr) {
                    const std::size_t ia = g < defs_.groups.size() ? a->groups[g] : a->total;
                    const std::size_t ib = g < defs_.groups.size() ? b->groups[g] : b->total;
                    const Count ca = now.published(ia);
                    const Count cb = before.published(ib);
                    if (ca.state == State::shown && cb.state == State::shown) {
                        c = Count{ca.value + cb.value, State::shown, false};
                    } else if (ca.state != State::not_given && cb.state != State::not_given) {
                        c.state = State::suppressed;
                    }
                }
                (g < defs_.groups.size() ? out.groups.emplace_back() : out.total) = c;
            }
            return out;
        };
        l.events = sum_cells(e1, e0);
        l.bases = sum_cells(b1, b0);
        fill_ratio(ind, l);
        return l;
    }

  private:
    Figure focus_percent(const YearCells& y, const std::string& measure) const {
        const MeasureIds* ids = y.measure(measure);
        if (ids == nullptr) return Figure{0, State::not_given, "not given"};
        return percent_of(y, ids->groups[defs_.focus_group], ids->total);
    }

    RowResult row(const YearCells& y, std::string section, std::string key, std::string label,
                  const RowDef* def, const MeasureIds& ids) const {
        RowResult r{
            std::move(section), std::move(key), std::move(label), def, y.published(ids), {}};
        for (std::size_t id : ids.groups)
            r.percents.push_back(percent_of(y, id, ids.total));
        return r;
    }

    Representation representation(const IndicatorDef& ind, const YearCells& y) const {
        Representation out;
        for (const auto& r : y.rows())
            out.rows.push_back(row(y, r.section, r.key, r.label, r.def, r.ids));
        out.has_bands = !out.rows.empty();
        if (const MeasureIds* ids = y.measure(ind.measure)) {
            out.rows.push_back(row(y, "", "overall", "Whole workforce", nullptr, *ids));
        }
        return out;
    }

    // The ratio, its interval and flags from the published counts (hidden counts hide it).
    void fill_ratio(const IndicatorDef& ind, Likelihood& l) const {
        const std::size_t num = ind.numerator_group;
        const std::size_t den = ind.denominator_group;
        for (std::size_t g = 0; g < defs_.groups.size(); ++g)
            l.rates.push_back(rate(l.events.groups[g], l.bases.groups[g]));
        const Count cells[] = {l.events.groups[num], l.bases.groups[num], l.events.groups[den],
                               l.bases.groups[den]};
        const std::string event = lower_first(std::string(defs_.measure_label(ind.event)));
        const std::string base = lower_first(std::string(defs_.measure_label(ind.base)));
        l.ratio = Figure{};
        for (const Count& c : cells) {
            if (c.state == State::not_given) {
                l.ratio.why = "needs counts of " + event + " and " + base + " for " +
                              defs_.group_label(num) + " and " + defs_.group_label(den);
                return hide_interval(l, l.ratio.why);
            }
        }
        // Zero counts are shown, so naming them reveals nothing hidden.
        for (std::size_t g : {num, den}) {
            if (l.bases.groups[g].state == State::shown && l.bases.groups[g].value == 0) {
                l.ratio = not_calculable("there are no " + defs_.group_label(g) + " " + base +
                                         ", so their rate cannot be worked out");
                return hide_interval(l, l.ratio.why);
            }
        }
        if (l.events.groups[den].state == State::shown && l.events.groups[den].value == 0) {
            l.ratio = not_calculable("no " + defs_.group_label(den) + " " + event +
                                     ", so the ratio would divide by zero");
            return hide_interval(l, l.ratio.why);
        }
        for (const Count& c : cells) {
            if (c.state == State::suppressed) {
                l.ratio = Figure{0, State::suppressed,
                                 "hidden to protect small numbers: it rests on a count below " +
                                     std::to_string(threshold_)};
                return hide_interval(l, l.ratio.why);
            }
        }
        for (std::size_t g : {num, den}) {
            if (l.events.groups[g].value > l.bases.groups[g].value) {
                l.ratio = not_calculable("the " + defs_.group_label(g) + " " + event +
                                         " are more than the " + base + "; check the data");
                return hide_interval(l, l.ratio.why);
            }
        }
        const RatioInterval ri =
            relative_likelihood(cells[0].value, cells[1].value, cells[2].value, cells[3].value);
        l.ratio = shown(*ri.ratio);
        if (ri.lower) {
            l.lower = shown(*ri.lower);
            l.upper = shown(*ri.upper);
        } else {
            hide_interval(l, "the log method needs at least one of " + event + " in each group");
        }
        l.within_guide = *ri.ratio >= defs_.guide.lower && *ri.ratio <= defs_.guide.upper;
        for (const Count& c : cells)
            l.small_numbers = l.small_numbers || c.value < defs_.small_numbers.below;
    }

    static void hide_interval(Likelihood& l, const std::string& why) {
        l.lower =
            Figure{0, l.ratio.state == State::shown ? State::not_calculable : l.ratio.state, why};
        l.upper = l.lower;
    }

    static Figure rate(const Count& event, const Count& base) {
        if (event.state == State::not_given || base.state == State::not_given) {
            return Figure{0, State::not_given, "not given"};
        }
        if (event.state == State::suppressed || base.state == State::suppressed) {
            return Figure{0, State::suppressed, "hidden to protect small numbers"};
        }
        if (base.value == 0) return not_calculable("the denominator is 0");
        return shown(static_cast<double>(event.value) / static_cast<double>(base.value));
    }

    Likelihood likelihood(const IndicatorDef& ind, const YearCells& y) const {
        Likelihood l;
        l.period = y.counts().year;
        const MeasureIds* events = y.measure(ind.event);
        const MeasureIds* bases = y.measure(ind.base);
        auto cells = [&](const MeasureIds* ids) {
            if (ids != nullptr) return y.published(*ids);
            GroupCells none;
            none.groups.resize(defs_.groups.size());
            return none;
        };
        l.events = cells(events);
        l.bases = cells(bases);
        fill_ratio(ind, l);
        return l;
    }

    SurveyResult survey(const PartDef& part, const Counts& counts) const {
        SurveyResult out;
        out.def = &part;
        const auto it = counts.survey.find(part.code);
        for (const SurveyColumn& column : part.columns) {
            Figure f{0, State::not_given, "not given"};
            if (it != counts.survey.end()) {
                const auto v = it->second.values.find(column.key);
                if (v != it->second.values.end()) f = shown(v->second);
            }
            out.values.push_back(f);
        }
        if (it != counts.survey.end()) {
            out.survey_year = it->second.survey_year;
            out.question_id = it->second.question_id;
        }
        return out;
    }

    // The focus group's figure, or the first column's when the focus group is not asked.
    Figure headline(const SurveyResult& s) const {
        const std::string& focus = defs_.groups[defs_.focus_group].key;
        for (std::size_t i = 0; i < s.def->columns.size(); ++i)
            if (s.def->columns[i].key == focus) return s.values[i];
        return s.values.front();
    }

    BoardResult board(const PartDef& part, const YearCells& y) const {
        BoardResult out;
        out.def = &part;
        const MeasureIds* b = y.measure(part.measure);
        const MeasureIds* w = y.measure("headcount");
        const std::size_t f = defs_.focus_group;
        if (b != nullptr) out.board = y.published(*b);
        if (b == nullptr || w == nullptr) {
            out.board.groups.resize(defs_.groups.size());
            out.board_percent = out.workforce_percent = out.difference =
                Figure{0, State::not_given, "not given"};
            if (w != nullptr) out.workforce_percent = percent_of(y, w->groups[f], w->total);
            return out;
        }
        out.board_percent = percent_of(y, b->groups[f], b->total);
        out.workforce_percent = percent_of(y, w->groups[f], w->total);
        out.difference = y.derive({b->groups[f], b->total, w->groups[f], w->total}, [&] {
            if (out.board_percent.state != State::shown) return out.board_percent;
            if (out.workforce_percent.state != State::shown) return out.workforce_percent;
            return shown(out.board_percent.value - out.workforce_percent.value);
        });
        return out;
    }

    const Definitions& defs_;
    std::int64_t threshold_;
};

std::vector<Unconfirmed> unconfirmed_facts(const Definitions& defs, const IndicatorDef& ind) {
    std::vector<Unconfirmed> list;
    auto add = [&list](std::string what, const Provenance& p) {
        if (!p.confirmed) list.push_back({std::move(what), p.note});
    };
    add("indicator " + ind.code, ind.provenance);
    if (ind.pooled) add(ind.pooled->label, ind.pooled->provenance);
    if (ind.kind == IndicatorKind::board_difference) add("sign convention", ind.sign_provenance);
    for (const PartDef& p : ind.parts)
        add("part " + p.code, p.provenance);
    if (ind.kind == IndicatorKind::relative_likelihood) {
        add("four-fifths guide", defs.guide.provenance);
        add("small numbers flag", defs.small_numbers.provenance);
        for (const GroupDef& g : defs.groups)
            if (g.unknown) add("leaving " + g.label + " out of the ratio", g.provenance);
        add("reporting period", defs.reporting_period.provenance);
    }
    if (ind.kind == IndicatorKind::representation) add("rows", defs.rows.provenance);
    if (ind.kind != IndicatorKind::survey) {
        for (const InputDef& in : defs.inputs)
            if (in.kind == InputKind::staff && in.exclude_bank)
                add("leaving out bank staff", in.bank_provenance);
    }
    return list;
}

void add_flags(const Definitions& defs, IndicatorResult& r) {
    auto flag = [&r](std::string f) { r.flags.push_back(std::move(f)); };
    switch (r.current.value.state) {
        case State::shown:
            break;
        case State::suppressed:
            flag("suppressed");
            break;
        case State::not_given:
            flag("no_data");
            break;
        case State::not_calculable:
            flag("not_calculable");
            break;
    }
    if (const auto& l = r.current.likelihood) {
        if (l->small_numbers) flag("small_numbers");
        if (l->within_guide)
            flag(*l->within_guide ? "within_four_fifths_guide" : "outside_four_fifths_guide");
        if (l->ratio.state == State::shown && l->lower.state != State::shown)
            flag("interval_not_calculable");
        for (std::size_t g = 0; g < defs.groups.size(); ++g) {
            if (!defs.groups[g].unknown) continue;
            const Count& e = l->events.groups[g];
            const Count& b = l->bases.groups[g];
            if ((e.state == State::shown && e.value > 0) ||
                (b.state == State::shown && b.value > 0) || e.state == State::suppressed ||
                b.state == State::suppressed) {
                flag("unknown_excluded");
            }
        }
    }
    if (!r.unconfirmed.empty()) flag("unconfirmed");
}

Completeness completeness(const Definitions& defs, const YearCells& y) {
    Completeness c;
    const MeasureIds* ids = y.measure("headcount");
    if (ids == nullptr) {
        c.percent_known = Figure{0, State::not_given, "no headcount was given"};
        return c;
    }
    c.total = y.published(ids->total);
    std::int64_t unknown = 0;
    bool hidden = c.total.state == State::suppressed;
    bool given = c.total.state != State::not_given;
    for (std::size_t g = 0; g < defs.groups.size(); ++g) {
        if (!defs.groups[g].unknown) continue;
        const Count cell = y.published(ids->groups[g]);
        hidden = hidden || cell.state == State::suppressed;
        given = given && cell.state != State::not_given;
        unknown += y.raw(ids->groups[g]).value_or(0);
    }
    const std::int64_t total = y.raw(ids->total).value_or(0);
    if (!given) {
        c.percent_known = Figure{0, State::not_given, "not every group's headcount was given"};
        return c;
    }
    if (hidden) {
        c.known.state = c.unknown.state = State::suppressed;
        c.percent_known = Figure{0, State::suppressed,
                                 "hidden to protect small numbers: fewer than " +
                                     std::to_string(y.table().threshold()) + " people are unknown"};
        if (c.total.state == State::shown && total > 0) {
            const std::int64_t most_unknown = y.table().threshold() - 1;
            c.at_least =
                100.0 * static_cast<double>(total - most_unknown) / static_cast<double>(total);
        }
        return c;
    }
    c.known = Count{total - unknown, State::shown, false};
    c.unknown = Count{unknown, State::shown, false};
    c.percent_known =
        total == 0
            ? not_calculable("there are no staff")
            : shown(100.0 * static_cast<double>(total - unknown) / static_cast<double>(total));
    return c;
}

}  // namespace

RatioInterval relative_likelihood(std::int64_t a, std::int64_t n, std::int64_t b, std::int64_t m) {
    RatioInterval out;
    if (n <= 0 || m <= 0 || b <= 0 || a < 0 || a > n || b > m) return out;
    const double ratio = (static_cast<double>(a) / static_cast<double>(n)) /
                         (static_cast<double>(b) / static_cast<double>(m));
    out.ratio = ratio;
    if (a == 0) return out;
    const double se = std::sqrt(1.0 / static_cast<double>(a) - 1.0 / static_cast<double>(n) +
                                1.0 / static_cast<double>(b) - 1.0 / static_cast<double>(m));
    out.lower = std::exp(std::log(ratio) - z_95 * se);
    out.upper = std::exp(std::log(ratio) + z_95 * se);
    return out;
}

Results compute(const Definitions& defs, const Counts& current, const Counts* previous,
                ComputeOptions options) {
    Results results;
    results.defs = &defs;
    results.year = current.year;
    results.suppress_below = options.suppress_below;
    const YearCells now(defs, current, options.suppress_below);
    std::optional<YearCells> before;
    if (previous != nullptr) {
        before.emplace(defs, *previous, options.suppress_below);
        results.has_previous = true;
        results.previous_year = previous->year;
        results.previous_completeness = completeness(defs, *before);
    }
    results.suppressed_cells = now.table().suppressed_count();
    results.secondary_cells = now.table().secondary_count();
    results.completeness = completeness(defs, now);
    const Engine engine(defs, options.suppress_below);
    for (const IndicatorDef& ind : defs.indicators) {
        IndicatorResult r;
        r.def = &ind;
        r.unconfirmed = unconfirmed_facts(defs, ind);
        r.current = engine.year(ind, now);
        if (before) {
            r.previous = engine.year(ind, *before);
            if (ind.pooled) r.pooled = engine.pooled(ind, now, *before);
        }
        add_flags(defs, r);
        results.indicators.push_back(std::move(r));
    }
    return results;
}

}  // namespace eqkit::workforce
