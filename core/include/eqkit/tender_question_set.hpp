#pragma once
// A tender question set as loaded from plugins/tender_<id>/question_set.json
// (format: docs/question-set-format.md, schema: schemas/eqkit-question-set-1.schema.json).
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eqkit/error.hpp"
#include "eqkit/framework.hpp"
#include "eqkit/scoring.hpp"

namespace eqkit {

class Registry;

inline constexpr std::string_view question_set_format = "eqkit-question-set/1";

struct TenderScaleLevel {
    int value = 0;
    std::string label;
    std::string description;
    Provenance provenance;
};

// A scoring scale used by a question set: 0–4, 0–5, 0/25/50/75/100 or pass/fail, as data.
struct TenderScale {
    std::string id;
    std::string title;
    bool pass_fail = false;  // two levels: the lowest fails, the highest passes
    Source source;
    std::vector<TenderScaleLevel> levels;  // values strictly increasing, the first is 0

    [[nodiscard]] const TenderScaleLevel* level(int value) const;
    [[nodiscard]] int max() const { return levels.back().value; }
    [[nodiscard]] int min() const { return levels.front().value; }
};

// A framework item a good answer would cite: "eds2022:2A".
struct Citation {
    std::string framework;
    std::string code;
    [[nodiscard]] std::string text() const { return framework + ":" + code; }
};

struct TenderQuestion {
    std::string code;
    std::string title;
    std::string text;
    std::string guidance;  // for bidders
    int word_limit = 0;    // 0: no limit
    bool pass_fail = false;
    double weight = 0;  // scored questions only; pass/fail questions carry no weight
    std::string scale;  // id of a scale in the set
    std::optional<int> minimum_score;
    std::vector<Citation> cites;
    Provenance provenance;
};

struct QuestionSet {
    std::string file;
    std::string id;
    std::string title;
    std::string version;
    std::string publisher;
    bool official = false;  // false: an EqualityKit template, not published by anyone else
    std::string description;
    std::vector<Source> sources;
    double total_weight = 0;  // the weights of the scored questions add up to this
    std::vector<TenderScale> scales;
    std::vector<TenderQuestion> questions;
    Provenance provenance;

    [[nodiscard]] const TenderScale* find_scale(std::string_view id) const;
    [[nodiscard]] const TenderQuestion* find_question(std::string_view code) const;
    // The scale of a question that the loader accepted.
    [[nodiscard]] const TenderScale& scale_of(const TenderQuestion& question) const;
};

[[nodiscard]] Checked<QuestionSet> parse_question_set(std::string_view json,
                                                      std::string_view label);
[[nodiscard]] Checked<QuestionSet> load_question_set(const std::filesystem::path& file);

// Every plugins/<dir>/question_set.json under dir, by folder name; a bad file is a failure beside
// the sets that loaded and never stops the others.
struct QuestionSetLibrary {
    std::vector<QuestionSet> sets;
    std::vector<ErrorList> failures;
};
[[nodiscard]] QuestionSetLibrary load_question_sets(const std::filesystem::path& plugins_dir);

// Every fact the set marks unconfirmed (the set, its sources, scales, levels and questions).
[[nodiscard]] std::vector<UnconfirmedFact> unconfirmed_facts(const QuestionSet& set);

// Each citation must name a loaded framework and one of its items. Errors point at
// /questions/<i>/cites/<j> in the set's file.
[[nodiscard]] ErrorList check_citations(const QuestionSet& set, const Registry& registry);

}  // namespace eqkit
