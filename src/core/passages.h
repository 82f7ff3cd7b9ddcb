// Passages: every place in the edition where a term of the glossary stands,
// as the sentence that holds it and a locator a person can cite.

#ifndef GLOSSA_CORE_PASSAGES_H_
#define GLOSSA_CORE_PASSAGES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/glossary_matcher.h"

namespace glossa {

// Where a passage stands in the edition.
struct Locator {
  // "key findings", "title", "section", "footnote", "sidebar", "caption" or
  // "quote" (a pull quote).
  std::string place;
  std::string section;  // the innermost numbered section, "2.3"; "" if none
  std::string section_title;  // its heading
  std::string part;           // the run-in heading it stands under, if any
  int footnote = 0;           // for place "footnote"
  std::string node;           // the block's id: "s2.3.p1", "fn9", "kf.2"
  int page = 0;               // the page the match stands on
};

// A short human form of a locator: "§2.3, p. 7", "fn. 9, p. 16", "key
// findings, p. 1".
std::string FormatLocator(const Locator& locator);

struct Passage {
  int entry = -1;  // the glossary concept's index
  int form = -1;   // the GlossaryMatcher form that matched
  Locator locator;
  std::string sentence;         // the sentence that holds the match
  std::size_t match_begin = 0;  // byte offsets of the match in the sentence
  std::size_t match_end = 0;
  int nested_in = -1;  // the entry of the longer match this one lies in, or -1
};

// All passages of all entries, in document order (front, body, notes).
std::vector<Passage> FindPassages(const Document& document,
                                  const GlossaryMatcher& matcher);

// The passages of one entry (a concept's index), in the order of `all`.
std::vector<Passage> PassagesOf(const std::vector<Passage>& all,
                                std::size_t entry);

// A block of the edition found by its id, with its locator (page: where the
// block starts) and its text, footnote calls and page breaks left out.
struct Block {
  Locator locator;
  std::string text;
};

// The block whose id is `id` ("s2.1.p2", "fn9", "s3.2.box1", "kf.2"), or
// nullopt. Ids of containers (a section "s2.1", a list) are found too; their
// text is empty.
std::optional<Block> LocateBlock(const Document& document, std::string_view id);

// What an entry view may show of the edition: with `edition`, key passages
// show their locator and text; with the entry's `passages` in it too, the
// sentence of each key passage where the entry's term stands.
struct EditionContext {
  const Document* edition = nullptr;
  const std::vector<Passage>* passages = nullptr;
};

// An entry's key passages: its relative xref targets with a fragment
// ("sources/merics-2017-de.tei.xml#fn9"), looked up in `edition` by id.
struct KeyPassage {
  std::string id;              // "fn9"
  std::string description;     // the xref's text
  std::optional<Block> block;  // nullopt: not in this edition
  // The sentence of the block to show: the first where one of the entry's
  // passages stands, else the block's first.
  std::string sentence;
};
std::vector<KeyPassage> KeyPassages(const Concept& concept_entry,
                                    const EditionContext& context);

}  // namespace glossa

#endif  // GLOSSA_CORE_PASSAGES_H_
