// The workforce session behind both faces: the rules live here and in the engine it calls.
#include "eqkit/workforce_api.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "eqkit/csv_reader.hpp"
#include "eqkit/files.hpp"
#include "json_reader.hpp"
#include "workforce_values.hpp"

namespace eqkit::workforce {
namespace {

using eqkit::detail::Json;

// How the screens name our fields; a field not listed here is shown by its own name.
std::string field_label(const Definitions& defs, const std::string& field) {
    static constexpr std::pair<std::string_view, std::string_view> labels[] = {
        {"person_id", "Person ID (links the files to the staff file)"},
        {"afc_band", "Agenda for Change pay band"},
        {"clinical", "Clinical (yes or no)"},
        {"medical_subgroup", "Medical and dental subgroup"},
        {"is_bank", "Bank staff (yes or no)"},
        {"shortlisted", "Shortlisted"},
        {"appointed", "Appointed"},
        {"voting", "Voting board member (yes or no)"},
        {"executive", "Executive board member (yes or no)"},
        {"indicator", "Indicator"},
        {"group", "Group"},
        {"percentage", "Percentage"},
        {"survey_year", "Survey year"},
        {"question_id", "Question ID"},
        {"accessed_non_mandatory", "Accessed non-mandatory training (yes or no)"},
        {"mandatory", "Mandatory training (yes or no)"}};
    if (field == defs.classification.field) return defs.classification.label;
    for (const auto& [name, label] : labels)
        if (name == field) return std::string(label);
    return field;
}

Json error_json(const Error& e) {
    return Json{
        {"file", e.file}, {"place", e.place}, {"reason", e.reason}, {"message", e.message()}};
}

Json errors_json(const ErrorList& errors) {
    Json list = Json::array();
    for (const Error& e : errors)
        list.push_back(error_json(e));
    return list;
}

Json field_errors_json(const std::vector<FieldError>& errors) {
    Json list = Json::array();
    for (const FieldError& e : errors)
        list.push_back(Json{{"field", e.field}, {"message", e.message}});
    return list;
}

std::string dump(const Json& j) {
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string ok_or(const Result<void>& r) {
    if (r) return dump(Json{{"ok", true}});
    return dump(Json{{"ok", false}, {"error", error_json(r.error())}});
}

std::string ok_or(const ErrorList& errors) {
    return dump(Json{{"ok", errors.empty()}, {"errors", errors_json(errors)}});
}

std::string ok_or(const std::vector<FieldError>& errors) {
    return dump(Json{{"ok", errors.empty()}, {"errors", field_errors_json(errors)}});
}

// A JSON object of text values, as the faces send forms.
Result<std::map<std::string, std::string>> text_object(std::string_view text,
                                                       std::string_view label) {
    Result<Json> doc = eqkit::detail::parse_json(text, label);
    if (!doc) return tl::unexpected(doc.error());
    if (!doc->is_object())
        return tl::unexpected(Error{std::string(label), "", "expected an object"});
    std::map<std::string, std::string> out;
    for (const auto& [key, value] : doc->items()) {
        if (!value.is_string()) {
            return tl::unexpected(
                Error{std::string(label), eqkit::detail::pointer_append("", key), "expected text"});
        }
        out.emplace(key, value.get<std::string>());
    }
    return out;
}

const char* input_kind(InputKind kind) {
    switch (kind) {
        case InputKind::staff:
            return "staff";
        case InputKind::applicants:
            return "applicants";
        case InputKind::events:
            return "events";
        case InputKind::board:
            return "board";
        case InputKind::survey:
            return "survey";
    }
    return "";
}

const std::string* find_heading(const std::vector<std::string>& headings, std::string_view wanted) {
    const std::string key = detail::normalise_words(wanted);
    for (const std::string& h : headings)
        if (detail::normalise_words(h) == key) return &h;
    return nullptr;
}

std::vector<std::string> defs_keys(const Definitions& defs) {
    std::vector<std::string> keys;
    for (const GroupDef& g : defs.groups)
        keys.push_back(g.key);
    return keys;
}

// {key: the figure in words} for figures in the order of keys.
Json figure_texts(const IndicatorResult& r, const std::vector<std::string>& keys,
                  const std::vector<Figure>& figures) {
    Json out = Json::object();
    for (std::size_t i = 0; i < keys.size() && i < figures.size(); ++i)
        out[keys[i]] = describe_value(r, figures[i]);
    return out;
}

}  // namespace

std::string flag_text(std::string_view flag) {
    static constexpr std::pair<std::string_view, std::string_view> words[] = {
        {"suppressed", "suppressed: it rests on a count too small to show"},
        {"not_calculable", "not calculable"},
        {"no_data", "no data given"},
        {"small_numbers", "rests on small numbers"},
        {"within_four_fifths_guide",
         "within the four-fifths guide (a guide, not an official threshold; UNCONFIRMED)"},
        {"outside_four_fifths_guide",
         "outside the four-fifths guide (a guide, not an official threshold; UNCONFIRMED)"},
        {"interval_not_calculable", "the 95% interval cannot be calculated"},
        {"unknown_excluded", "people whose group is unknown are left out of the ratio"},
        {"unconfirmed", "rests on UNCONFIRMED facts (listed with the indicator)"}};
    for (const auto& [key, text] : words)
        if (key == flag) return std::string(text);
    std::string out(flag);
    std::replace(out.begin(), out.end(), '_', ' ');
    return out;
}

std::string interval_text(const IndicatorResult& r, const Likelihood& l) {
    if (l.lower.state != State::shown) return describe_value(r, l.lower);
    return format_ratio(l.lower.value) + " to " + format_ratio(l.upper.value);
}

std::string section_label(const Definitions& defs, std::string_view key) {
    for (const SectionDef& sec : defs.rows.sections)
        if (sec.key == key) return sec.label;
    return "";
}

// ---- set-up and typed accessors ----------------------------------------------------------

WorkforceApi::WorkforceApi(const Registry& registry) {
    for (const Framework& fw : registry.frameworks()) {
        if (fw.computed.empty()) continue;
        const std::filesystem::path file = definitions_beside(fw);
        std::error_code ec;
        if (!std::filesystem::exists(file, ec)) continue;
        Checked<Definitions> defs = load_definitions(file);
        if (!defs) {
            problems_.insert(problems_.end(), defs.error().begin(), defs.error().end());
            continue;
        }
        standards_.push_back(Standard{fw.id, &fw, std::move(*defs)});
    }
    mapping_.file = "column mapping";
}

WorkforceApi::~WorkforceApi() = default;

const Standard* WorkforceApi::standard() const {
    return chosen_ ? &standards_[*chosen_] : nullptr;
}

const ImportReport* WorkforceApi::import_report() const {
    return import_ ? &import_->report() : nullptr;
}

bool WorkforceApi::has_counts() const {
    return counts_.has_value() || (import_ && !progress_.finished.empty());
}

std::vector<ColumnChoice> WorkforceApi::fields(std::string_view role) const {
    std::vector<ColumnChoice> out;
    const Standard* s = standard();
    if (s == nullptr) return out;
    const InputDef* input = s->defs.input(role);
    if (input == nullptr) return out;
    for (const FieldSpec& f : input_fields(s->defs, *input))
        out.push_back({f.name, field_label(s->defs, f.name), f.required, ""});
    return out;
}

Result<void> WorkforceApi::choose(std::string_view standard_id) {
    for (std::size_t i = 0; i < standards_.size(); ++i) {
        if (standards_[i].id != standard_id) continue;
        if (chosen_ != i) {
            chosen_ = i;
            restart_import();
            previous_.reset();
            previous_label_.clear();
            year_.clear();
            survey_.clear();
        }
        return {};
    }
    return tl::unexpected(Error{"", "standard",
                                "there is no standard \"" + std::string(standard_id) +
                                    "\" with workforce indicators here"});
}

// ---- the column mapping ------------------------------------------------------------------

Result<MappingProposal> WorkforceApi::propose(std::string_view role, std::string_view first_bytes,
                                              std::string_view file) {
    const Standard* s = standard();
    if (s == nullptr) return tl::unexpected(Error{"", "standard", "choose a standard first"});
    if (s->defs.input(role) == nullptr) {
        return tl::unexpected(
            Error{std::string(file), "role",
                  s->defs.short_title + " reads no \"" + std::string(role) + "\" file"});
    }
    MappingProposal p;
    p.role = std::string(role);
    bool got = false;
    CsvReader reader(std::string(file), [&](const CsvRecord& r) {
        for (std::size_t i = 0; i < r.size(); ++i)
            p.headings.emplace_back(r[i]);
        got = true;
        return false;
    });
    Result<void> fed = reader.feed(first_bytes);
    if (fed && !got) fed = reader.finish();
    if (!fed && !got) return tl::unexpected(fed.error());
    if (!got || p.headings.empty() ||
        std::all_of(p.headings.begin(), p.headings.end(),
                    [](const std::string& h) { return detail::trim(h).empty(); })) {
        return tl::unexpected(Error{std::string(file), "line 1",
                                    "the first line is empty; it must hold the column headings"});
    }
    std::vector<bool> taken(p.headings.size(), false);
    for (ColumnChoice choice : fields(role)) {
        const std::string* mapped = mapping_.heading(role, choice.field);
        const std::string* found = mapped != nullptr ? find_heading(p.headings, *mapped) : nullptr;
        if (found == nullptr) found = find_heading(p.headings, choice.field);
        if (found == nullptr && choice.field == s->defs.classification.field)
            found = find_heading(p.headings, s->defs.classification.label);
        if (found != nullptr) {
            choice.heading = *found;
            taken[static_cast<std::size_t>(found - p.headings.data())] = true;
        }
        p.columns.push_back(std::move(choice));
    }
    for (std::size_t i = 0; i < p.headings.size(); ++i)
        if (!taken[i]) p.unmatched.push_back(p.headings[i]);
    headings_[p.role] = p.headings;
    return p;
}

std::vector<FieldError> WorkforceApi::set_columns(
    std::string_view role, const std::map<std::string, std::string>& columns) {
    std::vector<FieldError> errors;
    const Standard* s = standard();
    if (s == nullptr) return {{"standard", "Choose a standard first"}};
    if (importing()) return {{"mapping", "Wait for the file being read to finish"}};
    const auto seen = headings_.find(role);
    const std::vector<ColumnChoice> wanted = fields(role);
    std::map<std::string, std::string> used;  // heading -> field
    std::map<std::string, std::string> keep;
    bool person_or_group = false;
    for (const ColumnChoice& f : wanted) {
        const auto it = columns.find(f.field);
        const std::string heading = it == columns.end() ? "" : it->second;
        if (heading.empty()) {
            if (f.required) {
                errors.push_back({f.field, "Select the column that holds " +
                                               detail::normalise_words(f.label) +
                                               " (it is needed)"});
            }
            continue;
        }
        if (seen != headings_.end() &&
            std::find(seen->second.begin(), seen->second.end(), heading) == seen->second.end()) {
            errors.push_back({f.field, "The file has no column \"" + heading + "\""});
            continue;
        }
        if (const auto [at, fresh] = used.emplace(heading, f.label); !fresh) {
            errors.push_back({f.field, "The column \"" + heading + "\" is already chosen for " +
                                           at->second + "; choose each column once"});
            continue;
        }
        if (f.field == "person_id" || f.field == s->defs.classification.field)
            person_or_group = true;
        keep.emplace(f.field, heading);
    }
    const InputDef* input = s->defs.input(role);
    if (input != nullptr && input->kind == InputKind::events && !person_or_group &&
        errors.empty()) {
        errors.push_back({"person_id",
                          "Select the column that holds the person ID, or the one "
                          "that holds " +
                              detail::normalise_words(s->defs.classification.label) +
                              ": each row is counted by one of them"});
    }
    for (const auto& entry : columns) {
        const std::string& field = entry.first;  // clang 14 cannot capture bindings
        const bool known = std::any_of(wanted.begin(), wanted.end(),
                                       [&](const ColumnChoice& c) { return c.field == field; });
        if (!known) errors.push_back({field, "\"" + field + "\" is not read from this file"});
    }
    if (errors.empty()) {
        mapping_.columns[std::string(role)] = std::move(keep);
        forget_results();
    }
    return errors;
}

ErrorList WorkforceApi::open_mapping(std::string_view json, std::string_view label) {
    if (importing())
        return {Error{std::string(label), "", "wait for the file being read to finish"}};
    Checked<ColumnMapping> m = parse_mapping(json, label);
    if (!m) return m.error();
    mapping_ = std::move(*m);
    return {};
}

Result<void> WorkforceApi::save_mapping(const std::filesystem::path& file) const {
    return save_atomically(file, workforce::mapping_json(mapping_));
}

// ---- the import ----------------------------------------------------------------------------

Result<void> WorkforceApi::begin(std::string_view role, std::string file, std::uint64_t size) {
    const Standard* s = standard();
    if (s == nullptr) return tl::unexpected(Error{file, "", "choose a standard first"});
    if (importing()) {
        return tl::unexpected(
            Error{file, "", "another file (" + progress_.file + ") is still being read"});
    }
    if (std::find(progress_.finished.begin(), progress_.finished.end(), role) !=
        progress_.finished.end()) {
        return tl::unexpected(Error{file, "",
                                    "a " + std::string(role) +
                                        " file has been read already; start the "
                                        "import again to replace it"});
    }
    if (!import_) import_.emplace(s->defs, &mapping_);
    counts_.reset();  // row-level files replace a counts file
    forget_results();
    if (Result<void> ok = import_->begin(role, file, size); !ok) {
        restart_import();
        return ok;
    }
    progress_.role = std::string(role);
    progress_.file = std::move(file);
    progress_.done = 0;
    progress_.total = size;
    return {};
}

Result<void> WorkforceApi::feed(std::string_view bytes) {
    if (!importing()) return tl::unexpected(Error{"", "", "no file is being read"});
    Result<void> ok = import_->feed(bytes);
    if (!ok) {
        restart_import();
        return ok;
    }
    progress_.done += bytes.size();
    progress_.total = std::max(progress_.total, progress_.done);
    return {};
}

Result<void> WorkforceApi::end() {
    if (!importing()) return tl::unexpected(Error{"", "", "no file is being read"});
    Result<void> ok = import_->end();
    if (!ok) {
        restart_import();
        return ok;
    }
    progress_.finished.push_back(progress_.role);
    progress_.role.clear();
    progress_.file.clear();
    return {};
}

void WorkforceApi::restart_import() {
    import_.reset();
    progress_ = ImportProgress{};
    counts_.reset();
    counts_problems_.clear();
    counts_label_.clear();
    forget_results();
}

bool WorkforceApi::warm_up_step() {
    if (warmed_up_ || standards_.empty() || importing()) return false;
    if (!warm_up_) warm_up_.emplace(standards_.front().defs);
    if (warm_up_->step()) return true;
    warm_up_.reset();  // its memory back
    warmed_up_ = true;
    return false;
}

Result<void> WorkforceApi::import_file(std::string_view role, const std::filesystem::path& path) {
    Result<std::string> text = read_text_file(path);
    if (!text) return tl::unexpected(text.error());
    if (Result<void> ok = begin(role, path.generic_string(), text->size()); !ok) return ok;
    if (Result<void> ok = feed(*text); !ok) return ok;
    return end();
}

// ---- counts and survey figures -------------------------------------------------------------

ErrorList WorkforceApi::open_counts(std::string_view json, std::string_view label) {
    const Standard* s = standard();
    if (s == nullptr) return {Error{std::string(label), "", "choose a standard first"}};
    if (importing())
        return {Error{std::string(label), "", "wait for the file being read to finish"}};
    Result<CountsLoad> load = parse_counts(json, label, s->defs);
    if (!load) return {load.error()};
    restart_import();
    counts_ = std::move(load->counts);
    counts_label_ = std::string(label);
    counts_problems_ = load->problems;
    return load->problems;
}

ErrorList WorkforceApi::open_previous(std::string_view json, std::string_view label) {
    const Standard* s = standard();
    if (s == nullptr) return {Error{std::string(label), "", "choose a standard first"}};
    Result<CountsLoad> load = parse_counts(json, label, s->defs);
    if (!load) return {load.error()};
    previous_ = std::move(load->counts);
    previous_label_ = std::string(label);
    forget_results();
    return load->problems;
}

std::string WorkforceApi::previous_text() const {
    if (!previous_) return "";
    return "the counts file " + previous_label_ +
           (previous_->year.empty() ? std::string() : " (" + previous_->year + ")");
}

ErrorList WorkforceApi::open_survey_csv(std::string_view csv, std::string_view label) {
    const Standard* s = standard();
    if (s == nullptr) return {Error{std::string(label), "", "choose a standard first"}};
    const auto input =
        std::find_if(s->defs.inputs.begin(), s->defs.inputs.end(),
                     [](const InputDef& in) { return in.kind == InputKind::survey; });
    if (input == s->defs.inputs.end()) {
        return {Error{std::string(label), "", s->defs.short_title + " reads no Staff Survey file"}};
    }
    // A separate import: the survey file changes no count, and can come before or after them.
    Import import(s->defs, &mapping_);
    Result<void> read = import.begin(input->role, std::string(label), csv.size());
    if (read) read = import.feed(csv);
    if (read) read = import.end();
    if (!read) return {read.error()};
    ErrorList problems = import.report().problems;
    const Counts counts = import.counts();
    if (counts.survey.empty() && problems.empty()) {
        problems.push_back(Error{std::string(label), "", "the file has no Staff Survey figures"});
    }
    for (const auto& [code, figure] : counts.survey)
        survey_[code] = figure;
    if (!counts.survey.empty()) forget_results();
    return problems;
}

std::map<std::string, std::map<std::string, std::string>> WorkforceApi::survey_drafts() const {
    std::map<std::string, std::map<std::string, std::string>> out;
    for (const auto& [code, figure] : survey_) {
        for (const auto& [column, value] : figure.values) {
            char text[32];
            std::snprintf(text, sizeof text, "%.15g", value);
            out[code][column] = text;
        }
    }
    return out;
}

std::string WorkforceApi::year() const {
    if (!year_.empty()) return year_;
    return current_counts().year;
}

std::vector<FieldError> WorkforceApi::set_survey(
    const std::map<std::string, std::map<std::string, std::string>>& typed) {
    const Standard* s = standard();
    if (s == nullptr) return {{"standard", "Choose a standard first"}};
    std::vector<FieldError> errors;
    Json survey = Json::object();
    for (const auto& [code, columns] : typed) {
        Json part = Json::object();
        for (const auto& [column, text] : columns) {
            if (detail::trim(text).empty()) continue;
            const std::optional<double> v = detail::parse_number(text);
            if (!v || !std::isfinite(*v)) {
                errors.push_back({code + "/" + column, "Enter " + s->defs.column_label(column) +
                                                           " for " + code +
                                                           " as a number, like 25.1"});
                continue;
            }
            part[column] = *v;
        }
        if (!part.empty()) survey[code] = std::move(part);
    }
    // The counts reader's own rules for survey figures (ranges, known parts and columns).
    const Json doc{{"format", s->defs.counts_format}, {"survey", survey}};
    Result<CountsLoad> load = parse_counts(dump(doc), "survey figures", s->defs);
    if (!load) return {{"survey", load.error().reason}};
    for (const Error& e : load->problems) {
        std::string field = e.place;
        if (field.rfind("/survey/", 0) == 0) field = field.substr(8);
        std::string reason = e.reason;
        if (!reason.empty()) reason[0] = static_cast<char>(std::toupper(reason[0]));
        errors.push_back({field, reason});
    }
    if (errors.empty()) {
        // What the form cannot show (the survey year and question of an imported file) stays.
        for (auto& [code, figure] : load->counts.survey) {
            const auto before = survey_.find(code);
            if (before == survey_.end()) continue;
            if (figure.survey_year.empty()) figure.survey_year = before->second.survey_year;
            if (figure.question_id.empty()) figure.question_id = before->second.question_id;
        }
        survey_ = std::move(load->counts.survey);
        forget_results();
    }
    return errors;
}

// ---- results --------------------------------------------------------------------------------

Counts WorkforceApi::current_counts() const {
    Counts c = counts_ ? *counts_ : import_ ? import_->counts() : Counts{};
    for (const auto& [code, figure] : survey_)
        c.survey[code] = figure;
    if (!year_.empty()) c.year = year_;
    return c;
}

OutputContext WorkforceApi::context() const {
    OutputContext c;
    c.organisation = mapping_.organisation;
    if (counts_) {
        c.source = "the counts file " + counts_label_;
        c.problems = counts_problems_;
    } else {
        c.source = std::to_string(progress_.finished.size()) + " CSV files";
        c.import = import_report();
        if (chosen_ && import_) {
            c.problems = check_counts(import_->counts(), standard()->defs,
                                      "the " + standard()->defs.short_title + " CSV files");
        }
    }
    if (!survey_.empty()) c.source += ", with Staff Survey figures entered by hand";
    return c;
}

void WorkforceApi::forget_results() {
    results_.reset();
}

Result<void> WorkforceApi::compute(std::int64_t suppress_below, std::string year) {
    const Standard* s = standard();
    if (s == nullptr) return tl::unexpected(Error{"", "standard", "choose a standard first"});
    if (importing()) {
        return tl::unexpected(Error{progress_.file, "", "the file is still being read"});
    }
    if (!has_counts() && survey_.empty()) {
        return tl::unexpected(Error{"", "counts",
                                    "give the CSV files, a counts file or the survey figures "
                                    "first"});
    }
    if (suppress_below < 0) {
        return tl::unexpected(
            Error{"", "suppress_below", "the suppression threshold cannot be negative"});
    }
    year_ = std::move(year);
    const Counts counts = current_counts();
    results_ = workforce::compute(s->defs, counts, previous_ ? &*previous_ : nullptr,
                                  ComputeOptions{suppress_below});
    return {};
}

std::string WorkforceApi::export_text(ExportFormat format) const {
    if (!results_) return "";
    switch (format) {
        case ExportFormat::csv:
            return results_csv(*results_);
        case ExportFormat::json:
            return workforce::results_json(*results_, context());
        case ExportFormat::html:
            return results_html(*results_, context());
        case ExportFormat::counts:
            return counts_json(current_counts(), *results_->defs);
    }
    return "";
}

std::string WorkforceApi::export_name(ExportFormat format) const {
    const std::string base = (chosen_ ? standard()->id : std::string("workforce")) + "-results";
    switch (format) {
        case ExportFormat::csv:
            return base + ".csv";
        case ExportFormat::json:
            return base + ".json";
        case ExportFormat::html:
            return base + ".html";
        case ExportFormat::counts: {
            const std::string y = year();
            return (chosen_ ? standard()->id : std::string("workforce")) + "-counts" +
                   (y.empty() ? std::string() : "-" + y) + ".json";
        }
    }
    return base;
}

// ---- JSON -----------------------------------------------------------------------------------

std::string WorkforceApi::standards_json() const {
    Json list = Json::array();
    for (const Standard& s : standards_) {
        const Definitions& d = s.defs;
        Json inputs = Json::array();
        for (const InputDef& in : d.inputs) {
            Json fields = Json::array();
            for (const FieldSpec& f : input_fields(d, in))
                fields.push_back(Json{{"field", f.name},
                                      {"label", field_label(d, f.name)},
                                      {"required", f.required}});
            inputs.push_back(Json{{"role", in.role},
                                  {"title", in.title},
                                  {"kind", input_kind(in.kind)},
                                  {"optional", in.optional},
                                  {"fields", fields}});
        }
        Json survey = Json::array();
        Json groups = Json::array();
        for (const GroupDef& g : d.groups)
            groups.push_back(Json{{"key", g.key}, {"label", g.label}, {"unknown", g.unknown}});
        for (const IndicatorDef& ind : d.indicators) {
            if (ind.kind != IndicatorKind::survey) continue;
            for (const PartDef& part : ind.parts) {
                Json columns = Json::array();
                for (const SurveyColumn& c : part.columns)
                    columns.push_back(Json{{"key", c.key}, {"label", c.label}});
                survey.push_back(
                    Json{{"code", part.code},
                         {"indicator", ind.code},
                         {"title", part.title.empty() ? ind.title : part.title},
                         {"unit", part.unit == SurveyUnit::score ? "score" : "percent"},
                         {"columns", columns}});
            }
        }
        list.push_back(Json{{"id", s.id},
                            {"title", d.title},
                            {"short_title", d.short_title},
                            {"characteristic", d.characteristic},
                            {"counts_format", d.counts_format},
                            {"groups", groups},
                            {"inputs", inputs},
                            {"survey", survey}});
    }
    Json problems = Json::array();
    for (const Error& e : problems_)
        problems.push_back(e.message());
    return dump(Json{{"standards", list}, {"problems", problems}});
}

std::string WorkforceApi::state_json() const {
    Json j = Json::object();
    j["standard"] = chosen_ ? Json(standard()->id) : Json(nullptr);
    j["mapping"] = Json::parse(workforce::mapping_json(mapping_), nullptr, false);
    j["import"] = Json{{"role", progress_.role},
                       {"file", progress_.file},
                       {"done", progress_.done},
                       {"total", progress_.total},
                       {"finished", progress_.finished}};
    j["counts"] = has_counts();
    j["counts_file"] = counts_ ? Json(counts_label_) : Json(nullptr);
    j["previous"] = previous_.has_value();
    j["previous_text"] = previous_text();
    j["year"] = year();
    Json survey = Json::object();
    for (const auto& [code, figure] : survey_)
        survey[code] = figure.values;
    j["survey"] = survey;
    j["survey_text"] = survey_drafts();
    j["computed"] = results_.has_value();
    return dump(j);
}

std::string WorkforceApi::choose_json(std::string_view standard_id) {
    return ok_or(choose(standard_id));
}

std::string WorkforceApi::propose_json(std::string_view role, std::string_view first_bytes,
                                       std::string_view file) {
    Result<MappingProposal> p = propose(role, first_bytes, file);
    if (!p) return ok_or(Result<void>(tl::unexpected(p.error())));
    Json columns = Json::array();
    std::vector<FieldError> errors;
    for (const ColumnChoice& c : p->columns) {
        columns.push_back(Json{{"field", c.field},
                               {"label", c.label},
                               {"required", c.required},
                               {"heading", c.heading.empty() ? Json(nullptr) : Json(c.heading)}});
        if (c.required && c.heading.empty()) {
            errors.push_back({c.field, "Select the column that holds " +
                                           detail::normalise_words(c.label) + " (it is needed)"});
        }
    }
    return dump(Json{{"ok", true},
                     {"role", p->role},
                     {"headings", p->headings},
                     {"columns", columns},
                     {"unmatched", p->unmatched},
                     {"errors", field_errors_json(errors)}});
}

std::string WorkforceApi::set_columns_json(std::string_view role, std::string_view columns_json) {
    Result<std::map<std::string, std::string>> columns = text_object(columns_json, "columns");
    if (!columns) return ok_or(std::vector<FieldError>{{"columns", columns.error().message()}});
    return ok_or(set_columns(role, *columns));
}

std::string WorkforceApi::mapping_json() const {
    return workforce::mapping_json(mapping_);
}

std::string WorkforceApi::open_mapping_json(std::string_view json, std::string_view label) {
    return ok_or(open_mapping(json, label));
}

std::string WorkforceApi::open_mapping_file_json(const std::filesystem::path& file) {
    Result<std::string> text = read_text_file(file);
    if (!text) return ok_or(ErrorList{text.error()});
    return open_mapping_json(*text, file.generic_string());
}

std::string WorkforceApi::save_mapping_json(const std::filesystem::path& file) const {
    return ok_or(save_mapping(file));
}

std::string WorkforceApi::begin_json(std::string_view role, std::string file, std::uint64_t size) {
    return ok_or(begin(role, std::move(file), size));
}

std::string WorkforceApi::feed_json(std::string_view bytes) {
    if (Result<void> ok = feed(bytes); !ok) return ok_or(ok);
    const int percent =
        progress_.total == 0 ? 100 : static_cast<int>(100 * progress_.done / progress_.total);
    return dump(Json{
        {"ok", true}, {"done", progress_.done}, {"total", progress_.total}, {"percent", percent}});
}

std::string WorkforceApi::end_json() {
    return ok_or(end());
}

std::string WorkforceApi::restart_json() {
    restart_import();
    return ok_or(Result<void>{});
}

std::string WorkforceApi::report_json() const {
    Json files = Json::array();
    Json problems = Json::array();
    Json notes = Json::array();
    std::uint64_t count = 0;
    if (const ImportReport* r = import_report()) {
        for (const FileReport& f : r->files) {
            files.push_back(Json{{"role", f.role},
                                 {"file", f.file},
                                 {"rows", f.rows},
                                 {"used", f.used},
                                 {"excluded", f.excluded},
                                 {"rejected", f.rejected},
                                 {"blank_lines", f.blank_lines}});
        }
        problems = errors_json(r->problems);
        count = r->problem_count;
        notes = r->notes;
    }
    const OutputContext c = context();
    for (const Error& e : c.problems)
        problems.push_back(error_json(e));
    count += c.problems.size();
    return dump(Json{{"source", c.source},
                     {"files", files},
                     {"problems", problems},
                     {"problem_count", count},
                     {"notes", notes}});
}

std::string WorkforceApi::open_counts_json(std::string_view json, std::string_view label) {
    const ErrorList problems = open_counts(json, label);
    // Problems in a counts file leave those values out; the file is still open.
    return dump(Json{{"ok", counts_.has_value()}, {"errors", errors_json(problems)}});
}

std::string WorkforceApi::open_previous_json(std::string_view json, std::string_view label) {
    const ErrorList problems = open_previous(json, label);
    return dump(Json{{"ok", previous_.has_value()}, {"errors", errors_json(problems)}});
}

std::string WorkforceApi::open_survey_csv_json(std::string_view csv, std::string_view label) {
    const ErrorList problems = open_survey_csv(csv, label);
    return dump(Json{
        {"ok", problems.empty()}, {"errors", errors_json(problems)}, {"survey", survey_drafts()}});
}

std::string WorkforceApi::set_survey_json(std::string_view typed_json) {
    Result<Json> doc = eqkit::detail::parse_json(typed_json, "survey figures");
    if (!doc || !doc->is_object()) {
        return ok_or(std::vector<FieldError>{{"survey", "The survey figures could not be read"}});
    }
    std::map<std::string, std::map<std::string, std::string>> typed;
    for (const auto& [code, columns] : doc->items()) {
        if (!columns.is_object()) continue;
        for (const auto& [column, value] : columns.items())
            typed[code][column] = value.is_string() ? value.get<std::string>() : value.dump();
    }
    return ok_or(set_survey(typed));
}

std::string WorkforceApi::compute_json(std::string_view options_json) {
    std::int64_t below = 10;
    std::string year;
    if (!options_json.empty()) {
        Result<Json> doc = eqkit::detail::parse_json(options_json, "options");
        if (!doc) return ok_or(Result<void>(tl::unexpected(doc.error())));
        if (const auto it = doc->find("suppress_below");
            it != doc->end() && it->is_number_integer()) {
            below = it->get<std::int64_t>();
        }
        if (const auto it = doc->find("year"); it != doc->end() && it->is_string())
            year = it->get<std::string>();
    }
    return ok_or(compute(below, std::move(year)));
}

std::string WorkforceApi::results_json() const {
    if (!results_) return dump(Json{{"computed", false}});
    Result<Json> doc = eqkit::detail::parse_json(export_text(ExportFormat::json), "results");
    if (!doc) return dump(Json{{"computed", false}});
    Json& j = *doc;
    j["computed"] = true;
    Json& list = j["indicators"];
    for (std::size_t i = 0; i < results_->indicators.size() && i < list.size(); ++i) {
        const IndicatorResult& r = results_->indicators[i];
        Json display = Json::object();
        display["value"] = describe_value(r, r.current.value);
        display["sentence"] = sentence(r);
        if (r.current.likelihood) display["interval"] = interval_text(r, *r.current.likelihood);
        if (r.previous) display["previous"] = describe_value(r, r.previous->value);
        Json flags = Json::array();
        for (const std::string& f : r.flags)
            flags.push_back(flag_text(f));
        display["flags"] = std::move(flags);
        if (r.pooled) {
            display["pooled"] = describe_value(r, r.pooled->ratio);
            display["pooled_interval"] = interval_text(r, *r.pooled);
        }
        list[i]["display"] = std::move(display);
        // Each shown figure of the rows (indicator 1) and of the survey parts, in words.
        if (Json* rows = list[i].contains("rows") ? &list[i]["rows"] : nullptr) {
            const auto& done = r.current.representation.rows;
            for (std::size_t k = 0; k < done.size() && k < rows->size(); ++k) {
                (*rows)[k]["display"] =
                    figure_texts(r, defs_keys(*results_->defs), done[k].percents);
                (*rows)[k]["section_label"] = section_label(*results_->defs, done[k].section);
            }
        }
        if (r.def->kind == IndicatorKind::survey && list[i].contains("parts")) {
            Json& parts = list[i]["parts"];
            for (std::size_t k = 0; k < r.current.survey.size() && k < parts.size(); ++k) {
                const SurveyResult& part = r.current.survey[k];
                std::vector<std::string> keys;
                for (const SurveyColumn& c : part.def->columns)
                    keys.push_back(c.key);
                parts[k]["display"] = figure_texts(r, keys, part.values);
            }
        }
    }
    j["focus_group"] = results_->defs->groups[results_->defs->focus_group].key;
    return dump(j);
}

std::string WorkforceApi::export_json(std::string_view format) const {
    ExportFormat f = ExportFormat::json;
    const char* mime = "application/json";
    if (format == "csv") {
        f = ExportFormat::csv;
        mime = "text/csv";
    } else if (format == "html") {
        f = ExportFormat::html;
        mime = "text/html";
    } else if (format == "counts") {
        f = ExportFormat::counts;
    } else if (format != "json") {
        return ok_or(Result<void>(tl::unexpected(Error{
            "", "format", "exports are csv, json, html or counts, not " + std::string(format)})));
    }
    if (!results_) {
        return ok_or(
            Result<void>(tl::unexpected(Error{"", "results", "compute the indicators first"})));
    }
    return dump(
        Json{{"ok", true}, {"name", export_name(f)}, {"mime", mime}, {"text", export_text(f)}});
}

}  // namespace eqkit::workforce
