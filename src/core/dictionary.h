// General dictionaries under the curated glossary (issue 15): CC-CEDICT for
// Chinese and English, Ding for German and English, or any glossary file
// read as one. The curated glossary always answers first; a dictionary's
// entries are shown after it, labelled with the dictionary's name and
// licence, and never merged into a curated entry.
//
// A Dictionary answers lookups and segments Chinese. Two kinds implement it:
// one holds the entries in memory (read from the file each time), the other
// reads a compiled index mapped from the user's cache, built once per
// source file (large files). Both find the same entries for the same
// query, because both index the keys DictionaryKeys gives.

#ifndef GLOSSA_CORE_DICTIONARY_H_
#define GLOSSA_CORE_DICTIONARY_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/glossary.h"
#include "core/lookup.h"

namespace glossa {

// Where a dictionary's entries come from, as lookup, annotate and the site
// label them.
struct DictionarySource {
  std::string name;     // "CC-CEDICT", "Ding", or the file's name
  std::string licence;  // "CC BY-SA 4.0", "GPL-2.0-or-later", or ""
  std::string path;     // the file it was read from
};

// An entry a query found in a dictionary.
struct DictionaryHit {
  std::size_t entry = 0;  // Dictionary::Entry(entry)
  // As for the glossary (lookup.h): kFolded, kLoose, kPinyinTones,
  // kPinyinToneless; kInflected when the query met a form through its
  // Snowball stem ("Ampeln" → "Ampel").
  MatchKind kind = MatchKind::kFolded;
  std::string term;  // the dictionary's form that matched, as written
};

class Dictionary {
 public:
  virtual ~Dictionary() = default;

  virtual const DictionarySource& Source() const = 0;
  // How many entries the dictionary has.
  virtual std::size_t Size() const = 0;

  // Every entry the query finds through DictionaryKeys, each once, best
  // kind first (in the order of MatchKind), then in the file's order.
  virtual std::vector<DictionaryHit> Find(std::string_view query) const = 0;

  // Entry `i` (< Size()) as a concept: its forms in the sections of their
  // languages (de, en, zh-Hans, zh-Hant, zh-Latn-pinyin) and its glosses as
  // definitions, in the file's order. Built on demand by an index on disk.
  virtual Concept Entry(std::size_t i) const = 0;
  // Entry(i).id alone: annotate --dict names the entries of every word it
  // marks, and an index reads the id without building the whole entry.
  virtual std::string EntryId(std::size_t i) const { return Entry(i).id; }

  // For segmenting Chinese (annotate --dict, the site): the length in bytes
  // of the longest Chinese form (simplified or traditional) of any entry
  // that `text` starts with, 0 when none; *entries gets the entries with
  // that form, in the file's order.
  virtual std::size_t LongestChinesePrefix(
      std::string_view text, std::vector<std::size_t>* entries) const = 0;
};

// The keys a dictionary finds the form `term` of language `lang` by:
// KeysOf's (folded, loose, and the pinyin keys of a reading), and for
// German and English the Snowball stems of its words, joined by single
// spaces (kInflected). Pairs of kind and key; no empty key. The query side
// is computed the same way.
std::vector<std::pair<MatchKind, std::string>> DictionaryKeys(
    std::string_view term, std::string_view lang);

// The keys a query is looked up by, in the order of their kinds: the folded
// and loose keys, the pinyin keys (the toneless one only when the query has
// no tones: "zheng4xin4" does not find 征信, as for the glossary), and the
// German, then the English Snowball stems (kInflected). No key twice, none
// empty. An entry is found when one of these equals a key of the same kind
// that DictionaryKeys gives for one of its terms.
//   DictionaryQueryKeys("Ampeln") holds {kFolded, "ampeln"} and
//   {kInflected, "ampel"} (the German stem).
std::vector<std::pair<MatchKind, std::string>> DictionaryQueryKeys(
    std::string_view query);

}  // namespace glossa

#endif  // GLOSSA_CORE_DICTIONARY_H_
