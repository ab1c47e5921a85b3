#include "error_page.hpp"

namespace eqkit::server {

namespace {

std::string_view explanation(int status) {
    switch (status) {
        case 404:
            return "There is nothing at this address. Check the address, or go back to the "
                   "start.";
        case 405:
            return "This server only sends pages; it does not accept anything sent to it.";
        case 413:
            return "The request was larger than this server accepts.";
        case 421:
            return "This server answers only to addresses on this computer, such as "
                   "127.0.0.1.";
        default:
            if (status >= 500)
                return "EqualityKit could not answer this request. Try again, and if it keeps "
                       "happening, restart EqualityKit.";
            return "EqualityKit could not understand this request.";
    }
}

}  // namespace

std::string_view error_title(int status) {
    switch (status) {
        case 400:
            return "Bad request";
        case 404:
            return "Page not found";
        case 405:
            return "Not allowed";
        case 413:
            return "Request too large";
        case 414:
            return "Address too long";
        case 416:
            return "Range not satisfiable";
        case 421:
            return "Wrong address";
        default:
            return status >= 500 ? "Something went wrong" : "Request not answered";
    }
}

std::string error_page_html(int status) {
    const std::string title(error_title(status));
    std::string page;
    page += "<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n";
    page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    page += "<title>" + title + " - EqualityKit</title>\n</head>\n<body>\n<main>\n";
    page += "<h1>" + title + "</h1>\n";
    page += "<p>" + std::string(explanation(status)) + "</p>\n";
    page += "<p><a href=\"/\">Go to the EqualityKit start page</a></p>\n";
    page += "<p>Error code: " + std::to_string(status) + "</p>\n";
    page += "</main>\n</body>\n</html>\n";
    return page;
}

}  // namespace eqkit::server
