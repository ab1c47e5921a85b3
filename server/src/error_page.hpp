#pragma once
// The small accessible HTML page sent with every error status.
#include <string>
#include <string_view>

namespace eqkit::server {

// "Page not found" for 404, "Bad request" for 400, and so on.
[[nodiscard]] std::string_view error_title(int status);

// A complete page: lang="en-GB", a title, one h1, a sentence and a link home. It never echoes
// the request, so nothing the visitor typed can be injected into it.
[[nodiscard]] std::string error_page_html(int status);

}  // namespace eqkit::server
