// The words of a text that general dictionaries have entries for, around
// what the curated glossary already marked: `glossa annotate --dict`.
//
// Chinese has no spaces, so a run of Chinese letters is segmented the way
// Zhongwen segments it: at each character the longest form any dictionary
// has (Dictionary::LongestChinesePrefix) is taken, and the walk goes on
// after it; a character no form starts with is left unmarked. Any other
// word (letters, digits and marks, with an apostrophe between letters) is
// looked up whole with Dictionary::Find. The glossary's matches come first:
// nothing is marked inside them, and a Chinese form does not run into one.
//
//   std::vector<DictionaryMark> marks;
//   MarkWords("红绿灯 und Ampeln", {}, {&cedict, &ding}, &marks);
//   // 红绿灯 (CC-CEDICT), Ampeln (Ding); "und" too, if Ding has it
//   DictionaryWord word = DescribeWord("红绿灯", cedict);  // entries, term
//
// Marking and describing are apart because a text marks the same few
// thousand words over and over: a writer describes each distinct word once
// and keeps what it printed (annotate --dict, annotate_view.cc), and the
// marking itself allocates nothing per word.

#ifndef GLOSSA_CORE_DICTIONARY_MARKS_H_
#define GLOSSA_CORE_DICTIONARY_MARKS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/dictionary.h"

namespace glossa {

struct DictionaryMark {
  std::size_t begin = 0;  // byte offsets into the text
  std::size_t end = 0;
  std::size_t dictionary = 0;  // index into the dictionaries given
};

// What a dictionary says of a word it marked.
struct DictionaryWord {
  // The dictionary's entries for the word: for Chinese, every entry with
  // the form, in the file's order; for a word, those Find found by its best
  // kind of match.
  std::vector<std::size_t> entries;
  // The dictionary's form that matched: for Chinese the text folded to
  // simplified characters (the form the entries share), else the form as
  // the dictionary writes it.
  std::string term;
};

// Sets *marks to the marks in `text`, in the order of the text, none
// overlapping one another or a range of `taken` (byte ranges, sorted by
// begin, not overlapping: the glossary's top-level matches). Where several
// dictionaries know a Chinese word, the longest form wins, then the
// dictionary given first; for other words the first dictionary that finds
// the word. The dictionaries must outlive the call; may run on several
// threads at once.
void MarkWords(std::string_view text,
               const std::vector<std::pair<std::size_t, std::size_t>>& taken,
               const std::vector<const Dictionary*>& dictionaries,
               std::vector<DictionaryMark>* marks);

// What `dictionary` says of `surface`, the text of a mark MarkWords made
// in it. A function of the two alone: the same surface is described the
// same wherever it stands. Empty entries if the dictionary does not know
// the surface (it was not one of its marks).
DictionaryWord DescribeWord(std::string_view surface,
                            const Dictionary& dictionary);

}  // namespace glossa

#endif  // GLOSSA_CORE_DICTIONARY_MARKS_H_
