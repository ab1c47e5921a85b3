#pragma once
// Whether a fact was confirmed against a published source, and why not.
#include <string>

namespace eqkit {

struct Provenance {
    bool confirmed = true;
    std::string note;
};

}  // namespace eqkit
