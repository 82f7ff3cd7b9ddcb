// Which strings are words: the importer's judge when it must decide whether
// a line break split a word ("Verhal" + "ten") and which ligature a lost
// character stood for ("ö�entlichen").
//
// A Vocabulary is filled from word lists (Debian's wngerman,
// /usr/share/dict/ngerman) and from the words of the document itself. It
// knows a word as written, capitalised at the start of a sentence, in
// capitals (headings), and, when asked, as a German compound of known words
// ("Verhaltens" + "steuerung"), which word lists cannot list in full.

#ifndef GLOSSA_CORE_VOCABULARY_H_
#define GLOSSA_CORE_VOCABULARY_H_

#include <string>
#include <string_view>
#include <unordered_set>

namespace glossa {

class Vocabulary {
 public:
  // Adds each line of a word list (one word per line; "#" lines and empty
  // lines are skipped).
  void AddWordList(std::string_view text);
  void AddWord(std::string_view word);
  std::size_t size() const { return exact_.size(); }

  // Whether `word` is a word. Parts joined by hyphens must each be words
  // ("Sesame-Credit-App"). With `compounds`, a word made of known words is
  // known too ("Datenerhebung" from "Daten" and "Erhebung").
  //
  //   vocabulary.Knows("Bonität", false);         // if the list has it
  //   vocabulary.Knows("BONITÄTSPRÜFUNGEN", true);
  bool Knows(std::string_view word, bool compounds) const;

 private:
  bool KnowsAsWritten(const std::u32string& word) const;
  bool KnowsCompound(const std::u32string& word, int depth) const;

  std::unordered_set<std::string> exact_;
  std::unordered_set<std::string> lower_;
};

}  // namespace glossa

#endif  // GLOSSA_CORE_VOCABULARY_H_
