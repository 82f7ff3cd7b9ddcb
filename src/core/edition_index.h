// The glossary read against one edition, built once: every fact a view
// shows about where the glossary's entries stand in the edition.
//
// An EditionIndex owns the matcher for the glossary's forms (built when
// first asked for: a lookup that finds its entry by the term index and its
// passages in the edition cache needs none) and the lookup index over its
// terms, and its constructor computes, once:
//   - every block of the edition with text, in document order (front
//     matter, title, body, footnotes), with its locator, its text and its
//     offset in the edition's text;
//   - every passage of every entry: the sentence, the match's offsets in
//     the sentence and in its block, nested matches marked (FindPassages,
//     or what it found before, kept in the edition cache: edition_cache.h);
//   - each entry's passages and their counts by section;
//   - each entry's key passages, resolved to the sentence they show, when
//     first asked for (a lookup shows one entry's: resolving all of them
//     took a twentieth of its time).
// `glossa lookup`, `passages`, `check`, `site` and `read` ask it; none of
// them matches the edition or resolves a key passage itself, so no two
// views can disagree.
//
// Key passages. A relative <xref> target with a fragment names a block of
// the edition by id, "sources/merics-2017-de.tei.xml#s2.1.p2", and may name
// one sentence of it with a text directive (uri.h),
// "...#s2.1.p4:~:text=Der%20Plan". The rule, which `glossa check` enforces:
//   - without a directive, the entry stands in the block; the key passage
//     shows the first sentence of the block where it stands;
//   - with one, the key passage shows the sentence of the block that holds
//     the quoted text; when the entry does not stand in that sentence, the
//     xref's text ends with the reason in brackets:
//     "... [not named: the report says „Gesellschaft“ here]".
//
//   EditionIndex index(glossary, document);
//   for (const Hit& hit : index.Find("zhengxin"))
//     for (const Passage& passage : index.PassagesOf(hit.concept_index)) ...

#ifndef GLOSSA_CORE_EDITION_INDEX_H_
#define GLOSSA_CORE_EDITION_INDEX_H_

#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "core/document.h"
#include "core/glossary.h"
#include "core/glossary_matcher.h"
#include "core/lookup.h"
#include "core/once_each.h"
#include "core/passages.h"

namespace glossa {

// What is wrong with a key passage, if anything (glossa check reports it).
enum class KeyPassageProblem {
  kNone,
  kBadTarget,      // the text directive cannot be read
  kNoBlock,        // the edition has no block with the id
  kNoSentence,     // no sentence of the block holds the quoted text
  kEntryAbsent,    // no directive, and the entry stands nowhere in the block
  kNoReason,       // the named sentence lacks the entry and no reason is given
  kNeedlessReason  // a reason is given, but the entry stands in the sentence
};

// An entry's key passage: the block (and sentence) of the edition an
// <xref> of the entry points at, resolved against the edition read.
struct KeyPassage {
  std::size_t reference = 0;   // index into the concept's external_references
  std::string id;              // the block's id: "s2.1.p4"
  std::string quote;           // the text naming the sentence, or ""
  std::string description;     // the xref's text, without the reason
  std::string reason;          // why the entry is not in the sentence, or ""
  std::optional<Block> block;  // nullopt: the edition has no such block
  // The sentence shown, white space collapsed: the one the quote names, else
  // the first of the block where the entry stands, else the block's first;
  // cut as ShowSentence (passages.h) cuts a long one, around the quote or the
  // entry's match, or after the start.
  std::string sentence;
  bool entry_in_sentence = false;  // one of the entry's passages is in it
  KeyPassageProblem problem = KeyPassageProblem::kNone;
  std::string target_error;  // for kBadTarget: what is wrong with the target
};

// Splits a key passage's xref text into what it says and the reason the
// entry does not stand in the sentence: "shows x [not named: y]" gives
// {"shows x", "y"}; text without the bracket gives {text, ""}.
std::pair<std::string, std::string> SplitKeyPassageText(std::string_view text);

class EditionIndex {
 public:
  // Reads `glossary` against `document`. Both must outlive the index and
  // must not change while it is in use. All members are const and may be
  // called from several threads at once.
  // `found`: the passages FindPassages found for them before (from the
  // edition cache); nullopt: find them now. `terms`: the index over the
  // glossary's terms, opened from its table (the edition cache keeps it:
  // Index::Open); nullopt: build it now. `key_passages`: gives an entry's
  // KeyPassagesOf as resolved before, but for their `block` (the edition
  // cache decodes them from its file, DecodeKeyPassagesOf), asked once per
  // entry when its are first asked for; it may throw, and then every
  // KeyPassagesOf for that entry throws the same. nullptr: resolve each
  // entry's when first asked.
  using KeyPassageSource =
      std::function<std::vector<KeyPassage>(std::size_t entry)>;
  EditionIndex(const Glossary& glossary, const Document& document,
               std::optional<EditionPassages> found = std::nullopt,
               std::optional<Index> terms = std::nullopt,
               KeyPassageSource key_passages = nullptr);
  EditionIndex(const EditionIndex&) = delete;
  EditionIndex& operator=(const EditionIndex&) = delete;

