#pragma once
// The headers sent with every response, errors included.
#include <string_view>
#include <utility>
#include <vector>

namespace eqkit::server {

// Strict: scripts, styles, fonts and fetches from this origin only; no inline script or style,
// no eval. 'wasm-unsafe-eval' allows WebAssembly compilation and nothing else, so the web build
// must be linked with -sDYNAMIC_EXECUTION=0 and its shell must load every script and style
// from files (no inline <script>, <style> or style="…").
inline constexpr std::string_view content_security_policy =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

using HeaderList = std::vector<std::pair<std::string_view, std::string_view>>;

// Content-Security-Policy, X-Content-Type-Options, Referrer-Policy, X-Frame-Options,
// Cross-Origin-Opener-Policy, Cross-Origin-Resource-Policy, Permissions-Policy.
[[nodiscard]] const HeaderList& security_headers();

}  // namespace eqkit::server
