// The matcher's memory of the words it has met: for each word of a text
// (as written), the symbols it is to the automata. Every word of a text
// that may start a form is looked up here, a hundred million times on a
// large text, so it is a flat table probed in place, not a
// std::unordered_map (whose node per word made the lookup the largest cost
// of matching German: about a quarter of the time, perf record on the
// report repeated to 113 MB).

#ifndef GLOSSA_CORE_TOKEN_CACHE_H_
#define GLOSSA_CORE_TOKEN_CACHE_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace glossa {

// A fast hash for short keys (words), eight bytes at a time.
std::uint64_t HashWord(std::string_view s);

class TokenCache {
 public:
  using Symbols = std::array<int, 3>;  // one per channel of the matcher

  // Holds at most `max_tokens` words; the next one clears it, so that
  // memory stays bounded however much text is scanned.
  explicit TokenCache(std::size_t max_tokens) : max_tokens_(max_tokens) {
    Reset();
  }

  // The symbols of `token` (hash: HashWord(token)), nullptr when unknown.
  const Symbols* Find(std::string_view token, std::uint64_t hash) const {
    for (std::size_t at = hash & mask_;; at = (at + 1) & mask_) {
      const Slot& slot = slots_[at];
      if (slot.length == 0) return nullptr;
      if (slot.hash == hash && slot.length - 1 == token.size() &&
          std::string_view(keys_).substr(slot.offset, token.size()) == token)
        return &slot.symbols;
    }
  }

  // Adds `token`, not yet known, with `symbols`; returns where they are
  // kept (valid until the next Add).
  const Symbols* Add(std::string_view token, std::uint64_t hash,
                     const Symbols& symbols);

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t offset = 0;  // of the word in keys_
    std::uint32_t length = 0;  // of the word plus one; 0: an empty slot
    Symbols symbols{};
  };
  void Reset();
  void Grow();
  Slot* Place(std::uint64_t hash);

  std::size_t max_tokens_;
  std::size_t size_ = 0;
  std::size_t mask_ = 0;
  std::vector<Slot> slots_;
  std::string keys_;  // the words, one after another
};

}  // namespace glossa

#endif  // GLOSSA_CORE_TOKEN_CACHE_H_
