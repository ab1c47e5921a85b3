// Rating input and results as JSON, for the faces (through their JSON calls) and the CLI.
#include <cstdint>

#include "eqkit/rating.hpp"
#include "json_reader.hpp"

namespace eqkit {
namespace {

using detail::Json;

Json optional_int(const std::optional<int>& v) {
    return v ? Json(*v) : Json(nullptr);
}

Json band_or_null(const std::optional<Band>& band) {
    if (!band) return nullptr;
    Json out = {{"label", band->label},
                {"min", band->min},
                {"max", band->max},
                {"confirmed", band->provenance.confirmed}};
    if (!band->provenance.note.empty()) out["note"] = band->provenance.note;
    return out;
}

Json judgement_json(const JudgementCall& call) {
    Json out = {{"about", call.about},
                {"reason", call.reason},
                {"note", call.note},
                {"options", call.options},
                {"made", nullptr}};
    if (call.made) {
        out["made"] = {{"rating", call.made->rating}, {"rationale", call.made->rationale}};
    }
    return out;
}

// A JSON object of whole numbers, keyed by user data, at `pointer`.
Result<std::map<std::string, int>> int_map(const Json& node, const std::string& pointer,
                                           std::string_view label) {
    std::map<std::string, int> out;
    if (!node.is_object()) return fail(std::string(label), pointer, "must be an object");
    for (const auto& [key, value] : node.items()) {
        if (!value.is_number_integer() || value.get<std::int64_t>() < -1000 ||
            value.get<std::int64_t>() > 1000) {
            return fail(std::string(label), detail::pointer_append(pointer, key),
                        "must be a whole number");
        }
        out[key] = static_cast<int>(value.get<std::int64_t>());
    }
    return out;
}

}  // namespace

RatingInput rating_input(const Framework& fw, const Assessment& assessment) {
    RatingInput input;
    input.method = assessment.method;
    const ScoringMethod* method = nullptr;
    for (const ScoringMethod& m : fw.aggregation.methods) {
        if (m.id == assessment.method) method = &m;
    }
    if (method == nullptr) {
        for (auto it = fw.aggregation.methods.rbegin(); it != fw.aggregation.methods.rend(); ++it) {
            if (it->item_scores == ItemScores::direct) {
                method = &*it;
                input.method = it->id;
                break;
            }
        }
    }
    const bool by_categories =
        method != nullptr && method->item_scores == ItemScores::evidence_categories;
    for (const auto& [code, answer] : assessment.answers) {
        if (!assessment.applies(code)) continue;  // the user said it does not apply
        if (by_categories && !answer.category_scores.empty()) {
            input.category_scores[code] = answer.category_scores;
        } else if (!by_categories && answer.score) {
            input.item_scores[code] = *answer.score;
        }
    }
    for (const Group& g : fw.groups) {
        for (const Item& item : g.items) {
            if (!assessment.applies(item.code)) input.not_applying.push_back(item.code);
        }
    }
    input.flags = assessment.flags;
    input.judgements = assessment.judgements;
    return input;
}

std::string rating_json(const Rating& r) {
    Json items = Json::array();
    for (const ItemRating& i : r.items) {
        items.push_back({{"code", i.code},
                         {"title", i.title},
                         {"score", optional_int(i.score)},
                         {"percent", optional_int(i.percent)},
                         {"working", i.working}});
    }
    Json groups = Json::array();
    for (const GroupRating& g : r.groups) {
        groups.push_back({{"code", g.code},
                          {"title", g.title},
                          {"items", g.item_count},
                          {"scored", g.scored},
                          {"unscored", g.unscored},
                          {"not_applying", g.not_applying},
                          {"sum", g.sum},
                          {"percent", optional_int(g.percent)},
                          {"band", band_or_null(g.band)},
                          {"rating", g.rating},
                          {"needs_judgement", g.needs_judgement},
                          {"working", g.working}});
    }
    Json judgements = Json::array();
    for (const JudgementCall& j : r.judgements)
        judgements.push_back(judgement_json(j));
    Json unconfirmed = Json::array();
    for (const UnconfirmedFact& f : r.unconfirmed)
        unconfirmed.push_back({{"what", f.what}, {"note", f.note}});
    const OverallRating& o = r.overall;
    Json out = {{"method",
                 {{"id", r.method_id},
                  {"title", r.method_title},
                  {"applies_from", r.applies_from},
                  {"steps", r.steps}}},
                {"rounding", r.rounding},
                {"items", std::move(items)},
                {"groups", std::move(groups)},
                {"overall",
                 {{"rating", o.rating},
                  {"percent", optional_int(o.percent)},
                  {"band", band_or_null(o.band)},
                  {"rule", o.rule},
                  {"working", o.working},
                  {"needs_judgement", o.needs_judgement},
                  {"unanswered", o.unanswered}}},
                {"rules_applied", r.rules_applied},
                {"judgements", std::move(judgements)},
                {"unconfirmed", std::move(unconfirmed)}};
    return detail::dump_json(out);
}

Result<RatingInput> parse_rating_input(std::string_view json, std::string_view label) {
    Result<Json> doc = detail::parse_json(json, label);
    if (!doc) return tl::unexpected(doc.error());
    const std::string file(label);
    if (!doc->is_object()) return fail(file, "", "must be a JSON object");
    RatingInput in;
    for (const auto& [key, value] : doc->items()) {
        const std::string place = detail::pointer_append("", key);
        if (key == "method") {
            if (!value.is_string()) return fail(file, place, "must be text");
            in.method = value.get<std::string>();
        } else if (key == "item_scores") {
            Result<std::map<std::string, int>> m = int_map(value, place, label);
            if (!m) return tl::unexpected(m.error());
            in.item_scores = std::move(*m);
        } else if (key == "category_scores") {
            if (!value.is_object()) return fail(file, place, "must be an object");
            for (const auto& [item, cats] : value.items()) {
                Result<std::map<std::string, int>> m =
                    int_map(cats, detail::pointer_append(place, item), label);
                if (!m) return tl::unexpected(m.error());
                in.category_scores[item] = std::move(*m);
            }
        } else if (key == "flags") {
            if (!value.is_object()) return fail(file, place, "must be an object");
            for (const auto& [flag, v] : value.items()) {
                if (!v.is_boolean()) {
                    return fail(file, detail::pointer_append(place, flag), "must be true or false");
                }
                in.flags[flag] = v.get<bool>();
            }
        } else if (key == "not_applying") {
            if (!value.is_array()) return fail(file, place, "must be a list of item codes");
            for (std::size_t i = 0; i < value.size(); ++i) {
                if (!value[i].is_string())
                    return fail(file, detail::pointer_append(place, i), "must be an item code");
                in.not_applying.push_back(value[i].get<std::string>());
            }
        } else if (key == "judgements") {
            if (!value.is_object()) return fail(file, place, "must be an object");
            for (const auto& [about, j] : value.items()) {
                const std::string at = detail::pointer_append(place, about);
                if (!j.is_object() || !j.contains("rating") || !j["rating"].is_string() ||
                    (j.contains("rationale") && !j["rationale"].is_string()) || j.size() > 2 ||
                    (j.size() == 2 && !j.contains("rationale"))) {
                    return fail(file, at, "must be {\"rating\": text, \"rationale\": text}");
                }
                in.judgements[about] =
                    Judgement{j["rating"].get<std::string>(), j.value("rationale", std::string())};
            }
        } else {
            return fail(file, place, "unknown key \"" + key + "\"");
        }
    }
    return in;
}

}  // namespace eqkit
