#include "core/stemmer.h"

#include <libstemmer.h>

#include <stdexcept>

namespace glossa {

Stemmer::Stemmer(std::string_view language) {
  const char* algorithm = language == "de"   ? "german"
                          : language == "en" ? "english"
                                             : nullptr;
  if (algorithm == nullptr) {
    throw std::runtime_error("no stemmer for language '" +
                             std::string(language) + "'");
  }
  stemmer_ = sb_stemmer_new(algorithm, "UTF_8");
  if (stemmer_ == nullptr) {
    throw std::runtime_error(std::string("libstemmer has no '") + algorithm +
                             "' stemmer");
  }
}

Stemmer::~Stemmer() { sb_stemmer_delete(stemmer_); }

std::string Stemmer::Stem(std::string_view folded_word) {
  // Snowball takes one suffix off per pass: "bonitätssystems" gives
  // "bonitatssystem", whose stem is "bonitatssyst", the stem of
  // "bonitätssystem". Stemming until nothing changes lets them meet.
  std::string word(folded_word);
  for (int pass = 0; pass < 3; ++pass) {
    const sb_symbol* stem = sb_stemmer_stem(
        stemmer_, reinterpret_cast<const sb_symbol*>(word.data()),
        static_cast<int>(word.size()));
    if (stem == nullptr) throw std::bad_alloc();
    std::string next(reinterpret_cast<const char*>(stem),
                     static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
    if (next == word) break;
    word = std::move(next);
  }
  return word;
}

}  // namespace glossa
