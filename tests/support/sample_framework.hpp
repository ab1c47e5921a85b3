#pragma once
// A small framework built in code for core tests: two groups of two items, scale 0-3,
// overall bands 0-3 / 4-9 / 10-12 (the last unconfirmed), raters on.
#include <optional>
#include <string>
#include <vector>

#include "eqkit/assessment.hpp"

#include "eqkit/framework.hpp"
#include "eqkit/registry.hpp"

namespace eqkit::test {

inline std::string sample_framework_json(const std::string& version = "1") {
    return R"({ "format": "eqkit-framework/1", "id": "sample", "version": ")" + version + R"(",
  "title": "Sample framework", "source": { "title": "Tests" },
  "labels": { "group": "Domain", "item": "Outcome" },
  "scale": { "title": "Levels", "official": true, "levels": [
    { "value": 0, "label": "None" }, { "value": 1, "label": "Some" },
    { "value": 2, "label": "Most" }, { "value": 3, "label": "All", "confirmed": false, "note": "level 3 unverified" } ] },
  "narrative": { "label": "Narrative", "max_length": 10 },
  "raters": { "label": "Who rated it", "suggestions": ["Staff"] },
  "groups": [
    { "code": "1", "title": "First", "items": [ { "code": "1A", "title": "One A" }, { "code": "1B", "title": "One B" } ] },
    { "code": "2", "title": "Second", "items": [ { "code": "2A", "title": "Two A" }, { "code": "2B", "title": "Two <B>" } ] } ],
  "aggregation": { "method": "sum", "overall_bands": [
    { "label": "Low", "min": 0, "max": 3 }, { "label": "Middle", "min": 4, "max": 9 },
    { "label": "High", "min": 10, "max": 12, "confirmed": false, "note": "upper band unverified" } ] } })";
}

inline Registry sample_registry(const std::string& version = "1") {
    Registry registry;
    registry.load_text(sample_framework_json(version), "sample.json");
    return registry;
}

inline Answer answer_with(std::optional<int> score, std::string narrative = {},
                          std::vector<std::string> raters = {}) {
    Answer a;
    a.score = score;
    a.narrative = std::move(narrative);
    a.raters = std::move(raters);
    return a;
}

}  // namespace eqkit::test
