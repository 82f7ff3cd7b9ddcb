// A Dictionary held in memory, built when it is made: what every dictionary
// is until a compiled index stands in for large ones (dictionary_open.h
// chooses).
//
// It indexes, for every term of every section of every entry,
// DictionaryKeys(term.text, section.lang), and looks a query up by
// DictionaryQueryKeys(query). For LongestChinesePrefix it keeps the terms
// of the zh-Hans and zh-Hant sections as written, as the compiled index
// does (both forms are there, so 紅綠燈 and 红绿灯 are both found; 乾 is not
// every entry of 干).
//
// Memory. A term model (Concept) costs hundreds of bytes a term, and Ding
// has two million terms; so the entries need not be kept: given a reader
// that reads entry i again (from the file's bytes and the entry's span,
// dictionary_entries.h), the dictionary keeps only 64-bit hashes of the
// keys with the term each belongs to, 16 bytes a key, and reads the few
// entries a query finds. A hash that matches is checked against the term's
// own keys, so a collision never finds a wrong entry. Chinese forms and
// their prefixes are kept as hashes too, and there the 64-bit hash is
// trusted (segmenting must not read entries character by character).
//
//   MemoryDictionary dictionary({"Ding", "GPL-2.0-or-later", path},
//                               std::move(entries));
//   for (const DictionaryHit& hit : dictionary.Find("Ampeln")) {
//     Concept entry = dictionary.Entry(hit.entry);  ...
//   }
//
// Find and LongestChinesePrefix are const and may run on several threads
// at once, when the reader may. Movable, not copyable (it is large).

#ifndef GLOSSA_CORE_DICTIONARY_MEMORY_H_
#define GLOSSA_CORE_DICTIONARY_MEMORY_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/dictionary.h"

namespace glossa {

class MemoryDictionary : public Dictionary {
 public:
  // Reads entry i (< size) of the dictionary; called for every entry while
  // the dictionary is made, then for the entries queries find. Must give
  // the same entry each time.
  using EntryReader = std::function<Concept(std::size_t i)>;

  MemoryDictionary(DictionarySource source, std::size_t size, EntryReader read);
  // A dictionary of entries already read (a TBX file), kept as they are.
  MemoryDictionary(DictionarySource source, std::vector<Concept> entries);
  MemoryDictionary(MemoryDictionary&&) = default;
  MemoryDictionary& operator=(MemoryDictionary&&) = default;
  MemoryDictionary(const MemoryDictionary&) = delete;
  MemoryDictionary& operator=(const MemoryDictionary&) = delete;

  const DictionarySource& Source() const override { return source_; }
  std::size_t Size() const override { return size_; }
  std::vector<DictionaryHit> Find(std::string_view query) const override;
  Concept Entry(std::size_t i) const override;
  std::size_t LongestChinesePrefix(
      std::string_view text, std::vector<std::size_t>* entries) const override;

 private:
  // A key's hash and the term it belongs to:
  // Entry(entry).languages[section].terms[term]. Sorted by hash, then
  // entry.
  struct Posting {
    std::uint64_t hash;
    std::uint32_t entry;
    std::uint16_t section;
    std::uint16_t term;
  };
  // A folded Chinese form or a prefix of one (entry kNoEntry), sorted by
  // hash, then entry.
  struct Prefix {
    std::uint64_t hash;
    std::uint32_t entry;
  };
  static constexpr std::uint32_t kNoEntry = 0xFFFFFFFF;

  MemoryDictionary(DictionarySource source,
                   std::shared_ptr<const std::vector<Concept>> held);

  void Index(std::uint32_t entry, const Concept& concept_entry);

  DictionarySource source_;
  std::size_t size_ = 0;
  EntryReader read_;
  std::vector<Posting> keys_;
  std::vector<Prefix> chinese_;
};

}  // namespace glossa

#endif  // GLOSSA_CORE_DICTIONARY_MEMORY_H_
