#include "http_test_support.hpp"

#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "test_support.hpp"

namespace eqkit::test {

namespace {

sockaddr_in loopback(int port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

sockaddr* as_sockaddr(sockaddr_in& address) {
    return static_cast<sockaddr*>(static_cast<void*>(&address));
}

std::string lower(std::string text) {
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

RawResponse parse(const std::string& reply) {
    RawResponse response;
    const auto head_end = reply.find("\r\n\r\n");
    if (head_end == std::string::npos) return response;
    const std::string head = reply.substr(0, head_end);
    response.body = reply.substr(head_end + 4);

    std::size_t line_start = 0;
    bool first = true;
    while (line_start <= head.size()) {
        auto line_end = head.find("\r\n", line_start);
        if (line_end == std::string::npos) line_end = head.size();
        const std::string line = head.substr(line_start, line_end - line_start);
        if (first) {
            // "HTTP/1.1 404 Not Found"
            const auto space = line.find(' ');
            if (space != std::string::npos) response.status = std::atoi(line.c_str() + space + 1);
            first = false;
        } else if (const auto colon = line.find(':'); colon != std::string::npos) {
            std::string value = line.substr(colon + 1);
            while (!value.empty() && value.front() == ' ')
                value.erase(0, 1);
            response.headers[lower(line.substr(0, colon))] = value;
        }
        line_start = line_end + 2;
    }
    return response;
}

// True once the headers and Content-Length bytes of body have arrived.
bool is_complete(const std::string& reply) {
    const auto head_end = reply.find("\r\n\r\n");
    if (head_end == std::string::npos) return false;
    const RawResponse response = parse(reply);
    const std::string length = response.header("content-length");
    if (length.empty()) return false;
    return response.body.size() >= std::stoul(length);
}

}  // namespace

RawResponse raw_http(int port, const std::string& request) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) throw std::runtime_error("socket failed");
    timeval timeout{10, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in address = loopback(port);
    if (::connect(fd, as_sockaddr(address), sizeof address) != 0) {
        ::close(fd);
        return {};
    }
    std::size_t sent = 0;
    while (sent < request.size()) {
        const ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) break;
        sent += static_cast<std::size_t>(n);
    }
    std::string reply;
    char buffer[4096];
    while (true) {
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n > 0) {
            reply.append(buffer, static_cast<std::size_t>(n));
            if (is_complete(reply)) break;  // the server may keep the connection open
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            break;
        }
    }
    ::close(fd);
    return parse(reply);
}

RawResponse raw_get(int port, const std::string& target) {
    return raw_http(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                              "\r\nConnection: close\r\n\r\n");
}

OccupiedPort::OccupiedPort() {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd_ < 0) throw std::runtime_error("socket failed");
    sockaddr_in address = loopback(0);
    if (::bind(fd_, as_sockaddr(address), sizeof address) != 0 || ::listen(fd_, 1) != 0) {
        ::close(fd_);
        throw std::runtime_error("cannot bind a test socket on 127.0.0.1");
    }
    socklen_t length = sizeof address;
    ::getsockname(fd_, as_sockaddr(address), &length);
    port_ = ntohs(address.sin_port);
}

OccupiedPort::~OccupiedPort() {
    ::close(fd_);
}

std::string sample_wasm_bytes() {
    return std::string("\0asm\x01\0\0\0", 8);
}

void write_sample_web_build(const std::filesystem::path& root) {
    std::filesystem::create_directories(root / "sub");
    spit(root / "index.html",
         "<!doctype html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
         "<title>EqualityKit</title><script src=\"app.js\"></script></head>"
         "<body><h1>EqualityKit test page</h1></body></html>\n");
    spit(root / "app.js", "console.log('EqualityKit');\n");
    spit(root / "app.wasm", sample_wasm_bytes());
    spit(root / "app.data", std::string("\x01\x02\x03\x04 packed data", 16));
    spit(root / "data.json", "{\"ok\":true}\n");
    spit(root / "style.css", "body { font-size: 18px; }\n");
    spit(root / "sub" / "page.html", "<!doctype html><title>Sub page</title>\n");
}

}  // namespace eqkit::test
