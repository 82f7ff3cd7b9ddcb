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

// A word as the token cache keys it: its first 16 bytes, zero-padded, as
// two 64-bit words (most words fit, and are then compared as two
// numbers rather than by memcmp), and a hash of all its bytes. Why: the
// hash and the compare were a fifth of matching German (perf record,
// annotate on the report repeated to 113 MB), most of it calls to memcpy
// and memcmp for a few bytes each.
struct TokenKey {
  std::uint64_t head[2] = {0, 0};
  std::uint64_t hash = 0;
};

// The key of `token` whose first 16 bytes, zero-padded, are head0, head1
// (the matcher has them in a register when it read the word 16 bytes at
// a time).
inline TokenKey KeyOfToken(std::string_view token, std::uint64_t head0,
                           std::uint64_t head1) {
  std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ token.size();
  h = (h ^ head0) * 0xFF51AFD7ED558CCDULL;
  h ^= h >> 32;
  h = (h ^ head1) * 0xC4CEB9FE1A85EC53ULL;
  if (token.size() > 16) h ^= HashWord(token.substr(16));
  return {{head0, head1}, h ^ (h >> 29)};
}

// The same, reading the first 16 bytes from `token`.
TokenKey KeyOfToken(std::string_view token);

class TokenCache {
 public:
  using Symbols = std::array<int, 3>;  // one per channel of the matcher

  // Holds at most `max_tokens` words; the next one clears it, so that
  // memory stays bounded however much text is scanned.
  explicit TokenCache(std::size_t max_tokens) : max_tokens_(max_tokens) {
    Reset();
  }

  // The symbols of `token` (key: KeyOfToken(token)), nullptr when unknown.
  const Symbols* Find(std::string_view token, const TokenKey& key) const {
    for (std::size_t at = key.hash & mask_;; at = (at + 1) & mask_) {
      const Slot& slot = slots_[at];
      if (slot.length == 0) return nullptr;
      if (slot.hash == key.hash && slot.head[0] == key.head[0] &&
          slot.head[1] == key.head[1] && slot.length - 1 == token.size() &&
          (token.size() <= 16 ||
           std::string_view(tails_).substr(slot.offset, token.size() - 16) ==
               token.substr(16)))
        return &slot.symbols;
    }
  }

  // Adds `token`, not yet known, with `symbols`; returns where they are
  // kept (valid until the next Add).
  const Symbols* Add(std::string_view token, const TokenKey& key,
                     const Symbols& symbols);

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint64_t head[2] = {0, 0};  // TokenKey::head
    std::uint32_t offset = 0;        // of the word's bytes after 16 in tails_
    std::uint32_t length = 0;        // of the word plus one; 0: an empty slot
    Symbols symbols{};
  };
  void Reset();
  void Grow();
  Slot* Place(std::uint64_t hash);

  std::size_t max_tokens_;
  std::size_t size_ = 0;
  std::size_t mask_ = 0;
  std::vector<Slot> slots_;
  std::string tails_;  // the words' bytes after 16, one after another
};

}  // namespace glossa

#endif  // GLOSSA_CORE_TOKEN_CACHE_H_
