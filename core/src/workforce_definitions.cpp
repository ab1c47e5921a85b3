// Strict loader for eqkit-indicators/1 files: every problem is reported with its JSON Pointer.
#include "eqkit/workforce_definitions.hpp"

#include <set>

#include "eqkit/files.hpp"
#include "eqkit/text.hpp"
#include "workforce_json.hpp"

namespace eqkit::workforce {
namespace {

using namespace detail;

// The sections the engine fills: medical and dental staff by subgroup, everyone else by band,
// split by the clinical flag.
constexpr std::string_view required_sections[] = {"non_clinical", "clinical", "medical"};

struct Loader {
    Diagnostics& diag;
    Definitions& defs;

    std::optional<std::size_t> group_ref(ObjectReader& obj, std::string_view key,
                                         bool allow_unknown) {
        std::optional<std::string> name = obj.string(key, Need::required);
        if (!name) return std::nullopt;
        std::optional<std::size_t> index = defs.group_index(*name);
        if (!index) {
            obj.error(key, in_quotes(*name) + " is not one of the groups");
        } else if (!allow_unknown && defs.groups[*index].unknown) {
            obj.error(key, in_quotes(*name) + " is the unknown group, which no ratio may use");
            return std::nullopt;
        }
        return index;
    }

    void groups(ObjectReader& root) {
        std::set<std::string> keys;
        for (ObjectReader& g : root.objects("groups", Need::required, 2)) {
            GroupDef group;
            group.key = required_text(g, "key");
            group.label = required_text(g, "label");
            group.description = g.string_or("description", "");
            group.aliases = g.strings("aliases", Need::optional);
            group.unknown = g.boolean_or("unknown", false);
            group.provenance = read_provenance(g);
            if (!keys.insert(group.key).second) {
                g.error("key", "group " + in_quotes(group.key) + " is listed twice");
            }
            g.finish();
            defs.groups.push_back(std::move(group));
        }
        const auto focus = group_ref(root, "focus_group", false);
        const auto ref = group_ref(root, "reference_group", false);
        if (focus) defs.focus_group = *focus;
        if (ref) defs.reference_group = *ref;
        if (focus && ref && *focus == *ref) {
            root.error("reference_group", "the focus and reference groups must differ");
        }
    }

    void classification(ObjectReader& root) {
        std::optional<ObjectReader> c = root.object("classification", Need::required);
        if (!c) return;
        Classification& out = defs.classification;
        out.field = required_text(*c, "field");
        out.label = required_text(*c, "label");
        out.explanation = c->string_or("explanation", "");
        out.code_tokens = c->boolean_or("code_tokens", false);
        if (auto blank = group_ref(*c, "blank", true)) out.blank = *blank;
        std::set<std::string> codes;
        for (ObjectReader& v : c->objects("values", Need::required, 1)) {
            ClassValue value;
            value.code = v.string_or("code", "");
            value.label = required_text(v, "label");
            value.aliases = v.strings("aliases", Need::optional);
            if (auto g = group_ref(v, "group", true)) value.group = *g;
            value.provenance = read_provenance(v);
            if (!value.code.empty() && !codes.insert(value.code).second) {
                v.error("code", "code " + in_quotes(value.code) + " is listed twice");
            }
            v.finish();
            out.values.push_back(std::move(value));
        }
        c->finish();
    }

    std::vector<RowDef> row_list(ObjectReader& rows, std::string_view key,
                                 std::set<std::string>& keys) {
        std::vector<RowDef> out;
        for (ObjectReader& r : rows.objects(key, Need::required, 1)) {
            RowDef row;
            row.key = required_text(r, "key");
            row.label = required_text(r, "label");
            row.aliases = r.strings("aliases", Need::optional);
            row.note = r.string_or("note", "");
            row.provenance = read_provenance(r);
            if (!keys.insert(row.key).second) {
                r.error("key", "row " + in_quotes(row.key) + " is listed twice");
            }
            r.finish();
            out.push_back(std::move(row));
        }
        return out;
    }

