#include "core/token_cache.h"

#include <cstring>

namespace glossa {

std::uint64_t HashWord(std::string_view s) {
  std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ s.size();
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    h = (h ^ word) * 0xFF51AFD7ED558CCDULL;
    h ^= h >> 32;
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, s.data() + i, s.size() - i);
  h = (h ^ tail) * 0xC4CEB9FE1A85EC53ULL;
  return h ^ (h >> 29);
}

TokenKey KeyOfToken(std::string_view token) {
  unsigned char head[16] = {};
  std::memcpy(head, token.data(), token.size() < 16 ? token.size() : 16);
  std::uint64_t head0 = 0, head1 = 0;
  std::memcpy(&head0, head, 8);
  std::memcpy(&head1, head + 8, 8);
  return KeyOfToken(token, head0, head1);
}

void TokenCache::Reset() {
  slots_.assign(1024, Slot{});
  mask_ = slots_.size() - 1;
  tails_.clear();
  size_ = 0;
}

TokenCache::Slot* TokenCache::Place(std::uint64_t hash) {
  std::size_t at = hash & mask_;
  while (slots_[at].length != 0) at = (at + 1) & mask_;
  return &slots_[at];
}

void TokenCache::Grow() {
  std::vector<Slot> old(2 * slots_.size());
  old.swap(slots_);
  mask_ = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.length != 0) *Place(slot.hash) = slot;
  }
}

const TokenCache::Symbols* TokenCache::Add(std::string_view token,
                                           const TokenKey& key,
                                           const Symbols& symbols) {
  // Offsets are 32-bit: a cache whose words would pass 4 GiB starts over.
  if (size_ >= max_tokens_ || tails_.size() + token.size() >= UINT32_MAX)
    Reset();
  if (2 * (size_ + 1) > slots_.size()) Grow();
  Slot* slot = Place(key.hash);
  slot->hash = key.hash;
  slot->head[0] = key.head[0];
  slot->head[1] = key.head[1];
  slot->offset = static_cast<std::uint32_t>(tails_.size());
  slot->length = static_cast<std::uint32_t>(token.size() + 1);
  slot->symbols = symbols;
  if (token.size() > 16) tails_.append(token.substr(16));
  ++size_;
  return &slot->symbols;
}

}  // namespace glossa
