#include <string>
#include <string_view>

#include <doctest/doctest.h>

#include "eqkit/server/options.hpp"
#include "eqkit/server/security_headers.hpp"

using namespace eqkit::server;

TEST_CASE("server options: only loopback hosts are accepted") {
    CHECK(is_loopback_host("127.0.0.1"));
    CHECK(is_loopback_host("::1"));
    CHECK(is_loopback_host("localhost"));
    CHECK_FALSE(is_loopback_host("0.0.0.0"));
    CHECK_FALSE(is_loopback_host("::"));
    CHECK_FALSE(is_loopback_host("192.168.1.10"));
    CHECK_FALSE(is_loopback_host(""));
    CHECK_FALSE(is_loopback_host("example.org"));
}

TEST_CASE("server options: urls name the host as a browser expects") {
    CHECK(url_for("127.0.0.1", 8080) == "http://127.0.0.1:8080/");
    CHECK(url_for("::1", 8080) == "http://[::1]:8080/");
    CHECK(url_for("localhost", 1234) == "http://localhost:1234/");
    CHECK(bind_address("localhost") == "127.0.0.1");
    CHECK(bind_address("::1") == "::1");
}

TEST_CASE("server options: the content security policy stays strict") {
    const std::string_view csp = content_security_policy;
    CHECK(csp.find("'unsafe-inline'") == std::string_view::npos);
    CHECK(csp.find("'unsafe-eval'") == std::string_view::npos);
    CHECK(csp.find("script-src 'self' 'wasm-unsafe-eval';") != std::string_view::npos);
    CHECK(csp.find("frame-ancestors 'none'") != std::string_view::npos);
    CHECK(security_headers().size() == 7);
}