    void rows(ObjectReader& root) {
        std::optional<ObjectReader> r = root.object("rows", Need::required);
        if (!r) return;
        std::set<std::string> section_keys;
        for (ObjectReader& s : r->objects("sections", Need::required, 1)) {
            SectionDef section{required_text(s, "key"), required_text(s, "label")};
            section_keys.insert(section.key);
            s.finish();
            defs.rows.sections.push_back(std::move(section));
        }
        for (std::string_view needed : required_sections) {
            if (section_keys.count(std::string(needed)) == 0) {
                r->error("sections", "section " + in_quotes(needed) + " is missing");
            }
        }
        if (section_keys.size() != defs.rows.sections.size() ||
            section_keys.size() != std::size(required_sections)) {
            r->error("sections", "the sections must be exactly non_clinical, clinical and medical");
        }
        std::set<std::string> keys;
        defs.rows.afc = row_list(*r, "afc", keys);
        defs.rows.medical = row_list(*r, "medical", keys);
        defs.rows.provenance = read_provenance(*r);
        r->finish();
    }

    std::optional<InputKind> input_kind(ObjectReader& obj) {
        std::optional<std::string> kind = obj.string("kind", Need::required);
        if (!kind) return std::nullopt;
        if (*kind == "staff") return InputKind::staff;
        if (*kind == "applicants") return InputKind::applicants;
        if (*kind == "events") return InputKind::events;
        if (*kind == "board") return InputKind::board;
        if (*kind == "survey") return InputKind::survey;
        obj.error("kind", in_quotes(*kind) +
                              " is not a kind of input (staff, applicants, events, board, survey)");
        return std::nullopt;
    }

    void inputs(ObjectReader& root) {
        std::set<std::string> roles;
        std::size_t staff = 0;
        for (ObjectReader& in : root.objects("inputs", Need::required, 1)) {
            InputDef input;
            input.role = required_text(in, "role");
            input.title = required_text(in, "title");
            input.optional = in.boolean_or("optional", false);
            if (auto kind = input_kind(in)) input.kind = *kind;
            if (input.kind == InputKind::staff) ++staff;
            if (input.kind == InputKind::events) input.measure = required_text(in, "measure");
            for (ObjectReader& f : in.objects("flags", Need::optional)) {
                input.flags.push_back({required_text(f, "field"),
                                       f.boolean("counts_when", Need::required).value_or(true)});
                f.finish();
            }
            if (auto bank = in.object("bank_staff", Need::optional)) {
                input.exclude_bank = bank->boolean("excluded", Need::required).value_or(false);
                input.bank_provenance = read_provenance(*bank);
                input.bank_note = input.bank_provenance.note;
                bank->finish();
            }
            if (!roles.insert(input.role).second) {
                in.error("role", "role " + in_quotes(input.role) + " is listed twice");
            }
            in.finish();
            defs.inputs.push_back(std::move(input));
        }
        if (staff != 1) root.error("inputs", "exactly one input must be of kind \"staff\"");
    }

    void measures(ObjectReader& root) {
        std::set<std::string> keys;
        for (ObjectReader& m : root.objects("measures", Need::required, 1)) {
            MeasureDef measure{required_text(m, "key"), required_text(m, "label")};
            if (!keys.insert(measure.key).second) {
                m.error("key", "measure " + in_quotes(measure.key) + " is listed twice");
            }
            m.finish();
            defs.measures.push_back(std::move(measure));
        }
    }

    void check_measure(ObjectReader& obj, std::string_view key, const std::string& value) {
        if (!value.empty() && defs.measure(value) == nullptr) {
            obj.error(key, in_quotes(value) + " is not one of the measures");
        }
    }

    Statement statement(ObjectReader& root, std::string_view key) {
        Statement s;
        if (auto obj = root.object(key, Need::required)) {
            s.text = required_text(*obj, "text");
            s.provenance = read_provenance(*obj);
            obj->finish();
        }
        return s;
    }

    void guide(ObjectReader& root) {
        if (auto g = root.object("guide", Need::required)) {
            defs.guide.label = required_text(*g, "label");
            defs.guide.lower = g->number("lower", Need::required).value_or(0.8);
            defs.guide.upper = g->number("upper", Need::required).value_or(1.25);
            defs.guide.provenance = read_provenance(*g);
            if (!(defs.guide.lower > 0 && defs.guide.lower < 1 && defs.guide.upper > 1)) {
                g->error_here("the guide must run from below 1 to above 1");
            }
            g->finish();
        }
        if (auto s = root.object("small_numbers", Need::required)) {
            defs.small_numbers.below = s->integer("below", Need::required).value_or(5);
            if (defs.small_numbers.below < 0) s->error("below", "must not be negative");
            defs.small_numbers.provenance = read_provenance(*s);
            s->finish();
        }
    }

