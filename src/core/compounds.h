// German compounds, for the check that a translation holds a rendering
// (qa.h). German writes compounds as one word, and a compound holds its
// parts: „Projektdatei“ and „Glossardateien“ are files („Datei“ is their
// head), „Dateiformat“ is about files („Datei“ is its first part).
//
//   GermanCompounds compounds;
//   compounds.Hold("Die Projektdatei ist offen.", {"Datei"});  // true
//
// The matcher does not read compounds (it would link „Bonität“ inside every
// „Bonitätssystem“); only qa's check for a missing rendering does.

#ifndef GLOSSA_CORE_COMPOUNDS_H_
#define GLOSSA_CORE_COMPOUNDS_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/stemmer.h"

namespace glossa {

// Not thread-safe (it owns a Stemmer).
class GermanCompounds {
 public:
  // Whether a word of `text` holds one of the one-word `renderings` (those
  // with a space are skipped) as a part: the word
  //   - ends with the rendering, stems compared ("glossardatei" ends with
  //     "datei"), at least three letters before it; or
  //   - begins with the rendering's stem (four letters or more), at least
  //     four letters after it, which do not begin with a derivational suffix
  //     („Wertung“, „Zeichnung“ are not compounds of „Wert“, „Zeichen“;
  //     „Dateityp“, three letters after, cannot be told from one).
  bool Hold(std::string_view text, const std::vector<std::string>& renderings);

 private:
  std::string StemOf(std::string_view word);
  Stemmer stemmer_{"de"};
};

}  // namespace glossa

#endif  // GLOSSA_CORE_COMPOUNDS_H_
