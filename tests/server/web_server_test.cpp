// The web server over real HTTP on 127.0.0.1, on free ports only.
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <doctest/doctest.h>
#include <httplib.h>

#include "eqkit/server/security_headers.hpp"
#include "eqkit/server/web_server.hpp"
#include "http_test_support.hpp"
#include "test_support.hpp"

using eqkit::server::ServerOptions;
using eqkit::server::WebServer;
using eqkit::test::raw_get;
using eqkit::test::raw_http;
using eqkit::test::RawResponse;
using eqkit::test::TempDir;

namespace {

// The policy as the web-build engineer was told it; a change must be deliberate.
constexpr const char* expected_csp =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const std::vector<std::pair<std::string, std::string>> expected_headers = {
    {"Content-Security-Policy", expected_csp},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"X-Frame-Options", "DENY"},
    {"Cross-Origin-Opener-Policy", "same-origin"},
    {"Cross-Origin-Resource-Policy", "same-origin"},
    {"Permissions-Policy", "camera=(), microphone=(), geolocation=()"},
};

// A sample web build in a temp folder, served on a free port of 127.0.0.1.
struct Served {
    TempDir dir;
    WebServer server;

    Served() : server(start(dir.path())) {}

    static WebServer start(const std::filesystem::path& base) {
        eqkit::test::write_sample_web_build(base / "web");
        eqkit::test::spit(base / "secret.txt", "TOP SECRET outside the web root\n");
        ServerOptions options;
        options.port = 0;
        options.web_root = base / "web";
        options.log_requests = false;
        auto started = WebServer::start(options);
        if (!started) FAIL("the server did not start: " << started.error().message());
        return std::move(*started);
    }

    [[nodiscard]] httplib::Client client() const {
        httplib::Client c("127.0.0.1", server.port());
        c.set_connection_timeout(5);
        c.set_read_timeout(10);
        return c;
    }
};

void check_security_headers(const httplib::Headers& headers, const std::string& what) {
    for (const auto& [name, value] : expected_headers) {
        INFO(what << ": " << name);
        CHECK(headers.count(name) == 1);
        const auto it = headers.find(name);
        REQUIRE(it != headers.end());
        CHECK(it->second == value);
    }
}

void check_security_headers(const RawResponse& response, const std::string& what) {
    for (const auto& [name, value] : expected_headers) {
        INFO(what << ": " << name);
        std::string lower = name;
        for (char& c : lower)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        CHECK(response.header(lower) == value);
    }
}

}  // namespace

TEST_CASE("web server: port 0 picks a free port and the url says which") {
    Served s;
    CHECK(s.server.is_running());
    CHECK(s.server.port() > 0);
    CHECK(s.server.url() == "http://127.0.0.1:" + std::to_string(s.server.port()) + "/");
}

TEST_CASE("web server: serves the web build with the types browsers need") {
    Served s;
    auto client = s.client();
    struct Case {
        const char* path;
        const char* type;
    };
    const Case cases[] = {
        {"/", "text/html; charset=utf-8"},
        {"/index.html", "text/html; charset=utf-8"},
        {"/sub/page.html", "text/html; charset=utf-8"},
        {"/app.js", "text/javascript"},
        {"/app.wasm", "application/wasm"},
        {"/app.data", "application/octet-stream"},
        {"/data.json", "application/json"},
        {"/style.css", "text/css"},
    };
    for (const Case& c : cases) {
        INFO(c.path);
        auto res = client.Get(c.path);
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK(res->get_header_value("Content-Type") == c.type);
    }
    auto wasm = client.Get("/app.wasm");
    REQUIRE(wasm);
    CHECK(wasm->body == eqkit::test::sample_wasm_bytes());
    auto index = client.Get("/");
    REQUIRE(index);
    CHECK(index->body.find("EqualityKit test page") != std::string::npos);
}

