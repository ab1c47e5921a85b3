#pragma once
// One piece of evidence as the assessment's item panel lists it (from the evidence library).
#include <string>

#include "eqkit/evidence.hpp"

namespace eqkit::ui {

struct EvidenceLine {
    std::string id;
    std::string title;
    EvidenceKind kind = EvidenceKind::note;
    bool expired = false;
};

}  // namespace eqkit::ui
