#pragma once
// What eqkit-server listens on and what it serves.
#include <filesystem>
#include <string>
#include <string_view>

namespace eqkit::server {

struct ServerOptions {
    // Only loopback addresses are accepted: 127.0.0.1, ::1 or localhost (see is_loopback_host).
    std::string host = "127.0.0.1";
    int port = 8080;                 // 0 picks any free port; WebServer::port() says which
    std::filesystem::path web_root;  // the web build: index.html, the .js, the .wasm
    bool log_requests = true;        // one line per request on stderr: "GET /app.js 200"
};

// True for the addresses that reach only this computer: "127.0.0.1", "::1", "localhost".
// Personal data must not leave the user's machine, so the server never listens on a network.
[[nodiscard]] bool is_loopback_host(std::string_view host);

// The numeric address to bind for a loopback host ("localhost" -> "127.0.0.1").
[[nodiscard]] std::string bind_address(std::string_view host);

// "http://127.0.0.1:8080/", "http://[::1]:8080/", "http://localhost:8080/".
[[nodiscard]] std::string url_for(std::string_view host, int port);

}  // namespace eqkit::server