TEST_CASE("web server: every response carries the security headers") {
    Served s;
    auto client = s.client();
    for (const char* path : {"/", "/app.wasm", "/app.js", "/healthz", "/no-such-page"}) {
        auto res = client.Get(path);
        REQUIRE(res);
        check_security_headers(res->headers, path);
    }
    auto head = client.Head("/");
    REQUIRE(head);
    CHECK(head->status == 200);
    check_security_headers(head->headers, "HEAD /");

    // Errors the server makes before routing, and refused requests, too.
    check_security_headers(raw_get(s.server.port(), "/../secret.txt"), "400 traversal");
    check_security_headers(raw_http(s.server.port(), "NONSENSE\r\n\r\n"), "400 bad request line");
    check_security_headers(raw_http(s.server.port(),
                                    "DELETE / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    "Connection: close\r\n\r\n"),
                           "405");
}

TEST_CASE("web server: pages are not reused without asking the server") {
    Served s;
    auto client = s.client();
    for (const char* path : {"/", "/index.html", "/app.wasm", "/no-such-page"}) {
        INFO(path);
        auto res = client.Get(path);
        REQUIRE(res);
        CHECK(res->get_header_value("Cache-Control") == "no-cache");
    }
}

TEST_CASE("web server: a missing page gets an accessible HTML 404 page") {
    Served s;
    auto client = s.client();
    auto res = client.Get("/no-such-page.html");
    REQUIRE(res);
    CHECK(res->status == 404);
    CHECK(res->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(res->body.find("<!doctype html>") == 0);
    CHECK(res->body.find("<html lang=\"en-GB\">") != std::string::npos);
    CHECK(res->body.find("<title>Page not found - EqualityKit</title>") != std::string::npos);
    CHECK(res->body.find("<h1>Page not found</h1>") != std::string::npos);
    CHECK(res->body.find("<a href=\"/\">") != std::string::npos);

    SUBCASE("the page never repeats what was asked for") {
        const RawResponse raw = raw_get(s.server.port(), "/%3Cscript%3Ealert(1)%3C/script%3E");
        CHECK(raw.status == 404);
        CHECK(raw.body.find("<script") == std::string::npos);
        CHECK(raw.body.find("alert") == std::string::npos);
    }
}

TEST_CASE("web server: /healthz answers JSON") {
    Served s;
    auto client = s.client();
    auto res = client.Get("/healthz");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type") == "application/json");
    CHECK(res->body == R"({"status":"ok","version":"0.1.0"})");
    CHECK(eqkit::server::server_version() == "0.1.0");
}

TEST_CASE("web server: requests cannot reach files outside the web root") {
    Served s;
    const int port = s.server.port();
    REQUIRE(raw_get(port, "/index.html").status == 200);
    for (const char* target :
         {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/..%2fsecret.txt",
          "/%2e%2e%2fsecret.txt", "/sub/../../secret.txt", "/sub/%2e%2e/%2e%2e/secret.txt",
          "//../secret.txt", "/..\\secret.txt", "/..%5csecret.txt", "/../../../../etc/passwd",
          "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/index.html%00.png"}) {
        INFO(target);
        const RawResponse res = raw_get(port, target);
        CHECK((res.status == 400 || res.status == 404));
        CHECK(res.body.find("TOP SECRET") == std::string::npos);
        CHECK(res.body.find("root:") == std::string::npos);
        CHECK(res.header("content-type") == "text/html; charset=utf-8");
    }
    // A ".." that stays inside the root is harmless, and still refused outright.
    CHECK(raw_get(port, "/sub/../index.html").status == 400);
}

TEST_CASE("web server: answers only to loopback host names (DNS rebinding)") {
    Served s;
    const int port = s.server.port();
    const std::string p = std::to_string(port);
    auto get_with_host = [&](const std::string& host) {
        return raw_http(port, "GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    };
    CHECK(get_with_host("127.0.0.1:" + p).status == 200);
    CHECK(get_with_host("localhost:" + p).status == 200);
    CHECK(get_with_host("LocalHost").status == 200);
    CHECK(get_with_host("[::1]:" + p).status == 200);
    const RawResponse evil = get_with_host("attacker.example:" + p);
    CHECK(evil.status == 421);
    CHECK(evil.body.find("EqualityKit test page") == std::string::npos);
    CHECK(get_with_host("127.0.0.1.attacker.example").status == 421);
}

TEST_CASE("web server: only GET and HEAD are answered, and big uploads are refused") {
    Served s;
    auto client = s.client();
    auto post = client.Post("/", "x=1", "application/x-www-form-urlencoded");
    REQUIRE(post);
    CHECK(post->status == 405);
    CHECK(post->get_header_value("Allow") == "GET, HEAD");
    check_security_headers(post->headers, "405");

    const std::string big(2 * 1024 * 1024, 'x');
    auto huge = client.Post("/", big, "application/octet-stream");
    REQUIRE(huge);
    CHECK(huge->status == 413);
}

TEST_CASE("web server: a port in use is an error value") {
    TempDir dir;
    eqkit::test::write_sample_web_build(dir.path());
    const eqkit::test::OccupiedPort taken;
    ServerOptions options;
    options.port = taken.port();
    options.web_root = dir.path();
    options.log_requests = false;
    const auto result = WebServer::start(options);
    REQUIRE_FALSE(result);
    CHECK(result.error().message() ==
          "eqkit-server: cannot listen on 127.0.0.1:" + std::to_string(taken.port()) +
              ": the port is already in use (pass --port to "
              "choose another)");
}

TEST_CASE("web server: a second server cannot share the first one's port") {
    // httplib sets SO_REUSEPORT by default, which would let both bind; ours must not.
    Served first;
    ServerOptions options;
    options.port = first.server.port();
    options.web_root = first.dir.path() / "web";
    options.log_requests = false;
    const auto second = WebServer::start(options);
    REQUIRE_FALSE(second);
    CHECK(second.error().reason == "the port is already in use (pass --port to choose another)");
    CHECK(first.server.is_running());
}

TEST_CASE("web server: a missing web root is an error value") {
    TempDir dir;
    ServerOptions options;
    options.port = 0;
    options.web_root = dir.path() / "not-built-yet";
    const auto result = WebServer::start(options);
    REQUIRE_FALSE(result);
    CHECK(result.error().message() == "eqkit-server: " + options.web_root.string() +
                                          ": the web build is missing (run ./run.sh or "
                                          "build the wasm preset)");

    SUBCASE("a file is not a web root") {
        eqkit::test::spit(dir / "file", "x");
        options.web_root = dir / "file";
        CHECK_FALSE(WebServer::start(options));
    }
}

TEST_CASE("web server: refuses to listen beyond this computer") {
    TempDir dir;
    for (const char* host : {"0.0.0.0", "::", "192.168.0.1", "example.org"}) {
        INFO(host);
        ServerOptions options;
        options.host = host;
        options.port = 0;
        options.web_root = dir.path();
        const auto result = WebServer::start(options);
        REQUIRE_FALSE(result);
        CHECK(result.error().place == std::string("--host ") + host);
    }
}

TEST_CASE("web server: stops cleanly, even with a client still connected") {
    Served s;
    const int port = s.server.port();
    auto client = s.client();
    client.set_keep_alive(true);  // leaves an idle connection open on the server
    auto res = client.Get("/healthz");
    REQUIRE(res);

    const auto before = std::chrono::steady_clock::now();
    s.server.stop();
    const auto took = std::chrono::steady_clock::now() - before;
    CHECK_FALSE(s.server.is_running());
    CHECK(took < std::chrono::seconds(5));
    s.server.stop();  // twice is harmless

    httplib::Client late("127.0.0.1", port);
    late.set_connection_timeout(1);
    CHECK_FALSE(late.Get("/healthz"));
}

TEST_CASE("web server: can listen on ::1 when this computer has IPv6") {
    TempDir dir;
    ServerOptions options;
    options.host = "::1";
    options.port = 0;
    options.web_root = dir.path();
    options.log_requests = false;
    auto result = WebServer::start(options);
    if (!result) {
        MESSAGE("IPv6 loopback unavailable here: " << result.error().message());
        return;
    }
    CHECK(result->url() == "http://[::1]:" + std::to_string(result->port()) + "/");
    httplib::Client client("::1", result->port());
    client.set_connection_timeout(5);
    auto res = client.Get("/healthz");
    REQUIRE(res);
    CHECK(res->status == 200);
}
