#include "eqkit/form.hpp"

#include "eqkit/rating.hpp"
#include "eqkit/scoring.hpp"
#include "eqkit/text.hpp"
#include "impact_json.hpp"
#include "json_reader.hpp"

namespace eqkit {
namespace {

using detail::Json;

constexpr std::size_t max_rater_length = 200;

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

Json methods_json(const Framework& fw) {
    Json out = Json::array();
    for (const ScoringMethod& m : fw.aggregation.methods) {
        Json method = {
            {"id", m.id},
            {"title", m.title},
            {"applies_from", m.applies_from},
            {"scores",
             m.item_scores == ItemScores::evidence_categories ? "evidence_categories" : "items"},
            {"steps", m.steps}};
        add_provenance(method, m.provenance);
        out.push_back(std::move(method));
    }
    return out;
}

Json categories_json(const Framework& fw) {
    Json out = Json::array();
    for (const EvidenceCategory& c : fw.evidence_categories) {
        Json category = {{"code", c.code}, {"title", c.title}, {"description", c.description}};
        add_provenance(category, c.provenance);
        out.push_back(std::move(category));
    }
    return out;
}

// Ratings a judgement can give, worst first, and the questions the rules ask.
Json judgement_options(const Framework& fw) {
    const std::vector<Band>& bands = fw.aggregation.group_bands.empty()
                                         ? fw.aggregation.overall_bands
                                         : fw.aggregation.group_bands;
    Json ratings = Json::array();
    for (const Band& b : bands)
        ratings.push_back(b.label);
    Json questions = Json::array();
    if (fw.aggregation.overall_rules) {
        for (const RatingCap& cap : fw.aggregation.overall_rules->caps)
            questions.push_back(
                {{"flag", cap.flag}, {"question", cap.question}, {"rule", cap.text}});
    }
    return {{"ratings", std::move(ratings)}, {"questions", std::move(questions)}};
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

Json sources_json(const Answer& answer) {
    Json out = Json::array();
    for (const AnswerSource& s : answer.sources)
        out.push_back(source_text(s));
    return out;
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
    if (answer.score || !answer.category_scores.empty()) return TaskStatus::completed;
    return answer.empty() ? TaskStatus::not_started : TaskStatus::in_progress;
}

std::vector<FieldError> validate_item_page(const Framework& fw, std::string_view item_code,
                                           const Answer& answer, Submit submit) {
    std::vector<FieldError> errors;
    // Under a method that scores evidence categories, those scores stand for the item's.
    const bool categories = !answer.category_scores.empty();
    if (answer.score ? fw.scale.level(*answer.score) == nullptr
                     : submit == Submit::save && !categories) {
        errors.push_back({"score", score_required_message(fw, item_code)});
    }
    for (const auto& [code, score] : answer.category_scores) {
        Answer one;
        one.category_scores[code] = score;
        if (auto ok = check_answer(fw, item_code, one); !ok) {
            errors.push_back({"category-" + code, ok.error().reason});
        }
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
                {"methods", methods_json(fw)},
                {"evidence_categories", categories_json(fw)},
                {"applicability", {{"from_framework", false}, {"note", applicability_note(fw)}}},
                {"judgement_options", judgement_options(fw)},
                {"scale", scale_json(fw.scale)},
                {"groups", std::move(groups)},
                {"pages", std::move(pages)},
                {"aggregation",
                 {{"method", method_name(fw.aggregation.method)},
                  {"note", fw.aggregation.note},
                  {"overall_bands", std::move(bands)}}},
                {"impact", detail::impact_model(fw)}};
    return detail::dump_json(out);
}

std::string applicability_note(const Framework& fw) {
    return "The " + std::string(fw.display_title()) + " file says nothing about which " +
           lower_first(fw.item_label) +
           "s apply to which kind of service, so EqualityKit does "
           "not choose for you: choose the ones that apply to your service. Your choice is kept "
           "with the assessment, and only those are scored.";
}

std::string source_text(const AnswerSource& s) {
    return "From " + s.from + ", accepted by " + s.accepted_by + " on " + s.accepted_on;
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
                         {"applies", assessment.applies(item.code)},
                         {"needs_review", answer.needs_review},
                         {"sources", sources_json(answer)},
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
