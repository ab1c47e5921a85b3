// The percentage rating engine: evaluates the rules in a framework's "percentage" aggregation.
#include "eqkit/rating.hpp"

#include <algorithm>

#include "eqkit/text.hpp"
#include "field_readers.hpp"
#include "json_reader.hpp"

namespace eqkit {
namespace {

using detail::Json;

std::string span(int min, int max) {
    return std::to_string(min) + "–" + std::to_string(max) + "%";
}

// Position of a group band label, worst first; -1 when unknown.
int rank(const Framework& fw, std::string_view label) {
    const std::vector<Band>& bands = fw.aggregation.group_bands;
    for (std::size_t i = 0; i < bands.size(); ++i) {
        if (bands[i].label == label) return static_cast<int>(i);
    }
    return -1;
}

std::vector<std::string> group_labels(const Framework& fw) {
    std::vector<std::string> out;
    for (const Band& b : fw.aggregation.group_bands)
        out.push_back(b.label);
    return out;
}

void note(std::vector<UnconfirmedFact>& out, std::string what, const Provenance& p) {
    if (p.confirmed) return;
    const bool seen = std::any_of(out.begin(), out.end(),
                                  [&what](const UnconfirmedFact& f) { return f.what == what; });
    if (!seen) out.push_back({std::move(what), p.note});
}

// "sum of N scores = S of M = P%" with the unrounded value when rounding changed it.
std::string percent_working(const std::vector<int>& scores, int highest, int percent) {
    std::string parts;
    int sum = 0;
    for (int s : scores) {
        if (!parts.empty()) parts += " + ";
        parts += std::to_string(s);
        sum += s;
    }
    const long long count = static_cast<long long>(scores.size());
    std::string text =
        parts + " = " + std::to_string(sum) + " of " + std::to_string(count * highest) + " = ";
    if (const std::string exact = percent_decimals(sum, count, highest); !exact.empty()) {
        text += exact + "%, rounded to ";
    }
    return text + std::to_string(percent) + "%";
}

bool rounded(const std::vector<int>& scores, int highest) {
    int sum = 0;
    for (int s : scores)
        sum += s;
    return !percent_decimals(sum, static_cast<long long>(scores.size()), highest).empty();
}

class Rater {
  public:
    Rater(const Framework& fw, const RatingInput& input, std::string_view label)
        : fw_(fw), in_(input), label_(label) {}

    Result<Rating> run() {
        if (fw_.aggregation.method != AggregationMethod::percentage) {
            return fail(label_, "",
                        std::string(fw_.display_title()) + " is not rated by percentages");
        }
        if (auto ok = pick_method(); !ok) return tl::unexpected(ok.error());
        if (auto ok = check_input(); !ok) return tl::unexpected(ok.error());
        out_.rounding = "percentages are rounded half up to a whole percent";
        note(out_.unconfirmed, "rounding: " + out_.rounding, fw_.aggregation.rounding.provenance);
        std::vector<int> all_scores;
        for (const Group& g : fw_.groups) {
            GroupRating gr = rate_group(g, all_scores);
            out_.groups.push_back(std::move(gr));
        }
        for (GroupRating& gr : out_.groups)
            apply_limits(gr);
        if (!fw_.aggregation.overall_bands.empty()) overall_from_bands(all_scores);
        if (fw_.aggregation.overall_rules) overall_from_rules(*fw_.aggregation.overall_rules);
        drop_unused_rounding_note();
        return std::move(out_);
    }

  private:
    Result<void> pick_method() {
        const std::vector<ScoringMethod>& methods = fw_.aggregation.methods;
        if (!in_.method.empty()) {
            const auto it =
                std::find_if(methods.begin(), methods.end(),
                             [this](const ScoringMethod& m) { return m.id == in_.method; });
            if (it == methods.end()) {
                return fail(label_, "/method",
                            "no scoring method " + detail::in_quotes(in_.method) + " in " + fw_.id);
            }
            method_ = &*it;
        } else if (!methods.empty()) {
            method_ = &methods.back();
        }
        if (method_ != nullptr) {
            out_.method_id = method_->id;
            out_.method_title = method_->title;
            out_.applies_from = method_->applies_from;
            out_.steps = method_->steps;
            note(out_.unconfirmed, "scoring method " + detail::in_quotes(method_->title),
                 method_->provenance);
        }
        return {};
    }

    [[nodiscard]] bool by_categories() const {
        return method_ != nullptr && method_->item_scores == ItemScores::evidence_categories;
    }

    Result<void> check_score(int score, const std::string& place) const {
        if (fw_.scale.level(score) == nullptr) {
            return fail(
                label_, place,
                std::to_string(score) + " is not a score on " + detail::in_quotes(fw_.scale.title));
        }
        return {};
    }

