#include "eqkit/server/web_server.hpp"

#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>

#include <sys/socket.h>

#include <httplib.h>

#include "eqkit/server/security_headers.hpp"
#include "error_page.hpp"
#include "listen_error.hpp"

namespace eqkit::server {

namespace {

namespace fs = std::filesystem;
using Handled = httplib::Server::HandlerResponse;

constexpr std::size_t max_payload_bytes = 1024 * 1024;  // nothing is uploaded to the server
constexpr time_t keep_alive_seconds = 2;  // also bounds how long stop() waits for idle clients

constexpr std::string_view missing_web_build =
    "the web build is missing (run ./run.sh or build the wasm preset)";

// Types the browser insists on (application/wasm for streaming compilation) or that
// X-Content-Type-Options: nosniff makes matter. Other extensions use httplib's table.
constexpr std::pair<const char*, const char*> mime_types[] = {
    {"html", "text/html; charset=utf-8"},
    {"htm", "text/html; charset=utf-8"},
    {"js", "text/javascript"},
    {"mjs", "text/javascript"},
    {"wasm", "application/wasm"},
    {"data", "application/octet-stream"},
    {"json", "application/json"},
    {"map", "application/json"},
    {"webmanifest", "application/manifest+json"},
    {"css", "text/css"},
    {"svg", "image/svg+xml"},
    {"png", "image/png"},
    {"ico", "image/x-icon"},
    {"woff2", "font/woff2"},
    {"woff", "font/woff"},
    {"txt", "text/plain; charset=utf-8"},
};

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    }
    return true;
}

// A page on another site can point its own name at 127.0.0.1 (DNS rebinding) and then read
// our answers as if it were us. Browsers send that name in Host, so answer only loopback names.
// A request without Host (HTTP/1.0 tools) is let through.
bool host_header_is_local(const httplib::Request& req) {
    if (!req.has_header("Host")) return true;
    const std::string header = req.get_header_value("Host");  // returned by value: keep it
    std::string_view host = header;
    if (!host.empty() && host.front() == '[') {
        host = host.substr(
            0, host.find(']') == std::string_view::npos ? host.size() : host.find(']') + 1);
    } else if (const auto colon = host.find(':'); colon != std::string_view::npos) {
        host = host.substr(0, colon);
    }
    return host == "127.0.0.1" || host == "[::1]" || equals_ignoring_case(host, "localhost");
}

// httplib already refuses paths that climb above the mount point; this also refuses them
// explicitly (400, not a quiet 404), and refuses NUL bytes and backslashes, which would let a
// name like "/index.html%00.png" reach the file system as something else.
bool path_is_safe(std::string_view path) {
    if (path.empty() || path.front() != '/') return false;
    if (path.find('\0') != std::string_view::npos) return false;
    if (path.find('\\') != std::string_view::npos) return false;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        if (path.substr(start, end - start) == "..") return false;
        start = end + 1;
    }
    return true;
}

// The log line must stay one line whatever the visitor typed.
std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        out += (byte < 0x20 || byte == 0x7f) ? '?' : c;
    }
    return out;
}

// httplib's default sets SO_REUSEPORT, which lets a second server bind a port that is already
// in use and silently share it. SO_REUSEADDR alone allows a quick restart and still refuses
// a port someone is listening on.
void reuse_address_only(socket_t sock) {
    const int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
}

std::string healthz_json() {
    return std::string(R"({"status":"ok","version":")") + std::string(server_version()) + "\"}";
}

}  // namespace

std::string_view server_version() {
    return EQKIT_VERSION;
}

struct WebServer::Impl {
    ServerOptions options;
    httplib::Server http;
    std::thread listener;
    std::atomic<bool> finished{false};
    int port = 0;

    // False if httplib refuses the web root.
    bool configure();
};

