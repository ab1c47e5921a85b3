#include "person_table.hpp"

#include <cstring>

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include "text_hash.hpp"

namespace eqkit::workforce::detail {

PageBytes::PageBytes(std::size_t bytes) {
    if (bytes == 0) return;
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    // Whole 2 MiB pages, aligned, so the kernel can back them with huge pages.
    constexpr std::size_t huge = std::size_t{2} << 20;
    const std::size_t rounded = (bytes + huge - 1) / huge * huge;
    data_.reset(std::aligned_alloc(huge, rounded));
    if (data_) (void)madvise(data_.get(), rounded, MADV_HUGEPAGE);  // a hint: failure is fine
#else
    data_.reset(std::malloc(bytes));
#endif
    if (!data_) std::abort();  // out of memory, as std::vector would be
    std::memset(data_.get(), 0, bytes);
}

std::uint64_t PersonTable::hash(std::string_view id) {
    return text_hash(id);
}

std::string_view PersonTable::id_of(const Slot& slot) const {
    if (slot.length <= inline_length) return {slot.id, slot.length};
    std::uint32_t offset = 0;
    std::memcpy(&offset, slot.id, sizeof offset);
    return {arena_.data() + offset, slot.length};
}

bool PersonTable::matches(const Slot& slot, std::string_view id, std::uint64_t h) const {
    if (slot.tag != static_cast<std::uint8_t>(h >> 56) || slot.length != id.size()) return false;
    if (slot.length <= inline_length) return same_bytes(slot.id, id.data(), id.size());
    std::uint32_t stored = 0;  // a long id keeps 32 bits of its hash: most mismatches stop here
    std::memcpy(&stored, slot.id + 4, sizeof stored);
    return stored == static_cast<std::uint32_t>(h >> 32) && id_of(slot) == id;
}

std::size_t PersonTable::probe(std::string_view id, std::uint64_t h) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
        const Slot& s = slots_[i];
        if (s.length == 0 || matches(s, id, h)) return i;
    }
}

void PersonTable::store(Slot& slot, std::string_view id, std::uint64_t h) {
    slot.length = static_cast<std::uint8_t>(id.size());
    slot.tag = static_cast<std::uint8_t>(h >> 56);
    if (id.size() <= inline_length) {
        copy_bytes(slot.id, id.data(), id.size());
        return;
    }
    const auto offset = static_cast<std::uint32_t>(arena_.size());
    const auto high = static_cast<std::uint32_t>(h >> 32);
    std::memcpy(slot.id, &offset, sizeof offset);
    std::memcpy(slot.id + 4, &high, sizeof high);
    arena_.append(id);
}

void PersonTable::rehash(std::size_t n) {
    PageArray<Slot> old = std::move(slots_);
    PageArray<std::uint32_t> old_lines = std::move(lines_);
    slots_ = PageArray<Slot>(n);
    lines_ = PageArray<std::uint32_t>(n);
    for (std::size_t i = 0; i < old.size(); ++i) {
        if (old[i].length == 0) continue;
        const std::string_view id = id_of(old[i]);
        const std::size_t at = probe(id, hash(id));
        slots_[at] = old[i];
        lines_[at] = old_lines[i];
    }
}

void PersonTable::reserve(std::size_t people) {
    std::size_t n = slots_.empty() ? 1024 : slots_.size();
    while (n * 3 < people * 4)
        n *= 2;
    if (n > slots_.size()) rehash(n);
}

std::uint64_t PersonTable::prefetch(std::string_view id) const {
    const std::uint64_t h = hash(id);
    if (!slots_.empty()) __builtin_prefetch(&slots_[h & (slots_.size() - 1)]);
    return h;
}

std::optional<PersonTable::Inserted> PersonTable::insert(std::string_view id, std::uint64_t h,
                                                         std::uint8_t group, std::uint32_t line) {
    if (id.empty() || id.size() > max_id_length || size_ >= UINT32_MAX / 2 ||
        arena_.size() > UINT32_MAX - id.size()) {
        return std::nullopt;
    }
    if ((size_ + 1) * 4 > slots_.size() * 3) {  // load factor at most three quarters
        rehash(slots_.empty() ? 1024 : slots_.size() * 2);
    }
    const std::size_t at = probe(id, h);
    Slot& s = slots_[at];
    const bool fresh = s.length == 0;
    if (fresh) {
        store(s, id, h);
        s.group = group;
        lines_[at] = line;
        ++size_;
    }
    return Inserted{Person{&s.group, &s.counted, &lines_[at]}, fresh};
}

std::optional<PersonTable::Person> PersonTable::find(std::string_view id, std::uint64_t h) {
    if (slots_.empty() || id.empty() || id.size() > max_id_length) return std::nullopt;
    const std::size_t at = probe(id, h);
    Slot& s = slots_[at];
    if (s.length == 0) return std::nullopt;
    return Person{&s.group, &s.counted, &lines_[at]};
}

}  // namespace eqkit::workforce::detail