    bool column_known(std::string_view key) const {
        if (defs.group_index(key)) return true;
        for (const SurveyColumn& c : defs.survey_columns)
            if (c.key == key) return true;
        return false;
    }

    PartDef part(ObjectReader& p, IndicatorKind kind) {
        PartDef part;
        part.code = required_text(p, "code");
        part.title = p.string_or("title", "");
        part.provenance = read_provenance(p);
        if (kind == IndicatorKind::survey) {
            const std::string unit = p.string_or("unit", "percent");
            if (unit == "score") {
                part.unit = SurveyUnit::score;
            } else if (unit != "percent") {
                p.error("unit", "expected \"percent\" or \"score\"");
            }
            for (const std::string& key : p.strings("columns", Need::required)) {
                if (!column_known(key)) {
                    p.error("columns", in_quotes(key) + " is not a group or a survey column");
                }
                part.columns.push_back({key, defs.column_label(key)});
            }
            part.higher_is_better = p.boolean_or("higher_is_better", false);
            for (ObjectReader& q : p.objects("questions", Need::optional)) {
                part.questions.push_back(
                    {required_text(q, "surveys"), required_text(q, "question")});
                q.finish();
            }
        } else {
            part.measure = required_text(p, "measure");
            check_measure(p, "measure", part.measure);
        }
        p.finish();
        return part;
    }

    std::optional<IndicatorKind> indicator_kind(ObjectReader& obj) {
        std::optional<std::string> kind = obj.string("kind", Need::required);
        if (!kind) return std::nullopt;
        if (*kind == "representation") return IndicatorKind::representation;
        if (*kind == "relative_likelihood") return IndicatorKind::relative_likelihood;
        if (*kind == "survey") return IndicatorKind::survey;
        if (*kind == "board_difference") return IndicatorKind::board_difference;
        obj.error("kind", in_quotes(*kind) +
                              " is not a kind of indicator (representation, relative_likelihood, "
                              "survey, board_difference)");
        return std::nullopt;
    }

    void kind_fields(ObjectReader& i, IndicatorDef& ind) {
        switch (ind.kind) {
            case IndicatorKind::representation:
                ind.measure = required_text(i, "measure");
                check_measure(i, "measure", ind.measure);
                break;
            case IndicatorKind::relative_likelihood:
                ind.event = required_text(i, "event");
                ind.base = required_text(i, "base");
                check_measure(i, "event", ind.event);
                check_measure(i, "base", ind.base);
                ind.sentence = required_text(i, "sentence");
                if (auto g = group_ref(i, "numerator_group", false)) ind.numerator_group = *g;
                if (auto g = group_ref(i, "denominator_group", false)) ind.denominator_group = *g;
                if (ind.numerator_group == ind.denominator_group) {
                    i.error("denominator_group", "a ratio needs two different groups");
                }
                if (auto p = i.object("pooled", Need::optional)) {
                    ind.pooled = PooledDef{required_text(*p, "label"),
                                           required_text(*p, "description"), read_provenance(*p)};
                    p->finish();
                }
                break;
            case IndicatorKind::board_difference:
                ind.sign = required_text(i, "sign");
                ind.sign_provenance.confirmed = i.boolean_or("sign_confirmed", true);
                ind.sign_provenance.note = i.string_or("sign_note", "");
                [[fallthrough]];
            case IndicatorKind::survey:
                for (ObjectReader& p : i.objects("parts", Need::required, 1))
                    ind.parts.push_back(part(p, ind.kind));
                break;
        }
    }

