#include "eqkit/server/options.hpp"

namespace eqkit::server {

bool is_loopback_host(std::string_view host) {
    return host == "127.0.0.1" || host == "::1" || host == "localhost";
}

std::string bind_address(std::string_view host) {
    // Bind one numeric address, so the URL we print is the one that answers.
    if (host == "localhost") return "127.0.0.1";
    return std::string(host);
}

std::string url_for(std::string_view host, int port) {
    const bool ipv6 = host.find(':') != std::string_view::npos;
    std::string url = "http://";
    url += ipv6 ? "[" + std::string(host) + "]" : std::string(host);
    url += ":" + std::to_string(port) + "/";
    return url;
}

}  // namespace eqkit::server
