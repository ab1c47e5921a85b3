#pragma once
// Hashing and small lookup tables for the import's hot path (every row of a national-scale
// file). They avoid std::string on purpose: in the web build libc++'s string members are not
// inlined, and a call per row per field costs more than the work itself.
#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace eqkit::workforce::detail {

inline std::uint64_t mix64(std::uint64_t x) {
    x ^= x >> 33;
    x *= 0xFF51AFD7ED558CCDULL;
    x ^= x >> 33;
    x *= 0xC4CEB9FE1A85EC53ULL;
    x ^= x >> 33;
    return x;
}

// Equal bytes, eight at a time: keys are short, and a call to memcmp per probe costs more than
// the comparison (in the web build especially).
inline bool same_bytes(const char* a, const char* b, std::size_t n) {
    for (; n >= 8; a += 8, b += 8, n -= 8) {
        std::uint64_t x = 0;
        std::uint64_t y = 0;
        std::memcpy(&x, a, 8);
        std::memcpy(&y, b, 8);
        if (x != y) return false;
    }
    for (; n > 0; ++a, ++b, --n)
        if (*a != *b) return false;
    return true;
}

// Copies n bytes eight at a time: keys are short, and a memcpy of unknown length is a call (in
// the web build it is not even vectorised).
inline void copy_bytes(char* to, const char* from, std::size_t n) {
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8)
        std::memcpy(to + i, from + i, 8);
    for (; i < n; ++i)
        to[i] = from[i];
}

// Eight bytes at a time through a strong 64-bit finaliser: keys are short, so this beats a
// byte-by-byte hash, and sequential ids ("P1000000", "P1000001") still spread evenly.
inline std::uint64_t text_hash(std::string_view text) {
    std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ text.size();
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t v = 0;
        std::memcpy(&v, text.data() + i, 8);
        h = mix64(h ^ v);
    }
    if (i < text.size()) {
        std::uint64_t v = 0;
        for (std::size_t k = 0; i + k < text.size(); ++k)
            v |= std::uint64_t{static_cast<unsigned char>(text[i + k])} << (8 * k);
        h = mix64(h ^ v);
    }
    return mix64(h);
}

// Remembers a value per distinct text (an ethnic category as written, a band as written): the
// few distinct values in a file are worked out once, then each row costs one lookup.
template <class V>
class TextCache {
  public:
    static constexpr std::size_t max_entries = 1U << 16;  // a hostile file stays bounded

    [[nodiscard]] const V* find(std::string_view key) const {
        if (key.size() == 1) {
            const auto byte = static_cast<unsigned char>(key[0]);
            return one_byte_known_[byte] ? &one_byte_[byte] : nullptr;
        }
        if (slots_.empty()) return nullptr;
        const std::uint64_t packed = pack_short(key);
        const std::uint64_t h = key_hash(key, packed);
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const Slot& s = slots_[i];
            if (!s.used) return nullptr;
            if (s.hash != h || s.length != key.size()) continue;
            // A short key is all in packed; a long one is compared with the arena's copy.
            if (key.size() <= 8 ? s.packed == packed
                                : same_bytes(arena_.data() + s.offset, key.data(), key.size())) {
                return &s.value;
            }
        }
    }

    void insert(std::string_view key, V value) {
        if (count_ >= max_entries) return;
        if (key.size() == 1) {
            const auto byte = static_cast<unsigned char>(key[0]);
            if (!one_byte_known_[byte]) ++count_;
            one_byte_[byte] = std::move(value);
            one_byte_known_[byte] = true;
            return;
        }
        if ((count_ + 1) * 2 > slots_.size()) grow();
        const std::uint64_t packed = pack_short(key);
        const std::uint64_t h = key_hash(key, packed);
        const std::size_t mask = slots_.size() - 1;
        std::size_t i = h & mask;
        while (slots_[i].used)
            i = (i + 1) & mask;
        slots_[i] = Slot{h,
                         packed,
                         static_cast<std::uint32_t>(arena_.size()),
                         static_cast<std::uint32_t>(key.size()),
                         true,
                         std::move(value)};
        arena_.insert(arena_.end(), key.begin(), key.end());
        ++count_;
    }

  private:
    struct Slot {
        std::uint64_t hash = 0;
        std::uint64_t packed = 0;  // a key of up to 8 bytes itself (pack_short)
        std::uint32_t offset = 0;
        std::uint32_t length = 0;
        bool used = false;
        V value{};
    };

    // Most other keys are short codes ("8a", "99"): their bytes in one word, so a lookup costs
    // one mix and one comparison, with no trip to the arena.
    static std::uint64_t pack_short(std::string_view key) {
        std::uint64_t v = 0;
        if (key.size() > 8) return v;
        for (std::size_t k = 0; k < key.size(); ++k)
            v |= std::uint64_t{static_cast<unsigned char>(key[k])} << (8 * k);
        return v;
    }
    static std::uint64_t key_hash(std::string_view key, std::uint64_t packed) {
        return key.size() <= 8 ? mix64(packed ^ (std::uint64_t{key.size()} << 59)) : text_hash(key);
    }

    void grow() {
        std::vector<Slot> old = std::move(slots_);
        slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
        const std::size_t mask = slots_.size() - 1;
        for (Slot& s : old) {
            if (!s.used) continue;
            std::size_t i = s.hash & mask;
            while (slots_[i].used)
                i = (i + 1) & mask;
            slots_[i] = std::move(s);
        }
    }

    // A key of one byte (an ethnic category code, a band number) is found by that byte alone.
    std::array<V, 256> one_byte_{};
    std::array<bool, 256> one_byte_known_{};
    std::vector<Slot> slots_;
    std::vector<char> arena_;
    std::size_t count_ = 0;
};

}  // namespace eqkit::workforce::detail