    void indicators(ObjectReader& root) {
        std::set<int> numbers;
        std::set<std::string> codes;
        for (ObjectReader& i : root.objects("indicators", Need::required, 1)) {
            IndicatorDef ind;
            const std::int64_t number = i.integer("number", Need::required).value_or(0);
            if (number < 1 || number > 99) i.error("number", "must be between 1 and 99");
            ind.number = static_cast<int>(number);
            ind.code = required_text(i, "code");
            ind.title = required_text(i, "title");
            ind.short_title = required_text(i, "short_title");
            ind.data_source = required_text(i, "data_source");
            ind.calculation = required_text(i, "calculation");
            ind.value_meaning = required_text(i, "value_meaning");
            ind.interpretation = required_text(i, "interpretation");
            ind.provenance = read_provenance(i);
            if (auto kind = indicator_kind(i)) {
                ind.kind = *kind;
                kind_fields(i, ind);
            }
            if (!numbers.insert(ind.number).second) {
                i.error("number", "indicator " + std::to_string(number) + " is listed twice");
            }
            if (!codes.insert(ind.code).second) {
                i.error("code", "code " + in_quotes(ind.code) + " is listed twice");
            }
            i.finish();
            defs.indicators.push_back(std::move(ind));
        }
    }

    void survey_columns(ObjectReader& root) {
        for (ObjectReader& c : root.objects("survey_columns", Need::optional)) {
            defs.survey_columns.push_back({required_text(c, "key"), required_text(c, "label")});
            c.finish();
        }
    }

    void read(ObjectReader& root) {
        if (!check_format(root, indicators_format)) return;
        defs.standard = required_text(root, "standard");
        defs.framework = required_text(root, "framework");
        defs.title = required_text(root, "title");
        defs.short_title = required_text(root, "short_title");
        defs.characteristic = required_text(root, "characteristic");
        defs.counts_format = required_text(root, "counts_format");
        if (auto s = root.object("source", Need::required)) {
            defs.source.title = required_text(*s, "title");
            defs.source.url = s->string_or("url", "");
            defs.source.reference = s->string_or("reference", "");
            defs.source.provenance = read_provenance(*s);
            s->finish();
        }
        groups(root);
        survey_columns(root);
        classification(root);
        rows(root);
        measures(root);
        inputs(root);
        for (const InputDef& in : defs.inputs)
            if (in.kind == InputKind::events && defs.measure(in.measure) == nullptr) {
                root.error("inputs", "input " + in_quotes(in.role) + " counts " +
                                         in_quotes(in.measure) + ", which is not a measure");
            }
        defs.reporting_period = statement(root, "reporting_period");
        guide(root);
        indicators(root);
        root.finish();
    }
};

}  // namespace

std::optional<std::size_t> Definitions::group_index(std::string_view key) const {
    for (std::size_t i = 0; i < groups.size(); ++i)
        if (groups[i].key == key) return i;
    return std::nullopt;
}

const InputDef* Definitions::input(std::string_view role) const {
    for (const InputDef& in : inputs)
        if (in.role == role) return &in;
    return nullptr;
}

const MeasureDef* Definitions::measure(std::string_view key) const {
    for (const MeasureDef& m : measures)
        if (m.key == key) return &m;
    return nullptr;
}

std::string_view Definitions::measure_label(std::string_view key) const {
    const MeasureDef* m = measure(key);
    return m == nullptr ? key : std::string_view(m->label);
}

const IndicatorDef* Definitions::indicator(int number) const {
    for (const IndicatorDef& ind : indicators)
        if (ind.number == number) return &ind;
    return nullptr;
}

std::string Definitions::column_label(std::string_view key) const {
    if (auto g = group_index(key)) return groups[*g].label;
    for (const SurveyColumn& c : survey_columns)
        if (c.key == key) return c.label;
    return std::string(key);
}

Checked<Definitions> parse_definitions(std::string_view json, std::string_view label) {
    Result<Json> doc = eqkit::detail::parse_json(json, label);
    if (!doc) return tl::unexpected(ErrorList{doc.error()});
    Diagnostics diag{std::string(label)};
    Definitions defs;
    defs.file = std::string(label);
    ObjectReader root(*doc, "", diag);
    if (root.is_object()) Loader{diag, defs}.read(root);
    if (!diag.empty()) return tl::unexpected(diag.take());
    return defs;
}

Checked<Definitions> load_definitions(const std::filesystem::path& file) {
    Result<std::string> text = read_text_file(file);
    if (!text) return tl::unexpected(ErrorList{text.error()});
    return parse_definitions(*text, file.generic_string());
}

std::filesystem::path definitions_beside(const Framework& framework) {
    return std::filesystem::path(framework.file).parent_path() / "indicators.json";
}

}  // namespace eqkit::workforce
