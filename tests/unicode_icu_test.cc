// src/core/text/ answers two questions without asking ICU by name at run time
// (building ICU's transliterator registry costs a third of a lookup):
// Traditional-to-Simplified for one character comes from a table made
// while building, and tone marks to numbers from ICU's own rules written
// out. These tests ask ICU the old way, through its registry, and compare:
// the one test file besides src/core/text/ that includes ICU, because ICU is
// the oracle here.
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uniset.h>

#include <catch2/catch.hpp>
#include <memory>
#include <sstream>
#include <string>

#include "core/unicode.h"
#include "test_support.h"

namespace glossa {
namespace {

std::unique_ptr<icu::Transliterator> Transform(const char* id) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> transform(
      icu::Transliterator::createInstance(id, UTRANS_FORWARD, status));
  REQUIRE(U_SUCCESS(status));
  return transform;
}

std::string Utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

TEST_CASE(
    "SimplifiedCharacter is ICU's Hant-Hans for every character it changes "
    "and for the compatibility ideographs",
    "[unicode][icu]") {
  std::unique_ptr<icu::Transliterator> hant_hans = Transform("Hant-Hans");
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* fold =
      icu::Normalizer2::getNFKCCasefoldInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  REQUIRE(U_SUCCESS(status));
  icu::UnicodeSet asked;
  hant_hans->getSourceSet(asked);
  asked.add(0xF900, 0xFAFF);    // CJK Compatibility Ideographs
  asked.add(0x2F800, 0x2FA1F);  // ... Supplement
  asked.add(0x4E00, 0x9FFF);    // and the whole of the main block
  int changed = 0;
  std::string differ;
  for (int32_t range = 0; range < asked.getRangeCount(); ++range) {
    for (UChar32 c = asked.getRangeStart(range); c <= asked.getRangeEnd(range);
         ++c) {
      // What src/core/text/ asked ICU before: fold, compose, transform.
      icu::UnicodeString s = nfc->normalize(
          fold->normalize(icu::UnicodeString(c), status), status);
      char32_t expected = static_cast<char32_t>(c);
      if (s.countChar32() == 1) {
        hant_hans->transliterate(s);
        if (s.countChar32() == 1)
          expected = static_cast<char32_t>(s.char32At(0));
      }
      char32_t got = SimplifiedCharacter(static_cast<char32_t>(c));
      if (expected != static_cast<char32_t>(c)) ++changed;
      if (got != expected && differ.size() < 200)
        differ +=
            Utf8(icu::UnicodeString(c)) + "→" +
            Utf8(icu::UnicodeString(static_cast<UChar32>(got))) + " (ICU: " +
            Utf8(icu::UnicodeString(static_cast<UChar32>(expected))) + ") ";
    }
  }
  INFO(differ);
  CHECK(differ.empty());
  CHECK(changed > 2800);  // ICU 72 changes 2,855; the table is not empty
  CHECK(SimplifiedCharacter(U'徵') == U'征');
  CHECK(SimplifiedCharacter(U'體') == U'体');
  CHECK(SimplifiedCharacter(U'征') == U'征');
}

TEST_CASE(
    "PinyinToneNumbers gives what ICU's Latin-NumericPinyin gives, for every "
    "reading of CC-CEDICT in tone marks",
    "[unicode][icu]") {
  std::unique_ptr<icu::Transliterator> to_marks =
      Transform("NumericPinyin-Latin");
  std::unique_ptr<icu::Transliterator> to_numbers =
      Transform("Latin-NumericPinyin");
  std::istringstream lines(testing::ReadShared("data/dict/cedict_ts.u8"));
  std::string line;
  int compared = 0;
  std::string differ;
  while (std::getline(lines, line)) {
    std::size_t open = line.find('[');
    std::size_t close = line.find(']', open);
    if (line.empty() || line[0] == '#' || close == std::string::npos) continue;
    icu::UnicodeString reading =
        icu::UnicodeString::fromUTF8(line.substr(open + 1, close - open - 1));
    reading.toLower(icu::Locale::getRoot());
    // As PreparePinyin: u: and v are ü.
    reading.findAndReplace(u"u:", u"\u00fc");
    reading.findAndReplace(u"v", u"\u00fc");
    to_marks->transliterate(reading);
    // A word as a glossary writes it: the syllables joined.
    icu::UnicodeString word = reading;
    word.findAndReplace(u" ", u"");
    icu::UnicodeString numbered = word;
    to_numbers->transliterate(numbered);
    icu::UnicodeString expected;
    for (int32_t i = 0; i < numbered.length(); ++i) {
      char16_t c = numbered.charAt(i);
      if (c != u'5' && c != u'0' && c != u'\'' && c != u'-') expected.append(c);
    }
    std::string got = PinyinToneNumbers(Utf8(word));
    ++compared;
    if (got != Utf8(expected) && differ.size() < 300)
      differ += Utf8(word) + ": " + got + " (ICU: " + Utf8(expected) + ") ";
  }
  INFO(differ);
  CHECK(differ.empty());
  CHECK(compared > 100000);
}

}  // namespace
}  // namespace glossa
