#include "eqkit/server/security_headers.hpp"

namespace eqkit::server {

const HeaderList& security_headers() {
    static const HeaderList headers = {
        {"Content-Security-Policy", content_security_policy},
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        {"X-Frame-Options", "DENY"},
        {"Cross-Origin-Opener-Policy", "same-origin"},
        {"Cross-Origin-Resource-Policy", "same-origin"},
        {"Permissions-Policy", "camera=(), microphone=(), geolocation=()"},
    };
    return headers;
}

}  // namespace eqkit::server
