#include "eqkit/scoring.hpp"

namespace eqkit {
namespace {

std::string span(const Band& band) {
    return band.min == band.max ? std::to_string(band.min)
                                : std::to_string(band.min) + "–" + std::to_string(band.max);
}

void note_band(const std::optional<Band>& band, const std::string& whose,
               std::vector<UnconfirmedFact>& out) {
    if (band && !band->provenance.confirmed) {
        out.push_back(
            {whose + " band \"" + band->label + "\" (" + span(*band) + ")", band->provenance.note});
    }
}

std::optional<Band> find_band(const std::vector<Band>& bands, int total) {
    const Band* band = band_for(bands, total);
    return band == nullptr ? std::nullopt : std::optional<Band>(*band);
}

// Scale levels that answers use and that are themselves unconfirmed.
void note_levels(const Framework& fw, const Assessment& assessment,
                 std::vector<UnconfirmedFact>& out) {
    for (const ScaleLevel& level : fw.scale.levels) {
        if (level.provenance.confirmed) continue;
        for (const auto& [code, answer] : assessment.answers) {
            if (answer.score == level.value) {
                out.push_back(
                    {"scale level " + std::to_string(level.value) + " \"" + level.label + "\"",
                     level.provenance.note});
                break;
            }
        }
    }
}

}  // namespace

Scores compute_scores(const Framework& fw, const Assessment& assessment) {
    Scores scores;
    scores.aggregated = fw.aggregation.method != AggregationMethod::none;
    const bool percentage = fw.aggregation.method == AggregationMethod::percentage;
    for (const Group& group : fw.groups) {
        GroupScore gs;
        gs.code = group.code;
        gs.title = group.title;
        // Items the user said do not apply to their service are neither counted nor scored
        // (an answer they hold is kept in the file).
        for (const Item& item : group.items) {
            if (!assessment.applies(item.code)) continue;
            ++gs.item_count;
            const Answer& answer = assessment.answer(item.code);
            if (!answer.score) continue;
            gs.total += *answer.score;
            ++gs.answered;
        }
        gs.range = total_range(fw.scale, gs.item_count);
        if (percentage && gs.answered > 0) {
            gs.percent =
                percent_of(gs.total, static_cast<long long>(gs.answered), fw.scale.highest());
        }
        if (scores.aggregated && (!percentage || gs.percent)) {
            gs.band = find_band(fw.aggregation.group_bands, percentage ? *gs.percent : gs.total);
        }
        note_band(gs.band, fw.group_label + " " + gs.code, scores.unconfirmed);
        scores.total += gs.total;
        scores.answered += gs.answered;
        scores.item_count += gs.item_count;
        scores.groups.push_back(std::move(gs));
    }
    scores.range = total_range(fw.scale, scores.item_count);
    if (percentage && scores.answered > 0) {
        scores.percent =
            percent_of(scores.total, static_cast<long long>(scores.answered), fw.scale.highest());
    }
    if (scores.aggregated && (!percentage || scores.percent)) {
        scores.band =
            find_band(fw.aggregation.overall_bands, percentage ? *scores.percent : scores.total);
    }
    note_band(scores.band, "overall", scores.unconfirmed);
    note_levels(fw, assessment, scores.unconfirmed);
    if (!fw.scale.official) {
        scores.unconfirmed.push_back({"the scale \"" + fw.scale.title + "\"",
                                      "not an official scale: " + fw.scale.rationale});
    }
    return scores;
}

std::string score_label(const Framework& fw, const std::optional<int>& score) {
    if (!score) return "not scored";
    const ScaleLevel* level = fw.scale.level(*score);
    return level == nullptr ? std::to_string(*score) : level->label;
}

}  // namespace eqkit
