// Counts files (eqkit-wres-counts/1, eqkit-wdes-counts/1): read strictly, every problem with its
// JSON Pointer; a value that cannot be used is left out and reported, never guessed.
#include "eqkit/workforce_counts.hpp"

#include "eqkit/csv_reader.hpp"
#include "eqkit/files.hpp"
#include "workforce_json.hpp"
#include "workforce_values.hpp"

namespace eqkit::workforce {
namespace {

using namespace detail;

constexpr std::uint64_t max_plausible_count = 1'000'000'000ULL;

struct CountsReader {
    Diagnostics& diag;
    const Definitions& defs;
    Counts& counts;

    // The number of people in one group of a measure.
    std::optional<std::int64_t> count(ObjectReader& obj, std::string_view key) {
        const Json* value = obj.raw(key, Need::optional);
        if (value == nullptr) return std::nullopt;
        if (!value->is_number_integer()) {
            obj.error(key, "expected a whole number of people, found " +
                               std::string(eqkit::detail::type_name(*value)));
            return std::nullopt;
        }
        if (value->is_number_unsigned() && value->get<std::uint64_t>() > max_plausible_count) {
            obj.error(key, "more than a billion people is not a plausible count");
            return std::nullopt;
        }
        const std::int64_t n = value->get<std::int64_t>();
        if (n < 0) {
            obj.error(key, "a count of people cannot be negative");
            return std::nullopt;
        }
        return n;
    }

    GroupCounts groups(ObjectReader& obj) {
        GroupCounts out(defs.groups.size());
        for (std::size_t g = 0; g < defs.groups.size(); ++g)
            out[g] = count(obj, defs.groups[g].key);
        return out;
    }

    void measures(ObjectReader& root) {
        for (const MeasureDef& m : defs.measures) {
            std::optional<ObjectReader> obj = root.object(m.key, Need::optional);
            if (!obj) continue;
            counts.measures[m.key] = groups(*obj);
            obj->finish();
        }
    }

    void survey(ObjectReader& root) {
        std::optional<ObjectReader> obj = root.object("survey", Need::optional);
        if (!obj) return;
        const Json* node = root.raw("survey", Need::optional);
        for (const auto& [code, value] : node->items()) {
            const PartDef* part = find_survey_part(defs, code);
            if (part == nullptr) {
                obj->error(code, in_quotes(code) + " is not a Staff Survey indicator here (use " +
                                     survey_codes(defs) + ")");
                continue;
            }
            ObjectReader entry(value, eqkit::detail::pointer_append(obj->pointer(), code), diag);
            if (!entry.is_object()) continue;
            SurveyFigure figure;
            for (const SurveyColumn& column : part->columns) {
                std::optional<double> v = entry.number(column.key, Need::optional);
                if (!v) continue;
                const bool percent = part->unit == SurveyUnit::percent;
                if (*v < 0 || (percent && *v > 100)) {
                    entry.error(column.key, percent ? "a percentage must be from 0 to 100"
                                                    : "a score cannot be negative");
                    continue;
                }
                figure.values[column.key] = *v;
            }
            figure.survey_year = entry.string_or("survey_year", "");
            figure.question_id = entry.string_or("question_id", "");
            entry.finish();
            counts.survey[part->code] = std::move(figure);
        }
    }

    void band(ObjectReader& b, RowMatcher& rows) {
        BandCount out;
        if (auto medical = b.string("medical_subgroup", Need::optional)) {
            if (auto i = rows.medical(*medical)) {
                out.section = "medical";
                out.row = defs.rows.medical[*i].key;
            } else {
                b.error("medical_subgroup", quote_value(*medical) +
                                                " is not a medical and dental subgroup (use " +
                                                rows.expected_medical() + ")");
            }
        } else if (auto band = b.string("band", Need::required)) {
            if (auto i = rows.band(*band)) {
                out.row = defs.rows.afc[*i].key;
                if (auto clinical = b.boolean("clinical", Need::required)) {
                    out.section = *clinical ? "clinical" : "non_clinical";
                }
            } else {
                b.error("band", quote_value(*band) + " is not a pay band here (use " +
                                    rows.expected_bands() + ")");
                (void)b.raw("clinical", Need::optional);
            }
        }
        out.counts = groups(b);
        b.finish();
        if (out.section.empty()) return;
        for (const BandCount& existing : counts.bands) {
            if (existing.section == out.section && existing.row == out.row) {
                b.error_here("this row (" + out.row + ", " + out.section +
                             ") is listed twice; give each band once");
                return;
            }
        }
        counts.bands.push_back(std::move(out));
    }

