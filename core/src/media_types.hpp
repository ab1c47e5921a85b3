#pragma once
// Media types guessed from file names, and which kinds of file hold plain text.
#include <string>
#include <string_view>

namespace eqkit::detail {

// "application/pdf" for "Policy.PDF"; "application/octet-stream" when unknown.
[[nodiscard]] std::string media_type_for(std::string_view file_name);

// Text a person could have typed personal data into (plain text, CSV, HTML, JSON, …).
[[nodiscard]] bool is_text_media_type(std::string_view media_type);

}  // namespace eqkit::detail
