#pragma once
// Every person in the staff file, by person_id: their group and which event files have counted
// them already. An open-addressing table of 16-byte slots that hold ids of up to 12 characters
// themselves (ESR assignment numbers fit), so a lookup costs one cache miss; longer ids live in
// a text arena. 1.5 million staff take about 40 MB, not the 150 MB of a map of strings.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace eqkit::workforce::detail {

// A zero-filled array of a trivially copyable type. On Linux it is asked for as huge pages: a
// lookup lands at random in tens of megabytes, and with 4 KiB pages nearly every one would also
// miss the TLB (a page-table walk, dearer still in a virtual machine).
class PageBytes {
  public:
    PageBytes() = default;
    explicit PageBytes(std::size_t bytes);
    [[nodiscard]] void* data() const { return data_.get(); }

  private:
    struct Free {
        void operator()(void* p) const { std::free(p); }
    };
    std::unique_ptr<void, Free> data_;
};

template <class T>
class PageArray {
  public:
    PageArray() = default;
    explicit PageArray(std::size_t n) : bytes_(n * sizeof(T)), size_(n) {}
    PageArray(PageArray&& other) noexcept
        : bytes_(std::move(other.bytes_)), size_(std::exchange(other.size_, 0)) {}
    PageArray& operator=(PageArray&& other) noexcept {
        bytes_ = std::move(other.bytes_);
        size_ = std::exchange(other.size_, 0);
        return *this;
    }
    [[nodiscard]] std::size_t size() const { return size_; }
    [[nodiscard]] bool empty() const { return size_ == 0; }
    [[nodiscard]] T& operator[](std::size_t i) { return static_cast<T*>(bytes_.data())[i]; }
    [[nodiscard]] const T& operator[](std::size_t i) const {
        return static_cast<const T*>(bytes_.data())[i];
    }

  private:
    PageBytes bytes_;
    std::size_t size_ = 0;
};

class PersonTable {
  public:
    static constexpr std::uint8_t bank = 0xFE;      // in the file, left out of the workforce
    static constexpr std::uint8_t rejected = 0xFF;  // in the file, but their row was rejected
    static constexpr std::size_t max_id_length = 255;

    // A person's place in the table; valid until the next insert.
    struct Person {
        std::uint8_t* group = nullptr;
        std::uint8_t* counted = nullptr;      // one bit per events file that has counted them
        const std::uint32_t* line = nullptr;  // where their staff row is (read for messages only:
                                              // it is in another cache line)
    };

    // Adds a person; fresh is false when the id was there already (person is that one).
    // Nothing when the table is full (billions of people), or the id is longer than the limit.
    struct Inserted {
        Person person;
        bool fresh = false;
    };
    // h is hash(id): callers compute it once, when they prefetch.
    [[nodiscard]] std::optional<Inserted> insert(std::string_view id, std::uint64_t h,
                                                 std::uint8_t group, std::uint32_t line);
    [[nodiscard]] std::optional<Person> find(std::string_view id, std::uint64_t h);

    // Starts loading the slot an id will use, and returns its hash: a lookup made a row later
    // then finds it in the cache instead of waiting for memory.
    [[nodiscard]] std::uint64_t prefetch(std::string_view id) const;
    // Reads the first slot of hash h: a prefetch where there is no prefetch instruction (several
    // such reads in a row overlap their trips to memory).
    [[nodiscard]] std::uint8_t load(std::uint64_t h) const {
        return slots_.empty() ? 0 : slots_[h & (slots_.size() - 1)].length;
    }
    // Room for about this many people without growing.
    void reserve(std::size_t people);
    [[nodiscard]] static std::uint64_t hash(std::string_view id);
    [[nodiscard]] std::size_t size() const { return size_; }

  private:
    static constexpr std::size_t inline_length = 12;
    struct Slot {
        char id[inline_length];   // the id itself, or its arena offset and hash when longer
        std::uint8_t length = 0;  // 0: an empty slot
        std::uint8_t tag = 0;     // 8 bits of the hash: most mismatches stop here
        std::uint8_t group = 0;
        std::uint8_t counted = 0;
    };
    static_assert(sizeof(Slot) == 16);
    static_assert(std::is_trivially_copyable_v<Slot>);

    [[nodiscard]] bool matches(const Slot& slot, std::string_view id, std::uint64_t h) const;
    [[nodiscard]] std::size_t probe(std::string_view id, std::uint64_t h) const;
    void store(Slot& slot, std::string_view id, std::uint64_t h);
    [[nodiscard]] std::string_view id_of(const Slot& slot) const;
    void rehash(std::size_t slots);

    PageArray<Slot> slots_;           // zero bytes are an empty slot
    PageArray<std::uint32_t> lines_;  // beside the slots: only read for messages
    std::string arena_;
    std::size_t size_ = 0;
};

}  // namespace eqkit::workforce::detail
