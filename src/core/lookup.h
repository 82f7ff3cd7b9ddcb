// Finding glossary entries by what a person types.
//
// A query finds an entry through any of its terms, in any language, by:
//   - the matching key (NFKC + case folding, Traditional folded to
//     Simplified): "DATENINSELN", "徵信" (for 征信), "ｃｒｅｄｉｔ";
//   - the loose key, without diacritics: "bonitat" finds "Bonität";
//   - pinyin, for terms of the zh-Latn-pinyin section, in any of its
//     spellings: "zhēngxìn", "zheng1xin4", "zheng1 xin4", "zhengxin" (a
//     query with tones must have the right ones);
//   - the entry's id.
// The index itself does not stem. Inflected German and English forms, as the
// report prints them ("schwarzen Listen", "gesellschaftlichen
// Bonitätssystems"), are found by FindInflected, which reads the query as
// running text with the matcher; callers try it when Find finds nothing.
//
//   Index index(glossary);
//   for (const Hit& hit : index.Find("zhengxin")) { ...
//   glossary.concepts[hit.concept] ... }

#ifndef GLOSSA_CORE_LOOKUP_H_
#define GLOSSA_CORE_LOOKUP_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/glossary.h"
#include "core/glossary_matcher.h"

namespace glossa {

// Levenshtein distance between two code point strings, or limit + 1 as
// soon as it must exceed `limit`. Used for "did you mean" suggestions.
int EditDistance(std::u32string_view a, std::u32string_view b, int limit);

// How a query met an entry, best first.
enum class MatchKind {
  kId,
  kFolded,
  kLoose,
  kPinyinTones,
  kPinyinToneless,
  kInflected
};

// The keys a term is found by: the folded and the loose key of every term,
// the loose key with umlauts written out (a query typed without them,
// "Bonitaet", is a loose match; "" when it is the loose key), and for a
// reading (zh-Latn-pinyin) its pinyin keys; "" where a key does not apply.
// Index and the site's search (site.h) are built from this one function,
// so they agree.
//   KeysOf("Bonität", "de").loose == "bonitat"
//   KeysOf("Bonität", "de").transcribed == "bonitaet"
//   KeysOf("徵信", "zh-Hant").folded == "征信"
//   KeysOf("zhēngxìn", "zh-Latn-pinyin").pinyin_tones == "zheng1xin4"
struct TermKeys {
  std::string folded;
  std::string loose;
  std::string transcribed;
  std::string pinyin_tones;
  std::string pinyin_toneless;
};
TermKeys KeysOf(std::string_view term, std::string_view lang);

// The keys of every term of `glossary`, in order (concept by concept,
// section by section): what Index's table is built from.
std::vector<TermKeys> TermKeysOf(const Glossary& glossary);

struct Hit {
  std::size_t concept_index = 0;  // index into Glossary::concepts
  MatchKind kind = MatchKind::kFolded;
  std::string term;  // the term that matched (the id for kId)
};

struct Suggestion {
  std::size_t concept_index = 0;
  std::string term;  // the term closest to the query
  int distance = 0;  // edits between the query and the term's loose key
};

// An index over the terms of a glossary. The glossary must outlive it and
// must not change while it is in use. Find and Suggest are const and may
// run on several threads at once.
//
// It is one table of bytes (table()), read in place: the edition cache
// keeps it, and a later run opens it from the cache file's mapping (Open)
// instead of computing every term's keys and hashing them into maps, which
// took a sixth of a warm `glossa lookup`. The layout (little-endian u32s;
// hard to undo: the edition cache's version changes with it):
//   rows, terms                      the two counts
//   rows x {kind, key_at, key_size, concept, term}
//       every key a query is compared with (MatchKind; a term's folded,
//       loose, transcribed and pinyin keys, an entry's id), sorted by kind,
//       then key bytes, then concept; one row per kind, key and entry, its
//       term the first of the entry with that key (kId: 0xFFFFFFFF)
//   terms x {concept, loose_at, loose_size}
//       each term in glossary order: its entry and its loose key, which
//       Suggest measures
//   the keys' bytes (key_at and loose_at count from here)
class Index {
 public:
  explicit Index(const Glossary& glossary);
  Index(Index&&) = default;
  Index& operator=(Index&&) = default;

  // The index whose table is `table` (table() of an index of the same
  // glossary, kept), which must outlive it; `keep` is held as long as the
  // index, so that it may own those bytes (the cache file's mapping).
  // nullopt, with *why set, when the table does not fit the glossary: cut,
  // a count or offset past its end, an entry or term the glossary lacks, or
  // rows out of order.
  static std::optional<Index> Open(const Glossary& glossary,
                                   std::string_view table,
                                   std::shared_ptr<const void> keep,
                                   std::string* why);

  // The table, to keep for Open.
  std::string_view table() const { return table_; }

  // Every entry the query finds, each once, best match first (then in
  // glossary order). Empty when nothing matches.
  std::vector<Hit> Find(std::string_view query) const;

  // Up to `limit` entries whose terms are spelled close to the query, for a
  // "did you mean" after Find came back empty; nearest first.
  std::vector<Suggestion> Suggest(std::string_view query,
                                  std::size_t limit) const;

 private:
  struct Row {
    MatchKind kind;
    std::string_view key;
    std::size_t concept_index;
    std::size_t term_index;
  };
  Index(const Glossary& glossary,
        const std::shared_ptr<const std::string>& built);
  Index(const Glossary& glossary, std::string_view table,
        std::shared_ptr<const void> keep);
  std::string Check() const;  // "" when the table fits the glossary
  std::size_t RowCount() const;
  Row RowAt(std::size_t row) const;
  std::string_view LooseKeyOf(std::size_t term) const;
  // The term as written; decodes only its entry.
  std::string_view TermText(std::size_t term) const;
  std::size_t ConceptOfTerm(std::size_t term) const;
  std::string_view Bytes(std::size_t at, std::size_t size) const;

  const Glossary* glossary_;
  std::shared_ptr<const void> keep_;  // owns table_'s bytes
  std::string_view table_;
  // Entry c's terms are term_index first_term_[c] .. first_term_[c + 1] - 1,
  // in the order of its sections (from TermCountOf: a lazy glossary is not
  // decoded to build it).
  std::vector<std::size_t> first_term_;
  std::size_t term_count_ = 0;
  std::size_t keys_at_ = 0;  // where the keys' bytes begin in table_
};

// The entries whose terms cover the whole query when it is read as running
// text (Snowball stems for German and English, as in the report): one term
// must match from the first to the last non-blank character. Kind
// kInflected; the term is the glossary's term that matched.
std::vector<Hit> FindInflected(const GlossaryMatcher& matcher,
                               std::string_view query);

}  // namespace glossa

#endif  // GLOSSA_CORE_LOOKUP_H_