  const Glossary& glossary() const { return glossary_; }
  const Document& document() const { return document_; }
  // Built at the first call (once, whichever thread asks).
  const GlossaryMatcher& matcher() const;
  // The index over every term, for lookup and suggestions.
  const Index& terms() const { return terms_; }

  // The entries a query finds: by the term index (lookup.h), else, when it
  // finds none, as an inflected form read the way the report is read
  // (FindInflected). Best first; empty when nothing matches.
  std::vector<Hit> Find(std::string_view query) const;

  // Every block with text, in document order.
  const std::vector<EditionBlock>& blocks() const { return found_.blocks; }
  // The block made of `content` (by address: the Document's own content),
  // or nullptr when it holds no text.
  const EditionBlock* BlockOf(const Content& content) const;
  // The length of the edition's text: the sum of its blocks' texts.
  std::size_t length() const { return length_; }

  // Every passage, in document order.
  const std::vector<Passage>& passages() const { return found_.passages; }
  // The passages of one block, in order; nested ones after the match they
  // lie in. A view into passages(): valid as long as the index.
  std::span<const Passage> PassagesIn(const EditionBlock& block) const;
  // The passages of entry `entry` (an index into glossary().concepts), in
  // document order.
  std::vector<Passage> PassagesOf(std::size_t entry) const;
  std::size_t CountOf(std::size_t entry) const {
    return by_entry_[entry].size();
  }
  // The entry's passages counted by section (SectionKey), in document
  // order.
  std::vector<std::pair<std::string, int>> CountsOf(std::size_t entry) const;

  // The entry's key passages, in the order of its xrefs; resolved at the
  // first call for the entry (once, whichever thread asks).
  const std::vector<KeyPassage>& KeyPassagesOf(std::size_t entry) const;

 private:
  KeyPassage Resolve(std::size_t entry, std::size_t reference) const;
  std::vector<std::string> SentencesOf(std::string_view id) const;

  const Glossary& glossary_;
  const Document& document_;
  std::string language_;  // the edition's, for sentence breaks
  mutable std::optional<GlossaryMatcher> matcher_;  // see matcher()
  mutable std::once_flag matcher_once_;
  Index terms_;
  EditionPassages found_;
  std::vector<std::vector<std::size_t>> by_entry_;  // indexes into passages
  BlockIndex by_id_;
  // Filled for entry i once (KeyPassagesOf), from key_passage_source_
  // when there is one.
  KeyPassageSource key_passage_source_;
  mutable std::vector<std::vector<KeyPassage>> key_passages_;
  mutable OnceEach key_passages_once_;
  std::unordered_map<const Content*, std::size_t> block_of_;
  std::size_t length_ = 0;
};

}  // namespace glossa

#endif  // GLOSSA_CORE_EDITION_INDEX_H_