    void read(ObjectReader& root) {
        counts.year = root.string_or("year", "");
        measures(root);
        survey(root);
        RowMatcher rows(defs);
        for (ObjectReader& b : root.objects("bands", Need::optional))
            band(b, rows);
        root.finish();
        // Organisations with only band rows need not add them up themselves.
        if (!counts.measure("headcount") && !counts.bands.empty()) {
            GroupCounts sum(defs.groups.size(), std::int64_t{0});
            for (const BandCount& b : counts.bands)
                for (std::size_t g = 0; g < sum.size(); ++g)
                    sum[g] = b.counts[g] && sum[g] ? std::optional(*sum[g] + *b.counts[g])
                                                   : std::nullopt;
            counts.measures["headcount"] = sum;
        }
    }
};

std::string group_place(std::string_view measure, const Definitions& defs, std::size_t g) {
    return "/" + std::string(measure) + "/" + defs.groups[g].key;
}

}  // namespace

const GroupCounts* Counts::measure(std::string_view key) const {
    const auto it = measures.find(key);
    return it == measures.end() ? nullptr : &it->second;
}

std::optional<std::int64_t> total_of(const GroupCounts& counts) {
    std::int64_t total = 0;
    for (const auto& c : counts) {
        if (!c) return std::nullopt;
        total += *c;
    }
    return total;
}

Result<CountsLoad> parse_counts(std::string_view json, std::string_view label,
                                const Definitions& defs) {
    Result<Json> doc = eqkit::detail::parse_json(json, label);
    if (!doc) return tl::unexpected(doc.error());
    Diagnostics diag{std::string(label)};
    ObjectReader root(*doc, "", diag);
    if (!root.is_object() || !check_format(root, defs.counts_format)) {
        return tl::unexpected(diag.take().front());
    }
    CountsLoad load;
    CountsReader{diag, defs, load.counts}.read(root);
    load.problems = diag.take();
    for (Error& e : check_counts(load.counts, defs, label))
        load.problems.push_back(std::move(e));
    return load;
}

Result<CountsLoad> load_counts(const std::filesystem::path& file, const Definitions& defs) {
    Result<std::string> text = read_text_file(file);
    if (!text) return tl::unexpected(text.error());
    return parse_counts(*text, file.generic_string(), defs);
}

ErrorList check_counts(const Counts& counts, const Definitions& defs, std::string_view label) {
    ErrorList problems;
    for (const IndicatorDef& ind : defs.indicators) {
        if (ind.kind != IndicatorKind::relative_likelihood) continue;
        const GroupCounts* event = counts.measure(ind.event);
        const GroupCounts* base = counts.measure(ind.base);
        if (event == nullptr || base == nullptr) continue;
        for (std::size_t g = 0; g < defs.groups.size(); ++g) {
            if ((*event)[g] && (*base)[g] && *(*event)[g] > *(*base)[g]) {
                problems.push_back({std::string(label), group_place(ind.event, defs, g),
                                    std::to_string(*(*event)[g]) + " (" +
                                        std::string(defs.measure_label(ind.event)) +
                                        ") is more than the " + std::to_string(*(*base)[g]) + " " +
                                        std::string(defs.measure_label(ind.base)) + "; indicator " +
                                        ind.code + " cannot use them"});
            }
        }
    }
    const GroupCounts* headcount = counts.measure("headcount");
    if (headcount != nullptr && !counts.bands.empty()) {
        for (std::size_t g = 0; g < defs.groups.size(); ++g) {
            std::int64_t sum = 0;
            bool complete = (*headcount)[g].has_value();
            for (const BandCount& b : counts.bands) {
                if (!b.counts[g]) complete = false;
                sum += b.counts[g].value_or(0);
            }
            // Fewer may mean only some bands were given; more cannot be right.
            if (complete && sum > *(*headcount)[g]) {
                problems.push_back(
                    {std::string(label), group_place("headcount", defs, g),
                     "the bands add up to " + std::to_string(sum) + " " + defs.groups[g].label +
                         " staff, more than the headcount's " + std::to_string(*(*headcount)[g])});
            }
        }
    }
    return problems;
}

std::string counts_json(const Counts& counts, const Definitions& defs) {
    using Ordered = nlohmann::ordered_json;
    auto group_object = [&](const GroupCounts& c) {
        Ordered obj = Ordered::object();
        for (std::size_t g = 0; g < defs.groups.size(); ++g)
            if (c[g]) obj[defs.groups[g].key] = *c[g];
        return obj;
    };
    Ordered doc = Ordered::object();
    doc["format"] = defs.counts_format;
    doc["year"] = counts.year;
    for (const MeasureDef& m : defs.measures)
        if (const GroupCounts* c = counts.measure(m.key)) doc[m.key] = group_object(*c);
    if (!counts.survey.empty()) {
        Ordered survey = Ordered::object();
        for (const auto& [code, figure] : counts.survey) {
            Ordered entry = Ordered::object();
            for (const auto& [column, value] : figure.values)
                entry[column] = value;
            if (!figure.survey_year.empty()) entry["survey_year"] = figure.survey_year;
            if (!figure.question_id.empty()) entry["question_id"] = figure.question_id;
            survey[code] = entry;
        }
        doc["survey"] = survey;
    }
    if (!counts.bands.empty()) {
        Ordered bands = Ordered::array();
        for (const BandCount& b : counts.bands) {
            Ordered entry = Ordered::object();
            if (b.section == "medical") {
                entry["medical_subgroup"] = b.row;
            } else {
                entry["band"] = b.row;
                entry["clinical"] = b.section == "clinical";
            }
            const Ordered groups = group_object(b.counts);
            for (const auto& [key, value] : groups.items())
                entry[key] = value;
            bands.push_back(entry);
        }
        doc["bands"] = bands;
    }
    return doc.dump(2, ' ', false, Ordered::error_handler_t::replace) + "\n";
}

}  // namespace eqkit::workforce
