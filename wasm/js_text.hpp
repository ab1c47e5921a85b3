#pragma once
// Strings handed from the web core's exported C functions to JavaScript.
#include <cstdlib>
#include <cstring>
#include <string>

namespace eqkit::web {

// A malloc'd copy of text, which the page frees with Module._free after reading it.
inline char* to_js(const std::string& text) {
    char* out = static_cast<char*>(std::malloc(text.size() + 1));
    if (out != nullptr) std::memcpy(out, text.c_str(), text.size() + 1);
    return out;
}

}  // namespace eqkit::web
