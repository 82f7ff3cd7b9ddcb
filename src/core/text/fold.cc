// The keys matching and lookup compare (FoldKey, LooseKey, TranscribedKey)
// and full case mapping (ToLower, ToUpper): see core/unicode.h.

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "core/text/icu_support.h"
#include "core/unicode.h"

namespace glossa {

// German umlauts written out as German writes them without the letters:
// "ä" as "ae", "ö" as "oe", "ü" as "ue", on case-folded text (ICU's
// de-ASCII does the same and more, through the registry).
std::string UmlautRules() { return "ä > ae ; ö > oe ; ü > ue ;"; }

namespace {

// Collapses runs of white space to one U+0020 and trims both ends.
icu::UnicodeString CollapseSpace(const icu::UnicodeString& text) {
  icu::UnicodeString out;
  bool pending_space = false;
  for (int32_t i = 0; i < text.length();) {
    UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c)) {
      pending_space = !out.isEmpty();
      continue;
    }
    if (pending_space) out.append(static_cast<UChar>(u' '));
    pending_space = false;
    out.append(c);
  }
  return out;
}

icu::UnicodeString Fold(std::string_view text) {
  Icu& icu = Shared();
  return CollapseSpace(icu.Normalize(*icu.nfkc_casefold, FromUtf8(text)));
}

}  // namespace

icu::UnicodeString StripMarks(const icu::UnicodeString& text) {
  Icu& icu = Shared();
  icu::UnicodeString decomposed = icu.Normalize(*icu.nfd, text);
  icu::UnicodeString out;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) != U_NON_SPACING_MARK) out.append(c);
  }
  return icu.Normalize(*icu.nfc, out);
}

std::string FoldKey(std::string_view text) { return ToUtf8(Fold(text)); }

std::string LooseKey(std::string_view text) {
  return ToUtf8(StripMarks(Fold(text)));
}

std::string TranscribedKey(std::string_view text) {
  // Most terms have no umlaut: a look at the bytes spares them ICU (ä ö ü
  // Ä Ö Ü are C3 A4, B6, BC, 84, 96, 9C; a decomposed one has CC 88).
  bool any = false;
  for (std::size_t i = 0; i + 1 < text.size() && !any; ++i) {
    auto next = static_cast<unsigned char>(text[i + 1]);
    if (text[i] == '\xC3')
      any = next == 0xA4 || next == 0xB6 || next == 0xBC || next == 0x84 ||
            next == 0x96 || next == 0x9C;
    else if (text[i] == '\xCC')
      any = next == 0x88;
  }
  if (!any) return "";
  Icu& icu = Shared();
  return ToUtf8(StripMarks(icu.Transliterate(icu.umlauts, Fold(text))));
}

std::string ToLower(std::string_view text) {
  icu::UnicodeString s = FromUtf8(text);
  s.toLower(icu::Locale::getRoot());
  return ToUtf8(s);
}

std::string ToUpper(std::string_view text) {
  icu::UnicodeString s = FromUtf8(text);
  s.toUpper(icu::Locale::getRoot());
  return ToUtf8(s);
}

}  // namespace glossa
