#include "eqkit/form.hpp"

#include <cctype>

#include "eqkit/rating.hpp"
#include "eqkit/scoring.hpp"
#include "eqkit/text.hpp"
#include "json_reader.hpp"

namespace eqkit {
namespace {

using detail::Json;

constexpr std::size_t max_rater_length = 200;

std::string lower_first(std::string text) {
    if (!text.empty())
        text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    return text;
}

std::string score_required_message(const Framework& fw, std::string_view code) {
    return "Select a rating for " + lower_first(fw.item_label) + " " + std::string(code);
}

std::string narrative_too_long_message(const Framework& fw) {
    return fw.narrative.label + " must be " + std::to_string(fw.narrative.max_length) +
           " characters or fewer";
}

std::string raters_invalid_message(const Framework& fw) {
    const std::string label = fw.raters ? fw.raters->label : std::string("Raters");
    return "Each entry in \"" + label + "\" must be between 1 and " +
           std::to_string(max_rater_length) + " characters";
}

void add_provenance(Json& out, const Provenance& p) {
    out["confirmed"] = p.confirmed;
    if (!p.note.empty()) out["note"] = p.note;
}

Json band_json(const Band& band) {
    Json out = {{"label", band.label}, {"min", band.min}, {"max", band.max}};
    add_provenance(out, band.provenance);
    return out;
}

// A band reached before every item is scored may still change.
Json optional_band_json(const std::optional<Band>& band, bool complete) {
    if (!band) return nullptr;
    Json out = band_json(*band);
    out["provisional"] = !complete;
    return out;
}

Json scale_json(const Scale& scale) {
    Json levels = Json::array();
    for (const ScaleLevel& l : scale.levels) {
        Json level = {{"value", l.value},
                      {"label", l.label},
                      {"description", l.description},
                      {"easy_read", l.easy_read}};
        add_provenance(level, l.provenance);
        levels.push_back(std::move(level));
    }
    Json out = {{"title", scale.title},
                {"official", scale.official},
                {"rationale", scale.rationale},
                {"levels", std::move(levels)}};
    add_provenance(out, scale.provenance);
    return out;
}

Json fields_json(const Framework& fw, const Item& item) {
    Json options = Json::array();
    for (const ScaleLevel& l : fw.scale.levels) {
        Json option = {{"value", l.value},
                       {"label", l.label},
                       {"hint", l.description},
                       {"easy_read", l.easy_read}};
        add_provenance(option, l.provenance);
        options.push_back(std::move(option));
    }
    Json fields = Json::array();
    fields.push_back({{"id", "score"},
                      {"type", "radios"},
                      {"legend", item.code + ": " + item.title},
                      {"required", true},
                      {"options", std::move(options)}});
    fields.push_back({{"id", "narrative"},
                      {"type", "textarea"},
                      {"label", fw.narrative.label},
                      {"hint", fw.narrative.hint},
                      {"max_length", fw.narrative.max_length}});
    if (fw.raters) {
        fields.push_back({{"id", "raters"},
                          {"type", "checkboxes"},
                          {"label", fw.raters->label},
                          {"hint", fw.raters->hint},
                          {"options", fw.raters->suggestions},
                          {"max_length", max_rater_length}});
        add_provenance(fields.back(), fw.raters->provenance);
    }
    return fields;
}

Json page_json(const Framework& fw, const Group& group, const Item& item) {
    Json links = Json::array();
    for (const Link& l : item.links) {
        Json link = {{"label", l.label}, {"url", l.url}};
        add_provenance(link, l.provenance);
        links.push_back(std::move(link));
    }
    Json page = {{"id", "item-" + item.code},
                 {"item", item.code},
                 {"group", group.code},
                 {"caption", fw.group_label + " " + group.code + ": " + group.title},
                 {"heading", item.code + ": " + item.title},
                 {"guidance", item.guidance},
                 {"easy_read", item.easy_read},
                 {"evidence_prompts", item.evidence_prompts},
                 {"evidence_prompts_official", item.evidence_prompts_official},
                 {"links", std::move(links)},
                 {"fields", fields_json(fw, item)},
                 {"messages",
                  {{"score_required", score_required_message(fw, item.code)},
                   {"narrative_too_long", narrative_too_long_message(fw)},
                   {"raters_invalid", raters_invalid_message(fw)}}}};
    add_provenance(page, item.provenance);
    return page;
}

Json framework_json(const Framework& fw) {
    Json source = {{"title", fw.source.title}, {"url", fw.source.url}};
    add_provenance(source, fw.source.provenance);
    return {{"id", fw.id},
            {"version", fw.version},
            {"title", fw.title},
            {"short_title", std::string(fw.display_title())},
            {"description", fw.description},
            {"source", std::move(source)},
            {"group_label", fw.group_label},
            {"item_label", fw.item_label}};
}

}  // namespace

std::string_view task_status_label(TaskStatus status) {
    switch (status) {
        case TaskStatus::not_started:
            return "Not yet started";
        case TaskStatus::in_progress:
            return "In progress";
        case TaskStatus::completed:
            return "Completed";
    }
    return "Not yet started";
}

TaskStatus task_status(const Answer& answer) {
    if (answer.score) return TaskStatus::completed;
    return answer.empty() ? TaskStatus::not_started : TaskStatus::in_progress;
}

std::vector<FieldError> validate_item_page(const Framework& fw, std::string_view item_code,
                                           const Answer& answer, Submit submit) {
    std::vector<FieldError> errors;
    if (answer.score ? fw.scale.level(*answer.score) == nullptr : submit == Submit::save) {
        errors.push_back({"score", score_required_message(fw, item_code)});
    }
    if (!is_valid_utf8(answer.narrative) ||
        utf16_length(answer.narrative) > fw.narrative.max_length) {
        errors.push_back({"narrative", narrative_too_long_message(fw)});
    }
    for (const std::string& rater : answer.raters) {
        if (!fw.raters || is_blank(rater) || !is_valid_utf8(rater) ||
            utf16_length(rater) > max_rater_length) {
            errors.push_back({"raters", raters_invalid_message(fw)});
            break;
        }
    }
    return errors;
}

std::string form_model_json(const Framework& fw) {
    Json groups = Json::array();
    Json pages = Json::array();
    for (const Group& g : fw.groups) {
        Json items = Json::array();
        for (const Item& item : g.items) {
            items.push_back(item.code);
            pages.push_back(page_json(fw, g, item));
        }
        Json group = {{"code", g.code},
                      {"title", g.title},
                      {"description", g.description},
                      {"easy_read", g.easy_read},
                      {"items", std::move(items)}};
        add_provenance(group, g.provenance);
        groups.push_back(std::move(group));
    }
    Json bands = Json::array();
    for (const Band& b : fw.aggregation.overall_bands)
        bands.push_back(band_json(b));
    Json out = {{"format", "eqkit-form/1"},
                {"framework", framework_json(fw)},
                {"scale", scale_json(fw.scale)},
                {"groups", std::move(groups)},
                {"pages", std::move(pages)},
                {"aggregation",
                 {{"method", method_name(fw.aggregation.method)},
                  {"note", fw.aggregation.note},
                  {"overall_bands", std::move(bands)}}}};
    return detail::dump_json(out);
}

std::string results_json(const Framework& fw, const Assessment& assessment) {
    const Scores scores = compute_scores(fw, assessment);
    Json groups = Json::array();
    for (const GroupScore& g : scores.groups) {
        groups.push_back({{"code", g.code},
                          {"title", g.title},
                          {"total", g.total},
                          {"min", g.range.min},
                          {"max", g.range.max},
                          {"answered", g.answered},
                          {"items", g.item_count},
                          {"complete", g.complete()},
                          {"band", optional_band_json(g.band, g.complete())},
                          {"percent", g.percent ? Json(*g.percent) : Json(nullptr)}});
    }
    Json tasks = Json::array();
    for (const Group& g : fw.groups) {
        for (const Item& item : g.items) {
            const Answer& answer = assessment.answer(item.code);
            const TaskStatus status = task_status(answer);
            Json task = {{"item", item.code},
                         {"status", status == TaskStatus::completed     ? "completed"
                                    : status == TaskStatus::in_progress ? "in_progress"
                                                                        : "not_started"},
                         {"status_label", task_status_label(status)},
                         {"score", answer.score ? Json(*answer.score) : Json(nullptr)},
                         {"score_label", score_label(fw, answer.score)}};
            tasks.push_back(std::move(task));
        }
    }
    Json unconfirmed = Json::array();
    for (const UnconfirmedFact& f : scores.unconfirmed) {
        unconfirmed.push_back({{"what", f.what}, {"note", f.note}});
    }
    Json out = {{"title", assessment.title},
                {"framework", fw.id},
                {"framework_version", fw.version},
                {"framework_title", fw.title},
                {"aggregated", scores.aggregated},
                {"total", scores.total},
                {"min", scores.range.min},
                {"max", scores.range.max},
                {"answered", scores.answered},
                {"items", scores.item_count},
                {"complete", scores.complete()},
                {"band", optional_band_json(scores.band, scores.complete())},
                {"groups", std::move(groups)},
                {"tasks", std::move(tasks)},
                {"unconfirmed", std::move(unconfirmed)},
                {"aggregation_note", fw.aggregation.note}};
    if (fw.aggregation.method == AggregationMethod::percentage) {
        out["percent"] = scores.percent ? Json(*scores.percent) : Json(nullptr);
        // Ratings from percentages: the working, the rules applied, the judgements left open.
        if (Result<Rating> rating = rate(fw, rating_input(fw, assessment))) {
            out["rating"] = Json::parse(rating_json(*rating), nullptr, false);
        }
    }
    return detail::dump_json(out);
}

}  // namespace eqkit
