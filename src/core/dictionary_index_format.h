// The pieces of the dictionary index's format (dictionary_index.h) that its
// writer and its reader share: the header's fields, the sections, varints.
// Internal to dictionary_index*.cc.

#ifndef GLOSSA_CORE_DICTIONARY_INDEX_FORMAT_H_
#define GLOSSA_CORE_DICTIONARY_INDEX_FORMAT_H_

#include <xxhash.h>

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "core/glossary.h"
#include "core/lookup.h"

namespace glossa::index_format {

static_assert(std::endian::native == std::endian::little,
              "the dictionary index is read in place: little-endian only");

inline constexpr std::string_view kMagic = "GLOSSAIX";
inline constexpr std::size_t kHeaderBytes = 64;
inline constexpr std::size_t kVersionAt = 8;
inline constexpr std::size_t kEntriesAt = 12;
inline constexpr std::size_t kSourceAt = 16;
inline constexpr std::size_t kFileSizeAt = 32;
inline constexpr std::size_t kChecksumAt = 40;

enum Section {
  kPool,
  kOffsets,
  kRecords,
  kBuckets,
  kTags,
  kPostings,
  kTrie,
  kSegments,
  kProblems,
  kSectionCount
};
inline constexpr std::size_t kSectionTableBytes = kSectionCount * 16;
inline constexpr std::size_t kTagBytes = 8;

inline std::uint32_t Load32(const char* p) {
  std::uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
inline std::uint64_t Load64(const char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
inline void Store32(char* p, std::uint32_t v) { std::memcpy(p, &v, 4); }
inline void Store64(char* p, std::uint64_t v) { std::memcpy(p, &v, 8); }

// A key's hash (XXH3-64 with its kind as seed); its bucket in the key table
// is the hash's top bits, its tag the low 32 bits with the kind in the
// lowest 3, so that keys of two kinds never share a tag.
inline std::uint64_t KeyHash(MatchKind kind, std::string_view key) {
  return XXH3_64bits_withSeed(key.data(), key.size(),
                              static_cast<std::uint64_t>(kind));
}
inline std::uint32_t KeyTag(std::uint64_t hash, MatchKind kind) {
  return (static_cast<std::uint32_t>(hash) & ~7u) |
         static_cast<std::uint32_t>(kind);
}
inline std::size_t KeyBucket(std::uint64_t hash, int bits) {
  return bits == 0 ? 0 : static_cast<std::size_t>(hash >> (64 - bits));
}

// The terms of an entry, as (language, text), section by section: the
// forms the key table indexes. A posting names a form by its place here.
inline std::vector<std::pair<std::string_view, std::string_view>> Forms(
    const Concept& entry) {
  std::vector<std::pair<std::string_view, std::string_view>> forms;
  for (const LangSection& section : entry.languages) {
    for (const Term& term : section.terms)
      forms.emplace_back(section.lang, term.text);
  }
  return forms;
}

inline void PutVarint(std::string* out, std::uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

// Reads varints from a view, bounds-checked: past the end, or on a varint
// longer than 64 bits, it reads 0 and stays failed.
class Reader {
 public:
  Reader(std::string_view bytes, std::size_t at) : bytes_(bytes), at_(at) {
    if (at_ > bytes_.size()) failed_ = true;
  }
  std::uint64_t Varint() {
    std::uint64_t v = 0;
    for (int shift = 0; !failed_ && shift < 64; shift += 7) {
      if (at_ >= bytes_.size()) break;
      unsigned char byte = static_cast<unsigned char>(bytes_[at_++]);
      v |= std::uint64_t{byte & 0x7Fu} << shift;
      if ((byte & 0x80) == 0) return v;
    }
    failed_ = true;
    return 0;
  }
  // The next `n` bytes, or "" (and failed) when fewer are left.
  std::string_view Bytes(std::uint64_t n) {
    if (failed_ || n > bytes_.size() - at_) {
      failed_ = true;
      return {};
    }
    std::string_view out = bytes_.substr(at_, n);
    at_ += n;
    return out;
  }
  bool failed() const { return failed_; }

 private:
  std::string_view bytes_;
  std::size_t at_;
  bool failed_ = false;
};

}  // namespace glossa::index_format

#endif  // GLOSSA_CORE_DICTIONARY_INDEX_FORMAT_H_