    Result<void> check_input() const {
        if (by_categories() && !in_.item_scores.empty()) {
            return fail(
                label_, "/item_scores",
                detail::in_quotes(method_->title) + " scores evidence categories, not items");
        }
        if (!by_categories() && !in_.category_scores.empty()) {
            return fail(label_, "/category_scores",
                        "this method scores each item directly, not its evidence categories");
        }
        for (const auto& [code, score] : in_.item_scores) {
            const std::string place = detail::pointer_append("/item_scores", code);
            if (fw_.find_item(code) == nullptr) return fail(label_, place, unknown_item(code));
            if (auto ok = check_score(score, place); !ok) return ok;
        }
        for (const auto& [code, cats] : in_.category_scores) {
            const std::string place = detail::pointer_append("/category_scores", code);
            if (fw_.find_item(code) == nullptr) return fail(label_, place, unknown_item(code));
            for (const auto& [cat, score] : cats) {
                const std::string at = detail::pointer_append(place, cat);
                const std::string& wanted = cat;  // clang 14 cannot capture a binding
                const bool known =
                    std::any_of(fw_.evidence_categories.begin(), fw_.evidence_categories.end(),
                                [&wanted](const EvidenceCategory& c) { return c.code == wanted; });
                if (!known) {
                    return fail(label_, at,
                                "no evidence category " + detail::in_quotes(cat) + " in " + fw_.id);
                }
                if (auto ok = check_score(score, at); !ok) return ok;
            }
        }
        for (std::size_t i = 0; i < in_.not_applying.size(); ++i) {
            const std::string& code = in_.not_applying[i];
            if (fw_.find_item(code) == nullptr)
                return fail(label_, detail::pointer_append("/not_applying", i), unknown_item(code));
        }
        for (const auto& [key, j] : in_.judgements) {
            const std::string place = detail::pointer_append("/judgements", key);
            const std::string& wanted = key;  // clang 14 cannot capture a binding
            const bool known_key =
                key == "overall" ||
                std::any_of(fw_.groups.begin(), fw_.groups.end(),
                            [&wanted](const Group& g) { return g.code == wanted; });
            if (!known_key) {
                return fail(
                    label_, place,
                    detail::in_quotes(key) + " is neither \"overall\" nor a " + fw_.group_label);
            }
            if (rank(fw_, j.rating) < 0) {
                return fail(label_, place + "/rating",
                            detail::in_quotes(j.rating) + " is not one of the ratings");
            }
            if (is_blank(j.rationale)) {
                return fail(label_, place + "/rationale",
                            "a judgement needs a rationale saying why");
            }
        }
        return {};
    }

    [[nodiscard]] bool applies(const std::string& code) const {
        return std::find(in_.not_applying.begin(), in_.not_applying.end(), code) ==
               in_.not_applying.end();
    }

    std::string unknown_item(const std::string& code) const {
        return "no " + lower_first(fw_.item_label) + " " + detail::in_quotes(code) + " in " +
               fw_.id;
    }

    // The item's score: given directly, or from its evidence category scores.
    std::optional<int> item_score(const Item& item, ItemRating& ir) {
        if (!by_categories()) {
            const auto it = in_.item_scores.find(item.code);
            if (it == in_.item_scores.end()) return std::nullopt;
            ir.working = "score " + std::to_string(it->second) + " given";
            return it->second;
        }
        const auto it = in_.category_scores.find(item.code);
        if (it == in_.category_scores.end() || it->second.empty()) return std::nullopt;
        std::vector<int> scores;
        for (const EvidenceCategory& c : fw_.evidence_categories) {
            const auto s = it->second.find(c.code);
            if (s != it->second.end()) scores.push_back(s->second);
        }
        const int highest = fw_.scale.highest();
        int sum = 0;
        for (int s : scores)
            sum += s;
        const int percent = percent_of(sum, static_cast<long long>(scores.size()), highest);
        ir.percent = percent;
        ir.working = percent_working(scores, highest, percent);
        for (const ItemBand& b : method_->item_bands) {
            if (percent >= b.min && percent <= b.max) {
                ir.working +=
                    " → score " + std::to_string(b.value) + " (" + span(b.min, b.max) + ")";
                note(out_.unconfirmed,
                     "item score " + std::to_string(b.value) + " from " + span(b.min, b.max),
                     b.provenance);
                return b.value;
            }
        }
        return std::nullopt;  // the loader checks that item bands cover every percentage
    }

