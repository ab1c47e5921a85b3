#pragma once
// What the assessment's item editor shows beside the answer: the evidence library's evidence for
// the item, and the items other frameworks link to it (the crosswalk) with the evidence given
// there, which the user can use here too, and the answers given there, which the user can accept.
#include <string>
#include <vector>

#include "eqkit/carry.hpp"
#include "eqkit/evidence.hpp"
#include "eqkit/framework.hpp"

namespace eqkit::ui {

struct EvidenceLine {
    std::string id;
    std::string title;
    EvidenceKind kind = EvidenceKind::note;
    bool expired = false;
};

struct LinkedItemLine {
    std::string ref;        // "freda:F"
    std::string heading;    // "This item is part of FREDA F: Fairness"
    std::string rationale;  // why the mapping links them
    bool official = false;  // published by the framework's owner, or EqualityKit's own
    Provenance provenance;
    std::vector<EvidenceLine> evidence;  // attached there and not yet here
};

struct ItemContext {
    std::string ref;  // the item, "eds2022:1A"
    std::vector<EvidenceLine> evidence;
    std::vector<LinkedItemLine> links;
    // Answers given for the linked items in the library's assessments (kind answer), offered
    // to accept (A) or reject (R); nothing is copied until the user accepts one.
    std::vector<Suggestion> answers;
};

}  // namespace eqkit::ui
