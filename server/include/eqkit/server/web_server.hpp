#pragma once
// WebServer: serves the web build from a folder on 127.0.0.1, answers GET /healthz, and adds
// the security headers to every response. Runs on background threads until stop() or
// destruction.
#include <memory>
#include <string>
#include <string_view>

#include "eqkit/error.hpp"
#include "eqkit/server/options.hpp"

namespace eqkit::server {

// The version /healthz reports.
[[nodiscard]] std::string_view server_version();

class WebServer {
  public:
    // Checks the options, binds host:port and starts answering. Returns an Error (never
    // throws) when the host is not a loopback address, the web root is missing or the port
    // cannot be used, e.g. "eqkit-server: cannot listen on 127.0.0.1:8080: the port is
    // already in use (pass --port to choose another)".
    [[nodiscard]] static Result<WebServer> start(ServerOptions options);

    WebServer(WebServer&&) noexcept;
    WebServer& operator=(WebServer&&) noexcept;
    WebServer(const WebServer&) = delete;
    WebServer& operator=(const WebServer&) = delete;
    ~WebServer();  // stop()

    [[nodiscard]] int port() const;         // the real port, also when 0 was asked for
    [[nodiscard]] std::string url() const;  // "http://127.0.0.1:PORT/"
    [[nodiscard]] bool is_running() const;  // false after stop(), or if listening failed

    // Stops accepting, lets requests in flight finish and joins the threads. Idempotent.
    void stop();

  private:
    struct Impl;
    explicit WebServer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace eqkit::server