    GroupRating rate_group(const Group& g, std::vector<int>& all_scores) {
        GroupRating gr;
        gr.code = g.code;
        gr.title = g.title;
        std::vector<int> scores;
        for (const Item& item : g.items) {
            if (!applies(item.code)) {
                ++gr.not_applying;
                continue;
            }
            ++gr.item_count;
            ItemRating ir;
            ir.code = item.code;
            ir.title = item.title;
            ir.score = item_score(item, ir);
            if (ir.score) {
                scores.push_back(*ir.score);
                all_scores.push_back(*ir.score);
                out_.items.push_back(std::move(ir));
            }
        }
        gr.scored = scores.size();
        gr.unscored = gr.item_count - gr.scored;
        for (int s : scores)
            gr.sum += s;
        if (scores.empty()) {
            // A key question none of whose statements apply is not "to do": the user said so.
            gr.working =
                gr.item_count == 0 && gr.not_applying > 0
                    ? "none of its " + lower_first(fw_.item_label) + "s apply to your service"
                    : "nothing scored";
            return gr;
        }
        const int highest = fw_.scale.highest();
        gr.percent = percent_of(gr.sum, static_cast<long long>(scores.size()), highest);
        if (rounded(scores, highest)) rounding_used_ = true;
        gr.working = percent_working(scores, highest, *gr.percent);
        if (const Band* band = band_for(fw_.aggregation.group_bands, *gr.percent)) {
            gr.band = *band;
            gr.rating = band->label;
            gr.working += " → " + band->label + " (" + span(band->min, band->max) + ")";
            note(out_.unconfirmed, fw_.group_label + " band " + detail::in_quotes(band->label),
                 band->provenance);
        }
        return gr;
    }

    // Worst rating first: the labels from `worst` up to `best`.
    std::vector<std::string> options_between(const std::string& a, const std::string& b) const {
        const std::vector<std::string> labels = group_labels(fw_);
        int lo = std::min(rank(fw_, a), rank(fw_, b));
        int hi = std::max(rank(fw_, a), rank(fw_, b));
        if (lo < 0) lo = 0;
        if (hi < 0) hi = static_cast<int>(labels.size()) - 1;
        return {labels.begin() + lo, labels.begin() + hi + 1};
    }

    void record_judgement(JudgementCall call) {
        const auto it = in_.judgements.find(call.about);
        if (it != in_.judgements.end()) call.made = it->second;
        out_.judgements.push_back(std::move(call));
    }

    void apply_limits(GroupRating& gr) {
        if (!gr.band) return;
        const Group* group = nullptr;
        for (const Group& g : fw_.groups) {
            if (g.code == gr.code) group = &g;
        }
        bool pending = false;
        for (const GroupLimit& limit : fw_.aggregation.group_limits) {
            const bool hit =
                std::any_of(out_.items.begin(), out_.items.end(), [&](const ItemRating& ir) {
                    return ir.score && *ir.score <= limit.item_score_at_most &&
                           fw_.group_of(ir.code) == group;
                });
            if (!hit || rank(fw_, gr.rating) <= rank(fw_, limit.best)) continue;
            if (limit.provenance.confirmed) {
                out_.rules_applied.push_back(fw_.group_label + " " + gr.code + ": " + limit.text);
                gr.working += "; limited to " + limit.best + " (" + limit.text + ")";
                gr.rating = limit.best;
                continue;
            }
            // An unconfirmed limit is neither applied nor ignored: the band alone does not
            // give the rating, the user's judgement does.
            record_judgement({gr.code, limit.text, limit.provenance.note,
                              options_between(limit.best, gr.rating), std::nullopt});
            pending = true;
        }
        const auto it = in_.judgements.find(gr.code);
        if (it != in_.judgements.end()) {
            out_.rules_applied.push_back(fw_.group_label + " " + gr.code + ": your judgement, " +
                                         it->second.rating + " (" + it->second.rationale + ")");
            gr.rating = it->second.rating;
            gr.working += "; your judgement: " + it->second.rating;
        } else if (pending) {
            gr.working += "; " + gr.rating +
                          " unless an unconfirmed limit applies: needs your "
                          "judgement";
            gr.rating.clear();
            gr.needs_judgement = true;
        }
    }

    void overall_from_bands(const std::vector<int>& scores) {
        OverallRating& o = out_.overall;
        if (scores.empty()) {
            o.working = "nothing scored";
            return;
        }
        const int highest = fw_.scale.highest();
        int sum = 0;
        for (int s : scores)
            sum += s;
        o.percent = percent_of(sum, static_cast<long long>(scores.size()), highest);
        if (rounded(scores, highest)) rounding_used_ = true;
        o.working = percent_working(scores, highest, *o.percent);
        if (const Band* band = band_for(fw_.aggregation.overall_bands, *o.percent)) {
            o.band = *band;
            o.rating = band->label;
            o.rule = "overall band " + band->label + " (" + span(band->min, band->max) + ")";
            o.working += " → " + band->label;
            note(out_.unconfirmed, "overall band " + detail::in_quotes(band->label),
                 band->provenance);
        }
    }

