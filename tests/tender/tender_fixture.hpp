#pragma once
// A small question set whose arithmetic the tests work by hand.
#include <string>

namespace eqkit::test {

// PF1 pass/fail; Q1 on 0–4, weight 60, minimum 2; Q2 on 0/25/50/75/100, weight 40. Total 100.
inline std::string small_question_set() {
    return R"({
  "format": "eqkit-question-set/1", "id": "tender_small", "version": "1",
  "title": "Small test set", "publisher": "EqualityKit tests", "official": false,
  "description": "For tests only.",
  "sources": [{"title": "tenders.md"}],
  "total_weight": 100,
  "scales": [
    {"id": "pf", "title": "Pass/Fail", "pass_fail": true, "source": {"title": "tenders.md"},
     "levels": [{"value": 0, "label": "Fail"}, {"value": 1, "label": "Pass"}]},
    {"id": "0_4", "title": "0-4", "source": {"title": "tenders.md"},
     "levels": [{"value": 0, "label": "Unacceptable"}, {"value": 1, "label": "Poor"},
                {"value": 2, "label": "Acceptable"}, {"value": 3, "label": "Good"},
                {"value": 4, "label": "Excellent"}]},
    {"id": "0_100", "title": "0/25/50/75/100", "source": {"title": "tenders.md"},
     "levels": [{"value": 0, "label": "Unacceptable"}, {"value": 25, "label": "Poor"},
                {"value": 50, "label": "Acceptable"}, {"value": 75, "label": "Good"},
                {"value": 100, "label": "Excellent"}]}
  ],
  "questions": [
    {"code": "PF1", "title": "Policy", "text": "Do you have a policy?", "pass_fail": true, "scale": "pf"},
    {"code": "Q1", "title": "Access", "text": "How?", "guidance": "Be specific.", "word_limit": 500,
     "pass_fail": false, "scale": "0_4", "weight": 60, "minimum_score": 2, "cites": ["eds2022:1A"]},
    {"code": "Q2", "title": "Workforce", "text": "How?", "pass_fail": false, "scale": "0_100",
     "weight": 40, "cites": ["eds2022:2A", "wres:1"]}
  ]
})";
}

}  // namespace eqkit::test
