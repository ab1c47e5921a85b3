// The real eqkit-server binary, started as a child process: what it prints, how it answers
// and how it exits.
#include <chrono>
#include <csignal>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <httplib.h>

#include "child_process.hpp"
#include "http_test_support.hpp"
#include "test_support.hpp"

using eqkit::test::ChildProcess;
using eqkit::test::TempDir;
using namespace std::chrono_literals;

namespace {

const std::string server_binary = EQKIT_BIN_DIR "/eqkit-server";

// Reads the "serving at" line and returns the port it names (0 if the line is wrong).
int read_serving_port(ChildProcess& child) {
    const std::optional<std::string> line = child.read_stdout_line(10s);
    REQUIRE_MESSAGE(line.has_value(), "no output; stderr: " << child.stderr_text());
    static const std::regex serving(R"(EqualityKit is serving at http://127\.0\.0\.1:(\d+)/)");
    std::smatch match;
    CHECK_MESSAGE(std::regex_match(*line, match, serving), "first line: " << *line);
    if (match.empty()) return 0;
    CHECK(child.read_stdout_line(5s) == "Press Ctrl+C to stop.");
    return std::stoi(match[1].str());
}

void check_stops_on(int signal_number) {
    TempDir dir;
    eqkit::test::write_sample_web_build(dir.path());
    ChildProcess child(server_binary, {"--port", "0", "--root", dir.path().string()});
    const int port = read_serving_port(child);
    REQUIRE(port > 0);

    httplib::Client client("127.0.0.1", port);
    client.set_connection_timeout(5);
    auto health = client.Get("/healthz");
    REQUIRE(health);
    CHECK(health->status == 200);
    CHECK(health->body == R"({"status":"ok","version":"0.1.0"})");
    auto wasm = client.Get("/app.wasm");
    REQUIRE(wasm);
    CHECK(wasm->get_header_value("Content-Type") == "application/wasm");
    client.stop();

    child.send_signal(signal_number);
    const std::optional<int> status = child.wait(15s);
    REQUIRE_MESSAGE(status.has_value(), "still running after the signal");
    CHECK(*status == 0);
    CHECK(child.stdout_text() == "eqkit-server: stopped\n");
    // One log line per request: method, path, status.
    CHECK(child.stderr_text().find("GET /healthz 200\n") != std::string::npos);
    CHECK(child.stderr_text().find("GET /app.wasm 200\n") != std::string::npos);

    httplib::Client late("127.0.0.1", port);
    late.set_connection_timeout(1);
    CHECK_FALSE(late.Get("/healthz"));
}

}  // namespace

TEST_CASE("eqkit-server: prints its url, serves, and stops cleanly on SIGTERM") {
    check_stops_on(SIGTERM);
}

TEST_CASE("eqkit-server: stops cleanly on Ctrl+C (SIGINT)") {
    check_stops_on(SIGINT);
}

TEST_CASE("eqkit-server: a port in use exits 1 with a message") {
    TempDir dir;
    eqkit::test::write_sample_web_build(dir.path());
    const eqkit::test::OccupiedPort taken;
    const std::string port = std::to_string(taken.port());
    ChildProcess child(server_binary, {"--port", port, "--root", dir.path().string()});
    const std::optional<int> status = child.wait(15s);
    REQUIRE(status.has_value());
    CHECK(*status == 1);
    CHECK(child.stderr_text() == "eqkit-server: cannot listen on 127.0.0.1:" + port +
                                     ": the port is already in use (pass --port to choose "
                                     "another)\n");
    CHECK(child.stdout_text().empty());
}

TEST_CASE("eqkit-server: a missing web build exits 1 with a message") {
    TempDir dir;
    const std::string root = (dir / "web").string();
    ChildProcess child(server_binary, {"--port", "0", "--root", root});
    const std::optional<int> status = child.wait(15s);
    REQUIRE(status.has_value());
    CHECK(*status == 1);
    CHECK(child.stderr_text() == "eqkit-server: " + root +
                                     ": the web build is missing (run ./run.sh or build the "
                                     "wasm preset)\n");
}

TEST_CASE("eqkit-server: the web root defaults to $EQKIT_WEB_ROOT") {
    TempDir dir;
    eqkit::test::write_sample_web_build(dir.path());
    ChildProcess child(server_binary, {"--port", "0", "--quiet"},
                       {"EQKIT_WEB_ROOT=" + dir.path().string()});
    const int port = read_serving_port(child);
    REQUIRE(port > 0);
    const eqkit::test::RawResponse page = eqkit::test::raw_get(port, "/");
    CHECK(page.status == 200);
    CHECK(page.body.find("EqualityKit test page") != std::string::npos);
    child.send_signal(SIGTERM);
    CHECK(child.wait(15s) == 0);
    CHECK(child.stderr_text().empty());  // --quiet: no request log
}

TEST_CASE("eqkit-server: usage errors exit 2") {
    TempDir dir;
    const std::string root = dir.path().string();
    const std::vector<std::vector<std::string>> cases = {
        {"--host", "0.0.0.0", "--root", root},
        {"--host", "192.168.1.2", "--root", root},
        {"--port", "70000", "--root", root},
        {"--port", "-1", "--root", root},
        {"--port", "eighty", "--root", root},
        {"--no-such-option"},
        {"unexpected-argument"},
    };
    for (const auto& args : cases) {
        INFO(args.front() << (args.size() > 1 ? " " + args[1] : std::string()));
        ChildProcess child(server_binary, args);
        const std::optional<int> status = child.wait(15s);
        REQUIRE(status.has_value());
        CHECK(*status == 2);
        CHECK_FALSE(child.stderr_text().empty());
        CHECK(child.stdout_text().find("serving") == std::string::npos);
    }
}

TEST_CASE("eqkit-server: --help says it listens on this computer only") {
    ChildProcess child(server_binary, {"--help"});
    CHECK(child.wait(15s) == 0);
    CHECK(child.stdout_text().find("127.0.0.1, ::1 or localhost only") != std::string::npos);
    CHECK(child.stdout_text().find("--port") != std::string::npos);
    CHECK(child.stdout_text().find("--root") != std::string::npos);
}
