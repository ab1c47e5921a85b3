#pragma once
// Errors are values: every failure names the file, the place in it and the reason.
#include <string>
#include <vector>

#include <tl/expected.hpp>

namespace eqkit {

struct Error {
    std::string file;    // as the user named it: "plugins/eds2022/framework.json"
    std::string place;   // JSON Pointer "/groups/1/items/0/code", or "line 3, column 7"
    std::string reason;  // one plain sentence: "code \"1A\" is used twice"

    [[nodiscard]] std::string message() const;  // "file: place: reason", skipping empty parts
    friend bool operator==(const Error&, const Error&) = default;
};

using ErrorList = std::vector<Error>;

template <class T>
using Result = tl::expected<T, Error>;

// For work that reports every problem it finds, not only the first.
template <class T>
using Checked = tl::expected<T, ErrorList>;

[[nodiscard]] inline tl::unexpected<Error> fail(std::string file, std::string place,
                                                std::string reason) {
    return tl::unexpected<Error>(Error{std::move(file), std::move(place), std::move(reason)});
}

// All messages, one per line.
[[nodiscard]] std::string join_messages(const ErrorList& errors);

}  // namespace eqkit