bool WebServer::Impl::configure() {
    http.set_socket_options(reuse_address_only);
    http.set_keep_alive_timeout(keep_alive_seconds);
    http.set_payload_max_length(max_payload_bytes);

    httplib::Headers headers;
    for (const auto& [name, value] : security_headers())
        headers.emplace(std::string(name), std::string(value));
    http.set_default_headers(std::move(headers));  // every response, errors included

    for (const auto& [extension, type] : mime_types)
        http.set_file_extension_and_mimetype_mapping(extension, type);
    if (!http.set_mount_point("/", options.web_root.string())) return false;

    http.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
        res.set_header("Cache-Control", "no-store");
        res.set_content(healthz_json(), "application/json");
    });

    http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        if (!host_header_is_local(req)) {
            res.status = 421;
            return Handled::Handled;
        }
        if (!path_is_safe(req.path)) {
            res.status = 400;
            return Handled::Handled;
        }
        return Handled::Unhandled;
    });

    // Never put the exception's text in a header or page.
    http.set_exception_handler([](const httplib::Request&, httplib::Response& res,
                                  std::exception_ptr) { res.status = 500; });

    http.set_error_handler(httplib::Server::HandlerWithResponse(
        [](const httplib::Request& req, httplib::Response& res) {
            if (res.status == 404 && req.method != "GET" && req.method != "HEAD") {
                res.status = 405;
                res.set_header("Allow", "GET, HEAD");
            }
            res.set_content(error_page_html(res.status), "text/html; charset=utf-8");
            return Handled::Handled;
        }));

    // Runs just before every response is written. The web build's .html, .js and .wasm must
    // come from the same build, so nothing is reused without asking the server again.
    http.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
        if (!res.has_header("Cache-Control")) res.set_header("Cache-Control", "no-cache");
    });

    if (options.log_requests) {
        http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
            const std::string line = (req.method.empty() ? "-" : printable(req.method)) + " " +
                                     (req.path.empty() ? "-" : printable(req.path)) + " " +
                                     std::to_string(res.status) + "\n";
            std::fputs(line.c_str(), stderr);  // one call, so lines from threads don't mix
        });
    }
    return true;
}

Result<WebServer> WebServer::start(ServerOptions options) {
    if (!is_loopback_host(options.host)) {
        return fail("eqkit-server", "--host " + options.host,
                    "only 127.0.0.1, ::1 or localhost are allowed, so that nothing on the "
                    "network can reach this computer's data");
    }
    if (options.port < 0 || options.port > 65535) {
        return fail("eqkit-server", "--port " + std::to_string(options.port),
                    "a port is a number from 0 to 65535 (0 picks a free one)");
    }
    std::error_code ec;
    if (options.web_root.empty() || !fs::is_directory(options.web_root, ec)) {
        return fail("eqkit-server", options.web_root.string(), std::string(missing_web_build));
    }
    options.web_root = fs::absolute(options.web_root, ec);

    auto impl = std::make_unique<Impl>();
    impl->options = std::move(options);
    const ServerOptions& opts = impl->options;
    if (!impl->configure())
        return fail("eqkit-server", opts.web_root.string(), std::string(missing_web_build));

    const std::string address = bind_address(opts.host);
    if (opts.port == 0) {
        impl->port = impl->http.bind_to_any_port(address);
    } else {
        impl->port = impl->http.bind_to_port(address, opts.port) ? opts.port : -1;
    }
    if (impl->port <= 0) return tl::unexpected(listen_error(opts.host, opts.port));

    Impl* raw = impl.get();
    impl->listener = std::thread([raw] {
        raw->http.listen_after_bind();
        raw->finished = true;
    });
    // httplib 0.11.4 has no wait_until_ready(); stop() is ignored until is_running().
    while (!impl->http.is_running() && !impl->finished)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    if (!impl->http.is_running()) {
        impl->listener.join();
        return fail("eqkit-server", "cannot listen on " + url_for(opts.host, impl->port),
                    "the server stopped as soon as it started");
    }
    return WebServer(std::move(impl));
}

WebServer::WebServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
WebServer::WebServer(WebServer&&) noexcept = default;
WebServer& WebServer::operator=(WebServer&& other) noexcept {
    if (this != &other) {
        stop();
        impl_ = std::move(other.impl_);
    }
    return *this;
}
WebServer::~WebServer() {
    stop();
}

int WebServer::port() const {
    return impl_ ? impl_->port : 0;
}

std::string WebServer::url() const {
    return impl_ ? url_for(impl_->options.host, impl_->port) : std::string();
}

bool WebServer::is_running() const {
    return impl_ && impl_->http.is_running() && !impl_->finished;
}

void WebServer::stop() {
    if (!impl_ || !impl_->listener.joinable()) return;
    impl_->http.stop();
    impl_->listener.join();
}

}  // namespace eqkit::server
