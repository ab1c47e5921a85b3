// Fuzz target: the question-set and scoresheet parsers must never crash, and whatever they accept
// must be usable by the tender engine.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "eqkit/tender.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto set = eqkit::parse_question_set(text, "fuzz.json");
    if (set) {
        for (const eqkit::TenderQuestion& q : set->questions) {
            if (set->find_scale(q.scale) == nullptr) std::abort();  // accepted means resolvable
        }
        eqkit::Tender tender("fuzz", *set, {});
        if (!tender.publish("fuzz", "t")) std::abort();  // the loader checked the weights
        (void)tender.add_bidder("B", "fuzz", "t");
        (void)tender.results();
        (void)eqkit::parse_tender_responses(text, "fuzz.json", *set);
    } else if (set.error().empty()) {
        std::abort();  // a failure must say why
    }
    auto sheet = eqkit::parse_scoresheet(text, "fuzz.json");
    if (sheet) {
        auto again = eqkit::parse_scoresheet(eqkit::scoresheet_to_json(*sheet), "again.json");
        if (!again || again->entries().size() != sheet->entries().size()) std::abort();
    } else if (sheet.error().empty()) {
        std::abort();
    }
    return 0;
}
