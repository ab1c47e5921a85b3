#pragma once
// Every person in the staff file, by person_id: their group and which event files have counted
// them already. A compact open-addressing table over one text arena, so 1.5 million staff cost
// about 40 MB rather than the 150 MB a map of strings would.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace eqkit::workforce::detail {

class PersonTable {
  public:
    static constexpr std::uint8_t bank = 0xFE;      // in the file, left out of the workforce
    static constexpr std::uint8_t rejected = 0xFF;  // in the file, but their row was rejected

    struct Entry {
        std::uint32_t offset = 0;
        std::uint32_t line = 0;  // where the person's staff row is
        std::uint16_t length = 0;
        std::uint8_t group = 0;
        std::uint8_t counted = 0;  // one bit per events file that has counted this person
    };

    static constexpr std::size_t max_id_length = 255;

    // Adds a person; when the id is there already, returns that entry and false; returns
    // nothing when the table is full (billions of people).
    std::pair<Entry*, bool> insert(std::string_view id, std::uint8_t group, std::uint32_t line);
    [[nodiscard]] Entry* find(std::string_view id);
    [[nodiscard]] std::size_t size() const { return entries_.size(); }

  private:
    [[nodiscard]] std::size_t slot_of(std::string_view id, std::size_t hash) const;
    void grow();

    std::string arena_;
    std::vector<Entry> entries_;
    std::vector<std::uint32_t> slots_;  // 0: empty, otherwise entry index + 1
};

}  // namespace eqkit::workforce::detail
