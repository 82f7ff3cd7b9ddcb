// Passages: every place in the edition where a term of the glossary stands,
// as the sentence that holds it and a locator a person can cite.
//
// FindPassages walks the edition once; EditionIndex (edition_index.h) calls
// it and keeps what it finds, and every view asks the index. The helpers
// here shape one passage for a view (its keyword-in-context pieces) or
// count passages by section.

#ifndef GLOSSA_CORE_PASSAGES_H_
#define GLOSSA_CORE_PASSAGES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/document.h"
#include "core/glossary_matcher.h"

namespace glossa {

// Where a passage stands in the edition.
struct Locator {
  // "front", "key findings", "title", "section", "footnote", "sidebar",
  // "caption" or "quote" (a pull quote).
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

// What passages are counted by: "§2.3", "fn. 9", "key findings", "title".
std::string SectionKey(const Locator& locator);

// A run of the edition's text that passages are found in: the content of one
// node (a paragraph, a heading, an item, a footnote, the title). Blocks
// without an id of their own (a heading, a sidebar's paragraph) carry the id
// of the nearest node that has one.
struct EditionBlock {
  const Content* content = nullptr;  // in the Document it was found in
  Locator locator;                   // page: where the block starts
  std::string text;                  // its text spans, joined
  std::vector<std::pair<std::size_t, int>> pages;  // (offset, page) starts
  std::size_t offset = 0;         // of `text` in all blocks' texts, in order
  std::size_t first_passage = 0;  // its passages: [first, end) of the list
  std::size_t end_passage = 0;
};

struct Passage {
  int entry = -1;  // the glossary concept's index
  int form = -1;   // the GlossaryMatcher form that matched
  Locator locator;
  // The sentence that holds the match, a view into its block's text
  // (EditionBlock::text): all the passages of a sentence share it, however
  // long it is. Valid as long as the EditionPassages (or EditionIndex) the
  // passage comes from.
  std::string_view sentence;
  std::size_t match_begin = 0;  // byte offsets of the match in the sentence
  std::size_t match_end = 0;
  std::size_t block = 0;        // the EditionBlock it stands in
  std::size_t block_begin = 0;  // byte offsets of the match in its text
  std::size_t block_end = 0;
  int nested_in = -1;  // the entry of the longer match this one lies in, or -1
};

// Every block with text of `document` and every passage in them, both in
// document order (front matter, title, body, footnotes). The passages view
// the blocks' texts, so the value is movable but not copyable.
struct EditionPassages {
  EditionPassages() = default;
  EditionPassages(EditionPassages&&) = default;
  EditionPassages& operator=(EditionPassages&&) = default;
  EditionPassages(const EditionPassages&) = delete;
  EditionPassages& operator=(const EditionPassages&) = delete;

  std::vector<EditionBlock> blocks;
  std::vector<Passage> passages;
};
// `document` must outlive the result (blocks point at its content).
EditionPassages FindPassages(const Document& document,
                             const GlossaryMatcher& matcher);

// What FindPassages found, as bytes to keep (edition_cache.h): for each
// passage its entry, form, block, the match's and the sentence's offsets
// in the block, and nested_in. The blocks are not kept: they are the
// document's, read again.
std::string EncodePassages(const std::vector<EditionBlock>& blocks,
                           const std::vector<Passage>& passages);
// The passages of `document` from what EncodePassages wrote for it and
// `glossary`, each as FindPassages makes it; false, with *why set, when
// `bytes` do not fit them (every number is checked against the document's
// blocks and the glossary's entries and terms). `document` must outlive
// *out.
bool DecodePassages(std::string_view bytes, const Document& document,
                    const Glossary& glossary, EditionPassages* out,
                    std::string* why);

// The sentences of `text` in `language`, each trimmed of white space at
// its end, as passages cut them.
std::vector<std::string> Sentences(std::string_view text,
                                   std::string_view language);

// The first sentence of `text` (white space collapsed), for a short
// definition or the reason in a note: a sentence that starts with a digit
// continues the one before ("Art. 2", "fn. 9", "No. 21", which the break
// rules read as ends). The whole text when it is one sentence.
std::string FirstSentence(std::string_view text, std::string_view language);

// The first sentence (FirstSentence) of the entry's first definition in
// `lang` ("zh": simplified Chinese's section); "" when it has none. Every
// short view of an entry gives this as its meaning: the CSV and Anki
// exports, the site's flashcards and search rows.
std::string ShortDefinition(const Concept& entry, std::string_view lang);

// `text` whole when it fits in `columns` display columns; else cut after
// the last word that fits (at `columns` when no space does), with "…":
// CutAtWord("social credit system", 12) == "social…".
std::string CutAtWord(std::string_view text, int columns);

// The most characters of a sentence a view shows on each side of a match
// (or of a key passage's quote): a longer sentence, such as a paragraph
// without a full stop, is cut there, with "…" marking the cut. The report's
// sentences are far shorter; this keeps a view of a passage to a few
// kilobytes whatever the text.
inline constexpr std::size_t kMaxContext = 1000;

// A sentence as every view shows it, and where the match stands in it.
struct ShownSentence {
  std::string text;
  std::size_t match_begin = 0;  // byte offsets of the match in `text`
  std::size_t match_end = 0;
};
// `sentence` cut to at most kMaxContext characters before byte `begin` and
// after byte `end` (the match), "…" marking each cut; whole when it fits.
//
//   ShowSentence(std::string(5000, 'a') + "Bonität.", 5000, 5007).text
//       == "…" + std::string(1000, 'a') + "Bonität."
ShownSentence ShowSentence(std::string_view sentence, std::size_t begin,
                           std::size_t end);
// The passage's sentence as views show it: `glossa passages --json` and
// `lookup --json` (the sentence, the match and its offset) and KwicOf.
ShownSentence ShowSentence(const Passage& passage);

// A passage as a keyword-in-context line: the sentence before the match, the
// match, and the sentence after it (as ShowSentence cuts them), each with
// runs of white space collapsed to one space; a space that separates the
// match from its context is kept at the end of `left` and the start of
// `right`.
struct Kwic {
  std::string left;
  std::string match;
  std::string right;
};
Kwic KwicOf(const Passage& passage);

// How many passages stand in each section, footnote or place
// (SectionKey), in the order first met.
std::vector<std::pair<std::string, int>> CountsBySection(
    const std::vector<Passage>& passages);

// A block of the edition found by its id, with its locator (page: where the
// block starts) and its text, footnote calls and page breaks left out.
struct Block {
  Locator locator;
  std::string text;
};

// The blocks of an edition by id, found in one walk of the document, so
// that looking up many ids does not walk it once each. The document must
// outlive the index.
class BlockIndex {
 public:
  explicit BlockIndex(const Document& document);

  // The block whose id is `id` ("s2.1.p2", "fn9", "s3.2.box1", "kf.2"), or
  // nullopt. A node without text of its own (a section, a list, the
  // sidebar, a figure) gives the text of all it holds.
  std::optional<Block> Find(std::string_view id) const;

 private:
  struct First {
    Locator locator;
    const Content* content;
  };
  const Document& document_;
  std::unordered_map<std::string, First> first_;  // where each id is met
};

}  // namespace glossa

#endif  // GLOSSA_CORE_PASSAGES_H_
