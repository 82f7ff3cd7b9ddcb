// The importer's third stage: line repair, and how two lines are joined.
//
// Repair works on one line at a time: U+FFFD inside a word (a lost
// ligature) becomes the ligature, ff, fi, fl, ffi or ffl, that makes it a
// word ("ö�entlichen" -> "öffentlichen"); elsewhere (a bullet, a footnote
// marker) it is removed. Tabs become spaces, a run of spaces one space, and
// no space stays between two CJK characters ("诚 信上海" -> "诚信上海").
//
// Joining decides what a line break was: a space between words, a word
// split in two ("Verhal" + "ten"), a hyphen to drop ("umge-" + "setzt") or
// to keep ("Big-Data-" + "gestützte", "Kredit- oder"). Every later stage
// that puts lines together asks DecideJoin, so the text of a heading, a
// caption and a paragraph is joined by one rule.
//
// The judge of what is a word is a Vocabulary: a word list plus the words
// of the document itself (DocumentVocabulary). A token longer than
// kLongestWord characters is never a word; no decision looks further than
// that into the text before or after a break, which keeps joining linear in
// the length of a paragraph.

#ifndef GLOSSA_CORE_IMPORT_JOIN_H_
#define GLOSSA_CORE_IMPORT_JOIN_H_

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/import/lines.h"
#include "core/vocabulary.h"

namespace glossa::import {

// The longest token, in characters, that can be a word (the report's
// longest tokens are URLs of about 140 characters).
inline constexpr std::size_t kLongestWord = 256;

// A copy of `words` plus the document's own words: the tokens inside its
// lines (neither first nor last on a line, so no line break split them),
// without quotes, brackets, punctuation and a glued footnote number, when
// they are letters and inner hyphens only and no longer than kLongestWord
// characters.
Vocabulary DocumentVocabulary(const Vocabulary& words,
                              const std::vector<Line>& lines);

// `text` (UTF-8) repaired as the header says. `at` is where `text` starts
// in the input; a U+FFFD between letters that no ligature makes a word
// becomes "fi", with a warning at its column. The text is read as UTF-8,
// never copied whole into wider characters: a line may be megabytes.
std::string RepairLine(std::string_view text, const Vocabulary& vocabulary,
                       const Location& at, Diagnostics& diags);

// The lines with every non-blank one repaired (RepairLine); `name` is the
// input's, for warnings.
std::vector<Line> RepairLines(std::vector<Line> lines,
                              const Vocabulary& vocabulary,
                              std::string_view name, Diagnostics& diags);

// What a line break becomes.
enum class Join {
  kSpace,            // one space: two words
  kNoSpace,          // nothing: a split word, a URL, CJK, "Big-Data-gestützte"
  kDropHyphen,       // the hyphen goes: "umge-" + "setzt" -> "umgesetzt"
  kKeepHyphenSpace,  // the hyphen stays, then a space: "Kredit- oder"
};

// How the text `before` a line break (a line, or all of a paragraph so
// far) and the `next` line meet. `trailing_space` says the line before the
// break ended with white space: the layout's word that the words are apart.
Join DecideJoin(const Vocabulary& vocabulary, std::string_view before,
                bool trailing_space, std::string_view next);

// Makes *text, the text before a line break, end as `join` wants the next
// line to follow: white space trimmed, then the hyphen dropped (kDropHyphen,
// which DecideJoin returns only after a hyphen) or one space added (kSpace,
// kKeepHyphenSpace).
void EndBeforeJoin(Join join, std::string* text);

// Appends the `next` line to *text as `join` says. Amortised linear: a
// paragraph of any length is joined line by line in place.
void ApplyJoin(Join join, std::string_view next, std::string* text);

// The text of lines[indexes[0]], lines[indexes[1]], ..., joined as
// DecideJoin decides; leading white space of the first dropped.
std::string JoinLines(const Vocabulary& vocabulary,
                      const std::vector<Line>& lines,
                      std::span<const std::size_t> indexes);

}  // namespace glossa::import

#endif  // GLOSSA_CORE_IMPORT_JOIN_H_
