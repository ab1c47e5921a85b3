#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace eqkit;

TEST_CASE("shipped frameworks: every plugin folder loads without a problem") {
    const Registry& registry = test::shipped_registry();
    CHECK_MESSAGE(registry.failures().empty(),
                  (registry.failures().empty() ? std::string()
                                               : join_messages(registry.failures()[0].errors)));
    CHECK(registry.frameworks().size() >= 2);
    for (const Framework& fw : registry.frameworks()) {
        CAPTURE(fw.id);
        CHECK(fw.file.find("/" + fw.id + "/framework.json") != std::string::npos);
    }
}