    void overall_from_rules(const OverallRules& rules) {
        OverallRating& o = out_.overall;
        std::map<std::string, int> counts;
        std::string missing;
        std::string pending;
        for (const GroupRating& gr : out_.groups) {
            if (gr.needs_judgement) {
                pending += (pending.empty() ? "" : ", ") + gr.code;
            } else if (gr.rating.empty()) {
                missing += (missing.empty() ? "" : ", ") + gr.code;
            } else {
                ++counts[gr.rating];
                o.working += (o.working.empty() ? "" : ", ") + gr.code + " " + gr.rating;
            }
        }
        if (!missing.empty() || !pending.empty()) {
            o.working = "not worked out: ";
            if (!missing.empty())
                o.working += "no rating yet for " + fw_.group_label + " " + missing;
            if (!missing.empty() && !pending.empty()) o.working += "; ";
            if (!pending.empty())
                o.working +=
                    "your judgement is needed first for " + fw_.group_label + " " + pending;
            return;
        }
        const std::vector<std::string> all = group_labels(fw_);
        const RatingRule* rule = nullptr;
        for (const RatingRule& j : rules.judgement) {
            if (!j.when.matches(counts)) continue;
            o.needs_judgement = true;
            record_judgement({"overall", j.text, j.provenance.note, all, std::nullopt});
            break;
        }
        if (!o.needs_judgement) {
            for (const RatingRule& r : rules.rules) {
                if (r.when.matches(counts)) {
                    rule = &r;
                    break;
                }
            }
            if (rule == nullptr) {
                o.needs_judgement = true;
                record_judgement({"overall", rules.otherwise.text, rules.otherwise.provenance.note,
                                  all, std::nullopt});
            }
        }
        if (rule != nullptr) {
            o.rating = rule->result;
            o.rule = "principle " + rule->id + ": " + rule->text;
            out_.rules_applied.push_back(o.rule);
            note(out_.unconfirmed, "principle " + rule->id, rule->provenance);
        }
        const auto it = in_.judgements.find("overall");
        if (it != in_.judgements.end()) {
            const std::string how =
                o.needs_judgement ? "your judgement" : "your judgement, departing from the rule";
            o.rating = it->second.rating;
            o.rule = how + ": " + it->second.rationale;
            out_.rules_applied.push_back("overall: " + how + ", " + it->second.rating + " (" +
                                         it->second.rationale + ")");
            o.needs_judgement = false;
        }
        apply_caps(rules);
    }

    void apply_caps(const OverallRules& rules) {
        OverallRating& o = out_.overall;
        for (const RatingCap& cap : rules.caps) {
            const auto it = in_.flags.find(cap.flag);
            if (it == in_.flags.end()) {
                o.unanswered.push_back(cap.question);
                continue;
            }
            if (!it->second || o.rating.empty()) continue;
            if (rank(fw_, o.rating) > rank(fw_, cap.best)) {
                o.rating = cap.best;
                o.rule += "; limited to " + cap.best + " by principle " + cap.id;
            }
            out_.rules_applied.push_back("principle " + cap.id + ": " + cap.text);
        }
    }

    // The rounding rule matters only when a percentage was not whole.
    void drop_unused_rounding_note() {
        if (rounding_used_) return;
        auto& facts = out_.unconfirmed;
        facts.erase(std::remove_if(
                        facts.begin(), facts.end(),
                        [](const UnconfirmedFact& f) { return f.what.rfind("rounding", 0) == 0; }),
                    facts.end());
    }

    const Framework& fw_;
    const RatingInput& in_;
    std::string label_;
    const ScoringMethod* method_ = nullptr;
    bool rounding_used_ = false;
    Rating out_;
};

}  // namespace

const ScoringMethod* method_on(const Framework& fw, std::string_view date) {
    const ScoringMethod* found = nullptr;
    for (const ScoringMethod& m : fw.aggregation.methods) {
        // "2024-12" is in force on "2024-12-01": compare the month or date prefix.
        if (m.applies_from.empty() || m.applies_from <= date.substr(0, m.applies_from.size())) {
            found = &m;
        }
    }
    return found;
}

Result<Rating> rate(const Framework& framework, const RatingInput& input, std::string_view label) {
    return Rater(framework, input, label).run();
}

}  // namespace eqkit
