#include "listen_error.hpp"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "eqkit/server/options.hpp"

namespace eqkit::server {

namespace {

// errno from binding a fresh socket to address:port the way WebServer does (SO_REUSEADDR),
// or 0 if that bind works now.
int bind_errno(const std::string& address, int port) {
    const auto network_port = htons(static_cast<std::uint16_t>(port));
    sockaddr_in v4{};
    sockaddr_in6 v6{};
    sockaddr* target = nullptr;
    socklen_t length = 0;
    if (::inet_pton(AF_INET, address.c_str(), &v4.sin_addr) == 1) {
        v4.sin_family = AF_INET;
        v4.sin_port = network_port;
        target = static_cast<sockaddr*>(static_cast<void*>(&v4));
        length = sizeof v4;
    } else if (::inet_pton(AF_INET6, address.c_str(), &v6.sin6_addr) == 1) {
        v6.sin6_family = AF_INET6;
        v6.sin6_port = network_port;
        target = static_cast<sockaddr*>(static_cast<void*>(&v6));
        length = sizeof v6;
    } else {
        return EADDRNOTAVAIL;
    }

    const int sock = ::socket(target->sa_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (sock < 0) return errno;
    const int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    const int error = ::bind(sock, target, length) == 0 ? 0 : errno;
    ::close(sock);
    return error;
}

std::string reason_for(int error) {
    switch (error) {
        case EADDRINUSE:
            return "the port is already in use (pass --port to choose another)";
        case EACCES:
            return "permission denied: ports below 1024 need administrator rights (pass "
                   "--port to choose another)";
        case EADDRNOTAVAIL:
            return "that address is not available on this computer";
        case EAFNOSUPPORT:
            return "this computer does not support that kind of address (try --host "
                   "127.0.0.1)";
        case 0:
            return "the system refused (try again, or pass --port to choose another)";
        default:
            return std::string("the system said: ") + std::strerror(error);
    }
}

}  // namespace

Error listen_error(std::string_view host, int port) {
    const std::string address = bind_address(host);
    const std::string shown = address.find(':') != std::string::npos
                                  ? "[" + address + "]:" + std::to_string(port)
                                  : address + ":" + std::to_string(port);
    return Error{"eqkit-server", "cannot listen on " + shown,
                 reason_for(bind_errno(address, port))};
}

}  // namespace eqkit::server
