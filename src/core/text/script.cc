// Traditional and Simplified Chinese: SimplifiedCharacter, ToSimplified and
// ToTraditional (see core/unicode.h).

#include <algorithm>
#include <iterator>
#include <mutex>
#include <string>
#include <string_view>

#include "core/text/icu_support.h"
#include "core/unicode.h"

namespace glossa {
namespace {

struct HantHans {
  char32_t traditional;
  char32_t simplified;
};
// kHantHans: what ICU's Hant-Hans transform makes of each single character
// it changes, asked while building (src/gen/make_hant_hans.cc says why).
#include "core/hant_hans_table.inc"

// ICU's Hant-Hans on the one character `c`, from the table made of it.
char32_t HantToHans(char32_t c) {
  const HantHans* end = std::end(kHantHans);
  const HantHans* found = std::lower_bound(
      std::begin(kHantHans), end, c, [](const HantHans& pair, char32_t key) {
        return pair.traditional < key;
      });
  return found != end && found->traditional == c ? found->simplified : c;
}

char32_t SimplifiedOf(char32_t c) {
  Icu& icu = Shared();
  icu::UnicodeString s(static_cast<UChar32>(c));
  s = icu.Normalize(*icu.nfc, icu.Normalize(*icu.nfkc_casefold, s));
  if (s.countChar32() != 1) return c;
  return HantToHans(static_cast<char32_t>(s.char32At(0)));
}

}  // namespace

char32_t SimplifiedCharacter(char32_t c) {
  Icu& icu = Shared();
  {
    std::lock_guard<std::mutex> lock(icu.cache_mutex);
    auto found = icu.simplified.find(c);
    if (found != icu.simplified.end()) return found->second;
  }
  char32_t result = SimplifiedOf(c);
  std::lock_guard<std::mutex> lock(icu.cache_mutex);
  icu.simplified.emplace(c, result);
  return result;
}

std::string ToSimplified(std::string_view text) {
  // Han characters are three or four bytes long; text without such bytes
  // has nothing to change.
  bool any = false;
  for (char c : text) any = any || static_cast<unsigned char>(c) >= 0xE0;
  if (!any) return std::string(text);
  std::u32string s = CodePoints(text);
  for (char32_t& c : s) {
    if (IsCjkLetter(c)) c = SimplifiedCharacter(c);
  }
  return FromCodePoints(s);
}

std::string ToTraditional(std::string_view text) {
  Icu& icu = Shared();
  return ToUtf8(icu.Transliterate(icu.hans_to_hant, FromUtf8(text)));
}

}  // namespace glossa
