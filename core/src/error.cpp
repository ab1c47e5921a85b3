#include "eqkit/error.hpp"

namespace eqkit {

std::string Error::message() const {
    std::string out = file;
    for (const std::string* part : {&place, &reason}) {
        if (part->empty()) continue;
        if (!out.empty()) out += ": ";
        out += *part;
    }
    return out;
}

std::string join_messages(const ErrorList& errors) {
    std::string out;
    for (const Error& e : errors)
        out += e.message() + "\n";
    return out;
}

}  // namespace eqkit
