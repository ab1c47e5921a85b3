// eqkit-server: serves the EqualityKit web build on this computer only.
// Exit status: 0 after Ctrl+C / SIGTERM, 1 if it cannot serve, 2 for a usage error.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <system_error>

#include <CLI/CLI.hpp>

#include "eqkit/server/web_server.hpp"

namespace {

namespace fs = std::filesystem;
using eqkit::server::ServerOptions;

// $EQKIT_WEB_ROOT, else the install layout: <prefix>/bin/eqkit-server beside <prefix>/web.
fs::path default_web_root(const char* argv0) {
    if (const char* env = std::getenv("EQKIT_WEB_ROOT"); env != nullptr && *env != '\0') return env;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) exe = fs::absolute(argv0, ec);
    return exe.parent_path().parent_path() / "web";
}

void say(const std::string& line, std::FILE* to) {
    std::fputs((line + "\n").c_str(), to);
    std::fflush(to);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "Serves the EqualityKit web app to the browser on this computer only.\n"
        "It listens on 127.0.0.1, ::1 or localhost, so no other computer can connect,\n"
        "and the data you enter stays in your browser."};
    app.set_version_flag("--version", std::string(eqkit::server::server_version()));
    ServerOptions options;
    std::string root;
    bool quiet = false;
    app.add_option("--host", options.host,
                   "Address to listen on: 127.0.0.1, ::1 or localhost only (other addresses "
                   "are refused, so no other computer can connect)")
        ->check(CLI::IsMember({"127.0.0.1", "::1", "localhost"}))
        ->capture_default_str();
    app.add_option("--port", options.port, "Port to listen on; 0 picks a free one")
        ->check(CLI::Range(0, 65535))
        ->capture_default_str();
    app.add_option("--root", root,
                   "Folder of the web build (default: $EQKIT_WEB_ROOT, else ../web beside "
                   "this program's folder)");
    app.add_flag("--quiet", quiet, "Do not log each request on stderr");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    options.web_root = root.empty() ? default_web_root(argv[0]) : fs::path(root);
    options.log_requests = !quiet;

    // Block the stop signals before any thread starts, so every thread inherits the mask and
    // only sigtimedwait below receives them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    auto server = eqkit::server::WebServer::start(options);
    if (!server) {
        say(server.error().message(), stderr);
        return 1;
    }
    say("EqualityKit is serving at " + server->url(), stdout);
    say("Press Ctrl+C to stop.", stdout);

    const timespec tick{0, 200'000'000};
    while (true) {
        if (sigtimedwait(&stop_signals, nullptr, &tick) > 0) break;
        if (!server->is_running()) {
            say("eqkit-server: the server stopped unexpectedly", stderr);
            return 1;
        }
    }
    server->stop();
    say("eqkit-server: stopped", stdout);
    return 0;
}
