// Word stems for German and English: the Snowball stemmers (libstemmer),
// so that "gesellschaftliche", "gesellschaftlichen" and "gesellschaftliches"
// meet, and so do "system" and "systems".
//
// A Stemmer is not thread-safe (Snowball keeps state per stemmer); give each
// thread its own.
//
//   Stemmer german("de");
//   german.Stem("bonitätssystems");  // "bonitatssyst", as for "bonitätssystem"

#ifndef GLOSSA_CORE_STEMMER_H_
#define GLOSSA_CORE_STEMMER_H_

#include <string>
#include <string_view>

struct sb_stemmer;

namespace glossa {

class Stemmer {
 public:
  // `language` is "de" or "en". Throws std::runtime_error for others or if
  // libstemmer lacks the algorithm.
  explicit Stemmer(std::string_view language);
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // The stem of a word already case-folded (lower case, UTF-8), stemmed
  // again until it no longer changes (at most three passes).
  std::string Stem(std::string_view folded_word);

 private:
  sb_stemmer* stemmer_;
};

}  // namespace glossa

#endif  // GLOSSA_CORE_STEMMER_H_
