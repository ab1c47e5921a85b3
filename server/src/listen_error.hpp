#pragma once
// Why binding host:port failed, in words for the person who started the server.
#include <string_view>

#include "eqkit/error.hpp"

namespace eqkit::server {

// Tries the bind again on a socket of our own to learn the system's reason (httplib only
// says "no"), and returns "eqkit-server: cannot listen on HOST:PORT: <reason>".
[[nodiscard]] Error listen_error(std::string_view host, int port);

}  // namespace eqkit::server
