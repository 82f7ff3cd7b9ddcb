// Finding glossary terms in text: every form of every term, in one pass.
//
// Shaped like re2's RE2::Set: Add the forms, Compile once, then Find in as
// many texts as you like. Find is const and may run on several threads at
// once, each with its own Scratch (the caches that make it fast). A Matcher
// is movable, not copyable.
//
// How forms meet text. The text is read as units: a word (a run of letters
// and digits; hyphens and white space separate words, other punctuation
// breaks a match) or one CJK character. Each unit is compared in the way
// the form's language asks:
//   de, en        the Snowball stem of the case-folded word, so inflected
//                 forms match ("gesellschaftlichen Bonitätssystems" finds
//                 "gesellschaftliches Bonitätssystem"; "social credit
//                 systems" finds "social credit system"; "BONITÄTSREPARATUR"
//                 finds "Bonitätsreparatur");
//   zh, others    NFKC + case folding, Traditional folded to Simplified for
//                 Han characters ("徵信" finds 征信).
// White space and line breaks between units are ignored, so a term split by
// a line break still matches, and CJK needs no word boundaries. A word must
// match whole: "Liste" is not found inside "Listenplatz", but "Sesame
// Credit" is found in "Sesame-Credit-App". Readings (zh-Latn-pinyin) are not
// matched: a pinyin form meant to be found in running text is listed as a
// term of the language of that text (as "Zhengxin" is, in German).
//
// Matches are leftmost-longest: 社会信用体系 wins over 社会信用 over 信用.
// The shorter forms inside a winning match are reported too, right after
// it, with nested_in pointing at it.
//
//   Matcher matcher;
//   matcher.Add("社会信用", "zh-Hans", /*entry=*/0, /*form=*/0);
//   matcher.Compile();
//   auto scratch = matcher.NewScratch();
//   for (const Matcher::Match& m : matcher.Find(text, *scratch)) { ... }

#ifndef GLOSSA_CORE_MATCHER_H_
#define GLOSSA_CORE_MATCHER_H_

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace glossa {

class Matcher {
 public:
  struct Match {
    std::size_t begin = 0;  // byte offsets into the text searched
    std::size_t end = 0;
    int entry = -1;  // as given to Add
    int form = -1;
    int nested_in = -1;  // index of the match this one lies inside
  };

  // Caches for one thread's Find calls.
  class Scratch;

  Matcher();
  ~Matcher();
  Matcher(Matcher&&) noexcept;
  Matcher& operator=(Matcher&&) noexcept;
  Matcher(const Matcher&) = delete;
  Matcher& operator=(const Matcher&) = delete;

  // Adds `form` of `entry` in language `lang` (BCP 47). Returns false, and
  // adds nothing, for a form that cannot be matched: empty after folding, or
  // a reading (zh-Latn-pinyin). Must be called before Compile.
  bool Add(std::string_view form, std::string_view lang, int entry,
           int form_id);

  // Builds the automata. Call once, after the last Add.
  void Compile();

  std::unique_ptr<Scratch> NewScratch() const;

  // Every match in `text` (UTF-8; ill-formed bytes break matches), ordered
  // by begin; each top-level match is followed by those nested in it.
  std::vector<Match> Find(std::string_view text, Scratch& scratch) const;
  // The same into *out (cleared first), reusing its memory.
  void Find(std::string_view text, Scratch& scratch,
            std::vector<Match>* out) const;

  std::size_t forms() const;

  // Whether `c` ends any match before it and begins none: punctuation that
  // no form contains ("." unless a form has it; "。"), not an apostrophe
  // (that may stand inside a word). Text cut right after such a character
  // matches as it would whole. Call after Compile.
  bool Breaks(char32_t c) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

class Matcher::Scratch {
 public:
  ~Scratch();
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

 private:
  friend class Matcher;
  struct State;
  explicit Scratch(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// Whether a web address starts at text[i]: "http://", "https://" or "www.",
// in any case. Matcher::Find skips an address up to the next ASCII white
// space and finds nothing in it; whoever cuts text for it must not cut
// inside one.
bool StartsWebAddress(std::string_view text, std::size_t i);

}  // namespace glossa

#endif  // GLOSSA_CORE_MATCHER_H_
