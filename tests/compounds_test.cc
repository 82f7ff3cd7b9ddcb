#include "core/compounds.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace glossa {
namespace {

TEST_CASE("a German compound holds its head and its first part",
          "[compounds]") {
  GermanCompounds compounds;
  const std::vector<std::string> datei = {"Datei"};
  CHECK(compounds.Hold("Die Projektdatei ist offen.", datei));
  CHECK(compounds.Hold("Kopieren Sie die Glossardateien.", datei));
  CHECK(compounds.Hold("Das Dateiformat ist unbekannt.", datei));
  CHECK(compounds.Hold("Erlaubte Dateitypen sind:", datei));
  // Three letters after the first part cannot be told from a suffix.
  CHECK_FALSE(compounds.Hold("Der Dateityp ist falsch.", datei));
  // A derivation is not a compound; the word alone is not one either.
  CHECK_FALSE(compounds.Hold("Die Wertung ist hoch.", {"Wert"}));
  CHECK_FALSE(compounds.Hold("Die Datei ist offen.", datei));
  // Renderings of more than one word are not looked for in compounds.
  CHECK_FALSE(
      compounds.Hold("Die Projektdatei ist offen.", {"digitale Datei"}));
  CHECK(compounds.Hold("Die Projektdatei ist offen.",
                       {"digitale Datei", "Datei"}));
}

}  // namespace
}  // namespace glossa
